//! Pure judgments: from a fact (a clock offset, an API error code, a permission, a setting) to
//! a check's status, what to say and how to fix it. No I/O, so every threshold and every error
//! code's advice is unit-tested here.

use super::{Check, Status};

/// WeData refuses a request whose X-TC-Timestamp is more than this far from its clock.
pub const MAXIMUM_SKEW_SECONDS: i64 = 300;
/// Past this the clock is worth fixing before it drifts over the limit.
pub const WARNING_SKEW_SECONDS: i64 = 60;
/// WeData's rate limit: requests per second per action, per account.
pub const API_RATE_LIMIT: u32 = 20;
/// Apply edits and submits tasks: it needs one of these on every managed workflow.
pub const WRITING_PERMISSIONS: [&str; 2] = ["CAN_EDIT", "CAN_MANAGE"];

const CLOCK_FIX: &str = "synchronise this machine's clock with NTP (Linux: `timedatectl set-ntp true`; macOS: System Settings > General > Date & Time; Windows: `w32tm /resync`)";

/// How far this machine's clock is from the server's, in whole seconds (positive: the server
/// is ahead).
pub fn clock(offset_seconds: i64) -> Check {
    let distance = offset_seconds.abs();
    let direction = if offset_seconds > 0 {
        "behind"
    } else {
        "ahead of"
    };
    let spoken = spoken_duration(distance);
    if distance <= WARNING_SKEW_SECONDS {
        return Check::pass(
            "clock",
            format!("within {distance} s of the server's (its Date header)"),
        );
    }
    if distance <= MAXIMUM_SKEW_SECONDS {
        return Check::new(
            Status::Warn,
            "clock",
            format!(
                "this machine's clock is {spoken} {direction} the server's; WeData refuses requests more than 5 minutes off"
            ),
        )
        .with_fix(CLOCK_FIX);
    }
    Check::fail(
        "clock",
        format!(
            "this machine's clock is {spoken} {direction} the server's; WeData refuses every request more than 5 minutes off (AuthFailure.SignatureExpire)"
        ),
    )
    .with_fix(CLOCK_FIX)
}

fn spoken_duration(seconds: i64) -> String {
    match seconds {
        0..=119 => format!("{seconds} s"),
        120..=7199 => format!("{} min {} s", seconds / 60, seconds % 60),
        _ => format!("{} h {} min", seconds / 3600, (seconds % 3600) / 60),
    }
}

/// What an API error code says about the credentials, or `None` when they were accepted
/// (the request got past authentication).
pub fn authentication_failure(code: &str, message: &str) -> Option<Check> {
    let (detail, fix) = match code {
        "AuthFailure.SecretIdNotFound" | "AuthFailure.InvalidSecretId" => (
            "the SecretId is not known to Tencent Cloud".to_owned(),
            "check TENCENTCLOUD_SECRET_ID (or the profile's secretId) against CAM > API keys; a deleted or disabled key answers like this",
        ),
        "AuthFailure.SignatureFailure" => (
            "the signature does not match: the SecretKey is not the SecretId's".to_owned(),
            "set TENCENTCLOUD_SECRET_KEY (or the profile's secretKey) to the key of the same pair as the SecretId",
        ),
        "AuthFailure.SignatureExpire" => (
            "the server refused the request's time: this machine's clock is more than 5 minutes off".to_owned(),
            CLOCK_FIX,
        ),
        "AuthFailure.TokenFailure" => (
            "the session token is invalid or has expired".to_owned(),
            "fetch new temporary credentials and set TENCENTCLOUD_SESSION_TOKEN with them, or unset it for a permanent key",
        ),
        other if other.starts_with("AuthFailure") && other != "AuthFailure.UnauthorizedOperation" => (
            format!("the credentials were refused ({other}: {message})"),
            "check the key pair in CAM > API keys",
        ),
        _ => return None,
    };
    Some(Check::fail("authentication", format!("{detail} ({code})")).with_fix(fix))
}

/// What an API error code of the project call says about the project.
pub fn project_failure(project_id: &str, region: &str, code: &str, message: &str) -> Check {
    let (detail, fix) = match code {
        "InvalidParameter.WorkspaceNotExist" | "ResourceNotFound" => (
            format!("project {project_id} does not exist in {region}"),
            "check project_id in wedata.yaml (and the target's) against the WeData console's project list, and the region",
        ),
        "UnauthorizedOperation.UserNotInProject" => (
            format!("this key's user is not a member of project {project_id}"),
            "ask a project administrator to add the user (or the CI sub-account) to the project",
        ),
        "UnauthorizedOperation" | "AuthFailure.UnauthorizedOperation" | "OperationDenied" => (
            format!("this key may not use WeData project {project_id}"),
            "grant the sub-account WeData access in CAM (e.g. QcloudWeDataFullAccess, or a policy with the wedata actions plan and apply use)",
        ),
        "UnsupportedRegion" => (
            format!("WeData does not answer in region {region}"),
            "set the region the project lives in (`region:` in wedata.yaml, or --region)",
        ),
        _ => (
            format!("the project could not be read: {code}: {message}"),
            "run the failing call with `wedata-gitops api ListTriggerWorkflows` and -v to see the full answer",
        ),
    };
    Check::fail("project", format!("{detail} ({code})")).with_fix(fix)
}

