//! One unsigned request to the endpoint: is it reachable, does the TLS handshake succeed
//! (reqwest with rustls and the Mozilla root store, exactly as `plan` and `apply` connect), and
//! what time does the server say it is (its `Date` header)?
//!
//! The request carries no credentials: WeData answers it with an AuthFailure, which is all a
//! probe needs. When it fails, a plain TCP connection tells a TLS failure from an unreachable
//! host.

use std::time::{Duration, Instant};

use reqwest::Url;

/// What the probe saw.
#[derive(Debug, Clone)]
pub struct Probe {
    pub https: bool,
    pub status: u16,
    pub elapsed: Duration,
    /// The server's clock minus this machine's, in seconds, when the answer had a `Date`.
    pub offset_seconds: Option<i64>,
    /// The answer is a Tencent Cloud API envelope (`{"Response": {..., "RequestId"}}`).
    pub speaks_the_api: bool,
}

/// Why the probe failed, in the words a fix needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProbeFailure {
    /// Not an http(s) URL with a host.
    InvalidEndpoint(String),
    /// Name resolution or the TCP connection failed.
    Unreachable(String),
    /// TCP connected, the TLS handshake did not complete.
    Tls(String),
    /// Connected, but no answer in time or a broken one.
    NoAnswer(String),
}

/// Sends the probe with `timeout` for the whole exchange.
pub async fn probe(endpoint: &str, timeout: Duration) -> Result<Probe, ProbeFailure> {
    let url = Url::parse(endpoint)
        .map_err(|error| ProbeFailure::InvalidEndpoint(format!("{endpoint}: {error}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(ProbeFailure::InvalidEndpoint(format!(
            "{endpoint}: needs http:// or https:// and a host"
        )));
    }
    let https = url.scheme() == "https";
    let http = reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(timeout.min(Duration::from_secs(10)))
        .build()
        .map_err(|error| ProbeFailure::InvalidEndpoint(error.to_string()))?;
    let sent_at = jiff::Timestamp::now();
    let started = Instant::now();
    let answer = http
        .post(url.clone())
        .header("content-type", "application/json")
        .header("x-tc-action", "ListTriggerWorkflows")
        .header("x-tc-version", crate::api::DEFAULT_VERSION)
        .body("{}")
        .send()
        .await;
    let response = match answer {
        Ok(response) => response,
        Err(error) => return Err(classify(&url, https, &error, timeout).await),
    };
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    let server_date = response
        .headers()
        .get(reqwest::header::DATE)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| {
            jiff::fmt::rfc2822::DateTimeParser::new()
                .parse_timestamp(text)
                .ok()
        });
    let body = response.bytes().await.unwrap_or_default();
    let speaks_the_api = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .is_some_and(|envelope| envelope["Response"]["RequestId"].is_string());
    // The server stamped its Date somewhere between sending and receiving, to the second
    // (truncated): compare with the middle of the exchange, plus half a second.
    let offset_seconds = server_date.map(|date| {
        let middle_millis = sent_at.as_millisecond() + elapsed.as_millis() as i64 / 2;
        let server_millis = date.as_millisecond() + 500;
        (server_millis - middle_millis) / 1000
    });
    Ok(Probe {
        https,
        status,
        elapsed,
        offset_seconds,
        speaks_the_api,
    })
}

/// reqwest folds DNS, TCP and TLS failures into "connect"; a direct TCP connection separates
/// them (through a proxy it cannot, and the proxy's error is reported as it is).
async fn classify(
    url: &Url,
    https: bool,
    error: &reqwest::Error,
    timeout: Duration,
) -> ProbeFailure {
    let reason = root_cause(error);
    if error.is_timeout() {
        return ProbeFailure::NoAnswer(format!("no answer within {} s", timeout.as_secs()));
    }
    if !error.is_connect() {
        return ProbeFailure::NoAnswer(reason);
    }
    let host = url.host_str().unwrap_or_default().to_owned();
    let port = url.port_or_known_default().unwrap_or(443);
    let connect = tokio::time::timeout(
        timeout.min(Duration::from_secs(10)),
        tokio::net::TcpStream::connect((host.as_str(), port)),
    )
    .await;
    match connect {
        Ok(Ok(_)) if https => ProbeFailure::Tls(reason),
        Ok(Ok(_)) => ProbeFailure::Unreachable(reason),
        Ok(Err(tcp_error)) => ProbeFailure::Unreachable(format!("{host}:{port}: {tcp_error}")),
        Err(_) => ProbeFailure::Unreachable(format!("{host}:{port}: the connection timed out")),
    }
}

/// The innermost cause: reqwest's own message only names the URL.
fn root_cause(error: &reqwest::Error) -> String {
    let mut cause: &dyn std::error::Error = error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    cause.to_string()
}
