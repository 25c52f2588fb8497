//! The one planning path. Loading the manifests, reading the live state, building the plan,
//! reviewing it (`--select`, downstream impact, policies, the risk summary: `review`) and
//! evaluating every guard rail happen here, in that order, for `plan`, `apply` and
//! `apply --plan` alike. The executor accepts only an [`Approved`] plan, and only [`approve`]
//! makes one (no refusal left, everything about to be written over read fresh from WeData),
//! so no path reaches a write without passing through this module.
//!
//! A saved plan is a pin, not a program: [`saved::check`] compares it with the plan computed
//! here, and the executor runs the computed one. Nothing in a plan file, a cache entry or a
//! name read from WeData decides anything on its own.
//!
//! Knows nothing of the command line: settings arrive as [`Options`]; refusals, warnings and
//! errors leave as values for the CLI to render.

mod approve;
mod folders;
pub mod guard;
mod immutable;
mod references;
mod renames;
mod review;
pub mod saved;

use crate::codes::PlanCode;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

pub use approve::{Approved, approve};
pub use guard::{Location, Refusal};

use crate::api::{ApiError, Client};
use crate::live::LiveWorkflow;
use crate::live::cache::DefinitionCache;
use crate::manifest::{self, Diagnostics, LoadOptions, Project};
use crate::reconcile::Plan;
use crate::reconcile::inputs::{build_plan, scope};
use crate::reconcile::plan::DeletionPolicy;

/// The cap on deletions in one plan when neither the command line nor wedata.yaml sets one.
pub const DEFAULT_MAX_DELETES: usize = 5;

/// How a plan is computed.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Delete live tasks of managed workflows that no manifest declares (or `prune: true` in
    /// the project file or target).
    pub prune: bool,
    /// The deletion cap (default: the project file's, else [`DEFAULT_MAX_DELETES`]).
    pub max_deletes: Option<usize>,
    pub refresh: Refresh,
    /// Refuse, before any write, to change a task that has a run or instance still going
    /// (`apply --fail-on-active-runs`); evaluated by [`approve`], which reads the runs.
    pub fail_on_active_runs: bool,
    /// Deletions tell the downstream tasks' owners (or `notify_owners_on_delete: true` in
    /// the project file or target).
    pub notify_owners: bool,
    /// How far to look downstream of the changes (`--impact`).
    pub impact: crate::reconcile::review::ImpactMode,
    /// Let deletions and replacements through that leave tasks outside the repository
    /// without their upstream (`--allow-orphaned-downstream`).
    pub allow_orphaned_downstream: bool,
    /// `--select` patterns over plan addresses (empty: the whole plan).
    pub select: Vec<String>,
}

/// Whether cached definitions may be used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Refresh {
    /// Reuse cached definitions whose LastUpdateTime and version are unchanged.
    #[default]
    Auto,
    /// Read every definition from WeData again (the cache is refreshed, not read).
    Full,
}

/// The project, the live state it refers to, the plan between them and the guard rails it
/// breaks. Only [`approve`] turns it into something the executor runs.
#[derive(Debug)]
pub struct Planned {
    pub project: Project,
    pub live: Vec<LiveWorkflow>,
    pub plan: Plan,
    /// Every guard rail the plan breaks, in manifest order; the plan may be shown, but not
    /// applied, while any is left.
    pub refusals: Vec<Refusal>,
    /// Things worth saying that stop nothing (a discarded cache entry, ...).
    pub warnings: Vec<String>,
    /// Where the definitions came from, so apply can drop entries WeData contradicts.
    cache_path: Option<PathBuf>,
    /// Whether [`approve`] refuses changes to tasks with runs still going.
    fail_on_active_runs: bool,
}

/// Why no plan could be computed at all.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The live state could not be read; the API error is the cause, and its code is the code.
    #[error("cannot read the live state from WeData")]
    Read(#[source] ApiError),
    #[error("this account may not use the legacy API ({version}): {source}")]
    LegacyDenied {
        version: &'static str,
        #[source]
        source: ApiError,
    },
    /// Refused before anything could be read or planned.
    #[error("{}", refused_summary(.0))]
    Refused(Vec<Refusal>),
}

impl miette::Diagnostic for PlanError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        match self {
            // `ApiError::code` (WeData's own code) would shadow the diagnostic code.
            Self::Read(error) => miette::Diagnostic::code(error),
            Self::LegacyDenied { .. } => Some(Box::new(PlanCode::LegacyNotAllowed.as_str())),
            Self::Refused(_) => Some(Box::new(PlanCode::Refused.as_str())),
        }
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        match self {
            Self::Read(error) => miette::Diagnostic::help(error),
            Self::LegacyDenied { .. } => Some(Box::new(
                "the legacy API is open only to some allow-listed accounts; move the project to api_version 2025-08-06",
            )),
            Self::Refused(_) => None,
        }
    }
}

fn refused_summary(refusals: &[Refusal]) -> String {
    match refusals {
        [only] => only.message.clone(),
        many => format!("{} guard rails refuse this plan", many.len()),
    }
}

/// Loads and checks the manifests under `directory` for `target`; nothing is read from WeData.
pub fn load(directory: &Path, target: Option<String>) -> Result<Project, Diagnostics> {
    manifest::load(directory, &LoadOptions { target })
}

