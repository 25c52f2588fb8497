//! The review steps of the planning path, run on the plan as built: the `--select`ion (the
//! plan reduced to the matching resources, refused when one needs an unselected create), the
//! downstream impact (read through `impact`, with its cache beside the definition cache), the
//! policies (`policy`, offline and live rules), and the risk summary computed last from all
//! of it. Everything lands in the `Plan` (so a saved plan pins it) or in refusals.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;

use super::{Options, PlanError, Refresh, Refusal};
use crate::api::Client;
use crate::codes::PlanCode;
use crate::impact::cache::LookupCache;
use crate::live::LiveWorkflow;
use crate::manifest::Project;
use crate::policy::locate::Locator;
use crate::reconcile::Plan;
use crate::reconcile::review::{ImpactMode, Risk, Severity};
use crate::reconcile::select::{self, SelectError};

/// The plan after the review steps, and the refusals they found.
pub(super) struct Reviewed {
    pub plan: Plan,
    pub refusals: Vec<Refusal>,
    pub warnings: Vec<String>,
}

/// Selects, reads the impact (unless `live` is `None`: a legacy project), checks the policies
/// and sums up the risk. `definition_cache` is the definition cache's file, beside which the
/// lookups are cached.
pub(super) async fn review(
    client: &Client,
    project: &Project,
    live: Option<&[LiveWorkflow]>,
    plan: Plan,
    options: &Options,
    definition_cache: Option<&Path>,
) -> Result<Reviewed, PlanError> {
    let mut warnings = Vec::new();
    // Every task a manifest declares, by TaskId: a task `--select` leaves out is still managed.
    let managed: HashMap<String, String> = plan
        .resources
        .iter()
        .filter(|resource| resource.kind.is_task() && resource.source.is_some())
        .filter_map(|resource| Some((resource.id.clone()?, resource.address.clone())))
        .collect();
    let (mut plan, unmet) = select::select(plan, &options.select)
        .map_err(|error| PlanError::Refused(vec![selection_refusal(error)]))?;
    let mut refusals: Vec<Refusal> = unmet
        .into_iter()
        .map(|unmet| {
            let message = if unmet.after {
                format!(
                    "{} is replaced (a new TaskId), and {} refers to it: it must be updated after the replacement, and --select leaves it out",
                    unmet.address, unmet.needs
                )
            } else {
                format!(
                    "{} needs {} to be {} first, and --select leaves it out",
                    unmet.address,
                    unmet.needs,
                    past_participle(unmet.action)
                )
            };
            Refusal::new(PlanCode::SelectionIncomplete, message)
            .with_help(format!(
                "add `--select {}` (or a pattern matching it), or apply without --select",
                unmet.needs
            ))
        })
        .collect();

    match live {
        Some(live) => {
            let cache_path = definition_cache.map(LookupCache::path_beside);
            let cache = cache_path.map(|path| {
                let (mut cache, warning) = LookupCache::load(path);
                warnings.extend(warning);
                if options.refresh == Refresh::Full {
                    cache.forget_all();
                }
                Mutex::new(cache)
            });
            let found = crate::impact::read(
                client,
                &project.settings.project_id,
                &plan,
                live,
                &managed,
                &crate::impact::Options {
                    mode: options.impact,
                    allow_orphans: options.allow_orphaned_downstream,
                },
                cache.as_ref(),
            )
            .await
            .map_err(PlanError::Read)?;
            if let Some(cache) = cache {
                let cache = cache.into_inner().expect("impact cache lock");
                warnings.extend(cache.discarded_warning());
                cache.save();
            }
            plan.impact = found.impact;
            plan.neighbours = found.neighbours;
        }
        // A legacy project: its API has no dependency lookups.
        None => plan.impact.mode = ImpactMode::Off,
    }

    let root = project.root.clone();
    let mut locator =
        Locator::new(move |file: &Path| std::fs::read_to_string(root.join(file)).ok());
    let mut violations = crate::policy::check_manifests(project, &mut locator);
    violations.extend(crate::policy::check_plan(project, &plan, &mut locator));
    if !plan.selection.is_empty() {
        violations.retain(|violation| plan.resource(&violation.address).is_some());
    }
    violations.sort_by(|left, right| {
        (&left.file, left.line, left.column, &left.rule).cmp(&(
            &right.file,
            right.line,
            right.column,
            &right.rule,
        ))
    });
    violations.dedup();
    refusals.extend(
        violations
            .iter()
            .filter(|violation| violation.severity == Severity::Error)
            .map(|violation| {
                Refusal::new(
                    PlanCode::Policy,
                    format!("policy `{}`: {}", violation.rule, violation.message),
                )
                .at(&violation.file, violation.line, violation.column)
                .with_help(format!(
                    "change the manifest to follow the rule, or relax `policies.{}` in wedata.yaml (or for this target)",
                    violation.rule
                ))
            }),
    );
    plan.policy_violations = violations;
    plan.risk = Risk::of(&plan);
    Ok(Reviewed {
        plan,
        refusals,
        warnings,
    })
}

fn selection_refusal(error: SelectError) -> Refusal {
    let refusal = Refusal::new(PlanCode::SelectMatchesNothing, error.to_string());
    match error {
        SelectError::NothingMatches { known, .. } if !known.is_empty() => refusal.with_help(format!(
            "patterns match plan addresses such as {}; `*` matches any run of characters",
            known.join(", ")
        )),
        _ => refusal.with_help(
            "write a plan address or a glob: task.orders.clean_orders, task.orders.*, workflow.orders",
        ),
    }
}

fn past_participle(action: crate::reconcile::Action) -> &'static str {
    match action {
        crate::reconcile::Action::Create => "created",
        crate::reconcile::Action::Delete => "deleted",
        crate::reconcile::Action::Replace => "replaced",
        _ => "changed",
    }
}
