//! The `Plan`: for every declared workflow and task an action with its member changes, the
//! live tasks nobody declares, the dependency waves and the fingerprints a saved plan is
//! checked against. Computed from plain values; no I/O.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::graph;
pub use super::renames::Notice;
use super::review::{Impact, PolicyViolation, Risk};
use crate::model::{TaskState, WorkflowState, is_sensitive_member};

/// Version 2 binds the API and tool versions and fingerprints each live state's content.
pub const FORMAT_VERSION: u32 = 2;

/// Members whose change cannot be applied by an update.
pub const IMMUTABLE_TASK_MEMBERS: &[&str] = &["base.task_type"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Create,
    Update,
    /// Saved in WeData but never submitted (an earlier apply stopped in between): submit only.
    Submit,
    NoOp,
    /// An immutable member changed: delete and create again (needs deletion to be allowed).
    Replace,
    Delete,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    /// A workflow folder to create (CreateWorkflowFolder) before the workflows in it.
    WorkflowFolder,
    /// A trigger workflow.
    Workflow,
    /// A periodic workflow (CreateWorkflow).
    PeriodicWorkflow,
    /// A task folder of a workflow to create (CreateTaskFolder) before the tasks in it.
    TaskFolder,
    /// A trigger task.
    Task,
    /// A periodic task (CreateTask).
    PeriodicTask,
    /// A periodic task of a legacy project, written with ModifyTaskInfo (API 2021-08-20).
    LegacyTask,
}

impl ResourceKind {
    pub fn workflow(periodic: bool) -> Self {
        if periodic {
            Self::PeriodicWorkflow
        } else {
            Self::Workflow
        }
    }

    pub fn task(periodic: bool) -> Self {
        if periodic {
            Self::PeriodicTask
        } else {
            Self::Task
        }
    }

    pub fn is_task(self) -> bool {
        matches!(self, Self::Task | Self::PeriodicTask | Self::LegacyTask)
    }

    /// A folder created before what lives in it: not a node of the task graph.
    pub fn is_folder(self) -> bool {
        matches!(self, Self::WorkflowFolder | Self::TaskFolder)
    }

    pub fn is_periodic(self) -> bool {
        matches!(
            self,
            Self::PeriodicWorkflow | Self::PeriodicTask | Self::LegacyTask
        )
    }

    /// How people read the kind: `workflow`, `periodic workflow`, ...
    pub fn label(self) -> &'static str {
        match self {
            Self::WorkflowFolder => "workflow folder",
            Self::TaskFolder => "task folder",
            Self::Workflow => "workflow",
            Self::PeriodicWorkflow => "periodic workflow",
            Self::Task => "task",
            Self::PeriodicTask => "periodic task",
            Self::LegacyTask => "periodic task (legacy API)",
        }
    }
}

/// One member's old and new value. Sensitive values are replaced by "(sensitive)" when the
/// plan is built, so no rendering or saved plan can show them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberChange {
    pub member: String,
    pub before: Value,
    pub after: Value,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sensitive: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResourceChange {
    /// `workflow.<name>` or `task.<workflow>.<name>`.
    pub address: String,
    pub kind: ResourceKind,
    pub name: String,
    /// The workflow's name (tasks only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow: Option<String>,
    pub action: Action,
    /// The live id, when the resource exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<MemberChange>,
    /// Addresses this resource needs to exist first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<String>,
    /// Where it is declared (`file:line`), for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The task's code file, relative to the project root (`orders/extract_orders.sh`), so a
    /// code diff can name it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_file: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub prevent_destroy: bool,
}

/// A live task in a managed workflow that no manifest declares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnmanagedTask {
    pub workflow: String,
    pub name: String,
    pub id: String,
    /// A periodic task (deleted with DeleteTask rather than DeleteTriggerTask).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub periodic: bool,
}

