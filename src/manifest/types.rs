//! The manifest format: the Rust types behind every YAML document and the project file.
//! The JSON Schemas in `schemas/` are generated from these same types.
//!
//! Names follow the WeData API's members (see docs/manifests.md for the table); key/value
//! lists are maps; code lives in files; other tasks are referenced by name or pinned id.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

/// `wedata.yaml` at the manifest root.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectFile {
    /// The WeData project (workspace) id, 19 digits, as a string.
    pub project_id: String,
    /// Region sent as X-TC-Region, e.g. ap-guangzhou.
    #[serde(default)]
    pub region: Option<String>,
    /// API endpoint; defaults to https://wedata.tencentcloudapi.com.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// `2025-08-06` (default), or `2021-08-20`: the deprecated legacy API, which can only
    /// update existing periodic tasks pinned by `id:` (see README, "Legacy projects").
    #[serde(default)]
    pub api_version: Option<String>,
    /// Values for `${var.NAME}` in manifests; targets may override them.
    #[serde(default)]
    pub variables: BTreeMap<String, String>,
    /// Delete live tasks no manifest declares (in managed workflows only).
    #[serde(default)]
    pub prune: Option<bool>,
    /// Refuse a plan that deletes more than this many tasks (default 5).
    #[serde(default)]
    pub max_deletes: Option<usize>,
    /// Tell the owners of a deleted task's downstream tasks (DeleteTriggerTask / DeleteTask
    /// `OperateInform`) when a prune or a replacement deletes it (default false).
    #[serde(default)]
    pub notify_owners_on_delete: Option<bool>,
    /// The team's rules for manifests and plans, each with a severity (docs/policies.md).
    #[serde(default)]
    pub policies: super::policies::Policies,
    /// Named environments (dev, prod, ...) selected with `--target`.
    #[serde(default)]
    pub targets: BTreeMap<String, Target>,
}

/// Overrides a target applies on top of the project file.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    #[serde(default)]
    pub project_id: Option<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub endpoint: Option<String>,
    /// Prepended to every workflow name, so a personal dev target never touches shared
    /// workflows (e.g. `alice_`).
    #[serde(default)]
    pub name_prefix: Option<String>,
    #[serde(default)]
    pub variables: BTreeMap<String, String>,
    #[serde(default)]
    pub prune: Option<bool>,
    #[serde(default)]
    pub max_deletes: Option<usize>,
    #[serde(default)]
    pub notify_owners_on_delete: Option<bool>,
    /// Rules replacing the project's rules of the same name for this target.
    #[serde(default)]
    pub policies: super::policies::Policies,
}

/// A reference to another resource: by name, or by a pinned id.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Reference {
    Name(String),
    Id {
        /// The WeData id (TaskId or WorkflowId).
        id: String,
    },
}

/// `renamed_from`: one earlier name, or a list of them (oldest first or not: any may match).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum PreviousNames {
    One(String),
    Many(Vec<String>),
}

impl PreviousNames {
    pub fn names(&self) -> Vec<&str> {
        match self {
            Self::One(name) => vec![name.as_str()],
            Self::Many(names) => names.iter().map(String::as_str).collect(),
        }
    }
}

