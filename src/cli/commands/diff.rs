//! `wedata-gitops diff [DIR] ADDRESS --version V [--against live|manifest|VERSION]`: the
//! members and decoded code that differ from a submitted version of a task to its live
//! draft (default), its manifest (declared members only, as `plan` compares) or another
//! version, in the plan's text style.

use super::history::{TaskArgs, located};
use crate::cli::ExitStatus;
use crate::cli::connection::{Connection, ConnectionArgs};
use crate::history::HistoryError;
use crate::history::diff::{Against, diff};
use crate::manifest::Project;
use crate::render;

#[derive(Debug, clap::Args)]
#[command(
    override_usage = "wedata-gitops diff [OPTIONS] --version <V> [DIRECTORY] <ADDRESS>",
    // `--version V` names the task version here, as the issue and `history` read it.
    disable_version_flag = true,
    after_help = "Exit codes: 0 success (whether or not anything differs), 1 error (including a project on the legacy 2021-08-20 API, which keeps no versions).\n\n\
    Versions are named as `history` lists them (V3, or 3) or by VersionId.\n\n\
    Examples:\n  \
    wedata-gitops diff tasks task.orders.load_orders --version V1\n  \
    wedata-gitops diff tasks task.orders.load_orders --version V1 --against manifest\n  \
    wedata-gitops diff tasks task.orders.load_orders --version V1 --against V3"
)]
pub struct Args {
    #[command(flatten)]
    pub task: TaskArgs,

    /// The version to compare from.
    #[arg(long, value_name = "V")]
    pub version: String,

    /// What to compare it with: `live` (the draft in WeData now), `manifest` (the declared
    /// members) or another version.
    #[arg(long, value_name = "live|manifest|VERSION", default_value = "live")]
    pub against: String,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let project = args.task.load("diff")?;
    let runtime = crate::cli::runtime()?;
    runtime.block_on(async {
        let connection = super::plan::connect(&project, &args.connection).await?;
        let result = show(&args, &project, &connection).await;
        connection.close().await;
        result
    })
}

async fn show(
    args: &Args,
    project: &Project,
    connection: &Connection,
) -> miette::Result<ExitStatus> {
    let (task, located) = located(project, args.task.address(), connection).await?;
    let compared = diff(
        &connection.client,
        &project.settings.project_id,
        task,
        &located,
        &args.version,
        &Against::parse(&args.against),
    )
    .await
    .map_err(HistoryError::into_report)?;
    let heading = format!("{} ({})", located.address, located.task_id);
    anstream::print!(
        "{}",
        render::history::diff_text(
            &heading,
            &compared.from,
            &compared.to,
            &compared.changes,
            super::plan::use_color()
        )
    );
    Ok(ExitStatus::Success)
}
