//! Live states of tasks read through the legacy 2021-08-20 API (DescribeTaskDetailDs's
//! `TaskDsDTO`), in the same member paths as every other periodic task.
//!
//! The answer is first mapped onto the 2025 `Task` it describes (the inverse of the mapping
//! ModifyTaskInfo's member documents give), so one function (`periodic_task_state`) reads
//! both versions; then the members only the legacy API has (`scheduler.legacy.*`) and the
//! task's name (a legacy task is pinned by id, so a changed name is an update) are added.

use serde_json::{Value, json};

use super::live::periodic_task_state;
use super::normalize::live_value;
use super::{NAME_MEMBER, TaskNames, TaskState};
use crate::api::legacy::TaskDsDTO;
use crate::api::types::Task as PeriodicTask;

/// Legacy CycleType numbers (ModifyTaskInfoRequest.CycleType's document) and the 2025 names.
/// The emulator keeps its own copy of this table on purpose: a mistake here must show up as
/// a difference against it, not be shared by both sides.
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

/// Legacy SelfDepend numbers (1 ordered serial, 2 unordered serial, 3 parallel) and the 2025
/// names.
pub const SELF_DEPEND: [(i64, &str); 3] = [(1, "orderly"), (2, "serial"), (3, "parallel")];

/// The legacy number of a 2025 name in `table` (CYCLE_TYPES or SELF_DEPEND).
fn number_of(table: &[(i64, &str)], name: &str) -> Option<i64> {
    table
        .iter()
        .find(|(_, known)| *known == name)
        .map(|(number, _)| *number)
}

/// A value as TaskDsDTO reports it, as its 2025 name: the official example answers names
/// (`DAY_CYCLE`, `serial`), a legacy number is looked up in `table`.
fn name_of(table: &[(i64, &str)], reported: &str) -> String {
    reported
        .parse::<i64>()
        .ok()
        .and_then(|number| table.iter().find(|(known, _)| *known == number))
        .map_or_else(|| reported.to_owned(), |(_, name)| (*name).to_owned())
}

pub fn cycle_type_number(name: &str) -> Option<i64> {
    number_of(&CYCLE_TYPES, name)
}

pub fn self_depend_number(name: &str) -> Option<i64> {
    number_of(&SELF_DEPEND, name)
}

fn cycle_type_name(reported: &str) -> String {
    name_of(&CYCLE_TYPES, reported)
}

fn self_depend_name(reported: &str) -> String {
    name_of(&SELF_DEPEND, reported)
}

