//! What a reviewer needs beyond the member changes, as plan data: the tasks a change reaches
//! downstream (`Impact`, read by the `impact` module), the team's rules a change breaks
//! (`PolicyViolation`, found by the `policy` module), and the risky part at a glance (`Risk`,
//! computed here from the rest of the plan). Pure values: everything in them is part of a
//! saved plan's pin, so they are deterministic (sorted, and cut by counts, never by time).

use serde::{Deserialize, Serialize};

use super::plan::{Action, Plan, ResourceKind};

/// How far `plan` looks downstream of what changes (`--impact`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImpactMode {
    /// No lookups (deletions and replacements are still checked for downstream tasks).
    Off,
    /// The tasks directly downstream of each changing task.
    Direct,
    /// Direct, then deeper levels while the lookup budget lasts (the default).
    #[default]
    Auto,
    /// Everything reachable downstream, up to a hard cap of lookups.
    All,
}

impl ImpactMode {
    pub fn word(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Direct => "direct",
            Self::Auto => "auto",
            Self::All => "all",
        }
    }
}

/// The tasks reached downstream of the plan's changes, found with WeData's downstream lookups
/// (ListDownstreamTriggerTasks / ListDownstreamTasks), including tasks no manifest declares.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Impact {
    pub mode: ImpactMode,
    /// Tasks whose downstream tasks were read (one lookup each; a lookup served from the local
    /// cache counts the same, so the number does not depend on the cache).
    pub lookups: usize,
    /// False when the lookup budget stopped the walk: the deepest tasks listed may reach more.
    pub complete: bool,
    /// Every task reached, nearest first (by depth, workflow, name, id).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<ImpactedTask>,
    /// Tasks outside the repository that a deletion or a replacement would leave without an
    /// upstream (a guard rail refuses them unless allowed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphaned: Vec<OrphanedTask>,
    /// Whether `--allow-orphaned-downstream` let those through.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub orphans_allowed: bool,
}

impl Impact {
    /// The tasks reached that this repository does not manage.
    pub fn unmanaged(&self) -> impl Iterator<Item = &ImpactedTask> {
        self.tasks.iter().filter(|task| !task.managed)
    }
}

/// One task downstream of a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImpactedTask {
    pub id: String,
    pub name: String,
    /// Its workflow's name, as WeData reported it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow: Option<String>,
    /// OwnerUin, as WeData reported it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// 1 for a task directly downstream of a change, 2 for the next level, ...
    pub depth: usize,
    /// Whether a manifest of this repository declares it.
    pub managed: bool,
    /// Its plan address, when managed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Addresses of the changing resources it is downstream of.
    pub reached_from: Vec<String>,
}

/// A task outside the repository left without an upstream by a deletion or a replacement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrphanedTask {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The address of the deleted or replaced resource it depends on.
    pub upstream: String,
}

/// How much a policy violation matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Refuses the plan: `apply` writes nothing.
    Error,
    /// Shown in the plan; stops nothing.
    Warn,
}

impl Severity {
    pub fn word(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warn => "warning",
        }
    }
}

/// One rule of `policies:` that a declared or planned resource breaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyViolation {
    /// The rule's key in `policies:` (`owner_allowed`, `max_retries`, ...).
    pub rule: String,
    pub severity: Severity,
    /// The resource it is about.
    pub address: String,
    pub message: String,
    /// Where: the manifest (or wedata.yaml for a rule about a resource no manifest declares),
    /// relative to the project root; line and column are 1-based, 0 when unknown.
    pub file: String,
    pub line: usize,
    pub column: usize,
}

impl PolicyViolation {
    /// `file:line:column`, as far as known.
    pub fn position(&self) -> String {
        match (self.line, self.column) {
            (0, _) => self.file.clone(),
            (line, 0) => format!("{}:{line}", self.file),
            (line, column) => format!("{}:{line}:{column}", self.file),
        }
    }
}

/// The risky part of a plan at a glance; every renderer puts it first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Risk {
    /// Addresses of deleted resources.
    pub deletions: Vec<String>,
    /// Addresses of replaced (deleted and created again) resources.
    pub replacements: Vec<String>,
    /// Addresses of resources whose owner changes.
    pub owner_changes: Vec<String>,
    /// Addresses of resources whose schedule or triggers change.
    pub schedule_changes: Vec<String>,
    /// Tasks outside this repository that the changes reach.
    pub unmanaged_downstream: usize,
    /// Of those, tasks a deletion or replacement leaves without an upstream.
    pub orphaned_downstream: usize,
    pub policy_errors: usize,
    pub policy_warnings: usize,
}

/// Task scheduler members that say when a task runs (rather than how).
const TASK_SCHEDULE_MEMBERS: &[&str] = &[
    "scheduler.cycle_type",
    "scheduler.crontab",
    "scheduler.time_zone",
    "scheduler.start_time",
    "scheduler.end_time",
    "scheduler.execution_start_time",
    "scheduler.execution_end_time",
    "scheduler.calendar_open",
    "scheduler.calendar_id",
    "scheduler.self_depend",
    "scheduler.init_strategy",
    "scheduler.event_listeners",
    "scheduler.schedule_type",
];

