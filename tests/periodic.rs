//! Periodic workflows and tasks (`kind: Workflow`, `kind: Task`) end to end against the
//! emulator: the example applies and re-plans clean, imports back to an equivalent tree, a
//! changed schedule or dependency setting is updated in place, and pruning deletes with
//! DeleteTask.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::*;
use serde_json::Value;
use wedata_gitops::emulator::{EmulatorConfig, RunningEmulator};
use wedata_gitops::manifest::{LoadOptions, load};
use wedata_gitops::model::{desired, normalize::default_for};

struct Setup {
    emulator: RunningEmulator,
    project: tempfile::TempDir,
    log: tempfile::NamedTempFile,
}

async fn setup() -> Setup {
    let log = tempfile::NamedTempFile::new().unwrap();
    let emulator = start_emulator(EmulatorConfig {
        log_file: Some(log.path().to_owned()),
        ..EmulatorConfig::default()
    })
    .await;
    let project = tempfile::tempdir().unwrap();
    copy_examples(project.path());
    Setup {
        emulator,
        project,
        log,
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

async fn apply(setup: &Setup, extra: &[&str]) {
    let mut arguments = vec!["apply", "--auto-approve"];
    arguments.extend_from_slice(extra);
    let output = cli(setup, setup.project.path(), &arguments).await;
    assert!(
        output.status.success(),
        "{}\n{}",
        stdout(&output),
        stderr(&output)
    );
}

async fn assert_plan_is_clean(setup: &Setup, directory: &Path) {
    let plan = cli(setup, directory, &["plan", "--detailed-exitcode"]).await;
    assert_eq!(
        plan.status.code(),
        Some(0),
        "{}{}",
        stdout(&plan),
        stderr(&plan)
    );
}

/// The stored periodic task with this name, in the API's shape.
fn periodic_task(setup: &Setup, name: &str) -> Value {
    setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .tasks
            .values()
            .find(|stored| stored.task["TaskBaseAttribute"]["TaskName"] == name)
            .map(|stored| stored.task.clone())
            .unwrap_or_else(|| panic!("no periodic task named {name}"))
    })
}

