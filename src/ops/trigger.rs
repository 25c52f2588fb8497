//! Runs of trigger workflows: finding the workflow a command names, starting a run
//! (CreateTriggerWorkflowRun), reading it (GetTriggerWorkflowRun: the run and every task run
//! in one answer, so one read per poll whatever the number of tasks), killing it
//! (KillTriggerWorkflowRuns) and concluding it (the end of each failed task run's log).

use super::OpsError;
use super::poll::Source;
use super::run::{Item, Phase, Snapshot};
use crate::api::types::{
    CreateTriggerWorkflowRunRequest, GetTriggerWorkflowRunRequest, KillTriggerWorkflowRunsRequest,
};
use crate::api::{ApiError, Client};
use crate::codes::OpsCode;
use crate::manifest::Project;
use crate::manifest::diagnostic::did_you_mean;

/// A trigger workflow in WeData.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkflowRef {
    pub id: String,
    /// Its WeData name (with the target's name prefix).
    pub name: String,
}

/// The trigger workflow `name` names: a declared workflow by its manifest name or its WeData
/// name (the target's prefix applies), else a live one with the prefixed name. Refused for a
/// periodic workflow, and with a suggestion when nothing matches.
pub async fn find_workflow(
    client: &Client,
    project: &Project,
    name: &str,
) -> Result<WorkflowRef, OpsError> {
    let prefix = &project.settings.name_prefix;
    let declared = project
        .workflows
        .iter()
        .find(|workflow| workflow.name == name || workflow.definition.name().value == name);
    if let Some(workflow) = declared.filter(|workflow| workflow.is_periodic()) {
        return Err(OpsError::refused(
            OpsCode::PeriodicWorkflow,
            format!(
                "`{}` is a periodic workflow: it runs on its cycle, not on request",
                printable(&workflow.name)
            ),
            "backfill one of its tasks for past days with `wedata-gitops backfill --task task.<workflow>.<name> --from DATE --to DATE`",
        ));
    }
    let wanted = match declared {
        Some(workflow) => workflow.name.clone(),
        None => format!("{prefix}{name}"),
    };
    let listed = crate::live::list_workflows(client, &project.settings.project_id, false).await?;
    if let Some(found) = listed.iter().find(|listed| listed.name == wanted) {
        return Ok(WorkflowRef {
            id: found.id.clone(),
            name: found.name.clone(),
        });
    }
    let help = if declared.is_some() {
        "the workflow is declared but not in WeData yet: run `wedata-gitops apply` first".to_owned()
    } else {
        let known: Vec<&str> = project
            .workflows
            .iter()
            .filter(|workflow| !workflow.is_periodic())
            .map(|workflow| workflow.definition.name().value.as_str())
            .collect();
        match did_you_mean(name, known.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None if known.is_empty() => {
                "the project declares no trigger workflow (`kind: TriggerWorkflow`)".to_owned()
            }
            None => format!("the project's trigger workflows: {}", known.join(", ")),
        }
    };
    Err(OpsError::refused(
        OpsCode::UnknownWorkflow,
        format!(
            "WeData has no trigger workflow named `{}` in project {}",
            printable(&wanted),
            project.settings.project_id
        ),
        help,
    ))
}

/// Starts a run of the whole workflow; returns its WorkflowExecutionId. A start whose answer
/// was lost is not repeated (a second run is not what was asked for): the error says how to
/// find out whether it started.
pub async fn start(
    client: &Client,
    project_id: &str,
    workflow: &WorkflowRef,
) -> Result<String, OpsError> {
    let answer = client
        .send(&CreateTriggerWorkflowRunRequest {
            project_id: project_id.to_owned(),
            workflow_id: workflow.id.clone(),
            ..Default::default()
        })
        .await;
    match answer {
        Ok(response) => response
            .data
            .and_then(|data| data.workflow_execution_id)
            .filter(|id| !id.is_empty())
            .ok_or_else(|| {
                OpsError::Api(ApiError::InvalidResponse {
                    action: "CreateTriggerWorkflowRun".into(),
                    endpoint: client.config().endpoint.clone(),
                    reason: "no WorkflowExecutionId in the answer".into(),
                    request_id: response.request_id,
                })
            }),
        Err(error) if error.is_outcome_unknown() => Err(OpsError::refused(
            OpsCode::StartUnknown,
            format!(
                "the run of `{}` may or may not have started: {}",
                printable(&workflow.name),
                error.without_request_id()
            ),
            format!(
                "look before starting another: wedata-gitops api ListTriggerWorkflowRuns '{{\"ProjectId\":\"{project_id}\",\"Filters\":[{{\"Name\":\"WorkflowId\",\"Values\":[\"{}\"]}}]}}'",
                workflow.id
            ),
        )),
        Err(error) => Err(error.into()),
    }
}

/// Kills the run `execution_id` of `workflow_id`. `Ok(false)` when WeData says it could not
/// (the run had already ended, ...), with its message.
pub async fn kill(
    client: &Client,
    project_id: &str,
    workflow_id: &str,
    execution_id: &str,
) -> Result<Result<(), String>, ApiError> {
    let results = client
        .send(&KillTriggerWorkflowRunsRequest {
            project_id: project_id.to_owned(),
            workflow_id: workflow_id.to_owned(),
            workflow_execution_id_list: Some(vec![execution_id.to_owned()]),
            all: Some(false),
            pending: Some(false),
        })
        .await?
        .data
        .unwrap_or_default();
    let mine = results
        .iter()
        .find(|result| result.item_id.as_deref() == Some(execution_id))
        .or(results.first());
    Ok(match mine {
        Some(result) if result.op_status == Some(false) => Err(result
            .error_message
            .clone()
            .unwrap_or_else(|| "WeData did not say why".to_owned())),
        _ => Ok(()),
    })
}

/// A run being followed.
pub struct TriggerRun<'a> {
    pub client: &'a Client,
    pub project_id: String,
    pub workflow: WorkflowRef,
    pub execution_id: String,
}

impl Source for TriggerRun<'_> {
    async fn read(&mut self) -> Result<Snapshot, ApiError> {
        let data = self
            .client
            .send(&GetTriggerWorkflowRunRequest {
                project_id: self.project_id.clone(),
                workflow_execution_id: self.execution_id.clone(),
                ..Default::default()
            })
            .await?
            .data
            .unwrap_or_default();
        let items: Vec<Item> = data
            .trigger_task_runs
            .unwrap_or_default()
            .into_iter()
            .map(|task_run| {
                let state = task_run
                    .execution_state
                    .or(task_run.task_execution_state)
                    .unwrap_or_default();
                Item {
                    key: task_run
                        .task_id
                        .clone()
                        .or_else(|| task_run.execution_id.clone())
                        .unwrap_or_default(),
                    name: task_run
                        .task_name
                        .or(task_run.task_id)
                        .unwrap_or_else(|| "(unnamed task)".to_owned()),
                    phase: Phase::of_run_state(&state),
                    state,
                    error: task_run
                        .error_code_str
                        .or(task_run.error_code)
                        .filter(|error| !error.is_empty()),
                    log_key: task_run.execution_id,
                }
            })
            .collect();
        let state = data
            .trigger_workflow_run
            .and_then(|run| run.execution_state)
            .unwrap_or_default();
        let phase = if state.is_empty() {
            Snapshot::phase_of_items(&items)
        } else {
            Phase::of_run_state(&state)
        };
        Ok(Snapshot {
            state,
            phase,
            items,
        })
    }
}

/// A name from a manifest or WeData, for an error message: control characters shown as
/// escapes, bounded.
fn printable(text: &str) -> String {
    crate::history::printable(text, 200)
}
