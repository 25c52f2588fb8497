//! The command line: clap argument types, settings resolution and exit codes.
//!
//! Each command lives in its own file under `commands/` and exposes an `Args` struct and a
//! `run` function returning an [`ExitStatus`]. Nothing here talks to WeData directly.

pub mod commands;
pub mod connection;
mod exit;
pub mod locking;
pub mod report;
mod values;
pub mod watch;

use clap::{Parser, Subcommand};

pub use exit::ExitStatus;

/// GitOps for Tencent Cloud WeData tasks.
///
/// Task definitions live in Git as YAML manifests plus real code files. `validate` checks them
/// offline, `plan` shows what would change in WeData, and `apply` makes WeData match, in
/// dependency order. Add `--emulate` to try any of it against a local emulator.
#[derive(Debug, Parser)]
#[command(
    name = "wedata-gitops",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// Log each API call (action, attempt, duration, RequestId) to stderr, and at the end the
    /// calls and rejected calls (RequestLimitExceeded) of each action. Secrets and code are
    /// never logged. Repeat for more detail.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a project: wedata.yaml with dev and prod targets, an example workflow, schemas
    /// and a CI file (or start from an existing workflow).
    Init(commands::init::Args),
    /// Check manifests and code files without calling WeData.
    Validate(commands::validate::Args),
    /// Show what `apply` would change in WeData.
    Plan(commands::plan::Args),
    /// Make WeData match the manifests: create, update and submit tasks in dependency order.
    Apply(commands::apply::Args),
    /// Start a run of a trigger workflow; with --wait, follow it to its end.
    Run(commands::run::Args),
    /// Backfill a periodic task over a range of days; with --wait, follow it to its end.
    Backfill(commands::backfill::Args),
    /// Draw the declared task DAG (or the live one) as Mermaid, DOT or SVG.
    Graph(commands::graph::Args),
    /// Write manifests and code files for an existing WeData workflow.
    Import(commands::import::Args),
    /// List a task's submitted versions, with the Git commit that applied each.
    History(commands::history::Args),
    /// Show what differs between a task version and the live draft, the manifest or another version.
    Diff(commands::diff::Args),
    /// Rewrite a task's manifest and code file to a submitted version's content.
    Rollback(commands::rollback::Args),
    /// Rewrite drifted manifests to the live drafts, bringing console edits back into Git.
    Pull(commands::pull::Args),
    /// Check credentials, region, endpoint, clock, project, permissions and cache, with a fix
    /// for each problem.
    Doctor(commands::doctor::Args),
    /// Show who holds the deployment lock of a project and target, and remove it (for a run
    /// that was killed).
    ForceUnlock(commands::force_unlock::Args),
    /// Send one signed request to any WeData action and print the response (like `gh api`).
    Api(commands::api::Args),
    /// Run a local WeData emulator on 127.0.0.1 for tests and offline work.
    Emulator(commands::emulator::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(commands::completions::Args),
    /// Print the man page, or write one page per command into a directory.
    Man(commands::man::Args),
}

/// Parses the command line, runs the command and maps the outcome to a process exit code.
pub fn main() -> std::process::ExitCode {
    report::install();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout with success; usage errors exit 1 so that exit code 2
            // keeps its one meaning (changes pending, with --detailed-exitcode).
            let _ = error.print();
            return if error.use_stderr() {
                ExitStatus::Failure.into()
            } else {
                ExitStatus::Success.into()
            };
        }
    };
    install_logging(cli.verbose);
    match run(cli) {
        Ok(status) => status.into(),
        Err(report) => {
            anstream::eprintln!("{report:?}");
            ExitStatus::Failure.into()
        }
    }
}

fn run(cli: Cli) -> miette::Result<ExitStatus> {
    match cli.command {
        Command::Init(args) => commands::init::run(args),
        Command::Validate(args) => commands::validate::run(args),
        Command::Plan(args) => commands::plan::run(args),
        Command::Apply(args) => commands::apply::run(args),
        Command::Run(args) => commands::run::run(args),
        Command::Backfill(args) => commands::backfill::run(args),
        Command::Graph(args) => commands::graph::run(args),
        Command::Import(args) => commands::import::run(args),
        Command::History(args) => commands::history::run(args),
        Command::Diff(args) => commands::diff::run(args),
        Command::Rollback(args) => commands::rollback::run(args),
        Command::Pull(args) => commands::pull::run(args),
        Command::Doctor(args) => commands::doctor::run(args),
        Command::ForceUnlock(args) => commands::force_unlock::run(args),
        Command::Api(args) => commands::api::run(args),
        Command::Emulator(args) => commands::emulator::run(args),
        Command::Completions(args) => commands::completions::run(args),
        Command::Man(args) => commands::man::run(args),
    }
}

/// `-v` turns on the per-call log of the `api` module; `RUST_LOG` overrides it.
fn install_logging(verbosity: u8) {
    let default_filter = match verbosity {
        0 => "warn",
        1 => "warn,wedata_gitops=info",
        _ => "warn,wedata_gitops=debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default_filter));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}

/// Text that quotes what WeData sent (error messages, names) with control characters as `?`,
/// so nothing read from the server can move the cursor or recolour the terminal.
pub(crate) fn printable(text: &str) -> String {
    text.chars()
        .map(|character| {
            if character.is_control() {
                '?'
            } else {
                character
            }
        })
        .collect()
}

/// Builds the async runtime the networked commands run on.
pub fn runtime() -> miette::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| miette::miette!("cannot start the async runtime: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn control_characters_from_the_server_are_not_printed() {
        assert_eq!(
            printable("bad \u{1b}[31mred\u{1b}[0m\nline\u{7}"),
            "bad ?[31mred?[0m?line?"
        );
        assert_eq!(printable("订单 orders"), "订单 orders");
    }

    #[test]
    fn the_emulator_clock_skew_may_be_negative() {
        let cli =
            Cli::try_parse_from(["wedata-gitops", "emulator", "--clock-skew", "-600"]).unwrap();
        let Command::Emulator(args) = cli.command else {
            panic!("not the emulator command");
        };
        assert_eq!(args.clock_skew, -600);
    }
}
