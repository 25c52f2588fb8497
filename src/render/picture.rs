//! What every picture of the dependency graph shares: the colours of each status, the
//! captions of workflows, and labels cut to a readable length with characters that could
//! spoof or break a line removed. Escaping for a format stays with that format's renderer.

use crate::dag::{Cluster, Status};

/// Longest label drawn, in characters; the full name stays in tooltips and the plan text.
pub const LABEL_CHARACTERS: usize = 40;

/// Fill, stroke and text colours of a status (GitHub's light palette: readable in both the
/// PR comment and the report).
pub fn colours(status: Status) -> (&'static str, &'static str, &'static str) {
    match status {
        Status::Create => ("#dafbe1", "#1a7f37", "#0f3d1f"),
        Status::Update => ("#fff8c5", "#9a6700", "#3d2a00"),
        Status::Replace => ("#fbefff", "#8250df", "#2e1065"),
        Status::Delete => ("#ffebe9", "#cf222e", "#4a0b0f"),
        Status::Unchanged => ("#f6f8fa", "#8c959f", "#24292f"),
        Status::Declared => ("#ddf4ff", "#0969da", "#0a3069"),
        Status::Unmanaged => ("#ffffff", "#8c959f", "#57606a"),
    }
}

/// Whether a status is drawn with a dashed outline (context outside the repository).
pub fn dashed(status: Status) -> bool {
    status == Status::Unmanaged
}

/// A name as one short line: control characters become spaces, invisible direction and
/// formatting characters (which can make a name read as another) become U+FFFD, and anything
/// past [`LABEL_CHARACTERS`] is cut with an ellipsis.
pub fn one_line(text: &str) -> String {
    cut(text, LABEL_CHARACTERS)
}

/// [`one_line`] with its own length.
pub fn cut(text: &str, characters: usize) -> String {
    let cleaned: String = text
        .chars()
        .map(|character| {
            if character.is_control() {
                ' '
            } else if is_invisible_format(character) {
                '\u{FFFD}'
            } else {
                character
            }
        })
        .collect();
    if cleaned.chars().count() <= characters {
        return cleaned;
    }
    let mut shortened: String = cleaned.chars().take(characters.saturating_sub(1)).collect();
    shortened.push('…');
    shortened
}

/// Bidirectional overrides and isolates, zero-width characters, and line/paragraph separators.
fn is_invisible_format(character: char) -> bool {
    matches!(
        character,
        '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// A node's label: the plan's marker, then the name.
pub fn node_label(status: Status, name: &str) -> String {
    match status.marker() {
        "" => one_line(name),
        marker => format!("{marker} {}", one_line(name)),
    }
}

/// A workflow's caption: its change, its name, and how many of its tasks are not drawn.
pub fn cluster_caption(cluster: &Cluster) -> String {
    let mut caption = match cluster.status {
        Some(Status::Create) => format!("+ {} (new workflow)", one_line(&cluster.name)),
        Some(status) if status.is_change() => {
            format!(
                "{} {} (workflow: {})",
                status.marker(),
                one_line(&cluster.name),
                status.word()
            )
        }
        _ => one_line(&cluster.name),
    };
    let omitted = cluster.omitted_count();
    if omitted > 0 {
        caption.push_str(&format!(
            " · {omitted} more task{} not shown",
            if omitted == 1 { "" } else { "s" }
        ));
    }
    caption
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_one_short_line_without_invisible_characters() {
        assert_eq!(one_line("a\nb\tc"), "a b c");
        assert_eq!(one_line("evil\u{202E}txt"), "evil\u{FFFD}txt");
        let long = "x".repeat(300);
        let cut = one_line(&long);
        assert_eq!(cut.chars().count(), LABEL_CHARACTERS);
        assert!(cut.ends_with('…'));
        assert_eq!(node_label(Status::Replace, "t"), "-/+ t");
        assert_eq!(node_label(Status::Unchanged, "t"), "t");
    }
}
