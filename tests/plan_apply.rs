//! plan and apply end to end: the real binary against the emulator on 127.0.0.1:0, counting
//! writes with the emulator's log.

mod common;

use std::path::PathBuf;

use common::*;
use serde_json::{Value, json};
use wedata_gitops::emulator::{EmulatorConfig, RunningEmulator};

struct Setup {
    emulator: RunningEmulator,
    log: PathBuf,
    _directory: tempfile::TempDir,
    project: PathBuf,
}

/// An emulator with a log, and a copy of `examples/tasks` to edit.
async fn setup(config: EmulatorConfig) -> Setup {
    let directory = tempfile::tempdir().unwrap();
    let log = directory.path().join("calls.jsonl");
    let project = directory.path().join("tasks");
    copy_examples(&project);
    let emulator = start_emulator(EmulatorConfig {
        log_file: Some(log.clone()),
        ..config
    })
    .await;
    Setup {
        emulator,
        log,
        _directory: directory,
        project,
    }
}

fn command(setup: &Setup, arguments: &[&str]) -> assert_cmd::Command {
    let mut command = wedata_gitops();
    command
        .args(arguments)
        .arg(&setup.project)
        .args(["--endpoint", &setup.emulator.endpoint()]);
    command
}

async fn apply(setup: &Setup) -> std::process::Output {
    run(command(setup, &["apply", "--auto-approve"])).await
}

