//! `wedata-gitops validate`.

use crate::cli::ExitStatus;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> miette::Result<ExitStatus> {
    Err(miette::miette!(
        "`validate` is not available in this build yet"
    ))
}
