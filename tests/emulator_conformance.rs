//! Conformance replay: every official example request in examples.json for the actions the
//! tool uses is accepted by the emulator (after creating what it refers to), and every
//! answer decodes into the client's types, which carry each member api.json marks required.

mod common;

use common::*;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use wedata_gitops::api::types::*;
use wedata_gitops::emulator::EmulatorConfig;

/// Ids of the resources the examples are rewritten to refer to.
struct Fixture {
    workflow_id: String,
    periodic_workflow_id: String,
    trigger_task: String,
    trigger_upstream: String,
    trigger_version: String,
    periodic_task: String,
    periodic_upstream: String,
    periodic_version: String,
}

async fn fixture(endpoint: &str) -> Fixture {
    // The folders the official examples create workflows and folders in (the examples spell
    // the console's default folder `/默认文件夹` with its backslashes lost).
    for (parent, name) in [
        ("/", "u9ed8u8ba4u6587u4ef6u5939"),
        ("/", "0_only"),
        ("/0_only", "0_sub"),
    ] {
        call(
            endpoint,
            "CreateWorkflowFolder",
            json!({"ProjectId": PROJECT_ID, "ParentFolderPath": parent, "FolderName": name}),
        )
        .await;
    }
    let workflow = call(
        endpoint,
        "CreateTriggerWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowName": "conformance", "ParentFolderPath": "/"}),
    )
    .await;
    let workflow_id = workflow["Data"]["WorkflowId"].as_str().unwrap().to_owned();
    let periodic_workflow = call(
        endpoint,
        "CreateWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowName": "conformance_periodic", "ParentFolderPath": "/"}),
    )
    .await;
    let periodic_workflow_id = periodic_workflow["Data"]["WorkflowId"]
        .as_str()
        .unwrap()
        .to_owned();
    let trigger = |name: &str| {
        json!({
            "ProjectId": PROJECT_ID,
            "TriggerTaskBaseAttribute": {"TaskName": name, "TaskTypeId": "35", "WorkflowId": workflow_id},
            "TriggerTaskConfiguration": {"CodeContent": "ZWNobyAx"},
            "TriggerTaskSchedulerConfiguration": {}
        })
    };
    let periodic = |name: &str| {
        json!({
            "ProjectId": PROJECT_ID,
            "TaskBaseAttribute": {"TaskName": name, "TaskTypeId": "35", "WorkflowId": periodic_workflow_id},
            "TaskConfiguration": {"CodeContent": "ZWNobyAx"},
            "TaskSchedulerConfiguration": {"CycleType": "DAY_CYCLE"}
        })
    };
    let id = |response: Value| response["Data"]["TaskId"].as_str().unwrap().to_owned();
    let trigger_task = id(call(endpoint, "CreateTriggerTask", trigger("fixture_trigger")).await);
    let trigger_upstream = id(call(
        endpoint,
        "CreateTriggerTask",
        trigger("fixture_trigger_upstream"),
    )
    .await);
    let periodic_task = id(call(endpoint, "CreateTask", periodic("fixture_periodic")).await);
    let periodic_upstream = id(call(
        endpoint,
        "CreateTask",
        periodic("fixture_periodic_upstream"),
    )
    .await);
    let version = |response: Value| response["Data"]["VersionId"].as_str().unwrap().to_owned();
    let trigger_version = version(
        call(
            endpoint,
            "SubmitTriggerTask",
            json!({"ProjectId": PROJECT_ID, "TaskId": trigger_task, "VersionRemark": "fixture"}),
        )
        .await,
    );
    let periodic_version = version(
        call(
            endpoint,
            "SubmitTask",
            json!({"ProjectId": PROJECT_ID, "TaskId": periodic_task, "VersionRemark": "fixture"}),
        )
        .await,
    );
    Fixture {
        workflow_id,
        periodic_workflow_id,
        trigger_task,
        trigger_upstream,
        trigger_version,
        periodic_task,
        periodic_upstream,
        periodic_version,
    }
}

