//! `wedata-gitops rollback [DIR] ADDRESS --to V`: rewrites the task's manifest members and
//! code file to the content of submitted version V. Only the lines that differ change. The
//! person reviews (`git diff`), commits, then plans and applies as usual; nothing is sent to
//! WeData. `--check` only shows what would change.

use super::history::{TaskArgs, located};
use crate::cli::ExitStatus;
use crate::cli::connection::{Connection, ConnectionArgs};
use crate::history::files::{GitCheck, check_git, write};
use crate::history::rollback::{remaining, rollback};
use crate::history::{HistoryError, printable};
use crate::manifest::Project;
use crate::render;

#[derive(Debug, clap::Args)]
#[command(
    override_usage = "wedata-gitops rollback [OPTIONS] --to <V> [DIRECTORY] <ADDRESS>",
    after_help = "Exit codes: 0 the manifest now describes version V (or already did), 1 error, or a member was left as is (the plan will not match V: see the message), 2 with --check: files would change.\n\n\
    Rollback refuses to rewrite files with uncommitted changes, and to write outside a Git repository, unless --force. \
    Members written as ${var.NAME}, secret-looking members and values holding a target's name prefix are left as is and reported.\n\n\
    Examples:\n  \
    wedata-gitops rollback tasks task.orders.load_orders --to V1 --check\n  \
    wedata-gitops rollback tasks task.orders.load_orders --to V1 && git diff\n  \
    git commit -am 'Roll load_orders back to V1' && wedata-gitops apply tasks"
)]
pub struct Args {
    #[command(flatten)]
    pub task: TaskArgs,

    /// The version to roll back to (V3, 3, or its VersionId).
    #[arg(long, value_name = "V")]
    pub to: String,

    /// Show what would change and write nothing; exit 2 when something would.
    #[arg(long)]
    pub check: bool,

    /// Write even over uncommitted changes, or outside a Git repository.
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let project = args.task.load("rollback")?;
    let runtime = crate::cli::runtime()?;
    runtime.block_on(async {
        let connection = super::plan::connect(&project, &args.connection).await?;
        let result = roll_back(&args, &project, &connection).await;
        connection.close().await;
        result
    })
}

async fn roll_back(
    args: &Args,
    project: &Project,
    connection: &Connection,
) -> miette::Result<ExitStatus> {
    let (task, located) = located(project, args.task.address(), connection).await?;
    let rolled_back = rollback(&connection.client, project, task, &located, &args.to)
        .await
        .map_err(HistoryError::into_report)?;
    let version = &rolled_back.version;
    let commit = version
        .commit
        .as_deref()
        .map(|commit| format!(", commit {commit}"))
        .unwrap_or_default();
    anstream::println!(
        "Rolling {} back to {} (submitted {} by {}{commit})\n",
        located.address,
        printable(&version.version, 12),
        printable(&version.time, 19),
        printable(&version.user, 20)
    );
    anstream::print!(
        "{}",
        render::history::tasks_text(std::slice::from_ref(&rolled_back.task))
    );
    let color = super::plan::use_color();
    anstream::print!("{}", render::history::files_text(&rolled_back.files, color));
    let kept = !rolled_back.task.kept.is_empty();
    if rolled_back.files.is_empty() {
        anstream::println!(
            "\nThe manifest already describes {}{}.",
            version.version,
            if kept {
                ", but for the members left as is"
            } else {
                ""
            }
        );
        return Ok(if kept {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        });
    }
    if args.check {
        anstream::println!(
            "\n{} file{} would change; run without --check to write {}.",
            rolled_back.files.len(),
            if rolled_back.files.len() == 1 {
                ""
            } else {
                "s"
            },
            if rolled_back.files.len() == 1 {
                "it"
            } else {
                "them"
            }
        );
        return Ok(if kept {
            ExitStatus::Failure
        } else {
            ExitStatus::ChangesPending
        });
    }
    let git = if args.force {
        GitCheck::Skipped
    } else {
        GitCheck::Required
    };
    check_git(&project.root, &rolled_back.files, git).map_err(HistoryError::into_report)?;
    let written = write(&project.root, &rolled_back.files).map_err(HistoryError::into_report)?;
    anstream::println!(
        "\nWrote {}. Review with `git diff`, commit, then `wedata-gitops plan` and `apply` as usual.",
        written
            .iter()
            .map(|path| path.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let reloaded = args.task.load("rollback")?;
    let left = remaining(&reloaded, &located, &rolled_back);
    if !left.is_empty() {
        anstream::eprintln!(
            "warning: the manifest still differs from {} in: {}",
            version.version,
            left.join(", ")
        );
        return Ok(ExitStatus::Failure);
    }
    Ok(if kept {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}
