//! `init` end to end, as a new user runs it: init, then validate, then plan against the
//! emulator, for each CI choice; the guard rails (non-empty folder, bad options) write nothing;
//! `--from-workflow` turns a live workflow into a project that plans no changes.

mod common;

use std::path::Path;

use common::*;
use serde_json::{Value, json};
use wedata_gitops::emulator::EmulatorConfig;

fn init(directory: &Path, extra: &[&str]) -> std::process::Output {
    wedata_gitops()
        .arg("init")
        .arg(directory)
        .args(extra)
        .output()
        .unwrap()
}

fn files_under(directory: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(directory)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            entry
                .path()
                .strip_prefix(directory)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    files.sort();
    files
}

fn yaml(path: &Path) -> Value {
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The promise of the issue: for each `--ci` choice, `init` then `validate` then
/// `plan --emulate` is clean, and the CI file points at this release's Action or template.
#[test]
fn init_then_validate_then_plan_is_clean_for_each_ci_choice() {
    let version = env!("CARGO_PKG_VERSION");
    let repository = wedata_gitops::init::repository();
    for (ci, ci_file) in [
        ("github", Some(".github/workflows/wedata.yml")),
        ("gitlab", Some(".gitlab-ci.yml")),
        ("none", None),
    ] {
        let directory = tempfile::tempdir().unwrap();
        let project = directory.path().join("project");
        let output = init(&project, &["--project-id", PROJECT_ID, "--ci", ci]);
        assert!(output.status.success(), "{ci}: {}", stderr(&output));
        assert!(stdout(&output).contains("wedata-gitops validate"), "{ci}");

        let files = files_under(&project);
        for expected in [
            "wedata.yaml",
            ".gitignore",
            "getting_started/workflow.yaml",
            "getting_started/hello.yaml",
            "getting_started/hello.sh",
            "schemas/project.json",
            "schemas/trigger-task.json",
        ] {
            assert!(
                files.contains(&expected.to_owned()),
                "{ci}: {expected} in {files:?}"
            );
        }
        assert!(
            !files.iter().any(|file| file.starts_with(".wedata/")),
            "{ci}: the staging folder is gone: {files:?}"
        );
        let gitignore = std::fs::read_to_string(project.join(".gitignore")).unwrap();
        assert!(gitignore.lines().any(|line| line == ".wedata/"));
        let task = std::fs::read_to_string(project.join("getting_started/hello.yaml")).unwrap();
        assert!(task.starts_with("# yaml-language-server: $schema=../schemas/trigger-task.json\n"));
        let project_file = yaml(&project.join("wedata.yaml"));
        assert_eq!(project_file["project_id"], PROJECT_ID);
        assert!(
            project_file["targets"]["dev"].is_object()
                && project_file["targets"]["prod"].is_object()
        );

        match (ci, ci_file) {
            ("github", Some(path)) => {
                let workflow = yaml(&project.join(path));
                for job in ["plan", "apply"] {
                    let steps = workflow["jobs"][job]["steps"].as_array().unwrap();
                    let action = steps
                        .iter()
                        .find(|step| step["uses"].as_str().unwrap().contains("wedata-gitops"))
                        .unwrap();
                    assert_eq!(action["uses"], format!("{repository}@v{version}"));
                    assert_eq!(action["with"]["command"], job);
                }
            }
            ("gitlab", Some(path)) => {
                let pipeline = yaml(&project.join(path));
                let remote = pipeline["include"][0]["remote"].as_str().unwrap();
                assert_eq!(
                    remote,
                    format!(
                        "https://raw.githubusercontent.com/{repository}/v{version}/ci/gitlab/wedata-gitops.yml"
                    )
                );
                assert!(
                    Path::new(env!("CARGO_MANIFEST_DIR"))
                        .join("ci/gitlab/wedata-gitops.yml")
                        .is_file(),
                    "the included template exists in this repository"
                );
            }
            _ => assert!(
                !files
                    .iter()
                    .any(|file| file.contains("gitlab") || file.starts_with(".github"))
            ),
        }

        let validated = wedata_gitops()
            .arg("validate")
            .arg(&project)
            .output()
            .unwrap();
        assert!(validated.status.success(), "{ci}: {}", stderr(&validated));
        assert_eq!(
            stdout(&validated),
            "1 task in 1 workflow, 1 code file: ok\n"
        );

        let planned = wedata_gitops()
            .arg("plan")
            .arg(&project)
            .arg("--emulate")
            .output()
            .unwrap();
        assert!(planned.status.success(), "{ci}: {}", stderr(&planned));
        assert_eq!(stderr(&planned), "", "{ci}: a clean plan warns of nothing");
        assert!(
            stdout(&planned).contains("Plan: 2 to create, 0 to update, 0 to delete"),
            "{ci}: {}",
            stdout(&planned)
        );
    }
}

/// The example converges: applied once, the next plan has nothing to do (for both targets).
#[test]
fn the_example_project_applies_and_then_plans_no_changes() {
    let directory = tempfile::tempdir().unwrap();
    let output = init(directory.path(), &["--project-id", PROJECT_ID]);
    assert!(output.status.success(), "{}", stderr(&output));
    for target in ["dev", "prod"] {
        let applied = wedata_gitops()
            .arg("apply")
            .arg(directory.path())
            .args(["--emulate", "--auto-approve", "--target", target])
            .output()
            .unwrap();
        assert!(applied.status.success(), "{target}: {}", stderr(&applied));
        let planned = wedata_gitops()
            .arg("plan")
            .arg(directory.path())
            .args(["--emulate", "--detailed-exitcode", "--target", target])
            .output()
            .unwrap();
        assert_eq!(
            planned.status.code(),
            Some(0),
            "{target}: {}",
            stdout(&planned)
        );
    }
}

#[test]
fn init_refuses_a_non_empty_folder_without_force_and_writes_nothing() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(directory.path().join("notes.txt"), "mine").unwrap();
    let output = init(directory.path(), &["--project-id", PROJECT_ID]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("is not empty (it has notes.txt)"),
        "{message}"
    );
    assert!(message.contains("--force"), "{message}");
    assert_eq!(files_under(directory.path()), vec!["notes.txt"]);

    let forced = init(directory.path(), &["--project-id", PROJECT_ID, "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert_eq!(
        std::fs::read_to_string(directory.path().join("notes.txt")).unwrap(),
        "mine",
        "--force replaces init's own files, nothing else"
    );
    assert!(directory.path().join("wedata.yaml").is_file());
}

/// A fresh `git init` (and a `.wedata/` left by an earlier run) is still an empty project.
#[test]
fn a_folder_holding_only_git_counts_as_empty() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(directory.path().join(".git/objects")).unwrap();
    std::fs::create_dir_all(directory.path().join(".wedata")).unwrap();
    let output = init(
        directory.path(),
        &["--project-id", PROJECT_ID, "--ci", "gitlab"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let validated = wedata_gitops()
        .arg("validate")
        .arg(directory.path())
        .output()
        .unwrap();
    assert!(
        validated.status.success(),
        ".gitlab-ci.yml beside wedata.yaml is not a manifest: {}",
        stderr(&validated)
    );
}

#[test]
fn bad_options_are_refused_before_anything_is_written() {
    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("new");
    for (arguments, words) in [
        (
            vec!["--project-id", "1460947878944567296\"\nprune: true"],
            "is not a WeData project id",
        ),
        (vec!["--project-id", "abc"], "is not a WeData project id"),
        (
            vec!["--project-id", PROJECT_ID, "--region", "ap-guangzhou # x"],
            "is not a region",
        ),
        (vec!["--ci", "jenkins"], "invalid value 'jenkins'"),
        (vec!["--from-workflow", "orders"], "--project-id"),
    ] {
        let output = init(&project, &arguments);
        assert_eq!(output.status.code(), Some(1), "{arguments:?}");
        assert!(
            stderr(&output).contains(words),
            "{arguments:?}: {}",
            stderr(&output)
        );
        assert!(!project.exists(), "{arguments:?} created the folder");
    }
    let file = directory.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let output = init(&file, &["--project-id", PROJECT_ID]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("is not a folder"),
        "{}",
        stderr(&output)
    );
}

/// Without --project-id the project still validates and plans (a placeholder id), and
/// `doctor` says to replace it.
#[test]
fn a_placeholder_project_id_validates_and_doctor_asks_for_the_real_one() {
    let directory = tempfile::tempdir().unwrap();
    let output = init(directory.path(), &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("replace the placeholder project_id"));
    let validated = wedata_gitops()
        .arg("validate")
        .arg(directory.path())
        .output()
        .unwrap();
    assert!(validated.status.success(), "{}", stderr(&validated));
    let doctor = wedata_gitops()
        .arg("doctor")
        .arg(directory.path())
        .arg("--emulate")
        .output()
        .unwrap();
    assert_eq!(doctor.status.code(), Some(1));
    assert!(
        stdout(&doctor).contains("FAIL  project file    project_id is still the placeholder"),
        "{}",
        stdout(&doctor)
    );
}

async fn init_from(endpoint: &str, directory: &Path, workflow: &str) -> std::process::Output {
    let mut command = wedata_gitops();
    command
        .arg("init")
        .arg(directory)
        .args([
            "--project-id",
            PROJECT_ID,
            "--from-workflow",
            workflow,
            "--ci",
            "github",
        ])
        .args(["--endpoint", endpoint]);
    run(command).await
}

/// `--from-workflow` reads a live workflow through the import module: the new project holds
/// it (schema lines added), validates, and plans no changes against the same WeData.
#[tokio::test(flavor = "multi_thread")]
async fn init_from_a_live_workflow_plans_no_changes() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let examples = tempfile::tempdir().unwrap();
    copy_examples(examples.path());
    let mut apply = wedata_gitops();
    apply
        .arg("apply")
        .arg(examples.path())
        .args(["--auto-approve", "--endpoint", &endpoint]);
    let applied = run(apply).await;
    assert!(applied.status.success(), "{}", stderr(&applied));

    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("orders-repo");
    let output = init_from(&endpoint, &project, "orders").await;
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("workflow orders imported"),
        "{}",
        stdout(&output)
    );
    let files = files_under(&project);
    assert!(
        files.contains(&"orders/workflow.yaml".to_owned()),
        "{files:?}"
    );
    assert!(
        files.contains(&"orders/extract_orders.sh".to_owned()),
        "{files:?}"
    );
    assert!(!files.iter().any(|file| file.starts_with("getting_started")));
    let workflow = std::fs::read_to_string(project.join("orders/workflow.yaml")).unwrap();
    assert!(
        workflow.starts_with("# yaml-language-server: $schema=../schemas/trigger-workflow.json\n"),
        "{workflow}"
    );

    let mut plan = wedata_gitops();
    plan.arg("plan")
        .arg(&project)
        .args(["--detailed-exitcode", "--endpoint", &endpoint]);
    let planned = run(plan).await;
    assert_eq!(
        planned.status.code(),
        Some(0),
        "{}{}",
        stdout(&planned),
        stderr(&planned)
    );

    let missing = directory.path().join("missing");
    let output = init_from(&endpoint, &missing, "no_such_workflow").await;
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no workflow named or with id `no_such_workflow`"));
    assert!(!missing.exists(), "a failed import writes nothing");
}

