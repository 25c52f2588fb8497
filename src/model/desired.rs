//! Desired states from the manifests: only declared members, in canonical form.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::normalize::{as_set, code_text, crontab_text};
use super::{CODE_MEMBER, NAME_MEMBER, SCHEDULE_STATE_MEMBER, TaskNames, TaskState, WorkflowState};
use crate::manifest::schedule::{DEFAULT_CYCLE_TYPE, default_cyclic_config};
use crate::manifest::types::{
    DependencyStrategy, PeriodicTaskScheduler, PeriodicUpstream, PeriodicWorkflowManifest,
    Reference, SharedScheduler, UpstreamDependency,
};
use crate::manifest::{Task, TaskDefinition, Workflow, WorkflowDefinition};

/// How a reference to another task reads in canonical form: the task's name in its workflow
/// (a pinned id is turned into the name of the live task that has it), else `id:<TaskId>`.
pub fn reference_key(reference: &Reference, live_names_by_id: &dyn TaskNames) -> String {
    match reference {
        Reference::Name(name) => name.clone(),
        Reference::Id { id } => live_names_by_id
            .name_of_id(id)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("id:{id}")),
    }
}

pub fn task_state(task: &Task, live_names_by_id: &dyn TaskNames) -> TaskState {
    let mut members = BTreeMap::new();
    let mut put = |member: &str, value: Option<Value>| {
        if let Some(value) = value {
            members.insert(member.to_owned(), value);
        }
    };
    let base = task.base();
    put("base.task_type", Some(json!(task.task_type_id)));
    put("base.owner_uin", base.owner_uin.clone().map(Value::from));
    put(
        "base.description",
        base.description.clone().map(Value::from),
    );
    put(
        "base.folder_path",
        base.folder_path.clone().map(Value::from),
    );

    let configuration = task.configuration();
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

    if task.declares_upstream() {
        put(
            "scheduler.upstream",
            Some(as_set(
                task.upstream()
                    .iter()
                    .map(|upstream| json!(reference_key(upstream.reference, live_names_by_id)))
                    .collect(),
            )),
        );
    }
    shared_scheduler_members(&task.shared_scheduler(), live_names_by_id, &mut put);
    if let TaskDefinition::Periodic(manifest) = &task.definition {
        periodic_scheduler_members(&manifest.scheduler, live_names_by_id, &mut put);
    }
    TaskState {
        name: task.name().to_owned(),
        members,
    }
}

/// A task of a legacy project: its members, and its name (identity is the pinned id there,
/// so a name that differs from the live one is a rename to apply).
pub fn legacy_task_state(task: &Task, live_names_by_id: &dyn TaskNames) -> TaskState {
    let mut state = task_state(task, live_names_by_id);
    state
        .members
        .insert(NAME_MEMBER.to_owned(), Value::from(task.name()));
    state
}

/// The scheduler members trigger and periodic tasks share.
fn shared_scheduler_members(
    scheduler: &SharedScheduler<'_>,
    live_names_by_id: &dyn TaskNames,
    put: &mut dyn FnMut(&str, Option<Value>),
) {
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
        scheduler.allow_redo.cloned().map(Value::from),
    );
    put(
        "scheduler.dependency_trigger_policy",
        scheduler
            .dependency_trigger_policy
            .cloned()
            .map(Value::from),
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
        scheduler.params_out.map(|outputs| json!(outputs)),
    );
    put(
        "scheduler.params_in",
        scheduler.params_in.map(|inputs| {
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
            .map(|registries| as_set(registries.iter().map(|registry| json!(registry)).collect())),
    );
}

/// A periodic task's cycle, per-upstream dependency settings and event listeners.
fn periodic_scheduler_members(
    scheduler: &PeriodicTaskScheduler,
    live_names_by_id: &dyn TaskNames,
    put: &mut dyn FnMut(&str, Option<Value>),
) {
    let text = |value: &Option<serde_saphyr::Spanned<String>>| {
        value.as_ref().map(|span| Value::from(span.value.clone()))
    };
    put(
        SCHEDULE_STATE_MEMBER,
        scheduler.state.clone().map(Value::from),
    );
    put(
        "scheduler.cycle_type",
        scheduler.cycle_type.clone().map(Value::from),
    );
    put(
        "scheduler.crontab",
        scheduler
            .crontab
            .as_ref()
            .map(|span| Value::from(crontab_text(&span.value))),
    );
    put("scheduler.time_zone", text(&scheduler.time_zone));
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
        scheduler.calendar_open.map(Value::from),
    );
    put(
        "scheduler.calendar_id",
        scheduler.calendar_id.clone().map(Value::from),
    );
    put(
        "scheduler.self_depend",
        scheduler.self_depend.clone().map(Value::from),
    );
    put(
        "scheduler.init_strategy",
        scheduler.init_strategy.clone().map(Value::from),
    );
    put(
        "scheduler.event_listeners",
        scheduler.event_listeners.as_ref().map(|listeners| {
            as_set(
                listeners
                    .iter()
                    .map(|listener| {
                        json!({
                            "event_name": listener.event_name,
                            "event_sub_type": listener.event_sub_type,
                            "event_broadcast_type": listener.event_broadcast_type,
                            "properties": listener.properties.clone().unwrap_or_default(),
                        })
                    })
                    .collect(),
            )
        }),
    );
    if let Some(legacy) = &scheduler.legacy {
        let legacy = &legacy.value;
        put(
            "scheduler.legacy.delay_time",
            legacy.delay_time.map(Value::from),
        );
        put(
            "scheduler.legacy.startup_time",
            legacy.startup_time.map(Value::from),
        );
        put(
            "scheduler.legacy.task_action",
            legacy.task_action.clone().map(Value::from),
        );
        put(
            "scheduler.legacy.cycle_step",
            legacy.cycle_step.map(Value::from),
        );
        put(
            "scheduler.legacy.retriable",
            legacy.retriable.map(Value::from),
        );
        put(
            "scheduler.legacy.dependency_workflow",
            legacy.dependency_workflow.map(Value::from),
        );
    }
    let cycle = scheduler
        .cycle_type
        .as_deref()
        .unwrap_or(DEFAULT_CYCLE_TYPE);
    for upstream in scheduler.upstream.iter().flatten() {
        let dependency = resolved_dependency(&upstream.value, cycle);
        let prefix = format!(
            "scheduler.dependency.{}",
            reference_key(upstream.value.reference(), live_names_by_id)
        );
        put(
            &format!("{prefix}.main_cyclic_config"),
            dependency.main_cyclic_config.map(Value::from),
        );
        put(
            &format!("{prefix}.subordinate_cyclic_config"),
            dependency.subordinate_cyclic_config.map(Value::from),
        );
        put(
            &format!("{prefix}.offset"),
            dependency.offset.map(Value::from),
        );
        put(
            &format!("{prefix}.dependency_strategy"),
            dependency
                .dependency_strategy
                .as_ref()
                .map(dependency_strategy_value),
        );
    }
}

