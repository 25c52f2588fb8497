//! Periodic workflows (`CreateWorkflow` / `UpdateWorkflow` / `GetWorkflow` / `ListWorkflows`)
//! and periodic tasks (`CreateTask` / `UpdateTask` / `ListTasks`); GetTask, DeleteTask,
//! SubmitTask and GetTaskVersion are shared with trigger tasks in the parent module.
//!
//! Defaults are the ones the members' documents in api.json state (`CycleType` 默认为
//! DAY_CYCLE, `ScheduleTimeZone` 默认为 UTC+8, `CrontabExpression` 默认为 `0 0 0 * * ? *`,
//! `StartTime` 默认为当前日期的 00:00:00, `EndTime` 默认为 2099-12-31 23:59:59, ...).

use serde_json::{Map, Value, json};

use super::{
    Clock, EMULATED_USER_UIN, Failure, Kind, SCHEDULER_DEFAULTS, Store, check_references,
    copy_members, failure, matches_task_filters, not_found, page, parse_task_type,
    references_itself, rename_workflow_in_tasks, text, with_server_ext_keys, workflow_name_taken,
};

/// Members a periodic workflow create or update may set, as stored.
const WORKFLOW_MEMBERS: &[&str] = &[
    "WorkflowName",
    "WorkflowType",
    "WorkflowDesc",
    "OwnerUin",
    "WorkflowParams",
    "WorkflowSchedulerConfiguration",
    "BundleId",
    "BundleInfo",
];

/// The members of WorkflowDetail.
const WORKFLOW_DETAIL_MEMBERS: &[&str] = &[
    "WorkflowName",
    "OwnerUin",
    "CreateUserUin",
    "WorkflowType",
    "WorkflowParams",
    "WorkflowSchedulerConfiguration",
    "WorkflowDesc",
    "Path",
    "BundleId",
    "BundleInfo",
];

/// The members of WorkflowSchedulerConfiguration (GetWorkflow's answer); the request's
/// WorkflowSchedulerConfigurationInfo has a few more that only steer the update itself.
const WORKFLOW_SCHEDULER_MEMBERS: &[&str] = &[
    "ScheduleTimeZone",
    "CycleType",
    "SelfDepend",
    "StartTime",
    "EndTime",
    "DependencyWorkflow",
    "ExecutionStartTime",
    "ExecutionEndTime",
    "CrontabExpression",
    "CalendarOpen",
    "CalendarName",
    "CalendarId",
];

/// Scheduler members CreateTaskSchedulerConfiguration documents as strings but
/// TaskSchedulerConfiguration returns as integers, each with the newer member it duplicates.
const LEGACY_NUMBER_MEMBERS: [(&str, &str); 5] = [
    ("RunPriority", "RunPriorityType"),
    ("RetryWait", "RetryWaitMinute"),
    ("MaxRetryAttempts", "MaxRetryNumber"),
    ("ExecutionTTL", "ExecutionTTLMinute"),
    ("ScheduleRunType", "ScheduleType"),
];

