//! `wedata-gitops api` end to end: the real binary against the emulator (which verifies TC3
//! signatures) and against a wiremock server with a verifier written here.

mod common;

use common::*;
use serde_json::{Value, json};
use wedata_gitops::api::signing;
use wedata_gitops::emulator::{EmulatorConfig, FaultPlan};

fn api(endpoint: &str, action: &str, body: Value) -> assert_cmd::Command {
    let mut command = wedata_gitops();
    command.args(["api", action, &body.to_string(), "--endpoint", endpoint]);
    command
}

#[tokio::test(flavor = "multi_thread")]
async fn signed_requests_are_accepted_and_the_response_is_printed() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let created = run(api(
        &endpoint,
        "CreateTriggerWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowName": "orders", "ParentFolderPath": "/"}),
    ))
    .await;
    assert!(created.status.success(), "{}", stderr(&created));
    let response: Value = serde_json::from_str(&stdout(&created)).unwrap();
    let workflow_id = response["Data"]["WorkflowId"].as_str().unwrap().to_owned();
    assert!(response["RequestId"].is_string());

    let fetched = run(api(
        &endpoint,
        "GetTriggerWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowId": workflow_id}),
    ))
    .await;
    assert!(fetched.status.success(), "{}", stderr(&fetched));
    let response: Value = serde_json::from_str(&stdout(&fetched)).unwrap();
    assert_eq!(response["Data"]["WorkflowName"], "orders");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_issue_example_reaches_a_verifying_server() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    // The example of the issue: the task does not exist, so the verified request is answered
    // with ResourceNotFound (not an AuthFailure).
    let output = run(api(
        &emulator.endpoint(),
        "GetTriggerTask",
        json!({"ProjectId": "1", "TaskId": "2"}),
    ))
    .await;
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(errors.contains("ResourceNotFound"), "{errors}");
    assert!(errors.contains("RequestId"), "{errors}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_key_fails_with_a_hint_and_never_shows_the_key() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let mut command = api(
        &emulator.endpoint(),
        "ListTriggerWorkflows",
        json!({"ProjectId": PROJECT_ID}),
    );
    command
        .env("TENCENTCLOUD_SECRET_KEY", "not-the-right-key-4242")
        .arg("-v");
    let output = run(command).await;
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(errors.contains("AuthFailure.SignatureFailure"), "{errors}");
    assert!(
        errors.contains("TENCENTCLOUD_SECRET_KEY"),
        "hint missing: {errors}"
    );
    assert!(!errors.contains("not-the-right-key-4242"), "{errors}");
    assert!(!errors.contains("Signature="), "{errors}");
}

