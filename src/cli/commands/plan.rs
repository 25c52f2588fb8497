//! `wedata-gitops plan [DIR]`: reads the manifests and the live state, and shows what `apply`
//! would change, as text, JSON, Markdown or an HTML report; `--out` saves the plan for
//! `apply --plan`, `--html-out` the HTML report.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use miette::{IntoDiagnostic, WrapErr};

use crate::cli::ExitStatus;
use crate::cli::connection::{Connection, ConnectionArgs, ProjectDefaults};
use crate::codes::PlanCode;
use crate::manifest::Project;
use crate::planner::{self, PlanError, Refusal};
use crate::reconcile::Plan;
use crate::reconcile::review::ImpactMode;
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

    /// Have WeData tell the owners of a deleted task's downstream tasks (OperateInform) on
    /// every deletion (also `notify_owners_on_delete: true` in the target).
    #[arg(long)]
    pub notify_owners: bool,

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

impl ProjectArgs {
    /// How the planner should plan, from these arguments (a whole plan, the default impact).
    pub fn options(&self) -> planner::Options {
        planner::Options {
            prune: self.prune,
            max_deletes: self.max_deletes,
            notify_owners: self.notify_owners,
            refresh: match self.refresh {
                Refresh::Auto => planner::Refresh::Auto,
                Refresh::Full => planner::Refresh::Full,
            },
            ..planner::Options::default()
        }
    }
}

/// Options shared by plan and apply: which resources, and how far to look downstream.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ReviewArgs {
    /// Plan (and apply) only the resources whose address matches: `task.orders.clean_orders`,
    /// `task.orders.*`, `workflow.orders` (`*` any run of characters, `?` one). Repeatable;
    /// nothing else is added, and a selected resource that needs an unselected one created
    /// first is refused.
    #[arg(long = "select", value_name = "PATTERN")]
    pub select: Vec<String>,

    /// How far to look downstream of each changed task for the tasks it reaches, also outside
    /// this repository: `off` (none), `direct` (one lookup per changed task), `auto` (direct,
    /// then deeper levels within a budget of 100 more lookups), `all` (everything reachable,
    /// up to 2,000 lookups). Deleted and replaced tasks are always checked.
    #[arg(long, value_enum, default_value_t = Impact::Auto, value_name = "MODE")]
    pub impact: Impact,

    /// Allow deleting or replacing a task that tasks outside this repository depend on
    /// (they would be left without their upstream).
    #[arg(long)]
    pub allow_orphaned_downstream: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Impact {
    Off,
    Direct,
    #[default]
    Auto,
    All,
}

/// How the planner should plan, from the project and review arguments.
pub fn planner_options(project: &ProjectArgs, review: &ReviewArgs) -> planner::Options {
    planner::Options {
        impact: match review.impact {
            Impact::Off => ImpactMode::Off,
            Impact::Direct => ImpactMode::Direct,
            Impact::Auto => ImpactMode::Auto,
            Impact::All => ImpactMode::All,
        },
        allow_orphaned_downstream: review.allow_orphaned_downstream,
        select: review.select.clone(),
        ..project.options()
    }
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit codes: 0 success, 1 error (also: a guard rail or a policy error refuses the plan), 2 changes pending (only with --detailed-exitcode).\n\n\
    Every plan starts with its risk (deletions, replacements, owner and schedule changes, tasks outside\n\
    this repository reached, policy violations) and lists the tasks downstream of each change.\n\n\
    Examples:\n  \
    wedata-gitops plan examples/tasks --emulate\n  \
    wedata-gitops plan tasks --target prod --format markdown > plan.md\n  \
    wedata-gitops plan tasks --target prod --out plan.json\n  \
    wedata-gitops plan tasks --select 'task.orders.*' --impact all\n  \
    wedata-gitops plan tasks --format markdown --html-out plan.html > plan.md"
)]
pub struct Args {
    #[command(flatten)]
    pub project: ProjectArgs,

