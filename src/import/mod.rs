//! Turning a live workflow into manifests and code files laid out the way a person would:
//! `<workflow>/workflow.yaml`, one `<task>.yaml` per task beside its code file
//! (`<task>.sh`, `.py`, `.sql`, ... from the task type). Upstreams and parameter sources become
//! names, server-managed keys and server defaults are left out, so `plan` on the result shows
//! no changes. Pure: takes what `live` read, returns files to write.

pub mod legacy;

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{Map, Value, json};

use crate::api::types::{Task as PeriodicTask, TriggerTask, TriggerWorkflowDetail, WorkflowDetail};
use crate::live::{LiveDefinition, LiveWorkflow, LiveWorkflowDetail};
use crate::manifest::schedule::{DEFAULT_CYCLE_TYPE, default_cyclic_config};
use crate::manifest::task_types;
use crate::model::normalize::{crontab_text, default_for, is_server_managed_ext_key};

/// A file to write, relative to the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedFile {
    pub path: PathBuf,
    pub text: String,
}

/// The folder a workflow's files go into.
pub fn folder_name(workflow: &str) -> String {
    file_stem(workflow)
}

/// Characters safe in a file name; anything else becomes `_`.
fn file_stem(name: &str) -> String {
    name.chars()
        .map(|character| {
            if character.is_alphanumeric() || matches!(character, '-' | '_' | '.') {
                character
            } else {
                '_'
            }
        })
        .collect()
}

fn yaml(document: &Value) -> String {
    serde_saphyr::to_string(document).expect("plain JSON values serialize to YAML")
}

fn put_text(map: &mut Map<String, Value>, key: &str, value: Option<&String>, member: &str) {
    let Some(value) = value.filter(|value| !value.is_empty()) else {
        return;
    };
    if default_for(member).is_some_and(|default| default == json!(value)) {
        return;
    }
    map.insert(key.to_owned(), json!(value));
}

fn put_number(map: &mut Map<String, Value>, key: &str, value: Option<i64>, member: &str) {
    let Some(value) = value else { return };
    if default_for(member).is_some_and(|default| default == json!(value)) {
        return;
    }
    map.insert(key.to_owned(), json!(value));
}

/// The manifests and code files of one live workflow.
pub fn workflow_files(workflow: &LiveWorkflow) -> Vec<ImportedFile> {
    let folder = PathBuf::from(file_stem(&workflow.name));
    let workflow_text = match &workflow.detail {
        Some(LiveWorkflowDetail::Periodic(detail)) => {
            yaml(&periodic_workflow_document(&workflow.name, Some(detail)))
        }
        Some(LiveWorkflowDetail::Trigger(detail)) => {
            yaml(&workflow_document(&workflow.name, Some(detail)))
        }
        None if workflow.periodic => yaml(&periodic_workflow_document(&workflow.name, None)),
        None => yaml(&workflow_document(&workflow.name, None)),
    };
    let mut files = vec![ImportedFile {
        path: folder.join("workflow.yaml"),
        text: workflow_text,
    }];
    let names_by_id = workflow.names_by_id();
    let mut tasks: Vec<(TriggerTask, &LiveDefinition, &String)> = workflow
        .definitions
        .values()
        .map(|(definition, code)| (definition.common(), definition, code))
        .collect();
    tasks.sort_by_key(|(task, _, _)| task.trigger_task_base_attribute.task_name.clone());
    for (task, definition, code) in tasks {
        let name = task
            .trigger_task_base_attribute
            .task_name
            .clone()
            .unwrap_or_default();
        let stem = file_stem(&name);
        let extension = task_types::extension_for_id(task.trigger_task_base_attribute.task_type_id);
        let code_file = (!code.is_empty()).then(|| format!("{stem}.{extension}"));
        let mut document = task_document(&workflow.name, &task, code_file.as_deref(), &names_by_id);
        if let LiveDefinition::Periodic(periodic) = definition {
            add_periodic_members(&mut document, periodic, &names_by_id);
        }
        files.push(ImportedFile {
            path: folder.join(format!("{stem}.yaml")),
            text: yaml(&Value::Object(document)),
        });
        if let Some(code_file) = code_file {
            files.push(ImportedFile {
                path: folder.join(code_file),
                text: code.clone(),
            });
        }
    }
    files
}

