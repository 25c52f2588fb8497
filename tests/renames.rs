//! Renames keep identity, end to end against the emulator: a task or workflow renamed with its
//! id pinned, or with `renamed_from`, is renamed in place (same TaskId, versions and
//! downstream links), `plan` after each apply is clean, and both names existing at once is
//! refused naming both.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::json;
use wedata_gitops::emulator::{EmulatorConfig, RunningEmulator};

struct Setup {
    emulator: RunningEmulator,
    project: PathBuf,
    _directory: tempfile::TempDir,
}

const WORKFLOW: &str = "kind: TriggerWorkflow\nname: sales\ndescription: Sales pipeline\n";

fn task(name: &str, extra: &str) -> String {
    format!(
        "kind: TriggerTask\nname: {name}\nworkflow: sales\nbase:\n  task_type: Shell\nconfiguration:\n  code_file: {name}.sh\n{extra}"
    )
}

fn write(project: &Path, file: &str, text: &str) {
    std::fs::write(project.join(file), text).unwrap();
}

/// A workflow `sales` with `extract` and `load` (load depends on extract and takes its `day`),
/// applied.
async fn applied() -> Setup {
    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("project");
    std::fs::create_dir_all(&project).unwrap();
    write(
        &project,
        "wedata.yaml",
        &format!("project_id: \"{PROJECT_ID}\"\n"),
    );
    write(&project, "workflow.yaml", WORKFLOW);
    write(&project, "extract.sh", "echo extract\n");
    write(&project, "load.sh", "echo load\n");
    write(
        &project,
        "extract.yaml",
        &task(
            "extract",
            "scheduler:\n  params_out:\n    day: $[yyyyMMdd]\n",
        ),
    );
    write(
        &project,
        "load.yaml",
        &task(
            "load",
            "scheduler:\n  upstream: [extract]\n  params_in:\n    - {key: day, from_task: extract, from_key: day}\n",
        ),
    );
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

async fn plan(setup: &Setup, extra: &[&str]) -> (Option<i32>, String) {
    let mut arguments = vec!["plan", "--detailed-exitcode"];
    arguments.extend(extra);
    let output = run(command(setup, &arguments)).await;
    (
        output.status.code(),
        format!("{}{}", stdout(&output), stderr(&output)),
    )
}

async fn apply(setup: &Setup) -> String {
    let output = run(command(setup, &["apply", "--auto-approve"])).await;
    let text = format!("{}{}", stdout(&output), stderr(&output));
    assert!(output.status.success(), "{text}");
    text
}

async fn assert_clean(setup: &Setup) {
    let (code, text) = plan(setup, &["--prune"]).await;
    assert_eq!(code, Some(0), "{text}");
}

fn workflow_id(setup: &Setup) -> String {
    setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .workflows
            .keys()
            .next()
            .unwrap()
            .clone()
    })
}

fn task_count(setup: &Setup) -> usize {
    setup
        .emulator
        .with_store(|store| store.projects[PROJECT_ID].trigger_tasks.len())
}

fn versions(setup: &Setup, task_id: &str) -> usize {
    setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID].trigger_tasks[task_id]
            .versions
            .len()
    })
}

fn upstream_of(setup: &Setup, task_id: &str) -> String {
    setup.emulator.with_store(|store| {
        store.projects[PROJECT_ID].trigger_tasks[task_id].task["TriggerTaskSchedulerConfiguration"]
            ["UpstreamDependencyConfigList"][0]["TaskId"]
            .as_str()
            .unwrap()
            .to_owned()
    })
}

/// Renames `extract` to `extract_v2` in its manifest and in the references of `load`.
fn rename_extract(setup: &Setup, extract_extra: &str) {
    std::fs::remove_file(setup.project.join("extract.yaml")).unwrap();
    std::fs::rename(
        setup.project.join("extract.sh"),
        setup.project.join("extract_v2.sh"),
    )
    .unwrap();
    write(
        &setup.project,
        "extract.yaml",
        &task(
            "extract_v2",
            &format!("scheduler:\n  params_out:\n    day: $[yyyyMMdd]\n{extract_extra}"),
        ),
    );
    let load = std::fs::read_to_string(setup.project.join("load.yaml")).unwrap();
    write(
        &setup.project,
        "load.yaml",
        &load
            .replace("[extract]", "[extract_v2]")
            .replace("from_task: extract,", "from_task: extract_v2,"),
    );
}

