//! `wedata-gitops man [--out DIR]`: roff man pages generated from the clap definitions, one
//! for the tool and one per command (`wedata-gitops-plan.1`, ...), or the main page on stdout.

use std::io::Write;
use std::path::PathBuf;

use clap::CommandFactory;
use miette::{IntoDiagnostic, WrapErr};

use crate::cli::{Cli, ExitStatus};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    wedata-gitops man | man -l -\n  \
    wedata-gitops man --out /usr/local/share/man/man1")]
pub struct Args {
    /// Write `wedata-gitops.1` and one page per command into this directory instead of
    /// printing the main page on stdout.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let command = Cli::command();
    match args.out {
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command)
                .render(&mut page)
                .into_diagnostic()?;
            std::io::stdout().write_all(&page).into_diagnostic()?;
        }
        Some(directory) => {
            std::fs::create_dir_all(&directory)
                .into_diagnostic()
                .wrap_err_with(|| format!("cannot create {}", directory.display()))?;
            clap_mangen::generate_to(command, &directory)
                .into_diagnostic()
                .wrap_err_with(|| format!("cannot write man pages into {}", directory.display()))?;
        }
    }
    Ok(ExitStatus::Success)
}
