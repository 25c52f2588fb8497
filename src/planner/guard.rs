//! The guard rails, evaluated on the plan computed from the manifests and a fresh read of
//! WeData (never on anything read from a plan file): pruning only when asked and never for a
//! project that declares no tasks, the deletion cap, replacements only when deletion is
//! allowed and never for `prevent_destroy`, deletions only inside declared workflows, and no
//! deletion or replacement that leaves a task outside the repository without its upstream
//! (from the plan's impact) unless allowed.
//! Pure: takes the project and the plan, returns what they break.

use crate::codes::PlanCode;
use std::collections::HashSet;
use std::path::PathBuf;

use crate::manifest::Project;
use crate::manifest::types::Reference;
use crate::reconcile::inputs::workflow_label;
use crate::reconcile::plan::task_address;
use crate::reconcile::{Action, Plan, ResourceChange};

/// Where a refusal points: a manifest file, line and column (1-based; 0 when unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
}

impl std::fmt::Display for Location {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{}", self.file.display())?;
        if self.line > 0 {
            write!(formatter, ":{}", self.line)?;
            if self.column > 0 {
                write!(formatter, ":{}", self.column)?;
            }
        }
        Ok(())
    }
}

/// One guard rail a plan breaks: a stable code, what is wrong, where, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// Documented in docs/errors.md.
    pub code: PlanCode,
    pub message: String,
    pub location: Option<Location>,
    pub help: Option<String>,
}

impl Refusal {
    pub fn new(code: PlanCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            location: None,
            help: None,
        }
    }

    pub fn at(mut self, file: impl Into<PathBuf>, line: usize, column: usize) -> Self {
        self.location = Some(Location {
            file: file.into(),
            line,
            column,
        });
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "error[{}]: {}", self.code, self.message)?;
        if let Some(location) = &self.location {
            write!(formatter, "\n  --> {location}")?;
        }
        if let Some(help) = &self.help {
            write!(formatter, "\n  help: {help}")?;
        }
        Ok(())
    }
}

impl From<crate::reconcile::legacy::Problem> for Refusal {
    fn from(problem: crate::reconcile::legacy::Problem) -> Self {
        Refusal::new(problem.code, problem.message)
            .at(problem.file, problem.line, problem.column)
            .with_help(problem.hint)
    }
}

/// Every guard rail `plan` breaks, given the deletion cap.
pub fn check(project: &Project, plan: &Plan, max_deletes: usize) -> Vec<Refusal> {
    let mut refusals = Vec::new();
    let deleting: Vec<&ResourceChange> = plan
        .resources
        .iter()
        .filter(|resource| resource.action == Action::Delete)
        .collect();
    if plan.deletion_allowed && project.tasks.is_empty() {
        // An empty or misplaced manifest directory must never read as "delete everything".
        refusals.push(
            Refusal::new(
                PlanCode::EmptyProject,
                format!(
                    "refusing to prune: {} declares no tasks",
                    project.root.display()
                ),
            )
            .with_help("check the directory argument; pruning needs at least one declared task"),
        );
    }
    if !deleting.is_empty() && !plan.deletion_allowed {
        refusals.push(
            Refusal::new(
                PlanCode::DeletionNotAllowed,
                format!(
                    "the plan deletes {} without deletion being allowed",
                    addresses(&deleting)
                ),
            )
            .with_help("run with --prune (or prune: true for the target) to allow deleting"),
        );
    }
    refusals.extend(deletions_outside_the_project(project, &deleting));
    if deleting.len() > max_deletes {
        refusals.push(
            Refusal::new(
                PlanCode::TooManyDeletes,
                format!(
                    "refusing a plan that deletes {} tasks: the cap is {max_deletes}",
                    deleting.len()
                ),
            )
            .with_help(
                "review the manifests (a renamed folder?), or raise the cap with --max-deletes N (or max_deletes in wedata.yaml) if this is intended",
            ),
        );
    }
    refusals.extend(replacements(project, plan));
    refusals.extend(orphans(project, plan));
    refusals
}

