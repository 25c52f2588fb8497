//! The dependency graph as a Mermaid `flowchart`, which GitHub and GitLab draw inside a
//! comment: workflows as subgraphs, tasks coloured by status, a legend.
//!
//! Identifiers are opaque (`n1`, `w1`, `l1`), never derived from names, and every label is
//! quoted with each character Mermaid or Markdown could read as syntax written as a Mermaid
//! entity code (`#quot;`, `#91;`, ...), so no name can end a label, add an edge, close the
//! code fence or inject HTML. The plan's picture shrinks in steps to stay readable and within
//! what the code hosts draw: changes with their neighbours while that is at most
//! [`MAXIMUM_NODES`] tasks, else the changed tasks only, else one node per workflow.

use std::fmt::Write;

use super::picture::{cluster_caption, colours, dashed, node_label, one_line};
use crate::dag::{self, Dag, Status};
use crate::reconcile::Plan;

/// The most task nodes drawn in a comment (GitHub also stops at 500 edges and 50,000
/// characters of Mermaid; a picture beyond ~60 boxes is no longer read anyway).
pub const MAXIMUM_NODES: usize = 60;
/// The most characters of Mermaid in a comment (well under the hosts' 50,000).
pub const MAXIMUM_CHARACTERS: usize = 20_000;

/// A picture for the plan comment, with a sentence saying what was left out, if anything.
pub struct PlanPicture {
    pub flowchart: String,
    pub note: Option<String>,
}

/// The plan's picture, or `None` when nothing changes.
pub fn plan_picture(plan: &Plan) -> Option<PlanPicture> {
    let whole = dag::from_plan(plan);
    if !whole.has_changes() {
        return None;
    }
    let fits = |view: &Dag, flowchart: &str| {
        view.nodes.len() <= MAXIMUM_NODES && flowchart.len() <= MAXIMUM_CHARACTERS
    };
    let around = whole.around_changes();
    let flowchart = render(&around);
    if fits(&around, &flowchart) {
        return Some(PlanPicture {
            flowchart,
            note: None,
        });
    }
    let changes = whole.changes_only();
    let flowchart = render(&changes);
    if fits(&changes, &flowchart) {
        return Some(PlanPicture {
            flowchart,
            note: Some(format!(
                "The changes and their neighbours are {} tasks, over the {MAXIMUM_NODES} a comment can show: only the {} changing tasks are drawn; each workflow's title counts the others. `plan --format html` draws everything.",
                around.nodes.len(),
                changes.nodes.len()
            )),
        });
    }
    Some(PlanPicture {
        flowchart: workflows(&changes),
        note: Some(format!(
            "{} tasks change, over the {MAXIMUM_NODES} a comment can show: one box per workflow with its counts. `plan --format html` draws every task.",
            changes.nodes.len()
        )),
    })
}

/// A flowchart of every node and edge of `dag`, with a legend of the statuses it uses.
pub fn render(dag: &Dag) -> String {
    let mut out = String::from("flowchart LR\n");
    for (cluster, members) in dag.nodes_by_cluster().into_iter().enumerate() {
        let _ = writeln!(
            out,
            "  subgraph w{} [\"{}\"]",
            cluster + 1,
            escape(&cluster_caption(&dag.clusters[cluster]))
        );
        for index in members {
            let node = &dag.nodes[index];
            let _ = writeln!(
                out,
                "    n{}[\"{}\"]",
                index + 1,
                escape(&node_label(node.status, &node.name))
            );
        }
        let _ = writeln!(out, "  end");
    }
    for (upstream, downstream) in &dag.edges {
        let _ = writeln!(out, "  n{} --> n{}", upstream + 1, downstream + 1);
    }
    let statuses = dag.statuses();
    legend(&mut out, &statuses);
    for status in statuses {
        let members: Vec<String> = dag
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| node.status == status)
            .map(|(index, _)| format!("n{}", index + 1))
            .collect();
        if !members.is_empty() {
            let _ = writeln!(out, "  class {} {}", members.join(","), status.word());
        }
    }
    out
}

/// One node per workflow with the counts of its changes: the picture of a very large plan.
fn workflows(changes: &Dag) -> String {
    let mut out = String::from("flowchart LR\n");
    let mut used = Vec::new();
    let grouped = changes.nodes_by_cluster();
    for (cluster, members) in grouped.iter().enumerate() {
        if cluster == MAXIMUM_NODES {
            let _ = writeln!(
                out,
                "  more[\"{} more workflows\"]",
                grouped.len() - MAXIMUM_NODES
            );
            break;
        }
        let counts: Vec<String> = [
            Status::Create,
            Status::Update,
            Status::Replace,
            Status::Delete,
        ]
        .into_iter()
        .filter_map(|status| {
            let count = members
                .iter()
                .filter(|&&index| changes.nodes[index].status == status)
                .count();
            (count > 0).then(|| format!("{count} {}", status.word()))
        })
        .collect();
        let strongest = [
            Status::Replace,
            Status::Delete,
            Status::Update,
            Status::Create,
        ]
        .into_iter()
        .find(|status| {
            members
                .iter()
                .any(|&index| changes.nodes[index].status == *status)
        })
        .or(changes.clusters[cluster].status)
        .unwrap_or(Status::Unchanged);
        let caption = format!(
            "{}: {}",
            one_line(&changes.clusters[cluster].name),
            if counts.is_empty() {
                "workflow only".to_owned()
            } else {
                counts.join(", ")
            }
        );
        let _ = writeln!(out, "  w{}[\"{}\"]", cluster + 1, escape(&caption));
        used.push((cluster, strongest));
    }
    let mut statuses: Vec<Status> = used.iter().map(|(_, status)| *status).collect();
    statuses.sort();
    statuses.dedup();
    legend(&mut out, &statuses);
    for status in statuses {
        let members: Vec<String> = used
            .iter()
            .filter(|(_, used_status)| *used_status == status)
            .map(|(cluster, _)| format!("w{}", cluster + 1))
            .collect();
        let _ = writeln!(out, "  class {} {}", members.join(","), status.word());
    }
    out
}

