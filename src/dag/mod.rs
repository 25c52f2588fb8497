//! The task dependency graph as something to look at: a [`Dag`] of task nodes grouped into
//! workflow clusters, each node with the status a picture colours it by, and edges in the
//! direction data flows (upstream → downstream).
//!
//! Built from a plan (`planned`: what changes and its neighbours), from the manifests
//! (`declared`: the repository's DAG) or from WeData's answers (`declared::live`), narrowed by
//! `select` patterns, and laid out by `layout` for the SVG and HTML views. Pure: no I/O, no
//! rendering (the `render` module draws a `Dag`), and it never decides anything a plan acts on.

mod declared;
pub mod layout;
mod planned;
mod select;

use std::collections::{BTreeMap, HashMap, HashSet};

pub use declared::{declared, live};
pub use planned::from_plan;
#[cfg(test)]
pub(crate) use planned::tests as planned_tests;
pub use select::{SelectError, select};

/// What a node (or a workflow) is in the picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Create,
    /// An update, or a submit of a saved but unsubmitted task.
    Update,
    Replace,
    Delete,
    /// Managed by the repository and unchanged by the plan.
    Unchanged,
    /// Declared by the repository (the `graph` command, where no plan says what changes).
    Declared,
    /// Not managed by the repository: a live task nobody declares, a task referenced only by
    /// its id, or a neighbour from WeData's lookups. Context only.
    Unmanaged,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Create,
        Status::Update,
        Status::Replace,
        Status::Delete,
        Status::Unchanged,
        Status::Declared,
        Status::Unmanaged,
    ];

    /// Whether the plan changes it.
    pub fn is_change(self) -> bool {
        matches!(
            self,
            Status::Create | Status::Update | Status::Replace | Status::Delete
        )
    }

    /// The word used in legends, CSS classes and filters.
    pub fn word(self) -> &'static str {
        match self {
            Status::Create => "create",
            Status::Update => "update",
            Status::Replace => "replace",
            Status::Delete => "delete",
            Status::Unchanged => "unchanged",
            Status::Declared => "declared",
            Status::Unmanaged => "unmanaged",
        }
    }

    /// How the legend explains it.
    pub fn caption(self) -> &'static str {
        match self {
            Status::Create => "create",
            Status::Update => "update",
            Status::Replace => "replace",
            Status::Delete => "delete",
            Status::Unchanged => "unchanged",
            Status::Declared => "declared",
            Status::Unmanaged => "not managed here",
        }
    }

    /// The plan's marker, so a picture reads without colour too.
    pub fn marker(self) -> &'static str {
        match self {
            Status::Create => "+",
            Status::Update => "~",
            Status::Replace => "-/+",
            Status::Delete => "-",
            Status::Unchanged | Status::Declared | Status::Unmanaged => "",
        }
    }
}

/// One task in the picture.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What identifies it across views: a plan address (`task.<workflow>.<name>`), or
    /// `id:<TaskId>` for a task known only by its id. Never used as a diagram identifier.
    pub key: String,
    pub name: String,
    /// Index into [`Dag::clusters`].
    pub cluster: usize,
    pub status: Status,
    /// The live id, when known.
    pub id: Option<String>,
}

/// A workflow: the box its tasks are drawn in.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    pub name: String,
    /// The workflow's own change, when the plan has one.
    pub status: Option<Status>,
    /// Tasks of this workflow the view leaves out, by status (after narrowing).
    pub omitted: BTreeMap<Status, usize>,
}

impl Cluster {
    fn new(name: &str) -> Self {
        Self {
            name: name.to_owned(),
            status: None,
            omitted: BTreeMap::new(),
        }
    }

    pub fn omitted_count(&self) -> usize {
        self.omitted.values().sum()
    }
}

/// Tasks grouped into workflows, with edges from upstream to downstream.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dag {
    pub clusters: Vec<Cluster>,
    pub nodes: Vec<Node>,
    /// `(upstream, downstream)` node indices, sorted, without duplicates or self-loops.
    pub edges: Vec<(usize, usize)>,
}

impl Dag {
    /// The cluster of this name, added if new.
    fn cluster(&mut self, name: &str) -> usize {
        match self
            .clusters
            .iter()
            .position(|cluster| cluster.name == name)
        {
            Some(position) => position,
            None => {
                self.clusters.push(Cluster::new(name));
                self.clusters.len() - 1
            }
        }
    }

