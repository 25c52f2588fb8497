//! Shell completions and man pages are generated from the real command line: these tests
//! keep them complete, and pin the exit code of a usage error.

use assert_cmd::Command;

fn wedata_gitops() -> Command {
    Command::cargo_bin("wedata-gitops").unwrap()
}

#[test]
fn completions_are_generated_for_each_documented_shell() {
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef wedata-gitops"),
        ("fish", "complete -c wedata-gitops"),
    ] {
        let output = wedata_gitops()
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8(output.stdout).unwrap();
        assert!(script.contains(marker), "{shell} script lacks {marker:?}");
        for command in ["validate", "plan", "apply", "import"] {
            assert!(script.contains(command), "{shell} script lacks {command}");
        }
    }
}

#[test]
fn man_page_describes_every_command() {
    let output = wedata_gitops().arg("man").output().unwrap();
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(
        page.starts_with(".ie"),
        "not roff: {}",
        &page[..40.min(page.len())]
    );
    assert!(page.contains(".TH wedata-gitops 1"));
    for command in [
        "init",
        "validate",
        "plan",
        "apply",
        "graph",
        "import",
        "history",
        "diff",
        "rollback",
        "pull",
        "doctor",
        "force-unlock",
        "api",
        "emulator",
    ] {
        // roff writes a hyphen as `\-`.
        assert!(
            page.contains(&command.replace('-', "\\-")),
            "man page lacks {command}"
        );
    }

    let directory = tempfile::tempdir().unwrap();
    wedata_gitops()
        .args(["man", "--out"])
        .arg(directory.path())
        .assert()
        .success();
    for page in [
        "wedata-gitops.1",
        "wedata-gitops-plan.1",
        "wedata-gitops-apply.1",
    ] {
        assert!(directory.path().join(page).is_file(), "{page} missing");
    }
}

#[test]
fn usage_error_exits_one_not_two() {
    // Exit code 2 is reserved for `plan --detailed-exitcode` with changes pending.
    wedata_gitops().arg("no-such-command").assert().code(1);
    wedata_gitops().arg("--help").assert().code(0);
}
