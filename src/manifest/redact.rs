//! What an error snippet may show of a manifest. Before a file's text is printed around an
//! error, the value of every secret-looking key (`db_password: ...`, `{ oss_sk: ... }`, and
//! every line nested under such a key) and every occurrence of a secret-looking variable's
//! value (a `${var.db_password}` already substituted) is replaced with a mask. The positions
//! of errors move with the edits, so a caret still points at what it pointed at.
//!
//! It reads lines, not YAML: it must work on text that failed to parse, and it errs towards
//! masking too much.

use crate::model::is_sensitive_key;

/// What a masked value shows instead.
pub const MASK: &str = "********";

/// Members of the manifest format whose names contain a secret marker but hold no secret
/// (`params_in: [{key: day, from_key: day}]`). A test keeps this list equal to the format's.
const FORMAT_MEMBERS_THAT_LOOK_SENSITIVE: [&str; 2] = ["from_key", "key"];

/// Secret values shorter than this are not searched for in the text: masking every `42` or
/// `dw` in a file would garble the snippet and hide nothing worth hiding.
const SHORTEST_SEARCHED_SECRET: usize = 4;

/// A file's text with secrets masked, and the edits that did it.
#[derive(Debug)]
pub struct Redacted {
    pub text: String,
    /// Replaced byte ranges of the original text with the length of what replaced them,
    /// ordered and disjoint.
    edits: Vec<Edit>,
}

#[derive(Debug, Clone, Copy)]
struct Edit {
    start: usize,
    end: usize,
    replacement_length: usize,
}

impl Redacted {
    /// Where a byte offset of the original text lands in the masked text; an offset inside
    /// a masked value lands at the start of its mask.
    pub fn offset(&self, original: usize) -> usize {
        let mut shift: isize = 0;
        for edit in &self.edits {
            if original < edit.start {
                break;
            }
            if original < edit.end {
                return (edit.start as isize + shift) as usize;
            }
            shift += edit.replacement_length as isize - (edit.end - edit.start) as isize;
        }
        (original as isize + shift) as usize
    }
}

/// `text` with every occurrence of `secret_values` masked (for messages, which quote values).
pub fn mask_values(text: &str, secret_values: &[String]) -> String {
    let mut masked = text.to_owned();
    for secret in secret_values {
        if secret.len() >= SHORTEST_SEARCHED_SECRET {
            masked = masked.replace(secret.as_str(), MASK);
        }
    }
    masked
}

/// Masks the values of secret-looking keys, and every occurrence of `secret_values`.
pub fn redact(text: &str, secret_values: &[String]) -> Redacted {
    let mut ranges = sensitive_value_ranges(text);
    for secret in secret_values {
        if secret.len() < SHORTEST_SEARCHED_SECRET {
            continue;
        }
        ranges.extend(
            text.match_indices(secret.as_str())
                .map(|(start, found)| (start, start + found.len())),
        );
    }
    let ranges = merge(ranges);
    let mut masked = String::with_capacity(text.len());
    let mut edits = Vec::with_capacity(ranges.len());
    let mut position = 0;
    for (start, end) in ranges {
        masked.push_str(&text[position..start]);
        masked.push_str(MASK);
        edits.push(Edit {
            start,
            end,
            replacement_length: MASK.len(),
        });
        position = end;
    }
    masked.push_str(&text[position..]);
    Redacted {
        text: masked,
        edits,
    }
}

/// Sorted, overlapping or touching ranges joined.
fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.retain(|(start, end)| start < end);
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

fn is_secret_key(key: &str) -> bool {
    let key = key
        .trim()
        .trim_matches(|character| character == '"' || character == '\'');
    !FORMAT_MEMBERS_THAT_LOOK_SENSITIVE.contains(&key) && is_sensitive_key(key)
}