fn task_name_of(setup: &Setup, id: &Value) -> String {
    setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID].tasks[id.as_str().unwrap()].task["TaskBaseAttribute"]["TaskName"]
            .as_str()
            .unwrap()
            .to_owned()
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn the_periodic_example_applies_replans_clean_and_imports_back_to_an_equivalent_tree() {
    let setup = setup().await;
    apply(&setup, &[]).await;

    // What WeData holds is what the manifests say, in the API's periodic shapes.
    let workflow_names: Vec<String> = setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .periodic_workflows
            .values()
            .map(|workflow| workflow["WorkflowName"].as_str().unwrap().to_owned())
            .collect()
    });
    assert_eq!(workflow_names, ["finance_daily"]);
    let extract = periodic_task(&setup, "extract_ledger");
    let scheduler = &extract["TaskSchedulerConfiguration"];
    assert_eq!(scheduler["CycleType"], "DAY_CYCLE");
    assert_eq!(scheduler["CrontabExpression"], "0 30 1 * * ? *");
    assert_eq!(scheduler["StartTime"], "2025-01-01 00:00:00");
    assert_eq!(scheduler["MaxRetryNumber"], 3);
    assert_eq!(extract["TaskBaseAttribute"]["Submit"], true);
    let balances = periodic_task(&setup, "build_balances");
    let upstream = &balances["TaskSchedulerConfiguration"]["UpstreamDependencyConfigList"][0];
    assert_eq!(task_name_of(&setup, &upstream["TaskId"]), "extract_ledger");
    // A plain upstream name is a same-cycle dependency.
    assert_eq!(upstream["MainCyclicConfig"], "DAY");
    assert_eq!(upstream["SubordinateCyclicConfig"], "CURRENT_DAY");
    let report = periodic_task(&setup, "close_report");
    let scheduler = &report["TaskSchedulerConfiguration"];
    let upstream = &scheduler["UpstreamDependencyConfigList"][0];
    assert_eq!(
        upstream["DependencyStrategy"]["PollingNullStrategy"],
        "EXECUTING"
    );
    assert_eq!(
        upstream["DependencyStrategy"]["TaskDependencyExecutingTimeoutValue"],
        30
    );
    assert_eq!(
        scheduler["EventListenerList"][0]["EventName"],
        "finance_close_approved"
    );
    assert_eq!(scheduler["InitStrategy"], "T_PLUS_1");

    assert_plan_is_clean(&setup, setup.project.path()).await;

    let imported = tempfile::tempdir().unwrap();
    let mut import = wedata_gitops();
    import
        .args(["import", "--workflow", "finance_daily"])
        .args(["--project-id", PROJECT_ID, "--out"])
        .arg(imported.path())
        .args(["--endpoint", &setup.emulator.endpoint()]);
    let output = run(import).await;
    assert!(output.status.success(), "{}", stderr(&output));
    let report =
        std::fs::read_to_string(imported.path().join("finance_daily/close_report.yaml")).unwrap();
    assert!(report.starts_with("kind: Task\n"), "{report}");
    assert!(
        report.contains("main_cyclic_config: DAY") && report.contains("polling_null_strategy"),
        "a non-default dependency is spelled out:\n{report}"
    );
    let balances =
        std::fs::read_to_string(imported.path().join("finance_daily/build_balances.yaml")).unwrap();
    assert!(
        balances.contains("- extract_ledger"),
        "a same-cycle dependency is a plain name:\n{balances}"
    );
    assert_eq!(
        std::fs::read_to_string(imported.path().join("finance_daily/extract_ledger.sh")).unwrap(),
        std::fs::read_to_string(setup.project.path().join("finance/extract_ledger.sh")).unwrap()
    );
    assert_plan_is_clean(&setup, imported.path()).await;

    // Equivalent: every member either tree declares has the same value in both, a member
    // left out counting as WeData's default.
    let original = load(setup.project.path(), &LoadOptions::default()).unwrap();
    let copy = load(imported.path(), &LoadOptions::default()).unwrap();
    let names = |project: &wedata_gitops::manifest::Project| -> BTreeSet<String> {
        project
            .tasks
            .iter()
            .filter(|task| task.workflow_name.as_deref() == Some("finance_daily"))
            .map(|task| task.name().to_owned())
            .collect()
    };
    assert_eq!(names(&original), names(&copy));
    for task in original
        .tasks
        .iter()
        .filter(|task| task.workflow_name.as_deref() == Some("finance_daily"))
    {
        let twin = copy
            .tasks
            .iter()
            .find(|candidate| candidate.name() == task.name())
            .unwrap();
        let no_ids: std::collections::HashMap<String, String> = Default::default();
        let left = desired::task_state(task, &no_ids).members;
        let right = desired::task_state(twin, &no_ids).members;
        let members: BTreeSet<&String> = left.keys().chain(right.keys()).collect();
        for member in members {
            let value = |state: &std::collections::BTreeMap<String, Value>| {
                state.get(member).cloned().or_else(|| default_for(member))
            };
            assert_eq!(
                value(&left),
                value(&right),
                "{}: {member} differs between the example and its import",
                task.name()
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_changed_schedule_and_dependency_are_updated_in_place_and_verified() {
    let setup = setup().await;
    apply(&setup, &[]).await;
    let extract_id = periodic_task(&setup, "extract_ledger")["TaskBaseAttribute"]["TaskId"].clone();

    let path = setup.project.path().join("finance/extract_ledger.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("0 30 1 * * ? *", "0 45 3 * * ? *")).unwrap();
    let path = setup.project.path().join("finance/close_report.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "subordinate_cyclic_config: CURRENT_DAY",
            "subordinate_cyclic_config: PREVIOUS_DAY",
        ),
    )
    .unwrap();

    let plan = cli(&setup, setup.project.path(), &["plan", "--format", "json"]).await;
    assert!(plan.status.success(), "{}", stderr(&plan));
    let plan: Value = serde_json::from_str(&stdout(&plan)).unwrap();
    let changing: Vec<&Value> = plan["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|resource| resource["action"] != "no_op")
        .collect();
    assert_eq!(changing.len(), 2, "{changing:#?}");
    let extract = changing
        .iter()
        .find(|resource| resource["address"] == "task.finance_daily.extract_ledger")
        .unwrap();
    assert_eq!(extract["kind"], "periodic_task");
    assert_eq!(extract["action"], "update");
    assert_eq!(extract["changes"][0]["member"], "scheduler.crontab");
    assert_eq!(extract["changes"][0]["before"], "0 30 1 * * ?");
    assert_eq!(extract["changes"][0]["after"], "0 45 3 * * ?");
    let report = changing
        .iter()
        .find(|resource| resource["address"] == "task.finance_daily.close_report")
        .unwrap();
    assert_eq!(
        report["changes"][0]["member"],
        "scheduler.dependency.build_balances.subordinate_cyclic_config"
    );

    apply(&setup, &[]).await;
    let extract = periodic_task(&setup, "extract_ledger");
    assert_eq!(
        extract["TaskBaseAttribute"]["TaskId"], extract_id,
        "updated, not replaced"
    );
    assert_eq!(
        extract["TaskSchedulerConfiguration"]["CrontabExpression"],
        "0 45 3 * * ? *"
    );
    // Members the manifest does not manage keep their values through the update.
    assert_eq!(
        extract["TaskSchedulerConfiguration"]["ExecutionEndTime"],
        "23:59"
    );
    let report = periodic_task(&setup, "close_report");
    assert_eq!(
        report["TaskSchedulerConfiguration"]["UpstreamDependencyConfigList"][0]["SubordinateCyclicConfig"],
        "PREVIOUS_DAY"
    );
    assert_plan_is_clean(&setup, setup.project.path()).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_periodic_task_removed_from_the_manifests_is_pruned_with_delete_task() {
    let setup = setup().await;
    apply(&setup, &[]).await;
    let finance = setup.project.path().join("finance");
    std::fs::remove_file(finance.join("close_report.yaml")).unwrap();
    std::fs::remove_file(finance.join("close_report.py")).unwrap();

    let plan = cli(&setup, setup.project.path(), &["plan"]).await;
    assert!(
        stdout(&plan).contains("finance_daily/close_report"),
        "{}",
        stdout(&plan)
    );
    apply(&setup, &["--prune"]).await;
    let remaining: Vec<String> = setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .tasks
            .values()
            .map(|stored| {
                stored.task["TaskBaseAttribute"]["TaskName"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    });
    assert!(
        !remaining.contains(&"close_report".to_owned()),
        "{remaining:?}"
    );
    assert_eq!(remaining.len(), 2);
    let deletes: Vec<Value> = log_lines(setup.log.path())
        .into_iter()
        .filter(|line| {
            line["action"].as_str().is_some_and(|action| {
                action.starts_with("Delete") && !LOCK_ACTIONS.contains(&action)
            })
        })
        .collect();
    assert_eq!(deletes.len(), 1);
    assert_eq!(deletes[0]["action"], "DeleteTask");
    assert_plan_is_clean(&setup, setup.project.path()).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn apply_verifies_each_submitted_version_with_get_task_version() {
    let setup = setup().await;
    apply(&setup, &[]).await;
    let count = |wanted: &str| {
        log_lines(setup.log.path())
            .iter()
            .filter(|line| line["action"] == wanted && line["result"] == "ok")
            .count()
    };
    let submitted = count("SubmitTask");
    assert_eq!(submitted, 3, "the three finance tasks are submitted");
    assert_eq!(
        count("GetTaskVersion"),
        submitted,
        "every periodic submit is read back as the version it made"
    );
    assert_eq!(
        count("GetTriggerTaskVersion"),
        count("SubmitTriggerTask"),
        "and every trigger submit too"
    );
}

/// A plain upstream means "the same cycle": the manifest's cycle_type, DAY_CYCLE when it
/// declares none. The update once took the live cycle instead, so a task whose cycle was
/// changed in WeData and not declared was written one way and verified the other, forever.
#[tokio::test(flavor = "multi_thread")]
async fn a_plain_upstream_of_a_task_without_a_declared_cycle_follows_the_default_cycle() {
    let setup = setup().await;
    apply(&setup, &[]).await;
    let balances = periodic_task(&setup, "build_balances");
    let balances_id = balances["TaskBaseAttribute"]["TaskId"].clone();
    let extract_id = periodic_task(&setup, "extract_ledger")["TaskBaseAttribute"]["TaskId"].clone();
    // Someone makes build_balances hourly in the console, its dependency with it.
    call(
        &setup.emulator.endpoint(),
        "UpdateTask",
        serde_json::json!({
            "ProjectId": PROJECT_ID,
            "TaskId": balances_id,
            "Task": {
                "TaskBaseAttribute": {"TaskName": "build_balances", "OwnerUin": "100028579801", "TaskDescription": "hourly"},
                "TaskConfiguration": {},
                "TaskSchedulerConfiguration": {
                    "CycleType": "HOUR_CYCLE",
                    "CrontabExpression": "0 0 */1 * * ?",
                    "UpstreamDependencyConfigList": [{"TaskId": extract_id, "MainCyclicConfig": "HOUR", "SubordinateCyclicConfig": "CURRENT_HOUR"}]
                }
            }
        }),
    )
    .await;
    // ... and the manifest stops declaring a cycle (and its crontab).
    let path = setup.project.path().join("finance/build_balances.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("  cycle_type: DAY_CYCLE\n", "")
            .replace("  crontab: \"0 0 2 * * ? *\"\n", "")
            .replace(
                "  description: Roll ledger entries up into daily account balances\n",
                "  description: hourly\n",
            ),
    )
    .unwrap();

    let plan = cli(&setup, setup.project.path(), &["plan"]).await;
    assert!(plan.status.success(), "{}", stderr(&plan));
    assert!(
        stdout(&plan)
            .contains("scheduler.dependency.extract_ledger.main_cyclic_config: \"HOUR\" → \"DAY\""),
        "{}",
        stdout(&plan)
    );
    apply(&setup, &[]).await;
    let upstream = &periodic_task(&setup, "build_balances")["TaskSchedulerConfiguration"]["UpstreamDependencyConfigList"]
        [0];
    assert_eq!(upstream["MainCyclicConfig"], "DAY");
    assert_eq!(upstream["SubordinateCyclicConfig"], "CURRENT_DAY");
    assert_plan_is_clean(&setup, setup.project.path()).await;
}
