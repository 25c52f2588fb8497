//! Options shared by every command that talks to WeData (endpoint, region, credentials
//! profile, rate limit, emulator), and their resolution into an API client configuration.
//!
//! Precedence, highest first: command-line flags, environment variables, the selected target
//! of the project file, the project file, built-in defaults.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::api::credentials;
use crate::api::{Client, ClientConfig, DEFAULT_ENDPOINT, DEFAULT_VERSION};
use crate::emulator;

/// How to reach WeData.
#[derive(Debug, Clone, clap::Args)]
pub struct ConnectionArgs {
    #[command(flatten)]
    pub access: AccessArgs,

    /// Seconds to wait for one answer before giving up on an attempt; at least 1.
    #[arg(long, value_name = "SECONDS", default_value_t = DEFAULT_ATTEMPT_SECONDS, global = true,
          value_parser = crate::cli::values::at_least_one::<u64>)]
    pub timeout: u64,
}

/// The attempt timeout of commands whose `--timeout` means how long to wait for a run.
pub const DEFAULT_ATTEMPT_SECONDS: u64 = 30;

/// Everything about reaching WeData but the attempt timeout: `run` and `backfill` take these
/// and give `--timeout` its own meaning (how long to wait for the run).
#[derive(Debug, Clone, clap::Args)]
pub struct AccessArgs {
    /// WeData endpoint URL. Plain http is allowed on this machine only (127.0.0.0/8, ::1,
    /// localhost: the emulator); elsewhere use https, or see --insecure-http.
    #[arg(long, env = "WEDATA_ENDPOINT", value_name = "URL", global = true)]
    pub endpoint: Option<String>,

    /// Allow a plain http endpoint on another machine. Requests, their signatures and any
    /// session token (X-TC-Token) then travel unencrypted; a warning says so on every run.
    #[arg(long, global = true)]
    pub insecure_http: bool,

    /// Region sent as X-TC-Region, e.g. ap-guangzhou.
    #[arg(
        long,
        env = "TENCENTCLOUD_REGION",
        value_name = "REGION",
        global = true
    )]
    pub region: Option<String>,

    /// Read credentials from the tccli profile ~/.tccli/NAME.credential (and its region from
    /// NAME.configure) instead of the TENCENTCLOUD_* variables.
    #[arg(long, value_name = "NAME", global = true)]
    pub profile: Option<String>,

    /// Requests per second per action (WeData allows 20); at least 1.
    #[arg(long, value_name = "N", default_value_t = 20, global = true,
          value_parser = crate::cli::values::at_least_one::<u32>)]
    pub rate_limit: u32,

    /// Run against an in-process WeData emulator instead of the cloud; its state persists in
    /// STATE_FILE (default: .wedata/emulator-state.json under the project directory).
    /// No credentials are needed.
    #[arg(
        long,
        value_name = "STATE_FILE",
        num_args = 0..=1,
        require_equals = true,
        global = true
    )]
    pub emulate: Option<Option<PathBuf>>,
}

impl AccessArgs {
    /// These settings with the default attempt timeout.
    pub fn with_default_timeout(&self) -> ConnectionArgs {
        ConnectionArgs {
            access: self.clone(),
            timeout: DEFAULT_ATTEMPT_SECONDS,
        }
    }
}

/// The fields of [`AccessArgs`] read as if they were [`ConnectionArgs`]' own, as they were
/// before `--timeout` was split off.
impl std::ops::Deref for ConnectionArgs {
    type Target = AccessArgs;

    fn deref(&self) -> &AccessArgs {
        &self.access
    }
}

/// What a project file contributes (already merged with its selected target).
#[derive(Debug, Clone, Default)]
pub struct ProjectDefaults {
    pub endpoint: Option<String>,
    pub region: Option<String>,
    pub api_version: Option<String>,
}

/// A connected client, and the embedded emulator behind it when `--emulate` was given
/// (kept alive as long as the connection; shut it down to save its state).
pub struct Connection {
    pub client: Client,
    pub emulator: Option<emulator::RunningEmulator>,
    /// What the live state belongs to, the same on every machine: the endpoint, or
    /// `emulator` for the embedded one (whose port changes every run). Keys the plan cache
    /// (`live::cache::source`).
    pub identity: String,
}

