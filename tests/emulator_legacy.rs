//! The emulator's legacy 2021-08-20 subset: every official example request of that version
//! is accepted and answered in the shape the legacy definition gives (and decodes into
//! `api::legacy`), and the legacy actions read and write the same tasks as the 2025 ones.

mod common;

use common::*;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use wedata_gitops::api::legacy;
use wedata_gitops::emulator::EmulatorConfig;
use wedata_gitops::emulator::definition::{LEGACY_DEFINITION, validate_against_legacy};

const LEGACY: &str = "2021-08-20";

/// Sends a legacy request and returns the whole answer.
async fn send_legacy(endpoint: &str, action: &str, body: &Value) -> Value {
    let mut request = RawRequest::new(action, body);
    request.version = LEGACY;
    request.send(endpoint).await
}

async fn call_legacy(endpoint: &str, action: &str, body: Value) -> Value {
    let answer = send_legacy(endpoint, action, &body).await;
    let response = answer["Response"].clone();
    assert!(
        response.get("Error").is_none(),
        "{action} {body}: {response}"
    );
    response
}

struct Fixture {
    workflow_id: String,
    task: String,
    upstream: String,
}

async fn fixture(endpoint: &str) -> Fixture {
    let workflow = call(
        endpoint,
        "CreateWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowName": "legacy", "ParentFolderPath": "/"}),
    )
    .await;
    let workflow_id = workflow["Data"]["WorkflowId"].as_str().unwrap().to_owned();
    let create = |name: &str| {
        json!({
            "ProjectId": PROJECT_ID,
            "TaskBaseAttribute": {"TaskName": name, "TaskTypeId": "30", "WorkflowId": workflow_id},
            "TaskConfiguration": {"CodeContent": "cHJpbnQoMSk="},
            "TaskSchedulerConfiguration": {"CycleType": "DAY_CYCLE"}
        })
    };
    let id = |response: Value| response["Data"]["TaskId"].as_str().unwrap().to_owned();
    let task = id(call(endpoint, "CreateTask", create("legacy_task")).await);
    let upstream = id(call(endpoint, "CreateTask", create("legacy_upstream")).await);
    Fixture {
        workflow_id,
        task,
        upstream,
    }
}

fn rewrite(value: &mut Value, fixture: &Fixture, suffix: &str) {
    match value {
        Value::Object(map) => {
            for (key, member) in map.iter_mut() {
                match key.as_str() {
                    "ProjectId" if member.is_string() => *member = json!(PROJECT_ID),
                    "WorkflowId" if member.is_string() => *member = json!(fixture.workflow_id),
                    "TaskId" if member.is_string() => *member = json!(fixture.task),
                    "TaskName" if member.is_string() => {
                        *member = json!(format!("{}_{suffix}", member.as_str().unwrap()))
                    }
                    // The official example's times are in the past and its window a day long.
                    "StartTime" => *member = json!("2025-01-01 00:00:00"),
                    "EndTime" => *member = json!("2099-12-31 23:59:59"),
                    _ => rewrite(member, fixture, suffix),
                }
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|item| rewrite(item, fixture, suffix)),
        _ => {}
    }
}

async fn replay<Response: DeserializeOwned>(
    endpoint: &str,
    action: &str,
    fixture: &Fixture,
) -> usize {
    let examples: Value = serde_json::from_str(include_str!(
        "../api-definition/examples-2021-08-20-subset.json"
    ))
    .unwrap();
    let cases = examples["actions"][action]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for (index, case) in cases.iter().enumerate() {
        let input = case["input"].as_str().unwrap();
        let mut body: Value = serde_json::from_str(&input[input.find('{').unwrap()..]).unwrap();
        rewrite(&mut body, fixture, &format!("{action}_{index}"));
        let response = call_legacy(endpoint, action, body).await;
        let output = LEGACY_DEFINITION.actions[action].output.clone();
        if let Err(violation) = validate_against_legacy(&output, &response) {
            panic!(
                "{action} example {index}: {}: {}\n{response}",
                violation.code, violation.message
            );
        }
        if let Err(error) = serde_json::from_value::<Response>(response.clone()) {
            panic!("{action} example {index}: the answer does not decode: {error}\n{response}");
        }
    }
    cases.len()
}

#[tokio::test]
async fn every_official_legacy_example_is_accepted_and_answered_in_shape() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let fixture = fixture(&endpoint).await;
    let mut replayed = 0;
    replayed += replay::<legacy::CreateTaskResponse>(&endpoint, "CreateTask", &fixture).await;
    replayed +=
        replay::<legacy::ModifyTaskInfoResponse>(&endpoint, "ModifyTaskInfo", &fixture).await;
    replayed +=
        replay::<legacy::DescribeTaskDetailDsResponse>(&endpoint, "DescribeTaskDetailDs", &fixture)
            .await;
    replayed += replay::<legacy::SubmitTaskResponse>(&endpoint, "SubmitTask", &fixture).await;
    replayed +=
        replay::<legacy::DescribeTaskByCycleResponse>(&endpoint, "DescribeTaskByCycle", &fixture)
            .await;
    assert_eq!(replayed, 5, "one official example per legacy action");
}

