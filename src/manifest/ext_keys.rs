//! `configuration.ext` keys a manifest may not set: the ones WeData writes on its own
//! (`tenantId`, `region`, `bucket`, `ftp.file.name`, `notebook.*`, ...) and the ones a manifest
//! member already manages. The plan never compares them (see `model::normalize`), so a value
//! written here would be accepted and silently ignored; it is refused at its line instead.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::Task;
use super::check::At;
use super::diagnostic::Diagnostics;
use super::legacy::key_position;
use crate::codes::ManifestCode;

/// Ext keys WeData adds or manages itself (seen in the official examples); never drift.
pub const SERVER_MANAGED_EXT_KEYS: &[&str] = &[
    "tenantId",
    "region",
    "bucket",
    "isGitTask",
    "specLabelConfItems",
    "ftp.file.name",
    "calendar_id",
    "calendar_name",
    "calendar_open",
    "data_cluster",
    "waitExecutionTotalTTL",
    "waitExecutionTotalTTLStrategy",
    "executionTTLStrategy",
];
/// Prefixes of server-managed ext keys.
pub const SERVER_MANAGED_EXT_PREFIXES: &[&str] = &["notebook.", "git."];

pub fn is_server_managed_ext_key(key: &str) -> bool {
    SERVER_MANAGED_EXT_KEYS.contains(&key)
        || SERVER_MANAGED_EXT_PREFIXES
            .iter()
            .any(|prefix| key.starts_with(prefix))
}

/// Keys that have a manifest member of their own, with that member.
const MANAGED_BY_MEMBER: &[(&str, &str)] = &[
    ("data_cluster", "configuration.data_cluster"),
    ("calendar_id", "scheduler.calendar_id"),
    ("calendar_open", "scheduler.calendar_open"),
    ("calendar_name", "scheduler.calendar_id"),
    (
        "waitExecutionTotalTTL",
        "scheduler.wait_execution_total_ttl_minutes",
    ),
];

/// One error per server-managed key a task's `configuration.ext` sets.
pub(super) fn check(
    tasks: &[Task],
    sources: &HashMap<PathBuf, Arc<String>>,
    at: &At<'_>,
    diagnostics: &mut Diagnostics,
) {
    for task in tasks {
        let Some(ext) = &task.configuration().ext else {
            continue;
        };
        let first_line = task.line + 1 - task.name_span().referenced.line() as usize;
        for key in ext.keys().filter(|key| is_server_managed_ext_key(key)) {
            let (line, column) = sources
                .get(&task.file)
                .and_then(|text| key_position(text, first_line, &["configuration", "ext", key]))
                .unwrap_or((task.line, 1));
            let hint = match MANAGED_BY_MEMBER.iter().find(|(managed, _)| managed == key) {
                Some((_, member)) => format!(
                    "WeData keeps `{key}` in step with `{member}`: remove it from ext and set `{member}` instead"
                ),
                None => format!(
                    "WeData writes `{key}` itself and the plan never compares it: remove it from ext"
                ),
            };
            diagnostics.push(
                at(
                    ManifestCode::ServerManagedExtKey,
                    &task.file,
                    line as u64,
                    column as u64,
                    format!("the ext key `{key}` is managed by WeData, not by manifests"),
                )
                .with_hint(hint),
            );
        }
    }
}
