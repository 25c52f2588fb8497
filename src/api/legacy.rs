//! Request and response types of the WeData API 2021-08-20, generated from `api-definition/api-2021-08-20-subset.json`
//! by `scripts/generate_api_types.py`: do not edit by hand.
//!
//! Member names, types and required flags are exactly the official definition's: 64-bit ids are
//! strings, optional members are `Option`, and `TaskTypeId` is a string in `CreateTriggerTask`
//! but an integer in `GetTriggerTask` because the definition says so. Each request type
//! implements [`Action`], naming its response type.

#![allow(clippy::doc_markdown, clippy::large_enum_variant)]

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Action;

/// 告警信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AlarmDsVO {
    /// 告警策略id
    #[serde(rename = "AlarmId", default, skip_serializing_if = "Option::is_none")]
    pub alarm_id: Option<String>,
    /// 任务id
    #[serde(rename = "TaskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// 告警是否生效
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<i64>,
    /// 告警类别，目前支持失败告警，超时告警
    #[serde(rename = "AlarmType", default, skip_serializing_if = "Option::is_none")]
    pub alarm_type: Option<String>,
    /// 告警方式 ，目前支持email提醒，短信提醒
    #[serde(rename = "AlarmWay", default, skip_serializing_if = "Option::is_none")]
    pub alarm_way: Option<String>,
    /// 告警创建人
    #[serde(rename = "Creator", default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// 告警接收人
    #[serde(
        rename = "AlarmRecipient",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alarm_recipient: Option<String>,
    /// 告警接收人ID
    #[serde(
        rename = "AlarmRecipientId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub alarm_recipient_id: Option<String>,
    /// 告警修改时间
    #[serde(
        rename = "ModifyTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modify_time: Option<String>,
    /// 最近失败告警实例数据时间
    #[serde(
        rename = "LastFailTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_fail_time: Option<String>,
    /// 最近超时告警实例数据时间
    #[serde(
        rename = "LastOverTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_over_time: Option<String>,
    /// 最新告警时间
    #[serde(
        rename = "LastAlarmTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_alarm_time: Option<String>,
    /// AlarmExt信息
    #[serde(rename = "AlarmExt", default, skip_serializing_if = "Option::is_none")]
    pub alarm_ext: Option<Vec<AlarmExtDsVO>>,
    /// 告警创建时间
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
}

/// AlarmExtVO信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AlarmExtDsVO {
    /// 告警策略ID
    #[serde(rename = "AlarmId", default, skip_serializing_if = "Option::is_none")]
    pub alarm_id: Option<String>,
    /// 扩展字段key
    #[serde(rename = "PropName", default, skip_serializing_if = "Option::is_none")]
    pub prop_name: Option<String>,
    /// 扩展字段value
    #[serde(rename = "PropValue", default, skip_serializing_if = "Option::is_none")]
    pub prop_value: Option<String>,
    /// 告警创建时间
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// 修改时间
    #[serde(
        rename = "ModifyTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modify_time: Option<String>,
}

/// AttributeItemVO参数
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AttributeItemDsVO {
    /// Key值
    #[serde(rename = "Key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Value值
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// 描述
    #[serde(
        rename = "Description",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub description: Option<String>,
}

/// CandidateDsDTo
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CandidateDsDTo {
    /// 取值
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// 取值描述
    #[serde(rename = "ValueDesc", default, skip_serializing_if = "Option::is_none")]
    pub value_desc: Option<String>,
}

/// Id包装对象
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CommonId {
    /// Id值
    #[serde(rename = "Id")]
    pub id: String,
}

/// CreateTask请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTaskRequest {
    /// 项目Id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 工作流id
    #[serde(rename = "WorkflowId")]
    pub workflow_id: String,
    /// 任务名
    #[serde(rename = "TaskName")]
    pub task_name: String,
    /// 26离线同步，30Python，31PySpark，32DLC，33Impala，34Hive SQL，35Shell，36Spark SQL，39Spark，40TCHouse-P，92MapReduce
    #[serde(rename = "TaskType")]
    pub task_type: i64,
    /// 扩展属性
    #[serde(rename = "TaskExt", default, skip_serializing_if = "Option::is_none")]
    pub task_ext: Option<Vec<TaskExtInfo>>,
}

/// CreateTask返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTaskResponse {
    /// 返回任务Id
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CommonId>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 依赖配置
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DependencyConfig {
    /// 周期运行依赖配置： HOUR,DAY,WEEK,MONTH,YEAR,CRONTAB,MINUTE,RANGE_DAY,RANGE_HOUR,RANGE_MINUTE,LIST_DAY,LIST_HOUR,LIST_MINUTE;
    #[serde(rename = "DependConfType")]
    pub depend_conf_type: String,
    /// 依赖配置从属周期类型，CURRENT_HOUR，PREVIOUS_HOUR，CURRENT_DAY，PREVIOUS_DAY，PREVIOUS_WEEK，PREVIOUS_FRIDAY，PREVIOUS_WEEKEND，CURRENT_MONTH，PREVIOUS_MONTH，PREVIOUS_END_OF_MONTH，PREVIOUS_BEGIN_OF_MONTH，ALL_MONTH_OF_YEAR，ALL_DAY_OF_YEAR，CURRENT_YEAR，CURRENT，CURRENT_MINUTE，PREVIOUS_MINUTE_CYCLE，PREVIOUS_HOUR_CYCLE
    #[serde(rename = "SubordinateCyclicType")]
    pub subordinate_cyclic_type: String,
    /// WAITING，等待（默认策略）EXECUTING:执行
    #[serde(rename = "DependencyStrategy")]
    pub dependency_strategy: String,
    /// 父任务信息
    #[serde(
        rename = "ParentTask",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_task: Option<TaskInnerInfo>,
    /// 子任务信息
    #[serde(rename = "SonTask", default, skip_serializing_if = "Option::is_none")]
    pub son_task: Option<TaskInnerInfo>,
    /// 偏移量
    #[serde(rename = "Offset", default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<String>,
}

/// 依赖配置
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DependencyConfigDsDTO {
    /// ParentTask任务
    #[serde(
        rename = "ParentTask",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_task: Option<TaskDsDTO>,
    /// SonTask任务
    #[serde(rename = "SonTask", default, skip_serializing_if = "Option::is_none")]
    pub son_task: Option<TaskDsDTO>,
    /// the dependency config
    #[serde(rename = "MainCyclicConfig")]
    pub main_cyclic_config: String,
    /// SubordinateCyclicConfig配置
    #[serde(rename = "SubordinateCyclicConfig")]
    pub subordinate_cyclic_config: String,
    /// DependencyStrategy策略
    #[serde(rename = "DependencyStrategy")]
    pub dependency_strategy: DependencyStrategyDs,
    /// 偏移量
    #[serde(rename = "Offset", default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<String>,
}

