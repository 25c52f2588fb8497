//! Downstream impact: which tasks a plan's changes reach, in this repository and outside it
//! (other workflows, other teams), read with WeData's dependency lookups and turned into plan
//! data (`reconcile::review::Impact` and `Plan::neighbours`).
//!
//! The walk starts at every task the plan updates, submits, replaces or deletes (a task to be
//! created has no id, so nothing in WeData can depend on it yet), reads the tasks directly
//! downstream of each (depth 1), and then, level by level, the tasks downstream of those while
//! the mode and the lookup budget allow. Every level is read concurrently under the client's
//! rate limit and processed in TaskId order, and the budget counts lookups, never time or
//! cache hits, so the same WeData gives the same impact: it is part of a saved plan's pin.
//!
//! Deleted and replaced tasks are always looked up, fresh (never from the cache), even with
//! `--impact off`: a task outside the repository that depends on one would be left without
//! its upstream, and the guard rails need to know.
//!
//! Only reads, and decides nothing: the guard rails and the renderers use what it returns.

pub mod cache;
pub mod lookup;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Mutex;

use futures::StreamExt;

use crate::api::{ApiError, Client};
use crate::live::LiveWorkflow;
use crate::reconcile::plan::{NeighbourTask, Plan};
use crate::reconcile::review::{Impact, ImpactMode, ImpactedTask, OrphanedTask};
use crate::reconcile::{Action, ResourceKind};
use cache::LookupCache;
use lookup::{Direction, Linked};

/// Lookups past the direct level in the default mode (`auto`): about five seconds at
/// WeData's 20 requests per second.
pub const AUTO_BUDGET: usize = 100;
/// Lookups in all in `--impact all`, so even a project-wide web of dependencies ends.
pub const ALL_BUDGET: usize = 2_000;
/// Concurrent lookups; the client's rate limiter does the real pacing.
const CONCURRENCY: usize = 16;

/// How to read the impact.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub mode: ImpactMode,
    /// Let deletions and replacements through even when they leave tasks outside the
    /// repository without their upstream (recorded in the plan).
    pub allow_orphans: bool,
}

/// What the lookups found.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub impact: Impact,
    /// Tasks outside the repository next to a changing task (direct downstream, and upstream
    /// tasks the managed workflows do not hold), for the pictures.
    pub neighbours: Vec<NeighbourTask>,
}

/// A changing task the walk starts from.
#[derive(Debug, Clone)]
struct Root {
    id: String,
    address: String,
    periodic: bool,
    /// Deleted or replaced: looked up fresh whatever the mode.
    guarded: bool,
}

/// Reads the impact of `plan`. `managed` maps the TaskId of every task a manifest declares
/// (also those a `--select` left out of the plan) to its address.
pub async fn read(
    client: &Client,
    project_id: &str,
    plan: &Plan,
    live: &[LiveWorkflow],
    managed: &HashMap<String, String>,
    options: &Options,
    cache: Option<&Mutex<LookupCache>>,
) -> Result<Found, ApiError> {
    let roots = roots(plan);
    let last_update_times: HashMap<&str, &str> = live
        .iter()
        .flat_map(|workflow| &workflow.tasks)
        .map(|task| {
            (
                task.task_id.as_str(),
                task.last_update_time.as_deref().unwrap_or(""),
            )
        })
        .collect();
    let reader = Reader {
        client,
        project_id,
        cache,
        last_update_times: &last_update_times,
    };
    let walk = walk(&reader, &roots, options.mode).await?;

    let deleted: HashSet<&str> = plan
        .changing()
        .filter(|resource| resource.action == Action::Delete)
        .filter_map(|resource| resource.id.as_deref())
        .collect();
    let mut orphaned = Vec::new();
    for root in roots.iter().filter(|root| root.guarded) {
        for child in walk.children.get(&root.id).into_iter().flatten() {
            let info = &walk.info[child];
            if !managed.contains_key(child) && !deleted.contains(child.as_str()) {
                orphaned.push(OrphanedTask {
                    id: info.id.clone(),
                    name: info.name.clone(),
                    workflow: info.workflow.clone(),
                    owner: info.owner.clone(),
                    upstream: root.address.clone(),
                });
            }
        }
    }
    orphaned.sort_by(|left, right| {
        (&left.upstream, &left.workflow, &left.name, &left.id).cmp(&(
            &right.upstream,
            &right.workflow,
            &right.name,
            &right.id,
        ))
    });

    let mut impact = Impact {
        mode: options.mode,
        lookups: walk.lookups,
        complete: walk.complete,
        tasks: Vec::new(),
        orphaned,
        orphans_allowed: options.allow_orphans,
    };
    if options.mode == ImpactMode::Off {
        return Ok(Found {
            impact,
            neighbours: Vec::new(),
        });
    }
    impact.tasks = impacted_tasks(&walk, &roots, managed);
    let upstream = upstream_neighbours(&reader, plan, live, &roots).await?;
    impact.lookups += upstream.lookups;
    let neighbours = neighbours(&walk, &roots, managed, upstream.needed_by);
    Ok(Found { impact, neighbours })
}

