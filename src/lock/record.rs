//! What a lock record says and how it is named. Pure: the record is written by us, but read
//! back from WeData as untrusted data, so parsing never fails loudly (an unreadable record is a
//! record whose holder is unknown, with the default lease) and every string shown to a person
//! is bounded and stripped of control characters.

use std::path::Path;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// The record format this version writes.
const RECORD_FORMAT: u32 = 1;

/// The shortest and longest lease a record may claim (a record is data from WeData: a lease of
/// a year must not block a project for a year).
pub const SHORTEST_LEASE: Duration = Duration::from_secs(1);
pub const LONGEST_LEASE: Duration = Duration::from_secs(60 * 60);

/// Characters of any one field shown to a person.
const SHOWN_CHARACTERS: usize = 200;

/// Who holds (or wants) the lock, for the person who finds it held.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub user: String,
    pub host: String,
    /// The CI run's address, when run in CI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ci_run: Option<String>,
    /// The commit being applied, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
    /// `apply`, `force-unlock`, ...
    pub command: String,
    /// When the holder started, by its own clock (for people; expiry uses the server's).
    pub started: String,
    pub tool_version: String,
}

impl Holder {
    /// The holder this process is: user, host, CI run and commit from the environment and the
    /// Git checkout of `directory`.
    pub fn of_this_process(directory: &Path, command: &str) -> Self {
        let variable = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
        let ci_run = match (
            variable("GITHUB_SERVER_URL"),
            variable("GITHUB_REPOSITORY"),
            variable("GITHUB_RUN_ID"),
        ) {
            (Some(server), Some(repository), Some(run)) => {
                Some(format!("{server}/{repository}/actions/runs/{run}"))
            }
            _ => variable("CI_JOB_URL")
                .or_else(|| variable("BUILD_URL"))
                .or_else(|| variable("CI").map(|_| "a CI run".to_owned())),
        };
        let commit = variable("GITHUB_SHA")
            .or_else(|| variable("CI_COMMIT_SHA"))
            .or_else(|| git_commit(directory));
        Self {
            user: variable("GITHUB_ACTOR")
                .or_else(|| variable("GITLAB_USER_LOGIN"))
                .or_else(|| variable("USER"))
                .or_else(|| variable("USERNAME"))
                .unwrap_or_else(|| "unknown".to_owned()),
            host: host_name(),
            ci_run,
            commit,
            command: command.to_owned(),
            started: jiff::Timestamp::now().to_string(),
            tool_version: env!("CARGO_PKG_VERSION").to_owned(),
        }
    }

    /// One line for a person: `alice on build-7 (CI https://..., commit abc1234), apply since ...`.
    pub fn describe(&self) -> String {
        let mut details = Vec::new();
        if let Some(ci_run) = &self.ci_run {
            details.push(format!("CI {}", shown(ci_run)));
        }
        if let Some(commit) = &self.commit {
            details.push(format!("commit {}", shown(commit)));
        }
        let details = if details.is_empty() {
            String::new()
        } else {
            format!(" ({})", details.join(", "))
        };
        format!(
            "{} on {}{details}, `{}` started {}",
            shown(&self.user),
            shown(&self.host),
            shown(&self.command),
            shown(&self.started)
        )
    }
}

/// The record's content, as written into the code file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Content {
    pub format: u32,
    pub tool: String,
    pub key: String,
    pub holder: Holder,
    pub lease_seconds: u64,
}

impl Content {
    pub fn new(key: &str, holder: Holder, lease: Duration) -> Self {
        Self {
            format: RECORD_FORMAT,
            tool: "wedata-gitops".to_owned(),
            key: key.to_owned(),
            holder,
            lease_seconds: lease.as_secs().max(1),
        }
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string_pretty(self).expect("records serialize")
    }

    /// Reads a record's content; `None` when it is not one of ours.
    pub fn parse(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }

    /// The lease the record claims, within the bounds any record may claim.
    pub fn lease(&self) -> Duration {
        Duration::from_secs(self.lease_seconds).clamp(SHORTEST_LEASE, LONGEST_LEASE)
    }
}

