//! Span-preserving edits of manifest YAML: set, insert or remove one member of one document
//! so that only the lines that differ change, while the comments, key order, quoting and
//! blank lines of everything else stay byte for byte. Pure: text in, text out, no I/O.
//!
//! The text is parsed with the byte span of every node by granit-parser, the parser under
//! serde-saphyr, so the editor and the loader read the same YAML. An edit is one or two
//! splices: a value's bytes replaced, one entry added after a mapping's last one at its
//! indentation, or one entry's lines removed. Every edit is checked by parsing the result
//! again: the edited member holds the new value, every other member of the document is
//! unchanged and the other documents are untouched, or the edit is refused. Nodes that carry
//! an anchor, an alias or a tag are never rewritten (other nodes may share their value).
//!
//! What it must not do: know what a manifest means. Callers say which member and which value.

use serde_json::{Map, Value};
use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle, Span, StructureStyle};

/// Spaces per nesting level for new blocks when the document shows none.
const DEFAULT_INDENT_STEP: usize = 2;
/// Sequences of scalars up to this width are written inline (`[a, b]`), as the examples do.
const INLINE_WIDTH: usize = 80;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("the YAML cannot be parsed: {0}")]
    Parse(String),
    #[error("the file has no document number {0}")]
    NoDocument(usize),
    #[error("`{path}` is not a mapping, so `{key}` cannot be set inside it")]
    NotAMapping { path: String, key: String },
    #[error("`{path}` cannot be edited in place: {reason}")]
    Unsupported { path: String, reason: String },
    #[error("editing `{path}` did not give the expected document ({reason}); nothing was changed")]
    Verification { path: String, reason: String },
}

/// What to do with a member.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Set it to this value, adding it (and any missing parent mapping) when absent.
    Set(Value),
    /// Remove it; nothing happens when it is absent.
    Remove,
}

/// One parsed node and the bytes it occupies.
#[derive(Debug, Clone)]
pub struct Node {
    /// Byte range of the node's text: a block scalar's from its `|` or `>` header, a block
    /// collection's from its first key or dash to the end of its last value, an empty value's
    /// (an implicit null) the empty range just after its key's colon.
    pub start: usize,
    pub end: usize,
    pub kind: NodeKind,
    /// Carries an anchor or a tag, or is an alias.
    pub shared: bool,
}

#[derive(Debug, Clone)]
pub enum NodeKind {
    Scalar {
        value: String,
        style: ScalarStyle,
    },
    Mapping {
        flow: bool,
        entries: Vec<(Node, Node)>,
    },
    Sequence {
        flow: bool,
        items: Vec<Node>,
    },
    Alias,
}

impl Node {
    /// The value of an entry of this mapping, by key.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Mapping { entries, .. } => entries
                .iter()
                .find(|(entry_key, _)| entry_key.scalar() == Some(key))
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// The node at a member path (`["scheduler", "max_retries"]`).
    pub fn at(&self, path: &[&str]) -> Option<&Node> {
        path.iter().try_fold(self, |node, key| node.get(key))
    }

    pub fn scalar(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Scalar { value, .. } => Some(value),
            _ => None,
        }
    }

    /// The entries of a mapping (empty for anything else).
    pub fn entries(&self) -> &[(Node, Node)] {
        match &self.kind {
            NodeKind::Mapping { entries, .. } => entries,
            _ => &[],
        }
    }

    fn is_empty_scalar(&self) -> bool {
        self.start == self.end && matches!(self.kind, NodeKind::Scalar { .. })
    }

    fn is_block_collection(&self) -> bool {
        matches!(
            self.kind,
            NodeKind::Mapping { flow: false, .. } | NodeKind::Sequence { flow: false, .. }
        )
    }

    fn is_flow_collection(&self) -> bool {
        matches!(
            self.kind,
            NodeKind::Mapping { flow: true, .. } | NodeKind::Sequence { flow: true, .. }
        )
    }
}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Parses a YAML stream into one root node per document.
pub fn parse(text: &str) -> Result<Vec<Node>, EditError> {
    let mut events = Vec::new();
    for result in Parser::new_from_str(text) {
        let (event, span) = result.map_err(|error| EditError::Parse(error.to_string()))?;
        events.push((event, span));
    }
    let mut reader = Reader {
        text,
        events,
        position: 0,
    };
    let mut documents = Vec::new();
    while let Some(event) = reader.next_event() {
        if let Event::DocumentStart(..) = event {
            documents.push(reader.node()?);
        }
    }
    Ok(documents)
}

struct Reader<'text> {
    text: &'text str,
    events: Vec<(Event<'text>, Span)>,
    position: usize,
}

