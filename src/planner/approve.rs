//! From a computed plan to one the executor may run. [`approve`] refuses while any guard rail
//! is broken, then reads fresh from WeData every definition the plan took from the local cache
//! and is about to write over (an update builds its request from the live definition, so a
//! cached one must never reach a write). A fresh definition must hash like the one planned;
//! if it does not, the cache entry is dropped and apply stops for a re-plan, before any write.

use crate::codes::PlanCode;
use crate::model::LayeredNames;
use std::collections::HashMap;

use futures::StreamExt;

use super::{PlanError, Planned, Refusal};
use crate::api::Client;
use crate::live::cache::DefinitionCache;
use crate::live::{self, LiveWorkflow};
use crate::manifest::Project;
use crate::ops;
use crate::reconcile::{Action, Plan, ResourceKind};

/// Concurrent fresh reads; the client's rate limiter does the real pacing.
const CONCURRENCY: usize = 16;

/// A plan that passed every guard rail, with the live state it was checked against. Only
/// [`approve`] makes one; the executor takes nothing else.
#[derive(Debug)]
pub struct Approved {
    project: Project,
    live: Vec<LiveWorkflow>,
    plan: Plan,
}

impl Approved {
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The live state, with every definition about to be written over read in this run.
    pub fn live(&self) -> &[LiveWorkflow] {
        &self.live
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }
}

/// What to read again: a cached task definition, or a cached workflow detail, about to be
/// written over.
enum Stale {
    Task {
        workflow: usize,
        task_id: String,
        address: String,
        periodic: bool,
    },
    Workflow {
        workflow: usize,
        address: String,
    },
}

/// Approves `planned` for execution, or says why not. Nothing is written either way.
pub async fn approve(client: &Client, planned: Planned) -> Result<Approved, PlanError> {
    let Planned {
        project,
        mut live,
        plan,
        refusals,
        cache_path,
        fail_on_active_runs,
        ..
    } = planned;
    if !refusals.is_empty() {
        return Err(PlanError::Refused(refusals));
    }
    if fail_on_active_runs {
        let refusals = active_runs(client, &project, &live, &plan)
            .await
            .map_err(PlanError::Read)?;
        if !refusals.is_empty() {
            return Err(PlanError::Refused(refusals));
        }
    }
    let stale = cached_writes(&plan, &live);
    if stale.is_empty() {
        return Ok(Approved {
            project,
            live,
            plan,
        });
    }
    let project_id = project.settings.project_id.clone();
    // The names build_plan used: the declared ones first, then each workflow's own.
    let declared = crate::reconcile::inputs::declared_names(&project, &live);
    let names: Vec<HashMap<String, String>> = live.iter().map(LiveWorkflow::names_by_id).collect();
    let reads = futures::stream::iter(stale.into_iter().map(|entry| {
        let live = &live;
        let names = &names;
        let declared = &declared;
        let project_id = &project_id;
        async move {
            match entry {
                Stale::Task {
                    workflow,
                    task_id,
                    address,
                    periodic,
                } => {
                    let fresh = live::get_task(client, project_id, &task_id, periodic).await?;
                    let digest = live[workflow]
                        .state_of(
                            &task_id,
                            &fresh.0,
                            &fresh.1,
                            &LayeredNames {
                                first: declared,
                                then: &names[workflow],
                            },
                        )
                        .digest();
                    Ok::<_, crate::api::ApiError>(Fresh::Task {
                        workflow,
                        task_id,
                        address,
                        digest,
                        definition: fresh,
                    })
                }
                Stale::Workflow { workflow, address } => {
                    let listed = &live[workflow];
                    let detail =
                        live::get_workflow(client, project_id, &listed.id, listed.periodic).await?;
                    let digest = detail
                        .as_ref()
                        .map(|detail| detail.state(&listed.name))
                        .unwrap_or_default()
                        .digest();
                    Ok(Fresh::Workflow {
                        workflow,
                        address,
                        digest,
                        detail,
                    })
                }
            }
        }
    }))
    .buffer_unordered(CONCURRENCY)
    .collect::<Vec<_>>()
    .await
    .into_iter()
    .collect::<Result<Vec<_>, _>>()
    .map_err(PlanError::Read)?;

    let mut refusals = Vec::new();
    let mut contradicted_tasks = Vec::new();
    let mut contradicted_workflows = Vec::new();
    for fresh in reads {
        match fresh {
            Fresh::Task {
                workflow,
                task_id,
                address,
                digest,
                definition,
            } => {
                if planned_digest(&plan, &address) != Some(digest.as_str()) {
                    refusals.push(contradicted(&address));
                    contradicted_tasks.push(task_id);
                    continue;
                }
                live[workflow].cached_definitions.remove(&task_id);
                live[workflow].definitions.insert(task_id, definition);
            }
            Fresh::Workflow {
                workflow,
                address,
                digest,
                detail,
            } => {
                if planned_digest(&plan, &address) != Some(digest.as_str()) {
                    refusals.push(contradicted(&address));
                    contradicted_workflows.push(live[workflow].id.clone());
                    continue;
                }
                live[workflow].detail = detail;
                live[workflow].detail_from_cache = false;
            }
        }
    }
    if !refusals.is_empty() {
        if let Some(path) = cache_path {
            let (mut cache, _) = DefinitionCache::load(path);
            for task_id in &contradicted_tasks {
                cache.forget(task_id);
            }
            for workflow_id in &contradicted_workflows {
                cache.forget_workflow(workflow_id);
            }
            cache.save();
        }
        refusals.sort_by(|left, right| left.message.cmp(&right.message));
        return Err(PlanError::Refused(refusals));
    }
    Ok(Approved {
        project,
        live,
        plan,
    })
}

