//! `wedata-gitops validate [DIR]`: loads and checks every manifest without calling WeData.
//! Prints every problem (file:line:column, snippet, hint) and exits 1, or one summary line.

use std::path::PathBuf;

use crate::cli::ExitStatus;
use crate::manifest::{self, LoadOptions};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    wedata-gitops validate examples/tasks\n  \
    wedata-gitops validate tasks --target prod")]
pub struct Args {
    /// The manifest root: the folder holding wedata.yaml.
    #[arg(default_value = ".")]
    pub directory: PathBuf,

    /// A target of wedata.yaml whose overrides and variables to apply.
    #[arg(long, short = 't', env = "WEDATA_TARGET")]
    pub target: Option<String>,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let options = LoadOptions {
        target: args.target,
    };
    match manifest::load(&args.directory, &options) {
        Ok(project) => {
            anstream::println!("{}", project.summary());
            Ok(ExitStatus::Success)
        }
        Err(diagnostics) => {
            anstream::eprint!("{}", diagnostics.render());
            Ok(ExitStatus::Failure)
        }
    }
}