/// `kind: TriggerWorkflow`: a workflow whose tasks run on triggers.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TriggerWorkflowManifest {
    /// Always `TriggerWorkflow`.
    pub kind: String,
    /// WorkflowName: the workflow's identity in the project.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Pin the manifest to an existing WorkflowId.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<String>>,
    /// The name (or names) this workflow had before, like Terraform's `moved`: when WeData
    /// has no workflow with `name` but one with an old name, the plan renames it in place.
    #[serde(default)]
    #[schemars(with = "Option<PreviousNames>")]
    pub renamed_from: Option<Spanned<PreviousNames>>,
    /// ParentFolderPath (default `/`).
    #[serde(default)]
    pub folder: Option<String>,
    /// WorkflowDesc.
    #[serde(default)]
    pub description: Option<String>,
    /// OwnerUin.
    #[serde(default)]
    pub owner_uin: Option<String>,
    /// WorkflowParams.
    #[serde(default)]
    pub parameters: Option<BTreeMap<String, String>>,
    /// GeneralTaskParams.
    #[serde(default)]
    pub general_task_parameters: Option<Vec<GeneralTaskParameter>>,
    /// TriggerWorkflowSchedulerConfigurations.
    #[serde(default)]
    pub triggers: Option<Vec<WorkflowTrigger>>,
    /// TriggerWorkflowRunConfiguration.
    #[serde(default)]
    pub run_configuration: Option<WorkflowRunConfiguration>,
    /// SchedulerStatus.
    #[serde(default)]
    pub scheduler_status: Option<String>,
    /// TriggerMode.
    #[serde(default)]
    pub trigger_mode: Option<String>,
    /// ExecuteUserUin.
    #[serde(default)]
    pub execute_user_uin: Option<String>,
    /// BundleId.
    #[serde(default)]
    pub bundle_id: Option<String>,
    /// BundleInfo.
    #[serde(default)]
    pub bundle_info: Option<String>,
    /// Not a WeData member: after an `apply` that changes this workflow or one of its tasks,
    /// start a run of it (CreateTriggerWorkflowRun), wait for it and fail the apply when it
    /// fails, as `apply --run` does for every changed workflow.
    #[serde(default)]
    pub run_after_apply: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GeneralTaskParameter {
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub value: Option<String>,
}

/// One WorkflowTriggerConfig.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowTrigger {
    #[serde(default)]
    pub trigger_mode: Option<String>,
    #[serde(default)]
    pub extra_info: Option<String>,
    #[serde(default)]
    pub schedule_time_zone: Option<String>,
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub end_time: Option<String>,
    #[serde(default)]
    pub config_mode: Option<String>,
    #[serde(default)]
    pub cycle_type: Option<String>,
    #[serde(default)]
    pub crontab_expression: Option<String>,
    #[serde(default)]
    pub trigger_id: Option<String>,
    #[serde(default)]
    pub file_arrival_path: Option<String>,
    #[serde(default)]
    pub scheduler_status: Option<String>,
    #[serde(default)]
    pub file_name_pattern: Option<String>,
    #[serde(default)]
    pub recursive: Option<i64>,
    #[serde(default)]
    pub trigger_minimum_interval_second: Option<i64>,
    #[serde(default)]
    pub trigger_wait_time_second: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowRunConfiguration {
    #[serde(default)]
    pub max_concurrent_num: Option<u64>,
    #[serde(default)]
    pub queuing_mode: Option<u64>,
}

/// A task document. `kind: TriggerTask` (a task of a trigger workflow) and `kind: Task` (a
/// periodic task) share everything but the scheduler section.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(bound = "Scheduler: JsonSchema + Default")]
pub struct TaskManifest<Scheduler: Default> {
    /// `TriggerTask` or `Task`.
    pub kind: String,
    /// TaskName: the task's identity inside its workflow.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// The workflow: the name of a workflow declared in this repository (a TriggerWorkflow
    /// for `TriggerTask`, a Workflow for `Task`), or `{id: WorkflowId}`.
    #[schemars(with = "Reference")]
    pub workflow: Spanned<Reference>,
    /// Pin the manifest to an existing TaskId.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<String>>,
    /// The name (or names) this task had before in its workflow, like Terraform's `moved`:
    /// when the workflow has no task called `name` but one with an old name, the plan renames
    /// it in place (same TaskId, runs, versions and downstream links).
    #[serde(default)]
    #[schemars(with = "Option<PreviousNames>")]
    pub renamed_from: Option<Spanned<PreviousNames>>,
    /// Never delete or replace this task, even with --prune.
    #[serde(default)]
    pub prevent_destroy: bool,
    pub base: TaskBase,
    #[serde(default)]
    pub configuration: TaskConfiguration,
    #[serde(default)]
    pub scheduler: Scheduler,
}

/// `kind: TriggerTask`: one task of a trigger workflow.
pub type TriggerTaskManifest = TaskManifest<TaskScheduler>;

/// `kind: Task`: one periodic task (CreateTask / UpdateTask).
pub type PeriodicTaskManifest = TaskManifest<PeriodicTaskScheduler>;