impl<'text> Reader<'text> {
    /// The next event that is part of the document structure (comments are skipped).
    fn next_event(&mut self) -> Option<Event<'text>> {
        self.next_with_span().map(|(event, _)| event)
    }

    fn next_with_span(&mut self) -> Option<(Event<'text>, Span)> {
        while let Some((event, span)) = self.events.get(self.position).cloned() {
            self.position += 1;
            if is_structural(&event) {
                return Some((event, span));
            }
        }
        None
    }

    fn peek_is_end(&self) -> bool {
        self.events[self.position..]
            .iter()
            .find(|(event, _)| is_structural(event))
            .is_none_or(|(event, _)| matches!(event, Event::MappingEnd | Event::SequenceEnd))
    }

    /// The span of the event that closes a collection.
    fn end_span(&mut self) -> Result<Span, EditError> {
        self.next_with_span()
            .map(|(_, span)| span)
            .ok_or_else(|| EditError::Parse("a collection is not closed".into()))
    }

    fn offset(&self, marker: serde_saphyr::granit_parser::Marker) -> Result<usize, EditError> {
        marker
            .byte_offset()
            .filter(|offset| *offset <= self.text.len())
            .ok_or_else(|| EditError::Parse("the parser gave no byte offsets".into()))
    }

    fn node(&mut self) -> Result<Node, EditError> {
        let (event, span) = self
            .next_with_span()
            .ok_or_else(|| EditError::Parse("the document ends early".into()))?;
        let start = self.offset(span.start)?;
        let end = self.offset(span.end)?;
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                let end = match style {
                    // A block scalar's span runs over its trailing blank lines and the next
                    // line's indentation; it ends with its last character.
                    ScalarStyle::Literal | ScalarStyle::Folded => {
                        start + self.text[start..end].trim_end().len()
                    }
                    _ => end,
                };
                Ok(Node {
                    start,
                    end,
                    kind: NodeKind::Scalar {
                        value: value.into_owned(),
                        style,
                    },
                    shared: anchor != 0 || tag.is_some() || span.tag_start.is_some(),
                })
            }
            Event::Alias(_) => Ok(Node {
                start,
                end,
                kind: NodeKind::Alias,
                shared: true,
            }),
            Event::MappingStart(style, anchor, tag) => {
                let flow = style == StructureStyle::Flow;
                let mut entries = Vec::new();
                while !self.peek_is_end() {
                    let key = self.node()?;
                    let mut value = self.node()?;
                    self.place_value(&key, &mut value)?;
                    entries.push((key, value));
                }
                let end_span = self.end_span()?;
                let end = if flow {
                    self.offset(end_span.end)?
                } else {
                    entries.last().map_or(start, |(_, value)| value.end)
                };
                let start = if flow {
                    start
                } else {
                    entries.first().map_or(start, |(key, _)| key.start)
                };
                Ok(Node {
                    start,
                    end,
                    kind: NodeKind::Mapping { flow, entries },
                    shared: anchor != 0 || tag.is_some(),
                })
            }
            Event::SequenceStart(style, anchor, tag) => {
                let flow = style == StructureStyle::Flow;
                let mut items = Vec::new();
                while !self.peek_is_end() {
                    items.push(self.node()?);
                }
                let end_span = self.end_span()?;
                let end = if flow {
                    self.offset(end_span.end)?
                } else {
                    items.last().map_or(start, |item| item.end)
                };
                Ok(Node {
                    start,
                    end,
                    kind: NodeKind::Sequence { flow, items },
                    shared: anchor != 0 || tag.is_some(),
                })
            }
            other => Err(EditError::Parse(format!("unexpected {other:?}"))),
        }
    }

    /// Fixes the start of a mapping value whose span does not say where its text begins: a
    /// block scalar begins at its header, an empty value just after the colon.
    fn place_value(&self, key: &Node, value: &mut Node) -> Result<(), EditError> {
        let block_scalar = matches!(
            value.kind,
            NodeKind::Scalar {
                style: ScalarStyle::Literal | ScalarStyle::Folded,
                ..
            }
        );
        let empty = value.start == value.end && matches!(value.kind, NodeKind::Scalar { .. });
        if !(block_scalar || empty) {
            return Ok(());
        }
        let Some(after_colon) = after_colon(self.text, key.end) else {
            // An explicit `? key` or another form this editor does not write: leave it be.
            value.shared = true;
            return Ok(());
        };
        if empty {
            value.start = after_colon;
            value.end = after_colon;
        } else {
            let rest = &self.text[after_colon..value.start];
            value.start = after_colon + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
        }
        Ok(())
    }
}

fn is_structural(event: &Event<'_>) -> bool {
    matches!(
        event,
        Event::DocumentStart(..)
            | Event::Scalar(..)
            | Event::Alias(..)
            | Event::MappingStart(..)
            | Event::MappingEnd
            | Event::SequenceStart(..)
            | Event::SequenceEnd
    )
}

/// The offset just after the `:` that follows a key ending at `key_end`.
fn after_colon(text: &str, key_end: usize) -> Option<usize> {
    let rest = &text[key_end..];
    let trimmed = rest.trim_start_matches([' ', '\t']);
    trimmed
        .starts_with(':')
        .then(|| key_end + (rest.len() - trimmed.len()) + 1)
}

fn line_start(text: &str, offset: usize) -> usize {
    text[..offset].rfind('\n').map_or(0, |index| index + 1)
}

/// The offset just past the end of the line holding `offset` (after its `\n`, or the end).
fn next_line_start(text: &str, offset: usize) -> usize {
    text[offset..]
        .find('\n')
        .map_or(text.len(), |index| offset + index + 1)
}

fn column(text: &str, offset: usize) -> usize {
    offset - line_start(text, offset)
}

/// One replacement of a byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Splice {
    start: usize,
    end: usize,
    text: String,
}

fn apply_splices(text: &str, mut splices: Vec<Splice>) -> String {
    splices.sort_by_key(|splice| std::cmp::Reverse(splice.start));
    let mut result = text.to_owned();
    for splice in splices {
        result.replace_range(splice.start..splice.end, &splice.text);
    }
    result
}

