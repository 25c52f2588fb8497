//! The plan as JSON: the `Plan` value itself (documented in docs/plan-format.md), versioned by
//! `format_version`, keys in a stable order. The same document `--out` saves.

use crate::reconcile::Plan;

pub fn render(plan: &Plan) -> String {
    serde_json::to_string_pretty(plan).expect("a plan always serializes") + "\n"
}

/// Reads a saved plan, refusing other format versions.
pub fn parse(text: &str) -> Result<Plan, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|error| format!("not a JSON plan: {error}"))?;
    let version = value
        .get("format_version")
        .and_then(serde_json::Value::as_u64);
    if version != Some(u64::from(crate::reconcile::plan::FORMAT_VERSION)) {
        return Err(format!(
            "format_version {} is not the supported {}",
            version.map_or("(missing)".to_owned(), |version| version.to_string()),
            crate::reconcile::plan::FORMAT_VERSION
        ));
    }
    serde_json::from_value(value).map_err(|error| format!("not a plan of this version: {error}"))
}