async fn plan_json(setup: &Setup) -> Value {
    let output = run(command(setup, &["plan", "--format", "json"])).await;
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn examples_apply_from_empty_then_plan_is_clean_and_a_second_apply_writes_nothing() {
    let setup = setup(EmulatorConfig::default()).await;
    let first = apply(&setup).await;
    assert!(
        first.status.success(),
        "{}\n{}",
        stdout(&first),
        stderr(&first)
    );
    assert!(stdout(&first).contains("Apply: 21 succeeded, 0 failed, 0 skipped, 0 not started."));
    // 2 workflow folders, 3 workflows, 5 task folders, 11 tasks created and 11 submitted.
    assert_eq!(write_count(&setup.log), 32);

    let plan = run(command(&setup, &["plan", "--detailed-exitcode"])).await;
    assert_eq!(plan.status.code(), Some(0), "{}", stdout(&plan));
    assert!(stdout(&plan).contains("No changes."));

    let writes_before = write_count(&setup.log);
    let second = apply(&setup).await;
    assert!(second.status.success());
    assert_eq!(
        write_count(&setup.log),
        writes_before,
        "the second apply wrote"
    );

    // Upstream edges point at the right tasks.
    let tasks = setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .trigger_tasks
            .values()
            .map(|stored| stored.task.clone())
            .collect::<Vec<_>>()
    });
    let name_of = |id: &str| {
        tasks
            .iter()
            .find(|task| task["TriggerTaskBaseAttribute"]["TaskId"] == id)
            .map(|task| {
                task["TriggerTaskBaseAttribute"]["TaskName"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .unwrap()
    };
    let load = tasks
        .iter()
        .find(|task| task["TriggerTaskBaseAttribute"]["TaskName"] == "load_orders")
        .unwrap();
    let upstream =
        load["TriggerTaskSchedulerConfiguration"]["UpstreamDependencyConfigList"][0]["TaskId"]
            .as_str()
            .unwrap();
    assert_eq!(name_of(upstream), "clean_orders");
    assert_eq!(load["TriggerTaskBaseAttribute"]["Submit"], true);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fresh_project_plans_as_creates_in_dependency_order() {
    let setup = setup(EmulatorConfig::default()).await;
    let plan = plan_json(&setup).await;
    assert_eq!(plan["format_version"], 2);
    // 2 workflow folders, 3 workflows, 5 task folders (per workflow and category), 11 tasks.
    assert_eq!(plan["summary"]["create"], 21);
    let waves: Vec<Vec<String>> = serde_json::from_value(plan["waves"].clone()).unwrap();
    let wave_of = |address: &str| {
        waves
            .iter()
            .position(|wave| wave.iter().any(|item| item == address))
            .unwrap()
    };
    assert!(wave_of("workflow_folder./pipelines") < wave_of("workflow.orders"));
    assert!(wave_of("workflow.orders") < wave_of("task_folder.orders.GENERAL./orders"));
    assert!(
        wave_of("task_folder.orders.GENERAL./orders")
            < wave_of("task_folder.orders.GENERAL./orders/quality")
    );
    assert!(
        wave_of("task_folder.orders.GENERAL./orders/quality") < wave_of("task.orders.check_orders")
    );
    assert!(wave_of("task_folder.orders.DLC./orders") < wave_of("task.orders.clean_orders"));
    assert!(wave_of("workflow.orders") < wave_of("task.orders.extract_orders"));
    assert!(wave_of("task.orders.extract_orders") < wave_of("task.orders.clean_orders"));
    assert!(wave_of("task.orders.clean_orders") < wave_of("task.orders.load_orders"));
    assert!(wave_of("task.orders.load_orders") < wave_of("task.orders.check_orders"));
    assert!(wave_of("workflow.finance_daily") < wave_of("task.finance_daily.extract_ledger"));
    assert!(
        wave_of("task.finance_daily.extract_ledger") < wave_of("task.finance_daily.build_balances")
    );
    assert_eq!(write_count(&setup.log), 0, "plan never writes");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_code_edit_and_a_scheduler_edit_are_exactly_the_changes() {
    let setup = setup(EmulatorConfig::default()).await;
    assert!(apply(&setup).await.status.success());
    let script = setup.project.join("orders/extract_orders.sh");
    let code = std::fs::read_to_string(&script).unwrap();
    std::fs::write(&script, code.replace("gzip -c", "gzip -9 -c")).unwrap();
    let manifest = setup.project.join("orders/load_orders.yaml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text.replace("execution_ttl_minutes: 120", "execution_ttl_minutes: 90"),
    )
    .unwrap();

    let plan = plan_json(&setup).await;
    assert_eq!(plan["summary"]["update"], 2);
    assert_eq!(plan["summary"]["create"], 0);
    let changed: Vec<(String, Vec<String>)> = plan["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|resource| resource["action"] != "no_op")
        .map(|resource| {
            (
                resource["address"].as_str().unwrap().to_owned(),
                resource["changes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|change| change["member"].as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        changed,
        vec![
            (
                "task.orders.extract_orders".to_owned(),
                vec!["configuration.code".to_owned()]
            ),
            (
                "task.orders.load_orders".to_owned(),
                vec!["scheduler.execution_ttl_minutes".to_owned()]
            ),
        ]
    );
    let text = run(command(&setup, &["plan"])).await;
    let shown = stdout(&text);
    assert!(
        shown.contains("-  | gzip -c \\") && shown.contains("+  | gzip -9 -c \\"),
        "{shown}"
    );
    assert!(
        shown.contains("scheduler.execution_ttl_minutes: 120 → 90"),
        "{shown}"
    );
    assert!(
        shown.contains("Plan: 0 to create, 2 to update, 0 to delete, 12 unchanged."),
        "{shown}"
    );

    let applied = apply(&setup).await;
    assert!(applied.status.success(), "{}", stdout(&applied));
    let after = run(command(&setup, &["plan", "--detailed-exitcode"])).await;
    assert_eq!(after.status.code(), Some(0), "{}", stdout(&after));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_change_made_in_wedata_shows_as_drift_to_revert() {
    let setup = setup(EmulatorConfig::default()).await;
    assert!(apply(&setup).await.status.success());
    let task_id = task_id_named(&setup.emulator, "clean_orders");
    let mut edit = wedata_gitops();
    edit.args([
        "api",
        "UpdateTriggerTask",
        &json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "Task": {
            "TriggerTaskBaseAttribute": {"TaskName": "clean_orders", "OwnerUin": "100028579801", "TaskDescription": "edited by hand"},
            "TriggerTaskConfiguration": {},
            "TriggerTaskSchedulerConfiguration": {"RunPriorityType": 4}
        }})
        .to_string(),
        "--endpoint",
        &setup.emulator.endpoint(),
    ]);
    assert!(run(edit).await.status.success());
    let plan = run(command(&setup, &["plan", "--detailed-exitcode"])).await;
    assert_eq!(plan.status.code(), Some(2));
    let shown = stdout(&plan);
    assert!(shown.contains("base.description: \"edited by hand\" → \"Deduplicate and type the raw orders into ODS\""), "{shown}");
    assert!(shown.contains("scheduler.run_priority: 4 → 5"), "{shown}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_task_skips_its_dependents_and_the_rest_is_applied() {
    // WeData refuses to create clean_orders (a parameter it finds wrong).
    let setup = setup(EmulatorConfig {
        faults: wedata_gitops::emulator::FaultPlan::parse(
            "CreateTriggerTask:reject=InvalidParameterValue@clean_orders",
        )
        .unwrap(),
        ..EmulatorConfig::default()
    })
    .await;
    let output = apply(&setup).await;
    assert_eq!(output.status.code(), Some(1));
    let shown = stdout(&output);
    assert!(
        shown.contains("task.orders.clean_orders") && shown.contains("FAILED"),
        "{shown}"
    );
    for dependent in [
        "task.orders.load_orders",
        "task.orders.check_orders",
        "task.orders.publish_orders_ready",
    ] {
        let line = shown
            .lines()
            .find(|line| line.starts_with(dependent))
            .unwrap();
        assert!(line.contains("skipped"), "{line}");
    }
    assert!(
        shown.contains("RequestId"),
        "the failure names its RequestId: {shown}"
    );
    assert!(
        shown.contains("Apply: 17 succeeded, 1 failed, 3 skipped, 0 not started."),
        "{shown}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_write_names_its_request_id_once() {
    let setup = setup(EmulatorConfig {
        faults: wedata_gitops::emulator::FaultPlan::parse(
            "CreateTriggerTask:reject=InvalidParameterValue@clean_orders",
        )
        .unwrap(),
        ..EmulatorConfig::default()
    })
    .await;
    let output = apply(&setup).await;
    assert_eq!(output.status.code(), Some(1));
    let shown = stdout(&output);
    let lines: Vec<&str> = shown.lines().collect();
    let failure = lines
        .iter()
        .position(|line| line.starts_with("task.orders.clean_orders: "))
        .unwrap_or_else(|| panic!("no failure line in\n{shown}"));
    assert!(!lines[failure].contains("RequestId"), "{shown}");
    assert!(lines[failure + 1].starts_with("  RequestId: "), "{shown}");
    assert_eq!(shown.matches("RequestId").count(), 1, "{shown}");

    // The JSON report carries the RequestId in its own field, not inside the message.
    let output = run(command(
        &setup,
        &["apply", "--auto-approve", "--format", "json"],
    ))
    .await;
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let failed = report["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|result| result["outcome"] == "failed")
        .unwrap_or_else(|| panic!("no failure in {report}"));
    assert!(failed["request_id"].is_string(), "{failed}");
    let message = failed["error"].as_str().unwrap();
    assert!(!message.contains("RequestId"), "{message}");
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_terminal_apply_needs_auto_approve() {
    let setup = setup(EmulatorConfig::default()).await;
    let output = run(command(&setup, &["apply"])).await;
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--auto-approve"));
    assert_eq!(write_count(&setup.log), 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stale_saved_plan_is_refused_and_a_fresh_one_applies() {
    let setup = setup(EmulatorConfig::default()).await;
    let plan_file = setup.project.parent().unwrap().join("plan.json");
    let saved = run(command(
        &setup,
        &["plan", "--out", plan_file.to_str().unwrap()],
    ))
    .await;
    assert!(saved.status.success());
    let script = setup.project.join("orders/publish_ready.sh");
    std::fs::write(&script, "echo changed after review\n").unwrap();
    let refused = run(command(
        &setup,
        &[
            "apply",
            "--auto-approve",
            "--plan",
            plan_file.to_str().unwrap(),
        ],
    ))
    .await;
    assert_eq!(refused.status.code(), Some(1));
    let errors = stderr(&refused);
    assert!(
        errors.contains("stale") && errors.contains("publish_ready.sh"),
        "{errors}"
    );
    assert_eq!(write_count(&setup.log), 0);

    let saved = run(command(
        &setup,
        &["plan", "--out", plan_file.to_str().unwrap()],
    ))
    .await;
    assert!(saved.status.success());
    let applied = run(command(
        &setup,
        &[
            "apply",
            "--auto-approve",
            "--plan",
            plan_file.to_str().unwrap(),
        ],
    ))
    .await;
    assert!(applied.status.success(), "{}", stderr(&applied));
}

#[tokio::test(flavor = "multi_thread")]
async fn invalid_manifests_stop_before_any_api_call() {
    let setup = setup(EmulatorConfig::default()).await;
    std::fs::write(
        setup.project.join("orders/broken.yaml"),
        "kind: TriggerTask\nname: x\n",
    )
    .unwrap();
    let output = apply(&setup).await;
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("orders/broken.yaml"));
    assert!(log_lines(&setup.log).is_empty(), "an API call was made");
}

#[tokio::test(flavor = "multi_thread")]
async fn sensitive_parameters_never_reach_any_plan_format() {
    let setup = setup(EmulatorConfig::default()).await;
    let manifest = setup.project.join("orders/extract_orders.yaml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text.replace(
            "    specLabel: small",
            "    specLabel: small\n    db_password: hunter2-very-secret",
        ),
    )
    .unwrap();
    for format in ["text", "json", "markdown"] {
        let output = run(command(&setup, &["plan", "--format", format])).await;
        assert!(output.status.success());
        let shown = stdout(&output);
        assert!(
            !shown.contains("hunter2-very-secret"),
            "{format} shows the secret"
        );
        assert!(shown.contains("(sensitive)"), "{format}");
    }
}

fn calls_of(setup: &Setup, action: &str) -> usize {
    log_lines(&setup.log)
        .iter()
        .filter(|line| line["action"] == action && line["result"] == "ok")
        .count()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_warm_plan_reads_only_lists_and_refetches_only_what_changed() {
    let setup = setup(EmulatorConfig::default()).await;
    assert!(apply(&setup).await.status.success());
    // apply's own plan filled the cache with pre-apply definitions; one plan refreshes it.
    assert!(run(command(&setup, &["plan"])).await.status.success());
    let before = calls_of(&setup, "GetTriggerTask");
    let warm = run(command(&setup, &["plan", "--detailed-exitcode"])).await;
    assert_eq!(warm.status.code(), Some(0), "{}", stdout(&warm));
    assert_eq!(
        calls_of(&setup, "GetTriggerTask"),
        before,
        "a warm plan fetched definitions"
    );

    let task_id = task_id_named(&setup.emulator, "load_orders");
    let mut edit = wedata_gitops();
    edit.args([
        "api",
        "UpdateTriggerTask",
        &json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "Task": {
            "TriggerTaskBaseAttribute": {"TaskName": "load_orders", "OwnerUin": "100028579801", "TaskDescription": "drifted"},
            "TriggerTaskConfiguration": {}, "TriggerTaskSchedulerConfiguration": {}
        }})
        .to_string(),
        "--endpoint",
        &setup.emulator.endpoint(),
    ]);
    assert!(run(edit).await.status.success());
    let drifted = run(command(&setup, &["plan", "--detailed-exitcode"])).await;
    assert_eq!(
        drifted.status.code(),
        Some(2),
        "the cache hid a change: {}",
        stdout(&drifted)
    );
    assert_eq!(
        calls_of(&setup, "GetTriggerTask"),
        before + 1,
        "only the changed task is read"
    );

    let full = run(command(&setup, &["plan", "--refresh", "full"])).await;
    assert!(full.status.success());
    assert_eq!(calls_of(&setup, "GetTriggerTask"), before + 1 + 8);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_corrupt_plan_cache_is_discarded_with_a_warning() {
    let setup = setup(EmulatorConfig::default()).await;
    assert!(apply(&setup).await.status.success());
    assert!(run(command(&setup, &["plan"])).await.status.success());
    let cache_folder = setup.project.join(".wedata/cache");
    let cache_file = std::fs::read_dir(&cache_folder)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    std::fs::write(&cache_file, "{ broken").unwrap();
    let output = run(command(&setup, &["plan", "--detailed-exitcode"])).await;
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("discarding it"),
        "{}",
        stderr(&output)
    );
}

/// Regression: the cache was keyed by endpoint, and `--emulate` picks a new port every run, so
/// emulated plans never hit the cache and left a new cache file behind each time.
#[tokio::test(flavor = "multi_thread")]
async fn emulated_plans_reuse_one_cache_across_runs() {
    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("tasks");
    copy_examples(&project);
    let emulate = |arguments: &[&str]| {
        let mut command = wedata_gitops();
        command.args(arguments).arg(&project).arg("--emulate");
        command
    };
    assert!(
        run(emulate(&["apply", "--auto-approve"]))
            .await
            .status
            .success()
    );
    assert!(run(emulate(&["plan"])).await.status.success());
    let warm = run(emulate(&["plan", "-v"])).await;
    assert!(warm.status.success());
    assert!(
        !stderr(&warm).contains("GetTriggerTask"),
        "{}",
        stderr(&warm)
    );
    let cache_files = std::fs::read_dir(project.join(".wedata/cache"))
        .unwrap()
        .count();
    assert_eq!(cache_files, 1);
}

/// The CI flow of docs/ci.md ("Warm plans"): one runner plans and saves `.wedata/cache`;
/// another runner, in another directory and reaching the same WeData on another port, restores
/// it. One task changed in WeData in between: that task alone is read again, every other
/// definition comes from the restored cache.
#[tokio::test(flavor = "multi_thread")]
async fn a_cache_restored_on_another_runner_serves_everything_that_did_not_change() {
    let directory = tempfile::tempdir().unwrap();
    let state = directory.path().join("state.json");
    let log = directory.path().join("calls.jsonl");
    let config = || EmulatorConfig {
        state_file: Some(state.clone()),
        log_file: Some(log.clone()),
        ..EmulatorConfig::default()
    };
    let in_checkout = |checkout: &std::path::Path, endpoint: &str, arguments: &[&str]| {
        let mut command = wedata_gitops();
        command
            .args(arguments)
            .arg(checkout)
            .args(["--endpoint", endpoint]);
        command
    };
    let first_runner = directory.path().join("runner-1/repository/tasks");
    copy_examples(&first_runner);
    let emulator = start_emulator(config()).await;
    let endpoint = emulator.endpoint();
    let applied = run(in_checkout(
        &first_runner,
        &endpoint,
        &["apply", "--auto-approve"],
    ))
    .await;
    assert!(applied.status.success(), "{}", stderr(&applied));
    // apply's plan cached the definitions it was about to change; this plan caches the result.
    assert!(
        run(in_checkout(&first_runner, &endpoint, &["plan"]))
            .await
            .status
            .success()
    );
    emulator.shutdown().await;

    // A fresh checkout elsewhere, with only the cache restored (as actions/cache does).
    let second_runner = directory.path().join("runner-2/build/tasks");
    copy_examples(&second_runner);
    let saved = first_runner.join(".wedata/cache");
    let restored = second_runner.join(".wedata/cache");
    std::fs::create_dir_all(&restored).unwrap();
    let mut cache_files = Vec::new();
    for entry in std::fs::read_dir(&saved).unwrap() {
        let entry = entry.unwrap();
        let text = std::fs::read_to_string(entry.path()).unwrap();
        assert!(!text.contains("runner-1"), "the cache names its checkout");
        std::fs::write(restored.join(entry.file_name()), text).unwrap();
        cache_files.push(entry.file_name());
    }
    assert_eq!(cache_files.len(), 1);

    let emulator = start_emulator(config()).await;
    let endpoint = emulator.endpoint();
    let task_id = task_id_named(&emulator, "load_orders");
    let mut edit = wedata_gitops();
    edit.args([
        "api",
        "UpdateTriggerTask",
        &json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "Task": {
            "TriggerTaskBaseAttribute": {"TaskName": "load_orders", "OwnerUin": "100028579801", "TaskDescription": "edited in the console"},
            "TriggerTaskConfiguration": {}, "TriggerTaskSchedulerConfiguration": {}
        }})
        .to_string(),
        "--endpoint",
        &endpoint,
    ]);
    assert!(run(edit).await.status.success());
    let reads_before = |action: &str| {
        log_lines(&log)
            .iter()
            .filter(|line| line["action"] == action)
            .count()
    };
    let (trigger_reads, periodic_reads) = (reads_before("GetTriggerTask"), reads_before("GetTask"));
    let plan = run(in_checkout(
        &second_runner,
        &endpoint,
        &["plan", "--detailed-exitcode", "-v"],
    ))
    .await;
    assert_eq!(plan.status.code(), Some(2), "{}", stdout(&plan));
    assert!(
        stdout(&plan).contains("edited in the console"),
        "{}",
        stdout(&plan)
    );
    assert_eq!(
        reads_before("GetTriggerTask"),
        trigger_reads + 1,
        "only the edited task is read"
    );
    assert_eq!(reads_before("GetTask"), periodic_reads);
    assert!(stderr(&plan).contains("calls in all"), "{}", stderr(&plan));
    // The same file, refreshed in place; the plan's downstream lookups (it has a change) are
    // cached beside it under the same portable name.
    let mut names: Vec<_> = std::fs::read_dir(&restored)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let definitions = cache_files[0].to_string_lossy().into_owned();
    let lookups = definitions.replace(".json", ".impact.json");
    assert_eq!(names, vec![lookups, definitions]);
}
