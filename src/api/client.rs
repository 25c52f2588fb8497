//! The transport: one signed POST per attempt, the per-action rate limiter, retries with
//! backoff, and the mapping of every way a call can end into an [`ApiError`]. With `-v`, each
//! attempt is logged, and [`Client::log_call_summary`] ends a run with the calls and rejected
//! calls of each action.

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::Url;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HOST, HeaderMap, HeaderValue, USER_AGENT};
use serde_json::Value;

use super::credentials::Credentials;
use super::rate_limit::{CallCounts, RateLimiter};
use super::retry::RetryPolicy;
use super::signing::{SigningInput, sign};
use super::{Action, ApiError};

pub const DEFAULT_ENDPOINT: &str = "https://wedata.tencentcloudapi.com";
pub const DEFAULT_VERSION: &str = "2025-08-06";
const SERVICE: &str = "wedata";
const JSON: &str = "application/json";
/// The code of a call the server rejected for the rate limit.
const RATE_LIMITED: &str = "RequestLimitExceeded";

/// Everything a client needs; see `cli::connection` for how the command line fills it.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub endpoint: String,
    pub region: String,
    pub credentials: Credentials,
    /// `X-TC-Version` of untyped calls (the `api` command); typed requests carry their own.
    pub version: String,
    /// Requests per second per action, shared by all callers of the client.
    pub requests_per_second: u32,
    /// For one attempt, from sending to the end of the answer.
    pub timeout: Duration,
    pub retry: RetryPolicy,
    /// Accept an `http://` endpoint on another machine (requests, signatures and any session
    /// token then travel in clear). Loopback endpoints need no permission.
    pub allow_insecure_http: bool,
}

impl ClientConfig {
    pub fn new(
        endpoint: impl Into<String>,
        region: impl Into<String>,
        credentials: Credentials,
    ) -> Self {
        Self {
            endpoint: endpoint.into(),
            region: region.into(),
            credentials,
            version: DEFAULT_VERSION.to_owned(),
            requests_per_second: 20,
            timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
            allow_insecure_http: false,
        }
    }
}

/// Whether requests to `url` would cross the network unencrypted: `http://` to a host outside
/// the loopback range (127.0.0.0/8, ::1, `localhost`), where the emulator lives.
pub fn sends_in_clear(url: &Url) -> bool {
    url.scheme() == "http" && !is_loopback(url)
}

/// Whether `url` names a host on the loopback range (127.0.0.0/8, ::1 and its IPv4-mapped
/// form, `localhost`): this machine, where the emulator lives.
pub fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    match host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .parse::<std::net::IpAddr>()
    {
        Ok(std::net::IpAddr::V4(address)) => address.is_loopback(),
        Ok(std::net::IpAddr::V6(address)) => {
            address.is_loopback()
                || address
                    .to_ipv4_mapped()
                    .is_some_and(|mapped| mapped.is_loopback())
        }
        Err(_) => host.eq_ignore_ascii_case("localhost"),
    }
}

/// A WeData client. Cloning is cheap and clones share the rate limiter.
#[derive(Debug, Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: ClientConfig,
    url: Url,
    /// The Host header, as signed: host, plus the port when the URL names one.
    host: String,
    http: reqwest::Client,
    limiter: RateLimiter,
}

