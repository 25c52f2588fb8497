//! Requests for periodic workflows and tasks (CreateWorkflow / UpdateWorkflow, CreateTask /
//! UpdateTask). The members periodic tasks share with trigger tasks are mapped once, by the
//! parent module, in the trigger task's types and converted (the API names them alike); the
//! cycle, the upstreams with their cyclic settings and the event listeners are mapped here.

use serde_json::Value;
use serde_saphyr::Spanned;

use super::{Resolve, configuration, param_infos, shared_scheduler};
use crate::api::convert;
use crate::api::types::{
    CreateTaskBaseAttribute, CreateTaskRequest, CreateWorkflowRequest, DependencyStrategyTask,
    DependencyTaskBrief, EventListener, ParamInfo, Task as LiveTask, TaskConfiguration,
    TaskSchedulerConfiguration, TriggerTaskConfiguration, UpdateTaskBaseAttribute, UpdateTaskBrief,
    UpdateTaskRequest, UpdateWorkflowRequest, WorkflowDetail, WorkflowSchedulerConfigurationInfo,
};
use crate::manifest::Task;
use crate::manifest::schedule::DEFAULT_CYCLE_TYPE;
use crate::manifest::types::{PeriodicTaskManifest, PeriodicWorkflowManifest, WorkflowSchedule};
use crate::model::desired::resolved_dependency;

/// Members of TaskSchedulerConfiguration an update must not send back: derived by the server
/// (downstreams, the calendar's name) or older duplicates of members sent under their newer
/// names (sending both could let a stale old value win).
fn without_read_only_members(
    mut scheduler: TaskSchedulerConfiguration,
) -> TaskSchedulerConfiguration {
    scheduler.downstream_dependency_config_list = None;
    scheduler.down_stream_dependency_config_list = None;
    scheduler.calendar_name = None;
    scheduler.run_priority = None;
    scheduler.retry_wait = None;
    scheduler.max_retry_attempts = None;
    scheduler.execution_ttl = None;
    scheduler.wait_execution_total_ttl = None;
    scheduler.schedule_run_type = None;
    scheduler
}

/// The declared scheduler laid over `base` (the live one for updates, empty for creates).
fn scheduler(
    manifest: &PeriodicTaskManifest,
    base: TaskSchedulerConfiguration,
    resolve: &Resolve<'_>,
) -> Result<TaskSchedulerConfiguration, String> {
    let declared = &manifest.scheduler;
    let shared = shared_scheduler(&declared.shared(), convert(&base), resolve)?;
    // Lay the shared members over the periodic base; the upstream list is periodic-shaped and
    // set below.
    let mut merged = serde_json::to_value(&base).expect("API types serialize");
    if let Value::Object(shared) = serde_json::to_value(&shared).expect("API types serialize") {
        for (member, value) in shared {
            if member != "UpstreamDependencyConfigList" && !value.is_null() {
                merged[member] = value;
            }
        }
    }
    let mut scheduler: TaskSchedulerConfiguration =
        serde_json::from_value(merged).expect("the shared members have the same types");

    let overlay = |target: &mut Option<String>, value: Option<&String>| {
        if let Some(value) = value {
            *target = Some(value.clone());
        }
    };
    overlay(&mut scheduler.cycle_type, declared.cycle_type.as_ref());
    overlay(
        &mut scheduler.crontab_expression,
        declared_text(&declared.crontab),
    );
    overlay(
        &mut scheduler.schedule_time_zone,
        declared_text(&declared.time_zone),
    );
    overlay(
        &mut scheduler.start_time,
        declared_text(&declared.start_time),
    );
    overlay(&mut scheduler.end_time, declared_text(&declared.end_time));
    overlay(
        &mut scheduler.execution_start_time,
        declared_text(&declared.execution_start_time),
    );
    overlay(
        &mut scheduler.execution_end_time,
        declared_text(&declared.execution_end_time),
    );
    if let Some(open) = declared.calendar_open {
        scheduler.calendar_open = Some(if open { "1" } else { "0" }.to_owned());
    }
    overlay(&mut scheduler.calendar_id, declared.calendar_id.as_ref());
    overlay(&mut scheduler.self_depend, declared.self_depend.as_ref());
    overlay(
        &mut scheduler.init_strategy,
        declared.init_strategy.as_ref(),
    );
    if let Some(listeners) = &declared.event_listeners {
        scheduler.event_listener_list = Some(
            listeners
                .iter()
                .map(|listener| EventListener {
                    event_name: listener.event_name.clone(),
                    event_sub_type: listener.event_sub_type.clone(),
                    event_broadcast_type: listener.event_broadcast_type.clone(),
                    properties_list: listener.properties.as_ref().map(param_infos),
                })
                .collect(),
        );
    }
    if let Some(upstream) = &declared.upstream {
        // The same rule as the desired state: the declared cycle, else the default one (never
        // the live cycle, which the plan did not compare against).
        let cycle = declared
            .cycle_type
            .as_deref()
            .unwrap_or(DEFAULT_CYCLE_TYPE)
            .to_owned();
        scheduler.upstream_dependency_config_list = Some(
            upstream
                .iter()
                .map(|upstream| {
                    let dependency = resolved_dependency(&upstream.value, &cycle);
                    Ok(DependencyTaskBrief {
                        task_id: resolve(&dependency.task)?,
                        main_cyclic_config: dependency.main_cyclic_config.unwrap_or_default(),
                        subordinate_cyclic_config: dependency.subordinate_cyclic_config,
                        offset: dependency.offset,
                        dependency_strategy: dependency.dependency_strategy.map(|strategy| {
                            DependencyStrategyTask {
                                polling_null_strategy: strategy.polling_null_strategy,
                                task_dependency_executing_strategies: strategy.executing_strategies,
                                task_dependency_executing_timeout_value: strategy
                                    .executing_timeout_minutes,
                            }
                        }),
                    })
                })
                .collect::<Result<_, String>>()?,
        );
    }
    Ok(scheduler)
}

