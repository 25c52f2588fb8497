//! The team's rules (`policies:` in wedata.yaml, per target) applied to what the manifests
//! declare (`check_manifests`: offline, for `validate` and `plan`) and to what a plan would do
//! (`check_plan`: owner changes, deletions and replacements of protected resources, which need
//! the live state). Each violation names its rule, severity, resource and the file, line and
//! column it is about.
//!
//! Pure: the manifests' texts (to place a violation on its key) come through the caller's
//! reader. Decides nothing about running: the planner turns errors into refusals, and every
//! renderer shows the rest.

pub mod diagnostics;
pub mod locate;

use std::path::Path;

use crate::manifest::policies::{Bounds, Policies, RuleSeverity};
use crate::manifest::{Project, Task, Workflow, WorkflowDefinition};
use crate::reconcile::inputs::workflow_label;
use crate::reconcile::plan::{Plan, task_address, workflow_address};
use crate::reconcile::review::{PolicyViolation, Severity, is_owner_member};
use crate::reconcile::select::glob_matches;
use crate::reconcile::{Action, ResourceKind};
use locate::Locator;

/// Owners listed in a message at most (the rest are counted).
const LISTED_OWNERS: usize = 5;

/// A violation before it is placed: the member path it is about in its resource's document.
struct Finding {
    rule: &'static str,
    severity: Severity,
    address: String,
    message: String,
    place: Place,
}

/// Where a finding points.
enum Place {
    /// A member of a task's or workflow's document (`["base", "owner_uin"]`).
    Member {
        file: String,
        name_line: usize,
        path: &'static [&'static str],
    },
    /// A rule of the project file (a resource no manifest declares).
    Rule {
        file: String,
        line: usize,
        column: usize,
    },
}

fn severity(rule: RuleSeverity) -> Option<Severity> {
    match rule {
        RuleSeverity::Error => Some(Severity::Error),
        RuleSeverity::Warn => Some(Severity::Warn),
        RuleSeverity::Off => None,
    }
}

/// An owner as a message shows it: the text itself, or "(none)".
fn shown_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) if !text.is_empty() => text.clone(),
        serde_json::Value::Null | serde_json::Value::String(_) => "(none)".to_owned(),
        other => other.to_string(),
    }
}

