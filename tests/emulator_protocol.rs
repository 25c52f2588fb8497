//! The emulator's protocol and behaviour, each error path and each server-side rule, through
//! raw signed HTTP requests (not our client, so a client bug cannot mask an emulator bug).

mod common;

use common::*;
use serde_json::{Value, json};
use wedata_gitops::emulator::{EmulatorConfig, FaultPlan};

async fn emulator() -> wedata_gitops::emulator::RunningEmulator {
    start_emulator(EmulatorConfig {
        rate_limit_per_second: 1000,
        ..EmulatorConfig::default()
    })
    .await
}

async fn create_workflow(endpoint: &str, name: &str) -> String {
    let response = call(
        endpoint,
        "CreateTriggerWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowName": name, "ParentFolderPath": "/"}),
    )
    .await;
    response["Data"]["WorkflowId"].as_str().unwrap().to_owned()
}

fn task_request(workflow_id: &str, name: &str, upstream: &[&str]) -> Value {
    json!({
        "ProjectId": PROJECT_ID,
        "TriggerTaskBaseAttribute": {"TaskName": name, "TaskTypeId": "35", "WorkflowId": workflow_id},
        "TriggerTaskConfiguration": {
            "CodeContent": "ZWNobyAx",
            "TaskExtConfigurationList": [{"ParamKey": "specLabel", "ParamValue": "small"}]
        },
        "TriggerTaskSchedulerConfiguration": {
            "UpstreamDependencyConfigList": upstream.iter().map(|id| json!({"TaskId": id})).collect::<Vec<_>>()
        }
    })
}

