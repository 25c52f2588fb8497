//! `renamed_from` checks that need no live state: an old name must not be the resource's own
//! name, a name another manifest declares (two manifests would claim one live resource), or
//! an old name another `renamed_from` in the same scope claims too. Whether WeData has the old
//! name, the new one or both is the plan's business (`reconcile::renames`).

use std::collections::HashMap;
use std::path::Path;

use serde_saphyr::Spanned;

use super::check::At;
use super::diagnostic::{Diagnostics, ManifestError};
use super::types::{PreviousNames, Reference};
use super::{Task, Workflow};
use crate::codes::ManifestCode;

/// Where a `renamed_from` is written: file, line and column in the file.
struct Written<'a> {
    file: &'a Path,
    line: usize,
    column: usize,
}

pub fn check(workflows: &[Workflow], tasks: &[Task], at: &At<'_>, diagnostics: &mut Diagnostics) {
    let workflow_names: Vec<String> = workflows
        .iter()
        .map(|workflow| workflow.definition.name().value.clone())
        .collect();
    let mut claimed: HashMap<String, Written<'_>> = HashMap::new();
    for workflow in workflows {
        let Some(span) = workflow.renamed_from() else {
            continue;
        };
        let written = Written {
            file: &workflow.file,
            line: workflow.file_line(span.referenced.line()),
            column: span.referenced.column() as usize,
        };
        let own = &workflow.definition.name().value;
        check_names(
            "workflow",
            own,
            span,
            &written,
            |name| workflow_names.iter().any(|declared| declared == name),
            &mut claimed,
            String::new(),
            at,
            diagnostics,
        );
    }
    let mut claimed: HashMap<String, Written<'_>> = HashMap::new();
    for task in tasks {
        let Some(span) = task.renamed_from() else {
            continue;
        };
        let written = Written {
            file: &task.file,
            line: task.file_line(span.referenced.line()),
            column: span.referenced.column() as usize,
        };
        let scope = workflow_scope(task);
        check_names(
            "task",
            task.name(),
            span,
            &written,
            |name| {
                tasks
                    .iter()
                    .any(|other| other.name() == name && workflow_scope(other) == scope)
            },
            &mut claimed,
            format!("{scope}/"),
            at,
            diagnostics,
        );
    }
}

/// Tasks are named per workflow: the workflow as written.
fn workflow_scope(task: &Task) -> String {
    match &task.workflow().value {
        Reference::Name(name) => name.clone(),
        Reference::Id { id } => format!("id:{id}"),
    }
}

#[allow(clippy::too_many_arguments)]
fn check_names<'a>(
    what: &str,
    own: &str,
    span: &Spanned<PreviousNames>,
    written: &Written<'a>,
    declared: impl Fn(&str) -> bool,
    claimed: &mut HashMap<String, Written<'a>>,
    scope: String,
    at: &At<'_>,
    diagnostics: &mut Diagnostics,
) {
    let error = |message: String| -> ManifestError {
        at(
            ManifestCode::InvalidRename,
            written.file,
            written.line as u64,
            written.column as u64,
            message,
        )
    };
    for name in span.value.names() {
        if name.trim().is_empty() {
            diagnostics.push(
                error(format!(
                    "`renamed_from` of the {what} `{own}` lists an empty name"
                ))
                .with_hint("list the name the resource had before, as WeData shows it"),
            );
        } else if name == own {
            diagnostics.push(
                error(format!("the {what} `{own}` is renamed from its own name"))
                    .with_hint("list the name it had before, or remove `renamed_from`"),
            );
        } else if declared(name) {
            diagnostics.push(
                error(format!(
                    "the {what} `{own}` is renamed from `{name}`, which this repository still declares"
                ))
                .with_hint(format!(
                    "both manifests would manage the same live {what}: remove the manifest of `{name}`, or this `renamed_from`"
                )),
            );
        } else if let Some(other) = claimed.get(&format!("{scope}{name}")) {
            diagnostics.push(
                error(format!(
                    "`{name}` is claimed by two `renamed_from` members; one live {what} can become only one of them"
                ))
                .with_hint(format!(
                    "the other is at {}:{}; keep the old name in one of the two",
                    other.file.display(),
                    other.line
                )),
            );
        } else {
            claimed.insert(
                format!("{scope}{name}"),
                Written {
                    file: written.file,
                    line: written.line,
                    column: written.column,
                },
            );
        }
    }
}
