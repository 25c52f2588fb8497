//! history, diff, rollback and pull end to end: the real binary against the emulator, on a
//! copy of the examples in a Git repository, with console edits made through the API.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::*;
use serde_json::{Value, json};
use wedata_gitops::emulator::{EmulatorConfig, RunningEmulator};

struct Setup {
    emulator: RunningEmulator,
    _directory: tempfile::TempDir,
    project: PathBuf,
}

fn git(directory: &Path, arguments: &[&str]) -> String {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(directory)
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(arguments)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {arguments:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

impl Setup {
    /// The examples in a fresh Git repository, committed as "First deploy" and applied.
    async fn new() -> Self {
        Self::prepared(|_| {}).await
    }

    /// Like `new`, with the copy changed by `prepare` before the first commit.
    async fn prepared(prepare: impl FnOnce(&Path)) -> Self {
        let directory = tempfile::tempdir().unwrap();
        let project = directory.path().join("tasks");
        copy_examples(&project);
        prepare(&project);
        std::fs::write(project.join(".gitignore"), ".wedata/\n").unwrap();
        git(&project, &["init", "-q"]);
        git(&project, &["add", "-A"]);
        git(&project, &["commit", "-q", "-m", "First deploy"]);
        let setup = Self {
            emulator: start_emulator(EmulatorConfig::default()).await,
            _directory: directory,
            project,
        };
        setup.apply().await;
        setup
    }

    async fn cli(&self, arguments: &[&str]) -> Output {
        let mut command = wedata_gitops();
        command
            .args(arguments)
            .args(["--endpoint", &self.emulator.endpoint()]);
        run(command).await
    }

    /// `COMMAND DIR ARGUMENTS...`
    async fn on_project(&self, command: &str, arguments: &[&str]) -> Output {
        let project = self.project.display().to_string();
        let mut all = vec![command, project.as_str()];
        all.extend_from_slice(arguments);
        self.cli(&all).await
    }

    async fn apply(&self) {
        let output = self.on_project("apply", &["--auto-approve"]).await;
        assert_success(&output);
    }

    fn head(&self) -> String {
        git(&self.project, &["rev-parse", "--short", "HEAD"])
            .trim()
            .to_owned()
    }

    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.project.join(path)).unwrap()
    }

    fn edit(&self, path: &str, from: &str, to: &str) {
        let text = self.read(path);
        assert!(text.contains(from), "{from:?} not in {path}");
        std::fs::write(self.project.join(path), text.replacen(from, to, 1)).unwrap();
    }

    fn commit(&self, message: &str) {
        git(&self.project, &["commit", "-q", "-a", "-m", message]);
    }

    fn task_id(&self, name: &str) -> String {
        self.emulator.with_store(|store| {
            let project = &store.projects[PROJECT_ID];
            project
                .trigger_tasks
                .iter()
                .chain(&project.tasks)
                .find(|(_, stored)| {
                    stored.task["TriggerTaskBaseAttribute"]["TaskName"] == name
                        || stored.task["TaskBaseAttribute"]["TaskName"] == name
                })
                .map(|(id, _)| id.clone())
                .unwrap_or_else(|| panic!("no task named {name}"))
        })
    }

    /// An edit in the console: an update through the API (the members the update requires
    /// copied from the task), then a submit, as a person hot-fixing in WeData would.
    async fn console_edit(&self, name: &str, periodic: bool, task: Value) {
        let endpoint = self.emulator.endpoint();
        let task_id = self.task_id(name);
        let (get, update, submit, prefix) = if periodic {
            ("GetTask", "UpdateTask", "SubmitTask", "Task")
        } else {
            (
                "GetTriggerTask",
                "UpdateTriggerTask",
                "SubmitTriggerTask",
                "TriggerTask",
            )
        };
        let current = call(
            &endpoint,
            get,
            json!({"ProjectId": PROJECT_ID, "TaskId": task_id}),
        )
        .await;
        let base = &current["Data"][format!("{prefix}BaseAttribute")];
        let mut body = json!({
            "ProjectId": PROJECT_ID,
            "TaskId": task_id,
            "Task": {
                format!("{prefix}BaseAttribute"): {
                    "TaskName": base["TaskName"],
                    "OwnerUin": base["OwnerUin"],
                    "TaskDescription": base["TaskDescription"],
                },
                format!("{prefix}Configuration"): {},
                format!("{prefix}SchedulerConfiguration"): {},
            }
        });
        for (section, members) in task.as_object().unwrap() {
            let section = &mut body["Task"][format!("{prefix}{section}")];
            for (member, value) in members.as_object().unwrap() {
                section[member] = value.clone();
            }
        }
        call(&endpoint, update, body).await;
        call(
            &endpoint,
            submit,
            json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "VersionRemark": "console hot-fix"}),
        )
        .await;
    }
}

fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "{}\n{}",
        stdout(output),
        stderr(output)
    );
}

fn base64(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}

fn filters() -> Vec<(&'static str, &'static str)> {
    vec![
        (r"\b\d{17}\b", "[TASK_ID]"),
        (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", "[TIME]"),
        (r"index [0-9a-f]+\.\.[0-9a-f]+", "index [BLOBS]"),
        (r"\b\d{12}\b", "[UIN]"),
        (r"\b[0-9a-f]{7,12}\b", "[COMMIT]"),
    ]
}

/// Every comment line of every manifest under `root`, by file.
fn comments(root: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
    {
        if entry
            .path()
            .extension()
            .is_some_and(|extension| extension == "yaml")
        {
            for line in std::fs::read_to_string(entry.path()).unwrap().lines() {
                if line.contains('#') && line.trim_start().starts_with('#') {
                    found.push((entry.path().to_owned(), line.to_owned()));
                }
            }
        }
    }
    found
}

#[tokio::test(flavor = "multi_thread")]
async fn two_applies_show_both_commits_then_diff_and_rollback_bring_back_the_first_version() {
    let setup = Setup::new().await;
    let first = setup.head();
    let first_code = setup.read("orders/extract_orders.sh");
    setup.edit(
        "orders/extract_orders.yaml",
        "max_retries: 3",
        "max_retries: 5",
    );
    std::fs::write(
        setup.project.join("orders/extract_orders.sh"),
        format!("{first_code}echo \"second deploy\"\n"),
    )
    .unwrap();
    setup.commit("Raise retries on extract");
    setup.apply().await;
    let second = setup.head();
    let address = "task.orders.extract_orders";

    let history = setup.on_project("history", &[address]).await;
    assert_success(&history);
    let text = stdout(&history);
    assert!(text.contains(&first) && text.contains(&second), "{text}");
    assert!(text.contains("* V2"), "the newest is in production: {text}");
    insta::with_settings!({filters => filters()}, {
        insta::assert_snapshot!("history_text", text);
    });
    let json: Value = serde_json::from_str(&stdout(
        &setup
            .on_project("history", &[address, "--format", "json"])
            .await,
    ))
    .unwrap();
    assert_eq!(json["versions"][0]["commit"], json!(second));
    assert_eq!(json["versions"][0]["in_production"], true);
    assert_eq!(json["versions"][1]["commit"], json!(first));
    assert_eq!(
        json["versions"][1]["remark"],
        format!("{first} First deploy")
    );

    let diff = setup
        .on_project("diff", &[address, "--version", "V1"])
        .await;
    assert_success(&diff);
    let text = stdout(&diff);
    assert!(text.contains("scheduler.max_retries: 3 → 5"), "{text}");
    assert!(text.contains("+echo \"second deploy\""), "{text}");
    insta::with_settings!({filters => filters()}, {
        insta::assert_snapshot!("diff_v1_live", text);
    });
    let against_manifest = stdout(
        &setup
            .on_project(
                "diff",
                &[address, "--version", "1", "--against", "manifest"],
            )
            .await,
    );
    assert!(
        against_manifest.contains("V1 → manifest"),
        "{against_manifest}"
    );
    assert!(against_manifest.contains("scheduler.max_retries: 3 → 5"));
    let backwards = stdout(
        &setup
            .on_project("diff", &[address, "--version", "V2", "--against", "V1"])
            .await,
    );
    assert!(
        backwards.contains("scheduler.max_retries: 5 → 3"),
        "{backwards}"
    );
    let unknown = setup
        .on_project("diff", &[address, "--version", "V9"])
        .await;
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("has no version `V9`"),
        "{}",
        stderr(&unknown)
    );

    // --check shows and writes nothing.
    let check = setup
        .on_project("rollback", &[address, "--to", "V1", "--check"])
        .await;
    assert_eq!(check.status.code(), Some(2), "{}", stderr(&check));
    assert!(stdout(&check).contains("+  max_retries: 3"));
    assert_eq!(git(&setup.project, &["status", "--porcelain"]), "");

    // Uncommitted work on a file it would rewrite stops it, untouched.
    setup.edit(
        "orders/extract_orders.yaml",
        "scheduler:",
        "# my unfinished note\nscheduler:",
    );
    let refused = setup.on_project("rollback", &[address, "--to", "V1"]).await;
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("uncommitted changes"),
        "{}",
        stderr(&refused)
    );
    assert!(
        setup
            .read("orders/extract_orders.yaml")
            .contains("max_retries: 5")
    );
    git(&setup.project, &["checkout", "-q", "--", "."]);

    let rollback = setup.on_project("rollback", &[address, "--to", "V1"]).await;
    assert_success(&rollback);
    assert_eq!(setup.read("orders/extract_orders.sh"), first_code);
    let changed = git(&setup.project, &["diff", "--numstat"]);
    assert_eq!(
        changed, "0\t1\torders/extract_orders.sh\n1\t1\torders/extract_orders.yaml\n",
        "only the lines that differ move"
    );
    setup.commit("Roll extract back to V1");
    setup.apply().await;
    let code = call(
        &setup.emulator.endpoint(),
        "GetTriggerTaskCode",
        json!({"ProjectId": PROJECT_ID, "TaskId": setup.task_id("extract_orders")}),
    )
    .await;
    assert_eq!(
        code["Data"]["CodeInfo"],
        json!(base64(&first_code)),
        "the live code is V1's again"
    );
    let after = stdout(&setup.on_project("history", &[address]).await);
    assert!(
        after.contains("* V3") && after.contains("Roll extract back to V1"),
        "{after}"
    );
    let clean = setup
        .on_project("diff", &[address, "--version", "V1"])
        .await;
    assert!(stdout(&clean).contains("no differences between V1 and live"));
}

