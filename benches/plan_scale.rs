//! Plan and apply at scale against the emulator, printing ratios measured in the same run
//! (see docs/performance.md). Run with `cargo bench --bench plan_scale`.
//!
//! Every line has one shape: what was measured, the figure, the bound the API's rate limit
//! sets for it (or the goal, where the limit sets none), their ratio, the goal for the ratio
//! and whether it was met ([`ratio_line`]).
//!
//! Most runs use an in-process emulator with 20 ms of added latency per call (a network round
//! trip) and a raised rate limit (`RATE` per second per action, on both sides) to keep the run
//! short; the ratios divide by the bound that limit implies, so they hold at WeData's 20/s.
//! The runs about wasted calls and one-change applies use WeData's real `WEDATA_RATE`.

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
/// WeData's own limit, per second per action.
const WEDATA_RATE: u32 = 20;
const TASKS_PER_WORKFLOW: usize = 200;
/// What a list answers per page (live::PAGE_SIZE).
const PAGE_SIZE: usize = 200;

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

/// One report line. `measured` and `bound` are shown as given; `ratio` is checked against
/// `goal` (the largest ratio that meets it).
fn ratio_line(what: &str, measured: &str, bound: &str, ratio: f64, goal: f64) -> String {
    let verdict = if ratio <= goal + 1e-9 { "ok" } else { "MISSED" };
    format!("{what}: {measured}; bound {bound}; ratio {ratio:.2} (goal <= {goal:.2}) {verdict}")
}

/// One report line: the wall time against the rate-limit bound of the calls the log holds.
fn against_bound(what: &str, elapsed: Duration, log: &Path, target: f64) -> String {
    let logged = calls(log);
    let limit = bound(&logged, RATE);
    ratio_line(
        what,
        &format!("{:.2} s for {} calls", elapsed.as_secs_f64(), logged.len()),
        &format!("{:.2} s (rate limit)", limit.as_secs_f64()),
        elapsed.as_secs_f64() / limit.as_secs_f64(),
        target,
    )
}

/// How many logged calls were answered RequestLimitExceeded.
fn rejected(logged: &[Value]) -> usize {
    logged
        .iter()
        .filter(|call| call["result"] == "RequestLimitExceeded")
        .count()
}

/// How many logged calls were of `action`, rejected ones included.
fn count_of(logged: &[Value], action: &str) -> usize {
    logged
        .iter()
        .filter(|call| call["action"] == action)
        .count()
}

/// The list pages a plan of `count` tasks (in workflows of 200) needs: the workflow list, then
/// each workflow's task list.
fn list_pages(count: usize) -> usize {
    let workflows = count.div_ceil(TASKS_PER_WORKFLOW);
    let mut pages = workflows.div_ceil(PAGE_SIZE);
    for workflow in 0..workflows {
        let tasks = TASKS_PER_WORKFLOW.min(count - workflow * TASKS_PER_WORKFLOW);
        pages += tasks.div_ceil(PAGE_SIZE).max(1);
    }
    pages
}

/// A cold plan of one 300-task workflow at WeData's own 20/s (the case the issue measured:
/// 319 GetTriggerTask calls for 300 tasks, 19 of them rejected). Every declared task is read
/// once, and nothing is rejected.
fn cold_plan_at_wedata_rate(
    runtime: &tokio::runtime::Runtime,
    root: &Path,
    report: &mut Vec<String>,
) {
    let count = 300;
    let project = write_project(root, count);
    let state = root.join(format!("state_{count}.json"));
    seed_state(count, &state);
    let log = root.join(format!("cold_{count}_at_20.jsonl"));
    let running = runtime
        .block_on(emulator::start(config(Some(state), &log, WEDATA_RATE, 20)))
        .unwrap();
    let (elapsed, _) = measure(tool(
        &["plan", "--refresh", "full", "--detailed-exitcode"],
        &project,
        &running.endpoint(),
        WEDATA_RATE,
    ));
    runtime.block_on(running.shutdown());
    let logged = calls(&log);
    let reads = count_of(&logged, "GetTriggerTask") + count_of(&logged, "GetTriggerTaskCode");
    report.push(ratio_line(
        "cold plan at 20/s, 300 tasks: definition reads per declared task",
        &format!(
            "{reads} reads for {count} tasks ({} rejected; {} list and workflow calls besides)",
            rejected(&logged),
            logged.len() - reads
        ),
        "1 read per task",
        reads as f64 / count as f64,
        1.0,
    ));
    let bound = bound(&logged, WEDATA_RATE);
    report.push(ratio_line(
        "cold plan at 20/s, 300 tasks: time",
        &format!("{:.2} s", elapsed.as_secs_f64()),
        &format!("{:.2} s (rate limit)", bound.as_secs_f64()),
        elapsed.as_secs_f64() / bound.as_secs_f64(),
        1.1,
    ));
}

