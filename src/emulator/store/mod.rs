//! The emulator's state and the behaviour of each action on it, in the API's own JSON shapes.
//!
//! Stored tasks are kept as the API's `TriggerTask` / `Task` objects, so what GetTriggerTask
//! returns is exactly what was stored. Behaviour follows the official definition, examples and
//! the seed pages: server-generated ids, defaults filled in, server-managed ext keys added,
//! versions created by submits, references checked. Everything here is synchronous and pure
//! apart from the clock value passed in: runs, backfills and asynchronous operations progress
//! as a function of the request's time (`runs`, `backfill`, `ops`).

mod backfill;
mod code_files;
mod dependencies;
mod folders;
mod legacy;
mod ops;
mod periodic;
mod permissions;
pub mod runs;
mod versions;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use dependencies::Direction;

/// An API error answer: code and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: &'static str,
    pub message: String,
}

fn failure(code: &'static str, message: impl Into<String>) -> Failure {
    Failure {
        code,
        message: message.into(),
    }
}

/// The uin the emulator acts as when a request names none.
pub const EMULATED_USER_UIN: &str = "100000000001";

/// Keys WeData adds to every task's TaskExtConfigurationList on its own (seen in the official
/// GetTriggerTask and GetTriggerTaskVersion examples). Updates never remove them.
pub const SERVER_MANAGED_EXT_KEYS: [&str; 6] = [
    "tenantId",
    "region",
    "bucket",
    "isGitTask",
    "specLabelConfItems",
    "ftp.file.name",
];

