//! `wedata-gitops import`.

use crate::cli::ExitStatus;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> miette::Result<ExitStatus> {
    Err(miette::miette!(
        "`import` is not available in this build yet"
    ))
}
