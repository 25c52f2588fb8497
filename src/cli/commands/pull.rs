//! `wedata-gitops pull [DIR]`: for every managed task whose live draft differs from its
//! manifest (a console hot-fix), rewrites the manifest and code file so that `plan` becomes
//! clean; only the lines that differ change and every comment stays. `--include-new` also
//! writes manifests for live tasks of managed workflows that no manifest declares. Nothing
//! is sent to WeData. `--check` only shows what would change.

use std::path::PathBuf;

use miette::WrapErr;

use crate::cli::ExitStatus;
use crate::cli::connection::{Connection, ConnectionArgs};
use crate::history::HistoryError;
use crate::history::files::{GitCheck, check_git, write};
use crate::history::pull::{Pulled, pull, remaining, unsubmitted};
use crate::live::LiveWorkflow;
use crate::manifest::Project;
use crate::reconcile::Plan;
use crate::reconcile::inputs::{build_plan, scope};
use crate::reconcile::plan::DeletionPolicy;
use crate::render;

use super::plan::{ProjectArgs, Refresh};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit codes: 0 the manifests now match WeData (or already did), 1 error, uncommitted changes in the way, or something a person must look at (a member left as is or a workflow that differs: `plan` will not be clean; a warning on a new manifest), 2 with --check: files would change.\n\n\
    Pull refuses to rewrite files with uncommitted changes, and to write outside a Git repository, unless --force. \
    Members written as ${var.NAME}, secret-looking members and values holding a target's name prefix are left as is and reported. \
    On a project on the legacy 2021-08-20 API, pull works for the pinned tasks; --include-new does not (the legacy API cannot list a workflow's tasks).\n\n\
    Examples:\n  \
    wedata-gitops pull tasks --check\n  \
    wedata-gitops pull tasks && git diff\n  \
    wedata-gitops pull tasks --include-new --target prod"
)]
pub struct Args {
    /// The manifest root: the folder holding wedata.yaml.
    #[arg(default_value = ".")]
    pub directory: PathBuf,

    /// A target of wedata.yaml (dev, prod, ...) whose project, prefix and variables to use.
    #[arg(long, short = 't', env = "WEDATA_TARGET")]
    pub target: Option<String>,

    /// Also write manifests and code files for live tasks of managed workflows that no
    /// manifest declares (named by import's rules, next to their workflow's manifest).
    #[arg(long)]
    pub include_new: bool,

    /// Show what would change and write nothing; exit 2 when something would.
    #[arg(long)]
    pub check: bool,

