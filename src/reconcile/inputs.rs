//! Matching declared resources to live ones (identity: workflow name + task name, or a pinned
//! id, which wins) and building the plan's inputs. Pure: takes the loaded project and the live
//! state read by `live`.

use std::collections::{BTreeMap, HashMap};

use super::ResourceKind;
use super::plan::{
    self, Binding, DeletionPolicy, Fingerprints, LiveFingerprint, LiveTask, Plan, TaskInput,
    UnmanagedTask, WorkflowInput, task_address, workflow_address,
};
use crate::live::{LiveWorkflow, Scope};
use crate::manifest::types::Reference;
use crate::manifest::{Project, Task};
use crate::model::desired;

/// The name of the workflow a task belongs to, as the plan addresses it.
pub fn workflow_label(task: &Task) -> String {
    match (&task.workflow_name, &task.workflow().value) {
        (Some(name), _) => name.clone(),
        (None, Reference::Id { id }) => id.clone(),
        (None, Reference::Name(name)) => name.clone(),
    }
}

/// What to read from WeData for this project.
pub fn scope(project: &Project, prune: bool) -> Scope {
    let mut scope = Scope {
        all_definitions: prune,
        ..Scope::default()
    };
    for workflow in &project.workflows {
        let (ids, names) = if workflow.is_periodic() {
            (
                &mut scope.periodic_workflow_ids,
                &mut scope.periodic_workflow_names,
            )
        } else {
            (&mut scope.workflow_ids, &mut scope.workflow_names)
        };
        match workflow.id() {
            Some(id) => ids.push(id.clone()),
            None => names.push(workflow.name.clone()),
        }
    }
    for task in &project.tasks {
        if let Reference::Id { id } = &task.workflow().value {
            if task.is_periodic() {
                scope.periodic_workflow_ids.push(id.clone());
            } else {
                scope.workflow_ids.push(id.clone());
            }
        }
        scope
            .task_names
            .entry(workflow_label(task))
            .or_default()
            .push(task.name().to_owned());
        if let Some(id) = task.id() {
            scope.pinned_task_ids.push(id.clone());
        }
    }
    scope
}

/// Finds the live workflow of a task: by pinned id or by name.
fn live_workflow_of<'a>(task: &Task, live: &'a [LiveWorkflow]) -> Option<&'a LiveWorkflow> {
    match &task.workflow().value {
        Reference::Id { id } => live.iter().find(|workflow| workflow.id == *id),
        Reference::Name(_) => live
            .iter()
            .find(|workflow| Some(&workflow.name) == task.workflow_name.as_ref()),
    }
}

/// What a plan of `project` is bound to.
pub fn binding(project: &Project) -> Binding {
    Binding {
        project_id: project.settings.project_id.clone(),
        target: project.settings.target.clone(),
        api_version: project
            .settings
            .api_version
            .clone()
            .unwrap_or_else(|| crate::manifest::CURRENT_API_VERSION.to_owned()),
        tool_version: env!("CARGO_PKG_VERSION").to_owned(),
    }
}

