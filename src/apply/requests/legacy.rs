//! ModifyTaskInfo (API 2021-08-20) from a `kind: Task` manifest of a legacy project.
//!
//! ModifyTaskInfo changes the members it is given and keeps the rest, so the request carries
//! the declared members only ("manage only what is declared"). The one exception is TaskExt,
//! which replaces the whole list: the live keys the manifest does not manage, WeData's own
//! among them, are sent back with it. `manifest::legacy` already refused every member this
//! request cannot carry.

use super::Resolve;
use super::periodic::manifest_of;
use crate::api::legacy::{
    DependencyConfig, ModifyTaskInfoRequest, ParamInfo, TaskDsDTO, TaskExtInfo, TaskInnerInfo,
};
use crate::manifest::Task;
use crate::manifest::schedule::DEFAULT_CYCLE_TYPE;
use crate::model::desired::resolved_dependency;
use crate::model::legacy::{cycle_type_number, self_depend_number};

/// What ModifyTaskInfo's DependencyStrategy means when a manifest sets none (its document:
/// "WAITING，等待（默认策略）").
const DEFAULT_POLLING_NULL_STRATEGY: &str = "WAITING";

/// The ModifyTaskInfo request that makes the live task `live` match `task`.
pub fn modify_task(
    project_id: &str,
    task: &Task,
    live: &TaskDsDTO,
    resolve: &Resolve<'_>,
) -> Result<ModifyTaskInfoRequest, String> {
    let manifest = manifest_of(task)?;
    let task_id = task
        .id()
        .cloned()
        .ok_or_else(|| format!("{} is not pinned to a TaskId", task.name()))?;
    let base = &manifest.base;
    let configuration = &manifest.configuration;
    let scheduler = &manifest.scheduler;
    let legacy = scheduler
        .legacy
        .as_ref()
        .map(|section| section.value.clone())
        .unwrap_or_default();
    let text =
        |span: &Option<serde_saphyr::Spanned<String>>| span.as_ref().map(|span| span.value.clone());
    let cycle_type = scheduler
        .cycle_type
        .as_deref()
        .map(|name| {
            cycle_type_number(name)
                .ok_or_else(|| format!("the cycle type {name} has no legacy number"))
        })
        .transpose()?;
    let self_depend = scheduler
        .self_depend
        .as_deref()
        .map(|name| {
            self_depend_number(name)
                .ok_or_else(|| format!("self_depend {name} has no legacy number"))
        })
        .transpose()?;
    let task_ext = configuration.ext.as_ref().map(|declared| {
        let mut list: Vec<TaskExtInfo> = live
            .task_ext
            .as_ref()
            .and_then(|ext| ext.properties.as_ref())
            .into_iter()
            .flatten()
            .filter(|property| !declared.contains_key(&property.param_key))
            .map(|property| TaskExtInfo {
                key: Some(property.param_key.clone()),
                value: Some(property.param_value.clone()),
            })
            .collect();
        list.extend(declared.iter().map(|(key, value)| TaskExtInfo {
            key: Some(key.clone()),
            value: Some(value.clone()),
        }));
        list
    });
    // The same rule as the desired state: the declared cycle, else the default one.
    let cycle = scheduler
        .cycle_type
        .clone()
        .unwrap_or_else(|| DEFAULT_CYCLE_TYPE.to_owned());
    let dependencies = scheduler
        .upstream
        .as_ref()
        .map(|upstream| {
            upstream
                .iter()
                .map(|upstream| {
                    let dependency = resolved_dependency(&upstream.value, &cycle);
                    Ok(DependencyConfig {
                        depend_conf_type: dependency.main_cyclic_config.unwrap_or_default(),
                        subordinate_cyclic_type: dependency
                            .subordinate_cyclic_config
                            .unwrap_or_default(),
                        dependency_strategy: dependency
                            .dependency_strategy
                            .and_then(|strategy| strategy.polling_null_strategy)
                            .unwrap_or_else(|| DEFAULT_POLLING_NULL_STRATEGY.to_owned()),
                        parent_task: Some(TaskInnerInfo {
                            task_id: resolve(&dependency.task)?,
                            ..TaskInnerInfo::default()
                        }),
                        son_task: Some(TaskInnerInfo {
                            task_id: task_id.clone(),
                            ..TaskInnerInfo::default()
                        }),
                        offset: dependency.offset,
                    })
                })
                .collect::<Result<Vec<_>, String>>()
        })
        .transpose()?;
    Ok(ModifyTaskInfoRequest {
        project_id: project_id.to_owned(),
        task_id: task_id.clone(),
        task_name: Some(task.name().to_owned()),
        in_charge_ids: base.owner_uin.clone().map(|owner| vec![owner]),
        notes: base.description.clone(),
        resource_group: configuration.resource_group.clone(),
        yarn_queue: configuration.yarn_queue.clone(),
        broker_ip: configuration.broker_ip.clone(),
        source_server: configuration.source_service_id.clone(),
        target_server: configuration.target_service_id.clone(),
        task_ext,
        task_param_infos: configuration
            .scheduling_parameters
            .as_ref()
            .map(|parameters| {
                parameters
                    .iter()
                    .map(|(key, value)| ParamInfo {
                        param_key: key.clone(),
                        param_value: value.clone(),
                    })
                    .collect()
            }),
        cycle_type,
        crontab_expression: text(&scheduler.crontab),
        start_time: text(&scheduler.start_time),
        end_time: text(&scheduler.end_time),
        execution_start_time: text(&scheduler.execution_start_time),
        execution_end_time: text(&scheduler.execution_end_time),
        self_depend,
        retry_wait: scheduler.retry_wait_minutes,
        try_limit: scheduler.max_retries,
        run_priority: scheduler.run_priority,
        execution_ttl: scheduler.execution_ttl_minutes,
        dependency_config_dt_os: dependencies,
        delay_time: legacy.delay_time,
        startup_time: legacy.startup_time,
        task_action: legacy.task_action,
        cycle_step: legacy.cycle_step,
        retriable: legacy.retriable.map(i64::from),
        dependency_workflow: legacy
            .dependency_workflow
            .map(|depends| if depends { "yes" } else { "no" }.to_owned()),
        ..ModifyTaskInfoRequest::default()
    })
}