impl Store {
    pub(super) fn create_periodic_workflow(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let name = text(body, "WorkflowName").to_owned();
        let project = self.project(project_id);
        super::folders::check_workflow_folder(project, text(body, "ParentFolderPath"))?;
        if workflow_name_taken(project, &name, None) {
            return Err(failure(
                "InvalidParameter.DuplicateName",
                format!("A workflow named `{name}` already exists in this project."),
            ));
        }
        let workflow_type = body
            .get("WorkflowType")
            .and_then(Value::as_str)
            .unwrap_or("cycle");
        if !matches!(workflow_type, "cycle" | "manual") {
            return Err(failure(
                "InvalidParameterValue",
                format!("`WorkflowType` must be cycle or manual, not `{workflow_type}`."),
            ));
        }
        let workflow_id = uuid::Uuid::new_v4().to_string();
        let mut workflow = Map::new();
        workflow.insert("WorkflowId".into(), json!(workflow_id));
        for member in WORKFLOW_MEMBERS {
            if let Some(value) = body.get(*member).filter(|value| !value.is_null()) {
                workflow.insert((*member).into(), value.clone());
            }
        }
        workflow.insert("WorkflowType".into(), json!(workflow_type));
        workflow.entry("WorkflowDesc").or_insert_with(|| json!(""));
        workflow
            .entry("WorkflowParams")
            .or_insert_with(|| json!([]));
        workflow
            .entry("OwnerUin")
            .or_insert_with(|| json!(EMULATED_USER_UIN));
        if let Some(scheduler) = workflow.get_mut("WorkflowSchedulerConfiguration") {
            *scheduler = stored_workflow_scheduler(scheduler);
        }
        let parent = text(body, "ParentFolderPath");
        workflow.insert(
            "Path".into(),
            json!(format!("{}/{name}", parent.trim_end_matches('/'))),
        );
        workflow.insert("ParentFolderPath".into(), json!(parent));
        workflow.insert("CreateUserUin".into(), json!(EMULATED_USER_UIN));
        workflow.insert("UpdateUserUin".into(), json!(EMULATED_USER_UIN));
        workflow.insert("CreateTime".into(), json!(clock.display));
        workflow.insert("ModifyTime".into(), json!(clock.display));
        project
            .periodic_workflows
            .insert(workflow_id.clone(), Value::Object(workflow));
        Ok(json!({"Data": {"WorkflowId": workflow_id}}))
    }

    pub(super) fn update_periodic_workflow(
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
            .periodic_workflows
            .get_mut(&workflow_id)
            .ok_or_else(|| not_found("workflow", &workflow_id))?;
        for member in WORKFLOW_MEMBERS {
            if let Some(value) = body.get(*member).filter(|value| !value.is_null()) {
                workflow[*member] = if *member == "WorkflowSchedulerConfiguration" {
                    stored_workflow_scheduler(value)
                } else {
                    value.clone()
                };
            }
        }
        workflow["ModifyTime"] = json!(clock.display);
        workflow["UpdateUserUin"] = json!(EMULATED_USER_UIN);
        let name = text(workflow, "WorkflowName").to_owned();
        rename_workflow_in_tasks(project, &workflow_id, &name);
        if let Some(schedule) = body.get("WorkflowSchedulerConfiguration") {
            apply_schedule_options(project, &workflow_id, schedule, clock);
        }
        Ok(json!({"Data": {"Status": true}}))
    }

    pub(super) fn get_periodic_workflow(
        &mut self,
        project_id: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let workflow_id = text(body, "WorkflowId");
        let workflow = self
            .project(project_id)
            .periodic_workflows
            .get(workflow_id)
            .ok_or_else(|| not_found("workflow", workflow_id))?;
        let detail: Map<String, Value> = WORKFLOW_DETAIL_MEMBERS
            .iter()
            .map(|member| {
                (
                    (*member).to_owned(),
                    workflow.get(*member).cloned().unwrap_or(Value::Null),
                )
            })
            .collect();
        Ok(json!({"Data": detail}))
    }

    pub(super) fn list_periodic_workflows(
        &mut self,
        project_id: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let wanted = |member: &str| {
            body.get(member)
                .and_then(Value::as_str)
                .filter(|value| !value.is_empty())
        };
        let keyword = wanted("Keyword").unwrap_or("");
        let items: Vec<Value> = self
            .project(project_id)
            .periodic_workflows
            .values()
            .filter(|workflow| text(workflow, "WorkflowName").contains(keyword))
            .filter(|workflow| {
                wanted("ParentFolderPath")
                    .is_none_or(|folder| text(workflow, "ParentFolderPath") == folder)
            })
            .filter(|workflow| {
                wanted("WorkflowType").is_none_or(|kind| text(workflow, "WorkflowType") == kind)
            })
            .filter(|workflow| {
                wanted("OwnerUin").is_none_or(|owner| text(workflow, "OwnerUin") == owner)
            })
            .map(|workflow| {
                let info: Map<String, Value> = [
                    "WorkflowId",
                    "WorkflowName",
                    "WorkflowType",
                    "OwnerUin",
                    "CreateTime",
                    "ModifyTime",
                    "UpdateUserUin",
                    "WorkflowDesc",
                    "CreateUserUin",
                ]
                .iter()
                .map(|member| {
                    (
                        (*member).to_owned(),
                        workflow.get(*member).cloned().unwrap_or(Value::Null),
                    )
                })
                .collect();
                Value::Object(info)
            })
            .collect();
        page(items, body).map(|data| json!({"Data": data}))
    }

