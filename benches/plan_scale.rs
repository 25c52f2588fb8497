//! Plan and apply at scale against the emulator, printing ratios measured in the same run
//! (see docs/performance.md). Run with `cargo bench --bench plan_scale`.
//!
//! The emulator runs in this process with 20 ms of added latency per call (a network round
//! trip) and a raised rate limit (`RATE` per second per action, on both sides) to keep the run
//! short; the ratios divide by the bound that limit implies, so they hold at WeData's 20/s.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use wedata_gitops::api::types::GetTriggerTaskRequest;
use wedata_gitops::api::{Client, ClientConfig, Credentials, Secret};
use wedata_gitops::emulator::store::{Clock, Store};
use wedata_gitops::emulator::{self, EmulatorConfig, FaultPlan};

const PROJECT_ID: &str = "1460947878944567296";
const RATE: u32 = 200;
const TASKS_PER_WORKFLOW: usize = 200;

fn binary() -> &'static str {
    env!("CARGO_BIN_EXE_wedata-gitops")
}

/// Writes a project of `count` tasks (workflows of 200) and returns its folder.
fn write_project(root: &Path, count: usize) -> PathBuf {
    write_project_changing(root, count, 0)
}

/// A project of `count` tasks whose first `changed` tasks of `flow_000` declare
/// `max_retries: 3` where WeData (seeded by `seed_state`) has 2: `changed` updates. The first
/// ten tasks of a workflow are the upstreams of all its others.
fn write_project_changing(root: &Path, count: usize, changed: usize) -> PathBuf {
    let project = root.join(format!("project_{count}"));
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(
        project.join("wedata.yaml"),
        format!("project_id: \"{PROJECT_ID}\"\nregion: ap-guangzhou\n"),
    )
    .unwrap();
    std::fs::write(project.join("run.sh"), "#!/bin/bash\necho run\n").unwrap();
    let workflows = count.div_ceil(TASKS_PER_WORKFLOW);
    for workflow in 0..workflows {
        let mut text = format!("kind: TriggerWorkflow\nname: flow_{workflow:03}\n---\n");
        for index in 0..TASKS_PER_WORKFLOW.min(count - workflow * TASKS_PER_WORKFLOW) {
            let upstream = if index >= 10 {
                format!("  upstream: [task_{:03}]\n", index % 10)
            } else {
                String::new()
            };
            let retries = if workflow == 0 && index < changed {
                3
            } else {
                2
            };
            text.push_str(&format!(
                "kind: TriggerTask\nname: task_{index:03}\nworkflow: flow_{workflow:03}\nbase:\n  task_type: Shell\nconfiguration:\n  code_file: run.sh\nscheduler:\n  max_retries: {retries}\n{upstream}---\n"
            ));
        }
        std::fs::write(project.join(format!("flow_{workflow:03}.yaml")), text).unwrap();
    }
    project
}

/// An emulator state holding exactly what `project_N` declares, built through the store's own
/// actions (so it is what an apply would leave), saved to `state`.
fn seed_state(count: usize, state: &Path) {
    let mut store = Store::default();
    let clock = Clock::at(jiff::Timestamp::now());
    let workflows = count.div_ceil(TASKS_PER_WORKFLOW);
    for workflow in 0..workflows {
        let created = store
            .handle(
                "CreateTriggerWorkflow",
                &json!({"ProjectId": PROJECT_ID, "WorkflowName": format!("flow_{workflow:03}"), "ParentFolderPath": "/"}),
                &clock,
            )
            .unwrap();
        let workflow_id = created["Data"]["WorkflowId"].as_str().unwrap().to_owned();
        let mut ids = Vec::new();
        for index in 0..TASKS_PER_WORKFLOW.min(count - workflow * TASKS_PER_WORKFLOW) {
            let upstream: Vec<Value> = if index >= 10 {
                vec![json!({"TaskId": ids[index % 10]})]
            } else {
                Vec::new()
            };
            let created = store
                .handle(
                    "CreateTriggerTask",
                    &json!({
                        "ProjectId": PROJECT_ID,
                        "TriggerTaskBaseAttribute": {"TaskName": format!("task_{index:03}"), "TaskTypeId": "35", "WorkflowId": workflow_id},
                        "TriggerTaskConfiguration": {"CodeContent": "IyEvYmluL2Jhc2gKZWNobyBydW4K"},
                        "TriggerTaskSchedulerConfiguration": {"MaxRetryNumber": 2, "UpstreamDependencyConfigList": upstream}
                    }),
                    &clock,
                )
                .unwrap();
            let task_id = created["Data"]["TaskId"].as_str().unwrap().to_owned();
            store
                .handle(
                    "SubmitTriggerTask",
                    &json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "VersionRemark": "seed"}),
                    &clock,
                )
                .unwrap();
            ids.push(task_id);
        }
    }
    std::fs::write(state, serde_json::to_vec(&store).unwrap()).unwrap();
}

