//! Prune guard rails and targets, end to end against the emulator.

mod common;

use std::path::PathBuf;

use common::*;
use serde_json::{Value, json};
use wedata_gitops::emulator::{EmulatorConfig, RunningEmulator};

struct Setup {
    emulator: RunningEmulator,
    project: PathBuf,
    _directory: tempfile::TempDir,
}

async fn applied_examples() -> Setup {
    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("tasks");
    copy_examples(&project);
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let setup = Setup {
        emulator,
        project,
        _directory: directory,
    };
    let output = run(command(&setup, &["apply", "--auto-approve"])).await;
    assert!(output.status.success(), "{}", stdout(&output));
    setup
}

fn command(setup: &Setup, arguments: &[&str]) -> assert_cmd::Command {
    let mut command = wedata_gitops();
    command
        .args(arguments)
        .arg(&setup.project)
        .args(["--endpoint", &setup.emulator.endpoint()]);
    command
}

fn workflow_id(setup: &Setup, name: &str) -> String {
    setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .workflows
            .iter()
            .find(|(_, workflow)| workflow["WorkflowName"] == name)
            .map(|(id, _)| id.clone())
            .unwrap()
    })
}

async fn create_by_hand(
    setup: &Setup,
    workflow_id: &str,
    name: &str,
    upstream: Option<&str>,
) -> String {
    let upstream: Vec<Value> = upstream
        .into_iter()
        .map(|id| json!({"TaskId": id}))
        .collect();
    let response = call(
        &setup.emulator.endpoint(),
        "CreateTriggerTask",
        json!({
            "ProjectId": PROJECT_ID,
            "TriggerTaskBaseAttribute": {"TaskName": name, "TaskTypeId": "35", "WorkflowId": workflow_id},
            "TriggerTaskConfiguration": {"CodeContent": "ZWNobyAx"},
            "TriggerTaskSchedulerConfiguration": {"UpstreamDependencyConfigList": upstream}
        }),
    )
    .await;
    response["Data"]["TaskId"].as_str().unwrap().to_owned()
}