async fn create_task(endpoint: &str, workflow_id: &str, name: &str, upstream: &[&str]) -> String {
    let response = call(
        endpoint,
        "CreateTriggerTask",
        task_request(workflow_id, name, upstream),
    )
    .await;
    response["Data"]["TaskId"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn authentication_failures_have_the_official_codes() {
    let emulator = emulator().await;
    let endpoint = emulator.endpoint();
    let body = json!({"ProjectId": PROJECT_ID});
    let mut unknown_id = RawRequest::new("ListTriggerWorkflows", &body);
    unknown_id.secret_id = "AKIDnobody";
    assert_eq!(
        error_code(&unknown_id.send(&endpoint).await),
        "AuthFailure.SecretIdNotFound"
    );

    let mut wrong_key = RawRequest::new("ListTriggerWorkflows", &body);
    wrong_key.secret_key = "wrong";
    assert_eq!(
        error_code(&wrong_key.send(&endpoint).await),
        "AuthFailure.SignatureFailure"
    );

    let mut expired = RawRequest::new("ListTriggerWorkflows", &body);
    expired.clock_skew = -301;
    assert_eq!(
        error_code(&expired.send(&endpoint).await),
        "AuthFailure.SignatureExpire"
    );

    let mut within = RawRequest::new("ListTriggerWorkflows", &body);
    within.clock_skew = -200;
    assert_eq!(error_code(&within.send(&endpoint).await), "");
}

#[tokio::test]
async fn action_version_and_body_errors_name_what_is_wrong() {
    let emulator = emulator().await;
    let endpoint = emulator.endpoint();
    let answer = RawRequest::new("MakeCoffee", &json!({}))
        .send(&endpoint)
        .await;
    assert_eq!(error_code(&answer), "InvalidAction");
    assert!(answer["Response"]["RequestId"].is_string());

    let mut unknown_version =
        RawRequest::new("ListTriggerWorkflows", &json!({"ProjectId": PROJECT_ID}));
    unknown_version.version = "2019-01-01";
    assert_eq!(
        error_code(&unknown_version.send(&endpoint).await),
        "NoSuchVersion"
    );

    // The legacy version exists, but only for its subset: a 2025 action there is unknown.
    let mut legacy = RawRequest::new("ListTriggerWorkflows", &json!({"ProjectId": PROJECT_ID}));
    legacy.version = "2021-08-20";
    assert_eq!(error_code(&legacy.send(&endpoint).await), "InvalidAction");

    let missing = RawRequest::new("GetTriggerTask", &json!({"ProjectId": PROJECT_ID}))
        .send(&endpoint)
        .await;
    assert_eq!(error_code(&missing), "MissingParameter");
    assert!(
        missing["Response"]["Error"]["Message"]
            .as_str()
            .unwrap()
            .contains("TaskId")
    );

    let unknown = RawRequest::new(
        "GetTriggerTask",
        &json!({"ProjectId": PROJECT_ID, "TaskId": "1", "Colour": "red"}),
    )
    .send(&endpoint)
    .await;
    assert_eq!(error_code(&unknown), "UnknownParameter");
    assert!(
        unknown["Response"]["Error"]["Message"]
            .as_str()
            .unwrap()
            .contains("Colour")
    );

    let wrong_type = RawRequest::new(
        "ListTriggerTasks",
        &json!({"ProjectId": PROJECT_ID, "PageSize": "ten"}),
    )
    .send(&endpoint)
    .await;
    assert_eq!(error_code(&wrong_type), "InvalidParameterValue");
    assert!(
        wrong_type["Response"]["Error"]["Message"]
            .as_str()
            .unwrap()
            .contains("PageSize")
    );

    let mut not_json = RawRequest::new("ListTriggerWorkflows", &json!({}));
    not_json.body = "{not json".into();
    assert_eq!(
        error_code(&not_json.send(&endpoint).await),
        "InvalidRequest"
    );
}

#[tokio::test]
async fn restricted_projects_answer_workspace_not_exist() {
    let emulator = start_emulator(EmulatorConfig {
        allowed_projects: Some(vec![PROJECT_ID.to_owned()]),
        ..EmulatorConfig::default()
    })
    .await;
    let endpoint = emulator.endpoint();
    let other = RawRequest::new("ListTriggerWorkflows", &json!({"ProjectId": "999"}))
        .send(&endpoint)
        .await;
    assert_eq!(error_code(&other), "InvalidParameter.WorkspaceNotExist");
    call(
        &endpoint,
        "ListTriggerWorkflows",
        json!({"ProjectId": PROJECT_ID}),
    )
    .await;
}

#[tokio::test]
async fn tasks_get_real_looking_ids_defaults_and_server_keys() {
    let emulator = emulator().await;
    let endpoint = emulator.endpoint();
    let workflow_id = create_workflow(&endpoint, "orders").await;
    assert!(uuid::Uuid::parse_str(&workflow_id).is_ok());
    let task_id = create_task(&endpoint, &workflow_id, "extract", &[]).await;
    assert_eq!(task_id.len(), 17);
    assert!(task_id.chars().all(|character| character.is_ascii_digit()));

    let task = call(
        &endpoint,
        "GetTriggerTask",
        json!({"ProjectId": PROJECT_ID, "TaskId": task_id}),
    )
    .await;
    let data = &task["Data"];
    let base = &data["TriggerTaskBaseAttribute"];
    assert_eq!(
        base["TaskTypeId"], 35,
        "TaskTypeId comes back as an integer"
    );
    assert_eq!(base["WorkflowName"], "orders");
    assert_eq!(base["Status"], "N");
    assert_eq!(base["Submit"], false);
    assert_eq!(base["TaskLatestVersionNo"], "V1");
    let scheduler = &data["TriggerTaskSchedulerConfiguration"];
    assert_eq!(scheduler["RunPriorityType"], 6);
    assert_eq!(scheduler["RetryWaitMinute"], 5);
    assert_eq!(scheduler["MaxRetryNumber"], 4);
    assert_eq!(scheduler["ExecutionTTLMinute"], -1);
    assert_eq!(scheduler["AllowRedoType"], "ALL");
    let ext: Vec<&str> = data["TriggerTaskConfiguration"]["TaskExtConfigurationList"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["ParamKey"].as_str().unwrap())
        .collect();
    for key in ["specLabel", "tenantId", "region", "bucket", "isGitTask"] {
        assert!(ext.contains(&key), "{key} missing from {ext:?}");
    }
    let code = call(
        &endpoint,
        "GetTriggerTaskCode",
        json!({"ProjectId": PROJECT_ID, "TaskId": task_id}),
    )
    .await;
    assert_eq!(
        code["Data"]["CodeInfo"], "ZWNobyAx",
        "code is stored as sent"
    );
}

#[tokio::test]
async fn duplicate_names_and_dangling_references_are_rejected() {
    let emulator = emulator().await;
    let endpoint = emulator.endpoint();
    let workflow_id = create_workflow(&endpoint, "orders").await;
    let duplicate_workflow = RawRequest::new(
        "CreateTriggerWorkflow",
        &json!({"ProjectId": PROJECT_ID, "WorkflowName": "orders", "ParentFolderPath": "/"}),
    )
    .send(&endpoint)
    .await;
    assert_eq!(
        error_code(&duplicate_workflow),
        "InvalidParameter.DuplicateName"
    );

    create_task(&endpoint, &workflow_id, "extract", &[]).await;
    let duplicate = RawRequest::new(
        "CreateTriggerTask",
        &task_request(&workflow_id, "extract", &[]),
    )
    .send(&endpoint)
    .await;
    assert_eq!(error_code(&duplicate), "InvalidParameter.DuplicateName");

    let dangling = RawRequest::new(
        "CreateTriggerTask",
        &task_request(&workflow_id, "load", &["12345678901234567"]),
    )
    .send(&endpoint)
    .await;
    assert_eq!(error_code(&dangling), "InvalidParameterValue");
    assert!(
        dangling["Response"]["Error"]["Message"]
            .as_str()
            .unwrap()
            .contains("UpstreamDependencyConfigList")
    );
}

#[tokio::test]
async fn updates_keep_server_keys_and_submits_create_versions() {
    let emulator = emulator().await;
    let endpoint = emulator.endpoint();
    let workflow_id = create_workflow(&endpoint, "orders").await;
    let task_id = create_task(&endpoint, &workflow_id, "extract", &[]).await;
    let submitted = call(
        &endpoint,
        "SubmitTriggerTask",
        json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "VersionRemark": "first"}),
    )
    .await;
    let version_id = submitted["Data"]["VersionId"].as_str().unwrap().to_owned();
    assert!(version_id.starts_with(&format!("{task_id}_")));
    assert_eq!(version_id.len(), task_id.len() + 1 + 17);

    call(
        &endpoint,
        "UpdateTriggerTask",
        json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "Task": {
            "TriggerTaskBaseAttribute": {"TaskName": "extract", "OwnerUin": "100", "TaskDescription": "changed"},
            "TriggerTaskConfiguration": {"TaskExtConfigurationList": [{"ParamKey": "specLabel", "ParamValue": "large"}]},
            "TriggerTaskSchedulerConfiguration": {"MaxRetryNumber": 2}
        }}),
    )
    .await;
    let task = call(
        &endpoint,
        "GetTriggerTask",
        json!({"ProjectId": PROJECT_ID, "TaskId": task_id}),
    )
    .await;
    let base = &task["Data"]["TriggerTaskBaseAttribute"];
    assert_eq!(base["TaskDescription"], "changed");
    assert_eq!(base["TaskLatestVersionNo"], "V2");
    assert_eq!(base["TaskLatestSubmitVersionNo"], "V1");
    assert_eq!(base["Submit"], false, "an edit after a submit is not live");
    assert_eq!(
        task["Data"]["TriggerTaskSchedulerConfiguration"]["MaxRetryNumber"],
        2
    );
    assert_eq!(
        task["Data"]["TriggerTaskSchedulerConfiguration"]["RetryWaitMinute"], 5,
        "untouched members keep their value"
    );
    let ext = task["Data"]["TriggerTaskConfiguration"]["TaskExtConfigurationList"].to_string();
    assert!(ext.contains("large") && ext.contains("tenantId"), "{ext}");

    call(
        &endpoint,
        "SubmitTriggerTask",
        json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "VersionRemark": "second"}),
    )
    .await;
    let versions = call(
        &endpoint,
        "ListTriggerTaskVersions",
        json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "TaskVersionType": "SUBMIT"}),
    )
    .await;
    assert_eq!(versions["Data"]["TotalCount"], 2);
    assert_eq!(versions["Data"]["Items"][0]["VersionNum"], "V2");
    assert_eq!(versions["Data"]["Items"][0]["VersionRemark"], "second");
    assert_eq!(versions["Data"]["Items"][0]["UsedVersion"], true);
    assert_eq!(versions["Data"]["Items"][1]["UsedVersion"], false);
    // Without a type the list is of saved versions (the definition's default): the create
    // and the update.
    let saved = call(
        &endpoint,
        "ListTriggerTaskVersions",
        json!({"ProjectId": PROJECT_ID, "TaskId": task_id}),
    )
    .await;
    assert_eq!(saved["Data"]["TotalCount"], 2);
    assert_eq!(saved["Data"]["Items"][0]["VersionNum"], "V2");
    assert_eq!(saved["Data"]["Items"][0]["VersionRemark"], "");
    assert_eq!(saved["Data"]["Items"][0]["Status"], Value::Null);
    let wrong = RawRequest::new(
        "ListTriggerTaskVersions",
        &json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "TaskVersionType": "ALL"}),
    )
    .send(&endpoint)
    .await;
    assert_eq!(error_code(&wrong), "InvalidParameterValue");
    let first = call(
        &endpoint,
        "GetTriggerTaskVersion",
        json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "VersionId": version_id}),
    )
    .await;
    assert_eq!(first["Data"]["VersionNum"], "V1");
    assert_eq!(
        first["Data"]["Task"]["TriggerTaskBaseAttribute"]["TaskDescription"],
        ""
    );
}

