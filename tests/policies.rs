//! Every rule of `policies:` with a passing and a failing case, pinned by snapshot: the
//! manifest rules through `validate` (offline), the rules that need the live state
//! (`owner_change`, `protected`) through `plan` against the emulator, and a rule relaxed or
//! tightened per target. A rule that cannot be used is a `manifest::invalid_policy` error.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;
use wedata_gitops::emulator::EmulatorConfig;

/// A project of one workflow and one task that every rule below accepts as written.
const WORKFLOW: &str = "kind: TriggerWorkflow\nname: orders\nowner_uin: \"100028579801\"\ndescription: Orders pipeline\n";
const TASK: &str = "kind: TriggerTask
name: load_orders
workflow: orders
base:
  task_type: Shell
  owner_uin: \"100028579801\"
  description: Load the orders
configuration:
  code_file: load.sh
scheduler:
  max_retries: 3
  retry_wait_minutes: 5
  run_priority: 5
  execution_ttl_minutes: 60
  wait_execution_total_ttl_minutes: 120
";

fn write_project(root: &Path, policies: &str, task: &str) {
    std::fs::create_dir_all(root).unwrap();
    std::fs::write(
        root.join("wedata.yaml"),
        format!("project_id: \"{PROJECT_ID}\"\nregion: ap-guangzhou\n{policies}"),
    )
    .unwrap();
    std::fs::write(root.join("workflow.yaml"), WORKFLOW).unwrap();
    std::fs::write(root.join("load_orders.yaml"), task).unwrap();
    std::fs::write(root.join("load.sh"), "#!/bin/bash\necho load\n").unwrap();
}

/// `validate` on a project with `policies` and `task`: exit code and what it printed.
fn validate(policies: &str, task: &str, arguments: &[&str]) -> (i32, String) {
    let directory = tempfile::tempdir().unwrap();
    let root = directory.path().join("tasks");
    write_project(&root, policies, task);
    let output = wedata_gitops()
        .current_dir(directory.path())
        .arg("validate")
        .arg("tasks")
        .args(arguments)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        format!("{}{}", stderr(&output), stdout(&output)),
    )
}

/// One snapshot per rule: the passing case, then the failing one.
fn pin_rule(rule: &str, policies: &str, passing: &str, failing: &str, failing_exit: i32) {
    let (pass_code, pass_output) = validate(policies, passing, &[]);
    assert_eq!(pass_code, 0, "{rule} passing:\n{pass_output}");
    let (fail_code, fail_output) = validate(policies, failing, &[]);
    assert_eq!(fail_code, failing_exit, "{rule} failing:\n{fail_output}");
    assert!(
        fail_output.contains(&format!("policy `{rule}`")),
        "{fail_output}"
    );
    insta::assert_snapshot!(
        format!("policy_{rule}"),
        format!(
            "passing (exit {pass_code}):\n{pass_output}\nfailing (exit {fail_code}):\n{fail_output}"
        )
    );
}

fn replaced(from: &str, to: &str) -> String {
    assert!(TASK.contains(from), "{from}");
    TASK.replacen(from, to, 1)
}

#[test]
fn owner_required() {
    pin_rule(
        "owner_required",
        "policies:\n  owner_required: {}\n",
        TASK,
        &replaced("  owner_uin: \"100028579801\"\n", ""),
        1,
    );
}

#[test]
fn owner_allowed() {
    pin_rule(
        "owner_allowed",
        "policies:\n  owner_allowed:\n    owners: [\"100028579801\", \"100028660434\"]\n",
        TASK,
        &replaced("\"100028579801\"", "\"999\""),
        1,
    );
}

#[test]
fn description_required_as_a_warning_fails_nothing() {
    pin_rule(
        "description_required",
        "policies:\n  description_required: {severity: warn}\n",
        TASK,
        &replaced("  description: Load the orders\n", ""),
        0,
    );
}

#[test]
fn task_name() {
    pin_rule(
        "task_name",
        "policies:\n  task_name:\n    pattern: \"[a-z][a-z0-9_]*\"\n",
        TASK,
        &replaced("name: load_orders", "name: LoadOrders"),
        1,
    );
}

