//! Views of runs and backfills: one line per change while waiting, the final summary (each
//! task run or instance with its state, the failed ones with the end of their logs), the
//! JSON of the outcome for machines, the table of runs after an apply, and the commands that
//! watch or kill a run left going. Everything read from WeData (names, states, error codes,
//! log lines) is printed through `history::printable`.

use std::fmt::Write;

use owo_colors::OwoColorize;

use crate::history::printable;
use crate::ops::run::{Change, Ending, Outcome, Phase, RunKind};

/// The longest name shown in a table column before it is cut.
const NAME_WIDTH: usize = 60;

/// One line for a change: `load_orders: running`, prefixed with the workflow's name when
/// several runs are followed at once.
pub fn change_line(run: Option<&str>, change: &Change) -> String {
    let mut line = String::new();
    if let Some(run) = run {
        let _ = write!(line, "{}: ", printable(run, NAME_WIDTH));
    }
    let _ = write!(
        line,
        "{} {}",
        printable(&change.name, NAME_WIDTH),
        state_words(change.phase, &change.state)
    );
    if let Some(error) = &change.error {
        let _ = write!(line, " ({})", printable(error, 200));
    }
    line
}

/// `running`, or `running (WAIT_RUN)` when WeData's word says more than the phase.
pub fn state_words(phase: Phase, state: &str) -> String {
    let word = phase.word();
    if phase == Phase::Other
        || !state.eq_ignore_ascii_case(word)
            && !matches!(
                (phase, state),
                (Phase::Running, "RUNNING")
                    | (Phase::Succeeded, "SUCCESS" | "COMPLETED")
                    | (Phase::Failed, "FAILED")
                    | (Phase::Waiting, "PENDING")
                    | (Phase::Queued, "QUEUED")
                    | (Phase::Skipped, "SKIP")
            )
    {
        format!("{word} ({})", printable(state, 40))
    } else {
        word.to_owned()
    }
}

fn what(outcome: &Outcome) -> String {
    match outcome.kind {
        RunKind::WorkflowRun => format!(
            "the run {} of {}",
            printable(&outcome.id, 80),
            printable(&outcome.target, NAME_WIDTH)
        ),
        RunKind::Backfill => format!(
            "the backfill {} of {}",
            printable(&outcome.id, 80),
            printable(&outcome.target, NAME_WIDTH)
        ),
    }
}

/// The final summary: how it ended, each item's state, and the failed ones with their logs.
pub fn outcome_text(outcome: &Outcome, color: bool) -> String {
    let mut out = String::new();
    let seconds = outcome.waited_ms as f64 / 1000.0;
    let headline = match outcome.ending {
        Ending::Started => format!("Started {}.", what(outcome)),
        Ending::Succeeded => format!("{} succeeded ({seconds:.1}s).", capitalized(&what(outcome))),
        Ending::Failed => format!("{} FAILED ({seconds:.1}s).", capitalized(&what(outcome))),
        Ending::TimedOut => format!(
            "Stopped waiting after {seconds:.1}s: {} has not ended; it goes on.",
            what(outcome)
        ),
        Ending::Killed => format!("Killed {} ({seconds:.1}s).", what(outcome)),
        Ending::Interrupted => format!(
            "Interrupted after {seconds:.1}s: {} goes on.",
            what(outcome)
        ),
    };
    let headline = match (color, outcome.ending) {
        (false, _) => headline,
        (true, Ending::Succeeded | Ending::Started) => headline.green().to_string(),
        (true, Ending::Failed | Ending::Killed) => headline.red().to_string(),
        (true, _) => headline.yellow().to_string(),
    };
    let _ = writeln!(out, "{headline}");
    if let Some(last) = &outcome.last {
        let width = last
            .items
            .iter()
            .map(|item| printable(&item.name, NAME_WIDTH).chars().count())
            .max()
            .unwrap_or(0);
        for item in &last.items {
            let _ = write!(
                out,
                "  {:width$}  {}",
                printable(&item.name, NAME_WIDTH),
                state_words(item.phase, &item.state)
            );
            // A failed item's error is shown with its log below.
            match &item.error {
                Some(error) if item.phase != Phase::Failed => {
                    let _ = writeln!(out, " ({})", printable(error, 200));
                }
                _ => {
                    let _ = writeln!(out);
                }
            }
        }
    }
    for failed in &outcome.failed {
        let _ = write!(out, "\nfailed: {}", printable(&failed.name, NAME_WIDTH));
        if let Some(error) = &failed.error {
            let _ = write!(out, " ({})", printable(error, 200));
        }
        let _ = writeln!(out);
        if failed.log_tail.is_empty() {
            let _ = writeln!(out, "  (WeData gave no log)");
        }
        for line in &failed.log_tail {
            let _ = writeln!(out, "  | {}", printable(line, 400));
        }
    }
    out
}

fn capitalized(text: &str) -> String {
    let mut characters = text.chars();
    match characters.next() {
        Some(first) => first.to_uppercase().chain(characters).collect(),
        None => String::new(),
    }
}

