//! The HTTP side: axum on 127.0.0.1, the protocol checks in the order the real service makes
//! them, the log, persistence, and graceful shutdown.

use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::definition::{self, validate_versioned_request};
use super::faults::FaultInjector;
use super::limiter::ServerLimiter;
use super::store::{Clock, Store, is_write};
use super::{API_VERSION, EmulatorConfig, EmulatorError};
use crate::api::signing::{self, SigningInput};

/// The largest clock difference the real service accepts.
const MAXIMUM_SKEW_SECONDS: i64 = 300;

/// A running emulator. Dropping it leaves the server running until the runtime ends; call
/// [`RunningEmulator::shutdown`] to stop it and flush its state.
pub struct RunningEmulator {
    address: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for RunningEmulator {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("RunningEmulator")
            .field("address", &self.address)
            .finish()
    }
}

impl RunningEmulator {
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn endpoint(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Stops accepting requests, lets those in flight finish, and saves the state.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
        let store = self.shared.store.lock().expect("store lock");
        let _ = self.shared.persist(&store);
    }

    /// Runs `inspect` on the store, for tests that check server-side state.
    pub fn with_store<T>(&self, inspect: impl FnOnce(&Store) -> T) -> T {
        inspect(&self.shared.store.lock().expect("store lock"))
    }
}

struct Shared {
    config: EmulatorConfig,
    store: Mutex<Store>,
    limiter: Mutex<ServerLimiter>,
    faults: Mutex<FaultInjector>,
    log: Mutex<Option<std::fs::File>>,
}

pub async fn start(config: EmulatorConfig) -> Result<RunningEmulator, EmulatorError> {
    let mut store = match &config.state_file {
        Some(path) => load_state(path)?,
        None => Store::default(),
    };
    store.run_settings = super::store::runs::RunSettings {
        speed: config.run_speed,
        rules: config.faults.runs.clone(),
    };
    let log = match &config.log_file {
        Some(path) => Some(
            std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|source| EmulatorError::Io {
                    path: path.clone(),
                    source,
                })?,
        ),
        None => None,
    };
    // Parse the definition now, not on the first request.
    let _ = &*definition::DEFINITION;
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|source| EmulatorError::Listen {
            address: config.listen,
            source,
        })?;
    let address = listener
        .local_addr()
        .map_err(|source| EmulatorError::Listen {
            address: config.listen,
            source,
        })?;
    let shared = Arc::new(Shared {
        limiter: Mutex::new(ServerLimiter::new(config.rate_limit_per_second)),
        faults: Mutex::new(FaultInjector::new(config.faults.clone(), config.seed)),
        store: Mutex::new(store),
        log: Mutex::new(log),
        config,
    });
    let router = Router::new()
        .route("/", post(handle))
        .layer(axum::middleware::map_response_with_state(
            shared.clone(),
            date_header,
        ))
        .with_state(shared.clone());
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, router)
            .with_graceful_shutdown(async {
                let _ = stopped.await;
            })
            .await;
    });
    Ok(RunningEmulator {
        address,
        stop: Some(stop),
        task: Some(task),
        shared,
    })
}

fn load_state(path: &Path) -> Result<Store, EmulatorError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Store::default()),
        Err(source) => {
            return Err(EmulatorError::Io {
                path: path.to_owned(),
                source,
            });
        }
    };
    serde_json::from_str(&text).map_err(|error| EmulatorError::CorruptState {
        path: path.to_owned(),
        line: error.line(),
        column: error.column(),
        reason: error.to_string(),
    })
}

/// Every answer (405s included) carries the emulator's own `Date`, so a skewed clock shows
/// in it as it would on a real server; hyper leaves a `Date` already set alone.
async fn date_header(State(shared): State<Arc<Shared>>, mut response: Response) -> Response {
    let printed = jiff::fmt::rfc2822::DateTimePrinter::new()
        .timestamp_to_rfc9110_string(&shared.now())
        .ok()
        .and_then(|text| axum::http::HeaderValue::from_str(&text).ok());
    if let Some(value) = printed {
        response
            .headers_mut()
            .insert(axum::http::header::DATE, value);
    }
    response
}