    pub(super) fn create_periodic_task(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let base = &body["TaskBaseAttribute"];
        let workflow_id = text(base, "WorkflowId").to_owned();
        let name = text(base, "TaskName").to_owned();
        let task_type_id = parse_task_type(base, "TaskBaseAttribute.TaskTypeId")?;
        let project = self.project(project_id);
        let workflow_name = project
            .periodic_workflows
            .get(&workflow_id)
            .map(|workflow| text(workflow, "WorkflowName").to_owned())
            .ok_or_else(|| not_found("workflow", &workflow_id))?;
        check_unique_periodic_name(project, &workflow_id, &name, None)?;
        super::folders::check_task_folder(
            project,
            &workflow_id,
            base.get("TaskFolderPath").and_then(Value::as_str),
        )?;
        let scheduler_request = &body["TaskSchedulerConfiguration"];
        check_references(
            project,
            scheduler_request,
            "TaskSchedulerConfiguration",
            Kind::Periodic,
        )?;
        let scheduler = scheduler_with_defaults(scheduler_request, clock)?;

        let task_id = self.next_task_id(clock);
        let mut attributes = Map::new();
        for (member, value) in [
            ("TaskId", json!(task_id)),
            ("TaskTypeId", json!(task_type_id)),
            ("WorkflowId", json!(workflow_id)),
            ("TaskName", json!(name)),
            ("WorkflowName", json!(workflow_name)),
            (
                "OwnerUin",
                base.get("OwnerUin")
                    .cloned()
                    .unwrap_or(json!(EMULATED_USER_UIN)),
            ),
            (
                "TaskDescription",
                base.get("TaskDescription").cloned().unwrap_or(json!("")),
            ),
            (
                "TaskFolderPath",
                base.get("TaskFolderPath").cloned().unwrap_or(json!("/")),
            ),
            ("TaskLatestVersionNo", json!("V1")),
            ("TaskLatestSubmitVersionNo", Value::Null),
            ("Status", json!("N")),
            ("Submit", json!(false)),
            ("CreateTime", json!(clock.display)),
            ("LastUpdateTime", json!(clock.display)),
            ("LastUpdateUserName", json!("emulator")),
            ("LastOpsTime", Value::Null),
            ("LastOpsUserName", Value::Null),
            ("CreateUserUin", json!(EMULATED_USER_UIN)),
            ("UpdateUserUin", json!(EMULATED_USER_UIN)),
        ] {
            attributes.insert(member.to_owned(), value);
        }
        let mut configuration = copy_members(&body["TaskConfiguration"]);
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
        let task = json!({
            "TaskBaseAttribute": attributes,
            "TaskConfiguration": configuration,
            "TaskSchedulerConfiguration": scheduler,
        });
        let mut stored = super::StoredTask {
            task,
            saves: 1,
            versions: Vec::new(),
            saved_versions: Vec::new(),
            legacy: Map::new(),
            ops_status: None,
        };
        stored.record_save(&task_id, clock);
        self.project(project_id)
            .tasks
            .insert(task_id.clone(), stored);
        Ok(json!({"Data": {"TaskId": task_id}}))
    }

