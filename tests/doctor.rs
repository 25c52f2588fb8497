//! `doctor` against the emulator: every check passes on a healthy setup (pinned with insta),
//! and a wrong key, an unknown project, a skewed server clock and a failed TLS handshake each
//! fail the run with a line naming the cause and a fix. No secret value is ever printed.

mod common;

use std::path::Path;

use common::*;
use wedata_gitops::emulator::{self, EmulatorConfig};

async fn doctor(directory: &Path, endpoint: &str, extra: &[(&str, &str)]) -> std::process::Output {
    let mut command = wedata_gitops();
    command
        .arg("doctor")
        .arg(directory)
        .args(["--endpoint", endpoint]);
    for (name, value) in extra {
        command.env(name, value);
    }
    run(command).await
}

fn filters() -> Vec<(&'static str, &'static str)> {
    vec![
        (r"127\.0\.0\.1:\d+", "127.0.0.1:[port]"),
        (r"in \d+ ms", "in [n] ms"),
        (r"written \d+ (s|min) ago", "written [age] ago"),
        (r"cache/[0-9a-f]{16}\.json", "cache/[key].json"),
        (r"within \d+ s", "within [n] s"),
    ]
}

/// Lines of the report whose status is FAIL, as `name: detail`.
fn failures(output: &std::process::Output) -> Vec<String> {
    stdout(output)
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("FAIL"))
        .map(|rest| rest.trim().to_owned())
        .collect()
}

fn assert_no_secret(output: &std::process::Output) {
    let all = format!("{}{}", stdout(output), stderr(output));
    assert!(
        !all.contains(emulator::TEST_SECRET_KEY),
        "the SecretKey leaked: {all}"
    );
    assert!(
        !all.contains(emulator::TEST_SECRET_ID),
        "the SecretId is not shown either: {all}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn doctor_against_the_emulator_passes_every_check() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let directory = tempfile::tempdir().unwrap();
    copy_examples(directory.path());
    // An applied project with a warm cache: permissions are asked of live workflows.
    let mut apply = wedata_gitops();
    apply
        .arg("apply")
        .arg(directory.path())
        .args(["--auto-approve", "--endpoint", &endpoint]);
    assert!(run(apply).await.status.success());
    let mut plan = wedata_gitops();
    plan.arg("plan")
        .arg(directory.path())
        .args(["--endpoint", &endpoint]);
    assert!(run(plan).await.status.success());

    let output = doctor(directory.path(), &endpoint, &[]).await;
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert_no_secret(&output);
    let text = stdout(&output).replace(&directory.path().display().to_string(), "[dir]");
    insta::with_settings!({filters => filters()}, {
        insta::assert_snapshot!("doctor_all_pass", text);
    });
}

#[tokio::test(flavor = "multi_thread")]
async fn doctor_names_a_wrong_key() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let directory = tempfile::tempdir().unwrap();
    copy_examples(directory.path());
    let output = doctor(
        directory.path(),
        &emulator.endpoint(),
        &[("TENCENTCLOUD_SECRET_KEY", "not-the-key")],
    )
    .await;
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        failures(&output),
        [
            "authentication  the signature does not match: the SecretKey is not the SecretId's (AuthFailure.SignatureFailure)"
        ]
    );
    assert!(stdout(&output).contains("fix: set TENCENTCLOUD_SECRET_KEY"));
    assert!(!stdout(&output).contains("not-the-key"));

    let unknown = doctor(
        directory.path(),
        &emulator.endpoint(),
        &[("TENCENTCLOUD_SECRET_ID", "AKIDsomeoneelse")],
    )
    .await;
    assert_eq!(
        failures(&unknown),
        [
            "authentication  the SecretId is not known to Tencent Cloud (AuthFailure.SecretIdNotFound)"
        ]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn doctor_names_an_unknown_project() {
    let emulator = start_emulator(EmulatorConfig {
        allowed_projects: Some(vec!["1111111111111111111".to_owned()]),
        ..EmulatorConfig::default()
    })
    .await;
    let directory = tempfile::tempdir().unwrap();
    copy_examples(directory.path());
    let output = doctor(directory.path(), &emulator.endpoint(), &[]).await;
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        failures(&output),
        [format!(
            "project         project {PROJECT_ID} does not exist in ap-guangzhou (InvalidParameter.WorkspaceNotExist)"
        )]
    );
    assert!(stdout(&output).contains("ok    authentication"));
    assert!(stdout(&output).contains("skip  permissions"));
    assert_no_secret(&output);
}

