//! The CI files users copy or reference: the GitHub Action (`action.yml`), the recipe under
//! examples/ci, the GitLab CI template, the pre-commit hooks and the release workflow. Each
//! must be valid YAML, and every `wedata-gitops` command line in them must parse with the real
//! command line (shell variables replaced by sample values).

use std::path::Path;

use serde_json::Value;

/// Sample values for the shell words the scripts pass to wedata-gitops.
const SUBSTITUTIONS: [(&str, &[&str]); 3] = [
    ("\"$@\"", &["tasks", "--target", "prod"]),
    ("\"$WEDATA_GITOPS_DIRECTORY\"", &["tasks"]),
    ("\"$report_file\"", &["plan.html"]),
];

fn repository_file(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn yaml(path: &str) -> Value {
    serde_saphyr::from_str(&repository_file(path)).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The wedata-gitops invocations in a shell script: each line starting with `wedata-gitops`,
/// its words up to a redirection, pipe or list operator, with the sample substitutions made.
fn invocations(script: &str, origin: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for line in script.replace("\\\n", " ").lines().map(str::trim) {
        let Some(rest) = line.strip_prefix("wedata-gitops ") else {
            continue;
        };
        let mut arguments = Vec::new();
        for word in rest.split_whitespace() {
            if matches!(word, ">" | "|" | ";" | "&&" | "||") || word.starts_with('>') {
                break;
            }
            match SUBSTITUTIONS.iter().find(|(variable, _)| *variable == word) {
                Some((_, values)) => arguments.extend(values.iter().map(|value| value.to_string())),
                None => {
                    assert!(
                        !word.contains('$'),
                        "{origin}: `{line}` passes {word}, which this test has no sample for"
                    );
                    arguments.push(word.trim_matches('"').to_owned());
                }
            }
        }
        found.push(arguments);
    }
    found
}

/// Parses each invocation with the real clap definition; returns the subcommands seen.
fn assert_parses(invocations: &[Vec<String>], origin: &str) -> Vec<String> {
    let mut subcommands = Vec::new();
    for arguments in invocations {
        let mut full = vec!["wedata-gitops".to_owned()];
        full.extend(arguments.iter().cloned());
        if let Err(error) = <wedata_gitops::cli::Cli as clap::Parser>::try_parse_from(&full) {
            panic!("{origin}: `{}` does not parse: {error}", full.join(" "));
        }
        subcommands.push(arguments[0].clone());
    }
    subcommands
}

fn steps(job: &Value) -> &Vec<Value> {
    job["steps"].as_array().expect("steps")
}

#[test]
fn the_action_installs_the_release_and_runs_real_commands() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"], "composite");
    let inputs = action["inputs"].as_object().unwrap();
    for input in ["command", "directory", "target", "version", "sha256"] {
        assert!(inputs.contains_key(input), "action.yml lacks input {input}");
    }
    assert_eq!(
        inputs["version"]["default"],
        env!("CARGO_PKG_VERSION"),
        "the Action installs the release it ships with"
    );
    assert_eq!(
        inputs["repository"]["default"],
        wedata_gitops::init::repository()
    );

    let steps = steps(&action["runs"]);
    let mut commands = Vec::new();
    for step in steps {
        let name = step["name"].as_str().unwrap_or("a step");
        let Some(script) = step["run"].as_str() else {
            continue;
        };
        assert_eq!(
            step["shell"], "bash",
            "{name}: a composite run step names its shell"
        );
        assert!(
            !script.contains("${{"),
            "{name}: inputs reach scripts through env, never pasted into the script"
        );
        assert!(
            !script.contains("cargo "),
            "{name}: the Action never compiles"
        );
        commands.extend(invocations(script, name));
    }
    let install = steps
        .iter()
        .find(|step| step["name"].as_str().unwrap().starts_with("Install"))
        .unwrap()["run"]
        .as_str()
        .unwrap();
    assert!(
        install
            .contains("https://github.com/$WEDATA_REPOSITORY/releases/download/v$WEDATA_VERSION")
    );
    assert!(install.contains("name=\"wedata-gitops-$WEDATA_VERSION-$target\""));
    assert!(install.contains("$archive.sha256") && install.contains("refusing to run it"));
    for target in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(install.contains(target), "no archive for {target}");
    }
    let cache = steps
        .iter()
        .find(|step| {
            step["uses"]
                .as_str()
                .is_some_and(|uses| uses.starts_with("actions/cache@"))
        })
        .expect("the plan cache is restored and saved");
    assert_eq!(
        cache["with"]["path"],
        "${{ inputs.directory }}/.wedata/cache"
    );
    let key = cache["with"]["key"].as_str().unwrap();
    assert!(
        key.contains("inputs.target") && key.contains("wedata.yaml"),
        "{key}"
    );
    let comment = steps
        .iter()
        .find(|step| step["name"].as_str().unwrap().contains("comment"))
        .unwrap()["run"]
        .as_str()
        .unwrap();
    assert!(comment.contains("<!-- wedata-gitops-plan:$(safe \"$WEDATA_GITOPS_DIRECTORY\"):$(safe \"$WEDATA_GITOPS_TARGET\") -->"));
    assert!(comment.contains("--method PATCH") && comment.contains("--method POST"));
    let mode = steps[0]["run"].as_str().unwrap();
    assert!(
        mode.contains("refs/heads/$DEFAULT_BRANCH"),
        "apply only on the default branch"
    );

    let subcommands = assert_parses(&commands, "action.yml");
    for expected in ["validate", "plan", "apply", "doctor"] {
        assert!(
            subcommands.iter().any(|seen| seen == expected),
            "action.yml never runs {expected}"
        );
    }
    let validate = commands
        .iter()
        .find(|arguments| arguments[0] == "validate")
        .unwrap();
    assert!(
        validate
            .windows(2)
            .any(|pair| pair == ["--format", "github"]),
        "the Action annotates problems with validate --format github"
    );
}