/// `kind: Workflow`: a periodic workflow (CreateWorkflow / UpdateWorkflow), home of `Task`s.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodicWorkflowManifest {
    /// Always `Workflow`.
    pub kind: String,
    /// WorkflowName: the workflow's identity in the project.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Pin the manifest to an existing WorkflowId.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub id: Option<Spanned<String>>,
    /// The name (or names) this workflow had before, like Terraform's `moved`: when WeData
    /// has no workflow with `name` but one with an old name, the plan renames it in place.
    #[serde(default)]
    #[schemars(with = "Option<PreviousNames>")]
    pub renamed_from: Option<Spanned<PreviousNames>>,
    /// ParentFolderPath (default `/`).
    #[serde(default)]
    pub folder: Option<String>,
    /// WorkflowDesc.
    #[serde(default)]
    pub description: Option<String>,
    /// OwnerUin.
    #[serde(default)]
    pub owner_uin: Option<String>,
    /// WorkflowParams.
    #[serde(default)]
    pub parameters: Option<BTreeMap<String, String>>,
    /// WorkflowType: `cycle` (default, runs on its schedule) or `manual` (runs only when
    /// started by hand; it has no `scheduler`). Set at creation: WeData cannot change it.
    #[serde(default, deserialize_with = "allowed::workflow_type")]
    pub workflow_type: Option<String>,
    /// WorkflowSchedulerConfiguration: one schedule for the whole workflow.
    #[serde(default)]
    pub scheduler: Option<WorkflowSchedule>,
    /// BundleId.
    #[serde(default)]
    pub bundle_id: Option<String>,
    /// BundleInfo.
    #[serde(default)]
    pub bundle_info: Option<String>,
}

/// WorkflowSchedulerConfigurationInfo. Members left out keep their live values on updates
/// and take WeData's defaults on creates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowSchedule {
    /// CycleType (default DAY_CYCLE).
    #[serde(default, deserialize_with = "allowed::cycle_type")]
    pub cycle_type: Option<String>,
    /// CrontabExpression, Quartz style: `seconds minutes hours day-of-month month
    /// day-of-week [year]`, e.g. `0 30 2 * * ? *`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub crontab: Option<Spanned<String>>,
    /// ScheduleTimeZone, e.g. `UTC+8` (default).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub time_zone: Option<Spanned<String>>,
    /// StartTime, `yyyy-MM-dd HH:mm:ss`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub start_time: Option<Spanned<String>>,
    /// EndTime, `yyyy-MM-dd HH:mm:ss` (default 2099-12-31 23:59:59).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub end_time: Option<Spanned<String>>,
    /// ExecutionStartTime, `HH:mm` (minute cycles).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub execution_start_time: Option<Spanned<String>>,
    /// ExecutionEndTime, `HH:mm` (minute cycles).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub execution_end_time: Option<Spanned<String>>,
    /// SelfDepend: serial (default), parallel or orderly.
    #[serde(default, deserialize_with = "allowed::self_depend")]
    pub self_depend: Option<String>,
    /// DependencyWorkflow: whether the workflow depends on its own previous cycle.
    #[serde(default)]
    pub dependency_workflow: Option<bool>,
    /// CalendarOpen.
    #[serde(default)]
    pub calendar_open: Option<bool>,
    /// CalendarId.
    #[serde(default)]
    pub calendar_id: Option<String>,
    /// ClearLink: when the workflow is scheduled by crontab and has cross-workflow
    /// dependencies, saving the shared schedule cuts the dependencies it cannot keep. Sent
    /// with every write of the schedule; not a setting WeData stores, so never compared.
    #[serde(default)]
    pub clear_link: Option<bool>,
    /// ModifyCycleValue: `true` resets the upstream dependency settings of the workflow's
    /// tasks to `main_cyclic_config` / `subordinate_cyclic_config` when the schedule is
    /// written (false: leave them). Sent with the schedule; never compared.
    #[serde(default)]
    pub modify_cycle_value: Option<bool>,
    /// MainCyclicConfig: the time dimension the upstream dependencies are reset to (only with
    /// `modify_cycle_value: true`), e.g. DAY.
    #[serde(default)]
    pub main_cyclic_config: Option<String>,
    /// SubordinateCyclicConfig: the instance range they are reset to (only with
    /// `modify_cycle_value: true`), e.g. CURRENT_DAY.
    #[serde(default)]
    pub subordinate_cyclic_config: Option<String>,
}