#[tokio::test]
async fn periodic_task_versions_list_submits_newest_first_and_the_used_one_on_request() {
    let emulator = emulator().await;
    let endpoint = emulator.endpoint();
    let workflow = call(
        &endpoint,
        "CreateWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowName": "daily", "ParentFolderPath": "/"}),
    )
    .await;
    let workflow_id = workflow["Data"]["WorkflowId"].as_str().unwrap();
    let task = call(
        &endpoint,
        "CreateTask",
        json!({
            "ProjectId": PROJECT_ID,
            "TaskBaseAttribute": {"TaskName": "t", "TaskTypeId": "35", "WorkflowId": workflow_id},
            "TaskConfiguration": {"CodeContent": "ZWNobyAx"},
            "TaskSchedulerConfiguration": {"CycleType": "DAY_CYCLE"}
        }),
    )
    .await;
    let task_id = task["Data"]["TaskId"].as_str().unwrap();
    for remark in ["abc1234 first", "def5678 second"] {
        call(
            &endpoint,
            "SubmitTask",
            json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "VersionRemark": remark}),
        )
        .await;
    }
    let list = |extra: Value| {
        let mut body = json!({"ProjectId": PROJECT_ID, "TaskId": task_id});
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        call(&endpoint, "ListTaskVersions", body)
    };
    let submitted = list(json!({"TaskVersionType": "SUBMIT"})).await;
    assert_eq!(submitted["Data"]["TotalCount"], 2);
    assert_eq!(
        submitted["Data"]["Items"][0]["VersionRemark"],
        "def5678 second"
    );
    assert_eq!(submitted["Data"]["Items"][1]["VersionNum"], "V1");
    let used = list(json!({"TaskVersionType": "SUBMIT", "UsedVersion": true})).await;
    assert_eq!(used["Data"]["TotalCount"], 1);
    assert_eq!(used["Data"]["Items"][0]["VersionNum"], "V2");
    let saved = list(json!({})).await;
    assert_eq!(saved["Data"]["TotalCount"], 1, "one save: the create");
    let version_id = submitted["Data"]["Items"][1]["VersionId"].as_str().unwrap();
    let first = call(
        &endpoint,
        "GetTaskVersion",
        json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "VersionId": version_id}),
    )
    .await;
    assert_eq!(first["Data"]["VersionRemark"], "abc1234 first");
}

