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

// ----- hostile names and containment (issue I, part 3) -----

/// A submitted workflow made through the API as a console user would: its id and its tasks'
/// ids by name. Each task `(name, upstream names)` is a Shell task with code; periodic ones
/// run daily.
async fn create_workflow(
    endpoint: &str,
    periodic: bool,
    name: &str,
    tasks: &[(&str, &[&str])],
) -> (String, std::collections::HashMap<String, String>) {
    let (create_workflow, create_task, base, configuration, scheduler) = if periodic {
        (
            "CreateWorkflow",
            "CreateTask",
            "TaskBaseAttribute",
            "TaskConfiguration",
            "TaskSchedulerConfiguration",
        )
    } else {
        (
            "CreateTriggerWorkflow",
            "CreateTriggerTask",
            "TriggerTaskBaseAttribute",
            "TriggerTaskConfiguration",
            "TriggerTaskSchedulerConfiguration",
        )
    };
    let workflow_id = call(
        endpoint,
        create_workflow,
        json!({"ProjectId": PROJECT_ID, "WorkflowName": name, "ParentFolderPath": "/"}),
    )
    .await["Data"]["WorkflowId"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut ids = std::collections::HashMap::new();
    for (task_name, upstream) in tasks {
        let mut schedule = if periodic {
            json!({"CycleType": "DAY_CYCLE"})
        } else {
            json!({})
        };
        if !upstream.is_empty() {
            let list: Vec<Value> = upstream
                .iter()
                .map(|upstream| {
                    if periodic {
                        json!({"TaskId": ids[*upstream], "MainCyclicConfig": "DAY", "SubordinateCyclicConfig": "CURRENT_DAY"})
                    } else {
                        json!({"TaskId": ids[*upstream]})
                    }
                })
                .collect();
            schedule["UpstreamDependencyConfigList"] = json!(list);
        }
        let body = json!({
            "ProjectId": PROJECT_ID,
            base: {"TaskName": task_name, "TaskTypeId": "35", "WorkflowId": workflow_id},
            // "echo 1"
            configuration: {"CodeContent": "ZWNobyAx"},
            scheduler: schedule,
        });
        let task_id = call(endpoint, create_task, body).await["Data"]["TaskId"]
            .as_str()
            .unwrap()
            .to_owned();
        let submit = if periodic {
            "SubmitTask"
        } else {
            "SubmitTriggerTask"
        };
        call(
            endpoint,
            submit,
            json!({"ProjectId": PROJECT_ID, "TaskId": task_id, "VersionRemark": "made by hand"}),
        )
        .await;
        ids.insert((*task_name).to_owned(), task_id);
    }
    (workflow_id, ids)
}

/// Every entry under `root` (links not followed) with its text, "<folder>" or "<link>".
fn snapshot(root: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .map(|entry| {
            let relative = entry
                .path()
                .strip_prefix(root)
                .unwrap()
                .display()
                .to_string();
            let text = if entry.path_is_symlink() {
                "<link>".to_owned()
            } else if entry.file_type().is_dir() {
                "<folder>".to_owned()
            } else {
                std::fs::read_to_string(entry.path()).unwrap()
            };
            (relative, text)
        })
        .collect()
}

async fn import_with(endpoint: &str, arguments: &[&str], out: &Path) -> std::process::Output {
    let mut command = wedata_gitops();
    command
        .arg("import")
        .args(arguments)
        .args(["--project-id", PROJECT_ID, "--out"])
        .arg(out)
        .args(["--endpoint", endpoint]);
    run(command).await
}

/// Task names that sanitize alike (`a/b/c`, `a?b?c`, `a_b_c`; `daily report`, `daily_report`),
/// differ only in case or Unicode normalization, are hidden, reserved, 300 characters long or
/// full of what YAML and the manifest loader treat specially: each gets its own visible file,
/// every manifest keeps the real name, upstreams by hostile names resolve, and plan on the
/// imported tree is clean. A second import of the same live state writes the same files.
#[tokio::test(flavor = "multi_thread")]
async fn names_that_sanitize_alike_get_distinct_files_and_plan_clean() {
    // Set up faster than WeData's 20 requests/s; the binary keeps to its own limit.
    let emulator = start_emulator(EmulatorConfig {
        rate_limit_per_second: 1_000,
        ..EmulatorConfig::default()
    })
    .await;
    let endpoint = emulator.endpoint();
    let long_chinese = "数".repeat(300);
    let long_ascii = "x".repeat(300);
    let trigger_names: Vec<&str> = vec![
        "a/b/c",
        "a?b?c",
        "a_b_c",
        "daily report",
        "daily_report",
        "Foo",
        "foo",
        "\u{e9}t\u{e9}",
        "e\u{301}te\u{301}",
        "workflow",
        "CON",
        "nul.txt",
        "..",
        ".env",
        "-rf",
        &long_chinese,
        &long_ascii,
        "it's \"quoted\"",
        "# not a comment",
        "key: value",
        "- dash",
        "${var.secret}",
        "tab\there",
        "new\nline",
        "null",
        "<b>html</b>",
        "\u{1b}[31mred",
        "nul\u{0}byte",
        "back\\slash",
        " lead and trail ",
        "\u{202e}txt.exe",
    ];
    let mut trigger_tasks: Vec<(&str, &[&str])> =
        trigger_names.iter().map(|name| (*name, &[][..])).collect();
    // Upstreams by hostile names.
    trigger_tasks.push(("downstream", &["a/b/c", "${var.secret}", "new\nline"]));
    let (_, trigger_ids) =
        create_workflow(&endpoint, false, ".hidden/../flow", &trigger_tasks).await;
    let periodic_names = ["Foo", "foo", "a b", "a_b"];
    let periodic_tasks: Vec<(&str, &[&str])> =
        periodic_names.iter().map(|name| (*name, &[][..])).collect();
    create_workflow(&endpoint, true, "..", &periodic_tasks).await;

    let directory = tempfile::tempdir().unwrap();
    let out = directory.path();
    for workflow in [".hidden/../flow", ".."] {
        let output = import_with(&endpoint, &["--workflow", workflow], out).await;
        assert!(output.status.success(), "{workflow}: {}", stderr(&output));
    }
    let trigger_folder = out.join("_hidden_.._flow");
    let periodic_folder = out.join("__");
    assert!(trigger_folder.join("workflow.yaml").is_file());
    assert!(periodic_folder.join("workflow.yaml").is_file());
    for (path, _) in snapshot(out) {
        for part in Path::new(&path).iter() {
            let part = part.to_string_lossy();
            assert!(!part.starts_with('.'), "hidden: {path}");
            assert!(part.len() <= 130, "over-long: {path}");
            assert!(part.chars().all(|c| !c.is_control()), "control: {path:?}");
        }
    }
    // One manifest and one code file per task, plus workflow.yaml.
    let count = |folder: &Path, extension: &str| {
        std::fs::read_dir(folder)
            .unwrap()
            .filter(|entry| {
                entry
                    .as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(extension)
            })
            .count()
    };
    assert_eq!(count(&trigger_folder, ".yaml"), trigger_tasks.len() + 1);
    assert_eq!(count(&trigger_folder, ".sh"), trigger_tasks.len());
    assert_eq!(count(&periodic_folder, ".yaml"), periodic_names.len() + 1);
    // The name that needs no sanitizing keeps its file; the others get their TaskId.
    let manifest = |name: &str| std::fs::read_to_string(trigger_folder.join(name)).unwrap();
    assert!(manifest("a_b_c.yaml").contains("name: a_b_c\n"));
    assert!(manifest(&format!("a_b_c-{}.yaml", trigger_ids["a/b/c"])).contains("name: a/b/c\n"));
    assert!(manifest(&format!("a_b_c-{}.yaml", trigger_ids["a?b?c"])).contains("a?b?c"));
    assert!(
        manifest(&format!("workflow-{}.yaml", trigger_ids["workflow"]))
            .contains("name: workflow\n")
    );
    assert!(manifest("_CON.yaml").contains("name: CON\n"));
    // Written escaped, so the loader does not substitute it as a variable.
    let escaped = manifest("__var.secret_.yaml");
    assert!(
        !escaped.contains("${var.") && escaped.contains("name: \"\\u0024{var.secret}\""),
        "{escaped}"
    );

    // A reviewer sees the override, not text it reorders.
    let reordering = manifest("_txt.exe.yaml");
    assert!(
        reordering.contains("name: \"\\u202etxt.exe\""),
        "{reordering}"
    );

    let (code, shown) = plan_exit_code(&endpoint, out).await;
    assert_eq!(code, Some(0), "{shown}");

    let again = tempfile::tempdir().unwrap();
    for workflow in [".hidden/../flow", ".."] {
        let output = import_with(&endpoint, &["--workflow", workflow], again.path()).await;
        assert!(output.status.success(), "{}", stderr(&output));
    }
    // (plan left its definition cache under .wedata/ in the first.)
    let imported: Vec<(String, String)> = snapshot(out)
        .into_iter()
        .filter(|(path, _)| !path.starts_with(".wedata"))
        .collect();
    assert_eq!(
        snapshot(again.path()),
        imported,
        "the same live state, the same files"
    );
}

/// `--out` a link, a link where the workflow's folder goes, a link in place of a manifest
/// (with `--force`), a link in place of wedata.yaml, a folder where a file goes: each is
/// refused with a message naming the path, and nothing is written, outside `--out` or in it.
#[cfg(unix)] // symbolic links as Unix makes them
#[tokio::test(flavor = "multi_thread")]
async fn a_symlink_under_out_is_refused_and_nothing_is_written() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    create_workflow(
        &endpoint,
        false,
        "orders",
        &[("load", &[]), ("clean", &["load"])],
    )
    .await;
    let directory = tempfile::tempdir().unwrap();
    let base = directory.path();
    let outside = base.join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("secret.txt"), "keep me\n").unwrap();
    let outside_before = snapshot(&outside);
    let refused = |output: &std::process::Output, path: &Path, what: &str| {
        assert_eq!(output.status.code(), Some(1), "{}", stdout(output));
        let message = stderr(output);
        assert!(message.contains(what), "{message}");
        assert!(message.contains(&path.display().to_string()), "{message}");
    };
    let import = |out: std::path::PathBuf, force: bool| {
        let endpoint = endpoint.clone();
        async move {
            let mut arguments = vec!["--workflow", "orders"];
            if force {
                arguments.push("--force");
            }
            import_with(&endpoint, &arguments, &out).await
        }
    };

    // --out itself is a link.
    let linked_out = base.join("linked-out");
    std::os::unix::fs::symlink(&outside, &linked_out).unwrap();
    refused(
        &import(linked_out.clone(), true).await,
        &linked_out,
        "symbolic link",
    );

    // The workflow's folder is a link.
    let out = base.join("out");
    std::fs::create_dir(&out).unwrap();
    std::os::unix::fs::symlink(&outside, out.join("orders")).unwrap();
    let out_before = snapshot(&out);
    refused(
        &import(out.clone(), true).await,
        &out.join("orders"),
        "symbolic link",
    );
    assert_eq!(snapshot(&out), out_before);
    std::fs::remove_file(out.join("orders")).unwrap();

    // A manifest is a link: --force overwrites files, never through a link.
    let imported = import(out.clone(), false).await;
    assert!(imported.status.success(), "{}", stderr(&imported));
    std::fs::remove_file(out.join("orders/load.yaml")).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), out.join("orders/load.yaml")).unwrap();
    let out_before = snapshot(&out);
    refused(
        &import(out.clone(), true).await,
        &out.join("orders/load.yaml"),
        "symbolic link",
    );
    assert_eq!(snapshot(&out), out_before);

    // wedata.yaml is a link.
    let fresh = base.join("fresh");
    std::fs::create_dir(&fresh).unwrap();
    std::os::unix::fs::symlink(outside.join("secret.txt"), fresh.join("wedata.yaml")).unwrap();
    refused(
        &import(fresh.clone(), true).await,
        &fresh.join("wedata.yaml"),
        "symbolic link",
    );
    assert_eq!(
        snapshot(&fresh),
        [
            ("".into(), "<folder>".into()),
            ("wedata.yaml".into(), "<link>".into())
        ]
    );

    // A folder where a manifest goes.
    let blocked = base.join("blocked");
    std::fs::create_dir_all(blocked.join("orders/clean.yaml")).unwrap();
    let blocked_before = snapshot(&blocked);
    refused(
        &import(blocked.clone(), true).await,
        &blocked.join("orders/clean.yaml"),
        "is a folder",
    );
    assert_eq!(
        snapshot(&blocked),
        blocked_before,
        "no wedata.yaml, no orders/load.yaml"
    );

    assert_eq!(
        snapshot(&outside),
        outside_before,
        "nothing written through a link"
    );
}

