//! The after-deploy half end to end: `run` (a run that succeeds, one that fails naming the task
//! and its log line, a timeout, Ctrl-C with and without a kill), `apply --run` and
//! `run_after_apply`, pausing and resuming a periodic task through its manifest, a backfill over
//! three days, and `apply --fail-on-active-runs` refusing to update a running task.
//!
//! The emulator runs emulated time 20 times faster than real time (`run_speed`): a task of two
//! emulated seconds takes a tenth of a real one, and `--poll-interval 100ms` reads often enough
//! to see every step.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use common::*;
use serde_json::Value;
use wedata_gitops::emulator::{EmulatorConfig, FaultPlan, RunningEmulator};

/// Three trigger workflows (`good`, `bad` whose first task fails, `slow` whose task runs an
/// emulated hour) and a periodic workflow `daily` (`close`, `broken`, which fails, and
/// `slow_close`, whose instances run an emulated hour).
const FAULTS: &str =
    "run:fail=bad_extract,run:fail=broken,run:duration=slow_load@3600,run:duration=slow_close@3600";

struct Setup {
    emulator: RunningEmulator,
    project: tempfile::TempDir,
    log: tempfile::NamedTempFile,
}

fn write(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn trigger_task(name: &str, workflow: &str, upstream: Option<&str>) -> String {
    let upstream = upstream
        .map(|upstream| format!("scheduler:\n  upstream: [{upstream}]\n"))
        .unwrap_or_default();
    format!(
        "kind: TriggerTask\nname: {name}\nworkflow: {workflow}\nbase:\n  task_type: Shell\nconfiguration:\n  code_file: ../step.sh\n{upstream}"
    )
}

fn periodic_task(name: &str) -> String {
    format!(
        "kind: Task\nname: {name}\nworkflow: daily\nbase:\n  task_type: Shell\nconfiguration:\n  code_file: ../step.sh\nscheduler:\n  cycle_type: DAY_CYCLE\n  crontab: \"0 0 6 * * ? *\"\n"
    )
}

async fn setup() -> Setup {
    let log = tempfile::NamedTempFile::new().unwrap();
    let emulator = start_emulator(EmulatorConfig {
        log_file: Some(log.path().to_owned()),
        faults: FaultPlan::parse(FAULTS).unwrap(),
        run_speed: 20.0,
        ..EmulatorConfig::default()
    })
    .await;
    let project = tempfile::tempdir().unwrap();
    let root = project.path();
    write(
        root,
        "wedata.yaml",
        &format!("project_id: \"{PROJECT_ID}\"\nregion: ap-guangzhou\n"),
    );
    write(root, "step.sh", "echo step\n");
    for workflow in ["good", "bad", "slow"] {
        write(
            root,
            &format!("{workflow}/workflow.yaml"),
            &format!("kind: TriggerWorkflow\nname: {workflow}\n"),
        );
    }
    write(
        root,
        "good/extract.yaml",
        &trigger_task("good_extract", "good", None),
    );
    write(
        root,
        "good/load.yaml",
        &trigger_task("good_load", "good", Some("good_extract")),
    );
    write(
        root,
        "bad/extract.yaml",
        &trigger_task("bad_extract", "bad", None),
    );
    write(
        root,
        "bad/load.yaml",
        &trigger_task("bad_load", "bad", Some("bad_extract")),
    );
    write(
        root,
        "slow/load.yaml",
        &trigger_task("slow_load", "slow", None),
    );
    write(root, "daily/workflow.yaml", "kind: Workflow\nname: daily\n");
    write(root, "daily/close.yaml", &periodic_task("close"));
    write(root, "daily/broken.yaml", &periodic_task("broken"));
    write(root, "daily/slow_close.yaml", &periodic_task("slow_close"));
    let setup = Setup {
        emulator,
        project,
        log,
    };
    let applied = cli(&setup, &["apply", "--auto-approve"]).await;
    assert!(applied.status.success(), "{}", stderr(&applied));
    setup
}

async fn cli(setup: &Setup, arguments: &[&str]) -> std::process::Output {
    run(command(setup, arguments)).await
}

fn command(setup: &Setup, arguments: &[&str]) -> assert_cmd::Command {
    let mut command = wedata_gitops();
    command
        .args(arguments)
        .arg(setup.project.path())
        .args(["--endpoint", &setup.emulator.endpoint()]);
    command
}

fn json(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("{error}: {}\n{}", stdout(output), stderr(output)))
}