    /// Write even over uncommitted changes, or outside a Git repository.
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

impl Args {
    fn project_args(&self) -> ProjectArgs {
        ProjectArgs {
            directory: self.directory.clone(),
            target: self.target.clone(),
            prune: false,
            max_deletes: None,
            notify_owners: false,
            refresh: Refresh::Full,
        }
    }
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let project = super::plan::load_project(&args.project_args())?;
    if project.settings.is_legacy() && args.include_new {
        return Err(miette::miette!(
            help = "run pull without --include-new, and adopt other tasks with `wedata-gitops import --task-id ID`",
            "--include-new is not available for a project on the legacy API ({}): it cannot list a workflow's tasks",
            crate::manifest::LEGACY_API_VERSION
        ));
    }
    let runtime = crate::cli::runtime()?;
    runtime.block_on(async {
        let connection = super::plan::connect(&project, &args.connection).await?;
        let result = pull_project(&args, project, &connection).await;
        connection.close().await;
        result
    })
}

/// The live state and the plan, read the way `plan` reads them (the one place `pull` calls
/// the planning path), with every definition of managed workflows for `--include-new`.
async fn live_and_plan(
    args: &Args,
    project: Project,
    connection: &Connection,
) -> miette::Result<(Project, Vec<LiveWorkflow>, Plan)> {
    if project.settings.is_legacy() {
        let planned = crate::planner::plan(
            project,
            &connection.client,
            &connection.identity,
            &args.project_args().options(),
        )
        .await
        .map_err(|error| super::plan::plan_error(error, None, "nothing was written"))?;
        // Policies judge what apply would write; pull only brings WeData's state into Git.
        let refusals: Vec<_> = planned
            .refusals
            .iter()
            .filter(|refusal| refusal.code != crate::codes::PlanCode::Policy)
            .cloned()
            .collect();
        if !refusals.is_empty() {
            return Err(super::plan::refused(
                &refusals,
                Some(&planned.project.root),
                "nothing was written",
            ));
        }
        return Ok((planned.project, planned.live, planned.plan));
    }
    let mut wanted = scope(&project, false);
    wanted.all_definitions = args.include_new;
    let live = crate::live::fetch(
        &connection.client,
        &project.settings.project_id,
        &wanted,
        None,
    )
    .await
    .map_err(miette::Report::new)
    .wrap_err("cannot read the live state from WeData")?;
    let plan = build_plan(&project, &live, DeletionPolicy::default());
    Ok((project, live, plan))
}

async fn pull_project(
    args: &Args,
    project: Project,
    connection: &Connection,
) -> miette::Result<ExitStatus> {
    let (project, live, plan) = live_and_plan(args, project, connection).await?;
    let pulled =
        pull(&project, &live, &plan, args.include_new).map_err(HistoryError::into_report)?;
    anstream::print!("{}", render::history::pull_text(&pulled, args.check));
    let color = super::plan::use_color();
    anstream::print!("{}", render::history::files_text(&pulled.files, color));
    let attention = pulled.needs_attention();
    let failure_or = |status| {
        if attention {
            ExitStatus::Failure
        } else {
            status
        }
    };
    if pulled.files.is_empty() {
        anstream::println!(
            "\n{}",
            if pulled.leaves_changes() {
                "Nothing pull can write; `plan` will still show the changes above."
            } else {
                "The manifests already match WeData."
            }
        );
        return Ok(failure_or(ExitStatus::Success));
    }
    if args.check {
        anstream::println!(
            "\n{} file{} would change; run without --check to write {}.",
            pulled.files.len(),
            if pulled.files.len() == 1 { "" } else { "s" },
            if pulled.files.len() == 1 {
                "it"
            } else {
                "them"
            }
        );
        return Ok(failure_or(ExitStatus::ChangesPending));
    }
    let git = if args.force {
        GitCheck::Skipped
    } else {
        GitCheck::Required
    };
    check_git(&project.root, &pulled.files, git).map_err(HistoryError::into_report)?;
    let written = write(&project.root, &pulled.files).map_err(HistoryError::into_report)?;
    anstream::println!(
        "\nWrote {} file{}. Review them with `git diff` and commit; `wedata-gitops plan` {}.",
        written.len(),
        if written.len() == 1 { "" } else { "s" },
        if pulled.leaves_changes() {
            "will still show the members left as is"
        } else {
            "shows no changes for the pulled tasks"
        }
    );
    if verify(args, &live, &pulled)? {
        Ok(failure_or(ExitStatus::Success))
    } else {
        Ok(ExitStatus::Failure)
    }
}

/// Plans the rewritten project against the same live state: the pulled tasks must be clean
/// but for the members reported as left as is. Returns whether they are.
fn verify(args: &Args, live: &[LiveWorkflow], pulled: &Pulled) -> miette::Result<bool> {
    let reloaded = super::plan::load_project(&args.project_args())
        .wrap_err("the rewritten manifests do not load; `git diff` shows what pull wrote")?;
    let plan = build_plan(&reloaded, live, DeletionPolicy::default());
    for address in unsubmitted(&plan, pulled) {
        anstream::println!(
            "note: {address} is saved in WeData but not submitted: `apply` submits it (the manifest now matches it)."
        );
    }
    let left = remaining(&plan, pulled);
    if !left.is_empty() {
        anstream::eprintln!(
            "warning: the plan still shows changes pull should have written: {}",
            left.join(", ")
        );
        return Ok(false);
    }
    Ok(true)
}