fn task_names(setup: &Setup) -> Vec<String> {
    let mut names: Vec<String> = setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .trigger_tasks
            .values()
            .map(|stored| {
                stored.task["TriggerTaskBaseAttribute"]["TaskName"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    });
    names.sort();
    names
}

#[tokio::test(flavor = "multi_thread")]
async fn undeclared_tasks_are_listed_and_only_pruned_when_asked_dependents_first() {
    let setup = applied_examples().await;
    let orders = workflow_id(&setup, "orders");
    let upstream = create_by_hand(&setup, &orders, "legacy_extract", None).await;
    create_by_hand(&setup, &orders, "legacy_load", Some(&upstream)).await;

    let plan = run(command(&setup, &["plan"])).await;
    let shown = stdout(&plan);
    assert!(
        shown.contains("orders/legacy_extract") && shown.contains("--prune deletes them"),
        "{shown}"
    );
    assert!(shown.contains("0 to delete"), "{shown}");

    let pruned = run(command(&setup, &["apply", "--auto-approve", "--prune"])).await;
    assert!(pruned.status.success(), "{}", stdout(&pruned));
    assert!(
        stdout(&pruned).contains("2 succeeded"),
        "{}",
        stdout(&pruned)
    );
    assert!(
        !task_names(&setup)
            .iter()
            .any(|name| name.starts_with("legacy_"))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn more_deletions_than_the_cap_are_refused() {
    let setup = applied_examples().await;
    let orders = workflow_id(&setup, "orders");
    for index in 0..6 {
        create_by_hand(&setup, &orders, &format!("stray_{index}"), None).await;
    }
    let refused = run(command(&setup, &["plan", "--prune"])).await;
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("deletes 6 tasks: the cap is 5"),
        "{}",
        stderr(&refused)
    );
    let allowed = run(command(&setup, &["plan", "--prune", "--max-deletes", "6"])).await;
    assert!(allowed.status.success(), "{}", stderr(&allowed));
    assert!(stdout(&allowed).contains("6 to delete"));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_empty_manifest_directory_never_prunes() {
    let setup = applied_examples().await;
    let empty = setup.project.parent().unwrap().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::copy(setup.project.join("wedata.yaml"), empty.join("wedata.yaml")).unwrap();
    let mut command = wedata_gitops();
    command
        .args(["apply", "--auto-approve", "--prune"])
        .arg(&empty)
        .args(["--endpoint", &setup.emulator.endpoint()]);
    let output = run(command).await;
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("refusing to prune"),
        "{}",
        stderr(&output)
    );
    assert_eq!(task_names(&setup).len(), 8);
}

#[tokio::test(flavor = "multi_thread")]
async fn workflows_no_manifest_declares_are_never_touched() {
    let setup = applied_examples().await;
    let other = call(
        &setup.emulator.endpoint(),
        "CreateTriggerWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowName": "someone_elses", "ParentFolderPath": "/"}),
    )
    .await["Data"]["WorkflowId"]
        .as_str()
        .unwrap()
        .to_owned();
    create_by_hand(&setup, &other, "their_task", None).await;
    let output = run(command(&setup, &["apply", "--auto-approve", "--prune"])).await;
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(task_names(&setup).contains(&"their_task".to_owned()));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dev_target_with_a_prefix_applies_beside_prod_without_touching_it() {
    let setup = applied_examples().await;
    let prod_tasks = task_names(&setup);
    let dev = run(command(
        &setup,
        &["apply", "--auto-approve", "--target", "dev"],
    ))
    .await;
    assert!(dev.status.success(), "{}", stdout(&dev));
    let workflows: Vec<String> = setup.emulator.with_store(|store| {
        let mut names: Vec<String> = store.projects[PROJECT_ID]
            .workflows
            .values()
            .map(|workflow| workflow["WorkflowName"].as_str().unwrap().to_owned())
            .collect();
        names.sort();
        names
    });
    assert_eq!(
        workflows,
        ["dev_marketing", "dev_orders", "marketing", "orders"]
    );
    assert_eq!(task_names(&setup).len(), prod_tasks.len() * 2);
    // The dev variables were substituted; prod still plans clean.
    let prod = run(command(
        &setup,
        &["plan", "--detailed-exitcode", "--target", "prod"],
    ))
    .await;
    assert_eq!(prod.status.code(), Some(0), "{}", stdout(&prod));
    let dev_plan = run(command(
        &setup,
        &["plan", "--detailed-exitcode", "--target", "dev"],
    ))
    .await;
    assert_eq!(dev_plan.status.code(), Some(0), "{}", stdout(&dev_plan));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_task_type_change_is_refused_then_replaced_when_deletion_is_allowed() {
    let setup = applied_examples().await;
    let manifest = setup.project.join("orders/quality_checks.yaml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    // publish_orders_ready (a leaf) changes from Shell to Python.
    let changed = text.replacen("  task_type: Shell\n", "  task_type: Python\n", 1);
    assert_ne!(changed, text);
    std::fs::write(&manifest, &changed).unwrap();

    let refused = run(command(&setup, &["plan"])).await;
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("--prune"), "{}", stderr(&refused));
    assert!(
        stdout(&refused).contains("-/+ task orders/publish_orders_ready"),
        "{}",
        stdout(&refused)
    );

    // prevent_destroy forbids it even with --prune.
    let protected = changed.replace(
        "name: publish_orders_ready\n",
        "name: publish_orders_ready\nprevent_destroy: true\n",
    );
    std::fs::write(&manifest, &protected).unwrap();
    let guarded = run(command(&setup, &["apply", "--auto-approve", "--prune"])).await;
    assert_eq!(guarded.status.code(), Some(1));
    assert!(
        stderr(&guarded).contains("prevent_destroy"),
        "{}",
        stderr(&guarded)
    );

    std::fs::write(&manifest, &changed).unwrap();
    let replaced = run(command(&setup, &["apply", "--auto-approve", "--prune"])).await;
    assert!(
        replaced.status.success(),
        "{}\n{}",
        stdout(&replaced),
        stderr(&replaced)
    );
    let types: Vec<u64> = setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .trigger_tasks
            .values()
            .filter(|stored| {
                stored.task["TriggerTaskBaseAttribute"]["TaskName"] == "publish_orders_ready"
            })
            .map(|stored| {
                stored.task["TriggerTaskBaseAttribute"]["TaskTypeId"]
                    .as_u64()
                    .unwrap()
            })
            .collect()
    });
    assert_eq!(types, [30], "exactly one task, now Python");
    let clean = run(command(&setup, &["plan", "--detailed-exitcode"])).await;
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
}

