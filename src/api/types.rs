//! Request and response types of the WeData API 2025-08-06, generated from `api-definition/api-2025-08-06.json`
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

/// 单次补录实例详情
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BackfillInstance {
    /// 任务名称
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// 任务Id
    #[serde(rename = "TaskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// 实例数据时间
    #[serde(
        rename = "CurRunDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cur_run_date: Option<String>,
    /// 执行状态
    #[serde(rename = "State", default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// 开始时间
    #[serde(rename = "StartTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// 结束时间
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// 执行时长
    #[serde(rename = "CostTime", default, skip_serializing_if = "Option::is_none")]
    pub cost_time: Option<String>,
}

/// 补录计划的所有实例
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BackfillInstanceCollection {
    /// 分页页码
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 分页大小
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 总页数
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
    /// 记录总数
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// 补录实例列表
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<BackfillInstance>>,
}

/// 工作流执行的业务枚举信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BizStateEnumInfoBrief {
    /// 标签key
    #[serde(rename = "LabelKey", default, skip_serializing_if = "Option::is_none")]
    pub label_key: Option<String>,
    /// 标签值
    #[serde(
        rename = "LabelValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub label_value: Option<String>,
    /// 标签总数量
    #[serde(rename = "Count", default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
}

/// 数据探索脚本业务处理实体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CodeFile {
    /// <p>脚本ID</p>
    #[serde(
        rename = "CodeFileId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_file_id: Option<String>,
    /// <p>脚本名称</p>
    #[serde(
        rename = "CodeFileName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_file_name: Option<String>,
    /// <p>脚本所有者 uin</p>
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// <p>脚本配置</p>
    #[serde(
        rename = "CodeFileConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_file_config: Option<CodeFileConfig>,
    /// <p>脚本内容</p>
    #[serde(
        rename = "CodeFileContent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_file_content: Option<String>,
    /// <p>最近一次操作人</p>
    #[serde(
        rename = "UpdateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_user_uin: Option<String>,
    /// <p>项目ID</p>
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// <p>更新时间 yyyy-MM-dd hh:mm:ss</p>
    #[serde(
        rename = "UpdateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_time: Option<String>,
    /// <p>创建时间 yyyy-MM-dd hh:mm:ss</p>
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// <p>权限范围：SHARED, PRIVATE</p>
    #[serde(
        rename = "AccessScope",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_scope: Option<String>,
    /// <p>节点全路径，/aaa/bbb/ccc.ipynb，由各个节点的名称组成</p>
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// <p>父文件夹路径</p>
    #[serde(
        rename = "ParentFolderPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_folder_path: Option<String>,
    /// <p>返回保存后的versionId</p>
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
}

/// 数据探索脚本配置
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CodeFileConfig {
    /// 高级运行参数,变量替换，map-json String,String
    #[serde(rename = "Params", default, skip_serializing_if = "Option::is_none")]
    pub params: Option<String>,
    /// notebook kernel session信息
    #[serde(
        rename = "NotebookSessionInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub notebook_session_info: Option<NotebookSessionInfo>,
}

/// 数据探索脚本文件树节点
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CodeFolderNode {
    /// 唯一标识
    #[serde(rename = "Id", default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// 名称
    #[serde(rename = "Title", default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// 类型 folder，script
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// 是否叶子节点
    #[serde(rename = "IsLeaf", default, skip_serializing_if = "Option::is_none")]
    pub is_leaf: Option<bool>,
    /// 业务参数
    #[serde(rename = "Params", default, skip_serializing_if = "Option::is_none")]
    pub params: Option<String>,
    /// 权限范围: SHARED, PRIVATE
    #[serde(
        rename = "AccessScope",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub access_scope: Option<String>,
    /// 节点路径
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// 目录/文件责任人uin
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// 创建人
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// 当前用户对节点拥有的权限
    #[serde(
        rename = "NodePermission",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub node_permission: Option<String>,
    /// 子节点列表
    #[serde(rename = "Children", default, skip_serializing_if = "Option::is_none")]
    pub children: Option<Vec<CodeFolderNode>>,
    /// 父文件夹路径
    #[serde(
        rename = "ParentFolderPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_folder_path: Option<String>,
}

/// CodeStudio文件对象操作结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CodeStudioFileActionResult {
    /// 成功true，失败false
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<bool>,
    /// 文件夹ID
    #[serde(
        rename = "CodeFileId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_file_id: Option<String>,
}

/// CodeStudio文件夹对象操作结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CodeStudioFolderResult {
    /// 文件夹ID
    #[serde(rename = "FolderId", default, skip_serializing_if = "Option::is_none")]
    pub folder_id: Option<String>,
}

/// 存算配置映射列表，对应页面“存算引擎配置”
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ComputeConfigMapping {
    /// <p>任务类型ID</p><p>枚举值：</p><ul><li>32： DLC_SQL</li><li>46： DLC_SPARK</li><li>50： DLC_PYSPARK</li></ul>
    #[serde(
        rename = "TaskTypeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_id: Option<i64>,
    /// <p>存算配置项。当前支持：COMPUTE_ENGINE、DLC_ENGINE_RESOURCE_GROUP</p><p>枚举值：</p><ul><li>COMPUTE_ENGINE： DLC 标准计算引擎</li><li>DLC_ENGINE_RESOURCE_GROUP：  DLC 标准引擎资源组</li></ul>
    #[serde(
        rename = "ComputeConfigItem",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub compute_config_item: Option<String>,
    /// <p>指定任务列表，非空时表示任务级覆盖，当前仅支持 DLC_SQL</p>
    #[serde(rename = "TaskIds", default, skip_serializing_if = "Option::is_none")]
    pub task_ids: Option<Vec<String>>,
    /// <p>ComputeConfigItem=COMPUTE_ENGINE 时表示原引擎名；ComputeConfigItem=DLC_ENGINE_RESOURCE_GROUP 时表示原 DLC 标准引擎资源组名</p>
    #[serde(
        rename = "SourceValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_value: Option<String>,
    /// <p>ComputeConfigItem=COMPUTE_ENGINE 时表示目标引擎名；ComputeConfigItem=DLC_ENGINE_RESOURCE_GROUP 时表示目标 DLC 标准引擎资源组名</p>
    #[serde(
        rename = "TargetValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_value: Option<String>,
}

/// CreateCodeFile请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateCodeFileRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 代码文件名称
    #[serde(rename = "CodeFileName")]
    pub code_file_name: String,
    /// 父文件夹path，例如/aaa/bbb/ccc，路径头需带斜杠，根目录传/
    #[serde(rename = "ParentFolderPath")]
    pub parent_folder_path: String,
    /// 代码文件配置
    #[serde(
        rename = "CodeFileConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_file_config: Option<CodeFileConfig>,
    /// 代码文件内容
    #[serde(
        rename = "CodeFileContent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_file_content: Option<String>,
}

/// CreateCodeFile返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateCodeFileResponse {
    /// 结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CodeFile>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// CreateCodeFolder请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateCodeFolderRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 文件夹名称
    #[serde(rename = "FolderName")]
    pub folder_name: String,
    /// 父文件夹path，例如/aaa/bbb/ccc，路径头需带斜杠，根目录传/
    #[serde(rename = "ParentFolderPath")]
    pub parent_folder_path: String,
}

/// CreateCodeFolder返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateCodeFolderResponse {
    /// 成功true，失败false
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CodeStudioFolderResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// CreateDataBackfillPlan请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateDataBackfillPlanRequest {
    /// <p>所属项目Id</p>
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// <p>补录任务集合</p>
    #[serde(rename = "TaskIds")]
    pub task_ids: Vec<String>,
    /// <p>补录任务的数据时间配置</p>
    #[serde(rename = "DataBackfillRangeList")]
    pub data_backfill_range_list: Vec<DataBackfillRange>,
    /// <p>时区，默认UTC+8</p>
    #[serde(rename = "TimeZone", default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// <p>数据补录计划名称，不填则由系统随机生成一串字符</p>
    #[serde(
        rename = "DataBackfillPlanName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_backfill_plan_name: Option<String>,
    /// <p>检查父任务类型，取值范围：- NONE-全部不检查- ALL-检查全部上游父任务- MAKE_SCOPE-只在（当前补录计划）选中任务中检查,默认NONE不检查</p>
    #[serde(
        rename = "CheckParentType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub check_parent_type: Option<String>,
    /// <p>补录是否忽略事件依赖,默认true</p>
    #[serde(
        rename = "SkipEventListening",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub skip_event_listening: Option<bool>,
    /// <p>自定义的工作流自依赖，yes或者no；如果不配置，则使用工作流原有自依赖</p>
    #[serde(
        rename = "RedefineSelfWorkflowDependency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub redefine_self_workflow_dependency: Option<String>,
    /// <p>自定义实例运行并发度, 如果不配置，则使用任务原有自依赖</p>
    #[serde(
        rename = "RedefineParallelNum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub redefine_parallel_num: Option<u64>,
    /// <p>调度资源组id，为空则表示使用任务原有调度执行资源组</p>
    #[serde(
        rename = "SchedulerResourceGroupId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduler_resource_group_id: Option<String>,
    /// <p>集成任务资源组id，为空则表示使用任务原有调度执行资源组</p>
    #[serde(
        rename = "IntegrationResourceGroupId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_resource_group_id: Option<String>,
    /// <p>自定义参数，可以重新指定任务的参数，方便补录实例执行新的逻辑</p>
    #[serde(
        rename = "RedefineParamList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub redefine_param_list: Option<Vec<KVPair>>,
    /// <p>补录是实例数据时间顺序，生效必须满足2个条件:</p><ol><li>必须同周期任务</li><li>优先按依赖关系执行，无依赖关系影响的情况下按配置执行顺序执行</li></ol><p>可选值</p><ul><li>NORMAL: 不设置</li><li>ORDER: 顺序</li><li>REVERSE: 逆序<br>不设置默认为NORMAL</li></ul>
    #[serde(
        rename = "DataTimeOrder",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_time_order: Option<String>,
    /// <p>补录实例重新生成周期，如果设置会重新指定补录任务实例的生成周期，目前只会将天实例转换成每月1号生成的实例</p><ul><li>MONTH_CYCLE: 月</li></ul>
    #[serde(
        rename = "RedefineCycleType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub redefine_cycle_type: Option<String>,
    /// <p>存算配置映射列表，对应页面“存算引擎配置”</p>
    #[serde(
        rename = "ComputeConfigMappings",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub compute_config_mappings: Option<Vec<ComputeConfigMapping>>,
}

/// CreateDataBackfillPlan返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateDataBackfillPlanResponse {
    /// <p>数据补录计划创建结果</p>
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CreateDataReplenishmentPlan>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 创建数据补录计划结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateDataReplenishmentPlan {
    /// 补录计划Id
    #[serde(
        rename = "DataBackfillPlanId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_backfill_plan_id: Option<String>,
}

/// 创建文件夹结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateFolderResult {
    /// 创建成功的文件夹ID。如果创建失败则报错。
    #[serde(rename = "FolderId", default, skip_serializing_if = "Option::is_none")]
    pub folder_id: Option<String>,
}

/// 创建任务基本属性信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTaskBaseAttribute {
    /// 任务名称
    #[serde(rename = "TaskName")]
    pub task_name: String,
    /// 任务类型ID：
    #[serde(rename = "TaskTypeId")]
    pub task_type_id: String,
    /// 工作流ID
    #[serde(rename = "WorkflowId")]
    pub workflow_id: String,
    /// 任务负责人ID，默认为当前用户
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// 任务描述
    #[serde(
        rename = "TaskDescription",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_description: Option<String>,
    /// 任务文件夹路径
    #[serde(
        rename = "TaskFolderPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_folder_path: Option<String>,
}

/// 创建任务配置信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTaskConfiguration {
    /// 资源组ID： 需要通过 DescribeNormalSchedulerExecutorGroups 获取 ExecutorGroupId
    #[serde(
        rename = "ResourceGroup",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_group: Option<String>,
    /// 代码内容的Base64编码
    #[serde(
        rename = "CodeContent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_content: Option<String>,
    /// 任务扩展属性配置列表
    #[serde(
        rename = "TaskExtConfigurationList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_ext_configuration_list: Option<Vec<TaskExtParameter>>,
    /// 集群ID
    #[serde(
        rename = "DataCluster",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_cluster: Option<String>,
    /// 指定的运行节点
    #[serde(rename = "BrokerIp", default, skip_serializing_if = "Option::is_none")]
    pub broker_ip: Option<String>,
    /// 资源池队列名称，需要通过 DescribeProjectClusterQueues 获取
    #[serde(rename = "YarnQueue", default, skip_serializing_if = "Option::is_none")]
    pub yarn_queue: Option<String>,
    /// 来源数据源ID, 使用 ; 分隔, 需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "SourceServiceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_id: Option<String>,
    /// 目标数据源ID, 使用 ; 分隔, 需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "TargetServiceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_id: Option<String>,
    /// 调度参数
    #[serde(
        rename = "TaskSchedulingParameterList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_scheduling_parameter_list: Option<Vec<TaskSchedulingParameter>>,
    /// Bundle使用的ID
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// Bundle信息
    #[serde(
        rename = "BundleInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bundle_info: Option<String>,
}

/// CreateTaskFolder请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTaskFolderRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 父文件夹绝对路径，如/abc/de，如果是根目录则传/
    #[serde(rename = "ParentTaskFolderPath")]
    pub parent_task_folder_path: String,
    /// 要创建的文件夹名字
    #[serde(rename = "TaskFolderName")]
    pub task_folder_name: String,
    /// 任务文件夹类型
    #[serde(rename = "TaskFolderType")]
    pub task_folder_type: String,
    /// 工作流ID
    #[serde(rename = "WorkflowId")]
    pub workflow_id: String,
}

/// CreateTaskFolder返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTaskFolderResponse {
    /// 创建文件夹结果，如果创建失败则报错。
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CreateTaskFolderResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 创建任务文件夹结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTaskFolderResult {
    /// 创建成功的文件夹ID。如果创建失败则报错。
    #[serde(
        rename = "TaskFolderId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_folder_id: Option<String>,
}

/// CreateTask请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTaskRequest {
    /// <p>项目ID</p>
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// <p>任务基本属性</p>
    #[serde(rename = "TaskBaseAttribute")]
    pub task_base_attribute: CreateTaskBaseAttribute,
    /// <p>任务配置</p>
    #[serde(rename = "TaskConfiguration")]
    pub task_configuration: CreateTaskConfiguration,
    /// <p>任务调度配置</p>
    #[serde(rename = "TaskSchedulerConfiguration")]
    pub task_scheduler_configuration: CreateTaskSchedulerConfiguration,
}

/// CreateTask返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTaskResponse {
    /// <p>任务ID</p>
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CreateTaskResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 创建任务返回体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTaskResult {
    /// 任务ID
    #[serde(rename = "TaskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
}

/// 创建任务调度配置信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTaskSchedulerConfiguration {
    /// <p>周期类型：默认为 DAY_CYCLE</p><p>支持的类型为 </p><ul><li>ONEOFF_CYCLE: 一次性</li><li>YEAR_CYCLE: 年</li><li>MONTH_CYCLE: 月</li><li>WEEK_CYCLE: 周</li><li>DAY_CYCLE: 天</li><li>HOUR_CYCLE: 小时</li><li>MINUTE_CYCLE: 分钟</li><li>CRONTAB_CYCLE: crontab表达式类型</li></ul>
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// <p>时区，默认为 UTC+8</p>
    #[serde(
        rename = "ScheduleTimeZone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_time_zone: Option<String>,
    /// <p>Cron表达式，默认为 0 0 0 * * ? *</p>
    #[serde(
        rename = "CrontabExpression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub crontab_expression: Option<String>,
    /// <p>生效日期，默认为当前日期的 00:00:00</p>
    #[serde(rename = "StartTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// <p>结束日期，默认为 2099-12-31 23:59:59</p>
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// <p>执行时间 左闭区间，默认 00:00</p>
    #[serde(
        rename = "ExecutionStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_start_time: Option<String>,
    /// <p>执行时间 右闭区间，默认 23:59</p>
    #[serde(
        rename = "ExecutionEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_end_time: Option<String>,
    /// <p>日历调度 取值为 0 和 1， 1为打开，0为关闭，默认为0</p>
    #[serde(
        rename = "CalendarOpen",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub calendar_open: Option<String>,
    /// <p>日历调度 日历 ID</p>
    #[serde(
        rename = "CalendarId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub calendar_id: Option<String>,
    /// <p>自依赖, 默认值 serial, 取值为：parallel(并行), serial(串行), orderly(有序)</p>
    #[serde(
        rename = "SelfDepend",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub self_depend: Option<String>,
    /// <p>上游依赖数组</p>
    #[serde(
        rename = "UpstreamDependencyConfigList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub upstream_dependency_config_list: Option<Vec<DependencyTaskBrief>>,
    /// <p>事件数组</p>
    #[serde(
        rename = "EventListenerList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub event_listener_list: Option<Vec<EventListener>>,
    /// <p>重跑&amp;补录配置, 默认为 ALL; , ALL 运行成功或失败后皆可重跑或补录, FAILURE 运行成功后不可重跑或补录，运行失败后可重跑或补录, NONE 运行成功或失败后皆不可重跑或补录;</p>
    #[serde(
        rename = "AllowRedoType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_redo_type: Option<String>,
    /// <p>输出参数数组</p>
    #[serde(
        rename = "ParamTaskOutList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_task_out_list: Option<Vec<OutTaskParameter>>,
    /// <p>输入参数数组</p>
    #[serde(
        rename = "ParamTaskInList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_task_in_list: Option<Vec<InTaskParameter>>,
    /// <p>产出登记</p>
    #[serde(
        rename = "TaskOutputRegistryList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_output_registry_list: Option<Vec<TaskDataRegistry>>,
    /// <p><strong>实例生成策略</strong></p><ul><li>T_PLUS_0: T+0生成,默认策略</li><li>T_PLUS_1: T+1生成</li></ul>
    #[serde(
        rename = "InitStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_strategy: Option<String>,
    /// <p>调度类型: 0 正常调度 1 空跑调度，默认为 0</p>
    #[serde(
        rename = "ScheduleRunType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_run_type: Option<String>,
    /// <p>任务调度优先级 运行优先级 4高 5中 6低 , 默认:6</p>
    #[serde(
        rename = "RunPriority",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub run_priority: Option<String>,
    /// <p>重试策略 重试等待时间,单位分钟: 默认: 5</p>
    #[serde(rename = "RetryWait", default, skip_serializing_if = "Option::is_none")]
    pub retry_wait: Option<String>,
    /// <p>重试策略 最大尝试次数, 默认: 4</p>
    #[serde(
        rename = "MaxRetryAttempts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_retry_attempts: Option<String>,
    /// <p>超时处理策略 运行耗时超时（单位：分钟）默认为 -1</p>
    #[serde(
        rename = "ExecutionTTL",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_ttl: Option<String>,
    /// <p>超时处理策略 等待总时长耗时超时（单位：分钟）默认为 -1</p>
    #[serde(
        rename = "WaitExecutionTotalTTL",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub wait_execution_total_ttl: Option<String>,
    /// <p>调度类型: 0 正常调度 1 空跑调度，默认为 0</p>
    #[serde(
        rename = "ScheduleType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_type: Option<i64>,
    /// <p>任务调度优先级 运行优先级 4高 5中 6低 , 默认:6</p>
    #[serde(
        rename = "RunPriorityType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub run_priority_type: Option<i64>,
    /// <p>重试策略 重试等待时间,单位分钟: 默认: 5</p>
    #[serde(
        rename = "RetryWaitMinute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub retry_wait_minute: Option<i64>,
    /// <p>重试策略 最大尝试次数, 默认: 4</p>
    #[serde(
        rename = "MaxRetryNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_retry_number: Option<i64>,
    /// <p>超时处理策略 运行耗时超时（单位：分钟）默认为 -1</p>
    #[serde(
        rename = "ExecutionTTLMinute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_ttl_minute: Option<i64>,
    /// <p>超时处理策略 等待总时长耗时超时（单位：分钟）默认为 -1</p>
    #[serde(
        rename = "WaitExecutionTotalTTLMinute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub wait_execution_total_ttl_minute: Option<i64>,
    /// <ul><li>任务依赖运行条件，默认为ALL_SUCCESS，暂时只支持工作流调度项目下配置</li><li>ALL_SUCCESS： 全部成功：所有上游依赖任务都达到终态时，进行依赖判断，如果上游全部都成功，则依赖判断成功，否则如果上游有一个跳过运行，则标记为跳过运行，其余情况标记为上游失败</li><li>ALL_FAILED：全部失败：所有上游依赖任务都达到终态时，进行依赖判断，如果上游状态都是失败或者上游失败，则依赖判断成功，否则就标记为跳过运行</li><li>ALL_DONE：全部完成：所有上游依赖任务都达到终态时，进行依赖判断，直接是依赖判断成功</li><li>ALL_DONE_AT_LEAST_ONE_SUCCESS：上游全部完成至少一个成功: 所有上游依赖任务都达到终态时，进行依赖判断，至少有一个成功，则依赖判断成功，否则就是跳过运行</li><li>ALL_SKIPPED：上游全部都跳过: 所有上游依赖任务都达到终态时，进行依赖判断，所有的上游都是跳过状态才算依赖判断成功，否则当前节点就是跳过运行</li><li>ONE_FAILED：至少一个失败: 上游只要有一个失败了，就进行依赖判断，且依赖判断成功，如果上游全部完成但是没有失败，则跳过运行</li><li>ONE_SUCCESS：至少一个成功：上游只要有一个成功，就进行依赖判断，且依赖判断成功，如果上游全部完成但是没有成功，则跳过运行</li><li>ONE_DONE：至少一个完成：上游只要有一个完成了，就进行依赖判断，且依赖判断成功，否则还是等待上游</li><li>NONE_FAILED：上游全部完成，没有失败: 所有上游依赖任务都达到终态时，进行依赖判断，如果上游都是成功或者跳过运行，则依赖判断成功，否则标记为上游失败</li><li>ALL_DONE_NONE_FAILED_AT_LEAST_ONE_SUCCESS：上游全部完成，没有失败，至少有一个成功: 所有上游依赖任务都达到终态时，进行依赖判断，上游没有一个失败且至少有一个成功的情况下，依赖判断成功，否则就是跳过运行</li><li>NONE_SKIPPED：上游全部完成，没有跳过运行: 所有上游依赖任务都达到终态时，进行依赖判断, 如果上游状态全部都是成功、失败、上游失败状态，则依赖判断成功，否则为跳过运行</li><li>ALL_DONE_AT_LEAST_ONE_FAILED：上游全部完成至少一个失败: 所有上游依赖任务都达到终态时，进行依赖判断，至少有一个失败，则依赖判断成功，否则就是跳过运行</li></ul>
    #[serde(
        rename = "DependencyTriggerPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_trigger_policy: Option<String>,
    /// <p>是否允许下游依赖 1允许 0不允许</p><p>取值范围：[0, 1]</p><p>默认值：1</p>
    #[serde(
        rename = "AllowDownstreamDependency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_downstream_dependency: Option<i64>,
}