/// DeleteTask's DeleteMode (force-fail the downstream instances or not) presumes WeData deletes
/// a task that others depend on; their dependency lists keep naming it.
#[tokio::test]
async fn deleting_an_upstream_leaves_its_dependents_naming_it() {
    let emulator = emulator().await;
    let endpoint = emulator.endpoint();
    let workflow_id = create_workflow(&endpoint, "orders").await;
    let upstream = create_task(&endpoint, &workflow_id, "extract", &[]).await;
    let downstream = create_task(&endpoint, &workflow_id, "load", &[&upstream]).await;
    call(
        &endpoint,
        "DeleteTriggerTask",
        json!({"ProjectId": PROJECT_ID, "TaskId": upstream, "DeleteMode": true}),
    )
    .await;
    let load = call(
        &endpoint,
        "GetTriggerTask",
        json!({"ProjectId": PROJECT_ID, "TaskId": downstream}),
    )
    .await;
    assert_eq!(
        load["Data"]["TriggerTaskSchedulerConfiguration"]["UpstreamDependencyConfigList"][0]["TaskId"],
        json!(upstream)
    );
    let upstreams = call(
        &endpoint,
        "ListUpstreamTriggerTasks",
        json!({"ProjectId": PROJECT_ID, "TaskId": downstream}),
    )
    .await;
    assert_eq!(
        upstreams["Data"]["TotalCount"], 0,
        "the deleted task has no entry"
    );
    let deletions = emulator.with_store(|store| store.projects[PROJECT_ID].deletions.clone());
    assert_eq!(deletions.last().unwrap()["DeleteMode"], true);
}

