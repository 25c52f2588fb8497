//! Simulated runs of trigger workflows: CreateTriggerWorkflowRun, GetTriggerWorkflowRun,
//! ListTriggerWorkflowRuns, ListTriggerTaskRuns, GetTriggerTaskRun, KillTriggerWorkflowRuns,
//! and GetTaskInstanceLog for a task run (backfill instances answer in `backfill`).
//!
//! A run is planned once, when it is created: every submitted task of the workflow (or the
//! `TaskIds` asked for) gets a start and an end, in real milliseconds after the create, from
//! its upstreams' ends and its duration (`run:duration=` rules, emulated seconds divided by
//! the run speed) and whether it fails (`run:fail=`). What any later request sees is then a
//! pure function of the request's time: QUEUED for the first emulated second, each task
//! PENDING until its start, RUNNING until its end, then SUCCESS or FAILED; a task downstream
//! of a failure is SKIP from the moment its upstream failed. A kill freezes the run at the
//! kill's time: a task running then is FAILED, one not started is SKIP, both with
//! ErrorCodeStr `KilledByUser`, and the run is FAILED. The states are the ones the definition
//! lists for `ExecutionState` (FAILED, SUCCESS, PENDING, SKIP, RUNNING; QUEUED as in the
//! official ListTriggerWorkflowRuns example).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::{Clock, EMULATED_USER_UIN, Failure, Store, failure, not_found, text};
use crate::emulator::faults::RunRules;

/// Emulated seconds a task runs without a `run:duration=` rule.
pub const DEFAULT_TASK_SECONDS: f64 = 2.0;
/// Emulated seconds a run waits in the queue before its first task may start.
pub const QUEUE_SECONDS: f64 = 1.0;
/// What a killed task run says.
pub const KILLED: &str = "KilledByUser";
/// What a task downstream of a failure says.
pub const UPSTREAM_FAILED: &str = "UpstreamFailed";

/// How simulated runs progress: the `run:` rules and the speed of emulated time.
#[derive(Debug, Clone)]
pub struct RunSettings {
    /// Emulated seconds per real second (60: a task of a minute takes a second).
    pub speed: f64,
    pub rules: RunRules,
}

impl Default for RunSettings {
    fn default() -> Self {
        Self {
            speed: 1.0,
            rules: RunRules::default(),
        }
    }
}

impl RunSettings {
    /// Real milliseconds of `seconds` emulated ones.
    pub fn real_millis(&self, seconds: f64) -> i64 {
        let speed = if self.speed.is_finite() && self.speed > 0.0 {
            self.speed
        } else {
            1.0
        };
        (seconds * 1000.0 / speed).round() as i64
    }

    /// The real milliseconds a run of `task_name` takes, and whether it fails.
    pub fn task_run(&self, task_name: &str) -> (i64, bool) {
        (
            self.real_millis(self.rules.duration_of(task_name, DEFAULT_TASK_SECONDS)),
            self.rules.fails(task_name),
        )
    }
}

/// One run as planned when it was created. Times are epoch milliseconds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredRun {
    pub execution_id: String,
    pub workflow_id: String,
    pub workflow_name: String,
    pub created_millis: i64,
    /// When the queue ends and the first tasks may start.
    pub queued_until_millis: i64,
    pub killed_millis: Option<i64>,
    /// WorkflowParams as sent (AdvancedParams), as a JSON object text.
    pub parameters: String,
    pub tasks: Vec<PlannedTaskRun>,
}

/// One task of a run: when it starts and ends, or when it is known never to start.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlannedTaskRun {
    pub execution_id: String,
    pub task_id: String,
    pub task_name: String,
    pub task_type_id: i64,
    /// The submitted version that runs.
    pub version_id: String,
    pub upstream_ids: Vec<String>,
    /// `None` when an upstream fails (or a dependency cycle holds it): it never starts.
    pub start_millis: Option<i64>,
    /// When it ends (or, for a task that never starts, when that becomes known).
    pub end_millis: i64,
    pub fails: bool,
}

/// A task run as some moment sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskRunView {
    pub state: &'static str,
    pub error: Option<&'static str>,
    pub started: Option<i64>,
    pub ended: Option<i64>,
}

impl StoredRun {
    /// The moment the run is looked at: `now`, or the kill's time if it was killed before.
    fn moment(&self, now: i64) -> i64 {
        self.killed_millis.map_or(now, |killed| killed.min(now))
    }

    fn is_killed_at(&self, now: i64) -> bool {
        self.killed_millis.is_some_and(|killed| killed <= now)
    }