impl Shared {
    /// The emulator's clock: the machine's, moved by the configured skew.
    fn now(&self) -> jiff::Timestamp {
        let now = jiff::Timestamp::now();
        now.checked_add(jiff::SignedDuration::from_secs(
            self.config.clock_skew_seconds,
        ))
        .unwrap_or(now)
    }

    /// Writes the whole store to a temporary file beside the state file, then renames it over,
    /// so a crash leaves either the old or the new state, never half of one.
    fn persist(&self, store: &Store) -> Result<(), EmulatorError> {
        let Some(path) = &self.config.state_file else {
            return Ok(());
        };
        let io_error = |source| EmulatorError::Io {
            path: path.clone(),
            source,
        };
        // The state holds task definitions as WeData would (code and parameter values
        // included): written owner-only, atomically; under `.wedata/` that folder is private
        // and ignores itself (local_folder).
        if let Some(parent) = path
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
        {
            crate::local_folder::create_private_directory(parent).map_err(io_error)?;
        }
        let bytes = serde_json::to_vec(store).expect("the store always serializes");
        crate::local_folder::write_private_file(path, &bytes).map_err(io_error)
    }

    fn log(&self, action: &str, request_id: &str, project_id: &str, outcome: &str, write: bool) {
        let mut log = self.log.lock().expect("log lock");
        if let Some(file) = log.as_mut() {
            let line = json!({
                "time": self.now().to_string(),
                "action": action,
                "request_id": request_id,
                "project_id": project_id,
                "result": outcome,
                "write": write,
            });
            let _ = writeln!(file, "{line}");
            let _ = file.flush();
        }
    }
}

/// An answer: HTTP 200 with `Response`, or a dropped connection after a committed write.
enum Answer {
    Json(Value),
    Drop,
}

impl IntoResponse for Answer {
    fn into_response(self) -> Response {
        match self {
            Answer::Json(value) => (
                StatusCode::OK,
                [("content-type", "application/json")],
                value.to_string(),
            )
                .into_response(),
            // A body that fails makes the server abort the connection mid-answer: the client
            // sees a transport error after the state has changed.
            Answer::Drop => {
                let failing = futures::stream::once(async {
                    Err::<Bytes, std::io::Error>(std::io::Error::other(
                        "dropped by fault injection",
                    ))
                });
                Response::builder()
                    .status(StatusCode::OK)
                    .header("content-type", "application/json")
                    .body(Body::from_stream(failing))
                    .expect("static response parts are valid")
            }
        }
    }
}

fn error_response(request_id: &str, code: &str, message: &str) -> Value {
    json!({"Response": {"Error": {"Code": code, "Message": message}, "RequestId": request_id}})
}

