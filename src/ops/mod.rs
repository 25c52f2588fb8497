//! The after-deploy half: runs of trigger workflows (`trigger`), backfills of periodic tasks
//! (`backfill`), waiting for either with a bounded number of reads (`poll`) and showing what
//! changed (`run`, the state machine as data), the end of a failed task's log (`log`), a
//! periodic task's declared state in the operations center (`schedule_state`), the runs and
//! instances still going when a plan would change their tasks (`active`, the planner's guard
//! rail) and which workflows to run after an apply (`after_apply`).
//!
//! All I/O goes through `api::Client`; nothing here parses arguments or prints. Starting a
//! run, killing one, creating a backfill and starting or pausing a task are writes: the
//! commands that call them take the deployment lock first. Names, states, error codes and
//! logs read from WeData are data: renderers make them printable.

pub mod active;
pub mod after_apply;
pub mod backfill;
pub mod log;
pub mod poll;
pub mod run;
pub mod schedule_state;
pub mod trigger;

use miette::Diagnostic;
use thiserror::Error;

use crate::api::{ApiError, Client};
use crate::codes::OpsCode;
use poll::Waited;
use run::{Ending, FailedItem, Outcome, Phase, RunKind, Snapshot};

/// Failed task runs or instances whose logs are read when a run ends (the rest are only named).
const LOGS_READ: usize = 10;

/// Why a run or backfill could not be started or followed.
#[derive(Debug, Error)]
pub enum OpsError {
    #[error(transparent)]
    Api(#[from] ApiError),

    #[error(transparent)]
    History(#[from] crate::history::HistoryError),

    #[error("{message}")]
    Refused {
        code: OpsCode,
        message: String,
        help: String,
    },
}

impl OpsError {
    pub fn refused(code: OpsCode, message: impl Into<String>, help: impl Into<String>) -> Self {
        Self::Refused {
            code,
            message: message.into(),
            help: help.into(),
        }
    }

    /// The report to show: API and history errors keep their own codes and help.
    pub fn into_report(self) -> miette::Report {
        match self {
            Self::Api(error) => miette::Report::new(error),
            Self::History(error) => error.into_report(),
            other => miette::Report::new(other),
        }
    }
}

impl Diagnostic for OpsError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        match self {
            Self::Api(error) => Diagnostic::code(error),
            Self::History(error) => Diagnostic::code(error),
            Self::Refused { code, .. } => Some(Box::new(code.as_str())),
        }
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        match self {
            Self::Api(error) => Diagnostic::help(error),
            Self::History(error) => Diagnostic::help(error),
            Self::Refused { help, .. } => Some(Box::new(help)),
        }
    }
}

/// The outcome of waiting for a run or backfill: failed task runs or instances with the end of their logs (a log that
/// cannot be read is left out, the failure is still named).
pub async fn conclude(
    client: &Client,
    project_id: &str,
    kind: RunKind,
    target: &str,
    id: &str,
    waited: Waited,
    waited_ms: u64,
) -> Outcome {
    let (ending, last) = match waited {
        Waited::Finished(last) => {
            let ending = if last.phase == Phase::Succeeded && last.failed().next().is_none() {
                Ending::Succeeded
            } else {
                Ending::Failed
            };
            (ending, Some(last))
        }
        Waited::TimedOut(last) => (Ending::TimedOut, last),
        Waited::Interrupted(last) => (Ending::Interrupted, last),
    };
    let mut failed = Vec::new();
    for (index, item) in last.iter().flat_map(Snapshot::failed).enumerate() {
        let log_tail = match (&item.log_key, index < LOGS_READ) {
            (Some(key), true) => log::tail(client, project_id, key).await.unwrap_or_default(),
            _ => Vec::new(),
        };
        failed.push(FailedItem {
            name: item.name.clone(),
            state: item.state.clone(),
            error: item.error.clone(),
            log_tail,
        });
    }
    Outcome {
        kind,
        target: target.to_owned(),
        id: id.to_owned(),
        ending,
        last,
        failed,
        waited_ms,
    }
}
