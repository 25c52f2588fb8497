//! Matching declared resources to live ones (identity: workflow name + task name, or a pinned
//! id, which wins) and building the plan's inputs. Pure: takes the loaded project and the live
//! state read by `live`.

use std::collections::{BTreeMap, HashMap};

use super::plan::{
    self, Binding, DeletionPolicy, Fingerprints, LiveFingerprint, LiveTask, Plan, TaskInput,
    UnmanagedTask, WorkflowInput, task_address, workflow_address,
};
use super::{ResourceKind, renames};
use crate::api::types::TriggerTaskBaseAttribute;
use crate::live::{LiveWorkflow, Scope};
use crate::manifest::types::Reference;
use crate::manifest::{Project, Task, Workflow};
use crate::model::{LayeredNames, NAME_MEMBER, desired};

/// Each declared task's live match (home workflow, listed task), in the project's order.
type TaskMatches<'a> = Vec<(
    Option<&'a LiveWorkflow>,
    Option<&'a TriggerTaskBaseAttribute>,
)>;

fn task_matches<'a>(project: &Project, live: &'a [LiveWorkflow]) -> TaskMatches<'a> {
    project
        .tasks
        .iter()
        .map(|task| {
            let home = renames::home_workflow(project, task, live);
            (home, home.and_then(|home| renames::listed_task(task, home)))
        })
        .collect()
}

/// TaskId → declared name of every matched task. A matched task is known by its declared
/// name, so that a rename (by pinned id or `renamed_from`) does not read as a different
/// upstream in the tasks that reference it.
fn names_of_matches(project: &Project, matches: &TaskMatches<'_>) -> HashMap<String, String> {
    project
        .tasks
        .iter()
        .zip(matches)
        .filter_map(|(task, (_, listed))| {
            Some((listed.as_ref()?.task_id.clone(), task.name().to_owned()))
        })
        .collect()
}

/// The declared names `build_plan` looks TaskIds up in first ([`LayeredNames`]): whoever
/// computes a live state to compare with the plan's (approve's fresh reads) must use them too.
pub fn declared_names(project: &Project, live: &[LiveWorkflow]) -> HashMap<String, String> {
    names_of_matches(project, &task_matches(project, live))
}

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
        if let crate::manifest::WorkflowDefinition::Periodic(manifest) = &workflow.definition {
            scope.manual_workflows |= manifest.workflow_type.as_deref() == Some("manual");
        }
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
            None => {
                names.push(workflow.name.clone());
                // A workflow renamed with `renamed_from` is still listed under an old name.
                names.extend(workflow.previous_names());
            }
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
        // Under every key the live workflow may be found by: the declared name, the pinned
        // id of the declared workflow, and its earlier names; with the task's earlier names.
        let mut keys = vec![workflow_label(task)];
        if let Some(declared) = declared_workflow(project, task) {
            keys.extend(declared.id().cloned());
            keys.extend(declared.previous_names());
        }
        for key in keys {
            let names = scope.task_names.entry(key).or_default();
            names.push(task.name().to_owned());
            names.extend(task.previous_names().into_iter().map(str::to_owned));
        }
        if let Some(id) = task.id() {
            scope.pinned_task_ids.push(id.clone());
        }
        if task.schedule_state().is_some() {
            let workflow = match &task.workflow().value {
                Reference::Id { id } => id.clone(),
                Reference::Name(_) => workflow_label(task),
            };
            if !scope.ops_status_of.contains(&workflow) {
                scope.ops_status_of.push(workflow);
            }
        }
    }
    scope
}

