//! Live states from WeData's answers, normalized: code decoded, ids turned into names,
//! server-managed ext keys dropped, lists made sets, absent values given their defaults.

use std::collections::BTreeMap;

use base64::Engine;
use serde_json::{Value, json};

use super::normalize::{as_set, code_text, crontab_text, is_server_managed_ext_key, live_value};
use super::{CODE_MEMBER, TaskNames, TaskState, WorkflowState};
use crate::api::convert;
use crate::api::types::{
    DependencyStrategyTask, Task as PeriodicTask, TriggerTask, TriggerWorkflowDetail,
    WorkflowDetail,
};

/// Decodes CodeContent; text that is not base64 of UTF-8 is kept as it came (and so differs).
pub fn decode_code(encoded: &str) -> String {
    base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_else(|| encoded.to_owned())
}

pub fn encode_code(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text.as_bytes())
}

/// `names_by_id` maps the TaskIds of the workflow's live tasks to their names.
pub fn task_state(
    task: &TriggerTask,
    code: Option<&str>,
    names_by_id: &dyn TaskNames,
) -> TaskState {
    let base = &task.trigger_task_base_attribute;
    let configuration = &task.trigger_task_configuration;
    let scheduler = &task.trigger_task_scheduler_configuration;
    let name_of = |id: &str| {
        names_by_id
            .name_of_id(id)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("id:{id}"))
    };
    let mut members = BTreeMap::new();
    let mut put = |member: &str, value: Option<Value>| {
        members.insert(member.to_owned(), live_value(member, value.as_ref()));
    };
    put("base.task_type", Some(json!(base.task_type_id)));
    put("base.owner_uin", base.owner_uin.clone().map(Value::from));
    put(
        "base.description",
        base.task_description.clone().map(Value::from),
    );
    put(
        "base.folder_path",
        base.task_folder_path.clone().map(Value::from),
    );
    let code = code
        .map(str::to_owned)
        .or_else(|| configuration.code_content.as_deref().map(decode_code))
        .unwrap_or_default();
    put(CODE_MEMBER, Some(Value::from(code_text(&code))));
    for (member, value) in [
        ("resource_group", &configuration.resource_group),
        ("data_cluster", &configuration.data_cluster),
        ("broker_ip", &configuration.broker_ip),
        ("yarn_queue", &configuration.yarn_queue),
        ("source_service_id", &configuration.source_service_id),
        ("source_service_type", &configuration.source_service_type),
        ("source_service_name", &configuration.source_service_name),
        ("target_service_id", &configuration.target_service_id),
        ("target_service_type", &configuration.target_service_type),
        ("target_service_name", &configuration.target_service_name),
        ("bundle_id", &configuration.bundle_id),
        ("bundle_info", &configuration.bundle_info),
    ] {
        put(
            &format!("configuration.{member}"),
            value.clone().map(Value::from),
        );
    }
    for parameter in configuration.task_ext_configuration_list.iter().flatten() {
        if !is_server_managed_ext_key(&parameter.param_key) {
            put(
                &format!("configuration.ext.{}", parameter.param_key),
                Some(json!(parameter.param_value)),
            );
        }
    }
    let scheduling: BTreeMap<&str, &str> = configuration
        .task_scheduling_parameter_list
        .iter()
        .flatten()
        .map(|parameter| (parameter.param_key.as_str(), parameter.param_value.as_str()))
        .collect();
    put(
        "configuration.scheduling_parameters",
        Some(json!(scheduling)),
    );

    put(
        "scheduler.upstream",
        Some(as_set(
            scheduler
                .upstream_dependency_config_list
                .iter()
                .flatten()
                .map(|dependency| json!(name_of(&dependency.task_id)))
                .collect(),
        )),
    );
    put(
        "scheduler.run_priority",
        scheduler.run_priority_type.map(Value::from),
    );
    put(
        "scheduler.retry_wait_minutes",
        scheduler.retry_wait_minute.map(Value::from),
    );
    put(
        "scheduler.max_retries",
        scheduler.max_retry_number.map(Value::from),
    );
    put(
        "scheduler.execution_ttl_minutes",
        scheduler.execution_ttl_minute.map(Value::from),
    );
    put(
        "scheduler.wait_execution_total_ttl_minutes",
        scheduler.wait_execution_total_ttl_minute.map(Value::from),
    );
    put(
        "scheduler.allow_redo",
        scheduler.allow_redo_type.clone().map(Value::from),
    );
    put(
        "scheduler.dependency_trigger_policy",
        scheduler.dependency_trigger_policy.clone().map(Value::from),
    );
    put(
        "scheduler.allow_downstream_dependency",
        scheduler.allow_downstream_dependency.map(Value::from),
    );
    put(
        "scheduler.schedule_type",
        scheduler.schedule_type.map(Value::from),
    );
    let outputs: BTreeMap<&str, &str> = scheduler
        .param_task_out_list
        .iter()
        .flatten()
        .map(|output| (output.param_key.as_str(), output.param_value.as_str()))
        .collect();
    put("scheduler.params_out", Some(json!(outputs)));
    put(
        "scheduler.params_in",
        Some(as_set(
            scheduler
                .param_task_in_list
                .iter()
                .flatten()
                .map(|input| {
                    json!({
                        "key": input.param_key,
                        "from_task": name_of(&input.from_task_id),
                        "from_key": input.from_param_key,
                        "description": input.param_desc,
                        "type": input.r#type.clone().unwrap_or_default(),
                    })
                })
                .collect(),
        )),
    );
    put(
        "scheduler.output_registries",
        Some(as_set(
            scheduler
                .task_output_registry_list
                .iter()
                .flatten()
                .map(|registry| {
                    let mut value = json!({
                        "datasource_id": registry.datasource_id,
                        "database_name": registry.database_name,
                        "table_name": registry.table_name,
                        "partition_name": registry.partition_name,
                        "data_flow_type": registry.data_flow_type,
                        "table_physical_id": registry.table_physical_id,
                    });
                    for (key, optional) in [
                        ("db_guid", &registry.db_guid),
                        ("table_guid", &registry.table_guid),
                        ("catalog_name", &registry.catalog_name),
                        ("datasource_name", &registry.datasource_name),
                        ("qualified_name", &registry.qualified_name),
                    ] {
                        if let Some(text) = optional {
                            value[key] = json!(text);
                        }
                    }
                    value
                })
                .collect(),
        )),
    );
    TaskState {
        name: base.task_name.clone().unwrap_or_default(),
        members,
    }
}