/// 超时弱依赖配置
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DependencyConfigTimeoutDTO {
    /// 超时类型
    #[serde(
        rename = "TimeoutType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout_type: Option<String>,
    /// 超时时间
    #[serde(
        rename = "TimeoutValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout_value: Option<i64>,
    /// 固定时间点
    #[serde(
        rename = "TimeoutPoint",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub timeout_point: Option<String>,
}

/// 依赖配置策略
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DependencyStrategyDs {
    /// 等待上游任务实例策略：EXECUTING（执行）；WAITING（等待）
    #[serde(
        rename = "PollingNullStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub polling_null_strategy: Option<String>,
    /// 仅当PollingNullStrategy为EXECUTING时才需要填本字段，List类型：NOT_EXIST（默认，在分钟依赖分钟/小时依赖小时的情况下，父实例不在下游实例调度时间范围内）；PARENT_EXPIRED（父实例失败）；PARENT_TIMEOUT（父实例超时）。以上场景满足任一条件即可通过该父任务实例依赖判断，除以上场景外均需等待父实例。
    #[serde(
        rename = "TaskDependencyExecutingStrategies",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_dependency_executing_strategies: Option<Vec<String>>,
    /// 仅当TaskDependencyExecutingStrategies中包含PARENT_TIMEOUT时才需要填本字段，下游任务依赖父实例执行超时时间，单位：分钟。
    #[serde(
        rename = "TaskDependencyExecutingTimeoutValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_dependency_executing_timeout_value: Option<i64>,
    /// 超时依赖策略
    #[serde(
        rename = "DependencyConfigTimeoutTypeList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_config_timeout_type_list: Option<Vec<DependencyConfigTimeoutDTO>>,
}

/// DescribeTaskByCycle请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DescribeTaskByCycleRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 1
    #[serde(rename = "InCharge", default, skip_serializing_if = "Option::is_none")]
    pub in_charge: Option<String>,
    /// 工作流ID
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// 项目ID列表筛选
    #[serde(
        rename = "ProjectIds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub project_ids: Option<Vec<String>>,
    /// 资源组ID列表筛选
    #[serde(
        rename = "ResourceGroupIds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_group_ids: Option<Vec<String>>,
    /// 任务类型ID筛选
    #[serde(
        rename = "TaskTypeIdList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_id_list: Option<Vec<String>>,
}

/// DescribeTaskByCycle返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DescribeTaskByCycleResponse {
    /// 周期任务统计值
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Vec<TaskByCycle>>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// DescribeTaskDetailDs请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DescribeTaskDetailDsRequest {
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 项目ID （必填属性）
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// 已废弃，无需填写
    #[serde(
        rename = "TaskAlarmStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_alarm_status: Option<i64>,
}

/// DescribeTaskDetailDs返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DescribeTaskDetailDsResponse {
    /// 任务详情1
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TaskDsDTO>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// ModifyTaskInfo请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ModifyTaskInfoRequest {
    /// 项目Id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 执行时间，单位分钟，天/周/月/年调度才有。比如天调度，每天的02:00点执行一次，delayTime就是120分钟
    #[serde(rename = "DelayTime", default, skip_serializing_if = "Option::is_none")]
    pub delay_time: Option<i64>,
    /// 启动时间
    #[serde(
        rename = "StartupTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub startup_time: Option<i64>,
    /// 自依赖类型  1:有序串行 一次一个 排队, 2: 无序串行 一次一个 不排队， 3:并行 一次多个
    #[serde(
        rename = "SelfDepend",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub self_depend: Option<i64>,
    /// 生效开始时间，格式 yyyy-MM-dd HH:mm:ss
    #[serde(rename = "StartTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// 生效结束时间，格式 yyyy-MM-dd HH:mm:ss
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// 调度配置-弹性周期配置，小时/周/月/年调度才有，小时任务指定每天的0点3点4点跑，则为'0,3,4'。
    #[serde(
        rename = "TaskAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_action: Option<String>,
    /// "周期类型  0:crontab类型, 1:分钟，2:小时，3:天，4:周，5:月，6:一次性，7:用户驱动，10:弹性周期 周,11:弹性周期 月,12:年,13:即时触发Instant类型，与正常周期调度任务逻辑隔离
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<i64>,
    /// 步长，间隔时间，最小1
    #[serde(rename = "CycleStep", default, skip_serializing_if = "Option::is_none")]
    pub cycle_step: Option<i64>,
    /// cron表达式  周期类型为crontab调度才需要
    #[serde(
        rename = "CrontabExpression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub crontab_expression: Option<String>,
    /// 执行时间左闭区间，格式：HH:mm  小时调度才有，例如小时任务, 每日固定区间生效
    #[serde(
        rename = "ExecutionStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_start_time: Option<String>,
    /// 执行时间右闭区间，格式：HH:mm  小时调度才有，例如小时任务, 每日固定区间生效
    #[serde(
        rename = "ExecutionEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_end_time: Option<String>,
    /// 新的任务名
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// 失败重试间隔,单位分钟，创建任务的时候已经给了默认值
    #[serde(rename = "RetryWait", default, skip_serializing_if = "Option::is_none")]
    pub retry_wait: Option<i64>,
    /// 失败重试次数，创建任务的时候已经给了默认值
    #[serde(rename = "TryLimit", default, skip_serializing_if = "Option::is_none")]
    pub try_limit: Option<i64>,
    /// 是否可重试，1代表可以重试
    #[serde(rename = "Retriable", default, skip_serializing_if = "Option::is_none")]
    pub retriable: Option<i64>,
    /// 运行优先级，4高 5中 6低
    #[serde(
        rename = "RunPriority",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub run_priority: Option<i64>,
    /// 任务的扩展配置
    #[serde(rename = "TaskExt", default, skip_serializing_if = "Option::is_none")]
    pub task_ext: Option<Vec<TaskExtInfo>>,
    /// 执行资源组id，需要去资源管理服务上创建调度资源组，并且绑定cvm机器
    #[serde(
        rename = "ResourceGroup",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_group: Option<String>,
    /// 资源池队列名称
    #[serde(rename = "YarnQueue", default, skip_serializing_if = "Option::is_none")]
    pub yarn_queue: Option<String>,
    /// 资源组下具体执行机，any 表示可以跑在任意一台。
    #[serde(rename = "BrokerIp", default, skip_serializing_if = "Option::is_none")]
    pub broker_ip: Option<String>,
    /// 责任人
    #[serde(rename = "InCharge", default, skip_serializing_if = "Option::is_none")]
    pub in_charge: Option<String>,
    /// 任务备注
    #[serde(rename = "Notes", default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// 任务参数
    #[serde(
        rename = "TaskParamInfos",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_param_infos: Option<Vec<ParamInfo>>,
    /// 源数据源
    #[serde(
        rename = "SourceServer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_server: Option<String>,
    /// 目标数据源
    #[serde(
        rename = "TargetServer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_server: Option<String>,
    /// 是否支持工作流依赖 yes / no 默认 no
    #[serde(
        rename = "DependencyWorkflow",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_workflow: Option<String>,
    /// 依赖配置
    #[serde(
        rename = "DependencyConfigDTOs",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_config_dt_os: Option<Vec<DependencyConfig>>,
    /// 执行耗时
    #[serde(
        rename = "ExecutionTTL",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_ttl: Option<i64>,
    /// 脚本是否改变
    #[serde(
        rename = "ScriptChange",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub script_change: Option<bool>,
    /// 责任人id
    #[serde(
        rename = "InChargeIds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub in_charge_ids: Option<Vec<String>>,
}

