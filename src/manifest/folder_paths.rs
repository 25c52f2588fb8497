//! Folder paths (`folder` of a workflow, `base.folder_path` of a task) are absolute and
//! canonical: `/`, or `/` followed by non-empty names without `.` or `..`, no trailing `/`.
//! WeData addresses folders by exactly that text (ParentFolderPath, TaskFolderPath), and the
//! plan looks them up and creates them level by level, so `orders/` or `/a//b` would be a
//! different folder, or none, halfway through apply.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::check::At;
use super::diagnostic::Diagnostics;
use super::legacy::key_position;
use super::{Task, Workflow, WorkflowDefinition};
use crate::codes::ManifestCode;

/// Why `path` is not a canonical folder path, if it is not.
fn problem(path: &str) -> Option<&'static str> {
    if path == "/" {
        return None;
    }
    if !path.starts_with('/') {
        return Some("a folder path starts with `/`");
    }
    if path.ends_with('/') {
        return Some("a folder path has no trailing `/`");
    }
    if path.chars().any(char::is_control) {
        return Some("a folder path has no control characters");
    }
    path[1..].split('/').find_map(|name| match name {
        "" => Some("a folder path has no empty names (`//`)"),
        "." | ".." => Some("a folder path has no `.` or `..`"),
        _ => None,
    })
}

/// The canonical spelling of `path`, for the hint.
fn canonical(path: &str) -> String {
    let names: Vec<&str> = path
        .split('/')
        .filter(|name| !name.is_empty() && *name != "." && *name != "..")
        .collect();
    format!("/{}", names.join("/"))
}

pub(super) fn check(
    workflows: &[Workflow],
    tasks: &[Task],
    sources: &HashMap<PathBuf, Arc<String>>,
    at: &At<'_>,
    diagnostics: &mut Diagnostics,
) {
    let mut report = |file: &Path, first_line: usize, key: &[&str], path: &str, member: &str| {
        let Some(problem) = problem(path) else {
            return;
        };
        let (line, column) = sources
            .get(file)
            .and_then(|text| key_position(text, first_line, key))
            .unwrap_or((first_line, 1));
        diagnostics.push(
            at(
                ManifestCode::InvalidValue,
                file,
                line as u64,
                column as u64,
                format!("`{member}: {path}` is not a folder path WeData can address: {problem}"),
            )
            .with_hint(format!("write `{member}: {}`", canonical(path))),
        );
    };
    for workflow in workflows {
        let folder = match &workflow.definition {
            WorkflowDefinition::Trigger(manifest) => manifest.folder.as_deref(),
            WorkflowDefinition::Periodic(manifest) => manifest.folder.as_deref(),
        };
        if let Some(folder) = folder {
            let first_line =
                workflow.line + 1 - workflow.definition.name().referenced.line() as usize;
            report(&workflow.file, first_line, &["folder"], folder, "folder");
        }
    }
    for task in tasks {
        if let Some(path) = task.base().folder_path.as_deref() {
            let first_line = task.line + 1 - task.name_span().referenced.line() as usize;
            report(
                &task.file,
                first_line,
                &["base", "folder_path"],
                path,
                "folder_path",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_canonical_absolute_paths_are_folder_paths() {
        for good in ["/", "/orders", "/orders/quality", "/默认文件夹"] {
            assert_eq!(problem(good), None, "{good}");
        }
        for bad in [
            "orders",
            "/orders/",
            "/a//b",
            "/a/../b",
            "/a/./b",
            "/a\u{1b}[2J",
        ] {
            assert!(problem(bad).is_some(), "{bad}");
        }
        assert_eq!(canonical("orders//quality/"), "/orders/quality");
    }
}
