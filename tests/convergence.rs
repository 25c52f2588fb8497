//! apply converges under faults and interruptions: a generated DAG of tasks is applied with
//! the emulator injecting errors, rate-limit bursts and commit-then-drop on creates, and with
//! the apply process killed at random points; each time a later apply finishes the job with no
//! duplicate task and every upstream edge right.

mod common;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use common::*;
use wedata_gitops::emulator::{EmulatorConfig, FaultPlan, RunningEmulator};

/// A project of `count` tasks in one workflow; task n depends on up to two earlier tasks.
fn generate(root: &Path, count: usize) -> HashMap<String, Vec<String>> {
    std::fs::write(
        root.join("wedata.yaml"),
        format!("project_id: \"{PROJECT_ID}\"\nregion: ap-guangzhou\n"),
    )
    .unwrap();
    std::fs::write(
        root.join("workflow.yaml"),
        "kind: TriggerWorkflow\nname: dag\n",
    )
    .unwrap();
    let mut edges = HashMap::new();
    let mut manifests = String::new();
    for index in 0..count {
        let name = format!("task_{index:03}");
        let mut upstream = Vec::new();
        if index > 0 {
            upstream.push(format!("task_{:03}", (index * 7 + 3) % index));
        }
        if index > 5 {
            let second = format!("task_{:03}", index - 5);
            if !upstream.contains(&second) {
                upstream.push(second);
            }
        }
        manifests.push_str(&format!(
            "kind: TriggerTask\nname: {name}\nworkflow: dag\nbase:\n  task_type: Shell\nconfiguration:\n  code_file: run.sh\nscheduler:\n  upstream: [{}]\n---\n",
            upstream.join(", ")
        ));
        edges.insert(name, upstream);
    }
    std::fs::write(root.join("tasks.yaml"), manifests).unwrap();
    std::fs::write(root.join("run.sh"), "#!/bin/bash\necho run\n").unwrap();
    edges
}

/// No duplicate names, and each task's upstreams are exactly the declared ones.
fn assert_converged(emulator: &RunningEmulator, edges: &HashMap<String, Vec<String>>) {
    let tasks: Vec<(String, String, Vec<String>)> = emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .trigger_tasks
            .iter()
            .map(|(id, stored)| {
                let upstream = stored.task["TriggerTaskSchedulerConfiguration"]["UpstreamDependencyConfigList"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .iter()
                    .map(|item| item["TaskId"].as_str().unwrap().to_owned())
                    .collect();
                (id.clone(), stored.task["TriggerTaskBaseAttribute"]["TaskName"].as_str().unwrap().to_owned(), upstream)
            })
            .collect()
    });
    let names: HashSet<&String> = tasks.iter().map(|(_, name, _)| name).collect();
    assert_eq!(names.len(), tasks.len(), "duplicate task names");
    assert_eq!(tasks.len(), edges.len(), "missing or extra tasks");
    let name_of: HashMap<&String, &String> = tasks.iter().map(|(id, name, _)| (id, name)).collect();
    for (_, name, upstream) in &tasks {
        let mut actual: Vec<&String> = upstream.iter().map(|id| name_of[id]).collect();
        let mut expected: Vec<&String> = edges[name].iter().collect();
        actual.sort();
        expected.sort();
        assert_eq!(actual, expected, "upstreams of {name}");
    }
}

fn apply_command(root: &Path, endpoint: &str) -> assert_cmd::Command {
    let mut command = wedata_gitops();
    command
        .args(["apply", "--auto-approve", "--parallelism", "10"])
        .arg(root)
        .args(["--endpoint", endpoint, "--rate-limit", "100"]);
    command
}

