//! Reading the live state the manifests refer to: the declared workflows (by name, or pinned
//! id), every task in them (all pages) and the full definitions of the declared tasks, fetched
//! concurrently under the client's per-action rate limit.
//!
//! Only reads. Knows the API and the manifests' identities, decides nothing about changes.

pub mod cache;

use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

use futures::StreamExt;
use futures::stream;

use crate::api::types::{
    GetTriggerTaskCodeRequest, GetTriggerTaskRequest, GetTriggerWorkflowRequest,
    ListTriggerTasksRequest, ListTriggerWorkflowsRequest, TriggerTask, TriggerTaskBaseAttribute,
    TriggerWorkflowDetail, TriggerWorkflowInfo,
};
use crate::api::{ApiError, Client};
use crate::model::live::decode_code;

/// Concurrent reads in flight; the client's rate limiter does the real pacing.
const CONCURRENCY: usize = 16;
const PAGE_SIZE: i64 = 200;

/// One live workflow and its tasks.
#[derive(Debug, Clone)]
pub struct LiveWorkflow {
    pub id: String,
    pub name: String,
    pub modify_time: String,
    pub detail: Option<TriggerWorkflowDetail>,
    /// Every task of the workflow, as listed.
    pub tasks: Vec<TriggerTaskBaseAttribute>,
    /// Full definitions of the tasks asked for, by TaskId, with decoded code.
    pub definitions: HashMap<String, (TriggerTask, String)>,
}

impl LiveWorkflow {
    pub fn names_by_id(&self) -> HashMap<String, String> {
        self.tasks
            .iter()
            .map(|task| {
                (
                    task.task_id.clone(),
                    task.task_name.clone().unwrap_or_default(),
                )
            })
            .collect()
    }
}

/// What to read: workflows by name or pinned id, and per workflow (name or id) the task
/// names whose full definitions are needed.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub workflow_names: Vec<String>,
    pub workflow_ids: Vec<String>,
    pub task_names: HashMap<String, Vec<String>>,
    pub pinned_task_ids: Vec<String>,
    /// Read every task's definition, not only the declared ones (pruning needs the upstreams
    /// of the tasks it deletes, to delete dependents first).
    pub all_definitions: bool,
}

/// Lists every workflow of the project (all pages).
pub async fn list_workflows(
    client: &Client,
    project_id: &str,
) -> Result<Vec<TriggerWorkflowInfo>, ApiError> {
    let mut items = Vec::new();
    let mut page = 1;
    loop {
        let response = client
            .send(&ListTriggerWorkflowsRequest {
                project_id: project_id.to_owned(),
                page_number: Some(page),
                page_size: Some(PAGE_SIZE),
                ..Default::default()
            })
            .await?;
        let data = response.data.unwrap_or_default();
        items.extend(data.items.unwrap_or_default());
        if page as u64 >= data.total_page_number.unwrap_or(0) {
            return Ok(items);
        }
        page += 1;
    }
}

/// Lists every task of a workflow (all pages), optionally only those named `task_name`.
pub async fn list_tasks(
    client: &Client,
    project_id: &str,
    workflow_id: &str,
    task_name: Option<&str>,
) -> Result<Vec<TriggerTaskBaseAttribute>, ApiError> {
    let mut items = Vec::new();
    let mut page = 1;
    loop {
        let response = client
            .send(&ListTriggerTasksRequest {
                project_id: project_id.to_owned(),
                workflow_id: Some(workflow_id.to_owned()),
                task_name: task_name.map(str::to_owned),
                page_number: Some(page),
                page_size: Some(PAGE_SIZE),
                ..Default::default()
            })
            .await?;
        let data = response.data.unwrap_or_default();
        // The TaskName filter may match by substring: keep exact matches only.
        items.extend(data.items.unwrap_or_default().into_iter().filter(|task| {
            task.workflow_id == workflow_id
                && task_name.is_none_or(|name| task.task_name.as_deref() == Some(name))
        }));
        if page as u64 >= data.total_page_number.unwrap_or(0) {
            return Ok(items);
        }
        page += 1;
    }
}

