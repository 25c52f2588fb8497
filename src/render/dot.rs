//! The dependency graph in Graphviz DOT, for `dot -Tsvg` and other tools: workflows as
//! clusters, tasks coloured by status, a legend cluster. Identifiers are opaque (`n1`,
//! `cluster_1`); labels are quoted strings with `"` and `\` escaped, so no name can end a
//! string or smuggle a DOT escape such as `\N`.

use std::fmt::Write;

use super::picture::{cluster_caption, colours, dashed, node_label};
use crate::dag::{Dag, Status};

pub fn render(dag: &Dag) -> String {
    let mut out = String::from("digraph wedata {\n");
    out.push_str("  rankdir=LR;\n");
    out.push_str(
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n",
    );
    out.push_str("  edge [color=\"#57606a\"];\n");
    for (cluster, members) in dag.nodes_by_cluster().into_iter().enumerate() {
        let caption = cluster_caption(&dag.clusters[cluster]);
        let _ = writeln!(out, "  subgraph cluster_{} {{", cluster + 1);
        let _ = writeln!(out, "    label={};", quote(&caption));
        out.push_str("    style=rounded; color=\"#d0d7de\";\n");
        for index in members {
            let node = &dag.nodes[index];
            let _ = writeln!(
                out,
                "    n{} [label={}, {}];",
                index + 1,
                quote(&node_label(node.status, &node.name)),
                attributes(node.status)
            );
        }
        out.push_str("  }\n");
    }
    for (upstream, downstream) in &dag.edges {
        let _ = writeln!(out, "  n{} -> n{};", upstream + 1, downstream + 1);
    }
    let statuses = dag.statuses();
    if !statuses.is_empty() {
        out.push_str("  subgraph cluster_legend {\n    label=\"Legend\";\n    style=dashed; color=\"#d0d7de\";\n");
        for (position, status) in statuses.iter().enumerate() {
            let _ = writeln!(
                out,
                "    l{} [label={}, {}];",
                position + 1,
                quote(&node_label(*status, status.caption())),
                attributes(*status)
            );
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}

fn attributes(status: Status) -> String {
    let (fill, stroke, text) = colours(status);
    let style = if dashed(status) {
        "rounded,filled,dashed"
    } else {
        "rounded,filled"
    };
    format!("fillcolor=\"{fill}\", color=\"{stroke}\", fontcolor=\"{text}\", style=\"{style}\"")
}

/// A DOT quoted string: `\` and `"` escaped, control characters as spaces.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            character if character.is_control() => out.push(' '),
            character => out.push(character),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_keeps_hostile_names_inside_the_string() {
        assert_eq!(quote("a\"b"), "\"a\\\"b\"");
        assert_eq!(quote("\\N -> x\n"), "\"\\\\N -> x \"");
        assert_eq!(quote("}; n1 -> n2; {"), "\"}; n1 -> n2; {\"");
    }
}