    pub(super) fn update_periodic_task(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let task_id = text(body, "TaskId").to_owned();
        let update = &body["Task"];
        let project = self.project(project_id);
        let stored = project
            .tasks
            .get(&task_id)
            .ok_or_else(|| not_found("task", &task_id))?;
        let workflow_id = text(&stored.task["TaskBaseAttribute"], "WorkflowId").to_owned();
        check_unique_periodic_name(
            project,
            &workflow_id,
            text(&update["TaskBaseAttribute"], "TaskName"),
            Some(&task_id),
        )?;
        super::folders::check_task_folder(
            project,
            &workflow_id,
            update["TaskBaseAttribute"]
                .get("TaskFolderPath")
                .and_then(Value::as_str),
        )?;
        let scheduler_update = &update["TaskSchedulerConfiguration"];
        check_references(
            project,
            scheduler_update,
            "Task.TaskSchedulerConfiguration",
            Kind::Periodic,
        )?;
        if references_itself(scheduler_update, &task_id) {
            return Err(failure(
                "InvalidParameterValue",
                "A task cannot depend on itself.",
            ));
        }
        let mut scheduler_changes = copy_members(scheduler_update);
        // Server-derived: the downstream lists are computed from the other tasks' upstreams.
        scheduler_changes.remove("DownstreamDependencyConfigList");
        scheduler_changes.remove("DownStreamDependencyConfigList");
        let scheduler_changes = with_legacy_numbers_resolved(scheduler_changes)?;
        check_schedule(&scheduler_changes)?;

        let stored = project.tasks.get_mut(&task_id).expect("checked above");
        let task = &mut stored.task;
        // Members omitted from the update keep their values; lists that are sent replace the
        // stored lists (server-managed ext keys excepted).
        for (member, value) in copy_members(&update["TaskBaseAttribute"]) {
            task["TaskBaseAttribute"][member] = value;
        }
        for (member, value) in copy_members(&update["TaskConfiguration"]) {
            if member == "TaskExtConfigurationList" {
                let existing = task["TaskConfiguration"]["TaskExtConfigurationList"].clone();
                task["TaskConfiguration"][member] =
                    with_server_ext_keys(&value, project_id, &task_id, Some(&existing));
            } else {
                task["TaskConfiguration"][member] = value;
            }
        }
        for (member, value) in scheduler_changes {
            task["TaskSchedulerConfiguration"][member] = value;
        }
        mirror_legacy_numbers(&mut task["TaskSchedulerConfiguration"]);
        stored.saves += 1;
        stored.record_save(&task_id, clock);
        let attributes = &mut stored.task["TaskBaseAttribute"];
        attributes["TaskLatestVersionNo"] = json!(format!("V{}", stored.saves));
        attributes["LastUpdateTime"] = json!(clock.display);
        attributes["UpdateUserUin"] = json!(EMULATED_USER_UIN);
        // A saved change is not live until submitted again.
        attributes["Status"] = json!("N");
        attributes["Submit"] = json!(false);
        Ok(json!({"Data": {"Status": true}}))
    }

    pub(super) fn list_periodic_tasks(
        &mut self,
        project_id: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let items: Vec<Value> = self
            .project(project_id)
            .tasks
            .values()
            .map(|stored| &stored.task["TaskBaseAttribute"])
            .filter(|attributes| matches_task_filters(attributes, body))
            .filter(|attributes| {
                body.get("Submit")
                    .and_then(Value::as_bool)
                    .is_none_or(|submit| attributes["Submit"].as_bool() == Some(submit))
            })
            .cloned()
            .collect();
        page(items, body).map(|data| json!({"Data": data}))
    }

    /// GetTask's answer: the stored task with its downstream list derived from the other
    /// tasks' upstreams, as WeData reports it.
    pub(super) fn periodic_task_view(&mut self, project_id: &str, task_id: &str) -> Option<Value> {
        let project = self.project(project_id);
        let mut task = project.tasks.get(task_id)?.task.clone();
        let downstream: Vec<Value> = project
            .tasks
            .iter()
            .filter_map(|(id, stored)| {
                let scheduler = &stored.task["TaskSchedulerConfiguration"];
                scheduler["UpstreamDependencyConfigList"]
                    .as_array()?
                    .iter()
                    .find(|item| text(item, "TaskId") == task_id)
                    .map(|item| {
                        let mut brief = item.clone();
                        brief["TaskId"] = json!(id);
                        brief
                    })
            })
            .collect();
        task["TaskSchedulerConfiguration"]["DownstreamDependencyConfigList"] =
            Value::Array(downstream);
        Some(task)
    }
}

