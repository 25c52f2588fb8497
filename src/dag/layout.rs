//! A layered (Sugiyama) drawing of a directed graph, left to right: coordinates only, no
//! drawing. Deterministic: the same graph always gets the same picture, so rendered views
//! can be pinned by snapshots.
//!
//! The four classic steps, each kept simple: (1) cycles are broken by reversing the edges a
//! depth-first search finds going back; (2) layers by longest path from the sources, sources
//! pulled right next to their first successor; (3) long edges get a virtual node per layer
//! they cross, and each layer is ordered by barycenter sweeps down and up, keeping the order
//! with the fewest crossings; (4) vertical positions come from alternating passes that put each
//! node as close as possible to the mean of its neighbours without overlapping (an isotonic
//! regression, solved exactly by pooling adjacent violators).
//!
//! A hand-written layout rather than a crate: the views need workflow clusters, stable output
//! for snapshots and a few hundred lines suffice; the layered-graph crates render their own
//! SVG and would still need this much glue.

/// A point in the picture, in whole pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub x: i64,
    pub y: i64,
}

/// Sizes and gaps of a drawing.
#[derive(Debug, Clone, Copy)]
pub struct Spacing {
    pub node_width: i64,
    pub node_height: i64,
    /// Between layers (columns).
    pub layer_gap: i64,
    /// Between nodes of one layer.
    pub node_gap: i64,
    pub margin: i64,
}

impl Default for Spacing {
    fn default() -> Self {
        Self {
            node_width: 190,
            node_height: 30,
            layer_gap: 60,
            node_gap: 14,
            margin: 12,
        }
    }
}

/// Where everything goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The top-left corner of each node's box.
    pub nodes: Vec<Point>,
    /// For each input edge, its line from the upstream's right side to the downstream's left
    /// side (empty for a self-loop, which is not drawn).
    pub edges: Vec<Vec<Point>>,
    pub width: i64,
    pub height: i64,
}

/// Sweeps of barycenter ordering; more rarely find fewer crossings on pipeline graphs.
const ORDERING_SWEEPS: usize = 12;
/// Alternating passes of vertical positioning.
const POSITIONING_PASSES: usize = 8;

/// Lays out `count` nodes and the `edges` (`(from, to)` indices) from left to right.
pub fn layered(count: usize, edges: &[(usize, usize)], spacing: &Spacing) -> Layout {
    let oriented = break_cycles(count, edges);
    let layer = assign_layers(count, &oriented);
    let mut graph = VirtualGraph::new(count, &layer);
    let chains: Vec<Option<Vec<usize>>> = oriented
        .iter()
        .map(|edge| edge.map(|(from, to, _)| graph.chain(from, to)))
        .collect();
    let order = graph.order();
    let centers = graph.positions(&order, spacing);

    let layer_x =
        |layer: usize| spacing.margin + layer as i64 * (spacing.node_width + spacing.layer_gap);
    let nodes: Vec<Point> = (0..count)
        .map(|node| Point {
            x: layer_x(graph.layer[node]),
            y: (centers[node] - spacing.node_height as f64 / 2.0).round() as i64,
        })
        .collect();
    let center_y = |node: usize| centers[node].round() as i64;
    let edge_points = oriented
        .iter()
        .zip(&chains)
        .map(|(edge, chain)| {
            let (Some((_, _, reversed)), Some(chain)) = (edge, chain) else {
                return Vec::new();
            };
            let first = chain[0];
            let last = chain[chain.len() - 1];
            let mut points = vec![Point {
                x: layer_x(graph.layer[first]) + spacing.node_width,
                y: center_y(first),
            }];
            for &virtual_node in &chain[1..chain.len() - 1] {
                let x = layer_x(graph.layer[virtual_node]);
                let y = center_y(virtual_node);
                points.push(Point { x, y });
                points.push(Point {
                    x: x + spacing.node_width,
                    y,
                });
            }
            points.push(Point {
                x: layer_x(graph.layer[last]),
                y: center_y(last),
            });
            if *reversed {
                points.reverse();
            }
            points
        })
        .collect();
    let layers = graph.layer.iter().max().map_or(0, |last| last + 1) as i64;
    let width = if count == 0 {
        2 * spacing.margin
    } else {
        2 * spacing.margin + layers * spacing.node_width + (layers - 1) * spacing.layer_gap
    };
    let bottom = nodes
        .iter()
        .map(|point| point.y + spacing.node_height)
        .chain((count..graph.layer.len()).map(center_y))
        .max()
        .unwrap_or(0);
    Layout {
        nodes,
        edges: edge_points,
        width,
        height: bottom.max(spacing.margin) + spacing.margin,
    }
}

