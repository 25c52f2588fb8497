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
    assert!(replayed >= 50, "only {replayed} examples replayed");
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
