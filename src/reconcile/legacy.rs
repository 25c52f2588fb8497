//! The identity checks of a legacy project, between reading and planning. The legacy API
//! cannot create, move or re-type a task, so a pinned id WeData does not have, a task in
//! another workflow than the manifest names or a changed task type is an
//! error for a person to resolve, never a change to plan. Pure: takes the project and what
//! `live::legacy` read.

use crate::codes::PlanCode;
use crate::live::{LiveDefinition, LiveWorkflow};
use crate::manifest::types::Reference;
use crate::manifest::{LEGACY_API_VERSION, Project, task_types};

/// One problem, located at the task's manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// PinnedIdMissing, LegacyMoved or LegacyRetyped.
    pub code: PlanCode,
    pub file: std::path::PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: String,
}

/// Every problem with the project's pinned tasks against the live ones, in manifest order.
pub fn check(project: &Project, live: &[LiveWorkflow]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for task in &project.tasks {
        // validate guarantees every task of a legacy project is pinned.
        let Some(id_span) = task.id_span() else {
            continue;
        };
        let id = &id_span.value;
        let at_id = |code: PlanCode, message: String, hint: String| Problem {
            code,
            file: task.file.clone(),
            line: task.file_line(id_span.referenced.line()),
            column: id_span.referenced.column() as usize,
            message,
            hint,
        };
        let at_workflow = |code: PlanCode, message: String, hint: String| Problem {
            code,
            file: task.file.clone(),
            line: task.file_line(task.workflow().referenced.line()),
            column: task.workflow().referenced.column() as usize,
            message,
            hint,
        };
        let at_type = |code: PlanCode, message: String, hint: String| Problem {
            code,
            file: task.file.clone(),
            line: task.file_line(task.base().task_type.referenced.line()),
            column: task.base().task_type.referenced.column() as usize,
            message,
            hint,
        };
        let found = live.iter().find_map(|workflow| {
            workflow
                .definitions
                .get(id)
                .map(|(definition, _)| (workflow, definition))
        });
        let Some((workflow, definition)) = found else {
            problems.push(at_id(
                PlanCode::PinnedIdMissing,
                format!(
                    "the task `{}` is pinned to id {id}, which project {} does not have",
                    task.name(),
                    project.settings.project_id
                ),
                format!(
                    "check the id and the project; the legacy API ({LEGACY_API_VERSION}) cannot create tasks, so a deleted one must be created in WeData and its new id pinned"
                ),
            ));
            continue;
        };
        let declared_workflow = match &task.workflow().value {
            Reference::Id { id } => (workflow.id != *id).then(|| format!("{{id: {id}}}")),
            Reference::Name(_) => {
                let name = task.workflow_name.clone().unwrap_or_default();
                (workflow.name != name).then_some(name)
            }
        };
        if let Some(declared) = declared_workflow {
            problems.push(at_workflow(
                PlanCode::LegacyMoved,
                format!(
                    "the task `{}` (id {id}) is in the workflow `{}` ({}), not in `{declared}` as its manifest says",
                    task.name(),
                    workflow.name,
                    workflow.id
                ),
                format!(
                    "the legacy API cannot move a task to another workflow: write `workflow: {}`",
                    workflow.name
                ),
            ));
        }
        if let LiveDefinition::Legacy(detail) = definition {
            let live_type = detail
                .task_type
                .as_ref()
                .and_then(|kind| kind.type_id)
                .and_then(|type_id| u64::try_from(type_id).ok());
            if let Some(live_type) = live_type.filter(|live_type| *live_type != task.task_type_id) {
                let name_of = |type_id: u64| {
                    task_types::name_for_id(type_id)
                        .map_or_else(|| type_id.to_string(), str::to_owned)
                };
                let name = name_of(live_type);
                problems.push(at_type(
                    PlanCode::LegacyRetyped,
                    format!(
                        "the task `{}` (id {id}) is of type {name} ({live_type}) in WeData, but its manifest declares {} ({})",
                        task.name(),
                        name_of(task.task_type_id),
                        task.task_type_id
                    ),
                    format!(
                        "the legacy API cannot change a task's type: declare `task_type: {name}`"
                    ),
                ));
            }
        }
    }
    problems
}
