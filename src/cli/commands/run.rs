//! `wedata-gitops run [DIR] --workflow NAME [--wait]`: starts a run of a trigger workflow and
//! prints its id; with `--wait`, shows each task run's state as it changes and exits with how
//! the run ended. Ctrl-C while waiting asks whether to kill the run (see `cli::watch`).

use crate::cli::locking::{self, LockArgs};
use std::path::PathBuf;

use super::plan::{connect, load_directory, use_color};
use crate::cli::ExitStatus;
use crate::cli::connection::AccessArgs;
use crate::cli::watch::{Progress, WaitArgs, interrupt_on_ctrl_c, should_kill};
use crate::ops::poll::Source;
use crate::ops::run::{Ending, Outcome, RunKind};
use crate::ops::trigger::{self, TriggerRun};
use crate::ops::{self, OpsError};
use crate::render;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    /// The final state as JSON on stdout (progress still goes to stderr).
    Json,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit codes: 0 the run started (without --wait) or every task run \
    succeeded; 1 a task run failed, --timeout passed (the run goes on) or an error; 130 Ctrl-C \
    while waiting (the run was killed if you said so, else it goes on).\n\n\
    Ctrl-C while waiting asks \"Kill the run ...? [y/N]\" on a terminal; without a terminal \
    the run is left going and the command that kills it is printed, unless \
    --kill-on-interrupt says to kill it.\n\n\
    Examples:\n  \
    wedata-gitops run examples/tasks --workflow orders --emulate\n  \
    wedata-gitops run examples/tasks --workflow orders --wait --emulate\n  \
    wedata-gitops run tasks --target prod --workflow orders --wait --timeout 30m --format json"
)]
pub struct Args {
    /// The manifest root: the folder holding wedata.yaml.
    #[arg(default_value = ".")]
    pub directory: PathBuf,

    /// A target of wedata.yaml (dev, prod, ...): its name prefix is added to the workflow's.
    #[arg(long, short = 't', env = "WEDATA_TARGET")]
    pub target: Option<String>,

    /// The trigger workflow to run: its name in the manifests (the target's prefix is added),
    /// or its name in WeData.
    #[arg(long, value_name = "NAME")]
    pub workflow: String,

    #[command(flatten)]
    pub wait: WaitArgs,

    /// With --wait: on Ctrl-C, kill the run without asking.
    #[arg(long, requires = "wait")]
    pub kill_on_interrupt: bool,

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
    let project = load_directory(&args.directory, args.target.clone())?;
    let runtime = crate::cli::runtime()?;
    runtime.block_on(async {
        let connection = connect(&project, &args.access.with_default_timeout()).await?;
        let result = start_and_follow(&args, &project, &connection).await;
        connection.close().await;
        result
    })
}

async fn start_and_follow(
    args: &Args,
    project: &crate::manifest::Project,
    connection: &crate::cli::connection::Connection,
) -> miette::Result<ExitStatus> {
    let client = &connection.client;
    let project_id = project.settings.project_id.clone();
    let workflow = trigger::find_workflow(client, project, &args.workflow)
        .await
        .map_err(OpsError::into_report)?;
    // Starting the run is this command's write: it happens under the deployment lock, so it
    // never starts a workflow while an apply is rewriting it. Waiting is not locked (a long
    // run must not hold deploys back); a kill changes no definition and is not locked either.
    let lost = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let held = locking::acquire("run", project, connection, &args.lock, lost).await?;
    let started = trigger::start(client, &project_id, &workflow).await;
    locking::release(held, &args.lock).await;
    let execution_id = started.map_err(OpsError::into_report)?;
    let what = format!(
        "the run {execution_id} of {}",
        crate::history::printable(&workflow.name, 100)
    );
    if !args.wait.wait {
        let outcome = Outcome {
            kind: RunKind::WorkflowRun,
            target: workflow.name.clone(),
            id: execution_id.clone(),
            ending: Ending::Started,
            last: None,
            failed: Vec::new(),
            waited_ms: 0,
        };
        match args.format {
            Format::Text => {
                anstream::println!("{execution_id}");
                anstream::eprintln!(
                    "Started {what}; read it with: {}",
                    render::run::watch_command(&project_id, &execution_id)
                );
            }
            Format::Json => anstream::print!("{}", render::run::json(&outcome)),
        }
        return Ok(ExitStatus::Success);
    }
    anstream::eprintln!("Started {what}.");
    let (_interrupt_sender, interrupt) = interrupt_on_ctrl_c();
    let progress = Progress::on_stderr();
    let mut source = TriggerRun {
        client,
        project_id: project_id.clone(),
        workflow: workflow.clone(),
        execution_id: execution_id.clone(),
    };
    let waited = ops::poll::wait(
        &mut source,
        args.wait.limits(interrupt),
        |snapshot, changes| progress.observe(None, snapshot, changes),
    )
    .await;
    progress.finish();
    let (waited, elapsed) = waited.map_err(|error| {
        miette::Report::new(error).wrap_err(format!(
            "stopped following {what} (it goes on); read it with: {}",
            render::run::watch_command(&project_id, &execution_id)
        ))
    })?;
    let mut outcome = ops::conclude(
        client,
        &project_id,
        RunKind::WorkflowRun,
        &workflow.name,
        &execution_id,
        waited,
        elapsed.as_millis() as u64,
    )
    .await;
    let kill = render::run::kill_command(&project_id, &workflow.id, &execution_id);
    if outcome.ending == Ending::Interrupted {
        if should_kill(args.kill_on_interrupt, &what).await {
            match trigger::kill(client, &project_id, &workflow.id, &execution_id).await {
                Ok(Ok(())) => {
                    outcome.ending = Ending::Killed;
                    outcome.failed.clear();
                    if let Ok(last) = source.read().await {
                        outcome.last = Some(last);
                    }
                }
                Ok(Err(message)) => anstream::eprintln!(
                    "WeData did not kill {what}: {}",
                    crate::cli::printable(&message)
                ),
                Err(error) => anstream::eprintln!("{:?}", miette::Report::new(error)),
            }
        } else {
            anstream::eprintln!("{what} goes on; kill it with: {kill}");
        }
    }
    match args.format {
        Format::Text => anstream::print!("{}", render::run::outcome_text(&outcome, use_color())),
        Format::Json => anstream::print!("{}", render::run::json(&outcome)),
    }
    if outcome.ending == Ending::TimedOut {
        anstream::eprintln!(
            "Read it with: {}\nKill it with: {kill}",
            render::run::watch_command(&project_id, &execution_id)
        );
    }
    Ok(exit_status(outcome.ending))
}

/// The exit code of how a wait ended.
pub fn exit_status(ending: Ending) -> ExitStatus {
    match ending {
        Ending::Started | Ending::Succeeded => ExitStatus::Success,
        Ending::Interrupted | Ending::Killed => ExitStatus::Interrupted,
        Ending::Failed | Ending::TimedOut => ExitStatus::Failure,
    }
}
