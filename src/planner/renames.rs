//! Renames that WeData contradicts: the new name and an old one both exist (`renamed_from`),
//! or a resource renamed through its pinned id takes a name another live resource has.
//! Following the rename would leave one of the two unmanaged, or fail on a duplicate name
//! halfway through apply, so the plan is refused at the `renamed_from` (or `id:`) line,
//! naming both.

use super::Refusal;
use crate::codes::PlanCode;
use crate::live::LiveWorkflow;
use crate::manifest::Project;
use crate::reconcile::renames;

/// A name or id read from WeData as it may be printed: control characters escaped, so a
/// hostile name cannot move the cursor or rewrite the line.
fn printable(text: &str) -> String {
    text.chars()
        .flat_map(|character| {
            if character.is_control() {
                character.escape_default().collect::<Vec<_>>()
            } else {
                vec![character]
            }
        })
        .collect()
}

/// One refusal per old name that still exists next to the new one, in manifest order.
pub fn check(project: &Project, live: &[LiveWorkflow]) -> Vec<Refusal> {
    renames::conflicts(project, live)
        .into_iter()
        .map(|conflict| {
            let (current, previous) = &conflict.ids;
            Refusal::new(
                PlanCode::RenameConflict,
                format!(
                    "the {what} `{name}` is renamed from `{old}`, but WeData has both: `{name}` ({current}) and `{old}` ({previous})",
                    what = conflict.what,
                    name = conflict.name,
                    old = printable(&conflict.previous),
                    current = printable(current),
                    previous = printable(previous),
                ),
            )
            .at(&conflict.file, conflict.line, conflict.column)
            .with_help(format!(
                "decide which one this manifest is: delete or rename `{name}` ({current}) in WeData first, or keep the name `{old}` in the manifest (without `renamed_from` and `id:`, the manifest manages `{name}` instead)",
                name = conflict.name,
                old = printable(&conflict.previous),
            ))
        })
        .collect()
}