fn filters() -> Vec<(&'static str, &'static str)> {
    vec![
        (
            r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "[ID]",
        ),
        (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", "[TIME]"),
        (r"\(\d+\.\ds\)", "([SECONDS])"),
        (r"\b\d{17}\b", "[TASK_ID]"),
    ]
}

/// The stored periodic task named `name`'s operations status.
fn ops_status(setup: &Setup, name: &str) -> Option<String> {
    setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .tasks
            .values()
            .find(|stored| stored.task["TaskBaseAttribute"]["TaskName"] == name)
            .and_then(|stored| stored.ops_status.clone())
    })
}

/// Whether the run `execution_id` was killed in the emulator.
fn killed(setup: &Setup, execution_id: &str) -> bool {
    setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID].trigger_runs[execution_id]
            .killed_millis
            .is_some()
    })
}

const FAST: [&str; 2] = ["--poll-interval", "100ms"];

#[tokio::test(flavor = "multi_thread")]
async fn a_run_that_succeeds_exits_0_and_one_that_fails_exits_1_naming_the_task_and_its_log() {
    let setup = setup().await;

    let mut arguments = vec!["run", "--workflow", "good", "--wait", "--format", "json"];
    arguments.extend(FAST);
    let succeeded = cli(&setup, &arguments).await;
    assert_eq!(succeeded.status.code(), Some(0), "{}", stderr(&succeeded));
    let outcome = json(&succeeded);
    assert_eq!(outcome["ending"], "succeeded");
    assert_eq!(outcome["kind"], "workflow_run");
    let states: Vec<(&str, &str)> = outcome["last"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["name"].as_str().unwrap(),
                item["phase"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [("good_extract", "succeeded"), ("good_load", "succeeded")]
    );
    // One line per change: each task was seen waiting, running and done, in dependency order.
    let progress = stderr(&succeeded);
    let extract_done = progress.find("good_extract succeeded").unwrap();
    let load_running = progress.find("good_load running").unwrap();
    assert!(extract_done < load_running, "{progress}");

    let mut arguments = vec!["run", "--workflow", "bad", "--wait"];
    arguments.extend(FAST);
    let failed = cli(&setup, &arguments).await;
    assert_eq!(failed.status.code(), Some(1), "{}", stderr(&failed));
    insta::with_settings!({filters => filters()}, {
        insta::assert_snapshot!("run_failed", stdout(&failed));
    });
    assert!(stdout(&failed).contains("failed: bad_extract (TaskExitedWithError)"));
    assert!(stdout(&failed).contains("ERROR bad_extract: exited with code 1"));

    // Without --wait: the id alone on stdout, for scripts.
    let started = cli(&setup, &["run", "--workflow", "good"]).await;
    assert!(started.status.success(), "{}", stderr(&started));
    let id = stdout(&started).trim().to_owned();
    assert!(
        setup
            .emulator
            .with_store(|store| store.projects[PROJECT_ID].trigger_runs.contains_key(&id)),
        "{id}"
    );

    // A periodic workflow, or a name nobody declares, is refused before anything is started.
    let periodic = cli(&setup, &["run", "--workflow", "daily"]).await;
    assert_eq!(periodic.status.code(), Some(1));
    assert!(
        stderr(&periodic).contains("ops::periodic_workflow"),
        "{}",
        stderr(&periodic)
    );
    let unknown = cli(&setup, &["run", "--workflow", "godo"]).await;
    assert!(
        stderr(&unknown).contains("did you mean `good`?"),
        "{}",
        stderr(&unknown)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_run_that_outlasts_the_timeout_exits_1_and_goes_on() {
    let setup = setup().await;
    let mut arguments = vec![
        "run",
        "--workflow",
        "slow",
        "--wait",
        "--timeout",
        "1s",
        "--format",
        "json",
    ];
    arguments.extend(FAST);
    let output = cli(&setup, &arguments).await;
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let outcome = json(&output);
    assert_eq!(outcome["ending"], "timed_out");
    assert_eq!(outcome["last"]["items"][0]["state"], "RUNNING");
    assert!(stderr(&output).contains("Kill it with: wedata-gitops api KillTriggerWorkflowRuns"));
    assert!(
        !killed(&setup, outcome["id"].as_str().unwrap()),
        "a timeout kills nothing"
    );
}

/// Starts `run --wait` on `slow`, waits until it has read the run once, sends SIGINT.
fn interrupted_run(setup: &Setup, extra: &[&str]) -> (Option<i32>, String, String) {
    let mut arguments = vec!["run", "--workflow", "slow", "--wait", "--format", "json"];
    arguments.extend(FAST);
    arguments.extend(extra);
    // The same clean environment as `wedata_gitops()`, on a std Command the test can signal.
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_wedata-gitops"));
    for variable in ["WEDATA_ENDPOINT", "RUST_LOG", "TENCENTCLOUD_SESSION_TOKEN"] {
        command.env_remove(variable);
    }
    command
        .env("NO_COLOR", "1")
        .env(
            "TENCENTCLOUD_SECRET_ID",
            wedata_gitops::emulator::TEST_SECRET_ID,
        )
        .env(
            "TENCENTCLOUD_SECRET_KEY",
            wedata_gitops::emulator::TEST_SECRET_KEY,
        )
        .env("TENCENTCLOUD_REGION", "ap-guangzhou")
        .args(&arguments)
        .arg(setup.project.path())
        .args(["--endpoint", &setup.emulator.endpoint()])
        .stdin(Stdio::null());
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut errors = BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    // The first change line: the run is being followed.
    while !seen.contains("slow_load") {
        let mut line = String::new();
        assert!(
            errors.read_line(&mut line).unwrap() > 0,
            "ended early: {seen}"
        );
        seen.push_str(&line);
    }
    let interrupt = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupt.success());
    let output = child.wait_with_output().unwrap();
    let mut rest = String::new();
    let _ = std::io::Read::read_to_string(&mut errors, &mut rest);
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        seen + &rest,
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn ctrl_c_kills_the_run_with_kill_on_interrupt_and_leaves_it_going_without() {
    let setup = setup().await;
    let asked = tokio::task::block_in_place(|| interrupted_run(&setup, &["--kill-on-interrupt"]));
    assert_eq!(asked.0, Some(130), "{}", asked.2);
    let outcome: Value = serde_json::from_str(&asked.1).unwrap();
    assert_eq!(outcome["ending"], "killed", "{}", asked.2);
    let id = outcome["id"].as_str().unwrap();
    assert!(killed(&setup, id));
    // The state read after the kill: the running task failed, killed by the user.
    assert_eq!(outcome["last"]["state"], "FAILED");
    assert_eq!(outcome["last"]["items"][0]["error"], "KilledByUser");

    // Without a terminal and without the flag, Ctrl-C stops waiting and kills nothing.
    let left = tokio::task::block_in_place(|| interrupted_run(&setup, &[]));
    assert_eq!(left.0, Some(130), "{}", left.2);
    let outcome: Value = serde_json::from_str(&left.1).unwrap();
    assert_eq!(outcome["ending"], "interrupted");
    assert!(
        left.2
            .contains("goes on; kill it with: wedata-gitops api KillTriggerWorkflowRuns")
    );
    assert!(!killed(&setup, outcome["id"].as_str().unwrap()));
}

#[tokio::test(flavor = "multi_thread")]
async fn apply_run_fails_the_apply_when_a_changed_workflows_run_fails() {
    let setup = setup().await;
    let root = setup.project.path();
    // A change in each of `good` and `bad`; `slow` is unchanged, so it is not run.
    write(
        root,
        "good/load.yaml",
        &(trigger_task("good_load", "good", Some("good_extract")) + "  max_retries: 2\n"),
    );
    write(
        root,
        "bad/load.yaml",
        &(trigger_task("bad_load", "bad", Some("bad_extract")) + "  max_retries: 2\n"),
    );
    let mut arguments = vec!["apply", "--auto-approve", "--run"];
    arguments.extend(FAST);
    let output = cli(&setup, &arguments).await;
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}\n{}",
        stdout(&output),
        stderr(&output)
    );
    let text = stdout(&output);
    assert!(text.contains("Apply: 2 succeeded, 0 failed"), "{text}");
    let run_rows: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("bad ") || line.starts_with("good "))
        .collect();
    assert_eq!(run_rows.len(), 2, "{text}");
    assert!(
        run_rows[0].contains("FAILED") && run_rows[1].contains(" ok "),
        "{text}"
    );
    assert!(
        text.contains("bad: failed: bad_extract (TaskExitedWithError)"),
        "{text}"
    );
    assert!(text.contains("Runs: 1 succeeded, 1 did not."), "{text}");
    assert!(!text.contains("slow"), "{text}");

    // `run_after_apply: true` asks for the same without the flag, for that workflow only.
    write(
        root,
        "good/workflow.yaml",
        "kind: TriggerWorkflow\nname: good\nrun_after_apply: true\n",
    );
    write(
        root,
        "good/load.yaml",
        &(trigger_task("good_load", "good", Some("good_extract")) + "  max_retries: 3\n"),
    );
    write(
        root,
        "bad/load.yaml",
        &(trigger_task("bad_load", "bad", Some("bad_extract")) + "  max_retries: 3\n"),
    );
    let mut arguments = vec!["apply", "--auto-approve", "--format", "json"];
    arguments.extend(FAST);
    let output = cli(&setup, &arguments).await;
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = json(&output);
    let runs = report["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1, "{report}");
    assert_eq!(runs[0]["target"], "good");
    assert_eq!(runs[0]["ending"], "succeeded");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_periodic_task_is_paused_then_resumed_through_its_manifest_with_clean_replans() {
    let setup = setup().await;
    let root = setup.project.path();
    assert_eq!(ops_status(&setup, "close").as_deref(), Some("Y"));
    let versions_of_close = || {
        setup.emulator.with_store(|store| {
            store.projects[PROJECT_ID]
                .tasks
                .values()
                .filter(|stored| stored.task["TaskBaseAttribute"]["TaskName"] == "close")
                .map(|stored| stored.versions.len())
                .sum::<usize>()
        })
    };
    let versions_before = versions_of_close();

    let declared = |state: &str| {
        periodic_task("close").replace("scheduler:\n", &format!("scheduler:\n  state: {state}\n"))
    };
    write(root, "daily/close.yaml", &declared("paused"));
    let plan = cli(&setup, &["plan"]).await;
    assert!(
        stdout(&plan).contains("scheduler.state: \"scheduled\" → \"paused\""),
        "{}",
        stdout(&plan)
    );
    let applied = cli(&setup, &["apply", "--auto-approve"]).await;
    assert!(
        applied.status.success(),
        "{}{}",
        stdout(&applied),
        stderr(&applied)
    );
    assert_eq!(ops_status(&setup, "close").as_deref(), Some("O"));
    let clean = cli(&setup, &["plan", "--detailed-exitcode"]).await;
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));

    write(root, "daily/close.yaml", &declared("scheduled"));
    let applied = cli(&setup, &["apply", "--auto-approve"]).await;
    assert!(applied.status.success(), "{}", stderr(&applied));
    assert_eq!(ops_status(&setup, "close").as_deref(), Some("Y"));
    let clean = cli(&setup, &["plan", "--detailed-exitcode"]).await;
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));

    // The state is part of a saved plan's pin: a pause made in the console after `plan --out`
    // makes `apply --plan` refuse, before any write.
    let saved = setup.project.path().join("plan.json");
    write(root, "daily/close.yaml", &declared("paused"));
    let planned = cli(&setup, &["plan", "--out", saved.to_str().unwrap()]).await;
    assert!(planned.status.success(), "{}", stderr(&planned));
    let close_id = setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .tasks
            .iter()
            .find(|(_, stored)| stored.task["TaskBaseAttribute"]["TaskName"] == "close")
            .map(|(id, _)| id.clone())
            .unwrap()
    });
    call(
        &setup.emulator.endpoint(),
        "PauseOpsTasksAsync",
        serde_json::json!({"ProjectId": PROJECT_ID, "TaskIds": [close_id]}),
    )
    .await;
    let stale = cli(
        &setup,
        &["apply", "--auto-approve", "--plan", saved.to_str().unwrap()],
    )
    .await;
    assert_eq!(stale.status.code(), Some(1));
    assert!(
        stderr(&stale).contains("live task.daily.close changed"),
        "{}",
        stderr(&stale)
    );
    call(
        &setup.emulator.endpoint(),
        "StartOpsTasks",
        serde_json::json!({"ProjectId": PROJECT_ID, "TaskIds": [close_id]}),
    )
    .await;
    write(root, "daily/close.yaml", &declared("scheduled"));

    // A new task declared paused is created, submitted, then paused.
    write(
        root,
        "daily/later.yaml",
        &periodic_task("later").replace("scheduler:\n", "scheduler:\n  state: paused\n"),
    );
    let applied = cli(&setup, &["apply", "--auto-approve"]).await;
    assert!(applied.status.success(), "{}", stderr(&applied));
    assert_eq!(ops_status(&setup, "later").as_deref(), Some("O"));
    let clean = cli(&setup, &["plan", "--detailed-exitcode"]).await;
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
    std::fs::remove_file(root.join("daily/later.yaml")).unwrap();

    // Only the state changed: no update, no new version.
    assert_eq!(versions_before, versions_of_close());
    // A pause made in the console shows as drift once the manifest declares the state; a
    // manifest without the member never reads it.
    let pause_in_console = setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .tasks
            .iter()
            .filter(|(_, stored)| stored.task["TaskBaseAttribute"]["TaskName"] == "broken")
            .map(|(id, _)| id.clone())
            .collect::<Vec<_>>()
    });
    call(
        &setup.emulator.endpoint(),
        "PauseOpsTasksAsync",
        serde_json::json!({"ProjectId": PROJECT_ID, "TaskIds": pause_in_console}),
    )
    .await;
    let clean = cli(&setup, &["plan", "--detailed-exitcode"]).await;
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_backfill_over_three_days_runs_one_instance_a_day() {
    let setup = setup().await;
    let mut arguments = vec![
        "backfill",
        "--task",
        "task.daily.close",
        "--from",
        "2025-01-01",
        "--to",
        "2025-01-03",
        "--wait",
        "--format",
        "json",
    ];
    arguments.extend(FAST);
    let output = cli(&setup, &arguments).await;
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let outcome = json(&output);
    assert_eq!(outcome["kind"], "backfill");
    assert_eq!(outcome["ending"], "succeeded");
    let days: Vec<(&str, &str)> = outcome["last"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["name"].as_str().unwrap(),
                item["state"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        days,
        [
            ("2025-01-01 00:00:00", "COMPLETED"),
            ("2025-01-02 00:00:00", "COMPLETED"),
            ("2025-01-03 00:00:00", "COMPLETED"),
        ]
    );

    // A task whose instances fail: exit 1, each failed day named with its log.
    let mut arguments = vec![
        "backfill",
        "--task",
        "task.daily.broken",
        "--from",
        "2025-01-01",
        "--to",
        "2025-01-02",
        "--wait",
    ];
    arguments.extend(FAST);
    let output = cli(&setup, &arguments).await;
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("failed: 2025-01-02 00:00:00"), "{text}");
    assert!(text.contains("ERROR broken: exited with code 1"), "{text}");

    // A trigger task, or a range that ends before it starts, is refused before any write.
    let writes = write_count(setup.log.path());
    let trigger = cli(
        &setup,
        &[
            "backfill",
            "--task",
            "task.good.good_load",
            "--from",
            "2025-01-01",
            "--to",
            "2025-01-01",
        ],
    )
    .await;
    assert!(
        stderr(&trigger).contains("ops::not_periodic"),
        "{}",
        stderr(&trigger)
    );
    let backwards = cli(
        &setup,
        &[
            "backfill",
            "--task",
            "task.daily.close",
            "--from",
            "2025-01-03",
            "--to",
            "2025-01-01",
        ],
    )
    .await;
    assert!(
        stderr(&backwards).contains("ops::invalid_range"),
        "{}",
        stderr(&backwards)
    );
    assert_eq!(write_count(setup.log.path()), writes);
}

