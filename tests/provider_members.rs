//! The members the Terraform provider's fixtures set that were missing, and folders, end to
//! end against the emulator: manual periodic workflows, a periodic workflow's shared-schedule
//! change options, OperateInform on deletions, folders created before what lives in them,
//! server-managed ext keys refused by validate, and `import` never writing `renamed_from`.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::{Value, json};
use wedata_gitops::emulator::{EmulatorConfig, RunningEmulator};

struct Setup {
    emulator: RunningEmulator,
    project: PathBuf,
    _directory: tempfile::TempDir,
}

async fn setup(files: &[(&str, &str)]) -> Setup {
    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    write(
        &project,
        "wedata.yaml",
        &format!("project_id: \"{PROJECT_ID}\"\n"),
    );
    for (file, text) in files {
        write(&project, file, text);
    }
    Setup {
        emulator: start_emulator(EmulatorConfig::default()).await,
        project,
        _directory: directory,
    }
}

fn write(project: &Path, file: &str, text: &str) {
    std::fs::write(project.join(file), text).unwrap();
}

async fn cli(setup: &Setup, arguments: &[&str]) -> (Option<i32>, String) {
    let mut command = wedata_gitops();
    command
        .args(arguments)
        .arg(&setup.project)
        .args(["--endpoint", &setup.emulator.endpoint()]);
    let output = run(command).await;
    (
        output.status.code(),
        format!("{}{}", stdout(&output), stderr(&output)),
    )
}

async fn apply(setup: &Setup, extra: &[&str]) -> String {
    let mut arguments = vec!["apply", "--auto-approve"];
    arguments.extend(extra);
    let (code, text) = cli(setup, &arguments).await;
    assert_eq!(code, Some(0), "{text}");
    text
}

async fn assert_clean(setup: &Setup) {
    let (code, text) = cli(setup, &["plan", "--detailed-exitcode"]).await;
    assert_eq!(code, Some(0), "{text}");
}

fn periodic_workflow(setup: &Setup, name: &str) -> (String, Value) {
    setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .periodic_workflows
            .iter()
            .find(|(_, workflow)| workflow["WorkflowName"] == name)
            .map(|(id, workflow)| (id.clone(), workflow.clone()))
            .unwrap()
    })
}

fn periodic_task(setup: &Setup, name: &str) -> Value {
    setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .tasks
            .values()
            .find(|stored| stored.task["TaskBaseAttribute"]["TaskName"] == name)
            .map(|stored| stored.task.clone())
            .unwrap()
    })
}

const SHELL_TASK: &str = "base:\n  task_type: Shell\nconfiguration:\n  code_file: run.sh\n";