/// The emulator answers with a Date ten minutes ahead (and judges signatures by that clock):
/// doctor names the clock, and the refused signature that follows from it.
#[tokio::test(flavor = "multi_thread")]
async fn doctor_names_a_skewed_clock() {
    let emulator = start_emulator(EmulatorConfig {
        clock_skew_seconds: 600,
        ..EmulatorConfig::default()
    })
    .await;
    let directory = tempfile::tempdir().unwrap();
    copy_examples(directory.path());
    let output = doctor(directory.path(), &emulator.endpoint(), &[]).await;
    assert_eq!(output.status.code(), Some(1));
    let failed = failures(&output);
    assert_eq!(failed.len(), 2, "{failed:?}");
    assert!(
        failed[0]
            .starts_with("clock           this machine's clock is 10 min 0 s behind the server's")
            || failed[0].starts_with(
                "clock           this machine's clock is 9 min 59 s behind the server's"
            ),
        "{}",
        failed[0]
    );
    assert!(
        failed[1].contains("(AuthFailure.SignatureExpire)"),
        "{}",
        failed[1]
    );
    assert!(stdout(&output).contains("fix: synchronise this machine's clock"));

    // Within the API's five minutes: a warning, and the run passes.
    let slightly = start_emulator(EmulatorConfig {
        clock_skew_seconds: -120,
        ..EmulatorConfig::default()
    })
    .await;
    let output = doctor(directory.path(), &slightly.endpoint(), &[]).await;
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("warn  clock"),
        "{}",
        stdout(&output)
    );
}

/// https to a port that speaks plain HTTP: the TCP connection works, the handshake does not,
/// and doctor says which.
#[tokio::test(flavor = "multi_thread")]
async fn doctor_reports_a_failed_tls_handshake() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let directory = tempfile::tempdir().unwrap();
    copy_examples(directory.path());
    let https = format!("https://{}", emulator.address());
    let output = doctor(directory.path(), &https, &[]).await;
    assert_eq!(output.status.code(), Some(1));
    let failed = failures(&output);
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(
        failed[0].contains("the TCP connection works but the TLS handshake failed"),
        "{}",
        failed[0]
    );
    assert!(stdout(&output).contains("skip  authentication"));

    // Nothing listening: unreachable, not a TLS problem.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let output = doctor(directory.path(), &format!("https://{closed}"), &[]).await;
    let failed = failures(&output);
    assert!(failed[0].contains("cannot connect"), "{failed:?}");
}

/// Missing credentials, a missing region and invalid manifests are each named, and the checks
/// that need them are skipped rather than guessed.
#[tokio::test(flavor = "multi_thread")]
async fn doctor_names_missing_settings_and_invalid_manifests() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(
        directory.path().join("wedata.yaml"),
        format!("project_id: \"{PROJECT_ID}\"\n"),
    )
    .unwrap();
    std::fs::write(
        directory.path().join("broken.yaml"),
        "kind: TriggerTask\nname: [\n",
    )
    .unwrap();
    let mut command = wedata_gitops();
    command
        .env_remove("TENCENTCLOUD_SECRET_ID")
        .env_remove("TENCENTCLOUD_SECRET_KEY")
        .env_remove("TENCENTCLOUD_REGION")
        .arg("doctor")
        .arg(directory.path())
        .args(["--endpoint", &emulator.endpoint(), "--rate-limit", "50"]);
    let output = run(command).await;
    assert_eq!(output.status.code(), Some(1));
    let failed = failures(&output);
    assert_eq!(failed.len(), 3, "{failed:?}");
    assert!(
        failed[0].starts_with("project file    1 problem"),
        "{}",
        failed[0]
    );
    assert!(failed[1].starts_with("credentials     no WeData credentials found"));
    assert!(failed[2].starts_with("region          no region is set"));
    let text = stdout(&output);
    assert!(text.contains("fix: run `wedata-gitops validate"));
    assert!(
        text.contains("ok    endpoint"),
        "the endpoint is still probed: {text}"
    );
    assert!(text.contains("skip  authentication"));
    assert!(text.contains("warn  rate limit      50 requests/s"));
}
