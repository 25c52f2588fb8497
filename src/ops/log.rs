//! The end of a failed task run's or instance's log (GetTaskInstanceLog), as a few lines to
//! show under its name.
//!
//! WeData separates log lines with `<br>` and escapes a few HTML characters; both are undone.
//! A log is what the task printed, so values after secret-looking keys (`password=...`,
//! `token: ...`) are masked, long lines are cut, and only the last lines are kept. Control
//! characters stay for the renderer to neutralize.

use crate::api::types::GetTaskInstanceLogRequest;
use crate::api::{ApiError, Client};
use crate::model::is_sensitive_key;

/// Lines kept from the end of a log.
pub const TAIL_LINES: usize = 5;
/// Characters kept of one line.
const LINE_CHARACTERS: usize = 300;
/// Pages of a long log followed to reach its end.
const MAXIMUM_PAGES: usize = 20;
const MASK: &str = "********";

/// The last [`TAIL_LINES`] lines of the log of `instance_key` (a task run's ExecutionId or an
/// instance's key), following NextCursor to the end.
pub async fn tail(
    client: &Client,
    project_id: &str,
    instance_key: &str,
) -> Result<Vec<String>, ApiError> {
    let mut kept: Vec<String> = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..MAXIMUM_PAGES {
        let data = client
            .send(&GetTaskInstanceLogRequest {
                project_id: project_id.to_owned(),
                instance_key: instance_key.to_owned(),
                next_cursor: cursor.clone(),
                ..Default::default()
            })
            .await?
            .data
            .unwrap_or_default();
        kept.extend(lines_of(data.log_info.as_deref().unwrap_or_default()));
        let excess = kept.len().saturating_sub(TAIL_LINES);
        kept.drain(..excess);
        match data.next_cursor.filter(|next| !next.is_empty()) {
            Some(next) if Some(&next) != cursor.as_ref() => cursor = Some(next),
            _ => break,
        }
    }
    Ok(kept)
}

/// A log's text as lines: split at `<br>` and line breaks, HTML entities undone, blank lines
/// dropped, secrets masked, each line cut to a bounded length.
pub fn lines_of(log: &str) -> Vec<String> {
    log.split("<br>")
        .flat_map(str::lines)
        .map(|line| unescape(line.trim_end()))
        .filter(|line| !line.trim().is_empty())
        .map(|line| cut(&mask_secrets(&line)))
        .collect()
}

fn unescape(line: &str) -> String {
    line.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn cut(line: &str) -> String {
    if line.chars().count() <= LINE_CHARACTERS {
        return line.to_owned();
    }
    let mut kept: String = line.chars().take(LINE_CHARACTERS).collect();
    kept.push('…');
    kept
}

/// Masks the value after every `KEY=` or `KEY:` whose KEY looks secret (`db_password=x`,
/// `"token": "x"`): the value runs to the next space, comma or semicolon.
pub fn mask_secrets(line: &str) -> String {
    let mut masked = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(position) = rest.find(['=', ':']) {
        let (before, after) = rest.split_at(position);
        masked.push_str(before);
        masked.push_str(&after[..1]);
        rest = &after[1..];
        let key: String = before
            .trim_end_matches(['"', '\'', ' '])
            .chars()
            .rev()
            .take_while(|character| {
                character.is_alphanumeric() || matches!(character, '_' | '-' | '.')
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if key.is_empty() || !is_sensitive_key(&key) {
            continue;
        }
        let spaces = rest.len() - rest.trim_start_matches(' ').len();
        masked.push_str(&rest[..spaces]);
        rest = &rest[spaces..];
        let quote = rest
            .chars()
            .next()
            .filter(|first| matches!(first, '"' | '\''));
        let value_length = match quote {
            Some(quote) => rest[1..].find(quote).map_or(rest.len(), |end| end + 2),
            None => rest.find([' ', ',', ';', '}', ')']).unwrap_or(rest.len()),
        };
        if value_length > 0 {
            masked.push_str(MASK);
            rest = &rest[value_length..];
        }
    }
    masked.push_str(rest);
    masked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_log_becomes_lines_without_breaks_entities_or_blanks() {
        let lines = lines_of(
            "2025-08-28 15:04:17 INFO step 1<br><br>2025-08-28 15:04:18 ERROR a &lt;b&gt; &amp; c\nlast",
        );
        assert_eq!(
            lines,
            [
                "2025-08-28 15:04:17 INFO step 1",
                "2025-08-28 15:04:18 ERROR a <b> & c",
                "last"
            ]
        );
        let long = "x".repeat(1000);
        assert_eq!(lines_of(&long)[0].chars().count(), LINE_CHARACTERS + 1);
    }

    #[test]
    fn values_after_secret_looking_keys_are_masked() {
        assert_eq!(
            mask_secrets("connect db_password=hunter2 user=bob"),
            "connect db_password=******** user=bob"
        );
        assert_eq!(
            mask_secrets(r#"{"token": "abc def", "day": "2025"}"#),
            r#"{"token": ********, "day": "2025"}"#
        );
        assert_eq!(mask_secrets("at 12:30 ok"), "at 12:30 ok");
        assert_eq!(mask_secrets("SK:xyz;next"), "SK:********;next");
        assert_eq!(mask_secrets("ends with key="), "ends with key=");
    }
}