/// A legacy project of `count` periodic tasks pinned by id, and an emulator state holding
/// exactly those tasks (made through the store's 2025 actions), saved to `state`.
fn write_legacy_project(root: &Path, count: usize, state: &Path) -> PathBuf {
    let mut store = Store::default();
    let clock = Clock::at(jiff::Timestamp::now());
    let created = store
        .handle(
            "CreateWorkflow",
            &json!({"ProjectId": PROJECT_ID, "WorkflowName": "legacy_flow", "ParentFolderPath": "/"}),
            &clock,
        )
        .unwrap();
    let workflow_id = created["Data"]["WorkflowId"].as_str().unwrap().to_owned();
    let project = root.join(format!("legacy_{count}"));
    std::fs::create_dir_all(&project).unwrap();
    std::fs::write(
        project.join("wedata.yaml"),
        format!(
            "project_id: \"{PROJECT_ID}\"\nregion: ap-guangzhou\napi_version: \"2021-08-20\"\n"
        ),
    )
    .unwrap();
    let mut text = String::new();
    for index in 0..count {
        let created = store
            .handle(
                "CreateTask",
                &json!({
                    "ProjectId": PROJECT_ID,
                    "TaskBaseAttribute": {"TaskName": format!("task_{index:04}"), "TaskTypeId": "35", "WorkflowId": workflow_id},
                    "TaskConfiguration": {"CodeContent": "IyEvYmluL2Jhc2gKZWNobyBydW4K"},
                    "TaskSchedulerConfiguration": {"CycleType": "DAY_CYCLE", "MaxRetryNumber": 2}
                }),
                &clock,
            )
            .unwrap();
        let task_id = created["Data"]["TaskId"].as_str().unwrap().to_owned();
        store
            .handle(
                "SubmitTask",
                &json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "VersionRemark": "seed"}),
                &clock,
            )
            .unwrap();
        text.push_str(&format!(
            "kind: Task\nname: task_{index:04}\nid: \"{task_id}\"\nworkflow: legacy_flow\nbase:\n  task_type: Shell\nscheduler:\n  max_retries: 2\n---\n"
        ));
    }
    std::fs::write(project.join("tasks.yaml"), text).unwrap();
    std::fs::write(state, serde_json::to_vec(&store).unwrap()).unwrap();
    project
}

fn config(state: Option<PathBuf>, log: &Path, rate: u32, latency_ms: u64) -> EmulatorConfig {
    EmulatorConfig {
        state_file: state,
        log_file: Some(log.to_owned()),
        rate_limit_per_second: rate,
        faults: if latency_ms > 0 {
            FaultPlan::parse(&format!("*:latency={latency_ms}")).unwrap()
        } else {
            FaultPlan::default()
        },
        ..EmulatorConfig::default()
    }
}

fn tool(arguments: &[&str], project: &Path, endpoint: &str, rate: u32) -> Command {
    let mut command = Command::new(binary());
    command
        .args(arguments)
        .arg(project)
        .args(["--endpoint", endpoint, "--rate-limit", &rate.to_string()])
        .env("TENCENTCLOUD_SECRET_ID", emulator::TEST_SECRET_ID)
        .env("TENCENTCLOUD_SECRET_KEY", emulator::TEST_SECRET_KEY)
        .env("TENCENTCLOUD_REGION", "ap-guangzhou")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    command
}