async fn handle(State(shared): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Answer {
    let request_id = uuid::Uuid::new_v4().to_string();
    let action = header(&headers, "x-tc-action").to_owned();
    let write = is_write(&action);
    let project_id = serde_json::from_slice::<Value>(&body)
        .ok()
        .and_then(|value| {
            value
                .get("ProjectId")
                .and_then(Value::as_str)
                .map(str::to_owned)
        })
        .unwrap_or_default();
    match process(&shared, &headers, &body, &action, &request_id).await {
        Ok(Processed::Answered(response)) => {
            shared.log(&action, &request_id, &project_id, "ok", write);
            Answer::Json(response)
        }
        Ok(Processed::Dropped) => {
            shared.log(&action, &request_id, &project_id, "dropped", write);
            Answer::Drop
        }
        Err((code, message)) => {
            shared.log(&action, &request_id, &project_id, code, write);
            Answer::Json(error_response(&request_id, code, &message))
        }
    }
}

enum Processed {
    Answered(Value),
    Dropped,
}

type Rejection = (&'static str, String);

async fn process(
    shared: &Shared,
    headers: &HeaderMap,
    body: &[u8],
    action: &str,
    request_id: &str,
) -> Result<Processed, Rejection> {
    if action.is_empty() {
        return Err((
            "MissingParameter",
            "The request is missing the X-TC-Action header.".into(),
        ));
    }
    let version = header(headers, "x-tc-version");
    let Some(spoken) = definition::for_version(version) else {
        return Err((
            "NoSuchVersion",
            format!(
                "The API version `{version}` does not exist; use {API_VERSION} (or {} for its legacy subset).",
                definition::LEGACY_VERSION
            ),
        ));
    };
    if !spoken.actions.contains_key(action) {
        return Err((
            "InvalidAction",
            format!("The action `{action}` does not exist in version {version}."),
        ));
    }
    let secret_id = authenticate(shared, headers, body)?;
    let request: Value = serde_json::from_slice(body).map_err(|error| {
        (
            "InvalidRequest",
            format!("The request body is not JSON: {error}."),
        )
    })?;
    validate_versioned_request(version, action, &request)
        .map_err(|violation| (violation.code, violation.message))?;
    let project_id = request
        .get("ProjectId")
        .and_then(Value::as_str)
        .unwrap_or("");
    if let Some(allowed) = &shared.config.allowed_projects {
        if !project_id.is_empty() && !allowed.iter().any(|id| id == project_id) {
            return Err((
                "InvalidParameter.WorkspaceNotExist",
                format!("The project `{project_id}` does not exist."),
            ));
        }
    }
    let admitted = shared.limiter.lock().expect("limiter lock").admit(
        &secret_id,
        action,
        tokio::time::Instant::now(),
    );
    if !admitted {
        return Err((
            "RequestLimitExceeded",
            format!(
                "The request rate of {action} exceeds {} per second.",
                shared.config.rate_limit_per_second
            ),
        ));
    }
    let write = is_write(action);
    let decision = shared
        .faults
        .lock()
        .expect("faults lock")
        .decide(action, write, &request);
    if !decision.latency.is_zero() {
        tokio::time::sleep(decision.latency).await;
    }
    if let Some(code) = decision.error {
        let code = super::faults::known_code(&code).unwrap_or("InternalError");
        return Err((code, "Injected fault.".into()));
    }
    let clock = Clock::at(shared.now());
    let mut store = shared.store.lock().expect("store lock");
    let mut response = store
        .handle_version(version, action, &request, &clock)
        .map_err(|failure| (failure.code, failure.message))?;
    if write {
        shared.persist(&store).map_err(|error| {
            (
                "InternalError",
                format!("The emulator could not save its state: {error}"),
            )
        })?;
    }
    drop(store);
    if decision.drop_after_commit {
        return Ok(Processed::Dropped);
    }
    response["RequestId"] = json!(request_id);
    Ok(Processed::Answered(json!({"Response": response})))
}

/// Checks the TC3 signature; returns the SecretId.
fn authenticate(shared: &Shared, headers: &HeaderMap, body: &[u8]) -> Result<String, Rejection> {
    let authorization = signing::parse_authorization(header(headers, "authorization")).ok_or((
        "AuthFailure.SignatureFailure",
        "The Authorization header is missing or not TC3-HMAC-SHA256.".to_owned(),
    ))?;
    let secret_key = shared
        .config
        .credentials
        .iter()
        .find(|(id, _)| *id == authorization.secret_id)
        .map(|(_, key)| key.clone())
        .ok_or((
            "AuthFailure.SecretIdNotFound",
            "The SecretId is not found.".to_owned(),
        ))?;
    let timestamp: i64 = header(headers, "x-tc-timestamp").parse().map_err(|_| {
        (
            "AuthFailure.SignatureFailure",
            "X-TC-Timestamp is missing or not a number.".to_owned(),
        )
    })?;
    let now = shared.now().as_second();
    if (now - timestamp).abs() > MAXIMUM_SKEW_SECONDS {
        return Err((
            "AuthFailure.SignatureExpire",
            "The signature expired: X-TC-Timestamp is more than 5 minutes from the server time."
                .to_owned(),
        ));
    }
    let expected = signing::sign(&SigningInput {
        secret_id: &authorization.secret_id,
        secret_key: &secret_key,
        host: header(headers, "host"),
        service: &authorization.service,
        content_type: header(headers, "content-type"),
        timestamp,
        body,
    });
    let scope_matches = authorization.service == "wedata"
        && authorization.signed_headers == signing::SIGNED_HEADERS
        && authorization.date == expected.date;
    if !scope_matches || !signing::signatures_match(&expected.signature, &authorization.signature) {
        return Err((
            "AuthFailure.SignatureFailure",
            "The signature does not match.".to_owned(),
        ));
    }
    Ok(authorization.secret_id)
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> &'a str {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("")
}
