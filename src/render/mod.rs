//! Views of plans and apply results: human text, JSON and Markdown, one file per format;
//! pictures of the dependency graph (`dag::Dag`) as Mermaid, DOT, SVG and a self-contained
//! HTML report. Rendering never computes anything the plan does not already say.

pub mod dot;
pub mod history;
pub mod html;
pub mod json;
pub mod markdown;
pub mod mermaid;
pub mod picture;
pub mod refusal;
pub mod result;
pub mod run;
pub mod svg;
pub mod text;

use serde_json::Value;

use crate::reconcile::Action;

/// A value as a reviewer reads it: strings quoted, everything else compact JSON.
pub fn show_value(value: &Value) -> String {
    match value {
        Value::Null => "(none)".to_owned(),
        Value::String(text) if text == "(sensitive)" => text.clone(),
        other => other.to_string(),
    }
}

/// A unified diff of a task's code, live against the manifest's, with three lines of context;
/// the header names the code file when it is known (`--- orders/extract.sh (live)`).
pub fn code_diff(before: &str, after: &str, code_file: Option<&str>) -> String {
    match code_file {
        Some(path) => code_diff_between(
            before,
            after,
            &format!("{} (live)", one_line(path)),
            &format!("{} (manifest)", one_line(path)),
        ),
        None => code_diff_between(before, after, "live", "manifest"),
    }
}

/// The language a code block of this file is highlighted as by GitHub and GitLab, from its
/// extension (`sql`, `python`, `bash`, ...); `None` when unknown.
pub fn code_language(code_file: &str) -> Option<&'static str> {
    let extension = code_file.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "sql" | "hql" => "sql",
        "py" => "python",
        "sh" | "bash" => "bash",
        "scala" => "scala",
        "java" => "java",
        "json" | "ipynb" => "json",
        "yaml" | "yml" => "yaml",
        "r" => "r",
        "js" => "javascript",
        _ => return None,
    })
}

/// Text on one line: line breaks and other control characters as spaces (a file name in a
/// diff header must not start a line of its own).
fn one_line(text: &str) -> String {
    text.chars()
        .map(|character| {
            if character.is_control() {
                ' '
            } else {
                character
            }
        })
        .collect()
}

/// A unified diff of two texts with three lines of context, headed with their names.
pub fn code_diff_between(before: &str, after: &str, from: &str, to: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(from, to)
        .to_string()
}

pub fn marker(action: Action) -> &'static str {
    match action {
        Action::Create => "+",
        Action::Update | Action::Submit => "~",
        Action::Delete => "-",
        Action::Replace => "-/+",
        Action::NoOp => " ",
    }
}

pub fn verb(action: Action) -> &'static str {
    match action {
        Action::Create => "create",
        Action::Update => "update",
        Action::Submit => "submit",
        Action::Delete => "delete",
        Action::Replace => "replace",
        Action::NoOp => "no change",
    }
}

/// "Risk: 1 deletion, 2 owner changes, ..." or "Risk: none.", the first thing every plan
/// format says.
pub fn risk_line(risk: &crate::reconcile::review::Risk) -> String {
    let phrases = risk.phrases();
    if phrases.is_empty() {
        "Risk: none.".to_owned()
    } else {
        format!("Risk: {}.", phrases.join(", "))
    }
}

/// "This change reaches 3 tasks outside this repository." (`None` when nothing changes or
/// nothing was looked up).
pub fn reach_sentence(plan: &crate::reconcile::Plan) -> Option<String> {
    use crate::reconcile::review::ImpactMode;
    let impact = &plan.impact;
    if impact.mode == ImpactMode::Off || plan.changing().next().is_none() {
        return None;
    }
    let count = impact.unmanaged().count();
    let more = if impact.complete {
        ""
    } else {
        " (at least: the lookups stopped before the end)"
    };
    Some(format!(
        "This change reaches {count} task{} outside this repository{more}.",
        if count == 1 { "" } else { "s" }
    ))
}

/// How the impact was looked up: "--impact auto, 12 lookups, every task reached was looked up".
pub fn impact_note(impact: &crate::reconcile::review::Impact) -> String {
    format!(
        "--impact {}, {} lookup{}, {}",
        impact.mode.word(),
        impact.lookups,
        if impact.lookups == 1 { "" } else { "s" },
        if impact.complete {
            "every task reached was looked up"
        } else {
            "deeper tasks were not looked up"
        }
    )
}

/// `workflow/name`, or the name alone when the workflow is unknown.
pub fn task_label(workflow: Option<&str>, name: &str) -> String {
    match workflow {
        Some(workflow) => format!("{workflow}/{name}"),
        None => name.to_owned(),
    }
}

/// "Plan: 3 to create, 2 to update, 0 to delete, 10 unchanged."
pub fn summary_line(summary: &crate::reconcile::plan::Summary) -> String {
    let replace = if summary.replace > 0 {
        format!(", {} to replace", summary.replace)
    } else {
        String::new()
    };
    format!(
        "Plan: {} to create, {} to update{replace}, {} to delete, {} unchanged.",
        summary.create, summary.update, summary.delete, summary.unchanged
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_diff_names_its_file_on_one_line() {
        let diff = code_diff("a\n", "b\n", Some("orders/extract.sh"));
        assert!(
            diff.starts_with("--- orders/extract.sh (live)\n+++ orders/extract.sh (manifest)\n")
        );
        let hostile = code_diff("a\n", "b\n", Some("x\n+++ evil.sh"));
        assert_eq!(
            hostile
                .lines()
                .filter(|line| line.starts_with("+++"))
                .count(),
            1
        );
        assert!(code_diff("a\n", "b\n", None).starts_with("--- live\n+++ manifest\n"));
    }

    #[test]
    fn code_languages_come_from_the_extension() {
        assert_eq!(code_language("orders/clean.SQL"), Some("sql"));
        assert_eq!(code_language("check.py"), Some("python"));
        assert_eq!(code_language("run.sh"), Some("bash"));
        assert_eq!(code_language("notes.txt"), None);
        assert_eq!(code_language("Makefile"), None);
    }
}