/// The workflow declared in this repository that a task names, if any.
fn declared_workflow<'a>(project: &'a Project, task: &Task) -> Option<&'a Workflow> {
    let name = task.workflow_name.as_ref()?;
    project
        .workflows
        .iter()
        .find(|workflow| workflow.name == *name)
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
        let found = renames::live_workflow(workflow, live);
        let live_workflow = found.map(|found| {
            let mut state = found
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
            let mut desired = desired::workflow_state(workflow);
            mark_rename(
                &mut desired.members,
                &mut state.members,
                &workflow.name,
                &found.name,
            );
            (
                desired,
                plan::LiveWorkflow {
                    id: found.id.clone(),
                    state,
                    modify_time: found.modify_time.clone(),
                },
            )
        });
        let (desired, live_workflow) = match live_workflow {
            Some((desired, live_workflow)) => (desired, Some(live_workflow)),
            None => (desired::workflow_state(workflow), None),
        };
        workflows.push(WorkflowInput {
            periodic: workflow.is_periodic(),
            desired,
            source: format!("{}:{}", workflow.file.display(), workflow.line),
            live: live_workflow,
        });
    }

    let legacy = project.settings.is_legacy();
    let matches = task_matches(project, live);
    let declared_names = names_of_matches(project, &matches);
    // TaskId → name per live workflow, built once rather than once per task; the declared
    // names are looked up first (LayeredNames), never copied into each workflow's map.
    let names_by_workflow: HashMap<&str, HashMap<String, String>> = live
        .iter()
        .map(|workflow| (workflow.id.as_str(), workflow.names_by_id()))
        .collect();
    let no_names = HashMap::new();
    // Live workflow id → TaskIds declared in it, and → the name the plan knows it by.
    let mut declared: HashMap<String, Vec<String>> = HashMap::new();
    let mut labels: HashMap<String, String> = HashMap::new();
    for (workflow, found) in project
        .workflows
        .iter()
        .filter_map(|workflow| Some((workflow, renames::live_workflow(workflow, live)?)))
    {
        labels.insert(found.id.clone(), workflow.name.clone());
    }
    let mut tasks = Vec::new();
    for (task, (live_workflow, listed)) in project.tasks.iter().zip(matches) {
        let label = workflow_label(task);
        let names_by_id = LayeredNames {
            first: &declared_names,
            then: live_workflow
                .and_then(|workflow| names_by_workflow.get(workflow.id.as_str()))
                .unwrap_or(&no_names),
        };
        if let Some(home) = live_workflow {
            labels
                .entry(home.id.clone())
                .or_insert_with(|| label.clone());
        }
        let live_task = listed.and_then(|listed| {
            let home = live_workflow?;
            let (definition, code) = home.definitions.get(&listed.task_id)?;
            declared
                .entry(home.id.clone())
                .or_default()
                .push(listed.task_id.clone());
            let last_update_time = listed.last_update_time.clone().unwrap_or_default();
            let latest_version = listed.task_latest_version_no.clone().unwrap_or_default();
            let state = home.state_of(&listed.task_id, definition, code, &names_by_id);
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
        let (kind, mut desired) = if legacy {
            (
                ResourceKind::LegacyTask,
                desired::legacy_task_state(task, &names_by_id),
            )
        } else {
            (
                ResourceKind::task(task.is_periodic()),
                desired::task_state(task, &names_by_id),
            )
        };
        let mut live_task = live_task;
        if let (Some(live_task), false) = (&mut live_task, legacy) {
            let live_name = live_task.state.name.clone();
            mark_rename(
                &mut desired.members,
                &mut live_task.state.members,
                task.name(),
                &live_name,
            );
        }
        // The diff reads only the members the manifest declares ("manage only what is
        // declared"), and the state's digest is already in the fingerprints: the rest of a live
        // state is dropped here, each task as it is built (at 10,000 tasks, most of the
        // plan's peak memory was live members no manifest mentions).
        if let Some(live_task) = &mut live_task {
            live_task
                .state
                .members
                .retain(|member, _| desired.members.contains_key(member));
        }
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

    // Live tasks of managed workflows that no manifest declares (a renamed workflow's tasks
    // are addressed under its declared name).
    let mut unmanaged = Vec::new();
    for workflow in live {
        let managed_ids = declared.get(&workflow.id);
        let label = labels.get(&workflow.id).unwrap_or(&workflow.name);
        for listed in &workflow.tasks {
            let name = listed.task_name.clone().unwrap_or_default();
            let is_declared = managed_ids.is_some_and(|ids| ids.contains(&listed.task_id))
                || project
                    .tasks
                    .iter()
                    .any(|task| task.name() == name && workflow_label(task) == *label);
            if !is_declared {
                unmanaged.push(UnmanagedTask {
                    workflow: label.clone(),
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
    result.notices = renames::done_renames(
        project,
        live,
        |task| task_address(&workflow_label(task), task.name()),
        |workflow| workflow_address(&workflow.name),
    );
    result.notices.extend(rename_hints(&result));
    result
}

/// A workflow where the plan creates exactly one task while exactly one live task is declared
/// by no manifest looks like a rename without `renamed_from`: say how to keep the task's
/// identity (the create and the deletion, or the unmanaged task, are planned all the same).
fn rename_hints(plan: &Plan) -> Vec<plan::Notice> {
    let mut created: BTreeMap<&str, Vec<&plan::ResourceChange>> = BTreeMap::new();
    let mut orphans: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for resource in &plan.resources {
        let Some(workflow) = resource.workflow.as_deref() else {
            continue;
        };
        match (resource.action, resource.kind) {
            (plan::Action::Create, ResourceKind::Task | ResourceKind::PeriodicTask) => {
                created.entry(workflow).or_default().push(resource)
            }
            (plan::Action::Delete, _) => orphans.entry(workflow).or_default().push((
                resource.name.as_str(),
                resource.id.as_deref().unwrap_or_default(),
            )),
            _ => {}
        }
    }
    for task in &plan.unmanaged {
        orphans
            .entry(task.workflow.as_str())
            .or_default()
            .push((task.name.as_str(), task.id.as_str()));
    }
    created
        .into_iter()
        .filter_map(|(workflow, resources)| {
            let ([resource], [(old, id)]) = (resources.as_slice(), orphans.get(workflow)?.as_slice())
            else {
                return None;
            };
            Some(plan::Notice {
                address: resource.address.clone(),
                message: format!(
                    "created while {old:?} ({id}) of the same workflow is declared by no manifest; if this task is {old:?} renamed, add `renamed_from: {old:?}` to keep its TaskId, runs, versions and downstream links"
                ),
                source: resource.source.clone().unwrap_or_default(),
            })
        })
        .collect()
}

/// A resource matched under another name (a pinned id, or `renamed_from`) is renamed in
/// place: `name` becomes a member on both sides, so the plan shows `name: "old" → "new"` and
/// the update sends the new name. Legacy tasks carry `name` always.
fn mark_rename(
    desired: &mut BTreeMap<String, serde_json::Value>,
    live: &mut BTreeMap<String, serde_json::Value>,
    declared_name: &str,
    live_name: &str,
) {
    if declared_name != live_name {
        desired.insert(NAME_MEMBER.to_owned(), declared_name.into());
        live.insert(NAME_MEMBER.to_owned(), live_name.into());
    }
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