/// Points an example's ids at the fixture and makes its names unique.
fn rewrite(
    value: &mut Value,
    depth: usize,
    periodic: bool,
    target: &str,
    fixture: &Fixture,
    suffix: &str,
) {
    match value {
        Value::Object(map) => {
            for (key, member) in map.iter_mut() {
                match (key.as_str(), member.is_string()) {
                    ("ProjectId", true) => *member = json!(PROJECT_ID),
                    ("WorkflowId", true) => {
                        let workflow = if periodic {
                            &fixture.periodic_workflow_id
                        } else {
                            &fixture.workflow_id
                        };
                        *member = json!(workflow)
                    }
                    ("TaskId", true) if depth == 0 => *member = json!(target),
                    ("TaskId" | "FromTaskId", true) => {
                        let upstream = if periodic {
                            &fixture.periodic_upstream
                        } else {
                            &fixture.trigger_upstream
                        };
                        *member = json!(upstream)
                    }
                    ("VersionId", true) => {
                        let version = if periodic {
                            &fixture.periodic_version
                        } else {
                            &fixture.trigger_version
                        };
                        *member = json!(version)
                    }
                    ("TaskName" | "WorkflowName", true) => {
                        *member = json!(format!("{}_{suffix}", member.as_str().unwrap()))
                    }
                    _ => rewrite(member, depth + 1, periodic, target, fixture, suffix),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                rewrite(item, depth + 1, periodic, target, fixture, suffix);
            }
        }
        _ => {}
    }
}

async fn replay<Response: DeserializeOwned>(
    endpoint: &str,
    action: &str,
    fixture: &Fixture,
) -> usize {
    replay_answers::<Response>(endpoint, action, fixture)
        .await
        .len()
}

/// Replays every official example of `action` and returns the emulator's answers.
async fn replay_answers<Response: DeserializeOwned>(
    endpoint: &str,
    action: &str,
    fixture: &Fixture,
) -> Vec<Value> {
    let examples: Value =
        serde_json::from_str(include_str!("../api-definition/examples-2025-08-06.json")).unwrap();
    let periodic = !action.contains("Trigger");
    let cases = examples["actions"][action]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let mut answers = Vec::new();
    for (index, case) in cases.iter().enumerate() {
        let input = case["input"].as_str().unwrap();
        let mut body: Value = serde_json::from_str(&input[input.find('{').unwrap()..]).unwrap();
        let mut target = if periodic {
            fixture.periodic_task.clone()
        } else {
            fixture.trigger_task.clone()
        };
        if action.starts_with("Delete") {
            // Each delete gets a task of its own.
            let victim = if periodic {
                call(endpoint, "CreateTask", json!({
                    "ProjectId": PROJECT_ID,
                    "TaskBaseAttribute": {"TaskName": format!("victim_{index}"), "TaskTypeId": "35", "WorkflowId": fixture.periodic_workflow_id},
                    "TaskConfiguration": {},
                    "TaskSchedulerConfiguration": {}
                }))
                .await
            } else {
                call(endpoint, "CreateTriggerTask", json!({
                    "ProjectId": PROJECT_ID,
                    "TriggerTaskBaseAttribute": {"TaskName": format!("victim_{index}"), "TaskTypeId": "35", "WorkflowId": fixture.workflow_id},
                    "TriggerTaskConfiguration": {},
                    "TriggerTaskSchedulerConfiguration": {}
                }))
                .await
            };
            target = victim["Data"]["TaskId"].as_str().unwrap().to_owned();
        }
        rewrite(
            &mut body,
            0,
            periodic,
            &target,
            fixture,
            &format!("{action}_{index}"),
        );
        let response = call(endpoint, action, body).await;
        // Exactly the output object's members (no extras), required ones present, types right.
        let output = wedata_gitops::emulator::definition::DEFINITION.actions[action]
            .output
            .clone();
        if let Err(violation) =
            wedata_gitops::emulator::definition::validate_against(&output, &response)
        {
            panic!(
                "{action} example {index}: {}: {}\n{response}",
                violation.code, violation.message
            );
        }
        if let Err(error) = serde_json::from_value::<Response>(response.clone()) {
            panic!("{action} example {index}: the answer does not decode: {error}\n{response}");
        }
        answers.push(response);
    }
    answers
}

#[tokio::test]
async fn every_official_example_request_is_accepted_and_answered_in_shape() {
    let emulator = start_emulator(EmulatorConfig {
        rate_limit_per_second: 10_000,
        ..EmulatorConfig::default()
    })
    .await;
    let endpoint = emulator.endpoint();
    let fixture = fixture(&endpoint).await;
    let mut replayed = 0;
    replayed +=
        replay::<CreateTriggerWorkflowResponse>(&endpoint, "CreateTriggerWorkflow", &fixture).await;
    replayed +=
        replay::<UpdateTriggerWorkflowResponse>(&endpoint, "UpdateTriggerWorkflow", &fixture).await;
    replayed +=
        replay::<GetTriggerWorkflowResponse>(&endpoint, "GetTriggerWorkflow", &fixture).await;
    replayed +=
        replay::<ListTriggerWorkflowsResponse>(&endpoint, "ListTriggerWorkflows", &fixture).await;
    replayed += replay::<CreateTriggerTaskResponse>(&endpoint, "CreateTriggerTask", &fixture).await;
    replayed += replay::<UpdateTriggerTaskResponse>(&endpoint, "UpdateTriggerTask", &fixture).await;
    replayed += replay::<GetTriggerTaskResponse>(&endpoint, "GetTriggerTask", &fixture).await;
    replayed +=
        replay::<GetTriggerTaskCodeResponse>(&endpoint, "GetTriggerTaskCode", &fixture).await;
    replayed += replay::<ListTriggerTasksResponse>(&endpoint, "ListTriggerTasks", &fixture).await;
    replayed += replay::<SubmitTriggerTaskResponse>(&endpoint, "SubmitTriggerTask", &fixture).await;
    replayed +=
        replay::<GetTriggerTaskVersionResponse>(&endpoint, "GetTriggerTaskVersion", &fixture).await;
    replayed +=
        replay::<ListTriggerTaskVersionsResponse>(&endpoint, "ListTriggerTaskVersions", &fixture)
            .await;
    replayed += replay::<DeleteTriggerTaskResponse>(&endpoint, "DeleteTriggerTask", &fixture).await;
    replayed += replay::<CreateWorkflowResponse>(&endpoint, "CreateWorkflow", &fixture).await;
    replayed += replay::<UpdateWorkflowResponse>(&endpoint, "UpdateWorkflow", &fixture).await;
    replayed += replay::<GetWorkflowResponse>(&endpoint, "GetWorkflow", &fixture).await;
    replayed += replay::<ListWorkflowsResponse>(&endpoint, "ListWorkflows", &fixture).await;
    replayed += replay::<CreateTaskResponse>(&endpoint, "CreateTask", &fixture).await;
    replayed += replay::<UpdateTaskResponse>(&endpoint, "UpdateTask", &fixture).await;
    replayed += replay::<GetTaskResponse>(&endpoint, "GetTask", &fixture).await;
    replayed += replay::<ListTasksResponse>(&endpoint, "ListTasks", &fixture).await;
    replayed += replay::<SubmitTaskResponse>(&endpoint, "SubmitTask", &fixture).await;
    replayed += replay::<GetTaskVersionResponse>(&endpoint, "GetTaskVersion", &fixture).await;
    replayed += replay::<ListTaskVersionsResponse>(&endpoint, "ListTaskVersions", &fixture).await;
    replayed += replay::<DeleteTaskResponse>(&endpoint, "DeleteTask", &fixture).await;
    replayed +=
        replay::<CreateWorkflowFolderResponse>(&endpoint, "CreateWorkflowFolder", &fixture).await;
    replayed +=
        replay::<ListWorkflowFoldersResponse>(&endpoint, "ListWorkflowFolders", &fixture).await;
    replayed += replay::<CreateTaskFolderResponse>(&endpoint, "CreateTaskFolder", &fixture).await;
    replayed += replay::<ListTaskFoldersResponse>(&endpoint, "ListTaskFolders", &fixture).await;
    assert!(replayed >= 54, "only {replayed} examples replayed");
}

/// Folders as the official examples and documents describe them: a list shows the direct
/// children of a parent by absolute path; a folder needs its parent; a workflow is created in
/// an existing folder and a task in an existing task folder of its workflow (TaskFolderPath:
/// "如果 tf_01 文件夹不存在，则需要先创建这个文件夹"), so neither half-exists after a refusal.
#[tokio::test]
async fn folders_must_exist_before_the_workflows_and_tasks_in_them() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let fixture = fixture(&endpoint).await;
    let nested = RawRequest::new(
        "CreateWorkflowFolder",
        &json!({"ProjectId": PROJECT_ID, "ParentFolderPath": "/missing", "FolderName": "child"}),
    )
    .send(&endpoint)
    .await;
    assert_eq!(error_code(&nested), "ResourceNotFound");
    let listed = call(
        &endpoint,
        "ListWorkflowFolders",
        json!({"ProjectId": PROJECT_ID, "ParentFolderPath": "/0_only"}),
    )
    .await;
    assert_eq!(listed["Data"]["Items"][0]["FolderPath"], "/0_only/0_sub");
    assert_eq!(listed["Data"]["TotalCount"], 1);

    let workflow = RawRequest::new(
        "CreateTriggerWorkflow",
        &json!({"ProjectId": PROJECT_ID, "WorkflowName": "homeless", "ParentFolderPath": "/nowhere"}),
    )
    .send(&endpoint)
    .await;
    assert_eq!(error_code(&workflow), "ResourceNotFound");
    let in_default = call(
        &endpoint,
        "CreateTriggerWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowName": "at_home", "ParentFolderPath": "/默认文件夹"}),
    )
    .await;
    assert!(in_default["Data"]["WorkflowId"].is_string());

    let task = |folder: &str| {
        json!({
            "ProjectId": PROJECT_ID,
            "TriggerTaskBaseAttribute": {"TaskName": "filed", "TaskTypeId": "35", "WorkflowId": fixture.workflow_id, "TaskFolderPath": folder},
            "TriggerTaskConfiguration": {},
            "TriggerTaskSchedulerConfiguration": {}
        })
    };
    let refused = RawRequest::new("CreateTriggerTask", &task("/tf_01"))
        .send(&endpoint)
        .await;
    assert_eq!(error_code(&refused), "ResourceNotFound");
    call(
        &endpoint,
        "CreateTaskFolder",
        json!({"ProjectId": PROJECT_ID, "ParentTaskFolderPath": "/", "TaskFolderName": "tf_01", "TaskFolderType": "GENERAL", "WorkflowId": fixture.workflow_id}),
    )
    .await;
    let created = call(&endpoint, "CreateTriggerTask", task("/tf_01")).await;
    assert!(created["Data"]["TaskId"].is_string());
    let folders = call(
        &endpoint,
        "ListTaskFolders",
        json!({"ProjectId": PROJECT_ID, "ParentTaskFolderPath": "/", "WorkflowId": fixture.workflow_id, "TaskFolderType": "GENERAL"}),
    )
    .await;
    assert_eq!(folders["Data"]["Items"][0]["TaskFolderPath"], "/tf_01");
    let other_type = call(
        &endpoint,
        "ListTaskFolders",
        json!({"ProjectId": PROJECT_ID, "ParentTaskFolderPath": "/", "WorkflowId": fixture.workflow_id, "TaskFolderType": "DLC"}),
    )
    .await;
    assert_eq!(other_type["Data"]["TotalCount"], 0);
}