/// The tasks the plan changes that exist in WeData (kept in address order).
fn roots(plan: &Plan) -> Vec<Root> {
    plan.changing()
        .filter(|resource| {
            matches!(
                resource.kind,
                ResourceKind::Task | ResourceKind::PeriodicTask
            )
        })
        .filter(|resource| resource.action != Action::Create)
        .filter_map(|resource| {
            Some(Root {
                id: resource.id.clone()?,
                address: resource.address.clone(),
                periodic: resource.kind == ResourceKind::PeriodicTask,
                guarded: matches!(resource.action, Action::Delete | Action::Replace),
            })
        })
        .collect()
}

/// Reads lookups through the cache.
struct Reader<'a> {
    client: &'a Client,
    project_id: &'a str,
    cache: Option<&'a Mutex<LookupCache>>,
    last_update_times: &'a HashMap<&'a str, &'a str>,
}

/// One lookup to make.
#[derive(Debug, Clone)]
struct Request {
    id: String,
    periodic: bool,
    direction: Direction,
    /// Read from WeData even when the cache has an answer.
    fresh: bool,
}

impl Reader<'_> {
    /// Runs `requests` concurrently; the answers by TaskId.
    async fn read(
        &self,
        requests: Vec<Request>,
    ) -> Result<BTreeMap<String, Vec<Linked>>, ApiError> {
        futures::stream::iter(requests.into_iter().map(|request| async move {
            let last_update_time = self
                .last_update_times
                .get(request.id.as_str())
                .copied()
                .unwrap_or("");
            if !request.fresh {
                let cached = self.cache.and_then(|cache| {
                    cache.lock().expect("impact cache lock").get(
                        request.direction,
                        &request.id,
                        last_update_time,
                    )
                });
                if let Some(linked) = cached {
                    return Ok((request.id, linked));
                }
            }
            let linked = lookup::linked_tasks(
                self.client,
                self.project_id,
                &request.id,
                request.periodic,
                request.direction,
            )
            .await?;
            if let Some(cache) = self.cache {
                cache.lock().expect("impact cache lock").put(
                    request.direction,
                    &request.id,
                    last_update_time,
                    &linked,
                );
            }
            Ok::<_, ApiError>((request.id, linked))
        }))
        .buffer_unordered(CONCURRENCY)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .collect()
    }
}

/// The downstream walk: what each looked-up task has directly downstream, and how deep each
/// task reached lies.
#[derive(Debug, Default)]
struct Walk {
    /// TaskId → its direct downstream TaskIds (sorted), for every task looked up.
    children: BTreeMap<String, Vec<String>>,
    /// Every task reached, as WeData described it.
    info: HashMap<String, Linked>,
    /// Every task reached → its depth (1 = directly downstream of a changing task).
    depth: HashMap<String, usize>,
    lookups: usize,
    /// Whether every task reached was looked up in turn.
    complete: bool,
}

