//! Views of `history`, `diff`, `rollback` and `pull`: the version table (text and JSON), a
//! version diff in the plan's text style, and what a rewrite changes (per task, then each
//! file as a unified diff). Everything that came from WeData is printed through
//! `history::printable`; values of secret-looking keys in file diffs are masked.

use std::fmt::Write;

use owo_colors::OwoColorize;
use serde_json::json;

use super::{code_diff_between, show_value};
use crate::history::files::FileChange;
use crate::history::printable;
use crate::history::pull::Pulled;
use crate::history::rewrite::TaskRewrite;
use crate::history::versions::Version;
use crate::model::{CODE_MEMBER, is_sensitive_key};
use crate::reconcile::plan::MemberChange;

/// The version table, newest first.
pub fn versions_text(address: &str, task_id: &str, versions: &[Version]) -> String {
    let mut out = String::new();
    if versions.is_empty() {
        let _ = writeln!(
            out,
            "{address} ({task_id}) has no submitted versions yet: `wedata-gitops apply` submits one."
        );
        return out;
    }
    let _ = writeln!(
        out,
        "{address} ({task_id}): {} submitted version{}, newest first\n",
        versions.len(),
        if versions.len() == 1 { "" } else { "s" }
    );
    let rows: Vec<[String; 5]> = versions
        .iter()
        .map(|version| {
            let subject = match &version.commit {
                Some(commit) => version.remark[commit.len()..].trim_start(),
                None => version.remark.as_str(),
            };
            [
                printable(&version.version, 12),
                printable(&version.time, 19),
                printable(&version.user, 20),
                version.commit.clone().unwrap_or_else(|| "-".to_owned()),
                printable(subject, 72),
            ]
        })
        .collect();
    let headings = ["VERSION", "SUBMITTED", "BY", "COMMIT", "REMARK"];
    let widths: Vec<usize> = (0..4)
        .map(|column| {
            rows.iter()
                .map(|row| row[column].chars().count())
                .chain([headings[column].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |marker: &str, cells: [&str; 5]| {
        let mut text = format!("{marker} ");
        for (column, cell) in cells.iter().enumerate().take(4) {
            let _ = write!(text, "{cell:<width$}  ", width = widths[column]);
        }
        text.push_str(cells[4]);
        text.trim_end().to_owned()
    };
    let _ = writeln!(out, "{}", line(" ", headings));
    for (version, row) in versions.iter().zip(&rows) {
        let marker = if version.in_production { "*" } else { " " };
        let cells = [
            row[0].as_str(),
            row[1].as_str(),
            row[2].as_str(),
            row[3].as_str(),
            row[4].as_str(),
        ];
        let _ = writeln!(out, "{}", line(marker, cells));
    }
    if versions.iter().any(|version| version.in_production) {
        let _ = writeln!(out, "\n* the version in production");
    }
    out
}

/// The version table as JSON (format_version 1).
pub fn versions_json(address: &str, task_id: &str, versions: &[Version]) -> String {
    let document = json!({
        "format_version": 1,
        "address": address,
        "task_id": task_id,
        "versions": versions,
    });
    format!(
        "{}\n",
        serde_json::to_string_pretty(&document).expect("plain values serialize")
    )
}

/// The members that differ from one state of a task to another, as the plan shows changes.
pub fn diff_text(
    heading: &str,
    from: &str,
    to: &str,
    changes: &[MemberChange],
    color: bool,
) -> String {
    let mut out = String::new();
    if changes.is_empty() {
        let _ = writeln!(out, "{heading}: no differences between {from} and {to}.");
        return out;
    }
    let title = format!("~ {heading}: {from} → {to}");
    let _ = writeln!(
        out,
        "{}",
        if color {
            title.yellow().to_string()
        } else {
            title
        }
    );
    for change in changes {
        if change.member == CODE_MEMBER && !change.sensitive {
            let before = change.before.as_str().unwrap_or("");
            let after = change.after.as_str().unwrap_or("");
            let _ = writeln!(out, "    {}:", change.member);
            for line in code_diff_between(before, after, from, to).lines() {
                let _ = writeln!(
                    out,
                    "      {}",
                    paint_diff_line(&terminal_safe(line), color)
                );
            }
        } else {
            let _ = writeln!(
                out,
                "    {}: {} → {}",
                change.member,
                printable(&show_value(&change.before), 500),
                printable(&show_value(&change.after), 500)
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{} member{} differ{}.",
        changes.len(),
        if changes.len() == 1 { "" } else { "s" },
        if changes.len() == 1 { "s" } else { "" }
    );
    out
}

fn paint_diff_line(line: &str, color: bool) -> String {
    if !color {
        return line.to_owned();
    }
    match line.chars().next() {
        Some('+') if !line.starts_with("+++") => line.green().to_string(),
        Some('-') if !line.starts_with("---") => line.red().to_string(),
        _ => line.to_owned(),
    }
}

/// What a rewrite does to each task: members written, members left as is and why.
pub fn tasks_text(tasks: &[TaskRewrite]) -> String {
    let mut out = String::new();
    for task in tasks {
        let _ = writeln!(out, "{}", task.address);
        if !task.written.is_empty() {
            let _ = writeln!(out, "    written: {}", task.written.join(", "));
        }
        for kept in &task.kept {
            let _ = writeln!(out, "    left as is: {}: {}", kept.member, kept.reason);
        }
    }
    out
}

/// Each changed file as a unified diff (one line of context), secret-looking values masked.
pub fn files_text(files: &[FileChange], color: bool) -> String {
    let mut out = String::new();
    for file in files {
        let path = file.path.display().to_string();
        let before = file.before.as_deref().unwrap_or("");
        let (from, to) = match &file.before {
            Some(_) => (format!("a/{path}"), format!("b/{path}")),
            None => ("/dev/null".to_owned(), format!("b/{path}")),
        };
        let diff = similar::TextDiff::from_lines(before, &file.after)
            .unified_diff()
            .context_radius(1)
            .header(&from, &to)
            .to_string();
        let _ = writeln!(out);
        for line in diff.lines() {
            let line = terminal_safe(&mask_secret(line));
            let _ = writeln!(out, "{}", paint_diff_line(&line, color));
        }
    }
    out
}

/// A line of a file or code diff with its control characters (escape sequences included)
/// shown as `\u{..}`: code and values come from WeData. Tabs stay.
fn terminal_safe(line: &str) -> String {
    line.chars()
        .map(|character| {
            if character.is_control() && character != '\t' {
                format!("\\u{{{:x}}}", character as u32)
            } else {
                character.to_string()
            }
        })
        .collect()
}

/// A line with the value after a secret-looking `key:` replaced by `(sensitive)`.
fn mask_secret(line: &str) -> String {
    let mut offset = 0;
    while let Some(colon) = line[offset..].find(':') {
        let end = offset + colon;
        let key_start = line[..end]
            .rfind(|character: char| {
                !(character.is_alphanumeric() || matches!(character, '_' | '-' | '.'))
            })
            .map_or(0, |index| index + 1);
        let key = &line[key_start..end];
        if !key.is_empty() && is_sensitive_key(key) && line.len() > end + 1 {
            return format!("{} (sensitive)", &line[..=end]);
        }
        offset = end + 1;
    }
    line.to_owned()
}

/// `pull`'s report: the tasks, the new manifests, and what it leaves to a person.
pub fn pull_text(pulled: &Pulled, check: bool) -> String {
    let mut out = tasks_text(&pulled.tasks);
    for task in &pulled.new_tasks {
        let files: Vec<String> = task
            .files
            .iter()
            .map(|path| path.display().to_string())
            .collect();
        let _ = writeln!(
            out,
            "{}\n    new: {}",
            printable(&task.address, 300),
            files.join(", ")
        );
        for warning in &task.warnings {
            let _ = writeln!(out, "    warning: {}", printable(warning, 500));
        }
    }
    if !pulled.undeclared.is_empty() {
        let _ = writeln!(
            out,
            "\nLive tasks no manifest declares ({} them with --include-new):",
            if check {
                "pull would write"
            } else {
                "pull writes"
            }
        );
        for address in &pulled.undeclared {
            let _ = writeln!(out, "    {}", printable(address, 300));
        }
    }
    if !pulled.workflows.is_empty() {
        let _ = writeln!(
            out,
            "\nWorkflows whose live members differ from their manifests (pull writes tasks only; change these by hand):"
        );
        for address in &pulled.workflows {
            let _ = writeln!(out, "    {address}");
        }
    }
    if !pulled.missing.is_empty() {
        let _ = writeln!(
            out,
            "\nDeclared tasks WeData does not have (apply creates them):"
        );
        for address in &pulled.missing {
            let _ = writeln!(out, "    {address}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_in_code_never_reach_the_terminal() {
        let files = [FileChange {
            path: "a.sh".into(),
            before: Some("echo 1\n".into()),
            after: "echo 1\nprintf '\u{1b}[2J'\n".into(),
        }];
        let text = files_text(&files, false);
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("\\u{1b}[2J"), "{text}");
    }

    #[test]
    fn secret_looking_values_are_masked_in_file_diffs() {
        assert_eq!(
            mask_secret("+    db_password: hunter2"),
            "+    db_password: (sensitive)"
        );
        assert_eq!(
            mask_secret("+  ext: {a: b, api_token: x}"),
            "+  ext: {a: b, api_token: (sensitive)"
        );
        assert_eq!(mask_secret("+  max_retries: 3"), "+  max_retries: 3");
        assert_eq!(mask_secret("   secret_ref:"), "   secret_ref:");
    }

    #[test]
    fn the_version_table_marks_production_and_hides_escape_sequences() {
        let versions = vec![
            Version {
                version: "V2".into(),
                version_id: "t_2".into(),
                time: "2026-01-02 10:00:00".into(),
                user: "100000000001".into(),
                remark: "def5678 Raise retries".into(),
                commit: Some("def5678".into()),
                in_production: true,
            },
            Version {
                version: "V1".into(),
                version_id: "t_1".into(),
                time: "2026-01-01 10:00:00".into(),
                user: "100000000001".into(),
                remark: "hotfix \u{1b}[2J in the console".into(),
                commit: None,
                in_production: false,
            },
        ];
        let text = versions_text("task.orders.load", "t", &versions);
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("* V2"), "{text}");
        assert!(text.contains("def5678  Raise retries"), "{text}");
    }
}