/// Reads the live state the project refers to and plans against it, evaluating every guard
/// rail. `cache_identity` names what the live state belongs to (endpoint, or emulator state).
pub async fn plan(
    project: Project,
    client: &Client,
    cache_identity: &str,
    options: &Options,
) -> Result<Planned, PlanError> {
    let prune = options.prune || project.settings.prune;
    if project.settings.is_legacy() {
        return plan_legacy(project, client, prune, options).await;
    }
    let cache_path =
        DefinitionCache::path_for(&project.root, cache_identity, &project.settings.project_id);
    let (mut cache, warning) = DefinitionCache::load(cache_path.clone());
    let mut warnings: Vec<String> = warning.into_iter().collect();
    // `--refresh full` reads everything again but still refreshes the cache.
    if options.refresh == Refresh::Full {
        cache.forget_all();
    }
    let cache = Mutex::new(cache);
    let live = crate::live::fetch(
        client,
        &project.settings.project_id,
        &scope(&project, prune),
        Some(&cache),
    )
    .await
    .map_err(PlanError::Read)?;
    let cache = cache.into_inner().expect("cache lock");
    warnings.extend(cache.discarded_warning());
    cache.save();
    // Its copy of every definition is not needed past here; planning 10,000 tasks is where
    // the peak of memory would be.
    drop(cache);
    let notify_owners = options.notify_owners || project.settings.notify_owners_on_delete;
    let plan = build_plan(
        &project,
        &live,
        DeletionPolicy {
            prune,
            notify_owners,
        },
    );
    // Selection, impact, policies and the risk summary come before folders: a selected create
    // brings the folders it needs with it rather than being refused for them.
    let reviewed = review::review(
        client,
        &project,
        Some(&live),
        plan,
        options,
        Some(&cache_path),
    )
    .await?;
    let mut plan = reviewed.plan;
    warnings.extend(reviewed.warnings);
    let mut refusals = references::check(client, &project, &live)
        .await
        .map_err(PlanError::Read)?;
    refusals.extend(
        folders::plan_folders(client, &project, &mut plan)
            .await
            .map_err(PlanError::Read)?,
    );
    refusals.extend(renames::check(&project, &live));
    refusals.extend(immutable::check(&project, &plan));
    refusals.extend(guard::check(
        &project,
        &plan,
        max_deletes(&project, options),
    ));
    refusals.extend(reviewed.refusals);
    Ok(Planned {
        project,
        live,
        plan,
        refusals,
        warnings,
        cache_path: Some(cache_path),
        fail_on_active_runs: options.fail_on_active_runs,
    })
}

fn max_deletes(project: &Project, options: &Options) -> usize {
    options
        .max_deletes
        .or(project.settings.max_deletes)
        .unwrap_or(DEFAULT_MAX_DELETES)
}

/// The plan of a legacy project (API 2021-08-20): its pinned tasks read one by one with
/// DescribeTaskDetailDs, checked for what the legacy API cannot change, then planned as usual.
/// There is no definition cache (nothing lists the tasks, so nothing could tell an entry is
/// still current) and no pruning (the legacy API cannot delete).
async fn plan_legacy(
    project: Project,
    client: &Client,
    prune: bool,
    options: &Options,
) -> Result<Planned, PlanError> {
    if prune {
        return Err(PlanError::Refused(vec![Refusal::new(
            PlanCode::LegacyPrune,
            format!(
                "a project on the legacy API ({}) cannot prune: the legacy API cannot list or delete tasks",
                manifest::LEGACY_API_VERSION
            ),
        )
        .with_help(
            "remove --prune (and `prune: true` from wedata.yaml), or move the project to api_version 2025-08-06",
        )]));
    }
    let task_ids: Vec<String> = project
        .tasks
        .iter()
        .filter_map(|task| task.id().cloned())
        .collect();
    let live = crate::live::legacy::fetch(client, &project.settings.project_id, &task_ids)
        .await
        .map_err(|error| {
            if error.code() == Some("OperationDenied.UserNotInWhitelistError") {
                PlanError::LegacyDenied {
                    version: manifest::LEGACY_API_VERSION,
                    source: error,
                }
            } else {
                PlanError::Read(error)
            }
        })?;
    let refusals: Vec<Refusal> = crate::reconcile::legacy::check(&project, &live)
        .into_iter()
        .map(Refusal::from)
        .collect();
    let plan = build_plan(&project, &live, DeletionPolicy::default());
    let reviewed = review::review(client, &project, None, plan, options, None).await?;
    let plan = reviewed.plan;
    // A moved, re-typed or missing task makes the rest of the plan meaningless: the guard
    // rails would only repeat the same cause (a re-typed task as a refused replacement).
    let mut refusals = refusals;
    if refusals.is_empty() {
        refusals.extend(guard::check(&project, &plan, usize::MAX));
        refusals.extend(reviewed.refusals);
    }
    Ok(Planned {
        project,
        live,
        plan,
        refusals,
        warnings: reviewed.warnings,
        cache_path: None,
        fail_on_active_runs: options.fail_on_active_runs,
    })
}
