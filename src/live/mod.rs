//! Reading the live state the manifests refer to: the declared workflows (by name, or pinned
//! id), every task in them (all pages) and the full definitions of the declared tasks, fetched
//! concurrently under the client's per-action rate limit.
//!
//! Only reads. Knows the API and the manifests' identities, decides nothing about changes.

pub mod cache;
pub mod folders;
pub mod legacy;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Mutex;

use futures::StreamExt;
use futures::stream;
use serde::{Deserialize, Serialize};

use crate::api::convert;
use crate::api::legacy::TaskDsDTO;
use crate::api::types::{
    GetTaskRequest, GetTriggerTaskCodeRequest, GetTriggerTaskRequest, GetTriggerWorkflowRequest,
    GetWorkflowRequest, ListOpsTasksRequest, ListTasksRequest, ListTriggerTasksRequest,
    ListTriggerWorkflowsRequest, ListWorkflowsRequest, Task as PeriodicTask, TriggerTask,
    TriggerTaskBaseAttribute, TriggerWorkflowDetail, WorkflowDetail,
};
use crate::api::{ApiError, Client};
use crate::model::TaskNames;
use crate::model::legacy::{as_periodic_task, legacy_task_state};
use crate::model::live::{common_view, decode_code, periodic_task_state, task_state};
use crate::model::normalize::schedule_state_value;
use crate::model::{SCHEDULE_STATE_MEMBER, TaskState, WorkflowState};

/// Concurrent reads in flight; the client's rate limiter does the real pacing.
const CONCURRENCY: usize = 16;
const PAGE_SIZE: i64 = 200;
/// ListOpsTasks takes its page size as a string (and documents no maximum).
const OPS_PAGE_SIZE: &str = "100";

/// A task's full definition as WeData returned it, by kind.
// The kinds are about the same size; boxing one would only add an allocation.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum LiveDefinition {
    Trigger(TriggerTask),
    Periodic(PeriodicTask),
    /// A periodic task read through the legacy 2021-08-20 API (DescribeTaskDetailDs). Boxed:
    /// TaskDsDTO is several times the size of the others, and every definition would pay it.
    Legacy(Box<TaskDsDTO>),
}

impl LiveDefinition {
    /// The members both kinds share, in the trigger task's types.
    pub fn common(&self) -> TriggerTask {
        match self {
            Self::Trigger(task) => task.clone(),
            Self::Periodic(task) => common_view(task),
            Self::Legacy(detail) => common_view(&as_periodic_task(detail)),
        }
    }

    /// The task's comparable state.
    pub fn state(&self, code: Option<&str>, names_by_id: &dyn TaskNames) -> TaskState {
        match self {
            Self::Trigger(task) => task_state(task, code, names_by_id),
            Self::Periodic(task) => periodic_task_state(task, code, names_by_id),
            Self::Legacy(detail) => legacy_task_state(detail, names_by_id),
        }
    }

    /// TaskIds this task depends on: upstreams and parameter sources.
    pub fn upstream_ids(&self) -> Vec<String> {
        let common = self.common();
        let scheduler = &common.trigger_task_scheduler_configuration;
        scheduler
            .upstream_dependency_config_list
            .iter()
            .flatten()
            .map(|dependency| dependency.task_id.clone())
            .chain(
                scheduler
                    .param_task_in_list
                    .iter()
                    .flatten()
                    .map(|input| input.from_task_id.clone()),
            )
            .collect()
    }
}

/// A workflow's detail as WeData returned it, by kind.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum LiveWorkflowDetail {
    Trigger(TriggerWorkflowDetail),
    Periodic(WorkflowDetail),
}

impl LiveWorkflowDetail {
    pub fn state(&self, name: &str) -> WorkflowState {
        match self {
            Self::Trigger(detail) => crate::model::live::workflow_state(name, detail),
            Self::Periodic(detail) => crate::model::live::periodic_workflow_state(name, detail),
        }
    }
}