fn workflow_document(name: &str, detail: Option<&TriggerWorkflowDetail>) -> Value {
    let mut document = Map::new();
    document.insert("kind".into(), json!("TriggerWorkflow"));
    document.insert("name".into(), json!(name));
    if let Some(detail) = detail {
        put_text(
            &mut document,
            "description",
            detail.workflow_desc.as_ref(),
            "description",
        );
        put_text(
            &mut document,
            "owner_uin",
            detail.owner_uin.as_ref(),
            "owner_uin",
        );
        let parameters: Map<String, Value> = detail
            .workflow_params
            .iter()
            .flatten()
            .map(|parameter| (parameter.param_key.clone(), json!(parameter.param_value)))
            .collect();
        if !parameters.is_empty() {
            document.insert("parameters".into(), Value::Object(parameters));
        }
    }
    Value::Object(document)
}

fn reference(id: &str, names_by_id: &HashMap<String, String>) -> Value {
    match names_by_id.get(id) {
        Some(name) => json!(name),
        None => json!({"id": id}),
    }
}

/// The document of a task's members both kinds share (`kind: TriggerTask`).
fn task_document(
    workflow: &str,
    task: &TriggerTask,
    code_file: Option<&str>,
    names_by_id: &HashMap<String, String>,
) -> Map<String, Value> {
    let base = &task.trigger_task_base_attribute;
    let configuration = &task.trigger_task_configuration;
    let scheduler = &task.trigger_task_scheduler_configuration;
    let mut document = Map::new();
    document.insert("kind".into(), json!("TriggerTask"));
    document.insert(
        "name".into(),
        json!(base.task_name.clone().unwrap_or_default()),
    );
    document.insert("workflow".into(), json!(workflow));

    let mut base_map = Map::new();
    base_map.insert(
        "task_type".into(),
        task_types::name_for_id(base.task_type_id)
            .map_or_else(|| json!(base.task_type_id), |name| json!(name)),
    );
    put_text(
        &mut base_map,
        "owner_uin",
        base.owner_uin.as_ref(),
        "base.owner_uin",
    );
    put_text(
        &mut base_map,
        "description",
        base.task_description.as_ref(),
        "base.description",
    );
    put_text(
        &mut base_map,
        "folder_path",
        base.task_folder_path.as_ref(),
        "base.folder_path",
    );
    document.insert("base".into(), Value::Object(base_map));

    let mut configuration_map = Map::new();
    if let Some(code_file) = code_file {
        configuration_map.insert("code_file".into(), json!(code_file));
    }
    for (key, value) in [
        ("resource_group", &configuration.resource_group),
        ("data_cluster", &configuration.data_cluster),
        ("broker_ip", &configuration.broker_ip),
        ("yarn_queue", &configuration.yarn_queue),
        ("source_service_id", &configuration.source_service_id),
        ("target_service_id", &configuration.target_service_id),
        ("bundle_id", &configuration.bundle_id),
        ("bundle_info", &configuration.bundle_info),
    ] {
        put_text(
            &mut configuration_map,
            key,
            value.as_ref(),
            &format!("configuration.{key}"),
        );
    }
    let ext: Map<String, Value> = configuration
        .task_ext_configuration_list
        .iter()
        .flatten()
        .filter(|parameter| !is_server_managed_ext_key(&parameter.param_key))
        .map(|parameter| (parameter.param_key.clone(), json!(parameter.param_value)))
        .collect();
    if !ext.is_empty() {
        configuration_map.insert("ext".into(), Value::Object(ext));
    }
    let scheduling: Map<String, Value> = configuration
        .task_scheduling_parameter_list
        .iter()
        .flatten()
        .map(|parameter| (parameter.param_key.clone(), json!(parameter.param_value)))
        .collect();
    if !scheduling.is_empty() {
        configuration_map.insert("scheduling_parameters".into(), Value::Object(scheduling));
    }
    if !configuration_map.is_empty() {
        document.insert("configuration".into(), Value::Object(configuration_map));
    }

    let mut scheduler_map = Map::new();
    let upstream: Vec<Value> = scheduler
        .upstream_dependency_config_list
        .iter()
        .flatten()
        .map(|dependency| reference(&dependency.task_id, names_by_id))
        .collect();
    if !upstream.is_empty() {
        scheduler_map.insert("upstream".into(), Value::Array(upstream));
    }
    put_number(
        &mut scheduler_map,
        "run_priority",
        scheduler.run_priority_type,
        "scheduler.run_priority",
    );
    put_number(
        &mut scheduler_map,
        "retry_wait_minutes",
        scheduler.retry_wait_minute,
        "scheduler.retry_wait_minutes",
    );
    put_number(
        &mut scheduler_map,
        "max_retries",
        scheduler.max_retry_number,
        "scheduler.max_retries",
    );
    put_number(
        &mut scheduler_map,
        "execution_ttl_minutes",
        scheduler.execution_ttl_minute,
        "scheduler.execution_ttl_minutes",
    );
    put_number(
        &mut scheduler_map,
        "wait_execution_total_ttl_minutes",
        scheduler.wait_execution_total_ttl_minute,
        "scheduler.wait_execution_total_ttl_minutes",
    );
    put_text(
        &mut scheduler_map,
        "allow_redo",
        scheduler.allow_redo_type.as_ref(),
        "scheduler.allow_redo",
    );
    put_text(
        &mut scheduler_map,
        "dependency_trigger_policy",
        scheduler.dependency_trigger_policy.as_ref(),
        "scheduler.dependency_trigger_policy",
    );
    put_number(
        &mut scheduler_map,
        "allow_downstream_dependency",
        scheduler.allow_downstream_dependency,
        "scheduler.allow_downstream_dependency",
    );
    put_number(
        &mut scheduler_map,
        "schedule_type",
        scheduler.schedule_type,
        "scheduler.schedule_type",
    );
    let outputs: Map<String, Value> = scheduler
        .param_task_out_list
        .iter()
        .flatten()
        .map(|output| (output.param_key.clone(), json!(output.param_value)))
        .collect();
    if !outputs.is_empty() {
        scheduler_map.insert("params_out".into(), Value::Object(outputs));
    }
    let inputs: Vec<Value> = scheduler
        .param_task_in_list
        .iter()
        .flatten()
        .map(|input| {
            let mut entry = Map::new();
            entry.insert("key".into(), json!(input.param_key));
            entry.insert(
                "from_task".into(),
                reference(&input.from_task_id, names_by_id),
            );
            entry.insert("from_key".into(), json!(input.from_param_key));
            if !input.param_desc.is_empty() {
                entry.insert("description".into(), json!(input.param_desc));
            }
            if let Some(kind) = input.r#type.as_ref().filter(|kind| !kind.is_empty()) {
                entry.insert("type".into(), json!(kind));
            }
            Value::Object(entry)
        })
        .collect();
    if !inputs.is_empty() {
        scheduler_map.insert("params_in".into(), Value::Array(inputs));
    }
    if !scheduler_map.is_empty() {
        document.insert("scheduler".into(), Value::Object(scheduler_map));
    }
    document
}

