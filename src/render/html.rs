//! The plan as one self-contained HTML page, for CI to publish next to the PR comment: the
//! dependency graph drawn as inline SVG (one drawing per workflow; workflows without changes
//! start collapsed), tasks coloured by action, filters by action and workflow, and a panel
//! showing a clicked task's member changes and code diff.
//!
//! Nothing is fetched: no external script, style, font or image, and a Content-Security-Policy
//! allowing only this page's own script and style (by hash) keeps it that way. Names are
//! HTML-escaped; the plan's data travels as JSON in `<script type="application/json">` with
//! `<`, `>` and `&` written as `\u003c`-style escapes, so no value can close the element.

use std::fmt::Write;

use base64::Engine;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::svg::{self, escape};
use super::{code_diff, picture, show_value, summary_line, verb};
use crate::dag::{self, Dag, Status};
use crate::model::CODE_MEMBER;
use crate::reconcile::{Plan, ResourceChange};

const SCRIPT: &str = include_str!("report.js");
const STYLE: &str = include_str!("report.css");

pub fn render(plan: &Plan) -> String {
    let dag = dag::from_plan(plan);
    let views = svg::cluster_views(&dag);
    let style = format!("{STYLE}{}{}", svg::stylesheet(), swatches());
    let mut out = String::with_capacity(64 * 1024);
    let title = format!(
        "wedata-gitops plan · project {}{}",
        plan.project_id,
        plan.target
            .as_deref()
            .map(|target| format!(" · target {target}"))
            .unwrap_or_default()
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '{}'; script-src '{}'; img-src 'none'; form-action 'none'; base-uri 'none'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n",
        content_hash(&style),
        content_hash(SCRIPT),
        escape(&title)
    );
    let _ = writeln!(
        out,
        "<header><h1>wedata-gitops plan</h1><p>Project <code>{}</code>{}</p><p class=\"summary\">{}</p></header>",
        escape(&plan.project_id),
        plan.target
            .as_deref()
            .map(|target| format!(" · target <code>{}</code>", escape(target)))
            .unwrap_or_default(),
        escape(&summary_line(&plan.summary))
    );
    let _ = writeln!(
        out,
        "<p class=\"risk\">{}{}</p>",
        escape(&super::risk_line(&plan.risk)),
        super::reach_sentence(plan)
            .map(|reach| format!(" {}", escape(&reach)))
            .unwrap_or_default()
    );
    filters(&mut out, &dag);
    out.push_str("<main>\n<div id=\"graph\">\n");
    for (position, view) in views.iter().enumerate() {
        section(&mut out, plan, &dag, view, position);
    }
    if views.is_empty() {
        out.push_str("<p>The plan has no tasks.</p>\n");
    }
    out.push_str("</div>\n<aside id=\"details\" data-showing=\"\"><p class=\"placeholder\">Select a task to see its changes.</p></aside>\n</main>\n");
    change_list(&mut out, plan, &dag);
    review_lists(&mut out, plan);
    let _ = write!(
        out,
        "<script type=\"application/json\" id=\"plan-data\">{}</script>\n<script>{SCRIPT}</script>\n</body>\n</html>\n",
        script_safe_json(&entries(plan, &dag))
    );
    out
}

/// `'sha256-...'` of an inline element's text, for the Content-Security-Policy.
fn content_hash(text: &str) -> String {
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes()))
    )
}

fn swatches() -> String {
    let mut css = String::new();
    for status in Status::ALL {
        let (fill, stroke, _) = picture::colours(status);
        let _ = write!(
            css,
            ".swatch-{}{{background:{fill};border-color:{stroke}}}",
            status.word()
        );
    }
    css
}

/// A checkbox per status in the plan, and a workflow chooser.
fn filters(out: &mut String, dag: &Dag) {
    out.push_str("<nav id=\"filters\"><strong>Show</strong>");
    for status in dag.statuses() {
        let count = dag
            .nodes
            .iter()
            .filter(|node| node.status == status)
            .count();
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" data-status=\"{word}\" checked> <span class=\"legend-swatch swatch-{word}\"></span>{} ({count})</label>",
            escape(&picture::node_label(status, status.caption())),
            word = status.word()
        );
    }
    out.push_str(
        "<label>Workflow <select id=\"workflow-filter\"><option value=\"\">all workflows</option>",
    );
    for (position, cluster) in dag.clusters.iter().enumerate() {
        let _ = write!(
            out,
            "<option value=\"w{}\">{}</option>",
            position + 1,
            escape(&picture::one_line(&cluster.name))
        );
    }
    out.push_str("</select></label></nav>\n");
}