impl Connection {
    /// Ends the run's call log (at `-v`: calls and rejected calls per action) and stops the
    /// embedded emulator, if any, saving its state.
    pub async fn close(self) {
        self.client.log_call_summary();
        if let Some(emulator) = self.emulator {
            emulator.shutdown().await;
        }
    }
}

impl ConnectionArgs {
    /// Resolves the settings into a client configuration (no emulator).
    pub fn resolve(
        &self,
        project: &ProjectDefaults,
        lookup: &dyn Fn(&str) -> Option<String>,
        home: Option<&Path>,
    ) -> miette::Result<ClientConfig> {
        let resolved = credentials::resolve(self.profile.as_deref(), home, lookup)?;
        // clap already folded TENCENTCLOUD_REGION into `self.region`; a profile's region
        // comes after the environment, the project file after both.
        let region = self
            .region
            .clone()
            .or(resolved.region)
            .or_else(|| project.region.clone())
            .ok_or_else(|| {
                miette::miette!(
                    help = "pass --region, set TENCENTCLOUD_REGION, set `region:` in wedata.yaml, or use a tccli profile with a region",
                    "no region is set"
                )
            })?;
        let endpoint = self
            .endpoint
            .clone()
            .or_else(|| project.endpoint.clone())
            .unwrap_or_else(|| DEFAULT_ENDPOINT.to_owned());
        let mut config = ClientConfig::new(endpoint, region, resolved.credentials);
        config.version = project
            .api_version
            .clone()
            .unwrap_or_else(|| DEFAULT_VERSION.to_owned());
        config.requests_per_second = self.rate_limit;
        config.timeout = Duration::from_secs(self.timeout);
        config.allow_insecure_http = self.insecure_http;
        Ok(config)
    }

    /// Connects: to the embedded emulator with `--emulate` (state under `project_root`),
    /// otherwise to the resolved endpoint with the real credentials.
    pub async fn connect(
        &self,
        project: &ProjectDefaults,
        project_root: &Path,
    ) -> miette::Result<Connection> {
        if let Some(state_file) = &self.emulate {
            let state_file = state_file
                .clone()
                .unwrap_or_else(|| project_root.join(emulator::DEFAULT_STATE_FILE));
            let running = emulator::start_embedded(state_file.clone())
                .await
                .map_err(|error| {
                    miette::Report::new(error).wrap_err("cannot start the embedded emulator")
                })?;
            let credentials = crate::api::Credentials {
                secret_id: emulator::TEST_SECRET_ID.to_owned(),
                secret_key: crate::api::Secret::new(emulator::TEST_SECRET_KEY),
                token: None,
            };
            let region = self
                .region
                .clone()
                .or_else(|| project.region.clone())
                .unwrap_or_else(|| "ap-guangzhou".to_owned());
            let mut config = ClientConfig::new(running.endpoint(), region, credentials);
            config.version = project
                .api_version
                .clone()
                .unwrap_or_else(|| DEFAULT_VERSION.to_owned());
            config.requests_per_second = self.rate_limit;
            config.timeout = Duration::from_secs(self.timeout);
            let client = Client::new(config).map_err(miette::Report::new)?;
            return Ok(Connection {
                client,
                emulator: Some(running),
                identity: crate::live::cache::EMULATOR_SOURCE.to_owned(),
            });
        }
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let config = self.resolve(project, &|name| std::env::var(name).ok(), home.as_deref())?;
        warn_if_sent_in_clear(&config);
        let identity = config.endpoint.clone();
        Ok(Connection {
            client: Client::new(config).map_err(miette::Report::new)?,
            emulator: None,
            identity,
        })
    }
}

/// With `--insecure-http`, says once, before the first request, that this run's requests
/// travel unencrypted (without the flag such an endpoint is refused by the client).
fn warn_if_sent_in_clear(config: &ClientConfig) {
    let in_clear =
        reqwest::Url::parse(&config.endpoint).is_ok_and(|url| crate::api::sends_in_clear(&url));
    if config.allow_insecure_http && in_clear {
        anstream::eprintln!(
            "warning: --insecure-http: requests to {} travel unencrypted, with their signatures{}",
            config.endpoint,
            if config.credentials.token.is_some() {
                " and the session token (X-TC-Token)"
            } else {
                ""
            }
        );
    }
}
