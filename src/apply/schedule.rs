//! Dependency-driven execution of a graph of operations under bounded concurrency.
//!
//! A node starts as soon as every node it depends on has succeeded, never later: the plan's
//! waves describe the order, but the executor does not make a whole wave wait on its slowest
//! member. A failed node marks everything downstream of it as skipped while independent
//! branches go on. A stop request (Ctrl-C) starts nothing new and lets calls in flight finish.
//!
//! This module knows nothing of WeData: nodes are indices and the operation is a closure.

use std::collections::VecDeque;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use futures::StreamExt;
use futures::stream::FuturesUnordered;

/// What happened to one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome<T, E> {
    Succeeded(T),
    Failed(E),
    /// Not run because the node at this index (a dependency, direct or not) failed or was
    /// itself skipped.
    Skipped {
        blocked_by: usize,
    },
    /// Not run because a stop was requested before its turn.
    NotStarted,
}

/// `dependencies[node]` lists the nodes that must succeed before `node` may start.
/// Indices out of range are ignored; the caller guarantees the graph is acyclic (a cycle
/// leaves its nodes `NotStarted`, never hangs).
pub async fn run_graph<T, E, F, Fut>(
    dependencies: &[Vec<usize>],
    parallelism: usize,
    stop: Arc<AtomicBool>,
    mut operation: F,
) -> Vec<Outcome<T, E>>
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let node_count = dependencies.len();
    let parallelism = parallelism.max(1);
    let mut outcomes: Vec<Option<Outcome<T, E>>> = (0..node_count).map(|_| None).collect();
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); node_count];
    let mut pending_dependencies: Vec<usize> = vec![0; node_count];
    for (node, node_dependencies) in dependencies.iter().enumerate() {
        for &dependency in node_dependencies
            .iter()
            .filter(|&&index| index < node_count)
        {
            dependents[dependency].push(node);
            pending_dependencies[node] += 1;
        }
    }
    let mut ready: VecDeque<usize> = (0..node_count)
        .filter(|&node| pending_dependencies[node] == 0)
        .collect();
    let mut in_flight = FuturesUnordered::new();

    loop {
        while in_flight.len() < parallelism && !stop.load(Ordering::SeqCst) {
            let Some(node) = ready.pop_front() else { break };
            let future = operation(node);
            in_flight.push(async move { (node, future.await) });
        }
        let Some((node, result)) = in_flight.next().await else {
            break;
        };
        match result {
            Ok(value) => {
                outcomes[node] = Some(Outcome::Succeeded(value));
                for &dependent in &dependents[node] {
                    pending_dependencies[dependent] -= 1;
                    if pending_dependencies[dependent] == 0 && outcomes[dependent].is_none() {
                        ready.push_back(dependent);
                    }
                }
            }
            Err(error) => {
                outcomes[node] = Some(Outcome::Failed(error));
                skip_downstream(node, &dependents, &mut outcomes);
            }
        }
    }
    outcomes
        .into_iter()
        .map(|outcome| outcome.unwrap_or(Outcome::NotStarted))
        .collect()
}