/// TriggerTaskBaseAttribute.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskBase {
    /// TaskTypeId: a name from the API's table (Shell, Python, DLC SQL, ...) or its number.
    #[schemars(with = "TaskTypeName")]
    pub task_type: Spanned<TaskTypeName>,
    /// OwnerUin.
    #[serde(default)]
    pub owner_uin: Option<String>,
    /// TaskDescription.
    #[serde(default)]
    pub description: Option<String>,
    /// TaskFolderPath.
    #[serde(default)]
    pub folder_path: Option<String>,
}

/// A task type by name or number.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum TaskTypeName {
    Number(u64),
    Name(String),
}

/// TriggerTaskConfiguration.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskConfiguration {
    /// The code, in a file relative to this manifest (sent base64-encoded as CodeContent).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub code_file: Option<Spanned<String>>,
    /// ResourceGroup.
    #[serde(default)]
    pub resource_group: Option<String>,
    /// DataCluster.
    #[serde(default)]
    pub data_cluster: Option<String>,
    /// BrokerIp.
    #[serde(default)]
    pub broker_ip: Option<String>,
    /// YarnQueue.
    #[serde(default)]
    pub yarn_queue: Option<String>,
    /// SourceServiceId.
    #[serde(default)]
    pub source_service_id: Option<String>,
    /// SourceServiceType (update only).
    #[serde(default)]
    pub source_service_type: Option<String>,
    /// SourceServiceName (update only).
    #[serde(default)]
    pub source_service_name: Option<String>,
    /// TargetServiceId.
    #[serde(default)]
    pub target_service_id: Option<String>,
    /// TargetServiceType (update only).
    #[serde(default)]
    pub target_service_type: Option<String>,
    /// TargetServiceName (update only).
    #[serde(default)]
    pub target_service_name: Option<String>,
    /// BundleId.
    #[serde(default)]
    pub bundle_id: Option<String>,
    /// BundleInfo.
    #[serde(default)]
    pub bundle_info: Option<String>,
    /// TaskExtConfigurationList as a map. Only the keys listed here are managed.
    #[serde(default)]
    pub ext: Option<BTreeMap<String, String>>,
    /// TaskSchedulingParameterList as a map.
    #[serde(default)]
    pub scheduling_parameters: Option<BTreeMap<String, String>>,
}

/// TriggerTaskSchedulerConfiguration.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskScheduler {
    /// UpstreamDependencyConfigList: task names in the same workflow, or `{id: TaskId}`.
    #[serde(default)]
    #[schemars(with = "Option<Vec<Reference>>")]
    pub upstream: Option<Vec<Spanned<Reference>>>,
    /// RunPriorityType: 4 high, 5 medium, 6 low (default 6).
    #[serde(default, deserialize_with = "allowed::run_priority")]
    pub run_priority: Option<i64>,
    /// RetryWaitMinute (default 5).
    #[serde(default, deserialize_with = "allowed::not_negative")]
    pub retry_wait_minutes: Option<i64>,
    /// MaxRetryNumber (default 4).
    #[serde(default, deserialize_with = "allowed::not_negative")]
    pub max_retries: Option<i64>,
    /// ExecutionTTLMinute (default -1: none).
    #[serde(default)]
    pub execution_ttl_minutes: Option<i64>,
    /// WaitExecutionTotalTTLMinute (default -1: none).
    #[serde(default)]
    pub wait_execution_total_ttl_minutes: Option<i64>,
    /// AllowRedoType: ALL (default), FAILURE or NONE.
    #[serde(default, deserialize_with = "allowed::allow_redo")]
    pub allow_redo: Option<String>,
    /// ParamTaskOutList as a map of output name to value expression.
    #[serde(default)]
    pub params_out: Option<BTreeMap<String, String>>,
    /// ParamTaskInList.
    #[serde(default)]
    pub params_in: Option<Vec<ParameterInput>>,
    /// TaskOutputRegistryList.
    #[serde(default)]
    pub output_registries: Option<Vec<OutputRegistry>>,
    /// DependencyTriggerPolicy (default ALL_SUCCESS).
    #[serde(default, deserialize_with = "allowed::dependency_trigger_policy")]
    pub dependency_trigger_policy: Option<String>,
    /// AllowDownstreamDependency: 1 allowed (default), 0 not.
    #[serde(default, deserialize_with = "allowed::zero_or_one")]
    pub allow_downstream_dependency: Option<i64>,
    /// ScheduleType: 0 normal (default), 1 dry run.
    #[serde(default, deserialize_with = "allowed::zero_or_one")]
    pub schedule_type: Option<i64>,
}