/// Scheduler defaults the server fills in when a create omits them (the values of the
/// official CreateTriggerTask example and the members' documents).
const SCHEDULER_DEFAULTS: [(&str, i64); 4] = [
    ("RunPriorityType", 6),
    ("RetryWaitMinute", 5),
    ("MaxRetryNumber", 4),
    ("ExecutionTTLMinute", -1),
];

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Store {
    /// Project id → its resources.
    pub projects: BTreeMap<String, Project>,
    /// The last TaskId handed out: ids are time-based but strictly increasing, so they stay
    /// unique however many tasks are created in one second.
    #[serde(default)]
    pub last_task_id: u64,
    /// How simulated runs progress (not state: set by the server from its configuration).
    #[serde(skip)]
    pub run_settings: runs::RunSettings,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Project {
    /// WorkflowId → TriggerWorkflowDetail plus WorkflowId / CreateTime / ModifyTime.
    pub workflows: BTreeMap<String, Value>,
    /// TaskId → stored trigger task.
    pub trigger_tasks: BTreeMap<String, StoredTask>,
    /// TaskId → stored periodic task.
    pub tasks: BTreeMap<String, StoredTask>,
    /// WorkflowId → periodic (`cycle` / `manual`) workflow: WorkflowDetail plus WorkflowId /
    /// ParentFolderPath / CreateTime / ModifyTime / UpdateUserUin.
    #[serde(default)]
    pub periodic_workflows: BTreeMap<String, Value>,
    /// Data Exploration code folders by path (`/a/b`; the root `/` always exists).
    #[serde(default)]
    pub code_folders: BTreeMap<String, code_files::CodeFolder>,
    /// CodeFileId → code file, in the shape of the official CodeFile.
    #[serde(default)]
    pub code_files: BTreeMap<String, Value>,
    /// WorkflowExecutionId → a run of a trigger workflow (CreateTriggerWorkflowRun).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub trigger_runs: BTreeMap<String, runs::StoredRun>,
    /// DataBackfillPlanId → a backfill plan of periodic tasks (CreateDataBackfillPlan).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub backfills: BTreeMap<String, backfill::StoredBackfill>,
    /// AsyncId → an asynchronous operations-center job (PauseOpsTasksAsync, ...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ops_jobs: BTreeMap<String, ops::StoredJob>,
    /// Workflow folder path → WorkflowFolder (the root and the default folder are implicit).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub workflow_folders: BTreeMap<String, Value>,
    /// `WorkflowId|TaskFolderType|path` → TaskFolder.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub task_folders: BTreeMap<String, Value>,
    /// Every deletion with the options it was sent with (TaskId, OperateInform, DeleteMode):
    /// whom WeData would notify is outside what the emulator models.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deletions: Vec<Value>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredTask {
    /// The task in the API's response shape.
    pub task: Value,
    /// Saved edits so far: TaskLatestVersionNo is `V<saves>`.
    pub saves: u64,
    /// Submitted versions, oldest first.
    pub versions: Vec<Value>,
    /// Saved versions (creates and updates), oldest first: their listing members only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub saved_versions: Vec<Value>,
    /// Members only the legacy 2021-08-20 API knows (DelayTime, TaskAction, ...), as
    /// ModifyTaskInfo last set them.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub legacy: Map<String, Value>,
    /// A periodic task's status in operations (the ops center): `Y` scheduled from its first
    /// submit on, `O` paused, `F` stopped; `None` until submitted. Kept apart from the
    /// development `Status`, which every save resets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ops_status: Option<String>,
}

/// The moment a request is handled, in the forms the API uses.
#[derive(Debug, Clone)]
pub struct Clock {
    /// `yyyy-MM-dd HH:mm:ss`
    pub display: String,
    /// `yyyyMMddHHmmssSSS`
    pub compact_millis: String,
    /// Milliseconds since the Unix epoch: what runs progress by.
    pub epoch_millis: i64,
}

impl Clock {
    pub fn at(instant: jiff::Timestamp) -> Self {
        let zoned = instant.to_zoned_datetime(jiff::tz::TimeZone::fixed(jiff::tz::offset(8)));
        Self {
            display: zoned.strftime("%Y-%m-%d %H:%M:%S").to_string(),
            compact_millis: zoned.strftime("%Y%m%d%H%M%S%3f").to_string(),
            epoch_millis: instant.as_millisecond(),
        }
    }

    /// The clock at `epoch_millis` (a run's start or end, as an answer shows it).
    pub fn at_millis(epoch_millis: i64) -> Self {
        Self::at(
            jiff::Timestamp::from_millisecond(epoch_millis).unwrap_or(jiff::Timestamp::UNIX_EPOCH),
        )
    }
}

/// Whether an action changes state (and so is logged as a write and persisted after).
pub fn is_write(action: &str) -> bool {
    // The legacy subset reads with Describe* (DescribeTaskDetailDs, DescribeTaskByCycle).
    !["Get", "List", "Describe"]
        .iter()
        .any(|verb| action.starts_with(verb))
}

impl Store {
    /// Runs one action of API `version` (2025-08-06, or the 2021-08-20 legacy subset).
    pub fn handle_version(
        &mut self,
        version: &str,
        action: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        if version == super::definition::LEGACY_VERSION {
            return self.handle_legacy(action, body, clock);
        }
        self.handle(action, body, clock)
    }

    /// Runs one action. Returns the `Response` members other than RequestId.
    pub fn handle(&mut self, action: &str, body: &Value, clock: &Clock) -> Result<Value, Failure> {
        let project_id = text(body, "ProjectId").to_owned();
        match action {
            "CreateTriggerWorkflow" => self.create_workflow(&project_id, body, clock),
            "UpdateTriggerWorkflow" => self.update_workflow(&project_id, body, clock),
            "GetTriggerWorkflow" => self.get_workflow(&project_id, body),
            "ListTriggerWorkflows" => self.list_workflows(&project_id, body),
            "CreateTriggerTask" => self.create_trigger_task(&project_id, body, clock),
            "UpdateTriggerTask" => self.update_trigger_task(&project_id, body, clock),
            "GetTriggerTask" => self.get_task(&project_id, body, Kind::Trigger),
            "DeleteTriggerTask" => self.delete_task(&project_id, body, Kind::Trigger),
            "SubmitTriggerTask" => self.submit_task(&project_id, body, clock, Kind::Trigger),
            "ListTriggerTasks" => self.list_trigger_tasks(&project_id, body),
            "GetTriggerTaskCode" => self.get_trigger_task_code(&project_id, body),
            "GetTriggerTaskVersion" => self.get_version(&project_id, body, Kind::Trigger),
            "ListTriggerTaskVersions" => self.list_task_versions(&project_id, body, Kind::Trigger),
            "CreateWorkflow" => self.create_periodic_workflow(&project_id, body, clock),
            "UpdateWorkflow" => self.update_periodic_workflow(&project_id, body, clock),
            "GetWorkflow" => self.get_periodic_workflow(&project_id, body),
            "ListWorkflows" => self.list_periodic_workflows(&project_id, body),
            "CreateTask" => self.create_periodic_task(&project_id, body, clock),
            "UpdateTask" => self.update_periodic_task(&project_id, body, clock),
            "GetTask" => self.get_task(&project_id, body, Kind::Periodic),
            "DeleteTask" => self.delete_task(&project_id, body, Kind::Periodic),
            "SubmitTask" => self.submit_task(&project_id, body, clock, Kind::Periodic),
            "ListTasks" => self.list_periodic_tasks(&project_id, body),
            "GetTaskVersion" => self.get_version(&project_id, body, Kind::Periodic),
            "ListTaskVersions" => self.list_task_versions(&project_id, body, Kind::Periodic),
            "GetMyWorkflowMaxPermission" => self.get_my_workflow_max_permission(&project_id, body),
            "CreateCodeFolder" => self.create_code_folder(&project_id, body, clock),
            "CreateCodeFile" => self.create_code_file(&project_id, body, clock),
            "UpdateCodeFile" => self.update_code_file(&project_id, body, clock),
            "GetCodeFile" => self.get_code_file(&project_id, body),
            "DeleteCodeFile" => self.delete_code_file(&project_id, body),
            "ListCodeFolderContents" => self.list_code_folder_contents(&project_id, body),
            "CreateTriggerWorkflowRun" => self.create_workflow_run(&project_id, body, clock),
            "GetTriggerWorkflowRun" => self.get_workflow_run(&project_id, body, clock),
            "ListTriggerWorkflowRuns" => self.list_workflow_runs(&project_id, body, clock),
            "ListTriggerTaskRuns" => self.list_task_runs(&project_id, body, clock),
            "GetTriggerTaskRun" => self.get_task_run(&project_id, body, clock),
            "KillTriggerWorkflowRuns" => self.kill_workflow_runs(&project_id, body, clock),
            "GetTaskInstanceLog" => self.get_task_instance_log(&project_id, body, clock),
            "GetOpsTask" => self.get_ops_task(&project_id, body),
            "ListOpsTasks" => self.list_ops_tasks(&project_id, body),
            "StartOpsTasks" => self.start_ops_tasks(&project_id, body, clock),
            "PauseOpsTasksAsync" => {
                self.change_ops_tasks(&project_id, body, clock, ops::Change::Pause)
            }
            "StopOpsTasksAsync" => {
                self.change_ops_tasks(&project_id, body, clock, ops::Change::Stop)
            }
            "GetOpsAsyncJob" => self.get_ops_async_job(&project_id, body, clock),
            "CreateDataBackfillPlan" => self.create_backfill_plan(&project_id, body, clock),
            "GetDataBackfillPlan" => self.get_backfill_plan(&project_id, body, clock),
            "ListDataBackfillInstances" => self.list_backfill_instances(&project_id, body, clock),
            "ListTaskInstances" => self.list_task_instances(&project_id, body, clock),
            "CreateWorkflowFolder" => self.create_workflow_folder(&project_id, body),
            "ListWorkflowFolders" => self.list_workflow_folders(&project_id, body),
            "CreateTaskFolder" => self.create_task_folder(&project_id, body),
            "ListTaskFolders" => self.list_task_folders(&project_id, body),
            "ListDownstreamTriggerTasks" => {
                self.list_dependencies(&project_id, body, Kind::Trigger, Direction::Downstream)
            }
            "ListUpstreamTriggerTasks" => {
                self.list_dependencies(&project_id, body, Kind::Trigger, Direction::Upstream)
            }
            "ListDownstreamTasks" => {
                self.list_dependencies(&project_id, body, Kind::Periodic, Direction::Downstream)
            }
            "ListUpstreamTasks" => {
                self.list_dependencies(&project_id, body, Kind::Periodic, Direction::Upstream)
            }
            other => Err(failure(
                "UnsupportedOperation",
                format!("The emulator does not implement {other}."),
            )),
        }
    }

    fn project(&mut self, project_id: &str) -> &mut Project {
        self.projects.entry(project_id.to_owned()).or_default()
    }

    fn next_task_id(&mut self, clock: &Clock) -> String {
        // 17 digits like the real ones: yyyyMMddHHmmss plus three more.
        let time_based: u64 = clock.compact_millis[..14].parse::<u64>().unwrap_or(0) * 1000;
        self.last_task_id = time_based.max(self.last_task_id + 1);
        self.last_task_id.to_string()
    }

    // ----- trigger workflows -----

    fn create_workflow(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let name = text(body, "WorkflowName").to_owned();
        let project = self.project(project_id);
        folders::check_workflow_folder(project, text(body, "ParentFolderPath"))?;
        if workflow_name_taken(project, &name, None) {
            return Err(failure(
                "InvalidParameter.DuplicateName",
                format!("A workflow named `{name}` already exists in this project."),
            ));
        }
        let workflow_id = uuid::Uuid::new_v4().to_string();
        let mut workflow = Map::new();
        workflow.insert("WorkflowId".into(), json!(workflow_id));
        for member in WORKFLOW_MEMBERS {
            if let Some(value) = body.get(member).filter(|value| !value.is_null()) {
                workflow.insert((*member).into(), value.clone());
            }
        }
        let parent = text(body, "ParentFolderPath");
        workflow.insert(
            "Path".into(),
            json!(format!("{}/{name}", parent.trim_end_matches('/'))),
        );
        workflow.insert("ParentFolderPath".into(), json!(parent));
        workflow
            .entry("OwnerUin")
            .or_insert_with(|| json!(EMULATED_USER_UIN));
        workflow.insert("CreateUserUin".into(), json!(EMULATED_USER_UIN));
        workflow.insert("UpdateUserUin".into(), json!(EMULATED_USER_UIN));
        workflow
            .entry("SchedulerStatus")
            .or_insert_with(|| json!("ACTIVE"));
        workflow.insert("CreateTime".into(), json!(clock.display));
        workflow.insert("ModifyTime".into(), json!(clock.display));
        project
            .workflows
            .insert(workflow_id.clone(), Value::Object(workflow));
        Ok(json!({"Data": {"WorkflowId": workflow_id}}))
    }

    fn update_workflow(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let workflow_id = text(body, "WorkflowId").to_owned();
        let project = self.project(project_id);
        if let Some(name) = body.get("WorkflowName").and_then(Value::as_str) {
            if workflow_name_taken(project, name, Some(&workflow_id)) {
                return Err(failure(
                    "InvalidParameter.DuplicateName",
                    format!("A workflow named `{name}` already exists in this project."),
                ));
            }
        }
        let workflow = project
            .workflows
            .get_mut(&workflow_id)
            .ok_or_else(|| not_found("workflow", &workflow_id))?;
        for member in WORKFLOW_MEMBERS {
            if let Some(value) = body.get(member).filter(|value| !value.is_null()) {
                workflow[*member] = value.clone();
            }
        }
        workflow["ModifyTime"] = json!(clock.display);
        workflow["UpdateUserUin"] = json!(EMULATED_USER_UIN);
        let name = text(workflow, "WorkflowName").to_owned();
        rename_workflow_in_tasks(project, &workflow_id, &name);
        Ok(json!({"Data": {"Status": true}}))
    }

    fn get_workflow(&mut self, project_id: &str, body: &Value) -> Result<Value, Failure> {
        let workflow_id = text(body, "WorkflowId");
        let workflow = self
            .project(project_id)
            .workflows
            .get(workflow_id)
            .ok_or_else(|| not_found("workflow", workflow_id))?;
        let mut detail = Map::new();
        for member in WORKFLOW_DETAIL_MEMBERS {
            detail.insert(
                (*member).into(),
                workflow.get(*member).cloned().unwrap_or(Value::Null),
            );
        }
        Ok(json!({"Data": detail}))
    }

    fn list_workflows(&mut self, project_id: &str, body: &Value) -> Result<Value, Failure> {
        let keyword = body.get("Keyword").and_then(Value::as_str).unwrap_or("");
        let folder = body.get("ParentFolderPath").and_then(Value::as_str);
        let items: Vec<Value> = self
            .project(project_id)
            .workflows
            .values()
            .filter(|workflow| text(workflow, "WorkflowName").contains(keyword))
            .filter(|workflow| {
                folder.is_none_or(|folder| text(workflow, "ParentFolderPath") == folder)
            })
            .map(|workflow| {
                let mut info = Map::new();
                for member in [
                    "WorkflowId",
                    "WorkflowName",
                    "OwnerUin",
                    "CreateTime",
                    "ModifyTime",
                    "UpdateUserUin",
                    "WorkflowDesc",
                    "CreateUserUin",
                    "ExecuteUserUin",
                ] {
                    info.insert(
                        member.into(),
                        workflow.get(member).cloned().unwrap_or(Value::Null),
                    );
                }
                Value::Object(info)
            })
            .collect();
        page(items, body).map(|data| json!({"Data": data}))
    }

    // ----- trigger tasks -----

    fn create_trigger_task(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let base = &body["TriggerTaskBaseAttribute"];
        let workflow_id = text(base, "WorkflowId").to_owned();
        let name = text(base, "TaskName").to_owned();
        let task_type_id = parse_task_type(base, "TriggerTaskBaseAttribute.TaskTypeId")?;
        let project = self.project(project_id);
        let workflow_name = project
            .workflows
            .get(&workflow_id)
            .map(|workflow| text(workflow, "WorkflowName").to_owned())
            .ok_or_else(|| not_found("workflow", &workflow_id))?;
        check_unique_name(project, &workflow_id, &name, None)?;
        folders::check_task_folder(
            project,
            &workflow_id,
            base.get("TaskFolderPath").and_then(Value::as_str),
        )?;
        let scheduler = &body["TriggerTaskSchedulerConfiguration"];
        check_references(
            project,
            scheduler,
            "TriggerTaskSchedulerConfiguration",
            Kind::Trigger,
        )?;

        let task_id = self.next_task_id(clock);
        let mut configuration = copy_members(&body["TriggerTaskConfiguration"]);
        let user_ext = configuration
            .remove("TaskExtConfigurationList")
            .unwrap_or_else(|| json!([]));
        configuration.insert(
            "TaskExtConfigurationList".into(),
            with_server_ext_keys(&user_ext, project_id, &task_id, None),
        );
        configuration
            .entry("BrokerIp")
            .or_insert_with(|| json!("any"));
        let mut scheduler = copy_members(scheduler);
        for (member, default) in SCHEDULER_DEFAULTS {
            scheduler.entry(member).or_insert_with(|| json!(default));
        }
        scheduler
            .entry("WaitExecutionTotalTTLMinute")
            .or_insert_with(|| json!(-1));
        scheduler
            .entry("AllowRedoType")
            .or_insert_with(|| json!("ALL"));
        let base_attribute = json!({
            "TaskId": task_id,
            "TaskTypeId": task_type_id,
            "WorkflowId": workflow_id,
            "TaskName": name,
            "WorkflowName": workflow_name,
            "OwnerUin": base.get("OwnerUin").cloned().unwrap_or(json!(EMULATED_USER_UIN)),
            "TaskDescription": base.get("TaskDescription").cloned().unwrap_or(json!("")),
            "TaskFolderPath": base.get("TaskFolderPath").cloned().unwrap_or(json!("/")),
            "TaskLatestVersionNo": "V1",
            "TaskLatestSubmitVersionNo": "",
            "Status": "N",
            "Submit": false,
            "CreateTime": clock.display,
            "LastUpdateTime": clock.display,
            "LastUpdateUserName": "emulator",
            "LastOpsTime": null,
            "LastOpsUserName": null,
            "UpdateUserUin": EMULATED_USER_UIN,
            "CreateUserUin": EMULATED_USER_UIN,
        });
        let task = json!({
            "TriggerTaskBaseAttribute": base_attribute,
            "TriggerTaskConfiguration": configuration,
            "TriggerTaskSchedulerConfiguration": scheduler,
        });
        let mut stored = StoredTask {
            task,
            saves: 1,
            versions: Vec::new(),
            saved_versions: Vec::new(),
            legacy: Map::new(),
            ops_status: None,
        };
        stored.record_save(&task_id, clock);
        self.project(project_id)
            .trigger_tasks
            .insert(task_id.clone(), stored);
        Ok(json!({"Data": {"TaskId": task_id}}))
    }

    fn update_trigger_task(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let task_id = text(body, "TaskId").to_owned();
        let update = &body["Task"];
        let base = &update["TriggerTaskBaseAttribute"];
        let project = self.project(project_id);
        let stored = project
            .trigger_tasks
            .get(&task_id)
            .ok_or_else(|| not_found("task", &task_id))?;
        let workflow_id = text(&stored.task["TriggerTaskBaseAttribute"], "WorkflowId").to_owned();
        check_unique_name(
            project,
            &workflow_id,
            text(base, "TaskName"),
            Some(&task_id),
        )?;
        folders::check_task_folder(
            project,
            &workflow_id,
            base.get("TaskFolderPath").and_then(Value::as_str),
        )?;
        let scheduler_update = &update["TriggerTaskSchedulerConfiguration"];
        check_references(
            project,
            scheduler_update,
            "Task.TriggerTaskSchedulerConfiguration",
            Kind::Trigger,
        )?;
        if references_itself(scheduler_update, &task_id) {
            return Err(failure(
                "InvalidParameterValue",
                "A task cannot depend on itself.",
            ));
        }

        let stored = project
            .trigger_tasks
            .get_mut(&task_id)
            .expect("checked above");
        let task = &mut stored.task;
        // Members omitted from the update keep their values; lists that are sent replace
        // the stored lists (server-managed ext keys excepted).
        for (member, value) in copy_members(base) {
            task["TriggerTaskBaseAttribute"][member] = value;
        }
        for (member, value) in copy_members(&update["TriggerTaskConfiguration"]) {
            if member == "TaskExtConfigurationList" {
                let existing = task["TriggerTaskConfiguration"]["TaskExtConfigurationList"].clone();
                task["TriggerTaskConfiguration"][member] =
                    with_server_ext_keys(&value, project_id, &task_id, Some(&existing));
            } else {
                task["TriggerTaskConfiguration"][member] = value;
            }
        }
        for (member, value) in copy_members(scheduler_update) {
            task["TriggerTaskSchedulerConfiguration"][member] = value;
        }
        stored.saves += 1;
        stored.record_save(&task_id, clock);
        let attributes = &mut stored.task["TriggerTaskBaseAttribute"];
        attributes["TaskLatestVersionNo"] = json!(format!("V{}", stored.saves));
        attributes["LastUpdateTime"] = json!(clock.display);
        attributes["UpdateUserUin"] = json!(EMULATED_USER_UIN);
        // A saved change is not live until submitted again.
        attributes["Status"] = json!("N");
        attributes["Submit"] = json!(false);
        Ok(json!({"Data": {"Status": true}}))
    }

    fn list_trigger_tasks(&mut self, project_id: &str, body: &Value) -> Result<Value, Failure> {
        // Filtered before cloning: one page of a 10,000-task project copies its 200 tasks only.
        let items: Vec<Value> = self
            .project(project_id)
            .trigger_tasks
            .values()
            .map(|stored| &stored.task["TriggerTaskBaseAttribute"])
            .filter(|attributes| matches_task_filters(attributes, body))
            .cloned()
            .collect();
        page(items, body).map(|data| json!({"Data": data}))
    }

    fn get_trigger_task_code(&mut self, project_id: &str, body: &Value) -> Result<Value, Failure> {
        let task_id = text(body, "TaskId");
        let stored = self
            .project(project_id)
            .trigger_tasks
            .get(task_id)
            .ok_or_else(|| not_found("task", task_id))?;
        let code = stored.task["TriggerTaskConfiguration"]
            .get("CodeContent")
            .and_then(Value::as_str)
            .unwrap_or("");
        Ok(json!({"Data": {"CodeInfo": code, "CodeFileSize": code.len().to_string()}}))
    }

    // ----- shared by both kinds -----

    fn tasks_of(&mut self, project_id: &str, kind: Kind) -> &mut BTreeMap<String, StoredTask> {
        let project = self.project(project_id);
        match kind {
            Kind::Trigger => &mut project.trigger_tasks,
            Kind::Periodic => &mut project.tasks,
        }
    }

    fn get_task(&mut self, project_id: &str, body: &Value, kind: Kind) -> Result<Value, Failure> {
        let task_id = text(body, "TaskId");
        let task = match kind {
            Kind::Trigger => self
                .tasks_of(project_id, kind)
                .get(task_id)
                .map(|stored| stored.task.clone()),
            Kind::Periodic => self.periodic_task_view(project_id, task_id),
        };
        let task = task.ok_or_else(|| not_found("task", task_id))?;
        Ok(json!({"Data": task}))
    }

    fn delete_task(
        &mut self,
        project_id: &str,
        body: &Value,
        kind: Kind,
    ) -> Result<Value, Failure> {
        let task_id = text(body, "TaskId").to_owned();
        let tasks = self.tasks_of(project_id, kind);
        if !tasks.contains_key(&task_id) {
            return Err(not_found("task", &task_id));
        }
        // WeData deletes a task that others still depend on: DeleteTask's DeleteMode chooses
        // whether their instances are force-failed, which only means something if the delete
        // goes through. Their dependency lists keep naming the deleted TaskId (nothing in the
        // API says WeData rewrites other tasks), as a lookup of their upstreams then shows.
        tasks.remove(&task_id);
        self.project(project_id).deletions.push(json!({
            "TaskId": task_id,
            "OperateInform": body.get("OperateInform").and_then(Value::as_bool).unwrap_or(false),
            "DeleteMode": body.get("DeleteMode").and_then(Value::as_bool).unwrap_or(false),
        }));
        Ok(json!({"Data": {"Status": true}}))
    }

    fn submit_task(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
        kind: Kind,
    ) -> Result<Value, Failure> {
        let task_id = text(body, "TaskId").to_owned();
        let remark = text(body, "VersionRemark").to_owned();
        let stored = self
            .tasks_of(project_id, kind)
            .get_mut(&task_id)
            .ok_or_else(|| not_found("task", &task_id))?;
        let version_number = format!("V{}", stored.versions.len() + 1);
        let version_id = format!("{task_id}_{}", clock.compact_millis);
        let attributes_member = kind.base_member();
        {
            let attributes = &mut stored.task[attributes_member];
            attributes["Status"] = json!("Y");
            attributes["TaskLatestSubmitVersionNo"] = json!(version_number);
            attributes["Submit"] = json!(true);
        }
        // The first submit puts a periodic task into scheduling; a pause outlives later ones.
        if kind == Kind::Periodic {
            stored.ops_status.get_or_insert_with(|| "Y".to_owned());
        }
        stored.versions.push(json!({
            "VersionId": version_id,
            "VersionNum": version_number,
            "VersionRemark": remark,
            "CreateTime": clock.display,
            "CreateUserUin": EMULATED_USER_UIN,
            "Task": stored.task,
        }));
        Ok(json!({"Data": {"VersionId": version_id, "Status": true}}))
    }

    fn get_version(
        &mut self,
        project_id: &str,
        body: &Value,
        kind: Kind,
    ) -> Result<Value, Failure> {
        let task_id = text(body, "TaskId");
        let stored = self
            .tasks_of(project_id, kind)
            .get(task_id)
            .ok_or_else(|| not_found("task", task_id))?;
        let version = match body.get("VersionId").and_then(Value::as_str) {
            Some(version_id) if !version_id.is_empty() => stored
                .versions
                .iter()
                .find(|version| text(version, "VersionId") == version_id)
                .ok_or_else(|| not_found("version", version_id))?,
            _ => stored.versions.last().ok_or_else(|| {
                failure(
                    "ResourceNotFound",
                    format!("Task {task_id} has never been submitted."),
                )
            })?,
        };
        let mut detail = version.clone();
        detail["ApproveStatus"] = Value::Null;
        detail["ApproveTime"] = Value::Null;
        detail["ApproveUserUin"] = Value::Null;
        Ok(json!({"Data": detail}))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Trigger,
    Periodic,
}

impl Kind {
    fn base_member(self) -> &'static str {
        match self {
            Self::Trigger => "TriggerTaskBaseAttribute",
            Self::Periodic => "TaskBaseAttribute",
        }
    }

    fn scheduler_member(self) -> &'static str {
        match self {
            Self::Trigger => "TriggerTaskSchedulerConfiguration",
            Self::Periodic => "TaskSchedulerConfiguration",
        }
    }
}

