//! `wedata-gitops apply [DIR]`: plans (or reads a saved plan and checks it is still current),
//! asks for confirmation, then creates, updates and submits in dependency order and verifies.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use miette::IntoDiagnostic;

use super::plan::{
    ProjectArgs, ReviewArgs, connect, load_project, plan_error, planner_options, print_warnings,
    use_color,
};
use crate::apply::{ApplyOptions, Outcome, ResourceResult, execute};
use crate::cli::ExitStatus;
use crate::cli::connection::ConnectionArgs;
use crate::cli::locking::{self, LockArgs};
use crate::ops;
use crate::planner;
use crate::render;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit codes: 0 everything applied (or nothing to do) and every run after it \
    succeeded; 1 error, any resource failed or skipped, a run after the apply failed or timed \
    out, a guard rail or a policy error refused the plan (before any write), --fail-on-active-runs found runs, or the deployment lock was held past --lock-timeout or \
    lost; 130 Ctrl-C: before any write (the lock is released, nothing was written), a second time \
    while writing, or while waiting for the runs (they go on).\n\n\
    apply holds the deployment lock of the project and target (a record in WeData's Data Exploration folder /wedata-gitops-locks) from before it reads WeData to its end: a second apply waits for it (--lock-timeout), and a run killed without releasing blocks others for at most --lock-lease. See force-unlock and docs/security.md.\n\n\
    Examples:\n  \
    wedata-gitops apply examples/tasks --emulate --auto-approve\n  \
    wedata-gitops apply examples/tasks --emulate --auto-approve --run\n  \
    wedata-gitops apply tasks --target prod --auto-approve --fail-on-active-runs\n  \
    wedata-gitops apply tasks --target prod --auto-approve\n  \
    wedata-gitops apply tasks --select 'task.orders.*' --auto-approve\n  \
    wedata-gitops apply tasks --target prod --plan plan.json --auto-approve"
)]
pub struct Args {
    #[command(flatten)]
    pub project: ProjectArgs,

    #[command(flatten)]
    pub review: ReviewArgs,

    /// Apply this saved plan (from `plan --out`); refused if anything changed since.
    #[arg(long, value_name = "PLAN_FILE")]
    pub plan: Option<PathBuf>,

    /// Do not ask for confirmation (required without a terminal, e.g. in CI).
    #[arg(long)]
    pub auto_approve: bool,

    /// Resources written at the same time; at least 1.
    #[arg(long, value_name = "N", default_value_t = 10,
          value_parser = crate::cli::values::at_least_one::<usize>)]
    pub parallelism: usize,

    /// How to show the result.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// VersionRemark of the submitted versions (default: the git commit and subject).
    #[arg(long, short = 'm', value_name = "TEXT")]
    pub message: Option<String>,

    /// Refuse, before any write, to update, submit, replace or delete a task that has a run
    /// or instance still going; the refusal lists them.
    #[arg(long)]
    pub fail_on_active_runs: bool,

    /// After a successful apply, run every trigger workflow it changed, wait for the runs and
    /// exit 1 when one fails (a workflow's manifest can ask for this with
    /// `run_after_apply: true`).
    #[arg(long)]
    pub run: bool,

    /// Stop waiting for the runs after this long (90s, 10m, 1h30m); they go on, and apply
    /// exits 1.
    #[arg(long, value_name = "DURATION", value_parser = crate::cli::values::duration)]
    pub run_timeout: Option<std::time::Duration>,

    /// The shortest time between two reads of a run (default: 5s shared by its tasks, at
    /// least 1s); at least 100ms.
    #[arg(long, value_name = "DURATION", value_parser = crate::cli::values::short_duration)]
    pub poll_interval: Option<std::time::Duration>,

    #[command(flatten)]
    pub lock: LockArgs,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let project = load_project(&args.project)?;
    let interactive = std::io::stdin().is_terminal();
    if !args.auto_approve && !interactive {
        return Err(miette::miette!(
            code = crate::codes::PlanCode::NeedsApproval.as_str(),
            help = "add --auto-approve to apply without a prompt (as CI does), or run it in a terminal",
            "apply needs confirmation, and there is no terminal to ask on"
        ));
    }
    let runtime = crate::cli::runtime()?;
    runtime.block_on(async {
        let connection = connect(&project, &args.connection).await?;
        let result = apply_under_lock(&args, project, &connection, interactive).await;
        connection.close().await;
        result
    })
}