/// TaskSchedulerConfiguration of a periodic task: its cycle, then the members it shares
/// with the trigger task scheduler; and `state`, whether the operations center schedules it.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodicTaskScheduler {
    /// The task's status in the operations center: `scheduled` (Status Y: its instances are
    /// generated and run) or `paused` (Status O). Read with ListOpsTasks; changed after the
    /// task is submitted with StartOpsTasks / PauseOpsTasksAsync. Left out, it is neither read
    /// nor changed.
    #[serde(default, deserialize_with = "allowed::schedule_state")]
    pub state: Option<String>,
    /// CycleType (default DAY_CYCLE).
    #[serde(default, deserialize_with = "allowed::cycle_type")]
    pub cycle_type: Option<String>,
    /// CrontabExpression, Quartz style: `seconds minutes hours day-of-month month
    /// day-of-week [year]`, e.g. `0 30 2 * * ? *` for 02:30 every day.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub crontab: Option<Spanned<String>>,
    /// ScheduleTimeZone, e.g. `UTC+8` (default).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub time_zone: Option<Spanned<String>>,
    /// StartTime, `yyyy-MM-dd HH:mm:ss` (default: the day of the create, 00:00:00).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub start_time: Option<Spanned<String>>,
    /// EndTime, `yyyy-MM-dd HH:mm:ss` (default 2099-12-31 23:59:59).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub end_time: Option<Spanned<String>>,
    /// ExecutionStartTime, `HH:mm` (default 00:00).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub execution_start_time: Option<Spanned<String>>,
    /// ExecutionEndTime, `HH:mm` (default 23:59).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub execution_end_time: Option<Spanned<String>>,
    /// CalendarOpen (default false).
    #[serde(default)]
    pub calendar_open: Option<bool>,
    /// CalendarId.
    #[serde(default)]
    pub calendar_id: Option<String>,
    /// SelfDepend: serial (default), parallel or orderly.
    #[serde(default, deserialize_with = "allowed::self_depend")]
    pub self_depend: Option<String>,
    /// InitStrategy: T_PLUS_0 (default) or T_PLUS_1.
    #[serde(default, deserialize_with = "allowed::init_strategy")]
    pub init_strategy: Option<String>,
    /// UpstreamDependencyConfigList: a task name in the same workflow or `{id: TaskId}`
    /// (a same-cycle dependency), or `{task: ..., main_cyclic_config: ..., ...}`.
    #[serde(default)]
    #[schemars(with = "Option<Vec<PeriodicUpstream>>")]
    pub upstream: Option<Vec<Spanned<PeriodicUpstream>>>,
    /// EventListenerList.
    #[serde(default)]
    pub event_listeners: Option<Vec<EventListener>>,
    /// RunPriorityType: 4 high, 5 medium, 6 low (default 6).
    #[serde(default, deserialize_with = "allowed::run_priority")]
    pub run_priority: Option<i64>,
    /// RetryWaitMinute (default 5).
    #[serde(default, deserialize_with = "allowed::not_negative")]
    pub retry_wait_minutes: Option<i64>,
    /// MaxRetryNumber (default 4).
    #[serde(default, deserialize_with = "allowed::not_negative")]
    pub max_retries: Option<i64>,
    /// ExecutionTTLMinute (default -1: none).
    #[serde(default)]
    pub execution_ttl_minutes: Option<i64>,
    /// WaitExecutionTotalTTLMinute (default -1: none).
    #[serde(default)]
    pub wait_execution_total_ttl_minutes: Option<i64>,
    /// AllowRedoType: ALL (default), FAILURE or NONE.
    #[serde(default, deserialize_with = "allowed::allow_redo")]
    pub allow_redo: Option<String>,
    /// ParamTaskOutList as a map of output name to value expression.
    #[serde(default)]
    pub params_out: Option<BTreeMap<String, String>>,
    /// ParamTaskInList.
    #[serde(default)]
    pub params_in: Option<Vec<ParameterInput>>,
    /// TaskOutputRegistryList.
    #[serde(default)]
    pub output_registries: Option<Vec<OutputRegistry>>,
    /// DependencyTriggerPolicy (default ALL_SUCCESS).
    #[serde(default, deserialize_with = "allowed::dependency_trigger_policy")]
    pub dependency_trigger_policy: Option<String>,
    /// AllowDownstreamDependency: 1 allowed (default), 0 not.
    #[serde(default, deserialize_with = "allowed::zero_or_one")]
    pub allow_downstream_dependency: Option<i64>,
    /// ScheduleType: 0 normal (default), 1 dry run.
    #[serde(default, deserialize_with = "allowed::zero_or_one")]
    pub schedule_type: Option<i64>,
    /// Members only the legacy 2021-08-20 API has (ModifyTaskInfo); allowed only in a project
    /// with `api_version: "2021-08-20"`.
    #[serde(default)]
    #[schemars(with = "Option<LegacySchedule>")]
    pub legacy: Option<Spanned<LegacySchedule>>,
}

