//! What a project on the legacy 2021-08-20 API (`api_version: "2021-08-20"`) may declare.
//!
//! That API reads a task by id (DescribeTaskDetailDs) and updates it (ModifyTaskInfo); it has
//! no workflow or trigger-task actions, no code member, no deletion and no lookup by name. A
//! member the manifest sets must be one ModifyTaskInfo writes and DescribeTaskDetailDs reads
//! back, or the plan could never converge, so every other member is refused here, before any
//! call, at the line that sets it. The reverse holds too: `scheduler.legacy` (ModifyTaskInfo's
//! own members) is refused in a project on the 2025 API.

use std::path::Path;

use super::check::At;
use super::diagnostic::{Diagnostics, ManifestError};
use super::types::{PeriodicTaskManifest, PeriodicUpstream};
use super::{LEGACY_API_VERSION, Task, TaskDefinition, WorkflowDefinition};
use crate::codes::ManifestCode;

const SWITCH_HINT: &str = "move the project to api_version 2025-08-06, which manages it";

/// A workflow document in a legacy project: the legacy API cannot create or change workflows.
pub fn workflow_error(
    workflow: &WorkflowDefinition,
    file: &Path,
    first_line: usize,
    at: &At<'_>,
) -> ManifestError {
    let name = workflow.name();
    at(ManifestCode::LegacyUnsupported,
        file,
        first_line as u64 + name.referenced.line() - 1,
        name.referenced.column(),
        format!(
            "a project on the legacy API ({LEGACY_API_VERSION}) cannot declare workflows: `kind: {}` has no legacy action",
            workflow.kind()
        ),
    )
    .with_hint(format!(
        "remove this document and name the existing workflow in each task (`workflow: {}` or `workflow: {{id: \"<WorkflowId>\"}}`), or {SWITCH_HINT}",
        name.value
    ))
}

/// The legacy rules for one task: in a legacy project, a pinned `kind: Task` with only the
/// members the legacy API round-trips; elsewhere, no `scheduler.legacy`.
pub fn check_task(
    task: &Task,
    legacy: bool,
    text: &str,
    first_line: usize,
    at: &At<'_>,
    diagnostics: &mut Diagnostics,
) {
    let name = task.name_span();
    let name_at = |code: ManifestCode, message: String| {
        at(
            code,
            &task.file,
            first_line as u64 + name.referenced.line() - 1,
            name.referenced.column(),
            message,
        )
    };
    let manifest = match &task.definition {
        TaskDefinition::Periodic(manifest) => manifest,
        TaskDefinition::Trigger(_) if legacy => {
            diagnostics.push(
                name_at(ManifestCode::LegacyUnsupported, format!(
                    "a project on the legacy API ({LEGACY_API_VERSION}) cannot manage trigger tasks"
                ))
                .with_hint(format!(
                    "the legacy API only updates periodic tasks (`kind: Task`); {SWITCH_HINT}"
                )),
            );
            return;
        }
        TaskDefinition::Trigger(_) => return,
    };
    if !legacy {
        if let Some(section) = &manifest.scheduler.legacy {
            let (line, column) = key_position(text, first_line, &["scheduler", "legacy"])
                .unwrap_or((
                    first_line + section.referenced.line() as usize - 1,
                    section.referenced.column() as usize,
                ));
            diagnostics.push(
                at(ManifestCode::LegacySectionInCurrentProject,
                    &task.file,
                    line as u64,
                    column as u64,
                    format!(
                        "scheduler.legacy holds members of the legacy {LEGACY_API_VERSION} API, and this project uses the 2025-08-06 API"
                    ),
                )
                .with_hint("express the run time with scheduler.crontab, or set `api_version: \"2021-08-20\"` in wedata.yaml if this project is on the legacy API"),
            );
        }
        return;
    }
    if task.id().is_none() {
        diagnostics.push(
            name_at(ManifestCode::LegacyUnpinnedTask, format!(
                "the task `{}` has no `id:`: on the legacy API every task must be pinned",
                name.value
            ))
            .with_hint("the legacy API cannot look tasks up by name, so it only manages tasks that exist: add `id: \"<TaskId>\"` (the console shows it), or write the manifests with `wedata-gitops import --task-id <TaskId>`"),
        );
    }
    for (path, reason) in unsupported_members(manifest) {
        let (line, column) = key_position(text, first_line, path)
            .unwrap_or((first_line + name.referenced.line() as usize - 1, 1));
        diagnostics.push(
            at(ManifestCode::LegacyUnsupported,
                &task.file,
                line as u64,
                column as u64,
                format!(
                    "`{}` cannot be managed through the legacy API ({LEGACY_API_VERSION}): {reason}",
                    path.join(".")
                ),
            )
            .with_hint(format!("remove it (WeData keeps its live value), or {SWITCH_HINT}")),
        );
    }
    for upstream in manifest.scheduler.upstream.iter().flatten() {
        let PeriodicUpstream::Detailed(dependency) = &upstream.value else {
            continue;
        };
        let Some(strategy) = &dependency.dependency_strategy else {
            continue;
        };
        if strategy.executing_strategies.is_some() || strategy.executing_timeout_minutes.is_some() {
            diagnostics.push(
                at(ManifestCode::LegacyUnsupported,
                    &task.file,
                    first_line as u64 + upstream.referenced.line() - 1,
                    upstream.referenced.column(),
                    format!(
                        "executing_strategies and executing_timeout_minutes cannot be set through the legacy API ({LEGACY_API_VERSION}): its DependencyConfig has only the polling strategy"
                    ),
                )
                .with_hint(format!(
                    "keep only dependency_strategy.polling_null_strategy, or {SWITCH_HINT}"
                )),
            );
        }
    }
}

