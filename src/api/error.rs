//! Errors of one API call. Each carries the action and, when the server answered, the code,
//! message and RequestId, and renders as one readable paragraph with a hint for common codes.

use miette::Diagnostic;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ApiError {
    /// The server answered with `Response.Error`.
    #[error("{action} failed: {code}: {message} (RequestId {request_id})")]
    Api {
        action: String,
        code: String,
        message: String,
        request_id: String,
    },
    /// A write was sent but no answer came back (timeout, dropped connection): it may or may
    /// not have taken effect. Look the resource up before trying again.
    #[error(
        "{action}: the request was sent but no answer came back ({reason}); it may have taken effect"
    )]
    OutcomeUnknown { action: String, reason: String },
    /// The request could not be delivered, or a read failed in transport after every retry.
    #[error("{action}: cannot reach {endpoint}: {reason}")]
    Transport {
        action: String,
        endpoint: String,
        reason: String,
    },
    /// An answer that is not a WeData response (wrong HTTP status, not JSON, wrong shape).
    #[error("{action}: unexpected answer from {endpoint}: {reason}")]
    InvalidResponse {
        action: String,
        endpoint: String,
        reason: String,
        request_id: Option<String>,
    },
    #[error("the request body for {action} is not valid: {reason}")]
    InvalidRequest { action: String, reason: String },
    #[error("invalid endpoint {endpoint:?}: {reason}")]
    InvalidEndpoint { endpoint: String, reason: String },
    /// `http://` to another machine: signed requests (and a session token) would travel in
    /// clear. Refused unless the caller opted in.
    #[error(
        "the endpoint {endpoint:?} is plain http on a host that is not this machine: requests, their signatures and any X-TC-Token would travel unencrypted"
    )]
    InsecureEndpoint { endpoint: String },
}

impl ApiError {
    /// What went wrong without the RequestId, for a place that shows the RequestId beside
    /// it (the apply report has its own RequestId column and field).
    pub fn without_request_id(&self) -> String {
        match self {
            Self::Api {
                action,
                code,
                message,
                ..
            } => format!("{action} failed: {code}: {message}"),
            other => other.to_string(),
        }
    }

    /// The server's error code, when it answered with one.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Api { code, .. } => Some(code),
            _ => None,
        }
    }

    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Api { request_id, .. } => Some(request_id),
            Self::InvalidResponse { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// Whether sending the same request again is safe and may succeed.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Api { code, .. } => super::RETRYABLE_CODES.contains(&code.as_str()),
            Self::Transport { .. } => true,
            _ => false,
        }
    }

    pub fn is_outcome_unknown(&self) -> bool {
        matches!(self, Self::OutcomeUnknown { .. })
    }
}

impl Diagnostic for ApiError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        let code = match self {
            Self::Api { .. } => "api::error",
            Self::OutcomeUnknown { .. } => "api::outcome_unknown",
            Self::Transport { .. } => "api::transport",
            Self::InvalidResponse { .. } => "api::invalid_response",
            Self::InvalidRequest { .. } => "api::invalid_request",
            Self::InvalidEndpoint { .. } => "api::invalid_endpoint",
            Self::InsecureEndpoint { .. } => "api::insecure_endpoint",
        };
        Some(Box::new(code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        let hint = match self {
            Self::Api { code, .. } => hint_for_code(code)?,
            Self::OutcomeUnknown { .. } => {
                "run the same command again: plan and apply look tasks up by name before creating, so nothing is duplicated"
            }
            Self::Transport { .. } => {
                "check the endpoint (--endpoint / WEDATA_ENDPOINT) and the network; for offline work use --emulate"
            }
            Self::InvalidEndpoint { .. } => {
                "use a URL such as https://wedata.tencentcloudapi.com or http://127.0.0.1:8080"
            }
            Self::InsecureEndpoint { .. } => {
                "use https:// (WeData's endpoint is https://wedata.tencentcloudapi.com); http is for the emulator on 127.0.0.1 or localhost. To send in clear anyway, on a network you trust, pass --insecure-http"
            }
            Self::InvalidRequest { .. } => {
                "the body must be a JSON object, e.g. '{\"ProjectId\": \"...\"}'"
            }
            Self::InvalidResponse { .. } => return None,
        };
        Some(Box::new(hint))
    }
}

fn hint_for_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "AuthFailure.SignatureExpire" => {
            "the request time was more than 5 minutes off the server's: check this machine's clock"
        }
        "AuthFailure.SecretIdNotFound" | "AuthFailure.InvalidSecretId" => {
            "check TENCENTCLOUD_SECRET_ID (or the --profile credentials): the SecretId is unknown or disabled"
        }
        "AuthFailure.SignatureFailure" => {
            "check TENCENTCLOUD_SECRET_KEY (or the --profile credentials): it does not match the SecretId"
        }
        "AuthFailure.TokenFailure" => {
            "the temporary credentials' TENCENTCLOUD_SESSION_TOKEN is invalid or expired: get new ones"
        }
        code if code.starts_with("AuthFailure") || code.starts_with("UnauthorizedOperation") => {
            "check the credentials and that the CAM user may call WeData in this project"
        }
        "InvalidParameter.WorkspaceNotExist" => {
            "check project_id in wedata.yaml (or the selected --target): no such WeData project in this region"
        }
        "RequestLimitExceeded" => {
            "WeData allows 20 requests/s per action: lower --rate-limit or --parallelism"
        }
        "InvalidAction" => "check the action name's spelling and case, e.g. GetTriggerTask",
        "NoSuchVersion" => "WeData's current API version is 2025-08-06 (--api-version)",
        "UnsupportedRegion" => "check the region (--region / TENCENTCLOUD_REGION / wedata.yaml)",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api_error(code: &str) -> ApiError {
        ApiError::Api {
            action: "GetTriggerTask".into(),
            code: code.into(),
            message: "something".into(),
            request_id: "req-1".into(),
        }
    }

    #[test]
    fn api_errors_read_as_one_paragraph_with_request_id() {
        let shown = api_error("ResourceNotFound").to_string();
        assert_eq!(
            shown,
            "GetTriggerTask failed: ResourceNotFound: something (RequestId req-1)"
        );
    }

    #[test]
    fn common_codes_carry_hints() {
        for code in [
            "AuthFailure.SignatureFailure",
            "AuthFailure.SignatureExpire",
            "AuthFailure.SecretIdNotFound",
            "InvalidParameter.WorkspaceNotExist",
            "RequestLimitExceeded",
        ] {
            assert!(api_error(code).help().is_some(), "{code}");
        }
        assert!(api_error("ResourceNotFound").help().is_none());
    }

    #[test]
    fn only_the_official_retryable_codes_and_transport_failures_retry() {
        assert!(api_error("RequestLimitExceeded").is_retryable());
        assert!(api_error("InvalidParameter.ServiceIsBusy").is_retryable());
        assert!(!api_error("InvalidParameter").is_retryable());
        let unknown = ApiError::OutcomeUnknown {
            action: "CreateTriggerTask".into(),
            reason: "timed out".into(),
        };
        assert!(!unknown.is_retryable());
        assert!(unknown.is_outcome_unknown());
    }
}
