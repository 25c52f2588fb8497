//! The diagnostics of one load for machines: JSON (every field), GitHub Actions workflow
//! commands (annotations on the pull request's diff) and GitLab's code quality report.
//!
//! Paths: `file` is relative to the manifest root, as `validate` prints it; the GitHub and
//! GitLab formats (and JSON's `path`) are relative to the repository root, because both
//! services place an annotation by its repository-relative path. The repository root is the
//! nearest folder above the manifest root holding `.git` (a folder, or a file in a worktree
//! or submodule), else the current directory. Secrets never reach these formats: they carry
//! messages and hints, never snippets.

use std::path::{Path, PathBuf};

use serde_json::json;
use sha2::{Digest, Sha256};

use super::diagnostic::{Diagnostics, ManifestError};

/// Where a manifest root lies in its repository.
#[derive(Debug, Clone)]
pub struct RepositoryPaths {
    /// The manifest root, canonical.
    root: PathBuf,
    /// The repository root, canonical (or the current directory).
    repository: PathBuf,
}

impl RepositoryPaths {
    /// Finds the repository of `root` (see the module documentation).
    pub fn discover(root: &Path) -> Self {
        let root = root.canonicalize().unwrap_or_else(|_| root.to_owned());
        let current = std::env::current_dir()
            .and_then(|directory| directory.canonicalize())
            .unwrap_or_default();
        let repository = root
            .ancestors()
            .find(|folder| folder.join(".git").exists())
            .map(Path::to_owned)
            .unwrap_or(current);
        Self { root, repository }
    }

    /// For tests: a manifest root at `root` inside the repository at `repository`.
    pub fn new(root: PathBuf, repository: PathBuf) -> Self {
        Self { root, repository }
    }

    /// `file` (relative to the manifest root) relative to the repository root, with `/`;
    /// the path as given when it lies outside the repository.
    pub fn repository_path(&self, file: &Path) -> String {
        // An empty `file` is the manifest root itself (a missing directory).
        let full = if file.as_os_str().is_empty() {
            self.root.clone()
        } else {
            self.root.join(file)
        };
        let shown = full.strip_prefix(&self.repository).unwrap_or(&full);
        shown.to_string_lossy().replace('\\', "/")
    }
}

/// `{"format_version": 1, "valid": ..., "diagnostics": [...]}`; `summary` when valid.
pub fn json(diagnostics: &Diagnostics, summary: Option<&str>, paths: &RepositoryPaths) -> String {
    let entries: Vec<_> = every(diagnostics)
        .map(|(error, severity)| {
            json!({
                "file": display(&error.file),
                "path": paths.repository_path(&error.file),
                "line": (error.line > 0).then_some(error.line),
                "column": (error.line > 0).then_some(error.column.max(1)),
                "code": error.code.as_str(),
                "severity": severity,
                "message": error.message,
                "help": error.hint,
            })
        })
        .collect();
    let document = json!({
        "format_version": 1,
        "valid": diagnostics.errors.is_empty(),
        "summary": summary,
        "diagnostics": entries,
    });
    serde_json::to_string_pretty(&document).expect("diagnostics serialize") + "\n"
}

/// One `::error file=...,line=...,col=...,title=CODE::MESSAGE` line per diagnostic; the hint
/// follows the message on a line of its own (`%0A`).
pub fn github(diagnostics: &Diagnostics, paths: &RepositoryPaths) -> String {
    let mut out = String::new();
    for (error, severity) in every(diagnostics) {
        let mut properties = vec![format!(
            "file={}",
            escape_property(&paths.repository_path(&error.file))
        )];
        if error.line > 0 {
            properties.push(format!("line={}", error.line));
            properties.push(format!("col={}", error.column.max(1)));
        }
        properties.push(format!("title={}", escape_property(error.code.as_str())));
        out.push_str(&format!(
            "::{severity} {}::{}\n",
            properties.join(","),
            escape_data(&message_with_hint(error))
        ));
    }
    out
}

/// GitLab's code quality report: a JSON array of issues with a stable fingerprint.
pub fn gitlab(diagnostics: &Diagnostics, paths: &RepositoryPaths) -> String {
    let issues: Vec<_> = every(diagnostics)
        .map(|(error, severity)| {
            let path = paths.repository_path(&error.file);
            let fingerprint = hex::encode(Sha256::digest(
                format!(
                    "{}\u{0}{path}\u{0}{}\u{0}{}",
                    error.code, error.line, error.message
                )
                .as_bytes(),
            ));
            json!({
                "description": message_with_hint(error),
                "check_name": error.code.as_str(),
                "fingerprint": fingerprint,
                "severity": if severity == "error" { "major" } else { "minor" },
                "location": {"path": path, "lines": {"begin": error.line.max(1)}},
            })
        })
        .collect();
    serde_json::to_string_pretty(&issues).expect("issues serialize") + "\n"
}