/// A task next to a changing resource that this repository does not manage, from WeData's
/// upstream and downstream lookups (the impact stage fills `Plan::neighbours`; nothing else
/// does today). Context for reviewers: the pictures draw it, nothing ever acts on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeighbourTask {
    pub id: String,
    pub name: String,
    /// Its workflow's name, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow: Option<String>,
    /// Addresses of plan resources this task depends on (it runs downstream of them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub depends_on: Vec<String>,
    /// Addresses of plan resources that depend on this task (it runs upstream of them).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub needed_by: Vec<String>,
}

/// What a saved plan was computed from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Fingerprints {
    /// SHA-256 of every manifest and code file by path.
    pub files: BTreeMap<String, String>,
    /// Every live resource the plan looked at, by address.
    pub live: BTreeMap<String, LiveFingerprint>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveFingerprint {
    pub id: String,
    #[serde(default)]
    pub last_update_time: String,
    #[serde(default)]
    pub latest_version: String,
    /// SHA-256 of the comparable live state the plan was computed from (every member the
    /// tool reads, code included): a definition served from the cache must still hash the same
    /// when apply reads it fresh before writing.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub state_digest: String,
}

impl Fingerprints {
    /// Human-readable differences between a saved plan's fingerprints and the current ones.
    pub fn differences(&self, current: &Fingerprints) -> Vec<String> {
        let mut differences = Vec::new();
        compare_maps(&self.files, &current.files, "file", &mut differences);
        compare_maps(&self.live, &current.live, "live", &mut differences);
        differences
    }
}

fn compare_maps<V: PartialEq + std::fmt::Debug>(
    saved: &BTreeMap<String, V>,
    current: &BTreeMap<String, V>,
    what: &str,
    differences: &mut Vec<String>,
) {
    for (key, value) in saved {
        match current.get(key) {
            None => differences.push(format!("{what} {key} is gone")),
            Some(now) if now != value => differences.push(format!("{what} {key} changed")),
            Some(_) => {}
        }
    }
    for key in current.keys().filter(|key| !saved.contains_key(*key)) {
        differences.push(format!("{what} {key} is new"));
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub create: usize,
    pub update: usize,
    pub replace: usize,
    pub delete: usize,
    pub unchanged: usize,
}

impl Summary {
    pub fn has_changes(&self) -> bool {
        self.create + self.update + self.replace + self.delete > 0
    }
}

/// What a plan is bound to: a saved plan applies only where all of these are the same.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Binding {
    pub project_id: String,
    pub target: Option<String>,
    /// The WeData API version the plan was read and would be written with.
    pub api_version: String,
    /// The wedata-gitops version that computed it.
    pub tool_version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub format_version: u32,
    pub project_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    pub api_version: String,
    pub tool_version: String,
    /// The `--select` patterns the plan was reduced to (sorted); absent for a whole plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub selection: Vec<String>,
    /// The risky part at a glance (see [`Risk`]).
    #[serde(default)]
    pub risk: Risk,
    pub resources: Vec<ResourceChange>,
    /// Addresses of changing resources by wave: each wave only needs earlier ones.
    pub waves: Vec<Vec<String>>,
    pub unmanaged: Vec<UnmanagedTask>,
    /// Tasks outside the repository next to changing resources (see [`NeighbourTask`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub neighbours: Vec<NeighbourTask>,
    /// Things a reviewer should know that change nothing (a `renamed_from` that is done).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<Notice>,
    /// The tasks the changes reach downstream, in and outside the repository.
    #[serde(default)]
    pub impact: Impact,
    /// The `policies:` rules the plan breaks, errors and warnings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policy_violations: Vec<PolicyViolation>,
    pub summary: Summary,
    /// Whether this plan may delete (prune, and replacement as delete plus create).
    #[serde(default)]
    pub deletion_allowed: bool,
    /// Deletions send `OperateInform: true`: WeData tells the downstream tasks' owners.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deletion_notifies_owners: bool,
    pub fingerprints: Fingerprints,
}