/// Takes the deployment lock, plans and applies under it, and gives the lock back whatever
/// happened (Ctrl-C included: see `watch_interrupts`).
async fn apply_under_lock(
    args: &Args,
    project: crate::manifest::Project,
    connection: &crate::cli::connection::Connection,
    interactive: bool,
) -> miette::Result<ExitStatus> {
    // The saved plan is read (as data) before anything is asked of WeData.
    let saved = match &args.plan {
        Some(path) => Some(planner::saved::read(path).map_err(miette::Report::new)?),
        None => None,
    };
    let lost = Arc::new(AtomicBool::new(false));
    let held = locking::acquire("apply", &project, connection, &args.lock, lost.clone()).await?;
    let interrupts = Interrupts::watch(held.releaser(), lost.clone());
    let result = apply(args, project, connection, interactive, saved, &interrupts).await;
    interrupts.end();
    locking::release(held, &args.lock).await;
    if lost.load(Ordering::SeqCst) {
        return Err(miette::miette!(
            code = crate::codes::LockCode::Lost.as_str(),
            help = "someone forced the lock open or it could not be renewed: check who holds it now, then plan and apply again",
            "the deployment lock was lost during the apply: nothing new was started after that"
        ));
    }
    result
}

/// What Ctrl-C does: before the first write it releases the lock and exits at once (130);
/// while writing, the first one lets calls in flight finish and starts nothing new, a second
/// one releases the lock and exits. A lost lock stops the run like a first Ctrl-C.
struct Interrupts {
    /// Set once writing starts.
    writing: Arc<AtomicBool>,
    /// The executor's stop flag.
    stop: Arc<AtomicBool>,
    /// Turns true on the first Ctrl-C after writing started (waiting for runs stops).
    interrupted: tokio::sync::watch::Receiver<bool>,
    watcher: tokio::task::JoinHandle<()>,
    lost_watcher: tokio::task::JoinHandle<()>,
}

impl Interrupts {
    fn watch(releaser: crate::lock::Releaser, lost: Arc<AtomicBool>) -> Self {
        let writing = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let (interrupt_sender, interrupted) = tokio::sync::watch::channel(false);
        let watcher = tokio::spawn({
            let writing = writing.clone();
            let stop = stop.clone();
            async move {
                if tokio::signal::ctrl_c().await.is_err() {
                    return;
                }
                if !writing.load(Ordering::SeqCst) {
                    eprintln!("\nInterrupted before any write; releasing the deployment lock.");
                    release_briefly(&releaser).await;
                    std::process::exit(130);
                }
                stop.store(true, Ordering::SeqCst);
                let _ = interrupt_sender.send(true);
                eprintln!(
                    "\nInterrupted: finishing calls in flight, starting nothing new (Ctrl-C again to abort)."
                );
                if tokio::signal::ctrl_c().await.is_ok() {
                    release_briefly(&releaser).await;
                    std::process::exit(130);
                }
            }
        });
        let lost_watcher = tokio::spawn({
            let stop = stop.clone();
            async move {
                while !lost.load(Ordering::SeqCst) {
                    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                }
                stop.store(true, Ordering::SeqCst);
            }
        });
        Self {
            writing,
            stop,
            interrupted,
            watcher,
            lost_watcher,
        }
    }

    fn end(self) {
        self.watcher.abort();
        self.lost_watcher.abort();
    }
}

/// Releases the lock, but never waits more than a few seconds (the person pressed Ctrl-C).
async fn release_briefly(releaser: &crate::lock::Releaser) {
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), releaser.release()).await;
}