#[tokio::test(flavor = "multi_thread")]
async fn a_200_task_dag_converges_within_three_applies_under_faults() {
    let directory = tempfile::tempdir().unwrap();
    let edges = generate(directory.path(), 200);
    let emulator = start_emulator(EmulatorConfig {
        rate_limit_per_second: 100,
        seed: 42,
        faults: FaultPlan::parse(
            "*:error=InternalError@0.1,ListTriggerTasks:burst=RequestLimitExceeded@2/15,SubmitTriggerTask:burst=RequestLimitExceeded@3/40,CreateTriggerTask:drop@0.2",
        )
        .unwrap(),
        ..EmulatorConfig::default()
    })
    .await;
    let mut converged = false;
    for _ in 0..3 {
        let output = run(apply_command(directory.path(), &emulator.endpoint())).await;
        if output.status.success() {
            converged = true;
            break;
        }
    }
    assert!(converged, "three applies did not converge");
    assert_converged(&emulator, &edges);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_apply_killed_at_any_point_is_finished_by_the_next_one() {
    let directory = tempfile::tempdir().unwrap();
    let edges = generate(directory.path(), 100);
    let emulator = start_emulator(EmulatorConfig {
        rate_limit_per_second: 100,
        ..EmulatorConfig::default()
    })
    .await;
    let binary = assert_cmd::cargo::cargo_bin("wedata-gitops");
    for delay in [40u64, 120, 250, 400] {
        let mut child = std::process::Command::new(&binary)
            // A short lease: each killed holder blocks the next apply for a second or two.
            .args([
                "apply",
                "--auto-approve",
                "--parallelism",
                "10",
                "--lock-lease",
                "1s",
            ])
            .arg(directory.path())
            .args(["--endpoint", &emulator.endpoint(), "--rate-limit", "100"])
            .env(
                "TENCENTCLOUD_SECRET_ID",
                wedata_gitops::emulator::TEST_SECRET_ID,
            )
            .env(
                "TENCENTCLOUD_SECRET_KEY",
                wedata_gitops::emulator::TEST_SECRET_KEY,
            )
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(delay)).await;
        // SIGKILL: no chance to clean up.
        let _ = child.kill();
        let _ = child.wait();
    }
    let finished = run(apply_command(directory.path(), &emulator.endpoint())).await;
    assert!(finished.status.success(), "{}", stdout(&finished));
    assert_converged(&emulator, &edges);
    let mut plan = wedata_gitops();
    plan.args(["plan", "--detailed-exitcode"])
        .arg(directory.path())
        .args(["--endpoint", &emulator.endpoint()]);
    assert_eq!(run(plan).await.status.code(), Some(0));
}

/// Ctrl-C (SIGINT) stops starting new work, lets calls in flight finish, prints the partial
/// result and exits 1; the next apply finishes the job.
#[tokio::test(flavor = "multi_thread")]
async fn an_interrupted_apply_reports_what_it_did_and_the_next_one_finishes() {
    let directory = tempfile::tempdir().unwrap();
    let edges = generate(directory.path(), 60);
    let emulator = start_emulator(EmulatorConfig {
        faults: FaultPlan::parse("*:latency=30").unwrap(),
        ..EmulatorConfig::default()
    })
    .await;
    let binary = assert_cmd::cargo::cargo_bin("wedata-gitops");
    let child = std::process::Command::new(&binary)
        .args(["apply", "--auto-approve", "--parallelism", "4"])
        .arg(directory.path())
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
    // Interrupt once writing has started (before it, Ctrl-C releases the lock and exits 130).
    while emulator.with_store(|store| {
        store
            .projects
            .get(PROJECT_ID)
            .is_none_or(|project| project.trigger_tasks.len() < 3)
    }) {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let _ = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let output = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
        .await
        .unwrap();
    let shown = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(output.status.code(), Some(1), "{shown}");
    assert!(shown.contains("not started"), "{shown}");
    assert!(shown.contains("Apply: "), "{shown}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("Interrupted"));

    let finished = run(apply_command(directory.path(), &emulator.endpoint())).await;
    assert!(finished.status.success(), "{}", stdout(&finished));
    assert_converged(&emulator, &edges);
}
