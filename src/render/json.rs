//! The plan as JSON: the `Plan` value itself (documented in docs/plan-format.md), versioned by
//! `format_version`, keys in a stable order. The same document `--out` saves; reading it back
//! is `planner::saved`'s job.

use crate::reconcile::Plan;

pub fn render(plan: &Plan) -> String {
    serde_json::to_string_pretty(plan).expect("a plan always serializes") + "\n"
}