/// A deletion or replacement that would leave tasks outside the repository without their
/// upstream (found by the impact lookups), unless `--allow-orphaned-downstream` was given.
fn orphans(project: &Project, plan: &Plan) -> Vec<Refusal> {
    if plan.impact.orphans_allowed {
        return Vec::new();
    }
    let mut by_upstream: std::collections::BTreeMap<&str, Vec<String>> =
        std::collections::BTreeMap::new();
    for orphan in &plan.impact.orphaned {
        let workflow = orphan.workflow.as_deref().unwrap_or("(unknown workflow)");
        by_upstream
            .entry(orphan.upstream.as_str())
            .or_default()
            .push(one_line(&format!(
                "{workflow}/{} ({})",
                orphan.name, orphan.id
            )));
    }
    by_upstream
        .into_iter()
        .map(|(upstream, dependents)| {
            let action = plan
                .resource(upstream)
                .map_or("deleting", |resource| {
                    if resource.action == Action::Replace {
                        "replacing"
                    } else {
                        "deleting"
                    }
                });
            let refusal = Refusal::new(
                PlanCode::OrphanedDownstream,
                format!(
                    "{action} {upstream} would leave {} outside this repository without {} upstream: {}",
                    if dependents.len() == 1 { "a task" } else { "tasks" },
                    if dependents.len() == 1 { "its" } else { "their" },
                    dependents.join(", ")
                ),
            )
            .with_help(
                "point those tasks at another upstream (or delete them) first, or run with --allow-orphaned-downstream if this is intended",
            );
            // A replacement comes from a manifest: point at it.
            match project
                .tasks
                .iter()
                .find(|task| task_address(&workflow_label(task), task.name()) == upstream)
            {
                Some(task) => refusal.at(
                    &task.file,
                    task.line,
                    task.name_span().referenced.column() as usize,
                ),
                None => refusal,
            }
        })
        .collect()
}

/// Deleting a declared task, or a task of a workflow no manifest declares, is never a plan
/// (pruning deletes only undeclared tasks of declared workflows); this holds by construction
/// and is checked again here so no future path can break it silently.
fn deletions_outside_the_project(project: &Project, deleting: &[&ResourceChange]) -> Vec<Refusal> {
    let declared_tasks: HashSet<String> = project
        .tasks
        .iter()
        .map(|task| task_address(&workflow_label(task), task.name()))
        .collect();
    let declared_workflows: HashSet<String> = project
        .workflows
        .iter()
        .map(|workflow| workflow.name.clone())
        .chain(project.tasks.iter().map(workflow_label))
        .collect();
    deleting
        .iter()
        .filter_map(|resource| {
            if declared_tasks.contains(&resource.address) {
                return Some(Refusal::new(
                    PlanCode::DeleteDeclared,
                    format!(
                        "refusing to delete {}: a manifest declares it",
                        resource.address
                    ),
                ));
            }
            let workflow = resource.workflow.as_deref().unwrap_or_default();
            (!declared_workflows.contains(workflow)).then(|| {
                Refusal::new(
                    PlanCode::DeleteUndeclaredWorkflow,
                    format!(
                        "refusing to delete {}: no manifest declares its workflow `{workflow}`",
                        resource.address
                    ),
                )
                .with_help(
                    "only tasks of workflows this repository declares are ever pruned; declare the workflow to manage it",
                )
            })
        })
        .collect()
}