/// A replaced task gets a new TaskId; the managed tasks that name it (clean_orders and
/// check_orders depend on extract_orders) are updated after it, so WeData's links follow.
#[tokio::test(flavor = "multi_thread")]
async fn a_replaced_task_keeps_its_managed_downstream_linked_to_its_new_id() {
    let setup = applied_examples().await;
    let old_id = task_id_named(&setup.emulator, "extract_orders");
    let manifest = setup.project.join("orders/extract_orders.yaml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text.replacen("  task_type: Shell\n", "  task_type: Python\n", 1),
    )
    .unwrap();

    let planned = run(command(&setup, &["plan", "--prune"])).await;
    let shown = stdout(&planned);
    assert!(planned.status.success(), "{shown}\n{}", stderr(&planned));
    assert!(shown.contains("-/+ task orders/extract_orders"), "{shown}");
    for dependent in ["clean_orders", "check_orders"] {
        assert!(
            shown.contains(&format!("~ task orders/{dependent} (")),
            "{dependent} is updated: {shown}"
        );
    }
    assert!(
        shown.contains(&format!(
            "references: [\"task.orders.extract_orders ({old_id})\"] → [\"task.orders.extract_orders (its replacement)\"]"
        )),
        "{shown}"
    );

    let applied = run(command(&setup, &["apply", "--prune", "--auto-approve"])).await;
    assert!(applied.status.success(), "{}", stderr(&applied));
    let new_id = task_id_named(&setup.emulator, "extract_orders");
    assert_ne!(new_id, old_id);
    for dependent in ["clean_orders", "check_orders"] {
        let dependent_id = task_id_named(&setup.emulator, dependent);
        let upstream: Vec<Value> = setup.emulator.with_store(|store| {
            let tasks = &store.projects[PROJECT_ID].trigger_tasks;
            tasks[&dependent_id].task
                ["TriggerTaskSchedulerConfiguration"]["UpstreamDependencyConfigList"]
                .as_array()
                .unwrap()
                .clone()
        });
        let ids: Vec<&str> = upstream
            .iter()
            .map(|item| item["TaskId"].as_str().unwrap())
            .collect();
        assert!(ids.contains(&new_id.as_str()), "{dependent}: {ids:?}");
        assert!(!ids.contains(&old_id.as_str()), "{dependent}: {ids:?}");
    }
    let clean = run(command(&setup, &["plan", "--detailed-exitcode"])).await;
    assert_eq!(clean.status.code(), Some(0), "{}", stdout(&clean));
}

/// A manifest that names a replaced task by its TaskId would name a deleted task after the
/// replacement: the plan is refused at that reference, before any write.
#[tokio::test(flavor = "multi_thread")]
async fn a_replacement_is_refused_while_a_manifest_pins_its_task_id() {
    let setup = applied_examples().await;
    let extract_id = task_id_named(&setup.emulator, "extract_orders");
    let clean = setup.project.join("orders/clean_orders.yaml");
    let text = std::fs::read_to_string(&clean).unwrap();
    let pinned = text.replace(
        "upstream: [extract_orders]",
        &format!("upstream: [{{id: \"{extract_id}\"}}]"),
    );
    assert_ne!(pinned, text);
    std::fs::write(&clean, pinned).unwrap();
    let manifest = setup.project.join("orders/extract_orders.yaml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text.replacen("  task_type: Shell\n", "  task_type: Python\n", 1),
    )
    .unwrap();

    let refused = run(command(&setup, &["apply", "--prune", "--auto-approve"])).await;
    assert_eq!(refused.status.code(), Some(1), "{}", stdout(&refused));
    let message = stderr(&refused);
    assert!(
        message.contains(&format!(
            "error[plan::replaced_task_pinned]: task.orders.clean_orders names task.orders.extract_orders by its TaskId {extract_id}"
        )),
        "{message}"
    );
    assert!(message.contains("clean_orders.yaml:14:"), "{message}");
    // The Markdown a CI job posts says why too, not only stderr.
    let markdown = run(command(
        &setup,
        &["plan", "--prune", "--format", "markdown"],
    ))
    .await;
    assert_eq!(markdown.status.code(), Some(1));
    let comment = stdout(&markdown);
    assert!(
        comment.contains("**Refused: `apply` would write nothing (1 problem;")
            && comment.contains("| `plan::replaced_task_pinned` | `orders/clean_orders.yaml:14:"),
        "{comment}"
    );
    assert_eq!(
        task_id_named(&setup.emulator, "extract_orders"),
        extract_id,
        "nothing was replaced"
    );
}

/// The same refusal in the second document of a file (the place is the file's line, not the
/// document's), and for a replaced task pinned by its own `id:`.
#[tokio::test(flavor = "multi_thread")]
async fn a_replacement_is_refused_at_the_file_line_of_the_pin_and_for_its_own_id() {
    let setup = applied_examples().await;
    let check_id = task_id_named(&setup.emulator, "check_orders");
    let quality = setup.project.join("orders/quality_checks.yaml");
    let text = std::fs::read_to_string(&quality).unwrap();
    let changed = text
        .replacen("  task_type: Python\n", "  task_type: Shell\n", 1)
        .replace(
            "upstream: [check_orders]",
            &format!("upstream: [{{id: \"{check_id}\"}}]"),
        )
        .replacen(
            "name: check_orders\n",
            &format!("name: check_orders\nid: \"{check_id}\"\n"),
            1,
        );
    std::fs::write(&quality, changed).unwrap();
    let refused = run(command(&setup, &["plan", "--prune"])).await;
    assert_eq!(refused.status.code(), Some(1), "{}", stdout(&refused));
    let message = stderr(&refused);
    assert!(
        message.contains(&format!(
            "task.orders.publish_orders_ready names task.orders.check_orders by its TaskId {check_id}"
        )) && message.contains("quality_checks.yaml:36:"),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "task.orders.check_orders is pinned to its TaskId {check_id}"
        )) && message.contains("quality_checks.yaml:4:"),
        "{message}"
    );
    assert_eq!(task_id_named(&setup.emulator, "check_orders"), check_id);
}
