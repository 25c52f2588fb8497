//! A local WeData: the same HTTP protocol on 127.0.0.1, for tests, the quickstart and offline
//! work. It verifies TC3 signatures, validates every request against its embedded copy of the
//! official API definition (never against our client's types), applies the server-side
//! behaviour in `store`, enforces the per-action rate limit, injects faults on request, logs
//! one JSON line per request and persists its state atomically.

pub mod definition;
pub mod faults;
mod limiter;
mod server;
pub mod store;

use std::net::SocketAddr;
use std::path::PathBuf;

use miette::Diagnostic;
use thiserror::Error;

pub use faults::FaultPlan;
pub use server::RunningEmulator;

/// The fixed credential pair of the quickstart and `--emulate`. Not a secret: it only opens
/// a local emulator.
pub const TEST_SECRET_ID: &str = "AKIDwedatagitopsEMULATOR";
pub const TEST_SECRET_KEY: &str = "wedata-gitops-emulator-test-key";
/// Where `--emulate` keeps its state, relative to the project directory.
pub const DEFAULT_STATE_FILE: &str = ".wedata/emulator-state.json";
/// The only API version the emulator speaks.
pub const API_VERSION: &str = "2025-08-06";

#[derive(Debug, Clone)]
pub struct EmulatorConfig {
    pub listen: SocketAddr,
    /// Loaded on start (missing = empty) and rewritten after every write.
    pub state_file: Option<PathBuf>,
    /// Accepted (SecretId, SecretKey) pairs.
    pub credentials: Vec<(String, String)>,
    /// Requests per second per action per SecretId.
    pub rate_limit_per_second: u32,
    pub faults: FaultPlan,
    pub seed: u64,
    /// One JSON line per request.
    pub log_file: Option<PathBuf>,
    /// When set, other project ids get InvalidParameter.WorkspaceNotExist.
    pub allowed_projects: Option<Vec<String>>,
    /// Seconds the emulator's clock is ahead of (negative: behind) the machine's: its `Date`
    /// header, its signature-expiry check and the times it stores all use the skewed clock,
    /// as a server whose clock disagrees with the client's would.
    pub clock_skew_seconds: i64,
    /// Emulated seconds per real second of simulated runs and backfills (see `store::runs`):
    /// 60 makes a task of a minute take a second. Positive.
    pub run_speed: f64,
}

impl Default for EmulatorConfig {
    fn default() -> Self {
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            state_file: None,
            credentials: vec![(TEST_SECRET_ID.to_owned(), TEST_SECRET_KEY.to_owned())],
            rate_limit_per_second: 20,
            faults: FaultPlan::default(),
            seed: 0,
            log_file: None,
            allowed_projects: None,
            clock_skew_seconds: 0,
            run_speed: 1.0,
        }
    }
}

#[derive(Debug, Error, Diagnostic)]
pub enum EmulatorError {
    #[error("cannot listen on {address}: {source}")]
    #[diagnostic(
        code(emulator::listen),
        help("pick another address or use port 0 for a free one")
    )]
    Listen {
        address: SocketAddr,
        source: std::io::Error,
    },
    #[error(
        "the emulator state file {path} is not valid JSON (line {line}, column {column}): {reason}"
    )]
    #[diagnostic(
        code(emulator::corrupt_state),
        help("it was left untouched; move it away to start from an empty emulator, or restore it")
    )]
    CorruptState {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("cannot read or write {path}: {source}")]
    #[diagnostic(code(emulator::io))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("invalid --faults: {0}")]
    #[diagnostic(
        code(emulator::faults),
        help(
            "rules look like CreateTriggerTask:error=InternalError@0.1, *:burst=RequestLimitExceeded@3/20, *:latency=20, CreateTriggerTask:drop@0.2, run:fail=TASK_NAME, run:duration=TASK_NAME@SECONDS"
        )
    )]
    Faults(String),
}

/// Starts an emulator with `config`; it serves until shut down.
pub async fn start(config: EmulatorConfig) -> Result<RunningEmulator, EmulatorError> {
    server::start(config).await
}

/// The in-process emulator behind `--emulate`: 127.0.0.1 on a free port, the fixed test
/// credentials, state in `state_file`.
pub async fn start_embedded(state_file: PathBuf) -> Result<RunningEmulator, EmulatorError> {
    start(EmulatorConfig {
        state_file: Some(state_file),
        ..EmulatorConfig::default()
    })
    .await
}
