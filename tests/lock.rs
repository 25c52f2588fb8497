//! The deployment lock end to end, the real binary against the emulator: concurrent applies
//! on a fresh project take turns (no DuplicateName, no duplicate task), a holder killed with
//! SIGKILL blocks the next apply until its lease runs out, `force-unlock` names the holder and
//! removes a stuck lock, a held lock makes apply give up after `--lock-timeout` naming who
//! holds it, and every apply leaves no record behind.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::*;
use serde_json::json;
use wedata_gitops::emulator::{EmulatorConfig, FaultPlan, RunningEmulator};

fn apply(project: &Path, endpoint: &str, extra: &[&str]) -> assert_cmd::Command {
    let mut command = wedata_gitops();
    command
        .args(["apply", "--auto-approve"])
        .arg(project)
        .args(["--endpoint", endpoint])
        .args(extra);
    command
}

/// Every trigger and periodic task name the emulator holds, with how many tasks carry it.
fn task_name_counts(emulator: &RunningEmulator) -> HashMap<String, usize> {
    emulator.with_store(|store| {
        let mut counts = HashMap::new();
        if let Some(project) = store.projects.get(PROJECT_ID) {
            for stored in project.trigger_tasks.values() {
                let key = format!(
                    "{}/{}",
                    stored.task["TriggerTaskBaseAttribute"]["WorkflowId"],
                    stored.task["TriggerTaskBaseAttribute"]["TaskName"]
                );
                *counts.entry(key).or_insert(0) += 1;
            }
            for stored in project.tasks.values() {
                let key = format!(
                    "{}/{}",
                    stored.task["TaskBaseAttribute"]["WorkflowId"],
                    stored.task["TaskBaseAttribute"]["TaskName"]
                );
                *counts.entry(key).or_insert(0) += 1;
            }
        }
        counts
    })
}