/// Sets or removes the member at `path` of the `document`-th document of `text`.
pub fn edit(
    text: &str,
    document: usize,
    path: &[&str],
    change: &Change,
) -> Result<String, EditError> {
    let documents = parse(text)?;
    let root = documents
        .get(document)
        .ok_or(EditError::NoDocument(document))?;
    let splices = Editor::new(text, root, path).splices(change)?;
    if splices.is_empty() {
        return Ok(text.to_owned());
    }
    let edited = apply_splices(text, splices);
    verify(text, &edited, document, path, change)?;
    Ok(edited)
}

struct Editor<'a> {
    text: &'a str,
    root: &'a Node,
    path: &'a [&'a str],
    step: usize,
}

impl<'a> Editor<'a> {
    fn new(text: &'a str, root: &'a Node, path: &'a [&'a str]) -> Self {
        Self {
            text,
            root,
            path,
            step: indent_step(text, root),
        }
    }

    fn unsupported(&self, reason: &str) -> EditError {
        EditError::Unsupported {
            path: self.path.join("."),
            reason: reason.to_owned(),
        }
    }

    fn splices(&self, change: &Change) -> Result<Vec<Splice>, EditError> {
        let Some((last, _)) = self.path.split_last() else {
            return Err(self.unsupported("the member path is empty"));
        };
        let mut mapping = self.root;
        // The entry (key, value) whose value is `mapping`, if it is not the root.
        let mut holder: Option<(&Node, &Node)> = None;
        for (depth, key) in self.path.iter().enumerate() {
            if mapping.shared {
                return Err(self.unsupported(
                    "it is inside a node with an anchor, alias or tag, which other nodes may share",
                ));
            }
            let NodeKind::Mapping { entries, .. } = &mapping.kind else {
                return Err(EditError::NotAMapping {
                    path: self.path[..depth].join("."),
                    key: (*key).to_owned(),
                });
            };
            let found = entries
                .iter()
                .position(|(entry_key, _)| entry_key.scalar() == Some(*key));
            let rest = &self.path[depth + 1..];
            match (found, change) {
                (None, Change::Remove) => return Ok(Vec::new()),
                (None, Change::Set(value)) => {
                    return self.insert_entry(mapping, key, &nested(rest, value));
                }
                (Some(index), _) if rest.is_empty() => {
                    let (entry_key, entry_value) = &entries[index];
                    debug_assert_eq!(entry_key.scalar(), Some(*last));
                    return match change {
                        Change::Set(value) => {
                            self.replace_value(mapping, entry_key, entry_value, value)
                        }
                        Change::Remove if entry_value.shared => Err(self.unsupported(
                            "its value has an anchor, alias or tag, which other nodes may share",
                        )),
                        Change::Remove if entries.len() == 1 => match holder {
                            // The last entry goes: the mapping becomes `{}`, still declared.
                            Some((parent, parent_key)) => self.replace_value(
                                parent,
                                parent_key,
                                mapping,
                                &Value::Object(Map::new()),
                            ),
                            None => Err(self.unsupported("it is the document's only member")),
                        },
                        Change::Remove => self.remove_entry(mapping, index),
                    };
                }
                (Some(index), _) => {
                    let (entry_key, entry_value) = &entries[index];
                    match (&entry_value.kind, change) {
                        (NodeKind::Mapping { .. }, _) => {
                            holder = Some((mapping, entry_key));
                            mapping = entry_value;
                        }
                        (_, Change::Remove) if entry_value.is_empty_scalar() => {
                            return Ok(Vec::new());
                        }
                        (_, Change::Set(value)) if entry_value.is_empty_scalar() => {
                            return self.replace_value(
                                mapping,
                                entry_key,
                                entry_value,
                                &nested(rest, value),
                            );
                        }
                        _ => {
                            return Err(EditError::NotAMapping {
                                path: self.path[..=depth].join("."),
                                key: rest[0].to_owned(),
                            });
                        }
                    }
                }
            }
        }
        unreachable!("the loop returns at the last key")
    }

    /// Replaces the value of an existing entry of `mapping`.
    fn replace_value(
        &self,
        mapping: &Node,
        key: &Node,
        value: &Node,
        new: &Value,
    ) -> Result<Vec<Splice>, EditError> {
        if value.shared {
            return Err(self.unsupported(
                "its value has an anchor, alias or tag, which other nodes may share",
            ));
        }
        let text = self.text;
        let in_flow = matches!(mapping.kind, NodeKind::Mapping { flow: true, .. });
        let key_column = column(text, key.start);
        let replace = |start: usize, end: usize, replacement: String| {
            Ok(vec![Splice {
                start,
                end,
                text: replacement,
            }])
        };
        // Scalars, empty collections and short lists of scalars fit on the key's line.
        if let Some(inline) = inline_text(new, in_flow) {
            return match &value.kind {
                NodeKind::Scalar {
                    style,
                    value: old_value,
                } => {
                    if value.is_empty_scalar() {
                        return replace(value.start, value.end, format!(" {inline}"));
                    }
                    let block_style = matches!(style, ScalarStyle::Literal | ScalarStyle::Folded);
                    if let (true, false, Some(text)) = (
                        block_style,
                        in_flow,
                        new.as_str()
                            .and_then(|text| literal_block(text, key_column + self.step)),
                    ) {
                        return replace(value.start, value.end, text);
                    }
                    let preferred = new
                        .as_str()
                        .map(|text| styled_scalar(text, old_value, *style, in_flow))
                        .unwrap_or(inline);
                    replace(value.start, value.end, preferred)
                }
                _ if value.is_block_collection() => {
                    // The block below the key goes; the value moves onto the key's line
                    // (unless a comment sits there, which stays where it is).
                    let colon_end = after_colon(text, key.end)
                        .ok_or_else(|| self.unsupported("its key is not followed by `:`"))?;
                    if text[colon_end..value.start].contains('#') {
                        replace(value.start, value.end, inline)
                    } else {
                        replace(colon_end, value.end, format!(" {inline}"))
                    }
                }
                _ => replace(value.start, value.end, inline),
            };
        }
        if in_flow || value.is_flow_collection() {
            let flow = flow_text(new);
            if in_flow || flow.len() + key_column <= INLINE_WIDTH {
                return replace(value.start, value.end, flow);
            }
        }
        if value.is_block_collection() {
            let indent = column(text, value.start);
            let lines = block_lines(new, indent, self.step);
            let joined = lines.join("\n");
            return replace(value.start, value.end, joined[indent..].to_owned());
        }
        // A scalar (or a long flow collection) becomes a block below the key's line; a
        // comment after the old value stays on the key's line.
        let indent = key_column + self.step;
        let block = format!("\n{}", block_lines(new, indent, self.step).join("\n"));
        let line_end = next_line_start(text, value.end);
        let line_end = if text[..line_end].ends_with('\n') {
            line_end - 1
        } else {
            line_end
        };
        let mut splices = vec![Splice {
            start: line_end,
            end: line_end,
            text: block,
        }];
        if !value.is_empty_scalar() {
            let before = &text[..value.start];
            let start = before.trim_end_matches([' ', '\t']).len();
            splices.push(Splice {
                start,
                end: value.end,
                text: String::new(),
            });
        }
        Ok(splices)
    }

    /// Adds `key: value` after the last entry of `mapping`, at its indentation.
    fn insert_entry(
        &self,
        mapping: &Node,
        key: &str,
        value: &Value,
    ) -> Result<Vec<Splice>, EditError> {
        let NodeKind::Mapping { flow, entries } = &mapping.kind else {
            unreachable!("callers pass mappings");
        };
        if *flow {
            let entry = format!("{}: {}", scalar_text(key, true), flow_text(value));
            let splice = match entries.last() {
                None => Splice {
                    start: mapping.start + 1,
                    end: mapping.end - 1,
                    text: entry,
                },
                Some((_, last)) => Splice {
                    start: last.end,
                    end: last.end,
                    text: format!(", {entry}"),
                },
            };
            return Ok(vec![splice]);
        }
        let indent = column(self.text, mapping.start);
        let lines = entry_lines(key, value, indent, self.step);
        let position = next_line_start(self.text, mapping.end.max(mapping.start));
        let mut inserted = lines.join("\n");
        inserted.push('\n');
        if !self.text[..position].ends_with('\n') {
            inserted.insert(0, '\n');
        }
        Ok(vec![Splice {
            start: position,
            end: position,
            text: inserted,
        }])
    }

    /// Removes entry `index` of `mapping`, which has others.
    fn remove_entry(&self, mapping: &Node, index: usize) -> Result<Vec<Splice>, EditError> {
        let NodeKind::Mapping { flow, entries } = &mapping.kind else {
            unreachable!("callers pass mappings");
        };
        let (key, value) = &entries[index];
        let next_key = entries.get(index + 1).map(|(next, _)| next.start);
        let removed = |start: usize, end: usize| {
            Ok(vec![Splice {
                start,
                end,
                text: String::new(),
            }])
        };
        if *flow {
            return match (next_key, index.checked_sub(1)) {
                (Some(next), _) => removed(key.start, next),
                (None, Some(previous)) => removed(entries[previous].1.end, value.end),
                (None, None) => removed(mapping.start + 1, mapping.end - 1),
            };
        }
        let first = line_start(self.text, key.start);
        if self.text[first..key.start].trim().is_empty() {
            return removed(first, next_line_start(self.text, value.end));
        }
        // `- key: value` with the entry after the dash: the next entry takes its place.
        match next_key {
            Some(next) => removed(key.start, next),
            None => Err(self.unsupported("it shares its line with another node")),
        }
    }
}