#[test]
fn workflow_name() {
    let policies = "policies:\n  workflow_name:\n    pattern: \"[a-z]+\"\n";
    let directory = tempfile::tempdir().unwrap();
    let root = directory.path().join("tasks");
    write_project(&root, policies, TASK);
    let validate = || {
        wedata_gitops()
            .current_dir(directory.path())
            .args(["validate", "tasks"])
            .output()
            .unwrap()
    };
    let passing = validate();
    assert!(passing.status.success(), "{}", stderr(&passing));
    // The whole name must match: `orders_2` has a `_` and a digit the pattern lacks.
    std::fs::write(
        root.join("workflow.yaml"),
        WORKFLOW.replace("name: orders", "name: orders_2"),
    )
    .unwrap();
    std::fs::write(
        root.join("load_orders.yaml"),
        replaced("workflow: orders", "workflow: orders_2"),
    )
    .unwrap();
    let failing = validate();
    assert_eq!(failing.status.code(), Some(1));
    insta::assert_snapshot!(
        "policy_workflow_name",
        format!(
            "passing (exit 0):\n{}\nfailing (exit 1):\n{}",
            stdout(&passing),
            stderr(&failing)
        )
    );
}

#[test]
fn max_retries() {
    pin_rule(
        "max_retries",
        "policies:\n  max_retries: {min: 1, max: 3}\n",
        TASK,
        &replaced("max_retries: 3", "max_retries: 9"),
        1,
    );
}

#[test]
fn retry_wait_minutes() {
    pin_rule(
        "retry_wait_minutes",
        "policies:\n  retry_wait_minutes: {min: 1, max: 30}\n",
        TASK,
        &replaced("retry_wait_minutes: 5", "retry_wait_minutes: 0"),
        1,
    );
}

#[test]
fn run_priority() {
    pin_rule(
        "run_priority",
        "policies:\n  run_priority: {min: 5}\n",
        TASK,
        &replaced("run_priority: 5", "run_priority: 4"),
        1,
    );
}

#[test]
fn execution_ttl_minutes_treats_no_timeout_as_over_any_maximum() {
    pin_rule(
        "execution_ttl_minutes",
        "policies:\n  execution_ttl_minutes: {max: 120}\n",
        TASK,
        &replaced("execution_ttl_minutes: 60", "execution_ttl_minutes: -1"),
        1,
    );
}

#[test]
fn wait_execution_total_ttl_minutes_required() {
    pin_rule(
        "wait_execution_total_ttl_minutes",
        "policies:\n  wait_execution_total_ttl_minutes: {required: true, max: 1440}\n",
        TASK,
        &replaced("  wait_execution_total_ttl_minutes: 120\n", ""),
        1,
    );
}

#[test]
fn task_types() {
    pin_rule(
        "task_types",
        "policies:\n  task_types:\n    allowed: [Shell, Python]\n",
        TASK,
        &replaced("task_type: Shell", "task_type: DLC SQL"),
        1,
    );
}

#[test]
fn code_file_size() {
    let big = replaced("code_file: load.sh", "code_file: big.sh");
    let directory = tempfile::tempdir().unwrap();
    let root = directory.path().join("tasks");
    let policies = "policies:\n  code_file_size: {max_bytes: 64}\n";
    write_project(&root, policies, TASK);
    let passing = wedata_gitops().arg("validate").arg(&root).output().unwrap();
    assert!(passing.status.success(), "{}", stderr(&passing));
    write_project(&root, policies, &big);
    std::fs::write(root.join("big.sh"), "echo big\n".repeat(20)).unwrap();
    let failing = wedata_gitops()
        .current_dir(directory.path())
        .args(["validate", "tasks"])
        .output()
        .unwrap();
    assert_eq!(failing.status.code(), Some(1));
    insta::assert_snapshot!(
        "policy_code_file_size",
        format!(
            "passing (exit 0):\n{}\nfailing (exit 1):\n{}",
            stdout(&passing),
            stderr(&failing)
        )
    );
}