/// ModifyTaskInfo返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ModifyTaskInfoResponse {
    /// 执行结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<bool>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 参数参数
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParamInfo {
    /// 参数名
    #[serde(rename = "ParamKey")]
    pub param_key: String,
    /// 参数值
    #[serde(rename = "ParamValue")]
    pub param_value: String,
}

/// 参数参数
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParamInfoDs {
    /// 参数名
    #[serde(rename = "ParamKey")]
    pub param_key: String,
    /// 参数值
    #[serde(rename = "ParamValue")]
    pub param_value: String,
}

/// 任务参数Dto
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParameterTaskDsDto {
    /// 任务id
    #[serde(rename = "TaskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// 参数名
    #[serde(rename = "ParamKey", default, skip_serializing_if = "Option::is_none")]
    pub param_key: Option<String>,
    /// 参数定义
    #[serde(
        rename = "ParamDefine",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_define: Option<String>,
    /// 参数值
    #[serde(
        rename = "ParamValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_value: Option<String>,
    /// 创建时间
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// 更新时间
    #[serde(
        rename = "UpdateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_time: Option<String>,
    /// 任务参数输入类型, 取值示例
    #[serde(rename = "InputType", default, skip_serializing_if = "Option::is_none")]
    pub input_type: Option<String>,
}

/// 查询任务输入参数Dto
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParameterTaskInDsDto {
    /// 唯一标识
    #[serde(rename = "Id")]
    pub id: i64,
    /// 任务id
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 参数名
    #[serde(rename = "ParamKey")]
    pub param_key: String,
    /// 参数描述
    #[serde(rename = "ParamDesc")]
    pub param_desc: String,
    /// 父任务id
    #[serde(rename = "FromTaskId")]
    pub from_task_id: String,
    /// 父任务参数key
    #[serde(rename = "FromParamKey")]
    pub from_param_key: String,
    /// 创建时间
    #[serde(rename = "CreateTime")]
    pub create_time: String,
    /// 升级时间
    #[serde(rename = "UpdateTime")]
    pub update_time: String,
    /// 父任务名
    #[serde(rename = "FromTaskName")]
    pub from_task_name: String,
    /// 父任务项目id
    #[serde(rename = "FromProjectId")]
    pub from_project_id: String,
    /// 父任务项目名
    #[serde(rename = "FromProjectName")]
    pub from_project_name: String,
}

/// 任务参数输出dto
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParameterTaskOutDsDto {
    /// <p>唯一标识</p>
    #[serde(rename = "Id")]
    pub id: i64,
    /// <p>任务id</p>
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// <p>参数名</p>
    #[serde(rename = "ParamKey")]
    pub param_key: String,
    /// <p>参数描述</p>
    #[serde(rename = "ParamDesc")]
    pub param_desc: String,
    /// <p>参数定义</p>
    #[serde(rename = "ParamDefine")]
    pub param_define: String,
    /// <p>创建时间</p>
    #[serde(rename = "CreateTime")]
    pub create_time: String,
    /// <p>更新时间</p>
    #[serde(rename = "UpdateTime")]
    pub update_time: String,
    /// <p>任务名</p>
    #[serde(rename = "TaskName")]
    pub task_name: String,
    /// <p>项目id</p>
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// <p>项目名</p>
    #[serde(rename = "ProjectName")]
    pub project_name: String,
}

/// SubmitTask请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SubmitTaskRequest {
    /// 项目Id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 版本备注
    #[serde(rename = "VersionRemark")]
    pub version_remark: String,
    /// 是否启动调度
    #[serde(rename = "StartScheduling")]
    pub start_scheduling: bool,
}

/// SubmitTask返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SubmitTaskResponse {
    /// 成功或者失败
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<bool>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 周期单位统计
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskByCycle {
    /// num
    #[serde(rename = "Number", default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u64>,
    /// 周期单位
    #[serde(rename = "CycleUnit", default, skip_serializing_if = "Option::is_none")]
    pub cycle_unit: Option<String>,
    /// 项目ID
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
}