/// One workflow: open when something in it changes, collapsed otherwise.
fn section(out: &mut String, plan: &Plan, dag: &Dag, view: &svg::ClusterView, position: usize) {
    let cluster = &dag.clusters[view.cluster];
    let own: Vec<Status> = view
        .members
        .iter()
        .filter(|(_, stand_in)| !stand_in)
        .map(|(node, _)| dag.nodes[*node].status)
        .collect();
    let changes = own.iter().filter(|status| status.is_change()).count();
    let changed = changes > 0 || cluster.status.is_some_and(Status::is_change);
    let counts = if changed {
        format!(
            "{} task{}, {changes} changing",
            own.len(),
            if own.len() == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{} task{}, no changes",
            own.len(),
            if own.len() == 1 { "" } else { "s" }
        )
    };
    let _ = write!(
        out,
        "<details class=\"workflow\" data-workflow=\"w{number}\"{open}><summary>{caption}<span class=\"counts\">{counts}</span></summary>",
        number = view.cluster + 1,
        open = if changed { " open" } else { "" },
        caption = escape(&picture::cluster_caption(cluster)),
    );
    let changed_workflow = workflow_resource(plan, &cluster.name)
        .filter(|resource| resource.action != crate::reconcile::Action::NoOp);
    if let Some(resource) = changed_workflow {
        let _ = write!(
            out,
            "<p><button type=\"button\" data-node=\"w{}\">{} {}: {} member change{}</button></p>",
            view.cluster + 1,
            super::marker(resource.action),
            escape(&resource.address),
            resource.changes.len(),
            if resource.changes.len() == 1 { "" } else { "s" }
        );
    }
    let _ = write!(
        out,
        "<div class=\"canvas\"><svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\" aria-label=\"{label}\">",
        width = view.layout.width,
        height = view.layout.height,
        label = escape(&format!("dependency graph of {}", cluster.name)),
    );
    svg::draw_cluster(out, dag, view, &format!("w{}-", position + 1));
    out.push_str("</svg></div></details>\n");
}

fn workflow_resource<'a>(plan: &'a Plan, name: &str) -> Option<&'a ResourceChange> {
    plan.resources.iter().find(|resource| {
        !resource.kind.is_task() && !resource.kind.is_folder() && resource.name == name
    })
}

/// Every changing resource as a row whose button shows it.
fn change_list(out: &mut String, plan: &Plan, dag: &Dag) {
    let changing: Vec<&ResourceChange> = plan.changing().collect();
    if changing.is_empty() {
        out.push_str("<section id=\"changes\"><h2>Changes</h2><p>No changes. WeData matches the manifests.</p></section>\n");
        return;
    }
    out.push_str("<section id=\"changes\"><h2>Changes</h2><table><tr><th></th><th>resource</th><th>action</th><th>members</th></tr>");
    for resource in changing {
        let target = if resource.kind.is_task() {
            dag.nodes
                .iter()
                .position(|node| node.key == resource.address)
                .map(|index| format!("n{}", index + 1))
        } else {
            dag.clusters
                .iter()
                .position(|cluster| cluster.name == resource.name)
                .map(|index| format!("w{}", index + 1))
        };
        let address = escape(&resource.address);
        let shown = match target {
            Some(target) => {
                format!("<button type=\"button\" data-node=\"{target}\">{address}</button>")
            }
            None => format!("<code>{address}</code>"),
        };
        let _ = write!(
            out,
            "<tr><td><code>{}</code></td><td>{shown}</td><td>{}</td><td>{}</td></tr>",
            escape(super::marker(resource.action)),
            verb(resource.action),
            resource.changes.len()
        );
    }
    out.push_str("</table></section>\n");
}

/// The policy violations and the tasks downstream of the changes, as tables.
fn review_lists(out: &mut String, plan: &Plan) {
    if !plan.policy_violations.is_empty() {
        out.push_str("<section id=\"policy\"><h2>Policy violations</h2><table><tr><th></th><th>rule</th><th>where</th><th>resource</th><th>message</th></tr>");
        for violation in &plan.policy_violations {
            let _ = write!(
                out,
                "<tr><td>{}</td><td><code>{}</code></td><td><code>{}</code></td><td><code>{}</code></td><td>{}</td></tr>",
                violation.severity.word(),
                escape(&violation.rule),
                escape(&violation.position()),
                escape(&violation.address),
                escape(&violation.message)
            );
        }
        out.push_str("</table></section>\n");
    }
    let impact = &plan.impact;
    if !impact.orphaned.is_empty() {
        out.push_str("<section id=\"orphaned\"><h2>Left without their upstream</h2><table><tr><th>task</th><th>workflow</th><th>owner</th><th>upstream</th></tr>");
        for orphan in &impact.orphaned {
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
                escape(&orphan.name),
                escape(orphan.workflow.as_deref().unwrap_or("")),
                escape(orphan.owner.as_deref().unwrap_or("")),
                escape(&orphan.upstream)
            );
        }
        out.push_str("</table></section>\n");
    }
    if !impact.tasks.is_empty() {
        let _ = write!(
            out,
            "<section id=\"impact\"><h2>Downstream of the changes</h2><p>{}</p><table><tr><th>depth</th><th>task</th><th>workflow</th><th>owner</th><th>managed here</th><th>reached from</th></tr>",
            escape(&super::impact_note(impact))
        );
        for task in &impact.tasks {
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td></tr>",
                task.depth,
                escape(&task.name),
                escape(task.workflow.as_deref().unwrap_or("")),
                escape(task.owner.as_deref().unwrap_or("")),
                escape(task.address.as_deref().unwrap_or("no")),
                escape(&task.reached_from.join(" "))
            );
        }
        out.push_str("</table></section>\n");
    }
}