/// The recipe copied into users' repositories uses the Action, pinned to this release, with
/// only the inputs the Action declares.
#[test]
fn the_github_recipe_uses_the_action_of_this_release() {
    let action = yaml("action.yml");
    let inputs = action["inputs"].as_object().unwrap();
    let workflow = yaml("examples/ci/github-actions.yml");
    let jobs = workflow["jobs"].as_object().expect("jobs");
    let expected = format!(
        "{}@v{}",
        wedata_gitops::init::repository(),
        env!("CARGO_PKG_VERSION")
    );
    let mut commands = Vec::new();
    for (job_name, job) in jobs {
        let uses: Vec<&Value> = steps(job)
            .iter()
            .filter(|step| {
                step["uses"]
                    .as_str()
                    .is_some_and(|uses| uses.contains("wedata-gitops"))
            })
            .collect();
        assert_eq!(uses.len(), 1, "{job_name} uses the Action once");
        assert_eq!(uses[0]["uses"], expected.as_str());
        for (input, _) in uses[0]["with"].as_object().unwrap() {
            assert!(
                inputs.contains_key(input),
                "{job_name}: the Action has no input {input}"
            );
        }
        commands.push(uses[0]["with"]["command"].as_str().unwrap().to_owned());
        assert!(
            steps(job).iter().all(|step| step["run"]
                .as_str()
                .is_none_or(|run| !run.contains("cargo install"))),
            "{job_name}: nothing is compiled"
        );
    }
    commands.sort();
    assert_eq!(commands, ["apply", "plan"]);
    assert_eq!(jobs["apply"]["environment"], "production");
}