/// 循环依赖响应体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskCycleLinkDTO {
    /// 依赖关系唯一标识
    #[serde(rename = "Id")]
    pub id: String,
    /// 上游任务ID
    #[serde(rename = "TaskFrom")]
    pub task_from: String,
    /// 上游任务项目ID
    #[serde(rename = "TaskFromProjectId")]
    pub task_from_project_id: String,
    /// 上游任务工作流ID
    #[serde(rename = "TaskFromWorkflowId")]
    pub task_from_workflow_id: String,
    /// 下游任务ID
    #[serde(rename = "TaskTo")]
    pub task_to: String,
    /// 下游任务项目ID
    #[serde(rename = "TaskToProjectId")]
    pub task_to_project_id: String,
    /// 下游任务工作流ID
    #[serde(rename = "TaskToWorkflowId")]
    pub task_to_workflow_id: String,
    /// 下游任务基本信息
    #[serde(rename = "TaskToInfo")]
    pub task_to_info: TaskDsDTO,
    /// 依赖类型
    #[serde(rename = "MainCyclicConfig")]
    pub main_cyclic_config: String,
    /// 依赖偏移类型
    #[serde(rename = "SubordinateCyclicConfig")]
    pub subordinate_cyclic_config: String,
    /// 依赖策略
    #[serde(rename = "DependencyStrategy")]
    pub dependency_strategy: String,
    /// 自定义依赖偏移量
    #[serde(rename = "Offset")]
    pub offset: String,
    /// 更新人用户ID
    #[serde(rename = "UpdateUserId")]
    pub update_user_id: String,
    /// 创建人用户ID
    #[serde(rename = "CreateUserId")]
    pub create_user_id: String,
    /// 租户ID
    #[serde(rename = "AppId")]
    pub app_id: String,
    /// 主账号ID
    #[serde(rename = "OwnerUserId")]
    pub owner_user_id: String,
    /// 创建时间
    #[serde(rename = "CreateTime")]
    pub create_time: String,
    /// 更新时间
    #[serde(rename = "UpdateTime")]
    pub update_time: String,
}

/// 任务数据库登记项
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskDataRegistryDTO {
    /// 任务id
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 任务名称
    #[serde(rename = "TaskName")]
    pub task_name: String,
    /// 项目id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 数据源id
    #[serde(rename = "DatasourceId")]
    pub datasource_id: String,
    /// 数据库名称
    #[serde(rename = "DatabaseName")]
    pub database_name: String,
    /// 表名称
    #[serde(rename = "TableName")]
    pub table_name: String,
    /// 库唯一标识
    #[serde(rename = "DbGuid")]
    pub db_guid: String,
    /// 表唯一标识
    #[serde(rename = "TableGuid")]
    pub table_guid: String,
    /// 分区名称
    #[serde(rename = "PartitionName")]
    pub partition_name: String,
    /// 登记项id
    #[serde(rename = "Id")]
    pub id: i64,
    /// 租户id
    #[serde(rename = "AppId")]
    pub app_id: String,
    /// 输入输出表类型
    #[serde(rename = "DataFlowType")]
    pub data_flow_type: String,
    /// 创建时间
    #[serde(rename = "CreateTime")]
    pub create_time: String,
    /// 用户id
    #[serde(rename = "UserUin")]
    pub user_uin: String,
    /// 主账号id
    #[serde(rename = "OwnerUin")]
    pub owner_uin: String,
    /// 扩展信息
    #[serde(rename = "Ext")]
    pub ext: String,
    /// 表物理唯一id
    #[serde(rename = "TablePhysicalId")]
    pub table_physical_id: String,
    /// Catalog名称
    #[serde(
        rename = "CatalogName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub catalog_name: Option<String>,
    /// 数据源名称
    #[serde(
        rename = "DatasourceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub datasource_name: Option<String>,
    /// Catalog(如有).数据库(如有).表名名称
    #[serde(
        rename = "QualifiedName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub qualified_name: Option<String>,
}

