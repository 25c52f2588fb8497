//! Issue I's attacks, each reproduced with the real binary against the emulator and each shown
//! refused with a clear message and nothing written: a saved plan edited by hand (deletes of
//! real tasks added, deletion allowed, prevent_destroy removed, a pending change removed,
//! another project, another target), a cache entry edited to inject an ext key, and pinned
//! ids WeData does not have.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::{Value, json};
use wedata_gitops::emulator::{EmulatorConfig, RunningEmulator};

struct Setup {
    emulator: RunningEmulator,
    log: PathBuf,
    directory: tempfile::TempDir,
    project: PathBuf,
}

impl Setup {
    async fn new() -> Self {
        let directory = tempfile::tempdir().unwrap();
        let log = directory.path().join("calls.jsonl");
        let project = directory.path().join("tasks");
        copy_examples(&project);
        let emulator = start_emulator(EmulatorConfig {
            log_file: Some(log.clone()),
            ..EmulatorConfig::default()
        })
        .await;
        Self {
            emulator,
            log,
            directory,
            project,
        }
    }

    fn command(&self, arguments: &[&str]) -> assert_cmd::Command {
        let mut command = wedata_gitops();
        command
            .args(arguments)
            .arg(&self.project)
            .args(["--endpoint", &self.emulator.endpoint()]);
        command
    }

    async fn succeed(&self, arguments: &[&str]) -> std::process::Output {
        let output = run(self.command(arguments)).await;
        assert!(
            output.status.success(),
            "{arguments:?}\n{}\n{}",
            stdout(&output),
            stderr(&output)
        );
        output
    }

    fn plan_file(&self) -> PathBuf {
        self.directory.path().join("plan.json")
    }

    fn read_plan(&self) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.plan_file()).unwrap()).unwrap()
    }

    fn write_plan(&self, plan: &Value) {
        std::fs::write(
            self.plan_file(),
            serde_json::to_string_pretty(plan).unwrap(),
        )
        .unwrap();
    }

    /// Applies the saved plan; asserts it is refused as stale, nothing written, and returns
    /// what it said.
    async fn refused(&self, extra: &[&str]) -> String {
        let writes = write_count(&self.log);
        let plan_file = self.plan_file();
        let mut arguments = vec![
            "apply",
            "--auto-approve",
            "--plan",
            plan_file.to_str().unwrap(),
        ];
        arguments.extend_from_slice(extra);
        let output = run(self.command(&arguments)).await;
        let errors = stderr(&output);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{}\n{errors}",
            stdout(&output)
        );
        assert!(errors.contains("error[plan::stale]"), "{errors}");
        assert!(errors.contains("nothing was written to WeData"), "{errors}");
        assert_eq!(
            write_count(&self.log),
            writes,
            "a refused plan wrote: {errors}"
        );
        errors
    }

    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.project.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no {from:?}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    fn trigger_task_count(&self) -> usize {
        self.emulator
            .with_store(|store| store.projects[PROJECT_ID].trigger_tasks.len())
    }
}

/// A workflow no manifest declares, with two tasks: what a forged plan would delete.
async fn undeclared_workflow(endpoint: &str) -> Vec<String> {
    let workflow = call(
        endpoint,
        "CreateTriggerWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowName": "other_team", "ParentFolderPath": "/"}),
    )
    .await;
    let workflow_id = workflow["Data"]["WorkflowId"].as_str().unwrap().to_owned();
    let mut ids = Vec::new();
    for name in ["theirs_a", "theirs_b"] {
        let created = call(
            endpoint,
            "CreateTriggerTask",
            json!({
                "ProjectId": PROJECT_ID,
                "TriggerTaskBaseAttribute": {"TaskName": name, "TaskTypeId": "35", "WorkflowId": workflow_id},
                "TriggerTaskConfiguration": {"CodeContent": "ZWNobyAx"},
                "TriggerTaskSchedulerConfiguration": {}
            }),
        )
        .await;
        ids.push(created["Data"]["TaskId"].as_str().unwrap().to_owned());
    }
    ids
}

