//! Legacy projects (`api_version: "2021-08-20"`) end to end against the emulator: tasks made
//! through the 2025 API are pinned by id in a legacy project, which plans them from
//! DescribeTaskDetailDs, applies with ModifyTaskInfo and the legacy SubmitTask only, re-plans
//! clean, renames in place, and stops before any write on what the legacy API cannot do.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;
use wedata_gitops::emulator::{EmulatorConfig, RunningEmulator};

const LEGACY_ACTIONS: [&str; 3] = ["DescribeTaskDetailDs", "ModifyTaskInfo", "SubmitTask"];

struct Setup {
    emulator: RunningEmulator,
    log: tempfile::NamedTempFile,
    /// The periodic example, applied through the 2025 API.
    example: tempfile::TempDir,
    /// The legacy project that pins the example's finance tasks.
    legacy: tempfile::TempDir,
}

impl Setup {
    fn id_of(&self, name: &str) -> String {
        self.emulator.with_store(|store| {
            store.projects[PROJECT_ID]
                .tasks
                .iter()
                .find(|(_, stored)| stored.task["TaskBaseAttribute"]["TaskName"] == name)
                .map(|(id, _)| id.clone())
                .unwrap_or_else(|| panic!("no periodic task named {name}"))
        })
    }

    fn stored(&self, id: &str) -> (Value, serde_json::Map<String, Value>) {
        self.emulator.with_store(|store| {
            let stored = &store.projects[PROJECT_ID].tasks[id];
            (stored.task.clone(), stored.legacy.clone())
        })
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.legacy.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

async fn cli(setup: &Setup, directory: &Path, arguments: &[&str]) -> std::process::Output {
    let mut command = wedata_gitops();
    command
        .args(arguments)
        .arg(directory)
        .args(["--endpoint", &setup.emulator.endpoint()]);
    run(command).await
}

fn assert_success(output: &std::process::Output) {
    assert!(
        output.status.success(),
        "{}\n{}",
        stdout(output),
        stderr(output)
    );
}

fn extract_manifest(id: &str) -> String {
    format!(
        r#"kind: Task
name: extract_ledger
id: "{id}"
workflow: finance_daily
base:
  task_type: Shell
  description: Pull the ledger (now managed through the legacy API)
configuration:
  resource_group: "20240222212719833743"
  ext: {{ shell_mode: strict }}
  scheduling_parameters: {{ bizdate: "$[yyyyMMdd-1]" }}
scheduler:
  cycle_type: DAY_CYCLE
  max_retries: 5
  self_depend: parallel
  legacy:
    delay_time: 90
    retriable: true
"#
    )
}

fn balances_manifest(name: &str, id: &str) -> String {
    format!(
        r#"kind: Task
name: {name}
id: "{id}"
workflow: finance_daily
base: {{ task_type: DLC SQL }}
scheduler:
  upstream:
    - task: extract_ledger
      main_cyclic_config: DAY
      subordinate_cyclic_config: PREVIOUS_DAY
  run_priority: 5
"#
    )
}

async fn setup() -> Setup {
    let log = tempfile::NamedTempFile::new().unwrap();
    let emulator = start_emulator(EmulatorConfig {
        log_file: Some(log.path().to_owned()),
        ..EmulatorConfig::default()
    })
    .await;
    let example = tempfile::tempdir().unwrap();
    copy_examples(example.path());
    let legacy = tempfile::tempdir().unwrap();
    let setup = Setup {
        emulator,
        log,
        example,
        legacy,
    };
    assert_success(&cli(&setup, setup.example.path(), &["apply", "--auto-approve"]).await);
    setup.write(
        "wedata.yaml",
        &format!("project_id: \"{PROJECT_ID}\"\napi_version: \"2021-08-20\"\n"),
    );
    setup.write(
        "finance/extract_ledger.yaml",
        &extract_manifest(&setup.id_of("extract_ledger")),
    );
    setup.write(
        "finance/build_balances.yaml",
        &balances_manifest("build_balances", &setup.id_of("build_balances")),
    );
    setup
}

/// The actions called since the log had `from` lines.
fn actions_since(setup: &Setup, from: usize) -> Vec<String> {
    log_lines(setup.log.path())[from..]
        .iter()
        .map(|line| line["action"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_legacy_project_updates_pinned_tasks_with_modify_task_info_and_replans_clean() {
    let setup = setup().await;
    let extract_id = setup.id_of("extract_ledger");
    let balances_id = setup.id_of("build_balances");
    let (before, _) = setup.stored(&extract_id);

    let plan = cli(
        &setup,
        setup.legacy.path(),
        &["plan", "--detailed-exitcode"],
    )
    .await;
    assert_eq!(plan.status.code(), Some(2), "{}", stderr(&plan));
    let shown = stdout(&plan);
    for expected in [
        "~ periodic task (legacy API) finance_daily/extract_ledger",
        "scheduler.legacy.delay_time: 0 → 90",
        "scheduler.max_retries: 3 → 5",
        "scheduler.self_depend: \"serial\" → \"parallel\"",
        "scheduler.dependency.extract_ledger.subordinate_cyclic_config: \"CURRENT_DAY\" → \"PREVIOUS_DAY\"",
        "Plan: 0 to create, 2 to update, 0 to delete",
    ] {
        assert!(
            shown.contains(expected),
            "{expected:?} missing from\n{shown}"
        );
    }

    let from = log_lines(setup.log.path()).len();
    assert_success(&cli(&setup, setup.legacy.path(), &["apply", "--auto-approve"]).await);
    let called = actions_since(&setup, from);
    // Its tasks go through legacy actions only; the deployment lock is a 2025 code file.
    assert!(
        called.iter().all(|action| {
            LEGACY_ACTIONS.contains(&action.as_str()) || LOCK_ACTIONS.contains(&action.as_str())
        }),
        "a legacy project calls legacy actions only: {called:?}"
    );
    for action in LEGACY_ACTIONS {
        assert!(called.iter().any(|called| called == action), "{called:?}");
    }

    let (extract, legacy_members) = setup.stored(&extract_id);
    let scheduler = &extract["TaskSchedulerConfiguration"];
    assert_eq!(scheduler["MaxRetryNumber"], 5);
    assert_eq!(scheduler["SelfDepend"], "parallel");
    assert_eq!(legacy_members["DelayTime"], 90);
    assert_eq!(
        scheduler["CrontabExpression"], before["TaskSchedulerConfiguration"]["CrontabExpression"],
        "undeclared members keep their values"
    );
    assert_eq!(
        extract["TaskConfiguration"]["CodeContent"], before["TaskConfiguration"]["CodeContent"],
        "the code is untouched"
    );
    let ext = extract["TaskConfiguration"]["TaskExtConfigurationList"]
        .as_array()
        .unwrap();
    assert!(ext.iter().any(|item| item["ParamKey"] == "shell_mode"));
    assert!(
        ext.iter().any(|item| item["ParamKey"] == "tenantId"),
        "server-managed ext keys survive"
    );
    assert_eq!(extract["TaskBaseAttribute"]["Submit"], true);
    let (balances, _) = setup.stored(&balances_id);
    let upstream = &balances["TaskSchedulerConfiguration"]["UpstreamDependencyConfigList"];
    assert_eq!(upstream[0]["TaskId"], Value::from(extract_id.clone()));
    assert_eq!(upstream[0]["SubordinateCyclicConfig"], "PREVIOUS_DAY");

    let replan = cli(
        &setup,
        setup.legacy.path(),
        &["plan", "--detailed-exitcode"],
    )
    .await;
    assert_eq!(replan.status.code(), Some(0), "{}", stdout(&replan));
    let writes = write_count(setup.log.path());
    let from = log_lines(setup.log.path()).len();
    let again = cli(&setup, setup.legacy.path(), &["apply", "--auto-approve"]).await;
    assert_success(&again);
    assert_eq!(
        write_count(setup.log.path()),
        writes,
        "a second apply writes nothing: {:?}\n{}",
        actions_since(&setup, from),
        stdout(&again)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_renamed_legacy_manifest_renames_the_pinned_task() {
    let setup = setup().await;
    assert_success(&cli(&setup, setup.legacy.path(), &["apply", "--auto-approve"]).await);
    let balances_id = setup.id_of("build_balances");
    setup.write(
        "finance/build_balances.yaml",
        &balances_manifest("balances_daily", &balances_id),
    );
    let plan = cli(&setup, setup.legacy.path(), &["plan"]).await;
    assert_success(&plan);
    assert!(
        stdout(&plan).contains("name: \"build_balances\" → \"balances_daily\""),
        "{}",
        stdout(&plan)
    );
    assert_success(&cli(&setup, setup.legacy.path(), &["apply", "--auto-approve"]).await);
    let (balances, _) = setup.stored(&balances_id);
    assert_eq!(balances["TaskBaseAttribute"]["TaskName"], "balances_daily");
    let replan = cli(
        &setup,
        setup.legacy.path(),
        &["plan", "--detailed-exitcode"],
    )
    .await;
    assert_eq!(replan.status.code(), Some(0), "{}", stdout(&replan));
}

#[tokio::test(flavor = "multi_thread")]
async fn what_the_legacy_api_cannot_do_stops_the_plan_before_any_write() {
    let setup = setup().await;
    setup.write(
        "finance/extract_ledger.yaml",
        &extract_manifest(&setup.id_of("extract_ledger"))
            .replace("task_type: Shell", "task_type: Python"),
    );
    setup.write(
        "finance/build_balances.yaml",
        &format!(
            "kind: Task\nname: build_balances\nid: \"{}\"\nworkflow: {{ id: 3a0c2f5e-0000-4000-8000-000000000001 }}\nbase: {{ task_type: DLC SQL }}\n",
            setup.id_of("build_balances")
        ),
    );
    setup.write(
        "finance/close_report.yaml",
        "kind: Task\nname: close_report\nid: \"99999999999999999\"\nworkflow: finance_daily\nbase: { task_type: Python }\n",
    );
    let writes = write_count(setup.log.path());
    let apply = cli(&setup, setup.legacy.path(), &["apply", "--auto-approve"]).await;
    assert_eq!(apply.status.code(), Some(1));
    let errors = stderr(&apply);
    for expected in [
        "error[plan::legacy_moved]: the task `build_balances` (id",
        "is in the workflow `finance_daily`",
        "not in `{id: 3a0c2f5e-0000-4000-8000-000000000001}`",
        "--> finance/build_balances.yaml:4:11",
        "write `workflow: finance_daily`",
        "error[plan::legacy_retyped]: the task `extract_ledger` (id",
        "is of type Shell (35) in WeData, but its manifest declares Python (30)",
        "--> finance/extract_ledger.yaml:6:14",
        "error[plan::pinned_id_missing]: the task `close_report` is pinned to id 99999999999999999, which project",
        "--> finance/close_report.yaml:3:5",
        "3 problems stop this plan: nothing was written to WeData",
    ] {
        assert!(
            errors.contains(expected),
            "{expected:?} missing from\n{errors}"
        );
    }
    assert_eq!(write_count(setup.log.path()), writes);

    let prune = cli(&setup, setup.legacy.path(), &["plan", "--prune"]).await;
    assert_eq!(prune.status.code(), Some(1));
    assert!(
        stderr(&prune).contains("cannot prune"),
        "{}",
        stderr(&prune)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn imported_legacy_tasks_are_pinned_manifests_that_plan_clean() {
    let setup = setup().await;
    let ids: Vec<String> = ["extract_ledger", "build_balances", "close_report"]
        .iter()
        .map(|name| setup.id_of(name))
        .collect();
    let imported = tempfile::tempdir().unwrap();
    let import = |out: &Path, extra: &[&str]| {
        let mut command = wedata_gitops();
        command.arg("import");
        for id in &ids {
            command.args(["--task-id", id]);
        }
        command
            .args(["--project-id", PROJECT_ID, "--out"])
            .arg(out)
            .args(extra)
            .args(["--endpoint", &setup.emulator.endpoint()]);
        run(command)
    };
    assert_success(&import(imported.path(), &[]).await);
    let project_file = std::fs::read_to_string(imported.path().join("wedata.yaml")).unwrap();
    assert!(
        project_file.contains("api_version: \"2021-08-20\""),
        "{project_file}"
    );
    let report =
        std::fs::read_to_string(imported.path().join("finance_daily/close_report.yaml")).unwrap();
    assert!(
        report.starts_with(&format!(
            "kind: Task\nname: close_report\nid: \"{}\"\nworkflow: finance_daily\n",
            ids[2]
        )),
        "{report}"
    );
    for left_out in [
        "event_listeners",
        "init_strategy",
        "executing_strategies",
        "code_file",
    ] {
        assert!(
            !report.contains(left_out),
            "{left_out} cannot be managed through the legacy API:\n{report}"
        );
    }
    assert!(report.contains("- task: build_balances"), "{report}");
    assert!(
        !imported.path().join("finance_daily/workflow.yaml").exists(),
        "a legacy project declares no workflows"
    );
    let plan = cli(&setup, imported.path(), &["plan", "--detailed-exitcode"]).await;
    assert_eq!(
        plan.status.code(),
        Some(0),
        "{}{}",
        stdout(&plan),
        stderr(&plan)
    );

    let again = import(imported.path(), &[]).await;
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
    let into_current = import(setup.example.path(), &[]).await;
    assert_eq!(into_current.status.code(), Some(1));
    assert!(
        stderr(&into_current).contains("is a project on the 2025-08-06 API"),
        "{}",
        stderr(&into_current)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_legacy_plan_is_refused_once_the_task_changed_in_the_same_second() {
    let setup = setup().await;
    let plan_file = setup.legacy.path().join("plan.json");
    let plan_file_text = plan_file.to_str().unwrap().to_owned();
    assert_success(
        &cli(
            &setup,
            setup.legacy.path(),
            &["plan", "--out", &plan_file_text],
        )
        .await,
    );
    // A change made by hand after the review, within the second LastUpdate counts in.
    let mut edit = RawRequest::new(
        "ModifyTaskInfo",
        &serde_json::json!({
            "ProjectId": PROJECT_ID,
            "TaskId": setup.id_of("extract_ledger"),
            "Notes": "changed by hand",
        }),
    );
    edit.version = "2021-08-20";
    let answer = edit.send(&setup.emulator.endpoint()).await;
    assert_eq!(answer["Response"]["Data"], true, "{answer}");
    let apply = cli(
        &setup,
        setup.legacy.path(),
        &["apply", "--auto-approve", "--plan", &plan_file_text],
    )
    .await;
    assert_eq!(apply.status.code(), Some(1), "{}", stdout(&apply));
    assert!(
        stderr(&apply).contains("task.finance_daily.extract_ledger changed"),
        "{}",
        stderr(&apply)
    );
}