fn shown(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// Every rule the declared tasks and workflows break, in file and line order.
pub fn check_manifests(project: &Project, locator: &mut Locator<'_>) -> Vec<PolicyViolation> {
    let policies = &project.settings.policies;
    let mut findings = Vec::new();
    for workflow in &project.workflows {
        findings.extend(workflow_findings(policies, workflow));
    }
    for task in &project.tasks {
        findings.extend(task_findings(policies, task));
    }
    place(findings, locator)
}

/// Every rule the plan's changes break (the rules that need the live state).
pub fn check_plan(
    project: &Project,
    plan: &Plan,
    locator: &mut Locator<'_>,
) -> Vec<PolicyViolation> {
    let policies = &project.settings.policies;
    let mut findings = Vec::new();
    let owner_change = policies
        .owner_change
        .as_ref()
        .and_then(|rule| severity(rule.value.severity));
    let protected = policies
        .protected
        .as_ref()
        .and_then(|rule| Some((rule, severity(rule.value.severity)?)));
    for resource in plan.changing() {
        let declared = declared_place(project, &resource.address, resource.kind);
        if let (Some(severity), Action::Update | Action::Replace) = (owner_change, resource.action)
        {
            if let Some(change) = resource
                .changes
                .iter()
                .find(|change| is_owner_member(resource.kind, &change.member))
            {
                findings.push(Finding {
                    rule: "owner_change",
                    severity,
                    address: resource.address.clone(),
                    message: format!(
                        "{} changes its owner from {} to {}",
                        resource.address,
                        shown_value(&change.before),
                        shown_value(&change.after)
                    ),
                    place: declared
                        .as_ref()
                        .map(|(file, line)| Place::Member {
                            file: file.clone(),
                            name_line: *line,
                            path: owner_path(resource.kind),
                        })
                        .unwrap_or_else(|| rule_place(project, None)),
                });
            }
        }
        if let (Some((rule, severity)), Action::Delete | Action::Replace) =
            (protected, resource.action)
        {
            if rule
                .value
                .addresses
                .iter()
                .any(|pattern| glob_matches(pattern, &resource.address))
            {
                let (verb, place) = match (&declared, resource.action) {
                    (Some((file, line)), Action::Replace) => (
                        "replaced (deleted and created again, as its task type changes)",
                        Place::Member {
                            file: file.clone(),
                            name_line: *line,
                            path: &["base", "task_type"],
                        },
                    ),
                    _ => (
                        "deleted",
                        rule_place(
                            project,
                            Some((
                                rule.referenced.line() as usize,
                                rule.referenced.column() as usize,
                            )),
                        ),
                    ),
                };
                findings.push(Finding {
                    rule: "protected",
                    severity,
                    address: resource.address.clone(),
                    message: format!("{} is protected and would be {verb}", resource.address),
                    place,
                });
            }
        }
    }
    place(findings, locator)
}

/// The manifest file and `name:` line of the declared resource at `address`.
fn declared_place(project: &Project, address: &str, kind: ResourceKind) -> Option<(String, usize)> {
    if kind.is_task() {
        project
            .tasks
            .iter()
            .find(|task| task_address(&workflow_label(task), task.name()) == address)
            .map(|task| (shown(&task.file), task.line))
    } else {
        project
            .workflows
            .iter()
            .find(|workflow| workflow_address(&workflow.name) == address)
            .map(|workflow| (shown(&workflow.file), workflow.line))
    }
}

fn owner_path(kind: ResourceKind) -> &'static [&'static str] {
    if kind.is_task() {
        &["base", "owner_uin"]
    } else {
        &["owner_uin"]
    }
}

/// A place in the project file: the rule's own line when known.
fn rule_place(project: &Project, at: Option<(usize, usize)>) -> Place {
    let (line, column) = at.unwrap_or((0, 0));
    Place::Rule {
        file: shown(&project.settings.project_file),
        line,
        column,
    }
}

fn workflow_findings(policies: &Policies, workflow: &Workflow) -> Vec<Finding> {
    let mut findings = Vec::new();
    let address = workflow_address(&workflow.name);
    let (owner, description) = match &workflow.definition {
        WorkflowDefinition::Trigger(manifest) => (&manifest.owner_uin, &manifest.description),
        WorkflowDefinition::Periodic(manifest) => (&manifest.owner_uin, &manifest.description),
    };
    let at = |path: &'static [&'static str]| Place::Member {
        file: shown(&workflow.file),
        name_line: workflow.line,
        path,
    };
    findings.extend(owner_findings(
        policies,
        &address,
        owner.as_deref(),
        &["owner_uin"],
        &at,
    ));
    findings.extend(description_finding(
        policies,
        &address,
        description.as_deref(),
        &["description"],
        &at,
    ));
    if let Some(rule) = &policies.workflow_name {
        if let (Some(severity), Ok(pattern)) = (severity(rule.value.severity), rule.value.regex()) {
            let name = &workflow.definition.name().value;
            if !pattern.is_match(name) {
                findings.push(Finding {
                    rule: "workflow_name",
                    severity,
                    address: address.clone(),
                    message: format!(
                        "the workflow name `{name}` does not match the pattern `{}`",
                        rule.value.pattern
                    ),
                    place: at(&["name"]),
                });
            }
        }
    }
    findings
}