pub fn workflow_state(name: &str, detail: &TriggerWorkflowDetail) -> WorkflowState {
    let mut members = BTreeMap::new();
    let mut put = |member: &str, value: Option<Value>| {
        members.insert(member.to_owned(), value.unwrap_or(Value::Null));
    };
    put(
        "description",
        Some(json!(detail.workflow_desc.clone().unwrap_or_default())),
    );
    put("owner_uin", detail.owner_uin.clone().map(Value::from));
    let parameters: BTreeMap<&str, &str> = detail
        .workflow_params
        .iter()
        .flatten()
        .map(|parameter| (parameter.param_key.as_str(), parameter.param_value.as_str()))
        .collect();
    put("parameters", Some(json!(parameters)));
    put(
        "general_task_parameters",
        Some(json!(
            detail
                .general_task_params
                .iter()
                .flatten()
                .map(|parameter| json!({"type": parameter.r#type, "value": parameter.value}))
                .collect::<Vec<_>>()
        )),
    );
    put(
        "triggers",
        Some(json!(
            detail
                .trigger_workflow_scheduler_configurations
                .iter()
                .flatten()
                .map(|trigger| json!({
                    "trigger_mode": trigger.trigger_mode,
                    "extra_info": trigger.extra_info,
                    "schedule_time_zone": trigger.schedule_time_zone,
                    "start_time": trigger.start_time,
                    "end_time": trigger.end_time,
                    "config_mode": trigger.config_mode,
                    "cycle_type": trigger.cycle_type,
                    "crontab_expression": trigger.crontab_expression,
                    "trigger_id": trigger.trigger_id,
                    "file_arrival_path": trigger.file_arrival_path,
                    "scheduler_status": trigger.scheduler_status,
                    "file_name_pattern": trigger.file_name_pattern,
                    "recursive": trigger.recursive,
                    "trigger_minimum_interval_second": trigger.trigger_minimum_interval_second,
                    "trigger_wait_time_second": trigger.trigger_wait_time_second,
                }))
                .collect::<Vec<_>>()
        )),
    );
    put(
        "run_configuration",
        detail.trigger_workflow_run_configuration.as_ref().map(|run| {
            json!({"max_concurrent_num": run.max_concurrent_num, "queuing_mode": run.queuing_mode})
        }),
    );
    put(
        "scheduler_status",
        detail.scheduler_status.clone().map(Value::from),
    );
    put("trigger_mode", detail.trigger_mode.clone().map(Value::from));
    put(
        "execute_user_uin",
        detail.execute_user_uin.clone().map(Value::from),
    );
    put(
        "bundle_id",
        Some(json!(detail.bundle_id.clone().unwrap_or_default())),
    );
    put(
        "bundle_info",
        Some(json!(detail.bundle_info.clone().unwrap_or_default())),
    );
    WorkflowState {
        name: name.to_owned(),
        members,
    }
}

/// The members a periodic task shares with trigger tasks, in the trigger task's types (the
/// API names them alike), so both kinds are read by one function.
pub fn common_view(task: &PeriodicTask) -> TriggerTask {
    TriggerTask {
        trigger_task_base_attribute: convert(&task.task_base_attribute),
        trigger_task_configuration: convert(&task.task_configuration),
        trigger_task_scheduler_configuration: convert(&task.task_scheduler_configuration),
    }
}

/// A periodic task's state: the shared members, then its cycle, per-upstream dependency
/// settings and event listeners.
pub fn periodic_task_state(
    task: &PeriodicTask,
    code: Option<&str>,
    names_by_id: &dyn TaskNames,
) -> TaskState {
    let mut state = task_state(&common_view(task), code, names_by_id);
    let scheduler = &task.task_scheduler_configuration;
    let mut put = |member: &str, value: Option<Value>| {
        state
            .members
            .insert(member.to_owned(), live_value(member, value.as_ref()));
    };
    let text = |value: &Option<String>| {
        value
            .as_deref()
            .filter(|text| !text.is_empty())
            .map(Value::from)
    };
    put("scheduler.cycle_type", text(&scheduler.cycle_type));
    put(
        "scheduler.crontab",
        scheduler
            .crontab_expression
            .as_deref()
            .filter(|text| !text.is_empty())
            .map(|text| Value::from(crontab_text(text))),
    );
    put("scheduler.time_zone", text(&scheduler.schedule_time_zone));
    put("scheduler.start_time", text(&scheduler.start_time));
    put("scheduler.end_time", text(&scheduler.end_time));
    put(
        "scheduler.execution_start_time",
        text(&scheduler.execution_start_time),
    );
    put(
        "scheduler.execution_end_time",
        text(&scheduler.execution_end_time),
    );
    put(
        "scheduler.calendar_open",
        scheduler
            .calendar_open
            .as_deref()
            .map(|open| Value::from(open == "1")),
    );
    put("scheduler.calendar_id", text(&scheduler.calendar_id));
    put("scheduler.self_depend", text(&scheduler.self_depend));
    put("scheduler.init_strategy", text(&scheduler.init_strategy));
    put(
        "scheduler.event_listeners",
        Some(as_set(
            scheduler
                .event_listener_list
                .iter()
                .flatten()
                .map(|listener| {
                    let properties: BTreeMap<&str, &str> = listener
                        .properties_list
                        .iter()
                        .flatten()
                        .map(|property| {
                            (property.param_key.as_str(), property.param_value.as_str())
                        })
                        .collect();
                    json!({
                        "event_name": listener.event_name,
                        "event_sub_type": listener.event_sub_type,
                        "event_broadcast_type": listener.event_broadcast_type,
                        "properties": properties,
                    })
                })
                .collect(),
        )),
    );
    for dependency in scheduler.upstream_dependency_config_list.iter().flatten() {
        let name = names_by_id
            .name_of_id(&dependency.task_id)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("id:{}", dependency.task_id));
        let prefix = format!("scheduler.dependency.{name}");
        put(
            &format!("{prefix}.main_cyclic_config"),
            Some(json!(dependency.main_cyclic_config)),
        );
        put(
            &format!("{prefix}.subordinate_cyclic_config"),
            text(&dependency.subordinate_cyclic_config),
        );
        put(&format!("{prefix}.offset"), text(&dependency.offset));
        put(
            &format!("{prefix}.dependency_strategy"),
            dependency
                .dependency_strategy
                .as_ref()
                .map(dependency_strategy_value),
        );
    }
    state
}

/// DependencyStrategyTask in the manifest's canonical form (see `desired`).
pub fn dependency_strategy_value(strategy: &DependencyStrategyTask) -> Value {
    let mut value = serde_json::Map::new();
    if let Some(polling) = &strategy.polling_null_strategy {
        value.insert("polling_null_strategy".into(), json!(polling));
    }
    if let Some(strategies) = &strategy.task_dependency_executing_strategies {
        let mut strategies = strategies.clone();
        strategies.sort();
        value.insert("executing_strategies".into(), json!(strategies));
    }
    if let Some(minutes) = strategy.task_dependency_executing_timeout_value {
        value.insert("executing_timeout_minutes".into(), json!(minutes));
    }
    Value::Object(value)
}

pub fn periodic_workflow_state(name: &str, detail: &WorkflowDetail) -> WorkflowState {
    let mut members = BTreeMap::new();
    let mut put = |member: &str, value: Option<Value>| {
        members.insert(member.to_owned(), live_value(member, value.as_ref()));
    };
    put(
        "description",
        Some(json!(detail.workflow_desc.clone().unwrap_or_default())),
    );
    put("owner_uin", detail.owner_uin.clone().map(Value::from));
    let parameters: BTreeMap<&str, &str> = detail
        .workflow_params
        .iter()
        .flatten()
        .map(|parameter| (parameter.param_key.as_str(), parameter.param_value.as_str()))
        .collect();
    put("parameters", Some(json!(parameters)));
    put("bundle_id", detail.bundle_id.clone().map(Value::from));
    put("bundle_info", detail.bundle_info.clone().map(Value::from));
    put(
        "workflow_type",
        detail
            .workflow_type
            .as_deref()
            .filter(|kind| !kind.is_empty())
            .map(|kind| Value::from(kind.to_ascii_lowercase())),
    );
    let schedule = detail
        .workflow_scheduler_configuration
        .clone()
        .unwrap_or_default();
    let text = |value: &Option<String>| {
        value
            .as_deref()
            .filter(|text| !text.is_empty())
            .map(Value::from)
    };
    put("scheduler.cycle_type", text(&schedule.cycle_type));
    put(
        "scheduler.crontab",
        schedule
            .crontab_expression
            .as_deref()
            .filter(|text| !text.is_empty())
            .map(|text| Value::from(crontab_text(text))),
    );
    put("scheduler.time_zone", text(&schedule.schedule_time_zone));
    put("scheduler.start_time", text(&schedule.start_time));
    put("scheduler.end_time", text(&schedule.end_time));
    put(
        "scheduler.execution_start_time",
        text(&schedule.execution_start_time),
    );
    put(
        "scheduler.execution_end_time",
        text(&schedule.execution_end_time),
    );
    put("scheduler.self_depend", text(&schedule.self_depend));
    put(
        "scheduler.dependency_workflow",
        schedule
            .dependency_workflow
            .as_deref()
            .map(|depends| Value::from(depends == "yes")),
    );
    put(
        "scheduler.calendar_open",
        schedule
            .calendar_open
            .as_deref()
            .map(|open| Value::from(open == "1")),
    );
    put("scheduler.calendar_id", text(&schedule.calendar_id));
    WorkflowState {
        name: name.to_owned(),
        members,
    }
}
