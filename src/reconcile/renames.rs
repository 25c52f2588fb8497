//! Identity across renames: which live workflow and which live task each declared one is.
//! A pinned id wins (a different name is then a rename to apply); without one, the declared
//! name; and when WeData has nothing by that name, a name listed in `renamed_from` (like
//! Terraform's `moved` block). Both names existing at once is a conflict the planner refuses;
//! a `renamed_from` whose old name is gone while the new one exists has done its work, and the
//! plan says it may be removed.
//!
//! Pure: takes the loaded project and the live state, decides nothing about changes.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::api::types::TriggerTaskBaseAttribute;
use crate::live::LiveWorkflow;
use crate::manifest::types::Reference;
use crate::manifest::{Project, Task, Workflow};

/// The live workflow a declared workflow is: by pinned id, by name, else by an earlier name
/// (of the same kind).
pub fn live_workflow<'a>(
    workflow: &Workflow,
    live: &'a [LiveWorkflow],
) -> Option<&'a LiveWorkflow> {
    if let Some(id) = workflow.id() {
        return live.iter().find(|candidate| candidate.id == *id);
    }
    let named = |name: &str| {
        live.iter().find(|candidate| {
            candidate.name == name && candidate.periodic == workflow.is_periodic()
        })
    };
    named(&workflow.name).or_else(|| {
        workflow
            .previous_names()
            .iter()
            .find_map(|previous| named(previous))
    })
}

/// The live workflow a task lives in: the workflow id it names, or the live workflow its
/// declared workflow is (followed through that workflow's own renames); for a workflow named
/// but not declared (legacy projects), the live one of that name.
pub fn home_workflow<'a>(
    project: &Project,
    task: &Task,
    live: &'a [LiveWorkflow],
) -> Option<&'a LiveWorkflow> {
    match &task.workflow().value {
        Reference::Id { id } => live.iter().find(|workflow| workflow.id == *id),
        Reference::Name(_) => {
            let name = task.workflow_name.as_ref()?;
            match project
                .workflows
                .iter()
                .find(|workflow| workflow.name == *name)
            {
                Some(declared) => live_workflow(declared, live),
                None => live.iter().find(|workflow| {
                    workflow.name == *name && workflow.periodic == task.is_periodic()
                }),
            }
        }
    }
}

/// The listed live task a declared task is inside its home workflow: by pinned id, by name,
/// else by an earlier name.
pub fn listed_task<'a>(
    task: &Task,
    home: &'a LiveWorkflow,
) -> Option<&'a TriggerTaskBaseAttribute> {
    if let Some(id) = task.id() {
        return home.tasks.iter().find(|listed| listed.task_id == *id);
    }
    let named = |name: &str| {
        home.tasks
            .iter()
            .find(|listed| listed.task_name.as_deref() == Some(name))
    };
    named(task.name()).or_else(|| task.previous_names().into_iter().find_map(named))
}

/// A `renamed_from` that cannot be followed: WeData has both the new name and an old one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameConflict {
    /// `workflow` or `task`.
    pub what: &'static str,
    pub name: String,
    pub previous: String,
    /// Where `renamed_from` is written (1-based line and column).
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    /// Both live ids: the one with the new name, then the one with the old name.
    pub ids: (String, String),
}

/// Something worth telling the reviewer that changes nothing: part of the plan (and so of a
/// saved plan's pin), shown by every format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notice {
    /// The address it is about.
    pub address: String,
    pub message: String,
    /// `file:line` of the member it is about.
    pub source: String,
}