    #[command(flatten)]
    pub review: ReviewArgs,

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

/// Loads the manifests (failing before any API call on invalid input).
pub fn load_project(args: &ProjectArgs) -> miette::Result<Project> {
    load_directory(&args.directory, args.target.clone())
}

/// Loads the manifests under `directory` for `target`, printing every problem.
pub fn load_directory(directory: &Path, target: Option<String>) -> miette::Result<Project> {
    planner::load(directory, target).map_err(|diagnostics| {
        for report in diagnostics.reports() {
            anstream::eprintln!("{report:?}\n");
        }
        let count = diagnostics.errors.len();
        miette::miette!(
            code = PlanCode::InvalidManifests.as_str(),
            "{count} problem{} found in the manifests; nothing was sent to WeData",
            if count == 1 { "" } else { "s" }
        )
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

/// Prints the planner's warnings to stderr.
pub fn print_warnings(warnings: &[String]) {
    for warning in warnings {
        anstream::eprintln!("{warning}");
    }
}

/// Prints refusals to stderr (with a snippet of the manifest under `root` each points at)
/// and returns the error that ends the command.
pub fn refused(refusals: &[Refusal], root: Option<&Path>, consequence: &str) -> miette::Report {
    for refusal in refusals {
        let report = miette::Report::new(render::refusal::report(refusal, root));
        anstream::eprintln!("{report:?}\n");
    }
    miette::miette!(
        code = PlanCode::Refused.as_str(),
        "{} {consequence}",
        if refusals.len() == 1 {
            "1 problem stops this plan:".to_owned()
        } else {
            format!("{} problems stop this plan:", refusals.len())
        }
    )
}

/// A planner error as the report the CLI prints (refusals listed one by one, with snippets of
/// the manifests under `root`).
pub fn plan_error(error: PlanError, root: Option<&Path>, consequence: &str) -> miette::Report {
    match error {
        PlanError::Refused(refusals) => refused(&refusals, root, consequence),
        other => miette::Report::new(other),
    }
}

/// Whether to colour output: stdout is a terminal and NO_COLOR is unset.
pub fn use_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    if let (Some(out), Some(html_out)) = (&args.out, &args.html_out) {
        if out == html_out {
            return Err(miette::miette!(
                help =
                    "give the HTML report its own file, e.g. --out plan.json --html-out plan.html",
                "--out and --html-out name the same file {}: the report would overwrite the saved plan",
                out.display()
            ));
        }
    }
    let project = load_project(&args.project)?;
    let root = project.root.clone();
    let runtime = crate::cli::runtime()?;
    runtime.block_on(async {
        let connection = connect(&project, &args.connection).await?;
        let planned = planner::plan(
            project,
            &connection.client,
            &connection.identity,
            &planner_options(&args.project, &args.review),
        )
        .await;
        connection.close().await;
        let planned =
            planned.map_err(|error| plan_error(error, Some(&root), "nothing was planned"))?;
        print_warnings(&planned.warnings);
        let plan = &planned.plan;
        let shown = match args.format {
            Format::Text => render::text::render(plan, use_color()),
            Format::Json => render::json::render(plan),
            // A pull-request comment of a refused plan says why (stderr is not posted).
            Format::Markdown => {
                render::markdown::render(plan)
                    + &render::markdown::refusals(&refusal_rows(&planned.refusals))
            }
            Format::Html => render::html::render(plan),
        };
        anstream::print!("{shown}");
        // The report is for reviewers, so it is written even when a guard rail refuses the plan.
        if let Some(path) = &args.html_out {
            std::fs::write(path, render::html::render(plan))
                .into_diagnostic()
                .wrap_err_with(|| format!("cannot write the HTML report to {}", path.display()))?;
            anstream::eprintln!("Wrote the HTML report to {}.", path.display());
        }
        if !planned.refusals.is_empty() {
            let consequence = if args.out.is_some() {
                "apply would refuse it, so it was not saved"
            } else {
                "apply would refuse it"
            };
            return Err(refused(&planned.refusals, Some(&root), consequence));
        }
        if let Some(out) = &args.out {
            save(plan, out)?;
            anstream::eprintln!(
                "Saved the plan to {}; apply it with `{}`.",
                out.display(),
                apply_command(&args.project, &args.review, &args.connection, out)
            );
        }
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

/// The command that applies a plan saved to `out` for the same directory, target, selection,
/// impact and WeData (apply computes the plan again with them, and compares).
fn apply_command(
    project: &ProjectArgs,
    review: &ReviewArgs,
    connection: &ConnectionArgs,
    out: &Path,
) -> String {
    command_line("apply", project, review, connection, "--plan", out)
}

/// The command that saves a plan to `out` again, for the same directory and target.
pub fn plan_command(
    project: &ProjectArgs,
    review: &ReviewArgs,
    connection: &ConnectionArgs,
    out: &Path,
) -> String {
    command_line("plan", project, review, connection, "--out", out)
}

/// The words that repeat a run against the same project, target, pruning, selection, impact
/// and WeData (the endpoint or the emulator; never credentials).
fn command_line(
    verb: &str,
    project: &ProjectArgs,
    review: &ReviewArgs,
    connection: &ConnectionArgs,
    file_flag: &str,
    file: &Path,
) -> String {
    let mut words = vec![
        "wedata-gitops".to_owned(),
        verb.to_owned(),
        shell_word(&project.directory.display().to_string()),
    ];
    if let Some(target) = &project.target {
        words.push("--target".to_owned());
        words.push(shell_word(target));
    }
    if project.prune {
        words.push("--prune".to_owned());
    }
    if project.notify_owners {
        words.push("--notify-owners".to_owned());
    }
    if let Some(max_deletes) = project.max_deletes {
        words.push(format!("--max-deletes {max_deletes}"));
    }
    let mut patterns = review.select.clone();
    patterns.sort();
    patterns.dedup();
    for pattern in patterns {
        words.push("--select".to_owned());
        words.push(shell_word(&pattern));
    }
    if review.impact != Impact::Auto {
        let value = clap::ValueEnum::to_possible_value(&review.impact)
            .map(|value| value.get_name().to_owned())
            .unwrap_or_default();
        words.push(format!("--impact {value}"));
    }
    if review.allow_orphaned_downstream {
        words.push("--allow-orphaned-downstream".to_owned());
    }
    match &connection.emulate {
        Some(None) => words.push("--emulate".to_owned()),
        Some(Some(state)) => words.push(format!(
            "--emulate={}",
            shell_word(&state.display().to_string())
        )),
        None => {
            if let Some(endpoint) = &connection.endpoint {
                words.push("--endpoint".to_owned());
                words.push(shell_word(endpoint));
            }
        }
    }
    words.push(file_flag.to_owned());
    words.push(shell_word(&file.display().to_string()));
    words.join(" ")
}

/// `text` as one POSIX shell word: unchanged when plain, single-quoted otherwise.
fn shell_word(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|character| character.is_ascii_alphanumeric() || "-_./:=@%+,".contains(character));
    if plain {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

fn refusal_rows(refusals: &[planner::Refusal]) -> Vec<render::markdown::RefusalRow> {
    refusals
        .iter()
        .map(|refusal| render::markdown::RefusalRow {
            code: refusal.code.to_string(),
            location: refusal.location.as_ref().map(ToString::to_string),
            message: refusal.message.clone(),
            help: refusal.help.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_saved_plan_hint_names_the_directory_and_the_target() {
        let project = ProjectArgs {
            directory: PathBuf::from("my tasks"),
            target: Some("prod".into()),
            prune: true,
            max_deletes: None,
            notify_owners: false,
            refresh: Refresh::Auto,
        };
        let connection = <crate::cli::Cli as clap::Parser>::try_parse_from([
            "wedata-gitops",
            "plan",
            "--emulate=state dir/s.json",
        ])
        .map(|cli| match cli.command {
            crate::cli::Command::Plan(args) => args.connection,
            _ => unreachable!(),
        })
        .unwrap();
        assert_eq!(
            apply_command(
                &project,
                &ReviewArgs::default(),
                &connection,
                Path::new("plan.json")
            ),
            "wedata-gitops apply 'my tasks' --target prod --prune --emulate='state dir/s.json' --plan plan.json"
        );
        let review = ReviewArgs {
            select: vec!["task.orders.*".into(), "workflow.orders".into()],
            impact: Impact::All,
            allow_orphaned_downstream: true,
        };
        assert_eq!(
            apply_command(&project, &review, &connection, Path::new("plan.json")),
            "wedata-gitops apply 'my tasks' --target prod --prune --select 'task.orders.*' --select workflow.orders --impact all --allow-orphaned-downstream --emulate='state dir/s.json' --plan plan.json"
        );
        assert_eq!(shell_word("it's"), "'it'\\''s'");
    }
}