/// Workflows named `a/b`, `a_b`, `A_B` and `target` (a folder manifest discovery skips),
/// imported one after another into one folder, each get their own folder, assigned across
/// the project's live workflows: `a/b` gets its WorkflowId although it is imported first, and
/// of `a_b` and `A_B` (both needing no sanitizing, the same file on macOS) the lower id keeps
/// its name. Importing `a/b` again with `--force` writes to the same folder; plan is clean.
#[tokio::test(flavor = "multi_thread")]
async fn workflows_whose_names_sanitize_alike_get_their_own_folders() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let mut workflow_ids = std::collections::HashMap::new();
    for name in ["a_b", "a/b", "A_B", "target"] {
        let (id, _) = create_workflow(&endpoint, false, name, &[("task", &[])]).await;
        workflow_ids.insert(name, id);
    }
    let directory = tempfile::tempdir().unwrap();
    let out = directory.path();
    let mut shown = Vec::new();
    for name in ["a/b", "a_b", "A_B", "target"] {
        let output = import_with(&endpoint, &["--workflow", name], out).await;
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        shown.push(stdout(&output));
    }
    let folders = || {
        let mut entries: Vec<String> = std::fs::read_dir(out)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| !name.starts_with('.'))
            .collect();
        entries.sort();
        entries
    };
    let (lower_case, upper_case) = if workflow_ids["a_b"] < workflow_ids["A_B"] {
        ("a_b".to_owned(), format!("A_B-{}", workflow_ids["A_B"]))
    } else {
        (format!("a_b-{}", workflow_ids["a_b"]), "A_B".to_owned())
    };
    let mut expected = vec![
        lower_case,
        upper_case,
        format!("a_b-{}", workflow_ids["a/b"]),
        format!("target-{}", workflow_ids["target"]),
        "wedata.yaml".to_owned(),
    ];
    expected.sort();
    assert_eq!(folders(), expected, "{shown:?}");

    let again = import_with(&endpoint, &["--workflow", "a/b", "--force"], out).await;
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains(&format!("a_b-{}", workflow_ids["a/b"])),
        "{}",
        stdout(&again)
    );
    assert_eq!(folders(), expected);
    let (code, shown) = plan_exit_code(&endpoint, out).await;
    assert_eq!(code, Some(0), "{shown}");
}

