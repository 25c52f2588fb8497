//! The legacy WeData API 2021-08-20 subset (`CreateTask`, `ModifyTaskInfo`, `SubmitTask`,
//! `DescribeTaskDetailDs`, `DescribeTaskByCycle`), served from the same stored periodic tasks
//! as the 2025 actions, so a task written through one version reads back through the other.
//!
//! Each legacy write is translated into the 2025 request it means and run by the 2025 code;
//! the mapping follows the member documents of both definitions (see docs/manifests.md,
//! "Legacy projects"). Members with no 2025 counterpart (DelayTime, TaskAction, ...) are
//! kept beside the task and echoed by DescribeTaskDetailDs only.

use serde_json::{Map, Value, json};

use super::{Clock, Failure, Kind, Store, failure, not_found, text};

/// Legacy CycleType numbers and the 2025 names (ModifyTaskInfoRequest.CycleType document).
pub const CYCLE_TYPES: [(i64, &str); 8] = [
    (0, "CRONTAB_CYCLE"),
    (1, "MINUTE_CYCLE"),
    (2, "HOUR_CYCLE"),
    (3, "DAY_CYCLE"),
    (4, "WEEK_CYCLE"),
    (5, "MONTH_CYCLE"),
    (6, "ONEOFF_CYCLE"),
    (12, "YEAR_CYCLE"),
];

/// Legacy SelfDepend numbers: 1 orderly serial, 2 unordered serial, 3 parallel.
pub const SELF_DEPEND: [(i64, &str); 3] = [(1, "orderly"), (2, "serial"), (3, "parallel")];

/// One-letter cycle units of DescribeTaskByCycle (the official example answers `D`).
const CYCLE_UNITS: [(&str, &str); 8] = [
    ("CRONTAB_CYCLE", "C"),
    ("MINUTE_CYCLE", "I"),
    ("HOUR_CYCLE", "H"),
    ("DAY_CYCLE", "D"),
    ("WEEK_CYCLE", "W"),
    ("MONTH_CYCLE", "M"),
    ("ONEOFF_CYCLE", "O"),
    ("YEAR_CYCLE", "Y"),
];

/// ModifyTaskInfo members with no 2025 counterpart, kept and echoed as they were sent, and
/// what DescribeTaskDetailDs answers before any was sent (the official answer's values).
type DefaultValue = fn() -> Value;
const LEGACY_ONLY_DEFAULTS: [(&str, DefaultValue); 6] = [
    ("DelayTime", || json!(0)),
    ("StartupTime", || json!(0)),
    ("TaskAction", || json!("")),
    ("CycleStep", || json!(1)),
    ("Retriable", || json!(1)),
    ("DependencyWorkflow", || json!("no")),
];

impl Store {
    pub(super) fn handle_legacy(
        &mut self,
        action: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let project_id = text(body, "ProjectId").to_owned();
        match action {
            "CreateTask" => self.legacy_create(&project_id, body, clock),
            "ModifyTaskInfo" => self.legacy_modify(&project_id, body, clock),
            "SubmitTask" => self.legacy_submit(&project_id, body, clock),
            "DescribeTaskDetailDs" => self.legacy_describe(&project_id, body),
            "DescribeTaskByCycle" => self.legacy_count_by_cycle(&project_id, body),
            other => Err(failure(
                "UnsupportedOperation",
                format!("The emulator does not implement {other} of version 2021-08-20."),
            )),
        }
    }

    fn legacy_create(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let request = json!({
            "ProjectId": project_id,
            "TaskBaseAttribute": {
                "TaskName": body["TaskName"],
                "TaskTypeId": body["TaskType"].to_string(),
                "WorkflowId": body["WorkflowId"],
            },
            "TaskConfiguration": {"TaskExtConfigurationList": ext_list(&body["TaskExt"])},
            "TaskSchedulerConfiguration": {},
        });
        let created = self.create_periodic_task(project_id, &request, clock)?;
        Ok(json!({"Data": {"Id": created["Data"]["TaskId"]}}))
    }