/// ModifyTaskInfo's own members as TaskDsDTO reports them, by their key under
/// `scheduler.legacy` and in the manifest's types (`None` when not reported).
pub fn legacy_members(detail: &TaskDsDTO) -> [(&'static str, Option<Value>); 6] {
    [
        ("delay_time", detail.delay_time.map(Value::from)),
        ("startup_time", detail.startup_time.map(Value::from)),
        ("task_action", detail.task_action.clone().map(Value::from)),
        ("cycle_step", detail.cycle_step.map(Value::from)),
        (
            "retriable",
            detail
                .retriable
                .map(|retriable| Value::from(retriable == 1)),
        ),
        (
            "dependency_workflow",
            detail
                .dependency_workflow
                .as_deref()
                .map(|depends| Value::from(depends == "yes")),
        ),
    ]
}

/// The 2025 `Task` a TaskDsDTO describes (members the legacy answer lacks stay unset).
pub fn as_periodic_task(detail: &TaskDsDTO) -> PeriodicTask {
    let upstream: Vec<Value> = detail
        .dependency_config_list
        .iter()
        .flatten()
        .filter_map(|dependency| {
            let parent = dependency.parent_task.as_ref()?.task_id.clone()?;
            let strategy = &dependency.dependency_strategy;
            Some(json!({
                "TaskId": parent,
                "MainCyclicConfig": dependency.main_cyclic_config,
                "SubordinateCyclicConfig": dependency.subordinate_cyclic_config,
                "Offset": dependency.offset,
                "DependencyStrategy": {
                    "PollingNullStrategy": strategy.polling_null_strategy,
                    "TaskDependencyExecutingStrategies": strategy.task_dependency_executing_strategies,
                    "TaskDependencyExecutingTimeoutValue": strategy.task_dependency_executing_timeout_value,
                },
            }))
        })
        .collect();
    let ext: Vec<Value> = detail
        .task_ext
        .as_ref()
        .and_then(|ext| ext.properties.as_ref())
        .into_iter()
        .flatten()
        .map(|property| json!({"ParamKey": property.param_key, "ParamValue": property.param_value}))
        .collect();
    // `Params` (ParameterTaskDsDto: ParamKey, ParamValue) holds the task parameters that
    // ModifyTaskInfo writes as TaskParamInfos.
    let parameters: Vec<Value> = detail
        .params
        .iter()
        .flatten()
        .filter_map(|parameter| {
            Some(json!({
                "ParamKey": parameter.param_key.clone()?,
                "ParamValue": parameter.param_value.clone().unwrap_or_default(),
            }))
        })
        .collect();
    let task = json!({
        "TaskBaseAttribute": {
            "TaskId": detail.task_id.clone().unwrap_or_default(),
            "TaskTypeId": detail.task_type.as_ref().and_then(|kind| kind.type_id).unwrap_or(0),
            "WorkflowId": detail.workflow_id.clone().unwrap_or_default(),
            "TaskName": detail.task_name,
            "WorkflowName": detail.workflow_name,
            "Status": detail.status,
            "Submit": detail.submit,
            "CreateTime": detail.create_time,
            "LastUpdateTime": detail.last_update,
            "OwnerUin": detail.in_charge_id,
            "TaskDescription": detail.notes,
        },
        "TaskConfiguration": {
            "TaskExtConfigurationList": ext,
            "TaskSchedulingParameterList": parameters,
            "BrokerIp": detail.broker_ip,
            "YarnQueue": detail.yarn_queue,
            "SourceServiceId": detail.source_server.clone().or_else(|| detail.source_service_id.clone()),
            "TargetServiceId": detail.target_server.clone().or_else(|| detail.target_service_id.clone()),
            "ResourceGroup": detail.resource_group,
        },
        "TaskSchedulerConfiguration": {
            "CycleType": detail.cycle_type.as_deref().map(cycle_type_name),
            "ScheduleTimeZone": detail.schedule_time_zone,
            "CrontabExpression": detail.crontab_expression,
            "StartTime": detail.start_time,
            "EndTime": detail.end_time,
            "ExecutionStartTime": detail.execution_start_time,
            "ExecutionEndTime": detail.execution_end_time,
            "SelfDepend": detail.self_depend.as_deref().map(self_depend_name),
            "UpstreamDependencyConfigList": upstream,
            "AllowRedoType": detail.allow_redo_type,
            "InitStrategy": detail.instance_init_strategy,
            "RunPriorityType": detail.run_priority,
            "RetryWaitMinute": detail.retry_wait,
            // TryLimit is documented as the retry count for writes but as a run limit for
            // reads (the official answer has TryLimit 5 beside MaxRetryAttempts 4), so the
            // unambiguous member wins when present.
            "MaxRetryNumber": detail.max_retry_attempts.or(detail.try_limit),
            "ExecutionTTLMinute": detail.execution_ttl,
        },
    });
    serde_json::from_value(without_nulls(task)).expect("the mapped members have the 2025 types")
}

/// Drops null members, which the 2025 types read as absent anyway, so required ones stay
/// checked by the conversion above.
fn without_nulls(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, member)| !member.is_null())
                .map(|(key, member)| (key, without_nulls(member)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

/// The comparable state of a task read with DescribeTaskDetailDs.
pub fn legacy_task_state(detail: &TaskDsDTO, names_by_id: &dyn TaskNames) -> TaskState {
    let mut state = periodic_task_state(&as_periodic_task(detail), None, names_by_id);
    // The legacy DependencyConfig carries only the polling strategy: the executing strategies
    // a 2025 write may have set are outside what a legacy project can see or change.
    for (member, value) in state.members.iter_mut() {
        if member.starts_with("scheduler.dependency.") && member.ends_with(".dependency_strategy") {
            if let Value::Object(strategy) = value {
                strategy.retain(|key, _| key == "polling_null_strategy");
            }
        }
    }
    let mut put = |member: &str, value: Option<Value>| {
        state
            .members
            .insert(member.to_owned(), live_value(member, value.as_ref()));
    };
    put(NAME_MEMBER, detail.task_name.clone().map(Value::from));
    for (key, value) in legacy_members(detail) {
        put(&format!("scheduler.legacy.{key}"), value);
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;

    fn official_detail() -> TaskDsDTO {
        let examples: Value = serde_json::from_str(include_str!(
            "../../api-definition/examples-2021-08-20-subset.json"
        ))
        .unwrap();
        let output = examples["actions"]["DescribeTaskDetailDs"][0]["output"]
            .as_str()
            .unwrap();
        let answer: Value = serde_json::from_str(output).unwrap();
        serde_json::from_value(answer["Response"]["Data"].clone()).unwrap()
    }

    #[test]
    fn the_official_answer_reads_as_a_periodic_task_state() {
        let detail = official_detail();
        let state = legacy_task_state(&detail, &std::collections::HashMap::new());
        let member = |name: &str| state.members[name].clone();
        assert_eq!(member(NAME_MEMBER), json!("testpython1"));
        assert_eq!(member("scheduler.cycle_type"), json!("DAY_CYCLE"));
        assert_eq!(member("scheduler.self_depend"), json!("serial"));
        assert_eq!(member("scheduler.max_retries"), json!(4));
        assert_eq!(member("scheduler.retry_wait_minutes"), json!(5));
        assert_eq!(member("base.owner_uin"), json!("100028578763"));
        assert_eq!(
            member("configuration.resource_group"),
            json!("20240222212719833743")
        );
        assert_eq!(member("scheduler.legacy.retriable"), json!(true));
        assert_eq!(member("scheduler.legacy.dependency_workflow"), json!(false));
        assert_eq!(member("scheduler.legacy.cycle_step"), json!(1));
        assert!(
            !state.members.contains_key("configuration.ext.bucket"),
            "server-managed ext keys are not state"
        );
        let upstream = member("scheduler.upstream");
        assert_eq!(upstream.as_array().unwrap().len(), 1, "{upstream}");
    }

    #[test]
    fn numbers_and_names_read_alike() {
        assert_eq!(cycle_type_name("3"), "DAY_CYCLE");
        assert_eq!(cycle_type_name("HOUR_CYCLE"), "HOUR_CYCLE");
        assert_eq!(self_depend_name("3"), "parallel");
        assert_eq!(self_depend_name("serial"), "serial");
        for (number, name) in CYCLE_TYPES {
            assert_eq!(cycle_type_number(name), Some(number));
        }
        for (number, name) in SELF_DEPEND {
            assert_eq!(self_depend_number(name), Some(number));
        }
    }
}
