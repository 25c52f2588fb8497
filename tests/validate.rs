//! `validate` end to end: the examples pass, and each broken project under tests/manifests
//! fails with the expected file:line message (stderr pinned by insta snapshots).

mod common;

use std::path::Path;

use common::{stderr, stdout, wedata_gitops};

fn validate(directory: &Path) -> std::process::Output {
    wedata_gitops()
        .current_dir(directory)
        .args(["validate", "."])
        .output()
        .unwrap()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_examples_are_valid_for_every_target() {
    for target in [None, Some("dev"), Some("prod")] {
        let mut command = wedata_gitops();
        command
            .current_dir(root().join("examples/tasks"))
            .args(["validate", "."]);
        if let Some(target) = target {
            command.args(["--target", target]);
        }
        let output = command.output().unwrap();
        assert!(output.status.success(), "{target:?}: {}", stderr(&output));
        assert_eq!(
            stdout(&output),
            "11 tasks in 3 workflows, 11 code files: ok\n"
        );
    }
}

/// (case, what the first line of the report must contain)
const CASES: &[(&str, &str)] = &[
    ("unknown_key", "task.yaml:6:1: unknown field `schedular`"),
    ("wrong_type", "task.yaml:7:16: expected a whole number"),
    (
        "bad_enums",
        "task.yaml:7:15: `SOMETIMES` is not allowed here; expected one of ALL",
    ),
    (
        "unknown_task_type",
        "task.yaml:5:14: unknown task type `Shel`",
    ),
    ("missing_required", "missing field `base`"),
    (
        "missing_code_file",
        "task.yaml:7:14: the code file `extract.sh` does not exist",
    ),
    (
        "code_outside_root",
        "task.yaml:7:14: the code file `../unknown_key/task.yaml` is outside",
    ),
    (
        "code_not_utf8",
        "task.yaml:7:14: the code file `extract.sh` is not valid UTF-8",
    ),
    (
        "duplicate_task_name",
        "tasks.yaml:8:7: the task `extract` is declared twice",
    ),
    (
        "unknown_references",
        "tasks.yaml:3:11: the workflow `order` is not declared",
    ),
    ("dependency_cycle", "dependency cycle"),
    (
        "undeclared_output",
        "tasks.yaml:20:17: the task `extract` declares no output parameter `dya`",
    ),
    ("yaml_bomb", "task.yaml:10:9: the document expands beyond"),
    (
        "duplicate_key",
        "task.yaml:6:3: the key `task_type` appears twice",
    ),
    (
        "tab_indentation",
        "task.yaml:5:1: a tab is used for indentation",
    ),
    (
        "invalid_utf8",
        "task.yaml:2:11: the file is not valid UTF-8",
    ),
    (
        "undefined_variable",
        "task.yaml:6:15: the variable `owner` is not defined",
    ),
    ("no_project_file", "no project file (wedata.yaml)"),
    ("several_problems", "a.yaml:7:14: the upstream `nothing`"),
    (
        "broken_schedule",
        "tasks.yaml:10:12: invalid crontab: the hours field `25` is not valid",
    ),
    (
        "periodic_kind_mismatch",
        "tasks.yaml:6:11: the workflow `orders` is a TriggerWorkflow",
    ),
    (
        "bad_cyclic_config",
        "tasks.yaml:17:7: main_cyclic_config `DAILY` is not a value WeData knows",
    ),
    (
        "legacy_unsupported",
        "tasks.yaml:4:7: a project on the legacy API (2021-08-20) cannot declare",
    ),
    (
        "legacy_section_in_current_project",
        "tasks.yaml:10:3: scheduler.legacy holds members of the legacy 2021-08-20",
    ),
    (
        "duplicate_pinned_id",
        "tasks.yaml:11:7: the task `extract_ledger_copy` is pinned to id",
    ),
];

#[test]
fn each_broken_project_fails_with_its_message() {
    let corpus = root().join("tests/manifests");
    let mut seen = 0;
    for (case, expected) in CASES {
        let output = validate(&corpus.join(case));
        assert_eq!(output.status.code(), Some(1), "{case} should fail");
        let errors = stderr(&output);
        assert!(
            errors.contains(expected),
            "{case}: expected {expected:?} in\n{errors}"
        );
        assert!(stdout(&output).is_empty(), "{case} printed a success line");
        insta::assert_snapshot!(format!("validate_{case}"), errors);
        seen += 1;
    }
    let on_disk = std::fs::read_dir(&corpus).unwrap().count();
    assert_eq!(seen, on_disk, "every folder in tests/manifests has a case");
}

#[test]
fn all_problems_are_reported_in_one_run() {
    let output = validate(&root().join("tests/manifests/several_problems"));
    let errors = stderr(&output);
    for expected in [
        "a.yaml:7:14",
        "b.yaml:1:7",
        "c.yaml:5:14",
        "3 problems found",
    ] {
        assert!(
            errors.contains(expected),
            "{expected} missing from\n{errors}"
        );
    }
}

#[test]
fn an_oversized_manifest_is_refused_before_parsing() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(directory.path().join("wedata.yaml"), "project_id: \"1\"\n").unwrap();
    let big = format!(
        "kind: TriggerWorkflow\nname: big\ndescription: \"{}\"\n",
        "x".repeat(1_100_000)
    );
    std::fs::write(directory.path().join("big.yaml"), big).unwrap();
    let output = validate(directory.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("manifests may be at most 1048576"),
        "{}",
        stderr(&output)
    );
}

/// A repository root holds other tools' hidden YAML next to wedata.yaml (`init --ci gitlab`
/// writes .gitlab-ci.yml there); reading it as a manifest failed validation.
#[test]
fn hidden_files_such_as_gitlab_ci_are_not_manifests() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(directory.path().join("wedata.yaml"), "project_id: \"1\"\n").unwrap();
    std::fs::write(
        directory.path().join(".gitlab-ci.yml"),
        "stages: [test]\nplan:\n  script: [true]\n",
    )
    .unwrap();
    std::fs::write(
        directory.path().join(".pre-commit-config.yaml"),
        "repos: []\n",
    )
    .unwrap();
    let output = validate(directory.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "0 tasks in 0 workflows, 0 code files: ok\n"
    );
    // Below the root a hidden file is still a manifest (an imported task may be named so).
    std::fs::create_dir(directory.path().join("orders")).unwrap();
    std::fs::write(directory.path().join("orders/.broken.yaml"), "not: [valid").unwrap();
    assert_eq!(validate(directory.path()).status.code(), Some(1));
}

#[test]
fn hidden_folders_and_target_are_skipped() {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(directory.path().join("wedata.yaml"), "project_id: \"1\"\n").unwrap();
    for skipped in [".git", "target", ".wedata"] {
        std::fs::create_dir_all(directory.path().join(skipped)).unwrap();
        std::fs::write(
            directory.path().join(skipped).join("junk.yaml"),
            "not: [valid",
        )
        .unwrap();
    }
    let output = validate(directory.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "0 tasks in 0 workflows, 0 code files: ok\n"
    );
}
