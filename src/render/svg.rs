//! The dependency graph as SVG, laid out by `dag::layout`: one drawing per workflow (its
//! tasks, plus a stand-in for each task of another workflow linked to them, so an edge
//! between workflows is still drawn), stacked into one standalone document for `graph
//! --format svg`, or embedded one per section by the HTML report.
//!
//! Every name is XML-escaped; node identifiers are opaque (`n1`); the only URL in the output
//! is the SVG namespace of the standalone document (an identifier, never fetched).

use std::collections::HashMap;
use std::fmt::Write;

use super::picture::{cluster_caption, colours, cut, dashed, node_label};
use crate::dag::layout::{self, Layout, Point, Spacing};
use crate::dag::{Dag, Status};

/// Characters of a label that fit a box of the default width.
const BOX_CHARACTERS: usize = 27;
const TITLE_HEIGHT: i64 = 26;
const LEGEND_HEIGHT: i64 = 34;

/// One workflow's drawing.
pub struct ClusterView {
    pub cluster: usize,
    /// What is drawn: `(node, stand_in)`, the workflow's own tasks first.
    pub members: Vec<(usize, bool)>,
    /// `(from, to)` indices into `members`.
    pub edges: Vec<(usize, usize)>,
    pub layout: Layout,
}

/// Each workflow's drawing, laid out.
pub fn cluster_views(dag: &Dag) -> Vec<ClusterView> {
    dag.nodes_by_cluster()
        .into_iter()
        .enumerate()
        .map(|(cluster, own)| {
            let mut members: Vec<(usize, bool)> = own.iter().map(|&node| (node, false)).collect();
            let mut local: HashMap<usize, usize> = own
                .iter()
                .enumerate()
                .map(|(position, &node)| (node, position))
                .collect();
            let mut edges = Vec::new();
            for &(from, to) in &dag.edges {
                let from_here = dag.nodes[from].cluster == cluster;
                let to_here = dag.nodes[to].cluster == cluster;
                if !from_here && !to_here {
                    continue;
                }
                let mut place = |node: usize| {
                    *local.entry(node).or_insert_with(|| {
                        members.push((node, true));
                        members.len() - 1
                    })
                };
                let ends = (place(from), place(to));
                edges.push(ends);
            }
            let layout = layout::layered(members.len(), &edges, &Spacing::default());
            ClusterView {
                cluster,
                members,
                edges,
                layout,
            }
        })
        .collect()
}

/// The drawing of one workflow at the origin: edges, then nodes. `id_prefix` keeps marker
/// ids unique when several drawings share a page.
pub fn draw_cluster(out: &mut String, dag: &Dag, view: &ClusterView, id_prefix: &str) {
    let spacing = Spacing::default();
    let _ = write!(
        out,
        "<defs><marker id=\"{id_prefix}arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" markerHeight=\"9\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#57606a\"/></marker></defs>"
    );
    for (edge, points) in view.edges.iter().zip(&view.layout.edges) {
        if points.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<path class=\"edge\" data-from=\"n{}\" data-to=\"n{}\" d=\"{}\" marker-end=\"url(#{id_prefix}arrow)\"/>",
            view.members[edge.0].0 + 1,
            view.members[edge.1].0 + 1,
            path(points)
        );
    }
    for (position, &(node_index, stand_in)) in view.members.iter().enumerate() {
        let node = &dag.nodes[node_index];
        let point = view.layout.nodes[position];
        let label = if stand_in {
            format!(
                "↗ {}/{}",
                dag.clusters[node.cluster].name,
                node_label(node.status, &node.name)
            )
        } else {
            node_label(node.status, &node.name)
        };
        let title = format!(
            "{} ({}){}",
            node.key,
            node.status.caption(),
            if stand_in {
                ", in another workflow"
            } else {
                ""
            }
        );
        let _ = write!(
            out,
            "<g class=\"node {status}{stand_in}\" data-node=\"n{number}\" data-status=\"{status}\" data-address=\"{address}\" transform=\"translate({x},{y})\" tabindex=\"0\" role=\"button\"><title>{title}</title><rect width=\"{width}\" height=\"{height}\" rx=\"6\"/><text x=\"10\" y=\"{baseline}\">{label}</text></g>",
            status = node.status.word(),
            stand_in = if stand_in { " stand-in" } else { "" },
            number = node_index + 1,
            address = escape(&node.key),
            x = point.x,
            y = point.y,
            title = escape(&title),
            width = spacing.node_width,
            height = spacing.node_height,
            baseline = spacing.node_height / 2 + 4,
            label = escape(&cut(&label, BOX_CHARACTERS)),
        );
    }
}

