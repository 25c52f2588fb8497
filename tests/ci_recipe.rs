//! The CI recipes under examples/ci are copied into users' repositories: they must be valid
//! YAML and every `wedata-gitops` invocation in them must parse with the real command line.

use assert_cmd::Command;

fn wedata_gitops() -> Command {
    Command::cargo_bin("wedata-gitops").unwrap()
}

/// Every `wedata-gitops ...` line in the GitHub Actions recipe must parse with the real CLI.
#[test]
fn github_actions_recipe_is_valid_yaml_and_uses_real_commands() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/ci/github-actions.yml"),
    )
    .unwrap();
    let workflow: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    let jobs = workflow["jobs"].as_object().expect("jobs");
    assert!(jobs.contains_key("plan") && jobs.contains_key("apply"));
    let mut invocations = Vec::new();
    for job in jobs.values() {
        for step in job["steps"].as_array().expect("steps") {
            let Some(script) = step["run"].as_str() else {
                continue;
            };
            for line in script.lines().map(str::trim) {
                if let Some(rest) = line.strip_prefix("wedata-gitops ") {
                    let arguments: Vec<&str> = rest
                        .split_whitespace()
                        .take_while(|word| *word != ">")
                        .collect();
                    invocations.push(arguments);
                }
            }
        }
    }
    let subcommands: Vec<&str> = invocations.iter().map(|arguments| arguments[0]).collect();
    for expected in ["validate", "plan", "apply"] {
        assert!(
            subcommands.contains(&expected),
            "recipe never runs {expected}"
        );
    }
    for arguments in invocations {
        wedata_gitops()
            .args(&arguments)
            .arg("--help")
            .assert()
            .success();
        let mut full = vec!["wedata-gitops"];
        full.extend(&arguments);
        if let Err(error) = <wedata_gitops::cli::Cli as clap::Parser>::try_parse_from(&full) {
            panic!("recipe line `{}` does not parse: {error}", full.join(" "));
        }
    }
}