async fn apply(
    args: &Args,
    project: crate::manifest::Project,
    connection: &crate::cli::connection::Connection,
    interactive: bool,
    saved: Option<crate::reconcile::Plan>,
    interrupts: &Interrupts,
) -> miette::Result<ExitStatus> {
    let root = project.root.clone();
    let client = &connection.client;
    let options = planner::Options {
        fail_on_active_runs: args.fail_on_active_runs,
        ..planner_options(&args.project, &args.review)
    };
    let planned = planner::plan(project, client, &connection.identity, &options)
        .await
        .map_err(|error| plan_error(error, Some(&root), NOTHING_WRITTEN))?;
    print_warnings(&planned.warnings);
    if let (Some(saved), Some(path)) = (&saved, &args.plan) {
        planner::saved::check(saved, &planned.plan).map_err(|differences| {
            saved_plan_mismatch(
                path,
                &args.project,
                &args.review,
                &args.connection,
                &differences,
            )
        })?;
    }
    // What is shown is the plan computed now (equal to the saved one when there is one);
    // it goes to stderr when stdout carries JSON.
    let shown = render::text::render(&planned.plan, use_color() && args.format == Format::Text);
    match args.format {
        Format::Text => anstream::print!("{shown}"),
        Format::Json => anstream::eprint!("{shown}"),
    }
    let approved = planner::approve(client, planned)
        .await
        .map_err(|error| plan_error(error, Some(&root), NOTHING_WRITTEN))?;
    let plan = approved.plan();
    if !plan.summary.has_changes() && plan.changing().next().is_none() {
        if args.format == Format::Json {
            anstream::println!("{}", render::result::json(&crate::apply::Report::empty()));
        }
        return Ok(ExitStatus::Success);
    }
    let announced = ops::after_apply::workflows_to_run(
        approved.project(),
        plan,
        &plan
            .changing()
            .map(|resource| (resource.address.clone(), resource.id.clone()))
            .collect::<Vec<_>>(),
        args.run,
    );
    if !announced.is_empty() {
        let names: Vec<String> = announced
            .iter()
            .map(|workflow| crate::cli::printable(&workflow.name))
            .collect();
        anstream::eprintln!(
            "After a successful apply, {} will be run and waited for.",
            names.join(", ")
        );
    }
    if !args.auto_approve && interactive && !confirm()? {
        anstream::eprintln!("Apply cancelled; nothing was changed.");
        return Ok(ExitStatus::Failure);
    }

    interrupts.writing.store(true, Ordering::SeqCst);
    let stop = interrupts.stop.clone();
    let interrupt = interrupts.interrupted.clone();
    let total = plan.changing().count() as u64;
    let progress = progress_reporter(total);
    let options = ApplyOptions {
        parallelism: args.parallelism,
        version_remark: args
            .message
            .clone()
            .unwrap_or_else(|| version_remark(&root)),
        stop: stop.clone(),
        progress: Some(progress.0.clone()),
    };
    let mut report = execute(client, &approved, &options).await;
    if let Some(bar) = progress.1 {
        bar.finish_and_clear();
    }
    if report.writes_succeeded() && !stop.load(Ordering::SeqCst) {
        report.runs = run_changed_workflows(args, &approved, client, &report, interrupt).await;
    }
    match args.format {
        Format::Text => anstream::print!("\n{}", render::result::text(&report, use_color())),
        Format::Json => anstream::print!("{}", render::result::json(&report)),
    }
    let interrupted = report
        .runs
        .iter()
        .any(|run| run.ending == crate::ops::run::Ending::Interrupted);
    Ok(if interrupted {
        ExitStatus::Interrupted
    } else if report.is_success() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// The runs after a successful apply: every trigger workflow it changed with `--run`, else
/// those whose manifest sets `run_after_apply`; started at once and followed to their ends.
/// Ctrl-C stops waiting and leaves them going (the commands that kill them are printed).
async fn run_changed_workflows(
    args: &Args,
    approved: &planner::Approved,
    client: &crate::api::Client,
    report: &crate::apply::Report,
    interrupt: tokio::sync::watch::Receiver<bool>,
) -> Vec<crate::ops::run::Outcome> {
    let project = approved.project();
    let to_run =
        ops::after_apply::workflows_to_run(project, approved.plan(), &report.written(), args.run);
    if to_run.is_empty() {
        return Vec::new();
    }
    let limits = crate::ops::poll::Limits {
        policy: crate::ops::poll::PollPolicy::with_shortest(args.poll_interval),
        timeout: args.run_timeout,
        interrupt: Some(interrupt),
    };
    let progress = crate::cli::watch::Progress::on_stderr();
    let observe = |workflow: &str,
                   snapshot: &crate::ops::run::Snapshot,
                   changes: &[crate::ops::run::Change]| {
        progress.observe(Some(workflow), snapshot, changes)
    };
    let finished =
        ops::after_apply::run_and_wait(client, project, &to_run, &limits, &observe).await;
    progress.finish();
    let project_id = &project.settings.project_id;
    for run in &finished {
        let going = matches!(
            run.outcome.ending,
            crate::ops::run::Ending::Interrupted | crate::ops::run::Ending::TimedOut
        );
        if let (true, Some(workflow_id)) = (going, &run.workflow_id) {
            anstream::eprintln!(
                "{}'s run goes on; kill it with: {}",
                crate::cli::printable(&run.outcome.target),
                render::run::kill_command(project_id, workflow_id, &run.outcome.id)
            );
        }
    }
    finished.into_iter().map(|run| run.outcome).collect()
}

/// What every refusal before the first write ends with.
const NOTHING_WRITTEN: &str = "nothing was written to WeData";

/// The error when a saved plan is not what apply would do now.
fn saved_plan_mismatch(
    path: &Path,
    project: &ProjectArgs,
    review: &ReviewArgs,
    connection: &ConnectionArgs,
    differences: &[String],
) -> miette::Report {
    let listed: Vec<String> = differences
        .iter()
        .map(|difference| format!("  - {difference}"))
        .collect();
    miette::miette!(
        code = crate::codes::PlanCode::Stale.as_str(),
        help = format!(
            "run `{}` again and review the new plan",
            super::plan::plan_command(project, review, connection, path)
        ),
        "the saved plan {} is not what apply would do now, so it was not applied; {NOTHING_WRITTEN}:\n{}",
        path.display(),
        listed.join("\n")
    )
}

fn confirm() -> miette::Result<bool> {
    eprint!("\nApply these changes to WeData? Only 'yes' is accepted: ");
    std::io::stderr().flush().into_diagnostic()?;
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .into_diagnostic()?;
    Ok(answer.trim() == "yes")
}

/// A progress bar on a terminal, one line per resource otherwise.
fn progress_reporter(total: u64) -> (crate::apply::Progress, Option<indicatif::ProgressBar>) {
    if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(total);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        let for_callback = bar.clone();
        let callback: crate::apply::Progress = Arc::new(move |result: &ResourceResult| {
            for_callback.inc(1);
            for_callback.set_message(result.address.clone());
            if result.outcome == Outcome::Failed {
                for_callback.println(format!("failed: {}", result.address));
            }
        });
        (callback, Some(bar))
    } else {
        let callback: crate::apply::Progress = Arc::new(|result: &ResourceResult| {
            let outcome = match result.outcome {
                Outcome::Succeeded => "ok",
                Outcome::Failed => "FAILED",
                Outcome::Skipped => "skipped",
                Outcome::NotStarted => "not started",
            };
            eprintln!(
                "{} {}: {outcome} ({} ms)",
                render::verb(result.action),
                result.address,
                result.duration_ms
            );
        });
        (callback, None)
    }
}

/// "abc1234 Subject of the commit" when DIR is in a git repository.
fn version_remark(directory: &Path) -> String {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(directory)
        .args(["log", "-1", "--format=%h %s"])
        .output();
    match output {
        Ok(output) if output.status.success() => {
            let text = String::from_utf8_lossy(&output.stdout).trim().to_owned();
            if text.is_empty() {
                "wedata-gitops apply".to_owned()
            } else {
                text.chars().take(200).collect()
            }
        }
        _ => "wedata-gitops apply".to_owned(),
    }
}