    /// The state of `task` at `now`.
    pub fn task_view(&self, task: &PlannedTaskRun, now: i64) -> TaskRunView {
        let moment = self.moment(now);
        let natural = match task.start_millis {
            None if moment >= task.end_millis => TaskRunView {
                state: "SKIP",
                error: Some(UPSTREAM_FAILED),
                started: None,
                ended: Some(task.end_millis),
            },
            None => pending(),
            Some(start) if moment < start => pending(),
            Some(start) if moment < task.end_millis => TaskRunView {
                state: "RUNNING",
                error: None,
                started: Some(start),
                ended: None,
            },
            Some(start) => TaskRunView {
                state: if task.fails { "FAILED" } else { "SUCCESS" },
                error: task.fails.then_some("TaskExitedWithError"),
                started: Some(start),
                ended: Some(task.end_millis),
            },
        };
        if !self.is_killed_at(now) {
            return natural;
        }
        let killed = self.killed_millis.expect("checked");
        match natural.state {
            "RUNNING" => TaskRunView {
                state: "FAILED",
                error: Some(KILLED),
                started: natural.started,
                ended: Some(killed),
            },
            "PENDING" => TaskRunView {
                state: "SKIP",
                error: Some(KILLED),
                started: None,
                ended: Some(killed),
            },
            _ => natural,
        }
    }

    /// The run's ExecutionState at `now`, and its error code.
    pub fn state(&self, now: i64) -> (&'static str, Option<&'static str>) {
        let moment = self.moment(now);
        if self.is_killed_at(now) {
            return ("FAILED", Some(KILLED));
        }
        if moment < self.queued_until_millis {
            return ("QUEUED", None);
        }
        let views: Vec<TaskRunView> = self
            .tasks
            .iter()
            .map(|task| self.task_view(task, now))
            .collect();
        if views
            .iter()
            .any(|view| matches!(view.state, "PENDING" | "RUNNING"))
        {
            return ("RUNNING", None);
        }
        if views
            .iter()
            .any(|view| view.state == "FAILED" || view.error == Some(UPSTREAM_FAILED))
        {
            return ("FAILED", Some("TaskFailed"));
        }
        ("SUCCESS", None)
    }

    /// When the run ended, if it has.
    fn ended(&self, now: i64) -> Option<i64> {
        if self.is_killed_at(now) {
            return self.killed_millis;
        }
        match self.state(now).0 {
            "SUCCESS" | "FAILED" => self.tasks.iter().map(|task| task.end_millis).max(),
            _ => None,
        }
    }
}

fn pending() -> TaskRunView {
    TaskRunView {
        state: "PENDING",
        error: None,
        started: None,
        ended: None,
    }
}

/// A task to plan into a run: id, name, type, the submitted version, upstream ids.
pub struct RunnableTask {
    pub task_id: String,
    pub task_name: String,
    pub task_type_id: i64,
    pub version_id: String,
    pub upstream_ids: Vec<String>,
}

/// Plans each task's start and end after `queued_until` from its upstreams (only those in the
/// run count), its duration and whether it fails. Pure.
pub fn plan_tasks(
    tasks: Vec<RunnableTask>,
    queued_until: i64,
    settings: &RunSettings,
) -> Vec<PlannedTaskRun> {
    let in_run: std::collections::HashSet<String> =
        tasks.iter().map(|task| task.task_id.clone()).collect();
    // (ends at, started) by TaskId, filled in dependency order.
    let mut decided: HashMap<String, (i64, bool, bool)> = HashMap::new();
    let mut planned: Vec<Option<PlannedTaskRun>> = tasks.iter().map(|_| None).collect();
    loop {
        let mut progressed = false;
        for (position, task) in tasks.iter().enumerate() {
            if planned[position].is_some() {
                continue;
            }
            let upstreams: Vec<&String> = task
                .upstream_ids
                .iter()
                .filter(|id| in_run.contains(*id) && **id != task.task_id)
                .collect();
            if upstreams.iter().any(|id| !decided.contains_key(*id)) {
                continue;
            }
            let ready_at = upstreams
                .iter()
                .map(|id| decided[*id].0)
                .max()
                .unwrap_or(queued_until)
                .max(queued_until);
            // An upstream that failed or never started keeps this one from starting.
            let blocked = upstreams.iter().any(|id| {
                let (_, started, failed) = decided[*id];
                !started || failed
            });
            let (duration, fails) = settings.task_run(&task.task_name);
            let (start, end) = if blocked {
                (None, ready_at)
            } else {
                (Some(ready_at), ready_at + duration)
            };
            decided.insert(task.task_id.clone(), (end, start.is_some(), fails));
            planned[position] = Some(PlannedTaskRun {
                execution_id: uuid::Uuid::new_v4().to_string(),
                task_id: task.task_id.clone(),
                task_name: task.task_name.clone(),
                task_type_id: task.task_type_id,
                version_id: task.version_id.clone(),
                upstream_ids: task.upstream_ids.clone(),
                start_millis: start,
                end_millis: end,
                fails: fails && !blocked,
            });
            progressed = true;
        }
        if !progressed {
            break;
        }
    }
    // Tasks left are held by a dependency cycle: they never start.
    tasks
        .into_iter()
        .zip(planned)
        .map(|(task, planned)| {
            planned.unwrap_or_else(|| PlannedTaskRun {
                execution_id: uuid::Uuid::new_v4().to_string(),
                task_id: task.task_id,
                task_name: task.task_name,
                task_type_id: task.task_type_id,
                version_id: task.version_id,
                upstream_ids: task.upstream_ids,
                start_millis: None,
                end_millis: queued_until,
                fails: false,
            })
        })
        .collect()
}