/// Errors, then warnings, each with its severity word (`error`, `warning`).
fn every(diagnostics: &Diagnostics) -> impl Iterator<Item = (&ManifestError, &'static str)> {
    diagnostics
        .errors
        .iter()
        .map(|error| (error, "error"))
        .chain(
            diagnostics
                .warnings
                .iter()
                .map(|warning| (warning, "warning")),
        )
}

fn message_with_hint(error: &ManifestError) -> String {
    match &error.hint {
        Some(hint) => format!("{}\nhelp: {hint}", error.message),
        None => error.message.clone(),
    }
}

fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A workflow command's message: `%`, CR and LF are escaped, or GitHub would read them.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: also `:` and `,`, which end a value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::ManifestCode;

    fn hostile() -> Diagnostics {
        Diagnostics {
            errors: vec![
                ManifestError::new(
                    ManifestCode::UnknownUpstream,
                    "orders/we,ird:name%.yaml",
                    7,
                    14,
                    "the upstream `a%0Ab` is 100% wrong\r\n::error file=x::injected",
                )
                .with_hint("did you mean `a,b:c`?"),
                ManifestError::new(
                    ManifestCode::NoProjectFile,
                    "wedata.yaml",
                    0,
                    0,
                    "no project file (wedata.yaml) in the manifest root",
                ),
            ],
            warnings: Vec::new(),
            secret_values: Vec::new(),
        }
    }

    fn paths() -> RepositoryPaths {
        RepositoryPaths::new(
            PathBuf::from("/repository/examples/tasks"),
            PathBuf::from("/repository"),
        )
    }

    #[test]
    fn github_commands_escape_a_hostile_message_and_path() {
        insta::assert_snapshot!(github(&hostile(), &paths()), @r"
        ::error file=examples/tasks/orders/we%2Cird%3Aname%25.yaml,line=7,col=14,title=manifest%3A%3Aunknown_upstream::the upstream `a%250Ab` is 100%25 wrong%0D%0A::error file=x::injected%0Ahelp: did you mean `a,b:c`?
        ::error file=examples/tasks/wedata.yaml,title=manifest%3A%3Ano_project_file::no project file (wedata.yaml) in the manifest root
        ");
        // Each diagnostic is one line: nothing in a message can start a command of its own.
        assert_eq!(github(&hostile(), &paths()).lines().count(), 2);
    }

    #[test]
    fn json_carries_every_field_and_no_place_for_a_file_level_problem() {
        let value: serde_json::Value =
            serde_json::from_str(&json(&hostile(), None, &paths())).unwrap();
        assert_eq!(value["valid"], false);
        let first = &value["diagnostics"][0];
        assert_eq!(first["file"], "orders/we,ird:name%.yaml");
        assert_eq!(first["path"], "examples/tasks/orders/we,ird:name%.yaml");
        assert_eq!(first["line"], 7);
        assert_eq!(first["column"], 14);
        assert_eq!(first["code"], "manifest::unknown_upstream");
        assert_eq!(first["help"], "did you mean `a,b:c`?");
        let second = &value["diagnostics"][1];
        assert!(second["line"].is_null() && second["column"].is_null());
        assert!(second["help"].is_null());
    }

    #[test]
    fn gitlab_issues_have_distinct_stable_fingerprints() {
        let first: serde_json::Value = serde_json::from_str(&gitlab(&hostile(), &paths())).unwrap();
        let again: serde_json::Value = serde_json::from_str(&gitlab(&hostile(), &paths())).unwrap();
        assert_eq!(first, again);
        assert_ne!(first[0]["fingerprint"], first[1]["fingerprint"]);
        assert_eq!(first[1]["location"]["lines"]["begin"], 1);
        assert_eq!(first[0]["check_name"], "manifest::unknown_upstream");
    }

    #[test]
    fn a_file_outside_the_repository_keeps_its_full_path() {
        let paths = RepositoryPaths::new(
            PathBuf::from("/elsewhere/tasks"),
            PathBuf::from("/repository"),
        );
        assert_eq!(
            paths.repository_path(Path::new("a.yaml")),
            "/elsewhere/tasks/a.yaml"
        );
    }
}