/// `apply` of one changed task in a 10,000-task project, at WeData's 20/s, on a runner that
/// restored `.wedata/cache` saved by another one (another checkout directory, the emulator on
/// another port): the list pages, one fresh read of the changed task (approve re-reads what it
/// writes over), the update and submit, and the read-back of the submitted version.
/// `project` holds the saved cache; `state` the live state it was read from.
fn one_change_apply_with_restored_cache(
    runtime: &tokio::runtime::Runtime,
    root: &Path,
    project: &Path,
    state: &Path,
    report: &mut Vec<String>,
) {
    let count = 10_000;
    let checkout = root.join("runner_2/checkout");
    std::fs::create_dir_all(&checkout).unwrap();
    for entry in std::fs::read_dir(project).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), checkout.join(entry.file_name())).unwrap();
        }
    }
    let restored = checkout.join(".wedata/cache");
    std::fs::create_dir_all(&restored).unwrap();
    for entry in std::fs::read_dir(project.join(".wedata/cache")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), restored.join(entry.file_name())).unwrap();
    }
    // The one change: task_000 of flow_000 retries three times instead of two.
    let manifest = checkout.join("flow_000.yaml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text.replacen("max_retries: 2", "max_retries: 3", 1),
    )
    .unwrap();

    let live_state = root.join("state_10000_apply.json");
    std::fs::copy(state, &live_state).unwrap();
    let log = root.join("apply_one_of_10000.jsonl");
    let running = runtime
        .block_on(emulator::start(config(
            Some(live_state),
            &log,
            WEDATA_RATE,
            20,
        )))
        .unwrap();
    let (elapsed, peak) = measure(tool(
        &["apply", "--auto-approve"],
        &checkout,
        &running.endpoint(),
        WEDATA_RATE,
    ));
    runtime.block_on(running.shutdown());

    let logged = calls(&log);
    let pages = list_pages(count);
    let listed = count_of(&logged, "ListTriggerWorkflows") + count_of(&logged, "ListTriggerTasks");
    let fresh = count_of(&logged, "GetTriggerTask") + count_of(&logged, "GetTriggerTaskCode");
    let writes = logged.iter().filter(|call| call["write"] == true).count();
    let read_back = count_of(&logged, "GetTriggerTaskVersion");
    let other = logged.len() - listed - fresh - writes - read_back;
    let mut others: std::collections::BTreeMap<&str, usize> = Default::default();
    for call in &logged {
        let action = call["action"].as_str().unwrap_or_default();
        let counted = [
            "ListTriggerWorkflows",
            "ListTriggerTasks",
            "GetTriggerTask",
            "GetTriggerTaskCode",
            "GetTriggerTaskVersion",
        ];
        if call["write"] != true && !counted.contains(&action) {
            *others.entry(action).or_default() += 1;
        }
    }
    let others: Vec<String> = others
        .iter()
        .map(|(action, count)| format!("{action} {count}"))
        .collect();
    // The bound: every list page, one fresh read, update + submit, one read-back; the
    // deployment lock (stage I: its folder created on first use, the record written, two
    // listings, a read of the record, its delete); and the review's downstream lookups at the
    // default --impact auto (stage J: the changed task_000, then the 19 tasks that depend on it).
    let lock = 6;
    let lookups = 1 + 19;
    let expected = pages + 1 + 2 + 1 + lock + lookups;
    let what = "apply of 1 changed task in 10,000, restored cache, 20/s";
    report.push(ratio_line(
        &format!("{what}: calls"),
        &format!(
            "{} calls ({listed} list pages, {fresh} fresh reads, {writes} writes, {read_back} read-backs, {other} other: {}; {} rejected)",
            logged.len(),
            others.join(", "),
            rejected(&logged)
        ),
        &format!(
            "{expected} ({pages} list pages + 1 fresh read + 2 writes + 1 read-back + {lock} lock calls + {lookups} impact lookups)"
        ),
        logged.len() as f64 / expected as f64,
        1.0,
    ));
    let limit = bound(&logged, WEDATA_RATE);
    report.push(ratio_line(
        &format!("{what}: time"),
        &format!("{:.2} s (peak RSS {peak:.0} MiB)", elapsed.as_secs_f64()),
        &format!(
            "10 s, the goal (the rate limit alone needs {:.2} s)",
            limit.as_secs_f64()
        ),
        elapsed.as_secs_f64() / 10.0,
        1.0,
    ));
}