fn task_findings(policies: &Policies, task: &Task) -> Vec<Finding> {
    let mut findings = Vec::new();
    let address = task_address(&workflow_label(task), task.name());
    let at = |path: &'static [&'static str]| Place::Member {
        file: shown(&task.file),
        name_line: task.line,
        path,
    };
    let base = task.base();
    findings.extend(owner_findings(
        policies,
        &address,
        base.owner_uin.as_deref(),
        &["base", "owner_uin"],
        &at,
    ));
    findings.extend(description_finding(
        policies,
        &address,
        base.description.as_deref(),
        &["base", "description"],
        &at,
    ));
    if let Some(rule) = &policies.task_name {
        if let (Some(severity), Ok(pattern)) = (severity(rule.value.severity), rule.value.regex()) {
            if !pattern.is_match(task.name()) {
                findings.push(Finding {
                    rule: "task_name",
                    severity,
                    address: address.clone(),
                    message: format!(
                        "the task name `{}` does not match the pattern `{}`",
                        task.name(),
                        rule.value.pattern
                    ),
                    place: at(&["name"]),
                });
            }
        }
    }
    let scheduler = task.shared_scheduler();
    let bounded = [
        Bounded {
            rule: "max_retries",
            bounds: &policies.max_retries,
            value: scheduler.max_retries,
            path: &["scheduler", "max_retries"],
            timeout: false,
        },
        Bounded {
            rule: "retry_wait_minutes",
            bounds: &policies.retry_wait_minutes,
            value: scheduler.retry_wait_minutes,
            path: &["scheduler", "retry_wait_minutes"],
            timeout: false,
        },
        Bounded {
            rule: "run_priority",
            bounds: &policies.run_priority,
            value: scheduler.run_priority,
            path: &["scheduler", "run_priority"],
            timeout: false,
        },
        Bounded {
            rule: "execution_ttl_minutes",
            bounds: &policies.execution_ttl_minutes,
            value: scheduler.execution_ttl_minutes,
            path: &["scheduler", "execution_ttl_minutes"],
            timeout: true,
        },
        Bounded {
            rule: "wait_execution_total_ttl_minutes",
            bounds: &policies.wait_execution_total_ttl_minutes,
            value: scheduler.wait_execution_total_ttl_minutes,
            path: &["scheduler", "wait_execution_total_ttl_minutes"],
            timeout: true,
        },
    ];
    for Bounded {
        rule,
        bounds,
        value,
        path,
        timeout,
    } in bounded
    {
        let Some(bounds) = bounds else { continue };
        let Some(severity) = severity(bounds.value.severity) else {
            continue;
        };
        if let Some(message) = bounds_message(&bounds.value, value, &address, rule, timeout) {
            findings.push(Finding {
                rule,
                severity,
                address: address.clone(),
                message,
                place: at(path),
            });
        }
    }
    if let Some(rule) = &policies.task_types {
        if let Some(severity) = severity(rule.value.severity) {
            let allowed = Policies::allowed_task_type_ids(&rule.value);
            if !allowed.contains(&task.task_type_id) {
                let named = |id: u64| {
                    crate::manifest::task_types::name_for_id(id)
                        .map_or_else(|| id.to_string(), |name| format!("{name} ({id})"))
                };
                findings.push(Finding {
                    rule: "task_types",
                    severity,
                    address: address.clone(),
                    message: format!(
                        "{address} is a {} task; allowed here: {}",
                        named(task.task_type_id),
                        allowed
                            .iter()
                            .map(|id| named(*id))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    place: at(&["base", "task_type"]),
                });
            }
        }
    }
    if let (Some(rule), Some(code)) = (&policies.code_file_size, &task.code) {
        if let Some(severity) = severity(rule.value.severity) {
            if code.len() as u64 > rule.value.max_bytes {
                findings.push(Finding {
                    rule: "code_file_size",
                    severity,
                    address: address.clone(),
                    message: format!(
                        "the code file {} is {} bytes, over the {} allowed",
                        task.code_path().unwrap_or_default(),
                        code.len(),
                        rule.value.max_bytes
                    ),
                    place: at(&["configuration", "code_file"]),
                });
            }
        }
    }
    findings
}

/// A scheduler number a bounds rule judges.
struct Bounded<'a> {
    rule: &'static str,
    bounds: &'a Option<serde_saphyr::Spanned<Bounds>>,
    value: Option<i64>,
    path: &'static [&'static str],
    /// A timeout: a negative value means none.
    timeout: bool,
}