impl Client {
    pub fn new(config: ClientConfig) -> Result<Self, ApiError> {
        let invalid = |reason: &str| ApiError::InvalidEndpoint {
            endpoint: config.endpoint.clone(),
            reason: reason.to_owned(),
        };
        let url = Url::parse(&config.endpoint).map_err(|error| invalid(&error.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(invalid("the scheme must be http or https"));
        }
        let host_name = url.host_str().ok_or_else(|| invalid("it names no host"))?;
        if sends_in_clear(&url) && !config.allow_insecure_http {
            return Err(ApiError::InsecureEndpoint {
                endpoint: config.endpoint.clone(),
            });
        }
        let host = match url.port() {
            Some(port) => format!("{host_name}:{port}"),
            None => host_name.to_owned(),
        };
        let http = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(Duration::from_secs(10))
            .build()
            .map_err(|error| invalid(&error.to_string()))?;
        let limiter = RateLimiter::new(config.requests_per_second);
        Ok(Self {
            inner: Arc::new(Inner {
                config,
                url,
                host,
                http,
                limiter,
            }),
        })
    }

    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    /// Attempts sent and attempts rejected with RequestLimitExceeded so far, per action.
    pub fn call_counts(&self) -> std::collections::BTreeMap<String, CallCounts> {
        self.inner.limiter.counts()
    }

    /// Logs (at `-v`) one line per action with its calls and rejected calls, then the totals:
    /// the end of a run's call log.
    pub fn log_call_summary(&self) {
        let counts = self.call_counts();
        for (action, counts) in &counts {
            tracing::info!(
                action = action.as_str(),
                calls = counts.calls,
                rejected = counts.rejected,
                "calls of one action"
            );
        }
        let calls: u64 = counts.values().map(|counts| counts.calls).sum();
        let rejected: u64 = counts.values().map(|counts| counts.rejected).sum();
        tracing::info!(calls, rejected, "calls in all");
    }

    /// Sends a typed request and decodes its typed response.
    pub async fn send<A: Action>(&self, request: &A) -> Result<A::Response, ApiError> {
        let body = serde_json::to_vec(request).map_err(|error| ApiError::InvalidRequest {
            action: A::NAME.to_owned(),
            reason: error.to_string(),
        })?;
        let response = self
            .call_bytes(A::NAME, A::VERSION, body, A::WRITES)
            .await?;
        let request_id = response
            .get("RequestId")
            .and_then(Value::as_str)
            .map(str::to_owned);
        serde_json::from_value(response).map_err(|error| ApiError::InvalidResponse {
            action: A::NAME.to_owned(),
            endpoint: self.inner.config.endpoint.clone(),
            reason: format!("the Response object does not match the API definition: {error}"),
            request_id,
        })
    }

    /// Sends any action with a JSON body; returns the `Response` object. For the `api` command.
    pub async fn call_json(
        &self,
        action: &str,
        body: &Value,
        writes: bool,
    ) -> Result<Value, ApiError> {
        if !body.is_object() {
            return Err(ApiError::InvalidRequest {
                action: action.to_owned(),
                reason: "the body is not a JSON object".to_owned(),
            });
        }
        let bytes = serde_json::to_vec(body).expect("a JSON value always serializes");
        self.call_bytes(action, &self.inner.config.version, bytes, writes)
            .await
    }

    async fn call_bytes(
        &self,
        action: &str,
        version: &str,
        body: Vec<u8>,
        writes: bool,
    ) -> Result<Value, ApiError> {
        let policy = &self.inner.config.retry;
        let mut delays = policy.delays();
        let mut attempt = 1;
        loop {
            let permit = self.inner.limiter.acquire(action).await;
            let started = tokio::time::Instant::now();
            let result = self.attempt(action, version, &body, writes).await;
            let elapsed_ms = started.elapsed().as_millis() as u64;
            match &result {
                Err(error) if error.code() == Some(RATE_LIMITED) => permit.rejected(),
                _ => drop(permit),
            }
            match &result {
                Ok(response) => {
                    let request_id = response
                        .get("RequestId")
                        .and_then(|id| id.as_str())
                        .unwrap_or("");
                    tracing::info!(action, attempt, elapsed_ms, request_id, "ok")
                }
                Err(error) => tracing::info!(
                    action,
                    attempt,
                    elapsed_ms,
                    request_id = error.request_id().unwrap_or(""),
                    code = error.code().unwrap_or("transport"),
                    "failed"
                ),
            }
            match result {
                Err(error) if policy.should_retry(&error) => match delays.next() {
                    Some(delay) => {
                        tracing::debug!(
                            action,
                            attempt,
                            delay_ms = delay.as_millis() as u64,
                            "retrying"
                        );
                        tokio::time::sleep(delay).await;
                        attempt += 1;
                    }
                    None => return Err(error),
                },
                other => return other,
            }
        }
    }

    /// One signed attempt. Signed afresh each time: the timestamp must be current.
    async fn attempt(
        &self,
        action: &str,
        version: &str,
        body: &[u8],
        writes: bool,
    ) -> Result<Value, ApiError> {
        let inner = &self.inner;
        let config = &inner.config;
        let timestamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|elapsed| elapsed.as_secs() as i64)
            .unwrap_or(0);
        let signature = sign(&SigningInput {
            secret_id: &config.credentials.secret_id,
            secret_key: config.credentials.secret_key.expose(),
            host: &inner.host,
            service: SERVICE,
            content_type: JSON,
            timestamp,
            body,
        });
        let mut headers = HeaderMap::new();
        let header = |value: &str| {
            HeaderValue::from_str(value).map_err(|_| ApiError::InvalidRequest {
                action: action.to_owned(),
                reason: "a header value has characters HTTP does not allow".to_owned(),
            })
        };
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(JSON));
        headers.insert(HOST, header(&inner.host)?);
        headers.insert(
            USER_AGENT,
            HeaderValue::from_static(concat!("wedata-gitops/", env!("CARGO_PKG_VERSION"))),
        );
        headers.insert(AUTHORIZATION, header(&signature.authorization)?);
        headers.insert("X-TC-Action", header(action)?);
        headers.insert("X-TC-Version", header(version)?);
        headers.insert("X-TC-Region", header(&config.region)?);
        headers.insert("X-TC-Timestamp", header(&timestamp.to_string())?);
        if let Some(token) = &config.credentials.token {
            let mut value = header(token.expose())?;
            value.set_sensitive(true);
            headers.insert("X-TC-Token", value);
        }

