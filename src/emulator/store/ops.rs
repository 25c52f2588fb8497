//! The operations center's view of periodic tasks: GetOpsTask, ListOpsTasks, StartOpsTasks,
//! PauseOpsTasksAsync, StopOpsTasksAsync and GetOpsAsyncJob.
//!
//! A periodic task's ops status (`StoredTask::ops_status`) is `Y` (scheduled) from its first
//! submit on, `O` once paused and `F` once stopped; StartOpsTasks sets `Y` again. It is kept
//! apart from the development `Status` (which every save resets), so a pause outlives later
//! updates and submits, as it does in WeData. The asynchronous actions change the status at
//! once and answer with an AsyncId whose job is RUNNING for its first emulated second, then
//! SUCCESS: a client must poll GetOpsAsyncJob, as it must against WeData.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::runs::page_within;
use super::{Clock, EMULATED_USER_UIN, Failure, Store, failure, not_found, text};

/// Emulated seconds an asynchronous operations job runs.
const JOB_SECONDS: f64 = 1.0;

/// What an asynchronous action does to its tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Pause,
    Stop,
}

impl Change {
    fn status(self) -> &'static str {
        match self {
            Self::Pause => "O",
            Self::Stop => "F",
        }
    }

    fn job_type(self) -> &'static str {
        match self {
            Self::Pause => "TASK_PAUSE",
            Self::Stop => "TASK_STOP",
        }
    }
}

/// An asynchronous job of the operations center.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredJob {
    pub async_id: String,
    pub async_type: String,
    pub task_ids: Vec<String>,
    pub created_millis: i64,
    pub done_millis: i64,
}

impl Store {
    /// The periodic task `task_id` must exist and have been submitted (operations knows only
    /// submitted tasks).
    fn submitted_periodic_task(&mut self, project_id: &str, task_id: &str) -> Result<(), Failure> {
        let stored = self
            .project(project_id)
            .tasks
            .get(task_id)
            .ok_or_else(|| not_found("task", task_id))?;
        if stored.ops_status.is_none() {
            return Err(failure(
                "FailedOperation",
                format!(
                    "Task {task_id} has never been submitted, so the operations center does not have it."
                ),
            ));
        }
        Ok(())
    }

    pub(super) fn get_ops_task(
        &mut self,
        project_id: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let task_id = text(body, "TaskId").to_owned();
        self.submitted_periodic_task(project_id, &task_id)?;
        let status = self.project(project_id).tasks[&task_id].ops_status.clone();
        let mut task = self
            .periodic_task_view(project_id, &task_id)
            .ok_or_else(|| not_found("task", &task_id))?;
        task["TaskBaseAttribute"]["Status"] = json!(status);
        Ok(json!({"Data": task}))
    }

    pub(super) fn list_ops_tasks(
        &mut self,
        project_id: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let wanted = |member: &str| {
            body.get(member)
                .and_then(Value::as_str)
                .filter(|value| !value.is_empty())
                .map(str::to_owned)
        };
        let project_name = project_id.to_owned();
        let project = self.project(project_id);
        let items: Vec<Value> = project
            .tasks
            .iter()
            .filter_map(|(task_id, stored)| {
                let status = stored.ops_status.as_deref()?;
                let base = &stored.task["TaskBaseAttribute"];
                let scheduler = &stored.task["TaskSchedulerConfiguration"];
                let workflow_id = text(base, "WorkflowId");
                let matches = wanted("WorkflowId").is_none_or(|id| id == workflow_id)
                    && wanted("WorkflowName").is_none_or(|name| text(base, "WorkflowName") == name)
                    && wanted("OwnerUin").is_none_or(|owner| text(base, "OwnerUin") == owner)
                    && wanted("TaskTypeId").is_none_or(|kind| {
                        base["TaskTypeId"].as_u64().map(|id| id.to_string()) == Some(kind)
                    })
                    && wanted("CycleType")
                        .is_none_or(|cycle| text(scheduler, "CycleType") == cycle)
                    && wanted("Status").is_none_or(|wanted| wanted == status);
                matches.then(|| {
                    json!({
                        "TaskId": task_id,
                        "TaskName": text(base, "TaskName"),
                        "OwnerUin": text(base, "OwnerUin"),
                        "Status": status,
                        "FolderId": "",
                        "FolderName": "",
                        "WorkflowId": workflow_id,
                        "WorkflowName": text(base, "WorkflowName"),
                        "ProjectId": project_name,
                        "ProjectName": project_name,
                        "UpdateUserUin": EMULATED_USER_UIN,
                        "TaskTypeId": base["TaskTypeId"].as_u64().unwrap_or(0),
                        "TaskTypeDesc": "",
                        "CycleType": text(scheduler, "CycleType"),
                        "ExecutorGroupId": null,
                        "ScheduleDesc": null,
                        "ExecutorGroupName": "",
                        "LastSchedulerCommitTime": null,
                        "FirstRunTime": null,
                        "FirstSubmitTime": "",
                        "CreateTime": text(base, "CreateTime"),
                        "LastUpdateTime": text(base, "LastUpdateTime"),
                    })
                })
            })
            .collect();
        page_within(items, body, 1, 200, 10).map(|data| json!({"Data": data}))
    }