/// Epoch milliseconds as the run actions print them: a string of digits.
fn millis_text(millis: Option<i64>) -> Value {
    millis.map_or(Value::Null, |millis| json!(millis.to_string()))
}

fn seconds_between(from: Option<i64>, to: Option<i64>) -> Value {
    match (from, to) {
        (Some(from), Some(to)) => json!(((to - from).max(0) / 1000).to_string()),
        _ => Value::Null,
    }
}

impl Store {
    pub(super) fn create_workflow_run(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let workflow_id = text(body, "WorkflowId").to_owned();
        let settings = self.run_settings.clone();
        let project = self.project(project_id);
        let workflow_name = project
            .workflows
            .get(&workflow_id)
            .map(|workflow| text(workflow, "WorkflowName").to_owned())
            .ok_or_else(|| not_found("workflow", &workflow_id))?;
        let selected: Option<Vec<String>> = body
            .get("TaskIds")
            .and_then(Value::as_array)
            .filter(|ids| !ids.is_empty())
            .map(|ids| {
                ids.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            });
        if let Some(selected) = &selected {
            if let Some(unknown) = selected.iter().find(|id| {
                project.trigger_tasks.get(*id).is_none_or(|stored| {
                    text(&stored.task["TriggerTaskBaseAttribute"], "WorkflowId") != workflow_id
                })
            }) {
                return Err(failure(
                    "InvalidParameterValue",
                    format!("`TaskIds`: the task `{unknown}` is not in workflow {workflow_id}."),
                ));
            }
        }
        let runnable: Vec<RunnableTask> = project
            .trigger_tasks
            .iter()
            .filter(|(id, stored)| {
                text(&stored.task["TriggerTaskBaseAttribute"], "WorkflowId") == workflow_id
                    && selected
                        .as_ref()
                        .is_none_or(|selected| selected.contains(id))
            })
            .filter_map(|(id, stored)| {
                // What runs is the latest submitted version; a task never submitted does not.
                let version = stored.versions.last()?;
                let task = &version["Task"];
                Some(RunnableTask {
                    task_id: id.clone(),
                    task_name: text(&task["TriggerTaskBaseAttribute"], "TaskName").to_owned(),
                    task_type_id: task["TriggerTaskBaseAttribute"]["TaskTypeId"]
                        .as_i64()
                        .unwrap_or(0),
                    version_id: text(version, "VersionId").to_owned(),
                    upstream_ids:
                        task["TriggerTaskSchedulerConfiguration"]["UpstreamDependencyConfigList"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .map(|item| text(item, "TaskId").to_owned())
                            .collect(),
                })
            })
            .collect();
        if runnable.is_empty() {
            return Err(failure(
                "FailedOperation",
                format!(
                    "Workflow {workflow_id} has no submitted task to run; submit its tasks first."
                ),
            ));
        }
        let parameters: BTreeMap<String, String> = body
            .get("AdvancedParams")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|parameter| {
                (
                    text(parameter, "ParamKey").to_owned(),
                    text(parameter, "ParamValue").to_owned(),
                )
            })
            .collect();
        let created = clock.epoch_millis;
        let queued_until = created + settings.real_millis(QUEUE_SECONDS);
        let execution_id = uuid::Uuid::new_v4().to_string();
        let run = StoredRun {
            execution_id: execution_id.clone(),
            workflow_id,
            workflow_name,
            created_millis: created,
            queued_until_millis: queued_until,
            killed_millis: None,
            parameters: serde_json::to_string(&parameters).expect("a map serializes"),
            tasks: plan_tasks(runnable, queued_until, &settings),
        };
        self.project(project_id)
            .trigger_runs
            .insert(execution_id.clone(), run);
        Ok(json!({"Data": {"WorkflowExecutionId": execution_id}}))
    }