/// 创建任务基本属性信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTriggerTaskBaseAttribute {
    /// 任务名称
    #[serde(rename = "TaskName")]
    pub task_name: String,
    /// 任务类型ID：
    #[serde(rename = "TaskTypeId")]
    pub task_type_id: String,
    /// 工作流ID
    #[serde(rename = "WorkflowId")]
    pub workflow_id: String,
    /// 任务负责人ID，默认为当前用户
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// 任务描述
    #[serde(
        rename = "TaskDescription",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_description: Option<String>,
    /// 任务文件夹路径
    #[serde(
        rename = "TaskFolderPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_folder_path: Option<String>,
}

/// 创建任务配置信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTriggerTaskConfiguration {
    /// 资源组ID： 需要通过 DescribeNormalSchedulerExecutorGroups 获取 ExecutorGroupId
    #[serde(
        rename = "ResourceGroup",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_group: Option<String>,
    /// 代码内容的Base64编码
    #[serde(
        rename = "CodeContent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_content: Option<String>,
    /// 任务扩展属性配置列表
    #[serde(
        rename = "TaskExtConfigurationList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_ext_configuration_list: Option<Vec<TaskExtParameter>>,
    /// 集群ID
    #[serde(
        rename = "DataCluster",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_cluster: Option<String>,
    /// 指定的运行节点
    #[serde(rename = "BrokerIp", default, skip_serializing_if = "Option::is_none")]
    pub broker_ip: Option<String>,
    /// 资源池队列名称，需要通过 DescribeProjectClusterQueues 获取
    #[serde(rename = "YarnQueue", default, skip_serializing_if = "Option::is_none")]
    pub yarn_queue: Option<String>,
    /// 来源数据源ID, 使用 ; 分隔, 需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "SourceServiceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_id: Option<String>,
    /// 目标数据源ID, 使用 ; 分隔, 需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "TargetServiceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_id: Option<String>,
    /// 调度参数
    #[serde(
        rename = "TaskSchedulingParameterList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_scheduling_parameter_list: Option<Vec<TaskSchedulingParameter>>,
    /// Bundle使用的ID
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// Bundle信息
    #[serde(
        rename = "BundleInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bundle_info: Option<String>,
}

/// CreateTriggerTask请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTriggerTaskRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务基本属性
    #[serde(rename = "TriggerTaskBaseAttribute")]
    pub trigger_task_base_attribute: CreateTriggerTaskBaseAttribute,
    /// 任务配置
    #[serde(rename = "TriggerTaskConfiguration")]
    pub trigger_task_configuration: CreateTriggerTaskConfiguration,
    /// 任务调度配置
    #[serde(rename = "TriggerTaskSchedulerConfiguration")]
    pub trigger_task_scheduler_configuration: CreateTriggerTaskSchedulerConfiguration,
}

/// CreateTriggerTask返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTriggerTaskResponse {
    /// 任务ID
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CreateTaskResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 创建任务调度配置信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTriggerTaskSchedulerConfiguration {
    /// <p>上游依赖的任务数组</p>
    #[serde(
        rename = "UpstreamDependencyConfigList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub upstream_dependency_config_list: Option<Vec<DependencyTriggerTaskBrief>>,
    /// <p>任务调度优先级 运行优先级 4高 5中 6低 , 默认:6</p>
    #[serde(
        rename = "RunPriorityType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub run_priority_type: Option<i64>,
    /// <p>重试策略 重试等待时间,单位分钟: 默认: 5</p>
    #[serde(
        rename = "RetryWaitMinute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub retry_wait_minute: Option<i64>,
    /// <p>重试策略 最大尝试次数, 默认: 4</p>
    #[serde(
        rename = "MaxRetryNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_retry_number: Option<i64>,
    /// <p>超时处理策略 运行耗时超时（单位：分钟）默认为 -1</p>
    #[serde(
        rename = "ExecutionTTLMinute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_ttl_minute: Option<i64>,
    /// <p>超时处理策略 等待总时长耗时超时（单位：分钟）默认为 -1</p>
    #[serde(
        rename = "WaitExecutionTotalTTLMinute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub wait_execution_total_ttl_minute: Option<i64>,
    /// <p>重跑&amp;补录配置, 默认为 ALL; , ALL 运行成功或失败后皆可重跑或补录, FAILURE 运行成功后不可重跑或补录，运行失败后可重跑或补录, NONE 运行成功或失败后皆不可重跑或补录;</p>
    #[serde(
        rename = "AllowRedoType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_redo_type: Option<String>,
    /// <p>输出参数数组</p>
    #[serde(
        rename = "ParamTaskOutList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_task_out_list: Option<Vec<OutTaskParameter>>,
    /// <p>输入参数数组</p>
    #[serde(
        rename = "ParamTaskInList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_task_in_list: Option<Vec<InTaskParameter>>,
    /// <p>产出登记</p>
    #[serde(
        rename = "TaskOutputRegistryList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_output_registry_list: Option<Vec<TaskDataRegistry>>,
    /// <ul><li>任务依赖运行条件，默认为ALL_SUCCESS，暂时只支持工作流调度项目下配置</li><li>ALL_SUCCESS： 全部成功：所有上游依赖任务都达到终态时，进行依赖判断，如果上游全部都成功，则依赖判断成功，否则如果上游有一个跳过运行，则标记为跳过运行，其余情况标记为上游失败</li><li>ALL_FAILED：全部失败：所有上游依赖任务都达到终态时，进行依赖判断，如果上游状态都是失败或者上游失败，则依赖判断成功，否则就标记为跳过运行</li><li>ALL_DONE：全部完成：所有上游依赖任务都达到终态时，进行依赖判断，直接是依赖判断成功</li><li>ALL_DONE_AT_LEAST_ONE_SUCCESS：上游全部完成至少一个成功: 所有上游依赖任务都达到终态时，进行依赖判断，至少有一个成功，则依赖判断成功，否则就是跳过运行</li><li>ALL_SKIPPED：上游全部都跳过: 所有上游依赖任务都达到终态时，进行依赖判断，所有的上游都是跳过状态才算依赖判断成功，否则当前节点就是跳过运行</li><li>ONE_FAILED：至少一个失败: 上游只要有一个失败了，就进行依赖判断，且依赖判断成功，如果上游全部完成但是没有失败，则跳过运行</li><li>ONE_SUCCESS：至少一个成功：上游只要有一个成功，就进行依赖判断，且依赖判断成功，如果上游全部完成但是没有成功，则跳过运行</li><li>ONE_DONE：至少一个完成：上游只要有一个完成了，就进行依赖判断，且依赖判断成功，否则还是等待上游</li><li>NONE_FAILED：上游全部完成，没有失败: 所有上游依赖任务都达到终态时，进行依赖判断，如果上游都是成功或者跳过运行，则依赖判断成功，否则标记为上游失败</li><li>ALL_DONE_NONE_FAILED_AT_LEAST_ONE_SUCCESS：上游全部完成，没有失败，至少有一个成功: 所有上游依赖任务都达到终态时，进行依赖判断，上游没有一个失败且至少有一个成功的情况下，依赖判断成功，否则就是跳过运行</li><li>NONE_SKIPPED：上游全部完成，没有跳过运行: 所有上游依赖任务都达到终态时，进行依赖判断, 如果上游状态全部都是成功、失败、上游失败状态，则依赖判断成功，否则为跳过运行</li><li>ALL_DONE_AT_LEAST_ONE_FAILED：上游全部完成至少一个失败: 所有上游依赖任务都达到终态时，进行依赖判断，至少有一个失败，则依赖判断成功，否则就是跳过运行</li></ul>
    #[serde(
        rename = "DependencyTriggerPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_trigger_policy: Option<String>,
    /// <p>是否允许下游依赖 1允许 0不允许</p><p>取值范围：[0, 1]</p><p>默认值：1</p>
    #[serde(
        rename = "AllowDownstreamDependency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_downstream_dependency: Option<i64>,
    /// <p>调度类型: 0 正常调度 1 空跑调度</p><p>枚举值：</p><ul><li>0： 正常调度</li><li>1： 空跑调度</li></ul><p>默认值：0</p>
    #[serde(
        rename = "ScheduleType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_type: Option<i64>,
}

/// CreateTriggerWorkflow请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTriggerWorkflowRequest {
    /// <p>项目ID</p>
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// <p>工作流名称</p>
    #[serde(rename = "WorkflowName")]
    pub workflow_name: String,
    /// <p>所属文件夹路径</p>
    #[serde(rename = "ParentFolderPath")]
    pub parent_folder_path: String,
    /// <p>工作流描述</p>
    #[serde(
        rename = "WorkflowDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_desc: Option<String>,
    /// <p>工作流负责人ID</p>
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// <p>工作流参数</p>
    #[serde(
        rename = "WorkflowParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_params: Option<Vec<ParamInfo>>,
    /// <p>统一调度信息</p>
    #[serde(
        rename = "TriggerWorkflowSchedulerConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_workflow_scheduler_configurations: Option<Vec<WorkflowTriggerConfig>>,
    /// <p>BundleId项</p>
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// <p>Bundle信息</p>
    #[serde(
        rename = "BundleInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bundle_info: Option<String>,
    /// <p>通用参数配置</p>
    #[serde(
        rename = "GeneralTaskParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub general_task_params: Option<Vec<WorkflowGeneralTaskParam>>,
    /// <p>工作流调度运行配置</p>
    #[serde(
        rename = "TriggerWorkflowRunConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_workflow_run_configuration: Option<WorkflowRunConfig>,
    /// <p>Trigger 状态 启动ACTIVE，暂停PAUSED。配置完之后，内部的Trigger状态可不配置，如果配置，内容会被该值覆盖</p><p>枚举值：</p><ul><li>ACTIVE： 启动</li><li>PAUSED： 暂停</li></ul>
    #[serde(
        rename = "SchedulerStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduler_status: Option<String>,
    /// <p>触发方式：定时触发：TIME_TRIGGER 。配置完之后，内部的TriggerMode状态可不配置，如果配置，内容会被该值覆盖。</p><p>枚举值：</p><ul><li>TIME_TRIGGER： 定时触发</li></ul>
    #[serde(
        rename = "TriggerMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_mode: Option<String>,
    /// <p>运行账号ID,未传时默认使用当前登录用户ID</p>
    #[serde(
        rename = "ExecuteUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execute_user_uin: Option<String>,
}

/// CreateTriggerWorkflow返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTriggerWorkflowResponse {
    /// <p>返回工作流ID</p>
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CreateTriggerWorkflowResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 创建工作流结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTriggerWorkflowResult {
    /// 创建成功后的工作流id
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
}

/// CreateTriggerWorkflowRun请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTriggerWorkflowRunRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 工作流ID
    #[serde(rename = "WorkflowId")]
    pub workflow_id: String,
    /// 自定义运行参数，如果为空或者null则使用工作流最新配置
    #[serde(
        rename = "AdvancedParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub advanced_params: Option<Vec<SchedulingParameter>>,
    /// 本次需要运行指定的任务ID集合，如果为null或为空则运行全部
    #[serde(rename = "TaskIds", default, skip_serializing_if = "Option::is_none")]
    pub task_ids: Option<Vec<String>>,
    /// 指定的调度资源组id，为空默认原资源组
    #[serde(
        rename = "SchedulingResourceGroupId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduling_resource_group_id: Option<String>,
    /// 指定的集成资源组id，为空默认原资源组
    #[serde(
        rename = "IntegrationResourceGroupId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_resource_group_id: Option<String>,
}

/// CreateTriggerWorkflowRun返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTriggerWorkflowRunResponse {
    /// 操作结果信息
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CreateTriggerWorkflowRunResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 工作流调度模式下，工作流触发运行结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateTriggerWorkflowRunResult {
    /// 工作流执行id
    #[serde(
        rename = "WorkflowExecutionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_execution_id: Option<String>,
}

/// CreateWorkflowFolder请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateWorkflowFolderRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 父文件夹绝对路径，如/abc/de，如果是根目录则传/
    #[serde(rename = "ParentFolderPath")]
    pub parent_folder_path: String,
    /// 要创建的文件夹名字
    #[serde(rename = "FolderName")]
    pub folder_name: String,
}

/// CreateWorkflowFolder返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateWorkflowFolderResponse {
    /// 创建文件夹结果，如果创建失败则报错。
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CreateFolderResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// CreateWorkflow请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateWorkflowRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 工作流名称
    #[serde(rename = "WorkflowName")]
    pub workflow_name: String,
    /// 所属文件夹路径
    #[serde(rename = "ParentFolderPath")]
    pub parent_folder_path: String,
    /// 工作流类型,取值示例：cycle 周期工作流；manual 手动工作流，默认传入cycle
    #[serde(
        rename = "WorkflowType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_type: Option<String>,
    /// 工作流描述
    #[serde(
        rename = "WorkflowDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_desc: Option<String>,
    /// 工作流负责人ID
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// 工作流参数
    #[serde(
        rename = "WorkflowParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_params: Option<Vec<ParamInfo>>,
    /// 统一调度信息
    #[serde(
        rename = "WorkflowSchedulerConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_scheduler_configuration: Option<WorkflowSchedulerConfigurationInfo>,
    /// BundleId项
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// Bundle信息
    #[serde(
        rename = "BundleInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bundle_info: Option<String>,
}

/// CreateWorkflow返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateWorkflowResponse {
    /// 返回工作流ID
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CreateWorkflowResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 创建工作流结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CreateWorkflowResult {
    /// 创建成功后的工作流id
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
}

/// 补录计划详情
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DataBackfill {
    /// 项目Id
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// 数据补录计划id
    #[serde(
        rename = "DataBackfillPlanId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_backfill_plan_id: Option<String>,
    /// 数据补录计划名称
    #[serde(
        rename = "DataBackfillPlanName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_backfill_plan_name: Option<String>,
    /// 补录任务集合
    #[serde(rename = "TaskIds", default, skip_serializing_if = "Option::is_none")]
    pub task_ids: Option<Vec<String>>,
    /// 补录任务的数据配置列表
    #[serde(
        rename = "DataBackfillRangeList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_backfill_range_list: Option<Vec<DataBackfillRange>>,
    /// 检查父任务类型，取值范围：- NONE-全部不检查- ALL-检查全部上游父任务- MAKE_SCOPE-只在（当前补录计划）选中任务中检查
    #[serde(
        rename = "CheckParentType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub check_parent_type: Option<String>,
    /// 补录是否忽略事件依赖
    #[serde(
        rename = "SkipEventListening",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub skip_event_listening: Option<bool>,
    /// 自定义实例运行并发度, 返回为null或者不返回，则表示任务原有自依赖
    #[serde(
        rename = "RedefineParallelNum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub redefine_parallel_num: Option<u64>,
    /// 自定义的工作流自依赖，yes或者no；如果不配置，则使用工作流原有自依赖
    #[serde(
        rename = "RedefineSelfWorkflowDependency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub redefine_self_workflow_dependency: Option<String>,
    /// 调度资源组id
    #[serde(
        rename = "SchedulerResourceGroupId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduler_resource_group_id: Option<String>,
    /// 集成资源组id
    #[serde(
        rename = "IntegrationResourceGroupId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub integration_resource_group_id: Option<String>,
    /// 补录自定义的生成周期
    #[serde(
        rename = "RedefineCycleType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub redefine_cycle_type: Option<String>,
    /// 自定义参数
    #[serde(
        rename = "RedefineParamList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub redefine_param_list: Option<Vec<KVPair>>,
    /// 补录任务的执行开始时间
    #[serde(rename = "StartTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// 补录任务的执行结束时间
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// 创建用户id
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// 补录计划实例完成百分数
    #[serde(
        rename = "CompletePercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub complete_percent: Option<u64>,
    /// 补录计划实例成功百分数
    #[serde(
        rename = "SuccessPercent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub success_percent: Option<u64>,
    /// 补录是实例数据时间顺序，生效必须满足2个条件:1. 必须同周期任务2. 优先按依赖关系执行，无依赖关系影响的情况下按配置执行顺序执行 可选值- NORMAL: 不设置- ORDER: 顺序- REVERSE: 逆序不设置默认为NORMAL
    #[serde(
        rename = "DataTimeOrder",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_time_order: Option<String>,
}

/// 补录计划日期范围
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DataBackfillRange {
    /// 开始日期，格式yyyy-MM-dd 表示从指定日期的00:00:00开始
    #[serde(rename = "StartDate", default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<String>,
    /// 结束日期，格式yyyy-MM-dd，表示从指定日期的 23:59:59结束
    #[serde(rename = "EndDate", default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    /// 在[StartDate, EndDate]之间每天的开始时间点，格式HH:mm,只针对小时及周期小于小时的任务生效
    #[serde(
        rename = "ExecutionStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_start_time: Option<String>,
    /// 在[StartDate, EndDate]之间每天的结束时间点，格式HH:mm,只针对小时及周期小于小时的任务生效
    #[serde(
        rename = "ExecutionEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_end_time: Option<String>,
}

/// DeleteCodeFile请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeleteCodeFileRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 代码文件ID，参数值来自CreateCodeFile接口的返回
    #[serde(rename = "CodeFileId")]
    pub code_file_id: String,
}

/// DeleteCodeFile返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeleteCodeFileResponse {
    /// 执行结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CodeStudioFileActionResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// DeleteTask请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeleteTaskRequest {
    /// 项目Id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 任务操作是否消息通知下游任务责任人true：通知
    #[serde(
        rename = "OperateInform",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub operate_inform: Option<bool>,
    /// 任务删除方式
    #[serde(
        rename = "DeleteMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_mode: Option<bool>,
}