/// Rejected calls over every run of this bench (every `*.jsonl` log under `root`, the lines
/// other stages add included): a client that has the account to itself wastes none.
fn rejected_calls(root: &Path) -> String {
    let mut total = 0;
    let mut rejected_total = 0;
    let mut logs: Vec<PathBuf> = walk_logs(root);
    logs.sort();
    let mut worst = Vec::new();
    for log in &logs {
        let logged = calls(log);
        total += logged.len();
        let rejected_here = rejected(&logged);
        rejected_total += rejected_here;
        if rejected_here > 0 {
            worst.push(format!(
                "{}: {rejected_here}",
                log.file_stem().unwrap().to_string_lossy()
            ));
        }
    }
    ratio_line(
        "rejected calls (RequestLimitExceeded), every run of this bench",
        &format!(
            "{rejected_total} of {total} calls in {} runs{}",
            logs.len(),
            if worst.is_empty() {
                String::new()
            } else {
                format!(" ({})", worst.join(", "))
            }
        ),
        "0",
        rejected_total as f64 / total.max(1) as f64,
        0.0,
    )
}

fn walk_logs(directory: &Path) -> Vec<PathBuf> {
    let mut logs = Vec::new();
    for entry in std::fs::read_dir(directory).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            logs.extend(walk_logs(&path));
        } else if path
            .extension()
            .is_some_and(|extension| extension == "jsonl")
        {
            logs.push(path);
        }
    }
    logs
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
        // The previous plan's last calls are still in the server's window, and this new
        // process cannot know of them: let the window pass, as between two CI jobs.
        std::thread::sleep(Duration::from_millis(1100));
        let before = calls(&log).len();
        let (elapsed, _) = measure(plan(mode));
        let (lookups, refused): (Vec<Value>, Vec<Value>) = calls(&log)
            .split_off(before)
            .into_iter()
            .filter(|call| call["action"] == "ListDownstreamTriggerTasks")
            .partition(|call| call["result"] == "ok");
        let extra = elapsed.saturating_sub(baseline);
        let what = format!(
            "impact lookups, 1000 tasks, 10 changed, --impact {mode}{}",
            if cached { " (lookups cached)" } else { "" }
        );
        let measured = format!(
            "{} calls ({} rejected), {:.2} s over --impact off ({:.2} s)",
            lookups.len(),
            refused.len(),
            extra.as_secs_f64(),
            baseline.as_secs_f64()
        );
        if lookups.is_empty() {
            // Cached: no lookups at all, so the bound is the time of the plan without them.
            report.push(ratio_line(
                &what,
                &measured,
                &format!("{:.2} s (--impact off)", baseline.as_secs_f64()),
                elapsed.as_secs_f64() / baseline.as_secs_f64(),
                1.5,
            ));
        } else {
            // The lookups of one level go out together and a level waits for the one before:
            // the rate-limit time of the calls plus one round trip (20 ms) per level.
            let levels = if mode == "direct" { 1.0 } else { 2.0 };
            let limit = bound(&lookups, RATE).as_secs_f64() + 0.02 * levels;
            report.push(ratio_line(
                &what,
                &measured,
                &format!("{limit:.2} s (rate limit + a round trip per level)"),
                extra.as_secs_f64() / limit,
                1.5,
            ));
        }
    }
    runtime.block_on(running.shutdown());
}