/// The class definitions and a legend subgraph with one sample node per status.
fn legend(out: &mut String, statuses: &[Status]) {
    if statuses.is_empty() {
        return;
    }
    let _ = writeln!(out, "  subgraph legend [\"Legend\"]");
    let _ = writeln!(out, "    direction LR");
    for (position, status) in statuses.iter().enumerate() {
        let sample = match status.marker() {
            "" => status.caption().to_owned(),
            marker => format!("{marker} {}", status.caption()),
        };
        let _ = writeln!(
            out,
            "    l{}[\"{}\"]:::{}",
            position + 1,
            escape(&sample),
            status.word()
        );
    }
    let _ = writeln!(out, "  end");
    for status in statuses {
        let (fill, stroke, text) = colours(*status);
        let dash = if dashed(*status) {
            ",stroke-dasharray:4 3"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  classDef {} fill:{fill},stroke:{stroke},color:{text}{dash}",
            status.word()
        );
    }
}

/// A label's text for inside `["..."]`: letters, digits, spaces and harmless punctuation
/// stay; everything Mermaid, Markdown or HTML could read as syntax becomes an entity code.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in one_line_unbounded(text).chars() {
        match character {
            '"' => out.push_str("#quot;"),
            '&' => out.push_str("#amp;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            character
                if character.is_alphanumeric()
                    || matches!(
                        character,
                        ' ' | '_'
                            | '.'
                            | ','
                            | '-'
                            | '+'
                            | '/'
                            | ':'
                            | '~'
                            | '='
                            | '@'
                            | '!'
                            | '?'
                            | '\''
                            | '…'
                    ) =>
            {
                out.push(character)
            }
            character if !character.is_ascii() && !character.is_whitespace() => out.push(character),
            // Brackets, parentheses, braces, `|`, `#`, `;`, backticks, `%`, `\`, `*`, `$`, ...
            character => {
                let _ = write!(out, "#{};", u32::from(character));
            }
        }
    }
    out
}

/// Control characters as spaces (labels are already cut by `one_line`; this also covers
/// captions built around them).
fn one_line_unbounded(text: &str) -> String {
    text.chars()
        .map(|character| {
            if character.is_control() || character.is_whitespace() {
                ' '
            } else {
                character
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dag::planned_tests::{plan_of, resource};
    use crate::reconcile::Action;

    #[test]
    fn hostile_names_become_entity_codes() {
        let escaped = escape("a\"]-->b[(x)]{y}|z#1;<b>`</details>`%%\\");
        for forbidden in [
            '"', '[', ']', '(', ')', '{', '}', '|', '<', '>', '`', '\\', '%',
        ] {
            assert!(!escaped.contains(forbidden), "{forbidden} in {escaped}");
        }
        assert!(!escaped.contains("-->"));
        assert!(
            escaped.starts_with("a#quot;#93;--#gt;b#91;#40;x#41;#93;#123;y#125;#124;z#35;1#59;")
        );
        // A `#` only ever starts an entity: every one is closed by `;` right after digits or a name.
        assert_eq!(escape("line\nbreak\u{2028}"), "line break ");
    }

    #[test]
    fn the_plan_picture_shrinks_with_the_plan() {
        let mut resources = vec![resource("orders", "extract", Action::NoOp, &[])];
        resources.push(resource("orders", "load", Action::Update, &["extract"]));
        let small = plan_picture(&plan_of(resources.clone())).unwrap();
        assert!(small.note.is_none());
        assert!(small.flowchart.contains("n1 --> n2"), "{}", small.flowchart);

        // 70 changed tasks each with an unchanged upstream: over 60 with neighbours.
        let mut resources = Vec::new();
        for index in 0..70 {
            let upstream = format!("up{index}");
            resources.push(resource("orders", &upstream, Action::NoOp, &[]));
            resources.push(resource(
                "orders",
                &format!("t{index}"),
                Action::Update,
                &[&upstream],
            ));
        }
        let big = plan_picture(&plan_of(resources.clone())).unwrap();
        assert!(big.note.unwrap().contains("70 tasks change"));
        // 70 changes are also over 60 on their own: one box per workflow.
        assert!(
            big.flowchart.contains("orders: 70 update"),
            "{}",
            big.flowchart
        );
        assert!(!big.flowchart.contains("n1"));

        resources.truncate(100); // 50 changes, 50 upstreams
        let medium = plan_picture(&plan_of(resources)).unwrap();
        assert!(medium.note.unwrap().contains("only the 50 changing tasks"));
        assert!(
            medium.flowchart.contains("50 more tasks not shown"),
            "{}",
            medium.flowchart
        );
        assert_eq!(medium.flowchart.matches("[\"~ t").count(), 50);
    }

    #[test]
    fn past_sixty_workflows_the_rest_are_counted() {
        let resources = (0..70)
            .map(|index| resource(&format!("flow_{index:02}"), "load", Action::Create, &[]))
            .collect();
        let picture = plan_picture(&plan_of(resources)).unwrap();
        assert_eq!(picture.flowchart.matches("1 create").count(), MAXIMUM_NODES);
        assert!(picture.flowchart.contains("more[\"10 more workflows\"]"));
        assert!(picture.flowchart.len() < MAXIMUM_CHARACTERS);
    }

    #[test]
    fn no_changes_no_picture() {
        let plan = plan_of(vec![resource("orders", "extract", Action::NoOp, &[])]);
        assert!(plan_picture(&plan).is_none());
    }
}