#[tokio::test(flavor = "multi_thread")]
async fn a_manual_workflow_is_created_manual_plans_clean_and_its_type_cannot_change_in_place() {
    let setup = setup(&[
        ("run.sh", "echo run\n"),
        (
            "workflow.yaml",
            "kind: Workflow\nname: adhoc\nworkflow_type: manual\ndescription: Started by hand\n",
        ),
        (
            "task.yaml",
            &format!("kind: Task\nname: rerun\nworkflow: adhoc\n{SHELL_TASK}"),
        ),
    ])
    .await;
    apply(&setup, &[]).await;
    let (_, workflow) = periodic_workflow(&setup, "adhoc");
    assert_eq!(workflow["WorkflowType"], "manual");
    assert_clean(&setup).await;

    write(
        &setup.project,
        "workflow.yaml",
        "kind: Workflow\nname: adhoc\nworkflow_type: cycle\ndescription: Started by hand\n",
    );
    let (code, text) = cli(&setup, &["apply", "--auto-approve"]).await;
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("plan::immutable_member") && text.contains("workflow.yaml:2"),
        "{text}"
    );

    // A manual workflow has no schedule: validate says so at the line.
    write(
        &setup.project,
        "workflow.yaml",
        "kind: Workflow\nname: adhoc\nworkflow_type: manual\nscheduler:\n  cycle_type: DAY_CYCLE\n",
    );
    let (code, text) = cli(&setup, &["plan"]).await;
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("manifest::invalid_schedule") && text.contains("workflow.yaml:4"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn shared_schedule_options_reset_upstream_dependencies_when_the_schedule_is_written() {
    let workflow = |crontab: &str, options: &str| {
        format!(
            "kind: Workflow\nname: nightly\nscheduler:\n  cycle_type: CRONTAB_CYCLE\n  crontab: \"{crontab}\"\n{options}"
        )
    };
    let downstream = "kind: Task\nname: report\nworkflow: nightly\nbase:\n  task_type: Shell\nconfiguration:\n  code_file: run.sh\nscheduler:\n  cycle_type: DAY_CYCLE\n  upstream:\n    - task: load\n      main_cyclic_config: DAY\n      subordinate_cyclic_config: PREVIOUS_DAY\n";
    let setup = setup(&[
        ("run.sh", "echo run\n"),
        ("workflow.yaml", &workflow("0 0 1 * * ? *", "")),
        (
            "load.yaml",
            &format!("kind: Task\nname: load\nworkflow: nightly\n{SHELL_TASK}scheduler:\n  cycle_type: DAY_CYCLE\n"),
        ),
        ("report.yaml", downstream),
    ])
    .await;
    apply(&setup, &[]).await;
    assert_clean(&setup).await;

    // Cyclic settings without modify_cycle_value are refused where they are written.
    write(
        &setup.project,
        "workflow.yaml",
        &workflow("0 0 2 * * ? *", "  main_cyclic_config: DAY\n"),
    );
    let (code, text) = cli(&setup, &["plan"]).await;
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("only applies with `modify_cycle_value: true`")
            && text.contains("workflow.yaml:6"),
        "{text}"
    );

    // The schedule changes, and with it the tasks' upstream settings are reset.
    write(
        &setup.project,
        "workflow.yaml",
        &workflow(
            "0 0 2 * * ? *",
            "  modify_cycle_value: true\n  main_cyclic_config: DAY\n  subordinate_cyclic_config: CURRENT_DAY\n  clear_link: true\n",
        ),
    );
    let (code, text) = cli(&setup, &["plan", "--detailed-exitcode"]).await;
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("scheduler.crontab") && !text.contains("modify_cycle_value"),
        "the options steer the write, they are not compared: {text}"
    );
    apply(&setup, &[]).await;
    let report = periodic_task(&setup, "report");
    let dependency = &report["TaskSchedulerConfiguration"]["UpstreamDependencyConfigList"][0];
    assert_eq!(dependency["SubordinateCyclicConfig"], "CURRENT_DAY");
    // WeData now differs from the manifest, as asked: the plan shows it. (A full read: the
    // workflow was written twice within one second, and the definition cache keys workflow
    // details by their ModifyTime, which has whole seconds.)
    let (code, text) = cli(
        &setup,
        &["plan", "--detailed-exitcode", "--refresh", "full"],
    )
    .await;
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("subordinate_cyclic_config"), "{text}");
    write(
        &setup.project,
        "report.yaml",
        &downstream.replace("PREVIOUS_DAY", "CURRENT_DAY"),
    );
    assert_clean(&setup).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn deletions_tell_downstream_owners_only_when_asked() {
    let task =
        |name: &str| format!("kind: TriggerTask\nname: {name}\nworkflow: sales\n{SHELL_TASK}");
    let setup = setup(&[
        ("run.sh", "echo run\n"),
        ("workflow.yaml", "kind: TriggerWorkflow\nname: sales\n"),
        ("a.yaml", &task("a")),
        ("b.yaml", &task("b")),
        ("c.yaml", &task("c")),
    ])
    .await;
    apply(&setup, &[]).await;
    std::fs::remove_file(setup.project.join("a.yaml")).unwrap();
    apply(&setup, &["--prune"]).await;
    std::fs::remove_file(setup.project.join("b.yaml")).unwrap();
    let (code, text) = cli(&setup, &["plan", "--prune", "--notify-owners"]).await;
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("(OperateInform)"), "{text}");
    let output = cli(
        &setup,
        &["plan", "--prune", "--notify-owners", "--format", "json"],
    )
    .await;
    let plan: Value = serde_json::from_str(&output.1[..output.1.rfind('}').unwrap() + 1]).unwrap();
    assert_eq!(plan["deletion_notifies_owners"], true);
    apply(&setup, &["--prune", "--notify-owners"]).await;
    let deletions = setup
        .emulator
        .with_store(|store| store.projects[PROJECT_ID].deletions.clone());
    let informed: Vec<&Value> = deletions
        .iter()
        .map(|deletion| &deletion["OperateInform"])
        .collect();
    assert_eq!(informed, [&json!(false), &json!(true)]);
    assert_clean(&setup).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn folders_are_created_before_what_lives_in_them_and_an_unknown_category_is_refused() {
    let setup = setup(&[
        ("run.sh", "echo run\n"),
        (
            "workflow.yaml",
            "kind: TriggerWorkflow\nname: sales\nfolder: /teams/sales\n",
        ),
        (
            "task.yaml",
            "kind: TriggerTask\nname: extract\nworkflow: sales\nbase:\n  task_type: Shell\n  folder_path: /ingest\nconfiguration:\n  code_file: run.sh\n",
        ),
    ])
    .await;
    // `/teams` exists already: only `/teams/sales` is created.
    call(
        &setup.emulator.endpoint(),
        "CreateWorkflowFolder",
        json!({"ProjectId": PROJECT_ID, "ParentFolderPath": "/", "FolderName": "teams"}),
    )
    .await;
    let (code, text) = cli(&setup, &["plan", "--detailed-exitcode"]).await;
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("+ workflow folder /teams/sales will be created")
            && !text.contains("folder /teams will")
            && text.contains("+ task folder sales/ingest (GENERAL) will be created"),
        "{text}"
    );
    apply(&setup, &[]).await;
    assert_clean(&setup).await;

    // A task moved to a new folder gets the folder first (nested: both levels).
    let task = std::fs::read_to_string(setup.project.join("task.yaml")).unwrap();
    write(
        &setup.project,
        "task.yaml",
        &task.replace("folder_path: /ingest", "folder_path: /ingest/daily"),
    );
    let output = apply(&setup, &[]).await;
    assert!(
        output.contains("task_folder.sales.GENERAL./ingest/daily")
            && !output.contains("task_folder.sales.GENERAL./ingest "),
        "{output}"
    );
    assert_clean(&setup).await;

    // A Notebook task's category is not known: its missing folder is refused before any write.
    write(
        &setup.project,
        "notebook.yaml",
        "kind: TriggerTask\nname: explore\nworkflow: sales\nbase:\n  task_type: Notebook\n  folder_path: /notebooks\nconfiguration:\n  code_file: run.sh\n",
    );
    let writes = |setup: &Setup| {
        setup
            .emulator
            .with_store(|store| store.projects[PROJECT_ID].trigger_tasks.len())
    };
    let before = writes(&setup);
    let (code, text) = cli(&setup, &["apply", "--auto-approve"]).await;
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("plan::folder_unsupported")
            && text.contains("notebook.yaml:2")
            && text.contains("/notebooks"),
        "{text}"
    );
    assert_eq!(writes(&setup), before);

    // Once the folder exists (in any category), the task is created in it.
    let workflow_id = setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .workflows
            .keys()
            .next()
            .unwrap()
            .clone()
    });
    call(
        &setup.emulator.endpoint(),
        "CreateTaskFolder",
        json!({"ProjectId": PROJECT_ID, "ParentTaskFolderPath": "/", "TaskFolderName": "notebooks", "TaskFolderType": "GENERAL", "WorkflowId": workflow_id}),
    )
    .await;
    apply(&setup, &[]).await;
    assert_clean(&setup).await;

    // A task naming its workflow by id gets its folder in that workflow too.
    write(
        &setup.project,
        "pinned.yaml",
        &format!(
            "kind: TriggerTask\nname: pinned\nworkflow: {{id: \"{workflow_id}\"}}\nbase:\n  task_type: Python\n  folder_path: /by_id\nconfiguration:\n  code_file: run.sh\n"
        ),
    );
    let output = apply(&setup, &[]).await;
    assert!(
        output.contains(&format!("task_folder.{workflow_id}.GENERAL./by_id")),
        "{output}"
    );
    assert_clean(&setup).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn server_managed_ext_keys_and_unaddressable_folders_are_refused_at_their_line() {
    let setup = setup(&[
        ("run.sh", "echo run\n"),
        (
            "workflow.yaml",
            "kind: TriggerWorkflow\nname: sales\nfolder: teams//sales/\n",
        ),
        (
            "task.yaml",
            "kind: TriggerTask\nname: extract\nworkflow: sales\nbase:\n  task_type: Shell\nconfiguration:\n  code_file: run.sh\n  ext:\n    specLabel: small\n    bucket: my-bucket\n    data_cluster: emr-1\n",
        ),
    ])
    .await;
    let mut validate = wedata_gitops();
    validate.arg("validate").arg(&setup.project);
    let output = run(validate).await;
    let text = format!("{}{}", stdout(&output), stderr(&output));
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("manifest::server_managed_ext_key")
            && text.contains("task.yaml:10:5")
            && text.contains("WeData writes `bucket` itself")
            && text.contains("task.yaml:11:5")
            && text.contains("set `configuration.data_cluster` instead")
            && !text.contains("`specLabel`"),
        "{text}"
    );
    assert!(
        text.contains("workflow.yaml:3:1")
            && text.contains("is not a folder path WeData can address")
            && text.contains("write `folder: /teams/sales`"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn import_never_writes_renamed_from() {
    let setup = setup(&[
        ("run.sh", "echo run\n"),
        (
            "workflow.yaml",
            "kind: TriggerWorkflow\nname: sales\nrenamed_from: old_sales\n",
        ),
        (
            "task.yaml",
            &format!("kind: TriggerTask\nname: extract\nrenamed_from: [pull, fetch]\nworkflow: sales\n{SHELL_TASK}"),
        ),
    ])
    .await;
    apply(&setup, &[]).await;
    let out = tempfile::tempdir().unwrap();
    let mut import = wedata_gitops();
    import
        .args([
            "import",
            "--workflow",
            "sales",
            "--project-id",
            PROJECT_ID,
            "--out",
        ])
        .arg(out.path())
        .args(["--endpoint", &setup.emulator.endpoint()]);
    let output = run(import).await;
    assert!(output.status.success(), "{}", stderr(&output));
    let mut written = String::new();
    for entry in walkdir::WalkDir::new(out.path()).into_iter().flatten() {
        if entry.file_type().is_file() {
            written.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
    }
    assert!(written.contains("name: extract"), "{written}");
    assert!(!written.contains("renamed_from"), "{written}");
}

/// The answer to a folder create is lost (the folder was made, the connection dropped): the
/// executor finds the folder rather than failing or creating it twice, and the plan settles.
#[tokio::test(flavor = "multi_thread")]
async fn a_folder_create_whose_answer_is_lost_is_found_not_repeated() {
    let mut setup = setup(&[
        ("run.sh", "echo run\n"),
        (
            "workflow.yaml",
            "kind: TriggerWorkflow\nname: sales\nfolder: /teams\n",
        ),
        (
            "task.yaml",
            "kind: TriggerTask\nname: extract\nworkflow: sales\nbase:\n  task_type: Shell\n  folder_path: /ingest\nconfiguration:\n  code_file: run.sh\n",
        ),
    ])
    .await;
    setup.emulator = start_emulator(EmulatorConfig {
        faults: wedata_gitops::emulator::FaultPlan::parse(
            "CreateWorkflowFolder:drop@1,CreateTaskFolder:drop@1",
        )
        .unwrap(),
        ..EmulatorConfig::default()
    })
    .await;
    apply(&setup, &[]).await;
    let (workflow_folders, task_folders) = setup.emulator.with_store(|store| {
        let project = &store.projects[PROJECT_ID];
        (
            project.workflow_folders.keys().cloned().collect::<Vec<_>>(),
            project.task_folders.len(),
        )
    });
    assert_eq!(workflow_folders, ["/teams"]);
    assert_eq!(task_folders, 1);
    assert_clean(&setup).await;
}