/// GetMyWorkflowMaxPermission: the official example (a folder) is accepted and answered in
/// shape; a workflow of either kind answers CAN_MANAGE (the emulated user owns the project); an
/// unknown workflow is ResourceNotFound and a missing EntityType is refused by the definition.
#[tokio::test]
async fn get_my_workflow_max_permission_answers_the_official_example() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let fixture = fixture(&endpoint).await;
    let examples: Value =
        serde_json::from_str(include_str!("../api-definition/examples-2025-08-06.json")).unwrap();
    let cases = examples["actions"]["GetMyWorkflowMaxPermission"]
        .as_array()
        .unwrap();
    assert!(!cases.is_empty());
    let output =
        wedata_gitops::emulator::definition::DEFINITION.actions["GetMyWorkflowMaxPermission"]
            .output
            .clone();
    for case in cases {
        let input = case["input"].as_str().unwrap();
        let body: Value = serde_json::from_str(&input[input.find('{').unwrap()..]).unwrap();
        let response = call(&endpoint, "GetMyWorkflowMaxPermission", body).await;
        let official: Value = serde_json::from_str(case["output"].as_str().unwrap()).unwrap();
        assert_eq!(response["Data"], official["Response"]["Data"]);
        wedata_gitops::emulator::definition::validate_against(&output, &response)
            .unwrap_or_else(|violation| panic!("{}: {}", violation.code, violation.message));
        serde_json::from_value::<GetMyWorkflowMaxPermissionResponse>(response).unwrap();
    }
    for workflow_id in [&fixture.workflow_id, &fixture.periodic_workflow_id] {
        let response = call(
            &endpoint,
            "GetMyWorkflowMaxPermission",
            json!({"ProjectId": PROJECT_ID, "EntityId": workflow_id, "EntityType": "workflow"}),
        )
        .await;
        assert_eq!(response["Data"]["PermissionType"], "CAN_MANAGE");
    }
    let unknown = RawRequest::new(
        "GetMyWorkflowMaxPermission",
        &json!({"ProjectId": PROJECT_ID, "EntityId": "no-such-workflow", "EntityType": "workflow"}),
    )
    .send(&endpoint)
    .await;
    assert_eq!(error_code(&unknown), "ResourceNotFound");
    let incomplete = RawRequest::new(
        "GetMyWorkflowMaxPermission",
        &json!({"ProjectId": PROJECT_ID, "EntityId": fixture.workflow_id}),
    )
    .send(&endpoint)
    .await;
    assert_eq!(error_code(&incomplete), "MissingParameter");
}