/// Marks every node reachable from `failed` as skipped, naming `failed` as the cause.
fn skip_downstream<T, E>(
    failed: usize,
    dependents: &[Vec<usize>],
    outcomes: &mut [Option<Outcome<T, E>>],
) {
    let mut queue: VecDeque<usize> = dependents[failed].iter().copied().collect();
    while let Some(node) = queue.pop_front() {
        if outcomes[node].is_none() {
            outcomes[node] = Some(Outcome::Skipped { blocked_by: failed });
            queue.extend(dependents[node].iter().copied());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;
    use std::time::Duration;

    fn no_stop() -> Arc<AtomicBool> {
        Arc::new(AtomicBool::new(false))
    }

    #[tokio::test(start_paused = true)]
    async fn nodes_run_after_their_dependencies() {
        // 0 -> 1 -> 3, 0 -> 2 -> 3
        let dependencies = vec![vec![], vec![0], vec![0], vec![1, 2]];
        let order = Arc::new(Mutex::new(Vec::new()));
        let outcomes = run_graph(&dependencies, 4, no_stop(), |node| {
            let order = order.clone();
            async move {
                order.lock().unwrap().push(node);
                Ok::<_, ()>(node * 10)
            }
        })
        .await;
        let order = order.lock().unwrap().clone();
        assert_eq!(order[0], 0);
        assert_eq!(order[3], 3);
        assert_eq!(
            outcomes,
            vec![
                Outcome::Succeeded(0),
                Outcome::Succeeded(10),
                Outcome::Succeeded(20),
                Outcome::Succeeded(30)
            ]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_failure_skips_only_its_dependents() {
        // 0 fails; 1 depends on 0; 2 depends on 1; 3 is independent.
        let dependencies = vec![vec![], vec![0], vec![1], vec![]];
        let outcomes = run_graph(&dependencies, 2, no_stop(), |node| async move {
            if node == 0 { Err("boom") } else { Ok(node) }
        })
        .await;
        assert_eq!(
            outcomes,
            vec![
                Outcome::Failed("boom"),
                Outcome::Skipped { blocked_by: 0 },
                Outcome::Skipped { blocked_by: 0 },
                Outcome::Succeeded(3)
            ]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn concurrency_never_exceeds_the_bound() {
        let dependencies = vec![vec![]; 25];
        let running = Arc::new(Mutex::new((0usize, 0usize)));
        run_graph(&dependencies, 3, no_stop(), |_| {
            let running = running.clone();
            async move {
                {
                    let mut counts = running.lock().unwrap();
                    counts.0 += 1;
                    counts.1 = counts.1.max(counts.0);
                }
                tokio::time::sleep(Duration::from_millis(10)).await;
                running.lock().unwrap().0 -= 1;
                Ok::<_, ()>(())
            }
        })
        .await;
        assert_eq!(running.lock().unwrap().1, 3);
    }

    /// Pins the behaviour the performance stage asks for: a node whose dependencies are done
    /// starts at once, without waiting for an unrelated straggler of the same wave.
    #[tokio::test(start_paused = true)]
    async fn a_straggler_does_not_hold_back_unrelated_dependents() {
        // 0 is slow, 1 is fast, 2 depends only on 1.
        let dependencies = vec![vec![], vec![], vec![1]];
        let started = tokio::time::Instant::now();
        let finish_times = Arc::new(Mutex::new(vec![Duration::ZERO; 3]));
        run_graph(&dependencies, 10, no_stop(), |node| {
            let finish_times = finish_times.clone();
            async move {
                let work = if node == 0 { 1000 } else { 10 };
                tokio::time::sleep(Duration::from_millis(work)).await;
                finish_times.lock().unwrap()[node] = started.elapsed();
                Ok::<_, ()>(())
            }
        })
        .await;
        let finish_times = finish_times.lock().unwrap();
        assert!(
            finish_times[2] < Duration::from_millis(100),
            "{finish_times:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_stop_starts_nothing_new_but_finishes_calls_in_flight() {
        let dependencies = vec![vec![]; 6];
        let stop = no_stop();
        let outcomes = run_graph(&dependencies, 2, stop.clone(), |node| {
            let stop = stop.clone();
            async move {
                if node == 1 {
                    stop.store(true, Ordering::SeqCst);
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
                Ok::<_, ()>(node)
            }
        })
        .await;
        assert_eq!(outcomes[0], Outcome::Succeeded(0));
        assert_eq!(outcomes[1], Outcome::Succeeded(1));
        assert!(
            outcomes[2..]
                .iter()
                .all(|outcome| *outcome == Outcome::NotStarted)
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_cycle_leaves_its_nodes_not_started_instead_of_hanging() {
        let dependencies = vec![vec![1], vec![0], vec![]];
        let outcomes = run_graph(&dependencies, 2, no_stop(), |node| async move {
            Ok::<_, ()>(node)
        })
        .await;
        assert_eq!(
            outcomes,
            vec![
                Outcome::NotStarted,
                Outcome::NotStarted,
                Outcome::Succeeded(2)
            ]
        );
    }
}