/// Wraps `value` in one mapping per remaining key.
fn nested(keys: &[&str], value: &Value) -> Value {
    keys.iter().rev().fold(value.clone(), |inner, key| {
        let mut map = Map::new();
        map.insert((*key).to_owned(), inner);
        Value::Object(map)
    })
}

/// The document's indentation step: how far its first nested block is indented.
fn indent_step(text: &str, root: &Node) -> usize {
    let root_column = column(text, root.start);
    root.entries()
        .iter()
        .find(|(_, value)| value.is_block_collection())
        .map(|(_, value)| column(text, value.start).saturating_sub(root_column))
        .filter(|step| (1..=8).contains(step))
        .unwrap_or(DEFAULT_INDENT_STEP)
}

/// Parses the result again: the same number of documents, the others byte for byte, and
/// the edited document equal to the old one with the change made.
fn verify(
    before: &str,
    after: &str,
    document: usize,
    path: &[&str],
    change: &Change,
) -> Result<(), EditError> {
    let failed = |reason: String| EditError::Verification {
        path: path.join("."),
        reason,
    };
    let old_roots = parse(before)?;
    let new_roots = parse(after).map_err(|error| failed(error.to_string()))?;
    if old_roots.len() != new_roots.len() {
        return Err(failed("the number of documents changed".into()));
    }
    for (index, (old, new)) in old_roots.iter().zip(&new_roots).enumerate() {
        if index != document && before[old.start..old.end] != after[new.start..new.end] {
            return Err(failed(format!("document {index} changed")));
        }
    }
    let mut expected = document_value(before, &old_roots[document]).map_err(&failed)?;
    apply_to_value(&mut expected, path, change);
    let actual = document_value(after, &new_roots[document]).map_err(&failed)?;
    if expected != actual {
        return Err(failed("another member changed too".into()));
    }
    Ok(())
}

