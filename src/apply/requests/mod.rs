//! API requests from manifests: the one place that maps manifest members to WeData members
//! for writes. Names of other tasks are resolved to ids by the caller's `resolve`. Trigger
//! workflows and tasks are here; periodic ones, which share most members, in `periodic`;
//! ModifyTaskInfo for legacy projects in `legacy`.

pub mod legacy;
pub mod periodic;

use std::collections::BTreeMap;

use crate::api::convert;
use crate::api::types::{
    CreateTriggerTaskBaseAttribute, CreateTriggerTaskRequest, CreateTriggerWorkflowRequest,
    DependencyTriggerTaskBrief, InTaskParameter, OutTaskParameter, ParamInfo, TaskDataRegistry,
    TaskExtParameter, TaskSchedulingParameter, TriggerTask, TriggerTaskConfiguration,
    TriggerTaskSchedulerConfiguration, UpdateTriggerTaskBaseAttribute, UpdateTriggerTaskBrief,
    UpdateTriggerTaskRequest, UpdateTriggerWorkflowRequest, WorkflowGeneralTaskParam,
    WorkflowRunConfig, WorkflowTriggerConfig,
};
use crate::manifest::Task;
use crate::manifest::types::{Reference, SharedScheduler, TriggerWorkflowManifest};
use crate::model::live::encode_code;

/// Resolves a reference to another task into its TaskId, or says why it cannot.
pub type Resolve<'a> = dyn Fn(&Reference) -> Result<String, String> + 'a;

/// A manifest map as the API's `[{ParamKey, ParamValue}]` list.
fn param_infos(map: &BTreeMap<String, String>) -> Vec<ParamInfo> {
    map.iter()
        .map(|(key, value)| ParamInfo {
            param_key: key.clone(),
            param_value: value.clone(),
        })
        .collect()
}

/// The declared configuration laid over `base` (the live one for updates, empty for creates).
fn configuration(task: &Task, mut base: TriggerTaskConfiguration) -> TriggerTaskConfiguration {
    let declared = task.configuration();
    if let Some(code) = &task.code {
        base.code_content = Some(encode_code(code));
    }
    let overlay = |target: &mut Option<String>, value: &Option<String>| {
        if let Some(value) = value {
            *target = Some(value.clone());
        }
    };
    overlay(&mut base.resource_group, &declared.resource_group);
    overlay(&mut base.data_cluster, &declared.data_cluster);
    overlay(&mut base.broker_ip, &declared.broker_ip);
    overlay(&mut base.yarn_queue, &declared.yarn_queue);
    overlay(&mut base.source_service_id, &declared.source_service_id);
    overlay(&mut base.source_service_type, &declared.source_service_type);
    overlay(&mut base.source_service_name, &declared.source_service_name);
    overlay(&mut base.target_service_id, &declared.target_service_id);
    overlay(&mut base.target_service_type, &declared.target_service_type);
    overlay(&mut base.target_service_name, &declared.target_service_name);
    overlay(&mut base.bundle_id, &declared.bundle_id);
    overlay(&mut base.bundle_info, &declared.bundle_info);
    if let Some(ext) = &declared.ext {
        // Keep the keys WeData (or a person) set that the manifest does not manage.
        let mut list: Vec<TaskExtParameter> = base
            .task_ext_configuration_list
            .take()
            .unwrap_or_default()
            .into_iter()
            .filter(|parameter| !ext.contains_key(&parameter.param_key))
            .collect();
        list.extend(ext.iter().map(|(key, value)| TaskExtParameter {
            param_key: key.clone(),
            param_value: value.clone(),
        }));
        base.task_ext_configuration_list = Some(list);
    }
    if let Some(parameters) = &declared.scheduling_parameters {
        base.task_scheduling_parameter_list = Some(
            parameters
                .iter()
                .map(|(key, value)| TaskSchedulingParameter {
                    param_key: key.clone(),
                    param_value: value.clone(),
                })
                .collect(),
        );
    }
    base
}

