//! Making a periodic task's status in the operations center what its manifest declares
//! (`scheduler.state`): read it (GetOpsTask), start it (StartOpsTasks) or pause it
//! (PauseOpsTasksAsync, then GetOpsAsyncJob until the job is over), and read it again to
//! check. Called by the executor after a task's submit, or alone when the state is all that
//! changed; the plan decided that it changes, this only carries it out.

use std::time::Duration;

use tokio::time::Instant;

use crate::api::types::{
    GetOpsAsyncJobRequest, GetOpsTaskRequest, PauseOpsTasksAsyncRequest, StartOpsTasksRequest,
};
use crate::api::{ApiError, Client};
use crate::model::normalize::schedule_state_value;

/// How long an asynchronous pause, or a start taking effect, is waited for.
const PATIENCE: Duration = Duration::from_secs(300);
/// The first wait between two reads of an asynchronous job; it doubles up to [`LONGEST_WAIT`].
const FIRST_WAIT: Duration = Duration::from_millis(250);
const LONGEST_WAIT: Duration = Duration::from_secs(5);

/// Why the state could not be set.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error(transparent)]
    Api(#[from] ApiError),
    #[error("{0}")]
    Refused(String),
}

/// What was done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transition {
    /// It already was in the wanted state.
    Unchanged,
    Started,
    Paused,
}

/// The task's status in the operations center, as the manifest words it (`scheduled`,
/// `paused`, `stopped`, ...), or `None` when operations does not have the task.
pub async fn read(
    client: &Client,
    project_id: &str,
    task_id: &str,
) -> Result<Option<String>, ApiError> {
    let task = client
        .send(&GetOpsTaskRequest {
            task_id: task_id.to_owned(),
            project_id: project_id.to_owned(),
        })
        .await?
        .data;
    let status = task.and_then(|task| task.task_base_attribute.status);
    Ok(schedule_state_value(status.as_deref())
        .as_str()
        .map(str::to_owned))
}

/// Puts the task in the `wanted` state (`scheduled` or `paused`) and checks it took.
pub async fn ensure(
    client: &Client,
    project_id: &str,
    task_id: &str,
    wanted: &str,
) -> Result<Transition, StateError> {
    let current = read(client, project_id, task_id).await?;
    if current.as_deref() == Some(wanted) {
        return Ok(Transition::Unchanged);
    }
    let transition = match wanted {
        "scheduled" => {
            let started = client
                .send(&StartOpsTasksRequest {
                    project_id: project_id.to_owned(),
                    task_ids: vec![task_id.to_owned()],
                    enable_data_backfill: Some(false),
                })
                .await?
                .data
                .and_then(|data| data.status);
            if started != Some(true) {
                return Err(StateError::Refused(format!(
                    "StartOpsTasks did not start task {task_id} (it answered Status {})",
                    started.map_or("(none)".to_owned(), |status| status.to_string())
                )));
            }
            Transition::Started
        }
        "paused" => {
            let async_id = client
                .send(&PauseOpsTasksAsyncRequest {
                    project_id: project_id.to_owned(),
                    task_ids: vec![task_id.to_owned()],
                    kill_instance: Some(false),
                })
                .await?
                .data
                .and_then(|data| data.async_id)
                .filter(|id| !id.is_empty())
                .ok_or_else(|| {
                    StateError::Refused("PauseOpsTasksAsync answered with no AsyncId".to_owned())
                })?;
            wait_for_job(client, project_id, &async_id).await?;
            Transition::Paused
        }
        other => {
            return Err(StateError::Refused(format!(
                "`{other}` is not a state a task can be put in (scheduled or paused)"
            )));
        }
    };
    // Starting is asynchronous too (its answer says only that it was accepted): read until the
    // status shows it, within the same patience.
    let started = Instant::now();
    let mut wait = FIRST_WAIT;
    loop {
        let now = read(client, project_id, task_id).await?;
        if now.as_deref() == Some(wanted) {
            return Ok(transition);
        }
        if started.elapsed() > PATIENCE {
            return Err(StateError::Refused(format!(
                "task {task_id} is still {} in the operations center, not {wanted}",
                now.as_deref().unwrap_or("unknown")
            )));
        }
        tokio::time::sleep(wait).await;
        wait = (wait * 2).min(LONGEST_WAIT);
    }
}

/// Reads an asynchronous job until it succeeds; fails when it fails, partly fails or outlasts
/// the patience.
async fn wait_for_job(client: &Client, project_id: &str, async_id: &str) -> Result<(), StateError> {
    let started = Instant::now();
    let mut wait = FIRST_WAIT;
    loop {
        let job = client
            .send(&GetOpsAsyncJobRequest {
                project_id: project_id.to_owned(),
                async_id: async_id.to_owned(),
            })
            .await?
            .data
            .unwrap_or_default();
        match job.status.as_deref() {
            Some("SUCCESS") => return Ok(()),
            Some(status @ ("FAIL" | "PART_SUCCESS")) => {
                return Err(StateError::Refused(format!(
                    "the operations job {async_id} ended {status}: {}",
                    job.error_desc.as_deref().unwrap_or("WeData gave no reason")
                )));
            }
            _ => {}
        }
        if started.elapsed() > PATIENCE {
            return Err(StateError::Refused(format!(
                "the operations job {async_id} is still {} after {} s",
                job.status.as_deref().unwrap_or("running"),
                PATIENCE.as_secs()
            )));
        }
        tokio::time::sleep(wait).await;
        wait = (wait * 2).min(LONGEST_WAIT);
    }
}