/// A document's data, as serde-saphyr reads it.
fn document_value(text: &str, root: &Node) -> Result<Value, String> {
    let slice = &text[line_start(text, root.start)..root.end];
    serde_saphyr::from_str::<Value>(slice).map_err(|error| error.to_string())
}

/// The change made on plain data, as the edited text should read.
fn apply_to_value(document: &mut Value, path: &[&str], change: &Change) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut current = document;
    for key in parents {
        if !current.get(*key).is_some_and(Value::is_object) {
            if matches!(change, Change::Remove) {
                return;
            }
            current[*key] = Value::Object(Map::new());
        }
        current = current.get_mut(*key).expect("just ensured");
    }
    match change {
        Change::Set(value) => current[*last] = value.clone(),
        Change::Remove => {
            if let Some(map) = current.as_object_mut() {
                map.remove(*last);
            }
        }
    }
}

// ----- writing values -----

/// A string as a YAML scalar that reads back as exactly that string: plain when that is
/// unambiguous, else double-quoted with escapes. `in_flow`: inside `[...]` or `{...}`.
pub fn scalar_text(text: &str, in_flow: bool) -> String {
    if is_plain_safe(text, in_flow) {
        text.to_owned()
    } else {
        double_quoted(text)
    }
}

/// The string quoted as the old value was when that was the author's choice (the old value
/// needed no quotes), else as the new value needs.
fn styled_scalar(text: &str, old_value: &str, old_style: ScalarStyle, in_flow: bool) -> String {
    let chosen = is_plain_safe(old_value, in_flow);
    match old_style {
        ScalarStyle::DoubleQuoted if chosen => double_quoted(text),
        ScalarStyle::SingleQuoted if chosen && is_single_quotable(text) => {
            format!("'{}'", text.replace('\'', "''"))
        }
        _ => scalar_text(text, in_flow),
    }
}

/// Words YAML 1.1 and 1.2 read as null or booleans (serde-saphyr reads `y`/`n` too).
const NON_STRING_WORDS: [&str; 15] = [
    "null", "~", "true", "false", "yes", "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf",
    ".nan", "<<",
];

fn is_plain_safe(text: &str, in_flow: bool) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    if text.trim() != text || text.chars().any(is_special_character) {
        return false;
    }
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) {
        return false;
    }
    // `...` and `---` at a line's start end or start a document.
    if text.contains(": ") || text.contains(" #") || text.ends_with(':') || text.starts_with("...")
    {
        return false;
    }
    if in_flow && text.contains([',', '[', ']', '{', '}', ':']) {
        return false;
    }
    // Numbers, dates, times and sexagesimals all start with a digit or a sign before one.
    let second = text.chars().nth(1);
    let numeric = first.is_ascii_digit()
        || (matches!(first, '+' | '.') && second.is_some_and(|second| second.is_ascii_digit()));
    !numeric && !NON_STRING_WORDS.contains(&text.to_ascii_lowercase().as_str())
}

/// Characters a plain or single-quoted scalar cannot carry as they are.
fn is_special_character(character: char) -> bool {
    character.is_control()
        || matches!(
            character,
            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
        )
}

fn is_single_quotable(text: &str) -> bool {
    !text.chars().any(is_special_character)
}

fn double_quoted(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for character in text.chars() {
        match character {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            '\r' => quoted.push_str("\\r"),
            '\0' => quoted.push_str("\\0"),
            character if is_special_character(character) => {
                quoted.push_str(&format!("\\u{:04X}", character as u32));
            }
            character => quoted.push(character),
        }
    }
    quoted.push('"');
    quoted
}

/// A multi-line string as a literal block (`|` or `|-`) indented by `indent`, when that
/// style holds it exactly.
fn literal_block(text: &str, indent: usize) -> Option<String> {
    if !text.contains('\n')
        || text.ends_with("\n\n")
        || text.starts_with([' ', '\n'])
        || text
            .chars()
            .any(|character| character != '\n' && is_special_character(character))
    {
        return None;
    }
    let (header, body) = match text.strip_suffix('\n') {
        Some(body) => ("|", body),
        None => ("|-", text),
    };
    let pad = " ".repeat(indent);
    let mut block = header.to_owned();
    for line in body.split('\n') {
        block.push('\n');
        if !line.is_empty() {
            block.push_str(&pad);
            block.push_str(line);
        }
    }
    Some(block)
}

