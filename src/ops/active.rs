//! Runs and instances still going for tasks a plan is about to change: what
//! `apply --fail-on-active-runs` refuses on (the planner turns each into a refusal before any
//! write).
//!
//! Reads per workflow, not per task: for a trigger workflow, its task runs newest first
//! (ListTriggerTaskRuns filtered by WorkflowId), page after page while a page still holds a
//! task run that has not ended (a run in progress is among the newest); for a periodic
//! workflow, its RUNNING instances (ListTaskInstances filtered by WorkflowId and state).
//! A trigger task run counts while waiting, queued or running (its workflow run will still
//! run it); a periodic instance while RUNNING (waiting instances are every future cycle).

use std::collections::{BTreeMap, HashMap};

use super::run::Phase;
use crate::api::types::{Filter, ListTaskInstancesRequest, ListTriggerTaskRunsRequest, OrderField};
use crate::api::{ApiError, Client};

/// Pages of task runs read per workflow at most (newest first).
const MAXIMUM_PAGES: u64 = 10;
const TASK_RUN_PAGE: u64 = 200;
const INSTANCE_PAGE: i64 = 100;

/// A task the plan would change, and where it lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Watched {
    pub address: String,
    pub task_id: String,
    pub workflow_id: String,
    pub periodic: bool,
}

/// A run or instance of a watched task that has not ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveRun {
    pub address: String,
    /// What is running, for people: `task run <id> (RUNNING) of workflow run <id>`.
    pub description: String,
}

/// Every run or instance of the `watched` tasks that has not ended, by task address.
pub async fn find(
    client: &Client,
    project_id: &str,
    watched: &[Watched],
) -> Result<Vec<ActiveRun>, ApiError> {
    let mut by_workflow: BTreeMap<(&str, bool), HashMap<&str, &str>> = BTreeMap::new();
    for task in watched {
        by_workflow
            .entry((task.workflow_id.as_str(), task.periodic))
            .or_default()
            .insert(task.task_id.as_str(), task.address.as_str());
    }
    let mut active = Vec::new();
    for ((workflow_id, periodic), tasks) in by_workflow {
        if periodic {
            active.extend(running_instances(client, project_id, workflow_id, &tasks).await?);
        } else {
            active.extend(unfinished_task_runs(client, project_id, workflow_id, &tasks).await?);
        }
    }
    active.sort_by(|left, right| {
        (&left.address, &left.description).cmp(&(&right.address, &right.description))
    });
    Ok(active)
}

async fn unfinished_task_runs(
    client: &Client,
    project_id: &str,
    workflow_id: &str,
    tasks: &HashMap<&str, &str>,
) -> Result<Vec<ActiveRun>, ApiError> {
    let mut active = Vec::new();
    for page in 1..=MAXIMUM_PAGES {
        let data = client
            .send(&ListTriggerTaskRunsRequest {
                project_id: project_id.to_owned(),
                filters: Some(vec![Filter {
                    name: Some("WorkflowId".to_owned()),
                    values: Some(vec![workflow_id.to_owned()]),
                }]),
                order_fields: Some(vec![OrderField {
                    name: "CreateTime".to_owned(),
                    direction: "DESC".to_owned(),
                }]),
                page_number: Some(page),
                page_size: Some(TASK_RUN_PAGE),
            })
            .await?
            .data
            .unwrap_or_default();
        let mut unfinished_on_page = false;
        for task_run in data.items.unwrap_or_default() {
            let state = task_run.task_execution_state.unwrap_or_default();
            let phase = Phase::of_run_state(&state);
            if phase.is_finished() || phase == Phase::Other {
                continue;
            }
            unfinished_on_page = true;
            let Some(address) = task_run.task_id.as_deref().and_then(|id| tasks.get(id)) else {
                continue;
            };
            active.push(ActiveRun {
                address: (*address).to_owned(),
                description: format!(
                    "task run {} ({}) of workflow run {}",
                    shown(task_run.execution_id.as_deref()),
                    shown(Some(&state)),
                    shown(task_run.workflow_execution_id.as_deref())
                ),
            });
        }
        if !unfinished_on_page || page >= data.total_page_number.unwrap_or(0) {
            break;
        }
    }
    Ok(active)
}

async fn running_instances(
    client: &Client,
    project_id: &str,
    workflow_id: &str,
    tasks: &HashMap<&str, &str>,
) -> Result<Vec<ActiveRun>, ApiError> {
    let mut active = Vec::new();
    let mut page: i64 = 1;
    loop {
        let data = client
            .send(&ListTaskInstancesRequest {
                project_id: project_id.to_owned(),
                workflow_id: Some(workflow_id.to_owned()),
                instance_state: Some("RUNNING".to_owned()),
                page_number: Some(page),
                page_size: Some(INSTANCE_PAGE),
                ..Default::default()
            })
            .await?
            .data
            .unwrap_or_default();
        for instance in data.items.unwrap_or_default() {
            let Some(address) = instance.task_id.as_deref().and_then(|id| tasks.get(id)) else {
                continue;
            };
            active.push(ActiveRun {
                address: (*address).to_owned(),
                description: format!(
                    "instance {} ({})",
                    shown(instance.cur_run_date.as_deref()),
                    shown(instance.instance_state.as_deref().or(Some("RUNNING")))
                ),
            });
        }
        let pages = i64::try_from(data.total_page_number.unwrap_or(0)).unwrap_or(i64::MAX);
        if page >= pages || page >= MAXIMUM_PAGES as i64 {
            return Ok(active);
        }
        page += 1;
    }
}

/// An id or state read from WeData, safe to print: control characters escaped, bounded.
fn shown(text: Option<&str>) -> String {
    crate::history::printable(text.unwrap_or("?"), 100)
}
