//! History, rollback and pull: the versions WeData keeps of a task (who submitted what, and
//! the Git commit `apply` recorded in each VersionRemark), member and code differences
//! between a version and the live draft, the manifest or another version, and the two ways
//! back into Git: `rollback` rewrites a task's manifest and code file to a version's content,
//! `pull` rewrites drifted manifests to the live drafts (and writes manifests for live tasks
//! no manifest declares). Manifests are written through `manifest::edit`, so only the lines
//! that differ change and every comment stays.
//!
//! Reads WeData and the manifests, and writes manifests and code files inside the project
//! (after the Git check in `files`); it never writes to WeData. Members written as
//! `${var.NAME}`, secret-looking members and values carrying a target's name prefix are never
//! overwritten: they are reported as left as is. Remarks, names and values read from WeData
//! are data: they become YAML only through the editor's quoting, and file names only through
//! import's naming rules.

pub mod address;
pub mod compare;
pub mod diff;
pub mod files;
pub mod locate;
pub mod pull;
pub mod rewrite;
pub mod rollback;
pub mod versions;

use miette::Diagnostic;
use thiserror::Error;

use crate::api::ApiError;
use crate::manifest::LEGACY_API_VERSION;

impl HistoryError {
    /// The report to show: an API error keeps its own code and help.
    pub fn into_report(self) -> miette::Report {
        match self {
            Self::Api(error) => miette::Report::new(error),
            other => miette::Report::new(other),
        }
    }

    /// A refusal with its reason and the way out.
    pub fn refused(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self::Refused {
            message: message.into(),
            hint: hint.into(),
        }
    }

    /// The refusal of a command the legacy API cannot support.
    pub fn legacy(command: &'static str) -> Self {
        Self::Legacy {
            command,
            version: LEGACY_API_VERSION,
            reason: LEGACY_UNSUPPORTED,
        }
    }
}

/// What the legacy 2021-08-20 API cannot do here: it has no version actions (no list, no
/// GetTaskVersion), so there is no history to show, compare or roll back to.
pub const LEGACY_UNSUPPORTED: &str = "the legacy 2021-08-20 API keeps no version list (it has no ListTaskVersions or GetTaskVersion), so history, diff and rollback cannot work for a project on it; pull can";

#[derive(Debug, Error, Diagnostic)]
pub enum HistoryError {
    #[error("no declared task has the address `{address}`")]
    #[diagnostic(help("{hint}"))]
    UnknownAddress { address: String, hint: String },

    #[error("{address} does not exist in WeData yet")]
    #[diagnostic(help(
        "`wedata-gitops apply` creates it; {address} has versions once it is submitted"
    ))]
    NotInWeData { address: String },

    #[error("{address} has no version `{wanted}`")]
    #[diagnostic(help("{hint}"))]
    UnknownVersion {
        address: String,
        wanted: String,
        hint: String,
    },

    #[error("`{command}` is not available for a project on the legacy API ({version})")]
    #[diagnostic(help("{reason}; move the project to api_version 2025-08-06 to use it"))]
    Legacy {
        command: &'static str,
        version: &'static str,
        reason: &'static str,
    },

    /// Rendered as the API error itself (with its own help) by [`HistoryError::into_report`].
    #[error(transparent)]
    Api(#[from] ApiError),

    #[error("{path}: {reason}")]
    #[diagnostic(help("{hint}"))]
    File {
        path: String,
        reason: String,
        hint: String,
    },

    #[error("{message}")]
    #[diagnostic(help("{hint}"))]
    Refused { message: String, hint: String },
}

/// Text from WeData made safe to print on a terminal: control characters (escape sequences
/// included) are shown as `\u{..}` and the length is bounded.
pub fn printable(text: &str, limit: usize) -> String {
    let mut shown: String = text
        .chars()
        .take(limit)
        .map(|character| {
            if character.is_control() {
                format!("\\u{{{:x}}}", character as u32)
            } else {
                character.to_string()
            }
        })
        .collect();
    if text.chars().count() > limit {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_from_wedata_prints_without_escape_sequences() {
        let remark = "abc1234 \u{1b}[31mred\u{1b}[0m\nsecond line";
        let shown = printable(remark, 200);
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\n'),
            "{shown}"
        );
        assert_eq!(
            printable(&"x".repeat(300), 10),
            format!("{}…", "x".repeat(10))
        );
    }
}