/// DeleteTask返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeleteTaskResponse {
    /// 是否删除成功
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<DeleteTaskResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 删除数据开发任务结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeleteTaskResult {
    /// 删除状态,true表示成功，false表示失败
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<bool>,
}

/// DeleteTriggerTask请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeleteTriggerTaskRequest {
    /// 项目Id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 任务操作是否消息通知下游任务责任人true：通知
    #[serde(
        rename = "OperateInform",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub operate_inform: Option<bool>,
    /// (本参数暂不生效)当前删除上游任务时，不会针对下游任务实例进行强制失败
    #[serde(
        rename = "DeleteMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delete_mode: Option<bool>,
}

/// DeleteTriggerTask返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DeleteTriggerTaskResponse {
    /// 是否删除成功
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<DeleteTaskResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 查询任务上游依赖详情分页
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DependencyConfigPage {
    /// 满足查询条件的数据总条数。
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// 满足查询条件的数据总页数。
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
    /// 当前请求的数据页数。
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 当前请求的数据页条数。
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 分页数据
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<TaskDependDto>>,
}

/// 依赖配置策略
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DependencyStrategyTask {
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
}

/// 依赖任务信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DependencyTaskBrief {
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 主依赖配置，取值为：
    #[serde(rename = "MainCyclicConfig")]
    pub main_cyclic_config: String,
    /// 次依赖配置，取值为：
    #[serde(
        rename = "SubordinateCyclicConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub subordinate_cyclic_config: Option<String>,
    /// 区间、列表模式下的偏移量
    #[serde(rename = "Offset", default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<String>,
    /// 依赖执行策略
    #[serde(
        rename = "DependencyStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_strategy: Option<DependencyStrategyTask>,
}

/// 依赖任务信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DependencyTriggerTaskBrief {
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
}

/// 监听事件器
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EventListener {
    /// 事件名
    #[serde(rename = "EventName")]
    pub event_name: String,
    /// 事件周期：SECOND, MIN, HOUR, DAY
    #[serde(rename = "EventSubType")]
    pub event_sub_type: String,
    /// 事件广播类型：SINGLE, BROADCAST
    #[serde(rename = "EventBroadcastType")]
    pub event_broadcast_type: String,
    /// 扩展信息
    #[serde(
        rename = "PropertiesList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub properties_list: Option<Vec<ParamInfo>>,
}

/// 执行操作结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExecutionActionBrief {
    /// 操作实体 ID
    #[serde(rename = "ItemId", default, skip_serializing_if = "Option::is_none")]
    pub item_id: Option<String>,
    /// 操作实体名称
    #[serde(rename = "ItemName", default, skip_serializing_if = "Option::is_none")]
    pub item_name: Option<String>,
    /// 操作 ID
    #[serde(
        rename = "ExecutionActionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_action_id: Option<String>,
    /// 失败信息
    #[serde(
        rename = "ErrorMessage",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_message: Option<String>,
    /// 操作状态，true：成功，false：失败
    #[serde(rename = "OpStatus", default, skip_serializing_if = "Option::is_none")]
    pub op_status: Option<bool>,
}

/// 通用过滤器
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Filter {
    /// <p>过滤字段名称</p>
    #[serde(rename = "Name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// <p>过滤值列表</p>
    #[serde(rename = "Values", default, skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<String>>,
}

/// GetCodeFile请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetCodeFileRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 代码文件ID，参数值来自CreateCodeFile接口的返回
    #[serde(rename = "CodeFileId")]
    pub code_file_id: String,
    /// true：返回文件内容+配置，false：不返回文件内容，只返回配置信息；默认为false
    #[serde(
        rename = "IncludeContent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub include_content: Option<bool>,
}

/// GetCodeFile返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetCodeFileResponse {
    /// 代码文件详情
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CodeFile>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetDataBackfillPlan请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetDataBackfillPlanRequest {
    /// 项目id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 补录计划id
    #[serde(rename = "DataBackfillPlanId")]
    pub data_backfill_plan_id: String,
    /// 展示时区，默认UTC+8
    #[serde(rename = "TimeZone", default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
}

/// GetDataBackfillPlan返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetDataBackfillPlanResponse {
    /// 补录详情
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<DataBackfill>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetMyWorkflowMaxPermission请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetMyWorkflowMaxPermissionRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 授权实体ID
    #[serde(rename = "EntityId")]
    pub entity_id: String,
    /// 授权实体类型,folder/workflow
    #[serde(rename = "EntityType")]
    pub entity_type: String,
}

/// GetMyWorkflowMaxPermission返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetMyWorkflowMaxPermissionResponse {
    /// 当前用户对实体资源的递归最大权限类型
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<WorkflowMaxPermission>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetOpsAsyncJob请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetOpsAsyncJobRequest {
    /// 项目id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 异步操作id
    #[serde(rename = "AsyncId")]
    pub async_id: String,
}

/// GetOpsAsyncJob返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetOpsAsyncJobResponse {
    /// 异步操作详情结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<OpsAsyncJobDetail>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetOpsTask请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetOpsTaskRequest {
    /// 任务Id
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 项目Id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
}

/// GetOpsTask返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetOpsTaskResponse {
    /// 任务详情
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Task>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetTaskCode请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTaskCodeRequest {
    /// 所属项目id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务Id
    #[serde(rename = "TaskId")]
    pub task_id: String,
}

/// GetTaskCode返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTaskCodeResponse {
    /// 获取任务代码结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TaskCodeResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetTaskInstanceLog请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTaskInstanceLogRequest {
    /// **项目ID**
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// **实例唯一标识**
    #[serde(rename = "InstanceKey")]
    pub instance_key: String,
    /// **实例生命周期编号，标识实例的某一次执行**例如：周期实例第一次运行的编号为0，用户后期又重跑了该实例，第二次执行的编号为1; 默认最新一次
    #[serde(
        rename = "LifeRoundNum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub life_round_num: Option<u64>,
    /// **日志级别** 默认All - Info - Debug - Warn - Error - All
    #[serde(rename = "LogLevel", default, skip_serializing_if = "Option::is_none")]
    pub log_level: Option<String>,
    /// **分页查询日志时使用，无具体业务含义** 第一次查询时值为null 第二次及以后查询时使用上一次查询返回信息中的NextCursor字段值即可
    #[serde(
        rename = "NextCursor",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_cursor: Option<String>,
}

/// GetTaskInstanceLog返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTaskInstanceLogResponse {
    /// 调度实例详情
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<InstanceLog>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetTaskInstance请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTaskInstanceRequest {
    /// 所属项目id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 实例唯一标识，可以通过ListInstances获取
    #[serde(rename = "InstanceKey")]
    pub instance_key: String,
    /// **时区**timeZone, 传入的时间字符串的所在时区，默认UTC+8
    #[serde(rename = "TimeZone", default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
}

/// GetTaskInstance返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTaskInstanceResponse {
    /// 实例详情
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TaskInstanceDetail>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetTask请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTaskRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
}

/// GetTask返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTaskResponse {
    /// 任务详情
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Task>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetTaskVersion请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTaskVersionRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 提交版本ID，不填默认拿最新提交版本
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
}

/// GetTaskVersion返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTaskVersionResponse {
    /// 版本详情
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TaskVersionDetail>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetTriggerTaskCode请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTriggerTaskCodeRequest {
    /// 所属项目id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务Id
    #[serde(rename = "TaskId")]
    pub task_id: String,
}

/// GetTriggerTaskCode返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTriggerTaskCodeResponse {
    /// 获取任务代码结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TaskCodeResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetTriggerTask请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTriggerTaskRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
}

/// GetTriggerTask返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTriggerTaskResponse {
    /// 任务详情
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TriggerTask>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetTriggerTaskRun请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTriggerTaskRunRequest {
    /// 工作空间 ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务运行 ID
    #[serde(rename = "TaskExecutionId")]
    pub task_execution_id: String,
}

/// GetTriggerTaskRun返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTriggerTaskRunResponse {
    /// 工作流任务运行列表分页结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TriggerTaskRunBrief>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetTriggerTaskVersion请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTriggerTaskVersionRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 提交版本ID，不填默认拿最新提交版本
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
}

/// GetTriggerTaskVersion返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTriggerTaskVersionResponse {
    /// 版本详情
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TriggerTaskVersionDetail>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetTriggerWorkflow请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTriggerWorkflowRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 工作流ID 通过ListWorkflows接口获取
    #[serde(rename = "WorkflowId")]
    pub workflow_id: String,
}

/// GetTriggerWorkflow返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTriggerWorkflowResponse {
    /// 工作流详细信息
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TriggerWorkflowDetail>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetTriggerWorkflowRun请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTriggerWorkflowRunRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 工作流执行ID
    #[serde(rename = "WorkflowExecutionId")]
    pub workflow_execution_id: String,
    /// 过滤条件
    #[serde(rename = "Filters", default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<Filter>>,
    /// 排序条件
    #[serde(
        rename = "OrderFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub order_fields: Option<Vec<OrderField>>,
}

/// GetTriggerWorkflowRun返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetTriggerWorkflowRunResponse {
    /// 工作流任务信息
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TriggerWorkflowTaskRunDetailBrief>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// GetWorkflow请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetWorkflowRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 工作流ID 通过ListWorkflows接口获取
    #[serde(rename = "WorkflowId")]
    pub workflow_id: String,
}

/// GetWorkflow返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GetWorkflowResponse {
    /// 工作流详细信息
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<WorkflowDetail>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 参数传递-引用参数
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct InTaskParameter {
    /// <p>参数名</p>
    #[serde(rename = "ParamKey")]
    pub param_key: String,
    /// <p>参数描述：格式为 项目标识.任务名称.参数名；例：project_wedata_1.sh_250820_104107.pp_out</p>
    #[serde(rename = "ParamDesc")]
    pub param_desc: String,
    /// <p>父任务ID</p>
    #[serde(rename = "FromTaskId")]
    pub from_task_id: String,
    /// <p>父任务参数key</p>
    #[serde(rename = "FromParamKey")]
    pub from_param_key: String,
    /// <p>任务输入类型，默认使用TASK</p><p>枚举值：</p><ul><li>TASK： 来源为父任务</li><li>CONSTANT： 常量值，目前仅for-each节点支持</li></ul>
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
}

/// 实例日志内容
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct InstanceLog {
    /// 实例唯一标识
    #[serde(
        rename = "InstanceKey",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_key: Option<String>,
    /// 项目ID
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// **运行代码内容**
    #[serde(
        rename = "CodeContent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_content: Option<String>,
    /// **日志内容**
    #[serde(rename = "LogInfo", default, skip_serializing_if = "Option::is_none")]
    pub log_info: Option<String>,
    /// **分页查询日志时使用，无具体业务含义**
    #[serde(
        rename = "NextCursor",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub next_cursor: Option<String>,
}

/// 键值对
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct KVPair {
    /// 键名
    #[serde(rename = "K", default, skip_serializing_if = "Option::is_none")]
    pub k: Option<String>,
    /// 值，请勿传SQL(请求会被视为攻击接口)，如果有需要，请将SQL进行Base64转码并解码。
    #[serde(rename = "V", default, skip_serializing_if = "Option::is_none")]
    pub v: Option<String>,
}

/// KillTriggerWorkflowRuns请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct KillTriggerWorkflowRunsRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 工作流ID
    #[serde(rename = "WorkflowId")]
    pub workflow_id: String,
    /// 指定要停止的工作流执行ID
    #[serde(
        rename = "WorkflowExecutionIdList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_execution_id_list: Option<Vec<String>>,
    /// 当指定的工作流运行为空时，是否全部终止正在运行的工作流执行
    #[serde(rename = "All", default, skip_serializing_if = "Option::is_none")]
    pub all: Option<bool>,
    /// 当指定的工作流运行为空时，是否仅停止等待中的工作流运行
    #[serde(rename = "Pending", default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<bool>,
}

/// KillTriggerWorkflowRuns返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct KillTriggerWorkflowRunsResponse {
    /// 工作流运行操作结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Vec<ExecutionActionBrief>>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// ListCodeFolderContents请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListCodeFolderContentsRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 父文件夹path，例如/aaa/bbb/ccc，路径头需带斜杠，根目录传/
    #[serde(
        rename = "ParentFolderPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_folder_path: Option<String>,
    /// 文件夹名称/代码文件名称搜索
    #[serde(rename = "Keyword", default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// 只查询文件夹
    #[serde(
        rename = "OnlyFolderNode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub only_folder_node: Option<bool>,
    /// 是否只查询用户自己创建的代码文件
    #[serde(
        rename = "OnlyUserSelfScript",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub only_user_self_script: Option<bool>,
}

/// ListCodeFolderContents返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListCodeFolderContentsResponse {
    /// 结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Vec<CodeFolderNode>>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// ListDataBackfillInstances请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListDataBackfillInstancesRequest {
    /// 所属项目Id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 补录计划Id
    #[serde(rename = "DataBackfillPlanId")]
    pub data_backfill_plan_id: String,
    /// 任务Id
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 页码
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 分页大小
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
}

/// ListDataBackfillInstances返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListDataBackfillInstancesResponse {
    /// 单个补录计划下的所有补录实例
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<BackfillInstanceCollection>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// ListDownstreamTasks请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListDownstreamTasksRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 分页大小
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 分页页码
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
}

/// ListDownstreamTasks返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListDownstreamTasksResponse {
    /// 下游依赖详情
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<DependencyConfigPage>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// ListDownstreamTriggerTasks请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListDownstreamTriggerTasksRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 分页页码
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 分页大小
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
}

/// ListDownstreamTriggerTasks返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListDownstreamTriggerTasksResponse {
    /// 下游依赖详情
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TriggerDependencyConfigPage>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 任务列表分页
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListOpsTasksPage {
    /// 结果总数
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// 总页数
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
    /// 记录列表
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<TaskOpsInfo>>,
    /// 页码
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 分页大小
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
}

/// ListOpsTasks请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListOpsTasksRequest {
    /// 项目Id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 分页大小
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<String>,
    /// 分页页码
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<String>,
    /// 任务类型Id
    #[serde(
        rename = "TaskTypeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_id: Option<String>,
    /// 工作流Id
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// 工作流名称
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// 责任人id
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// 文件夹Id
    #[serde(rename = "FolderId", default, skip_serializing_if = "Option::is_none")]
    pub folder_id: Option<String>,
    /// 数据源id
    #[serde(
        rename = "SourceServiceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_id: Option<String>,
    /// 目标数据源id
    #[serde(
        rename = "TargetServiceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_id: Option<String>,
    /// 资源组id
    #[serde(
        rename = "ExecutorGroupId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub executor_group_id: Option<String>,
    /// 任务周期类型
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// 任务状态:
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// 时区, 默认默认UTC+8
    #[serde(rename = "TimeZone", default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
}

/// ListOpsTasks返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListOpsTasksResponse {
    /// 任务列表
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<ListOpsTasksPage>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// ListTaskFolders请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTaskFoldersRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 父文件夹绝对路径，如/abc/de，如果是根目录则传/
    #[serde(rename = "ParentTaskFolderPath")]
    pub parent_task_folder_path: String,
    /// 工作流ID
    #[serde(rename = "WorkflowId")]
    pub workflow_id: String,
    /// 任务文件夹类型
    #[serde(rename = "TaskFolderType")]
    pub task_folder_type: String,
    /// 数据页数，大于等于1。默认1
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 每页显示的数据条数，最小为10条，最大为200 条。默认10
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
}

/// ListTaskFolders返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTaskFoldersResponse {
    /// 分页的文件夹查询结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TaskFolderPage>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 查询任务信息分页
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTaskInfo {
    /// 任务数组
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<TaskBaseAttribute>>,
    /// 当前请求的数据页数
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 当前请求的数据页条数
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 满足查询条件的数据总条数
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// 满足查询条件的数据总页数
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
}

/// ListTaskInstances请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTaskInstancesRequest {
    /// **项目ID**
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// **页码，整型**
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<i64>,
    /// **每页显示的条数，默认为10，最小值为1、最大值为100
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
    /// **任务名称 或 任务ID**
    #[serde(rename = "Keyword", default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// **时区**timeZone, 传入的时间字符串的所在时区，默认UTC+8
    #[serde(rename = "TimeZone", default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// **实例类型**
    #[serde(
        rename = "InstanceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_type: Option<u64>,
    /// **实例状态** - WAIT_EVENT: 等待事件 - WAIT_UPSTREAM: 等待上游 - WAIT_RUN: 等待运行 - RUNNING: 运行中 - SKIP_RUNNING: 跳过运行 - FAILED_RETRY: 失败重试 - EXPIRED: 失败 - COMPLETED: 成功
    #[serde(
        rename = "InstanceState",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_state: Option<String>,
    /// **任务类型Id**
    #[serde(
        rename = "TaskTypeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_id: Option<u64>,
    /// **任务周期类型** * ONEOFF_CYCLE: 一次性 * YEAR_CYCLE: 年 * MONTH_CYCLE: 月 * WEEK_CYCLE: 周 * DAY_CYCLE: 天 * HOUR_CYCLE: 小时 * MINUTE_CYCLE: 分钟 * CRONTAB_CYCLE: crontab表达式类型
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// **任务负责人id**
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// **任务所属文件id**
    #[serde(rename = "FolderId", default, skip_serializing_if = "Option::is_none")]
    pub folder_id: Option<String>,
    /// **任务所属工作流id**
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// **执行资源组Id**
    #[serde(
        rename = "ExecutorGroupId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub executor_group_id: Option<String>,
    /// **实例计划调度时间过滤条件**过滤起始时间，时间格式为 yyyy-MM-dd HH:mm:ss
    #[serde(
        rename = "ScheduleTimeFrom",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_time_from: Option<String>,
    /// **实例计划调度时间过滤条件**过滤截止时间，时间格式为 yyyy-MM-dd HH:mm:ss
    #[serde(
        rename = "ScheduleTimeTo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_time_to: Option<String>,
    /// **实例执行开始时间过滤条件**过滤起始时间，时间格式为 yyyy-MM-dd HH:mm:ss
    #[serde(
        rename = "StartTimeFrom",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time_from: Option<String>,
    /// **实例执行开始时间过滤条件**
    #[serde(
        rename = "StartTimeTo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time_to: Option<String>,
    /// **实例最近更新时间过滤条件**
    #[serde(
        rename = "LastUpdateTimeFrom",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_update_time_from: Option<String>,
    /// **实例最近更新时间过滤条件**
    #[serde(
        rename = "LastUpdateTimeTo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_update_time_to: Option<String>,
    /// **查询结果排序字段**- SCHEDULE_DATE 表示 根据计划调度时间排序- START_TIME 表示 根据实例开始执行时间排序- END_TIME 表示 根据实例结束执行时间排序- COST_TIME 表示 根据实例执行时长排序
    #[serde(
        rename = "SortColumn",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub sort_column: Option<String>,
    /// **实例排序方式**
    #[serde(rename = "SortType", default, skip_serializing_if = "Option::is_none")]
    pub sort_type: Option<String>,
}

/// ListTaskInstances返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTaskInstancesResponse {
    /// 实例结果集
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TaskInstancePage>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 查询任务版本分页列表
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTaskVersions {
    /// 记录列表
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<TaskVersion>>,
    /// 满足查询条件的数据总条数。
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// 满足查询条件的数据总页数。
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
    /// 当前页记录数
    #[serde(rename = "PageCount", default, skip_serializing_if = "Option::is_none")]
    pub page_count: Option<u64>,
    /// 当前请求的数据页条数。
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 当前请求的数据页数。
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
}

/// ListTaskVersions请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTaskVersionsRequest {
    /// <p>项目ID</p>
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// <p>任务ID</p>
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// <p>保存版本：SAVE<br>提交版本：SUBMIT<br>默认为SAVE</p>
    #[serde(
        rename = "TaskVersionType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_version_type: Option<String>,
    /// <p>请求的数据页数。默认值为1，取值大于等于1。</p>
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// <p>每页显示的数据条数。默认值为10 ，最小值为10，最大值为200。</p>
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// <p>是否为使用版本</p>
    #[serde(
        rename = "UsedVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub used_version: Option<bool>,
}