/// An upstream with its cyclic settings filled in: a plain name means the same cycle.
pub fn resolved_dependency(upstream: &PeriodicUpstream, cycle_type: &str) -> UpstreamDependency {
    let (main, subordinate) = default_cyclic_config(cycle_type);
    let mut dependency = match upstream {
        PeriodicUpstream::Task(reference) => UpstreamDependency {
            task: reference.clone(),
            main_cyclic_config: None,
            subordinate_cyclic_config: None,
            offset: None,
            dependency_strategy: None,
        },
        PeriodicUpstream::Detailed(dependency) => dependency.clone(),
    };
    dependency
        .main_cyclic_config
        .get_or_insert_with(|| main.to_owned());
    dependency
        .subordinate_cyclic_config
        .get_or_insert_with(|| subordinate.to_owned());
    dependency
}

/// A dependency strategy in canonical form: only the members that are set.
pub fn dependency_strategy_value(strategy: &DependencyStrategy) -> Value {
    let mut value = serde_json::Map::new();
    if let Some(polling) = &strategy.polling_null_strategy {
        value.insert("polling_null_strategy".into(), json!(polling));
    }
    if let Some(strategies) = &strategy.executing_strategies {
        let mut strategies = strategies.clone();
        strategies.sort();
        value.insert("executing_strategies".into(), json!(strategies));
    }
    if let Some(minutes) = strategy.executing_timeout_minutes {
        value.insert("executing_timeout_minutes".into(), json!(minutes));
    }
    Value::Object(value)
}

pub fn workflow_state(workflow: &Workflow) -> WorkflowState {
    let manifest = match &workflow.definition {
        WorkflowDefinition::Trigger(manifest) => manifest,
        WorkflowDefinition::Periodic(manifest) => {
            return periodic_workflow_state(workflow, manifest);
        }
    };
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

fn periodic_workflow_state(
    workflow: &Workflow,
    manifest: &PeriodicWorkflowManifest,
) -> WorkflowState {
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
    put("bundle_id", manifest.bundle_id.clone().map(Value::from));
    put("bundle_info", manifest.bundle_info.clone().map(Value::from));
    put(
        "workflow_type",
        manifest.workflow_type.clone().map(Value::from),
    );
    if let Some(schedule) = &manifest.scheduler {
        let text = |value: &Option<serde_saphyr::Spanned<String>>| {
            value.as_ref().map(|span| Value::from(span.value.clone()))
        };
        put(
            "scheduler.cycle_type",
            schedule.cycle_type.clone().map(Value::from),
        );
        put(
            "scheduler.crontab",
            schedule
                .crontab
                .as_ref()
                .map(|span| Value::from(crontab_text(&span.value))),
        );
        put("scheduler.time_zone", text(&schedule.time_zone));
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
        put(
            "scheduler.self_depend",
            schedule.self_depend.clone().map(Value::from),
        );
        put(
            "scheduler.dependency_workflow",
            schedule.dependency_workflow.map(Value::from),
        );
        put(
            "scheduler.calendar_open",
            schedule.calendar_open.map(Value::from),
        );
        put(
            "scheduler.calendar_id",
            schedule.calendar_id.clone().map(Value::from),
        );
    }
    WorkflowState {
        name: workflow.name.clone(),
        members,
    }
}