#[tokio::test]
async fn lists_paginate_and_filter() {
    let emulator = emulator().await;
    let endpoint = emulator.endpoint();
    let orders = create_workflow(&endpoint, "orders").await;
    let marketing = create_workflow(&endpoint, "marketing").await;
    for index in 0..25 {
        create_task(&endpoint, &orders, &format!("task_{index:02}"), &[]).await;
    }
    create_task(&endpoint, &marketing, "campaign", &[]).await;

    let first = call(
        &endpoint,
        "ListTriggerTasks",
        json!({"ProjectId": PROJECT_ID, "WorkflowId": orders}),
    )
    .await;
    assert_eq!(first["Data"]["TotalCount"], 25);
    assert_eq!(first["Data"]["TotalPageNumber"], 3);
    assert_eq!(first["Data"]["Items"].as_array().unwrap().len(), 10);
    let last = call(
        &endpoint,
        "ListTriggerTasks",
        json!({"ProjectId": PROJECT_ID, "WorkflowId": orders, "PageNumber": 3, "PageSize": 10}),
    )
    .await;
    assert_eq!(last["Data"]["Items"].as_array().unwrap().len(), 5);
    let big = call(
        &endpoint,
        "ListTriggerTasks",
        json!({"ProjectId": PROJECT_ID, "PageSize": 200}),
    )
    .await;
    assert_eq!(big["Data"]["Items"].as_array().unwrap().len(), 26);
    let by_name = call(
        &endpoint,
        "ListTriggerTasks",
        json!({"ProjectId": PROJECT_ID, "TaskName": "campaign"}),
    )
    .await;
    assert_eq!(by_name["Data"]["TotalCount"], 1);
    let too_big = RawRequest::new(
        "ListTriggerTasks",
        &json!({"ProjectId": PROJECT_ID, "PageSize": 500}),
    )
    .send(&endpoint)
    .await;
    assert_eq!(error_code(&too_big), "InvalidParameterValue");
    let workflows = call(
        &endpoint,
        "ListTriggerWorkflows",
        json!({"ProjectId": PROJECT_ID, "Keyword": "mark"}),
    )
    .await;
    assert_eq!(workflows["Data"]["TotalCount"], 1);
}