    pub(super) fn get_workflow_run(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let execution_id = text(body, "WorkflowExecutionId");
        let project_name = project_id.to_owned();
        let run = self
            .project(project_id)
            .trigger_runs
            .get(execution_id)
            .ok_or_else(|| not_found("workflow run", execution_id))?;
        let now = clock.epoch_millis;
        let task_runs: Vec<Value> = run
            .tasks
            .iter()
            .map(|task| task_run_brief(&project_name, run, task, now))
            .collect();
        let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
        for task in &run.tasks {
            *counts.entry(run.task_view(task, now).state).or_default() += 1;
        }
        let enum_infos: Vec<Value> = counts
            .into_iter()
            .map(|(state, count)| {
                json!({"LabelKey": state, "LabelValue": state_label(state), "Count": count})
            })
            .collect();
        Ok(json!({"Data": {
            "TriggerWorkflowRun": workflow_run_brief(&project_name, run, now),
            "TriggerTaskRuns": task_runs,
            "BizStateEnumInfos": enum_infos,
        }}))
    }

    pub(super) fn list_workflow_runs(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let now = clock.epoch_millis;
        let filters = Filters::of(body);
        let mut runs: Vec<&StoredRun> = self
            .project(project_id)
            .trigger_runs
            .values()
            .filter(|run| {
                filters.allows("WorkflowId", &run.workflow_id)
                    && filters.allows("ExecutionId", &run.execution_id)
                    && filters.keyword(&[&run.workflow_name, &run.workflow_id])
            })
            .collect();
        sort_by_creation(&mut runs, body, |run| run.created_millis);
        let items: Vec<Value> = runs
            .into_iter()
            .map(|run| workflow_run_brief(project_id, run, now))
            .collect();
        page_within(items, body, 1, 200, 10).map(|data| json!({"Data": data}))
    }

    pub(super) fn list_task_runs(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let now = clock.epoch_millis;
        let filters = Filters::of(body);
        let mut task_runs: Vec<(&StoredRun, &PlannedTaskRun)> = self
            .project(project_id)
            .trigger_runs
            .values()
            .flat_map(|run| run.tasks.iter().map(move |task| (run, task)))
            .filter(|(run, task)| {
                filters.allows("WorkflowId", &run.workflow_id)
                    && filters.allows("WorkflowExecutionId", &run.execution_id)
                    && filters.allows("ExecutionId", &task.execution_id)
                    && filters.allows("TaskId", &task.task_id)
                    && filters.keyword(&[&task.task_name, &task.task_id])
            })
            .collect();
        sort_by_creation(&mut task_runs, body, |(run, _)| run.created_millis);
        let items: Vec<Value> = task_runs
            .into_iter()
            .map(|(run, task)| {
                let view = run.task_view(task, now);
                json!({
                    "ExecutionId": task.execution_id,
                    "WorkflowId": run.workflow_id,
                    "WorkflowExecutionId": run.execution_id,
                    "TaskId": task.task_id,
                    "TriggerType": "Manual",
                    "WaitTime": seconds_between(Some(run.created_millis), view.started),
                    "ExecuteUserUin": EMULATED_USER_UIN,
                    "ScheduleTime": run.created_millis.to_string(),
                    "ExecutionStartTime": millis_text(view.started),
                    "ExecutionEndTime": millis_text(view.ended),
                    "ExecutionTime": execution_time(&view),
                    "RetryTimes": 0,
                    "ErrorCodeStr": view.error,
                    "TaskName": task.task_name,
                    "WorkflowName": run.workflow_name,
                    "RerunTimes": 0,
                    "TaskExecutionState": view.state,
                    "IsLatestExecution": true,
                })
            })
            .collect();
        page_within(items, body, 1, 200, 10).map(|data| json!({"Data": data}))
    }

