//! Typed desired and live models, and `normalize`: the one place that knows server defaults,
//! server-managed keys, set-like lists and base64.
//!
//! Both sides become a [`TaskState`] / [`WorkflowState`]: a map from member path (the
//! manifest's names, e.g. `scheduler.max_retries`) to a canonical JSON value. Desired states
//! hold only what the manifest declares ("manage only what is declared"); live states hold
//! everything WeData returned, normalized so that server defaults, server-added ext keys,
//! list order and encoding never show up as differences.

pub mod desired;
pub mod legacy;
pub mod live;
pub mod normalize;

use std::collections::{BTreeMap, HashMap};

/// Task names by TaskId, for turning the TaskIds of references (upstreams, parameter sources)
/// into the names manifests use.
pub trait TaskNames {
    fn name_of_id(&self, id: &str) -> Option<&str>;
}

impl TaskNames for HashMap<String, String> {
    fn name_of_id(&self, id: &str) -> Option<&str> {
        self.get(id).map(String::as_str)
    }
}

/// Two maps looked up in order: the names the manifests give to tasks matched by id (a
/// rename), then a live workflow's own names. Planning 10,000 tasks in 50 workflows used to
/// copy the first map into each workflow's (500,000 entries, 40 MB of the peak).
pub struct LayeredNames<'a> {
    pub first: &'a HashMap<String, String>,
    pub then: &'a HashMap<String, String>,
}

impl TaskNames for LayeredNames<'_> {
    fn name_of_id(&self, id: &str) -> Option<&str> {
        self.first
            .name_of_id(id)
            .or_else(|| self.then.name_of_id(id))
    }
}

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The member that holds decoded code text; renderers show it as a unified diff.
pub const CODE_MEMBER: &str = "configuration.code";

/// A periodic task's status in the operations center (`scheduled` / `paused`): planned like
/// any member, but read with ListOpsTasks and written with StartOpsTasks / PauseOpsTasksAsync
/// after the submit, and never part of a submitted version.
pub const SCHEDULE_STATE_MEMBER: &str = "scheduler.state";

/// The task's own name, a member only where identity is the pinned id (legacy projects), so
/// that a renamed manifest is an update rather than a different task.
pub const NAME_MEMBER: &str = "name";

/// One task's comparable members.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskState {
    pub name: String,
    /// Canonical values by member path.
    pub members: BTreeMap<String, Value>,
}

impl TaskState {
    /// SHA-256 (hex) of the state: equal states, and only equal states, hash the same.
    pub fn digest(&self) -> String {
        digest_of(self)
    }
}

/// One workflow's comparable members.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkflowState {
    pub name: String,
    pub members: BTreeMap<String, Value>,
}

impl WorkflowState {
    /// SHA-256 (hex) of the state.
    pub fn digest(&self) -> String {
        digest_of(self)
    }
}

/// Members are a BTreeMap and values canonical JSON, so the serialization is deterministic.
fn digest_of(value: &impl Serialize) -> String {
    use sha2::{Digest, Sha256};
    let bytes = serde_json::to_vec(value).expect("states serialize");
    hex::encode(Sha256::digest(bytes))
}

/// Keys whose values must never be shown: they look like credentials. A marker anywhere in the
/// key (`db_password`, `sshKey`), or `ak` / `sk` (access key, secret key) as a whole word of it
/// (`oss_ak`, `SK`, `ossSk`; not `task` or `disk`).
pub fn is_sensitive_key(key: &str) -> bool {
    const MARKERS: [&str; 6] = ["password", "passwd", "secret", "token", "credential", "key"];
    const WORDS: [&str; 2] = ["ak", "sk"];
    let lowered = key.to_ascii_lowercase();
    MARKERS.iter().any(|marker| lowered.contains(marker))
        || key_words(key).any(|word| WORDS.contains(&word.to_ascii_lowercase().as_str()))
}

/// The words of a key: split at anything not a letter or digit, and before an upper-case
/// letter that follows a lower-case one (`ossSkId` -> oss, Sk, Id).
fn key_words(key: &str) -> impl Iterator<Item = &str> {
    let mut boundaries = Vec::new();
    let mut previous_lower = false;
    for (index, character) in key.char_indices() {
        if character.is_uppercase() && previous_lower {
            boundaries.push(index);
        }
        previous_lower = character.is_lowercase() || character.is_ascii_digit();
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    for boundary in boundaries.into_iter().chain(std::iter::once(key.len())) {
        pieces.push(&key[start..boundary]);
        start = boundary;
    }
    pieces
        .into_iter()
        .flat_map(|piece| piece.split(|character: char| !character.is_alphanumeric()))
        .filter(|word| !word.is_empty())
}

/// Whether a member path ends in a key that looks secret (`configuration.ext.db_password`).
pub fn is_sensitive_member(member: &str) -> bool {
    const MAP_MEMBERS: [&str; 4] = [
        "configuration.ext.",
        "configuration.scheduling_parameters.",
        "scheduler.params_out.",
        "parameters.",
    ];
    MAP_MEMBERS
        .iter()
        .find_map(|prefix| member.strip_prefix(prefix))
        .is_some_and(is_sensitive_key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_looking_keys_are_sensitive() {
        for key in [
            "db_password",
            "API_TOKEN",
            "secretId",
            "aws_credentials",
            "sshKey",
            "ak",
            "SK",
            "oss_ak",
            "cos-sk",
            "ossSkId",
            "AK_ID",
        ] {
            assert!(is_sensitive_key(key), "{key}");
        }
        for key in [
            "specLabel",
            "bizdate",
            "python_type",
            "task_name",
            "disk",
            "asked",
            "Skip",
        ] {
            assert!(!is_sensitive_key(key), "{key}");
        }
        assert!(is_sensitive_member("configuration.ext.db_password"));
        assert!(!is_sensitive_member("scheduler.max_retries"));
    }
}