/// Members a workflow create or update may set.
const WORKFLOW_MEMBERS: &[&str] = &[
    "WorkflowName",
    "WorkflowDesc",
    "OwnerUin",
    "WorkflowParams",
    "TriggerWorkflowSchedulerConfigurations",
    "BundleId",
    "BundleInfo",
    "GeneralTaskParams",
    "TriggerWorkflowRunConfiguration",
    "SchedulerStatus",
    "TriggerMode",
    "ExecuteUserUin",
];

/// The members of TriggerWorkflowDetail.
const WORKFLOW_DETAIL_MEMBERS: &[&str] = &[
    "WorkflowName",
    "OwnerUin",
    "CreateUserUin",
    "WorkflowParams",
    "TriggerWorkflowSchedulerConfigurations",
    "WorkflowDesc",
    "Path",
    "BundleId",
    "BundleInfo",
    "GeneralTaskParams",
    "SchedulerStatus",
    "TriggerWorkflowRunConfiguration",
    "TriggerMode",
    "ExecuteUserUin",
];

fn text<'a>(value: &'a Value, member: &str) -> &'a str {
    value.get(member).and_then(Value::as_str).unwrap_or("")
}

fn not_found(what: &str, id: &str) -> Failure {
    failure(
        "ResourceNotFound",
        format!("The {what} `{id}` does not exist."),
    )
}

