//! `wedata-gitops validate [DIR]`: loads and checks every manifest without calling WeData.
//! Prints every problem (code, file:line:column, snippet, hint) and exits 1, or one summary
//! line; `--format json|github|gitlab` prints the same problems for machines on stdout. The
//! offline rules of `policies:` are checked too: errors fail, warnings are shown.

use std::path::PathBuf;

use crate::cli::ExitStatus;
use crate::manifest::formats::{self, RepositoryPaths};
use crate::manifest::{self, LoadOptions};

/// How to print the problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people, on stderr: code, place, snippet and hint (secrets masked).
    Text,
    /// One JSON document on stdout: every diagnostic with file, path, line, column, code,
    /// message and help.
    Json,
    /// GitHub Actions workflow commands on stdout: each problem becomes an annotation on the
    /// pull request's diff.
    Github,
    /// A GitLab code quality report (JSON) on stdout.
    Gitlab,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit codes: 0 the manifests are valid (policy warnings are shown, and do not fail), 1 any problem, a policy error included (or a usage error).\n\n\
    Paths in --format github and gitlab (and `path` in json) are relative to the repository root:\n\
    the nearest folder above DIRECTORY that holds .git, else the current directory.\n\
    Every diagnostic code is explained in docs/errors.md.\n\n\
    Examples:\n  \
    wedata-gitops validate examples/tasks\n  \
    wedata-gitops validate tasks --target prod\n  \
    wedata-gitops validate tasks --format github   # in a GitHub Actions step"
)]
pub struct Args {
    /// The manifest root: the folder holding wedata.yaml.
    #[arg(default_value = ".")]
    pub directory: PathBuf,

    /// A target of wedata.yaml whose overrides and variables to apply.
    #[arg(long, short = 't', env = "WEDATA_TARGET")]
    pub target: Option<String>,

    /// How to print the problems.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let options = LoadOptions {
        target: args.target.clone(),
    };
    // The policies judge manifests that load; their warnings are shown with a valid result.
    let loaded = manifest::load(&args.directory, &options).and_then(|project| {
        let diagnostics = crate::policy::diagnostics::manifest_diagnostics(&project);
        if diagnostics.errors.is_empty() {
            Ok((project, diagnostics))
        } else {
            Err(diagnostics)
        }
    });
    let paths = || RepositoryPaths::discover(&args.directory);
    match (&loaded, args.format) {
        (Ok((project, warnings)), Format::Text) => {
            anstream::eprint!("{}", warnings.render_warnings());
            anstream::println!("{}", project.summary());
        }
        (Ok((project, warnings)), Format::Github) => {
            anstream::print!("{}", formats::github(warnings, &paths()));
            anstream::println!("{}", project.summary());
        }
        (Ok((project, warnings)), Format::Json) => {
            anstream::print!(
                "{}",
                formats::json(warnings, Some(&project.summary()), &paths())
            );
        }
        (Ok((project, warnings)), Format::Gitlab) => {
            anstream::print!("{}", formats::gitlab(warnings, &paths()));
            anstream::eprintln!("{}", project.summary());
        }
        (Err(diagnostics), Format::Text) => anstream::eprint!("{}", diagnostics.render()),
        (Err(diagnostics), Format::Json) => {
            anstream::print!("{}", formats::json(diagnostics, None, &paths()));
        }
        (Err(diagnostics), Format::Github) => {
            anstream::print!("{}", formats::github(diagnostics, &paths()));
            anstream::eprintln!("{}", diagnostics.count_line());
        }
        (Err(diagnostics), Format::Gitlab) => {
            anstream::print!("{}", formats::gitlab(diagnostics, &paths()));
            anstream::eprintln!("{}", diagnostics.count_line());
        }
    }
    Ok(if loaded.is_ok() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}
