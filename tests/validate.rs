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

/// `validate --format json`'s diagnostics.
fn diagnostics(directory: &Path) -> Vec<serde_json::Value> {
    let output = wedata_gitops()
        .current_dir(directory)
        .args(["validate", ".", "--format", "json"])
        .output()
        .unwrap();
    let document: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("{error}: {}", stdout(&output)));
    assert_eq!(
        output.status.code(),
        Some(if document["valid"] == true { 0 } else { 1 })
    );
    document["diagnostics"].as_array().unwrap().clone()
}

/// "file:line:column: message" of a JSON diagnostic (as the text format printed it before
/// the place moved beside the snippet).
fn located_message(diagnostic: &serde_json::Value) -> String {
    match diagnostic["line"].as_u64() {
        Some(line) => format!(
            "{}:{line}:{}: {}",
            diagnostic["file"].as_str().unwrap(),
            diagnostic["column"],
            diagnostic["message"].as_str().unwrap()
        ),
        None => format!(
            "{}: {}",
            diagnostic["file"].as_str().unwrap(),
            diagnostic["message"].as_str().unwrap()
        ),
    }
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
    (
        "self_dependency",
        "tasks.yaml:7:14: the task `extract` lists itself as an upstream",
    ),
    (
        "secrets_near_an_error",
        "task.yaml:9:14: the code file `load.sh` does not exist",
    ),
    (
        "code_in_hidden_folder",
        "task.yaml:7:14: the code file `.secrets/extract.sh` lies in the hidden",
    ),
    (
        "cascade_broken_upstream",
        "extract.yaml:9:3: unknown field `run_prority`",
    ),
    ("cascade_broken_workflow", "workflow.yaml:4:14: expected"),
    (
        "cascade_undefined_variable",
        "task.yaml:8:17: the variable `priority` is not defined",
    ),
];

/// The cascade cases: one root cause, one error.
const ONE_ERROR_CASES: [&str; 3] = [
    "cascade_broken_upstream",
    "cascade_broken_workflow",
    "cascade_undefined_variable",
];

#[test]
fn a_broken_document_still_declares_its_name_so_nothing_cascades() {
    for case in ONE_ERROR_CASES {
        let reported = diagnostics(&root().join("tests/manifests").join(case));
        assert_eq!(reported.len(), 1, "{case}: {reported:#?}");
    }
}

