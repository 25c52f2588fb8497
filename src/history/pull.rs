//! `pull`: for every managed task whose live draft differs from its manifest (a plan's
//! update or replacement), rewrite the manifest and code file to the live draft so that
//! `plan` becomes clean; with `include_new`, live tasks of managed workflows that no manifest
//! declares get manifests and code files of their own, named by import's rules, in the folder
//! of their workflow's manifest. Computes the files to write; writes nothing itself.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Value, json};

use super::HistoryError;
use super::files::{FileChange, Files};
use super::rewrite::{Rewriter, Target, TaskRewrite};
use crate::live::LiveWorkflow;
use crate::manifest::edit::{self, Change};
use crate::manifest::types::Reference;
use crate::manifest::{Project, Task};
use crate::model::desired;
use crate::reconcile::inputs::workflow_label;
use crate::reconcile::{Action, Plan};

/// A live task written as a new manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewTask {
    pub address: String,
    pub files: Vec<PathBuf>,
    /// What a person must check before committing them.
    pub warnings: Vec<String>,
}

/// What `pull` would write, and what it leaves to a person.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Pulled {
    /// Tasks whose manifests are rewritten (or have members left as is).
    pub tasks: Vec<TaskRewrite>,
    pub new_tasks: Vec<NewTask>,
    /// Live tasks no manifest declares, not written (without `include_new`).
    pub undeclared: Vec<String>,
    /// Workflows whose live members differ: pull writes tasks only.
    pub workflows: Vec<String>,
    /// Declared tasks WeData does not have (apply creates them).
    pub missing: Vec<String>,
    #[serde(skip)]
    pub files: Vec<FileChange>,
}

impl Pulled {
    /// Whether `plan` will still show changes after the files are written.
    pub fn leaves_changes(&self) -> bool {
        self.tasks.iter().any(|task| !task.kept.is_empty()) || !self.workflows.is_empty()
    }

    /// Whether a person must act: changes are left, or a new manifest holds a target's name.
    pub fn needs_attention(&self) -> bool {
        self.leaves_changes() || self.new_tasks.iter().any(|task| !task.warnings.is_empty())
    }
}

/// Changes the plan of the reloaded project still shows for the pulled tasks, other than the
/// members reported as left as is (empty when the pull was written completely).
pub fn remaining(plan: &Plan, pulled: &Pulled) -> Vec<String> {
    let mut remaining = Vec::new();
    for task in &pulled.tasks {
        let Some(resource) = plan.resource(&task.address) else {
            remaining.push(format!("{} is no longer declared", task.address));
            continue;
        };
        if !matches!(resource.action, Action::Update | Action::Replace) {
            continue;
        }
        let members = resource.changes.iter().map(|change| change.member.clone());
        for member in super::rollback::not_kept(members, task) {
            remaining.push(format!("{}: {member}", task.address));
        }
    }
    remaining
}

/// Pulled tasks whose drafts are saved in WeData but not submitted (`apply` submits them).
pub fn unsubmitted(plan: &Plan, pulled: &Pulled) -> Vec<String> {
    pulled
        .tasks
        .iter()
        .filter(|task| {
            plan.resource(&task.address)
                .is_some_and(|resource| resource.action == Action::Submit)
        })
        .map(|task| task.address.clone())
        .collect()
}

/// The files `pull` writes for `plan` (computed from `project` against `live`).
pub fn pull(
    project: &Project,
    live: &[LiveWorkflow],
    plan: &Plan,
    include_new: bool,
) -> Result<Pulled, HistoryError> {
    let mut files = Files::new(&project.root);
    let mut pulled = Pulled::default();
    let legacy = project.settings.is_legacy();
    // A legacy task is known by its declared name, as the plan knows it.
    let declared_names: HashMap<String, String> = if legacy {
        project
            .tasks
            .iter()
            .filter_map(|task| Some((task.id()?.clone(), task.name().to_owned())))
            .collect()
    } else {
        HashMap::new()
    };
    for resource in &plan.resources {
        if !resource.kind.is_task() {
            if resource.action == Action::Update {
                pulled.workflows.push(resource.address.clone());
            }
            continue;
        }
        match resource.action {
            Action::Create => {
                pulled.missing.push(resource.address.clone());
                continue;
            }
            Action::Update | Action::Replace => {}
            Action::Submit | Action::NoOp | Action::Delete => continue,
        }
        let Some(task) = project
            .tasks
            .iter()
            .find(|task| super::address::of(task) == resource.address)
        else {
            continue;
        };
        let Some(task_id) = &resource.id else {
            continue;
        };
        let Some(workflow) = live
            .iter()
            .find(|workflow| workflow.definitions.contains_key(task_id))
        else {
            continue;
        };
        let (definition, code) = &workflow.definitions[task_id];
        let mut names_by_id = workflow.names_by_id();
        names_by_id.extend(declared_names.clone());
        let desired_state = if legacy {
            desired::legacy_task_state(task, &names_by_id)
        } else {
            desired::task_state(task, &names_by_id)
        };
        let code_file = task
            .configuration()
            .code_file
            .as_ref()
            .map(|code_file| code_file.value.as_str());
        let mut document = crate::import::task_manifest_document(
            &workflow_label(task),
            definition,
            code_file,
            &names_by_id,
        );
        if let (Value::Object(members), Some(statuses)) = (&mut document, &workflow.ops_statuses) {
            crate::import::put_schedule_state(members, statuses.get(task_id).map(String::as_str));
        }
        let target = Target {
            state: workflow.state_of(task_id, definition, code, &names_by_id),
            document,
            // The legacy API carries no code.
            code: (!legacy).then(|| code.clone()),
            live: None,
        };
        let mut rewriter = Rewriter {
            project,
            files: &mut files,
        };
        pulled
            .tasks
            .push(rewriter.rewrite(task, &desired_state, &target)?);
    }
    if include_new {
        pulled.new_tasks = new_tasks(project, live, plan, &mut files)?;
    } else {
        pulled.undeclared = plan
            .unmanaged
            .iter()
            .map(|task| crate::reconcile::plan::task_address(&task.workflow, &task.name))
            .collect();
    }
    pulled.files = files.changes();
    Ok(pulled)
}

