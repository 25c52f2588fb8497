//! The apply result: a table (resource, action, result, TaskId, version, duration, and the
//! RequestId of any failure) for people, or JSON for machines.

use std::fmt::Write;

use owo_colors::OwoColorize;

use super::verb;
use crate::apply::{Outcome, Report};

pub fn text(report: &Report, color: bool) -> String {
    let mut out = String::new();
    if report.results.is_empty() {
        let _ = writeln!(out, "Nothing to do: WeData already matches the manifests.");
        return out;
    }
    let rows: Vec<[String; 6]> = report
        .results
        .iter()
        .map(|result| {
            [
                result.address.clone(),
                verb(result.action).to_owned(),
                outcome_word(result.outcome).to_owned(),
                result.id.clone().unwrap_or_default(),
                result.version.clone().unwrap_or_default(),
                format!("{:.1}s", result.duration_ms as f64 / 1000.0),
            ]
        })
        .collect();
    let headers = ["resource", "action", "result", "id", "version", "time"];
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
    for (row, result) in rows.iter().zip(&report.results) {
        let text = line(row);
        let painted = match (color, result.outcome) {
            (false, _) => text,
            (true, Outcome::Succeeded) => text.green().to_string(),
            (true, Outcome::Failed) => text.red().to_string(),
            (true, _) => text.yellow().to_string(),
        };
        let _ = writeln!(out, "{painted}");
    }
    let problems: Vec<_> = report
        .results
        .iter()
        .filter(|result| result.outcome != Outcome::Succeeded)
        .collect();
    if !problems.is_empty() {
        let _ = writeln!(out);
        for result in problems {
            let _ = writeln!(
                out,
                "{}: {}",
                result.address,
                result.error.as_deref().unwrap_or("")
            );
            // On a line of its own, so it is copied whole.
            if let Some(request_id) = &result.request_id {
                let _ = writeln!(out, "  RequestId: {request_id}");
            }
        }
    }
    let _ = writeln!(
        out,
        "\nApply: {} succeeded, {} failed, {} skipped, {} not started.",
        report.succeeded, report.failed, report.skipped, report.not_started
    );
    if !report.runs.is_empty() {
        let _ = write!(out, "\n{}", super::run::runs_table(&report.runs, color));
        let succeeded = report.runs.iter().filter(|run| run.is_success()).count();
        let _ = writeln!(
            out,
            "\nRuns: {succeeded} succeeded, {} did not.",
            report.runs.len() - succeeded
        );
    }
    out
}

pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).expect("a report always serializes") + "\n"
}

fn outcome_word(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Succeeded => "ok",
        Outcome::Failed => "FAILED",
        Outcome::Skipped => "skipped",
        Outcome::NotStarted => "not started",
    }
}