#[test]
fn an_unknown_target_is_the_only_error() {
    let output = wedata_gitops()
        .current_dir(root().join("examples/tasks"))
        .args(["validate", ".", "--target", "staging", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let document: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let reported = document["diagnostics"].as_array().unwrap();
    assert_eq!(reported.len(), 1, "{reported:#?}");
    assert_eq!(reported[0]["code"], "manifest::unknown_target");
    assert_eq!(reported[0]["file"], "wedata.yaml");
    assert_eq!(reported[0]["help"], "known targets: dev, prod");
}

/// Ways to break one manifest without changing what it declares (kind, name, workflow).
fn breakages(text: &str) -> Vec<(&'static str, String)> {
    let mut broken = vec![
        (
            "unknown top-level key",
            format!("{text}\nbogus_member: 1\n"),
        ),
        (
            "YAML syntax error",
            text.replacen('\n', "\nbroken: [unclosed\n", 1),
        ),
        ("tab indentation", text.replacen("\n  ", "\n\t", 1)),
    ];
    if let Some(line) = text.lines().find(|line| {
        line.starts_with("  ") && !line.starts_with("   ") && line.trim_end().ends_with(':')
    }) {
        let misspelt = line.replacen("  ", "  x", 1);
        broken.push(("misspelt nested key", text.replacen(line, &misspelt, 1)));
    }
    if let Some(line) = text.lines().find(|line| line.starts_with("kind: ")) {
        broken.push(("misspelt kind", text.replacen(line, &format!("{line}x"), 1)));
    }
    if let Some(line) = text.lines().find(|line| {
        let value = line.split_once(": ").map(|(_, value)| value.trim());
        line.starts_with("  ") && value.is_some_and(|value| value.parse::<u64>().is_ok())
    }) {
        let (key, _) = line.split_once(": ").unwrap();
        broken.push((
            "wrong type",
            text.replacen(line, &format!("{key}: [1, 2]"), 1),
        ));
    }
    // A breakage that found nothing to change (no indented line to tab) is none.
    broken.retain(|(_, broken_text)| broken_text != text);
    broken
}

#[test]
fn breaking_any_example_manifest_reports_errors_only_in_the_broken_file() {
    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("tasks");
    common::copy_examples(&project);
    let manifests: Vec<std::path::PathBuf> = walkdir::WalkDir::new(&project)
        .into_iter()
        .filter_map(Result::ok)
        .map(|entry| entry.path().to_owned())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "yaml")
        })
        .collect();
    assert!(manifests.len() >= 10, "{manifests:?}");
    let mut runs = 0;
    for path in &manifests {
        let original = std::fs::read_to_string(path).unwrap();
        let file = path
            .strip_prefix(&project)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for (breakage, text) in breakages(&original) {
            if file == "wedata.yaml" && breakage == "misspelt nested key" {
                // Its first nested key names a target: another name is no error.
                continue;
            }
            std::fs::write(path, &text).unwrap();
            let reported = diagnostics(&project);
            assert!(!reported.is_empty(), "{file}, {breakage}: nothing reported");
            for diagnostic in &reported {
                assert_eq!(
                    diagnostic["file"],
                    file.as_str(),
                    "{file}, {breakage}: an error elsewhere: {reported:#?}"
                );
            }
            runs += 1;
        }
        std::fs::write(path, &original).unwrap();
    }
    assert!(runs >= manifests.len() * 4, "{runs} runs");
    // The project is whole again: valid.
    assert!(diagnostics(&project).is_empty());
}