/// ListTaskVersions返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTaskVersionsResponse {
    /// <p>版本列表</p>
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<ListTaskVersions>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// ListTasks请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTasksRequest {
    /// <p>项目ID</p>
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// <p>请求的数据页数。默认值为1，取值大于等于1</p>
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<i64>,
    /// <p>每页显示的数据条数。默认值为10 ，最小值为10，最大值为200</p>
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
    /// <p>任务名称</p>
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// <p>所属工作流ID</p>
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// <p>责任人ID</p>
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// <p>任务类型</p>
    #[serde(
        rename = "TaskTypeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_id: Option<i64>,
    /// <p>任务状态</p><ul><li>N: 新建 </li><li>Y: 调度中 </li><li>F: 已下线 </li><li>O: 已暂停 </li><li>T: 下线中 </li><li>INVALID: 已失效</li></ul>
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// <p>提交状态</p>
    #[serde(rename = "Submit", default, skip_serializing_if = "Option::is_none")]
    pub submit: Option<bool>,
    /// <p>BundleId信息</p>
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// <p>创建人ID</p>
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// <p>修改时间区间 yyyy-MM-dd HH:mm:ss，需要在数组填入两个时间</p>
    #[serde(
        rename = "ModifyTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modify_time: Option<Vec<String>>,
    /// <p>创建时间区间 yyyy-MM-dd HH:mm:ss，需要在数组填入两个时间</p>
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<Vec<String>>,
    /// <p>任务文件夹路径列表，支持多选，从工作流下的目录开始填写，节点类型无需填写。选择上层文件夹时，自动包含所有子文件夹下的任务。 路径格式为绝对路径，如 &quot;/子目录A&quot;，根目录为 &quot;/&quot;</p>
    #[serde(
        rename = "TaskFolderPathList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_folder_path_list: Option<Vec<String>>,
    /// <p>工作流文件夹路径列表，支持多选。选择上层文件夹时，自动包含所有子文件夹下工作流的任务。 路径格式为绝对路径，如 &quot;/数据开发/子目录&quot;，根目录为 &quot;/&quot;。</p>
    #[serde(
        rename = "WorkflowFolderPathList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_folder_path_list: Option<Vec<String>>,
    /// <p>节点类型列表，用于按任务节点分类筛选，支持多选， 可选值参考下面枚举类型 。 传入后将根据这些节点类型包含的任务类型ID列表进行筛选。</p><p>枚举值：</p><ul><li>ETL： 数据集成节点</li><li>EMR： EMR节点</li><li>DLC： DLC节点</li><li>SETATS： SETATS节点</li><li>TDSQL： TDSQL节点</li><li>TCHOUSE： TCHOUSE节点</li><li>GENERAL： 通用节点</li><li>DATA_QUALITY： 数据质量节点</li><li>INDICATOR： 指标节点</li><li>TI_ONE： TI-ONE机器学习节点</li></ul>
    #[serde(
        rename = "TaskNodeTypeList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_node_type_list: Option<Vec<String>>,
}

/// ListTasks返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTasksResponse {
    /// <p>任务分页信息</p>
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<ListTaskInfo>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 查询任务信息分页
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerTaskInfo {
    /// 任务数组
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<TriggerTaskBaseAttribute>>,
    /// 当前请求的数据页数
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 当前请求的数据页条数
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 满足查询条件的数据总条数
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// 满足查询条件的数据总页数
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
}

/// 查询任务运行列表返回参数
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerTaskRunBrief {
    /// 任务运行ID
    #[serde(
        rename = "ExecutionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_id: Option<String>,
    /// 工作流ID
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// 工作流运行ID
    #[serde(
        rename = "WorkflowExecutionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_execution_id: Option<String>,
    /// 任务ID
    #[serde(rename = "TaskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// 触发类型
    #[serde(
        rename = "TriggerType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_type: Option<String>,
    /// 等待时长，单位秒
    #[serde(rename = "WaitTime", default, skip_serializing_if = "Option::is_none")]
    pub wait_time: Option<String>,
    /// 运行账号
    #[serde(
        rename = "ExecuteUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execute_user_uin: Option<String>,
    /// 计划调度时间
    #[serde(
        rename = "ScheduleTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_time: Option<String>,
    /// 运行开始时间
    #[serde(
        rename = "ExecutionStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_start_time: Option<String>,
    /// 运行结束时间
    #[serde(
        rename = "ExecutionEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_end_time: Option<String>,
    /// 运行时间
    #[serde(
        rename = "ExecutionTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_time: Option<String>,
    /// 系统自动重试次数
    #[serde(
        rename = "RetryTimes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub retry_times: Option<i64>,
    /// 错误码描述
    #[serde(
        rename = "ErrorCodeStr",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_code_str: Option<String>,
    /// 任务名称
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// 工作流名称
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// 用户手动重跑次数
    #[serde(
        rename = "RerunTimes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rerun_times: Option<i64>,
    /// 任务运行状态
    #[serde(
        rename = "TaskExecutionState",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_execution_state: Option<String>,
    /// 是否是最新一次运行
    #[serde(
        rename = "IsLatestExecution",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub is_latest_execution: Option<bool>,
}

/// 查询工作流结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerTaskRunResult {
    /// 总记录数
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// 页数
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
    /// 页码
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 页大小
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 任务运行信息集合
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<ListTriggerTaskRunBrief>>,
}

/// ListTriggerTaskRuns请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerTaskRunsRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 过滤参数，任务名称或ID查询: Keyword，工作流ID查询: WorkflowId，文件夹查询: FolderId，负责人查询: InChargeUin，工作流执行ID: WorkflowExecutionId，任务执行ID: ExecutionId，任务ID: TaskId，计划调度时间区间: ScheduleTimeGreaterEqual / ScheduleTimeLessEqual
    #[serde(rename = "Filters", default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<Filter>>,
    /// 排序字段，排序字段名称 如下开始时间：CreateTime，结束时间：EndTime，计划调度时间：ScheduleTime
    #[serde(
        rename = "OrderFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub order_fields: Option<Vec<OrderField>>,
    /// 页码
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 页大小
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
}

/// ListTriggerTaskRuns返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerTaskRunsResponse {
    /// 任务运行查询结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<ListTriggerTaskRunResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 查询任务版本分页列表
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerTaskVersions {
    /// 记录列表
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<TriggerTaskVersion>>,
    /// 满足查询条件的数据总条数。
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// 满足查询条件的数据总页数。
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
    /// 当前页记录数
    #[serde(rename = "PageCount", default, skip_serializing_if = "Option::is_none")]
    pub page_count: Option<u64>,
    /// 当前请求的数据页条数。
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 当前请求的数据页数。
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
}

/// ListTriggerTaskVersions请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerTaskVersionsRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 保存版本：SAVE
    #[serde(
        rename = "TaskVersionType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_version_type: Option<String>,
    /// 请求的数据页数。默认值为1，取值大于等于1。
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 每页显示的数据条数。默认值为10 ，最小值为10，最大值为200。
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
}

/// ListTriggerTaskVersions返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerTaskVersionsResponse {
    /// 版本列表
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<ListTriggerTaskVersions>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// ListTriggerTasks请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerTasksRequest {
    /// <p>项目ID</p>
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// <p>请求的数据页数。默认值为1，取值大于等于1</p>
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<i64>,
    /// <p>每页显示的数据条数。默认值为10 ，最小值为10，最大值为200</p>
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
    /// <p>任务名称</p>
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// <p>所属工作流ID</p>
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// <p>责任人ID</p>
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// <p>任务类型</p>
    #[serde(
        rename = "TaskTypeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_id: Option<i64>,
    /// <p>任务状态</p><ul><li>N: 新建 </li><li>Y: 调度中</li></ul>
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// <p>提交状态</p>
    #[serde(rename = "Submit", default, skip_serializing_if = "Option::is_none")]
    pub submit: Option<bool>,
    /// <p>BundleId信息</p>
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// <p>创建人ID</p>
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// <p>修改时间区间 yyyy-MM-dd HH:mm:ss，需要在数组填入两个时间</p>
    #[serde(
        rename = "ModifyTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modify_time: Option<Vec<String>>,
    /// <p>创建时间区间 yyyy-MM-dd HH:mm:ss，需要在数组填入两个时间</p>
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<Vec<String>>,
    /// <p>任务文件夹路径列表，支持多选，从工作流下的目录开始填写，节点类型无需填写。选择上层文件夹时，自动包含所有子文件夹下的任务。 路径格式为绝对路径，如 &quot;/子目录A&quot;，根目录为 &quot;/&quot;</p>
    #[serde(
        rename = "TaskFolderPathList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_folder_path_list: Option<Vec<String>>,
    /// <p>工作流文件夹路径列表，支持多选。选择上层文件夹时，自动包含所有子文件夹下工作流的任务。 路径格式为绝对路径，如 &quot;/数据开发/子目录&quot;，根目录为 &quot;/&quot;</p>
    #[serde(
        rename = "WorkflowFolderPathList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_folder_path_list: Option<Vec<String>>,
    /// <p>节点类型列表，用于按任务节点分类筛选，支持多选，可选值参考下面枚举类型 。 传入后将根据这些节点类型包含的任务类型ID列表进行筛选。</p><p>枚举值：</p><ul><li>ETL： 数据集成节点</li><li>EMR： EMR节点</li><li>DLC： DLC节点</li><li>SETATS： SETATS节点</li><li>TDSQL： TDSQL节点</li><li>TCHOUSE： TCHOUSE节点</li><li>GENERAL： 通用节点</li><li>DATA_QUALITY： 数据质量节点</li><li>INDICATOR： 指标节点</li><li>TI_ONE： TI-ONE机器学习节点</li></ul>
    #[serde(
        rename = "TaskNodeTypeList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_node_type_list: Option<Vec<String>>,
}

/// ListTriggerTasks返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerTasksResponse {
    /// <p>任务分页信息</p>
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<ListTriggerTaskInfo>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 查询工作流分页列表
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerWorkflowInfo {
    /// 列表item
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<TriggerWorkflowInfo>>,
    /// 满足查询条件的数据总页数
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
    /// 当前请求的数据页数
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 当前请求的数据页条数
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 满足查询条件的数据总条数
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
}

/// ListTriggerWorkflowRuns请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerWorkflowRunsRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 过滤参数, 工作流名称或ID查询名称: Keyword, 工作流ID查询名称: WorkflowId,文件夹查询名称: FolderId, 负责人查询名称: InChargeUin, 运行账号ID查询名称: ExecuteUserUin, 工作流执行id: ExecutionId, 计划调度时间区间: ScheduleTimeGreaterEqual, ScheduleTimeLessEqual
    #[serde(rename = "Filters", default, skip_serializing_if = "Option::is_none")]
    pub filters: Option<Vec<Filter>>,
    /// 排序字段，排序字段名称 如下开始时间：CreateTime，结束时间：EndTime，计划调度时间：ScheduleTime
    #[serde(
        rename = "OrderFields",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub order_fields: Option<Vec<OrderField>>,
    /// 页码
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 页大小
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
}

/// ListTriggerWorkflowRuns返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerWorkflowRunsResponse {
    /// 工作流运行查询结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TriggerWorkflowRunResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// ListTriggerWorkflows请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerWorkflowsRequest {
    /// <p>项目ID</p>
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// <p>请求的数据页数。默认值为1，取值大于等于1</p>
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<i64>,
    /// <p>每页显示的数据条数。默认值为10 ，最小值为10，最大值为200</p>
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
    /// <p>搜索关键词</p>
    #[serde(rename = "Keyword", default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// <p>工作流所属文件夹</p>
    #[serde(
        rename = "ParentFolderPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_folder_path: Option<String>,
    /// <p>bundleId项</p>
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// <p>负责人ID</p>
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// <p>创建人ID</p>
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// <p>运行账号ID</p>
    #[serde(
        rename = "ExecuteUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execute_user_uin: Option<String>,
    /// <p>修改时间区间 yyyy-MM-dd HH:mm:ss，需要在数组填入两个时间</p>
    #[serde(
        rename = "ModifyTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modify_time: Option<Vec<String>>,
    /// <p>创建时间区间 yyyy-MM-dd HH:mm:ss，需要在数组填入两个时间</p>
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<Vec<String>>,
}

/// ListTriggerWorkflows返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListTriggerWorkflowsResponse {
    /// <p>查询工作流分页信息</p>
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<ListTriggerWorkflowInfo>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// ListUpstreamTasks请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListUpstreamTasksRequest {
    /// 项目Id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务Id
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 请求的数据页数。默认值为1，取值大于等于1。
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 请求的数据页数。默认值为1，取值大于等于1。
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
}

/// ListUpstreamTasks返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListUpstreamTasksResponse {
    /// 上游任务详情
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<DependencyConfigPage>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// ListUpstreamTriggerTasks请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListUpstreamTriggerTasksRequest {
    /// 项目Id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务Id
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 请求的数据页数。默认值为1，取值大于等于1。
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 请求的数据页数。默认值为1，取值大于等于1。
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
}

/// ListUpstreamTriggerTasks返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListUpstreamTriggerTasksResponse {
    /// 上游任务详情
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<TriggerDependencyConfigPage>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// ListWorkflowFolders请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListWorkflowFoldersRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 父文件夹绝对路径，如/abc/de，如果是根目录则传/
    #[serde(rename = "ParentFolderPath")]
    pub parent_folder_path: String,
    /// 数据页数，大于等于1。默认1
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 每页显示的数据条数，最小为10条，最大为200 条。默认10
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
}

/// ListWorkflowFolders返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListWorkflowFoldersResponse {
    /// 分页的文件夹查询结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<WorkflowFolderPage>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 查询工作流分页列表
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListWorkflowInfo {
    /// 列表item
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<WorkflowInfo>>,
    /// 满足查询条件的数据总页数
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
    /// 当前请求的数据页数
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 当前请求的数据页条数
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 满足查询条件的数据总条数
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
}

/// ListWorkflows请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListWorkflowsRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 请求的数据页数。默认值为1，取值大于等于1
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<i64>,
    /// 每页显示的数据条数。默认值为10 ，最小值为10，最大值为200
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i64>,
    /// 搜索关键词
    #[serde(rename = "Keyword", default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// 工作流所属文件夹
    #[serde(
        rename = "ParentFolderPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_folder_path: Option<String>,
    /// 工作流类型，cycle和manual
    #[serde(
        rename = "WorkflowType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_type: Option<String>,
    /// bundleId项
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// 负责人ID
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// 创建人ID
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// 修改时间区间 yyyy-MM-dd HH:mm:ss，需要在数组填入两个时间
    #[serde(
        rename = "ModifyTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modify_time: Option<Vec<String>>,
    /// 创建时间区间 yyyy-MM-dd HH:mm:ss，需要在数组填入两个时间
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<Vec<String>>,
}

/// ListWorkflows返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ListWorkflowsResponse {
    /// 查询工作流分页信息
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<ListWorkflowInfo>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// notebook kernel session信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NotebookSessionInfo {
    /// 会话ID
    #[serde(
        rename = "NotebookSessionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub notebook_session_id: Option<String>,
    /// 会话名称
    #[serde(
        rename = "NotebookSessionName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub notebook_session_name: Option<String>,
}

/// 异步操作详情
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OpsAsyncJobDetail {
    /// 项目id
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// 操作id
    #[serde(rename = "AsyncId", default, skip_serializing_if = "Option::is_none")]
    pub async_id: Option<String>,
    /// 异步操作类型
    #[serde(rename = "AsyncType", default, skip_serializing_if = "Option::is_none")]
    pub async_type: Option<String>,
    /// 异步操作状态：初始状态: INIT; 运行中: RUNNING; 成功: SUCCESS; 失败: FAIL; 部分成功: PART_SUCCESS
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// 错误信息
    #[serde(rename = "ErrorDesc", default, skip_serializing_if = "Option::is_none")]
    pub error_desc: Option<String>,
    /// 子操作总数
    #[serde(
        rename = "TotalSubProcessCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_sub_process_count: Option<u64>,
    /// 已完成的子操作个数
    #[serde(
        rename = "FinishedSubProcessCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub finished_sub_process_count: Option<u64>,
    /// 已成功的子操作个数
    #[serde(
        rename = "SuccessSubProcessCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub success_sub_process_count: Option<u64>,
    /// 操作人id
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// 操作创建时间
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
}

/// 异步操作返回结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OpsAsyncResponse {
    /// 异步执行记录Id
    #[serde(rename = "AsyncId", default, skip_serializing_if = "Option::is_none")]
    pub async_id: Option<String>,
}

/// 通用排序字段
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OrderField {
    /// <p>排序字段名称</p>
    #[serde(rename = "Name")]
    pub name: String,
    /// <p>排序方向：ASC|DESC</p>
    #[serde(rename = "Direction")]
    pub direction: String,
}

/// 参数传递-输出参数
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OutTaskParameter {
    /// 参数名
    #[serde(rename = "ParamKey")]
    pub param_key: String,
    /// 参数定义
    #[serde(rename = "ParamValue")]
    pub param_value: String,
}

/// 参数
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ParamInfo {
    /// 参数名
    #[serde(rename = "ParamKey")]
    pub param_key: String,
    /// 参数值
    #[serde(rename = "ParamValue")]
    pub param_value: String,
}

/// PauseOpsTasksAsync请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PauseOpsTasksAsyncRequest {
    /// 所属项目Id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务Id列表
    #[serde(rename = "TaskIds")]
    pub task_ids: Vec<String>,
    /// 是否需要终止已生成实例
    #[serde(
        rename = "KillInstance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub kill_instance: Option<bool>,
}

/// PauseOpsTasksAsync返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PauseOpsTasksAsyncResponse {
    /// 异步操作结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<OpsAsyncResponse>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 任务调度变量参数
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SchedulingParameter {
    /// 参数名
    #[serde(rename = "ParamKey", default, skip_serializing_if = "Option::is_none")]
    pub param_key: Option<String>,
    /// 参数值
    #[serde(
        rename = "ParamValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_value: Option<String>,
    /// 拓展参数json
    #[serde(
        rename = "ExtProperties",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub ext_properties: Option<String>,
}

/// StartOpsTasks请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StartOpsTasksRequest {
    /// 所属项目Id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务Id列表
    #[serde(rename = "TaskIds")]
    pub task_ids: Vec<String>,
    /// 启动时是否补录上次暂停到当前的中间实例，默认false即不补录
    #[serde(
        rename = "EnableDataBackfill",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub enable_data_backfill: Option<bool>,
}

/// StartOpsTasks返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StartOpsTasksResponse {
    /// 异步操作结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<StartTasks>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 批量启动任务返回参数
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StartTasks {
    /// 任务启动是否成功
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<bool>,
}

/// StopOpsTasksAsync请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StopOpsTasksAsyncRequest {
    /// 所属项目Id
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务Id列表
    #[serde(rename = "TaskIds")]
    pub task_ids: Vec<String>,
    /// 是否终止已生成实例，默认false
    #[serde(
        rename = "KillInstance",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub kill_instance: Option<bool>,
}

/// StopOpsTasksAsync返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StopOpsTasksAsyncResponse {
    /// AsyncId
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<OpsAsyncResponse>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// SubmitTask请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SubmitTaskRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 版本备注
    #[serde(rename = "VersionRemark")]
    pub version_remark: String,
}

/// SubmitTask返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SubmitTaskResponse {
    /// 成功或者失败
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<SubmitTaskResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 提交数据开发任务结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SubmitTaskResult {
    /// 生成的任务版本ID
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// 提交状态
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<bool>,
}

/// SubmitTriggerTask请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SubmitTriggerTaskRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 版本备注
    #[serde(rename = "VersionRemark")]
    pub version_remark: String,
}

/// SubmitTriggerTask返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SubmitTriggerTaskResponse {
    /// 成功或者失败
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<SubmitTaskResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 任务对象
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Task {
    /// 任务基本属性
    #[serde(rename = "TaskBaseAttribute")]
    pub task_base_attribute: TaskBaseAttribute,
    /// 任务配置
    #[serde(rename = "TaskConfiguration")]
    pub task_configuration: TaskConfiguration,
    /// 任务调度配置
    #[serde(rename = "TaskSchedulerConfiguration")]
    pub task_scheduler_configuration: TaskSchedulerConfiguration,
}