impl Plan {
    pub fn resource(&self, address: &str) -> Option<&ResourceChange> {
        self.resources
            .iter()
            .find(|resource| resource.address == address)
    }

    pub fn changing(&self) -> impl Iterator<Item = &ResourceChange> {
        self.resources
            .iter()
            .filter(|resource| resource.action != Action::NoOp)
    }
}

pub fn workflow_address(name: &str) -> String {
    format!("workflow.{name}")
}

pub fn task_address(workflow: &str, name: &str) -> String {
    format!("task.{workflow}.{name}")
}

/// A declared workflow, with the live one it matched (if any).
#[derive(Debug, Clone)]
pub struct WorkflowInput {
    pub periodic: bool,
    pub desired: WorkflowState,
    pub source: String,
    pub live: Option<LiveWorkflow>,
}

#[derive(Debug, Clone)]
pub struct LiveWorkflow {
    pub id: String,
    pub state: WorkflowState,
    pub modify_time: String,
}

/// A declared task, with the live one it matched (if any).
#[derive(Debug, Clone)]
pub struct TaskInput {
    /// `Task`, `PeriodicTask` or `LegacyTask`.
    pub kind: ResourceKind,
    pub workflow: String,
    pub desired: TaskState,
    pub source: String,
    /// The code file, relative to the project root, when the manifest names one.
    pub code_file: Option<String>,
    pub prevent_destroy: bool,
    /// Names of tasks in the same workflow this one references (upstreams, parameter sources).
    pub references: Vec<String>,
    pub live: Option<LiveTask>,
}

#[derive(Debug, Clone)]
pub struct LiveTask {
    pub id: String,
    pub state: TaskState,
    pub last_update_time: String,
    pub latest_version: String,
    /// Whether the latest saved version has been submitted.
    pub submitted: bool,
}

/// Compares declared members only; the live side was normalized already.
pub fn diff_members(
    desired: &BTreeMap<String, Value>,
    live: &BTreeMap<String, Value>,
) -> Vec<MemberChange> {
    desired
        .iter()
        .filter_map(|(member, wanted)| {
            let current = live
                .get(member)
                .cloned()
                .unwrap_or_else(|| crate::model::normalize::live_value(member, None));
            (current != *wanted).then(|| change(member, current, wanted.clone()))
        })
        .collect()
}

fn change(member: &str, before: Value, after: Value) -> MemberChange {
    let sensitive = is_sensitive_member(member);
    let hide = |value: Value| {
        if sensitive {
            if value.is_null() || value == "" {
                value
            } else {
                Value::from("(sensitive)")
            }
        } else {
            redact_map_values(value)
        }
    };
    MemberChange {
        member: member.to_owned(),
        before: hide(before),
        after: hide(after),
        sensitive,
    }
}

/// Key/value members compared as whole maps (scheduling parameters, outputs, workflow
/// parameters) hide the values of their secret-looking keys.
fn redact_map_values(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let hidden =
                        crate::model::is_sensitive_key(&key) && value.is_string() && value != "";
                    (
                        key,
                        if hidden {
                            Value::from("(sensitive)")
                        } else {
                            value
                        },
                    )
                })
                .collect(),
        ),
        other => other,
    }
}

/// The member a dependent of a replaced task changes: its references (upstreams, parameter
/// sources) still name the replaced task's old TaskId.
pub const REFERENCES_MEMBER: &str = "references";