/// Whether a change of `member` changes when a resource of `kind` runs.
pub fn is_schedule_member(kind: ResourceKind, member: &str) -> bool {
    if kind.is_task() {
        TASK_SCHEDULE_MEMBERS.contains(&member) || member.starts_with("scheduler.legacy.")
    } else {
        member.starts_with("scheduler.")
            || ["triggers", "trigger_mode", "scheduler_status"].contains(&member)
    }
}

/// Whether `member` is a resource's owner.
pub fn is_owner_member(kind: ResourceKind, member: &str) -> bool {
    member
        == if kind.is_task() {
            "base.owner_uin"
        } else {
            "owner_uin"
        }
}

impl Risk {
    /// The risk of `plan`, from its resources, impact and policy violations.
    pub fn of(plan: &Plan) -> Self {
        let mut risk = Self::default();
        for resource in plan.changing() {
            match resource.action {
                Action::Delete => risk.deletions.push(resource.address.clone()),
                Action::Replace => risk.replacements.push(resource.address.clone()),
                _ => {}
            }
            if resource.action == Action::Create {
                continue;
            }
            let changed = |test: fn(ResourceKind, &str) -> bool| {
                resource
                    .changes
                    .iter()
                    .any(|change| test(resource.kind, &change.member))
            };
            if changed(is_owner_member) {
                risk.owner_changes.push(resource.address.clone());
            }
            if changed(is_schedule_member) {
                risk.schedule_changes.push(resource.address.clone());
            }
        }
        risk.unmanaged_downstream = plan.impact.unmanaged().count();
        risk.orphaned_downstream = plan.impact.orphaned.len();
        for violation in &plan.policy_violations {
            match violation.severity {
                Severity::Error => risk.policy_errors += 1,
                Severity::Warn => risk.policy_warnings += 1,
            }
        }
        risk
    }

    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// The risk as short phrases, most serious first ("2 deletions", "1 owner change", ...);
    /// empty when there is none.
    pub fn phrases(&self) -> Vec<String> {
        let counted = |count: usize, one: &str, many: &str| {
            (count > 0).then(|| format!("{count} {}", if count == 1 { one } else { many }))
        };
        [
            counted(self.policy_errors, "policy error", "policy errors"),
            counted(
                self.orphaned_downstream,
                "task outside this repository left without its upstream",
                "tasks outside this repository left without their upstream",
            ),
            counted(self.deletions.len(), "deletion", "deletions"),
            counted(self.replacements.len(), "replacement", "replacements"),
            counted(self.owner_changes.len(), "owner change", "owner changes"),
            counted(
                self.schedule_changes.len(),
                "schedule or trigger change",
                "schedule or trigger changes",
            ),
            counted(
                self.unmanaged_downstream,
                "task outside this repository reached",
                "tasks outside this repository reached",
            ),
            counted(self.policy_warnings, "policy warning", "policy warnings"),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::plan::{MemberChange, ResourceChange};
    use serde_json::json;

    fn change(member: &str) -> MemberChange {
        MemberChange {
            member: member.to_owned(),
            before: json!("a"),
            after: json!("b"),
            sensitive: false,
        }
    }

    #[test]
    fn the_risk_counts_deletions_owner_and_schedule_changes_but_not_creates() {
        let mut plan = crate::dag::planned_tests::plan_of(vec![
            crate::dag::planned_tests::resource("orders", "old", Action::Delete, &[]),
            crate::dag::planned_tests::resource("orders", "load", Action::Update, &[]),
            crate::dag::planned_tests::resource("orders", "new", Action::Create, &[]),
        ]);
        plan.resources[1].changes = vec![
            change("base.owner_uin"),
            change("scheduler.crontab"),
            change("scheduler.max_retries"),
        ];
        plan.resources[2].changes = vec![change("base.owner_uin")];
        plan.resources.push(ResourceChange {
            address: "workflow.orders".into(),
            kind: ResourceKind::Workflow,
            name: "orders".into(),
            workflow: None,
            action: Action::Update,
            id: Some("w".into()),
            changes: vec![change("triggers")],
            depends_on: Vec::new(),
            source: None,
            code_file: None,
            prevent_destroy: false,
        });
        plan.policy_violations.push(PolicyViolation {
            rule: "task_name".into(),
            severity: Severity::Warn,
            address: "task.orders.load".into(),
            message: "m".into(),
            file: "f".into(),
            line: 0,
            column: 0,
        });
        let risk = Risk::of(&plan);
        assert_eq!(risk.deletions, vec!["task.orders.old"]);
        assert_eq!(risk.owner_changes, vec!["task.orders.load"]);
        assert_eq!(
            risk.schedule_changes,
            vec!["task.orders.load", "workflow.orders"]
        );
        assert_eq!(risk.policy_warnings, 1);
        assert_eq!(
            risk.phrases(),
            vec![
                "1 deletion",
                "1 owner change",
                "2 schedule or trigger changes",
                "1 policy warning"
            ]
        );
        assert!(Risk::default().phrases().is_empty());
    }
}