/// What the panel shows for each node (`n…`) and changed workflow (`w…`).
fn entries(plan: &Plan, dag: &Dag) -> Value {
    let mut entries = serde_json::Map::new();
    for (index, node) in dag.nodes.iter().enumerate() {
        let entry = match plan.resource(&node.key) {
            Some(resource) => resource_entry(resource, node.status),
            None => json!({
                "address": node.key,
                "status": node.status.word(),
                "kind": "task",
                "verb": "not managed by this repository",
                "id": node.id,
                "note": "A live task no manifest declares: shown for context, never changed by this plan.",
                "changes": [],
            }),
        };
        entries.insert(format!("n{}", index + 1), entry);
    }
    for (index, cluster) in dag.clusters.iter().enumerate() {
        if let Some(resource) = workflow_resource(plan, &cluster.name) {
            let status = cluster.status.unwrap_or(Status::Unchanged);
            entries.insert(format!("w{}", index + 1), resource_entry(resource, status));
        }
    }
    json!({ "entries": entries })
}

fn resource_entry(resource: &ResourceChange, status: Status) -> Value {
    let changes: Vec<Value> = resource
        .changes
        .iter()
        .map(|change| {
            if change.member == CODE_MEMBER && !change.sensitive {
                json!({
                    "member": change.member,
                    "diff": code_diff(
                        change.before.as_str().unwrap_or(""),
                        change.after.as_str().unwrap_or(""),
                        resource.code_file.as_deref(),
                    ),
                })
            } else {
                json!({
                    "member": change.member,
                    "before": show_value(&change.before),
                    "after": show_value(&change.after),
                })
            }
        })
        .collect();
    json!({
        "address": resource.address,
        "status": status.word(),
        "kind": resource.kind.label(),
        "verb": verb(resource.action),
        "id": resource.id,
        "source": resource.source,
        "changes": changes,
    })
}

/// JSON that cannot end the `<script>` element holding it nor open a comment in it: `<`, `>`
/// and `&` only occur inside strings, where `\u003c`-style escapes mean the same.
fn script_safe_json(value: &Value) -> String {
    serde_json::to_string(value)
        .expect("JSON values serialize")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dag::planned_tests::{plan_of, resource};
    use crate::reconcile::Action;
    use crate::reconcile::plan::MemberChange;

    #[test]
    fn data_cannot_close_its_script_element() {
        let text = script_safe_json(&json!({"code": "</script><!-- & -->"}));
        assert!(!text.contains('<') && !text.contains('>'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["code"], "</script><!-- & -->");
    }

    /// 1,000 tasks in 20 workflows of 50, a tenth of them changing with a code diff: the
    /// whole page stays under 2 MB (CI publishes it as an artifact; browsers open it at once).
    #[test]
    fn a_thousand_task_report_is_under_two_megabytes() {
        let code: String = (0..40).map(|line| format!("echo step {line}\n")).collect();
        let mut resources = Vec::new();
        for workflow in 0..20 {
            let workflow_name = format!("workflow_{workflow:02}");
            for task in 0..50 {
                let name = format!("task_{task:02}_with_a_realistic_name");
                let upstream =
                    (task > 0).then(|| format!("task_{:02}_with_a_realistic_name", task - 1));
                let action = if task % 10 == 3 {
                    Action::Update
                } else {
                    Action::NoOp
                };
                let upstreams: Vec<&str> = upstream.iter().map(String::as_str).collect();
                let mut changed = resource(&workflow_name, &name, action, &upstreams);
                if action == Action::Update {
                    changed.changes.push(MemberChange {
                        member: CODE_MEMBER.into(),
                        before: Value::from(code.clone()),
                        after: Value::from(code.replace("step 20", "step twenty")),
                        sensitive: false,
                    });
                    changed.changes.push(MemberChange {
                        member: "scheduler.max_retries".into(),
                        before: json!(4),
                        after: json!(2),
                        sensitive: false,
                    });
                }
                resources.push(changed);
            }
        }
        let plan = plan_of(resources);
        let page = render(&plan);
        assert!(page.len() < 2 * 1024 * 1024, "{} bytes", page.len());
        assert_eq!(page.matches("class=\"node ").count(), 1000);
        assert_eq!(page.matches("<details class=\"workflow\"").count(), 20);
        assert_eq!(
            page.matches(" open>").count(),
            20,
            "every workflow has a change"
        );
        assert!(page.contains("step twenty"));
    }

    #[test]
    fn unchanged_workflows_start_collapsed_and_nothing_points_outside() {
        let mut resources = vec![resource("orders", "load", Action::Update, &[])];
        resources.push(resource("finance", "close", Action::NoOp, &[]));
        let page = render(&plan_of(resources));
        assert!(page.contains("data-workflow=\"w1\" open>"));
        assert!(page.contains("data-workflow=\"w2\">"));
        for remote in [
            "http://", "https://", "src=", "href=", "url(http", "@import",
        ] {
            assert!(!page.contains(remote), "{remote} in the page");
        }
    }
}