/// `task_types` per target: the project allows Shell and Python, `prod` only Python; `dev`
/// turns the rule off.
#[test]
fn a_target_overrides_a_rule_of_the_project() {
    let policies = "policies:\n  task_types:\n    allowed: [Shell, Python]\ntargets:\n  prod:\n    policies:\n      task_types:\n        allowed: [Python]\n  dev:\n    policies:\n      task_types: {severity: off}\n";
    let (code, _) = validate(policies, TASK, &[]);
    assert_eq!(code, 0);
    let (code, _) = validate(policies, TASK, &["--target", "dev"]);
    assert_eq!(code, 0, "off in dev");
    let (code, output) = validate(policies, TASK, &["--target", "prod"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("policy_task_types_in_prod", output);
}

/// Rules that cannot be used are reported at their line, for the project and every target.
#[test]
fn a_rule_that_cannot_be_used_is_an_invalid_policy() {
    let policies = "policies:\n  task_name:\n    pattern: \"[a-z\"\n  max_retries: {min: 5, max: 1}\n  task_types:\n    allowed: [Shel]\ntargets:\n  prod:\n    policies:\n      owner_allowed:\n        owners: []\n";
    let (code, output) = validate(policies, TASK, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        output.matches("manifest::invalid_policy").count(),
        4,
        "{output}"
    );
    insta::assert_snapshot!("policy_invalid", output);
}

/// `validate --format json` carries warnings with their severity, and stays valid.
#[test]
fn machine_formats_carry_policy_warnings() {
    let (code, output) = validate(
        "policies:\n  description_required: {severity: warn}\n",
        &replaced("  description: Load the orders\n", ""),
        &["--format", "json"],
    );
    assert_eq!(code, 0);
    let document: Value = serde_json::from_str(&output).unwrap();
    assert_eq!(document["valid"], true);
    assert_eq!(document["diagnostics"][0]["severity"], "warning");
    assert_eq!(document["diagnostics"][0]["code"], "manifest::policy");
    assert_eq!(document["diagnostics"][0]["line"], 4);
    let (_, github) = validate(
        "policies:\n  description_required: {severity: warn}\n",
        &replaced("  description: Load the orders\n", ""),
        &["--format", "github"],
    );
    assert!(
        github.starts_with(
            "::warning file=tasks/load_orders.yaml,line=4,col=1,title=manifest%3A%3Apolicy::"
        ),
        "{github}"
    );
}

fn filters() -> Vec<(&'static str, &'static str)> {
    vec![(r"\b\d{17}\b", "[TASK_ID]")]
}

/// The rules that need the live state, through `plan`: an owner change (passing: the same
/// owner), and the deletion of a protected task (passing: an unprotected one is pruned).
#[tokio::test(flavor = "multi_thread")]
async fn owner_change_and_protected_are_checked_by_plan() {
    let directory = tempfile::tempdir().unwrap();
    let root: PathBuf = directory.path().join("tasks");
    let policies =
        "policies:\n  owner_change: {}\n  protected:\n    addresses: [\"task.orders.load_*\"]\n";
    write_project(&root, policies, TASK);
    std::fs::write(
        root.join("scratch.yaml"),
        "kind: TriggerTask\nname: scratch\nworkflow: orders\nbase:\n  task_type: Shell\n",
    )
    .unwrap();
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let plan = |arguments: &[&str]| {
        let mut command = wedata_gitops();
        command
            .current_dir(directory.path())
            .args(arguments)
            .arg("tasks")
            .args(["--endpoint", &endpoint]);
        run(command)
    };
    let applied = plan(&["apply", "--auto-approve"]).await;
    assert!(applied.status.success(), "{}", stderr(&applied));

    // owner_change: unchanged passes, a change is refused.
    let same = plan(&["plan"]).await;
    assert!(same.status.success(), "{}", stderr(&same));
    std::fs::write(
        root.join("load_orders.yaml"),
        replaced("\"100028579801\"", "\"100028660434\""),
    )
    .unwrap();
    let changed = plan(&["plan"]).await;
    assert_eq!(changed.status.code(), Some(1));
    insta::with_settings!({filters => filters()}, {
        insta::assert_snapshot!(
            "policy_owner_change",
            format!(
                "passing (exit 0):\n{}\nfailing (exit 1):\n{}{}",
                stdout(&same),
                stdout(&changed),
                stderr(&changed)
            )
        );
    });
    let json = plan(&["plan", "--format", "json"]).await;
    let document: Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(document["policy_violations"][0]["rule"], "owner_change");
    assert_eq!(document["policy_violations"][0]["line"], 6);
    assert_eq!(
        document["risk"]["owner_changes"][0],
        "task.orders.load_orders"
    );
    assert_eq!(document["risk"]["policy_errors"], 1);
    std::fs::write(root.join("load_orders.yaml"), TASK).unwrap();

    // protected: pruning scratch passes; pruning load_orders is refused.
    std::fs::remove_file(root.join("scratch.yaml")).unwrap();
    let unprotected = plan(&["plan", "--prune"]).await;
    assert!(unprotected.status.success(), "{}", stderr(&unprotected));
    std::fs::write(
        root.join("scratch.yaml"),
        "kind: TriggerTask\nname: scratch\nworkflow: orders\nbase:\n  task_type: Shell\n",
    )
    .unwrap();
    std::fs::remove_file(root.join("load_orders.yaml")).unwrap();
    let protected = plan(&["plan", "--prune"]).await;
    assert_eq!(protected.status.code(), Some(1));
    insta::with_settings!({filters => filters()}, {
        insta::assert_snapshot!(
            "policy_protected",
            format!(
                "passing (exit 0):\n{}\nfailing (exit 1):\n{}{}",
                stdout(&unprotected),
                stdout(&protected),
                stderr(&protected)
            )
        );
    });
}