/// Peak memory of a plan over 10,000 tasks (no added latency, high limit: memory is the
/// point), then the apply of one change in it on another runner with the cache restored.
fn ten_thousand_tasks(runtime: &tokio::runtime::Runtime, root: &Path, report: &mut Vec<String>) {
    let project = write_project(root, 10_000);
    let state = root.join("state_10000.json");
    seed_state(10_000, &state);
    let log = root.join("memory.jsonl");
    let running = runtime
        .block_on(emulator::start(config(Some(state.clone()), &log, 5000, 0)))
        .unwrap();
    let (elapsed, peak) = measure(tool(
        &["plan", "--refresh", "full", "--detailed-exitcode"],
        &project,
        &running.endpoint(),
        5000,
    ));
    // The goal is 200 MB (decimal); VmHWM is in KiB.
    let goal_mib = 200e6 / (1024.0 * 1024.0);
    report.push(ratio_line(
        "plan over 10,000 tasks: peak RSS",
        &format!(
            "{peak:.0} MiB ({:.0} MB) in {:.2} s",
            peak * 1.048576,
            elapsed.as_secs_f64()
        ),
        &format!("200 MB ({goal_mib:.0} MiB), the goal"),
        peak / goal_mib,
        1.0,
    ));
    runtime.block_on(running.shutdown());
    // That plan saved its cache: another runner restores it and applies one change.
    one_change_apply_with_restored_cache(runtime, root, &project, &state, report);
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let directory = tempfile::tempdir().unwrap();
    let root = directory.path();
    let mut report = Vec::new();

    // `cargo bench --bench plan_scale -- impact` runs only the impact lookups, `-- 10000`
    // only the 10,000-task plan and apply.
    let only = |name: &str| std::env::args().skip(1).any(|argument| argument == name);
    if only("impact") || only("10000") {
        if only("impact") {
            impact_lookups(&runtime, root, &mut report);
        }
        if only("10000") {
            ten_thousand_tasks(&runtime, root, &mut report);
        }
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
            // The plan's last calls are still in the server's window, and this new client
            // cannot know of them: let the window pass, as another run on the account would.
            std::thread::sleep(Duration::from_millis(1100));
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
            let before = calls(&log).len();
            let (warm, _) = measure(tool(
                &["plan", "--detailed-exitcode"],
                &project,
                &running.endpoint(),
                RATE,
            ));
            let warm_calls = calls(&log).len() - before;
            let pages = list_pages(count);
            report.push(ratio_line(
                "warm plan, no changes, 1000 tasks: calls",
                &format!("{warm_calls} calls in {:.2} s", warm.as_secs_f64()),
                &format!("{pages} (the list pages)"),
                warm_calls as f64 / pages as f64,
                1.0,
            ));
        }
        runtime.block_on(running.shutdown());
    }

    cold_plan_at_wedata_rate(&runtime, root, &mut report);

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

    ten_thousand_tasks(&runtime, root, &mut report);

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
        report.push(ratio_line(
            "run polling, 3 tasks: reads of the run",
            &format!(
                "{reads} reads in {:.1} s of waiting ({:.1} per minute)",
                elapsed.as_secs_f64(),
                reads as f64 * 60.0 / elapsed.as_secs_f64()
            ),
            &format!("{budget:.1} (1 read per task per 5 s)"),
            reads as f64 / budget,
            1.0,
        ));
        runtime.block_on(running.shutdown());
    }

    report.push(rejected_calls(root));

    println!(
        "\nplan_scale (emulator latency 20 ms, {RATE} requests/s per action unless a line says 20/s):"
    );
    for line in report {
        println!("  {line}");
    }
}
