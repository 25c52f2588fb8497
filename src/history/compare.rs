//! Member differences between two states of one task, as the plan shows them (old → new,
//! code as text, secret-looking values hidden): a version against the live draft or another
//! version (every member either side has), or against the manifest (declared members only,
//! as `plan` compares).

use std::collections::BTreeMap;

use serde_json::Value;

use crate::model::normalize::live_value;
use crate::model::{CODE_MEMBER, SCHEDULE_STATE_MEMBER, TaskState};
use crate::reconcile::plan::{MemberChange, diff_members};

/// Changes from `before` to `after` over every member either state has. A member whose
/// value neither side knows (code a version does not carry) is left out.
pub fn all_members(before: &TaskState, after: &TaskState) -> Vec<MemberChange> {
    let mut after_members = after.members.clone();
    let mut before_members = before.members.clone();
    for member in before.members.keys() {
        if !after.members.contains_key(member) && member != CODE_MEMBER {
            after_members.insert(member.clone(), live_value(member, None));
        }
    }
    if !after.members.contains_key(CODE_MEMBER) {
        before_members.remove(CODE_MEMBER);
    }
    if !before.members.contains_key(CODE_MEMBER) {
        after_members.remove(CODE_MEMBER);
    }
    let mut changes = diff_members(&after_members, &before_members);
    if before.name != after.name {
        changes.insert(0, name_change(&before.name, &after.name));
    }
    changes
}

/// Changes from `before` to the manifest, over the members the manifest declares.
pub fn declared_members(before: &TaskState, manifest: &TaskState) -> Vec<MemberChange> {
    let mut before_members: BTreeMap<String, Value> = before.members.clone();
    if !before.members.contains_key(CODE_MEMBER) {
        // A version without code says nothing about the manifest's code.
        before_members.insert(
            CODE_MEMBER.to_owned(),
            manifest
                .members
                .get(CODE_MEMBER)
                .cloned()
                .unwrap_or(Value::Null),
        );
    }
    let mut manifest_members = manifest.members.clone();
    if !before.members.contains_key(SCHEDULE_STATE_MEMBER) {
        // A version says nothing of the operations state: it is no member of one.
        manifest_members.remove(SCHEDULE_STATE_MEMBER);
    }
    let mut changes = diff_members(&manifest_members, &before_members);
    if before.name != manifest.name {
        changes.insert(0, name_change(&before.name, &manifest.name));
    }
    changes
}

fn name_change(before: &str, after: &str) -> MemberChange {
    MemberChange {
        member: "name".to_owned(),
        before: Value::from(before),
        after: Value::from(after),
        sensitive: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn state(members: &[(&str, Value)]) -> TaskState {
        TaskState {
            name: "t".into(),
            members: members
                .iter()
                .map(|(member, value)| (member.to_string(), value.clone()))
                .collect(),
        }
    }

    #[test]
    fn every_member_either_side_has_is_compared() {
        let version = state(&[
            ("scheduler.max_retries", json!(2)),
            ("configuration.ext.a", json!("1")),
            (CODE_MEMBER, json!("echo 1\n")),
        ]);
        let live = state(&[
            ("scheduler.max_retries", json!(4)),
            ("configuration.ext.b", json!("2")),
            (CODE_MEMBER, json!("echo 1\n")),
        ]);
        let changes = all_members(&version, &live);
        let members: Vec<&str> = changes
            .iter()
            .map(|change| change.member.as_str())
            .collect();
        assert_eq!(
            members,
            [
                "configuration.ext.a",
                "configuration.ext.b",
                "scheduler.max_retries"
            ]
        );
        assert_eq!(changes[0].after, json!(""));
        assert_eq!(changes[2].before, json!(2));
    }

    #[test]
    fn unknown_code_is_not_a_difference() {
        let version = state(&[("scheduler.max_retries", json!(2))]);
        let live = state(&[
            ("scheduler.max_retries", json!(2)),
            (CODE_MEMBER, json!("echo\n")),
        ]);
        assert!(all_members(&version, &live).is_empty());
        assert!(declared_members(&version, &live).is_empty());
    }

    #[test]
    fn secrets_stay_hidden() {
        let version = state(&[("configuration.ext.db_password", json!("old"))]);
        let live = state(&[("configuration.ext.db_password", json!("new"))]);
        let text = serde_json::to_string(&all_members(&version, &live)).unwrap();
        assert!(!text.contains("old") && !text.contains("new"), "{text}");
    }
}