/// A replacement deletes a task and creates it afresh under a new TaskId; the tasks of this
/// plan that refer to it (by name, so their manifests compare equal) still hold the old TaskId
/// in WeData. Each is updated after the replacement, which sends its references resolved
/// anew, and the plan says so rather than showing it unchanged.
fn repoint_dependents_of_replacements(resources: &mut [ResourceChange]) {
    let replaced: HashMap<String, Option<String>> = resources
        .iter()
        .filter(|resource| resource.kind.is_task() && resource.action == Action::Replace)
        .map(|resource| (resource.address.clone(), resource.id.clone()))
        .collect();
    if replaced.is_empty() {
        return;
    }
    for resource in resources.iter_mut() {
        if !resource.kind.is_task()
            || !matches!(
                resource.action,
                Action::NoOp | Action::Submit | Action::Update
            )
        {
            continue;
        }
        let stale: Vec<(&String, &Option<String>)> = resource
            .depends_on
            .iter()
            .filter_map(|address| replaced.get_key_value(address))
            .collect();
        if stale.is_empty() {
            continue;
        }
        let before = stale
            .iter()
            .map(|(address, id)| match id {
                Some(id) => Value::from(format!("{address} ({id})")),
                None => Value::from(address.as_str()),
            })
            .collect();
        let after = stale
            .iter()
            .map(|(address, _)| Value::from(format!("{address} (its replacement)")))
            .collect();
        resource.changes.push(MemberChange {
            member: REFERENCES_MEMBER.to_owned(),
            before: Value::Array(before),
            after: Value::Array(after),
            sensitive: false,
        });
        resource.action = Action::Update;
    }
}

/// Whether a deletion (prune, replacement) is permitted in this run.
#[derive(Debug, Clone, Copy, Default)]
pub struct DeletionPolicy {
    pub prune: bool,
    /// Each deletion tells the owners of the deleted task's downstream tasks (OperateInform).
    pub notify_owners: bool,
}

/// Builds the plan.
pub fn plan(
    binding: Binding,
    workflows: &[WorkflowInput],
    tasks: &[TaskInput],
    unmanaged: Vec<UnmanagedTask>,
    fingerprints: Fingerprints,
    deletion: DeletionPolicy,
) -> Plan {
    let mut resources = Vec::new();
    for workflow in workflows {
        let (action, id, changes) = match &workflow.live {
            None => (
                Action::Create,
                None,
                creation_changes(&workflow.desired.members),
            ),
            Some(live) => {
                let changes = diff_members(&workflow.desired.members, &live.state.members);
                let action = if changes.is_empty() {
                    Action::NoOp
                } else {
                    Action::Update
                };
                (action, Some(live.id.clone()), changes)
            }
        };
        resources.push(ResourceChange {
            address: workflow_address(&workflow.desired.name),
            kind: ResourceKind::workflow(workflow.periodic),
            name: workflow.desired.name.clone(),
            workflow: None,
            action,
            id,
            changes,
            depends_on: Vec::new(),
            source: Some(workflow.source.clone()),
            code_file: None,
            prevent_destroy: false,
        });
    }
    let declared_workflows: HashMap<&str, ()> = workflows
        .iter()
        .map(|workflow| (workflow.desired.name.as_str(), ()))
        .collect();
    for task in tasks {
        let mut depends_on: Vec<String> = task
            .references
            .iter()
            .map(|name| task_address(&task.workflow, name))
            .collect();
        if declared_workflows.contains_key(task.workflow.as_str()) {
            depends_on.push(workflow_address(&task.workflow));
        }
        depends_on.sort();
        depends_on.dedup();
        let (action, id, changes) = match &task.live {
            None => (
                Action::Create,
                None,
                creation_changes(&task.desired.members),
            ),
            Some(live) => {
                let changes = diff_members(&task.desired.members, &live.state.members);
                let immutable = changes
                    .iter()
                    .any(|change| IMMUTABLE_TASK_MEMBERS.contains(&change.member.as_str()));
                let action = if immutable {
                    Action::Replace
                } else if !changes.is_empty() {
                    Action::Update
                } else if !live.submitted {
                    Action::Submit
                } else {
                    Action::NoOp
                };
                (action, Some(live.id.clone()), changes)
            }
        };
        resources.push(ResourceChange {
            address: task_address(&task.workflow, &task.desired.name),
            kind: task.kind,
            name: task.desired.name.clone(),
            workflow: Some(task.workflow.clone()),
            action,
            id,
            changes,
            depends_on,
            source: Some(task.source.clone()),
            code_file: task.code_file.clone(),
            prevent_destroy: task.prevent_destroy,
        });
    }
    if deletion.prune {
        for task in &unmanaged {
            resources.push(ResourceChange {
                address: task_address(&task.workflow, &task.name),
                kind: ResourceKind::task(task.periodic),
                name: task.name.clone(),
                workflow: Some(task.workflow.clone()),
                action: Action::Delete,
                id: Some(task.id.clone()),
                changes: Vec::new(),
                depends_on: Vec::new(),
                source: None,
                code_file: None,
                prevent_destroy: false,
            });
        }
    }
    repoint_dependents_of_replacements(&mut resources);
    resources.sort_by(|left, right| (left.kind, &left.address).cmp(&(right.kind, &right.address)));
    let summary = summarize(&resources);
    let waves = waves(&resources);
    let mut plan = Plan {
        format_version: FORMAT_VERSION,
        project_id: binding.project_id,
        target: binding.target,
        api_version: binding.api_version,
        tool_version: binding.tool_version,
        selection: Vec::new(),
        risk: Risk::default(),
        resources,
        waves,
        unmanaged: if deletion.prune {
            Vec::new()
        } else {
            unmanaged
        },
        neighbours: Vec::new(),
        notices: Vec::new(),
        impact: Impact::default(),
        policy_violations: Vec::new(),
        summary,
        deletion_allowed: deletion.prune,
        deletion_notifies_owners: deletion.prune && deletion.notify_owners,
        fingerprints,
    };
    plan.risk = Risk::of(&plan);
    plan
}