#[tokio::test(flavor = "multi_thread")]
async fn verbose_logs_each_call_without_secrets_or_code() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let mut command = api(
        &emulator.endpoint(),
        "ListTriggerWorkflows",
        json!({"ProjectId": PROJECT_ID}),
    );
    command.arg("-v");
    let output = run(command).await;
    assert!(output.status.success());
    let log = stderr(&output);
    assert!(
        log.contains("ListTriggerWorkflows") && log.contains("attempt=1"),
        "{log}"
    );
    assert!(log.contains("request_id="), "{log}");
    assert!(
        !log.contains(wedata_gitops::emulator::TEST_SECRET_KEY),
        "{log}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn missing_credentials_name_the_variables() {
    let mut command = wedata_gitops();
    command
        .env_remove("TENCENTCLOUD_SECRET_ID")
        .env_remove("TENCENTCLOUD_SECRET_KEY")
        .args([
            "api",
            "ListTriggerWorkflows",
            "{}",
            "--endpoint",
            "http://127.0.0.1:9",
        ]);
    let output = run(command).await;
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    for expected in [
        "TENCENTCLOUD_SECRET_ID",
        "TENCENTCLOUD_SECRET_KEY",
        "--profile",
    ] {
        assert!(errors.contains(expected), "{errors}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn rate_limited_reads_are_retried_until_they_succeed() {
    let emulator = start_emulator(EmulatorConfig {
        faults: FaultPlan::parse("ListTriggerWorkflows:burst=RequestLimitExceeded@2/10").unwrap(),
        ..EmulatorConfig::default()
    })
    .await;
    let mut command = api(
        &emulator.endpoint(),
        "ListTriggerWorkflows",
        json!({"ProjectId": PROJECT_ID}),
    );
    command.arg("-v");
    let output = run(command).await;
    assert!(output.status.success(), "{}", stderr(&output));
    let log = stderr(&output);
    assert!(log.contains("attempt=3"), "{log}");
    // The first rejection slows the action down; the run ends with what it cost.
    assert!(
        log.contains("RequestLimitExceeded: slowing down this action"),
        "{log}"
    );
    assert!(
        log.contains("calls of one action action=\"ListTriggerWorkflows\" calls=3 rejected=2"),
        "{log}"
    );
    assert!(log.contains("calls in all calls=3 rejected=2"), "{log}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dropped_write_is_reported_as_unknown_and_not_retried() {
    let directory = tempfile::tempdir().unwrap();
    let log = directory.path().join("calls.jsonl");
    let emulator = start_emulator(EmulatorConfig {
        faults: FaultPlan::parse("CreateTriggerWorkflow:drop@1").unwrap(),
        log_file: Some(log.clone()),
        ..EmulatorConfig::default()
    })
    .await;
    let output = run(api(
        &emulator.endpoint(),
        "CreateTriggerWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowName": "orders", "ParentFolderPath": "/"}),
    ))
    .await;
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(errors.contains("api::outcome_unknown"), "{errors}");
    let creates = log_lines(&log)
        .iter()
        .filter(|line| line["action"] == "CreateTriggerWorkflow")
        .count();
    assert_eq!(creates, 1, "the write was retried blindly");
    let workflows = emulator.with_store(|store| store.projects[PROJECT_ID].workflows.len());
    assert_eq!(workflows, 1, "the server committed the write");
}

/// A wiremock server with a TC3 verifier of our own: checks the signature over the exact
/// body bytes, the Host header, and that X-TC-Token travels unsigned.
#[tokio::test(flavor = "multi_thread")]
async fn a_session_token_is_sent_and_the_signature_verifies() {
    use wiremock::{Mock, MockServer, Request, ResponseTemplate};

    struct VerifiesTc3;
    impl wiremock::Match for VerifiesTc3 {
        fn matches(&self, request: &Request) -> bool {
            let header = |name: &str| {
                request
                    .headers
                    .get(name)
                    .and_then(|value| value.to_str().ok())
                    .unwrap_or("")
                    .to_owned()
            };
            let Some(authorization) = signing::parse_authorization(&header("authorization")) else {
                return false;
            };
            let expected = signing::sign(&signing::SigningInput {
                secret_id: &authorization.secret_id,
                secret_key: wedata_gitops::emulator::TEST_SECRET_KEY,
                host: &header("host"),
                service: "wedata",
                content_type: &header("content-type"),
                timestamp: header("x-tc-timestamp").parse().unwrap_or(0),
                body: &request.body,
            });
            expected.signature == authorization.signature
                && header("x-tc-token") == "session-token-value"
                && header("x-tc-action") == "GetTriggerTask"
                && header("x-tc-version") == "2025-08-06"
                && header("x-tc-region") == "ap-guangzhou"
                && header("user-agent").starts_with("wedata-gitops/")
        }
    }

    let server = MockServer::start().await;
    Mock::given(VerifiesTc3)
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "Response": {"Data": {"TriggerTaskBaseAttribute": {"TaskId": "2", "TaskTypeId": 35, "WorkflowId": "w"}}, "RequestId": "verified"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let mut command = api(
        &server.uri(),
        "GetTriggerTask",
        json!({"ProjectId": "1", "TaskId": "2"}),
    );
    command.env("TENCENTCLOUD_SESSION_TOKEN", "session-token-value");
    let output = run(command).await;
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("\"RequestId\": \"verified\""));
}

#[tokio::test(flavor = "multi_thread")]
async fn bodies_come_from_files_and_standard_input() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let directory = tempfile::tempdir().unwrap();
    let file = directory.path().join("body.json");
    std::fs::write(&file, json!({"ProjectId": PROJECT_ID}).to_string()).unwrap();
    let mut from_file = wedata_gitops();
    from_file
        .args(["api", "ListTriggerWorkflows"])
        .arg(format!("@{}", file.display()))
        .args(["--endpoint", &emulator.endpoint()]);
    assert!(run(from_file).await.status.success());

    let mut from_stdin = wedata_gitops();
    from_stdin
        .args([
            "api",
            "ListTriggerWorkflows",
            "-",
            "--endpoint",
            &emulator.endpoint(),
        ])
        .write_stdin(json!({"ProjectId": PROJECT_ID}).to_string());
    assert!(run(from_stdin).await.status.success());

    let mut not_json = wedata_gitops();
    not_json.args([
        "api",
        "ListTriggerWorkflows",
        "{oops",
        "--endpoint",
        &emulator.endpoint(),
    ]);
    let output = run(not_json).await;
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("not valid JSON"));
}

