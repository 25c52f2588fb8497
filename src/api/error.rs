//! Errors of one API call. Each carries the action and, when the server answered, the code,
//! message and RequestId. A server's answer shows as four lines (what failed, its code, its
//! message, its RequestId), so each can be read and copied whole; `without_request_id` gives
//! one line for places that show the RequestId beside it. Each error has a stable diagnostic
//! code (`crate::codes::ApiCode`) and a hint for common codes.

use miette::Diagnostic;
use thiserror::Error;

use crate::codes::ApiCode;

#[derive(Debug, Error)]
pub enum ApiError {
    /// The server answered with `Response.Error`.
    #[error("{action} failed\ncode: {code}\nmessage: {message}\nRequestId: {request_id}")]
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
    #[error("{action}: unexpected answer from {endpoint}: {reason}{}", request_id_line(request_id.as_deref()))]
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

fn request_id_line(request_id: Option<&str>) -> String {
    request_id
        .map(|id| format!("\nRequestId: {id}"))
        .unwrap_or_default()
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
            Self::InvalidResponse {
                action,
                endpoint,
                reason,
                ..
            } => format!("{action}: unexpected answer from {endpoint}: {reason}"),
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

impl ApiError {
    /// The diagnostic code: for a server's answer, the family of its error code.
    pub fn diagnostic_code(&self) -> ApiCode {
        match self {
            Self::Api { code, .. } => code_family(code),
            Self::OutcomeUnknown { .. } => ApiCode::OutcomeUnknown,
            Self::Transport { .. } => ApiCode::Transport,
            Self::InvalidResponse { .. } => ApiCode::InvalidResponse,
            Self::InvalidRequest { .. } => ApiCode::InvalidRequest,
            Self::InvalidEndpoint { .. } => ApiCode::InvalidEndpoint,
            Self::InsecureEndpoint { .. } => ApiCode::InsecureEndpoint,
        }
    }
}

/// WeData's error codes (`AuthFailure.SignatureFailure`, ...) by what the user does about them.
fn code_family(code: &str) -> ApiCode {
    let family = code.split('.').next().unwrap_or(code);
    match (family, code) {
        (_, "InvalidParameter.WorkspaceNotExist") => ApiCode::UnknownProject,
        (_, "InvalidParameter.ServiceIsBusy") => ApiCode::ServerError,
        ("AuthFailure", _) => ApiCode::Auth,
        ("UnauthorizedOperation" | "OperationDenied", _) => ApiCode::Permission,
        ("RequestLimitExceeded", _) => ApiCode::RateLimited,
        ("ResourceNotFound", _) => ApiCode::NotFound,
        (
            "InvalidParameter" | "InvalidParameterValue" | "MissingParameter" | "UnknownParameter",
            _,
        ) => ApiCode::InvalidParameter,
        ("InvalidAction" | "NoSuchVersion" | "UnsupportedRegion" | "UnsupportedOperation", _) => {
            ApiCode::UnknownAction
        }
        ("InternalError" | "ServiceUnavailable" | "FailedOperation", _) => ApiCode::ServerError,
        _ => ApiCode::Error,
    }
}

impl Diagnostic for ApiError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(self.diagnostic_code().as_str()))
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
    fn api_errors_show_code_message_and_request_id_on_lines_of_their_own() {
        let error = api_error("ResourceNotFound");
        assert_eq!(
            error.to_string(),
            "GetTriggerTask failed\ncode: ResourceNotFound\nmessage: something\nRequestId: req-1"
        );
        assert_eq!(
            error.without_request_id(),
            "GetTriggerTask failed: ResourceNotFound: something"
        );
    }

    #[test]
    fn server_codes_map_to_diagnostic_codes_by_family() {
        for (code, expected) in [
            ("AuthFailure.SignatureFailure", ApiCode::Auth),
            ("UnauthorizedOperation", ApiCode::Permission),
            (
                "OperationDenied.UserNotInWhitelistError",
                ApiCode::Permission,
            ),
            (
                "InvalidParameter.WorkspaceNotExist",
                ApiCode::UnknownProject,
            ),
            ("RequestLimitExceeded", ApiCode::RateLimited),
            ("ResourceNotFound.TaskNotExist", ApiCode::NotFound),
            ("InvalidParameterValue", ApiCode::InvalidParameter),
            ("MissingParameter", ApiCode::InvalidParameter),
            ("InvalidAction", ApiCode::UnknownAction),
            ("InternalError", ApiCode::ServerError),
            ("InvalidParameter.ServiceIsBusy", ApiCode::ServerError),
            ("SomethingNew", ApiCode::Error),
        ] {
            assert_eq!(api_error(code).diagnostic_code(), expected, "{code}");
        }
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
