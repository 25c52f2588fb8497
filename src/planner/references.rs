//! Pinned ids must exist. A workflow, a task, a task's `workflow: {id: ...}`, an upstream or
//! a parameter source pinned to an id that WeData does not have is an error at the line that
//! pins it, before any write: planning it as a create would make a task with another id, and
//! the project would never settle.
//!
//! Ids found in the live state already read cost nothing; an upstream pinned to a task outside
//! the declared workflows is looked up once with GetTriggerTask / GetTask.

use crate::codes::PlanCode;
use std::collections::{BTreeMap, HashSet};

use futures::StreamExt;

use super::Refusal;
use crate::api::types::{GetTaskRequest, GetTriggerTaskRequest};
use crate::api::{ApiError, Client};
use crate::live::LiveWorkflow;
use crate::manifest::types::Reference;
use crate::manifest::{Project, Task};
use crate::reconcile::inputs::workflow_label;
use crate::reconcile::renames;

/// Concurrent lookups; the client's rate limiter does the real pacing.
const CONCURRENCY: usize = 8;

/// A pinned id the live state does not show, and where it is written.
struct Unresolved {
    id: String,
    periodic: bool,
    refusal: Refusal,
}

/// Every pinned id of the project that WeData does not have, as refusals in manifest order.
pub async fn check(
    client: &Client,
    project: &Project,
    live: &[LiveWorkflow],
) -> Result<Vec<Refusal>, ApiError> {
    let project_id = &project.settings.project_id;
    let mut refusals = Vec::new();
    let live_workflow_ids: HashSet<&str> =
        live.iter().map(|workflow| workflow.id.as_str()).collect();
    for workflow in &project.workflows {
        let Some(id) = workflow.id_span() else {
            continue;
        };
        if !live_workflow_ids.contains(id.value.as_str()) {
            refusals.push(
                Refusal::new(
                    PlanCode::PinnedIdMissing,
                    format!(
                        "the {} `{}` is pinned to id {}, which project {project_id} does not have",
                        if workflow.is_periodic() { "workflow" } else { "trigger workflow" },
                        workflow.name,
                        id.value
                    ),
                )
                .at(
                    &workflow.file,
                    workflow.file_line(id.referenced.line()),
                    id.referenced.column() as usize,
                )
                .with_help(
                    "check the id (List*Workflows shows them), or remove `id:` to find the workflow by name or create it",
                ),
            );
        }
    }

    let live_task_ids: HashSet<&str> = live
        .iter()
        .flat_map(|workflow| workflow.tasks.iter().map(|task| task.task_id.as_str()))
        .collect();
    let mut unresolved: Vec<Unresolved> = Vec::new();
    for task in &project.tasks {
        let workflow = task.workflow();
        if let Reference::Id { id } = &workflow.value {
            if !live_workflow_ids.contains(id.as_str()) {
                refusals.push(
                    Refusal::new(
                        PlanCode::PinnedIdMissing,
                        format!(
                            "the task `{}` names the workflow id {id}, which project {project_id} does not have",
                            task.name()
                        ),
                    )
                    .at(
                        &task.file,
                        task.file_line(workflow.referenced.line()),
                        workflow.referenced.column() as usize,
                    )
                    .with_help("check the WorkflowId, or name a workflow declared in this repository"),
                );
                // The task's own pins cannot be checked in a workflow that does not exist.
                continue;
            }
        }
        if let Some(id) = task.id_span() {
            let home = renames::home_workflow(project, task, live);
            let listed =
                home.is_some_and(|home| home.tasks.iter().any(|listed| listed.task_id == id.value));
            if !listed {
                let workflow_text = match home {
                    Some(home) => format!(
                        "the workflow `{}` ({}) has no task with that id",
                        home.name, home.id
                    ),
                    None => format!(
                        "its workflow `{}` does not exist in WeData yet",
                        workflow_label(task)
                    ),
                };
                refusals.push(
                    Refusal::new(
                        PlanCode::PinnedIdMissing,
                        format!(
                            "the task `{}` is pinned to id {}, but {workflow_text}",
                            task.name(),
                            id.value
                        ),
                    )
                    .at(
                        &task.file,
                        task.file_line(id.referenced.line()),
                        id.referenced.column() as usize,
                    )
                    .with_help(
                        "check the id and the task's workflow; remove `id:` to find the task by name (or create it)",
                    ),
                );
            }
        }
        for (reference, what) in pinned_references(task) {
            if live_task_ids.contains(reference.id.as_str()) {
                continue;
            }
            unresolved.push(Unresolved {
                id: reference.id.clone(),
                periodic: task.is_periodic(),
                refusal: Refusal::new(
                    PlanCode::PinnedIdMissing,
                    format!(
                        "the {what} of `{}` is pinned to task id {}, which project {project_id} does not have",
                        task.name(),
                        reference.id
                    ),
                )
                .at(&task.file, task.file_line(reference.line), reference.column as usize)
                .with_help("check the TaskId, or reference a task of the same workflow by name"),
            });
        }
    }
    refusals.extend(missing_elsewhere(client, project_id, unresolved).await?);
    Ok(refusals)
}