/// A lock key (the target, or `default`) as it appears in file names: letters, digits, `-`
/// and `_` only. Keys that differ only elsewhere share a lock, which is safe (more exclusion,
/// never less).
pub fn key_for(target: Option<&str>) -> String {
    let raw = target
        .filter(|target| !target.is_empty())
        .unwrap_or("default");
    let key: String = raw
        .chars()
        .map(|character| {
            if character.is_ascii_alphanumeric() || matches!(character, '-' | '_') {
                character
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    key
}

/// `<key>.<uuid>.lock`: one record per attempt, so attempts never collide on a name.
pub fn file_name(key: &str, attempt: &uuid::Uuid) -> String {
    format!("{key}.{}.lock", attempt.simple())
}

/// Whether a file of the lock folder is a record of `key` (by its name alone).
pub fn is_record_of(file_name: &str, key: &str) -> bool {
    file_name
        .strip_prefix(key)
        .and_then(|rest| rest.strip_prefix('.'))
        .and_then(|rest| rest.strip_suffix(".lock"))
        .is_some_and(|middle| {
            middle.len() == 32
                && middle
                    .chars()
                    .all(|character| character.is_ascii_hexdigit())
        })
}

/// `yyyy-MM-dd HH:mm:ss` (the service's own time, whatever its zone) as seconds on one scale;
/// only differences between such times are ever used.
pub fn server_seconds(text: &str) -> Option<i64> {
    let civil: jiff::civil::DateTime = text.trim().parse().ok()?;
    Some(
        jiff::tz::TimeZone::UTC
            .to_timestamp(civil)
            .ok()?
            .as_second(),
    )
}

/// A string from WeData as it may be shown: control characters replaced, length bounded.
pub fn shown(text: &str) -> String {
    let mut cleaned: String = text
        .chars()
        .map(|character| {
            if character.is_control() {
                '?'
            } else {
                character
            }
        })
        .take(SHOWN_CHARACTERS)
        .collect();
    if text.chars().count() > SHOWN_CHARACTERS {
        cleaned.push('…');
    }
    cleaned
}

fn git_commit(directory: &Path) -> Option<String> {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(directory)
        .args(["rev-parse", "--short", "HEAD"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let commit = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    (output.status.success() && !commit.is_empty()).then_some(commit)
}

fn host_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .filter(|name| !name.is_empty())
        .or_else(|| {
            std::fs::read_to_string("/etc/hostname")
                .ok()
                .map(|name| name.trim().to_owned())
                .filter(|name| !name.is_empty())
        })
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .unwrap_or_else(|| "unknown host".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_named_per_key_and_attempt() {
        let attempt = uuid::Uuid::new_v4();
        let name = file_name("prod", &attempt);
        assert!(is_record_of(&name, "prod"));
        assert!(!is_record_of(&name, "pro"));
        assert!(!is_record_of(&name, "prod2"));
        assert!(!is_record_of("prod.notes.lock", "prod"));
        assert!(!is_record_of(&format!("{name}.bak"), "prod"));
        assert_eq!(key_for(None), "default");
        assert_eq!(key_for(Some("")), "default");
        assert_eq!(key_for(Some("dev/alice")), "dev_alice");
    }

    #[test]
    fn a_hostile_record_is_bounded_and_cannot_claim_a_long_lease() {
        let text = serde_json::json!({
            "format": 1, "tool": "wedata-gitops", "key": "prod",
            "holder": {"user": "\u{1b}[31mmallory\n", "host": "h".repeat(5000), "command": "apply",
                       "started": "now", "tool_version": "9"},
            "lease_seconds": u64::MAX
        })
        .to_string();
        let content = Content::parse(&text).unwrap();
        assert_eq!(content.lease(), LONGEST_LEASE);
        let described = content.holder.describe();
        assert!(
            !described.contains('\u{1b}') && !described.contains('\n'),
            "{described}"
        );
        assert!(described.chars().count() < 500, "{}", described.len());
        assert!(Content::parse("not json").is_none());
    }

    #[test]
    fn server_times_compare_by_their_difference() {
        let earlier = server_seconds("2025-09-17 18:51:32").unwrap();
        let later = server_seconds("2025-09-17 18:52:02").unwrap();
        assert_eq!(later - earlier, 30);
        assert!(server_seconds("yesterday").is_none());
    }
}
