//! `wedata-gitops completions SHELL`: shell completion scripts generated from the clap
//! definitions, so they never fall out of step with the real options.

use std::io::Write;

use clap::CommandFactory;

use crate::cli::{Cli, ExitStatus};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    wedata-gitops completions bash > ~/.local/share/bash-completion/completions/wedata-gitops\n  \
    wedata-gitops completions zsh > \"${fpath[1]}/_wedata-gitops\"\n  \
    wedata-gitops completions fish > ~/.config/fish/completions/wedata-gitops.fish")]
pub struct Args {
    /// The shell to generate completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "wedata-gitops", &mut script);
    std::io::stdout()
        .write_all(&script)
        .map_err(|error| miette::miette!("cannot write the completion script: {error}"))?;
    Ok(ExitStatus::Success)
}