/// ModifyTaskInfo's scheduling members that the 2025 API has no counterpart for. Members left
/// out keep their live values.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegacySchedule {
    /// DelayTime: minutes after the start of the day, week, month or year at which the task
    /// runs (120 is 02:00 for a DAY_CYCLE task). Default 0.
    #[serde(default, deserialize_with = "allowed::not_negative")]
    pub delay_time: Option<i64>,
    /// StartupTime: the delayed execution time (default 0).
    #[serde(default, deserialize_with = "allowed::not_negative")]
    pub startup_time: Option<i64>,
    /// TaskAction: the elastic cycle's slots, e.g. `0,3,4` for an hourly task that runs at
    /// 00:00, 03:00 and 04:00 (default empty).
    #[serde(default)]
    pub task_action: Option<String>,
    /// CycleStep: the interval between runs, in units of the cycle (default 1).
    #[serde(default, deserialize_with = "allowed::positive")]
    pub cycle_step: Option<i64>,
    /// Retriable: whether a failed run is retried (default true).
    #[serde(default)]
    pub retriable: Option<bool>,
    /// DependencyWorkflow: whether the task supports workflow dependencies (default false).
    #[serde(default)]
    pub dependency_workflow: Option<bool>,
}

/// The scheduler members trigger and periodic tasks share, borrowed from either section, so
/// code that reads them is written once.
pub struct SharedScheduler<'a> {
    pub run_priority: Option<i64>,
    pub retry_wait_minutes: Option<i64>,
    pub max_retries: Option<i64>,
    pub execution_ttl_minutes: Option<i64>,
    pub wait_execution_total_ttl_minutes: Option<i64>,
    pub allow_redo: Option<&'a String>,
    pub params_out: Option<&'a BTreeMap<String, String>>,
    pub params_in: Option<&'a Vec<ParameterInput>>,
    pub output_registries: Option<&'a Vec<OutputRegistry>>,
    pub dependency_trigger_policy: Option<&'a String>,
    pub allow_downstream_dependency: Option<i64>,
    pub schedule_type: Option<i64>,
}

macro_rules! shared_scheduler {
    ($section:ty) => {
        impl $section {
            pub fn shared(&self) -> SharedScheduler<'_> {
                SharedScheduler {
                    run_priority: self.run_priority,
                    retry_wait_minutes: self.retry_wait_minutes,
                    max_retries: self.max_retries,
                    execution_ttl_minutes: self.execution_ttl_minutes,
                    wait_execution_total_ttl_minutes: self.wait_execution_total_ttl_minutes,
                    allow_redo: self.allow_redo.as_ref(),
                    params_out: self.params_out.as_ref(),
                    params_in: self.params_in.as_ref(),
                    output_registries: self.output_registries.as_ref(),
                    dependency_trigger_policy: self.dependency_trigger_policy.as_ref(),
                    allow_downstream_dependency: self.allow_downstream_dependency,
                    schedule_type: self.schedule_type,
                }
            }
        }
    };
}
shared_scheduler!(TaskScheduler);
shared_scheduler!(PeriodicTaskScheduler);

