//! Saved plans are a pin, not a program. `plan --out` writes the plan; `apply --plan` reads
//! it back as untrusted data, computes the plan again from the manifests and a fresh read of
//! WeData, and goes on only when the two are equal resource by resource, action by action,
//! member by member, with the same project, target, API version and tool version. What runs is
//! always the plan computed now; the file can only stop a run, never add to one.

use std::path::Path;

use crate::reconcile::Plan;
use crate::reconcile::plan::{FORMAT_VERSION, Fingerprints, ResourceChange};

/// The most differences listed in one refusal (the rest are counted).
const LISTED_DIFFERENCES: usize = 12;

/// Why a saved plan cannot be used.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum SavedPlanError {
    #[error("cannot read the saved plan {path}")]
    #[diagnostic(code(plan::unreadable))]
    Unreadable {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a saved plan: {reason}")]
    #[diagnostic(
        code(plan::unreadable),
        help("save a plan with `wedata-gitops plan --out PLAN_FILE`")
    )]
    Invalid { path: String, reason: String },
}

/// Reads a saved plan. Only its shape is checked here; what it says is checked by [`check`].
pub fn read(path: &Path) -> Result<Plan, SavedPlanError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| SavedPlanError::Unreadable {
        path: shown.clone(),
        source,
    })?;
    parse(&text).map_err(|reason| SavedPlanError::Invalid {
        path: shown,
        reason,
    })
}

/// Parses a saved plan of this format version.
pub fn parse(text: &str) -> Result<Plan, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| format!("not a JSON plan: {error}"))?;
    let version = value
        .get("format_version")
        .and_then(serde_json::Value::as_u64);
    if version != Some(u64::from(FORMAT_VERSION)) {
        return Err(format!(
            "format_version {} is not the supported {FORMAT_VERSION} (save the plan again with this version)",
            version.map_or("(missing)".to_owned(), |version| version.to_string()),
        ));
    }
    serde_json::from_value(value).map_err(|error| format!("not a plan of this version: {error}"))
}

/// Every way `saved` differs from `current` (the plan computed now), for people; empty when
/// they are equal. Equality is decided on the whole value, so a difference this function does
/// not name still refuses the saved plan.
pub fn check(saved: &Plan, current: &Plan) -> Result<(), Vec<String>> {
    if saved == current {
        return Ok(());
    }
    let mut differences = binding_differences(saved, current);
    if saved.deletion_allowed != current.deletion_allowed {
        differences.push(if saved.deletion_allowed {
            "it was saved with deletion allowed (--prune); this run does not prune".to_owned()
        } else {
            "it was saved without --prune; this run prunes".to_owned()
        });
    }
    if saved.deletion_notifies_owners != current.deletion_notifies_owners {
        differences.push(if saved.deletion_notifies_owners {
            "it was saved with --notify-owners (deletions tell downstream owners); this run does not".to_owned()
        } else {
            "it was saved without --notify-owners; this run's deletions tell downstream owners"
                .to_owned()
        });
    }
    if saved.notices != current.notices {
        differences.push("its notes differ from the plan computed now".to_owned());
    }
    differences.extend(review_differences(saved, current));
    differences.extend(fingerprint_differences(
        &saved.fingerprints,
        &current.fingerprints,
    ));
    differences.extend(resource_differences(saved, current));
    if saved.unmanaged != current.unmanaged {
        differences.push("the live tasks no manifest declares are not the same".to_owned());
    }
    if saved.impact.tasks != current.impact.tasks
        || saved.impact.orphaned != current.impact.orphaned
    {
        differences.push(
            "the tasks downstream of the changes are not the same (a task was added, changed or removed in WeData)"
                .to_owned(),
        );
    }
    if saved.policy_violations != current.policy_violations {
        differences.push("the policy violations are not the same".to_owned());
    }
    if differences.is_empty() {
        differences.push(
            "its summary or order differs from the plan computed now (was the file edited?)"
                .to_owned(),
        );
    }
    if differences.len() > LISTED_DIFFERENCES {
        let more = differences.len() - LISTED_DIFFERENCES;
        differences.truncate(LISTED_DIFFERENCES);
        differences.push(format!("and {more} more"));
    }
    Err(differences)
}