async fn walk(reader: &Reader<'_>, roots: &[Root], mode: ImpactMode) -> Result<Walk, ApiError> {
    let mut walk = Walk::default();
    let root_ids: HashSet<&str> = roots.iter().map(|root| root.id.as_str()).collect();
    // Trigger tasks only ever depend on trigger tasks, periodic ones on periodic ones: a task
    // reached has the kind of the task it was reached from.
    let mut periodic: HashMap<String, bool> = roots
        .iter()
        .map(|root| (root.id.clone(), root.periodic))
        .collect();
    let mut level: Vec<Request> = roots
        .iter()
        .filter(|root| mode != ImpactMode::Off || root.guarded)
        .map(|root| Request {
            id: root.id.clone(),
            periodic: root.periodic,
            direction: Direction::Downstream,
            fresh: root.guarded,
        })
        .collect();
    let mut room = match mode {
        ImpactMode::Off | ImpactMode::Direct => 0,
        ImpactMode::Auto => AUTO_BUDGET,
        ImpactMode::All => ALL_BUDGET,
    };
    loop {
        walk.lookups += level.len();
        let answers = reader.read(level).await?;
        let mut discovered: BTreeSet<String> = BTreeSet::new();
        for (parent, linked) in answers {
            // A changing task is where its change starts: depth 0, even when it also lies
            // downstream of another change.
            let parent_depth = if root_ids.contains(parent.as_str()) {
                0
            } else {
                walk.depth.get(&parent).copied().unwrap_or(0)
            };
            let parent_periodic = periodic.get(&parent).copied().unwrap_or(false);
            let mut children = Vec::with_capacity(linked.len());
            for child in linked {
                let depth = walk.depth.entry(child.id.clone()).or_insert(usize::MAX);
                *depth = (*depth).min(parent_depth + 1);
                periodic.entry(child.id.clone()).or_insert(parent_periodic);
                if !root_ids.contains(child.id.as_str()) {
                    discovered.insert(child.id.clone());
                }
                children.push(child.id.clone());
                walk.info.entry(child.id.clone()).or_insert(child);
            }
            walk.children.insert(parent, children);
        }
        let pending: Vec<String> = discovered
            .into_iter()
            .filter(|id| !walk.children.contains_key(id))
            .collect();
        if pending.is_empty() {
            walk.complete = mode != ImpactMode::Off;
            return Ok(walk);
        }
        if room == 0 {
            walk.complete = false;
            return Ok(walk);
        }
        // The budget cuts in TaskId order, so the same WeData always gives the same cut.
        let taken: Vec<String> = pending.into_iter().take(room).collect();
        room -= taken.len();
        level = taken
            .into_iter()
            .map(|id| Request {
                periodic: periodic.get(&id).copied().unwrap_or(false),
                id,
                direction: Direction::Downstream,
                fresh: false,
            })
            .collect();
    }
}

/// Every task reached, with its depth, whether a manifest declares it, and the changes it
/// is downstream of; nearest first.
fn impacted_tasks(
    walk: &Walk,
    roots: &[Root],
    managed: &HashMap<String, String>,
) -> Vec<ImpactedTask> {
    let mut reached_from: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for root in roots {
        let mut stack: Vec<&str> = vec![root.id.as_str()];
        let mut seen: HashSet<&str> = HashSet::new();
        while let Some(node) = stack.pop() {
            for child in walk.children.get(node).into_iter().flatten() {
                if seen.insert(child.as_str()) {
                    reached_from
                        .entry(child.as_str())
                        .or_default()
                        .insert(root.address.as_str());
                    stack.push(child.as_str());
                }
            }
        }
    }
    let mut tasks: Vec<ImpactedTask> = walk
        .info
        .values()
        .map(|info| ImpactedTask {
            id: info.id.clone(),
            name: info.name.clone(),
            workflow: info.workflow.clone(),
            owner: info.owner.clone(),
            depth: walk.depth.get(&info.id).copied().unwrap_or(1),
            managed: managed.contains_key(&info.id),
            address: managed.get(&info.id).cloned(),
            reached_from: reached_from
                .get(info.id.as_str())
                .into_iter()
                .flatten()
                .map(|address| (*address).to_owned())
                .collect(),
        })
        .collect();
    tasks.sort_by(|left, right| {
        (left.depth, &left.workflow, &left.name, &left.id).cmp(&(
            right.depth,
            &right.workflow,
            &right.name,
            &right.id,
        ))
    });
    tasks
}