/// One upstream of a periodic task.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum PeriodicUpstream {
    /// A same-cycle dependency on a task name or `{id: TaskId}`.
    Task(Reference),
    /// A dependency with its cycle settings spelled out.
    Detailed(UpstreamDependency),
}

impl PeriodicUpstream {
    pub fn reference(&self) -> &Reference {
        match self {
            Self::Task(reference) => reference,
            Self::Detailed(dependency) => &dependency.task,
        }
    }
}

/// DependencyTaskBrief.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpstreamDependency {
    /// TaskId: a task name in the same workflow, or `{id: TaskId}`.
    pub task: Reference,
    /// MainCyclicConfig (default: this task's cycle, e.g. DAY for DAY_CYCLE).
    #[serde(default)]
    pub main_cyclic_config: Option<String>,
    /// SubordinateCyclicConfig (default: the current instance, e.g. CURRENT_DAY).
    #[serde(default)]
    pub subordinate_cyclic_config: Option<String>,
    /// Offset, for range and list modes.
    #[serde(default)]
    pub offset: Option<String>,
    /// DependencyStrategy.
    #[serde(default)]
    pub dependency_strategy: Option<DependencyStrategy>,
}

/// DependencyStrategyTask.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DependencyStrategy {
    /// PollingNullStrategy: WAITING or EXECUTING.
    #[serde(default)]
    pub polling_null_strategy: Option<String>,
    /// TaskDependencyExecutingStrategies: NOT_EXIST, PARENT_EXPIRED, PARENT_TIMEOUT.
    #[serde(default)]
    pub executing_strategies: Option<Vec<String>>,
    /// TaskDependencyExecutingTimeoutValue, minutes.
    #[serde(default)]
    pub executing_timeout_minutes: Option<i64>,
}

/// EventListener.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventListener {
    /// EventName.
    pub event_name: String,
    /// EventSubType: SECOND, MIN, HOUR or DAY.
    #[serde(deserialize_with = "allowed::event_sub_type")]
    pub event_sub_type: String,
    /// EventBroadcastType: SINGLE or BROADCAST.
    #[serde(deserialize_with = "allowed::event_broadcast_type")]
    pub event_broadcast_type: String,
    /// PropertiesList as a map.
    #[serde(default)]
    pub properties: Option<BTreeMap<String, String>>,
}

/// One ParamTaskInList entry: this task's input `key` comes from `from_key` of `from_task`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ParameterInput {
    /// ParamKey.
    pub key: String,
    /// FromTaskId: a task name in the same workflow, or `{id: TaskId}`.
    #[schemars(with = "Reference")]
    pub from_task: Spanned<Reference>,
    /// FromParamKey: an entry of the source task's params_out.
    #[schemars(with = "String")]
    pub from_key: Spanned<String>,
    /// ParamDesc.
    #[serde(default)]
    pub description: Option<String>,
    /// Type.
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
}

/// One TaskDataRegistry.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OutputRegistry {
    pub datasource_id: String,
    pub database_name: String,
    pub table_name: String,
    pub partition_name: String,
    pub data_flow_type: String,
    pub table_physical_id: String,
    #[serde(default)]
    pub db_guid: Option<String>,
    #[serde(default)]
    pub table_guid: Option<String>,
    #[serde(default)]
    pub catalog_name: Option<String>,
    #[serde(default)]
    pub datasource_name: Option<String>,
    #[serde(default)]
    pub qualified_name: Option<String>,
}

/// Enumerated members, checked while parsing so an error points at the value itself.
/// The allowed values are the ones the API documents in api.json.
pub mod allowed {
    use serde::de::{Deserialize, Deserializer, Error};

    pub const ALLOW_REDO_TYPES: [&str; 3] = ["ALL", "FAILURE", "NONE"];
    /// From the DependencyTriggerPolicy document in api.json.
    pub const DEPENDENCY_TRIGGER_POLICIES: [&str; 13] = [
        "ALL_SUCCESS",
        "ALL_FAILED",
        "ALL_DONE",
        "ALL_DONE_AT_LEAST_ONE_SUCCESS",
        "ALL_SKIPPED",
        "ONE_FAILED",
        "ONE_SUCCESS",
        "ONE_DONE",
        "NONE_FAILED",
        "ALL_DONE_NONE_FAILED_AT_LEAST_ONE_SUCCESS",
        "NONE_SKIPPED",
        "ALL_DONE_AT_LEAST_ONE_FAILED",
        "ALL_DONE_NONE_SKIPPED",
    ];