fn owner_findings(
    policies: &Policies,
    address: &str,
    owner: Option<&str>,
    path: &'static [&'static str],
    at: &dyn Fn(&'static [&'static str]) -> Place,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let owner = owner.map(str::trim).filter(|owner| !owner.is_empty());
    if let Some(rule) = &policies.owner_required {
        if let (Some(severity), None) = (severity(rule.value.severity), owner) {
            findings.push(Finding {
                rule: "owner_required",
                severity,
                address: address.to_owned(),
                message: format!("{address} declares no owner ({})", path.join(".")),
                place: at(path),
            });
        }
    }
    if let (Some(rule), Some(owner)) = (&policies.owner_allowed, owner) {
        if let Some(severity) = severity(rule.value.severity) {
            let owners = &rule.value.owners;
            if !owners.iter().any(|allowed| allowed.trim() == owner) {
                let mut listed: Vec<&str> = owners
                    .iter()
                    .take(LISTED_OWNERS)
                    .map(String::as_str)
                    .collect();
                let more = owners.len().saturating_sub(LISTED_OWNERS);
                let more = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                listed.sort_unstable();
                findings.push(Finding {
                    rule: "owner_allowed",
                    severity,
                    address: address.to_owned(),
                    message: format!(
                        "the owner {owner} of {address} is not an allowed owner ({}{more})",
                        listed.join(", ")
                    ),
                    place: at(path),
                });
            }
        }
    }
    findings
}

fn description_finding(
    policies: &Policies,
    address: &str,
    description: Option<&str>,
    path: &'static [&'static str],
    at: &dyn Fn(&'static [&'static str]) -> Place,
) -> Option<Finding> {
    let rule = policies.description_required.as_ref()?;
    let severity = severity(rule.value.severity)?;
    description
        .is_none_or(|text| text.trim().is_empty())
        .then(|| Finding {
            rule: "description_required",
            severity,
            address: address.to_owned(),
            message: format!("{address} has no description ({})", path.join(".")),
            place: at(path),
        })
}

/// What is wrong with a declared number under `bounds`, if anything. For a timeout, a
/// negative value means none, which no maximum allows.
fn bounds_message(
    bounds: &Bounds,
    value: Option<i64>,
    address: &str,
    rule: &str,
    timeout: bool,
) -> Option<String> {
    let member = format!("scheduler.{rule}");
    let Some(value) = value else {
        return bounds.required.then(|| {
            format!("{address} does not declare {member}, which policies.{rule} requires")
        });
    };
    if timeout && value < 0 {
        return bounds.max.map(|max| {
            format!("{member} of {address} is {value} (no timeout), and at most {max} is allowed")
        });
    }
    if let Some(min) = bounds.min.filter(|min| value < *min) {
        return Some(format!(
            "{member} of {address} is {value}, under the minimum {min}"
        ));
    }
    if let Some(max) = bounds.max.filter(|max| value > *max) {
        return Some(format!(
            "{member} of {address} is {value}, over the maximum {max}"
        ));
    }
    None
}

/// Findings placed on their lines, in file, line, column and rule order.
fn place(findings: Vec<Finding>, locator: &mut Locator<'_>) -> Vec<PolicyViolation> {
    let mut violations: Vec<PolicyViolation> = findings
        .into_iter()
        .map(|finding| {
            let (file, line, column) = match finding.place {
                Place::Member {
                    file,
                    name_line,
                    path,
                } => {
                    let (line, column) = locator.find(Path::new(&file), name_line, path);
                    (file, line, column)
                }
                Place::Rule { file, line, column } => (file, line, column),
            };
            PolicyViolation {
                rule: finding.rule.to_owned(),
                severity: finding.severity,
                address: finding.address,
                message: finding.message,
                file,
                line,
                column,
            }
        })
        .collect();
    violations.sort_by(|left, right| {
        (
            &left.file,
            left.line,
            left.column,
            &left.rule,
            &left.address,
        )
            .cmp(&(
                &right.file,
                right.line,
                right.column,
                &right.rule,
                &right.address,
            ))
    });
    violations
}