fn scheduler(
    task: &Task,
    base: TriggerTaskSchedulerConfiguration,
    resolve: &Resolve<'_>,
) -> Result<TriggerTaskSchedulerConfiguration, String> {
    let mut scheduler = shared_scheduler(&task.shared_scheduler(), base, resolve)?;
    if task.declares_upstream() {
        scheduler.upstream_dependency_config_list = Some(
            task.upstream()
                .iter()
                .map(|upstream| {
                    resolve(upstream.reference)
                        .map(|task_id| DependencyTriggerTaskBrief { task_id })
                })
                .collect::<Result<_, _>>()?,
        );
    }
    Ok(scheduler)
}

/// The scheduler members both task kinds share, laid over `base` (upstreams excepted: their
/// shape differs by kind).
fn shared_scheduler(
    declared: &SharedScheduler<'_>,
    mut base: TriggerTaskSchedulerConfiguration,
    resolve: &Resolve<'_>,
) -> Result<TriggerTaskSchedulerConfiguration, String> {
    let overlay = |target: &mut Option<i64>, value: Option<i64>| {
        if value.is_some() {
            *target = value;
        }
    };
    overlay(&mut base.run_priority_type, declared.run_priority);
    overlay(&mut base.retry_wait_minute, declared.retry_wait_minutes);
    overlay(&mut base.max_retry_number, declared.max_retries);
    overlay(
        &mut base.execution_ttl_minute,
        declared.execution_ttl_minutes,
    );
    overlay(
        &mut base.wait_execution_total_ttl_minute,
        declared.wait_execution_total_ttl_minutes,
    );
    overlay(
        &mut base.allow_downstream_dependency,
        declared.allow_downstream_dependency,
    );
    overlay(&mut base.schedule_type, declared.schedule_type);
    if let Some(value) = declared.allow_redo {
        base.allow_redo_type = Some(value.clone());
    }
    if let Some(value) = declared.dependency_trigger_policy {
        base.dependency_trigger_policy = Some(value.clone());
    }
    if let Some(outputs) = declared.params_out {
        base.param_task_out_list = Some(
            outputs
                .iter()
                .map(|(key, value)| OutTaskParameter {
                    param_key: key.clone(),
                    param_value: value.clone(),
                })
                .collect(),
        );
    }
    if let Some(inputs) = declared.params_in {
        base.param_task_in_list = Some(
            inputs
                .iter()
                .map(|input| {
                    Ok(InTaskParameter {
                        param_key: input.key.clone(),
                        param_desc: input.description.clone().unwrap_or_default(),
                        from_task_id: resolve(&input.from_task.value)?,
                        from_param_key: input.from_key.value.clone(),
                        r#type: input.kind.clone(),
                    })
                })
                .collect::<Result<_, String>>()?,
        );
    }
    if let Some(registries) = declared.output_registries {
        base.task_output_registry_list = Some(
            registries
                .iter()
                .map(|registry| TaskDataRegistry {
                    datasource_id: registry.datasource_id.clone(),
                    database_name: registry.database_name.clone(),
                    table_name: registry.table_name.clone(),
                    partition_name: registry.partition_name.clone(),
                    data_flow_type: registry.data_flow_type.clone(),
                    table_physical_id: registry.table_physical_id.clone(),
                    db_guid: registry.db_guid.clone(),
                    table_guid: registry.table_guid.clone(),
                    catalog_name: registry.catalog_name.clone(),
                    datasource_name: registry.datasource_name.clone(),
                    qualified_name: registry.qualified_name.clone(),
                })
                .collect(),
        );
    }
    Ok(base)
}

pub fn create_task(
    project_id: &str,
    workflow_id: &str,
    task: &Task,
    resolve: &Resolve<'_>,
) -> Result<CreateTriggerTaskRequest, String> {
    let base = task.base();
    Ok(CreateTriggerTaskRequest {
        project_id: project_id.to_owned(),
        trigger_task_base_attribute: CreateTriggerTaskBaseAttribute {
            task_name: task.name().to_owned(),
            task_type_id: task.task_type_id.to_string(),
            workflow_id: workflow_id.to_owned(),
            owner_uin: base.owner_uin.clone(),
            task_description: base.description.clone(),
            task_folder_path: base.folder_path.clone(),
        },
        trigger_task_configuration: convert(&configuration(
            task,
            TriggerTaskConfiguration::default(),
        )),
        trigger_task_scheduler_configuration: convert(&scheduler(
            task,
            TriggerTaskSchedulerConfiguration::default(),
            resolve,
        )?),
    })
}

