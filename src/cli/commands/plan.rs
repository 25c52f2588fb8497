//! `wedata-gitops plan [DIR]`: reads the manifests and the live state, and shows what `apply`
//! would change, as text, JSON, Markdown or an HTML report; `--out` saves the plan for
//! `apply --plan`, `--html-out` the HTML report.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use miette::{IntoDiagnostic, WrapErr};

use crate::cli::ExitStatus;
use crate::cli::connection::{Connection, ConnectionArgs, ProjectDefaults};
use crate::live::LiveWorkflow;
use crate::live::cache::DefinitionCache;
use crate::manifest::{self, LoadOptions, Project};
use crate::reconcile::inputs::{build_plan, scope};
use crate::reconcile::plan::DeletionPolicy;
use crate::reconcile::{Action, Plan};
use crate::render;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Markdown,
    /// One self-contained HTML page: the dependency graph, filters, diffs on click.
    Html,
}

/// Options shared by plan and apply: where the manifests are and which target.
#[derive(Debug, Clone, clap::Args)]
pub struct ProjectArgs {
    /// The manifest root: the folder holding wedata.yaml.
    #[arg(default_value = ".")]
    pub directory: PathBuf,

    /// A target of wedata.yaml (dev, prod, ...) whose overrides to apply.
    #[arg(long, short = 't', env = "WEDATA_TARGET")]
    pub target: Option<String>,

    /// Delete live tasks of managed workflows that no manifest declares (also `prune: true`
    /// in the target).
    #[arg(long)]
    pub prune: bool,

    /// Refuse a plan that deletes more than this many tasks (default: `max_deletes` of the
    /// target or project file, else 5).
    #[arg(long, value_name = "N")]
    pub max_deletes: Option<usize>,

    /// `auto` reuses cached task definitions whose LastUpdateTime and version are unchanged;
    /// `full` reads every definition from WeData again.
    #[arg(long, value_enum, default_value_t = Refresh::Auto)]
    pub refresh: Refresh,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Refresh {
    Auto,
    Full,
}

/// The default cap on deletions in one plan.
pub const DEFAULT_MAX_DELETES: usize = 5;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit codes: 0 success, 1 error, 2 changes pending (only with --detailed-exitcode).\n\n\
    Examples:\n  \
    wedata-gitops plan examples/tasks --emulate\n  \
    wedata-gitops plan tasks --target prod --format markdown > plan.md\n  \
    wedata-gitops plan tasks --target prod --out plan.json\n  \
    wedata-gitops plan tasks --format markdown --html-out plan.html > plan.md"
)]
pub struct Args {
    #[command(flatten)]
    pub project: ProjectArgs,

    /// How to show the plan.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Also save the plan (JSON, with fingerprints) for `apply --plan`.
    #[arg(long, value_name = "PLAN_FILE")]
    pub out: Option<PathBuf>,

    /// Also write the HTML report (one self-contained file, whatever --format shows), to
    /// publish as a CI artifact. Only for people: `apply --plan` takes the JSON of --out.
    #[arg(long, value_name = "HTML_FILE")]
    pub html_out: Option<PathBuf>,