/// A value that fits on its key's line: scalars, empty collections, short lists of scalars.
fn inline_text(value: &Value, in_flow: bool) -> Option<String> {
    match value {
        Value::Null => Some("null".into()),
        Value::Bool(flag) => Some(flag.to_string()),
        Value::Number(number) => Some(number.to_string()),
        Value::String(text) => Some(scalar_text(text, in_flow)),
        Value::Array(items) if items.is_empty() => Some("[]".into()),
        Value::Object(map) if map.is_empty() => Some("{}".into()),
        Value::Array(items) if items.iter().all(is_scalar) => {
            let flow = flow_text(value);
            (flow.len() <= INLINE_WIDTH || items.len() == 1).then_some(flow)
        }
        _ => None,
    }
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

/// A value in flow style: `[a, b]`, `{key: value}`.
fn flow_text(value: &Value) -> String {
    match value {
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(flow_text).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(key, value)| format!("{}: {}", scalar_text(key, true), flow_text(value)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::String(text) => scalar_text(text, true),
        other => inline_text(other, true).unwrap_or_default(),
    }
}

/// `key: value` as block lines at `indent`.
fn entry_lines(key: &str, value: &Value, indent: usize, step: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    let key = scalar_text(key, false);
    match inline_text(value, false) {
        Some(inline) => vec![format!("{pad}{key}: {inline}")],
        None => {
            let mut lines = vec![format!("{pad}{key}:")];
            lines.extend(block_lines(value, indent + step, step));
            lines
        }
    }
}

/// A collection in block style, every line indented by `indent` (a scalar gives one line).
fn block_lines(value: &Value, indent: usize, step: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) if !map.is_empty() => map
            .iter()
            .flat_map(|(key, value)| entry_lines(key, value, indent, step))
            .collect(),
        Value::Array(items) if !items.is_empty() => {
            let mut lines = Vec::new();
            for item in items {
                match inline_text(item, false) {
                    Some(inline) => lines.push(format!("{pad}- {inline}")),
                    None => {
                        // The item's lines sit two columns in, its first line after the dash.
                        let mut item_lines = block_lines(item, indent + 2, step);
                        if let Some(first) = item_lines.first_mut() {
                            *first = format!("{pad}- {}", &first[indent + 2..]);
                        }
                        lines.extend(item_lines);
                    }
                }
            }
            lines
        }
        other => vec![format!(
            "{pad}{}",
            inline_text(other, false).unwrap_or_default()
        )],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const MANIFEST: &str = "\
# yaml-language-server: $schema=../../../schemas/trigger-task.json
kind: TriggerTask
name: extract_orders   # the name is the identity
workflow: orders
base:
  task_type: Shell
  owner_uin: \"100028579801\"
  description: Pull yesterday's orders

configuration:
  code_file: extract_orders.sh
  ext:
    specLabel: small
  scheduling_parameters:
    bizdate: ${yyyyMMdd-1}
scheduler:
  upstream: [load]
  # Three tries are enough for the replica.
  max_retries: 3
  params_in:
    - key: day
      from_task: load
      from_key: day
# trailing comment
";

    fn set(text: &str, path: &[&str], value: Value) -> String {
        edit(text, 0, path, &Change::Set(value)).unwrap()
    }

    fn remove(text: &str, path: &[&str]) -> String {
        edit(text, 0, path, &Change::Remove).unwrap()
    }

    fn data(text: &str) -> Value {
        serde_saphyr::from_str(text).unwrap()
    }

    /// The lines of `after` that are not in `before`, and those of `before` not in `after`.
    fn changed_lines(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
        let diff = similar::TextDiff::from_lines(before, after);
        let mut added = Vec::new();
        let mut removed = Vec::new();
        for change in diff.iter_all_changes() {
            match change.tag() {
                similar::ChangeTag::Insert => added.push(change.value().to_owned()),
                similar::ChangeTag::Delete => removed.push(change.value().to_owned()),
                similar::ChangeTag::Equal => {}
            }
        }
        (added, removed)
    }

    #[test]
    fn a_changed_scalar_changes_its_value_only_and_keeps_the_comment_above() {
        let after = set(MANIFEST, &["scheduler", "max_retries"], json!(5));
        let (added, removed) = changed_lines(MANIFEST, &after);
        assert_eq!(added, ["  max_retries: 5\n"]);
        assert_eq!(removed, ["  max_retries: 3\n"]);
        assert!(after.contains("# Three tries are enough"));
    }

    #[test]
    fn a_trailing_comment_stays_on_the_line_of_a_changed_value() {
        let after = set(MANIFEST, &["name"], json!("extract"));
        assert!(
            after.contains("name: extract   # the name is the identity\n"),
            "{after}"
        );
    }

    #[test]
    fn quoting_follows_the_old_value_and_what_the_new_one_needs() {
        let after = set(MANIFEST, &["base", "owner_uin"], json!("42"));
        assert!(after.contains("  owner_uin: \"42\"\n"));
        for (value, written) in [
            ("yes", "\"yes\""),
            ("1.0", "\"1.0\""),
            ("on", "\"on\""),
            ("null", "\"null\""),
            ("#x", "\"#x\""),
            ("a: b", "\"a: b\""),
            ("n", "\"n\""),
            ("2025-01-01", "\"2025-01-01\""),
            ("", "\"\""),
            (" padded", "\" padded\""),
            ("plain words", "plain words"),
        ] {
            let after = set(MANIFEST, &["base", "description"], json!(value));
            assert!(
                after.contains(&format!("  description: {written}\n")),
                "{value}: {after}"
            );
            assert_eq!(data(&after)["base"]["description"], json!(value));
        }
    }

    #[test]
    fn quotes_the_author_chose_stay_and_quotes_a_value_needed_go_with_it() {
        let text = "kind: A\nchosen: \"plain words\"\nneeded: \"yes\"\nsingle: 'x'\n";
        let after = set(text, &["chosen"], json!("other words"));
        assert!(after.contains("chosen: \"other words\"\n"), "{after}");
        let after = set(text, &["needed"], json!("other words"));
        assert!(after.contains("needed: other words\n"), "{after}");
        let after = set(text, &["single"], json!("it's"));
        assert!(after.contains("single: 'it''s'\n"), "{after}");
    }

    #[test]
    fn a_missing_member_is_inserted_after_the_last_entry_at_its_indentation() {
        let after = set(MANIFEST, &["base", "folder_path"], json!("/orders"));
        let (added, removed) = changed_lines(MANIFEST, &after);
        assert_eq!(added, ["  folder_path: /orders\n"]);
        assert!(removed.is_empty());
        let position = after.find("folder_path").unwrap();
        assert!(position > after.find("description").unwrap());
        assert!(position < after.find("configuration:").unwrap());
    }

    #[test]
    fn a_missing_section_is_inserted_with_its_member() {
        let text = "kind: TriggerTask\nname: a\nbase:\n    task_type: Shell\n";
        let after = set(text, &["scheduler", "run_priority"], json!(4));
        assert_eq!(
            after,
            "kind: TriggerTask\nname: a\nbase:\n    task_type: Shell\nscheduler:\n    run_priority: 4\n"
        );
    }

    #[test]
    fn a_file_without_a_final_newline_gets_one_before_an_insertion() {
        let after = set("kind: A\nname: a", &["description"], json!("x"));
        assert_eq!(after, "kind: A\nname: a\ndescription: x\n");
    }

    #[test]
    fn a_removed_member_takes_its_lines_and_nothing_else() {
        let after = remove(MANIFEST, &["configuration", "code_file"]);
        let (added, removed) = changed_lines(MANIFEST, &after);
        assert!(added.is_empty());
        assert_eq!(removed, ["  code_file: extract_orders.sh\n"]);
        // Removing the last key of a map leaves it declared and empty.
        let after = remove(MANIFEST, &["configuration", "ext", "specLabel"]);
        assert!(
            after.contains("  ext: {}\n  scheduling_parameters:"),
            "{after}"
        );
        assert_eq!(remove(MANIFEST, &["scheduler", "absent"]), MANIFEST);
    }

    #[test]
    fn map_keys_are_set_added_and_removed_one_by_one() {
        let after = set(
            MANIFEST,
            &["configuration", "ext", "python_type"],
            json!("python3"),
        );
        let (added, _) = changed_lines(MANIFEST, &after);
        assert_eq!(added, ["    python_type: python3\n"]);
    }

    #[test]
    fn flow_sequences_stay_flow_and_block_sequences_stay_block() {
        let after = set(
            MANIFEST,
            &["scheduler", "upstream"],
            json!(["load", "clean"]),
        );
        assert!(after.contains("  upstream: [load, clean]\n"));
        let after = set(
            MANIFEST,
            &["scheduler", "params_in"],
            json!([{"key": "day", "from_task": "clean", "from_key": "day"}]),
        );
        let (added, removed) = changed_lines(MANIFEST, &after);
        assert_eq!(added, ["      from_task: clean\n"], "{after}");
        assert_eq!(removed, ["      from_task: load\n"]);
    }

    #[test]
    fn a_collection_replaces_a_scalar_below_its_key() {
        let text = "kind: A\nname: a\nextra: none  # gone soon\n";
        let after = set(text, &["extra"], json!({"a": "1", "b": {"c": true}}));
        assert_eq!(
            after,
            "kind: A\nname: a\nextra:  # gone soon\n  a: \"1\"\n  b:\n    c: true\n"
        );
        let after = set(text, &["extra"], json!([{"task": "x", "offset": "1"}]));
        assert_eq!(data(&after)["extra"], json!([{"task": "x", "offset": "1"}]));
    }

    #[test]
    fn a_multi_line_string_keeps_a_literal_block_style() {
        let text = "kind: A\ndescription: |\n  one\n  two\nname: a\n";
        let after = set(text, &["description"], json!("three\nfour\n"));
        assert_eq!(after, "kind: A\ndescription: |\n  three\n  four\nname: a\n");
        let after = set(text, &["description"], json!("x\ty\n"));
        assert_eq!(data(&after)["description"], json!("x\ty\n"));
    }

    #[test]
    fn only_the_chosen_document_of_a_stream_changes() {
        let text = "kind: A\nname: a\nvalue: 1\n---\n# second\nkind: A\nname: b\nvalue: 1\n";
        let after = edit(text, 1, &["value"], &Change::Set(json!(2))).unwrap();
        assert_eq!(
            after,
            "kind: A\nname: a\nvalue: 1\n---\n# second\nkind: A\nname: b\nvalue: 2\n"
        );
    }

    #[test]
    fn flow_mappings_get_entries_inside_their_braces() {
        let text = "kind: A\next: {a: b}\nempty: {}\n";
        let after = set(text, &["ext", "c"], json!("d"));
        assert!(after.contains("ext: {a: b, c: d}\n"));
        let after = set(text, &["empty", "c"], json!("d e"));
        assert!(after.contains("empty: {c: d e}\n"));
        let after = remove("kind: A\next: {a: b, c: d}\n", &["ext", "a"]);
        assert!(after.contains("ext: {c: d}\n"), "{after}");
    }

    #[test]
    fn anchored_and_aliased_nodes_are_never_rewritten() {
        let text = "kind: A\nshared: &x 1\nother: *x\n";
        for path in [["shared"], ["other"]] {
            let error = edit(text, 0, &path, &Change::Set(json!(2))).unwrap_err();
            assert!(matches!(error, EditError::Unsupported { .. }), "{error}");
        }
    }

    #[test]
    fn setting_inside_a_scalar_is_an_error() {
        let error = edit(MANIFEST, 0, &["name", "x"], &Change::Set(json!(1))).unwrap_err();
        assert!(matches!(error, EditError::NotAMapping { .. }), "{error}");
    }

    #[test]
    fn an_empty_value_is_filled_in_after_its_colon() {
        let text = "kind: A\nscheduler:\nname: a\n";
        let after = set(text, &["scheduler", "max_retries"], json!(2));
        assert_eq!(after, "kind: A\nscheduler:\n  max_retries: 2\nname: a\n");
        let after = set(text, &["scheduler"], json!("x"));
        assert_eq!(after, "kind: A\nscheduler: x\nname: a\n");
    }

    /// Any printable or control-laden string, including the YAML-special ones.
    fn any_text() -> impl proptest::strategy::Strategy<Value = String> {
        proptest::prop_oneof![
            proptest::string::string_regex(".{0,40}").unwrap(),
            proptest::string::string_regex("[ -~\\t\\n\\r\u{85}\u{2028}]{0,30}").unwrap(),
            proptest::sample::select(vec![
                "yes",
                "No",
                "ON",
                "null",
                "~",
                "1.0",
                "0x1F",
                "1e3",
                "-1",
                "+1",
                ".5",
                ".inf",
                "#x",
                ": ",
                "a: b",
                "- a",
                "[a]",
                "{a}",
                "'q'",
                "\"q\"",
                "|",
                ">",
                "*a",
                "&a",
                "!t",
                "%x",
                "@x",
                "`x`",
                "y",
                "n",
                "12:30",
                "2025-01-01",
                "a #b",
                "a:",
            ])
            .prop_map(str::to_owned),
        ]
    }

    use proptest::prelude::*;

    proptest! {
        /// Setting a string and parsing again gives that string, and every byte before and
        /// after the old value is unchanged.
        #[test]
        fn a_set_string_reads_back_and_leaves_every_other_byte(value in any_text()) {
            let documents = parse(MANIFEST).unwrap();
            let old = documents[0].at(&["base", "description"]).unwrap().clone();
            let after = set(MANIFEST, &["base", "description"], json!(value));
            prop_assert_eq!(&data(&after)["base"]["description"], &json!(value));
            prop_assert!(after.starts_with(&MANIFEST[..old.start]));
            prop_assert!(after.ends_with(&MANIFEST[old.end..]));
        }

        /// Inserting a key adds lines and changes none of the existing ones.
        #[test]
        fn an_inserted_member_only_adds_lines(key in "[a-z_]{1,12}", value in any_text()) {
            prop_assume!(!["code_file", "ext", "scheduling_parameters"].contains(&key.as_str()));
            let after = set(MANIFEST, &["configuration", &key], json!(value));
            prop_assert_eq!(&data(&after)["configuration"][&key], &json!(value));
            let (_, removed) = changed_lines(MANIFEST, &after);
            prop_assert!(removed.is_empty(), "{:?}", removed);
        }

        /// Keys and values of any text round-trip through flow and block collections.
        #[test]
        fn collections_of_any_text_round_trip(
            entries in proptest::collection::btree_map(any_text(), any_text(), 1..4),
            items in proptest::collection::vec(any_text(), 1..4),
        ) {
            let map: Map<String, Value> = entries.into_iter().map(|(key, value)| (key, json!(value))).collect();
            let value = json!({"map": map, "list": items, "nested": [map.clone()]});
            let after = set(MANIFEST, &["scheduler", "params_out"], value.clone());
            prop_assert_eq!(&data(&after)["scheduler"]["params_out"], &value);
            let after = set("kind: A\nextra: {x: y}\n", &["extra"], value.clone());
            prop_assert_eq!(&data(&after)["extra"], &value);
        }

        /// Removing then setting a member gives the same data as setting it directly.
        #[test]
        fn remove_then_set_reads_like_set(value in any_text()) {
            let removed = remove(MANIFEST, &["scheduler", "max_retries"]);
            let (added, _) = changed_lines(MANIFEST, &removed);
            prop_assert!(added.is_empty());
            let direct = set(MANIFEST, &["scheduler", "max_retries"], json!(value));
            let again = set(&removed, &["scheduler", "max_retries"], json!(value));
            prop_assert_eq!(data(&direct), data(&again));
        }
    }
}