fn declared_text(span: &Option<Spanned<String>>) -> Option<&String> {
    span.as_ref().map(|span| &span.value)
}

/// The `kind: Task` document of a task (periodic and legacy requests are built from it).
pub(super) fn manifest_of(task: &Task) -> Result<&PeriodicTaskManifest, String> {
    match &task.definition {
        crate::manifest::TaskDefinition::Periodic(manifest) => Ok(manifest),
        crate::manifest::TaskDefinition::Trigger(_) => Err(format!(
            "{} is a trigger task, not a periodic one",
            task.name()
        )),
    }
}

pub fn create_task(
    project_id: &str,
    workflow_id: &str,
    task: &Task,
    resolve: &Resolve<'_>,
) -> Result<CreateTaskRequest, String> {
    let manifest = manifest_of(task)?;
    let base = task.base();
    Ok(CreateTaskRequest {
        project_id: project_id.to_owned(),
        task_base_attribute: CreateTaskBaseAttribute {
            task_name: task.name().to_owned(),
            task_type_id: task.task_type_id.to_string(),
            workflow_id: workflow_id.to_owned(),
            owner_uin: base.owner_uin.clone(),
            task_description: base.description.clone(),
            task_folder_path: base.folder_path.clone(),
        },
        task_configuration: convert(&configuration(task, TriggerTaskConfiguration::default())),
        task_scheduler_configuration: convert(&scheduler(
            manifest,
            TaskSchedulerConfiguration::default(),
            resolve,
        )?),
    })
}

/// An update sends the live task with the declared members laid over it, so members the
/// manifest does not manage keep their values.
pub fn update_task(
    project_id: &str,
    task: &Task,
    live: &LiveTask,
    resolve: &Resolve<'_>,
) -> Result<UpdateTaskRequest, String> {
    let manifest = manifest_of(task)?;
    let base = task.base();
    let live_base = &live.task_base_attribute;
    let mut live_configuration: TriggerTaskConfiguration = convert(&live.task_configuration);
    // Read-only members of the answer are not sent back.
    live_configuration.resource_group_name = None;
    let configuration: TaskConfiguration = convert(&configuration(task, live_configuration));
    Ok(UpdateTaskRequest {
        project_id: project_id.to_owned(),
        task_id: live_base.task_id.clone(),
        task: UpdateTaskBrief {
            task_base_attribute: UpdateTaskBaseAttribute {
                task_name: task.name().to_owned(),
                owner_uin: base
                    .owner_uin
                    .clone()
                    .or_else(|| live_base.owner_uin.clone())
                    .unwrap_or_default(),
                task_description: base
                    .description
                    .clone()
                    .or_else(|| live_base.task_description.clone())
                    .unwrap_or_default(),
                task_folder_path: base
                    .folder_path
                    .clone()
                    .or_else(|| live_base.task_folder_path.clone()),
            },
            task_configuration: configuration,
            task_scheduler_configuration: scheduler(
                manifest,
                without_read_only_members(live.task_scheduler_configuration.clone()),
                resolve,
            )?,
        },
    })
}

