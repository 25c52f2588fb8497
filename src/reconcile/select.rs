//! `--select` for `plan` and `apply`: a plan reduced to the resources whose address matches a
//! pattern, and nothing else (no dependency is pulled in). A pattern is a glob over plan
//! addresses, `*` for any run of characters (dots included) and `?` for one:
//! `task.orders.clean_orders`, `task.orders.*`, `workflow.orders`, `task.*.load_*`.
//!
//! A selected resource that needs an unselected one to be created (or deleted, or replaced)
//! first cannot be applied on its own: such cases are returned for the planner to refuse.
//! Pure: the plan in, the reduced plan and its problems out.

use std::collections::{BTreeSet, HashSet};

use super::plan::{self, Action, Plan, task_address};
use super::review::Risk;

/// Why the patterns select nothing sensible.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    #[error("--select `{pattern}` matches no resource of the plan")]
    NothingMatches {
        pattern: String,
        /// A few addresses the plan has, to help spot a typo.
        known: Vec<String>,
    },
    #[error("--select `{pattern}` is empty")]
    Empty { pattern: String },
}

/// A selected resource waiting on an unselected change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmet {
    /// The selected resource.
    pub address: String,
    /// The unselected resource it needs first.
    pub needs: String,
    /// What the plan does to that resource.
    pub action: Action,
    /// `needs` comes after the selected resource rather than before: a dependent that must
    /// be updated to the new TaskId of the selected, replaced task.
    pub after: bool,
}

/// `plan` reduced to the resources `patterns` match (the whole plan when there is none),
/// with the selected resources that need an unselected change first.
pub fn select(mut plan: Plan, patterns: &[String]) -> Result<(Plan, Vec<Unmet>), SelectError> {
    if patterns.is_empty() {
        return Ok((plan, Vec::new()));
    }
    let mut selection: Vec<String> = patterns.to_vec();
    selection.sort();
    selection.dedup();
    let unmanaged_addresses: Vec<String> = plan
        .unmanaged
        .iter()
        .map(|task| task_address(&task.workflow, &task.name))
        .collect();
    let addresses: Vec<&str> = plan
        .resources
        .iter()
        .map(|resource| resource.address.as_str())
        .chain(unmanaged_addresses.iter().map(String::as_str))
        .collect();
    for pattern in &selection {
        if pattern.trim().is_empty() {
            return Err(SelectError::Empty {
                pattern: pattern.clone(),
            });
        }
        if !addresses
            .iter()
            .any(|address| glob_matches(pattern, address))
        {
            return Err(SelectError::NothingMatches {
                pattern: pattern.clone(),
                known: addresses
                    .iter()
                    .take(5)
                    .map(|address| (*address).to_owned())
                    .collect(),
            });
        }
    }
    let selected = |address: &str| {
        selection
            .iter()
            .any(|pattern| glob_matches(pattern, address))
    };
    let (kept, dropped): (Vec<_>, Vec<_>) = std::mem::take(&mut plan.resources)
        .into_iter()
        .partition(|resource| selected(&resource.address));
    let pending: std::collections::HashMap<&str, Action> = dropped
        .iter()
        .filter(|resource| {
            matches!(
                resource.action,
                Action::Create | Action::Delete | Action::Replace
            )
        })
        .map(|resource| (resource.address.as_str(), resource.action))
        .collect();
    let mut unmet = Vec::new();
    for resource in kept
        .iter()
        .filter(|resource| resource.action != Action::NoOp)
    {
        for needed in &resource.depends_on {
            if let Some(action) = pending.get(needed.as_str()) {
                unmet.push(Unmet {
                    address: resource.address.clone(),
                    needs: needed.clone(),
                    action: *action,
                    after: false,
                });
            }
        }
    }
    // A selected replacement changes its TaskId: its dependents that exist in WeData (the
    // plan re-points them, or replaces them too) must come along, or they would keep naming
    // a deleted task.
    for resource in kept
        .iter()
        .filter(|resource| resource.action == Action::Replace)
    {
        for dependent in dropped.iter().filter(|dependent| {
            dependent.depends_on.contains(&resource.address)
                && dependent.id.is_some()
                && dependent.action != Action::Delete
        }) {
            unmet.push(Unmet {
                address: resource.address.clone(),
                needs: dependent.address.clone(),
                action: dependent.action,
                after: true,
            });
        }
    }
    let kept_addresses: HashSet<&str> = kept
        .iter()
        .map(|resource| resource.address.as_str())
        .collect();
    let kept_live: BTreeSet<String> = kept_addresses
        .iter()
        .map(|address| (*address).to_owned())
        .collect();
    plan.fingerprints
        .live
        .retain(|address, _| kept_live.contains(address));
    plan.unmanaged
        .retain(|task| selected(&task_address(&task.workflow, &task.name)));
    plan.resources = kept;
    plan.summary = plan::summarize(&plan.resources);
    plan.waves = plan::waves(&plan.resources);
    plan.selection = selection;
    plan.risk = Risk::of(&plan);
    Ok((plan, unmet))
}