/// 任务信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskDsDTO {
    /// <p>任务ID</p>
    #[serde(rename = "TaskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// <p>虚拟任务标记</p>
    #[serde(
        rename = "VirtualTaskId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub virtual_task_id: Option<String>,
    /// <p>虚拟任务标记</p>
    #[serde(
        rename = "VirtualFlag",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub virtual_flag: Option<bool>,
    /// <p>任务名</p>
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// <p>工作流id</p>
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// <p>真实工作流id</p>
    #[serde(
        rename = "RealWorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub real_workflow_id: Option<String>,
    /// <p>工作流名称</p>
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// <p>文件夹id</p>
    #[serde(rename = "FolderId", default, skip_serializing_if = "Option::is_none")]
    pub folder_id: Option<String>,
    /// <p>文件夹名字</p>
    #[serde(
        rename = "FolderName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub folder_name: Option<String>,
    /// <p>创建时间</p>
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// <p>更新时间</p>
    #[serde(
        rename = "LastUpdate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_update: Option<String>,
    /// <p>任务状态，取值范围：</p><ul><li>N 新建</li><li>Y 运行</li><li>F 停止</li><li>O 冻结</li><li>T 停止中</li><li>INVALID 已失效</li></ul>
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// <p>责任人</p>
    #[serde(rename = "InCharge", default, skip_serializing_if = "Option::is_none")]
    pub in_charge: Option<String>,
    /// <p>责任人用户id</p>
    #[serde(
        rename = "InChargeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub in_charge_id: Option<String>,
    /// <p>生效日期</p>
    #[serde(rename = "StartTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// <p>结束日期</p>
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// <p>执行时间左闭区间</p>
    #[serde(
        rename = "ExecutionStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_start_time: Option<String>,
    /// <p>执行时间右闭区间</p>
    #[serde(
        rename = "ExecutionEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_end_time: Option<String>,
    /// <p>项目id</p>
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// <p>项目标识</p>
    #[serde(
        rename = "ProjectIdent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub project_ident: Option<String>,
    /// <p>项目名称</p>
    #[serde(
        rename = "ProjectName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub project_name: Option<String>,
    /// <p>周期类型</p>
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// <p>步长</p>
    #[serde(rename = "CycleStep", default, skip_serializing_if = "Option::is_none")]
    pub cycle_step: Option<i64>,
    /// <p>对于crontab类型调度配置其为用户输入 对于周期类型调度配置其为系统计算</p>
    #[serde(
        rename = "CrontabExpression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub crontab_expression: Option<String>,
    /// <p>延时调度</p>
    #[serde(rename = "DelayTime", default, skip_serializing_if = "Option::is_none")]
    pub delay_time: Option<i64>,
    /// <p>延时执行时间</p>
    #[serde(
        rename = "StartupTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub startup_time: Option<i64>,
    /// <p>重试等待时间,单位分钟</p>
    #[serde(rename = "RetryWait", default, skip_serializing_if = "Option::is_none")]
    pub retry_wait: Option<i64>,
    /// <p>是否可重试</p>
    #[serde(rename = "Retriable", default, skip_serializing_if = "Option::is_none")]
    pub retriable: Option<i64>,
    /// <p>调度扩展信息</p>
    #[serde(
        rename = "TaskAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_action: Option<String>,
    /// <p>运行次数限制</p>
    #[serde(rename = "TryLimit", default, skip_serializing_if = "Option::is_none")]
    pub try_limit: Option<i64>,
    /// <p>运行优先级</p>
    #[serde(
        rename = "RunPriority",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub run_priority: Option<i64>,
    /// <p>任务类型</p>
    #[serde(rename = "TaskType", default, skip_serializing_if = "Option::is_none")]
    pub task_type: Option<TaskTypeDsVO>,
    /// <p>指定的运行节点</p>
    #[serde(rename = "BrokerIp", default, skip_serializing_if = "Option::is_none")]
    pub broker_ip: Option<String>,
    /// <p>集群name</p>
    #[serde(rename = "ClusterId", default, skip_serializing_if = "Option::is_none")]
    pub cluster_id: Option<String>,
    /// <p>最小数据时间</p>
    #[serde(
        rename = "MinDateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub min_date_time: Option<String>,
    /// <p>最大数据时间</p>
    #[serde(
        rename = "MaxDateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_date_time: Option<String>,
    /// <p>运行耗时超时时间</p>
    #[serde(
        rename = "ExecutionTTL",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_ttl: Option<i64>,
    /// <p>是否自身依赖 是1 否2 并行3</p>
    #[serde(
        rename = "SelfDepend",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub self_depend: Option<String>,
    /// <p>LeftCoordinate坐标</p>
    #[serde(
        rename = "LeftCoordinate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub left_coordinate: Option<f64>,
    /// <p>TopCoordinate坐标</p>
    #[serde(
        rename = "TopCoordinate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub top_coordinate: Option<f64>,
    /// <p>TaskExt信息</p>
    #[serde(rename = "TaskExt", default, skip_serializing_if = "Option::is_none")]
    pub task_ext: Option<TaskExtDsVO>,
    /// <p>taskExt 导入导出json使用 private Map  properties;</p>
    #[serde(
        rename = "Properties",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub properties: Option<String>,
    /// <p>任务备注</p>
    #[serde(rename = "Notes", default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// <p>实例生成策略 T+1 表示当前周期生成上一周期数据时间任务实例 默认T+1 T+0 表示当前周期生成当前周期数据时间任务实例 T-1</p><pre><code> * 表示当前周期生成下一周期数据时间任务实例 * * service不做默认策略处理, 下沉到数据初始化默认T+1, service涉及到多个更新task的路径</code></pre>
    #[serde(
        rename = "InstanceInitStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_init_strategy: Option<String>,
    /// <p>资源池队列名称</p>
    #[serde(rename = "YarnQueue", default, skip_serializing_if = "Option::is_none")]
    pub yarn_queue: Option<String>,
    /// <p>任务告警信息</p>
    #[serde(rename = "Alarms", default, skip_serializing_if = "Option::is_none")]
    pub alarms: Option<Vec<AlarmDsVO>>,
    /// <p>alarmDTO 导入导出json使用</p>
    #[serde(rename = "Alarm", default, skip_serializing_if = "Option::is_none")]
    pub alarm: Option<String>,
    /// <p>任务脚本是否发生变化</p>
    #[serde(
        rename = "ScriptChange",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub script_change: Option<bool>,
    /// <p>任务版本是否已提交</p>
    #[serde(rename = "Submit", default, skip_serializing_if = "Option::is_none")]
    pub submit: Option<bool>,
    /// <p>最新调度计划变更时间 仅生产态</p>
    #[serde(
        rename = "LastSchedulerCommitTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_scheduler_commit_time: Option<String>,
    /// <p>仅生产态存储于生产态序列化任务信息, 减少base CPU重复密集计算</p>
    #[serde(
        rename = "NormalizedJobStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub normalized_job_start_time: Option<String>,
    /// <p>启动暂停的任务时，选择不补录中间实例，通过此字段来标识从哪个时间开始生成实例</p>
    #[serde(
        rename = "RecoverFreezeStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recover_freeze_start_time: Option<String>,
    /// <p>源数据源</p>
    #[serde(
        rename = "SourceServer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_server: Option<String>,
    /// <p>目标数据源</p>
    #[serde(
        rename = "TargetServer",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_server: Option<String>,
    /// <p>父子节点树</p>
    #[serde(rename = "Tasks", default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<Vec<TaskDsDTO>>,
    /// <p>创建者</p>
    #[serde(rename = "Creater", default, skip_serializing_if = "Option::is_none")]
    pub creater: Option<String>,
    /// <p>分支，依赖关系，and/or, 默认and</p>
    #[serde(
        rename = "DependencyRel",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_rel: Option<String>,
    /// <p>是否支持工作流依赖 yes / no 默认 no</p>
    #[serde(
        rename = "DependencyWorkflow",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_workflow: Option<String>,
    /// <p>支持事件监听器配置导入导出</p>
    #[serde(
        rename = "EventListenerConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub event_listener_config: Option<String>,
    /// <p>支持事件触发器配置导入导出</p>
    #[serde(
        rename = "EventPublisherConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub event_publisher_config: Option<String>,
    /// <p>依赖配置</p>
    #[serde(
        rename = "DependencyConfigList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_config_list: Option<Vec<DependencyConfigDsDTO>>,
    /// <p>任务状态，取值范围：</p><ul><li>N 新建</li><li>Y 运行</li><li>F 停止</li><li>O 冻结</li><li>T 停止中</li><li>INVALID 已失效</li></ul>
    #[serde(
        rename = "VirtualTaskStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub virtual_task_status: Option<String>,
    /// <p>回收站还原提示语</p>
    #[serde(
        rename = "RecycleTips",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recycle_tips: Option<String>,
    /// <p>回收站所属用户</p>
    #[serde(
        rename = "RecycleUser",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recycle_user: Option<String>,
    /// <p>新增 或 修改</p>
    #[serde(
        rename = "NewOrUpdate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub new_or_update: Option<String>,
    /// <p>任务上游依赖信息 用于发布管理导入导出</p>
    #[serde(rename = "Params", default, skip_serializing_if = "Option::is_none")]
    pub params: Option<Vec<ParameterTaskDsDto>>,
    /// <p>任务上游依赖信息 用于发布管理导入导出</p>
    #[serde(
        rename = "TaskLinkInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_link_info: Option<Vec<TaskLinkDsDTO>>,
    /// <p>导入结果</p>
    #[serde(
        rename = "ImportResult",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_result: Option<bool>,
    /// <p>导入失败原因</p>
    #[serde(
        rename = "ImportErrMsg",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub import_err_msg: Option<String>,
    /// <p>任务内容 全部内容 配置内容 资源内容</p>
    #[serde(
        rename = "ContentType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub content_type: Option<String>,
    /// <p>是否导入提交运行</p>
    #[serde(
        rename = "TaskAutoSubmit",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_auto_submit: Option<bool>,
    /// <p>上层产品 数据质量 / 数据开发 / ...</p>
    #[serde(
        rename = "ProductName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub product_name: Option<String>,
    /// <p>创建者账号</p>
    #[serde(rename = "OwnId", default, skip_serializing_if = "Option::is_none")]
    pub own_id: Option<String>,
    /// <p>子账号</p>
    #[serde(rename = "UserId", default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// <p>租户id</p>
    #[serde(rename = "TenantId", default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// <p>最后修改的人</p>
    #[serde(
        rename = "UpdateUser",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_user: Option<String>,
    /// <p>最后修改时间</p>
    #[serde(
        rename = "UpdateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_time: Option<String>,
    /// <p>最后修改的人的ID</p>
    #[serde(
        rename = "UpdateUserId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_user_id: Option<String>,
    /// <p>调度计划</p>
    #[serde(
        rename = "SchedulerDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduler_desc: Option<String>,
    /// <p>资源组</p>
    #[serde(
        rename = "ResourceGroup",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_group: Option<String>,
    /// <p>版本提交说明</p>
    #[serde(
        rename = "VersionDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_desc: Option<String>,
    /// <p>编排-删除添加的链接</p>
    #[serde(rename = "LinkId", default, skip_serializing_if = "Option::is_none")]
    pub link_id: Option<String>,
    /// <p>脚本引用关系</p>
    #[serde(
        rename = "UserFileId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_file_id: Option<String>,
    /// <p>来源数据源ID</p>
    #[serde(
        rename = "SourceServiceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_id: Option<String>,
    /// <p>来源数据源类型</p>
    #[serde(
        rename = "SourceServiceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_type: Option<String>,
    /// <p>去向数据源ID</p>
    #[serde(
        rename = "TargetServiceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_id: Option<String>,
    /// <p>去向数据源类型</p>
    #[serde(
        rename = "TargetServiceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_type: Option<String>,
    /// <p>输入参数</p>
    #[serde(
        rename = "ParamInList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_in_list: Option<Vec<ParameterTaskInDsDto>>,
    /// <p>输出参数</p>
    #[serde(
        rename = "ParamOutList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_out_list: Option<Vec<ParameterTaskOutDsDto>>,
    /// <p>任务文件夹id</p>
    #[serde(
        rename = "TaskFolderId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_folder_id: Option<String>,
    /// <p>最大尝试次数</p>
    #[serde(
        rename = "MaxRetryAttempts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_retry_attempts: Option<i64>,
    /// <p>资源组名称</p>
    #[serde(
        rename = "ResourceGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_group_name: Option<String>,
    /// <p>数据源</p>
    #[serde(
        rename = "SourceServiceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_name: Option<String>,
    /// <p>任务产出登记</p>
    #[serde(
        rename = "TaskRegisterOutputTable",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_register_output_table: Option<Vec<TaskDataRegistryDTO>>,
    /// <p>循环依赖配置</p>
    #[serde(
        rename = "CycleDependencyConfigList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cycle_dependency_config_list: Option<Vec<TaskCycleLinkDTO>>,
    /// <p>特殊警告信息</p>
    #[serde(rename = "Warning", default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<String>,
    /// <p>0 正常调度 1 空跑调度</p>
    #[serde(
        rename = "ScheduleRunType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_run_type: Option<i64>,
    /// <p>0 并发度达到上限时，本次排队等待 1 并发度达到上限时，本次不执行，直接kill</p>
    #[serde(
        rename = "ConcurrentStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub concurrent_strategy: Option<i64>,
    /// <p>UTC+8;UDC-8</p>
    #[serde(
        rename = "ScheduleTimeZone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_time_zone: Option<String>,
    /// <p>引用的代码模版id</p>
    #[serde(
        rename = "TemplateId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub template_id: Option<String>,
    /// <p>允许重跑类 ALL 无论实例成功或者失败，都允许重跑 FAILURE 只有失败的实例允许重跑，成功的实例不允许重跑 NONE 无论成功或者失败，都不允许重跑</p>
    #[serde(
        rename = "AllowRedoType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_redo_type: Option<String>,
    /// <p>BundleId<br>CI/CD工程生成的bundle唯一标识</p>
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// <p>bundle信息</p>
    #[serde(
        rename = "BundleInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bundle_info: Option<String>,
    /// <p>是否允许下游依赖 0 不允许 1 允许</p>
    #[serde(
        rename = "AllowDownstreamDependency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_downstream_dependency: Option<i64>,
    /// <ul><li>任务依赖运行条件，默认为ALL_SUCCESS，暂时只支持工作流调度项目下配置</li><li>ALL_SUCCESS： 全部成功：所有上游依赖任务都达到终态时，进行依赖判断，如果上游全部都成功，则依赖判断成功，否则如果上游有一个跳过运行，则标记为跳过运行，其余情况标记为上游失败</li><li>ALL_FAILED：全部失败：所有上游依赖任务都达到终态时，进行依赖判断，如果上游状态都是失败或者上游失败，则依赖判断成功，否则就标记为跳过运行</li><li>ALL_DONE：全部完成：所有上游依赖任务都达到终态时，进行依赖判断，直接是依赖判断成功</li><li>ALL_DONE_AT_LEAST_ONE_SUCCESS：上游全部完成至少一个成功: 所有上游依赖任务都达到终态时，进行依赖判断，至少有一个成功，则依赖判断成功，否则就是跳过运行</li><li>ALL_SKIPPED：上游全部都跳过: 所有上游依赖任务都达到终态时，进行依赖判断，所有的上游都是跳过状态才算依赖判断成功，否则当前节点就是跳过运行</li><li>ONE_FAILED：至少一个失败: 上游只要有一个失败了，就进行依赖判断，且依赖判断成功，如果上游全部完成但是没有失败，则跳过运行</li><li>ONE_SUCCESS：至少一个成功：上游只要有一个成功，就进行依赖判断，且依赖判断成功，如果上游全部完成但是没有成功，则跳过运行</li><li>ONE_DONE：至少一个完成：上游只要有一个完成了，就进行依赖判断，且依赖判断成功，否则还是等待上游</li><li>NONE_FAILED：上游全部完成，没有失败: 所有上游依赖任务都达到终态时，进行依赖判断，如果上游都是成功或者跳过运行，则依赖判断成功，否则标记为上游失败</li><li>ALL_DONE_NONE_FAILED_AT_LEAST_ONE_SUCCESS：上游全部完成，没有失败，至少有一个成功: 所有上游依赖任务都达到终态时，进行依赖判断，上游没有一个失败且至少有一个成功的情况下，依赖判断成功，否则就是跳过运行</li><li>NONE_SKIPPED：上游全部完成，没有跳过运行: 所有上游依赖任务都达到终态时，进行依赖判断, 如果上游状态全部都是成功、失败、上游失败状态，则依赖判断成功，否则为跳过运行</li><li>ALL_DONE_AT_LEAST_ONE_FAILED：上游全部完成至少一个失败: 所有上游依赖任务都达到终态时，进行依赖判断，至少有一个失败，则依赖判断成功，否则就是跳过运行</li></ul>
    #[serde(
        rename = "DependencyTriggerPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_trigger_policy: Option<String>,
    /// <p>任务最后更新时间戳</p>
    #[serde(
        rename = "LastUpdateTimestamp",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_update_timestamp: Option<u64>,
}