    pub(super) fn get_task_run(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let execution_id = text(body, "TaskExecutionId");
        let project_name = project_id.to_owned();
        let (run, task) = self
            .project(project_id)
            .trigger_runs
            .values()
            .find_map(|run| {
                run.tasks
                    .iter()
                    .find(|task| task.execution_id == execution_id)
                    .map(|task| (run, task))
            })
            .ok_or_else(|| not_found("task run", execution_id))?;
        Ok(json!({"Data": task_run_brief(&project_name, run, task, clock.epoch_millis)}))
    }

    pub(super) fn kill_workflow_runs(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let now = clock.epoch_millis;
        let workflow_id = text(body, "WorkflowId").to_owned();
        let project = self.project(project_id);
        if !project.workflows.contains_key(&workflow_id) {
            return Err(not_found("workflow", &workflow_id));
        }
        let listed: Vec<String> = body
            .get("WorkflowExecutionIdList")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect();
        let every_active = body.get("All").and_then(Value::as_bool) == Some(true);
        let only_pending = body.get("Pending").and_then(Value::as_bool) == Some(true);
        let wanted: Vec<String> = if listed.is_empty() && (every_active || only_pending) {
            project
                .trigger_runs
                .values()
                .filter(|run| run.workflow_id == workflow_id)
                .filter(|run| {
                    let state = run.state(now).0;
                    if only_pending {
                        state == "QUEUED"
                    } else {
                        matches!(state, "QUEUED" | "RUNNING")
                    }
                })
                .map(|run| run.execution_id.clone())
                .collect()
        } else {
            listed
        };
        let mut results = Vec::new();
        for execution_id in wanted {
            let outcome = match project.trigger_runs.get_mut(&execution_id) {
                Some(run) if run.workflow_id != workflow_id => Err(format!(
                    "The run {execution_id} is not a run of this workflow."
                )),
                Some(run) if matches!(run.state(now).0, "QUEUED" | "RUNNING") => {
                    run.killed_millis = Some(now);
                    Ok(run.workflow_name.clone())
                }
                Some(run) => Err(format!(
                    "The run {execution_id} of {} has already ended.",
                    run.workflow_name
                )),
                None => Err(format!("The run {execution_id} does not exist.")),
            };
            results.push(match outcome {
                Ok(name) => json!({
                    "ItemId": execution_id,
                    "ItemName": name,
                    "ExecutionActionId": null,
                    "ErrorMessage": null,
                    "OpStatus": true,
                }),
                Err(message) => json!({
                    "ItemId": execution_id,
                    "ItemName": null,
                    "ExecutionActionId": null,
                    "ErrorMessage": message,
                    "OpStatus": false,
                }),
            });
        }
        Ok(json!({"Data": results}))
    }

    /// A log for a task run (InstanceKey = its ExecutionId) or a backfill instance
    /// (`<TaskId>_<CurRunDate>`, as ListTaskInstances names it).
    pub(super) fn get_task_instance_log(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let key = text(body, "InstanceKey").to_owned();
        let now = clock.epoch_millis;
        let found = self
            .project(project_id)
            .trigger_runs
            .values()
            .find_map(|run| {
                run.tasks
                    .iter()
                    .find(|task| task.execution_id == key)
                    .map(|task| (task.task_name.clone(), run.task_view(task, now)))
            });
        let (name, view) = match found {
            Some(found) => found,
            None => self
                .backfill_instance_view(project_id, &key, now)
                .ok_or_else(|| not_found("instance", &key))?,
        };
        Ok(json!({"Data": {
            "InstanceKey": key,
            "ProjectId": project_id,
            "CodeContent": null,
            "LogInfo": log_text(&name, &view),
            "NextCursor": null,
        }}))
    }
}

/// The log WeData would hold for a run in `view`, lines separated by `<br>` as its answers
/// separate them.
pub(super) fn log_text(task_name: &str, view: &TaskRunView) -> String {
    let stamp = |millis: i64| Clock::at_millis(millis).display;
    let mut lines = Vec::new();
    if let Some(started) = view.started {
        lines.push(format!(
            "{} INFO Running {task_name} (emulated run)",
            stamp(started)
        ));
        lines.push(format!("{} INFO {task_name}: working", stamp(started)));
    }
    if let Some(ended) = view.ended {
        match (view.state, view.error) {
            ("SUCCESS" | "COMPLETED", _) => lines.push(format!(
                "{} INFO {task_name}: finished with exit code 0",
                stamp(ended)
            )),
            (_, Some(KILLED)) => lines.push(format!(
                "{} ERROR {task_name}: killed by the user",
                stamp(ended)
            )),
            (_, Some(UPSTREAM_FAILED)) => lines.push(format!(
                "{} WARN {task_name}: not run, an upstream task failed",
                stamp(ended)
            )),
            _ => lines.push(format!(
                "{} ERROR {task_name}: exited with code 1 (the emulator fails it: run:fail={task_name})",
                stamp(ended)
            )),
        }
    }
    lines.join("<br>")
}

