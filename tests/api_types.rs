//! The client's request and response types against the official definition:
//! every member present with its exact name, type and required flag, recursively; and every
//! official example response decodes into our types without losing anything.

// Each check takes both types of an action so one macro can drive them all.
#![allow(clippy::extra_unused_type_parameters)]

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use wedata_gitops::api::types::*;

fn definition() -> Value {
    serde_json::from_str(include_str!("../api-definition/api-2025-08-06.json")).unwrap()
}

fn examples() -> Value {
    serde_json::from_str(include_str!("../api-definition/examples-2025-08-06.json")).unwrap()
}

/// Calls `$check::<Request, Response>(action)` for every action the tool uses.
macro_rules! for_each_action {
    ($check:ident) => {{
        $check::<CreateTriggerTaskRequest, CreateTriggerTaskResponse>("CreateTriggerTask");
        $check::<UpdateTriggerTaskRequest, UpdateTriggerTaskResponse>("UpdateTriggerTask");
        $check::<GetTriggerTaskRequest, GetTriggerTaskResponse>("GetTriggerTask");
        $check::<DeleteTriggerTaskRequest, DeleteTriggerTaskResponse>("DeleteTriggerTask");
        $check::<SubmitTriggerTaskRequest, SubmitTriggerTaskResponse>("SubmitTriggerTask");
        $check::<ListTriggerTasksRequest, ListTriggerTasksResponse>("ListTriggerTasks");
        $check::<GetTriggerTaskCodeRequest, GetTriggerTaskCodeResponse>("GetTriggerTaskCode");
        $check::<GetTriggerTaskVersionRequest, GetTriggerTaskVersionResponse>(
            "GetTriggerTaskVersion",
        );
        $check::<ListTriggerTaskVersionsRequest, ListTriggerTaskVersionsResponse>(
            "ListTriggerTaskVersions",
        );
        $check::<CreateTriggerWorkflowRequest, CreateTriggerWorkflowResponse>(
            "CreateTriggerWorkflow",
        );
        $check::<GetTriggerWorkflowRequest, GetTriggerWorkflowResponse>("GetTriggerWorkflow");
        $check::<ListTriggerWorkflowsRequest, ListTriggerWorkflowsResponse>("ListTriggerWorkflows");
        $check::<UpdateTriggerWorkflowRequest, UpdateTriggerWorkflowResponse>(
            "UpdateTriggerWorkflow",
        );
        $check::<CreateTaskRequest, CreateTaskResponse>("CreateTask");
        $check::<UpdateTaskRequest, UpdateTaskResponse>("UpdateTask");
        $check::<GetTaskRequest, GetTaskResponse>("GetTask");
        $check::<DeleteTaskRequest, DeleteTaskResponse>("DeleteTask");
        $check::<SubmitTaskRequest, SubmitTaskResponse>("SubmitTask");
        $check::<ListTasksRequest, ListTasksResponse>("ListTasks");
        $check::<GetTaskVersionRequest, GetTaskVersionResponse>("GetTaskVersion");
        $check::<CreateWorkflowRequest, CreateWorkflowResponse>("CreateWorkflow");
        $check::<UpdateWorkflowRequest, UpdateWorkflowResponse>("UpdateWorkflow");
        $check::<GetWorkflowRequest, GetWorkflowResponse>("GetWorkflow");
        $check::<ListWorkflowsRequest, ListWorkflowsResponse>("ListWorkflows");
        $check::<CreateCodeFolderRequest, CreateCodeFolderResponse>("CreateCodeFolder");
        $check::<CreateCodeFileRequest, CreateCodeFileResponse>("CreateCodeFile");
        $check::<UpdateCodeFileRequest, UpdateCodeFileResponse>("UpdateCodeFile");
        $check::<GetCodeFileRequest, GetCodeFileResponse>("GetCodeFile");
        $check::<DeleteCodeFileRequest, DeleteCodeFileResponse>("DeleteCodeFile");
        $check::<ListCodeFolderContentsRequest, ListCodeFolderContentsResponse>(
            "ListCodeFolderContents",
        );
        $check::<ListDownstreamTriggerTasksRequest, ListDownstreamTriggerTasksResponse>(
            "ListDownstreamTriggerTasks",
        );
        $check::<ListDownstreamTasksRequest, ListDownstreamTasksResponse>("ListDownstreamTasks");
        $check::<ListUpstreamTriggerTasksRequest, ListUpstreamTriggerTasksResponse>(
            "ListUpstreamTriggerTasks",
        );
        $check::<ListUpstreamTasksRequest, ListUpstreamTasksResponse>("ListUpstreamTasks");
        $check::<CreateTriggerWorkflowRunRequest, CreateTriggerWorkflowRunResponse>(
            "CreateTriggerWorkflowRun",
        );
        $check::<GetTriggerWorkflowRunRequest, GetTriggerWorkflowRunResponse>(
            "GetTriggerWorkflowRun",
        );
        $check::<ListTriggerWorkflowRunsRequest, ListTriggerWorkflowRunsResponse>(
            "ListTriggerWorkflowRuns",
        );
        $check::<ListTriggerTaskRunsRequest, ListTriggerTaskRunsResponse>("ListTriggerTaskRuns");
        $check::<GetTriggerTaskRunRequest, GetTriggerTaskRunResponse>("GetTriggerTaskRun");
        $check::<KillTriggerWorkflowRunsRequest, KillTriggerWorkflowRunsResponse>(
            "KillTriggerWorkflowRuns",
        );
        $check::<GetOpsTaskRequest, GetOpsTaskResponse>("GetOpsTask");
        $check::<ListOpsTasksRequest, ListOpsTasksResponse>("ListOpsTasks");
        $check::<StartOpsTasksRequest, StartOpsTasksResponse>("StartOpsTasks");
        $check::<PauseOpsTasksAsyncRequest, PauseOpsTasksAsyncResponse>("PauseOpsTasksAsync");
        $check::<StopOpsTasksAsyncRequest, StopOpsTasksAsyncResponse>("StopOpsTasksAsync");
        $check::<GetOpsAsyncJobRequest, GetOpsAsyncJobResponse>("GetOpsAsyncJob");
        $check::<ListTaskInstancesRequest, ListTaskInstancesResponse>("ListTaskInstances");
        $check::<GetTaskInstanceRequest, GetTaskInstanceResponse>("GetTaskInstance");
        $check::<GetTaskInstanceLogRequest, GetTaskInstanceLogResponse>("GetTaskInstanceLog");
        $check::<CreateDataBackfillPlanRequest, CreateDataBackfillPlanResponse>(
            "CreateDataBackfillPlan",
        );
        $check::<GetDataBackfillPlanRequest, GetDataBackfillPlanResponse>("GetDataBackfillPlan");
        $check::<ListDataBackfillInstancesRequest, ListDataBackfillInstancesResponse>(
            "ListDataBackfillInstances",
        );
        $check::<ListTaskVersionsRequest, ListTaskVersionsResponse>("ListTaskVersions");
        $check::<GetTaskCodeRequest, GetTaskCodeResponse>("GetTaskCode");
        $check::<GetMyWorkflowMaxPermissionRequest, GetMyWorkflowMaxPermissionResponse>(
            "GetMyWorkflowMaxPermission",
        );
        $check::<CreateWorkflowFolderRequest, CreateWorkflowFolderResponse>("CreateWorkflowFolder");
        $check::<CreateTaskFolderRequest, CreateTaskFolderResponse>("CreateTaskFolder");
        $check::<ListWorkflowFoldersRequest, ListWorkflowFoldersResponse>("ListWorkflowFolders");
        $check::<ListTaskFoldersRequest, ListTaskFoldersResponse>("ListTaskFolders");
    }};
}

