//! `wedata-gitops doctor [DIR]`: one line per check (project file, credentials, region,
//! endpoint, clock, authentication, project, permissions, rate limit, cache) with a fix under
//! each warning and failure; exit 0 when nothing failed. Parsing and printing only: the checks
//! are `doctor`'s.

use std::path::PathBuf;
use std::time::Duration;

use owo_colors::OwoColorize;

use crate::api::credentials;
use crate::cli::connection::ConnectionArgs;
use crate::cli::{ExitStatus, printable};
use crate::doctor::{self, Check, CredentialSource, Inputs, Status};
use crate::emulator;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Exit codes: 0 every check passed (warnings allowed), 1 a check failed.\n\n\
    Examples:\n  \
    wedata-gitops doctor tasks --target prod\n  \
    wedata-gitops doctor tasks --profile ci\n  \
    wedata-gitops doctor examples/tasks --emulate"
)]
pub struct Args {
    /// The manifest root: the folder holding wedata.yaml.
    #[arg(default_value = ".")]
    pub directory: PathBuf,

    /// A target of wedata.yaml (dev, prod, ...) whose project and region to check.
    #[arg(long, short = 't', env = "WEDATA_TARGET")]
    pub target: Option<String>,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let runtime = crate::cli::runtime()?;
    let report = runtime.block_on(async {
        let embedded = match &args.connection.emulate {
            Some(state_file) => {
                let state_file = state_file
                    .clone()
                    .unwrap_or_else(|| args.directory.join(emulator::DEFAULT_STATE_FILE));
                let running = emulator::start_embedded(state_file)
                    .await
                    .map_err(|error| {
                        miette::Report::new(error).wrap_err("cannot start the embedded emulator")
                    })?;
                Some(running)
            }
            None => None,
        };
        let inputs = inputs(&args, embedded.as_ref().map(|running| running.endpoint()));
        let report = doctor::diagnose(inputs).await;
        if let Some(running) = embedded {
            running.shutdown().await;
        }
        Ok::<_, miette::Report>(report)
    })?;
    print(&args, &report.checks);
    Ok(if report.passed() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// The settings as `plan` would resolve them; with `--emulate`, the embedded emulator's
/// endpoint and test pair.
fn inputs(args: &Args, embedded: Option<String>) -> Inputs {
    let connection = &args.connection;
    let (endpoint, credential_source, credentials, cache_identity) = match embedded {
        Some(endpoint) => (
            Some(endpoint),
            CredentialSource::EmulatorTestPair,
            Ok((
                crate::api::Credentials {
                    secret_id: emulator::TEST_SECRET_ID.to_owned(),
                    secret_key: crate::api::Secret::new(emulator::TEST_SECRET_KEY),
                    token: None,
                },
                None,
            )),
            Some(crate::live::cache::EMULATOR_SOURCE.to_owned()),
        ),
        None => {
            let home = std::env::var_os("HOME").map(PathBuf::from);
            let resolved =
                credentials::resolve(connection.profile.as_deref(), home.as_deref(), &|name| {
                    std::env::var(name).ok()
                })
                .map(|resolved| (resolved.credentials, resolved.region));
            let source = match &connection.profile {
                Some(name) => CredentialSource::Profile(name.clone()),
                None => CredentialSource::Environment,
            };
            (connection.endpoint.clone(), source, resolved, None)
        }
    };
    Inputs {
        root: args.directory.clone(),
        target: args.target.clone(),
        endpoint,
        region: connection.region.clone(),
        credential_source,
        credentials,
        rate_limit: connection.rate_limit,
        timeout: Duration::from_secs(connection.timeout.max(1)),
        cache_identity,
    }
}

fn print(args: &Args, checks: &[Check]) {
    let target = args
        .target
        .as_deref()
        .map(|target| format!(", target {target}"))
        .unwrap_or_default();
    anstream::println!("wedata-gitops doctor: {}{target}", args.directory.display());
    let width = checks
        .iter()
        .map(|check| check.name.len())
        .max()
        .unwrap_or(0);
    for check in checks {
        let label = match check.status {
            Status::Pass => format!("{:<5}", "ok").green().to_string(),
            Status::Warn => format!("{:<5}", "warn").yellow().to_string(),
            Status::Fail => format!("{:<5}", "FAIL").red().bold().to_string(),
            Status::Skip => format!("{:<5}", "skip").dimmed().to_string(),
        };
        anstream::println!(
            "  {label} {:<width$}  {}",
            check.name,
            printable(&check.detail)
        );
        if let Some(fix) = &check.fix {
            anstream::println!("  {:<5} {:<width$}  fix: {}", "", "", printable(fix));
        }
    }
    let count = |status: Status| checks.iter().filter(|check| check.status == status).count();
    anstream::println!(
        "{} checks: {} ok, {} warning{}, {} failed, {} skipped",
        checks.len(),
        count(Status::Pass),
        count(Status::Warn),
        if count(Status::Warn) == 1 { "" } else { "s" },
        count(Status::Fail),
        count(Status::Skip)
    );
}