#[tokio::test]
async fn legacy_and_current_actions_share_one_task() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let fixture = fixture(&endpoint).await;

    call_legacy(
        &endpoint,
        "ModifyTaskInfo",
        json!({
            "ProjectId": PROJECT_ID,
            "TaskId": fixture.task,
            "CycleType": 2,
            "CrontabExpression": "0 0 */2 * * ?",
            "SelfDepend": 3,
            "TryLimit": 7,
            "RunPriority": 4,
            "Notes": "hourly now",
            "TaskExt": [{"Key": "python_type", "Value": "python3"}],
            "DependencyConfigDTOs": [{
                "DependConfType": "HOUR",
                "SubordinateCyclicType": "CURRENT_HOUR",
                "DependencyStrategy": "WAITING",
                "ParentTask": {"TaskId": fixture.upstream}
            }],
            "DelayTime": 15
        }),
    )
    .await;
    let task = call(
        &endpoint,
        "GetTask",
        json!({"ProjectId": PROJECT_ID, "TaskId": fixture.task}),
    )
    .await;
    let scheduler = &task["Data"]["TaskSchedulerConfiguration"];
    assert_eq!(scheduler["CycleType"], "HOUR_CYCLE");
    assert_eq!(scheduler["SelfDepend"], "parallel");
    assert_eq!(scheduler["MaxRetryNumber"], 7);
    assert_eq!(scheduler["RunPriorityType"], 4);
    assert_eq!(
        scheduler["UpstreamDependencyConfigList"][0]["TaskId"],
        json!(fixture.upstream)
    );
    assert_eq!(
        task["Data"]["TaskBaseAttribute"]["TaskDescription"],
        "hourly now"
    );
    assert!(
        task["Data"].get("DelayTime").is_none(),
        "legacy-only members stay out of GetTask"
    );
    let ext = task["Data"]["TaskConfiguration"]["TaskExtConfigurationList"]
        .as_array()
        .unwrap();
    assert!(ext.iter().any(|item| item["ParamKey"] == "python_type"));
    assert!(
        ext.iter().any(|item| item["ParamKey"] == "tenantId"),
        "server-managed keys survive a legacy modify"
    );

    call(
        &endpoint,
        "UpdateTask",
        json!({
            "ProjectId": PROJECT_ID,
            "TaskId": fixture.task,
            "Task": {
                "TaskBaseAttribute": {"TaskName": "legacy_task", "OwnerUin": "100000000002", "TaskDescription": "back to daily"},
                "TaskConfiguration": {},
                "TaskSchedulerConfiguration": {"CycleType": "DAY_CYCLE", "RetryWaitMinute": 9}
            }
        }),
    )
    .await;
    let detail = call_legacy(
        &endpoint,
        "DescribeTaskDetailDs",
        json!({"ProjectId": PROJECT_ID, "TaskId": fixture.task}),
    )
    .await;
    let data = &detail["Data"];
    assert_eq!(data["CycleType"], "DAY_CYCLE");
    assert_eq!(data["RetryWait"], 9);
    assert_eq!(data["TryLimit"], 7);
    assert_eq!(data["InChargeId"], "100000000002");
    assert_eq!(data["Notes"], "back to daily");
    assert_eq!(
        data["SelfDepend"], "parallel",
        "the 2025 name, as the official answer says `serial`"
    );
    assert_eq!(data["DelayTime"], 15);
    assert_eq!(
        data["DependencyConfigList"][0]["ParentTask"]["TaskName"],
        "legacy_upstream"
    );

    call_legacy(
        &endpoint,
        "SubmitTask",
        json!({"ProjectId": PROJECT_ID, "TaskId": fixture.task, "VersionRemark": "legacy", "StartScheduling": true}),
    )
    .await;
    let version = call(
        &endpoint,
        "GetTaskVersion",
        json!({"ProjectId": PROJECT_ID, "TaskId": fixture.task}),
    )
    .await;
    assert_eq!(version["Data"]["VersionRemark"], "legacy");
    assert_eq!(version["Data"]["VersionNum"], "V1");
}

