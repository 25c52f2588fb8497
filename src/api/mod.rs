//! The WeData API client: request and response types (generated from, and checked against,
//! the official definition), TC3 signing, credentials, transport, per-action rate limiting and
//! retries. It knows nothing of manifests, plans or the emulator.

mod client;
pub mod credentials;
mod error;
pub mod legacy;
pub mod rate_limit;
pub mod retry;
pub mod signing;
pub mod types;

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use client::{
    Client, ClientConfig, DEFAULT_ENDPOINT, DEFAULT_VERSION, is_loopback, sends_in_clear,
};
pub use credentials::{Credentials, CredentialsError, Secret};
pub use error::ApiError;

/// One WeData action: its request type names the action and its response type.
pub trait Action: Serialize {
    /// The `X-TC-Action` value.
    const NAME: &'static str;
    /// The `X-TC-Version` the action belongs to (legacy actions say `2021-08-20`).
    const VERSION: &'static str;
    /// Whether the action changes state. A write whose outcome is unknown is never retried
    /// blindly: the caller must look the resource up first.
    const WRITES: bool;
    type Response: DeserializeOwned;
}

/// Converts between two generated types that share members (the create and update flavours
/// of a configuration, or a periodic task's members into the trigger task's); members the
/// target lacks are dropped.
pub fn convert<From: Serialize, To: DeserializeOwned>(value: &From) -> To {
    serde_json::from_value(serde_json::to_value(value).expect("API types serialize"))
        .expect("the two types share their members")
}

/// Whether an action changes state, judged by its verb, for actions without a generated type
/// (the `api` command can call any action).
pub fn action_writes(action: &str) -> bool {
    if let Some(&(_, writes)) = types::ACTIONS
        .iter()
        .chain(legacy::ACTIONS)
        .find(|(name, _)| *name == action)
    {
        return writes;
    }
    const READ_VERBS: [&str; 4] = ["Get", "List", "Describe", "Check"];
    !READ_VERBS.iter().any(|verb| action.starts_with(verb))
}

/// The codes `errors.json` marks retryable: the request did nothing and may be sent again.
pub const RETRYABLE_CODES: [&str; 4] = [
    "RequestLimitExceeded",
    "InternalError",
    "ServiceUnavailable",
    "InvalidParameter.ServiceIsBusy",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retryable_codes_match_the_official_list() {
        let errors: serde_json::Value =
            serde_json::from_str(include_str!("../../api-definition/errors.json")).unwrap();
        let official: Vec<&str> = errors["retryable"]
            .as_array()
            .unwrap()
            .iter()
            .map(|code| code.as_str().unwrap())
            .collect();
        assert_eq!(official, RETRYABLE_CODES);
    }

    #[test]
    fn unknown_actions_are_judged_by_their_verb() {
        assert!(action_writes("CreateTriggerTask"));
        assert!(action_writes("ModifyTaskInfo"));
        assert!(action_writes("RunTasksByMultiWorkflow"));
        assert!(!action_writes("GetTriggerTask"));
        assert!(!action_writes("DescribeTaskDetailDs"));
        assert!(!action_writes("ListTriggerWorkflows"));
    }
}