/// Every rename WeData contradicts, in manifest order: a `renamed_from` whose new and old
/// names both exist, and a resource renamed through its pinned id to a name another live
/// resource has (the update would fail on a duplicate name halfway through apply).
pub fn conflicts(project: &Project, live: &[LiveWorkflow]) -> Vec<RenameConflict> {
    let mut found = Vec::new();
    for workflow in &project.workflows {
        let (Some(id), Some(current)) = (workflow.id_span(), live_workflow(workflow, live)) else {
            continue;
        };
        if current.name == workflow.name {
            continue;
        }
        if let Some(other) = live
            .iter()
            .find(|other| other.name == workflow.name && other.id != current.id)
        {
            found.push(RenameConflict {
                what: "workflow",
                name: workflow.name.clone(),
                previous: current.name.clone(),
                file: workflow.file.clone(),
                line: workflow.file_line(id.referenced.line()),
                column: id.referenced.column() as usize,
                ids: (other.id.clone(), current.id.clone()),
            });
        }
    }
    for task in &project.tasks {
        let Some(id) = task.id_span() else {
            continue;
        };
        let Some(home) = home_workflow(project, task, live) else {
            continue;
        };
        let Some(current) = listed_task(task, home) else {
            continue;
        };
        if current.task_name.as_deref() == Some(task.name()) {
            continue;
        }
        if let Some(other) = home.tasks.iter().find(|other| {
            other.task_name.as_deref() == Some(task.name()) && other.task_id != current.task_id
        }) {
            found.push(RenameConflict {
                what: "task",
                name: task.name().to_owned(),
                previous: current.task_name.clone().unwrap_or_default(),
                file: task.file.clone(),
                line: task.file_line(id.referenced.line()),
                column: id.referenced.column() as usize,
                ids: (other.task_id.clone(), current.task_id.clone()),
            });
        }
    }
    for workflow in &project.workflows {
        let Some(span) = workflow.renamed_from() else {
            continue;
        };
        if workflow.id().is_some() {
            continue;
        }
        let named = |name: &str| {
            live.iter().find(|candidate| {
                candidate.name == name && candidate.periodic == workflow.is_periodic()
            })
        };
        let Some(current) = named(&workflow.name) else {
            continue;
        };
        for previous in workflow.previous_names() {
            if let Some(old) = named(&previous) {
                found.push(RenameConflict {
                    what: "workflow",
                    name: workflow.name.clone(),
                    previous,
                    file: workflow.file.clone(),
                    line: workflow.file_line(span.referenced.line()),
                    column: span.referenced.column() as usize,
                    ids: (current.id.clone(), old.id.clone()),
                });
            }
        }
    }
    for task in &project.tasks {
        let Some(span) = task.renamed_from() else {
            continue;
        };
        if task.id().is_some() {
            continue;
        }
        let Some(home) = home_workflow(project, task, live) else {
            continue;
        };
        let named = |name: &str| {
            home.tasks
                .iter()
                .find(|listed| listed.task_name.as_deref() == Some(name))
        };
        let Some(current) = named(task.name()) else {
            continue;
        };
        for previous in task.previous_names() {
            if let Some(old) = named(previous) {
                found.push(RenameConflict {
                    what: "task",
                    name: task.name().to_owned(),
                    previous: previous.to_owned(),
                    file: task.file.clone(),
                    line: task.file_line(span.referenced.line()),
                    column: span.referenced.column() as usize,
                    ids: (current.task_id.clone(), old.task_id.clone()),
                });
            }
        }
    }
    found
}

/// A notice for every `renamed_from` whose rename is done: WeData has the new name and none
/// of the old ones (the member can go). `addresses` gives each declared resource's address.
pub fn done_renames(
    project: &Project,
    live: &[LiveWorkflow],
    task_address: impl Fn(&Task) -> String,
    workflow_address: impl Fn(&Workflow) -> String,
) -> Vec<Notice> {
    let mut notices = Vec::new();
    let notice = |address: String, names: &[String], source: String| Notice {
        address,
        message: format!(
            "`renamed_from: {}` is done (WeData has the new name and not the old one); the member can be removed",
            names.join(", ")
        ),
        source,
    };
    for workflow in &project.workflows {
        let Some(span) = workflow.renamed_from() else {
            continue;
        };
        let previous = workflow.previous_names();
        let named = |name: &str| {
            live.iter().any(|candidate| {
                candidate.name == name && candidate.periodic == workflow.is_periodic()
            })
        };
        if workflow.id().is_none()
            && named(&workflow.name)
            && !previous.iter().any(|name| named(name))
        {
            notices.push(notice(
                workflow_address(workflow),
                &span
                    .value
                    .names()
                    .iter()
                    .map(|name| name.to_string())
                    .collect::<Vec<_>>(),
                format!(
                    "{}:{}",
                    workflow.file.display(),
                    workflow.file_line(span.referenced.line())
                ),
            ));
        }
    }
    for task in &project.tasks {
        let Some(span) = task.renamed_from() else {
            continue;
        };
        if task.id().is_some() {
            continue;
        }
        let Some(home) = home_workflow(project, task, live) else {
            continue;
        };
        let named = |name: &str| {
            home.tasks
                .iter()
                .any(|listed| listed.task_name.as_deref() == Some(name))
        };
        let previous: Vec<String> = task
            .previous_names()
            .into_iter()
            .map(str::to_owned)
            .collect();
        if named(task.name()) && !previous.iter().any(|name| named(name)) {
            notices.push(notice(
                task_address(task),
                &previous,
                format!(
                    "{}:{}",
                    task.file.display(),
                    task.file_line(span.referenced.line())
                ),
            ));
        }
    }
    notices
}