/// One live workflow and its tasks.
#[derive(Debug, Clone, Default)]
pub struct LiveWorkflow {
    pub id: String,
    pub name: String,
    /// A periodic (`cycle` / `manual`) workflow rather than a trigger workflow.
    pub periodic: bool,
    pub modify_time: String,
    pub detail: Option<LiveWorkflowDetail>,
    /// Every task of the workflow, as listed (periodic tasks in the trigger task's type: the
    /// members are the same).
    pub tasks: Vec<TriggerTaskBaseAttribute>,
    /// Full definitions of the tasks asked for, by TaskId, with decoded code.
    pub definitions: HashMap<String, (LiveDefinition, String)>,
    /// TaskIds whose definitions came from the local cache rather than from WeData in this
    /// run (apply reads them again before writing over them).
    pub cached_definitions: HashSet<String>,
    /// Whether `detail` came from the local cache.
    pub detail_from_cache: bool,
    /// The operations center's Status of each task (TaskId → `Y`, `O`, ...), read with
    /// ListOpsTasks when a task of this periodic workflow declares `scheduler.state`; `None`
    /// when not read. Never cached: pausing a task changes no LastUpdateTime.
    pub ops_statuses: Option<HashMap<String, String>>,
}

impl LiveWorkflow {
    /// The comparable state of the task `task_id` (from its definition and, when read, its
    /// operations status), or `None` when its definition was not read.
    pub fn task_state(&self, task_id: &str, names_by_id: &dyn TaskNames) -> Option<TaskState> {
        let (definition, code) = self.definitions.get(task_id)?;
        Some(self.state_of(task_id, definition, code, names_by_id))
    }

    /// The comparable state of `definition` (the task `task_id` of this workflow, read now or
    /// earlier), with the operations status this workflow read for it.
    pub fn state_of(
        &self,
        task_id: &str,
        definition: &LiveDefinition,
        code: &str,
        names_by_id: &dyn TaskNames,
    ) -> TaskState {
        let mut state = definition.state(Some(code), names_by_id);
        if let Some(statuses) = &self.ops_statuses {
            state.members.insert(
                SCHEDULE_STATE_MEMBER.to_owned(),
                schedule_state_value(statuses.get(task_id).map(String::as_str)),
            );
        }
        state
    }

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

/// What to read: workflows by name or pinned id (per kind), and per workflow (name or id)
/// the task names whose full definitions are needed.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub workflow_names: Vec<String>,
    pub workflow_ids: Vec<String>,
    pub periodic_workflow_names: Vec<String>,
    pub periodic_workflow_ids: Vec<String>,
    pub task_names: HashMap<String, Vec<String>>,
    pub pinned_task_ids: Vec<String>,
    /// Read every task's definition, not only the declared ones (pruning needs the upstreams
    /// of the tasks it deletes, to delete dependents first).
    pub all_definitions: bool,
    /// Periodic workflows (name or id) whose tasks' operations statuses are read: those with a
    /// task declaring `scheduler.state`.
    pub ops_status_of: Vec<String>,
    /// Read the operations statuses of every periodic workflow in scope (import).
    pub all_ops_statuses: bool,
    /// Also list manual periodic workflows by type (a list without WorkflowType may show only
    /// `cycle` ones, as ListOpsWorkflows documents for its own default).
    pub manual_workflows: bool,
}

/// One workflow as listed: id, name, ModifyTime.
#[derive(Debug, Clone)]
pub struct ListedWorkflow {
    pub id: String,
    pub name: String,
    pub modify_time: String,
}

/// Lists every trigger workflow (`periodic` false) or periodic workflow of the project.
pub async fn list_workflows(
    client: &Client,
    project_id: &str,
    periodic: bool,
) -> Result<Vec<ListedWorkflow>, ApiError> {
    list_workflows_of_type(client, project_id, periodic, None).await
}