/// Each edge as `(from, to, reversed)` with back edges of a depth-first search reversed, so
/// the graph is acyclic; `None` for self-loops and edges naming no node.
fn break_cycles(count: usize, edges: &[(usize, usize)]) -> Vec<Option<(usize, usize, bool)>> {
    let mut outgoing: Vec<Vec<(usize, usize)>> = vec![Vec::new(); count];
    for (position, &(from, to)) in edges.iter().enumerate() {
        if from != to && from < count && to < count {
            outgoing[from].push((to, position));
        }
    }
    let mut reversed = vec![false; edges.len()];
    // 0: not seen, 1: on the search path, 2: done.
    let mut state = vec![0u8; count];
    for root in 0..count {
        if state[root] != 0 {
            continue;
        }
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&(target, position)) = outgoing[node].get(*next) {
                *next += 1;
                match state[target] {
                    0 => {
                        state[target] = 1;
                        stack.push((target, 0));
                    }
                    1 => reversed[position] = true,
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    edges
        .iter()
        .enumerate()
        .map(|(position, &(from, to))| {
            if from == to || from >= count || to >= count {
                None
            } else if reversed[position] {
                Some((to, from, true))
            } else {
                Some((from, to, false))
            }
        })
        .collect()
}

/// Longest path from the sources; then every source moves right to just before its nearest
/// successor, so a task feeding only late work is drawn next to it.
fn assign_layers(count: usize, edges: &[Option<(usize, usize, bool)>]) -> Vec<usize> {
    let mut incoming = vec![0usize; count];
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); count];
    for &(from, to, _) in edges.iter().flatten() {
        incoming[to] += 1;
        outgoing[from].push(to);
    }
    let sources: Vec<bool> = incoming.iter().map(|&count| count == 0).collect();
    let mut remaining = incoming.clone();
    let mut ready: std::collections::VecDeque<usize> =
        (0..count).filter(|&node| remaining[node] == 0).collect();
    let mut topological = Vec::with_capacity(count);
    let mut layer = vec![0usize; count];
    while let Some(node) = ready.pop_front() {
        topological.push(node);
        for &next in &outgoing[node] {
            layer[next] = layer[next].max(layer[node] + 1);
            remaining[next] -= 1;
            if remaining[next] == 0 {
                ready.push_back(next);
            }
        }
    }
    for &node in topological.iter().rev() {
        if sources[node] {
            if let Some(nearest) = outgoing[node].iter().map(|&next| layer[next]).min() {
                layer[node] = nearest - 1;
            }
        }
    }
    layer
}

/// The graph with a virtual node wherever a long edge crosses a layer.
struct VirtualGraph {
    /// Layer of every node, real ones first.
    layer: Vec<usize>,
    real: usize,
    up: Vec<Vec<usize>>,
    down: Vec<Vec<usize>>,
}

impl VirtualGraph {
    fn new(count: usize, layer: &[usize]) -> Self {
        Self {
            layer: layer.to_vec(),
            real: count,
            up: vec![Vec::new(); count],
            down: vec![Vec::new(); count],
        }
    }