/// One fresh read, with what it is compared against. Short-lived, a few per apply: boxing
/// the larger variant would only add an allocation.
#[allow(clippy::large_enum_variant)]
enum Fresh {
    Task {
        workflow: usize,
        task_id: String,
        address: String,
        digest: String,
        definition: (live::LiveDefinition, String),
    },
    Workflow {
        workflow: usize,
        address: String,
        digest: String,
        detail: Option<live::LiveWorkflowDetail>,
    },
}

/// The guard of `--fail-on-active-runs`: one refusal per task the plan updates, submits,
/// replaces or deletes that has a run or instance still going, listing them.
async fn active_runs(
    client: &Client,
    project: &Project,
    live: &[LiveWorkflow],
    plan: &Plan,
) -> Result<Vec<Refusal>, crate::api::ApiError> {
    let watched: Vec<ops::active::Watched> = plan
        .changing()
        .filter(|resource| {
            resource.kind.is_task()
                && matches!(
                    resource.action,
                    Action::Update | Action::Submit | Action::Replace | Action::Delete
                )
        })
        .filter_map(|resource| {
            let task_id = resource.id.clone()?;
            let workflow = live
                .iter()
                .find(|workflow| workflow.tasks.iter().any(|task| task.task_id == task_id))?;
            Some(ops::active::Watched {
                address: resource.address.clone(),
                task_id,
                workflow_id: workflow.id.clone(),
                periodic: workflow.periodic,
            })
        })
        .collect();
    if watched.is_empty() {
        return Ok(Vec::new());
    }
    let active = ops::active::find(client, &project.settings.project_id, &watched).await?;
    let mut by_task: Vec<(String, Vec<String>)> = Vec::new();
    for run in active {
        match by_task
            .iter_mut()
            .find(|(address, _)| *address == run.address)
        {
            Some((_, runs)) => runs.push(run.description),
            None => by_task.push((run.address, vec![run.description])),
        }
    }
    Ok(by_task
        .into_iter()
        .map(|(address, runs)| {
            let action = match plan.resource(&address).map(|resource| resource.action) {
                Some(Action::Delete) => "delete",
                Some(Action::Replace) => "replace",
                Some(Action::Submit) => "submit",
                _ => "update",
            };
            let refusal = Refusal::new(
                PlanCode::ActiveRuns,
                format!(
                    "refusing to {action} {address} while it runs: {}",
                    runs.join("; ")
                ),
            )
            .with_help(
                "wait for the run to end (or kill it), then apply again; without --fail-on-active-runs, apply does not wait for runs",
            );
            match project
                .tasks
                .iter()
                .find(|task| crate::history::address::of(task) == address)
            {
                Some(task) => refusal.at(&task.file, task.line, 1),
                None => refusal,
            }
        })
        .collect())
}

fn planned_digest<'a>(plan: &'a Plan, address: &str) -> Option<&'a str> {
    plan.fingerprints
        .live
        .get(address)
        .map(|fingerprint| fingerprint.state_digest.as_str())
}

fn contradicted(address: &str) -> Refusal {
    Refusal::new(
        PlanCode::CacheMismatch,
        format!(
            "the cached definition of {address} is not what WeData has now; the entry was dropped from the cache"
        ),
    )
    .with_help("run `wedata-gitops plan` again (it reads the definition fresh) and review the new plan; nothing was written")
}

/// The updates whose live definition (or workflow detail) came from the cache.
fn cached_writes(plan: &Plan, live: &[LiveWorkflow]) -> Vec<Stale> {
    let mut stale = Vec::new();
    for resource in plan.changing() {
        if resource.action != Action::Update {
            continue;
        }
        let Some(id) = &resource.id else {
            continue;
        };
        match resource.kind {
            ResourceKind::Workflow | ResourceKind::PeriodicWorkflow => {
                if let Some(position) = live
                    .iter()
                    .position(|workflow| workflow.id == *id && workflow.detail_from_cache)
                {
                    stale.push(Stale::Workflow {
                        workflow: position,
                        address: resource.address.clone(),
                    });
                }
            }
            // Folders are only ever created.
            ResourceKind::WorkflowFolder | ResourceKind::TaskFolder => {}
            ResourceKind::Task | ResourceKind::PeriodicTask | ResourceKind::LegacyTask => {
                if let Some(position) = live
                    .iter()
                    .position(|workflow| workflow.cached_definitions.contains(id))
                {
                    stale.push(Stale::Task {
                        workflow: position,
                        task_id: id.clone(),
                        address: resource.address.clone(),
                        periodic: live[position].periodic,
                    });
                }
            }
        }
    }
    stale
}
