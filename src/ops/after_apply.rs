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

/// A run after the apply as it ended, with its workflow's id when it was found.
#[derive(Debug)]
pub struct Finished {
    pub outcome: super::run::Outcome,
    pub workflow_id: Option<String>,
}

/// Starts a run of each workflow of `to_run`, waits for them all at once and concludes each.
/// A workflow that cannot be found or started is a failed outcome naming why; the others
/// still run.
pub async fn run_and_wait(
    client: &Client,
    project: &Project,
    to_run: &[ToRun],
    limits: &Limits,
    observe: &(dyn Fn(&str, &Snapshot, &[Change]) + Sync),
) -> Vec<Finished> {
    let project_id = project.settings.project_id.as_str();
    let mut finished = Vec::new();
    let mut started = Vec::new();
    for entry in to_run {
        let begun = match resolve(client, project, entry).await {
            Ok(workflow) => trigger::start(client, project_id, &workflow)
                .await
                .map(|execution_id| (workflow, execution_id)),
            Err(error) => Err(error),
        };
        match begun {
            Ok(begun) => started.push(begun),
            Err(error) => finished.push(Finished {
                outcome: not_started(&entry.name, &error.to_string()),
                workflow_id: entry.id.clone(),
            }),
        }
    }
    for followed in wait_all(client, project_id, started, limits, observe).await {
        let outcome = match followed.waited {
            Ok((waited, elapsed)) => {
                super::conclude(
                    client,
                    project_id,
                    super::run::RunKind::WorkflowRun,
                    &followed.workflow.name,
                    &followed.execution_id,
                    waited,
                    elapsed.as_millis() as u64,
                )
                .await
            }
            Err(error) => {
                let mut outcome = not_started(
                    &followed.workflow.name,
                    &format!("stopped following the run: {}", error.without_request_id()),
                );
                outcome.id = followed.execution_id.clone();
                outcome.ending = super::run::Ending::Interrupted;
                outcome
            }
        };
        finished.push(Finished {
            outcome,
            workflow_id: Some(followed.workflow.id),
        });
    }
    finished.sort_by(|left, right| left.outcome.target.cmp(&right.outcome.target));
    finished
}

/// The outcome of a run that never started, saying why.
fn not_started(workflow: &str, reason: &str) -> super::run::Outcome {
    super::run::Outcome {
        kind: super::run::RunKind::WorkflowRun,
        target: workflow.to_owned(),
        id: String::new(),
        ending: super::run::Ending::Failed,
        last: None,
        failed: vec![super::run::FailedItem {
            name: workflow.to_owned(),
            state: "not started".to_owned(),
            error: Some(reason.to_owned()),
            log_tail: Vec::new(),
        }],
        waited_ms: 0,
    }
}
