//! Finding one declared task in WeData: its TaskId, kind, live definition and the names of
//! its workflow's tasks, read with the plan's own scope and identity matching (a pinned id
//! wins, else workflow plus name), for that task only.

use std::collections::HashMap;

use super::HistoryError;
use crate::api::Client;
use crate::live::{LiveDefinition, LiveWorkflow};
use crate::manifest::{Project, Task};
use crate::reconcile::inputs::{build_plan, scope};
use crate::reconcile::plan::DeletionPolicy;

/// A declared task as WeData has it now.
#[derive(Debug, Clone)]
pub struct Located {
    pub address: String,
    pub task_id: String,
    pub periodic: bool,
    /// The live draft and its decoded code.
    pub definition: LiveDefinition,
    pub code: String,
    /// TaskId → name of every task in the task's workflow (upstreams read as names).
    pub names_by_id: HashMap<String, String>,
    /// The live workflow, as read.
    pub workflow: LiveWorkflow,
}

/// The project reduced to one task and its workflow, so only they are read.
fn only(project: &Project, task: &Task) -> Project {
    let mut reduced = project.clone();
    reduced
        .workflows
        .retain(|workflow| Some(&workflow.name) == task.workflow_name.as_ref());
    reduced.tasks = vec![task.clone()];
    reduced
}

/// Reads `task` from WeData.
pub async fn locate(
    client: &Client,
    project: &Project,
    task: &Task,
) -> Result<Located, HistoryError> {
    let address = super::address::of(task);
    let reduced = only(project, task);
    // The plan's reading and matching, so history finds exactly the task plan would.
    let live = crate::live::fetch(
        client,
        &project.settings.project_id,
        &scope(&reduced, false),
        None,
    )
    .await?;
    let plan = build_plan(&reduced, &live, DeletionPolicy::default());
    let task_id = plan
        .resource(&address)
        .and_then(|resource| resource.id.clone())
        .ok_or_else(|| HistoryError::NotInWeData {
            address: address.clone(),
        })?;
    let workflow = live
        .into_iter()
        .find(|workflow| workflow.definitions.contains_key(&task_id))
        .ok_or_else(|| HistoryError::NotInWeData {
            address: address.clone(),
        })?;
    let (definition, code) = workflow.definitions[&task_id].clone();
    Ok(Located {
        address,
        periodic: workflow.periodic,
        names_by_id: workflow.names_by_id(),
        task_id,
        definition,
        code,
        workflow,
    })
}