/// Computes the plan for `project` against `live`.
pub fn build_plan(project: &Project, live: &[LiveWorkflow], deletion: DeletionPolicy) -> Plan {
    let mut fingerprints = Fingerprints {
        files: project.file_hashes.clone(),
        live: BTreeMap::new(),
    };
    let mut workflows = Vec::new();
    for workflow in &project.workflows {
        let found = live.iter().find(|candidate| match workflow.id() {
            Some(id) => candidate.id == *id,
            None => candidate.name == workflow.name && candidate.periodic == workflow.is_periodic(),
        });
        let live_workflow = found.map(|found| {
            let state = found
                .detail
                .as_ref()
                .map(|detail| detail.state(&found.name))
                .unwrap_or_default();
            fingerprints.live.insert(
                workflow_address(&workflow.name),
                LiveFingerprint {
                    id: found.id.clone(),
                    last_update_time: found.modify_time.clone(),
                    latest_version: String::new(),
                    state_digest: state.digest(),
                },
            );
            plan::LiveWorkflow {
                id: found.id.clone(),
                state,
                modify_time: found.modify_time.clone(),
            }
        });
        workflows.push(WorkflowInput {
            periodic: workflow.is_periodic(),
            desired: desired::workflow_state(workflow),
            source: format!("{}:{}", workflow.file.display(), workflow.line),
            live: live_workflow,
        });
    }

    let legacy = project.settings.is_legacy();
    // A legacy task is pinned by id, so the name it is known by is the declared one (a rename
    // in the manifest must not read as a different upstream).
    let declared_names: HashMap<String, String> = if legacy {
        project
            .tasks
            .iter()
            .filter_map(|task| Some((task.id()?.clone(), task.name().to_owned())))
            .collect()
    } else {
        HashMap::new()
    };
    // TaskId → name per live workflow, built once rather than once per task.
    let names_by_workflow: HashMap<&str, HashMap<String, String>> = live
        .iter()
        .map(|workflow| {
            let mut names = workflow.names_by_id();
            names.extend(declared_names.clone());
            (workflow.id.as_str(), names)
        })
        .collect();
    let mut declared: HashMap<String, Vec<String>> = HashMap::new();
    let mut tasks = Vec::new();
    for task in &project.tasks {
        let label = workflow_label(task);
        let live_workflow = live_workflow_of(task, live);
        let names_by_id = live_workflow
            .and_then(|workflow| names_by_workflow.get(workflow.id.as_str()))
            .unwrap_or(&declared_names);
        let listed = live_workflow.and_then(|workflow| {
            workflow.tasks.iter().find(|candidate| match task.id() {
                Some(id) => candidate.task_id == *id,
                None => candidate.task_name.as_deref() == Some(task.name()),
            })
        });
        let live_task = listed.and_then(|listed| {
            let (definition, code) = live_workflow?.definitions.get(&listed.task_id)?;
            declared
                .entry(label.clone())
                .or_default()
                .push(listed.task_id.clone());
            let last_update_time = listed.last_update_time.clone().unwrap_or_default();
            let latest_version = listed.task_latest_version_no.clone().unwrap_or_default();
            let state = definition.state(Some(code), names_by_id);
            fingerprints.live.insert(
                task_address(&label, task.name()),
                LiveFingerprint {
                    id: listed.task_id.clone(),
                    last_update_time: last_update_time.clone(),
                    latest_version: latest_version.clone(),
                    state_digest: state.digest(),
                },
            );
            Some(LiveTask {
                id: listed.task_id.clone(),
                state,
                submitted: listed.submit.unwrap_or(false)
                    || listed
                        .task_latest_submit_version_no
                        .as_deref()
                        .is_some_and(|submitted| {
                            !submitted.is_empty()
                                && Some(submitted) == listed.task_latest_version_no.as_deref()
                        }),
                last_update_time,
                latest_version,
            })
        });
        let mut references: Vec<String> = Vec::new();
        for upstream in task.upstream() {
            if let Reference::Name(name) = upstream.reference {
                references.push(name.clone());
            }
        }
        for input in task.params_in() {
            if let Reference::Name(name) = &input.from_task.value {
                references.push(name.clone());
            }
        }
        let (kind, desired) = if legacy {
            (
                ResourceKind::LegacyTask,
                desired::legacy_task_state(task, names_by_id),
            )
        } else {
            (
                ResourceKind::task(task.is_periodic()),
                desired::task_state(task, names_by_id),
            )
        };
        tasks.push(TaskInput {
            kind,
            workflow: label,
            desired,
            source: format!("{}:{}", task.file.display(), task.line),
            code_file: task.code_path(),
            prevent_destroy: task.prevent_destroy(),
            references,
            live: live_task,
        });
    }

    // Live tasks of managed workflows that no manifest declares.
    let mut unmanaged = Vec::new();
    for workflow in live {
        let managed_ids = declared
            .get(&workflow.name)
            .or_else(|| declared.get(&workflow.id));
        for listed in &workflow.tasks {
            let name = listed.task_name.clone().unwrap_or_default();
            let is_declared = managed_ids.is_some_and(|ids| ids.contains(&listed.task_id))
                || project
                    .tasks
                    .iter()
                    .any(|task| task.name() == name && workflow_label(task) == workflow.name);
            if !is_declared {
                unmanaged.push(UnmanagedTask {
                    workflow: workflow.name.clone(),
                    name,
                    id: listed.task_id.clone(),
                    periodic: workflow.periodic,
                });
            }
        }
    }
    unmanaged
        .sort_by(|left, right| (&left.workflow, &left.name).cmp(&(&right.workflow, &right.name)));
    let mut result = plan::plan(
        binding(project),
        &workflows,
        &tasks,
        unmanaged,
        fingerprints,
        deletion,
    );
    order_deletions(&mut result, live);
    result
}

/// A task is deleted only after every task being deleted that depends on it (WeData refuses
/// to delete an upstream that still has dependents).
fn order_deletions(plan: &mut Plan, live: &[LiveWorkflow]) {
    let deleted: HashMap<String, String> = plan
        .resources
        .iter()
        .filter(|resource| resource.action == plan::Action::Delete)
        .filter_map(|resource| resource.id.clone().map(|id| (id, resource.address.clone())))
        .collect();
    if deleted.is_empty() {
        return;
    }
    let mut waits_for: HashMap<String, Vec<String>> = HashMap::new();
    for workflow in live {
        for (task_id, (definition, _)) in &workflow.definitions {
            let Some(dependent) = deleted.get(task_id) else {
                continue;
            };
            for upstream_id in definition.upstream_ids() {
                if let Some(upstream) = deleted.get(&upstream_id) {
                    waits_for
                        .entry(upstream.clone())
                        .or_default()
                        .push(dependent.clone());
                }
            }
        }
    }
    for resource in &mut plan.resources {
        if let Some(dependents) = waits_for.remove(&resource.address) {
            resource.depends_on.extend(dependents);
            resource.depends_on.sort();
            resource.depends_on.dedup();
        }
    }
    plan.waves = plan::waves(&plan.resources);
}
