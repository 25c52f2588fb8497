//! `wedata-gitops backfill [DIR] --task ADDRESS --from DATE --to DATE [--wait]`: creates a
//! backfill plan of a periodic task over a range of days and prints its id; with `--wait`,
//! shows each instance's state as it changes and exits with how the backfill ended.

use crate::cli::locking::{self, LockArgs};
use std::path::PathBuf;

use super::plan::{connect, load_directory, use_color};
use super::run::{Format, exit_status};
use crate::cli::ExitStatus;
use crate::cli::connection::AccessArgs;
use crate::cli::watch::{Progress, WaitArgs, interrupt_on_ctrl_c};
use crate::ops::backfill::{self, BackfillRun};
use crate::ops::run::{Ending, Outcome, RunKind};
use crate::ops::{self, OpsError};
use crate::render;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit codes: 0 the plan was created (without --wait) or every instance \
    completed; 1 an instance failed, --timeout passed (the backfill goes on) or an error; 130 \
    Ctrl-C while waiting (the backfill goes on).\n\n\
    One instance per day from --from to --to, both included, oldest first.\n\n\
    Examples:\n  \
    wedata-gitops backfill examples/tasks --task task.finance_daily.close_report \\\n    \
    --from 2025-01-01 --to 2025-01-03 --wait --emulate\n  \
    wedata-gitops backfill tasks --target prod --task task.finance_daily.close_report \\\n    \
    --from 2025-01-01 --to 2025-01-31 --wait --timeout 2h --format json"
)]
pub struct Args {
    /// The manifest root: the folder holding wedata.yaml.
    #[arg(default_value = ".")]
    pub directory: PathBuf,

    /// A target of wedata.yaml (dev, prod, ...) whose overrides to apply.
    #[arg(long, short = 't', env = "WEDATA_TARGET")]
    pub target: Option<String>,

    /// The periodic task, as `plan` shows its address: task.<workflow>.<name>.
    #[arg(long, value_name = "ADDRESS")]
    pub task: String,

    /// The first day to backfill, yyyy-MM-dd.
    #[arg(long, value_name = "DATE", value_parser = crate::cli::values::date)]
    pub from: jiff::civil::Date,

    /// The last day to backfill (included), yyyy-MM-dd.
    #[arg(long, value_name = "DATE", value_parser = crate::cli::values::date)]
    pub to: jiff::civil::Date,

    #[command(flatten)]
    pub wait: WaitArgs,

    /// How to show the result.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    #[command(flatten)]
    pub lock: LockArgs,

    #[command(flatten)]
    pub access: AccessArgs,
}

/// Gives the deployment lock back; a failure only delays others until the lease runs out.
pub fn run(args: Args) -> miette::Result<ExitStatus> {
    // A range that ends before it starts is refused before anything is read.
    backfill::check_range(args.from, args.to).map_err(OpsError::into_report)?;
    let project = load_directory(&args.directory, args.target.clone())?;
    let runtime = crate::cli::runtime()?;
    runtime.block_on(async {
        let connection = connect(&project, &args.access.with_default_timeout()).await?;
        let result = create_and_follow(&args, &project, &connection).await;
        connection.close().await;
        result
    })
}

async fn create_and_follow(
    args: &Args,
    project: &crate::manifest::Project,
    connection: &crate::cli::connection::Connection,
) -> miette::Result<ExitStatus> {
    let client = &connection.client;
    let project_id = project.settings.project_id.clone();
    let task = backfill::find_task(client, project, &args.task)
        .await
        .map_err(OpsError::into_report)?;
    // Creating the plan is this command's write: it happens under the deployment lock, so it
    // never starts instances of a task an apply is rewriting. Waiting is not locked.
    let lost = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let held = locking::acquire("backfill", project, connection, &args.lock, lost).await?;
    let created = backfill::create(client, &project_id, &task, args.from, args.to).await;
    locking::release(held, &args.lock).await;
    let plan_id = created.map_err(OpsError::into_report)?;
    let described = backfill::describe(client, &project_id, &plan_id)
        .await
        .unwrap_or_else(|_| format!("backfill plan {plan_id}"));
    let what = format!(
        "{} of {}",
        crate::history::printable(&described, 200),
        task.address
    );
    if !args.wait.wait {
        let outcome = Outcome {
            kind: RunKind::Backfill,
            target: task.address.clone(),
            id: plan_id.clone(),
            ending: Ending::Started,
            last: None,
            failed: Vec::new(),
            waited_ms: 0,
        };
        match args.format {
            Format::Text => {
                anstream::println!("{plan_id}");
                anstream::eprintln!("Created {what}.");
            }
            Format::Json => anstream::print!("{}", render::run::json(&outcome)),
        }
        return Ok(ExitStatus::Success);
    }
    anstream::eprintln!("Created {what}.");
    let (_interrupt_sender, interrupt) = interrupt_on_ctrl_c();
    let progress = Progress::on_stderr();
    let mut source = BackfillRun {
        client,
        project_id: project_id.clone(),
        plan_id: plan_id.clone(),
        task_id: task.task_id.clone(),
    };
    let waited = ops::poll::wait(
        &mut source,
        args.wait.limits(interrupt),
        |snapshot, changes| progress.observe(None, snapshot, changes),
    )
    .await;
    progress.finish();
    let (waited, elapsed) = waited.map_err(|error| {
        miette::Report::new(error).wrap_err(format!("stopped following {what} (it goes on)"))
    })?;
    let outcome = ops::conclude(
        client,
        &project_id,
        RunKind::Backfill,
        &task.address,
        &plan_id,
        waited,
        elapsed.as_millis() as u64,
    )
    .await;
    if outcome.ending == Ending::Interrupted {
        anstream::eprintln!("{what} goes on.");
    }
    match args.format {
        Format::Text => anstream::print!("{}", render::run::outcome_text(&outcome, use_color())),
        Format::Json => anstream::print!("{}", render::run::json(&outcome)),
    }
    Ok(exit_status(outcome.ending))
}