#[test]
fn every_used_action_is_covered() {
    let listed: BTreeSet<&str> = ACTIONS.iter().map(|(name, _)| *name).collect();
    assert_eq!(listed.len(), ACTIONS.len(), "an action is listed twice");
    // Every generated action goes through the member-for-member and example checks below.
    thread_local! {
        static CHECKED: std::cell::RefCell<BTreeSet<&'static str>> = const {
            std::cell::RefCell::new(BTreeSet::new())
        };
    }
    fn record<Request, Response>(action: &'static str) {
        CHECKED.with(|checked| checked.borrow_mut().insert(action));
    }
    for_each_action!(record);
    let checked = CHECKED.with(|checked| checked.borrow().clone());
    assert_eq!(checked, listed, "for_each_action! and ACTIONS differ");
    let definition = definition();
    for name in &listed {
        assert!(
            definition["actions"].get(*name).is_some(),
            "{name} is not in api.json"
        );
    }
}

#[test]
fn types_match_the_definition_member_for_member() {
    fn check<Request: JsonSchema, Response: JsonSchema>(action: &str) {
        let definition = definition();
        let spec = &definition["actions"][action];
        compare::<Request>(&definition, spec["input"].as_str().unwrap());
        compare::<Response>(&definition, spec["output"].as_str().unwrap());
    }
    for_each_action!(check);
}

