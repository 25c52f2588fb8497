//! Desired states from the manifests: only declared members, in canonical form.

use std::collections::{BTreeMap, HashMap};

use serde_json::{Value, json};

use super::normalize::{as_set, code_text};
use super::{CODE_MEMBER, TaskState, WorkflowState};
use crate::manifest::types::Reference;
use crate::manifest::{Task, Workflow};

/// How a reference to another task reads in canonical form: the task's name in its workflow
/// (a pinned id is turned into the name of the live task that has it), else `id:<TaskId>`.
pub fn reference_key(reference: &Reference, live_names_by_id: &HashMap<String, String>) -> String {
    match reference {
        Reference::Name(name) => name.clone(),
        Reference::Id { id } => live_names_by_id
            .get(id)
            .cloned()
            .unwrap_or_else(|| format!("id:{id}")),
    }
}

pub fn task_state(task: &Task, live_names_by_id: &HashMap<String, String>) -> TaskState {
    let manifest = &task.manifest;
    let mut members = BTreeMap::new();
    let mut put = |member: &str, value: Option<Value>| {
        if let Some(value) = value {
            members.insert(member.to_owned(), value);
        }
    };
    put("base.task_type", Some(json!(task.task_type_id)));
    put(
        "base.owner_uin",
        manifest.base.owner_uin.clone().map(Value::from),
    );
    put(
        "base.description",
        manifest.base.description.clone().map(Value::from),
    );
    put(
        "base.folder_path",
        manifest.base.folder_path.clone().map(Value::from),
    );

    let configuration = &manifest.configuration;
    put(
        CODE_MEMBER,
        task.code
            .as_deref()
            .map(|code| Value::from(code_text(code))),
    );
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
    // Ext keys are managed one by one: WeData adds keys of its own to the same list.
    for (key, value) in configuration.ext.iter().flatten() {
        put(&format!("configuration.ext.{key}"), Some(json!(value)));
    }
    put(
        "configuration.scheduling_parameters",
        configuration
            .scheduling_parameters
            .as_ref()
            .map(|parameters| json!(parameters)),
    );

    let scheduler = &manifest.scheduler;
    put(
        "scheduler.upstream",
        scheduler.upstream.as_ref().map(|upstream| {
            as_set(
                upstream
                    .iter()
                    .map(|reference| json!(reference_key(&reference.value, live_names_by_id)))
                    .collect(),
            )
        }),
    );
    put(
        "scheduler.run_priority",
        scheduler.run_priority.map(Value::from),
    );
    put(
        "scheduler.retry_wait_minutes",
        scheduler.retry_wait_minutes.map(Value::from),
    );
    put(
        "scheduler.max_retries",
        scheduler.max_retries.map(Value::from),
    );
    put(
        "scheduler.execution_ttl_minutes",
        scheduler.execution_ttl_minutes.map(Value::from),
    );
    put(
        "scheduler.wait_execution_total_ttl_minutes",
        scheduler.wait_execution_total_ttl_minutes.map(Value::from),
    );
    put(
        "scheduler.allow_redo",
        scheduler.allow_redo.clone().map(Value::from),
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
    put(
        "scheduler.params_out",
        scheduler.params_out.as_ref().map(|outputs| json!(outputs)),
    );
    put(
        "scheduler.params_in",
        scheduler.params_in.as_ref().map(|inputs| {
            as_set(
                inputs
                    .iter()
                    .map(|input| {
                        json!({
                            "key": input.key,
                            "from_task": reference_key(&input.from_task.value, live_names_by_id),
                            "from_key": input.from_key.value,
                            "description": input.description.clone().unwrap_or_default(),
                            "type": input.kind.clone().unwrap_or_default(),
                        })
                    })
                    .collect(),
            )
        }),
    );
    put(
        "scheduler.output_registries",
        scheduler
            .output_registries
            .as_ref()
            .map(|registries| as_set(registries.iter().map(|registry| json!(registry)).collect())),
    );
    TaskState {
        name: manifest.name.value.clone(),
        members,
    }
}

pub fn workflow_state(workflow: &Workflow) -> WorkflowState {
    let manifest = &workflow.manifest;
    let mut members = BTreeMap::new();
    let mut put = |member: &str, value: Option<Value>| {
        if let Some(value) = value {
            members.insert(member.to_owned(), value);
        }
    };
    put("description", manifest.description.clone().map(Value::from));
    put("owner_uin", manifest.owner_uin.clone().map(Value::from));
    put(
        "parameters",
        manifest
            .parameters
            .as_ref()
            .map(|parameters| json!(parameters)),
    );
    put(
        "general_task_parameters",
        manifest
            .general_task_parameters
            .as_ref()
            .map(|parameters| json!(parameters)),
    );
    put(
        "triggers",
        manifest.triggers.as_ref().map(|triggers| json!(triggers)),
    );
    put(
        "run_configuration",
        manifest.run_configuration.as_ref().map(|run| json!(run)),
    );
    put(
        "scheduler_status",
        manifest.scheduler_status.clone().map(Value::from),
    );
    put(
        "trigger_mode",
        manifest.trigger_mode.clone().map(Value::from),
    );
    put(
        "execute_user_uin",
        manifest.execute_user_uin.clone().map(Value::from),
    );
    put("bundle_id", manifest.bundle_id.clone().map(Value::from));
    put("bundle_info", manifest.bundle_info.clone().map(Value::from));
    WorkflowState {
        name: workflow.name.clone(),
        members,
    }
}