/// The workflow schedule: declared members over the live ones (or WeData's documented
/// defaults for a create; the request requires every one of them).
fn workflow_schedule(
    declared: &WorkflowSchedule,
    live: Option<&WorkflowDetail>,
) -> WorkflowSchedulerConfigurationInfo {
    let live = live
        .and_then(|detail| detail.workflow_scheduler_configuration.clone())
        .unwrap_or_default();
    let text = |span: &Option<Spanned<String>>| declared_text(span).cloned();
    // WeData's default start is "today" in the project's zone; UTC+8 unless declared.
    let today = jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::fixed(jiff::tz::offset(8)))
        .strftime("%Y-%m-%d 00:00:00")
        .to_string();
    WorkflowSchedulerConfigurationInfo {
        schedule_time_zone: text(&declared.time_zone)
            .or(live.schedule_time_zone)
            .unwrap_or_else(|| "UTC+8".to_owned()),
        cycle_type: declared
            .cycle_type
            .clone()
            .or(live.cycle_type)
            .unwrap_or_else(|| DEFAULT_CYCLE_TYPE.to_owned()),
        self_depend: declared
            .self_depend
            .clone()
            .or(live.self_depend)
            .unwrap_or_else(|| "serial".to_owned()),
        start_time: text(&declared.start_time)
            .or(live.start_time)
            .unwrap_or(today),
        end_time: text(&declared.end_time)
            .or(live.end_time)
            .unwrap_or_else(|| "2099-12-31 23:59:59".to_owned()),
        crontab_expression: text(&declared.crontab)
            .or(live.crontab_expression)
            .unwrap_or_else(|| "0 0 0 * * ? *".to_owned()),
        dependency_workflow: declared
            .dependency_workflow
            .map(|depends| if depends { "yes" } else { "no" }.to_owned())
            .or(live.dependency_workflow),
        execution_start_time: text(&declared.execution_start_time).or(live.execution_start_time),
        execution_end_time: text(&declared.execution_end_time).or(live.execution_end_time),
        calendar_open: declared
            .calendar_open
            .map(|open| if open { "1" } else { "0" }.to_owned())
            .or(live.calendar_open),
        calendar_id: declared.calendar_id.clone().or(live.calendar_id),
        // Options of the write itself, never stored: only what the manifest says.
        clear_link: declared.clear_link,
        modify_cycle_value: declared
            .modify_cycle_value
            .map(|modify| if modify { "1" } else { "0" }.to_owned()),
        main_cyclic_config: declared.main_cyclic_config.clone(),
        subordinate_cyclic_config: declared.subordinate_cyclic_config.clone(),
    }
}

fn workflow_parameters(manifest: &PeriodicWorkflowManifest) -> Option<Vec<ParamInfo>> {
    manifest.parameters.as_ref().map(param_infos)
}

pub fn create_workflow(
    project_id: &str,
    name: &str,
    manifest: &PeriodicWorkflowManifest,
) -> CreateWorkflowRequest {
    CreateWorkflowRequest {
        project_id: project_id.to_owned(),
        workflow_name: name.to_owned(),
        parent_folder_path: manifest.folder.clone().unwrap_or_else(|| "/".to_owned()),
        workflow_type: Some(
            manifest
                .workflow_type
                .clone()
                .unwrap_or_else(|| "cycle".to_owned()),
        ),
        workflow_desc: manifest.description.clone(),
        owner_uin: manifest.owner_uin.clone(),
        workflow_params: workflow_parameters(manifest),
        workflow_scheduler_configuration: manifest
            .scheduler
            .as_ref()
            .map(|schedule| workflow_schedule(schedule, None)),
        bundle_id: manifest.bundle_id.clone(),
        bundle_info: manifest.bundle_info.clone(),
    }
}

pub fn update_workflow(
    project_id: &str,
    workflow_id: &str,
    name: &str,
    manifest: &PeriodicWorkflowManifest,
    live: Option<&WorkflowDetail>,
) -> UpdateWorkflowRequest {
    UpdateWorkflowRequest {
        project_id: project_id.to_owned(),
        workflow_id: workflow_id.to_owned(),
        workflow_name: Some(name.to_owned()),
        owner_uin: manifest.owner_uin.clone(),
        workflow_desc: manifest.description.clone(),
        workflow_params: workflow_parameters(manifest),
        workflow_scheduler_configuration: manifest
            .scheduler
            .as_ref()
            .map(|schedule| workflow_schedule(schedule, live)),
        bundle_id: manifest.bundle_id.clone(),
        bundle_info: manifest.bundle_info.clone(),
    }
}