/// A create shows every declared member as new.
fn creation_changes(members: &BTreeMap<String, Value>) -> Vec<MemberChange> {
    members
        .iter()
        .map(|(member, value)| change(member, Value::Null, value.clone()))
        .collect()
}

/// The counts of each action.
pub fn summarize(resources: &[ResourceChange]) -> Summary {
    let mut summary = Summary::default();
    for resource in resources {
        match resource.action {
            Action::Create => summary.create += 1,
            Action::Update | Action::Submit => summary.update += 1,
            Action::Replace => summary.replace += 1,
            Action::Delete => summary.delete += 1,
            Action::NoOp => summary.unchanged += 1,
        }
    }
    summary
}

/// Waves over the changing resources; a dependency on an unchanged resource is already met.
pub fn waves(resources: &[ResourceChange]) -> Vec<Vec<String>> {
    let changing: Vec<&ResourceChange> = resources
        .iter()
        .filter(|resource| resource.action != Action::NoOp)
        .collect();
    let index: HashMap<&str, usize> = changing
        .iter()
        .enumerate()
        .map(|(position, resource)| (resource.address.as_str(), position))
        .collect();
    let edges: Vec<Vec<usize>> = changing
        .iter()
        .map(|resource| {
            resource
                .depends_on
                .iter()
                .filter_map(|address| index.get(address.as_str()).copied())
                .collect()
        })
        .collect();
    match graph::waves(&edges, |position| changing[position].address.clone()) {
        Ok(levels) => levels
            .into_iter()
            .map(|level| {
                level
                    .into_iter()
                    .map(|position| changing[position].address.clone())
                    .collect()
            })
            .collect(),
        // validate rejects cycles; if one slipped through, keep the resources in one wave.
        Err(_) => vec![
            changing
                .iter()
                .map(|resource| resource.address.clone())
                .collect(),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn state(name: &str, members: &[(&str, Value)]) -> TaskState {
        TaskState {
            name: name.to_owned(),
            members: members
                .iter()
                .map(|(key, value)| (key.to_string(), value.clone()))
                .collect(),
        }
    }

    fn live_task(id: &str, state: TaskState) -> LiveTask {
        LiveTask {
            id: id.to_owned(),
            state,
            last_update_time: "2026-01-01 00:00:00".into(),
            latest_version: "V1".into(),
            submitted: true,
        }
    }

    fn task(
        name: &str,
        desired: TaskState,
        live: Option<LiveTask>,
        references: &[&str],
    ) -> TaskInput {
        TaskInput {
            kind: ResourceKind::Task,
            workflow: "orders".into(),
            desired,
            source: format!("{name}.yaml:2"),
            code_file: None,
            prevent_destroy: false,
            references: references.iter().map(|name| name.to_string()).collect(),
            live,
        }
    }

    fn run(tasks: &[TaskInput]) -> Plan {
        plan(
            Binding {
                project_id: "1".into(),
                ..Binding::default()
            },
            &[],
            tasks,
            Vec::new(),
            Fingerprints::default(),
            DeletionPolicy::default(),
        )
    }

    #[test]
    fn undeclared_and_equal_members_are_not_changes() {
        let desired = state(
            "extract",
            &[
                ("scheduler.max_retries", json!(4)),
                ("scheduler.upstream", json!(["a", "b"])),
            ],
        );
        let live = state(
            "extract",
            &[
                ("scheduler.max_retries", json!(4)),
                ("scheduler.upstream", json!(["a", "b"])),
                ("scheduler.run_priority", json!(5)),
                ("configuration.ext.tenantId", json!("125")),
            ],
        );
        let plan = run(&[task("extract", desired, Some(live_task("1", live)), &[])]);
        assert_eq!(plan.resources[0].action, Action::NoOp);
        assert!(!plan.summary.has_changes());
    }

    #[test]
    fn a_declared_default_equals_a_missing_live_value() {
        let desired = state("extract", &[("scheduler.run_priority", json!(6))]);
        let plan = run(&[task(
            "extract",
            desired,
            Some(live_task("1", state("extract", &[]))),
            &[],
        )]);
        assert_eq!(plan.resources[0].action, Action::NoOp);
    }

    #[test]
    fn changed_members_are_listed_with_old_and_new_values() {
        let desired = state(
            "extract",
            &[
                ("configuration.code", json!("echo 2\n")),
                ("scheduler.max_retries", json!(2)),
            ],
        );
        let live = state(
            "extract",
            &[
                ("configuration.code", json!("echo 1\n")),
                ("scheduler.max_retries", json!(4)),
            ],
        );
        let plan = run(&[task("extract", desired, Some(live_task("1", live)), &[])]);
        let resource = &plan.resources[0];
        assert_eq!(resource.action, Action::Update);
        assert_eq!(resource.changes.len(), 2);
        assert_eq!(resource.changes[1].member, "scheduler.max_retries");
        assert_eq!(resource.changes[1].before, json!(4));
        assert_eq!(resource.changes[1].after, json!(2));
    }

    #[test]
    fn task_type_changes_are_replacements_and_unsubmitted_tasks_are_submitted() {
        let replaced = run(&[task(
            "extract",
            state("extract", &[("base.task_type", json!(30))]),
            Some(live_task(
                "1",
                state("extract", &[("base.task_type", json!(35))]),
            )),
            &[],
        )]);
        assert_eq!(replaced.resources[0].action, Action::Replace);
        assert_eq!(replaced.summary.replace, 1);

        let mut unsubmitted = live_task("1", state("extract", &[]));
        unsubmitted.submitted = false;
        let submitted = run(&[task(
            "extract",
            state("extract", &[]),
            Some(unsubmitted),
            &[],
        )]);
        assert_eq!(submitted.resources[0].action, Action::Submit);
    }

    #[test]
    fn dependents_of_a_replaced_task_are_updated_to_its_new_id() {
        let plan = run(&[
            task(
                "extract",
                state("extract", &[("base.task_type", json!(30))]),
                Some(live_task(
                    "1",
                    state("extract", &[("base.task_type", json!(35))]),
                )),
                &[],
            ),
            task(
                "load",
                state("load", &[]),
                Some(live_task("2", state("load", &[]))),
                &["extract"],
            ),
            task(
                "report",
                state("report", &[]),
                Some(live_task("3", state("report", &[]))),
                &[],
            ),
        ]);
        let load = plan.resource("task.orders.load").unwrap();
        assert_eq!(load.action, Action::Update);
        assert_eq!(
            load.changes,
            vec![MemberChange {
                member: REFERENCES_MEMBER.into(),
                before: json!(["task.orders.extract (1)"]),
                after: json!(["task.orders.extract (its replacement)"]),
                sensitive: false,
            }]
        );
        assert_eq!(
            plan.resource("task.orders.report").unwrap().action,
            Action::NoOp,
            "a task that does not refer to it is left alone"
        );
        assert_eq!((plan.summary.replace, plan.summary.update), (1, 1));
    }

    #[test]
    fn sensitive_values_never_enter_the_plan() {
        let desired = state(
            "extract",
            &[("configuration.ext.db_password", json!("hunter2"))],
        );
        let plan = run(&[task("extract", desired, None, &[])]);
        let text = serde_json::to_string(&plan).unwrap();
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.contains("(sensitive)"));
    }

    #[test]
    fn secret_looking_keys_inside_whole_map_members_are_hidden() {
        let desired = state(
            "extract",
            &[(
                "configuration.scheduling_parameters",
                json!({"db_password": "hunter2", "bizdate": "${yyyyMMdd}"}),
            )],
        );
        let plan = run(&[task("extract", desired, None, &[])]);
        let text = serde_json::to_string(&plan).unwrap();
        assert!(!text.contains("hunter2"), "{text}");
        assert!(
            text.contains("${yyyyMMdd}"),
            "other keys stay visible: {text}"
        );
    }

    proptest::proptest! {
        /// A state never differs from itself, whatever its members, and a plan is stable.
        #[test]
        fn a_state_compared_with_itself_has_no_changes(
            members in proptest::collection::btree_map("[a-z.]{1,12}", proptest::prelude::any::<i64>(), 0..12),
        ) {
            let values: BTreeMap<String, Value> = members.into_iter().map(|(key, value)| (key, json!(value))).collect();
            proptest::prop_assert!(diff_members(&values, &values).is_empty());
            let same = TaskState { name: "t".into(), members: values };
            let plan = run(&[task("t", same.clone(), Some(live_task("1", same)), &[])]);
            proptest::prop_assert_eq!(plan.resources[0].action, Action::NoOp);
        }
    }

    #[test]
    fn creates_come_in_dependency_waves() {
        let plan = run(&[
            task("load", state("load", &[]), None, &["clean"]),
            task("clean", state("clean", &[]), None, &["extract"]),
            task("extract", state("extract", &[]), None, &[]),
            task("report", state("report", &[]), None, &["extract"]),
        ]);
        assert_eq!(
            plan.waves,
            vec![
                vec!["task.orders.extract".to_owned()],
                vec![
                    "task.orders.clean".to_owned(),
                    "task.orders.report".to_owned()
                ],
                vec!["task.orders.load".to_owned()],
            ]
        );
        assert_eq!(plan.summary.create, 4);
    }

    #[test]
    fn fingerprint_differences_name_what_moved() {
        let mut saved = Fingerprints::default();
        saved.files.insert("a.yaml".into(), "1".into());
        saved.live.insert(
            "task.orders.a".into(),
            LiveFingerprint {
                id: "1".into(),
                last_update_time: "t1".into(),
                latest_version: "V1".into(),
                state_digest: String::new(),
            },
        );
        let mut current = saved.clone();
        assert!(saved.differences(&current).is_empty());
        current.files.insert("a.yaml".into(), "2".into());
        current
            .live
            .get_mut("task.orders.a")
            .unwrap()
            .latest_version = "V2".into();
        current.files.insert("b.yaml".into(), "3".into());
        assert_eq!(
            saved.differences(&current),
            vec![
                "file a.yaml changed",
                "file b.yaml is new",
                "live task.orders.a changed"
            ]
        );
    }
}