        let sent = inner
            .http
            .post(inner.url.clone())
            .headers(headers)
            .body(body.to_vec())
            .send()
            .await;
        let response = match sent {
            Ok(response) => response,
            Err(error) => return Err(self.transport_error(action, &error, writes)),
        };
        let status = response.status();
        let bytes = match response.bytes().await {
            Ok(bytes) => bytes,
            Err(error) => return Err(self.transport_error(action, &error, writes)),
        };
        if !status.is_success() {
            // A gateway error says nothing of whether the write reached WeData.
            return Err(self.unanswered(action, format!("HTTP {status}"), writes));
        }
        self.parse_envelope(action, &bytes)
    }

    /// A failure before anything was sent is a plain transport error (safe to retry); after
    /// sending, a write's outcome is unknown.
    fn transport_error(&self, action: &str, error: &reqwest::Error, writes: bool) -> ApiError {
        self.unanswered(
            action,
            describe_transport_error(error),
            writes && !error.is_connect(),
        )
    }

    /// No answer: a write that may have happened is `OutcomeUnknown`, anything else `Transport`.
    fn unanswered(&self, action: &str, reason: String, outcome_unknown: bool) -> ApiError {
        if outcome_unknown {
            ApiError::OutcomeUnknown {
                action: action.to_owned(),
                reason,
            }
        } else {
            ApiError::Transport {
                action: action.to_owned(),
                endpoint: self.inner.config.endpoint.clone(),
                reason,
            }
        }
    }

    fn parse_envelope(&self, action: &str, bytes: &[u8]) -> Result<Value, ApiError> {
        let invalid = |reason: String, request_id: Option<String>| ApiError::InvalidResponse {
            action: action.to_owned(),
            endpoint: self.inner.config.endpoint.clone(),
            reason,
            request_id,
        };
        let envelope: Value = serde_json::from_slice(bytes)
            .map_err(|error| invalid(format!("not JSON ({error})"), None))?;
        let Some(Value::Object(response)) = envelope.get("Response") else {
            return Err(invalid("no Response object".to_owned(), None));
        };
        let request_id = response
            .get("RequestId")
            .and_then(Value::as_str)
            .map(str::to_owned);
        if let Some(error) = response.get("Error") {
            let text = |key: &str| {
                error
                    .get(key)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_owned()
            };
            return Err(ApiError::Api {
                action: action.to_owned(),
                code: text("Code"),
                message: text("Message"),
                request_id: request_id.unwrap_or_default(),
            });
        }
        Ok(Value::Object(response.clone()))
    }
}

/// reqwest's Display names the URL; the source chain says what went wrong.
fn describe_transport_error(error: &reqwest::Error) -> String {
    let kind = if error.is_timeout() {
        "timed out"
    } else if error.is_connect() {
        "connection failed"
    } else if error.is_body() || error.is_decode() {
        "the answer was cut off"
    } else {
        "the connection failed"
    };
    let mut causes = Vec::new();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        causes.push(cause.to_string());
        source = cause.source();
    }
    match causes.last() {
        Some(root) => format!("{kind}: {root}"),
        None => kind.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_http_off_the_loopback_range_is_sent_in_clear() {
        for endpoint in [
            "http://wedata.example.test",
            "http://10.0.0.8:8080",
            "http://[2001:db8::1]/",
            "http://localhost.example.test",
        ] {
            assert!(sends_in_clear(&Url::parse(endpoint).unwrap()), "{endpoint}");
        }
        for endpoint in [
            "https://wedata.tencentcloudapi.com",
            "https://10.0.0.8",
            "http://127.0.0.1:8080",
            "http://127.20.30.40",
            "http://localhost:9",
            "http://LOCALHOST",
            "http://[::1]:8080",
            "http://[::ffff:127.0.0.1]",
        ] {
            assert!(
                !sends_in_clear(&Url::parse(endpoint).unwrap()),
                "{endpoint}"
            );
        }
    }

    #[test]
    fn a_client_for_plain_http_to_another_host_needs_the_opt_in() {
        let credentials = Credentials {
            secret_id: "AKID".into(),
            secret_key: crate::api::Secret::new("key"),
            token: None,
        };
        let mut config =
            ClientConfig::new("http://wedata.example.test", "ap-guangzhou", credentials);
        let refused = Client::new(config.clone()).unwrap_err();
        assert!(
            matches!(refused, ApiError::InsecureEndpoint { .. }),
            "{refused}"
        );
        config.allow_insecure_http = true;
        assert!(Client::new(config).is_ok());
    }
}