    /// Links `from` to `to` through one virtual node per layer in between; returns the chain.
    fn chain(&mut self, from: usize, to: usize) -> Vec<usize> {
        let mut chain = vec![from];
        let mut previous = from;
        for layer in self.layer[from] + 1..self.layer[to] {
            let virtual_node = self.layer.len();
            self.layer.push(layer);
            self.up.push(Vec::new());
            self.down.push(Vec::new());
            self.link(previous, virtual_node);
            chain.push(virtual_node);
            previous = virtual_node;
        }
        self.link(previous, to);
        chain.push(to);
        chain
    }

    fn link(&mut self, from: usize, to: usize) {
        self.down[from].push(to);
        self.up[to].push(from);
    }

    fn layer_count(&self) -> usize {
        self.layer.iter().max().map_or(0, |last| last + 1)
    }

    /// The nodes of each layer, top to bottom, with few crossings.
    fn order(&self) -> Vec<Vec<usize>> {
        let mut layers: Vec<Vec<usize>> = vec![Vec::new(); self.layer_count()];
        // Start from depth-first visiting order, so chains begin together.
        let mut visited = vec![false; self.layer.len()];
        for root in 0..self.real {
            if visited[root] {
                continue;
            }
            let mut stack = vec![root];
            while let Some(node) = stack.pop() {
                if std::mem::replace(&mut visited[node], true) {
                    continue;
                }
                layers[self.layer[node]].push(node);
                stack.extend(self.down[node].iter().rev().filter(|&&next| !visited[next]));
            }
        }
        let mut best = layers.clone();
        let mut fewest = self.crossings(&layers);
        for sweep in 0..ORDERING_SWEEPS {
            if fewest == 0 {
                break;
            }
            let downward = sweep % 2 == 0;
            let steps: Vec<usize> = if downward {
                (1..layers.len()).collect()
            } else {
                (0..layers.len().saturating_sub(1)).rev().collect()
            };
            for layer in steps {
                let reference = if downward { layer - 1 } else { layer + 1 };
                let position = positions_in(&layers[reference], self.layer.len());
                let neighbours = if downward { &self.up } else { &self.down };
                let keyed: Vec<(f64, usize, usize)> = layers[layer]
                    .iter()
                    .enumerate()
                    .map(|(current, &node)| {
                        let around: Vec<f64> = neighbours[node]
                            .iter()
                            .map(|&other| position[other] as f64)
                            .collect();
                        let key = if around.is_empty() {
                            current as f64
                        } else {
                            around.iter().sum::<f64>() / around.len() as f64
                        };
                        (key, current, node)
                    })
                    .collect();
                let mut keyed = keyed;
                keyed.sort_by(|left, right| left.0.total_cmp(&right.0).then(left.1.cmp(&right.1)));
                layers[layer] = keyed.into_iter().map(|(_, _, node)| node).collect();
            }
            let crossings = self.crossings(&layers);
            if crossings < fewest {
                fewest = crossings;
                best = layers.clone();
            }
        }
        best
    }

    /// Edge crossings between every pair of neighbouring layers (inversions, counted with a
    /// Fenwick tree).
    fn crossings(&self, layers: &[Vec<usize>]) -> usize {
        let mut total = 0;
        for pair in layers.windows(2) {
            let upper = positions_in(&pair[0], self.layer.len());
            let lower = positions_in(&pair[1], self.layer.len());
            let mut ends: Vec<(usize, usize)> = pair[0]
                .iter()
                .flat_map(|&node| self.down[node].iter().map(move |&next| (node, next)))
                .map(|(node, next)| (upper[node], lower[next]))
                .collect();
            ends.sort_unstable();
            let mut tree = vec![0usize; pair[1].len() + 1];
            for (seen, &(_, position)) in ends.iter().enumerate() {
                // How many earlier edges end below this one: each is a crossing.
                let mut at_or_above = 0;
                let mut index = position + 1;
                while index > 0 {
                    at_or_above += tree[index];
                    index &= index - 1;
                }
                total += seen - at_or_above;
                let mut index = position + 1;
                while index < tree.len() {
                    tree[index] += 1;
                    index += index & index.wrapping_neg();
                }
            }
        }
        total
    }