fn copy_members(value: &Value) -> Map<String, Value> {
    value
        .as_object()
        .map(|map| {
            map.iter()
                .filter(|(_, value)| !value.is_null())
                .map(|(key, value)| (key.clone(), value.clone()))
                .collect()
        })
        .unwrap_or_default()
}

fn parse_task_type(base: &Value, path: &str) -> Result<u64, Failure> {
    let raw = &base["TaskTypeId"];
    raw.as_u64()
        .or_else(|| raw.as_str().and_then(|text| text.trim().parse().ok()))
        .ok_or_else(|| {
            failure(
                "InvalidParameterValue",
                format!("The value of `{path}` must be a task type number."),
            )
        })
}

fn check_unique_name(
    project: &Project,
    workflow_id: &str,
    name: &str,
    except: Option<&str>,
) -> Result<(), Failure> {
    let taken = project.trigger_tasks.iter().any(|(id, stored)| {
        let attributes = &stored.task["TriggerTaskBaseAttribute"];
        Some(id.as_str()) != except
            && text(attributes, "WorkflowId") == workflow_id
            && text(attributes, "TaskName") == name
    });
    if taken {
        return Err(failure(
            "InvalidParameter.DuplicateName",
            format!("A task named `{name}` already exists in workflow {workflow_id}."),
        ));
    }
    Ok(())
}