async fn concurrent_applies(count: usize) {
    let directory = tempfile::tempdir().unwrap();
    let log = directory.path().join("calls.jsonl");
    let project = directory.path().join("tasks");
    copy_examples(&project);
    let emulator = start_emulator(EmulatorConfig {
        log_file: Some(log.clone()),
        ..EmulatorConfig::default()
    })
    .await;
    let endpoint = emulator.endpoint();
    let runs: Vec<_> = (0..count)
        .map(|_| run(apply(&project, &endpoint, &["--lock-timeout", "2m"])))
        .collect();
    let outputs = futures::future::join_all(runs).await;
    for output in &outputs {
        assert!(
            output.status.success(),
            "{}\n{}",
            stdout(output),
            stderr(output)
        );
    }
    let duplicate_answers = log_lines(&log)
        .iter()
        .filter(|line| line["result"] == "InvalidParameter.DuplicateName")
        .filter(|line| line["action"] != "CreateCodeFolder")
        .count();
    assert_eq!(duplicate_answers, 0, "some apply raced another");
    let counts = task_name_counts(&emulator);
    assert_eq!(counts.len(), 11, "{counts:?}");
    assert!(counts.values().all(|count| *count == 1), "{counts:?}");
    // One apply did the work (14 resources and 7 folders), the others found nothing to do.
    let created = outputs
        .iter()
        .filter(|output| stdout(output).contains("Apply: 21 succeeded"))
        .count();
    assert_eq!(created, 1);
    assert!(lock_records(&emulator).is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn three_concurrent_applies_on_a_fresh_project_take_turns() {
    concurrent_applies(3).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn five_concurrent_applies_on_a_fresh_project_take_turns() {
    concurrent_applies(5).await;
}

/// Starts an apply that is slow to write (SubmitTriggerTask answers after a while) and kills
/// it with SIGKILL once it holds the lock and has started writing.
async fn kill_a_holder(project: &Path, emulator: &RunningEmulator, lease: &str) {
    let binary = assert_cmd::cargo::cargo_bin("wedata-gitops");
    let mut child = std::process::Command::new(&binary)
        .args(["apply", "--auto-approve", "--lock-lease", lease])
        .arg(project)
        .args(["--endpoint", &emulator.endpoint()])
        .env(
            "TENCENTCLOUD_SECRET_ID",
            wedata_gitops::emulator::TEST_SECRET_ID,
        )
        .env(
            "TENCENTCLOUD_SECRET_KEY",
            wedata_gitops::emulator::TEST_SECRET_KEY,
        )
        .env("USER", "alice")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    while lock_records(emulator).is_empty()
        || emulator.with_store(|store| {
            store
                .projects
                .get(PROJECT_ID)
                .is_none_or(|project| project.trigger_tasks.is_empty())
        })
    {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(
        lock_records(emulator).len(),
        1,
        "the killed holder's record stays"
    );
}

fn slow_submits() -> EmulatorConfig {
    EmulatorConfig {
        faults: FaultPlan::parse("SubmitTriggerTask:latency=1500").unwrap(),
        ..EmulatorConfig::default()
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_killed_holder_blocks_until_its_lease_runs_out_then_the_next_apply_converges() {
    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("tasks");
    copy_examples(&project);
    let emulator = start_emulator(slow_submits()).await;
    kill_a_holder(&project, &emulator, "3s").await;

    let next = run(apply(
        &project,
        &emulator.endpoint(),
        &["--lock-timeout", "1m"],
    ))
    .await;
    assert!(
        next.status.success(),
        "{}\n{}",
        stdout(&next),
        stderr(&next)
    );
    let waited = stderr(&next);
    assert!(
        waited.contains("Waiting for the deployment lock of project")
            && waited.contains("held by alice on"),
        "{waited}"
    );
    assert!(lock_records(&emulator).is_empty());
    let counts = task_name_counts(&emulator);
    assert_eq!(counts.len(), 11, "{counts:?}");
    assert!(counts.values().all(|count| *count == 1), "{counts:?}");
    let mut plan = wedata_gitops();
    plan.args(["plan", "--detailed-exitcode"])
        .arg(&project)
        .args(["--endpoint", &emulator.endpoint()]);
    assert_eq!(run(plan).await.status.code(), Some(0));
}

#[tokio::test(flavor = "multi_thread")]
async fn force_unlock_names_the_holder_then_removes_a_stuck_lock() {
    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("tasks");
    copy_examples(&project);
    let emulator = start_emulator(slow_submits()).await;
    kill_a_holder(&project, &emulator, "10m").await;

    // Held for ten more minutes: apply gives up after its timeout, naming the holder.
    let blocked = run(apply(
        &project,
        &emulator.endpoint(),
        &["--lock-timeout", "2s"],
    ))
    .await;
    assert_eq!(blocked.status.code(), Some(1));
    let errors = stderr(&blocked);
    assert!(
        errors.contains("error[lock::held]") && errors.contains("alice on"),
        "{errors}"
    );

    // Without a terminal, force-unlock shows the holder and asks for --yes.
    let mut unconfirmed = wedata_gitops();
    unconfirmed
        .arg("force-unlock")
        .arg(&project)
        .args(["--endpoint", &emulator.endpoint()]);
    let unconfirmed = run(unconfirmed).await;
    assert_eq!(unconfirmed.status.code(), Some(1));
    assert!(
        stdout(&unconfirmed).contains("held by:"),
        "{}",
        stdout(&unconfirmed)
    );
    assert!(
        stdout(&unconfirmed).contains("alice on"),
        "{}",
        stdout(&unconfirmed)
    );
    assert_eq!(lock_records(&emulator).len(), 1);

    let mut confirmed = wedata_gitops();
    confirmed
        .args(["force-unlock", "--yes"])
        .arg(&project)
        .args(["--endpoint", &emulator.endpoint()]);
    let confirmed = run(confirmed).await;
    assert!(confirmed.status.success(), "{}", stderr(&confirmed));
    assert!(stdout(&confirmed).contains("Removed the deployment lock (1 record)."));
    assert!(lock_records(&emulator).is_empty());

    let next = run(apply(
        &project,
        &emulator.endpoint(),
        &["--lock-timeout", "5s"],
    ))
    .await;
    assert!(
        next.status.success(),
        "{}\n{}",
        stdout(&next),
        stderr(&next)
    );
    assert!(!stderr(&next).contains("Waiting"), "{}", stderr(&next));
    let counts = task_name_counts(&emulator);
    assert!(counts.values().all(|count| *count == 1), "{counts:?}");
}

/// A record written by hand (by another tool, or tampered) is data: its holder text is shown
/// cleaned, and its claimed lease is capped, so it cannot block a project forever.
#[tokio::test(flavor = "multi_thread")]
async fn a_hostile_lock_record_is_shown_cleaned_and_cannot_claim_a_long_lease() {
    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("tasks");
    copy_examples(&project);
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    call(
        &endpoint,
        "CreateCodeFolder",
        json!({"ProjectId": PROJECT_ID, "FolderName": "wedata-gitops-locks", "ParentFolderPath": "/"}),
    )
    .await;
    let content = json!({
        "format": 1, "tool": "wedata-gitops", "key": "default",
        "holder": {"user": "mallory\u{1b}[2J\nrm -rf /", "host": "x", "command": "apply",
                   "started": "now", "tool_version": "0"},
        "lease_seconds": 31_536_000u64
    });
    call(
        &endpoint,
        "CreateCodeFile",
        json!({
            "ProjectId": PROJECT_ID,
            "CodeFileName": "default.0123456789abcdef0123456789abcdef.lock",
            "ParentFolderPath": "/wedata-gitops-locks",
            "CodeFileContent": content.to_string(),
        }),
    )
    .await;
    let blocked = run(apply(&project, &endpoint, &["--lock-timeout", "1s"])).await;
    assert_eq!(blocked.status.code(), Some(1));
    let errors = stderr(&blocked);
    assert!(errors.contains("mallory?[2J?rm -rf /"), "{errors}");
    assert!(!errors.contains('\u{1b}'), "{errors}");
    // Nothing was written to tasks.
    assert!(task_name_counts(&emulator).is_empty());
}

/// Each apply writes its record and deletes it; an apply refused before any write (invalid
/// manifests) never touches the lock, and one refused by a guard rail releases it.
#[tokio::test(flavor = "multi_thread")]
async fn applies_leave_no_lock_behind() {
    let directory = tempfile::tempdir().unwrap();
    let log = directory.path().join("calls.jsonl");
    let project = directory.path().join("tasks");
    copy_examples(&project);
    let emulator = start_emulator(EmulatorConfig {
        log_file: Some(log.clone()),
        ..EmulatorConfig::default()
    })
    .await;
    let endpoint = emulator.endpoint();
    let first = run(apply(&project, &endpoint, &[])).await;
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(lock_records(&emulator).is_empty());
    assert!(
        lock_write_count(&log) >= 2,
        "the apply wrote no lock record"
    );

    let manifest = project.join("orders/clean_orders.yaml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(&manifest, text.replace("scheduler:", "schedular:")).unwrap();
    let lock_writes = lock_write_count(&log);
    let invalid = run(apply(&project, &endpoint, &[])).await;
    assert_eq!(invalid.status.code(), Some(1));
    assert_eq!(
        lock_write_count(&log),
        lock_writes,
        "invalid manifests took the lock"
    );
    std::fs::write(&manifest, &text).unwrap();

    std::fs::write(
        project.join("orders/extract_orders.yaml"),
        std::fs::read_to_string(project.join("orders/extract_orders.yaml"))
            .unwrap()
            .replace("task_type: Shell", "task_type: Python"),
    )
    .unwrap();
    let refused = run(apply(&project, &endpoint, &[])).await;
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("plan::replacement_needs_prune"),
        "{}",
        stderr(&refused)
    );
    assert!(lock_records(&emulator).is_empty());
}

/// A run whose lock is forced open while it writes notices at its next renewal, starts nothing
/// new, and ends with `lock::lost`; the next apply finishes the job.
#[tokio::test(flavor = "multi_thread")]
async fn a_run_whose_lock_is_forced_open_stops_starting_writes() {
    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("tasks");
    copy_examples(&project);
    let emulator = start_emulator(slow_submits()).await;
    let binary = assert_cmd::cargo::cargo_bin("wedata-gitops");
    let child = std::process::Command::new(&binary)
        .args([
            "apply",
            "--auto-approve",
            "--parallelism",
            "1",
            "--lock-lease",
            "3s",
        ])
        .arg(&project)
        .args(["--endpoint", &emulator.endpoint()])
        .env(
            "TENCENTCLOUD_SECRET_ID",
            wedata_gitops::emulator::TEST_SECRET_ID,
        )
        .env(
            "TENCENTCLOUD_SECRET_KEY",
            wedata_gitops::emulator::TEST_SECRET_KEY,
        )
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    while emulator.with_store(|store| {
        store
            .projects
            .get(PROJECT_ID)
            .is_none_or(|project| project.trigger_tasks.is_empty())
    }) {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let mut unlock = wedata_gitops();
    unlock
        .args(["force-unlock", "--yes"])
        .arg(&project)
        .args(["--endpoint", &emulator.endpoint()]);
    assert!(run(unlock).await.status.success());
    let output = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
        .await
        .unwrap();
    let errors = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{errors}");
    assert!(errors.contains("error[lock::lost]"), "{errors}");
    assert!(
        String::from_utf8_lossy(&output.stdout).contains("not started"),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let next = run(apply(&project, &emulator.endpoint(), &[])).await;
    assert!(
        next.status.success(),
        "{}\n{}",
        stdout(&next),
        stderr(&next)
    );
    let counts = task_name_counts(&emulator);
    assert_eq!(counts.len(), 11, "{counts:?}");
    assert!(counts.values().all(|count| *count == 1), "{counts:?}");
}
