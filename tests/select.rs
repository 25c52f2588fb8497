//! `--select` on plan and apply: a glob keeps the matching addresses and nothing else, a
//! selected resource that needs an unselected create is refused, and a saved plan records
//! its selection.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

async fn json_plan(setup: &AppliedExamples, arguments: &[&str]) -> Value {
    let mut all = vec!["plan", "--format", "json"];
    all.extend_from_slice(arguments);
    let output = run(setup.command(&all)).await;
    assert!(output.status.success(), "{}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap()
}

fn changing(plan: &Value) -> Vec<String> {
    plan["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|resource| resource["action"] != "no_op")
        .map(|resource| resource["address"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_glob_plans_and_applies_only_the_matching_resources() {
    let setup = AppliedExamples::new().await;
    edit(
        &setup.project.join("orders/extract_orders.yaml"),
        "max_retries: 3",
        "max_retries: 2",
    );
    edit(
        &setup.project.join("orders/load_orders.yaml"),
        "allow_redo: FAILURE",
        "allow_redo: NONE",
    );
    edit(
        &setup.project.join("finance/extract_ledger.yaml"),
        "0 30 1 * * ? *",
        "0 0 3 * * ? *",
    );
    let whole = json_plan(&setup, &[]).await;
    assert_eq!(changing(&whole).len(), 3);

    let selected = json_plan(&setup, &["--select", "task.orders.*"]).await;
    assert_eq!(
        changing(&selected),
        ["task.orders.extract_orders", "task.orders.load_orders"]
    );
    assert_eq!(selected["selection"], serde_json::json!(["task.orders.*"]));
    assert!(
        selected["resources"]
            .as_array()
            .unwrap()
            .iter()
            .all(|resource| resource["address"]
                .as_str()
                .unwrap()
                .starts_with("task.orders.")),
        "nothing else, not even unchanged resources"
    );
    let text = run(setup.command(&["plan", "--select", "task.orders.*"])).await;
    assert!(
        stdout(&text).contains("Selected: task.orders.* (nothing else is planned)"),
        "{}",
        stdout(&text)
    );

    // Two patterns select the union; apply writes only them.
    let applied = run(setup.command(&[
        "apply",
        "--auto-approve",
        "--select",
        "task.orders.load_orders",
        "--select",
        "task.orders.extract_*",
    ]))
    .await;
    assert!(applied.status.success(), "{}", stderr(&applied));
    let written: Vec<String> = log_lines(&setup.log)
        .iter()
        .filter(|line| line["write"] == true)
        .map(|line| line["action"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        !written.iter().any(|action| action == "UpdateTask"),
        "the periodic finance task was not selected: {written:?}"
    );
    let rest = json_plan(&setup, &[]).await;
    assert_eq!(changing(&rest), ["task.finance_daily.extract_ledger"]);

    let nothing = run(setup.command(&["plan", "--select", "task.nope.*"])).await;
    assert_eq!(nothing.status.code(), Some(1));
    assert!(
        stderr(&nothing).contains(
            "error[plan::select_matches_nothing]: --select `task.nope.*` matches no resource of the plan"
        ),
        "{}",
        stderr(&nothing)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_selected_resource_needing_an_unselected_create_is_refused() {
    let setup = AppliedExamples::new().await;
    let writes_before = write_count(&setup.log);
    std::fs::write(
        setup.project.join("orders/archive.yaml"),
        "kind: TriggerTask\nname: stage_archive\nworkflow: orders\nbase:\n  task_type: Shell\n---\nkind: TriggerTask\nname: archive_orders\nworkflow: orders\nbase:\n  task_type: Shell\nscheduler:\n  upstream: [stage_archive, load_orders]\n",
    )
    .unwrap();
    let refused = run(setup.command(&[
        "apply",
        "--auto-approve",
        "--select",
        "task.orders.archive_orders",
    ]))
    .await;
    assert_eq!(refused.status.code(), Some(1));
    let message = stderr(&refused);
    assert!(
        message.contains("error[plan::selection_incomplete]: task.orders.archive_orders needs task.orders.stage_archive to be created first, and --select leaves it out"),
        "{message}"
    );
    assert!(
        message.contains("add `--select task.orders.stage_archive`"),
        "{message}"
    );
    assert_eq!(
        write_count(&setup.log),
        writes_before,
        "refused before any write"
    );
    // An existing upstream (load_orders) is no reason to refuse; with both selected, it goes.
    let applied = run(setup.command(&[
        "apply",
        "--auto-approve",
        "--select",
        "task.orders.archive_orders",
        "--select",
        "task.orders.stage_archive",
    ]))
    .await;
    assert!(applied.status.success(), "{}", stderr(&applied));
    let after = json_plan(&setup, &[]).await;
    assert!(changing(&after).is_empty(), "{:?}", changing(&after));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_plan_records_its_selection() {
    let setup = AppliedExamples::new().await;
    edit(
        &setup.project.join("orders/extract_orders.yaml"),
        "max_retries: 3",
        "max_retries: 2",
    );
    edit(
        &setup.project.join("finance/extract_ledger.yaml"),
        "0 30 1 * * ? *",
        "0 0 3 * * ? *",
    );
    let saved = setup.project.join("plan.json");
    let writes_before = write_count(&setup.log);
    let planned = run(setup.command(&[
        "plan",
        "--select",
        "task.orders.*",
        "--out",
        saved.to_str().unwrap(),
    ]))
    .await;
    assert!(planned.status.success(), "{}", stderr(&planned));
    assert!(
        stderr(&planned).contains("--select 'task.orders.*' ")
            && stderr(&planned).contains(" --plan "),
        "the hint repeats the selection: {}",
        stderr(&planned)
    );
    let document: Value = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    assert_eq!(document["selection"], serde_json::json!(["task.orders.*"]));

    // Without the selection, apply computes the whole plan: not the saved one.
    let whole =
        run(setup.command(&["apply", "--auto-approve", "--plan", saved.to_str().unwrap()])).await;
    assert_eq!(whole.status.code(), Some(1));
    let message = stderr(&whole);
    assert!(
        message.contains("it was saved with --select task.orders.*, this run has no --select"),
        "{message}"
    );
    assert_eq!(write_count(&setup.log), writes_before);

    // A tampered selection in the file is refused too.
    let tampered = setup.project.join("tampered.json");
    std::fs::write(
        &tampered,
        std::fs::read_to_string(&saved)
            .unwrap()
            .replace("\"task.orders.*\"", "\"task.*\""),
    )
    .unwrap();
    let refused = run(setup.command(&[
        "apply",
        "--auto-approve",
        "--select",
        "task.orders.*",
        "--plan",
        tampered.to_str().unwrap(),
    ]))
    .await;
    assert_eq!(refused.status.code(), Some(1));

    let applied = run(setup.command(&[
        "apply",
        "--auto-approve",
        "--select",
        "task.orders.*",
        "--plan",
        saved.to_str().unwrap(),
    ]))
    .await;
    assert!(applied.status.success(), "{}", stderr(&applied));
    let rest = json_plan(&setup, &[]).await;
    assert_eq!(changing(&rest), ["task.finance_daily.extract_ledger"]);
}