/// A renamed workflow keeps its tasks (they hold its id); the name they report follows it.
fn rename_workflow_in_tasks(project: &mut Project, workflow_id: &str, name: &str) {
    for (tasks, kind) in [
        (&mut project.trigger_tasks, Kind::Trigger),
        (&mut project.tasks, Kind::Periodic),
    ] {
        for stored in tasks.values_mut() {
            let attributes = &mut stored.task[kind.base_member()];
            if text(attributes, "WorkflowId") == workflow_id {
                attributes["WorkflowName"] = json!(name);
            }
        }
    }
}

/// Workflow names are unique across trigger and periodic workflows of a project.
fn workflow_name_taken(project: &Project, name: &str, except: Option<&str>) -> bool {
    project
        .workflows
        .iter()
        .chain(&project.periodic_workflows)
        .any(|(id, workflow)| Some(id.as_str()) != except && text(workflow, "WorkflowName") == name)
}

/// Upstreams and parameter sources must name existing tasks of the same kind.
fn check_references(
    project: &Project,
    scheduler: &Value,
    path: &str,
    kind: Kind,
) -> Result<(), Failure> {
    let tasks = match kind {
        Kind::Trigger => &project.trigger_tasks,
        Kind::Periodic => &project.tasks,
    };
    let lists = [
        ("UpstreamDependencyConfigList", "TaskId"),
        ("ParamTaskInList", "FromTaskId"),
    ];
    for (list, member) in lists {
        for (index, item) in scheduler[list].as_array().into_iter().flatten().enumerate() {
            let id = text(item, member);
            if !tasks.contains_key(id) {
                return Err(failure(
                    "InvalidParameterValue",
                    format!("`{path}.{list}.{index}.{member}`: the task `{id}` does not exist."),
                ));
            }
        }
    }
    Ok(())
}