#[test]
fn api_version_is_sent_to_the_embedded_emulator_too() {
    let state = tempfile::tempdir().unwrap();
    let state_file = state.path().join("state.json");
    let output = wedata_gitops()
        .args(["api", "DescribeTaskByCycle"])
        .arg(format!("{{\"ProjectId\": \"{PROJECT_ID}\"}}"))
        .args(["--api-version", "2021-08-20"])
        .arg(format!("--emulate={}", state_file.display()))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let answer: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(answer["Data"].is_array(), "{answer}");
}

#[test]
fn a_rate_limit_timeout_or_parallelism_of_zero_is_refused_by_the_parser() {
    for arguments in [
        &["api", "ListTriggerWorkflows", "{}", "--rate-limit", "0"][..],
        &["api", "ListTriggerWorkflows", "{}", "--timeout", "0"],
        &["apply", "--parallelism", "0", "--emulate"],
        &["emulator", "--rate-limit", "0"],
    ] {
        let output = wedata_gitops().args(arguments).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{arguments:?}");
        let errors = stderr(&output);
        assert!(
            errors.contains("invalid value '0'") && errors.contains("it must be at least 1"),
            "{arguments:?}: {errors}"
        );
    }
}

/// `--endpoint http://` on another machine. The emulator stands in for that machine as an
/// HTTP proxy (HTTP_PROXY), so no request ever leaves 127.0.0.1.
#[tokio::test(flavor = "multi_thread")]
async fn plain_http_to_another_host_is_refused_unless_opted_in_and_then_warned_once() {
    let directory = tempfile::tempdir().unwrap();
    let log = directory.path().join("calls.jsonl");
    let emulator = start_emulator(EmulatorConfig {
        log_file: Some(log.clone()),
        ..EmulatorConfig::default()
    })
    .await;
    let remote = |extra: &[&str]| {
        let mut command = wedata_gitops();
        command
            .env("HTTP_PROXY", emulator.endpoint())
            .env("http_proxy", emulator.endpoint())
            .env_remove("NO_PROXY")
            .env_remove("no_proxy")
            .env("TENCENTCLOUD_SESSION_TOKEN", "session-token-value")
            .args(["api", "ListTriggerWorkflows"])
            .arg(format!("{{\"ProjectId\": \"{PROJECT_ID}\"}}"))
            .args(["--endpoint", "http://wedata.example.test"])
            .args(extra);
        command
    };

    let refused = run(remote(&[])).await;
    assert_eq!(refused.status.code(), Some(1));
    let errors = stderr(&refused);
    assert!(errors.contains("error[api::insecure_endpoint]"), "{errors}");
    assert!(
        errors.contains("use https://") && errors.contains("--insecure-http"),
        "{errors}"
    );
    assert!(log_lines(&log).is_empty(), "nothing may be sent: {errors}");

    let allowed = run(remote(&["--insecure-http"])).await;
    let errors = stderr(&allowed);
    assert!(allowed.status.success(), "{errors}");
    assert_eq!(
        errors.matches("warning: --insecure-http").count(),
        1,
        "{errors}"
    );
    assert!(errors.contains("session token (X-TC-Token)"), "{errors}");
    assert!(!errors.contains("session-token-value"), "{errors}");
    assert_eq!(log_lines(&log).len(), 1);

    // The emulator's own address is loopback: plain http, no flag, no warning.
    let mut local = wedata_gitops();
    local
        .args(["api", "ListTriggerWorkflows"])
        .arg(format!("{{\"ProjectId\": \"{PROJECT_ID}\"}}"))
        .args(["--endpoint", &emulator.endpoint()]);
    let local = run(local).await;
    assert!(local.status.success(), "{}", stderr(&local));
    assert!(stderr(&local).is_empty(), "{}", stderr(&local));
}

/// An error from WeData keeps its code, message and RequestId on lines of their own, and the
/// diagnostic code once, beside `error`.
#[tokio::test(flavor = "multi_thread")]
async fn a_wedata_error_shows_code_message_and_request_id_on_lines_of_their_own() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let directory = tempfile::tempdir().unwrap();
    copy_examples(directory.path());
    let mut command = wedata_gitops();
    command
        .env("TENCENTCLOUD_SECRET_KEY", "not-the-key")
        .arg("plan")
        .arg(directory.path())
        .args(["--endpoint", &emulator.endpoint()]);
    let output = run(command).await;
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert_eq!(errors.matches("api::auth").count(), 1, "{errors}");
    insta::with_settings!({filters => vec![
        (r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "[REQUEST_ID]"),
    ]}, {
        insta::assert_snapshot!(errors);
    });
}