    pub(super) fn start_ops_tasks(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let task_ids = task_ids(body)?;
        for task_id in &task_ids {
            self.submitted_periodic_task(project_id, task_id)?;
        }
        for task_id in &task_ids {
            set_status(self, project_id, task_id, "Y", clock);
        }
        Ok(json!({"Data": {"Status": true}}))
    }

    pub(super) fn change_ops_tasks(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
        change: Change,
    ) -> Result<Value, Failure> {
        let task_ids = task_ids(body)?;
        for task_id in &task_ids {
            self.submitted_periodic_task(project_id, task_id)?;
        }
        for task_id in &task_ids {
            set_status(self, project_id, task_id, change.status(), clock);
        }
        let async_id = uuid::Uuid::new_v4().to_string();
        let done = clock.epoch_millis + self.run_settings.real_millis(JOB_SECONDS);
        self.project(project_id).ops_jobs.insert(
            async_id.clone(),
            StoredJob {
                async_id: async_id.clone(),
                async_type: change.job_type().to_owned(),
                task_ids,
                created_millis: clock.epoch_millis,
                done_millis: done,
            },
        );
        Ok(json!({"Data": {"AsyncId": async_id}}))
    }

    pub(super) fn get_ops_async_job(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let async_id = text(body, "AsyncId");
        let project_name = project_id.to_owned();
        let job = self
            .project(project_id)
            .ops_jobs
            .get(async_id)
            .ok_or_else(|| not_found("asynchronous job", async_id))?;
        let done = clock.epoch_millis >= job.done_millis;
        let total = job.task_ids.len() as u64;
        let iso = |millis: i64| Clock::at_millis(millis).display.replacen(' ', "T", 1);
        Ok(json!({"Data": {
            "ProjectId": project_name,
            "AsyncId": job.async_id,
            "AsyncType": job.async_type,
            "Status": if done { "SUCCESS" } else { "RUNNING" },
            "ErrorDesc": null,
            "TotalSubProcessCount": total,
            "FinishedSubProcessCount": if done { total } else { 0 },
            "SuccessSubProcessCount": if done { total } else { 0 },
            "CreateUserUin": EMULATED_USER_UIN,
            "CreateTime": iso(job.created_millis),
            "UpdateTime": iso(if done { job.done_millis } else { clock.epoch_millis }),
        }}))
    }
}

fn task_ids(body: &Value) -> Result<Vec<String>, Failure> {
    let ids: Vec<String> = body
        .get("TaskIds")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    if ids.is_empty() {
        return Err(failure(
            "InvalidParameterValue",
            "`TaskIds` must name at least one task.",
        ));
    }
    Ok(ids)
}

fn set_status(store: &mut Store, project_id: &str, task_id: &str, status: &str, clock: &Clock) {
    if let Some(stored) = store.project(project_id).tasks.get_mut(task_id) {
        stored.ops_status = Some(status.to_owned());
        let base = &mut stored.task["TaskBaseAttribute"];
        base["LastOpsTime"] = json!(clock.display);
        base["LastOpsUserName"] = json!("emulator");
    }
}