    fn legacy_modify(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let task_id = text(body, "TaskId").to_owned();
        let stored = self
            .project(project_id)
            .tasks
            .get(&task_id)
            .ok_or_else(|| not_found("task", &task_id))?;
        let current = &stored.task["TaskBaseAttribute"];
        let owner = body["InChargeIds"]
            .as_array()
            .and_then(|ids| ids.first())
            .or_else(|| body.get("InCharge"))
            .filter(|owner| !owner.is_null())
            .cloned()
            .unwrap_or_else(|| current["OwnerUin"].clone());
        let base = json!({
            "TaskName": body.get("TaskName").filter(|name| !name.is_null()).unwrap_or(&current["TaskName"]),
            "OwnerUin": owner,
            "TaskDescription": body.get("Notes").filter(|notes| !notes.is_null()).unwrap_or(&current["TaskDescription"]),
        });

        let mut configuration = Map::new();
        for (legacy, current) in [
            ("ResourceGroup", "ResourceGroup"),
            ("YarnQueue", "YarnQueue"),
            ("BrokerIp", "BrokerIp"),
            ("SourceServer", "SourceServiceId"),
            ("TargetServer", "TargetServiceId"),
        ] {
            copy(body, legacy, &mut configuration, current);
        }
        if body.get("TaskExt").is_some_and(|ext| !ext.is_null()) {
            configuration.insert(
                "TaskExtConfigurationList".into(),
                ext_list(&body["TaskExt"]),
            );
        }
        if let Some(parameters) = body.get("TaskParamInfos").filter(|value| !value.is_null()) {
            configuration.insert("TaskSchedulingParameterList".into(), parameters.clone());
        }

        let mut scheduler = Map::new();
        if let Some(cycle) = body.get("CycleType").and_then(Value::as_i64) {
            let name = CYCLE_TYPES
                .iter()
                .find(|(number, _)| *number == cycle)
                .map(|(_, name)| *name)
                .ok_or_else(|| {
                    failure(
                        "InvalidParameterValue",
                        format!("`CycleType` {cycle} is not a cycle type (0-6 or 12)."),
                    )
                })?;
            scheduler.insert("CycleType".into(), json!(name));
        }
        for member in [
            "CrontabExpression",
            "StartTime",
            "EndTime",
            "ExecutionStartTime",
            "ExecutionEndTime",
        ] {
            copy(body, member, &mut scheduler, member);
        }
        if let Some(self_depend) = body.get("SelfDepend").and_then(Value::as_i64) {
            // 0 (the official example's value) leaves it as it is.
            if self_depend != 0 {
                let name = SELF_DEPEND
                    .iter()
                    .find(|(number, _)| *number == self_depend)
                    .map(|(_, name)| *name)
                    .ok_or_else(|| {
                        failure(
                            "InvalidParameterValue",
                            format!("`SelfDepend` {self_depend} is not 1, 2 or 3."),
                        )
                    })?;
                scheduler.insert("SelfDepend".into(), json!(name));
            }
        }
        for (legacy, current) in [
            ("RetryWait", "RetryWaitMinute"),
            ("TryLimit", "MaxRetryNumber"),
            ("RunPriority", "RunPriorityType"),
            ("ExecutionTTL", "ExecutionTTLMinute"),
        ] {
            copy(body, legacy, &mut scheduler, current);
        }
        if let Some(priority) = scheduler.get("RunPriorityType").and_then(Value::as_i64) {
            if !(4..=6).contains(&priority) {
                return Err(failure(
                    "InvalidParameterValue",
                    format!("`RunPriority` {priority} is not 4, 5 or 6."),
                ));
            }
        }
        if let Some(dependencies) = body["DependencyConfigDTOs"].as_array() {
            let upstream: Vec<Value> = dependencies
                .iter()
                .map(|dependency| {
                    let mut brief = json!({
                        "TaskId": dependency["ParentTask"]["TaskId"],
                        "MainCyclicConfig": dependency["DependConfType"],
                        "SubordinateCyclicConfig": dependency["SubordinateCyclicType"],
                        "DependencyStrategy": {"PollingNullStrategy": dependency["DependencyStrategy"]},
                    });
                    if let Some(offset) = dependency.get("Offset").filter(|offset| !offset.is_null()) {
                        brief["Offset"] = offset.clone();
                    }
                    brief
                })
                .collect();
            scheduler.insert(
                "UpstreamDependencyConfigList".into(),
                Value::Array(upstream),
            );
        }

        let update = json!({
            "ProjectId": project_id,
            "TaskId": task_id,
            "Task": {
                "TaskBaseAttribute": base,
                "TaskConfiguration": configuration,
                "TaskSchedulerConfiguration": scheduler,
            },
        });
        // The 2025 update checks names, references and the schedule, and changes nothing
        // when one of them is wrong.
        self.update_periodic_task(project_id, &update, clock)?;
        let stored = self
            .project(project_id)
            .tasks
            .get_mut(&task_id)
            .expect("updated above");
        for (member, _) in LEGACY_ONLY_DEFAULTS {
            if let Some(value) = body.get(member).filter(|value| !value.is_null()) {
                stored.legacy.insert(member.to_owned(), value.clone());
            }
        }
        Ok(json!({"Data": true}))
    }