/// Turns a shared-members document into a `kind: Task` one: the cycle, upstreams with their
/// cyclic settings (a plain name when they are the same-cycle default) and event listeners.
fn add_periodic_members(
    document: &mut Map<String, Value>,
    task: &PeriodicTask,
    names_by_id: &HashMap<String, String>,
) {
    document.insert("kind".into(), json!("Task"));
    let scheduler = &task.task_scheduler_configuration;
    let mut scheduler_map = match document.remove("scheduler") {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let mut cycle = Map::new();
    put_text(
        &mut cycle,
        "cycle_type",
        scheduler.cycle_type.as_ref(),
        "scheduler.cycle_type",
    );
    let crontab = scheduler.crontab_expression.as_deref().map(crontab_text);
    put_text(&mut cycle, "crontab", crontab.as_ref(), "scheduler.crontab");
    put_text(
        &mut cycle,
        "time_zone",
        scheduler.schedule_time_zone.as_ref(),
        "scheduler.time_zone",
    );
    put_text(
        &mut cycle,
        "start_time",
        scheduler.start_time.as_ref(),
        "scheduler.start_time",
    );
    put_text(
        &mut cycle,
        "end_time",
        scheduler.end_time.as_ref(),
        "scheduler.end_time",
    );
    put_text(
        &mut cycle,
        "execution_start_time",
        scheduler.execution_start_time.as_ref(),
        "scheduler.execution_start_time",
    );
    put_text(
        &mut cycle,
        "execution_end_time",
        scheduler.execution_end_time.as_ref(),
        "scheduler.execution_end_time",
    );
    if scheduler.calendar_open.as_deref() == Some("1") {
        cycle.insert("calendar_open".into(), json!(true));
    }
    put_text(
        &mut cycle,
        "calendar_id",
        scheduler.calendar_id.as_ref(),
        "scheduler.calendar_id",
    );
    put_text(
        &mut cycle,
        "self_depend",
        scheduler.self_depend.as_ref(),
        "scheduler.self_depend",
    );
    put_text(
        &mut cycle,
        "init_strategy",
        scheduler.init_strategy.as_ref(),
        "scheduler.init_strategy",
    );
    let cycle_type = scheduler
        .cycle_type
        .as_deref()
        .unwrap_or(DEFAULT_CYCLE_TYPE);
    let (default_main, default_subordinate) = default_cyclic_config(cycle_type);
    let upstream: Vec<Value> = scheduler
        .upstream_dependency_config_list
        .iter()
        .flatten()
        .map(|dependency| {
            let task_reference = reference(&dependency.task_id, names_by_id);
            let subordinate = dependency
                .subordinate_cyclic_config
                .as_deref()
                .unwrap_or("");
            let offset = dependency
                .offset
                .as_deref()
                .filter(|offset| !offset.is_empty());
            let strategy = dependency
                .dependency_strategy
                .as_ref()
                .map(crate::model::live::dependency_strategy_value)
                .filter(|value| value.as_object().is_some_and(|map| !map.is_empty()));
            if dependency.main_cyclic_config == default_main
                && subordinate == default_subordinate
                && offset.is_none()
                && strategy.is_none()
            {
                return task_reference;
            }
            let mut entry = Map::new();
            entry.insert("task".into(), task_reference);
            entry.insert(
                "main_cyclic_config".into(),
                json!(dependency.main_cyclic_config),
            );
            if !subordinate.is_empty() {
                entry.insert("subordinate_cyclic_config".into(), json!(subordinate));
            }
            if let Some(offset) = offset {
                entry.insert("offset".into(), json!(offset));
            }
            if let Some(strategy) = strategy {
                entry.insert("dependency_strategy".into(), strategy);
            }
            Value::Object(entry)
        })
        .collect();
    scheduler_map.remove("upstream");
    if !upstream.is_empty() {
        cycle.insert("upstream".into(), Value::Array(upstream));
    }
    let listeners: Vec<Value> = scheduler
        .event_listener_list
        .iter()
        .flatten()
        .map(|listener| {
            let mut entry = Map::new();
            entry.insert("event_name".into(), json!(listener.event_name));
            entry.insert("event_sub_type".into(), json!(listener.event_sub_type));
            entry.insert(
                "event_broadcast_type".into(),
                json!(listener.event_broadcast_type),
            );
            let properties: Map<String, Value> = listener
                .properties_list
                .iter()
                .flatten()
                .map(|property| (property.param_key.clone(), json!(property.param_value)))
                .collect();
            if !properties.is_empty() {
                entry.insert("properties".into(), Value::Object(properties));
            }
            Value::Object(entry)
        })
        .collect();
    if !listeners.is_empty() {
        cycle.insert("event_listeners".into(), Value::Array(listeners));
    }
    // The cycle first: it is what a reader of a periodic task looks for.
    cycle.extend(scheduler_map);
    if !cycle.is_empty() {
        document.insert("scheduler".into(), Value::Object(cycle));
    }
}

fn periodic_workflow_document(name: &str, detail: Option<&WorkflowDetail>) -> Value {
    let mut document = Map::new();
    document.insert("kind".into(), json!("Workflow"));
    document.insert("name".into(), json!(name));
    let Some(detail) = detail else {
        return Value::Object(document);
    };
    put_text(
        &mut document,
        "description",
        detail.workflow_desc.as_ref(),
        "description",
    );
    put_text(
        &mut document,
        "owner_uin",
        detail.owner_uin.as_ref(),
        "owner_uin",
    );
    let parameters: Map<String, Value> = detail
        .workflow_params
        .iter()
        .flatten()
        .map(|parameter| (parameter.param_key.clone(), json!(parameter.param_value)))
        .collect();
    if !parameters.is_empty() {
        document.insert("parameters".into(), Value::Object(parameters));
    }
    if let Some(schedule) = &detail.workflow_scheduler_configuration {
        let mut map = Map::new();
        put_text(
            &mut map,
            "cycle_type",
            schedule.cycle_type.as_ref(),
            "scheduler.cycle_type",
        );
        let crontab = schedule.crontab_expression.as_deref().map(crontab_text);
        put_text(&mut map, "crontab", crontab.as_ref(), "scheduler.crontab");
        put_text(
            &mut map,
            "time_zone",
            schedule.schedule_time_zone.as_ref(),
            "scheduler.time_zone",
        );
        put_text(
            &mut map,
            "start_time",
            schedule.start_time.as_ref(),
            "scheduler.start_time",
        );
        put_text(
            &mut map,
            "end_time",
            schedule.end_time.as_ref(),
            "scheduler.end_time",
        );
        put_text(
            &mut map,
            "execution_start_time",
            schedule.execution_start_time.as_ref(),
            "scheduler.execution_start_time",
        );
        put_text(
            &mut map,
            "execution_end_time",
            schedule.execution_end_time.as_ref(),
            "scheduler.execution_end_time",
        );
        put_text(
            &mut map,
            "self_depend",
            schedule.self_depend.as_ref(),
            "scheduler.self_depend",
        );
        if schedule.dependency_workflow.as_deref() == Some("yes") {
            map.insert("dependency_workflow".into(), json!(true));
        }
        if schedule.calendar_open.as_deref() == Some("1") {
            map.insert("calendar_open".into(), json!(true));
        }
        put_text(
            &mut map,
            "calendar_id",
            schedule.calendar_id.as_ref(),
            "scheduler.calendar_id",
        );
        if !map.is_empty() {
            document.insert("scheduler".into(), Value::Object(map));
        }
    }
    Value::Object(document)
}

/// The manifest document `workflow_files` writes for one live task (its code file named
/// `code_file`), for callers that write single members back into an existing manifest
/// (`history`'s rollback and pull): every member in the shape a manifest declares it.
pub fn task_manifest_document(
    workflow: &str,
    definition: &LiveDefinition,
    code_file: Option<&str>,
    names_by_id: &HashMap<String, String>,
) -> Value {
    let mut document = task_document(workflow, &definition.common(), code_file, names_by_id);
    match definition {
        LiveDefinition::Trigger(_) => {}
        LiveDefinition::Periodic(task) => add_periodic_members(&mut document, task, names_by_id),
        LiveDefinition::Legacy(detail) => add_periodic_members(
            &mut document,
            &crate::model::legacy::as_periodic_task(detail),
            names_by_id,
        ),
    }
    Value::Object(document)
}
