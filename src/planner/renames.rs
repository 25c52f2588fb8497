//! `renamed_from` that WeData contradicts: the new name and an old one both exist. Following
//! the rename would leave one of the two unmanaged (or fail on a duplicate name halfway
//! through apply), so the plan is refused at the `renamed_from` line, naming both.

use super::Refusal;
use crate::codes::PlanCode;
use crate::live::LiveWorkflow;
use crate::manifest::Project;
use crate::reconcile::renames;

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
                    old = conflict.previous,
                ),
            )
            .at(&conflict.file, conflict.line, conflict.column)
            .with_help(format!(
                "decide which one this manifest is: remove `renamed_from` to keep managing `{}` ({current}) and leave the old one alone, or delete or rename the old one in WeData first",
                conflict.name
            ))
        })
        .collect()
}