#[test]
fn the_gitlab_template_installs_the_release_and_runs_real_commands() {
    let template = yaml("ci/gitlab/wedata-gitops.yml");
    let variables = &template["variables"];
    assert_eq!(
        variables["WEDATA_GITOPS_VERSION"],
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(
        variables["WEDATA_GITOPS_REPOSITORY"],
        wedata_gitops::init::repository()
    );
    let base = &template[".wedata-gitops"];
    assert_eq!(
        base["cache"]["paths"][0],
        "$WEDATA_GITOPS_DIRECTORY/.wedata/cache/"
    );
    assert!(
        base["cache"]["key"]
            .as_str()
            .unwrap()
            .contains("$WEDATA_GITOPS_TARGET")
    );
    let install = base["before_script"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(install.contains("releases/download/v$WEDATA_GITOPS_VERSION"));
    assert!(install.contains("sha256sum -c"));
    let mut commands = Vec::new();
    for job in ["wedata-gitops-plan", "wedata-gitops-apply"] {
        assert_eq!(template[job]["extends"], ".wedata-gitops", "{job}");
        let script: Vec<&str> = template[job]["script"]
            .as_array()
            .unwrap_or_else(|| panic!("{job} has a script"))
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for line in &script {
            assert!(!line.contains("cargo "), "{job}: nothing is compiled");
            commands.extend(invocations(line, job));
        }
    }
    let apply_rule = template["wedata-gitops-apply"]["rules"][0]["if"]
        .as_str()
        .unwrap();
    assert!(
        apply_rule.contains("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"),
        "{apply_rule}"
    );
    let subcommands = assert_parses(&commands, "ci/gitlab/wedata-gitops.yml");
    for expected in ["validate", "plan", "apply"] {
        assert!(
            subcommands.iter().any(|seen| seen == expected),
            "the template never runs {expected}"
        );
    }
}

#[test]
fn the_pre_commit_hooks_run_validate() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().unwrap();
    assert!(
        hooks
            .iter()
            .any(|hook| hook["id"] == "wedata-gitops-validate")
    );
    for hook in hooks {
        let entry = hook["entry"].as_str().unwrap();
        assert_eq!(
            hook["pass_filenames"], false,
            "validate takes a folder, not file names"
        );
        for extra in [vec![], vec!["tasks".to_owned()]] {
            let mut arguments: Vec<String> = entry
                .strip_prefix("wedata-gitops ")
                .unwrap()
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            arguments.extend(extra);
            assert_eq!(assert_parses(&[arguments], entry), ["validate"]);
        }
    }
}

/// The release workflow builds every platform the Action and the template install, packages
/// each with scripts/package-release (archive + .sha256), and publishes the checksums.
#[test]
fn the_release_workflow_builds_every_installed_platform() {
    let workflow = yaml(".github/workflows/release.yml");
    let build = &workflow["jobs"]["build"];
    let targets: Vec<&str> = build["strategy"]["matrix"]["include"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry["target"].as_str().unwrap())
        .collect();
    let action = repository_file("action.yml");
    for target in [
        "x86_64-unknown-linux-musl",
        "aarch64-unknown-linux-musl",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(
            targets.contains(&target),
            "the release does not build {target}"
        );
        assert!(
            action.contains(target),
            "the Action cannot install {target}"
        );
    }
    let build_steps = steps(build);
    assert!(build_steps.iter().any(|step| {
        step["run"]
            .as_str()
            .is_some_and(|run| run.starts_with("scripts/package-release --target"))
    }));
    assert!(build_steps.iter().any(|step| {
        step["uses"]
            .as_str()
            .is_some_and(|uses| uses.starts_with("actions/upload-artifact@"))
    }));
    let publish = steps(&workflow["jobs"]["publish"])
        .iter()
        .filter_map(|step| step["run"].as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(publish.contains("sha256sum -c") && publish.contains("SHA256SUMS"));
    assert!(publish.contains("gh release create"));
    let script = repository_file("scripts/package-release");
    assert!(script.contains("wedata-gitops-$version-$target"));
    assert!(script.contains(".sha256"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/package-release"),
        )
        .unwrap()
        .permissions()
        .mode();
        assert!(mode & 0o111 != 0, "scripts/package-release is executable");
    }
}

/// The release profile is what the archives are built with: stripped, whole-program LTO.
#[test]
fn the_release_profile_is_stripped_with_lto() {
    let manifest: toml_like::Manifest = toml_like::parse(&repository_file("Cargo.toml"));
    let release = manifest.section("profile.release");
    assert_eq!(release.get("strip").map(String::as_str), Some("true"));
    assert_eq!(release.get("codegen-units").map(String::as_str), Some("1"));
    assert!(
        release
            .get("lto")
            .is_some_and(|lto| lto != "false" && lto != "\"off\"")
    );
    assert!(
        release.get("debug").is_none(),
        "no line tables in what users download"
    );
}

/// Just enough TOML for `[section]` / `key = value` lines (the crate has no TOML parser and
/// this test does not need one).
mod toml_like {
    use std::collections::HashMap;

    pub struct Manifest(HashMap<String, HashMap<String, String>>);

    impl Manifest {
        pub fn section(&self, name: &str) -> &HashMap<String, String> {
            self.0
                .get(name)
                .unwrap_or_else(|| panic!("no [{name}] in Cargo.toml"))
        }
    }

    pub fn parse(text: &str) -> Manifest {
        let mut sections: HashMap<String, HashMap<String, String>> = HashMap::new();
        let mut current = String::new();
        for line in text.lines().map(str::trim) {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            if let Some(name) = line
                .strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
            {
                current = name.to_owned();
                continue;
            }
            if let Some((key, value)) = line.split_once('=') {
                sections
                    .entry(current.clone())
                    .or_default()
                    .insert(key.trim().to_owned(), value.trim().to_owned());
            }
        }
        Manifest(sections)
    }
}

/// The GitLab recipe includes the template of this release and sets only its variables.
#[test]
fn the_gitlab_recipe_includes_the_template_of_this_release() {
    let recipe = yaml("examples/ci/gitlab-ci.yml");
    assert_eq!(
        recipe["include"][0]["remote"],
        format!(
            "https://raw.githubusercontent.com/{}/v{}/ci/gitlab/wedata-gitops.yml",
            wedata_gitops::init::repository(),
            env!("CARGO_PKG_VERSION")
        )
    );
    let template = yaml("ci/gitlab/wedata-gitops.yml");
    for (variable, _) in recipe["variables"].as_object().unwrap() {
        assert!(
            template["variables"].get(variable).is_some(),
            "the template has no variable {variable}"
        );
    }
}

/// The GitLab plan job, run in bash with stand-ins for wedata-gitops, curl and jq: a plan that
/// a policy refuses (exit 1, its Markdown written) is still posted as the merge-request note,
/// and then the job fails with the plan's code. (GitLab runs a job's script lines in one shell
/// with `set -e`, as here.)
#[cfg(unix)]
#[test]
fn a_refused_plan_is_still_posted_then_the_gitlab_job_fails() {
    use std::os::unix::fs::PermissionsExt;

    let template = yaml("ci/gitlab/wedata-gitops.yml");
    let script: Vec<&str> = template["wedata-gitops-plan"]["script"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let directory = tempfile::tempdir().unwrap();
    let bin = directory.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let calls = directory.path().join("calls");
    let stand_in = |name: &str, body: &str| {
        let path = bin.join(name);
        std::fs::write(&path, format!("#!/bin/bash\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    stand_in(
        "wedata-gitops",
        &format!(
            "echo \"wedata-gitops $*\" >> '{calls}'\ncase \"$1\" in\n  validate) echo '[]'; exit 0 ;;\n  plan) echo '**Risk: 1 policy error.**'; exit 1 ;;\nesac",
            calls = calls.display()
        ),
    );
    stand_in(
        "curl",
        &format!(
            "echo \"curl $*\" >> '{calls}'\necho '[]'",
            calls = calls.display()
        ),
    );
    stand_in("jq", "cat > /dev/null");
    let program = format!("set -eo pipefail\nset -- tasks\n{}\n", script.join("\n"));
    let status = std::process::Command::new("bash")
        .arg("-c")
        .arg(&program)
        .current_dir(directory.path())
        .env(
            "PATH",
            format!("{}:{}", bin.display(), std::env::var("PATH").unwrap()),
        )
        .env("GITLAB_API_TOKEN", "token")
        .env("CI_API_V4_URL", "https://gitlab.example/api/v4")
        .env("CI_PROJECT_ID", "7")
        .env("CI_MERGE_REQUEST_IID", "3")
        .env("WEDATA_GITOPS_DIRECTORY", "tasks")
        .env("WEDATA_GITOPS_TARGET", "")
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(1), "the job fails with the plan's code");
    let calls = std::fs::read_to_string(&calls).unwrap();
    assert!(
        calls
            .lines()
            .any(|line| line.starts_with("curl") && line.contains("--request POST")),
        "the refused plan is posted: {calls}"
    );
    let note = std::fs::read_to_string(directory.path().join("note.md")).unwrap();
    assert!(note.contains("**Risk: 1 policy error.**"), "{note}");
}

/// In the Action, a plan step that fails (a policy or a guard rail refused the plan, its
/// Markdown written) does not skip the comment: reviewers see why. The comment step runs
/// after a failure and posts nothing when the plan wrote nothing.
#[test]
fn a_refused_plan_is_still_posted_by_the_action() {
    let action = yaml("action.yml");
    let comment = steps(&action["runs"])
        .iter()
        .find(|step| step["name"] == "Post or update the plan comment")
        .expect("the comment step");
    let condition = comment["if"].as_str().unwrap();
    assert!(condition.starts_with("always() && "), "{condition}");
    assert!(
        condition.contains("steps.plan.outputs.file != ''"),
        "{condition}"
    );
    let script = comment["run"].as_str().unwrap();
    assert!(
        script.contains("if [ ! -s \"$PLAN_FILE\" ]; then exit 0; fi"),
        "{script}"
    );
}
