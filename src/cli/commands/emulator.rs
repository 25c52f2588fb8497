//! `wedata-gitops emulator`: runs the local WeData emulator until Ctrl-C or SIGTERM.
//! The first line on stdout is `listening on http://ADDRESS`, for scripts and tests.

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;

use miette::IntoDiagnostic;

use crate::api::credentials::{SECRET_ID_VARIABLE, SECRET_KEY_VARIABLE};
use crate::cli::ExitStatus;
use crate::emulator::{self, EmulatorConfig, EmulatorError, FaultPlan};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Faults (comma-separated rules, ACTION is an action name or *):\n  \
    ACTION:error=CODE@RATE   answer CODE with probability RATE\n  \
    ACTION:burst=CODE@N/M    answer CODE to the first N of every M calls\n  \
    ACTION:latency=MILLIS    delay every answer\n  \
    ACTION:drop@RATE         apply a write, then drop the connection unanswered\n  \
    ACTION:reject=CODE@VALUE answer CODE to requests holding the string VALUE\n  \
    run:fail=TASK_NAME       every run of that task fails (its downstream tasks are skipped)\n  \
    run:duration=TASK_NAME@SECONDS\n                           \
    that task's runs take SECONDS of emulated time (* for all; default 2)\n\n\
    Simulated runs (CreateTriggerWorkflowRun, CreateDataBackfillPlan) wait 1 emulated second in\n\
    the queue, then run each task after its upstreams; --run-speed 60 makes an emulated minute\n\
    take a real second.\n\n\
    Examples:\n  \
    wedata-gitops emulator --state state.json --log calls.jsonl \\\n    \
    --faults 'CreateTriggerTask:error=InternalError@0.1,CreateTriggerTask:drop@0.2'\n  \
    wedata-gitops emulator --state state.json --faults 'run:fail=load_orders,run:duration=*@30' --run-speed 10"
)]
pub struct Args {
    /// Address to listen on; port 0 picks a free port.
    #[arg(long, default_value = "127.0.0.1:0")]
    pub listen: SocketAddr,

    /// Keep the state in this JSON file (loaded on start, rewritten atomically after each write).
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,

    /// The SecretId clients must sign with (default: TENCENTCLOUD_SECRET_ID, else the fixed
    /// test pair).
    #[arg(long, value_name = "ID", requires = "secret_key")]
    pub secret_id: Option<String>,

    /// The SecretKey that goes with --secret-id.
    #[arg(long, value_name = "KEY", requires = "secret_id")]
    pub secret_key: Option<String>,

    /// Requests per second per action per SecretId before RequestLimitExceeded; at least 1.
    #[arg(long, value_name = "N", default_value_t = 20,
          value_parser = crate::cli::values::at_least_one::<u32>)]
    pub rate_limit: u32,

    /// Faults to inject (see below).
    #[arg(long, value_name = "SPEC")]
    pub faults: Option<String>,

    /// Seed of the fault injector's random draws.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,

    /// Append one JSON line per request to this file.
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,

    /// Accept only these project ids (repeatable); others get InvalidParameter.WorkspaceNotExist.
    #[arg(long = "project", value_name = "ID")]
    pub projects: Vec<String>,

    /// Run the emulator's clock this many seconds ahead (negative: behind) of this machine's:
    /// its Date header, signature-expiry check and stored times all follow it. For trying
    /// `doctor`'s clock check; beyond 300 every signed request fails with
    /// AuthFailure.SignatureExpire, as on WeData.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 0,
        allow_negative_numbers = true
    )]
    pub clock_skew: i64,

    /// Emulated seconds per real second of simulated runs and backfills (10: a task of 30
    /// emulated seconds takes 3 real ones); greater than 0.
    #[arg(long, value_name = "FACTOR", default_value_t = 1.0,
          value_parser = crate::cli::values::positive_number)]
    pub run_speed: f64,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let faults = match &args.faults {
        Some(spec) => FaultPlan::parse(spec).map_err(EmulatorError::Faults)?,
        None => FaultPlan::default(),
    };
    let (credentials, source) = credentials(&args);
    let config = EmulatorConfig {
        listen: args.listen,
        state_file: args.state,
        credentials: vec![credentials.clone()],
        rate_limit_per_second: args.rate_limit,
        faults,
        seed: args.seed,
        log_file: args.log,
        allowed_projects: (!args.projects.is_empty()).then_some(args.projects),
        clock_skew_seconds: args.clock_skew,
        run_speed: args.run_speed,
    };
    let runtime = crate::cli::runtime()?;
    runtime.block_on(async move {
        let running = emulator::start(config).await?;
        let stopped = stop_signal();
        let mut stdout = std::io::stdout();
        writeln!(stdout, "listening on {}", running.endpoint()).into_diagnostic()?;
        stdout.flush().into_diagnostic()?;
        eprintln!(
            "accepting SecretId {} ({source}); stop with Ctrl-C",
            credentials.0
        );
        stopped.await;
        running.shutdown().await;
        eprintln!("stopped; state saved");
        Ok(ExitStatus::Success)
    })
}

/// The pair to accept, and where it came from (the key itself is never printed).
fn credentials(args: &Args) -> ((String, String), &'static str) {
    if let (Some(id), Some(key)) = (&args.secret_id, &args.secret_key) {
        return ((id.clone(), key.clone()), "from --secret-id");
    }
    match (
        std::env::var(SECRET_ID_VARIABLE),
        std::env::var(SECRET_KEY_VARIABLE),
    ) {
        (Ok(id), Ok(key)) if !id.is_empty() && !key.is_empty() => {
            ((id, key), "from TENCENTCLOUD_SECRET_ID")
        }
        _ => (
            (
                emulator::TEST_SECRET_ID.to_owned(),
                emulator::TEST_SECRET_KEY.to_owned(),
            ),
            "the fixed test pair",
        ),
    }
}

/// Ctrl-C or SIGTERM, listened for from the call on: it is called before the address is
/// printed, so a script that stops the emulator as soon as it has read the address is heard
/// (a signal arriving before the handlers exist would kill the process unsaved).
fn stop_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let terminate = signal(SignalKind::terminate());
        let interrupt = signal(SignalKind::interrupt());
        async move {
            match (terminate, interrupt) {
                (Ok(mut terminate), Ok(mut interrupt)) => {
                    tokio::select! {
                        _ = terminate.recv() => {}
                        _ = interrupt.recv() => {}
                    }
                }
                _ => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        }
    }
    #[cfg(not(unix))]
    {
        async {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
