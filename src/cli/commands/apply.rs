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
use crate::planner;
use crate::render;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit codes: 0 everything applied (or nothing to do), 1 error (also: a guard rail or a policy error refused the plan, before any write), or any resource failed or skipped.\n\n\
    Examples:\n  \
    wedata-gitops apply examples/tasks --emulate --auto-approve\n  \
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
        let result = apply(&args, project, &connection, interactive).await;
        connection.close().await;
        result
    })
}

async fn apply(
    args: &Args,
    project: crate::manifest::Project,
    connection: &crate::cli::connection::Connection,
    interactive: bool,
) -> miette::Result<ExitStatus> {
    let root = project.root.clone();
    // The saved plan is read (as data) before anything is asked of WeData.
    let saved = match &args.plan {
        Some(path) => Some(planner::saved::read(path).map_err(miette::Report::new)?),
        None => None,
    };
    let client = &connection.client;
    let planned = planner::plan(
        project,
        client,
        &connection.identity,
        &planner_options(&args.project, &args.review),
    )
    .await
    .map_err(|error| plan_error(error, Some(&root), NOTHING_WRITTEN))?;
    print_warnings(&planned.warnings);
    if let (Some(saved), Some(path)) = (&saved, &args.plan) {
        planner::saved::check(saved, &planned.plan).map_err(|differences| {
            saved_plan_mismatch(path, &args.project, &args.review, &differences)
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
    if !args.auto_approve && interactive && !confirm()? {
        anstream::eprintln!("Apply cancelled; nothing was changed.");
        return Ok(ExitStatus::Failure);
    }

    let stop = Arc::new(AtomicBool::new(false));
    let stop_on_signal = stop.clone();
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            stop_on_signal.store(true, Ordering::SeqCst);
            eprintln!(
                "\nInterrupted: finishing calls in flight, starting nothing new (Ctrl-C again to abort)."
            );
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(130);
            }
        }
    });
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
    let report = execute(client, &approved, &options).await;
    if let Some(bar) = progress.1 {
        bar.finish_and_clear();
    }
    match args.format {
        Format::Text => anstream::print!("\n{}", render::result::text(&report, use_color())),
        Format::Json => anstream::print!("{}", render::result::json(&report)),
    }
    Ok(if report.is_success() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// What every refusal before the first write ends with.
const NOTHING_WRITTEN: &str = "nothing was written to WeData";

/// The error when a saved plan is not what apply would do now.
fn saved_plan_mismatch(
    path: &Path,
    project: &ProjectArgs,
    review: &ReviewArgs,
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
            super::plan::plan_command(project, review, path)
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