fn execution_time(view: &TaskRunView) -> Value {
    match (view.started, view.ended) {
        (Some(started), Some(ended)) => json!((ended - started).max(0).to_string()),
        _ => Value::Null,
    }
}

fn state_label(state: &str) -> &'static str {
    match state {
        "PENDING" => "等待中",
        "RUNNING" => "运行中",
        "SUCCESS" => "运行成功",
        "FAILED" => "运行失败",
        "SKIP" => "跳过运行",
        _ => "",
    }
}

fn workflow_run_brief(project_id: &str, run: &StoredRun, now: i64) -> Value {
    let (state, error) = run.state(now);
    let started = (run.moment(now) >= run.queued_until_millis).then_some(run.queued_until_millis);
    let ended = run.ended(now);
    json!({
        "AppId": "1250000000",
        "ProjectId": project_id,
        "WorkflowName": run.workflow_name,
        "WorkflowId": run.workflow_id,
        "ExecutionId": run.execution_id,
        "TriggerId": null,
        "TriggerType": "ManualTrigger",
        "CreateTime": run.created_millis.to_string(),
        "ScheduleTime": run.created_millis.to_string(),
        "ExecutionStartTime": millis_text(started),
        "ExecutionEndTime": millis_text(ended),
        "ExecutionCostTime": seconds_between(started, ended.or(Some(run.moment(now)))),
        "QueueCostTime": seconds_between(Some(run.created_millis), Some(run.queued_until_millis.min(run.moment(now)))),
        "PendingCostTime": "0",
        "ExecutionState": state,
        "ExecuteUserUin": EMULATED_USER_UIN,
        "ExecuteUserName": null,
        "ErrorCodeStr": error,
        "WorkflowParams": run.parameters,
        "WorkflowVersionId": null,
        "SupportRerun": false,
        "RerunTimes": 0,
        "SelectedTaskIds": run.tasks.iter().map(|task| task.task_id.clone()).collect::<Vec<_>>(),
        "PendingStartTime": null,
        "QueueStartTime": run.created_millis.to_string(),
        "EndTime": millis_text(ended),
        "FolderId": null,
        "FolderName": null,
        "PlannedSchedulingTime": null,
        "CycleType": null,
        "UserNameInCharge": null,
        "UserUinInCharge": EMULATED_USER_UIN,
        "AssociatedEntityExist": true,
    })
}

fn task_run_brief(project_id: &str, run: &StoredRun, task: &PlannedTaskRun, now: i64) -> Value {
    let view = run.task_view(task, now);
    let (workflow_state, _) = run.state(now);
    // The members of the official GetTriggerWorkflowRun / GetTriggerTaskRun answers (times in
    // epoch milliseconds as strings), plus TaskExecutionState, which the definition has too.
    let mut brief = json!({
        "CreateTime": run.created_millis.to_string(),
        "CreateUin": null,
        "CycleType": null,
        "DependOnList": if task.upstream_ids.is_empty() { Value::Null } else { json!(task.upstream_ids) },
        "DependenceFinishedTime": millis_text(view.started),
        "ErrorCodeStr": view.error,
        "ExecuteUserName": "emulator",
        "ExecuteUserUin": EMULATED_USER_UIN,
        "ExecutionEndTime": millis_text(view.ended),
        "ExecutionId": task.execution_id,
        "ExecutionResult": null,
        "ExecutionStartTime": millis_text(view.started),
        "ExecutionState": view.state,
        "ExecutionTime": execution_time(&view),
        "FolderId": null,
        "FolderName": null,
        "IsLatestExecution": true,
        "IssueTime": millis_text(view.started),
        "JobId": null,
        "LeftCoordinate": null,
        "ProjectId": project_id,
        "RerunTimes": 0,
        "ResourceGroupId": null,
    });
    let rest = json!({
        "ResourceGroupName": null,
        "RetryTimes": 0,
        "RunParams": run.parameters,
        "SupportRerun": false,
        "TaskExecutionState": view.state,
        "TaskId": task.task_id,
        "TaskName": task.task_name,
        "TaskType": null,
        "TaskTypeExtensions": null,
        "TaskTypeId": task.task_type_id,
        "TaskVersionId": task.version_id,
        "Timezone": "Asia/Shanghai",
        "TopCoordinate": null,
        "TriggerType": "Manual",
        "UpdateTime": view.ended.unwrap_or(now).to_string(),
        "UserNameInCharge": "emulator",
        "UserUinInCharge": EMULATED_USER_UIN,
        "WaitTime": seconds_between(Some(run.created_millis), view.started),
        "WorkflowExecutionId": run.execution_id,
        "WorkflowExecutionState": workflow_state,
        "WorkflowId": run.workflow_id,
        "WorkflowName": run.workflow_name,
        "WorkflowParams": run.parameters,
    });
    if let (Some(brief), Value::Object(rest)) = (brief.as_object_mut(), rest) {
        brief.extend(rest);
    }
    brief
}