/// `import --task-id` follows the same rules: tasks whose names sanitize alike get their own
/// files (an id given twice is imported once), a link where the workflow's folder goes is
/// refused with nothing written, and plan on the imported legacy project is clean.
#[cfg(unix)] // symbolic links as Unix makes them
#[tokio::test(flavor = "multi_thread")]
async fn legacy_imports_get_distinct_files_and_refuse_links() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let (_, ids) = create_workflow(
        &endpoint,
        true,
        ".daily",
        &[("a b", &[]), ("a_b", &["a b"]), ("A_B", &[])],
    )
    .await;
    let directory = tempfile::tempdir().unwrap();
    let arguments = [
        "--task-id",
        &ids["a b"],
        "--task-id",
        &ids["a_b"],
        "--task-id",
        &ids["A_B"],
        "--task-id",
        &ids["a b"],
    ];

    let linked = directory.path().join("linked");
    std::fs::create_dir(&linked).unwrap();
    std::os::unix::fs::symlink(directory.path(), linked.join("_daily")).unwrap();
    let refused = import_with(&endpoint, &arguments, &linked).await;
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("symbolic link"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        std::fs::read_dir(&linked).unwrap().count(),
        1,
        "no wedata.yaml"
    );

    let out = directory.path().join("out");
    let output = import_with(&endpoint, &arguments, &out).await;
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Imported 3 tasks"),
        "{}",
        stdout(&output)
    );
    let mut files: Vec<String> = std::fs::read_dir(out.join("_daily"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected = vec![
        "a_b.yaml".to_owned(),
        format!("a_b-{}.yaml", ids["a b"]),
        format!("A_B-{}.yaml", ids["A_B"]),
    ];
    expected.sort();
    assert_eq!(files, expected);
    let upstream = std::fs::read_to_string(out.join("_daily/a_b.yaml")).unwrap();
    assert!(
        upstream.contains("workflow: .daily\n") && upstream.contains("- a b\n"),
        "{upstream}"
    );
    let (code, shown) = plan_exit_code(&endpoint, &out).await;
    assert_eq!(code, Some(0), "{shown}");
}