    fn legacy_submit(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let request = json!({
            "ProjectId": project_id,
            "TaskId": body["TaskId"],
            "VersionRemark": body["VersionRemark"],
        });
        self.submit_task(project_id, &request, clock, Kind::Periodic)?;
        if body["StartScheduling"] != true {
            // Submitted, but not put into scheduling.
            let task_id = text(body, "TaskId");
            if let Some(stored) = self.project(project_id).tasks.get_mut(task_id) {
                stored.task["TaskBaseAttribute"]["Status"] = json!("N");
            }
        }
        Ok(json!({"Data": true}))
    }

    fn legacy_describe(&mut self, project_id: &str, body: &Value) -> Result<Value, Failure> {
        let task_id = text(body, "TaskId");
        let project = self.project(project_id);
        let stored = project
            .tasks
            .get(task_id)
            .ok_or_else(|| not_found("task", task_id))?;
        let mut detail = task_detail(project_id, &stored.task, &stored.legacy);
        let scheduler = &stored.task["TaskSchedulerConfiguration"];
        let dependencies: Vec<Value> = scheduler["UpstreamDependencyConfigList"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|brief| {
                let parent = project
                    .tasks
                    .get(text(brief, "TaskId"))
                    .map(|parent| task_summary(&parent.task))
                    .unwrap_or_else(|| json!({"TaskId": brief["TaskId"]}));
                json!({
                    "ParentTask": parent,
                    "SonTask": task_summary(&stored.task),
                    "MainCyclicConfig": brief["MainCyclicConfig"],
                    "SubordinateCyclicConfig": brief.get("SubordinateCyclicConfig").filter(|value| !value.is_null()).cloned().unwrap_or(json!("")),
                    "DependencyStrategy": {
                        "PollingNullStrategy": brief["DependencyStrategy"]["PollingNullStrategy"],
                        "TaskDependencyExecutingStrategies": brief["DependencyStrategy"]["TaskDependencyExecutingStrategies"],
                        "TaskDependencyExecutingTimeoutValue": brief["DependencyStrategy"]["TaskDependencyExecutingTimeoutValue"],
                    },
                    "Offset": brief["Offset"],
                })
            })
            .collect();
        detail.insert("DependencyConfigList".into(), Value::Array(dependencies));
        Ok(json!({"Data": detail}))
    }

    fn legacy_count_by_cycle(&mut self, project_id: &str, body: &Value) -> Result<Value, Failure> {
        let workflow = body.get("WorkflowId").and_then(Value::as_str);
        let types: Option<Vec<String>> = body["TaskTypeIdList"].as_array().map(|types| {
            types
                .iter()
                .filter_map(|kind| kind.as_str().map(str::to_owned))
                .collect()
        });
        let mut counts: Vec<(&str, u64)> = CYCLE_UNITS.iter().map(|(_, unit)| (*unit, 0)).collect();
        for stored in self.project(project_id).tasks.values() {
            let base = &stored.task["TaskBaseAttribute"];
            if workflow.is_some_and(|workflow| text(base, "WorkflowId") != workflow) {
                continue;
            }
            if types
                .as_ref()
                .is_some_and(|types| !types.contains(&base["TaskTypeId"].to_string()))
            {
                continue;
            }
            let cycle = text(&stored.task["TaskSchedulerConfiguration"], "CycleType");
            if let Some(position) = CYCLE_UNITS.iter().position(|(name, _)| *name == cycle) {
                counts[position].1 += 1;
            }
        }
        let data: Vec<Value> = counts
            .into_iter()
            .filter(|(_, number)| *number > 0)
            .map(|(unit, number)| json!({"Number": number, "CycleUnit": unit, "ProjectId": project_id}))
            .collect();
        Ok(json!({"Data": data}))
    }
}

fn copy(from: &Value, member: &str, to: &mut Map<String, Value>, as_member: &str) {
    if let Some(value) = from.get(member).filter(|value| !value.is_null()) {
        to.insert(as_member.to_owned(), value.clone());
    }
}

