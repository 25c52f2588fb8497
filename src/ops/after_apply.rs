//! Runs after an apply (`apply --run`, or `run_after_apply: true` in a TriggerWorkflow
//! manifest): which trigger workflows the apply changed, and running them all at once, each
//! followed with its own reads, until every one is over.

use std::collections::BTreeMap;

use super::OpsError;
use super::poll::{Limits, Waited, wait};
use super::run::{Change, Snapshot};
use super::trigger::{self, TriggerRun, WorkflowRef};
use crate::api::{ApiError, Client};
use crate::manifest::Project;
use crate::reconcile::{Plan, ResourceKind};

/// A trigger workflow to run, and its id when the apply knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToRun {
    /// Its WeData name.
    pub name: String,
    pub id: Option<String>,
}

/// The trigger workflows whose definition or tasks the apply wrote: `written` holds the
/// address and id of every resource written successfully. All of them with `every_changed`
/// (`--run`), else those whose manifest sets `run_after_apply: true`. By name.
pub fn workflows_to_run(
    project: &Project,
    plan: &Plan,
    written: &[(String, Option<String>)],
    every_changed: bool,
) -> Vec<ToRun> {
    let mut chosen: BTreeMap<String, Option<String>> = BTreeMap::new();
    for (address, id) in written {
        let Some(resource) = plan.resource(address) else {
            continue;
        };
        let name = match resource.kind {
            ResourceKind::Workflow => resource.name.clone(),
            ResourceKind::Task => match &resource.workflow {
                Some(workflow) => workflow.clone(),
                None => continue,
            },
            _ => continue,
        };
        let wanted = every_changed
            || project
                .workflows
                .iter()
                .any(|workflow| workflow.name == name && workflow.runs_after_apply());
        if !wanted {
            continue;
        }
        let known_id = if resource.kind == ResourceKind::Workflow {
            id.clone()
        } else {
            None
        }
        .or_else(|| {
            plan.resource(&crate::reconcile::plan::workflow_address(&name))
                .and_then(|workflow| workflow.id.clone())
        });
        let entry = chosen.entry(name).or_default();
        if entry.is_none() {
            *entry = known_id;
        }
    }
    chosen
        .into_iter()
        .map(|(name, id)| ToRun { name, id })
        .collect()
}

/// The workflow to run, with its id (looked up by name when the apply did not know it).
pub async fn resolve(
    client: &Client,
    project: &Project,
    to_run: &ToRun,
) -> Result<WorkflowRef, OpsError> {
    match &to_run.id {
        Some(id) => Ok(WorkflowRef {
            id: id.clone(),
            name: to_run.name.clone(),
        }),
        None => trigger::find_workflow(client, project, &to_run.name).await,
    }
}

/// A run started after the apply, and how waiting for it ended.
#[derive(Debug)]
pub struct Followed {
    pub workflow: WorkflowRef,
    pub execution_id: String,
    pub waited: Result<(Waited, std::time::Duration), ApiError>,
}

/// Waits for the runs `started` (workflow and WorkflowExecutionId) at once, each read on its
/// own schedule, calling `observe` with the workflow's name after every read.
pub async fn wait_all(
    client: &Client,
    project_id: &str,
    started: Vec<(WorkflowRef, String)>,
    limits: &Limits,
    observe: &(dyn Fn(&str, &Snapshot, &[Change]) + Sync),
) -> Vec<Followed> {
    let waits = started.into_iter().map(|(workflow, execution_id)| {
        let limits = limits.clone();
        async move {
            let mut source = TriggerRun {
                client,
                project_id: project_id.to_owned(),
                workflow: workflow.clone(),
                execution_id: execution_id.clone(),
            };
            let name = workflow.name.clone();
            let waited = wait(&mut source, limits, |snapshot, changes| {
                observe(&name, snapshot, changes)
            })
            .await;
            Followed {
                workflow,
                execution_id,
                waited,
            }
        }
    });
    futures::future::join_all(waits).await
}