#[tokio::test]
async fn bad_legacy_writes_are_refused_and_change_nothing() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let fixture = fixture(&endpoint).await;
    let before = call(
        &endpoint,
        "GetTask",
        json!({"ProjectId": PROJECT_ID, "TaskId": fixture.task}),
    )
    .await;
    for (body, code) in [
        (json!({"CycleType": 9}), "InvalidParameterValue"),
        (
            json!({"StartTime": "2026-01-01 00:00:00", "EndTime": "2025-01-01 00:00:00"}),
            "InvalidParameterValue",
        ),
        (
            json!({"DependencyConfigDTOs": [{"DependConfType": "DAY", "SubordinateCyclicType": "CURRENT_DAY", "DependencyStrategy": "WAITING", "ParentTask": {"TaskId": "1"}}]}),
            "InvalidParameterValue",
        ),
        (json!({"RunPriority": 9}), "InvalidParameterValue"),
    ] {
        let mut request = body.clone();
        request["ProjectId"] = json!(PROJECT_ID);
        request["TaskId"] = json!(fixture.task);
        let answer = send_legacy(&endpoint, "ModifyTaskInfo", &request).await;
        assert_eq!(error_code(&answer), code, "{body}: {answer}");
    }
    let after = call(
        &endpoint,
        "GetTask",
        json!({"ProjectId": PROJECT_ID, "TaskId": fixture.task}),
    )
    .await;
    assert_eq!(
        before["Data"], after["Data"],
        "a refused write changed the task"
    );

    // Each action answers only in its own version.
    let wrong_version = RawRequest::new(
        "ModifyTaskInfo",
        &json!({"ProjectId": PROJECT_ID, "TaskId": fixture.task}),
    )
    .send(&endpoint)
    .await;
    assert_eq!(error_code(&wrong_version), "InvalidAction");
    let wrong_version = send_legacy(
        &endpoint,
        "GetTask",
        &json!({"ProjectId": PROJECT_ID, "TaskId": fixture.task}),
    )
    .await;
    assert_eq!(error_code(&wrong_version), "InvalidAction");
}

#[tokio::test]
async fn describe_actions_are_logged_as_reads_not_writes() {
    let log = tempfile::NamedTempFile::new().unwrap();
    let emulator = start_emulator(EmulatorConfig {
        log_file: Some(log.path().to_owned()),
        ..EmulatorConfig::default()
    })
    .await;
    let endpoint = emulator.endpoint();
    let fixture = fixture(&endpoint).await;
    let writes = write_count(log.path());
    call_legacy(
        &endpoint,
        "DescribeTaskDetailDs",
        json!({"ProjectId": PROJECT_ID, "TaskId": fixture.task}),
    )
    .await;
    call_legacy(
        &endpoint,
        "DescribeTaskByCycle",
        json!({"ProjectId": PROJECT_ID}),
    )
    .await;
    let lines = log_lines(log.path());
    let described: Vec<&Value> = lines
        .iter()
        .filter(|line| line["action"].as_str().unwrap().starts_with("Describe"))
        .collect();
    assert_eq!(described.len(), 2);
    assert!(
        described.iter().all(|line| line["write"] == false),
        "{described:?}"
    );
    assert_eq!(write_count(log.path()), writes);
}