#[test]
fn each_broken_project_fails_with_its_message() {
    let corpus = root().join("tests/manifests");
    let mut seen = 0;
    for (case, expected) in CASES {
        let output = validate(&corpus.join(case));
        assert_eq!(output.status.code(), Some(1), "{case} should fail");
        let errors = stderr(&output);
        assert!(stdout(&output).is_empty(), "{case} printed a success line");
        insta::assert_snapshot!(format!("validate_{case}"), errors);
        let reported: Vec<String> = diagnostics(&corpus.join(case))
            .iter()
            .map(located_message)
            .collect();
        assert!(
            reported.iter().any(|message| message.contains(expected)),
            "{case}: expected {expected:?} in {reported:#?}"
        );
        // Text and JSON report the same problems, each once, with its code beside `error`.
        assert_eq!(
            errors.matches("error[manifest::").count(),
            reported.len(),
            "{case}: {errors}"
        );
        assert!(!errors.contains("hint: "), "{case}: {errors}");
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
        "--> a.yaml:7:14",
        "--> b.yaml:1:7",
        "--> c.yaml:5:14",
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
        unwrapped(&stderr(&output)).contains("manifests may be at most 1048576"),
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

#[test]
fn a_self_dependency_is_reported_once_at_its_reference() {
    let output = validate(&root().join("tests/manifests/self_dependency"));
    let errors = stderr(&output);
    // One upstream naming itself, one parameter taken from itself: two errors, no cycle.
    assert!(errors.contains("2 problems found"), "{errors}");
    assert!(!errors.contains("dependency cycle"), "{errors}");
    assert!(!errors.contains("declares no output parameter"), "{errors}");
}

#[test]
fn secret_values_never_appear_in_a_snippet() {
    let output = validate(&root().join("tests/manifests/secrets_near_an_error"));
    let errors = stderr(&output);
    let machine = serde_json::to_string(&diagnostics(
        &root().join("tests/manifests/secrets_near_an_error"),
    ))
    .unwrap();
    for secret in ["hunter2-from-a-variable", "literal-token-in-a-flow-map"] {
        assert!(!errors.contains(secret), "{secret} shown in\n{errors}");
        assert!(!machine.contains(secret), "{secret} in {machine}");
    }
    assert!(
        machine.contains("`********` is not allowed here"),
        "{machine}"
    );
    // What is not secret is still shown, and the caret still points at its column.
    assert!(
        errors.contains("jdbc:mysql://db/dw?password=********"),
        "{errors}"
    );
    assert!(errors.contains("warehouse: dw"), "{errors}");
}

/// A project whose one task reads `code_file`, with a git folder holding a credential.
fn project_with_code_file(code_file: &str) -> tempfile::TempDir {
    let directory = tempfile::tempdir().unwrap();
    let root = directory.path();
    std::fs::write(root.join("wedata.yaml"), "project_id: \"1\"\n").unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::write(
        root.join(".git/config"),
        "[remote \"origin\"]\n\turl = https://user:ghp_credential_in_git_config@example.test/repo\n",
    )
    .unwrap();
    std::fs::write(root.join(".env"), "DB_PASSWORD=credential_in_dotenv\n").unwrap();
    std::fs::create_dir_all(root.join("orders")).unwrap();
    std::fs::write(
        root.join("orders/workflow.yaml"),
        "kind: TriggerWorkflow\nname: orders\n",
    )
    .unwrap();
    std::fs::write(root.join("orders/extract.sh"), "echo extract\n").unwrap();
    std::fs::write(
        root.join("orders/task.yaml"),
        format!(
            "kind: TriggerTask\nname: extract\nworkflow: orders\nbase:\n  task_type: Shell\nconfiguration:\n  code_file: {code_file}\n"
        ),
    )
    .unwrap();
    directory
}

/// Errors with the wrapping undone: each message and help on one line (continuations are
/// indented; snippet lines start with their gutter).
fn unwrapped(errors: &str) -> String {
    let mut joined = String::new();
    for line in errors.lines() {
        let content = line.trim_start();
        let gutter = content.starts_with("-->")
            || content.starts_with('|')
            || content
                .split_once(" |")
                .is_some_and(|(number, _)| number.chars().all(|c| c.is_ascii_digit()));
        if line.starts_with("  ") && !content.is_empty() && !gutter {
            joined.push(' ');
            joined.push_str(content);
        } else {
            joined.push('\n');
            joined.push_str(line);
        }
    }
    joined
}

/// Runs validate with a guard against a hang (a FIFO opened for reading blocks forever).
fn validate_guarded(directory: &Path) -> std::process::Output {
    wedata_gitops()
        .current_dir(directory)
        .args(["validate", "."])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap()
}

#[test]
fn a_code_file_in_a_hidden_folder_is_refused_and_never_shown() {
    for (code_file, expected) in [
        (
            "../.git/config",
            "the code file `../.git/config` lies in the hidden folder `.git`",
        ),
        ("../.env", "the code file `../.env` is a hidden file"),
        (
            "./../orders/../.git/./config",
            "lies in the hidden folder `.git`",
        ),
    ] {
        let project = project_with_code_file(code_file);
        let output = validate_guarded(project.path());
        assert_eq!(output.status.code(), Some(1), "{code_file}");
        let errors = unwrapped(&stderr(&output));
        assert!(errors.contains("--> orders/task.yaml:7:14"), "{errors}");
        assert!(errors.contains(expected), "{code_file}: {errors}");
        assert!(
            errors.contains("help: hidden files and folders"),
            "{errors}"
        );
        assert!(!errors.contains("credential_in"), "{errors}");
        // plan stops at the same error, before any plan (Markdown included) is made.
        let plan = wedata_gitops()
            .current_dir(project.path())
            .args(["plan", ".", "--emulate", "--format", "markdown"])
            .output()
            .unwrap();
        assert_eq!(plan.status.code(), Some(1), "{code_file}");
        assert!(
            !stdout(&plan).contains("credential_in"),
            "{}",
            stdout(&plan)
        );
        assert!(
            !stderr(&plan).contains("credential_in"),
            "{}",
            stderr(&plan)
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_code_file_is_judged_by_what_it_points_to() {
    use std::os::unix::fs::symlink;
    let project = project_with_code_file("link.sh");
    let orders = project.path().join("orders");

    symlink("../.git/config", orders.join("link.sh")).unwrap();
    let errors = unwrapped(&stderr(&validate_guarded(project.path())));
    assert!(
        errors.contains("the code file `link.sh` resolves to `.git/config`, which lies in the hidden folder `.git`"),
        "{errors}"
    );
    assert!(!errors.contains("credential_in"), "{errors}");

    std::fs::remove_file(orders.join("link.sh")).unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("code.sh"), "echo outside\n").unwrap();
    symlink(outside.path().join("code.sh"), orders.join("link.sh")).unwrap();
    let errors = unwrapped(&stderr(&validate_guarded(project.path())));
    assert!(errors.contains("is outside the project folder"), "{errors}");

    std::fs::remove_file(orders.join("link.sh")).unwrap();
    symlink("extract.sh", orders.join("link.sh")).unwrap();
    let output = validate_guarded(project.path());
    assert!(output.status.success(), "{}", stderr(&output));
}

#[cfg(unix)]
#[test]
fn a_code_file_that_is_not_a_regular_file_is_refused_without_opening_it() {
    let project = project_with_code_file("special");
    let special = project.path().join("orders/special");

    // A FIFO: opening it for reading would block until a writer comes.
    let status = std::process::Command::new("mkfifo")
        .arg(&special)
        .status()
        .unwrap();
    assert!(status.success());
    let errors = unwrapped(&stderr(&validate_guarded(project.path())));
    assert!(
        errors.contains("the code file `special` is a FIFO (named pipe), not a regular file"),
        "{errors}"
    );
    assert!(
        errors.contains("help: code_file must name a regular file"),
        "{errors}"
    );

    std::fs::remove_file(&special).unwrap();
    let _listener = std::os::unix::net::UnixListener::bind(&special).unwrap();
    let errors = unwrapped(&stderr(&validate_guarded(project.path())));
    assert!(
        errors.contains("`special` is a socket, not a regular file"),
        "{errors}"
    );

    std::fs::remove_file(&special).unwrap();
    std::fs::create_dir(&special).unwrap();
    let errors = unwrapped(&stderr(&validate_guarded(project.path())));
    assert!(
        errors.contains("`special` is a directory, not a regular file"),
        "{errors}"
    );
}

#[test]
fn machine_formats_carry_every_problem_with_its_code_and_repository_path() {
    let directory = root().join("tests/manifests/several_problems");
    for format in ["json", "github", "gitlab"] {
        let output = wedata_gitops()
            .current_dir(&directory)
            .args(["validate", ".", "--format", format])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{format}");
        // The repository root is the checkout holding this test: paths start from it.
        let shown = stdout(&output);
        assert!(
            shown.contains("tests/manifests/several_problems/a.yaml"),
            "{format}: {shown}"
        );
        insta::assert_snapshot!(format!("validate_format_{format}"), shown);
    }
}

#[test]
fn a_missing_manifest_directory_is_named_once_in_every_format() {
    let directory = tempfile::tempdir().unwrap();
    let text = wedata_gitops()
        .current_dir(directory.path())
        .args(["validate", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(text.status.code(), Some(1));
    assert!(
        stderr(&text).starts_with(
            "error[manifest::no_directory]: the manifest directory nowhere does not exist\n"
        ),
        "{}",
        stderr(&text)
    );
    let github = wedata_gitops()
        .current_dir(directory.path())
        .args(["validate", "nowhere", "--format", "github"])
        .output()
        .unwrap();
    assert!(
        stdout(&github).starts_with("::error file=nowhere,title=manifest%3A%3Ano_directory::"),
        "{}",
        stdout(&github)
    );
}