/// Byte ranges (of the whole text) of values that belong to secret-looking keys.
fn sensitive_value_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    // The indentation of a secret key whose value continues on the following lines (a block
    // scalar, a nested mapping or a list): those lines are masked whole.
    let mut masking_below: Option<usize> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let indentation = content.len() - content.trim_start_matches([' ', '\t']).len();
        let blank = content.trim().is_empty();
        if let Some(key_indentation) = masking_below {
            if blank || indentation > key_indentation {
                if !blank {
                    ranges.push((line_start + indentation, line_start + content.len()));
                }
                line_start += line.len();
                continue;
            }
            masking_below = None;
        }
        for pair in pairs(content) {
            if !is_secret_key(&content[pair.key.0..pair.key.1]) {
                continue;
            }
            let value = content[pair.value.0..pair.value.1].trim();
            if value.is_empty() || (pair.block && is_block_opener(value)) {
                masking_below = Some(indentation);
            }
            if !value.is_empty() {
                ranges.push((line_start + pair.value.0, line_start + pair.value.1));
            }
        }
        line_start += line.len();
    }
    ranges
}

/// `|`, `>-`, `&anchor |`: a value whose text is on the following lines.
fn is_block_opener(value: &str) -> bool {
    let last = value.split_whitespace().last().unwrap_or("");
    last.starts_with('|') || last.starts_with('>')
}

/// One `key: value` of a line: byte ranges of the key and of the value (trimmed of spaces
/// and of a trailing comment).
struct Pair {
    key: (usize, usize),
    value: (usize, usize),
    /// The pair is in block style (not inside `{...}` or `[...]`), so its value runs to the
    /// end of the line.
    block: bool,
}