/// The outcome as JSON (`--format json`).
pub fn json(outcome: &Outcome) -> String {
    serde_json::to_string_pretty(outcome).expect("an outcome always serializes") + "\n"
}

/// The runs after an apply: workflow, run id, result and time, then each failure.
pub fn runs_table(runs: &[Outcome], color: bool) -> String {
    let mut out = String::new();
    let rows: Vec<[String; 4]> = runs
        .iter()
        .map(|run| {
            [
                printable(&run.target, NAME_WIDTH),
                printable(&run.id, 80),
                ending_word(run.ending).to_owned(),
                format!("{:.1}s", run.waited_ms as f64 / 1000.0),
            ]
        })
        .collect();
    let headers = ["workflow run", "id", "result", "time"];
    let mut widths = headers.map(str::len);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell:width$}"))
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_owned()
    };
    let _ = writeln!(out, "{}", line(&headers.map(str::to_owned)));
    for (row, run) in rows.iter().zip(runs) {
        let text = line(row);
        let painted = match (color, run.ending) {
            (false, _) => text,
            (true, Ending::Succeeded) => text.green().to_string(),
            (true, Ending::Failed | Ending::Killed) => text.red().to_string(),
            (true, _) => text.yellow().to_string(),
        };
        let _ = writeln!(out, "{painted}");
    }
    for run in runs.iter().filter(|run| !run.failed.is_empty()) {
        for failed in &run.failed {
            let _ = write!(
                out,
                "\n{}: failed: {}",
                printable(&run.target, NAME_WIDTH),
                printable(&failed.name, NAME_WIDTH)
            );
            if let Some(error) = &failed.error {
                let _ = write!(out, " ({})", printable(error, 200));
            }
            let _ = writeln!(out);
            for line in &failed.log_tail {
                let _ = writeln!(out, "  | {}", printable(line, 400));
            }
        }
    }
    out
}

fn ending_word(ending: Ending) -> &'static str {
    match ending {
        Ending::Started => "started",
        Ending::Succeeded => "ok",
        Ending::Failed => "FAILED",
        Ending::TimedOut => "timed out",
        Ending::Killed => "killed",
        Ending::Interrupted => "interrupted",
    }
}

/// The `api` command that reads a trigger run again.
pub fn watch_command(project_id: &str, execution_id: &str) -> String {
    format!(
        "wedata-gitops api GetTriggerWorkflowRun '{}'",
        serde_json::json!({"ProjectId": project_id, "WorkflowExecutionId": execution_id})
    )
}

/// The `api` command that kills a trigger run.
pub fn kill_command(project_id: &str, workflow_id: &str, execution_id: &str) -> String {
    format!(
        "wedata-gitops api KillTriggerWorkflowRuns '{}'",
        serde_json::json!({
            "ProjectId": project_id,
            "WorkflowId": workflow_id,
            "WorkflowExecutionIdList": [execution_id],
        })
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::run::{FailedItem, Item, Snapshot};

    fn outcome(ending: Ending) -> Outcome {
        Outcome {
            kind: RunKind::WorkflowRun,
            target: "orders".into(),
            id: "run-1".into(),
            ending,
            last: Some(Snapshot {
                state: "FAILED".into(),
                phase: Phase::Failed,
                items: vec![
                    Item {
                        key: "1".into(),
                        name: "extract\u{1b}[31m".into(),
                        state: "SUCCESS".into(),
                        phase: Phase::Succeeded,
                        error: None,
                        log_key: None,
                    },
                    Item {
                        key: "2".into(),
                        name: "load".into(),
                        state: "FAILED".into(),
                        phase: Phase::Failed,
                        error: Some("TaskExitedWithError".into()),
                        log_key: None,
                    },
                ],
            }),
            failed: vec![FailedItem {
                name: "load".into(),
                state: "FAILED".into(),
                error: Some("TaskExitedWithError".into()),
                log_tail: vec!["ERROR load: exit 1".into()],
            }],
            waited_ms: 4200,
        }
    }

    #[test]
    fn a_failed_run_names_the_task_and_its_log_and_prints_no_escape() {
        let text = outcome_text(&outcome(Ending::Failed), false);
        assert_eq!(
            text,
            "The run run-1 of orders FAILED (4.2s).\n  extract\\u{1b}[31m  succeeded\n  load               FAILED\n\nfailed: load (TaskExitedWithError)\n  | ERROR load: exit 1\n"
        );
    }

    #[test]
    fn change_lines_say_the_phase_and_keep_unusual_states() {
        let change = Change {
            name: "2025-01-01 00:00:00".into(),
            state: "WAIT_RUN".into(),
            phase: Phase::Waiting,
            error: None,
        };
        assert_eq!(
            change_line(None, &change),
            "2025-01-01 00:00:00 waiting (WAIT_RUN)"
        );
        let change = Change {
            name: "load".into(),
            state: "RUNNING".into(),
            phase: Phase::Running,
            error: None,
        };
        assert_eq!(change_line(Some("orders"), &change), "orders: load running");
    }
}