#[tokio::test(flavor = "multi_thread")]
async fn console_edits_pulled_back_give_a_clean_plan_and_a_git_diff_of_the_drifted_lines_only() {
    let setup = Setup::new().await;
    let comments_before = comments(&setup.project);
    let code = setup.read("orders/extract_orders.sh");
    setup
        .console_edit(
            "extract_orders",
            false,
            json!({
                "BaseAttribute": {"TaskDescription": "Pull orders: hot-fixed in the console"},
                "Configuration": {"CodeContent": base64(&code.replace("gzip -c", "gzip -1 -c"))},
                "SchedulerConfiguration": {"MaxRetryNumber": 6},
            }),
        )
        .await;
    setup
        .console_edit(
            "close_report",
            true,
            json!({
                "BaseAttribute": {"TaskDescription": "yes"},
                "SchedulerConfiguration": {
                    "CrontabExpression": "0 30 6 * * ? *",
                    "UpstreamDependencyConfigList": [{
                        "TaskId": setup.task_id("build_balances"),
                        "MainCyclicConfig": "DAY",
                        "SubordinateCyclicConfig": "CURRENT_DAY",
                        "DependencyStrategy": {
                            "PollingNullStrategy": "EXECUTING",
                            "TaskDependencyExecutingStrategies": ["PARENT_TIMEOUT"],
                            "TaskDependencyExecutingTimeoutValue": 45
                        }
                    }],
                },
            }),
        )
        .await;
    let drifted = setup.on_project("plan", &["--detailed-exitcode"]).await;
    assert_eq!(drifted.status.code(), Some(2), "{}", stdout(&drifted));

    let check = setup.on_project("pull", &["--check"]).await;
    assert_eq!(check.status.code(), Some(2), "{}", stderr(&check));
    assert_eq!(git(&setup.project, &["status", "--porcelain"]), "");

    let pull = setup.on_project("pull", &[]).await;
    assert_success(&pull);
    let plan = setup.on_project("plan", &["--detailed-exitcode"]).await;
    assert_eq!(plan.status.code(), Some(0), "{}", stdout(&plan));
    assert!(stdout(&plan).contains("No changes."));
    assert_eq!(
        comments(&setup.project),
        comments_before,
        "every comment stays"
    );
    let diff = git(&setup.project, &["diff"]);
    insta::with_settings!({filters => filters()}, {
        insta::assert_snapshot!("pull_git_diff", diff);
    });
    // A second pull finds nothing to do.
    let again = setup.on_project("pull", &["--check"]).await;
    assert_success(&again);
    assert!(
        stdout(&again).contains("already match"),
        "{}",
        stdout(&again)
    );

    // Rolling the periodic task back to the version the first commit deployed gives back
    // that commit's manifest, byte for byte.
    setup.commit("Pull the console hot-fixes");
    let rollback = setup
        .on_project(
            "rollback",
            &["task.finance_daily.close_report", "--to", "V1"],
        )
        .await;
    assert_success(&rollback);
    assert_eq!(
        git(
            &setup.project,
            &["diff", "HEAD~1", "--", "finance/close_report.yaml"]
        ),
        "",
        "{}",
        stdout(&rollback)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_legacy_project_pulls_console_edits_of_its_pinned_tasks() {
    let setup = Setup::new().await;
    let legacy = tempfile::tempdir().unwrap();
    let extract_id = setup.task_id("extract_ledger");
    std::fs::write(
        legacy.path().join("wedata.yaml"),
        format!("project_id: \"{PROJECT_ID}\"\napi_version: \"2021-08-20\"\n"),
    )
    .unwrap();
    let manifest = format!(
        "# Managed through the legacy API.\nkind: Task\nname: extract_ledger\nid: \"{extract_id}\"\nworkflow: finance_daily\nbase:\n  task_type: Shell\n  description: Pull the ledger  # shown in the console\nscheduler:\n  cycle_type: DAY_CYCLE\n  # Retries for a flaky bucket.\n  max_retries: 3\n  legacy:\n    delay_time: 90\n"
    );
    std::fs::write(legacy.path().join("extract_ledger.yaml"), &manifest).unwrap();
    git(legacy.path(), &["init", "-q"]);
    git(legacy.path(), &["add", "-A"]);
    git(legacy.path(), &["commit", "-q", "-m", "Pin extract_ledger"]);
    let directory = legacy.path().display().to_string();
    assert_success(&setup.cli(&["apply", &directory, "--auto-approve"]).await);
    setup
        .console_edit(
            "extract_ledger",
            true,
            json!({
                "BaseAttribute": {"TaskDescription": "Pull the ledger (console)"},
                "SchedulerConfiguration": {"MaxRetryNumber": 2},
            }),
        )
        .await;
    let pull = setup.cli(&["pull", &directory]).await;
    assert_success(&pull);
    let plan = setup
        .cli(&["plan", &directory, "--detailed-exitcode"])
        .await;
    assert_eq!(plan.status.code(), Some(0), "{}", stdout(&plan));
    assert_eq!(
        std::fs::read_to_string(legacy.path().join("extract_ledger.yaml")).unwrap(),
        manifest
            .replace(
                "description: Pull the ledger ",
                "description: Pull the ledger (console) "
            )
            .replace("max_retries: 3", "max_retries: 2")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn pull_leaves_variables_and_secrets_as_they_are_and_checks_git_before_writing() {
    let setup = Setup::prepared(|project| {
        let manifest = project.join("orders/extract_orders.yaml");
        let text = std::fs::read_to_string(&manifest).unwrap();
        std::fs::write(
            manifest,
            text.replace(
                "specLabel: small",
                "specLabel: small\n    db_password: hunter2",
            ),
        )
        .unwrap();
    })
    .await;
    setup
        .console_edit(
            "check_orders",
            false,
            json!({"Configuration": {"TaskSchedulingParameterList": [
                {"ParamKey": "alert_channel", "ParamValue": "#ops"}
            ]}}),
        )
        .await;
    setup
        .console_edit(
            "extract_orders",
            false,
            json!({"Configuration": {"TaskExtConfigurationList": [
                {"ParamKey": "specLabel", "ParamValue": "small"},
                {"ParamKey": "db_password", "ParamValue": "s3cret-from-console"}
            ]}}),
        )
        .await;
    setup
        .console_edit(
            "load_orders",
            false,
            json!({"SchedulerConfiguration": {"AllowRedoType": "ALL"}}),
        )
        .await;
    // A value from WeData that the manifest would read as a variable reference.
    setup
        .console_edit(
            "publish_orders_ready",
            false,
            json!({"BaseAttribute": {"TaskDescription": "notify ${var.alert_channel}"}}),
        )
        .await;

    // Uncommitted work on a file pull would rewrite stops it before any write.
    setup.edit("orders/load_orders.yaml", "scheduler:", "# wip\nscheduler:");
    let refused = setup.on_project("pull", &[]).await;
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused)
            .contains("uncommitted changes to files this would rewrite: orders/load_orders.yaml"),
        "{}",
        stderr(&refused)
    );
    git(&setup.project, &["checkout", "-q", "--", "."]);

    // Outside a Git repository it needs --force.
    let git_folder = setup.project.join(".git");
    let moved = setup.project.with_file_name("git-moved-away");
    std::fs::rename(&git_folder, &moved).unwrap();
    let outside = setup.on_project("pull", &[]).await;
    assert_eq!(outside.status.code(), Some(1));
    assert!(
        stderr(&outside).contains("not inside a Git repository"),
        "{}",
        stderr(&outside)
    );
    std::fs::rename(&moved, &git_folder).unwrap();

    let pull = setup.on_project("pull", &[]).await;
    assert_eq!(pull.status.code(), Some(1), "members are left as is");
    let shown = format!("{}{}", stdout(&pull), stderr(&pull));
    assert!(
        !shown.contains("s3cret-from-console") && !shown.contains("hunter2"),
        "{shown}"
    );
    assert!(
        shown.contains(
            "configuration.scheduling_parameters.alert_channel: depends on variable `alert_channel`"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("base.description: the new value holds `${var.`"),
        "{shown}"
    );
    assert!(
        shown.contains("configuration.ext.db_password: looks like a secret"),
        "{shown}"
    );
    assert!(
        setup
            .read("orders/quality_checks.yaml")
            .contains("alert_channel: \"${var.alert_channel}\"")
    );
    assert!(
        setup
            .read("orders/extract_orders.yaml")
            .contains("db_password: hunter2")
    );
    assert_eq!(
        git(&setup.project, &["diff", "--numstat"]),
        "1\t1\torders/load_orders.yaml\n",
        "only the member pull may write moved"
    );
    assert!(
        setup
            .read("orders/load_orders.yaml")
            .contains("allow_redo: ALL")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn pull_include_new_writes_console_tasks_inside_the_project_by_import_rules() {
    let setup = Setup::new().await;
    let endpoint = setup.emulator.endpoint();
    let workflow_id = setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .workflows
            .iter()
            .find(|(_, workflow)| workflow["WorkflowName"] == "orders")
            .map(|(id, _)| id.clone())
            .unwrap()
    });
    for name in ["backfill_orders", "../../evil \"x\" <b>"] {
        call(
            &endpoint,
            "CreateTriggerTask",
            json!({
                "ProjectId": PROJECT_ID,
                "TriggerTaskBaseAttribute": {"TaskName": name, "TaskTypeId": "35", "WorkflowId": workflow_id, "OwnerUin": "100028579801"},
                "TriggerTaskConfiguration": {"CodeContent": base64("echo backfill\n")},
                "TriggerTaskSchedulerConfiguration": {}
            }),
        )
        .await;
    }
    // A hostile value from WeData: quotes, a comment marker, a colon, a tab, an escape
    // sequence, a line break and 300 characters.
    let hostile = format!(
        "yes: \"quoted\" # not a comment\t\u{1b}[31m\nsecond line {}",
        "x".repeat(300)
    );
    setup
        .console_edit(
            "refresh_dashboard",
            false,
            json!({"BaseAttribute": {"TaskDescription": hostile}}),
        )
        .await;
    let without = setup.on_project("pull", &["--check"]).await;
    assert_eq!(without.status.code(), Some(2), "{}", stderr(&without));
    let shown = stdout(&without);
    assert!(shown.contains("task.orders.backfill_orders"), "{shown}");
    assert!(
        !shown.contains('\u{1b}'),
        "no escape sequence reaches the terminal"
    );

    let pull = setup.on_project("pull", &["--include-new"]).await;
    assert_success(&pull);
    let status = git(
        &setup.project,
        &["status", "--porcelain", "--untracked-files=all"],
    );
    let mut changed: Vec<&str> = status.lines().map(|line| &line[3..]).collect();
    changed.sort();
    assert_eq!(changed.len(), 5, "{status}");
    assert!(
        status.contains(" M marketing/tasks.yaml"),
        "the hostile description is written: {status}"
    );
    for file in changed
        .iter()
        .filter(|file| !file.starts_with("marketing/"))
    {
        assert!(
            file.starts_with("orders/") && !file[7..].contains('/'),
            "new files stay in the workflow's folder: {file}"
        );
    }
    assert!(
        setup
            .read("orders/backfill_orders.yaml")
            .contains("workflow: orders")
    );
    let plan = setup.on_project("plan", &["--format", "json"]).await;
    assert_success(&plan);
    let plan: Value = serde_json::from_str(&stdout(&plan)).unwrap();
    assert_eq!(plan["unmanaged"], json!([]));
    let dashboard = plan["resources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|resource| resource["address"] == "task.marketing.refresh_dashboard")
        .unwrap();
    assert_eq!(dashboard["action"], "no_op", "{dashboard}");
}

#[tokio::test(flavor = "multi_thread")]
async fn legacy_projects_say_what_the_legacy_api_cannot_support() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(
        directory.path().join("wedata.yaml"),
        format!("project_id: \"{PROJECT_ID}\"\napi_version: \"2021-08-20\"\n"),
    )
    .unwrap();
    std::fs::write(
        directory.path().join("extract.yaml"),
        "kind: Task\nname: extract\nid: \"20240307211852581\"\nworkflow: finance\nbase: { task_type: Shell }\n",
    )
    .unwrap();
    let project = directory.path().display().to_string();
    for arguments in [
        vec!["history", &project, "task.finance.extract"],
        vec!["diff", &project, "task.finance.extract", "--version", "V1"],
        vec!["rollback", &project, "task.finance.extract", "--to", "V1"],
    ] {
        let mut command = wedata_gitops();
        // No endpoint and no emulator: the refusal comes before any call.
        command
            .args(&arguments)
            .args(["--endpoint", "http://127.0.0.1:9"]);
        let output = run(command).await;
        assert_eq!(output.status.code(), Some(1), "{arguments:?}");
        let error = stderr(&output);
        assert!(
            error.contains(&format!(
                "`{}` is not available for a project on the legacy API (2021-08-20)",
                arguments[0]
            )) && error.contains("keeps no version list"),
            "{error}"
        );
    }
    let mut command = wedata_gitops();
    command
        .args(["pull", &project, "--include-new"])
        .args(["--endpoint", "http://127.0.0.1:9"]);
    let output = run(command).await;
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("--include-new is not available for a project on the legacy API"),
        "{}",
        stderr(&output)
    );
}