/// Required in the definition but null in an official example answer, so generated as
/// optional (the same list is in scripts/generate_api_types.py).
const REQUIRED_BUT_NULL_IN_EXAMPLES: [(&str, &str); 2] = [
    ("DependencyConfigDsDTO", "ParentTask"),
    ("DependencyConfigDsDTO", "SonTask"),
];

fn compare<T: JsonSchema>(definition: &Value, object: &str) {
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    let definitions = schema.get("$defs").cloned().unwrap_or(Value::Null);
    compare_object(definition, &definitions, &schema, object, object);
}

fn compare_object(
    definition: &Value,
    definitions: &Value,
    schema: &Value,
    object: &str,
    path: &str,
) {
    // Some legacy objects contain themselves (TaskDsDTO.Tasks); a few levels check them all.
    if path.matches('.').count() > 6 {
        return;
    }
    let members = definition["objects"][object]["members"].as_array().unwrap();
    let properties = schema["properties"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let ours: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
    let theirs: BTreeSet<&str> = members
        .iter()
        .map(|member| member["name"].as_str().unwrap())
        .collect();
    assert_eq!(ours, theirs, "members of {path} ({object})");
    let required: BTreeSet<&str> = schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|name| name.as_str().unwrap())
        .collect();
    for member in members {
        let name = member["name"].as_str().unwrap();
        let member_path = format!("{path}.{name}");
        let is_required = member["required"].as_bool().unwrap_or(false)
            && !REQUIRED_BUT_NULL_IN_EXAMPLES.contains(&(object, name));
        assert_eq!(
            required.contains(name),
            is_required,
            "required flag of {member_path}"
        );
        let property = resolve(definitions, &properties[name]);
        let kind = member["type"].as_str().unwrap();
        let inner = member["member"].as_str().unwrap_or("");
        match kind {
            "object" => {
                let target = resolve(definitions, &property);
                compare_object(definition, definitions, &target, inner, &member_path);
            }
            "list" => {
                assert!(
                    has_type(&property, "array"),
                    "{member_path} is a list: {property}"
                );
                let items = resolve(definitions, &property["items"]);
                if definition["objects"].get(inner).is_some() {
                    compare_object(definition, definitions, &items, inner, &member_path);
                } else {
                    assert_scalar(&items, scalar_kind(inner), inner, &member_path);
                }
            }
            _ => assert_scalar(&property, kind, inner, &member_path),
        }
    }
}

fn scalar_kind(member: &str) -> &str {
    match member {
        "int64" | "uint64" => "int",
        "float" => "float",
        "bool" => "bool",
        _ => "string",
    }
}

fn assert_scalar(property: &Value, kind: &str, inner: &str, path: &str) {
    let expected = match kind {
        "string" => "string",
        "int" => "integer",
        "float" => "number",
        "bool" => "boolean",
        other => panic!("{path}: unknown type {other}"),
    };
    assert!(
        has_type(property, expected),
        "{path} should be {expected}: {property}"
    );
    if inner == "uint64" {
        assert_eq!(property["format"], "uint64", "{path} is unsigned");
    }
}

/// Follows `$ref` and unwraps `Option` (schemars writes `type: [T, "null"]` or `anyOf`).
fn resolve(definitions: &Value, schema: &Value) -> Value {
    if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap();
        return resolve(definitions, &definitions[name]);
    }
    if let Some(options) = schema["anyOf"].as_array() {
        if let Some(non_null) = options.iter().find(|option| option["type"] != "null") {
            return resolve(definitions, non_null);
        }
    }
    schema.clone()
}

fn has_type(schema: &Value, expected: &str) -> bool {
    match &schema["type"] {
        Value::String(kind) => kind == expected,
        Value::Array(kinds) => kinds.iter().any(|kind| kind == expected),
        _ => false,
    }
}

#[test]
fn every_official_example_response_decodes_without_loss() {
    fn check<Request, Response: DeserializeOwned + Serialize>(action: &str) {
        let examples = examples();
        let cases = examples["actions"][action]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for (index, case) in cases.iter().enumerate() {
            let output: Value = serde_json::from_str(case["output"].as_str().unwrap()).unwrap();
            let original = output["Response"].clone();
            // A few official examples show an error answer (GetOpsTask's is InternalError):
            // the client reads those as errors, never into the action's data type.
            if original.get("Error").is_some() {
                continue;
            }
            let decoded: Response = serde_json::from_value(original.clone())
                .unwrap_or_else(|error| panic!("{action} example {index}: {error}"));
            let round_trip = serde_json::to_value(&decoded).unwrap();
            // Absent and null are the same to the API; everything else must survive.
            assert_eq!(
                without_nulls(&round_trip),
                without_nulls(&original),
                "{action} example {index} lost information"
            );
        }
    }
    for_each_action!(check);
}