fn insert_after_name(setup: &Setup, file: &str, line: &str) {
    let path = setup.project.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let (head, tail) = text.split_once('\n').unwrap();
    let (name, rest) = tail.split_once('\n').unwrap();
    std::fs::write(&path, format!("{head}\n{name}\n{line}\n{rest}")).unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_task_renamed_with_its_id_pinned_keeps_its_id_versions_and_downstream_links() {
    let setup = applied().await;
    let extract_id = task_id_named(&setup.emulator, "extract");
    let load_id = task_id_named(&setup.emulator, "load");
    let versions_before = versions(&setup, &extract_id);

    rename_extract(&setup, "");
    insert_after_name(&setup, "extract.yaml", &format!("id: \"{extract_id}\""));
    let (code, text) = plan(&setup, &["--prune"]).await;
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains(&format!(
            "~ task sales/extract_v2 ({extract_id}) will be updated"
        )) && text.contains("name: \"extract\" → \"extract_v2\""),
        "{text}"
    );
    assert!(
        !text.contains("will be created") && !text.contains("will be deleted"),
        "a rename is neither a create nor a delete: {text}"
    );
    // The downstream task names its upstream by the new name: same TaskId, nothing to change
    // (it is listed only as downstream of the change, under the impact).
    assert!(!text.contains("task sales/load"), "{text}");
    assert!(text.contains("2 unchanged"), "{text}");

    apply(&setup).await;
    assert_eq!(task_id_named(&setup.emulator, "extract_v2"), extract_id);
    assert_eq!(task_count(&setup), 2);
    assert_eq!(versions(&setup, &extract_id), versions_before + 1);
    assert_eq!(upstream_of(&setup, &load_id), extract_id);
    assert_clean(&setup).await;

    // A rename onto a name another live task has would fail halfway through apply: refused.
    let answer = call(
        &setup.emulator.endpoint(),
        "CreateTriggerTask",
        json!({
            "ProjectId": PROJECT_ID,
            "TriggerTaskBaseAttribute": {"TaskName": "extract_v3", "TaskTypeId": "35", "WorkflowId": workflow_id(&setup)},
            "TriggerTaskConfiguration": {"CodeContent": "ZWNobyAx"},
            "TriggerTaskSchedulerConfiguration": {}
        }),
    )
    .await;
    let other_id = answer["Data"]["TaskId"].as_str().unwrap().to_owned();
    let manifest = std::fs::read_to_string(setup.project.join("extract.yaml")).unwrap();
    write(
        &setup.project,
        "extract.yaml",
        &manifest.replace("name: extract_v2\n", "name: extract_v3\n"),
    );
    let load = std::fs::read_to_string(setup.project.join("load.yaml")).unwrap();
    write(
        &setup.project,
        "load.yaml",
        &load.replace("extract_v2", "extract_v3"),
    );
    let output = run(command(&setup, &["apply", "--auto-approve"])).await;
    let text = format!("{}{}", stdout(&output), stderr(&output));
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("plan::rename_conflict")
            && text.contains(&other_id)
            && text.contains(&extract_id)
            && text.contains("extract.yaml:3"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn renamed_from_renames_in_place_says_when_it_is_done_and_refuses_when_both_names_exist() {
    let setup = applied().await;
    let extract_id = task_id_named(&setup.emulator, "extract");
    let load_id = task_id_named(&setup.emulator, "load");

    // Without renamed_from (and no id), a new name is a new task: the old one is unmanaged.
    rename_extract(&setup, "");
    let (code, text) = plan(&setup, &[]).await;
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("+ task sales/extract_v2 will be created")
            && text.contains("sales/extract ("),
        "{text}"
    );
    // ... and the plan says how to keep the identity instead.
    assert!(
        text.contains("add `renamed_from: \"extract\"` to keep its TaskId"),
        "{text}"
    );

    insert_after_name(&setup, "extract.yaml", "renamed_from: extract");
    let (code, text) = plan(&setup, &["--prune"]).await;
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains(&format!(
            "~ task sales/extract_v2 ({extract_id}) will be updated"
        )) && text.contains("name: \"extract\" → \"extract_v2\"")
            && !text.contains("will be deleted"),
        "{text}"
    );
    apply(&setup).await;
    assert_eq!(task_id_named(&setup.emulator, "extract_v2"), extract_id);
    assert_eq!(upstream_of(&setup, &load_id), extract_id);
    assert_eq!(task_count(&setup), 2);

    // Done: no changes, and a notice that the member can go, in every format.
    let (code, text) = plan(&setup, &["--prune"]).await;
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("renamed_from: extract` is done") && text.contains("can be removed"),
        "{text}"
    );
    let output = run(command(&setup, &["plan", "--format", "json"])).await;
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["notices"][0]["address"], "task.sales.extract_v2");
    let output = run(command(&setup, &["plan", "--format", "markdown"])).await;
    assert!(
        stdout(&output).contains("can be removed"),
        "{}",
        stdout(&output)
    );

    // Someone creates a task with the old name again: both exist, the plan is refused.
    let answer = call(
        &setup.emulator.endpoint(),
        "CreateTriggerTask",
        json!({
            "ProjectId": PROJECT_ID,
            "TriggerTaskBaseAttribute": {"TaskName": "extract", "TaskTypeId": "35", "WorkflowId": workflow_id(&setup)},
            "TriggerTaskConfiguration": {"CodeContent": "ZWNobyAx"},
            "TriggerTaskSchedulerConfiguration": {}
        }),
    )
    .await;
    let other_id = answer["Data"]["TaskId"].as_str().unwrap().to_owned();
    let output = run(command(&setup, &["apply", "--auto-approve"])).await;
    let text = format!("{}{}", stdout(&output), stderr(&output));
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("plan::rename_conflict")
            && text.contains(&extract_id)
            && text.contains(&other_id)
            && text.contains("extract.yaml:3"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_workflow_renamed_with_its_id_pinned_keeps_its_tasks() {
    let setup = applied().await;
    let workflow = workflow_id(&setup);
    let extract_id = task_id_named(&setup.emulator, "extract");
    // The task pinned by id must still be found in the renamed workflow.
    insert_after_name(&setup, "extract.yaml", &format!("id: \"{extract_id}\""));
    apply(&setup).await;
    write(
        &setup.project,
        "workflow.yaml",
        &format!(
            "kind: TriggerWorkflow\nname: sales_v2\nid: \"{workflow}\"\ndescription: Sales pipeline\n"
        ),
    );
    for file in ["extract.yaml", "load.yaml"] {
        let text = std::fs::read_to_string(setup.project.join(file)).unwrap();
        write(
            &setup.project,
            file,
            &text.replace("workflow: sales\n", "workflow: sales_v2\n"),
        );
    }
    let (code, text) = plan(&setup, &["--prune"]).await;
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains(&format!("~ workflow sales_v2 ({workflow}) will be updated"))
            && text.contains("name: \"sales\" → \"sales_v2\""),
        "{text}"
    );
    assert!(
        !text.contains("created") && !text.contains("deleted") && !text.contains("task sales"),
        "the tasks stay where they are: {text}"
    );
    apply(&setup).await;
    let names = setup.emulator.with_store(|store| {
        let project = &store.projects[PROJECT_ID];
        (
            project.workflows.len(),
            project.workflows[&workflow]["WorkflowName"].clone(),
            project.trigger_tasks[&extract_id].task["TriggerTaskBaseAttribute"]["WorkflowName"]
                .clone(),
        )
    });
    assert_eq!(names, (1, json!("sales_v2"), json!("sales_v2")));
    assert_eq!(task_count(&setup), 2);
    assert_clean(&setup).await;

    // And back with renamed_from instead of the id.
    write(
        &setup.project,
        "workflow.yaml",
        "kind: TriggerWorkflow\nname: sales\nrenamed_from: [sales_v1, sales_v2]\ndescription: Sales pipeline\n",
    );
    for file in ["extract.yaml", "load.yaml"] {
        let text = std::fs::read_to_string(setup.project.join(file)).unwrap();
        write(
            &setup.project,
            file,
            &text.replace("workflow: sales_v2\n", "workflow: sales\n"),
        );
    }
    let (code, text) = plan(&setup, &["--prune"]).await;
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("name: \"sales_v2\" → \"sales\""), "{text}");
    apply(&setup).await;
    assert_eq!(workflow_id(&setup), workflow);
    let (code, text) = plan(&setup, &["--prune"]).await;
    assert_eq!(code, Some(0), "{text}");
    assert!(text.contains("can be removed"), "{text}");
}