/// The `key: value` pairs of one line, in block style or inside flow collections.
fn pairs(line: &str) -> Vec<Pair> {
    let bytes = line.as_bytes();
    let mut pairs = Vec::new();
    let mut depth = 0usize;
    let mut key_start = skip_spaces_and_dashes(line, 0);
    let mut index = key_start;
    while index < bytes.len() {
        match bytes[index] {
            quote @ (b'"' | b'\'') => {
                index = closing_quote(bytes, index, quote);
            }
            b'#' if index == 0 || bytes[index - 1] == b' ' || bytes[index - 1] == b'\t' => break,
            b'{' | b'[' => {
                depth += 1;
                key_start = skip_spaces(line, index + 1);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            b',' if depth > 0 => key_start = skip_spaces(line, index + 1),
            b':' if bytes
                .get(index + 1)
                .is_none_or(|next| *next == b' ' || *next == b'\t') =>
            {
                let value_start = skip_spaces(line, index + 1);
                let value_end = if depth == 0 {
                    end_of_block_value(line, value_start)
                } else {
                    end_of_flow_value(bytes, value_start)
                };
                pairs.push(Pair {
                    key: (key_start, index),
                    value: (value_start, value_end.max(value_start)),
                    block: depth == 0,
                });
                key_start = value_start;
            }
            _ => {}
        }
        index += 1;
    }
    pairs
}

fn skip_spaces(line: &str, from: usize) -> usize {
    from + line[from.min(line.len())..].len()
        - line[from.min(line.len())..]
            .trim_start_matches([' ', '\t'])
            .len()
}

/// The start of a block line's first key: after indentation and list dashes (`- - key:`).
fn skip_spaces_and_dashes(line: &str, from: usize) -> usize {
    let mut position = skip_spaces(line, from);
    while line[position..].starts_with("- ") {
        position = skip_spaces(line, position + 1);
    }
    position
}

/// The index of the closing quote (or the end of the line), honouring `\"` and `''`.
fn closing_quote(bytes: &[u8], open: usize, quote: u8) -> usize {
    let mut index = open + 1;
    while index < bytes.len() {
        if quote == b'"' && bytes[index] == b'\\' {
            index += 2;
            continue;
        }
        if bytes[index] == quote {
            if quote == b'\'' && bytes.get(index + 1) == Some(&b'\'') {
                index += 2;
                continue;
            }
            return index;
        }
        index += 1;
    }
    bytes.len()
}

/// A block value runs to the end of the line, less a trailing ` # comment`.
fn end_of_block_value(line: &str, start: usize) -> usize {
    let bytes = line.as_bytes();
    let mut index = start;
    while index < bytes.len() {
        match bytes[index] {
            quote @ (b'"' | b'\'') if index == start => {
                index = closing_quote(bytes, index, quote);
            }
            b'#' if index > start && (bytes[index - 1] == b' ' || bytes[index - 1] == b'\t') => {
                return line[..index].trim_end().len();
            }
            _ => {}
        }
        index += 1;
    }
    line.trim_end().len()
}

/// A flow value runs to the next `,`, `}` or `]` of its own level.
fn end_of_flow_value(bytes: &[u8], start: usize) -> usize {
    let mut depth = 0usize;
    let mut index = start;
    while index < bytes.len() {
        match bytes[index] {
            quote @ (b'"' | b'\'') => index = closing_quote(bytes, index, quote),
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => break,
            b'}' | b']' => depth -= 1,
            b',' if depth == 0 => break,
            _ => {}
        }
        index += 1;
    }
    let end = index.min(bytes.len());
    let mut trimmed = end;
    while trimmed > start && (bytes[trimmed - 1] == b' ' || bytes[trimmed - 1] == b'\t') {
        trimmed -= 1;
    }
    trimmed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(text: &str) -> String {
        redact(text, &[]).text
    }

    #[test]
    fn block_values_of_secret_keys_are_masked_and_others_kept() {
        let text = "ext:\n  specLabel: small\n  db_password: hunter2 # rotate yearly\n  oss_sk: \"abc\\\"def\"\n";
        assert_eq!(
            masked(text),
            "ext:\n  specLabel: small\n  db_password: ******** # rotate yearly\n  oss_sk: ********\n"
        );
    }

    #[test]
    fn flow_values_of_secret_keys_are_masked_and_others_kept() {
        let text = "ext: { specLabel: small, \"api_token\": 'it''s, secret', region: gz }\n";
        assert_eq!(
            masked(text),
            "ext: { specLabel: small, \"api_token\": ********, region: gz }\n"
        );
    }

    #[test]
    fn lines_nested_under_a_secret_key_are_masked() {
        let text = "variables:\n  ssh_key: |\n    -----BEGIN KEY-----\n    abc\n\n  warehouse: dw\ncredentials:\n  - user: a\n    pass: b\nname: x\n";
        assert_eq!(
            masked(text),
            "variables:\n  ssh_key: ********\n    ********\n    ********\n\n  warehouse: dw\ncredentials:\n  ********\n    ********\nname: x\n"
        );
    }

    #[test]
    fn parameter_wiring_is_not_mistaken_for_a_secret() {
        let text = "params_in:\n  - key: day\n    from_task: extract\n    from_key: day\n  - { key: hour, from_key: hour }\n";
        assert_eq!(masked(text), text);
    }

    #[test]
    fn values_of_secret_variables_are_masked_wherever_they_were_substituted() {
        let text = "ext:\n  jdbc: \"jdbc:mysql://db?password=s3cr3t-value\"\n  day: 42\n";
        let redacted = redact(text, &["s3cr3t-value".into(), "42".into()]);
        assert_eq!(
            redacted.text,
            "ext:\n  jdbc: \"jdbc:mysql://db?password=********\"\n  day: 42\n"
        );
    }

    #[test]
    fn offsets_move_with_the_masks() {
        let text = "a: { token: longsecretvalue, bad: value }\n";
        let redacted = redact(text, &[]);
        assert_eq!(redacted.text, "a: { token: ********, bad: value }\n");
        let bad = text.find("bad").unwrap();
        assert_eq!(&redacted.text[redacted.offset(bad)..][..3], "bad");
        let inside = text.find("secret").unwrap();
        assert_eq!(&redacted.text[redacted.offset(inside)..][..8], MASK);
        assert_eq!(redacted.offset(2), 2);
    }

    #[test]
    fn the_format_members_that_look_sensitive_are_exactly_the_listed_ones() {
        fn property_names(
            value: &serde_json::Value,
            names: &mut std::collections::BTreeSet<String>,
        ) {
            match value {
                serde_json::Value::Object(object) => {
                    if let Some(serde_json::Value::Object(properties)) = object.get("properties") {
                        names.extend(properties.keys().cloned());
                    }
                    object
                        .values()
                        .for_each(|child| property_names(child, names));
                }
                serde_json::Value::Array(items) => {
                    items.iter().for_each(|child| property_names(child, names))
                }
                _ => {}
            }
        }
        let mut names = std::collections::BTreeSet::new();
        for (_, schema) in super::super::schema::all() {
            property_names(&serde_json::from_str(&schema).unwrap(), &mut names);
        }
        let looking_sensitive: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .filter(|name| is_sensitive_key(name))
            .collect();
        assert_eq!(looking_sensitive, FORMAT_MEMBERS_THAT_LOOK_SENSITIVE);
    }
}