/// 任务基本属性信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskBaseAttribute {
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 任务类型ID：
    #[serde(rename = "TaskTypeId")]
    pub task_type_id: u64,
    /// 工作流ID
    #[serde(rename = "WorkflowId")]
    pub workflow_id: String,
    /// 任务名称
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// 最近一次保存版本号
    #[serde(
        rename = "TaskLatestVersionNo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_latest_version_no: Option<String>,
    /// 最近一次提交版本号
    #[serde(
        rename = "TaskLatestSubmitVersionNo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_latest_submit_version_no: Option<String>,
    /// 工作流名称
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// 任务状态：
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// 任务最新提交状态，任务是否已经提交：true/false
    #[serde(rename = "Submit", default, skip_serializing_if = "Option::is_none")]
    pub submit: Option<bool>,
    /// 任务创建时间，示例：2022-02-12 11:13:41
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// 最后更新时间，示例：2025-08-13 16:34:06
    #[serde(
        rename = "LastUpdateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_update_time: Option<String>,
    /// 最后更新人名称
    #[serde(
        rename = "LastUpdateUserName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_update_user_name: Option<String>,
    /// 最后运维时间
    #[serde(
        rename = "LastOpsTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_ops_time: Option<String>,
    /// 最后运维人名称
    #[serde(
        rename = "LastOpsUserName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_ops_user_name: Option<String>,
    /// 任务负责人ID
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// 任务描述
    #[serde(
        rename = "TaskDescription",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_description: Option<String>,
    /// 最近一次更新用户ID
    #[serde(
        rename = "UpdateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_user_uin: Option<String>,
    /// 创建用户ID
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// 任务文件夹路径
    #[serde(
        rename = "TaskFolderPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_folder_path: Option<String>,
}

/// 任务代码
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskCodeResult {
    /// <p>base64编码的代码内容</p>
    #[serde(rename = "CodeInfo", default, skip_serializing_if = "Option::is_none")]
    pub code_info: Option<String>,
    /// <p>代码文件大小，单位KB</p>
    #[serde(
        rename = "CodeFileSize",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_file_size: Option<String>,
}

/// 任务配置信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskConfiguration {
    /// 代码内容的Base64编码
    #[serde(
        rename = "CodeContent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_content: Option<String>,
    /// 任务扩展属性配置列表
    #[serde(
        rename = "TaskExtConfigurationList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_ext_configuration_list: Option<Vec<TaskExtParameter>>,
    /// 集群ID
    #[serde(
        rename = "DataCluster",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_cluster: Option<String>,
    /// 指定的运行节点
    #[serde(rename = "BrokerIp", default, skip_serializing_if = "Option::is_none")]
    pub broker_ip: Option<String>,
    /// 资源池队列名称，需要通过 DescribeProjectClusterQueues 获取
    #[serde(rename = "YarnQueue", default, skip_serializing_if = "Option::is_none")]
    pub yarn_queue: Option<String>,
    /// 来源数据源ID,  需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "SourceServiceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_id: Option<String>,
    /// 来源数据源类型,  需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "SourceServiceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_type: Option<String>,
    /// 来源数据源名称, 需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "SourceServiceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_name: Option<String>,
    /// 目标数据源ID, 需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "TargetServiceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_id: Option<String>,
    /// 目标数据源类型,  需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "TargetServiceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_type: Option<String>,
    /// 目标数据源名称, 需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "TargetServiceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_name: Option<String>,
    /// 资源组ID： 需要通过 DescribeNormalSchedulerExecutorGroups 获取 ExecutorGroupId
    #[serde(
        rename = "ResourceGroup",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_group: Option<String>,
    /// 资源组名称： 需要通过 DescribeNormalSchedulerExecutorGroups 获取 ExecutorGroupName
    #[serde(
        rename = "ResourceGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_group_name: Option<String>,
    /// 调度参数
    #[serde(
        rename = "TaskSchedulingParameterList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_scheduling_parameter_list: Option<Vec<TaskSchedulingParameter>>,
    /// Bundle使用的ID
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// Bundle信息
    #[serde(
        rename = "BundleInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bundle_info: Option<String>,
}

/// 任务数据库登记项
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskDataRegistry {
    /// 数据源ID
    #[serde(rename = "DatasourceId")]
    pub datasource_id: String,
    /// 数据库名称
    #[serde(rename = "DatabaseName")]
    pub database_name: String,
    /// 表名称
    #[serde(rename = "TableName")]
    pub table_name: String,
    /// 分区名称
    #[serde(rename = "PartitionName")]
    pub partition_name: String,
    /// 输入输出表类型
    #[serde(rename = "DataFlowType")]
    pub data_flow_type: String,
    /// 表物理唯一ID
    #[serde(rename = "TablePhysicalId")]
    pub table_physical_id: String,
    /// 库唯一标识
    #[serde(rename = "DbGuid", default, skip_serializing_if = "Option::is_none")]
    pub db_guid: Option<String>,
    /// 表唯一标识
    #[serde(rename = "TableGuid", default, skip_serializing_if = "Option::is_none")]
    pub table_guid: Option<String>,
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

/// 依赖任务信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskDependDto {
    /// 任务Id
    #[serde(rename = "TaskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// 任务名称
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// 工作流id
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// 工作流名称
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// 项目id
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// 任务状态:
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// 任务类型id
    #[serde(
        rename = "TaskTypeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_id: Option<u64>,
    /// 任务类型描述
    #[serde(
        rename = "TaskTypeDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_desc: Option<String>,
    /// 调度计划展示描述信息
    #[serde(
        rename = "ScheduleDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_desc: Option<String>,
    /// 任务开始时间
    #[serde(rename = "StartTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// 任务结束时间
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// 延迟时间
    #[serde(rename = "DelayTime", default, skip_serializing_if = "Option::is_none")]
    pub delay_time: Option<u64>,
    /// 周期类型：默认为 D
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// 负责人
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// 弹性周期配置
    #[serde(
        rename = "TaskAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_action: Option<String>,
    /// 调度初始化策略
    #[serde(
        rename = "InitStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_strategy: Option<String>,
    /// crontab表达式
    #[serde(
        rename = "CrontabExpression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub crontab_expression: Option<String>,
}

/// 任务扩展信息参数
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskExtParameter {
    /// 参数名
    #[serde(rename = "ParamKey")]
    pub param_key: String,
    /// 参数值
    #[serde(rename = "ParamValue")]
    pub param_value: String,
}

/// 任务文件夹信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskFolder {
    /// 项目ID
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// 文件夹ID
    #[serde(
        rename = "TaskFolderId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_folder_id: Option<String>,
    /// 文件夹绝对路径
    #[serde(
        rename = "TaskFolderPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_folder_path: Option<String>,
    /// 创建人ID
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
}

/// 任务文件夹分页
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskFolderPage {
    /// 数据页数，大于等于1
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 每页显示的数据条数，最小为10条，最大为200 条
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 文件夹总数
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// 总页数
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
    /// 文件夹列表
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<TaskFolder>>,
}

/// 调度任务实例实体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskInstance {
    /// 所属项目id
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// **实例唯一标识**
    #[serde(
        rename = "InstanceKey",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_key: Option<String>,
    /// 文件夹ID
    #[serde(rename = "FolderId", default, skip_serializing_if = "Option::is_none")]
    pub folder_id: Option<String>,
    /// 文件夹名称
    #[serde(
        rename = "FolderName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub folder_name: Option<String>,
    /// 工作流ID
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// 工作流名称
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// 任务ID
    #[serde(rename = "TaskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// 任务名称
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// 实例数据时间
    #[serde(
        rename = "CurRunDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cur_run_date: Option<String>,
    /// **实例状态**
    #[serde(
        rename = "InstanceState",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_state: Option<String>,
    /// **实例类型**
    #[serde(
        rename = "InstanceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_type: Option<u64>,
    /// 负责人列表
    #[serde(
        rename = "OwnerUinList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub owner_uin_list: Option<Vec<String>>,
    /// 累计运行次数
    #[serde(
        rename = "TotalRunNum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_run_num: Option<u64>,
    /// 任务类型描述
    #[serde(rename = "TaskType", default, skip_serializing_if = "Option::is_none")]
    pub task_type: Option<String>,
    /// 任务类型id
    #[serde(
        rename = "TaskTypeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_id: Option<i64>,
    /// **任务周期类型**
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// 每次运行失败，下发重试次数限制
    #[serde(rename = "TryLimit", default, skip_serializing_if = "Option::is_none")]
    pub try_limit: Option<u64>,
    /// **失败重试次数**
    #[serde(rename = "Tries", default, skip_serializing_if = "Option::is_none")]
    pub tries: Option<u64>,
    /// 运行开始时间
    #[serde(rename = "StartTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// 运行完成时间
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// 耗费时间, 单位ms
    #[serde(rename = "CostTime", default, skip_serializing_if = "Option::is_none")]
    pub cost_time: Option<i64>,
    /// 计划调度时间
    #[serde(
        rename = "SchedulerTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduler_time: Option<String>,
    /// 实例最近更新时间, 时间格式为 yyyy-MM-dd HH:mm:ss
    #[serde(
        rename = "LastUpdateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_update_time: Option<String>,
    /// 执行资源组ID
    #[serde(
        rename = "ExecutorGroupId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub executor_group_id: Option<String>,
    /// 资源组名称
    #[serde(
        rename = "ExecutorGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub executor_group_name: Option<String>,
}

/// 调度任务实例详情
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskInstanceDetail {
    /// 所属项目id
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// **实例唯一标识**
    #[serde(
        rename = "InstanceKey",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_key: Option<String>,
    /// 文件夹ID
    #[serde(rename = "FolderId", default, skip_serializing_if = "Option::is_none")]
    pub folder_id: Option<String>,
    /// 文件夹名称
    #[serde(
        rename = "FolderName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub folder_name: Option<String>,
    /// 工作流ID
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// 工作流名称
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// 任务ID
    #[serde(rename = "TaskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// 任务名称
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// taskType对应的id
    #[serde(
        rename = "TaskTypeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_id: Option<i64>,
    /// 任务类型
    #[serde(rename = "TaskType", default, skip_serializing_if = "Option::is_none")]
    pub task_type: Option<String>,
    /// **任务周期类型**
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// 实例数据时间
    #[serde(
        rename = "CurRunDate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cur_run_date: Option<String>,
    /// **实例状态**
    #[serde(
        rename = "InstanceState",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_state: Option<String>,
    /// **实例类型**
    #[serde(
        rename = "InstanceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub instance_type: Option<u64>,
    /// 负责人列表
    #[serde(
        rename = "OwnerUinList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub owner_uin_list: Option<Vec<String>>,
    /// 累计运行次数
    #[serde(
        rename = "TotalRunNum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_run_num: Option<u64>,
    /// 每次运行失败，下发重试次数限制
    #[serde(rename = "TryLimit", default, skip_serializing_if = "Option::is_none")]
    pub try_limit: Option<u64>,
    /// **失败重试次数**
    #[serde(rename = "Tries", default, skip_serializing_if = "Option::is_none")]
    pub tries: Option<u64>,
    /// 耗费时间, 单位ms
    #[serde(rename = "CostTime", default, skip_serializing_if = "Option::is_none")]
    pub cost_time: Option<i64>,
    /// 运行开始时间
    #[serde(rename = "StartTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// 运行完成时间
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// 计划调度时间
    #[serde(
        rename = "SchedulerTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduler_time: Option<String>,
    /// 实例最近更新时间, 时间格式为 yyyy-MM-dd HH:mm:ss
    #[serde(
        rename = "LastUpdateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_update_time: Option<String>,
    /// 执行资源组ID
    #[serde(
        rename = "ExecutorGroupId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub executor_group_id: Option<String>,
    /// 资源组名称
    #[serde(
        rename = "ExecutorGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub executor_group_name: Option<String>,
    /// 简要的任务失败信息
    #[serde(
        rename = "JobErrorMsg",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub job_error_msg: Option<String>,
}

/// 实例列表分页实体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskInstancePage {
    /// **总条数**
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// **总分页数**
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
    /// 页码
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 每页条目数
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 数据列表
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<TaskInstance>>,
}

/// 任务运维工作流列表详情
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskOpsInfo {
    /// 任务ID
    #[serde(rename = "TaskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// 任务名
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// 负责人Id
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// 任务状态:
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// 文件夹id
    #[serde(rename = "FolderId", default, skip_serializing_if = "Option::is_none")]
    pub folder_id: Option<String>,
    /// 文件夹名字
    #[serde(
        rename = "FolderName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub folder_name: Option<String>,
    /// 工作流id
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// 工作流名称
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// 项目id
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// 项目名称
    #[serde(
        rename = "ProjectName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub project_name: Option<String>,
    /// 更新人名称
    #[serde(
        rename = "UpdateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_user_uin: Option<String>,
    /// 任务类型Id：
    #[serde(
        rename = "TaskTypeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_id: Option<u64>,
    /// 任务类型描述
    #[serde(
        rename = "TaskTypeDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_desc: Option<String>,
    /// 任务周期类型
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// 资源组id
    #[serde(
        rename = "ExecutorGroupId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub executor_group_id: Option<String>,
    /// 调度描述
    #[serde(
        rename = "ScheduleDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_desc: Option<String>,
    /// 资源组名称
    #[serde(
        rename = "ExecutorGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub executor_group_name: Option<String>,
    /// 最新调度提交时间
    #[serde(
        rename = "LastSchedulerCommitTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_scheduler_commit_time: Option<String>,
    /// 首次执行时间
    #[serde(
        rename = "FirstRunTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub first_run_time: Option<String>,
    /// 最近一次提交时间
    #[serde(
        rename = "FirstSubmitTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub first_submit_time: Option<String>,
    /// 创建时间
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// 最近更新时间
    #[serde(
        rename = "LastUpdateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_update_time: Option<String>,
}

/// 任务调度配置信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskSchedulerConfiguration {
    /// <p>周期类型：支持的类型为</p><p>ONEOFF_CYCLE: 一次性<br>YEAR_CYCLE: 年<br>MONTH_CYCLE: 月<br>WEEK_CYCLE: 周<br>DAY_CYCLE: 天<br>HOUR_CYCLE: 小时<br>MINUTE_CYCLE: 分钟<br>CRONTAB_CYCLE: crontab表达式类型</p>
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// <p>时区</p>
    #[serde(
        rename = "ScheduleTimeZone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_time_zone: Option<String>,
    /// <p>0 2 3 1,L,2 * ?</p>
    #[serde(
        rename = "CrontabExpression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub crontab_expression: Option<String>,
    /// <p>生效日期</p>
    #[serde(rename = "StartTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// <p>结束日期</p>
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// <p>执行时间 左闭区间</p>
    #[serde(
        rename = "ExecutionStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_start_time: Option<String>,
    /// <p>执行时间 右闭区间</p>
    #[serde(
        rename = "ExecutionEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_end_time: Option<String>,
    /// <p>日历调度 取值为 0 和 1， 1为打开，0为关闭，默认为0</p>
    #[serde(
        rename = "CalendarOpen",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub calendar_open: Option<String>,
    /// <p>日历调度 日历 ID</p>
    #[serde(
        rename = "CalendarId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub calendar_id: Option<String>,
    /// <p>日历调度 日历名称, 需要从 DescribeScheduleCalendarPageList 中获取</p>
    #[serde(
        rename = "CalendarName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub calendar_name: Option<String>,
    /// <p>自依赖, 默认值 serial, 取值为：parallel(并行), serial(串行), orderly(有序)</p>
    #[serde(
        rename = "SelfDepend",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub self_depend: Option<String>,
    /// <p>上游依赖数组</p>
    #[serde(
        rename = "UpstreamDependencyConfigList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub upstream_dependency_config_list: Option<Vec<DependencyTaskBrief>>,
    /// <p>下游依赖数组</p>
    #[serde(
        rename = "DownstreamDependencyConfigList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub downstream_dependency_config_list: Option<Vec<DependencyTaskBrief>>,
    /// <p>事件数组</p>
    #[serde(
        rename = "EventListenerList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub event_listener_list: Option<Vec<EventListener>>,
    /// <p>重跑&amp;补录配置, 默认为 ALL; , ALL 运行成功或失败后皆可重跑或补录, FAILURE 运行成功后不可重跑或补录，运行失败后可重跑或补录, NONE 运行成功或失败后皆不可重跑或补录;</p>
    #[serde(
        rename = "AllowRedoType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_redo_type: Option<String>,
    /// <p>输出参数数组</p>
    #[serde(
        rename = "ParamTaskOutList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_task_out_list: Option<Vec<OutTaskParameter>>,
    /// <p>输入参数数组</p>
    #[serde(
        rename = "ParamTaskInList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_task_in_list: Option<Vec<InTaskParameter>>,
    /// <p>产出登记</p>
    #[serde(
        rename = "TaskOutputRegistryList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_output_registry_list: Option<Vec<TaskDataRegistry>>,
    /// <p><strong>实例生成策略</strong></p><ul><li>T_PLUS_0: T+0生成,默认策略</li><li>T_PLUS_1: T+1生成</li></ul>
    #[serde(
        rename = "InitStrategy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub init_strategy: Option<String>,
    /// <p>调度类型: 0 正常调度 1 空跑调度，默认为 0</p>
    #[serde(
        rename = "ScheduleRunType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_run_type: Option<i64>,
    /// <p>（废弃，建议使用 DownstreamDependencyConfigList）下游依赖数组</p>
    #[serde(
        rename = "DownStreamDependencyConfigList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub down_stream_dependency_config_list: Option<Vec<DependencyTaskBrief>>,
    /// <p>任务调度优先级 运行优先级 4高 5中 6低 , 默认:6</p>
    #[serde(
        rename = "RunPriority",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub run_priority: Option<u64>,
    /// <p>重试策略 重试等待时间,单位分钟: 默认: 5</p>
    #[serde(rename = "RetryWait", default, skip_serializing_if = "Option::is_none")]
    pub retry_wait: Option<i64>,
    /// <p>重试策略 最大尝试次数, 默认: 4</p>
    #[serde(
        rename = "MaxRetryAttempts",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_retry_attempts: Option<i64>,
    /// <p>超时处理策略 运行耗时超时（单位：分钟）默认为 -1</p>
    #[serde(
        rename = "ExecutionTTL",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_ttl: Option<i64>,
    /// <p>超时处理策略 等待总时长耗时超时（单位：分钟）默认为 -1</p>
    #[serde(
        rename = "WaitExecutionTotalTTL",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub wait_execution_total_ttl: Option<String>,
    /// <p>调度类型: 0 正常调度 1 空跑调度，默认为 0</p>
    #[serde(
        rename = "ScheduleType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_type: Option<i64>,
    /// <p>任务调度优先级 运行优先级 4高 5中 6低 , 默认:6</p>
    #[serde(
        rename = "RunPriorityType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub run_priority_type: Option<i64>,
    /// <p>重试策略 重试等待时间,单位分钟: 默认: 5</p>
    #[serde(
        rename = "RetryWaitMinute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub retry_wait_minute: Option<i64>,
    /// <p>重试策略 最大尝试次数, 默认: 4</p>
    #[serde(
        rename = "MaxRetryNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_retry_number: Option<i64>,
    /// <p>超时处理策略 运行耗时超时（单位：分钟）默认为 -1</p>
    #[serde(
        rename = "ExecutionTTLMinute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_ttl_minute: Option<i64>,
    /// <p>超时处理策略 等待总时长耗时超时（单位：分钟）默认为 -1</p>
    #[serde(
        rename = "WaitExecutionTotalTTLMinute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub wait_execution_total_ttl_minute: Option<i64>,
    /// <ul><li>任务依赖运行条件，默认为ALL_SUCCESS，暂时只支持工作流调度项目下配置</li><li>ALL_SUCCESS： 全部成功：所有上游依赖任务都达到终态时，进行依赖判断，如果上游全部都成功，则依赖判断成功，否则如果上游有一个跳过运行，则标记为跳过运行，其余情况标记为上游失败</li><li>ALL_FAILED：全部失败：所有上游依赖任务都达到终态时，进行依赖判断，如果上游状态都是失败或者上游失败，则依赖判断成功，否则就标记为跳过运行</li><li>ALL_DONE：全部完成：所有上游依赖任务都达到终态时，进行依赖判断，直接是依赖判断成功</li><li>ALL_DONE_AT_LEAST_ONE_SUCCESS：上游全部完成至少一个成功: 所有上游依赖任务都达到终态时，进行依赖判断，至少有一个成功，则依赖判断成功，否则就是跳过运行</li><li>ALL_SKIPPED：上游全部都跳过: 所有上游依赖任务都达到终态时，进行依赖判断，所有的上游都是跳过状态才算依赖判断成功，否则当前节点就是跳过运行</li><li>ONE_FAILED：至少一个失败: 上游只要有一个失败了，就进行依赖判断，且依赖判断成功，如果上游全部完成但是没有失败，则跳过运行</li><li>ONE_SUCCESS：至少一个成功：上游只要有一个成功，就进行依赖判断，且依赖判断成功，如果上游全部完成但是没有成功，则跳过运行</li><li>ONE_DONE：至少一个完成：上游只要有一个完成了，就进行依赖判断，且依赖判断成功，否则还是等待上游</li><li>NONE_FAILED：上游全部完成，没有失败: 所有上游依赖任务都达到终态时，进行依赖判断，如果上游都是成功或者跳过运行，则依赖判断成功，否则标记为上游失败</li><li>ALL_DONE_NONE_FAILED_AT_LEAST_ONE_SUCCESS：上游全部完成，没有失败，至少有一个成功: 所有上游依赖任务都达到终态时，进行依赖判断，上游没有一个失败且至少有一个成功的情况下，依赖判断成功，否则就是跳过运行</li><li>NONE_SKIPPED：上游全部完成，没有跳过运行: 所有上游依赖任务都达到终态时，进行依赖判断, 如果上游状态全部都是成功、失败、上游失败状态，则依赖判断成功，否则为跳过运行</li><li>ALL_DONE_AT_LEAST_ONE_FAILED：上游全部完成至少一个失败: 所有上游依赖任务都达到终态时，进行依赖判断，至少有一个失败，则依赖判断成功，否则就是跳过运行</li></ul>
    #[serde(
        rename = "DependencyTriggerPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_trigger_policy: Option<String>,
    /// <p>是否允许下游依赖 1允许 0不允许</p><p>取值范围：[0, 1]</p><p>默认值：1</p>
    #[serde(
        rename = "AllowDownstreamDependency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_downstream_dependency: Option<i64>,
}