/// The `Filters` of a run listing: `{Name, Values}` pairs; a value matches when it is one of
/// the values given for its name (or no filter names it).
pub(super) struct Filters {
    by_name: HashMap<String, Vec<String>>,
}

impl Filters {
    pub(super) fn of(body: &Value) -> Self {
        let mut by_name: HashMap<String, Vec<String>> = HashMap::new();
        for filter in body
            .get("Filters")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            by_name
                .entry(text(filter, "Name").to_owned())
                .or_default()
                .extend(
                    filter["Values"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .map(str::to_owned),
                );
        }
        Self { by_name }
    }

    pub(super) fn allows(&self, name: &str, value: &str) -> bool {
        self.by_name
            .get(name)
            .is_none_or(|values| values.iter().any(|wanted| wanted == value))
    }

    /// `Keyword`: a name containing, or an id equal to, one of the values.
    pub(super) fn keyword(&self, candidates: &[&str]) -> bool {
        self.by_name.get("Keyword").is_none_or(|values| {
            values.iter().any(|wanted| {
                candidates
                    .iter()
                    .any(|candidate| candidate.contains(wanted.as_str()))
            })
        })
    }
}

/// Newest first unless `OrderFields` asks for CreateTime (or ScheduleTime) ascending.
fn sort_by_creation<T>(items: &mut [T], body: &Value, created: impl Fn(&T) -> i64) {
    let ascending = body
        .get("OrderFields")
        .and_then(Value::as_array)
        .and_then(|fields| fields.first())
        .is_some_and(|field| text(field, "Direction").eq_ignore_ascii_case("ASC"));
    items.sort_by_key(|item| created(item));
    if !ascending {
        items.reverse();
    }
}