/// A polyline through `points` with smooth bends between layers.
fn path(points: &[Point]) -> String {
    let mut d = format!("M{},{}", points[0].x, points[0].y);
    for pair in points.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        if from.y == to.y {
            let _ = write!(d, " L{},{}", to.x, to.y);
        } else {
            let half = (to.x - from.x) / 2;
            let _ = write!(
                d,
                " C{},{} {},{} {},{}",
                from.x + half,
                from.y,
                to.x - half,
                to.y,
                to.x,
                to.y
            );
        }
    }
    d
}

/// CSS for nodes and edges by status, shared by the standalone SVG and the HTML report.
pub fn stylesheet() -> String {
    let mut css = String::from(
        ".node rect{stroke-width:1.5}.node text,.legend text{font-size:12px;pointer-events:none}\
         .edge{fill:none;stroke:#57606a;stroke-width:1.2}.stand-in rect{stroke-dasharray:2 2}",
    );
    for status in Status::ALL {
        let (fill, stroke, text) = colours(status);
        let dash = if dashed(status) {
            ";stroke-dasharray:5 3"
        } else {
            ""
        };
        let _ = write!(
            css,
            ".{word} rect{{fill:{fill};stroke:{stroke}{dash}}}.{word} text{{fill:{text}}}",
            word = status.word()
        );
    }
    css
}

/// One standalone SVG document: a legend, then each workflow under its caption.
pub fn render(dag: &Dag) -> String {
    let views = cluster_views(dag);
    let margin = 12;
    let width = views
        .iter()
        .map(|view| view.layout.width)
        .max()
        .unwrap_or(0)
        .max(640);
    let height = LEGEND_HEIGHT
        + views
            .iter()
            .map(|view| TITLE_HEIGHT + view.layout.height + margin)
            .sum::<i64>();
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\">\n<style>{}.caption{{font-size:13px;font-weight:bold;fill:#24292f}}.frame{{fill:none;stroke:#d0d7de}}</style>\n",
        stylesheet()
    );
    out.push_str(&legend(dag, margin));
    let mut top = LEGEND_HEIGHT;
    for (position, view) in views.iter().enumerate() {
        let _ = write!(
            out,
            "<g transform=\"translate(0,{top})\"><text class=\"caption\" x=\"{margin}\" y=\"18\">{}</text>",
            escape(&cluster_caption(&dag.clusters[view.cluster]))
        );
        let _ = write!(
            out,
            "<rect class=\"frame\" x=\"2\" y=\"{TITLE_HEIGHT}\" width=\"{}\" height=\"{}\" rx=\"8\"/><g transform=\"translate(0,{TITLE_HEIGHT})\">",
            width - 4,
            view.layout.height
        );
        draw_cluster(&mut out, dag, view, &format!("w{}-", position + 1));
        out.push_str("</g></g>\n");
        top += TITLE_HEIGHT + view.layout.height + margin;
    }
    out.push_str("</svg>\n");
    out
}

/// A row of sample boxes, one per status in the picture.
fn legend(dag: &Dag, margin: i64) -> String {
    let mut out = String::from("<g class=\"legend\">");
    let mut x = margin;
    for status in dag.statuses() {
        let caption = node_label(status, status.caption());
        let width = 16 + 7 * caption.chars().count() as i64;
        let _ = write!(
            out,
            "<g class=\"{}\" transform=\"translate({x},6)\"><rect width=\"{width}\" height=\"22\" rx=\"5\"/><text x=\"8\" y=\"15\">{}</text></g>",
            status.word(),
            escape(&caption)
        );
        x += width + 8;
    }
    out.push_str("</g>\n");
    out
}

/// Text and attribute values for XML and HTML: markup characters as references, control
/// characters (invalid in XML) as U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(' '),
            character if character.is_control() => out.push('\u{FFFD}'),
            character => out.push(character),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dag::{Cluster, Node};

    #[test]
    fn an_edge_between_workflows_is_drawn_in_both_with_a_stand_in() {
        let mut dag = Dag::default();
        for name in ["a", "b"] {
            dag.clusters.push(Cluster {
                name: name.into(),
                status: None,
                omitted: Default::default(),
            });
        }
        for (name, cluster) in [("x", 0), ("y", 1)] {
            dag.nodes.push(Node {
                key: name.into(),
                name: name.into(),
                cluster,
                status: Status::Declared,
                id: None,
            });
        }
        dag.edges.push((0, 1));
        let views = cluster_views(&dag);
        assert_eq!(views[0].members, vec![(0, false), (1, true)]);
        assert_eq!(views[1].members, vec![(1, false), (0, true)]);
        assert_eq!(views[1].edges, vec![(1, 0)]);
        let svg = render(&dag);
        assert_eq!(svg.matches("class=\"edge\"").count(), 2);
        assert!(svg.contains("↗ b/y"));
    }

    #[test]
    fn escaping_leaves_no_markup() {
        assert_eq!(
            escape("<script>\"'&\u{1}"),
            "&lt;script&gt;&quot;&#39;&amp;\u{FFFD}"
        );
    }
}