const NOT_WRITTEN: &str = "ModifyTaskInfo has no such member";

/// Members of `kind: Task` that ModifyTaskInfo cannot write or DescribeTaskDetailDs cannot read
/// back, by path in the document, with why. `import` leaves them out of legacy manifests too.
pub const UNSUPPORTED_MEMBERS: [(&[&str], &str); 23] = [
    (&["base", "folder_path"], NOT_WRITTEN),
    (
        &["configuration", "code_file"],
        "ModifyTaskInfo has no code member, so code can only be edited in WeData",
    ),
    (&["configuration", "data_cluster"], NOT_WRITTEN),
    (&["configuration", "source_service_type"], NOT_WRITTEN),
    (&["configuration", "source_service_name"], NOT_WRITTEN),
    (&["configuration", "target_service_type"], NOT_WRITTEN),
    (&["configuration", "target_service_name"], NOT_WRITTEN),
    (&["configuration", "bundle_id"], NOT_WRITTEN),
    (&["configuration", "bundle_info"], NOT_WRITTEN),
    (&["scheduler", "time_zone"], NOT_WRITTEN),
    (&["scheduler", "calendar_open"], NOT_WRITTEN),
    (&["scheduler", "calendar_id"], NOT_WRITTEN),
    (&["scheduler", "init_strategy"], NOT_WRITTEN),
    (&["scheduler", "event_listeners"], NOT_WRITTEN),
    (
        &["scheduler", "wait_execution_total_ttl_minutes"],
        NOT_WRITTEN,
    ),
    (&["scheduler", "allow_redo"], NOT_WRITTEN),
    (&["scheduler", "params_out"], NOT_WRITTEN),
    (&["scheduler", "params_in"], NOT_WRITTEN),
    (&["scheduler", "output_registries"], NOT_WRITTEN),
    (&["scheduler", "dependency_trigger_policy"], NOT_WRITTEN),
    (&["scheduler", "allow_downstream_dependency"], NOT_WRITTEN),
    (&["scheduler", "schedule_type"], NOT_WRITTEN),
    (
        &["scheduler", "state"],
        "the operations center (ListOpsTasks, StartOpsTasks, PauseOpsTasksAsync) is part of the 2025-08-06 API only",
    ),
];