fn deletion(address: &str, workflow: &str, name: &str, id: &str) -> Value {
    json!({
        "address": address, "kind": "task", "name": name, "workflow": workflow,
        "action": "delete", "id": id
    })
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hand_edited_saved_plan_that_deletes_is_refused_and_nothing_is_deleted() {
    let setup = Setup::new().await;
    setup.edit(
        "orders/load_orders.yaml",
        "name: load_orders",
        "name: load_orders\nprevent_destroy: true",
    );
    setup.succeed(&["apply", "--auto-approve"]).await;
    let theirs = undeclared_workflow(&setup.emulator.endpoint()).await;
    setup.edit("orders/extract_orders.sh", "gzip -c", "gzip -9 -c");
    let plan_file = setup.plan_file();
    setup
        .succeed(&["plan", "--out", plan_file.to_str().unwrap()])
        .await;

    let mut forged = setup.read_plan();
    let load_orders = task_id_named(&setup.emulator, "load_orders");
    let clean_orders = task_id_named(&setup.emulator, "clean_orders");
    let resources = forged["resources"].as_array_mut().unwrap();
    resources.push(deletion(
        "task.other_team.theirs_a",
        "other_team",
        "theirs_a",
        &theirs[0],
    ));
    resources.push(deletion(
        "task.other_team.theirs_b",
        "other_team",
        "theirs_b",
        &theirs[1],
    ));
    // A task the manifests still declare, and a prevent_destroy one with the flag removed.
    resources.retain(|resource| {
        resource["address"] != "task.orders.clean_orders"
            && resource["address"] != "task.orders.load_orders"
    });
    resources.push(deletion(
        "task.orders.clean_orders",
        "orders",
        "clean_orders",
        &clean_orders,
    ));
    resources.push(deletion(
        "task.orders.load_orders",
        "orders",
        "load_orders",
        &load_orders,
    ));
    forged["deletion_allowed"] = json!(true);
    forged["summary"]["delete"] = json!(0);
    setup.write_plan(&forged);

    let tasks_before = setup.trigger_task_count();
    let errors = setup.refused(&[]).await;
    for expected in [
        "task.other_team.theirs_a (delete) is in the saved plan but not in the plan computed now",
        "task.orders.clean_orders is saved as delete but would be noop now",
        "task.orders.load_orders is saved as delete but would be noop now",
        "it was saved with deletion allowed (--prune); this run does not prune",
    ] {
        assert!(
            errors.contains(expected),
            "{expected:?} missing from\n{errors}"
        );
    }
    assert_eq!(setup.trigger_task_count(), tasks_before);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_pending_change_removed_from_a_saved_plan_is_refused_not_skipped() {
    let setup = Setup::new().await;
    setup.succeed(&["apply", "--auto-approve"]).await;
    setup.edit("orders/extract_orders.sh", "gzip -c", "gzip -9 -c");
    let plan_file = setup.plan_file();
    setup
        .succeed(&["plan", "--out", plan_file.to_str().unwrap()])
        .await;
    let mut forged = setup.read_plan();
    forged["resources"]
        .as_array_mut()
        .unwrap()
        .retain(|resource| resource["address"] != "task.orders.extract_orders");
    forged["waves"] = json!([]);
    forged["summary"]["update"] = json!(0);
    setup.write_plan(&forged);
    let errors = setup.refused(&[]).await;
    assert!(
        errors.contains("task.orders.extract_orders (update) is not in the saved plan"),
        "{errors}"
    );
    assert!(!stdout(&run(setup.command(&["plan"])).await).contains("No changes"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_plan_binds_its_project_target_and_versions() {
    let setup = Setup::new().await;
    setup.succeed(&["apply", "--auto-approve"]).await;
    setup.edit("orders/extract_orders.sh", "gzip -c", "gzip -9 -c");
    let plan_file = setup.plan_file();
    let saved = setup
        .succeed(&["plan", "--out", plan_file.to_str().unwrap()])
        .await;
    // The hint names the directory and the WeData it read (and would name the target).
    assert!(
        stderr(&saved).contains(&format!(
            "wedata-gitops apply {} --endpoint {} --plan {}",
            setup.project.display(),
            setup.emulator.endpoint(),
            plan_file.display()
        )),
        "{}",
        stderr(&saved)
    );
    let original = setup.read_plan();

    let mut other_project = original.clone();
    other_project["project_id"] = json!("999");
    setup.write_plan(&other_project);
    let errors = setup.refused(&[]).await;
    assert!(
        errors.contains("it was saved for project 999, this is project 1460947878944567296"),
        "{errors}"
    );

    let mut other_tool = original.clone();
    other_tool["tool_version"] = json!("0.0.1");
    other_tool["api_version"] = json!("2021-08-20");
    setup.write_plan(&other_tool);
    let errors = setup.refused(&[]).await;
    assert!(
        errors.contains("it was saved by wedata-gitops 0.0.1"),
        "{errors}"
    );
    assert!(
        errors.contains("it was saved for API version 2021-08-20"),
        "{errors}"
    );

    // Saved for a target, applied without one (and the other way round).
    setup
        .succeed(&[
            "plan",
            "--target",
            "dev",
            "--out",
            plan_file.to_str().unwrap(),
        ])
        .await;
    let errors = setup.refused(&[]).await;
    assert!(
        errors.contains("it was saved for target `dev`, this run uses no target"),
        "{errors}"
    );
    // The unchanged plan file applies.
    setup.write_plan(&original);
    let applied = setup
        .succeed(&[
            "apply",
            "--auto-approve",
            "--plan",
            plan_file.to_str().unwrap(),
        ])
        .await;
    assert!(
        stdout(&applied).contains("Apply: 1 succeeded"),
        "{}",
        stdout(&applied)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_ext_key_injected_into_the_cache_is_never_written() {
    let setup = Setup::new().await;
    setup.succeed(&["apply", "--auto-approve"]).await;
    // A plan fills the cache; .wedata is private and ignores itself.
    setup.succeed(&["plan"]).await;
    let local = setup.project.join(".wedata");
    let cache_files: Vec<PathBuf> = std::fs::read_dir(local.join("cache"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(cache_files.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&local), 0o700);
        assert_eq!(mode(&cache_files[0]), 0o600);
    }
    assert!(
        std::fs::read_to_string(local.join(".gitignore"))
            .unwrap()
            .contains('*')
    );

    // Inject an ext key into extract_orders' cached definition, recomputing the entry's digest
    // as a careful attacker would (a naive edit is discarded by the digest check).
    let extract = task_id_named(&setup.emulator, "extract_orders");
    let mut cache: Value =
        serde_json::from_str(&std::fs::read_to_string(&cache_files[0]).unwrap()).unwrap();
    let entry = &mut cache["tasks"][&extract];
    entry["task"]["Trigger"]["TriggerTaskConfiguration"]["TaskExtConfigurationList"]
        .as_array_mut()
        .unwrap()
        .push(json!({"ParamKey": "injected_key", "ParamValue": "evil"}));
    std::fs::write(&cache_files[0], serde_json::to_string(&cache).unwrap()).unwrap();
    setup.edit("orders/extract_orders.sh", "gzip -c", "gzip -9 -c");
    let naive = run(setup.command(&["apply", "--auto-approve"])).await;
    assert!(
        stderr(&naive).contains("did not match its digest"),
        "{}",
        stderr(&naive)
    );
    let injected = |setup: &Setup| {
        setup.emulator.with_store(|store| {
            store.projects[PROJECT_ID].trigger_tasks[&extract]
                .task
                .to_string()
                .contains("injected_key")
        })
    };
    assert!(!injected(&setup));

    // Now with the digest recomputed: apply reads the definition fresh before writing over it,
    // finds it is not what the cache said, drops the entry and stops before any write.
    assert!(
        stdout(&naive).contains("Apply: 1 succeeded"),
        "{}",
        stdout(&naive)
    );
    setup.succeed(&["plan"]).await;
    let mut cache: Value =
        serde_json::from_str(&std::fs::read_to_string(&cache_files[0]).unwrap()).unwrap();
    let entry = &mut cache["tasks"][&extract];
    entry["task"]["Trigger"]["TriggerTaskConfiguration"]["TaskExtConfigurationList"]
        .as_array_mut()
        .unwrap()
        .push(json!({"ParamKey": "injected_key", "ParamValue": "evil"}));
    // The digest is SHA-256 of (workflow_id, last_update_time, latest_version, task, code)
    // as JSON.
    let digest = {
        use sha2::Digest;
        let bytes = serde_json::to_vec(&(
            &entry["workflow_id"],
            &entry["last_update_time"],
            &entry["latest_version"],
            &entry["task"],
            &entry["code"],
        ))
        .unwrap();
        hex::encode(sha2::Sha256::digest(bytes))
    };
    entry["digest"] = json!(digest);
    std::fs::write(&cache_files[0], serde_json::to_string(&cache).unwrap()).unwrap();
    setup.edit("orders/extract_orders.sh", "gzip -9 -c", "gzip -8 -c");
    let writes = write_count(&setup.log);
    let refused = run(setup.command(&["apply", "--auto-approve"])).await;
    assert_eq!(refused.status.code(), Some(1), "{}", stdout(&refused));
    assert!(
        stderr(&refused).contains("error[plan::cache_mismatch]"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(write_count(&setup.log), writes);
    assert!(!injected(&setup));
    // The entry was dropped: the next apply reads fresh and writes only the declared change.
    let applied = setup.succeed(&["apply", "--auto-approve"]).await;
    assert!(
        stdout(&applied).contains("Apply: 1 succeeded"),
        "{}",
        stdout(&applied)
    );
    assert!(!injected(&setup));
}

#[tokio::test(flavor = "multi_thread")]
async fn pinned_ids_wedata_does_not_have_stop_the_plan_at_their_line() {
    let setup = Setup::new().await;
    setup.succeed(&["apply", "--auto-approve"]).await;
    setup.edit(
        "orders/extract_orders.yaml",
        "name: extract_orders",
        "name: extract_orders\nid: \"99999999999999999\"",
    );
    std::fs::write(
        setup.project.join("orders/elsewhere.yaml"),
        "kind: TriggerTask\nname: elsewhere\nworkflow: { id: not-a-uuid }\nbase: { task_type: Shell }\n",
    )
    .unwrap();
    setup.edit(
        "orders/clean_orders.yaml",
        "upstream: [extract_orders]",
        "upstream: [extract_orders, {id: \"88888888888888888\"}]",
    );
    let writes = write_count(&setup.log);
    let output = run(setup.command(&["apply", "--auto-approve"])).await;
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let errors = stderr(&output);
    for expected in [
        "the task `extract_orders` is pinned to id 99999999999999999, but the workflow `orders`",
        "--> orders/extract_orders.yaml:",
        "the task `elsewhere` names the workflow id not-a-uuid, which project 1460947878944567296 does not have",
        "--> orders/elsewhere.yaml:3:",
        "the upstream of `clean_orders` is pinned to task id 88888888888888888",
        "3 problems stop this plan: nothing was written to WeData",
    ] {
        assert!(
            errors.contains(expected),
            "{expected:?} missing from\n{errors}"
        );
    }
    assert_eq!(
        errors.matches("error[plan::pinned_id_missing]").count(),
        3,
        "{errors}"
    );
    assert_eq!(write_count(&setup.log), writes);
}
