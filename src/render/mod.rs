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

/// A unified diff of two texts with three lines of context.
pub fn code_diff(before: &str, after: &str) -> String {
    code_diff_between(before, after, "live", "manifest")
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