/// Lists workflows; for periodic ones, only those of `workflow_type` (`cycle` / `manual`)
/// when given.
async fn list_workflows_of_type(
    client: &Client,
    project_id: &str,
    periodic: bool,
    workflow_type: Option<&str>,
) -> Result<Vec<ListedWorkflow>, ApiError> {
    let mut items = Vec::new();
    let mut page = 1;
    loop {
        let (listed, total_pages) = if periodic {
            let data = client
                .send(&ListWorkflowsRequest {
                    project_id: project_id.to_owned(),
                    page_number: Some(page),
                    page_size: Some(PAGE_SIZE),
                    workflow_type: workflow_type.map(str::to_owned),
                    ..Default::default()
                })
                .await?
                .data
                .unwrap_or_default();
            let listed: Vec<_> = data
                .items
                .unwrap_or_default()
                .into_iter()
                .map(|info| (info.workflow_id, info.workflow_name, info.modify_time))
                .collect();
            (listed, data.total_page_number.unwrap_or(0))
        } else {
            let data = client
                .send(&ListTriggerWorkflowsRequest {
                    project_id: project_id.to_owned(),
                    page_number: Some(page),
                    page_size: Some(PAGE_SIZE),
                    ..Default::default()
                })
                .await?
                .data
                .unwrap_or_default();
            let listed: Vec<_> = data
                .items
                .unwrap_or_default()
                .into_iter()
                .map(|info| (info.workflow_id, info.workflow_name, info.modify_time))
                .collect();
            (listed, data.total_page_number.unwrap_or(0))
        };
        items.extend(listed.into_iter().filter_map(|(id, name, modify_time)| {
            Some(ListedWorkflow {
                id: id?,
                name: name?,
                modify_time: modify_time.unwrap_or_default(),
            })
        }));
        if page as u64 >= total_pages {
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
    periodic: bool,
) -> Result<Vec<TriggerTaskBaseAttribute>, ApiError> {
    let mut items = Vec::new();
    let mut page = 1;
    loop {
        let (listed, total_pages): (Vec<TriggerTaskBaseAttribute>, u64) = if periodic {
            let data = client
                .send(&ListTasksRequest {
                    project_id: project_id.to_owned(),
                    workflow_id: Some(workflow_id.to_owned()),
                    task_name: task_name.map(str::to_owned),
                    page_number: Some(page),
                    page_size: Some(PAGE_SIZE),
                    ..Default::default()
                })
                .await?
                .data
                .unwrap_or_default();
            (
                data.items.unwrap_or_default().iter().map(convert).collect(),
                data.total_page_number.unwrap_or(0),
            )
        } else {
            let data = client
                .send(&ListTriggerTasksRequest {
                    project_id: project_id.to_owned(),
                    workflow_id: Some(workflow_id.to_owned()),
                    task_name: task_name.map(str::to_owned),
                    page_number: Some(page),
                    page_size: Some(PAGE_SIZE),
                    ..Default::default()
                })
                .await?
                .data
                .unwrap_or_default();
            (
                data.items.unwrap_or_default(),
                data.total_page_number.unwrap_or(0),
            )
        };
        // The TaskName filter may match by substring: keep exact matches only.
        items.extend(listed.into_iter().filter(|task| {
            task.workflow_id == workflow_id
                && task_name.is_none_or(|name| task.task_name.as_deref() == Some(name))
        }));
        if page as u64 >= total_pages {
            return Ok(items);
        }
        page += 1;
    }
}

/// The operations center's Status of every task of the periodic workflow `workflow_id`
/// (TaskId → `Y` scheduled, `O` paused, ...), all pages of ListOpsTasks. Tasks never
/// submitted are not listed.
pub async fn ops_statuses(
    client: &Client,
    project_id: &str,
    workflow_id: &str,
) -> Result<HashMap<String, String>, ApiError> {
    let mut statuses = HashMap::new();
    let mut page: u64 = 1;
    loop {
        let data = client
            .send(&ListOpsTasksRequest {
                project_id: project_id.to_owned(),
                workflow_id: Some(workflow_id.to_owned()),
                page_number: Some(page.to_string()),
                page_size: Some(OPS_PAGE_SIZE.to_owned()),
                ..Default::default()
            })
            .await?
            .data
            .unwrap_or_default();
        for item in data.items.unwrap_or_default() {
            // The WorkflowId filter is WeData's; keep only what it was asked for.
            if let (Some(task_id), Some(status), Some(workflow)) =
                (item.task_id, item.status, item.workflow_id.as_deref())
            {
                if workflow == workflow_id {
                    statuses.insert(task_id, status);
                }
            }
        }
        if page >= data.total_page_number.unwrap_or(0) {
            return Ok(statuses);
        }
        page += 1;
    }
}

/// A task's full definition with its code decoded (from GetTriggerTask, or GetTriggerTaskCode
/// when the definition carries none; from GetTask for periodic tasks).
pub async fn get_task(
    client: &Client,
    project_id: &str,
    task_id: &str,
    periodic: bool,
) -> Result<(LiveDefinition, String), ApiError> {
    let missing = |action: &str, request_id: &Option<String>| ApiError::InvalidResponse {
        action: action.into(),
        endpoint: client.config().endpoint.clone(),
        reason: format!("no Data for task {task_id}"),
        request_id: request_id.clone(),
    };
    if periodic {
        let response = client
            .send(&GetTaskRequest {
                project_id: project_id.to_owned(),
                task_id: task_id.to_owned(),
            })
            .await?;
        let task = response
            .data
            .ok_or_else(|| missing("GetTask", &response.request_id))?;
        let code = decode_code(
            task.task_configuration
                .code_content
                .as_deref()
                .unwrap_or_default(),
        );
        return Ok((LiveDefinition::Periodic(task), code));
    }
    let response = client
        .send(&GetTriggerTaskRequest {
            project_id: project_id.to_owned(),
            task_id: task_id.to_owned(),
        })
        .await?;
    let task = response
        .data
        .ok_or_else(|| missing("GetTriggerTask", &response.request_id))?;
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
    Ok((LiveDefinition::Trigger(task), code))
}

/// A workflow's detail (GetTriggerWorkflow or GetWorkflow).
pub async fn get_workflow(
    client: &Client,
    project_id: &str,
    workflow_id: &str,
    periodic: bool,
) -> Result<Option<LiveWorkflowDetail>, ApiError> {
    Ok(if periodic {
        client
            .send(&GetWorkflowRequest {
                project_id: project_id.to_owned(),
                workflow_id: workflow_id.to_owned(),
            })
            .await?
            .data
            .map(LiveWorkflowDetail::Periodic)
    } else {
        client
            .send(&GetTriggerWorkflowRequest {
                project_id: project_id.to_owned(),
                workflow_id: workflow_id.to_owned(),
            })
            .await?
            .data
            .map(LiveWorkflowDetail::Trigger)
    })
}

/// Reads everything in `scope`. Workflows not found are absent from the result.
///
/// With a cache, a task whose workflow, LastUpdateTime and latest version match a cached
/// entry is not read again.
pub async fn fetch(
    client: &Client,
    project_id: &str,
    scope: &Scope,
    cache: Option<&Mutex<cache::DefinitionCache>>,
) -> Result<Vec<LiveWorkflow>, ApiError> {
    let mut wanted: BTreeMap<String, (String, String, bool)> = BTreeMap::new();
    for (periodic, names, ids) in [
        (false, &scope.workflow_names, &scope.workflow_ids),
        (
            true,
            &scope.periodic_workflow_names,
            &scope.periodic_workflow_ids,
        ),
    ] {
        if names.is_empty() && ids.is_empty() {
            continue;
        }
        let mut listed = list_workflows(client, project_id, periodic).await?;
        if periodic && scope.manual_workflows {
            listed.extend(list_workflows_of_type(client, project_id, true, Some("manual")).await?);
        }
        for listed in listed {
            if names.contains(&listed.name) || ids.contains(&listed.id) {
                wanted.insert(listed.id, (listed.name, listed.modify_time, periodic));
            }
        }
    }
    let fetches = wanted
        .into_iter()
        .map(|(id, (name, modify_time, periodic))| async move {
            let cached = cache.and_then(|cache| {
                cache
                    .lock()
                    .expect("cache lock")
                    .get_workflow(&id, &modify_time)
            });
            let detail_from_cache = cached.is_some();
            let wants_statuses = periodic
                && (scope.all_ops_statuses
                    || scope
                        .ops_status_of
                        .iter()
                        .any(|wanted| *wanted == id || *wanted == name));
            let (tasks, detail, ops_statuses) = futures::try_join!(
                list_tasks(client, project_id, &id, None, periodic),
                async {
                    if let Some(detail) = cached {
                        return Ok(Some(detail));
                    }
                    let detail = get_workflow(client, project_id, &id, periodic).await?;
                    if let (Some(cache), Some(detail)) = (cache, &detail) {
                        cache
                            .lock()
                            .expect("cache lock")
                            .put_workflow(&id, &modify_time, detail);
                    }
                    Ok(detail)
                },
                async {
                    if wants_statuses {
                        ops_statuses(client, project_id, &id).await.map(Some)
                    } else {
                        Ok(None)
                    }
                }
            )?;
            Ok::<_, ApiError>(LiveWorkflow {
                id,
                name,
                periodic,
                modify_time,
                detail,
                tasks,
                definitions: HashMap::new(),
                cached_definitions: HashSet::new(),
                detail_from_cache,
                ops_statuses,
            })
        });
    let mut workflows: Vec<LiveWorkflow> = stream::iter(fetches)
        .buffer_unordered(CONCURRENCY)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<_, _>>()?;
    workflows.sort_by(|left, right| left.name.cmp(&right.name));

    let mut wanted_tasks: Vec<(usize, String, cache::Listed, bool)> = Vec::new();
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
                    cache::Listed {
                        workflow_id: workflow.id.clone(),
                        last_update_time: task.last_update_time.clone().unwrap_or_default(),
                        latest_version: task.task_latest_version_no.clone().unwrap_or_default(),
                    },
                    workflow.periodic,
                ));
            }
        }
    }
    let definitions: Vec<(usize, String, (LiveDefinition, String), bool)> =
        stream::iter(wanted_tasks.into_iter().map(
            |(position, task_id, listed, periodic)| async move {
                let cached = cache
                    .and_then(|cache| cache.lock().expect("cache lock").get(&task_id, &listed));
                let from_cache = cached.is_some();
                let definition = match cached {
                    Some(definition) => definition,
                    None => {
                        let definition = get_task(client, project_id, &task_id, periodic).await?;
                        if let Some(cache) = cache {
                            cache.lock().expect("cache lock").put(
                                &task_id,
                                &listed,
                                &definition.0,
                                &definition.1,
                            );
                        }
                        definition
                    }
                };
                Ok::<_, ApiError>((position, task_id, definition, from_cache))
            },
        ))
        .buffer_unordered(CONCURRENCY)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect::<Result<_, _>>()?;
    for (position, task_id, definition, from_cache) in definitions {
        if from_cache {
            workflows[position]
                .cached_definitions
                .insert(task_id.clone());
        }
        workflows[position].definitions.insert(task_id, definition);
    }
    Ok(workflows)
}