#[tokio::test(flavor = "multi_thread")]
async fn renamed_from_that_no_wedata_state_can_satisfy_is_refused_by_validate() {
    let setup = applied().await;
    insert_after_name(&setup, "load.yaml", "renamed_from: [extract, load]");
    let mut validate = wedata_gitops();
    validate.arg("validate").arg(&setup.project);
    let output = run(validate).await;
    let text = format!("{}{}", stdout(&output), stderr(&output));
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("manifest::invalid_rename")
            && text.contains("which this repository still declares")
            && text.contains("renamed from its own name"),
        "{text}"
    );
}

/// `load` is served from the plan cache and written over while its upstream is renamed in the
/// same apply. Approve reads `load` fresh and must name its upstream as the plan did (the
/// declared `extract_v2`, not the live `extract`), or it refuses the apply as contradicted by
/// WeData. And the read-back after submit must know that TaskId by one name only, or its
/// verification fails whenever a map yields the live name first (it did about half the time).
#[tokio::test(flavor = "multi_thread")]
async fn a_task_updated_while_its_upstream_is_renamed_is_approved_and_verified_on_the_first_apply()
{
    let setup = applied().await;
    assert_clean(&setup).await;
    rename_extract(&setup, "");
    insert_after_name(&setup, "extract.yaml", "renamed_from: extract");
    let load = std::fs::read_to_string(setup.project.join("load.yaml")).unwrap();
    write(
        &setup.project,
        "load.yaml",
        &load.replace("scheduler:\n", "scheduler:\n  max_retries: 7\n"),
    );
    let output = run(command(&setup, &["apply", "--auto-approve"])).await;
    let text = format!("{}{}", stdout(&output), stderr(&output));
    assert!(output.status.success(), "{text}");
    assert!(!text.contains("cache_mismatch"), "{text}");
    assert_clean(&setup).await;
}