/// The members of an upstream's dependency_strategy the legacy DependencyConfig cannot carry.
pub const UNSUPPORTED_STRATEGY_MEMBERS: [&str; 2] =
    ["executing_strategies", "executing_timeout_minutes"];

/// Declared members among `UNSUPPORTED_MEMBERS`, as (path, why): a member is declared when the
/// document, serialized, has a value at its path.
fn unsupported_members(
    manifest: &PeriodicTaskManifest,
) -> Vec<(&'static [&'static str], &'static str)> {
    let document = serde_json::to_value(manifest).expect("manifests serialize");
    UNSUPPORTED_MEMBERS
        .into_iter()
        .filter(|(path, _)| {
            path.iter()
                .try_fold(&document, |value, segment| value.get(segment))
                .is_some_and(|value| !value.is_null())
        })
        .collect()
}

/// The 1-based line and column of the key `path` (e.g. `["scheduler", "allow_redo"]`) in
/// the YAML document that starts at `first_line`, found in the text: block and flow style
/// alike, each segment searched after the one before it.
pub(super) fn key_position(text: &str, first_line: usize, path: &[&str]) -> Option<(usize, usize)> {
    let lines: Vec<&str> = text
        .lines()
        .skip(first_line.saturating_sub(1))
        .enumerate()
        .take_while(|(index, line)| *index == 0 || !line.starts_with("---"))
        .map(|(_, line)| line)
        .collect();
    let (mut line, mut column) = (0, 0);
    for (depth, segment) in path.iter().enumerate() {
        let found = lines
            .iter()
            .enumerate()
            .skip(line)
            .find_map(|(index, content)| {
                let from = if index == line { column } else { 0 };
                find_key(content, segment, from, depth == 0).map(|at| (index, at))
            })?;
        (line, column) = (found.0, found.1 + segment.len());
        if depth == path.len() - 1 {
            return Some((first_line + found.0, found.1 + 1));
        }
    }
    None
}

/// The byte column of `key:` in `line` at or after `from`, as a whole key (after the line's
/// indentation, `{` or `,`). A top-level key must start the line.
fn find_key(line: &str, key: &str, from: usize, top_level: bool) -> Option<usize> {
    let pattern = format!("{key}:");
    let mut start = from;
    while let Some(offset) = line.get(start..)?.find(&pattern) {
        let at = start + offset;
        let before = line[..at].trim_end();
        let whole_key = if top_level {
            at == 0
        } else {
            before.is_empty() || before.ends_with('{') || before.ends_with(',')
        };
        if whole_key {
            return Some(at);
        }
        start = at + pattern.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCUMENT: &str = "kind: Workflow\nname: other\n---\nkind: Task\nname: report\nconfiguration: { code_file: report.py }\nscheduler:\n  cycle_type: DAY_CYCLE\n  allow_redo: FAILURE\n";

    #[test]
    fn keys_are_found_in_block_and_flow_style_within_their_document() {
        assert_eq!(
            key_position(DOCUMENT, 4, &["configuration", "code_file"]),
            Some((6, 18))
        );
        assert_eq!(
            key_position(DOCUMENT, 4, &["scheduler", "allow_redo"]),
            Some((9, 3))
        );
        assert_eq!(key_position(DOCUMENT, 4, &["scheduler", "time_zone"]), None);
        assert_eq!(
            key_position(DOCUMENT, 1, &["scheduler", "allow_redo"]),
            None,
            "the search stops at the end of the document"
        );
    }

    #[test]
    fn a_key_inside_a_value_is_not_a_key() {
        assert_eq!(
            find_key("  description: allow_redo: no", "allow_redo", 0, false),
            None
        );
        assert_eq!(
            find_key("  allow_redo: ALL", "allow_redo", 0, false),
            Some(2)
        );
        assert_eq!(
            find_key("x: {a: 1, allow_redo: ALL}", "allow_redo", 0, false),
            Some(10)
        );
    }
}