fn references_itself(scheduler: &Value, task_id: &str) -> bool {
    scheduler["UpstreamDependencyConfigList"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|item| text(item, "TaskId") == task_id)
}

/// The user's ext keys, then the server's own (kept from `existing` on updates).
fn with_server_ext_keys(
    user: &Value,
    project_id: &str,
    task_id: &str,
    existing: Option<&Value>,
) -> Value {
    let mut list: Vec<Value> = user
        .as_array()
        .into_iter()
        .flatten()
        .filter(|item| !SERVER_MANAGED_EXT_KEYS.contains(&text(item, "ParamKey")))
        .cloned()
        .collect();
    match existing {
        Some(existing) => list.extend(
            existing
                .as_array()
                .into_iter()
                .flatten()
                .filter(|item| SERVER_MANAGED_EXT_KEYS.contains(&text(item, "ParamKey")))
                .cloned(),
        ),
        None => {
            for (key, value) in [
                ("tenantId", "1250000000".to_owned()),
                ("region", "ap-guangzhou".to_owned()),
                ("bucket", "wedata-emulator-1250000000".to_owned()),
                ("isGitTask", "false".to_owned()),
                (
                    "specLabelConfItems",
                    "eyJzcGVjTGFiZWxDb25mSXRlbXMiOltdfQ==".to_owned(),
                ),
                (
                    "ftp.file.name",
                    format!("/datastudio/project/{project_id}/{task_id}"),
                ),
            ] {
                list.push(json!({"ParamKey": key, "ParamValue": value}));
            }
        }
    }
    Value::Array(list)
}