/// Legacy `[{Key, Value}]` as the 2025 `[{ParamKey, ParamValue}]`.
fn ext_list(legacy: &Value) -> Value {
    Value::Array(
        legacy
            .as_array()
            .into_iter()
            .flatten()
            .map(|item| json!({"ParamKey": item["Key"], "ParamValue": item["Value"]}))
            .collect(),
    )
}

/// The few members a dependency's parent and son tasks carry.
fn task_summary(task: &Value) -> Value {
    let base = &task["TaskBaseAttribute"];
    json!({
        "TaskId": base["TaskId"],
        "TaskName": base["TaskName"],
        "WorkflowId": base["WorkflowId"],
        "WorkflowName": base["WorkflowName"],
        "CycleType": task["TaskSchedulerConfiguration"]["CycleType"],
    })
}

/// TaskDsDTO from a stored 2025 task (the inverse of the ModifyTaskInfo mapping).
fn task_detail(project_id: &str, task: &Value, legacy: &Map<String, Value>) -> Map<String, Value> {
    let base = &task["TaskBaseAttribute"];
    let configuration = &task["TaskConfiguration"];
    let scheduler = &task["TaskSchedulerConfiguration"];
    let parameters: Vec<Value> = configuration["TaskSchedulingParameterList"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|item| {
            json!({
                "TaskId": base["TaskId"],
                "ParamKey": item["ParamKey"],
                "ParamValue": item["ParamValue"],
            })
        })
        .collect();
    let properties: Vec<Value> = configuration["TaskExtConfigurationList"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|item| json!({"ParamKey": item["ParamKey"], "ParamValue": item["ParamValue"]}))
        .collect();
    let mut detail = Map::new();
    for (member, value) in [
        ("TaskId", base["TaskId"].clone()),
        ("TaskName", base["TaskName"].clone()),
        ("WorkflowId", base["WorkflowId"].clone()),
        ("WorkflowName", base["WorkflowName"].clone()),
        ("CreateTime", base["CreateTime"].clone()),
        ("LastUpdate", base["LastUpdateTime"].clone()),
        ("Status", base["Status"].clone()),
        ("InCharge", base["OwnerUin"].clone()),
        ("InChargeId", base["OwnerUin"].clone()),
        ("Notes", base["TaskDescription"].clone()),
        ("Submit", base["Submit"].clone()),
        ("ProjectId", json!(project_id)),
        ("StartTime", scheduler["StartTime"].clone()),
        ("EndTime", scheduler["EndTime"].clone()),
        (
            "ExecutionStartTime",
            scheduler["ExecutionStartTime"].clone(),
        ),
        ("ExecutionEndTime", scheduler["ExecutionEndTime"].clone()),
        ("CycleType", scheduler["CycleType"].clone()),
        ("CrontabExpression", scheduler["CrontabExpression"].clone()),
        ("RetryWait", scheduler["RetryWaitMinute"].clone()),
        ("TryLimit", scheduler["MaxRetryNumber"].clone()),
        ("MaxRetryAttempts", scheduler["MaxRetryNumber"].clone()),
        ("RunPriority", scheduler["RunPriorityType"].clone()),
        ("ExecutionTTL", scheduler["ExecutionTTLMinute"].clone()),
        // The official answer reports the 2025 name (`serial`), not a legacy number.
        ("SelfDepend", scheduler["SelfDepend"].clone()),
        ("Params", Value::Array(parameters)),
        ("ScheduleTimeZone", scheduler["ScheduleTimeZone"].clone()),
        ("AllowRedoType", scheduler["AllowRedoType"].clone()),
        ("InstanceInitStrategy", scheduler["InitStrategy"].clone()),
        ("BrokerIp", configuration["BrokerIp"].clone()),
        ("ResourceGroup", configuration["ResourceGroup"].clone()),
        ("YarnQueue", configuration["YarnQueue"].clone()),
        ("SourceServer", configuration["SourceServiceId"].clone()),
        ("SourceServiceId", configuration["SourceServiceId"].clone()),
        ("TargetServer", configuration["TargetServiceId"].clone()),
        ("TargetServiceId", configuration["TargetServiceId"].clone()),
        ("TaskType", json!({"TypeId": base["TaskTypeId"]})),
        (
            "TaskExt",
            json!({"TaskId": base["TaskId"], "Properties": properties}),
        ),
    ] {
        detail.insert(member.to_owned(), value);
    }
    for (member, default) in LEGACY_ONLY_DEFAULTS {
        let value = legacy.get(member).cloned().unwrap_or_else(default);
        detail.insert(member.to_owned(), value);
    }
    detail
}