/// One workflow of either kind, by name or WorkflowId, with the definition of every task in
/// it: what `import` and `init --from-workflow` turn into manifests. `None` when the project
/// has no such workflow; a WorkflowId match wins over a name that happens to equal it.
pub async fn fetch_workflow(
    client: &Client,
    project_id: &str,
    name_or_id: &str,
) -> Result<Option<LiveWorkflow>, ApiError> {
    let wanted = vec![name_or_id.to_owned()];
    let scope = Scope {
        workflow_names: wanted.clone(),
        workflow_ids: wanted.clone(),
        periodic_workflow_names: wanted.clone(),
        periodic_workflow_ids: wanted,
        all_definitions: true,
        all_ops_statuses: true,
        ..Scope::default()
    };
    let mut workflows = fetch(client, project_id, &scope, None).await?;
    let chosen = workflows
        .iter()
        .position(|workflow| workflow.id == name_or_id)
        .unwrap_or(0);
    Ok((chosen < workflows.len()).then(|| workflows.swap_remove(chosen)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The legacy answer is boxed: a 10,000-task plan holds 10,000 definitions, and an enum is
    /// as large as its largest variant (this once cost 33 MiB of peak memory).
    #[test]
    fn a_legacy_definition_does_not_grow_every_live_definition() {
        let largest_current =
            std::mem::size_of::<TriggerTask>().max(std::mem::size_of::<PeriodicTask>());
        assert!(
            std::mem::size_of::<LiveDefinition>() <= largest_current + 8,
            "{} > {largest_current}",
            std::mem::size_of::<LiveDefinition>()
        );
    }
}