#[tokio::test(flavor = "multi_thread")]
async fn fail_on_active_runs_refuses_to_update_a_running_task_before_any_write() {
    let setup = setup().await;
    let started = cli(&setup, &["run", "--workflow", "slow"]).await;
    assert!(started.status.success(), "{}", stderr(&started));
    let execution_id = stdout(&started).trim().to_owned();
    // Out of the queue: the task run is RUNNING (an emulated second is 50 ms here).
    let mut state = String::new();
    for _ in 0..200 {
        let run = call(
            &setup.emulator.endpoint(),
            "GetTriggerWorkflowRun",
            serde_json::json!({"ProjectId": PROJECT_ID, "WorkflowExecutionId": execution_id}),
        )
        .await;
        state = run["Data"]["TriggerTaskRuns"][0]["ExecutionState"]
            .as_str()
            .unwrap()
            .to_owned();
        if state == "RUNNING" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(state, "RUNNING");
    let root = setup.project.path();
    write(
        root,
        "slow/load.yaml",
        &(trigger_task("slow_load", "slow", None) + "scheduler:\n  max_retries: 1\n"),
    );
    let writes = write_count(setup.log.path());
    let refused = cli(
        &setup,
        &["apply", "--auto-approve", "--fail-on-active-runs"],
    )
    .await;
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(write_count(setup.log.path()), writes, "nothing was written");
    insta::with_settings!({filters => filters()}, {
        insta::assert_snapshot!("active_runs_refused", stderr(&refused));
    });

    // A periodic task with a RUNNING instance (a backfill) is refused the same way.
    let backfill = cli(
        &setup,
        &[
            "backfill",
            "--task",
            "task.daily.slow_close",
            "--from",
            "2025-01-01",
            "--to",
            "2025-01-01",
        ],
    )
    .await;
    assert!(backfill.status.success(), "{}", stderr(&backfill));
    let mut state = String::new();
    for _ in 0..200 {
        let instances = call(
            &setup.emulator.endpoint(),
            "ListTaskInstances",
            serde_json::json!({"ProjectId": PROJECT_ID, "Keyword": "slow_close"}),
        )
        .await;
        state = instances["Data"]["Items"][0]["InstanceState"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if state == "RUNNING" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(state, "RUNNING");
    write(
        root,
        "daily/slow_close.yaml",
        &periodic_task("slow_close")
            .replace("crontab: \"0 0 6 * * ? *\"", "crontab: \"0 0 7 * * ? *\""),
    );
    let refused = cli(
        &setup,
        &["apply", "--auto-approve", "--fail-on-active-runs"],
    )
    .await;
    assert_eq!(refused.status.code(), Some(1));
    let text = stderr(&refused);
    assert!(
        text.contains("refusing to update task.daily.slow_close while it runs: instance 2025-01-01 00:00:00 (RUNNING)"),
        "{text}"
    );
    assert!(
        text.contains("refusing to update task.slow.slow_load"),
        "{text}"
    );
    assert_eq!(
        write_count(setup.log.path()),
        writes + 1,
        "only the backfill was written"
    );
    write(root, "daily/slow_close.yaml", &periodic_task("slow_close"));

    // A task that is not running is updated as usual with the guard on.
    write(
        root,
        "good/load.yaml",
        &(trigger_task("good_load", "good", Some("good_extract")) + "  max_retries: 1\n"),
    );
    write(
        root,
        "slow/load.yaml",
        &trigger_task("slow_load", "slow", None),
    );
    let applied = cli(
        &setup,
        &["apply", "--auto-approve", "--fail-on-active-runs"],
    )
    .await;
    assert!(applied.status.success(), "{}", stderr(&applied));
}
