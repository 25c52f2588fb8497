//! Dependency graphs over indices: cycle detection and waves (topological levels).
//! `edges[node]` lists the nodes `node` depends on. Pure functions, deterministic output.

/// Every cycle, one per strongly connected component that has one, as the nodes in
/// dependency order (each depends on the next, the last on the first), starting from the
/// smallest index.
pub fn find_cycles(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut cycles = Vec::new();
    for component in strongly_connected_components(edges) {
        let is_cycle = component.len() > 1 || edges[component[0]].contains(&component[0]);
        if !is_cycle {
            continue;
        }
        let start = *component.iter().min().expect("components are not empty");
        cycles.push(cycle_through(edges, &component, start));
    }
    cycles.sort();
    cycles
}

/// A path from `start` back to itself inside one component (breadth-first, so the shortest).
fn cycle_through(edges: &[Vec<usize>], component: &[usize], start: usize) -> Vec<usize> {
    let inside = |node: usize| component.contains(&node);
    let mut previous: std::collections::HashMap<usize, usize> = Default::default();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        let mut targets: Vec<usize> = edges[node]
            .iter()
            .copied()
            .filter(|&target| inside(target))
            .collect();
        targets.sort_unstable();
        for target in targets {
            if target == start {
                let mut path = vec![node];
                let mut current = node;
                while current != start {
                    current = previous[&current];
                    path.push(current);
                }
                path.reverse();
                return path;
            }
            if let std::collections::hash_map::Entry::Vacant(entry) = previous.entry(target) {
                entry.insert(node);
                queue.push_back(target);
            }
        }
    }
    vec![start]
}

/// Tarjan's algorithm, iterative so deep graphs cannot overflow the stack.
fn strongly_connected_components(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let count = edges.len();
    let mut index_of = vec![usize::MAX; count];
    let mut low = vec![0; count];
    let mut on_stack = vec![false; count];
    let mut stack = Vec::new();
    let mut components = Vec::new();
    let mut next_index = 0;
    for root in 0..count {
        if index_of[root] != usize::MAX {
            continue;
        }
        let mut work = vec![(root, 0usize)];
        while let Some((node, edge_position)) = work.pop() {
            if edge_position == 0 {
                index_of[node] = next_index;
                low[node] = next_index;
                next_index += 1;
                stack.push(node);
                on_stack[node] = true;
            }
            let targets: Vec<usize> = edges[node]
                .iter()
                .copied()
                .filter(|&target| target < count)
                .collect();
            if let Some(&target) = targets.get(edge_position) {
                work.push((node, edge_position + 1));
                if index_of[target] == usize::MAX {
                    work.push((target, 0));
                } else if on_stack[target] {
                    low[node] = low[node].min(index_of[target]);
                }
                continue;
            }
            if low[node] == index_of[node] {
                let mut component = Vec::new();
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                components.push(component);
            }
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
        }
    }
    components
}

/// Topological levels: wave 0 holds nodes with no dependencies, wave n nodes whose
/// dependencies are all in earlier waves. Each wave is sorted by `order`. Nodes on or behind
/// a cycle are returned as the error.
pub fn waves<K: Ord>(
    edges: &[Vec<usize>],
    order: impl Fn(usize) -> K,
) -> Result<Vec<Vec<usize>>, Vec<usize>> {
    let count = edges.len();
    let mut level = vec![None::<usize>; count];
    let mut remaining: Vec<usize> = (0..count).collect();
    let mut current = 0;
    while !remaining.is_empty() {
        let ready: Vec<usize> = remaining
            .iter()
            .copied()
            .filter(|&node| {
                edges[node]
                    .iter()
                    .filter(|&&target| target < count)
                    .all(|&target| level[target].is_some_and(|assigned| assigned < current))
            })
            .collect();
        if ready.is_empty() {
            return Err(remaining);
        }
        for &node in &ready {
            level[node] = Some(current);
        }
        remaining.retain(|node| level[*node].is_none());
        current += 1;
    }
    let mut result: Vec<Vec<usize>> = vec![Vec::new(); current];
    for (node, assigned) in level.into_iter().enumerate() {
        result[assigned.expect("every node got a level")].push(node);
    }
    for wave in &mut result {
        wave.sort_by_key(|&node| order(node));
    }
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acyclic_graphs_have_no_cycles_and_level_into_waves() {
        // 0 <- 1 <- 3, 0 <- 2
        let edges = vec![vec![], vec![0], vec![0], vec![1, 2]];
        assert!(find_cycles(&edges).is_empty());
        assert_eq!(
            waves(&edges, |node| node).unwrap(),
            vec![vec![0], vec![1, 2], vec![3]]
        );
    }

    #[test]
    fn cycles_are_found_in_dependency_order() {
        // 0 -> 1 -> 2 -> 0, and 3 -> 3
        let edges = vec![vec![1], vec![2], vec![0], vec![3], vec![0]];
        assert_eq!(find_cycles(&edges), vec![vec![0, 1, 2], vec![3]]);
        assert!(waves(&edges, |node| node).is_err());
    }

    #[test]
    fn a_long_chain_does_not_overflow() {
        let edges: Vec<Vec<usize>> = (0..100_000)
            .map(|node| if node == 0 { vec![] } else { vec![node - 1] })
            .collect();
        assert!(find_cycles(&edges).is_empty());
    }

    #[test]
    fn waves_are_ordered_by_the_given_key() {
        let edges = vec![vec![], vec![], vec![]];
        let names = ["c", "a", "b"];
        assert_eq!(
            waves(&edges, |node| names[node]).unwrap(),
            vec![vec![1, 2, 0]]
        );
    }
}