#[tokio::test]
async fn injected_errors_latency_and_drops_behave_as_specified() {
    let emulator = start_emulator(EmulatorConfig {
        faults: FaultPlan::parse(
            "ListTriggerWorkflows:error=InvalidParameter.ServiceIsBusy@1,GetTriggerWorkflow:latency=50,CreateTriggerWorkflow:drop@1",
        )
        .unwrap(),
        ..EmulatorConfig::default()
    })
    .await;
    let endpoint = emulator.endpoint();
    let busy = RawRequest::new("ListTriggerWorkflows", &json!({"ProjectId": PROJECT_ID}))
        .send(&endpoint)
        .await;
    assert_eq!(error_code(&busy), "InvalidParameter.ServiceIsBusy");

    let started = std::time::Instant::now();
    let slow = RawRequest::new(
        "GetTriggerWorkflow",
        &json!({"ProjectId": PROJECT_ID, "WorkflowId": "none"}),
    )
    .send(&endpoint)
    .await;
    assert_eq!(error_code(&slow), "ResourceNotFound");
    assert!(started.elapsed() >= std::time::Duration::from_millis(50));

    // The write is committed, then the connection drops: a real client sees a transport error.
    let body = json!({"ProjectId": PROJECT_ID, "WorkflowName": "orders", "ParentFolderPath": "/"})
        .to_string();
    let outcome = tokio::spawn({
        let endpoint = endpoint.clone();
        async move {
            let timestamp = jiff::Timestamp::now().as_second();
            let host = endpoint.trim_start_matches("http://").to_owned();
            let signature =
                wedata_gitops::api::signing::sign(&wedata_gitops::api::signing::SigningInput {
                    secret_id: wedata_gitops::emulator::TEST_SECRET_ID,
                    secret_key: wedata_gitops::emulator::TEST_SECRET_KEY,
                    host: &host,
                    service: "wedata",
                    content_type: "application/json",
                    timestamp,
                    body: body.as_bytes(),
                });
            let response = reqwest::Client::new()
                .post(&endpoint)
                .header("content-type", "application/json")
                .header("authorization", signature.authorization)
                .header("x-tc-action", "CreateTriggerWorkflow")
                .header("x-tc-version", "2025-08-06")
                .header("x-tc-region", "ap-guangzhou")
                .header("x-tc-timestamp", timestamp.to_string())
                .body(body)
                .send()
                .await;
            match response {
                Ok(response) => response.bytes().await.is_err(),
                Err(_) => true,
            }
        }
    })
    .await
    .unwrap();
    assert!(outcome, "the client should see a broken answer");
    let workflows = emulator.with_store(|store| store.projects[PROJECT_ID].workflows.len());
    assert_eq!(workflows, 1, "the change was committed before the drop");
}

#[tokio::test]
async fn a_burst_over_the_rate_limit_is_refused() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let mut requests = Vec::new();
    for _ in 0..40 {
        let endpoint = endpoint.clone();
        requests.push(tokio::spawn(async move {
            error_code(
                &RawRequest::new("ListTriggerWorkflows", &json!({"ProjectId": PROJECT_ID}))
                    .send(&endpoint)
                    .await,
            )
        }));
    }
    let mut limited = 0;
    for request in requests {
        if request.await.unwrap() == "RequestLimitExceeded" {
            limited += 1;
        }
    }
    // 40 requests cannot all fit in one second's budget of 20.
    assert!(limited >= 1, "no request was limited");
    // Another action keeps its own budget.
    call(
        &endpoint,
        "ListTriggerTasks",
        json!({"ProjectId": PROJECT_ID}),
    )
    .await;
}

