//! Normalization: the one place that knows what the server fills in on its own.
//!
//! Sources: the member documents in api.json (`RunPriorityType ... 默认:6`, `RetryWaitMinute
//! ... 默认: 5`, `MaxRetryNumber ... 默认: 4`, `ExecutionTTLMinute ... 默认为 -1`,
//! `WaitExecutionTotalTTLMinute ... 默认为 -1`, `AllowRedoType ... 默认为 ALL`,
//! `DependencyTriggerPolicy ... 默认为ALL_SUCCESS`, `AllowDownstreamDependency ... 默认值：1`,
//! `ScheduleType ... 默认值：0`) and the official examples (BrokerIp `any`, TaskFolderPath `/`,
//! the ext keys WeData adds).

use serde_json::{Value, json};

/// Builds a default value (a function because `Value` cannot be a constant).
type DefaultValue = fn() -> Value;

/// Member → the value the server assumes when none is given.
pub const DEFAULTS: &[(&str, DefaultValue)] = &[
    ("scheduler.run_priority", || json!(6)),
    ("scheduler.retry_wait_minutes", || json!(5)),
    ("scheduler.max_retries", || json!(4)),
    ("scheduler.execution_ttl_minutes", || json!(-1)),
    ("scheduler.wait_execution_total_ttl_minutes", || json!(-1)),
    ("scheduler.allow_redo", || json!("ALL")),
    ("scheduler.dependency_trigger_policy", || {
        json!("ALL_SUCCESS")
    }),
    ("scheduler.allow_downstream_dependency", || json!(1)),
    ("scheduler.schedule_type", || json!(0)),
    ("configuration.broker_ip", || json!("any")),
    // Periodic schedules (CreateTaskSchedulerConfiguration's documented defaults).
    ("scheduler.cycle_type", || json!("DAY_CYCLE")),
    ("scheduler.crontab", || json!("0 0 0 * * ?")),
    ("scheduler.time_zone", || json!("UTC+8")),
    ("scheduler.end_time", || json!("2099-12-31 23:59:59")),
    ("scheduler.execution_start_time", || json!("00:00")),
    ("scheduler.execution_end_time", || json!("23:59")),
    ("scheduler.calendar_open", || json!(false)),
    ("scheduler.self_depend", || json!("serial")),
    ("scheduler.init_strategy", || json!("T_PLUS_0")),
    ("scheduler.dependency_workflow", || json!(false)),
    ("base.folder_path", || json!("/")),
    // A periodic task is scheduled in the operations center from its first submit on.
    ("scheduler.state", || json!("scheduled")),
    // CreateWorkflow's WorkflowType: 默认传入cycle.
    ("workflow_type", || json!("cycle")),
    // ModifyTaskInfo's own members (the official DescribeTaskDetailDs answer shows these).
    ("scheduler.legacy.delay_time", || json!(0)),
    ("scheduler.legacy.startup_time", || json!(0)),
    ("scheduler.legacy.cycle_step", || json!(1)),
    ("scheduler.legacy.retriable", || json!(true)),
    ("scheduler.legacy.dependency_workflow", || json!(false)),
];

// The ext keys WeData writes itself are listed with the manifest checks that refuse them (the
// lower layer); live states leave them out through the same list.
pub use crate::manifest::ext_keys::{
    SERVER_MANAGED_EXT_KEYS, SERVER_MANAGED_EXT_PREFIXES, is_server_managed_ext_key,
};

/// A periodic task's status in the operations center (TaskOpsInfo.Status) as the manifest's
/// `scheduler.state` says it: `Y` is `scheduled`, `O` is `paused`; the statuses a manifest
/// cannot ask for read as words too (`F` stopped, `T` stopping, `N` not submitted,
/// `INVALID` invalid), and a task the operations center does not list is `null`.
pub fn schedule_state_value(status: Option<&str>) -> Value {
    match status {
        None => Value::Null,
        Some("Y") => json!("scheduled"),
        Some("O") => json!("paused"),
        Some("F") => json!("stopped"),
        Some("T") => json!("stopping"),
        Some("N") => json!("not submitted"),
        Some("INVALID") => json!("invalid"),
        Some(other) => json!(other),
    }
}

/// The value the server would report for `member` when it reports none.
pub fn default_for(member: &str) -> Option<Value> {
    DEFAULTS
        .iter()
        .find(|(name, _)| *name == member)
        .map(|(_, value)| value())
}

/// Canonical form of one live value: absent/null strings are "", absent defaulted members
/// take their default, so "not set" and "set to the default" compare equal.
pub fn live_value(member: &str, value: Option<&Value>) -> Value {
    match value {
        Some(Value::Null) | None => default_for(member).unwrap_or_else(|| {
            if is_collection_member(member) {
                Value::Array(Vec::new())
            } else {
                Value::String(String::new())
            }
        }),
        Some(value) => value.clone(),
    }
}

fn is_collection_member(member: &str) -> bool {
    matches!(
        member,
        "scheduler.upstream"
            | "scheduler.params_in"
            | "scheduler.output_registries"
            | "scheduler.event_listeners"
    )
}

/// Code compares as text with line endings unified: an editor on Windows must not cause a
/// change. Trailing whitespace is significant (it can be for shell here-documents).
pub fn code_text(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// Crontabs compare with whitespace collapsed and a trailing "any year" field dropped
/// (`0 0 2 * * ?` and `0 0 2 * * ? *` are the same schedule).
pub fn crontab_text(text: &str) -> String {
    let mut fields: Vec<&str> = text.split_whitespace().collect();
    if fields.len() == 7 && fields[6] == "*" {
        fields.pop();
    }
    fields.join(" ")
}

/// Sorts a list so order never matters (upstreams, parameter inputs).
pub fn as_set(mut values: Vec<Value>) -> Value {
    values.sort_by_key(|value| value.to_string());
    values.dedup();
    Value::Array(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ops_statuses_read_as_the_manifest_words() {
        assert_eq!(schedule_state_value(Some("Y")), json!("scheduled"));
        assert_eq!(schedule_state_value(Some("O")), json!("paused"));
        assert_eq!(schedule_state_value(Some("F")), json!("stopped"));
        assert_eq!(schedule_state_value(None), Value::Null);
    }

    #[test]
    fn defaults_and_empty_values_normalize() {
        assert_eq!(live_value("scheduler.max_retries", None), json!(4));
        assert_eq!(
            live_value("scheduler.allow_redo", Some(&Value::Null)),
            json!("ALL")
        );
        assert_eq!(
            live_value("base.description", Some(&Value::Null)),
            json!("")
        );
        assert_eq!(live_value("scheduler.upstream", None), json!([]));
        assert_eq!(
            live_value("scheduler.max_retries", Some(&json!(2))),
            json!(2)
        );
    }

    #[test]
    fn sets_ignore_order_and_code_ignores_line_endings() {
        assert_eq!(
            as_set(vec![json!("b"), json!("a")]),
            as_set(vec![json!("a"), json!("b")])
        );
        assert_eq!(code_text("echo 1\r\necho 2\r\n"), "echo 1\necho 2\n");
    }

    #[test]
    fn server_keys_are_recognized() {
        assert!(is_server_managed_ext_key("tenantId"));
        assert!(is_server_managed_ext_key("notebook.session"));
        assert!(!is_server_managed_ext_key("specLabel"));
    }
}
