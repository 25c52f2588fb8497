//! `wedata-gitops history [DIR] ADDRESS`: the submitted versions of a task, newest first,
//! with who submitted each, when, its remark and the Git commit `apply` recorded in it; the
//! version in production is marked. Also the arguments `diff` and `rollback` share.

use std::path::PathBuf;

use crate::cli::ExitStatus;
use crate::cli::connection::{Connection, ConnectionArgs};
use crate::history::locate::{Located, locate};
use crate::history::{HistoryError, versions};
use crate::manifest::{Project, Task};
use crate::render;

/// A project folder and one task's address in it: `[DIRECTORY] ADDRESS`.
#[derive(Debug, Clone, clap::Args)]
pub struct TaskArgs {
    /// The manifest root, the folder holding wedata.yaml (default: the current folder). Given
    /// alone, the argument is the ADDRESS.
    #[arg(value_name = "DIRECTORY")]
    pub first: String,

    /// The task's address as `plan` shows it: task.<workflow>.<name>.
    #[arg(value_name = "ADDRESS")]
    pub second: Option<String>,

    /// A target of wedata.yaml (dev, prod, ...) whose project, prefix and variables to use.
    #[arg(long, short = 't', env = "WEDATA_TARGET")]
    pub target: Option<String>,
}

impl TaskArgs {
    pub fn directory(&self) -> PathBuf {
        match &self.second {
            Some(_) => PathBuf::from(&self.first),
            None => PathBuf::from("."),
        }
    }

    pub fn address(&self) -> &str {
        self.second.as_deref().unwrap_or(&self.first)
    }

    /// Loads the project (refusing a legacy one for `command`), before any API call.
    pub fn load(&self, command: &'static str) -> miette::Result<Project> {
        let project = super::plan::load_project(&super::plan::ProjectArgs {
            directory: self.directory(),
            target: self.target.clone(),
            prune: false,
            max_deletes: None,
            notify_owners: false,
            refresh: super::plan::Refresh::Auto,
        })?;
        if project.settings.is_legacy() {
            return Err(HistoryError::legacy(command).into_report());
        }
        Ok(project)
    }
}

/// Finds the declared task and reads it from WeData.
pub async fn located<'a>(
    project: &'a Project,
    address: &str,
    connection: &Connection,
) -> miette::Result<(&'a Task, Located)> {
    let task =
        crate::history::address::find(project, address).map_err(HistoryError::into_report)?;
    let located = locate(&connection.client, project, task)
        .await
        .map_err(HistoryError::into_report)?;
    Ok((task, located))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
#[command(
    override_usage = "wedata-gitops history [OPTIONS] [DIRECTORY] <ADDRESS>",
    after_help = "Exit codes: 0 success, 1 error (including a project on the legacy 2021-08-20 API, which keeps no version list).\n\n\
    The COMMIT column is read from the VersionRemark `apply` writes (\"<short commit> <subject>\"); versions submitted otherwise show `-`.\n\n\
    Examples:\n  \
    wedata-gitops history tasks task.orders.load_orders\n  \
    wedata-gitops history tasks task.dev_orders.load_orders --target dev\n  \
    wedata-gitops history task.orders.load_orders --format json"
)]
pub struct Args {
    #[command(flatten)]
    pub task: TaskArgs,

    /// How to show the versions.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let project = args.task.load("history")?;
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
    let (_, located) = located(project, args.task.address(), connection).await?;
    let listed = versions::list(
        &connection.client,
        &project.settings.project_id,
        &located.task_id,
        located.periodic,
    )
    .await
    .map_err(miette::Report::new)?;
    let shown = match args.format {
        Format::Text => render::history::versions_text(&located.address, &located.task_id, &listed),
        Format::Json => render::history::versions_json(&located.address, &located.task_id, &listed),
    };
    anstream::print!("{shown}");
    Ok(ExitStatus::Success)
}