/// 属性配置
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskExtDsVO {
    /// 任务ID
    #[serde(rename = "TaskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// 任务属性
    #[serde(
        rename = "Properties",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub properties: Option<Vec<ParamInfoDs>>,
    /// 任务试运行扩展业务属性
    #[serde(
        rename = "DryRunExtAttributes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dry_run_ext_attributes: Option<Vec<AttributeItemDsVO>>,
    /// 任务试运行动态传参
    #[serde(
        rename = "DryRunParameter",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dry_run_parameter: Option<Vec<AttributeItemDsVO>>,
}

/// 任务扩展信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskExtInfo {
    /// 键
    #[serde(rename = "Key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// 值
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// 任务属性
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskInnerInfo {
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 任务名
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// 工作流id
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// 周期类型  0:crontab类型, 1:分钟，2:小时，3:天，4:周，5:月，6:一次性，7:用户驱动，10:弹性周期 周,11:弹性周期 月,12:年,13:即时触发Instant类型，与正常周期调度任务逻辑隔离
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<i64>,
    /// 虚拟任务id
    #[serde(
        rename = "VirtualTaskId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub virtual_task_id: Option<String>,
    /// 虚拟任务标记
    #[serde(
        rename = "VirtualFlag",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub virtual_flag: Option<bool>,
    /// 真实任务工作流id
    #[serde(
        rename = "RealWorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub real_workflow_id: Option<String>,
    /// 步长
    #[serde(rename = "CycleStep", default, skip_serializing_if = "Option::is_none")]
    pub cycle_step: Option<i64>,
    /// 调度配置-弹性周期配置，小时/周/月/年调度才有，小时任务指定每天的0点3点4点跑，则为 0,3,4。
    #[serde(
        rename = "TaskAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_action: Option<String>,
    /// 分支，依赖关系，and/or, 默认and
    #[serde(
        rename = "DependencyRel",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_rel: Option<String>,
    /// 是否支持工作流依赖 yes / no 默认 no
    #[serde(
        rename = "DependencyWorkflow",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_workflow: Option<String>,
}