fn matches_task_filters(attributes: &Value, body: &Value) -> bool {
    let wanted = |member: &str| {
        body.get(member)
            .and_then(Value::as_str)
            .filter(|value| !value.is_empty())
    };
    wanted("WorkflowId").is_none_or(|id| text(attributes, "WorkflowId") == id)
        && wanted("TaskName").is_none_or(|name| text(attributes, "TaskName").contains(name))
        && wanted("OwnerUin").is_none_or(|owner| text(attributes, "OwnerUin") == owner)
        && wanted("Status").is_none_or(|status| text(attributes, "Status") == status)
        && body
            .get("TaskTypeId")
            .and_then(Value::as_u64)
            .is_none_or(|kind| attributes["TaskTypeId"].as_u64() == Some(kind))
}

/// Slices `items` by PageNumber (from 1) and PageSize (10 to 200, default 10).
fn page(items: Vec<Value>, body: &Value) -> Result<Value, Failure> {
    let page_number = body.get("PageNumber").and_then(Value::as_u64).unwrap_or(1);
    let page_size = body.get("PageSize").and_then(Value::as_u64).unwrap_or(10);
    if page_number < 1 {
        return Err(failure(
            "InvalidParameterValue",
            "`PageNumber` starts at 1.",
        ));
    }
    if !(10..=200).contains(&page_size) && body.get("PageSize").is_some() {
        return Err(failure(
            "InvalidParameterValue",
            "`PageSize` must be between 10 and 200.",
        ));
    }
    let total = items.len() as u64;
    let total_pages = total.div_ceil(page_size);
    let start = ((page_number - 1) * page_size).min(total) as usize;
    let end = (start + page_size as usize).min(items.len());
    Ok(json!({
        "Items": items[start..end],
        "PageNumber": page_number,
        "PageSize": page_size,
        "TotalCount": total,
        "TotalPageNumber": total_pages,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: ids were the time to the second plus a 3-digit counter modulo 1000, so the
    /// 1001st create within one second overwrote the first task.
    #[test]
    fn task_ids_stay_unique_past_a_thousand_creates_in_one_second() {
        let mut store = Store::default();
        let clock = Clock::at(jiff::Timestamp::now());
        let workflow = store
            .handle(
                "CreateTriggerWorkflow",
                &json!({"ProjectId": "1", "WorkflowName": "w", "ParentFolderPath": "/"}),
                &clock,
            )
            .unwrap();
        let workflow_id = workflow["Data"]["WorkflowId"].as_str().unwrap().to_owned();
        for index in 0..1500 {
            let created = store
                .handle(
                    "CreateTriggerTask",
                    &json!({
                        "ProjectId": "1",
                        "TriggerTaskBaseAttribute": {"TaskName": format!("t{index}"), "TaskTypeId": "35", "WorkflowId": workflow_id},
                        "TriggerTaskConfiguration": {},
                        "TriggerTaskSchedulerConfiguration": {}
                    }),
                    &clock,
                )
                .unwrap();
            assert_eq!(created["Data"]["TaskId"].as_str().unwrap().len(), 17);
        }
        assert_eq!(store.projects["1"].trigger_tasks.len(), 1500);
    }

    /// UpdateWorkflow's ClearLink on a crontab schedule cuts the workflow's dependencies on
    /// tasks of other workflows and keeps its own; ModifyCycleValue 1 resets the rest.
    #[test]
    fn clear_link_cuts_cross_workflow_upstreams_and_modify_cycle_value_resets_the_rest() {
        let mut store = Store::default();
        let clock = Clock::at(jiff::Timestamp::now());
        let workflow = |store: &mut Store, name: &str| {
            store
                .handle(
                    "CreateWorkflow",
                    &json!({"ProjectId": "1", "WorkflowName": name, "ParentFolderPath": "/"}),
                    &clock,
                )
                .unwrap()["Data"]["WorkflowId"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        let (other, own) = (workflow(&mut store, "other"), workflow(&mut store, "own"));
        let task = |store: &mut Store, name: &str, workflow_id: &str, upstream: &[&str]| {
            let upstream: Vec<Value> = upstream
                .iter()
                .map(|id| json!({"TaskId": id, "MainCyclicConfig": "DAY", "SubordinateCyclicConfig": "PREVIOUS_DAY"}))
                .collect();
            store
                .handle(
                    "CreateTask",
                    &json!({
                        "ProjectId": "1",
                        "TaskBaseAttribute": {"TaskName": name, "TaskTypeId": "35", "WorkflowId": workflow_id},
                        "TaskConfiguration": {},
                        "TaskSchedulerConfiguration": {"UpstreamDependencyConfigList": upstream}
                    }),
                    &clock,
                )
                .unwrap()["Data"]["TaskId"]
                .as_str()
                .unwrap()
                .to_owned()
        };
        let foreign = task(&mut store, "foreign", &other, &[]);
        let local = task(&mut store, "local", &own, &[]);
        let downstream = task(&mut store, "downstream", &own, &[&foreign, &local]);
        store
            .handle(
                "UpdateWorkflow",
                &json!({
                    "ProjectId": "1",
                    "WorkflowId": own,
                    "WorkflowSchedulerConfiguration": {
                        "ScheduleTimeZone": "UTC+8", "CycleType": "CRONTAB_CYCLE", "SelfDepend": "serial",
                        "StartTime": "2025-01-01 00:00:00", "EndTime": "2099-12-31 23:59:59",
                        "CrontabExpression": "0 0 2 * * ? *", "ClearLink": true,
                        "ModifyCycleValue": "1", "SubordinateCyclicConfig": "CURRENT_DAY"
                    }
                }),
                &clock,
            )
            .unwrap();
        let upstream = store.projects["1"].tasks[&downstream].task["TaskSchedulerConfiguration"]
            ["UpstreamDependencyConfigList"]
            .clone();
        assert_eq!(upstream.as_array().unwrap().len(), 1, "{upstream}");
        assert_eq!(upstream[0]["TaskId"], json!(local));
        assert_eq!(upstream[0]["SubordinateCyclicConfig"], "CURRENT_DAY");
        assert_eq!(upstream[0]["MainCyclicConfig"], "DAY");
    }
}
