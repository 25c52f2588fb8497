//! Where a member is written: the line and column of `base.owner_uin` in the document of one
//! task, found by parsing the manifest's text with the span-preserving parser the editor uses
//! (`manifest::edit`), so a violation points at the very key it is about. A member a document
//! does not write is pointed at through its nearest written parent (`base:`), or the document's
//! `name:` line. Pure: the caller supplies the texts.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::manifest::edit::{self, Node};

/// Reads a manifest's text by its path relative to the project root.
pub type Reader<'a> = dyn FnMut(&Path) -> Option<String> + 'a;

/// Finds members in manifests, parsing each file once.
pub struct Locator<'a> {
    read: Box<Reader<'a>>,
    parsed: HashMap<PathBuf, Option<(String, Vec<Node>)>>,
}

impl<'a> Locator<'a> {
    pub fn new(read: impl FnMut(&Path) -> Option<String> + 'a) -> Self {
        Self {
            read: Box::new(read),
            parsed: HashMap::new(),
        }
    }

    /// The 1-based (line, column) of `path`'s key in the document of `file` whose `name:` is
    /// on `name_line`; the nearest written parent's key, or (`name_line`, 1), when it is not
    /// written.
    pub fn find(&mut self, file: &Path, name_line: usize, path: &[&str]) -> (usize, usize) {
        let read = &mut self.read;
        let parsed = self.parsed.entry(file.to_owned()).or_insert_with(|| {
            let text = read(file)?;
            let documents = edit::parse(&text).ok()?;
            Some((text, documents))
        });
        let Some((text, documents)) = parsed else {
            return (name_line, 1);
        };
        let Some(document) = documents.iter().find(|document| {
            edit::line_of(text, document.start) <= name_line
                && name_line <= edit::line_of(text, document.end)
        }) else {
            return (name_line, 1);
        };
        let mut node = document;
        let mut found: Option<&Node> = None;
        for key in path {
            let Some((key_node, value)) = node
                .entries()
                .iter()
                .find(|(entry_key, _)| entry_key.scalar() == Some(key))
            else {
                break;
            };
            found = Some(key_node);
            node = value;
        }
        match found {
            Some(key_node) => position(text, key_node.start),
            None => (name_line, 1),
        }
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn position(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let line_start = text[..offset].rfind('\n').map_or(0, |index| index + 1);
    (
        edit::line_of(text, offset),
        text[line_start..offset].chars().count() + 1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "kind: TriggerWorkflow\nname: orders\n---\nkind: TriggerTask\nname: load\nworkflow: orders\nbase:\n  task_type: Shell\n  owner_uin: \"1\"\nscheduler:\n  max_retries: 9\n";

    #[test]
    fn members_are_found_in_the_right_document_or_through_their_parent() {
        let mut locator = Locator::new(|_: &Path| Some(TEXT.to_owned()));
        let file = Path::new("orders.yaml");
        assert_eq!(locator.find(file, 5, &["base", "owner_uin"]), (9, 3));
        assert_eq!(
            locator.find(file, 5, &["scheduler", "max_retries"]),
            (11, 3)
        );
        assert_eq!(locator.find(file, 5, &["base", "description"]), (7, 1));
        assert_eq!(
            locator.find(file, 5, &["configuration", "code_file"]),
            (5, 1)
        );
        // The workflow's document has no base.
        assert_eq!(locator.find(file, 2, &["owner_uin"]), (2, 1));
        let mut unreadable = Locator::new(|_: &Path| None);
        assert_eq!(unreadable.find(file, 5, &["base"]), (5, 1));
    }
}