/// Task Link 信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskLinkDsDTO {
    /// TaskTo信息
    #[serde(rename = "TaskTo", default, skip_serializing_if = "Option::is_none")]
    pub task_to: Option<String>,
    /// TaskFrom信息
    #[serde(rename = "TaskFrom", default, skip_serializing_if = "Option::is_none")]
    pub task_from: Option<String>,
    /// LinkType信息
    #[serde(rename = "LinkType", default, skip_serializing_if = "Option::is_none")]
    pub link_type: Option<String>,
    /// key
    #[serde(rename = "LinkKey", default, skip_serializing_if = "Option::is_none")]
    pub link_key: Option<String>,
    /// LinkId信息
    #[serde(rename = "Id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// 责任人
    #[serde(rename = "InCharge", default, skip_serializing_if = "Option::is_none")]
    pub in_charge: Option<String>,
    /// 父子任务之间的依赖关系
    #[serde(
        rename = "LinkDependencyType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub link_dependency_type: Option<String>,
    /// 父子任务之间依赖偏移量
    #[serde(rename = "Offset", default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    /// 工作流id
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// 实体任务id
    #[serde(
        rename = "RealFromTaskId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub real_from_task_id: Option<String>,
    /// 实体任务名
    #[serde(
        rename = "RealFromTaskName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub real_from_task_name: Option<String>,
    /// 实体任务所属工作流
    #[serde(
        rename = "RealFromWorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub real_from_workflow_id: Option<String>,
    /// 实体任务所属工作流名称
    #[serde(
        rename = "RealFromWorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub real_from_workflow_name: Option<String>,
    /// 实体任务所属项目id
    #[serde(
        rename = "RealProjectId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub real_project_id: Option<String>,
    /// 实体任务所属项目标识
    #[serde(
        rename = "RealProjectIdent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub real_project_ident: Option<String>,
    /// 实体任务所属项目名
    #[serde(
        rename = "RealProjectName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub real_project_name: Option<String>,
    /// 曲线类型
    #[serde(rename = "CurveType", default, skip_serializing_if = "Option::is_none")]
    pub curve_type: Option<String>,
}

