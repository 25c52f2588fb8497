//! import end to end: live workflows become manifests and code files, and `plan` on the
//! result shows no changes (the round trip is the test).

mod common;

use std::path::Path;

use common::*;
use serde_json::{Value, json};
use wedata_gitops::emulator::EmulatorConfig;

async fn import(endpoint: &str, workflow: &str, out: &Path) -> std::process::Output {
    let mut command = wedata_gitops();
    command
        .args([
            "import",
            "--workflow",
            workflow,
            "--project-id",
            PROJECT_ID,
            "--out",
        ])
        .arg(out)
        .args(["--endpoint", endpoint]);
    run(command).await
}

async fn plan_exit_code(endpoint: &str, directory: &Path) -> (Option<i32>, String) {
    let mut command = wedata_gitops();
    command
        .args(["plan", "--detailed-exitcode"])
        .arg(directory)
        .args(["--endpoint", endpoint]);
    let output = run(command).await;
    (
        output.status.code(),
        format!("{}{}", stdout(&output), stderr(&output)),
    )
}

/// Tasks created with `wedata-gitops api` from the official CreateTriggerTask examples (their
/// ids pointed at a workflow of ours, upstream chains kept inside it) import, and plan shows
/// no changes on the imported tree.
#[tokio::test(flavor = "multi_thread")]
async fn tasks_created_from_the_official_examples_import_and_plan_clean() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let workflow = call(
        &endpoint,
        "CreateTriggerWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowName": "from_examples", "ParentFolderPath": "/"}),
    )
    .await["Data"]["WorkflowId"]
        .as_str()
        .unwrap()
        .to_owned();
    let examples: Value =
        serde_json::from_str(include_str!("../api-definition/examples-2025-08-06.json")).unwrap();
    let mut created: Vec<String> = Vec::new();
    for (index, case) in examples["actions"]["CreateTriggerTask"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
    {
        let input = case["input"].as_str().unwrap();
        let mut body: Value = serde_json::from_str(&input[input.find('{').unwrap()..]).unwrap();
        body["ProjectId"] = json!(PROJECT_ID);
        body["TriggerTaskBaseAttribute"]["WorkflowId"] = json!(workflow);
        let name = format!(
            "{}_{index}",
            body["TriggerTaskBaseAttribute"]["TaskName"]
                .as_str()
                .unwrap()
        );
        body["TriggerTaskBaseAttribute"]["TaskName"] = json!(name);
        // Upstreams and parameter sources point at the task created just before.
        let scheduler = &mut body["TriggerTaskSchedulerConfiguration"];
        for (list, member) in [
            ("UpstreamDependencyConfigList", "TaskId"),
            ("ParamTaskInList", "FromTaskId"),
        ] {
            if let Some(items) = scheduler[list].as_array_mut() {
                match created.last() {
                    Some(previous) => items
                        .iter_mut()
                        .for_each(|item| item[member] = json!(previous)),
                    None => items.clear(),
                }
            }
        }
        let mut command = wedata_gitops();
        command.args([
            "api",
            "CreateTriggerTask",
            &body.to_string(),
            "--endpoint",
            &endpoint,
        ]);
        let output = run(command).await;
        assert!(
            output.status.success(),
            "example {index}: {}",
            stderr(&output)
        );
        let response: Value = serde_json::from_str(&stdout(&output)).unwrap();
        let task_id = response["Data"]["TaskId"].as_str().unwrap().to_owned();
        // Submitted, as a task made in the console would be (unsubmitted ones plan as submits).
        call(
            &endpoint,
            "SubmitTriggerTask",
            json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "VersionRemark": "made by hand"}),
        )
        .await;
        created.push(task_id);
    }
    assert!(!created.is_empty());

    let directory = tempfile::tempdir().unwrap();
    let output = import(&endpoint, "from_examples", directory.path()).await;
    assert!(output.status.success(), "{}", stderr(&output));
    let (code, shown) = plan_exit_code(&endpoint, directory.path()).await;
    assert_eq!(code, Some(0), "{shown}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_examples_round_trip_through_import_and_a_second_import_is_refused() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let mut apply = wedata_gitops();
    apply
        .args(["apply", "--auto-approve"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/tasks"))
        .args(["--endpoint", &endpoint]);
    assert!(run(apply).await.status.success());

    let directory = tempfile::tempdir().unwrap();
    for workflow in ["orders", "marketing"] {
        let output = import(&endpoint, workflow, directory.path()).await;
        assert!(output.status.success(), "{}", stderr(&output));
    }
    assert!(directory.path().join("orders/extract_orders.sh").exists());
    assert!(
        directory
            .path()
            .join("marketing/import_campaigns.py")
            .exists()
    );
    assert!(directory.path().join("orders/clean_orders.sql").exists());
    let manifest =
        std::fs::read_to_string(directory.path().join("orders/load_orders.yaml")).unwrap();
    assert!(
        manifest.contains("- clean_orders"),
        "upstreams by name:\n{manifest}"
    );
    assert!(
        !manifest.contains("tenantId") && !manifest.contains("run_priority"),
        "{manifest}"
    );
    let (code, shown) = plan_exit_code(&endpoint, directory.path()).await;
    assert_eq!(code, Some(0), "{shown}");

    let again = import(&endpoint, "orders", directory.path()).await;
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("--force"));
    let mut forced = wedata_gitops();
    forced
        .args(["import", "--workflow", "orders", "--force", "--out"])
        .arg(directory.path())
        .args(["--endpoint", &endpoint]);
    assert!(run(forced).await.status.success());
}
