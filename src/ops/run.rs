//! The state machine of a run, as data: what one read of a workflow run or a backfill says
//! ([`Snapshot`]: the run's state and each task run's or instance's), what changed since the
//! read before ([`changes`]), and how a run ended ([`Outcome`]). Pure: the readers in
//! `trigger` and `backfill` make snapshots from WeData's answers, the renderers show them.
//!
//! WeData's own state words are kept (`state`) for people; each is also read into a
//! [`Phase`], which is what decisions use. A word the definition does not document is
//! `Phase::Other`: never finished, so an unknown state makes the tool wait (and the timeout
//! end it) rather than call a run over.

use serde::Serialize;

/// Where a run, task run or instance is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Waiting for its upstreams, a resource or its time.
    Waiting,
    /// In the queue of the workflow's concurrency limit.
    Queued,
    Running,
    Succeeded,
    Failed,
    /// Not run (an upstream failed, or the run was killed before it started).
    Skipped,
    /// A state the definition does not document.
    Other,
}

impl Phase {
    /// A trigger run's ExecutionState (workflow or task run): PENDING, QUEUED, RUNNING,
    /// SUCCESS, FAILED, SKIP / SKIPED, as the definition lists them.
    pub fn of_run_state(state: &str) -> Self {
        match state.to_ascii_uppercase().as_str() {
            "PENDING" | "WAITING" | "INIT" => Self::Waiting,
            "QUEUED" | "QUEUING" => Self::Queued,
            "RUNNING" => Self::Running,
            "SUCCESS" | "SUCCEEDED" | "COMPLETED" => Self::Succeeded,
            "FAILED" | "FAILURE" | "KILLED" | "STOPPED" => Self::Failed,
            "SKIP" | "SKIPED" | "SKIPPED" => Self::Skipped,
            _ => Self::Other,
        }
    }

    /// An instance's InstanceState (ListTaskInstances, ListDataBackfillInstances):
    /// WAIT_EVENT, WAIT_UPSTREAM, WAIT_RUN, RUNNING, SKIP_RUNNING, FAILED_RETRY, EXPIRED
    /// (failed) and COMPLETED.
    pub fn of_instance_state(state: &str) -> Self {
        match state.to_ascii_uppercase().as_str() {
            "WAIT_EVENT" | "WAIT_UPSTREAM" | "WAIT_RUN" | "INITIAL" => Self::Waiting,
            // A failed attempt that will be tried again is still running.
            "RUNNING" | "FAILED_RETRY" => Self::Running,
            "COMPLETED" | "SUCCESS" => Self::Succeeded,
            "EXPIRED" | "FAILED" | "KILL" | "KILLED" => Self::Failed,
            "SKIP_RUNNING" => Self::Skipped,
            _ => Self::Other,
        }
    }

    pub fn is_finished(self) -> bool {
        matches!(self, Self::Succeeded | Self::Failed | Self::Skipped)
    }

    /// Still to finish, or finishing: what the active-run guard looks for.
    pub fn is_active(self) -> bool {
        matches!(self, Self::Queued | Self::Running)
    }

    /// How people read it.
    pub fn word(self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Queued => "queued",
            Self::Running => "running",
            Self::Succeeded => "succeeded",
            Self::Failed => "FAILED",
            Self::Skipped => "skipped",
            Self::Other => "unknown",
        }
    }
}

/// One task run of a workflow run, or one instance of a backfill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// What identifies it across reads: the TaskId, or the instance's key.
    pub key: String,
    /// What people call it: the task's name, or the instance's data time.
    pub name: String,
    /// WeData's state word.
    pub state: String,
    pub phase: Phase,
    /// WeData's error code or message, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The InstanceKey GetTaskInstanceLog reads its log with.
    #[serde(skip)]
    pub log_key: Option<String>,
}

/// One read of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snapshot {
    /// WeData's state word for the whole run.
    pub state: String,
    pub phase: Phase,
    pub items: Vec<Item>,
}

impl Snapshot {
    /// Over: WeData says the run ended, or (for a run WeData gives no state of its own, a
    /// backfill) every item has.
    pub fn is_finished(&self) -> bool {
        self.phase.is_finished()
    }

    pub fn failed(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|item| item.phase == Phase::Failed)
    }

    /// The phase of a run with no state of its own: failed once an item failed and all are
    /// over, succeeded once all succeeded, running while any runs, else waiting.
    pub fn phase_of_items(items: &[Item]) -> Phase {
        if items.is_empty() {
            return Phase::Queued;
        }
        if items.iter().all(|item| item.phase.is_finished()) {
            if items.iter().any(|item| item.phase == Phase::Failed) {
                return Phase::Failed;
            }
            return Phase::Succeeded;
        }
        if items.iter().any(|item| item.phase == Phase::Running) {
            return Phase::Running;
        }
        Phase::Waiting
    }
}