    /// Exit 2 when the plan has changes (0 when none, 1 on error).
    #[arg(long)]
    pub detailed_exitcode: bool,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

/// The project, the live state it refers to, and the plan between them.
pub struct Planned {
    pub project: Project,
    pub live: Vec<LiveWorkflow>,
    pub plan: Plan,
}

/// Loads the manifests (failing before any API call on invalid input).
pub fn load_project(args: &ProjectArgs) -> miette::Result<Project> {
    manifest::load(
        &args.directory,
        &LoadOptions {
            target: args.target.clone(),
        },
    )
    .map_err(|diagnostics| {
        anstream::eprint!("{}", diagnostics.render());
        miette::miette!("the manifests are invalid; nothing was sent to WeData")
    })
}

pub async fn connect(project: &Project, connection: &ConnectionArgs) -> miette::Result<Connection> {
    let defaults = ProjectDefaults {
        endpoint: project.settings.endpoint.clone(),
        region: project.settings.region.clone(),
        api_version: project.settings.api_version.clone(),
    };
    connection.connect(&defaults, &project.root).await
}

pub async fn compute(
    project: Project,
    connection: &Connection,
    args: &ProjectArgs,
) -> miette::Result<Planned> {
    let prune = args.prune || project.settings.prune;
    if project.settings.is_legacy() {
        return compute_legacy(project, connection, prune).await;
    }
    if prune && project.tasks.is_empty() {
        // An empty or misplaced manifest directory must never read as "delete everything".
        return Err(miette::miette!(
            help = "check the directory argument; pruning needs at least one declared task",
            "refusing to prune: {} declares no tasks",
            project.root.display()
        ));
    }
    let cache_path = DefinitionCache::path_for(
        &project.root,
        &connection.identity,
        &project.settings.project_id,
    );
    let (cache, warning) = DefinitionCache::load(cache_path);
    if let Some(warning) = warning {
        anstream::eprintln!("{warning}");
    }
    let cache = std::sync::Mutex::new(cache);
    // `--refresh full` reads everything again but still refreshes the cache.
    if args.refresh == Refresh::Full {
        cache.lock().expect("cache lock").forget_all();
    }
    let live = crate::live::fetch(
        &connection.client,
        &project.settings.project_id,
        &scope(&project, prune),
        Some(&cache),
    )
    .await
    .map_err(miette::Report::new)
    .wrap_err("cannot read the live state from WeData")?;
    cache.into_inner().expect("cache lock").save();
    let plan = build_plan(&project, &live, DeletionPolicy { prune });
    let max_deletes = args
        .max_deletes
        .or(project.settings.max_deletes)
        .unwrap_or(DEFAULT_MAX_DELETES);
    if plan.summary.delete > max_deletes {
        return Err(miette::miette!(
            help = "review the manifests (a renamed folder?), or raise the cap with --max-deletes N (or max_deletes in wedata.yaml) if this is intended",
            "refusing a plan that deletes {} tasks: the cap is {max_deletes}",
            plan.summary.delete
        ));
    }
    Ok(Planned {
        project,
        live,
        plan,
    })
}

/// The plan of a legacy project (API 2021-08-20): its pinned tasks read one by one with
/// DescribeTaskDetailDs, checked for what the legacy API cannot change, then planned as usual.
/// There is no definition cache (nothing lists the tasks, so nothing could tell an entry is
/// still current) and no pruning (the legacy API cannot delete).
async fn compute_legacy(
    project: Project,
    connection: &Connection,
    prune: bool,
) -> miette::Result<Planned> {
    if prune {
        return Err(miette::miette!(
            help = "remove --prune (and `prune: true` from wedata.yaml), or move the project to api_version 2025-08-06",
            "a project on the legacy API ({}) cannot prune: the legacy API cannot list or delete tasks",
            manifest::LEGACY_API_VERSION
        ));
    }
    let task_ids: Vec<String> = project
        .tasks
        .iter()
        .filter_map(|task| task.id().cloned())
        .collect();
    let live =
        crate::live::legacy::fetch(&connection.client, &project.settings.project_id, &task_ids)
            .await
            .map_err(legacy_read_error)?;
    let problems = crate::reconcile::legacy::check(&project, &live);
    if !problems.is_empty() {
        for problem in &problems {
            anstream::eprintln!("error: {problem}");
        }
        return Err(miette::miette!(
            "{} with the pinned tasks; nothing was written to WeData",
            if problems.len() == 1 {
                "1 problem".to_owned()
            } else {
                format!("{} problems", problems.len())
            }
        ));
    }
    let plan = build_plan(&project, &live, DeletionPolicy { prune: false });
    Ok(Planned {
        project,
        live,
        plan,
    })
}

/// A read error of a legacy project, with the hint for the legacy API's own refusal.
fn legacy_read_error(error: crate::api::ApiError) -> miette::Report {
    if error.code() == Some("OperationDenied.UserNotInWhitelistError") {
        return miette::miette!(
            help = "the legacy API is open only to some allow-listed accounts; move the project to api_version 2025-08-06",
            "this account may not use the legacy API ({}): {error}",
            manifest::LEGACY_API_VERSION
        );
    }
    miette::Report::new(error).wrap_err("cannot read the pinned tasks from WeData")
}

/// Whether to colour output: stdout is a terminal and NO_COLOR is unset.
pub fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let project = load_project(&args.project)?;
    let runtime = crate::cli::runtime()?;
    runtime.block_on(async {
        let connection = connect(&project, &args.connection).await?;
        let planned = compute(project, &connection, &args.project).await;
        connection.close().await;
        let planned = planned?;
        let plan = &planned.plan;
        let shown = match args.format {
            Format::Text => render::text::render(plan, use_color()),
            Format::Json => render::json::render(plan),
            Format::Markdown => render::markdown::render(plan),
            Format::Html => render::html::render(plan),
        };
        anstream::print!("{shown}");
        if let Some(out) = &args.out {
            save(plan, out)?;
            anstream::eprintln!(
                "Saved the plan to {}; apply it with `wedata-gitops apply --plan {}`.",
                out.display(),
                out.display()
            );
        }
        if let Some(path) = &args.html_out {
            std::fs::write(path, render::html::render(plan))
                .into_diagnostic()
                .wrap_err_with(|| format!("cannot write the HTML report to {}", path.display()))?;
            anstream::eprintln!("Wrote the HTML report to {}.", path.display());
        }
        refuse_replacements(plan)?;
        Ok(if args.detailed_exitcode && plan.summary.has_changes() {
            ExitStatus::ChangesPending
        } else {
            ExitStatus::Success
        })
    })
}

fn save(plan: &Plan, path: &Path) -> miette::Result<()> {
    std::fs::write(path, render::json::render(plan))
        .into_diagnostic()
        .wrap_err_with(|| format!("cannot write the plan to {}", path.display()))
}

/// Replacing a task means deleting it: refused unless the plan may delete, and always for a
/// task marked `prevent_destroy`.
pub fn refuse_replacements(plan: &Plan) -> miette::Result<()> {
    let replaced: Vec<&crate::reconcile::ResourceChange> = plan
        .changing()
        .filter(|resource| resource.action == Action::Replace)
        .collect();
    let protected: Vec<&str> = replaced
        .iter()
        .filter(|resource| resource.prevent_destroy)
        .map(|resource| resource.address.as_str())
        .collect();
    if !protected.is_empty() {
        return Err(miette::miette!(
            help = "change the task type back, or remove prevent_destroy from the manifest if replacing it is intended",
            "prevent_destroy forbids replacing {}: the task type cannot change in place",
            protected.join(", ")
        ));
    }
    if replaced.is_empty() || plan.deletion_allowed {
        return Ok(());
    }
    let addresses: Vec<&str> = replaced
        .iter()
        .map(|resource| resource.address.as_str())
        .collect();
    Err(miette::miette!(
        help = "run with --prune (or prune: true for the target) to allow deleting and creating it again, change the task type back, or give the task a new name",
        "{} would need to be deleted and created again because an immutable member (the task type) changed: {}",
        if addresses.len() == 1 {
            "a task"
        } else {
            "tasks"
        },
        addresses.join(", ")
    ))
}