fn binding_differences(saved: &Plan, current: &Plan) -> Vec<String> {
    let mut differences = Vec::new();
    if saved.project_id != current.project_id {
        differences.push(format!(
            "it was saved for project {}, this is project {}",
            saved.project_id, current.project_id
        ));
    }
    if saved.target != current.target {
        let describe = |target: &Option<String>| match target {
            Some(target) => format!("target `{target}`"),
            None => "no target".to_owned(),
        };
        differences.push(format!(
            "it was saved for {}, this run uses {}",
            describe(&saved.target),
            describe(&current.target)
        ));
    }
    if saved.api_version != current.api_version {
        differences.push(format!(
            "it was saved for API version {}, this project uses {}",
            saved.api_version, current.api_version
        ));
    }
    if saved.tool_version != current.tool_version {
        differences.push(format!(
            "it was saved by wedata-gitops {}, this is {}",
            saved.tool_version, current.tool_version
        ));
    }
    differences
}

/// How the run was asked for: its selection and impact options.
fn review_differences(saved: &Plan, current: &Plan) -> Vec<String> {
    let mut differences = Vec::new();
    let describe = |selection: &[String]| {
        if selection.is_empty() {
            "no --select".to_owned()
        } else {
            selection
                .iter()
                .map(|pattern| format!("--select {pattern}"))
                .collect::<Vec<_>>()
                .join(" ")
        }
    };
    if saved.selection != current.selection {
        differences.push(format!(
            "it was saved with {}, this run has {}",
            describe(&saved.selection),
            describe(&current.selection)
        ));
    }
    if saved.impact.mode != current.impact.mode {
        differences.push(format!(
            "it was saved with --impact {}, this run uses --impact {}",
            saved.impact.mode.word(),
            current.impact.mode.word()
        ));
    }
    if saved.impact.orphans_allowed != current.impact.orphans_allowed {
        differences.push(if saved.impact.orphans_allowed {
            "it was saved with --allow-orphaned-downstream; this run does not allow it".to_owned()
        } else {
            "it was saved without --allow-orphaned-downstream; this run allows it".to_owned()
        });
    }
    differences
}

fn fingerprint_differences(saved: &Fingerprints, current: &Fingerprints) -> Vec<String> {
    saved
        .differences(current)
        .into_iter()
        .map(|difference| format!("{difference} since it was saved"))
        .collect()
}

fn resource_differences(saved: &Plan, current: &Plan) -> Vec<String> {
    let mut differences = Vec::new();
    for resource in &saved.resources {
        match current.resource(&resource.address) {
            None => differences.push(format!(
                "{} ({}) is in the saved plan but not in the plan computed now",
                resource.address,
                verb(resource)
            )),
            Some(now) if now.action != resource.action => differences.push(format!(
                "{} is saved as {} but would be {} now",
                resource.address,
                verb(resource),
                verb(now)
            )),
            Some(now) if now != resource => {
                let members: Vec<&str> = now
                    .changes
                    .iter()
                    .chain(&resource.changes)
                    .filter(|change| {
                        !resource.changes.contains(change) || !now.changes.contains(change)
                    })
                    .map(|change| change.member.as_str())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                differences.push(if members.is_empty() {
                    format!("{} differs from the plan computed now", resource.address)
                } else {
                    format!(
                        "{} changes other members now: {}",
                        resource.address,
                        members.join(", ")
                    )
                });
            }
            Some(_) => {}
        }
    }
    for resource in &current.resources {
        if saved.resource(&resource.address).is_none() {
            differences.push(format!(
                "{} ({}) is not in the saved plan",
                resource.address,
                verb(resource)
            ));
        }
    }
    differences
}