/// A workflow and task named by someone else in WeData (quotes, `../`, HTML, control
/// characters, 300 characters) never write outside the new folder, and either validate or
/// leave the folder untouched.
#[tokio::test(flavor = "multi_thread")]
async fn init_from_a_workflow_with_hostile_names_stays_inside_its_folder() {
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let long_name = "w".repeat(300);
    for hostile in [
        "../../escape \"quoted\" <b>bold</b>",
        "tab\there\u{7}bell",
        long_name.as_str(),
    ] {
        let workflow_id = call(
            &endpoint,
            "CreateTriggerWorkflow",
            json!({"ProjectId": PROJECT_ID, "WorkflowName": hostile, "ParentFolderPath": "/"}),
        )
        .await["Data"]["WorkflowId"]
            .as_str()
            .unwrap()
            .to_owned();
        call(
            &endpoint,
            "CreateTriggerTask",
            json!({
                "ProjectId": PROJECT_ID,
                "TriggerTaskBaseAttribute": {"TaskName": format!("../{hostile}"), "TaskTypeId": "35", "WorkflowId": workflow_id},
                "TriggerTaskConfiguration": {"CodeContent": "ZWNobyAx"},
                "TriggerTaskSchedulerConfiguration": {}
            }),
        )
        .await;
        let outer = tempfile::tempdir().unwrap();
        let project = outer.path().join("inner").join("project");
        let output = init_from(&endpoint, &project, &workflow_id).await;
        let outside: Vec<String> = files_under(outer.path())
            .into_iter()
            .filter(|file| !file.starts_with("inner/project/"))
            .collect();
        assert!(outside.is_empty(), "{hostile:?} wrote {outside:?}");
        if output.status.success() {
            // Imported means declared: a name turned into a hidden folder must not vanish.
            let validated = wedata_gitops()
                .arg("validate")
                .arg(&project)
                .output()
                .unwrap();
            assert!(
                validated.status.success(),
                "{hostile:?}: {}",
                stderr(&validated)
            );
            assert_eq!(
                stdout(&validated),
                "1 task in 1 workflow, 1 code file: ok\n",
                "{hostile:?}"
            );
        } else {
            // A clean refusal: a name the loader would skip, one no manifest can hold, or one
            // too long for a file name (import keeps names whole).
            let message = stderr(&output);
            assert!(
                ["the loader would skip", "does not validate", "cannot write"]
                    .iter()
                    .any(|words| message.contains(words)),
                "{hostile:?}: {message}"
            );
            assert!(
                files_under(outer.path()).is_empty(),
                "{hostile:?} failed ({}) but left files behind",
                stderr(&output)
            );
            assert!(
                !project.exists(),
                "{hostile:?}: the folder init created is gone again"
            );
        }
    }
}