struct PinnedReference {
    id: String,
    line: u64,
    column: u64,
}

/// The task's upstreams and parameter sources pinned by id, with where each is written.
fn pinned_references(task: &Task) -> Vec<(PinnedReference, &'static str)> {
    let mut pinned = Vec::new();
    for upstream in task.upstream() {
        if let Reference::Id { id } = upstream.reference {
            pinned.push((
                PinnedReference {
                    id: id.clone(),
                    line: upstream.line,
                    column: upstream.column,
                },
                "upstream",
            ));
        }
    }
    for input in task.params_in() {
        if let Reference::Id { id } = &input.from_task.value {
            pinned.push((
                PinnedReference {
                    id: id.clone(),
                    line: input.from_task.referenced.line(),
                    column: input.from_task.referenced.column(),
                },
                "parameter source",
            ));
        }
    }
    pinned
}

/// Looks up each distinct id not seen in the declared workflows (a task of another workflow
/// is a legitimate upstream); keeps the refusals of those WeData does not have.
async fn missing_elsewhere(
    client: &Client,
    project_id: &str,
    unresolved: Vec<Unresolved>,
) -> Result<Vec<Refusal>, ApiError> {
    let distinct: BTreeMap<(String, bool), ()> = unresolved
        .iter()
        .map(|entry| ((entry.id.clone(), entry.periodic), ()))
        .collect();
    let lookups = futures::stream::iter(distinct.into_keys().map(|(id, periodic)| async move {
        let exists = task_exists(client, project_id, &id, periodic).await?;
        Ok::<_, ApiError>(((id, periodic), exists))
    }))
    .buffer_unordered(CONCURRENCY)
    .collect::<Vec<_>>()
    .await
    .into_iter()
    .collect::<Result<BTreeMap<_, _>, _>>()?;
    Ok(unresolved
        .into_iter()
        .filter(|entry| lookups.get(&(entry.id.clone(), entry.periodic)) == Some(&false))
        .map(|entry| entry.refusal)
        .collect())
}

/// Whether WeData has a task with this id (ResourceNotFound, or an answer without a task,
/// means it does not).
async fn task_exists(
    client: &Client,
    project_id: &str,
    task_id: &str,
    periodic: bool,
) -> Result<bool, ApiError> {
    let answer = if periodic {
        client
            .send(&GetTaskRequest {
                project_id: project_id.to_owned(),
                task_id: task_id.to_owned(),
            })
            .await
            .map(|response| response.data.is_some())
    } else {
        client
            .send(&GetTriggerTaskRequest {
                project_id: project_id.to_owned(),
                task_id: task_id.to_owned(),
            })
            .await
            .map(|response| response.data.is_some())
    };
    match answer {
        Ok(found) => Ok(found),
        Err(error)
            if error
                .code()
                .is_some_and(|code| code.starts_with("ResourceNotFound")) =>
        {
            Ok(false)
        }
        Err(error) => Err(error),
    }
}