/// An update sends the live task with the declared members laid over it, so members the
/// manifest does not manage keep their values whatever the server does with omitted ones.
pub fn update_task(
    project_id: &str,
    task: &Task,
    live: &TriggerTask,
    resolve: &Resolve<'_>,
) -> Result<UpdateTriggerTaskRequest, String> {
    let base = task.base();
    let live_base = &live.trigger_task_base_attribute;
    let mut live_configuration = live.trigger_task_configuration.clone();
    // Read-only members of the answer are not sent back.
    live_configuration.resource_group_name = None;
    Ok(UpdateTriggerTaskRequest {
        project_id: project_id.to_owned(),
        task_id: live_base.task_id.clone(),
        task: UpdateTriggerTaskBrief {
            trigger_task_base_attribute: UpdateTriggerTaskBaseAttribute {
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
            trigger_task_configuration: configuration(task, live_configuration),
            trigger_task_scheduler_configuration: scheduler(
                task,
                live.trigger_task_scheduler_configuration.clone(),
                resolve,
            )?,
        },
    })
}

fn workflow_members(manifest: &TriggerWorkflowManifest) -> UpdateTriggerWorkflowRequest {
    UpdateTriggerWorkflowRequest {
        workflow_desc: manifest.description.clone(),
        owner_uin: manifest.owner_uin.clone(),
        workflow_params: manifest.parameters.as_ref().map(param_infos),
        trigger_workflow_scheduler_configurations: manifest.triggers.as_ref().map(|triggers| {
            triggers
                .iter()
                .map(|trigger| WorkflowTriggerConfig {
                    trigger_mode: trigger.trigger_mode.clone(),
                    extra_info: trigger.extra_info.clone(),
                    schedule_time_zone: trigger.schedule_time_zone.clone(),
                    start_time: trigger.start_time.clone(),
                    end_time: trigger.end_time.clone(),
                    config_mode: trigger.config_mode.clone(),
                    cycle_type: trigger.cycle_type.clone(),
                    crontab_expression: trigger.crontab_expression.clone(),
                    trigger_id: trigger.trigger_id.clone(),
                    file_arrival_path: trigger.file_arrival_path.clone(),
                    scheduler_status: trigger.scheduler_status.clone(),
                    file_name_pattern: trigger.file_name_pattern.clone(),
                    recursive: trigger.recursive,
                    trigger_minimum_interval_second: trigger.trigger_minimum_interval_second,
                    trigger_wait_time_second: trigger.trigger_wait_time_second,
                })
                .collect()
        }),
        bundle_id: manifest.bundle_id.clone(),
        bundle_info: manifest.bundle_info.clone(),
        general_task_params: manifest.general_task_parameters.as_ref().map(|parameters| {
            parameters
                .iter()
                .map(|parameter| WorkflowGeneralTaskParam {
                    r#type: parameter.kind.clone(),
                    value: parameter.value.clone(),
                })
                .collect()
        }),
        trigger_workflow_run_configuration: manifest.run_configuration.as_ref().map(|run| {
            WorkflowRunConfig {
                max_concurrent_num: run.max_concurrent_num,
                queuing_mode: run.queuing_mode,
            }
        }),
        scheduler_status: manifest.scheduler_status.clone(),
        trigger_mode: manifest.trigger_mode.clone(),
        execute_user_uin: manifest.execute_user_uin.clone(),
        ..Default::default()
    }
}

pub fn create_workflow(
    project_id: &str,
    name: &str,
    manifest: &TriggerWorkflowManifest,
) -> CreateTriggerWorkflowRequest {
    let mut members =
        serde_json::to_value(workflow_members(manifest)).expect("API types serialize");
    members["ProjectId"] = project_id.into();
    members["WorkflowName"] = name.into();
    members["ParentFolderPath"] = manifest
        .folder
        .clone()
        .unwrap_or_else(|| "/".to_owned())
        .into();
    serde_json::from_value(members).expect("the create request has every member the update one has")
}

pub fn update_workflow(
    project_id: &str,
    workflow_id: &str,
    name: &str,
    manifest: &TriggerWorkflowManifest,
) -> UpdateTriggerWorkflowRequest {
    let mut request = workflow_members(manifest);
    request.project_id = project_id.to_owned();
    request.workflow_id = workflow_id.to_owned();
    request.workflow_name = Some(name.to_owned());
    request
}