/// 任务调度变量参数
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskSchedulingParameter {
    /// 参数名
    #[serde(rename = "ParamKey")]
    pub param_key: String,
    /// 参数值
    #[serde(rename = "ParamValue")]
    pub param_value: String,
}

/// 任务版本列表信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskVersion {
    /// <p>保存时间</p>
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// <p>版本号</p>
    #[serde(
        rename = "VersionNum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_num: Option<String>,
    /// <p>创建人</p>
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// <p>保存版本id</p>
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// <p>版本描述信息</p>
    #[serde(
        rename = "VersionRemark",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_remark: Option<String>,
    /// <p>审批状态（只有提交版本有）</p>
    #[serde(
        rename = "ApproveStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub approve_status: Option<String>,
    /// <p>生产状态（只有提交版本有）</p>
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// <p>审批人（只有提交版本有）</p>
    #[serde(
        rename = "ApproveUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub approve_user_uin: Option<String>,
    /// <p>是否为使用版本</p>
    #[serde(
        rename = "UsedVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub used_version: Option<bool>,
}

/// 任务版本列表信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskVersionDetail {
    /// 保存时间
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// 版本号
    #[serde(
        rename = "VersionNum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_num: Option<String>,
    /// 版本创建人
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// 保存版本Id
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// 版本描述信息
    #[serde(
        rename = "VersionRemark",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_remark: Option<String>,
    /// 审批状态（只有提交版本有）
    #[serde(
        rename = "ApproveStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub approve_status: Option<String>,
    /// 生产状态（只有提交版本有）
    #[serde(
        rename = "ApproveTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub approve_time: Option<String>,
    /// 版本的任务详情
    #[serde(rename = "Task", default, skip_serializing_if = "Option::is_none")]
    pub task: Option<Task>,
    /// 审批人Id
    #[serde(
        rename = "ApproveUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub approve_user_uin: Option<String>,
}

/// 查询任务上游依赖详情分页
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerDependencyConfigPage {
    /// 满足查询条件的数据总条数。
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// 满足查询条件的数据总页数。
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
    /// 当前请求的数据页数。
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 当前请求的数据页条数。
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 分页数据
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<TriggerTaskDependDto>>,
}

/// 任务对象
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerTask {
    /// 任务基本属性
    #[serde(rename = "TriggerTaskBaseAttribute")]
    pub trigger_task_base_attribute: TriggerTaskBaseAttribute,
    /// 任务配置
    #[serde(rename = "TriggerTaskConfiguration")]
    pub trigger_task_configuration: TriggerTaskConfiguration,
    /// 任务调度配置
    #[serde(rename = "TriggerTaskSchedulerConfiguration")]
    pub trigger_task_scheduler_configuration: TriggerTaskSchedulerConfiguration,
}

/// 任务基本属性信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerTaskBaseAttribute {
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 任务类型ID：
    #[serde(rename = "TaskTypeId")]
    pub task_type_id: u64,
    /// 工作流ID
    #[serde(rename = "WorkflowId")]
    pub workflow_id: String,
    /// 任务名称
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// 最近一次保存版本号
    #[serde(
        rename = "TaskLatestVersionNo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_latest_version_no: Option<String>,
    /// 最近一次提交的版本号
    #[serde(
        rename = "TaskLatestSubmitVersionNo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_latest_submit_version_no: Option<String>,
    /// 工作流名称
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// 任务状态：
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// 任务最新提交状态，任务是否已经提交：true/false
    #[serde(rename = "Submit", default, skip_serializing_if = "Option::is_none")]
    pub submit: Option<bool>,
    /// 任务创建时间，示例：2022-02-12 11:13:41
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// 最后更新时间，示例：2025-08-13 16:34:06
    #[serde(
        rename = "LastUpdateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_update_time: Option<String>,
    /// 最后更新人名称
    #[serde(
        rename = "LastUpdateUserName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_update_user_name: Option<String>,
    /// 最后运维时间
    #[serde(
        rename = "LastOpsTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_ops_time: Option<String>,
    /// 最后运维人名称
    #[serde(
        rename = "LastOpsUserName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub last_ops_user_name: Option<String>,
    /// 任务负责人ID
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// 任务描述
    #[serde(
        rename = "TaskDescription",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_description: Option<String>,
    /// 最近一次更新用户ID
    #[serde(
        rename = "UpdateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_user_uin: Option<String>,
    /// 创建用户ID
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// 任务文件夹路径
    #[serde(
        rename = "TaskFolderPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_folder_path: Option<String>,
}

/// 任务配置信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerTaskConfiguration {
    /// 代码内容的Base64编码
    #[serde(
        rename = "CodeContent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_content: Option<String>,
    /// 任务扩展属性配置列表
    #[serde(
        rename = "TaskExtConfigurationList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_ext_configuration_list: Option<Vec<TaskExtParameter>>,
    /// 集群ID
    #[serde(
        rename = "DataCluster",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub data_cluster: Option<String>,
    /// 指定的运行节点
    #[serde(rename = "BrokerIp", default, skip_serializing_if = "Option::is_none")]
    pub broker_ip: Option<String>,
    /// 资源池队列名称，需要通过 DescribeProjectClusterQueues 获取
    #[serde(rename = "YarnQueue", default, skip_serializing_if = "Option::is_none")]
    pub yarn_queue: Option<String>,
    /// 来源数据源ID,  需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "SourceServiceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_id: Option<String>,
    /// 来源数据源类型,  需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "SourceServiceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_type: Option<String>,
    /// 来源数据源名称, 需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "SourceServiceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub source_service_name: Option<String>,
    /// 目标数据源ID, 需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "TargetServiceId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_id: Option<String>,
    /// 目标数据源类型,  需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "TargetServiceType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_type: Option<String>,
    /// 目标数据源名称, 需要通过 DescribeDataSourceWithoutInfo 获取
    #[serde(
        rename = "TargetServiceName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub target_service_name: Option<String>,
    /// 资源组ID： 需要通过 DescribeNormalSchedulerExecutorGroups 获取 ExecutorGroupId
    #[serde(
        rename = "ResourceGroup",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_group: Option<String>,
    /// 资源组名称： 需要通过 DescribeNormalSchedulerExecutorGroups 获取 ExecutorGroupName
    #[serde(
        rename = "ResourceGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_group_name: Option<String>,
    /// 调度参数
    #[serde(
        rename = "TaskSchedulingParameterList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_scheduling_parameter_list: Option<Vec<TaskSchedulingParameter>>,
    /// Bundle使用的ID
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// Bundle信息
    #[serde(
        rename = "BundleInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bundle_info: Option<String>,
}

/// 依赖的工作流调度任务信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerTaskDependDto {
    /// 任务Id
    #[serde(rename = "TaskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// 任务名称
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// 工作流id
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// 工作流名称
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// 项目id
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// 任务状态:
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// 任务类型id
    #[serde(
        rename = "TaskTypeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_id: Option<u64>,
    /// 任务类型描述
    #[serde(
        rename = "TaskTypeDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_desc: Option<String>,
    /// 负责人
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
}

/// 工作流调度模式下的任务运行概要信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerTaskRunBrief {
    /// <p>任务运行ID</p>
    #[serde(
        rename = "ExecutionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_id: Option<String>,
    /// <p>执行状态，运行失败:FAILED、运行成功:SUCCESS、等待中:PENDING、跳过运行:SKIP、运行中:RUNNING</p>
    #[serde(
        rename = "ExecutionState",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_state: Option<String>,
    /// <p>项目ID</p>
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// <p>工作流ID</p>
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// <p>工作流运行ID</p>
    #[serde(
        rename = "WorkflowExecutionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_execution_id: Option<String>,
    /// <p>任务 ID</p>
    #[serde(rename = "TaskId", default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// <p>任务类型</p>
    #[serde(rename = "TaskType", default, skip_serializing_if = "Option::is_none")]
    pub task_type: Option<String>,
    /// <p>任务版本</p>
    #[serde(
        rename = "TaskVersionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_version_id: Option<String>,
    /// <p>触发类型</p>
    #[serde(
        rename = "TriggerType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_type: Option<String>,
    /// <p>等待时长，单位秒</p>
    #[serde(rename = "WaitTime", default, skip_serializing_if = "Option::is_none")]
    pub wait_time: Option<String>,
    /// <p>所属资源组</p>
    #[serde(
        rename = "ResourceGroup",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_group: Option<String>,
    /// <p>错误码</p>
    #[serde(rename = "ErrorCode", default, skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// <p>运行账号</p>
    #[serde(
        rename = "ExecuteUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execute_user_uin: Option<String>,
    /// <p>创建人 ID</p>
    #[serde(
        rename = "CreaterUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub creater_uin: Option<String>,
    /// <p>执行平台执行 ID</p>
    #[serde(rename = "JobId", default, skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    /// <p>创建时间戳</p>
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// <p>计划调度时间</p>
    #[serde(
        rename = "ScheduleTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_time: Option<String>,
    /// <p>更新时间戳</p>
    #[serde(
        rename = "UpdateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_time: Option<String>,
    /// <p>依赖任务完成时间</p>
    #[serde(
        rename = "DependenceFinishedTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependence_finished_time: Option<String>,
    /// <p>任务下发执行平台时间</p>
    #[serde(
        rename = "QueueStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub queue_start_time: Option<String>,
    /// <p>开始等待资源时间</p>
    #[serde(
        rename = "PendingStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_start_time: Option<String>,
    /// <p>运行开始时间</p>
    #[serde(
        rename = "ExecutionStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_start_time: Option<String>,
    /// <p>运行结束时间</p>
    #[serde(
        rename = "ExecutionEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_end_time: Option<String>,
    /// <p>排队时间</p>
    #[serde(
        rename = "QueueCostTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub queue_cost_time: Option<String>,
    /// <p>运行时间</p>
    #[serde(
        rename = "ExecutionTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_time: Option<String>,
    /// <p>总花费时间</p>
    #[serde(
        rename = "AllCostTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub all_cost_time: Option<String>,
    /// <p>时区</p>
    #[serde(rename = "TimeZone", default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// <p>依赖上游任务 ID 列表</p>
    #[serde(
        rename = "DependOnList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub depend_on_list: Option<Vec<String>>,
    /// <p>运行参数</p>
    #[serde(rename = "RunParams", default, skip_serializing_if = "Option::is_none")]
    pub run_params: Option<String>,
    /// <p>任务扩展信息，包含脚本路径</p>
    #[serde(
        rename = "TaskTypeExtensions",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_extensions: Option<String>,
    /// <p>重试次数，为 0 则表示首次运行</p>
    #[serde(
        rename = "RetryTimes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub retry_times: Option<u64>,
    /// <p>左侧坐标</p>
    #[serde(
        rename = "LeftCoordinate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub left_coordinate: Option<f64>,
    /// <p>顶部坐标</p>
    #[serde(
        rename = "TopCoordinate",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub top_coordinate: Option<f64>,
    /// <p>资源组 ID</p>
    #[serde(
        rename = "ResourceGroupId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_group_id: Option<String>,
    /// <p>错误码描述</p>
    #[serde(
        rename = "ErrorCodeStr",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_code_str: Option<String>,
    /// <p>创建人 UIN</p>
    #[serde(rename = "CreateUin", default, skip_serializing_if = "Option::is_none")]
    pub create_uin: Option<String>,
    /// <p>下发执行平台时间</p>
    #[serde(rename = "IssueTime", default, skip_serializing_if = "Option::is_none")]
    pub issue_time: Option<String>,
    /// <p>任务名称</p>
    #[serde(rename = "TaskName", default, skip_serializing_if = "Option::is_none")]
    pub task_name: Option<String>,
    /// <p>工作流名称</p>
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// <p>运行人名称</p>
    #[serde(
        rename = "ExecuteUserName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execute_user_name: Option<String>,
    /// <p>重跑次数</p>
    #[serde(
        rename = "RerunTimes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rerun_times: Option<u64>,
    /// <p>是否是最新一次运行</p>
    #[serde(
        rename = "IsLatestExecution",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub is_latest_execution: Option<bool>,
    /// <p>任务运行状态</p>
    #[serde(
        rename = "TaskExecutionState",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_execution_state: Option<String>,
    /// <p>周期类型</p>
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// <p>责任人名称</p>
    #[serde(
        rename = "UserNameInCharge",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_name_in_charge: Option<String>,
    /// <p>责任人id</p>
    #[serde(
        rename = "UserUinInCharge",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_uin_in_charge: Option<String>,
    /// <p>资源组名称</p>
    #[serde(
        rename = "ResourceGroupName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub resource_group_name: Option<String>,
    /// <p>时区</p>
    #[serde(rename = "Timezone", default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    /// <p>文件夹id</p>
    #[serde(rename = "FolderId", default, skip_serializing_if = "Option::is_none")]
    pub folder_id: Option<String>,
    /// <p>文件夹名称</p>
    #[serde(
        rename = "FolderName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub folder_name: Option<String>,
    /// <p>项目名称</p>
    #[serde(
        rename = "ProjectName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub project_name: Option<String>,
    /// <p>任务类型id</p>
    #[serde(
        rename = "TaskTypeId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_type_id: Option<i64>,
    /// <p>工作流运行参数</p>
    #[serde(
        rename = "WorkflowParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_params: Option<String>,
    /// <p>是否支持重跑</p>
    #[serde(
        rename = "SupportRerun",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub support_rerun: Option<bool>,
    /// <p>工作流运行状态</p>
    #[serde(
        rename = "WorkflowExecutionState",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_execution_state: Option<String>,
    /// <p>任务执行结果</p>
    #[serde(
        rename = "ExecutionResult",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_result: Option<String>,
    /// <p>依赖策略</p>
    #[serde(
        rename = "DependencyTriggerPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_trigger_policy: Option<String>,
    /// <p>关联实体是否存在，true表示任务/工作流等实体存在，false表示实体已被删除</p>
    #[serde(
        rename = "AssociatedEntityExist",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub associated_entity_exist: Option<bool>,
    /// <p>调度执行类型</p><p>枚举值：</p><ul><li>0： 正常调度</li><li>1： 空跑调度</li><li>2： 用户驱动，手动触发</li></ul>
    #[serde(
        rename = "ScheduleRunType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_run_type: Option<String>,
}

/// 任务调度配置信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerTaskSchedulerConfiguration {
    /// <p>上游依赖数组</p>
    #[serde(
        rename = "UpstreamDependencyConfigList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub upstream_dependency_config_list: Option<Vec<DependencyTriggerTaskBrief>>,
    /// <p>任务调度优先级 运行优先级 4高 5中 6低 , 默认:6</p>
    #[serde(
        rename = "RunPriorityType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub run_priority_type: Option<i64>,
    /// <p>重试策略 重试等待时间,单位分钟: 默认: 5</p>
    #[serde(
        rename = "RetryWaitMinute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub retry_wait_minute: Option<i64>,
    /// <p>重试策略 最大尝试次数, 默认: 4</p>
    #[serde(
        rename = "MaxRetryNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_retry_number: Option<i64>,
    /// <p>超时处理策略 运行耗时超时（单位：分钟）默认为 -1</p>
    #[serde(
        rename = "ExecutionTTLMinute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_ttl_minute: Option<i64>,
    /// <p>超时处理策略 等待总时长耗时超时（单位：分钟）默认为 -1</p>
    #[serde(
        rename = "WaitExecutionTotalTTLMinute",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub wait_execution_total_ttl_minute: Option<i64>,
    /// <p>重跑&amp;补录配置, 默认为 ALL; , ALL 运行成功或失败后皆可重跑或补录, FAILURE 运行成功后不可重跑或补录，运行失败后可重跑或补录, NONE 运行成功或失败后皆不可重跑或补录;</p>
    #[serde(
        rename = "AllowRedoType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_redo_type: Option<String>,
    /// <p>输出参数数组</p>
    #[serde(
        rename = "ParamTaskOutList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_task_out_list: Option<Vec<OutTaskParameter>>,
    /// <p>输入参数数组</p>
    #[serde(
        rename = "ParamTaskInList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub param_task_in_list: Option<Vec<InTaskParameter>>,
    /// <p>产出登记</p>
    #[serde(
        rename = "TaskOutputRegistryList",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_output_registry_list: Option<Vec<TaskDataRegistry>>,
    /// <ul><li>任务依赖运行条件，默认为ALL_SUCCESS，暂时只支持工作流调度项目下配置</li><li>ALL_SUCCESS： 全部成功：所有上游依赖任务都达到终态时，进行依赖判断，如果上游全部都成功，则依赖判断成功，否则如果上游有一个跳过运行，则标记为跳过运行，其余情况标记为上游失败</li><li>ALL_FAILED：全部失败：所有上游依赖任务都达到终态时，进行依赖判断，如果上游状态都是失败或者上游失败，则依赖判断成功，否则就标记为跳过运行</li><li>ALL_DONE：全部完成：所有上游依赖任务都达到终态时，进行依赖判断，直接是依赖判断成功</li><li>ALL_DONE_AT_LEAST_ONE_SUCCESS：上游全部完成至少一个成功: 所有上游依赖任务都达到终态时，进行依赖判断，至少有一个成功，则依赖判断成功，否则就是跳过运行</li><li>ALL_SKIPPED：上游全部都跳过: 所有上游依赖任务都达到终态时，进行依赖判断，所有的上游都是跳过状态才算依赖判断成功，否则当前节点就是跳过运行</li><li>ONE_FAILED：至少一个失败: 上游只要有一个失败了，就进行依赖判断，且依赖判断成功，如果上游全部完成但是没有失败，则跳过运行</li><li>ONE_SUCCESS：至少一个成功：上游只要有一个成功，就进行依赖判断，且依赖判断成功，如果上游全部完成但是没有成功，则跳过运行</li><li>ONE_DONE：至少一个完成：上游只要有一个完成了，就进行依赖判断，且依赖判断成功，否则还是等待上游</li><li>NONE_FAILED：上游全部完成，没有失败: 所有上游依赖任务都达到终态时，进行依赖判断，如果上游都是成功或者跳过运行，则依赖判断成功，否则标记为上游失败</li><li>ALL_DONE_NONE_FAILED_AT_LEAST_ONE_SUCCESS：上游全部完成，没有失败，至少有一个成功: 所有上游依赖任务都达到终态时，进行依赖判断，上游没有一个失败且至少有一个成功的情况下，依赖判断成功，否则就是跳过运行</li><li>NONE_SKIPPED：上游全部完成，没有跳过运行: 所有上游依赖任务都达到终态时，进行依赖判断, 如果上游状态全部都是成功、失败、上游失败状态，则依赖判断成功，否则为跳过运行</li><li>ALL_DONE_AT_LEAST_ONE_FAILED：上游全部完成至少一个失败: 所有上游依赖任务都达到终态时，进行依赖判断，至少有一个失败，则依赖判断成功，否则就是跳过运行</li></ul>
    #[serde(
        rename = "DependencyTriggerPolicy",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_trigger_policy: Option<String>,
    /// <p>是否允许下游依赖 1允许 0不允许</p><p>取值范围：[0, 1]</p>
    #[serde(
        rename = "AllowDownstreamDependency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_downstream_dependency: Option<i64>,
    /// <p>调度类型: 0 正常调度 1 空跑调度</p><p>枚举值：</p><ul><li>0： 正常调度</li><li>1： 空跑调度</li></ul><p>默认值：0</p>
    #[serde(
        rename = "ScheduleType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_type: Option<i64>,
}