/// `*` and `?` wildcards over characters, everything else literal.
pub fn glob_matches(glob: &str, text: &str) -> bool {
    let pattern: Vec<char> = glob.chars().collect();
    let text: Vec<char> = text.chars().collect();
    // matches[j]: pattern[..i] matches text[..j], row by row (O(len × len) without recursion).
    let mut matches = vec![false; text.len() + 1];
    matches[0] = true;
    for &wanted in &pattern {
        let mut next = vec![false; text.len() + 1];
        if wanted == '*' {
            let mut any = false;
            for position in 0..=text.len() {
                any |= matches[position];
                next[position] = any;
            }
        } else {
            for position in 1..=text.len() {
                next[position] =
                    matches[position - 1] && (wanted == '?' || wanted == text[position - 1]);
            }
        }
        matches = next;
    }
    matches[text.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dag::planned_tests::{plan_of, resource};

    fn addresses(plan: &Plan) -> Vec<&str> {
        plan.resources
            .iter()
            .map(|resource| resource.address.as_str())
            .collect()
    }

    #[test]
    fn a_glob_keeps_the_matching_addresses_and_nothing_else() {
        let plan = plan_of(vec![
            resource("orders", "extract", Action::Update, &[]),
            resource("orders", "clean", Action::Update, &["extract"]),
            resource("finance", "ledger", Action::Update, &[]),
        ]);
        let (selected, unmet) = select(plan, &["task.orders.*".into()]).unwrap();
        assert_eq!(
            addresses(&selected),
            ["task.orders.extract", "task.orders.clean"]
        );
        assert!(
            unmet.is_empty(),
            "an update of the upstream is not needed first"
        );
        assert_eq!(selected.selection, ["task.orders.*"]);
        assert_eq!(selected.summary.update, 2);
        assert!(glob_matches("task.*.load_*", "task.orders.load_orders"));
        assert!(!glob_matches("task.orders.*", "workflow.orders"));
    }

    #[test]
    fn a_selected_task_needing_an_unselected_create_is_unmet() {
        let plan = plan_of(vec![
            resource("orders", "extract", Action::Create, &[]),
            resource("orders", "clean", Action::Update, &["extract"]),
        ]);
        let (_, unmet) = select(plan, &["task.orders.clean".into()]).unwrap();
        assert_eq!(
            unmet,
            vec![Unmet {
                address: "task.orders.clean".into(),
                needs: "task.orders.extract".into(),
                action: Action::Create,
                after: false,
            }]
        );
    }

    #[test]
    fn a_selected_replacement_without_its_repointed_dependent_is_unmet() {
        let mut dependent = resource("orders", "clean", Action::Update, &["extract"]);
        dependent.changes.push(plan::MemberChange {
            member: plan::REFERENCES_MEMBER.into(),
            before: serde_json::json!(["task.orders.extract (1)"]),
            after: serde_json::json!(["task.orders.extract (its replacement)"]),
            sensitive: false,
        });
        let plan = || {
            plan_of(vec![
                resource("orders", "extract", Action::Replace, &[]),
                dependent.clone(),
            ])
        };
        let (_, unmet) = select(plan(), &["task.orders.extract".into()]).unwrap();
        assert_eq!(
            unmet,
            vec![Unmet {
                address: "task.orders.extract".into(),
                needs: "task.orders.clean".into(),
                action: Action::Update,
                after: true,
            }]
        );
        let (_, both) = select(plan(), &["task.orders.*".into()]).unwrap();
        assert!(both.is_empty());

        // A dependent replaced as well has no `references` change, and is needed all the same.
        let plan = plan_of(vec![
            resource("orders", "extract", Action::Replace, &[]),
            resource("orders", "clean", Action::Replace, &["extract"]),
        ]);
        let (_, unmet) = select(plan, &["task.orders.extract".into()]).unwrap();
        assert_eq!(unmet.len(), 1);
        assert_eq!(unmet[0].needs, "task.orders.clean");
    }

    #[test]
    fn patterns_matching_nothing_or_empty_are_errors_and_order_does_not_matter() {
        let plan = || plan_of(vec![resource("orders", "extract", Action::Update, &[])]);
        assert!(matches!(
            select(plan(), &["task.nope.*".into()]),
            Err(SelectError::NothingMatches { .. })
        ));
        assert!(matches!(
            select(plan(), &[" ".into()]),
            Err(SelectError::Empty { .. })
        ));
        let (one, _) = select(plan(), &["task.*".into(), "task.orders.e*".into()]).unwrap();
        let (other, _) = select(
            plan(),
            &["task.orders.e*".into(), "task.*".into(), "task.*".into()],
        )
        .unwrap();
        assert_eq!(
            one, other,
            "a saved plan compares equal whatever the flag order"
        );
    }
}