fn verb(resource: &ResourceChange) -> String {
    format!("{:?}", resource.action).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::plan::{Action, Binding, DeletionPolicy, plan};

    fn sample() -> Plan {
        plan(
            Binding {
                project_id: "1".into(),
                target: Some("dev".into()),
                api_version: "2025-08-06".into(),
                tool_version: "0.1.0".into(),
            },
            &[],
            &[],
            vec![crate::reconcile::plan::UnmanagedTask {
                workflow: "orders".into(),
                name: "old".into(),
                id: "42".into(),
                periodic: false,
            }],
            Fingerprints::default(),
            DeletionPolicy::default(),
        )
    }

    #[test]
    fn an_identical_plan_passes() {
        assert_eq!(check(&sample(), &sample()), Ok(()));
    }

    #[test]
    fn a_delete_added_by_hand_is_refused() {
        let mut tampered = sample();
        let mut deletion = crate::reconcile::plan::ResourceChange {
            address: "task.other.victim".into(),
            kind: crate::reconcile::ResourceKind::Task,
            name: "victim".into(),
            workflow: Some("other".into()),
            action: Action::Delete,
            id: Some("7".into()),
            changes: Vec::new(),
            depends_on: Vec::new(),
            source: None,
            code_file: None,
            prevent_destroy: false,
        };
        tampered.resources.push(deletion.clone());
        tampered.deletion_allowed = true;
        let differences = check(&tampered, &sample()).unwrap_err();
        assert!(
            differences
                .iter()
                .any(|line| line.contains("task.other.victim (delete) is in the saved plan")),
            "{differences:?}"
        );
        assert!(differences.iter().any(|line| line.contains("--prune")));
        deletion.action = Action::NoOp;
        assert!(check(&tampered, &sample()).is_err());
    }

    #[test]
    fn owner_notification_and_notes_are_part_of_the_pin() {
        let mut tampered = sample();
        tampered.deletion_notifies_owners = true;
        tampered.notices.push(crate::reconcile::plan::Notice {
            address: "task.orders.a".into(),
            message: "injected".into(),
            source: "a.yaml:1".into(),
        });
        let differences = check(&tampered, &sample()).unwrap_err();
        assert_eq!(
            differences,
            vec![
                "it was saved with --notify-owners (deletions tell downstream owners); this run does not",
                "its notes differ from the plan computed now",
            ]
        );
    }

    #[test]
    fn project_target_and_versions_are_bound() {
        let mut other = sample();
        other.project_id = "999".into();
        other.target = None;
        other.tool_version = "0.0.1".into();
        let differences = check(&other, &sample()).unwrap_err();
        assert_eq!(
            differences,
            vec![
                "it was saved for project 999, this is project 1",
                "it was saved for no target, this run uses target `dev`",
                "it was saved by wedata-gitops 0.0.1, this is 0.1.0",
            ]
        );
    }

    #[test]
    fn an_edit_of_a_derived_member_is_still_refused() {
        let mut tampered = sample();
        tampered.summary.delete = 0;
        tampered.summary.unchanged = 99;
        let differences = check(&tampered, &sample()).unwrap_err();
        assert_eq!(differences.len(), 1, "{differences:?}");
    }

    #[test]
    fn a_plan_saved_with_another_selection_or_impact_is_refused_and_says_why() {
        let mut saved = sample();
        saved.selection = vec!["task.orders.*".into()];
        saved.impact.mode = crate::reconcile::review::ImpactMode::All;
        let differences = check(&saved, &sample()).unwrap_err();
        assert_eq!(
            differences,
            vec![
                "it was saved with --select task.orders.*, this run has no --select",
                "it was saved with --impact all, this run uses --impact auto",
            ]
        );
    }

    #[test]
    fn other_format_versions_are_refused() {
        let mut value = serde_json::to_value(sample()).unwrap();
        value["format_version"] = 1.into();
        let error = parse(&value.to_string()).unwrap_err();
        assert!(error.contains("format_version 1"), "{error}");
    }
}