/// Where a live workflow's manifests live, and how a manifest names it (without the
/// target's prefix, or by pinned id).
fn home_of(project: &Project, workflow: &LiveWorkflow) -> Option<(PathBuf, Value)> {
    if let Some(declared) = project
        .workflows
        .iter()
        .find(|declared| declared.name == workflow.name || declared.id() == Some(&workflow.id))
    {
        let folder = declared.file.parent().unwrap_or(Path::new("")).to_owned();
        return Some((folder, json!(declared.definition.name().value)));
    }
    let task: &Task = project.tasks.iter().find(|task| {
        workflow_label(task) == workflow.name || workflow_label(task) == workflow.id
    })?;
    let reference = match &task.workflow().value {
        Reference::Name(name) => json!(name),
        Reference::Id { id } => json!({ "id": id }),
    };
    Some((
        task.file.parent().unwrap_or(Path::new("")).to_owned(),
        reference,
    ))
}

/// Manifests and code files for the live tasks no manifest declares, by import's rules.
fn new_tasks(
    project: &Project,
    live: &[LiveWorkflow],
    plan: &Plan,
    files: &mut Files,
) -> Result<Vec<NewTask>, HistoryError> {
    let mut by_workflow: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for task in &plan.unmanaged {
        by_workflow
            .entry(task.workflow.as_str())
            .or_default()
            .push(task.id.as_str());
    }
    let mut taken = Vec::new();
    let mut new_tasks = Vec::new();
    for (workflow_name, task_ids) in by_workflow {
        let Some(workflow) = live.iter().find(|workflow| workflow.name == workflow_name) else {
            continue;
        };
        let Some((folder, reference)) = home_of(project, workflow) else {
            continue;
        };
        let mut only_new = workflow.clone();
        only_new
            .definitions
            .retain(|task_id, _| task_ids.contains(&task_id.as_str()));
        if only_new.definitions.len() != task_ids.len() {
            return Err(HistoryError::refused(
                format!(
                    "the definitions of the tasks no manifest declares in {workflow_name} were not read"
                ),
                "this is a bug: pull --include-new reads every definition of managed workflows"
                    .to_owned(),
            ));
        }
        for (task_id, (definition, _)) in &only_new.definitions {
            let name = definition
                .common()
                .trigger_task_base_attribute
                .task_name
                .unwrap_or_default();
            let mut single = only_new.clone();
            single.definitions.retain(|id, _| id == task_id);
            let mut written = Vec::new();
            let mut warnings = Vec::new();
            for file in crate::import::workflow_files(&single, "") {
                let is_manifest = file
                    .text
                    .lines()
                    .any(|line| line == "kind: TriggerTask" || line == "kind: Task");
                let is_yaml = file
                    .path
                    .extension()
                    .is_some_and(|extension| extension == "yaml" || extension == "yml");
                if is_yaml && !is_manifest {
                    continue; // the workflow's own document: it is declared already
                }
                let Some(file_name) = file.path.file_name() else {
                    continue;
                };
                let path = folder.join(file_name);
                if files.exists(&path)? {
                    taken.push(path.display().to_string());
                    continue;
                }
                let text = if is_manifest {
                    edit::edit(
                        &file.text,
                        0,
                        &["workflow"],
                        &Change::Set(reference.clone()),
                    )
                    .map_err(|error| {
                        HistoryError::refused(
                            format!("cannot write the manifest of {name}: {error}"),
                            "import the workflow with `wedata-gitops import` instead".to_owned(),
                        )
                    })?
                } else {
                    file.text
                };
                if is_manifest && text.contains(super::rewrite::VARIABLE_OPENING) {
                    warnings.push(format!(
                        "{} holds `${{var.`, which the manifest reads as a variable reference: check it before committing",
                        path.display()
                    ));
                }
                if is_manifest {
                    if let Some(prefixed) =
                        super::rewrite::prefixed_workflow_name(project, &Value::from(text.as_str()))
                    {
                        warnings.push(format!(
                            "{} holds `{prefixed}`, a workflow name with the target's prefix `{}`: check it is meant for every target before committing",
                            path.display(),
                            project.settings.name_prefix
                        ));
                    }
                }
                files.set(&path, text)?;
                written.push(path);
            }
            new_tasks.push(NewTask {
                address: crate::reconcile::plan::task_address(workflow_name, &name),
                files: written,
                warnings,
            });
        }
    }
    if !taken.is_empty() {
        return Err(HistoryError::refused(
            format!(
                "files for live tasks no manifest declares would overwrite existing files: {}",
                taken.join(", ")
            ),
            "rename or move those files, or write the new tasks with `wedata-gitops import --workflow NAME --out OTHER_FOLDER` and move them by hand".to_owned(),
        ));
    }
    Ok(new_tasks)
}