/// 任务版本列表信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerTaskVersion {
    /// <p>保存时间</p>
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// <p>版本号</p>
    #[serde(
        rename = "VersionNum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_num: Option<String>,
    /// <p>创建人</p>
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// <p>保存版本id</p>
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// <p>版本描述信息</p>
    #[serde(
        rename = "VersionRemark",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_remark: Option<String>,
    /// <p>审批状态（只有提交版本有）</p>
    #[serde(
        rename = "ApproveStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub approve_status: Option<String>,
    /// <p>生产状态（只有提交版本有）</p>
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// <p>审批人（只有提交版本有）</p>
    #[serde(
        rename = "ApproveUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub approve_user_uin: Option<String>,
    /// <p>是否生产态使用版本，保存版本没有该字段</p>
    #[serde(
        rename = "UsedVersion",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub used_version: Option<bool>,
}

/// 任务版本列表信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerTaskVersionDetail {
    /// 创建时间
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// 版本号
    #[serde(
        rename = "VersionNum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_num: Option<String>,
    /// 版本创建人
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// 保存版本Id
    #[serde(rename = "VersionId", default, skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// 版本描述信息
    #[serde(
        rename = "VersionRemark",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub version_remark: Option<String>,
    /// 审批状态（只有提交版本有）
    #[serde(
        rename = "ApproveStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub approve_status: Option<String>,
    /// 生产状态（只有提交版本有）
    #[serde(
        rename = "ApproveTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub approve_time: Option<String>,
    /// 审批人Id
    #[serde(
        rename = "ApproveUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub approve_user_uin: Option<String>,
    /// 版本的任务详情
    #[serde(rename = "Task", default, skip_serializing_if = "Option::is_none")]
    pub task: Option<TriggerTask>,
}

/// 查询工作流详细信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerWorkflowDetail {
    /// <p>工作流名称</p>
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// <p>责任人ID</p>
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// <p>创建人ID</p>
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// <p>工作流参数数组</p>
    #[serde(
        rename = "WorkflowParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_params: Option<Vec<ParamInfo>>,
    /// <p>统一调度参数</p>
    #[serde(
        rename = "TriggerWorkflowSchedulerConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_workflow_scheduler_configurations: Option<Vec<WorkflowTriggerConfig>>,
    /// <p>工作流描述</p>
    #[serde(
        rename = "WorkflowDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_desc: Option<String>,
    /// <p>工作流所属路径</p>
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// <p>BundleId项</p>
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// <p>BundleInfo项</p>
    #[serde(
        rename = "BundleInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bundle_info: Option<String>,
    /// <p>通用参数</p>
    #[serde(
        rename = "GeneralTaskParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub general_task_params: Option<Vec<WorkflowGeneralTaskParam>>,
    /// <p>Trigger 状态 启动ACTIVE，暂停PAUSED</p>
    #[serde(
        rename = "SchedulerStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduler_status: Option<String>,
    /// <p>工作流运行参数配置</p>
    #[serde(
        rename = "TriggerWorkflowRunConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_workflow_run_configuration: Option<WorkflowRunConfig>,
    /// <p>触发方式：定时触发：TIME_TRIGGER 。这里配置之后，内部的触发方式可不填，否则需要保持一致</p><p>枚举值：</p><ul><li>TIME_TRIGGER： 定时触发</li></ul>
    #[serde(
        rename = "TriggerMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_mode: Option<String>,
    /// <p>运行账号ID</p>
    #[serde(
        rename = "ExecuteUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execute_user_uin: Option<String>,
}

/// 获取工作流的列表信息item
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerWorkflowInfo {
    /// <p>工作流ID</p>
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// <p>工作流名称</p>
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// <p>负责人ID</p>
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// <p>创建时间</p>
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// <p>最新修改时间</p>
    #[serde(
        rename = "ModifyTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modify_time: Option<String>,
    /// <p>最后更新人ID</p>
    #[serde(
        rename = "UpdateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_user_uin: Option<String>,
    /// <p>工作流描述</p>
    #[serde(
        rename = "WorkflowDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_desc: Option<String>,
    /// <p>创建人ID</p>
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// <p>运行账号ID</p>
    #[serde(
        rename = "ExecuteUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execute_user_uin: Option<String>,
}

/// 工作流运行概要信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerWorkflowRunBrief {
    /// <p>用户AppId</p>
    #[serde(rename = "AppId", default, skip_serializing_if = "Option::is_none")]
    pub app_id: Option<String>,
    /// <p>项目ID</p>
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// <p>工作流名称</p>
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// <p>工作流ID</p>
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// <p>工作流运行ID</p>
    #[serde(
        rename = "ExecutionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_id: Option<String>,
    /// <p>触发器ID</p>
    #[serde(rename = "TriggerId", default, skip_serializing_if = "Option::is_none")]
    pub trigger_id: Option<String>,
    /// <p>触发方式:调度触发Scheduler、手动触发ManualTrigger、事件触发Event</p>
    #[serde(
        rename = "TriggerType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_type: Option<String>,
    /// <p>工作流触发时间</p>
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// <p>计划调度时间</p>
    #[serde(
        rename = "ScheduleTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_time: Option<String>,
    /// <p>执行开始时间戳</p>
    #[serde(
        rename = "ExecutionStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_start_time: Option<String>,
    /// <p>执行结束时间戳</p>
    #[serde(
        rename = "ExecutionEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_end_time: Option<String>,
    /// <p>运行时长，单位秒</p>
    #[serde(
        rename = "ExecutionCostTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_cost_time: Option<String>,
    /// <p>并发排队花费时间，单位秒</p>
    #[serde(
        rename = "QueueCostTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub queue_cost_time: Option<String>,
    /// <p>等待资源花费时间，单位秒</p>
    #[serde(
        rename = "PendingCostTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_cost_time: Option<String>,
    /// <p>执行状态，运行失败:FAILED、运行成功:SUCCESS、等待中:PENDING、跳过运行:SKIPED、运行中:RUNNING</p>
    #[serde(
        rename = "ExecutionState",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_state: Option<String>,
    /// <p>运行用户UIN</p>
    #[serde(
        rename = "ExecuteUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execute_user_uin: Option<String>,
    /// <p>运行用户名称</p>
    #[serde(
        rename = "ExecuteUserName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execute_user_name: Option<String>,
    /// <p>错误码</p>
    #[serde(
        rename = "ErrorCodeStr",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub error_code_str: Option<String>,
    /// <p>运行参数</p>
    #[serde(
        rename = "WorkflowParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_params: Option<String>,
    /// <p>工作流版本信息ID</p>
    #[serde(
        rename = "WorkflowVersionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_version_id: Option<String>,
    /// <p>是否支持重跑</p>
    #[serde(
        rename = "SupportRerun",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub support_rerun: Option<bool>,
    /// <p>重跑次数</p>
    #[serde(
        rename = "RerunTimes",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub rerun_times: Option<u64>,
    /// <p>运行的任务范围,逗号分隔的任务ID列表</p>
    #[serde(
        rename = "SelectedTaskIds",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub selected_task_ids: Option<Vec<String>>,
    /// <p>等待并发开始时间</p>
    #[serde(
        rename = "PendingStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub pending_start_time: Option<String>,
    /// <p>排队等待开始时间</p>
    #[serde(
        rename = "QueueStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub queue_start_time: Option<String>,
    /// <p>运行结束时间</p>
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// <p>文件夹ID</p>
    #[serde(rename = "FolderId", default, skip_serializing_if = "Option::is_none")]
    pub folder_id: Option<String>,
    /// <p>文件夹名称</p>
    #[serde(
        rename = "FolderName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub folder_name: Option<String>,
    /// <p>计划调度时间</p>
    #[serde(
        rename = "PlannedSchedulingTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub planned_scheduling_time: Option<String>,
    /// <p>周期类型</p>
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// <p>责任人名称</p>
    #[serde(
        rename = "UserNameInCharge",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_name_in_charge: Option<String>,
    /// <p>责任人ID</p>
    #[serde(
        rename = "UserUinInCharge",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub user_uin_in_charge: Option<String>,
    /// <p>关联实体是否存在</p>
    #[serde(
        rename = "AssociatedEntityExist",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub associated_entity_exist: Option<bool>,
    /// <p>父工作流运行ID 【由嵌套工作流触发独有】</p>
    #[serde(
        rename = "ParentWorkflowExecutionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_workflow_execution_id: Option<String>,
    /// <p>父任务运行ID 【由嵌套工作流触发独有】</p>
    #[serde(
        rename = "ParentTaskExecutionId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_task_execution_id: Option<String>,
    /// <p>父任务运行名称 【由嵌套工作流触发独有】</p>
    #[serde(
        rename = "ParentTaskExecutionName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parent_task_execution_name: Option<String>,
}

/// 查询工作流结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerWorkflowRunResult {
    /// 总记录数
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// 页数
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
    /// 页码
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 页大小
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 工作流运行以及相关任务运行信息集合
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<TriggerWorkflowRunBrief>>,
}

/// 工作流任务运行详情
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TriggerWorkflowTaskRunDetailBrief {
    /// 工作流运行信息
    #[serde(
        rename = "TriggerWorkflowRun",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_workflow_run: Option<TriggerWorkflowRunBrief>,
    /// 任务运行信息
    #[serde(
        rename = "TriggerTaskRuns",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_task_runs: Option<Vec<TriggerTaskRunBrief>>,
    /// 业务状态枚举信息
    #[serde(
        rename = "BizStateEnumInfos",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub biz_state_enum_infos: Option<Vec<BizStateEnumInfoBrief>>,
}

/// UpdateCodeFile请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateCodeFileRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 代码文件ID，参数值来自CreateCodeFile接口的返回
    #[serde(rename = "CodeFileId")]
    pub code_file_id: String,
    /// 代码文件配置
    #[serde(
        rename = "CodeFileConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_file_config: Option<CodeFileConfig>,
    /// 代码文件内容
    #[serde(
        rename = "CodeFileContent",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub code_file_content: Option<String>,
    #[serde(
        rename = "SubmitAction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub submit_action: Option<bool>,
}

/// UpdateCodeFile返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateCodeFileResponse {
    /// 结果
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<CodeFile>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 更新任务基本属性信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateTaskBaseAttribute {
    /// 任务名称
    #[serde(rename = "TaskName")]
    pub task_name: String,
    /// 任务负责人ID
    #[serde(rename = "OwnerUin")]
    pub owner_uin: String,
    /// 任务描述
    #[serde(rename = "TaskDescription")]
    pub task_description: String,
    /// 注意：
    #[serde(
        rename = "TaskFolderPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_folder_path: Option<String>,
}

/// 更新任务对象入参
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateTaskBrief {
    /// 任务基本属性
    #[serde(rename = "TaskBaseAttribute")]
    pub task_base_attribute: UpdateTaskBaseAttribute,
    /// 任务配置
    #[serde(rename = "TaskConfiguration")]
    pub task_configuration: TaskConfiguration,
    /// 任务调度配置
    #[serde(rename = "TaskSchedulerConfiguration")]
    pub task_scheduler_configuration: TaskSchedulerConfiguration,
}

/// UpdateTask请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateTaskRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 任务基本属性
    #[serde(rename = "Task")]
    pub task: UpdateTaskBrief,
}

/// UpdateTask返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateTaskResponse {
    /// 任务ID
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<UpdateTaskResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 更新任务返回体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateTaskResult {
    /// 处理结果，成功返回 true，不成功返回 false
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<bool>,
}

/// 更新任务基本属性信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateTriggerTaskBaseAttribute {
    /// 任务名称
    #[serde(rename = "TaskName")]
    pub task_name: String,
    /// 任务负责人ID
    #[serde(rename = "OwnerUin")]
    pub owner_uin: String,
    /// 任务描述
    #[serde(rename = "TaskDescription")]
    pub task_description: String,
    /// 注意：
    #[serde(
        rename = "TaskFolderPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub task_folder_path: Option<String>,
}

/// 更新任务对象入参
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateTriggerTaskBrief {
    /// 任务基本属性
    #[serde(rename = "TriggerTaskBaseAttribute")]
    pub trigger_task_base_attribute: UpdateTriggerTaskBaseAttribute,
    /// 任务配置
    #[serde(rename = "TriggerTaskConfiguration")]
    pub trigger_task_configuration: TriggerTaskConfiguration,
    /// 任务调度配置
    #[serde(rename = "TriggerTaskSchedulerConfiguration")]
    pub trigger_task_scheduler_configuration: TriggerTaskSchedulerConfiguration,
}

/// UpdateTriggerTask请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateTriggerTaskRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 任务ID
    #[serde(rename = "TaskId")]
    pub task_id: String,
    /// 任务基本属性
    #[serde(rename = "Task")]
    pub task: UpdateTriggerTaskBrief,
}

/// UpdateTriggerTask返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateTriggerTaskResponse {
    /// 任务ID
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<UpdateTaskResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// UpdateTriggerWorkflow请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateTriggerWorkflowRequest {
    /// <p>项目ID</p>
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// <p>工作流ID</p>
    #[serde(rename = "WorkflowId")]
    pub workflow_id: String,
    /// <p>工作流名称</p>
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// <p>责任人ID</p>
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// <p>备注</p>
    #[serde(
        rename = "WorkflowDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_desc: Option<String>,
    /// <p>工作流参数列表</p>
    #[serde(
        rename = "WorkflowParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_params: Option<Vec<ParamInfo>>,
    /// <p>统一调度参数</p>
    #[serde(
        rename = "TriggerWorkflowSchedulerConfigurations",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_workflow_scheduler_configurations: Option<Vec<WorkflowTriggerConfig>>,
    /// <p>BundleId项</p>
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// <p>Bundle信息</p>
    #[serde(
        rename = "BundleInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bundle_info: Option<String>,
    /// <p>通用参数配置</p>
    #[serde(
        rename = "GeneralTaskParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub general_task_params: Option<Vec<WorkflowGeneralTaskParam>>,
    /// <p>调度运行配置</p>
    #[serde(
        rename = "TriggerWorkflowRunConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_workflow_run_configuration: Option<WorkflowRunConfig>,
    /// <p>Trigger 状态 启动ACTIVE，暂停PAUSED。配置完之后，内部的SchedulerStatus可不配置，如果配置，内容会被改值覆盖。</p><p>枚举值：</p><ul><li>ACTIVE： 启动</li><li>PAUSED： 暂停</li></ul>
    #[serde(
        rename = "SchedulerStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduler_status: Option<String>,
    /// <p>触发方式：定时触发：TIME_TRIGGER 。配置完之后，内部的TriggerMode状态可不配置，如果配置，内容会被该值覆盖。</p><p>枚举值：</p><ul><li>TIME_TRIGGER： 定时触发</li><li>FILE_ARRIVAL： 文件到达</li></ul>
    #[serde(
        rename = "TriggerMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_mode: Option<String>,
    /// <p>运行账号ID</p>
    #[serde(
        rename = "ExecuteUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execute_user_uin: Option<String>,
}

/// UpdateTriggerWorkflow返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateTriggerWorkflowResponse {
    /// <p>true代表成功，false代表失败</p>
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<UpdateTriggerWorkflowResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 更新工作流结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateTriggerWorkflowResult {
    /// 更新工作流结果
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<bool>,
}

/// UpdateWorkflow请求参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateWorkflowRequest {
    /// 项目ID
    #[serde(rename = "ProjectId")]
    pub project_id: String,
    /// 工作流ID
    #[serde(rename = "WorkflowId")]
    pub workflow_id: String,
    /// 工作流名称
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// 责任人ID
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// 备注
    #[serde(
        rename = "WorkflowDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_desc: Option<String>,
    /// 工作流参数列表
    #[serde(
        rename = "WorkflowParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_params: Option<Vec<ParamInfo>>,
    /// 统一调度参数
    #[serde(
        rename = "WorkflowSchedulerConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_scheduler_configuration: Option<WorkflowSchedulerConfigurationInfo>,
    /// BundleId项
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// Bundle信息
    #[serde(
        rename = "BundleInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bundle_info: Option<String>,
}

/// UpdateWorkflow返回参数结构体
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateWorkflowResponse {
    /// true代表成功，false代表失败
    #[serde(rename = "Data", default, skip_serializing_if = "Option::is_none")]
    pub data: Option<UpdateWorkflowResult>,
    /// 唯一请求 ID，由服务端生成，每次请求都会返回（若请求因其他原因未能抵达服务端，则该次请求不会获得 RequestId）。定位问题时需要提供该次请求的 RequestId。
    #[serde(rename = "RequestId", default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// 更新工作流结果
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct UpdateWorkflowResult {
    /// 更新工作流结果
    #[serde(rename = "Status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<bool>,
}

/// 查询工作流详细信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkflowDetail {
    /// 工作流名称
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// 责任人ID
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// 创建人ID
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
    /// 工作流类型，cycle和manual
    #[serde(
        rename = "WorkflowType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_type: Option<String>,
    /// 工作流参数数组
    #[serde(
        rename = "WorkflowParams",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_params: Option<Vec<ParamInfo>>,
    /// 统一调度参数
    #[serde(
        rename = "WorkflowSchedulerConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_scheduler_configuration: Option<WorkflowSchedulerConfiguration>,
    /// 工作流描述
    #[serde(
        rename = "WorkflowDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_desc: Option<String>,
    /// 工作流所属路径
    #[serde(rename = "Path", default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// BundleId项
    #[serde(rename = "BundleId", default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// BundleInfo项
    #[serde(
        rename = "BundleInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub bundle_info: Option<String>,
}

/// 文件夹信息
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkflowFolder {
    /// 项目ID
    #[serde(rename = "ProjectId", default, skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// 文件夹ID
    #[serde(rename = "FolderId", default, skip_serializing_if = "Option::is_none")]
    pub folder_id: Option<String>,
    /// 文件夹绝对路径
    #[serde(
        rename = "FolderPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub folder_path: Option<String>,
    /// 创建人ID
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
}

/// 资源文件分页
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkflowFolderPage {
    /// 数据页数，大于等于1
    #[serde(
        rename = "PageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub page_number: Option<u64>,
    /// 每页显示的数据条数，最小为10条，最大为200 条
    #[serde(rename = "PageSize", default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u64>,
    /// 文件夹总数
    #[serde(
        rename = "TotalCount",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_count: Option<u64>,
    /// 总页数
    #[serde(
        rename = "TotalPageNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub total_page_number: Option<u64>,
    /// 文件夹列表
    #[serde(rename = "Items", default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<WorkflowFolder>>,
}