/// The code-file actions the deployment lock uses, replayed from their official examples (ids
/// pointed at files the test made), answered in the definition's shape and decoded by the
/// client's types; then what the lock relies on: names unique in a folder, files only in an
/// existing folder, content only when asked for, deletes of what exists.
#[tokio::test]
async fn code_file_actions_answer_their_official_examples() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let examples: Value =
        serde_json::from_str(include_str!("../api-definition/examples-2025-08-06.json")).unwrap();
    let body_of = |action: &str| -> Value {
        let input = examples["actions"][action][0]["input"].as_str().unwrap();
        let mut body: Value = serde_json::from_str(&input[input.find('{').unwrap()..]).unwrap();
        body["ProjectId"] = json!(PROJECT_ID);
        body
    };
    fn check<Response: DeserializeOwned>(action: &str, response: &Value) {
        let output = wedata_gitops::emulator::definition::DEFINITION.actions[action]
            .output
            .clone();
        wedata_gitops::emulator::definition::validate_against(&output, response).unwrap_or_else(
            |violation| {
                panic!(
                    "{action}: {}: {}\n{response}",
                    violation.code, violation.message
                )
            },
        );
        serde_json::from_value::<Response>(response.clone())
            .unwrap_or_else(|error| panic!("{action}: {error}\n{response}"));
    }

    let folder = call(&endpoint, "CreateCodeFolder", body_of("CreateCodeFolder")).await;
    check::<CreateCodeFolderResponse>("CreateCodeFolder", &folder);
    let created = call(&endpoint, "CreateCodeFile", body_of("CreateCodeFile")).await;
    check::<CreateCodeFileResponse>("CreateCodeFile", &created);
    let official_create: Value = serde_json::from_str(
        examples["actions"]["CreateCodeFile"][0]["output"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    for member in official_create["Response"]["Data"]
        .as_object()
        .unwrap()
        .keys()
    {
        assert!(
            created["Data"].get(member).is_some(),
            "CreateCodeFile answers without {member}: {created}"
        );
    }
    let id = created["Data"]["CodeFileId"].as_str().unwrap().to_owned();
    for action in ["GetCodeFile", "UpdateCodeFile"] {
        let mut body = body_of(action);
        body["CodeFileId"] = json!(id);
        let response = call(&endpoint, action, body).await;
        assert_eq!(response["Data"]["CodeFileId"], id.as_str());
        if action == "GetCodeFile" {
            check::<GetCodeFileResponse>(action, &response);
        } else {
            check::<UpdateCodeFileResponse>(action, &response);
        }
    }
    let listed = call(
        &endpoint,
        "ListCodeFolderContents",
        body_of("ListCodeFolderContents"),
    )
    .await;
    check::<ListCodeFolderContentsResponse>("ListCodeFolderContents", &listed);
    let mut delete = body_of("DeleteCodeFile");
    delete["CodeFileId"] = json!(id);
    let deleted = call(&endpoint, "DeleteCodeFile", delete.clone()).await;
    check::<DeleteCodeFileResponse>("DeleteCodeFile", &deleted);
    assert_eq!(deleted["Data"]["Status"], true);

    // What the lock relies on.
    let again = RawRequest::new("DeleteCodeFile", &delete)
        .send(&endpoint)
        .await;
    assert_eq!(error_code(&again), "ResourceNotFound");
    let orphan = RawRequest::new(
        "CreateCodeFile",
        &json!({"ProjectId": PROJECT_ID, "CodeFileName": "x", "ParentFolderPath": "/no/such"}),
    )
    .send(&endpoint)
    .await;
    assert_eq!(error_code(&orphan), "ResourceNotFound");
    call(
        &endpoint,
        "CreateCodeFolder",
        json!({"ProjectId": PROJECT_ID, "FolderName": "locks", "ParentFolderPath": "/"}),
    )
    .await;
    let record = json!({"ProjectId": PROJECT_ID, "CodeFileName": "a.lock", "ParentFolderPath": "/locks", "CodeFileContent": "{\"holder\":1}"});
    let first = call(&endpoint, "CreateCodeFile", record.clone()).await;
    let twice = RawRequest::new("CreateCodeFile", &record)
        .send(&endpoint)
        .await;
    assert_eq!(error_code(&twice), "InvalidParameter.DuplicateName");
    let first_id = first["Data"]["CodeFileId"].as_str().unwrap();
    let without = call(
        &endpoint,
        "GetCodeFile",
        json!({"ProjectId": PROJECT_ID, "CodeFileId": first_id}),
    )
    .await;
    assert!(
        without["Data"].get("CodeFileContent").is_none(),
        "{without}"
    );
    let with = call(
        &endpoint,
        "GetCodeFile",
        json!({"ProjectId": PROJECT_ID, "CodeFileId": first_id, "IncludeContent": true}),
    )
    .await;
    assert_eq!(with["Data"]["CodeFileContent"], "{\"holder\":1}");
    let children = call(
        &endpoint,
        "ListCodeFolderContents",
        json!({"ProjectId": PROJECT_ID, "ParentFolderPath": "/locks"}),
    )
    .await;
    let titles: Vec<&str> = children["Data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| node["Title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["a.lock"]);
}

/// The official example requests of `action`, as JSON bodies.
fn example_bodies(action: &str) -> Vec<(Value, Value)> {
    let examples: Value =
        serde_json::from_str(include_str!("../api-definition/examples-2025-08-06.json")).unwrap();
    examples["actions"][action]
        .as_array()
        .unwrap_or_else(|| panic!("{action} has no official example"))
        .iter()
        .map(|case| {
            let input = case["input"].as_str().unwrap();
            let body: Value = serde_json::from_str(&input[input.find('{').unwrap()..]).unwrap();
            let output: Value = serde_json::from_str(case["output"].as_str().unwrap()).unwrap();
            (body, output)
        })
        .collect()
}

/// Replays the first official example of `action` with `ids` put in place of the example's
/// (members the example sets, plus ProjectId), and checks the answer: exactly the definition's
/// members with the right types, decodable by the client, and holding every member the
/// official answer's `Data` holds (and its first item's, for pages). Returns the answer.
async fn replay_shaped<Response: DeserializeOwned>(
    endpoint: &str,
    action: &str,
    ids: &[(&str, Value)],
) -> Value {
    let (mut body, official) = example_bodies(action).remove(0);
    body["ProjectId"] = json!(PROJECT_ID);
    for (member, value) in ids {
        body[*member] = value.clone();
    }
    let response = call(endpoint, action, body).await;
    let output = wedata_gitops::emulator::definition::DEFINITION.actions[action]
        .output
        .clone();
    wedata_gitops::emulator::definition::validate_against(&output, &response).unwrap_or_else(
        |violation| {
            panic!(
                "{action}: {}: {}\n{response}",
                violation.code, violation.message
            )
        },
    );
    serde_json::from_value::<Response>(response.clone()).unwrap_or_else(|error| {
        panic!("{action}: the answer does not decode: {error}\n{response}")
    });
    let official = &official["Response"]["Data"];
    let shape = |value: &Value| -> Vec<String> {
        let first = value
            .get("Items")
            .and_then(|items| items.get(0))
            .or(value.get(0));
        let mut keys: Vec<String> = value
            .as_object()
            .map(|map| map.keys().cloned().collect())
            .unwrap_or_default();
        if let Some(Value::Object(item)) = first {
            keys.extend(item.keys().map(|key| format!("item.{key}")));
        }
        keys
    };
    if official.is_object() || official.is_array() {
        let ours = shape(&response["Data"]);
        for key in shape(official) {
            assert!(
                ours.contains(&key),
                "{action}: the official answer has `{key}`, ours does not\n{response}"
            );
        }
    }
    response
}

/// Every run, operations and backfill action the tool uses answers its official example in
/// shape (GetOpsTask's official example is an InternalError answer: its request is replayed
/// and answered with the definition's Task), and the definition's parameter checks apply to
/// them as to the others.
#[tokio::test]
async fn the_run_ops_and_backfill_actions_answer_their_official_examples_in_shape() {
    let emulator = start_emulator(EmulatorConfig {
        rate_limit_per_second: 10_000,
        run_speed: 1000.0,
        ..EmulatorConfig::default()
    })
    .await;
    let endpoint = emulator.endpoint();
    let fixture = fixture(&endpoint).await;

    let created = replay_shaped::<CreateTriggerWorkflowRunResponse>(
        &endpoint,
        "CreateTriggerWorkflowRun",
        &[
            ("WorkflowId", json!(fixture.workflow_id)),
            ("TaskIds", json!([fixture.trigger_task])),
        ],
    )
    .await;
    let run_id = created["Data"]["WorkflowExecutionId"]
        .as_str()
        .unwrap()
        .to_owned();
    // The run of a long task, still going when it is killed below.
    let long = call(
        &endpoint,
        "CreateTriggerWorkflowRun",
        json!({"ProjectId": PROJECT_ID, "WorkflowId": fixture.workflow_id}),
    )
    .await["Data"]["WorkflowExecutionId"]
        .as_str()
        .unwrap()
        .to_owned();
    let detail = replay_shaped::<GetTriggerWorkflowRunResponse>(
        &endpoint,
        "GetTriggerWorkflowRun",
        &[("WorkflowExecutionId", json!(run_id))],
    )
    .await;
    assert_eq!(
        detail["Data"]["TriggerTaskRuns"][0]["TaskId"],
        fixture.trigger_task
    );
    replay_shaped::<ListTriggerWorkflowRunsResponse>(&endpoint, "ListTriggerWorkflowRuns", &[])
        .await;
    let task_runs = replay_shaped::<ListTriggerTaskRunsResponse>(
        &endpoint,
        "ListTriggerTaskRuns",
        &[(
            "Filters",
            json!([{"Name": "Keyword", "Values": [fixture.trigger_task]}]),
        )],
    )
    .await;
    let task_run = task_runs["Data"]["Items"][0]["ExecutionId"]
        .as_str()
        .unwrap()
        .to_owned();
    replay_shaped::<GetTriggerTaskRunResponse>(
        &endpoint,
        "GetTriggerTaskRun",
        &[("TaskExecutionId", json!(task_run))],
    )
    .await;
    replay_shaped::<GetTaskInstanceLogResponse>(
        &endpoint,
        "GetTaskInstanceLog",
        &[("InstanceKey", json!(task_run))],
    )
    .await;
    let killed = replay_shaped::<KillTriggerWorkflowRunsResponse>(
        &endpoint,
        "KillTriggerWorkflowRuns",
        &[
            ("WorkflowId", json!(fixture.workflow_id)),
            ("WorkflowExecutionIdList", json!([long])),
        ],
    )
    .await;
    assert_eq!(killed["Data"][0]["ItemId"], long.as_str());

    // The periodic fixture task was submitted, so the operations center has it.
    replay_shaped::<GetOpsTaskResponse>(
        &endpoint,
        "GetOpsTask",
        &[("TaskId", json!(fixture.periodic_task))],
    )
    .await;
    let listed = replay_shaped::<ListOpsTasksResponse>(&endpoint, "ListOpsTasks", &[]).await;
    assert_eq!(listed["Data"]["Items"][0]["Status"], "Y");
    replay_shaped::<StartOpsTasksResponse>(
        &endpoint,
        "StartOpsTasks",
        &[("TaskIds", json!([fixture.periodic_task]))],
    )
    .await;
    let paused = replay_shaped::<PauseOpsTasksAsyncResponse>(
        &endpoint,
        "PauseOpsTasksAsync",
        &[("TaskIds", json!([fixture.periodic_task]))],
    )
    .await;
    replay_shaped::<GetOpsAsyncJobResponse>(
        &endpoint,
        "GetOpsAsyncJob",
        &[("AsyncId", paused["Data"]["AsyncId"].clone())],
    )
    .await;
    replay_shaped::<StopOpsTasksAsyncResponse>(
        &endpoint,
        "StopOpsTasksAsync",
        &[("TaskIds", json!([fixture.periodic_task]))],
    )
    .await;
    let plan = replay_shaped::<CreateDataBackfillPlanResponse>(
        &endpoint,
        "CreateDataBackfillPlan",
        &[("TaskIds", json!([fixture.periodic_task]))],
    )
    .await;
    let plan_id = plan["Data"]["DataBackfillPlanId"].clone();
    replay_shaped::<GetDataBackfillPlanResponse>(
        &endpoint,
        "GetDataBackfillPlan",
        &[("DataBackfillPlanId", plan_id.clone())],
    )
    .await;
    replay_shaped::<ListDataBackfillInstancesResponse>(
        &endpoint,
        "ListDataBackfillInstances",
        &[
            ("DataBackfillPlanId", plan_id),
            ("TaskId", json!(fixture.periodic_task)),
        ],
    )
    .await;
    let instances =
        replay_shaped::<ListTaskInstancesResponse>(&endpoint, "ListTaskInstances", &[]).await;
    let key = instances["Data"]["Items"][0]["InstanceKey"].clone();
    assert!(key.as_str().unwrap().starts_with(&fixture.periodic_task));
    replay_shaped::<GetTaskInstanceLogResponse>(
        &endpoint,
        "GetTaskInstanceLog",
        &[("InstanceKey", key)],
    )
    .await;

    // The definition's checks: a missing required member, a wrong type.
    for (action, body, code) in [
        (
            "CreateTriggerWorkflowRun",
            json!({"ProjectId": PROJECT_ID}),
            "MissingParameter",
        ),
        (
            "StartOpsTasks",
            json!({"ProjectId": PROJECT_ID, "TaskIds": "not a list"}),
            "InvalidParameterValue",
        ),
        (
            "CreateDataBackfillPlan",
            json!({"ProjectId": PROJECT_ID, "TaskIds": [fixture.periodic_task]}),
            "MissingParameter",
        ),
    ] {
        let answer = RawRequest::new(action, &body).send(&endpoint).await;
        assert_eq!(error_code(&answer), code, "{action}: {answer}");
    }
    // And the behaviour's: an unknown run, a backfill that ends before it starts, a trigger
    // task in the operations center.
    for (action, body, code) in [
        (
            "GetTriggerWorkflowRun",
            json!({"ProjectId": PROJECT_ID, "WorkflowExecutionId": "no-such-run"}),
            "ResourceNotFound",
        ),
        (
            "CreateDataBackfillPlan",
            json!({"ProjectId": PROJECT_ID, "TaskIds": [fixture.periodic_task],
                   "DataBackfillRangeList": [{"StartDate": "2025-01-03", "EndDate": "2025-01-01"}]}),
            "InvalidParameterValue",
        ),
        (
            "GetOpsTask",
            json!({"ProjectId": PROJECT_ID, "TaskId": fixture.trigger_task}),
            "ResourceNotFound",
        ),
    ] {
        let answer = RawRequest::new(action, &body).send(&endpoint).await;
        assert_eq!(error_code(&answer), code, "{action}: {answer}");
    }
}

/// The dependency lookups: every official example is accepted and answered in shape, with the
/// fixture's tasks linked across two workflows so the answers carry items, for both kinds.
#[tokio::test]
async fn dependency_lookups_answer_the_official_examples_from_stored_edges() {
    let emulator = start_emulator(EmulatorConfig {
        rate_limit_per_second: 10_000,
        ..EmulatorConfig::default()
    })
    .await;
    let endpoint = emulator.endpoint();
    let fixture = fixture(&endpoint).await;
    // The target depends on its upstream; a task of another workflow depends on the target.
    call(
        &endpoint,
        "UpdateTriggerTask",
        json!({"ProjectId": PROJECT_ID, "TaskId": fixture.trigger_task, "Task": {
            "TriggerTaskBaseAttribute": {"TaskName": "fixture_trigger", "OwnerUin": "100028579801", "TaskDescription": ""},
            "TriggerTaskConfiguration": {},
            "TriggerTaskSchedulerConfiguration": {"UpstreamDependencyConfigList": [{"TaskId": fixture.trigger_upstream}]}
        }}),
    )
    .await;
    let other = call(
        &endpoint,
        "CreateTriggerWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowName": "consumers", "ParentFolderPath": "/"}),
    )
    .await;
    call(
        &endpoint,
        "CreateTriggerTask",
        json!({
            "ProjectId": PROJECT_ID,
            "TriggerTaskBaseAttribute": {"TaskName": "consumer", "TaskTypeId": "35", "WorkflowId": other["Data"]["WorkflowId"], "OwnerUin": "100028660434"},
            "TriggerTaskConfiguration": {},
            "TriggerTaskSchedulerConfiguration": {"UpstreamDependencyConfigList": [{"TaskId": fixture.trigger_task}]}
        }),
    )
    .await;
    call(
        &endpoint,
        "UpdateTask",
        json!({"ProjectId": PROJECT_ID, "TaskId": fixture.periodic_task, "Task": {
            "TaskBaseAttribute": {"TaskName": "fixture_periodic", "OwnerUin": "100028579801", "TaskDescription": ""},
            "TaskConfiguration": {},
            "TaskSchedulerConfiguration": {"UpstreamDependencyConfigList": [{"TaskId": fixture.periodic_upstream, "MainCyclicConfig": "DAY"}]}
        }}),
    )
    .await;
    call(
        &endpoint,
        "CreateTask",
        json!({
            "ProjectId": PROJECT_ID,
            "TaskBaseAttribute": {"TaskName": "periodic_consumer", "TaskTypeId": "35", "WorkflowId": fixture.periodic_workflow_id},
            "TaskConfiguration": {},
            "TaskSchedulerConfiguration": {"CycleType": "DAY_CYCLE", "UpstreamDependencyConfigList": [{"TaskId": fixture.periodic_task, "MainCyclicConfig": "DAY"}]}
        }),
    )
    .await;

    let names = |answers: &[Value]| -> Vec<String> {
        answers
            .iter()
            .flat_map(|answer| {
                answer["Data"]["Items"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
            })
            .map(|item| item["TaskName"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    let downstream = replay_answers::<ListDownstreamTriggerTasksResponse>(
        &endpoint,
        "ListDownstreamTriggerTasks",
        &fixture,
    )
    .await;
    assert!(!downstream.is_empty());
    assert!(names(&downstream).iter().all(|name| name == "consumer"));
    assert_eq!(
        downstream[0]["Data"]["Items"][0]["WorkflowName"],
        "consumers"
    );
    assert_eq!(
        downstream[0]["Data"]["Items"][0]["OwnerUin"],
        "100028660434"
    );
    let upstream = replay_answers::<ListUpstreamTriggerTasksResponse>(
        &endpoint,
        "ListUpstreamTriggerTasks",
        &fixture,
    )
    .await;
    assert!(!upstream.is_empty());
    assert!(
        names(&upstream)
            .iter()
            .all(|name| name == "fixture_trigger_upstream")
    );
    let periodic_downstream =
        replay_answers::<ListDownstreamTasksResponse>(&endpoint, "ListDownstreamTasks", &fixture)
            .await;
    assert!(!periodic_downstream.is_empty());
    assert!(
        names(&periodic_downstream)
            .iter()
            .all(|name| name == "periodic_consumer")
    );
    assert_eq!(
        periodic_downstream[0]["Data"]["Items"][0]["CycleType"],
        "DAY_CYCLE"
    );
    let periodic_upstream =
        replay_answers::<ListUpstreamTasksResponse>(&endpoint, "ListUpstreamTasks", &fixture).await;
    assert!(!periodic_upstream.is_empty());
    assert!(
        names(&periodic_upstream)
            .iter()
            .all(|name| name == "fixture_periodic_upstream")
    );
    // Every answer had its items (the examples page with PageSize 20, or the default 10).
    for answers in [
        &downstream,
        &upstream,
        &periodic_downstream,
        &periodic_upstream,
    ] {
        for answer in answers.iter() {
            assert_eq!(answer["Data"]["TotalCount"], 1, "{answer}");
        }
    }
}