/// Upstream tasks of changing tasks that no managed workflow holds, found with one upstream
/// lookup per changing task that names such an id (the definitions say which do).
struct Upstream {
    /// TaskId → (the task, addresses of the changing tasks that depend on it).
    needed_by: BTreeMap<String, (Linked, BTreeSet<String>)>,
    lookups: usize,
}

async fn upstream_neighbours(
    reader: &Reader<'_>,
    plan: &Plan,
    live: &[LiveWorkflow],
    roots: &[Root],
) -> Result<Upstream, ApiError> {
    let known: HashSet<&str> = live
        .iter()
        .flat_map(|workflow| &workflow.tasks)
        .map(|task| task.task_id.as_str())
        .collect();
    let definitions: HashMap<&str, &crate::live::LiveDefinition> = live
        .iter()
        .flat_map(|workflow| &workflow.definitions)
        .map(|(id, (definition, _))| (id.as_str(), definition))
        .collect();
    let deleted: HashSet<&str> = plan
        .changing()
        .filter(|resource| resource.action == Action::Delete)
        .filter_map(|resource| resource.id.as_deref())
        .collect();
    let wanted: Vec<&Root> = roots
        .iter()
        .filter(|root| !deleted.contains(root.id.as_str()))
        .filter(|root| {
            definitions.get(root.id.as_str()).is_some_and(|definition| {
                definition
                    .upstream_ids()
                    .iter()
                    .any(|id| !id.is_empty() && !known.contains(id.as_str()))
            })
        })
        .collect();
    let requests = wanted
        .iter()
        .map(|root| Request {
            id: root.id.clone(),
            periodic: root.periodic,
            direction: Direction::Upstream,
            fresh: false,
        })
        .collect();
    let answers = reader.read(requests).await?;
    let mut needed_by: BTreeMap<String, (Linked, BTreeSet<String>)> = BTreeMap::new();
    for root in &wanted {
        for linked in answers.get(&root.id).into_iter().flatten() {
            if known.contains(linked.id.as_str()) {
                continue;
            }
            needed_by
                .entry(linked.id.clone())
                .or_insert_with(|| (linked.clone(), BTreeSet::new()))
                .1
                .insert(root.address.clone());
        }
    }
    Ok(Upstream {
        needed_by,
        lookups: wanted.len(),
    })
}

/// The tasks outside the repository next to a change, for the pictures: those directly
/// downstream of a changing task, and the outside upstream tasks; by TaskId.
fn neighbours(
    walk: &Walk,
    roots: &[Root],
    managed: &HashMap<String, String>,
    upstream: BTreeMap<String, (Linked, BTreeSet<String>)>,
) -> Vec<NeighbourTask> {
    let mut by_id: BTreeMap<String, NeighbourTask> = BTreeMap::new();
    let new = |linked: &Linked| NeighbourTask {
        id: linked.id.clone(),
        name: linked.name.clone(),
        workflow: linked.workflow.clone(),
        depends_on: Vec::new(),
        needed_by: Vec::new(),
    };
    for root in roots {
        for child in walk.children.get(&root.id).into_iter().flatten() {
            if managed.contains_key(child) {
                continue;
            }
            by_id
                .entry(child.clone())
                .or_insert_with(|| new(&walk.info[child]))
                .depends_on
                .push(root.address.clone());
        }
    }
    for (id, (linked, dependents)) in upstream {
        by_id
            .entry(id)
            .or_insert_with(|| new(&linked))
            .needed_by
            .extend(dependents);
    }
    for neighbour in by_id.values_mut() {
        neighbour.depends_on.sort();
        neighbour.depends_on.dedup();
    }
    by_id.into_values().collect()
}