/// Slices `items` by PageNumber (from 1) and PageSize (`minimum` to `maximum`, else
/// `default`); both may be numbers or, as ListOpsTasks defines them, strings of digits.
pub(super) fn page_within(
    items: Vec<Value>,
    body: &Value,
    minimum: u64,
    maximum: u64,
    default: u64,
) -> Result<Value, Failure> {
    let number = |member: &str| -> Result<Option<u64>, Failure> {
        match body.get(member) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(number)) => number.as_u64().map(Some).ok_or_else(|| {
                failure(
                    "InvalidParameterValue",
                    format!("`{member}` must be a whole number."),
                )
            }),
            Some(Value::String(text)) if text.is_empty() => Ok(None),
            Some(Value::String(text)) => text.trim().parse().map(Some).map_err(|_| {
                failure(
                    "InvalidParameterValue",
                    format!("`{member}` must be a whole number."),
                )
            }),
            Some(_) => Err(failure(
                "InvalidParameterValue",
                format!("`{member}` must be a whole number."),
            )),
        }
    };
    let page_number = number("PageNumber")?.unwrap_or(1);
    let page_size = number("PageSize")?.unwrap_or(default);
    if page_number < 1 {
        return Err(failure(
            "InvalidParameterValue",
            "`PageNumber` starts at 1.",
        ));
    }
    if !(minimum..=maximum).contains(&page_size) {
        return Err(failure(
            "InvalidParameterValue",
            format!("`PageSize` must be between {minimum} and {maximum}."),
        ));
    }
    let total = items.len() as u64;
    let start = ((page_number - 1) * page_size).min(total) as usize;
    let end = (start + page_size as usize).min(items.len());
    Ok(json!({
        "Items": items[start..end],
        "PageNumber": page_number,
        "PageSize": page_size,
        "TotalCount": total,
        "TotalPageNumber": total.div_ceil(page_size),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(id: &str, upstream: &[&str]) -> RunnableTask {
        RunnableTask {
            task_id: id.to_owned(),
            task_name: format!("name_{id}"),
            task_type_id: 35,
            version_id: format!("{id}_v1"),
            upstream_ids: upstream.iter().map(|id| id.to_string()).collect(),
        }
    }

    fn settings(failing: &[&str]) -> RunSettings {
        RunSettings {
            speed: 1.0,
            rules: RunRules {
                failing: failing.iter().map(|name| name.to_string()).collect(),
                durations: vec![("name_b".to_owned(), 5.0)],
            },
        }
    }

    fn run(tasks: Vec<PlannedTaskRun>) -> StoredRun {
        StoredRun {
            execution_id: "run".into(),
            workflow_id: "w".into(),
            workflow_name: "orders".into(),
            created_millis: 0,
            queued_until_millis: 1000,
            killed_millis: None,
            parameters: "{}".into(),
            tasks,
        }
    }

    fn states(run: &StoredRun, now: i64) -> Vec<&'static str> {
        run.tasks
            .iter()
            .map(|task| run.task_view(task, now).state)
            .collect()
    }

    #[test]
    fn a_run_is_queued_then_each_task_runs_after_its_upstreams() {
        // a (2 s) -> b (5 s) -> c (2 s), d (2 s) alone.
        let planned = plan_tasks(
            vec![
                task("c", &["b"]),
                task("b", &["a"]),
                task("a", &[]),
                task("d", &[]),
            ],
            1000,
            &settings(&[]),
        );
        let run = run(planned);
        assert_eq!(run.state(500).0, "QUEUED");
        assert_eq!(states(&run, 500), ["PENDING"; 4]);
        assert_eq!(
            states(&run, 1500),
            ["PENDING", "PENDING", "RUNNING", "RUNNING"]
        );
        assert_eq!(run.state(1500).0, "RUNNING");
        assert_eq!(
            states(&run, 4000),
            ["PENDING", "RUNNING", "SUCCESS", "SUCCESS"]
        );
        assert_eq!(
            states(&run, 8500),
            ["RUNNING", "SUCCESS", "SUCCESS", "SUCCESS"]
        );
        assert_eq!(run.state(10_000), ("SUCCESS", None));
        assert_eq!(run.ended(10_000), Some(10_000));
    }

    #[test]
    fn a_failed_task_fails_the_run_and_skips_what_depends_on_it() {
        let run = run(plan_tasks(
            vec![task("a", &[]), task("b", &["a"]), task("c", &["b"])],
            1000,
            &settings(&["name_a"]),
        ));
        assert_eq!(states(&run, 2000), ["RUNNING", "PENDING", "PENDING"]);
        assert_eq!(states(&run, 3000), ["FAILED", "SKIP", "SKIP"]);
        assert_eq!(
            run.task_view(&run.tasks[1], 3000).error,
            Some(UPSTREAM_FAILED)
        );
        assert_eq!(run.state(3000).0, "FAILED");
        assert!(
            log_text("name_a", &run.task_view(&run.tasks[0], 3000)).contains("exited with code 1")
        );
    }

    #[test]
    fn a_kill_freezes_the_run_at_its_time() {
        let mut run = run(plan_tasks(
            vec![task("a", &[]), task("b", &["a"])],
            1000,
            &settings(&[]),
        ));
        run.killed_millis = Some(2000);
        assert_eq!(
            states(&run, 1500),
            ["RUNNING", "PENDING"],
            "before the kill"
        );
        assert_eq!(states(&run, 60_000), ["FAILED", "SKIP"]);
        assert_eq!(run.task_view(&run.tasks[0], 60_000).error, Some(KILLED));
        assert_eq!(run.state(60_000), ("FAILED", Some(KILLED)));
    }

    #[test]
    fn the_run_speed_divides_emulated_seconds() {
        let fast = RunSettings {
            speed: 60.0,
            rules: RunRules::default(),
        };
        assert_eq!(fast.task_run("x").0, 33);
        assert_eq!(fast.real_millis(60.0), 1000);
        let broken = RunSettings {
            speed: 0.0,
            rules: RunRules::default(),
        };
        assert_eq!(broken.real_millis(1.0), 1000, "a speed of 0 is read as 1");
    }

    #[test]
    fn tasks_in_a_dependency_cycle_never_start() {
        let run = run(plan_tasks(
            vec![task("a", &["b"]), task("b", &["a"]), task("c", &[])],
            1000,
            &settings(&[]),
        ));
        assert_eq!(states(&run, 60_000), ["SKIP", "SKIP", "SUCCESS"]);
    }
}