#[test]
fn every_official_example_request_encodes_into_our_request_types() {
    fn check<Request: DeserializeOwned + Serialize, Response>(action: &str) {
        let examples = examples();
        let cases = examples["actions"][action]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for (index, case) in cases.iter().enumerate() {
            let input = case["input"].as_str().unwrap();
            let body: Value = serde_json::from_str(&input[input.find('{').unwrap()..]).unwrap();
            let decoded: Request = serde_json::from_value(body.clone())
                .unwrap_or_else(|error| panic!("{action} example request {index}: {error}"));
            assert_eq!(
                without_nulls(&serde_json::to_value(&decoded).unwrap()),
                without_nulls(&body),
                "{action} example request {index}"
            );
        }
    }
    for_each_action!(check);
}

fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, value)| !value.is_null())
                .map(|(key, value)| (key.clone(), without_nulls(value)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

#[test]
fn task_type_id_is_a_string_to_create_and_an_integer_when_read() {
    let create = serde_json::to_value(CreateTriggerTaskBaseAttribute {
        task_type_id: "35".into(),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(create["TaskTypeId"], "35");
    let read: TriggerTaskBaseAttribute = serde_json::from_value(serde_json::json!({
        "TaskId": "20251124113217312", "TaskTypeId": 35, "WorkflowId": "w"
    }))
    .unwrap();
    assert_eq!(read.task_type_id, 35);
}

/// The legacy 2021-08-20 types (`api::legacy`) against the legacy definition, and every
/// official legacy example answer decodes without loss.
#[test]
fn legacy_types_match_the_2021_definition_and_its_examples() {
    use wedata_gitops::api::legacy;
    let definition: Value =
        serde_json::from_str(include_str!("../api-definition/api-2021-08-20-subset.json")).unwrap();
    let examples: Value = serde_json::from_str(include_str!(
        "../api-definition/examples-2021-08-20-subset.json"
    ))
    .unwrap();
    fn check<
        Request: JsonSchema + DeserializeOwned + Serialize,
        Response: JsonSchema + DeserializeOwned + Serialize,
    >(
        definition: &Value,
        examples: &Value,
        action: &str,
    ) {
        let spec = &definition["actions"][action];
        compare::<Request>(definition, spec["input"].as_str().unwrap());
        compare::<Response>(definition, spec["output"].as_str().unwrap());
        for case in examples["actions"][action].as_array().into_iter().flatten() {
            let output: Value = serde_json::from_str(case["output"].as_str().unwrap()).unwrap();
            let original = output["Response"].clone();
            // A few official examples show an error answer (GetOpsTask's is InternalError):
            // the client reads those as errors, never into the action's data type.
            if original.get("Error").is_some() {
                continue;
            }
            let decoded: Response = serde_json::from_value(original.clone())
                .unwrap_or_else(|error| panic!("{action}: {error}"));
            // Coordinates are floats: 331 and 331.0 are the same number.
            assert_eq!(
                numbers_as_floats(&without_nulls(&serde_json::to_value(&decoded).unwrap())),
                numbers_as_floats(&without_nulls(&original)),
                "{action} example lost information"
            );
        }
    }
    check::<legacy::CreateTaskRequest, legacy::CreateTaskResponse>(
        &definition,
        &examples,
        "CreateTask",
    );
    check::<legacy::ModifyTaskInfoRequest, legacy::ModifyTaskInfoResponse>(
        &definition,
        &examples,
        "ModifyTaskInfo",
    );
    check::<legacy::SubmitTaskRequest, legacy::SubmitTaskResponse>(
        &definition,
        &examples,
        "SubmitTask",
    );
    check::<legacy::DescribeTaskDetailDsRequest, legacy::DescribeTaskDetailDsResponse>(
        &definition,
        &examples,
        "DescribeTaskDetailDs",
    );
    check::<legacy::DescribeTaskByCycleRequest, legacy::DescribeTaskByCycleResponse>(
        &definition,
        &examples,
        "DescribeTaskByCycle",
    );
    assert_eq!(legacy::ACTIONS.len(), 5);
}

fn numbers_as_floats(value: &Value) -> Value {
    match value {
        Value::Number(number) => serde_json::json!(number.as_f64().unwrap()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, value)| (key.clone(), numbers_as_floats(value)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(numbers_as_floats).collect()),
        other => other.clone(),
    }
}