#[tokio::test]
async fn state_persists_atomically_and_a_corrupt_file_is_an_error() {
    let directory = tempfile::tempdir().unwrap();
    let state = directory.path().join("state.json");
    let config = EmulatorConfig {
        state_file: Some(state.clone()),
        ..EmulatorConfig::default()
    };
    let first = start_emulator(config.clone()).await;
    let workflow_id = create_workflow(&first.endpoint(), "orders").await;
    first.shutdown().await;
    assert!(state.exists());
    let leftovers: Vec<_> = std::fs::read_dir(directory.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");

    let second = start_emulator(config.clone()).await;
    let workflow = call(
        &second.endpoint(),
        "GetTriggerWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowId": workflow_id}),
    )
    .await;
    assert_eq!(workflow["Data"]["WorkflowName"], "orders");
    second.shutdown().await;

    std::fs::write(&state, "{\"projects\": [oops").unwrap();
    let error = wedata_gitops::emulator::start(config).await.unwrap_err();
    let shown = error.to_string();
    assert!(
        shown.contains("state.json") && shown.contains("line 1"),
        "{shown}"
    );
    assert_eq!(
        std::fs::read_to_string(&state).unwrap(),
        "{\"projects\": [oops",
        "never replaced"
    );
}

#[test]
fn the_command_prints_its_address_first_and_logs_each_request() {
    use std::io::{BufRead, BufReader};
    let directory = tempfile::tempdir().unwrap();
    let log = directory.path().join("calls.jsonl");
    let binary = assert_cmd::cargo::cargo_bin("wedata-gitops");
    let mut child = std::process::Command::new(binary)
        .args(["emulator", "--listen", "127.0.0.1:0", "--log"])
        .arg(&log)
        .env_remove("TENCENTCLOUD_SECRET_ID")
        .env_remove("TENCENTCLOUD_SECRET_KEY")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first_line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first_line)
        .unwrap();
    let endpoint = first_line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {first_line:?}"))
        .to_owned();
    assert!(endpoint.starts_with("http://127.0.0.1:"));
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        call(
            &endpoint,
            "ListTriggerWorkflows",
            json!({"ProjectId": PROJECT_ID}),
        )
        .await;
        let failed = RawRequest::new("GetTriggerTask", &json!({"ProjectId": PROJECT_ID}))
            .send(&endpoint)
            .await;
        assert_eq!(error_code(&failed), "MissingParameter");
    });
    // SIGTERM stops it cleanly.
    let _ = std::process::Command::new("kill")
        .arg(child.id().to_string())
        .status();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    let lines = log_lines(&log);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["action"], "ListTriggerWorkflows");
    assert_eq!(lines[0]["result"], "ok");
    assert_eq!(lines[0]["write"], false);
    assert_eq!(lines[1]["result"], "MissingParameter");
    assert!(lines[1]["request_id"].is_string() && lines[1]["time"].is_string());
}

/// `clock_skew_seconds` moves the emulator's clock: its Date header, and the time it judges
/// signatures by. A client on the machine's clock is refused; one on the emulator's is not.
#[tokio::test]
async fn a_skewed_emulator_clock_shows_in_its_date_and_its_signature_check() {
    let emulator = start_emulator(EmulatorConfig {
        clock_skew_seconds: 600,
        ..EmulatorConfig::default()
    })
    .await;
    let endpoint = emulator.endpoint();
    let answer = reqwest::Client::new().post(&endpoint).send().await.unwrap();
    let date = answer.headers()["date"].to_str().unwrap().to_owned();
    let server = jiff::fmt::rfc2822::DateTimeParser::new()
        .parse_timestamp(&date)
        .unwrap();
    let ahead = server.as_second() - jiff::Timestamp::now().as_second();
    assert!(
        (598..=601).contains(&ahead),
        "Date {date} is {ahead} s ahead"
    );

    let body = json!({"ProjectId": PROJECT_ID});
    let on_our_clock = RawRequest::new("ListTriggerWorkflows", &body)
        .send(&endpoint)
        .await;
    assert_eq!(error_code(&on_our_clock), "AuthFailure.SignatureExpire");
    let mut on_its_clock = RawRequest::new("ListTriggerWorkflows", &body);
    on_its_clock.clock_skew = 600;
    assert_eq!(error_code(&on_its_clock.send(&endpoint).await), "");
}