    fn one_of<'de, D: Deserializer<'de>>(
        deserializer: D,
        allowed: &[&str],
    ) -> Result<Option<String>, D::Error> {
        let value = Option::<String>::deserialize(deserializer)?;
        match &value {
            Some(text) if !allowed.contains(&text.as_str()) => Err(D::Error::custom(format!(
                "`{text}` is not allowed here; expected one of {}",
                allowed.join(", ")
            ))),
            _ => Ok(value),
        }
    }

    fn number_in<'de, D: Deserializer<'de>>(
        deserializer: D,
        allowed: &[i64],
        described: &str,
    ) -> Result<Option<i64>, D::Error> {
        let value = Option::<i64>::deserialize(deserializer)?;
        match value {
            Some(number) if !allowed.contains(&number) => Err(D::Error::custom(format!(
                "{number} is not allowed here; expected {described}"
            ))),
            _ => Ok(value),
        }
    }

    /// From the CycleType document in api.json.
    pub const CYCLE_TYPES: [&str; 8] = [
        "ONEOFF_CYCLE",
        "YEAR_CYCLE",
        "MONTH_CYCLE",
        "WEEK_CYCLE",
        "DAY_CYCLE",
        "HOUR_CYCLE",
        "MINUTE_CYCLE",
        "CRONTAB_CYCLE",
    ];

    pub fn cycle_type<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        one_of(deserializer, &CYCLE_TYPES)
    }

    pub fn workflow_type<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        one_of(deserializer, &["cycle", "manual"])
    }

    pub fn self_depend<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        one_of(deserializer, &["serial", "parallel", "orderly"])
    }

    /// The values of a periodic task's `scheduler.state`.
    pub const SCHEDULE_STATES: [&str; 2] = ["scheduled", "paused"];

    pub fn schedule_state<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        one_of(deserializer, &SCHEDULE_STATES)
    }

    pub fn init_strategy<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        one_of(deserializer, &["T_PLUS_0", "T_PLUS_1"])
    }

    pub fn event_sub_type<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
        required_one_of(deserializer, &["SECOND", "MIN", "HOUR", "DAY"])
    }

    pub fn event_broadcast_type<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<String, D::Error> {
        required_one_of(deserializer, &["SINGLE", "BROADCAST"])
    }

    fn required_one_of<'de, D: Deserializer<'de>>(
        deserializer: D,
        allowed: &[&str],
    ) -> Result<String, D::Error> {
        let text = String::deserialize(deserializer)?;
        if allowed.contains(&text.as_str()) {
            Ok(text)
        } else {
            Err(D::Error::custom(format!(
                "`{text}` is not allowed here; expected one of {}",
                allowed.join(", ")
            )))
        }
    }

    pub fn allow_redo<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        one_of(deserializer, &ALLOW_REDO_TYPES)
    }

    pub fn dependency_trigger_policy<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<String>, D::Error> {
        one_of(deserializer, &DEPENDENCY_TRIGGER_POLICIES)
    }

    pub fn run_priority<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<i64>, D::Error> {
        number_in(deserializer, &[4, 5, 6], "4 (high), 5 (medium) or 6 (low)")
    }

    pub fn zero_or_one<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<i64>, D::Error> {
        number_in(deserializer, &[0, 1], "0 or 1")
    }

    pub fn positive<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<i64>, D::Error> {
        let value = Option::<i64>::deserialize(deserializer)?;
        match value {
            Some(number) if number < 1 => Err(D::Error::custom(format!(
                "{number} is not allowed here; expected 1 or more"
            ))),
            _ => Ok(value),
        }
    }

    pub fn not_negative<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<i64>, D::Error> {
        let value = Option::<i64>::deserialize(deserializer)?;
        match value {
            Some(number) if number < 0 => Err(D::Error::custom(format!(
                "{number} is not allowed here; expected 0 or more"
            ))),
            _ => Ok(value),
        }
    }
}