/// A task's full definition with its code decoded (from GetTriggerTask, or GetTriggerTaskCode
/// when the definition carries none).
pub async fn get_task(
    client: &Client,
    project_id: &str,
    task_id: &str,
) -> Result<(TriggerTask, String), ApiError> {
    let response = client
        .send(&GetTriggerTaskRequest {
            project_id: project_id.to_owned(),
            task_id: task_id.to_owned(),
        })
        .await?;
    let task = response.data.ok_or_else(|| ApiError::InvalidResponse {
        action: "GetTriggerTask".into(),
        endpoint: client.config().endpoint.clone(),
        reason: format!("no Data for task {task_id}"),
        request_id: response.request_id.clone(),
    })?;
    let code = match task.trigger_task_configuration.code_content.as_deref() {
        Some(encoded) => decode_code(encoded),
        None => {
            let code = client
                .send(&GetTriggerTaskCodeRequest {
                    project_id: project_id.to_owned(),
                    task_id: task_id.to_owned(),
                })
                .await?;
            decode_code(
                &code
                    .data
                    .and_then(|data| data.code_info)
                    .unwrap_or_default(),
            )
        }
    };
    Ok((task, code))
}

/// Reads everything in `scope`. Workflows not found are absent from the result.
///
/// With a cache, a task whose LastUpdateTime and latest version match a cached entry is not
/// read again.
pub async fn fetch(
    client: &Client,
    project_id: &str,
    scope: &Scope,
    cache: Option<&Mutex<cache::DefinitionCache>>,
) -> Result<Vec<LiveWorkflow>, ApiError> {
    let listed = list_workflows(client, project_id).await?;
    let mut wanted: BTreeMap<String, (String, String)> = BTreeMap::new();
    for info in &listed {
        let (Some(id), Some(name)) = (&info.workflow_id, &info.workflow_name) else {
            continue;
        };
        if scope.workflow_names.contains(name) || scope.workflow_ids.contains(id) {
            wanted.insert(
                id.clone(),
                (name.clone(), info.modify_time.clone().unwrap_or_default()),
            );
        }
    }
    let fetches = wanted
        .into_iter()
        .map(|(id, (name, modify_time))| async move {
            let detail_request = GetTriggerWorkflowRequest {
                project_id: project_id.to_owned(),
                workflow_id: id.clone(),
            };
            let cached = cache.and_then(|cache| {
                cache
                    .lock()
                    .expect("cache lock")
                    .get_workflow(&id, &modify_time)
            });
            let (tasks, detail) =
                futures::try_join!(list_tasks(client, project_id, &id, None), async {
                    if let Some(detail) = cached {
                        return Ok(Some(detail));
                    }
                    let detail = client.send(&detail_request).await?.data;
                    if let (Some(cache), Some(detail)) = (cache, &detail) {
                        cache
                            .lock()
                            .expect("cache lock")
                            .put_workflow(&id, &modify_time, detail);
                    }
                    Ok(detail)
                })?;
            Ok::<_, ApiError>(LiveWorkflow {
                id,
                name,
                modify_time,
                detail,
                tasks,
                definitions: HashMap::new(),
            })
        });
    let mut workflows: Vec<LiveWorkflow> = stream::iter(fetches)
        .buffer_unordered(CONCURRENCY)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<_, _>>()?;
    workflows.sort_by(|left, right| left.name.cmp(&right.name));

    let mut wanted_tasks: Vec<(usize, String, String, String)> = Vec::new();
    for (position, workflow) in workflows.iter().enumerate() {
        let names: Vec<&String> = scope
            .task_names
            .get(&workflow.name)
            .into_iter()
            .chain(scope.task_names.get(&workflow.id))
            .flatten()
            .collect();
        for task in &workflow.tasks {
            let name = task.task_name.clone().unwrap_or_default();
            if scope.all_definitions
                || names.contains(&&name)
                || scope.pinned_task_ids.contains(&task.task_id)
            {
                wanted_tasks.push((
                    position,
                    task.task_id.clone(),
                    task.last_update_time.clone().unwrap_or_default(),
                    task.task_latest_version_no.clone().unwrap_or_default(),
                ));
            }
        }
    }
    let definitions: Vec<(usize, String, (TriggerTask, String))> =
        stream::iter(wanted_tasks.into_iter().map(
            |(position, task_id, updated, version)| async move {
                let cached = cache.and_then(|cache| {
                    cache
                        .lock()
                        .expect("cache lock")
                        .get(&task_id, &updated, &version)
                });
                let definition = match cached {
                    Some(definition) => definition,
                    None => {
                        let definition = get_task(client, project_id, &task_id).await?;
                        if let Some(cache) = cache {
                            cache.lock().expect("cache lock").put(
                                &task_id,
                                &updated,
                                &version,
                                &definition.0,
                                &definition.1,
                            );
                        }
                        definition
                    }
                };
                Ok::<_, ApiError>((position, task_id, definition))
            },
        ))
        .buffer_unordered(CONCURRENCY)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<_, _>>()?;
    for (position, task_id, definition) in definitions {
        workflows[position].definitions.insert(task_id, definition);
    }
    Ok(workflows)
}