/// 工作流SPARK_SQL参数
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkflowGeneralTaskParam {
    /// 通用任务参数类型,目前只支持SPARK_SQL
    #[serde(rename = "Type", default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// 通用任务参数内容, 不同参数用;
    #[serde(rename = "Value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// 获取工作流的列表信息item
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkflowInfo {
    /// 工作流ID
    #[serde(
        rename = "WorkflowId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_id: Option<String>,
    /// 工作流名称
    #[serde(
        rename = "WorkflowName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_name: Option<String>,
    /// 工作流类型，cycle及manual
    #[serde(
        rename = "WorkflowType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_type: Option<String>,
    /// 负责人ID
    #[serde(rename = "OwnerUin", default, skip_serializing_if = "Option::is_none")]
    pub owner_uin: Option<String>,
    /// 创建时间
    #[serde(
        rename = "CreateTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_time: Option<String>,
    /// 最新修改时间
    #[serde(
        rename = "ModifyTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modify_time: Option<String>,
    /// 最后更新人ID
    #[serde(
        rename = "UpdateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub update_user_uin: Option<String>,
    /// 工作流描述
    #[serde(
        rename = "WorkflowDesc",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub workflow_desc: Option<String>,
    /// 创建人ID
    #[serde(
        rename = "CreateUserUin",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub create_user_uin: Option<String>,
}

/// 用户对工作流文件夹的递归最大权限类型
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkflowMaxPermission {
    /// 授权权限类型(CAN_VIEW/CAN_RUN/CAN_EDIT/CAN_MANAGE，当前仅支持CAN_MANAGE)
    #[serde(
        rename = "PermissionType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub permission_type: Option<String>,
}

/// 工作流运行配置
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkflowRunConfig {
    /// <p>工作流运行最大并发数，取值范围：[1, 1000]</p>
    #[serde(
        rename = "MaxConcurrentNum",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub max_concurrent_num: Option<u64>,
    /// <p>1：开启  0：关闭<br>当工作流达到最大并发上限时，若开启，新工作流运行排队等待，直到其他运行释放并发，最大等待时长为48小时，超过则自动跳过不再执行；若关闭，新工作流直接跳过结束。</p>
    #[serde(
        rename = "QueuingMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub queuing_mode: Option<u64>,
}

/// 工作流统一调度出参
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkflowSchedulerConfiguration {
    /// 时区
    #[serde(
        rename = "ScheduleTimeZone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_time_zone: Option<String>,
    /// 周期类型：支持的类型为
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// 自依赖, 默认值 serial, 取值为：parallel(并行), serial(串行), orderly(有序)
    #[serde(
        rename = "SelfDepend",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub self_depend: Option<String>,
    /// 生效开始时间
    #[serde(rename = "StartTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// 生效结束时间
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// 工作流依赖，yes or no
    #[serde(
        rename = "DependencyWorkflow",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_workflow: Option<String>,
    /// 执行时间左闭区间，示例：00:00
    #[serde(
        rename = "ExecutionStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_start_time: Option<String>,
    /// 执行时间右闭区间，示例：23:59
    #[serde(
        rename = "ExecutionEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_end_time: Option<String>,
    /// cron表达式
    #[serde(
        rename = "CrontabExpression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub crontab_expression: Option<String>,
    /// 是否开启日历调度 1 开启 0关闭
    #[serde(
        rename = "CalendarOpen",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub calendar_open: Option<String>,
    /// 日历名称
    #[serde(
        rename = "CalendarName",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub calendar_name: Option<String>,
    /// 日历id
    #[serde(
        rename = "CalendarId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub calendar_id: Option<String>,
}

/// 工作流统一调度参数入参
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkflowSchedulerConfigurationInfo {
    /// 时区
    #[serde(rename = "ScheduleTimeZone")]
    pub schedule_time_zone: String,
    /// 周期类型：支持的类型为
    #[serde(rename = "CycleType")]
    pub cycle_type: String,
    /// 自依赖, 默认值 serial, 取值为：parallel(并行), serial(串行), orderly(有序)
    #[serde(rename = "SelfDepend")]
    pub self_depend: String,
    /// 生效开始时间
    #[serde(rename = "StartTime")]
    pub start_time: String,
    /// 生效结束时间
    #[serde(rename = "EndTime")]
    pub end_time: String,
    /// cron表达式
    #[serde(rename = "CrontabExpression")]
    pub crontab_expression: String,
    /// 工作流依赖，yes or no
    #[serde(
        rename = "DependencyWorkflow",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub dependency_workflow: Option<String>,
    /// 0：不修改 1：将任务的上游依赖配置改为默认值
    #[serde(
        rename = "ModifyCycleValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub modify_cycle_value: Option<String>,
    /// 工作流存在跨工作流依赖且使用cron表达式调度。如果保存统一调度，会断开不支持的依赖关系
    #[serde(rename = "ClearLink", default, skip_serializing_if = "Option::is_none")]
    pub clear_link: Option<bool>,
    /// ModifyCycleValue为1的时候生效，表示默认修改的上游依赖-时间维度，取值为：
    #[serde(
        rename = "MainCyclicConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub main_cyclic_config: Option<String>,
    /// ModifyCycleValue为1的时候生效，表示默认修改的上游依赖-实例范围
    #[serde(
        rename = "SubordinateCyclicConfig",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub subordinate_cyclic_config: Option<String>,
    /// 执行时间左闭区间，示例：00:00，只有周期类型为MINUTE_CYCLE才需要填入
    #[serde(
        rename = "ExecutionStartTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_start_time: Option<String>,
    /// 执行时间右闭区间，示例：23:59，只有周期类型为MINUTE_CYCLE才需要填入
    #[serde(
        rename = "ExecutionEndTime",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub execution_end_time: Option<String>,
    /// 是否开启日历调度 1 开启 0关闭
    #[serde(
        rename = "CalendarOpen",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub calendar_open: Option<String>,
    /// 日历id
    #[serde(
        rename = "CalendarId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub calendar_id: Option<String>,
}

/// 工作流调度配置
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkflowTriggerConfig {
    /// <p>触发方式，非必填，外部结构的TriggerMode字段优先级比当前字段高</p><ul><li>定时触发：TIME_TRIGGER</li><li>文件到达：FILE_ARRIVAL</li><li>持续运行：CONTINUE_RUN（暂不支持）</li></ul><p>注意：</p><ul><li>TIME_TRIGGER 和 CONTINUE_RUN 模式下，SchedulerStatus、SchedulerTimeZone、StartTime、EndTime、ConfigMode、CycleType、CrontabExpression 必填；</li><li>FILE_ARRIVAL 模式下，FileArrivalPath、TriggerMinimumIntervalSecond、TriggerWaitTimeSecond 必填；</li></ul><p>枚举值：</p><ul><li>TIME_TRIGGER： 定时触发</li><li>FILE_ARRIVAL： 文件到达</li></ul>
    #[serde(
        rename = "TriggerMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_mode: Option<String>,
    /// <p>WorkflowTriggerConfig转换成Json格式，对账使用</p>
    #[serde(rename = "ExtraInfo", default, skip_serializing_if = "Option::is_none")]
    pub extra_info: Option<String>,
    /// <p>调度时区</p>
    #[serde(
        rename = "ScheduleTimeZone",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub schedule_time_zone: Option<String>,
    /// <p>调度生效时间</p>
    #[serde(rename = "StartTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
    /// <p>调度结束时间</p>
    #[serde(rename = "EndTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// <p>配置方式，常规：COMMON，CRON表达式：CRON_EXPRESSION</p>
    #[serde(
        rename = "ConfigMode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub config_mode: Option<String>,
    /// <p>周期类型：支持的类型为<br>ONEOFF_CYCLE: 一次性<br>YEAR_CYCLE: 年<br>MONTH_CYCLE: 月<br>WEEK_CYCLE: 周<br>DAY_CYCLE: 天<br>HOUR_CYCLE: 小时<br>MINUTE_CYCLE: 分钟<br>CRONTAB_CYCLE: crontab表达式类型</p>
    #[serde(rename = "CycleType", default, skip_serializing_if = "Option::is_none")]
    pub cycle_type: Option<String>,
    /// <p>cron表达式</p>
    #[serde(
        rename = "CrontabExpression",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub crontab_expression: Option<String>,
    /// <p>triggerId, uuid</p>
    #[serde(rename = "TriggerId", default, skip_serializing_if = "Option::is_none")]
    pub trigger_id: Option<String>,
    /// <p>文件到达模式下    存储系统中的监听路径</p>
    #[serde(
        rename = "FileArrivalPath",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub file_arrival_path: Option<String>,
    /// <p>Trigger 状态 启动ACTIVE，暂停PAUSED。外部的TriggerStatus优先级大于当前值</p><p>枚举值：</p><ul><li>ACTIVE： 启动</li><li>PAUSED： 暂停</li></ul>
    #[serde(
        rename = "SchedulerStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduler_status: Option<String>,
    /// <p>文件到达模式下 文件匹配规则</p><p>入参限制：文件名匹配仅支持文件名和 *，不能包含路径分隔符 /</p>
    #[serde(
        rename = "FileNamePattern",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub file_name_pattern: Option<String>,
    /// <p>文件到达模式下 是否递归检测子目录</p><p>取值范围：[0, 1]</p><p>默认值：1</p><p>默认 1（开启） 0 （关闭）</p>
    #[serde(rename = "Recursive", default, skip_serializing_if = "Option::is_none")]
    pub recursive: Option<i64>,
    /// <p>文件到达模式下    触发最短间隔时间</p><p>单位：秒</p>
    #[serde(
        rename = "TriggerMinimumIntervalSecond",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_minimum_interval_second: Option<i64>,
    /// <p>文件到达模式下    触发等待时间</p><p>单位：秒</p>
    #[serde(
        rename = "TriggerWaitTimeSecond",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub trigger_wait_time_second: Option<i64>,
}

impl Action for CreateTriggerTaskRequest {
    const NAME: &'static str = "CreateTriggerTask";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = CreateTriggerTaskResponse;
}

impl Action for UpdateTriggerTaskRequest {
    const NAME: &'static str = "UpdateTriggerTask";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = UpdateTriggerTaskResponse;
}

impl Action for GetTriggerTaskRequest {
    const NAME: &'static str = "GetTriggerTask";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetTriggerTaskResponse;
}

impl Action for DeleteTriggerTaskRequest {
    const NAME: &'static str = "DeleteTriggerTask";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = DeleteTriggerTaskResponse;
}

impl Action for SubmitTriggerTaskRequest {
    const NAME: &'static str = "SubmitTriggerTask";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = SubmitTriggerTaskResponse;
}

impl Action for ListTriggerTasksRequest {
    const NAME: &'static str = "ListTriggerTasks";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListTriggerTasksResponse;
}

impl Action for GetTriggerTaskCodeRequest {
    const NAME: &'static str = "GetTriggerTaskCode";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetTriggerTaskCodeResponse;
}

impl Action for GetTriggerTaskVersionRequest {
    const NAME: &'static str = "GetTriggerTaskVersion";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetTriggerTaskVersionResponse;
}

impl Action for ListTriggerTaskVersionsRequest {
    const NAME: &'static str = "ListTriggerTaskVersions";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListTriggerTaskVersionsResponse;
}

impl Action for CreateTriggerWorkflowRequest {
    const NAME: &'static str = "CreateTriggerWorkflow";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = CreateTriggerWorkflowResponse;
}

impl Action for GetTriggerWorkflowRequest {
    const NAME: &'static str = "GetTriggerWorkflow";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetTriggerWorkflowResponse;
}

impl Action for ListTriggerWorkflowsRequest {
    const NAME: &'static str = "ListTriggerWorkflows";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListTriggerWorkflowsResponse;
}

impl Action for UpdateTriggerWorkflowRequest {
    const NAME: &'static str = "UpdateTriggerWorkflow";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = UpdateTriggerWorkflowResponse;
}

impl Action for CreateTaskRequest {
    const NAME: &'static str = "CreateTask";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = CreateTaskResponse;
}

impl Action for UpdateTaskRequest {
    const NAME: &'static str = "UpdateTask";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = UpdateTaskResponse;
}

impl Action for GetTaskRequest {
    const NAME: &'static str = "GetTask";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetTaskResponse;
}

impl Action for DeleteTaskRequest {
    const NAME: &'static str = "DeleteTask";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = DeleteTaskResponse;
}

impl Action for SubmitTaskRequest {
    const NAME: &'static str = "SubmitTask";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = SubmitTaskResponse;
}

impl Action for ListTasksRequest {
    const NAME: &'static str = "ListTasks";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListTasksResponse;
}

impl Action for GetTaskVersionRequest {
    const NAME: &'static str = "GetTaskVersion";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetTaskVersionResponse;
}

impl Action for CreateWorkflowRequest {
    const NAME: &'static str = "CreateWorkflow";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = CreateWorkflowResponse;
}

impl Action for UpdateWorkflowRequest {
    const NAME: &'static str = "UpdateWorkflow";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = UpdateWorkflowResponse;
}

impl Action for GetWorkflowRequest {
    const NAME: &'static str = "GetWorkflow";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetWorkflowResponse;
}

impl Action for ListWorkflowsRequest {
    const NAME: &'static str = "ListWorkflows";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListWorkflowsResponse;
}

impl Action for CreateCodeFolderRequest {
    const NAME: &'static str = "CreateCodeFolder";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = CreateCodeFolderResponse;
}

impl Action for CreateCodeFileRequest {
    const NAME: &'static str = "CreateCodeFile";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = CreateCodeFileResponse;
}

impl Action for UpdateCodeFileRequest {
    const NAME: &'static str = "UpdateCodeFile";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = UpdateCodeFileResponse;
}

impl Action for GetCodeFileRequest {
    const NAME: &'static str = "GetCodeFile";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetCodeFileResponse;
}

impl Action for DeleteCodeFileRequest {
    const NAME: &'static str = "DeleteCodeFile";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = DeleteCodeFileResponse;
}

impl Action for ListCodeFolderContentsRequest {
    const NAME: &'static str = "ListCodeFolderContents";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListCodeFolderContentsResponse;
}

impl Action for ListDownstreamTriggerTasksRequest {
    const NAME: &'static str = "ListDownstreamTriggerTasks";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListDownstreamTriggerTasksResponse;
}

impl Action for ListDownstreamTasksRequest {
    const NAME: &'static str = "ListDownstreamTasks";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListDownstreamTasksResponse;
}

impl Action for ListUpstreamTriggerTasksRequest {
    const NAME: &'static str = "ListUpstreamTriggerTasks";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListUpstreamTriggerTasksResponse;
}

impl Action for ListUpstreamTasksRequest {
    const NAME: &'static str = "ListUpstreamTasks";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListUpstreamTasksResponse;
}

impl Action for CreateTriggerWorkflowRunRequest {
    const NAME: &'static str = "CreateTriggerWorkflowRun";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = CreateTriggerWorkflowRunResponse;
}

impl Action for GetTriggerWorkflowRunRequest {
    const NAME: &'static str = "GetTriggerWorkflowRun";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetTriggerWorkflowRunResponse;
}

impl Action for ListTriggerWorkflowRunsRequest {
    const NAME: &'static str = "ListTriggerWorkflowRuns";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListTriggerWorkflowRunsResponse;
}

impl Action for ListTriggerTaskRunsRequest {
    const NAME: &'static str = "ListTriggerTaskRuns";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListTriggerTaskRunsResponse;
}

impl Action for GetTriggerTaskRunRequest {
    const NAME: &'static str = "GetTriggerTaskRun";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetTriggerTaskRunResponse;
}

impl Action for KillTriggerWorkflowRunsRequest {
    const NAME: &'static str = "KillTriggerWorkflowRuns";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = KillTriggerWorkflowRunsResponse;
}

impl Action for GetOpsTaskRequest {
    const NAME: &'static str = "GetOpsTask";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetOpsTaskResponse;
}

impl Action for ListOpsTasksRequest {
    const NAME: &'static str = "ListOpsTasks";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListOpsTasksResponse;
}

impl Action for StartOpsTasksRequest {
    const NAME: &'static str = "StartOpsTasks";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = StartOpsTasksResponse;
}

impl Action for PauseOpsTasksAsyncRequest {
    const NAME: &'static str = "PauseOpsTasksAsync";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = PauseOpsTasksAsyncResponse;
}

impl Action for StopOpsTasksAsyncRequest {
    const NAME: &'static str = "StopOpsTasksAsync";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = StopOpsTasksAsyncResponse;
}

impl Action for GetOpsAsyncJobRequest {
    const NAME: &'static str = "GetOpsAsyncJob";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetOpsAsyncJobResponse;
}

impl Action for ListTaskInstancesRequest {
    const NAME: &'static str = "ListTaskInstances";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListTaskInstancesResponse;
}

impl Action for GetTaskInstanceRequest {
    const NAME: &'static str = "GetTaskInstance";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetTaskInstanceResponse;
}

impl Action for GetTaskInstanceLogRequest {
    const NAME: &'static str = "GetTaskInstanceLog";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetTaskInstanceLogResponse;
}

impl Action for CreateDataBackfillPlanRequest {
    const NAME: &'static str = "CreateDataBackfillPlan";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = CreateDataBackfillPlanResponse;
}

impl Action for GetDataBackfillPlanRequest {
    const NAME: &'static str = "GetDataBackfillPlan";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetDataBackfillPlanResponse;
}

impl Action for ListDataBackfillInstancesRequest {
    const NAME: &'static str = "ListDataBackfillInstances";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListDataBackfillInstancesResponse;
}

impl Action for ListTaskVersionsRequest {
    const NAME: &'static str = "ListTaskVersions";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListTaskVersionsResponse;
}

impl Action for GetTaskCodeRequest {
    const NAME: &'static str = "GetTaskCode";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetTaskCodeResponse;
}

impl Action for GetMyWorkflowMaxPermissionRequest {
    const NAME: &'static str = "GetMyWorkflowMaxPermission";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = GetMyWorkflowMaxPermissionResponse;
}

impl Action for CreateWorkflowFolderRequest {
    const NAME: &'static str = "CreateWorkflowFolder";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = CreateWorkflowFolderResponse;
}

impl Action for CreateTaskFolderRequest {
    const NAME: &'static str = "CreateTaskFolder";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = true;
    type Response = CreateTaskFolderResponse;
}

impl Action for ListWorkflowFoldersRequest {
    const NAME: &'static str = "ListWorkflowFolders";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListWorkflowFoldersResponse;
}

impl Action for ListTaskFoldersRequest {
    const NAME: &'static str = "ListTaskFolders";
    const VERSION: &'static str = "2025-08-06";
    const WRITES: bool = false;
    type Response = ListTaskFoldersResponse;
}

/// The actions above with whether each writes, for tests and the `api` command.
pub const ACTIONS: &[(&str, bool)] = &[
    ("CreateTriggerTask", true),
    ("UpdateTriggerTask", true),
    ("GetTriggerTask", false),
    ("DeleteTriggerTask", true),
    ("SubmitTriggerTask", true),
    ("ListTriggerTasks", false),
    ("GetTriggerTaskCode", false),
    ("GetTriggerTaskVersion", false),
    ("ListTriggerTaskVersions", false),
    ("CreateTriggerWorkflow", true),
    ("GetTriggerWorkflow", false),
    ("ListTriggerWorkflows", false),
    ("UpdateTriggerWorkflow", true),
    ("CreateTask", true),
    ("UpdateTask", true),
    ("GetTask", false),
    ("DeleteTask", true),
    ("SubmitTask", true),
    ("ListTasks", false),
    ("GetTaskVersion", false),
    ("CreateWorkflow", true),
    ("UpdateWorkflow", true),
    ("GetWorkflow", false),
    ("ListWorkflows", false),
    ("CreateCodeFolder", true),
    ("CreateCodeFile", true),
    ("UpdateCodeFile", true),
    ("GetCodeFile", false),
    ("DeleteCodeFile", true),
    ("ListCodeFolderContents", false),
    ("ListDownstreamTriggerTasks", false),
    ("ListDownstreamTasks", false),
    ("ListUpstreamTriggerTasks", false),
    ("ListUpstreamTasks", false),
    ("CreateTriggerWorkflowRun", true),
    ("GetTriggerWorkflowRun", false),
    ("ListTriggerWorkflowRuns", false),
    ("ListTriggerTaskRuns", false),
    ("GetTriggerTaskRun", false),
    ("KillTriggerWorkflowRuns", true),
    ("GetOpsTask", false),
    ("ListOpsTasks", false),
    ("StartOpsTasks", true),
    ("PauseOpsTasksAsync", true),
    ("StopOpsTasksAsync", true),
    ("GetOpsAsyncJob", false),
    ("ListTaskInstances", false),
    ("GetTaskInstance", false),
    ("GetTaskInstanceLog", false),
    ("CreateDataBackfillPlan", true),
    ("GetDataBackfillPlan", false),
    ("ListDataBackfillInstances", false),
    ("ListTaskVersions", false),
    ("GetTaskCode", false),
    ("GetMyWorkflowMaxPermission", false),
    ("CreateWorkflowFolder", true),
    ("CreateTaskFolder", true),
    ("ListWorkflowFolders", false),
    ("ListTaskFolders", false),
];