/// A permission from GetMyWorkflowMaxPermission: can apply write to the workflow?
pub fn can_write(permission: Option<&str>) -> bool {
    permission.is_some_and(|permission| WRITING_PERMISSIONS.contains(&permission))
}

/// The `--rate-limit` setting against WeData's limit.
pub fn rate_limit(requests_per_second: u32) -> Check {
    if requests_per_second == 0 {
        return Check::fail("rate limit", "--rate-limit 0 would never send a request").with_fix(
            format!("use a limit from 1 to {API_RATE_LIMIT} (the default is {API_RATE_LIMIT})"),
        );
    }
    if requests_per_second > API_RATE_LIMIT {
        return Check::new(
            Status::Warn,
            "rate limit",
            format!(
                "{requests_per_second} requests/s per action is above WeData's {API_RATE_LIMIT}: the excess is answered RequestLimitExceeded and retried, which is slower"
            ),
        )
        .with_fix(format!("use --rate-limit {API_RATE_LIMIT} or less"));
    }
    Check::pass(
        "rate limit",
        format!(
            "{requests_per_second} requests/s per action (WeData allows {API_RATE_LIMIT} per account; CI jobs running at once share it)"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_offsets_pass_then_warn_then_fail_at_five_minutes() {
        assert_eq!(clock(0).status, Status::Pass);
        assert_eq!(clock(-60).status, Status::Pass);
        assert_eq!(clock(61).status, Status::Warn);
        assert_eq!(clock(-300).status, Status::Warn);
        let fail = clock(301);
        assert_eq!(fail.status, Status::Fail);
        assert!(fail.detail.contains("5 min 1 s behind"), "{}", fail.detail);
        assert!(fail.fix.is_some());
        assert!(clock(-7200).detail.contains("2 h 0 min ahead of"));
    }

    #[test]
    fn each_credential_error_names_its_cause() {
        let cases = [
            ("AuthFailure.SecretIdNotFound", "SecretId is not known"),
            ("AuthFailure.InvalidSecretId", "SecretId is not known"),
            (
                "AuthFailure.SignatureFailure",
                "SecretKey is not the SecretId's",
            ),
            ("AuthFailure.SignatureExpire", "clock"),
            ("AuthFailure.TokenFailure", "session token"),
            ("AuthFailure", "refused"),
        ];
        for (code, words) in cases {
            let check = authentication_failure(code, "message").unwrap();
            assert_eq!(check.status, Status::Fail);
            assert!(check.detail.contains(words), "{code}: {}", check.detail);
            assert!(check.detail.contains(code));
        }
        for accepted in [
            "InvalidParameter.WorkspaceNotExist",
            "AuthFailure.UnauthorizedOperation",
            "UnauthorizedOperation",
            "InternalError",
        ] {
            assert!(
                authentication_failure(accepted, "m").is_none(),
                "{accepted}"
            );
        }
    }

    #[test]
    fn project_errors_name_the_project_or_the_region() {
        let missing = project_failure(
            "42",
            "ap-guangzhou",
            "InvalidParameter.WorkspaceNotExist",
            "m",
        );
        assert!(
            missing
                .detail
                .contains("project 42 does not exist in ap-guangzhou")
        );
        let member = project_failure("42", "r", "UnauthorizedOperation.UserNotInProject", "m");
        assert!(member.detail.contains("not a member of project 42"));
        let region = project_failure("42", "ap-mars", "UnsupportedRegion", "m");
        assert!(region.detail.contains("ap-mars"));
        let other = project_failure("42", "r", "InternalError", "boom");
        assert!(other.detail.contains("InternalError: boom"));
        assert!(other.fix.is_some());
    }

    #[test]
    fn only_edit_and_manage_let_apply_write() {
        assert!(can_write(Some("CAN_MANAGE")));
        assert!(can_write(Some("CAN_EDIT")));
        assert!(!can_write(Some("CAN_RUN")));
        assert!(!can_write(Some("CAN_VIEW")));
        assert!(!can_write(None));
    }

    #[test]
    fn rate_limits_above_wedatas_warn_and_zero_fails() {
        assert_eq!(rate_limit(20).status, Status::Pass);
        assert_eq!(rate_limit(1).status, Status::Pass);
        assert_eq!(rate_limit(21).status, Status::Warn);
        assert_eq!(rate_limit(0).status, Status::Fail);
    }
}