fn check_unique_periodic_name(
    project: &super::Project,
    workflow_id: &str,
    name: &str,
    except: Option<&str>,
) -> Result<(), Failure> {
    let taken = project.tasks.iter().any(|(id, stored)| {
        let attributes = &stored.task["TaskBaseAttribute"];
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

/// What a shared-schedule write does to the workflow's tasks besides storing the schedule:
/// `ModifyCycleValue: "1"` resets each upstream dependency to MainCyclicConfig /
/// SubordinateCyclicConfig ("将任务的上游依赖配置改为默认值"), and `ClearLink: true` on a
/// crontab schedule cuts the dependencies on tasks of other workflows ("会断开不支持的依赖关系").
fn apply_schedule_options(
    project: &mut super::Project,
    workflow_id: &str,
    schedule: &Value,
    clock: &Clock,
) {
    let reset = text(schedule, "ModifyCycleValue") == "1";
    let main = schedule.get("MainCyclicConfig").and_then(Value::as_str);
    let subordinate = schedule
        .get("SubordinateCyclicConfig")
        .and_then(Value::as_str);
    let clear = schedule.get("ClearLink").and_then(Value::as_bool) == Some(true)
        && text(schedule, "CycleType") == "CRONTAB_CYCLE";
    let in_workflow: std::collections::BTreeSet<String> = project
        .tasks
        .iter()
        .filter(|(_, stored)| text(&stored.task["TaskBaseAttribute"], "WorkflowId") == workflow_id)
        .map(|(id, _)| id.clone())
        .collect();
    for task_id in &in_workflow {
        let stored = project.tasks.get_mut(task_id).expect("listed above");
        let Some(upstream) =
            stored.task["TaskSchedulerConfiguration"]["UpstreamDependencyConfigList"]
                .as_array_mut()
        else {
            continue;
        };
        let before = upstream.clone();
        if clear {
            upstream.retain(|item| in_workflow.contains(text(item, "TaskId")));
        }
        if reset {
            for item in upstream.iter_mut() {
                if let Some(main) = main {
                    item["MainCyclicConfig"] = json!(main);
                }
                if let Some(subordinate) = subordinate {
                    item["SubordinateCyclicConfig"] = json!(subordinate);
                }
            }
        }
        if *upstream != before {
            // The server edited the task: a new saved version, like any other edit.
            stored.saves += 1;
            stored.record_save(task_id, clock);
            let attributes = &mut stored.task["TaskBaseAttribute"];
            attributes["TaskLatestVersionNo"] = json!(format!("V{}", stored.saves));
            attributes["LastUpdateTime"] = json!(clock.display);
        }
    }
}

/// The workflow scheduler as GetWorkflow returns it: only WorkflowSchedulerConfiguration's
/// members (ModifyCycleValue, ClearLink and the cyclic defaults steer the request only).
fn stored_workflow_scheduler(requested: &Value) -> Value {
    let mut stored = Map::new();
    for member in WORKFLOW_SCHEDULER_MEMBERS {
        if let Some(value) = requested.get(*member).filter(|value| !value.is_null()) {
            stored.insert((*member).to_owned(), value.clone());
        }
    }
    stored
        .entry("DependencyWorkflow")
        .or_insert_with(|| json!("no"));
    stored.entry("CalendarOpen").or_insert_with(|| json!("0"));
    Value::Object(stored)
}

/// A create's scheduler with every documented default filled in.
fn scheduler_with_defaults(
    requested: &Value,
    clock: &Clock,
) -> Result<Map<String, Value>, Failure> {
    let mut scheduler = with_legacy_numbers_resolved(copy_members(requested))?;
    check_schedule(&scheduler)?;
    let today = format!("{} 00:00:00", &clock.display[..10]);
    for (member, default) in [
        ("CycleType", json!("DAY_CYCLE")),
        ("ScheduleTimeZone", json!("UTC+8")),
        ("CrontabExpression", json!("0 0 0 * * ? *")),
        ("StartTime", json!(today)),
        ("EndTime", json!("2099-12-31 23:59:59")),
        ("ExecutionStartTime", json!("00:00")),
        ("ExecutionEndTime", json!("23:59")),
        ("CalendarOpen", json!("0")),
        ("SelfDepend", json!("serial")),
        ("AllowRedoType", json!("ALL")),
        ("InitStrategy", json!("T_PLUS_0")),
        ("WaitExecutionTotalTTLMinute", json!(-1)),
        ("ScheduleType", json!(0)),
        ("AllowDownstreamDependency", json!(1)),
        ("DependencyTriggerPolicy", json!("ALL_SUCCESS")),
        ("UpstreamDependencyConfigList", json!([])),
        ("EventListenerList", json!([])),
        ("ParamTaskOutList", json!([])),
        ("ParamTaskInList", json!([])),
        ("TaskOutputRegistryList", json!([])),
    ] {
        scheduler.entry(member).or_insert(default);
    }
    for (member, default) in SCHEDULER_DEFAULTS {
        scheduler.entry(member).or_insert_with(|| json!(default));
    }
    let mut scheduler = Value::Object(scheduler);
    mirror_legacy_numbers(&mut scheduler);
    Ok(scheduler.as_object().cloned().unwrap_or_default())
}

/// CreateTask may carry RunPriority / RetryWait / ... as strings: they become the numbers of
/// their newer duplicates (which win when both are sent).
fn with_legacy_numbers_resolved(
    mut scheduler: Map<String, Value>,
) -> Result<Map<String, Value>, Failure> {
    for (legacy, current) in LEGACY_NUMBER_MEMBERS {
        let Some(value) = scheduler.remove(legacy) else {
            continue;
        };
        let number = value
            .as_i64()
            .or_else(|| value.as_str().and_then(|text| text.trim().parse().ok()))
            .ok_or_else(|| {
                failure(
                    "InvalidParameterValue",
                    format!("`TaskSchedulerConfiguration.{legacy}` must be a number."),
                )
            })?;
        scheduler.entry(current).or_insert(json!(number));
    }
    if let Some(value) = scheduler.remove("WaitExecutionTotalTTL") {
        let number = value
            .as_str()
            .and_then(|text| text.trim().parse::<i64>().ok())
            .ok_or_else(|| {
                failure(
                    "InvalidParameterValue",
                    "`TaskSchedulerConfiguration.WaitExecutionTotalTTL` must be a number.",
                )
            })?;
        scheduler
            .entry("WaitExecutionTotalTTLMinute")
            .or_insert(json!(number));
    }
    Ok(scheduler)
}

/// TaskSchedulerConfiguration reports both the old and the new name of each number.
fn mirror_legacy_numbers(scheduler: &mut Value) {
    for (legacy, current) in LEGACY_NUMBER_MEMBERS {
        if let Some(value) = scheduler.get(current).cloned() {
            scheduler[legacy] = value;
        }
    }
    if let Some(value) = scheduler.get("WaitExecutionTotalTTLMinute").cloned() {
        scheduler["WaitExecutionTotalTTL"] = json!(value.to_string());
    }
}

/// What WeData refuses in a schedule: unknown cycle types and an end before the start.
fn check_schedule(scheduler: &Map<String, Value>) -> Result<(), Failure> {
    const CYCLE_TYPES: [&str; 8] = [
        "ONEOFF_CYCLE",
        "YEAR_CYCLE",
        "MONTH_CYCLE",
        "WEEK_CYCLE",
        "DAY_CYCLE",
        "HOUR_CYCLE",
        "MINUTE_CYCLE",
        "CRONTAB_CYCLE",
    ];
    if let Some(cycle) = scheduler.get("CycleType").and_then(Value::as_str) {
        if !CYCLE_TYPES.contains(&cycle) {
            return Err(failure(
                "InvalidParameterValue",
                format!(
                    "`CycleType` `{cycle}` is not one of {}.",
                    CYCLE_TYPES.join(", ")
                ),
            ));
        }
    }
    let start = scheduler.get("StartTime").and_then(Value::as_str);
    let end = scheduler.get("EndTime").and_then(Value::as_str);
    // `yyyy-MM-dd HH:mm:ss` compares correctly as text.
    if let (Some(start), Some(end)) = (start, end) {
        if start > end {
            return Err(failure(
                "InvalidParameterValue",
                format!("`StartTime` {start} is after `EndTime` {end}."),
            ));
        }
    }
    Ok(())
}