/// 任务类型
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskTypeDsVO {
    /// 任务类型id
    #[serde(rename = "TypeId", default, skip_serializing_if = "Option::is_none")]
    pub type_id: Option<i64>,
    /// TypeDesc描述
    #[serde(rename = "TypeDesc", default, skip_serializing_if = "Option::is_none")]
    pub type_desc: Option<String>,
    /// 创建时间
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// 服务器类型
    #[serde(
        rename = "SourceServerType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_server_type: Option<String>,
    /// 目标服务器类型
    #[serde(
        rename = "TargetServerType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_server_type: Option<String>,
    /// RunJarName名称
    #[serde(
        rename = "RunJarName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub run_jar_name: Option<String>,
    /// Killable参数
    #[serde(rename = "KillAble", default, skip_serializing_if = "Option::is_none")]
    pub kill_able: Option<i64>,
    /// TypeSort类型
    #[serde(rename = "TypeSort", default, skip_serializing_if = "Option::is_none")]
    pub type_sort: Option<String>,
    /// InCharge参数
    #[serde(rename = "InCharge", default, skip_serializing_if = "Option::is_none")]
    pub in_charge: Option<String>,
    /// 节点对应任务类型运行上限（暂时不考虑）
    #[serde(
        rename = "BrokerParallelism",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub broker_parallelism: Option<i64>,
    /// 每个任务运行上限（暂时不考虑
    #[serde(
        rename = "TaskParallelism",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_parallelism: Option<i64>,
    /// 补录和重跑上限
    #[serde(
        rename = "DoRedoParallelism",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub do_redo_parallelism: Option<i64>,
    /// 0 为不可创建任务; >0 可创建任务
    #[serde(
        rename = "DowngradePriorityTries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub downgrade_priority_tries: Option<i64>,
    /// 重试等待时间
    #[serde(rename = "RetryWait", default, skip_serializing_if = "Option::is_none")]
    pub retry_wait: Option<i64>,
    /// 重试次数（在任务属性配置中设置）
    #[serde(
        rename = "RetryLimit",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub retry_limit: Option<i64>,
    /// DefaultAliveWait参数
    #[serde(
        rename = "DefaultAliveWait",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_alive_wait: Option<i64>,
    /// PollingSeconds秒数
    #[serde(
        rename = "PollingSeconds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub polling_seconds: Option<i64>,
    /// 参数列表xml
    #[serde(rename = "ParamList", default, skip_serializing_if = "Option::is_none")]
    pub param_list: Option<String>,
    /// TaskTypeExts参数
    #[serde(
        rename = "TaskTypeExtension",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_extension: Option<Vec<TaskTypeExtParamDsVO>>,
    /// 对应文件类型
    #[serde(rename = "FileType", default, skip_serializing_if = "Option::is_none")]
    pub file_type: Option<String>,
    /// 是否选择脚本路径
    #[serde(
        rename = "SelectFilePath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub select_file_path: Option<bool>,
    /// classpath是否要排除掉common-lib，默认是0不排除
    #[serde(
        rename = "ExcludeCommonLib",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub exclude_common_lib: Option<bool>,
    /// runner任务完成后需要触发的hook
    #[serde(rename = "PostHooks", default, skip_serializing_if = "Option::is_none")]
    pub post_hooks: Option<String>,
}

/// 属性类型扩展
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskTypeExtDsVO {
    /// 类型ID
    #[serde(rename = "TypeId")]
    pub type_id: i64,
    /// 属性名
    #[serde(rename = "PropName")]
    pub prop_name: String,
    /// 属性标签(ui展示用)
    #[serde(rename = "PropLabel")]
    pub prop_label: String,
    /// 缺省标志
    #[serde(rename = "DefaultFlag")]
    pub default_flag: i64,
    /// 可视标志
    #[serde(rename = "VisibleFlag")]
    pub visible_flag: i64,
    /// 属性描述
    #[serde(rename = "PropDesc")]
    pub prop_desc: String,
    /// 排列id
    #[serde(rename = "RankId")]
    pub rank_id: i64,
    /// 控件类型
    #[serde(rename = "InputType")]
    pub input_type: String,
    /// 值类型(integer，string)
    #[serde(rename = "ValueType")]
    pub value_type: String,
    /// 缺省值
    #[serde(rename = "DefaultValue")]
    pub default_value: String,
    /// 候选值列表(，分隔)
    #[serde(rename = "CandidateValues")]
    pub candidate_values: String,
    /// 是否必填
    #[serde(rename = "IsMandatory")]
    pub is_mandatory: i64,
    /// 最大值
    #[serde(rename = "MaxValue")]
    pub max_value: i64,
    /// 最小值
    #[serde(rename = "MinValue")]
    pub min_value: i64,
    /// 配置等级(1-普通，2-高级，3-管理员)
    #[serde(rename = "ConfLevel")]
    pub conf_level: i64,
    /// 候选文本列表(，分隔)
    #[serde(rename = "CandidateTexts")]
    pub candidate_texts: String,
    /// 复制时是否需要修改
    #[serde(rename = "CopyKey")]
    pub copy_key: i64,
    /// 字段正则表达式校验
    #[serde(rename = "Regex")]
    pub regex: String,
    /// 字段正则表达式校验证提示tip
    #[serde(rename = "Tip")]
    pub tip: String,
    /// 可选值
    #[serde(
        rename = "Candidates",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub candidates: Option<Vec<CandidateDsDTo>>,
}

/// TaskTypeExts参数
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskTypeExtParamDsVO {
    /// TaskTypeExts的Key
    #[serde(
        rename = "TaskTypeExtKey",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_ext_key: Option<String>,
    /// TaskTypeExts的Value
    #[serde(
        rename = "TaskTypeExtValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_ext_value: Option<TaskTypeExtDsVO>,
}

impl Action for CreateTaskRequest {
    const NAME: &'static str = "CreateTask";
    const VERSION: &'static str = "2021-08-20";
    const WRITES: bool = true;
    type Response = CreateTaskResponse;
}

impl Action for ModifyTaskInfoRequest {
    const NAME: &'static str = "ModifyTaskInfo";
    const VERSION: &'static str = "2021-08-20";
    const WRITES: bool = true;
    type Response = ModifyTaskInfoResponse;
}

impl Action for SubmitTaskRequest {
    const NAME: &'static str = "SubmitTask";
    const VERSION: &'static str = "2021-08-20";
    const WRITES: bool = true;
    type Response = SubmitTaskResponse;
}

impl Action for DescribeTaskDetailDsRequest {
    const NAME: &'static str = "DescribeTaskDetailDs";
    const VERSION: &'static str = "2021-08-20";
    const WRITES: bool = false;
    type Response = DescribeTaskDetailDsResponse;
}

impl Action for DescribeTaskByCycleRequest {
    const NAME: &'static str = "DescribeTaskByCycle";
    const VERSION: &'static str = "2021-08-20";
    const WRITES: bool = false;
    type Response = DescribeTaskByCycleResponse;
}

/// The actions above with whether each writes, for tests and the `api` command.
pub const ACTIONS: &[(&str, bool)] = &[
    ("CreateTask", true),
    ("ModifyTaskInfo", true),
    ("SubmitTask", true),
    ("DescribeTaskDetailDs", false),
    ("DescribeTaskByCycle", false),
];