    fn add_node(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    fn finish_edges(&mut self) {
        self.edges
            .retain(|(upstream, downstream)| upstream != downstream);
        self.edges.sort_unstable();
        self.edges.dedup();
    }

    /// Whether anything in the picture changes.
    pub fn has_changes(&self) -> bool {
        self.nodes.iter().any(|node| node.status.is_change())
            || self
                .clusters
                .iter()
                .any(|cluster| cluster.status.is_some_and(Status::is_change))
    }

    /// The statuses present (nodes and workflows), in legend order.
    pub fn statuses(&self) -> Vec<Status> {
        let present: HashSet<Status> = self
            .nodes
            .iter()
            .map(|node| node.status)
            .chain(self.clusters.iter().filter_map(|cluster| cluster.status))
            .collect();
        Status::ALL
            .into_iter()
            .filter(|status| present.contains(status))
            .collect()
    }

    /// Nodes by cluster, in node order.
    pub fn nodes_by_cluster(&self) -> Vec<Vec<usize>> {
        let mut grouped = vec![Vec::new(); self.clusters.len()];
        for (index, node) in self.nodes.iter().enumerate() {
            grouped[node.cluster].push(index);
        }
        grouped
    }

    /// The view keeping only the nodes `keep` says, the edges between them, and the clusters
    /// that still have a node or a change of their own; what is left out is counted in each
    /// cluster's `omitted`.
    pub fn retain(&self, keep: impl Fn(usize, &Node) -> bool) -> Dag {
        let mut clusters = self.clusters.clone();
        let mut renumbered: HashMap<usize, usize> = HashMap::new();
        let mut nodes = Vec::new();
        for (index, node) in self.nodes.iter().enumerate() {
            if keep(index, node) {
                renumbered.insert(index, nodes.len());
                nodes.push(node.clone());
            } else {
                *clusters[node.cluster]
                    .omitted
                    .entry(node.status)
                    .or_default() += 1;
            }
        }
        let used: HashSet<usize> = nodes.iter().map(|node| node.cluster).collect();
        let mut cluster_renumbered: HashMap<usize, usize> = HashMap::new();
        let mut kept_clusters = Vec::new();
        for (index, cluster) in clusters.into_iter().enumerate() {
            if used.contains(&index) || cluster.status.is_some_and(Status::is_change) {
                cluster_renumbered.insert(index, kept_clusters.len());
                kept_clusters.push(cluster);
            }
        }
        for node in &mut nodes {
            node.cluster = cluster_renumbered[&node.cluster];
        }
        let edges = self
            .edges
            .iter()
            .filter_map(|(upstream, downstream)| {
                Some((*renumbered.get(upstream)?, *renumbered.get(downstream)?))
            })
            .collect();
        let mut view = Dag {
            clusters: kept_clusters,
            nodes,
            edges,
        };
        view.finish_edges();
        view
    }

    /// What changes and its direct upstream and downstream tasks, plus the tasks nobody
    /// manages in the workflows that change: the picture of a pull-request comment.
    pub fn around_changes(&self) -> Dag {
        let changed: HashSet<usize> = (0..self.nodes.len())
            .filter(|&index| self.nodes[index].status.is_change())
            .collect();
        let mut keep = changed.clone();
        for (upstream, downstream) in &self.edges {
            if changed.contains(upstream) {
                keep.insert(*downstream);
            }
            if changed.contains(downstream) {
                keep.insert(*upstream);
            }
        }
        let changing_clusters: HashSet<usize> = self
            .clusters
            .iter()
            .enumerate()
            .filter(|(_, cluster)| cluster.status.is_some_and(Status::is_change))
            .map(|(index, _)| index)
            .chain(changed.iter().map(|&index| self.nodes[index].cluster))
            .collect();
        self.retain(|index, node| {
            keep.contains(&index)
                || (node.status == Status::Unmanaged && changing_clusters.contains(&node.cluster))
        })
    }

    /// Only the changing tasks (and edges between them).
    pub fn changes_only(&self) -> Dag {
        self.retain(|_, node| node.status.is_change())
    }

    /// The `start` nodes and every node reached from them by following edges upstream (when
    /// `upstream`) or downstream.
    pub(crate) fn reachable(&self, start: &[usize], upstream: bool) -> HashSet<usize> {
        let mut next: HashMap<usize, Vec<usize>> = HashMap::new();
        for (from, to) in &self.edges {
            if upstream {
                next.entry(*to).or_default().push(*from);
            } else {
                next.entry(*from).or_default().push(*to);
            }
        }
        let mut seen: HashSet<usize> = start.iter().copied().collect();
        let mut queue: Vec<usize> = start.to_vec();
        while let Some(node) = queue.pop() {
            for &neighbour in next.get(&node).into_iter().flatten() {
                if seen.insert(neighbour) {
                    queue.push(neighbour);
                }
            }
        }
        seen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(name: &str, cluster: usize, status: Status) -> Node {
        Node {
            key: format!("task.w.{name}"),
            name: name.to_owned(),
            cluster,
            status,
            id: None,
        }
    }

    fn chain() -> Dag {
        // a -> b -> c -> d, e unmanaged in the same workflow, f in another untouched workflow
        let mut dag = Dag::default();
        dag.clusters.push(Cluster::new("w"));
        dag.clusters.push(Cluster::new("other"));
        for (name, status) in [
            ("a", Status::Unchanged),
            ("b", Status::Update),
            ("c", Status::Unchanged),
            ("d", Status::Unchanged),
            ("e", Status::Unmanaged),
        ] {
            dag.add_node(node(name, 0, status));
        }
        dag.add_node(node("f", 1, Status::Unchanged));
        dag.edges = vec![(0, 1), (1, 2), (2, 3)];
        dag
    }

    #[test]
    fn around_changes_keeps_direct_neighbours_and_the_unmanaged_tasks_of_changed_workflows() {
        let view = chain().around_changes();
        let names: Vec<&str> = view.nodes.iter().map(|node| node.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c", "e"]);
        assert_eq!(view.edges, vec![(0, 1), (1, 2)]);
        assert_eq!(view.clusters.len(), 1, "the untouched workflow is gone");
        assert_eq!(view.clusters[0].omitted[&Status::Unchanged], 1);
    }

    #[test]
    fn changes_only_counts_what_it_leaves_out() {
        let view = chain().changes_only();
        assert_eq!(view.nodes.len(), 1);
        assert!(view.edges.is_empty());
        assert_eq!(view.clusters[0].omitted_count(), 4);
        assert_eq!(view.statuses(), vec![Status::Update]);
    }

    #[test]
    fn reachable_follows_edges_in_one_direction() {
        let dag = chain();
        let mut downstream: Vec<usize> = dag.reachable(&[1], false).into_iter().collect();
        downstream.sort_unstable();
        assert_eq!(downstream, [1, 2, 3]);
        let mut upstream: Vec<usize> = dag.reachable(&[2], true).into_iter().collect();
        upstream.sort_unstable();
        assert_eq!(upstream, [0, 1, 2]);
    }
}