/// Replacing a task means deleting it: refused unless the plan may delete, and always for a
/// task marked `prevent_destroy` (read from the manifest, not from the plan).
fn replacements(project: &Project, plan: &Plan) -> Vec<Refusal> {
    let mut refusals = Vec::new();
    let replaced: Vec<&ResourceChange> = plan
        .resources
        .iter()
        .filter(|resource| resource.action == Action::Replace)
        .collect();
    let mut unprotected = Vec::new();
    for resource in replaced {
        let task = project
            .tasks
            .iter()
            .find(|task| task_address(&workflow_label(task), task.name()) == resource.address);
        if let Some(task) = task.filter(|task| task.prevent_destroy()) {
            refusals.push(
                Refusal::new(
                    PlanCode::PreventDestroy,
                    format!(
                        "prevent_destroy forbids replacing {}: the task type cannot change in place",
                        resource.address
                    ),
                )
                .at(&task.file, task.line, task.name_span().referenced.column() as usize)
                .with_help(
                    "change the task type back, or remove prevent_destroy from the manifest if replacing it is intended",
                ),
            );
        } else {
            unprotected.push(resource);
        }
    }
    refusals.extend(pinned_to_replaced(project, &unprotected));
    if !unprotected.is_empty() && !plan.deletion_allowed {
        refusals.push(
            Refusal::new(
                PlanCode::ReplacementNeedsPrune,
                format!(
                    "{} would need to be deleted and created again because an immutable member (the task type) changed: {}",
                    if unprotected.len() == 1 { "a task" } else { "tasks" },
                    addresses(&unprotected)
                ),
            )
            .with_help(
                "run with --prune (or prune: true for the target) to allow deleting and creating it again, change the task type back, or give the task a new name",
            ),
        );
    }
    refusals
}

/// Names from WeData on one line: control characters (a line break would fake a line of the
/// error, an escape sequence repaint the terminal) as `?`.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|character| {
            if character.is_control() {
                '?'
            } else {
                character
            }
        })
        .collect()
}

fn addresses(resources: &[&ResourceChange]) -> String {
    resources
        .iter()
        .map(|resource| resource.address.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A manifest naming a replaced task by its TaskId would name a deleted task once the
/// replacement runs (a reference by name follows it: the plan re-points those).
fn pinned_to_replaced(project: &Project, replaced: &[&ResourceChange]) -> Vec<Refusal> {
    let replaced_ids: std::collections::HashMap<&str, &str> = replaced
        .iter()
        .filter_map(|resource| Some((resource.id.as_deref()?, resource.address.as_str())))
        .collect();
    let mut refusals = Vec::new();
    for task in &project.tasks {
        // The replaced task's own `id:` would name the deleted task on the next plan.
        if let Some(span) = task.id_span()
            && let Some(address) = replaced_ids.get(span.value.as_str())
        {
            refusals.push(
                Refusal::new(
                    PlanCode::ReplacedTaskPinned,
                    format!(
                        "{address} is pinned to its TaskId {}, and the plan replaces it (a new TaskId): the pin would name a deleted task",
                        span.value
                    ),
                )
                .at(
                    &task.file,
                    task.file_line(span.referenced.line()),
                    span.referenced.column() as usize,
                )
                .with_help(
                    "remove `id:` (the task is found by its name) to let it be replaced, or change the task type back",
                ),
            );
        }
        let upstreams = task
            .upstream()
            .into_iter()
            .map(|upstream| (upstream.reference, upstream.line, upstream.column));
        let sources = task.params_in().iter().map(|input| {
            (
                &input.from_task.value,
                input.from_task.referenced.line(),
                input.from_task.referenced.column(),
            )
        });
        for (reference, line, column) in upstreams.chain(sources) {
            let Reference::Id { id } = reference else {
                continue;
            };
            let Some(address) = replaced_ids.get(id.as_str()) else {
                continue;
            };
            refusals.push(
                Refusal::new(
                    PlanCode::ReplacedTaskPinned,
                    format!(
                        "{} names {address} by its TaskId {id}, and the plan replaces that task (a new TaskId): the reference would name a deleted task",
                        task_address(&workflow_label(task), task.name())
                    ),
                )
                .at(&task.file, task.file_line(line), column as usize)
                .with_help(format!(
                    "name the task instead of its TaskId (`{}`; names reach tasks of the same workflow), so the reference follows the replacement, or change the task type back",
                    address.rsplit('.').next().unwrap_or(address)
                )),
            );
        }
    }
    refusals
}