    /// The vertical center of every node.
    fn positions(&self, layers: &[Vec<usize>], spacing: &Spacing) -> Vec<f64> {
        let height = |node: usize| {
            if node < self.real {
                spacing.node_height as f64
            } else {
                0.0
            }
        };
        let separation = |upper: usize, lower: usize| {
            let gap = if upper < self.real && lower < self.real {
                spacing.node_gap
            } else {
                spacing.node_gap / 2
            };
            (height(upper) + height(lower)) / 2.0 + gap as f64
        };
        let mut center = vec![0.0; self.layer.len()];
        for layer in layers {
            let mut y = 0.0;
            for (position, &node) in layer.iter().enumerate() {
                if position > 0 {
                    y += separation(layer[position - 1], node);
                }
                center[node] = y;
            }
        }
        for pass in 0..POSITIONING_PASSES {
            let downward = pass % 2 == 0;
            let steps: Vec<usize> = if downward {
                (1..layers.len()).collect()
            } else {
                (0..layers.len().saturating_sub(1)).rev().collect()
            };
            let neighbours = if downward { &self.up } else { &self.down };
            for layer in steps {
                let nodes = &layers[layer];
                let wanted: Vec<f64> = nodes
                    .iter()
                    .map(|&node| {
                        let around = &neighbours[node];
                        if around.is_empty() {
                            center[node]
                        } else {
                            around.iter().map(|&other| center[other]).sum::<f64>()
                                / around.len() as f64
                        }
                    })
                    .collect();
                let gaps: Vec<f64> = nodes
                    .windows(2)
                    .map(|pair| separation(pair[0], pair[1]))
                    .collect();
                for (&node, y) in nodes.iter().zip(closest_spaced(&wanted, &gaps)) {
                    center[node] = y;
                }
            }
        }
        let top = layers
            .iter()
            .flatten()
            .map(|&node| center[node] - height(node) / 2.0)
            .fold(f64::INFINITY, f64::min);
        let shift = if top.is_finite() {
            spacing.margin as f64 - top
        } else {
            0.0
        };
        center.iter().map(|y| y + shift).collect()
    }
}

fn positions_in(layer: &[usize], count: usize) -> Vec<usize> {
    let mut position = vec![0; count];
    for (index, &node) in layer.iter().enumerate() {
        position[node] = index;
    }
    position
}