/// Runs a command and returns its wall time and peak resident memory (VmHWM) in MiB.
fn measure(mut command: Command) -> (Duration, f64) {
    let started = Instant::now();
    let mut child = command.spawn().unwrap();
    let status_path = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0u64;
    loop {
        if let Ok(status) = std::fs::read_to_string(&status_path) {
            if let Some(line) = status.lines().find(|line| line.starts_with("VmHWM:")) {
                let kib: u64 = line
                    .split_whitespace()
                    .nth(1)
                    .and_then(|value| value.parse().ok())
                    .unwrap_or(0);
                peak_kib = peak_kib.max(kib);
            }
        }
        if let Some(status) = child.try_wait().unwrap() {
            assert!(
                status.success() || status.code() == Some(2),
                "command failed: {status:?}"
            );
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    (started.elapsed(), peak_kib as f64 / 1024.0)
}

fn calls(log: &Path) -> Vec<Value> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// The rate-limit bound of a set of calls: actions run in parallel, each at `rate` per second.
fn bound(calls: &[Value], rate: u32) -> Duration {
    let mut per_action: std::collections::HashMap<String, usize> = Default::default();
    for call in calls.iter().filter(|call| call["result"] == "ok") {
        *per_action
            .entry(call["action"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    let busiest = per_action.values().copied().max().unwrap_or(0);
    Duration::from_secs_f64(busiest as f64 / rate as f64)
}

/// One report line: the wall time against the rate-limit bound of the calls the log holds.
fn against_bound(what: &str, elapsed: Duration, log: &Path, target: f64) -> String {
    let logged = calls(log);
    let limit = bound(&logged, RATE);
    format!(
        "{what}: {:>6.2} s for {} calls; rate-limit bound {:.2} s; ratio {:.2} (target <= {target})",
        elapsed.as_secs_f64(),
        logged.len(),
        limit.as_secs_f64(),
        elapsed.as_secs_f64() / limit.as_secs_f64()
    )
}

/// Downstream impact lookups on a plan of 1,000 tasks with 10 changed: the ten tasks every
/// other task of `flow_000` depends on, so 190 tasks lie directly downstream of the changes.
/// Each mode runs with the definition cache warm and the lookup cache emptied (cold lookups),
/// then `auto` once more with the lookups cached.
fn impact_lookups(runtime: &tokio::runtime::Runtime, root: &Path, report: &mut Vec<String>) {
    let root = root.join("impact");
    let project = write_project_changing(&root, 1000, 10);
    let state = root.join("state.json");
    seed_state(1000, &state);
    let log = root.join("impact.jsonl");
    let running = runtime
        .block_on(emulator::start(config(Some(state), &log, RATE, 20)))
        .unwrap();
    let plan = |mode: &str| {
        tool(
            &["plan", "--detailed-exitcode", "--impact", mode],
            &project,
            &running.endpoint(),
            RATE,
        )
    };
    // Fill the definition cache: what is measured below is the lookups.
    measure(plan("off"));
    let forget_lookups = || {
        for entry in std::fs::read_dir(project.join(".wedata/cache")).unwrap() {
            let path = entry.unwrap().path();
            if path.to_string_lossy().ends_with(".impact.json") {
                std::fs::remove_file(path).unwrap();
            }
        }
    };
    // The same plan without lookups: what the impact adds is measured against it.
    let (baseline, _) = measure(plan("off"));
    for (mode, cached) in [
        ("direct", false),
        ("auto", false),
        ("all", false),
        ("auto", true),
    ] {
        if !cached {
            forget_lookups();
        }
        let before = calls(&log).len();
        let (elapsed, _) = measure(plan(mode));
        let (lookups, refused): (Vec<Value>, Vec<Value>) = calls(&log)
            .split_off(before)
            .into_iter()
            .filter(|call| call["action"] == "ListDownstreamTriggerTasks")
            .partition(|call| call["result"] == "ok");
        let limit = bound(&lookups, RATE);
        let extra = elapsed.saturating_sub(baseline);
        report.push(format!(
            "impact lookups, 1000 tasks, 10 changed, --impact {mode}{}: {} calls{}; {:.2} s, {:.2} s over --impact off ({:.2} s); rate-limit bound {:.2} s; ratio {}",
            if cached { " (lookups cached)" } else { "" },
            lookups.len(),
            if refused.is_empty() {
                String::new()
            } else {
                format!(" (and {} refused by the rate limit, retried)", refused.len())
            },
            elapsed.as_secs_f64(),
            extra.as_secs_f64(),
            baseline.as_secs_f64(),
            limit.as_secs_f64(),
            if lookups.is_empty() {
                "-".to_owned()
            } else {
                format!("{:.2}", extra.as_secs_f64() / limit.as_secs_f64())
            }
        ));
    }
    runtime.block_on(running.shutdown());
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let directory = tempfile::tempdir().unwrap();
    let root = directory.path();
    let mut report = Vec::new();
    // `cargo bench --bench plan_scale -- impact` runs only the impact lookups.
    if std::env::args()
        .skip(1)
        .any(|argument| argument == "impact")
    {
        impact_lookups(&runtime, root, &mut report);
        println!("\nplan_scale (emulator latency 20 ms, {RATE} requests/s per action):");
        for line in report {
            println!("  {line}");
        }
        return;
    }

    for count in [100usize, 1000, 5000] {
        let project = write_project(root, count);
        let state = root.join(format!("state_{count}.json"));
        seed_state(count, &state);
        let log = root.join(format!("cold_{count}.jsonl"));
        let running = runtime
            .block_on(emulator::start(config(Some(state), &log, RATE, 20)))
            .unwrap();
        let (elapsed, _) = measure(tool(
            &["plan", "--refresh", "full", "--detailed-exitcode"],
            &project,
            &running.endpoint(),
            RATE,
        ));
        report.push(against_bound(
            &format!("cold plan, {count:>5} tasks"),
            elapsed,
            &log,
            1.1,
        ));

        if count <= 1000 {
            // The naive reconciler: GetTriggerTask for every task, one at a time.
            let ids: Vec<String> = running.with_store(|store| {
                store.projects[PROJECT_ID]
                    .trigger_tasks
                    .keys()
                    .cloned()
                    .collect()
            });
            let mut client_config = ClientConfig::new(
                running.endpoint(),
                "ap-guangzhou",
                Credentials {
                    secret_id: emulator::TEST_SECRET_ID.to_owned(),
                    secret_key: Secret::new(emulator::TEST_SECRET_KEY),
                    token: None,
                },
            );
            client_config.requests_per_second = RATE;
            let client = Client::new(client_config).unwrap();
            let started = Instant::now();
            runtime.block_on(async {
                for id in &ids {
                    client
                        .send(&GetTriggerTaskRequest {
                            project_id: PROJECT_ID.to_owned(),
                            task_id: id.clone(),
                        })
                        .await
                        .unwrap();
                }
            });
            let naive = started.elapsed();
            report.push(format!(
                "naive one-by-one GetTriggerTask, {count:>5} tasks: {:>6.2} s; our cold plan is {:.1}x faster",
                naive.as_secs_f64(),
                naive.as_secs_f64() / elapsed.as_secs_f64()
            ));
        }

        if count == 1000 {
            // Warm: the cold plan filled the cache; nothing changed since.
            let warm_log = root.join("warm_1000.jsonl");
            let before = calls(&log).len();
            let (warm, _) = measure(tool(
                &["plan", "--detailed-exitcode"],
                &project,
                &running.endpoint(),
                RATE,
            ));
            let warm_calls = calls(&log).len() - before;
            let _ = warm_log;
            report.push(format!(
                "warm plan, no changes, 1000 tasks: {:.2} s (target <= 2 s), {warm_calls} API calls (target <= 10)",
                warm.as_secs_f64()
            ));
        }
        runtime.block_on(running.shutdown());
    }

    impact_lookups(&runtime, root, &mut report);

    // A legacy project: one DescribeTaskDetailDs per pinned task, nothing else to list.
    {
        let state = root.join("legacy_state_1000.json");
        let project = write_legacy_project(root, 1000, &state);
        let log = root.join("legacy_1000.jsonl");
        let running = runtime
            .block_on(emulator::start(config(Some(state), &log, RATE, 20)))
            .unwrap();
        let (elapsed, _) = measure(tool(
            &["plan", "--detailed-exitcode"],
            &project,
            &running.endpoint(),
            RATE,
        ));
        report.push(against_bound(
            "legacy plan, 1000 pinned tasks",
            elapsed,
            &log,
            1.1,
        ));
        runtime.block_on(running.shutdown());
    }

    // Apply of 1000 creates into an empty (in-memory) emulator.
    {
        let project = write_project(root, 1000);
        let _ = std::fs::remove_dir_all(project.join(".wedata"));
        let log = root.join("apply_1000.jsonl");
        let running = runtime
            .block_on(emulator::start(config(None, &log, RATE, 20)))
            .unwrap();
        let (elapsed, _) = measure(tool(
            &["apply", "--auto-approve", "--parallelism", "32"],
            &project,
            &running.endpoint(),
            RATE,
        ));
        report.push(against_bound("apply, 1000 creates", elapsed, &log, 1.15));
        runtime.block_on(running.shutdown());
    }

    // Peak memory of a plan over 10,000 tasks (no added latency, high limit: memory is the point).
    {
        let project = write_project(root, 10_000);
        let state = root.join("state_10000.json");
        seed_state(10_000, &state);
        let log = root.join("memory.jsonl");
        let running = runtime
            .block_on(emulator::start(config(Some(state), &log, 5000, 0)))
            .unwrap();
        let (elapsed, peak) = measure(tool(
            &["plan", "--refresh", "full", "--detailed-exitcode"],
            &project,
            &running.endpoint(),
            5000,
        ));
        report.push(format!(
            "plan over 10,000 tasks: peak RSS {peak:.0} MiB (target < 200 MiB), {:.2} s",
            elapsed.as_secs_f64()
        ));
        runtime.block_on(running.shutdown());
    }

    // Run polling: `run --wait` on a workflow of three tasks that end at different times, with
    // the default polling (no --poll-interval); reads of the run against the budget of one
    // read per task per 5 s of waiting.
    {
        let project = write_project(root, 3);
        let state = root.join("state_runs.json");
        seed_state(3, &state);
        let log = root.join("runs.jsonl");
        let mut emulator_config = config(Some(state), &log, RATE, 20);
        emulator_config.faults = FaultPlan::parse(
            "*:latency=20,run:duration=task_000@10,run:duration=task_001@16,run:duration=task_002@24",
        )
        .unwrap();
        // Emulated time twice as fast: the run takes about 12.5 real seconds.
        emulator_config.run_speed = 2.0;
        let running = runtime.block_on(emulator::start(emulator_config)).unwrap();
        let (elapsed, _) = measure(tool(
            &["run", "--workflow", "flow_000", "--wait"],
            &project,
            &running.endpoint(),
            RATE,
        ));
        let reads = calls(&log)
            .iter()
            .filter(|call| call["action"] == "GetTriggerWorkflowRun")
            .count();
        let tasks = 3.0;
        let budget = tasks * elapsed.as_secs_f64() / 5.0;
        report.push(format!(
            "run polling, 3 tasks, {:.1} s of waiting: {reads} reads of the run, {:.1} per minute; budget (1 per task per 5 s) {budget:.1}; ratio {:.2} (target <= 1)",
            elapsed.as_secs_f64(),
            reads as f64 * 60.0 / elapsed.as_secs_f64(),
            reads as f64 / budget
        ));
        runtime.block_on(running.shutdown());
    }

    println!("\nplan_scale (emulator latency 20 ms, {RATE} requests/s per action):");
    for line in report {
        println!("  {line}");
    }
}
