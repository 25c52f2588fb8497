//! `wedata-gitops force-unlock [DIR]`: says who holds the deployment lock of the project and
//! target, and removes it after confirmation (`--yes` without a terminal). For a run that was
//! killed and whose lease has not run out yet; a live run that loses its lock stops starting
//! new writes (see `lock`). Arguments and printing only: the lock is `lock`'s.

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;

use miette::IntoDiagnostic;

use super::plan::{connect, load_directory};
use crate::cli::ExitStatus;
use crate::cli::connection::ConnectionArgs;
use crate::cli::locking::{self, LockArgs};
use crate::lock;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit codes: 0 no lock was held, or it was removed; 1 error, or not confirmed.\n\n\
    Only for a run that is gone: a run that is still writing and loses its lock stops starting \
    new writes, but what it already started goes on. Check the holder shown first.\n\n\
    Examples:\n  \
    wedata-gitops force-unlock tasks --target prod\n  \
    wedata-gitops force-unlock tasks --target prod --yes"
)]
pub struct Args {
    /// The manifest root: the folder holding wedata.yaml.
    #[arg(default_value = ".")]
    pub directory: PathBuf,

    /// The target of wedata.yaml whose lock to remove.
    #[arg(long, short = 't', env = "WEDATA_TARGET")]
    pub target: Option<String>,

    /// Remove the lock without asking (required without a terminal).
    #[arg(long)]
    pub yes: bool,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let project = load_directory(&args.directory, args.target.clone())?;
    let settings = locking::settings(
        &project,
        &LockArgs {
            lock_timeout: lock::DEFAULT_TIMEOUT,
            lock_lease: lock::DEFAULT_LEASE,
        },
    );
    let runtime = crate::cli::runtime()?;
    runtime.block_on(async {
        let connection = connect(&project, &args.connection).await?;
        let result = force_unlock(&args, &settings, &connection).await;
        connection.close().await;
        result
    })
}

async fn force_unlock(
    args: &Args,
    settings: &lock::Settings,
    connection: &crate::cli::connection::Connection,
) -> miette::Result<ExitStatus> {
    let records = lock::records(&connection.client, settings)
        .await
        .map_err(miette::Report::new)?;
    if records.is_empty() {
        anstream::println!(
            "No deployment lock is held for project {} ({}).",
            settings.project_id,
            settings.key
        );
        return Ok(ExitStatus::Success);
    }
    anstream::println!(
        "The deployment lock of project {} ({}) is held by:",
        settings.project_id,
        settings.key
    );
    for record in &records {
        anstream::println!("  {}", record.holder());
    }
    let interactive = std::io::stdin().is_terminal();
    if !args.yes {
        if !interactive {
            return Err(miette::miette!(
                help =
                    "add --yes to remove it without a prompt, once you are sure that run is gone",
                "not removed: force-unlock needs confirmation, and there is no terminal to ask on"
            ));
        }
        eprint!("\nRemove it? A run still writing would lose its lock. Only 'yes' is accepted: ");
        std::io::stderr().flush().into_diagnostic()?;
        let mut answer = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .into_diagnostic()?;
        if answer.trim() != "yes" {
            anstream::eprintln!("Not removed.");
            return Ok(ExitStatus::Failure);
        }
    }
    let removed = lock::force_unlock(&connection.client, settings)
        .await
        .map_err(miette::Report::new)?;
    anstream::println!(
        "Removed the deployment lock ({} record{}).",
        removed.len(),
        if removed.len() == 1 { "" } else { "s" }
    );
    Ok(ExitStatus::Success)
}