/// An item whose state is new or different from the read before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub name: String,
    pub state: String,
    pub phase: Phase,
    pub error: Option<String>,
}

/// What changed from `before` (the read before, if any) to `after`: the run's own state when
/// it moved, then each item that is new or moved, in `after`'s order.
pub fn changes(before: Option<&Snapshot>, after: &Snapshot) -> Vec<Change> {
    let mut changes = Vec::new();
    for item in &after.items {
        let previous = before.and_then(|before| {
            before
                .items
                .iter()
                .find(|candidate| candidate.key == item.key)
        });
        if previous.is_none_or(|previous| previous.state != item.state) {
            changes.push(Change {
                name: item.name.clone(),
                state: item.state.clone(),
                phase: item.phase,
                error: item.error.clone(),
            });
        }
    }
    changes
}

/// How waiting for a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    /// Started and not waited for.
    Started,
    Succeeded,
    Failed,
    /// The timeout passed first; the run goes on.
    TimedOut,
    /// Interrupted, and killed on request.
    Killed,
    /// Interrupted and left running.
    Interrupted,
}

impl Ending {
    pub fn is_success(self) -> bool {
        matches!(self, Self::Started | Self::Succeeded)
    }
}

/// A failed item's last log lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedItem {
    pub name: String,
    pub state: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The end of its log (empty when WeData gives none).
    pub log_tail: Vec<String>,
}

/// What kind of run an outcome is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RunKind {
    WorkflowRun,
    Backfill,
}

/// The end of a run as the commands report it (`--format json` is this, serialized).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub kind: RunKind,
    /// The workflow's name, or the backfilled task's address.
    pub target: String,
    /// WorkflowExecutionId, or DataBackfillPlanId.
    pub id: String,
    pub ending: Ending,
    /// The last read, when there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<Snapshot>,
    /// The failed task runs or instances, with the end of their logs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failed: Vec<FailedItem>,
    /// Milliseconds spent waiting.
    pub waited_ms: u64,
}

impl Outcome {
    pub fn is_success(&self) -> bool {
        self.ending.is_success()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(key: &str, state: &str) -> Item {
        Item {
            key: key.to_owned(),
            name: format!("task_{key}"),
            state: state.to_owned(),
            phase: Phase::of_run_state(state),
            error: None,
            log_key: None,
        }
    }

    fn snapshot(items: Vec<Item>) -> Snapshot {
        Snapshot {
            state: "RUNNING".into(),
            phase: Phase::Running,
            items,
        }
    }

    #[test]
    fn documented_states_read_into_phases_and_unknown_ones_never_finish() {
        assert_eq!(Phase::of_run_state("PENDING"), Phase::Waiting);
        assert_eq!(Phase::of_run_state("QUEUED"), Phase::Queued);
        assert_eq!(Phase::of_run_state("SKIPED"), Phase::Skipped);
        assert_eq!(Phase::of_run_state("success"), Phase::Succeeded);
        assert_eq!(Phase::of_instance_state("EXPIRED"), Phase::Failed);
        assert_eq!(Phase::of_instance_state("FAILED_RETRY"), Phase::Running);
        assert_eq!(Phase::of_instance_state("COMPLETED"), Phase::Succeeded);
        assert_eq!(Phase::of_run_state("REBOOTING"), Phase::Other);
        assert!(!Phase::Other.is_finished());
    }

    #[test]
    fn only_new_or_moved_items_are_changes() {
        let first = snapshot(vec![item("1", "PENDING"), item("2", "PENDING")]);
        assert_eq!(changes(None, &first).len(), 2);
        let second = snapshot(vec![
            item("1", "RUNNING"),
            item("2", "PENDING"),
            item("3", "PENDING"),
        ]);
        let moved: Vec<String> = changes(Some(&first), &second)
            .into_iter()
            .map(|change| format!("{} {}", change.name, change.state))
            .collect();
        assert_eq!(moved, ["task_1 RUNNING", "task_3 PENDING"]);
        assert!(changes(Some(&second), &second).is_empty());
    }

    #[test]
    fn a_run_without_a_state_of_its_own_is_read_from_its_items() {
        let phase = |states: &[&str]| {
            let items: Vec<Item> = states
                .iter()
                .enumerate()
                .map(|(index, state)| Item {
                    phase: Phase::of_instance_state(state),
                    ..item(&index.to_string(), state)
                })
                .collect();
            Snapshot::phase_of_items(&items)
        };
        assert_eq!(phase(&[]), Phase::Queued);
        assert_eq!(phase(&["WAIT_RUN", "WAIT_RUN"]), Phase::Waiting);
        assert_eq!(phase(&["COMPLETED", "RUNNING"]), Phase::Running);
        assert_eq!(phase(&["COMPLETED", "EXPIRED"]), Phase::Failed);
        assert_eq!(phase(&["COMPLETED", "COMPLETED"]), Phase::Succeeded);
    }
}