/// The values closest (least squares) to `wanted` that keep at least `gaps[i]` between
/// value i and i+1: shift each by the gaps before it, fit a nondecreasing sequence by pooling
/// adjacent violators, shift back.
fn closest_spaced(wanted: &[f64], gaps: &[f64]) -> Vec<f64> {
    let mut offsets = Vec::with_capacity(wanted.len());
    let mut offset = 0.0;
    for index in 0..wanted.len() {
        if index > 0 {
            offset += gaps[index - 1];
        }
        offsets.push(offset);
    }
    // Blocks of (mean, size), merged while a block's mean is below the one before.
    let mut blocks: Vec<(f64, usize)> = Vec::new();
    for (value, offset) in wanted.iter().zip(&offsets) {
        blocks.push((value - offset, 1));
        while blocks.len() > 1 {
            let (last_mean, last_size) = blocks[blocks.len() - 1];
            let (previous_mean, previous_size) = blocks[blocks.len() - 2];
            if previous_mean <= last_mean {
                break;
            }
            blocks.pop();
            let size = previous_size + last_size;
            let mean =
                (previous_mean * previous_size as f64 + last_mean * last_size as f64) / size as f64;
            *blocks.last_mut().expect("two blocks were there") = (mean, size);
        }
    }
    blocks
        .into_iter()
        .flat_map(|(mean, size)| std::iter::repeat_n(mean, size))
        .zip(offsets)
        .map(|(fitted, offset)| fitted + offset)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlaps(layout: &Layout, spacing: &Spacing) -> bool {
        let boxes = &layout.nodes;
        (0..boxes.len()).any(|left| {
            (left + 1..boxes.len()).any(|right| {
                let (a, b) = (boxes[left], boxes[right]);
                a.x < b.x + spacing.node_width
                    && b.x < a.x + spacing.node_width
                    && a.y < b.y + spacing.node_height
                    && b.y < a.y + spacing.node_height
            })
        })
    }

    #[test]
    fn a_chain_runs_left_to_right_on_one_line() {
        let spacing = Spacing::default();
        let layout = layered(3, &[(0, 1), (1, 2)], &spacing);
        assert!(layout.nodes[0].x < layout.nodes[1].x && layout.nodes[1].x < layout.nodes[2].x);
        assert_eq!(layout.nodes[0].y, layout.nodes[2].y);
        assert_eq!(
            layout.edges[0].first().unwrap().x,
            layout.nodes[0].x + spacing.node_width
        );
        assert_eq!(layout.edges[0].last().unwrap().x, layout.nodes[1].x);
        assert!(layout.width >= layout.nodes[2].x + spacing.node_width);
    }

    #[test]
    fn a_long_edge_bends_through_each_layer_it_crosses() {
        // 0 -> 1 -> 2 -> 3 and 0 -> 3: the long edge has a point pair per crossed layer.
        let layout = layered(4, &[(0, 1), (1, 2), (2, 3), (0, 3)], &Spacing::default());
        assert_eq!(layout.edges[3].len(), 2 + 2 * 2);
        assert!(!overlaps(&layout, &Spacing::default()));
    }

    #[test]
    fn cycles_and_self_loops_are_drawn_without_looping_forever() {
        let layout = layered(3, &[(0, 1), (1, 2), (2, 0), (1, 1)], &Spacing::default());
        assert!(layout.edges[3].is_empty(), "a self-loop is not drawn");
        let back = &layout.edges[2];
        assert_eq!(
            back.first().unwrap().x,
            layout.nodes[2].x,
            "drawn from 2's left side"
        );
        assert!(!overlaps(&layout, &Spacing::default()));
    }

    #[test]
    fn barycenter_ordering_removes_avoidable_crossings() {
        // Two independent chains listed crosswise: a0 -> b1, a1 -> b0.
        let graph = VirtualGraph {
            layer: vec![0, 0, 1, 1],
            real: 4,
            up: vec![vec![], vec![], vec![1], vec![0]],
            down: vec![vec![3], vec![2], vec![], vec![]],
        };
        assert_eq!(graph.crossings(&[vec![0, 1], vec![2, 3]]), 1);
        let order = graph.order();
        assert_eq!(graph.crossings(&order), 0);
    }

    #[test]
    fn spacing_keeps_order_and_gaps_and_stays_close() {
        assert_eq!(
            closest_spaced(&[0.0, 0.0, 0.0], &[10.0, 10.0]),
            [-10.0, 0.0, 10.0]
        );
        assert_eq!(closest_spaced(&[0.0, 50.0], &[10.0]), [0.0, 50.0]);
    }

    #[test]
    fn a_thousand_nodes_lay_out_without_overlaps() {
        // Fifty chains of twenty, each task also feeding the task two steps on.
        let mut edges = Vec::new();
        for chain in 0..50 {
            for step in 0..20 {
                let node = chain * 20 + step;
                if step + 1 < 20 {
                    edges.push((node, node + 1));
                }
                if step + 2 < 20 {
                    edges.push((node, node + 2));
                }
            }
        }
        let spacing = Spacing::default();
        let layout = layered(1000, &edges, &spacing);
        assert!(!overlaps(&layout, &spacing));
        assert_eq!(layout, layered(1000, &edges, &spacing), "deterministic");
    }
}
