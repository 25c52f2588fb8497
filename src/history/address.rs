//! Task addresses as the plan writes them, `task.<workflow>.<name>`, with the workflow's
//! WeData name (the target's name prefix included). The manifest's own workflow name is
//! accepted too when a target adds a prefix. Names may hold dots, so an address is matched
//! against the declared tasks rather than split.

use super::HistoryError;
use crate::manifest::diagnostic::did_you_mean;
use crate::manifest::types::Reference;
use crate::manifest::{Project, Task};
use crate::reconcile::inputs::workflow_label;
use crate::reconcile::plan::task_address;

/// The plan's address of a declared task.
pub fn of(task: &Task) -> String {
    task_address(&workflow_label(task), task.name())
}

/// The declared task at `address`.
pub fn find<'a>(project: &'a Project, address: &str) -> Result<&'a Task, HistoryError> {
    let prefix = &project.settings.name_prefix;
    let found = project.tasks.iter().find(|task| {
        of(task) == address
            || (!prefix.is_empty()
                && matches!(&task.workflow().value, Reference::Name(workflow)
                    if task_address(workflow, task.name()) == address))
    });
    found.ok_or_else(|| {
        let known: Vec<String> = project.tasks.iter().map(of).collect();
        let hint = match did_you_mean(address, known.iter().map(String::as_str)) {
            Some(close) => format!("did you mean `{close}`?"),
            None if known.is_empty() => "the project declares no tasks".to_owned(),
            None => format!(
                "addresses look like task.<workflow>.<name>, as `wedata-gitops plan` shows them; for example {}",
                known[0]
            ),
        };
        HistoryError::UnknownAddress {
            address: super::printable(address, 200),
            hint,
        }
    })
}
