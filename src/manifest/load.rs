//! Reading manifest files: discovery, size and encoding checks, `${var.NAME}` substitution,
//! splitting into documents, and YAML parsing under a budget (duplicate keys rejected, alias
//! expansion and nesting bounded). Produces typed documents or located errors; never panics.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_saphyr::Spanned;

use super::diagnostic::{Diagnostics, ManifestError, did_you_mean};
use super::types::{
    PeriodicTaskManifest, PeriodicWorkflowManifest, Reference, TriggerTaskManifest,
    TriggerWorkflowManifest,
};
use super::{TaskDefinition, WorkflowDefinition};
use crate::codes::ManifestCode;

/// Manifests larger than this are refused (a task manifest is a few hundred bytes).
pub const MAXIMUM_MANIFEST_BYTES: u64 = 1024 * 1024;
pub const PROJECT_FILE_NAMES: [&str; 2] = ["wedata.yaml", "wedata.yml"];
pub const KINDS: [&str; 4] = ["TriggerWorkflow", "TriggerTask", "Workflow", "Task"];

/// A YAML file, read and checked.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Relative to the manifest root.
    pub path: PathBuf,
    pub text: Arc<String>,
}

/// One typed document and where it starts.
#[derive(Debug, Clone)]
pub enum Document {
    Workflow(Box<WorkflowDefinition>),
    Task(Box<TaskDefinition>),
    /// A document that failed to parse (its error is already reported). What it still says
    /// about itself keeps the rest of the project from reporting it missing: one root cause,
    /// one error.
    Broken(BrokenDocument),
}

/// The identity of a document that failed to parse, as far as it can be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrokenDocument {
    pub kind: Option<String>,
    pub name: Option<String>,
    pub workflow: Option<Reference>,
}

impl BrokenDocument {
    /// Whether it may declare a workflow: by its kind, or, when the kind is unknown, by
    /// having no `workflow:` of its own.
    pub fn may_be_workflow(&self) -> bool {
        match self.kind.as_deref() {
            Some("TriggerWorkflow" | "Workflow") => true,
            Some("TriggerTask" | "Task") => false,
            _ => self.workflow.is_none(),
        }
    }

    /// Whether it may declare a task (the kind is a task's, or unknown).
    pub fn may_be_task(&self) -> bool {
        !matches!(self.kind.as_deref(), Some("TriggerWorkflow" | "Workflow"))
    }
}

/// The members a document's identity is read from, leniently: anything else is ignored.
#[derive(Deserialize)]
struct IdentityProbe {
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    workflow: Option<Reference>,
}

/// The documents of a manifest that could not be read as a whole (tab indentation, invalid
/// UTF-8, too large), as broken documents: their identities when the text can be read
/// (lossily), else one document that may be anything.
pub fn identities_of_unreadable(root: &Path, path: &Path) -> Vec<LocatedDocument> {
    let file = path.strip_prefix(root).unwrap_or(path).to_owned();
    let small = std::fs::metadata(path)
        .is_ok_and(|metadata| metadata.is_file() && metadata.len() <= MAXIMUM_MANIFEST_BYTES);
    let text = small
        .then(|| std::fs::read(path).ok())
        .flatten()
        .map(|bytes| String::from_utf8_lossy(&bytes).replace('\t', " "));
    let Some(text) = text else {
        return vec![LocatedDocument {
            file,
            first_line: 1,
            document: Document::Broken(BrokenDocument::default()),
        }];
    };
    split_documents(&text)
        .into_iter()
        .map(|(first_line, document_text)| LocatedDocument {
            file: file.clone(),
            first_line,
            document: Document::Broken(identity_of(&document_text)),
        })
        .collect()
}

/// What a broken document declares: parsed leniently when its YAML is sound, else read
/// from top-level `kind:`, `name:` and `workflow:` lines.
fn identity_of(text: &str) -> BrokenDocument {
    if let Ok(probe) = parse_yaml::<IdentityProbe>(text) {
        return BrokenDocument {
            kind: probe.kind,
            name: probe.name,
            workflow: probe.workflow,
        };
    }
    let top_level = |key: &str| {
        text.lines().find_map(|line| {
            let value = line.strip_prefix(key)?.strip_prefix(':')?;
            let value = value.split(" #").next().unwrap_or(value).trim();
            let value = value
                .strip_prefix('"')
                .and_then(|rest| rest.strip_suffix('"'))
                .or_else(|| {
                    value
                        .strip_prefix('\'')
                        .and_then(|rest| rest.strip_suffix('\''))
                })
                .unwrap_or(value);
            let plain =
                !value.is_empty() && !value.starts_with(['{', '[', '&', '*', '|', '>', '!']);
            plain.then(|| value.to_owned())
        })
    };
    BrokenDocument {
        kind: top_level("kind"),
        name: top_level("name"),
        workflow: top_level("workflow").map(Reference::Name),
    }
}

#[derive(Debug, Clone)]
pub struct LocatedDocument {
    pub file: PathBuf,
    /// 1-based line of the document's first line in the file.
    pub first_line: usize,
    pub document: Document,
}

/// Finds `*.yaml` / `*.yml` under `root`, skipping hidden folders, `target/` and the hidden
/// files of the root itself, sorted. Those files are other tools' configuration sharing a
/// repository root with `wedata.yaml` (`.gitlab-ci.yml`, `.pre-commit-config.yaml`), never
/// manifests. The project file is returned separately.
pub fn discover(root: &Path) -> (Option<PathBuf>, Vec<PathBuf>) {
    let mut project_file = None;
    let mut manifests = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            let is_dir = entry.file_type().is_dir();
            entry.depth() == 0
                || !((is_dir && (hidden || entry.file_name() == "target"))
                    || (entry.depth() == 1 && hidden))
        });
    for entry in walker.filter_map(Result::ok) {
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if !(name.ends_with(".yaml") || name.ends_with(".yml")) {
            continue;
        }
        if entry.depth() == 1 && PROJECT_FILE_NAMES.contains(&name.as_ref()) {
            project_file = Some(entry.path().to_owned());
        } else {
            manifests.push(entry.path().to_owned());
        }
    }
    (project_file, manifests)
}

/// Reads a file as UTF-8 text, refusing oversized files, invalid UTF-8 and tab indentation.
pub fn read_source(root: &Path, path: &Path, diagnostics: &mut Diagnostics) -> Option<SourceFile> {
    let relative = path.strip_prefix(root).unwrap_or(path).to_owned();
    let size = std::fs::metadata(path)
        .map(|metadata| metadata.len())
        .unwrap_or(0);
    if size > MAXIMUM_MANIFEST_BYTES {
        diagnostics.push(
            ManifestError::new(
                ManifestCode::FileTooLarge,
                &relative,
                0,
                0,
                format!(
                    "the file is {size} bytes; manifests may be at most {MAXIMUM_MANIFEST_BYTES}"
                ),
            )
            .with_hint("split it into several files, and keep code in code files"),
        );
        return None;
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            diagnostics.push(ManifestError::new(
                ManifestCode::Unreadable,
                &relative,
                0,
                0,
                format!("cannot read the file: {error}"),
            ));
            return None;
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let (line, column) = line_and_column(&String::from_utf8_lossy(valid), valid.len());
            diagnostics.push(
                ManifestError::new(
                    ManifestCode::NotUtf8,
                    &relative,
                    line,
                    column,
                    "the file is not valid UTF-8",
                )
                .with_hint("save it as UTF-8"),
            );
            return None;
        }
    };
    let source = Arc::new(text);
    let mut clean = true;
    for (index, line) in source.lines().enumerate() {
        let indentation: String = line
            .chars()
            .take_while(|character| *character == ' ' || *character == '\t')
            .collect();
        if let Some(column) = indentation.find('\t') {
            diagnostics.push(
                ManifestError::new(
                    ManifestCode::TabIndentation,
                    &relative,
                    index + 1,
                    column + 1,
                    "a tab is used for indentation; YAML allows only spaces",
                )
                .with_hint("replace the tab with spaces")
                .with_source(source.clone()),
            );
            clean = false;
        }
    }
    clean.then_some(SourceFile {
        path: relative,
        text: source,
    })
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count())
        + 1;
    (line, column)
}

/// Replaces `${var.NAME}` with the variable's value; undefined names are errors.
/// WeData's own `${...}` expressions (without `var.`) are left alone.
pub fn substitute_variables(
    source: &SourceFile,
    variables: &BTreeMap<String, String>,
    diagnostics: &mut Diagnostics,
) -> Arc<String> {
    const OPEN: &str = "${var.";
    if !source.text.contains(OPEN) {
        return source.text.clone();
    }
    let text = source.text.as_str();
    let mut result = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        result.push_str(&rest[..start]);
        let after = &rest[start + OPEN.len()..];
        let Some(end) = after.find('}') else {
            result.push_str(&rest[start..]);
            rest = "";
            break;
        };
        let name = &after[..end];
        match variables.get(name) {
            Some(value) => result.push_str(value),
            None => {
                let offset = text.len() - rest.len() + start;
                let (line, column) = line_and_column(text, offset);
                let mut error = ManifestError::new(
                    ManifestCode::UndefinedVariable,
                    &source.path,
                    line,
                    column,
                    format!("the variable `{name}` is not defined"),
                )
                .with_source(source.text.clone());
                error = match did_you_mean(name, variables.keys().map(String::as_str)) {
                    Some(close) => error.with_hint(format!("did you mean `{close}`?")),
                    None => error.with_hint(
                        "define it under `variables:` in wedata.yaml or in the selected target",
                    ),
                };
                diagnostics.push(error);
                result.push_str(&rest[start..start + OPEN.len() + end + 1]);
            }
        }
        rest = &after[end + 1..];
    }
    result.push_str(rest);
    Arc::new(result)
}

/// Splits a YAML stream into documents at `---` lines: (first line, text).
fn split_documents(text: &str) -> Vec<(usize, String)> {
    let mut documents = Vec::new();
    let mut current = String::new();
    let mut first_line = 1;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed.starts_with("--- ") || trimmed == "..." {
            documents.push((first_line, std::mem::take(&mut current)));
            first_line = index + 2;
            // Keep line numbers: the separator line becomes an empty line of the next document.
            current.push('\n');
            first_line -= 1;
            continue;
        }
        current.push_str(line);
    }
    documents.push((first_line, current));
    documents
        .into_iter()
        .filter(|(_, text)| {
            text.lines()
                .any(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        })
        .collect()
}

fn options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_aliases = 1_000;
    budget.max_anchors = 1_000;
    budget.max_depth = 32;
    budget.max_nodes = 100_000;
    budget.max_events = 200_000;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = 10_000;
    options
}

#[derive(Deserialize)]
struct KindProbe {
    #[serde(default)]
    kind: Option<Spanned<String>>,
}

/// Parses every document of a manifest file.
pub fn parse_documents(
    source: &SourceFile,
    text: &Arc<String>,
    diagnostics: &mut Diagnostics,
) -> Vec<LocatedDocument> {
    let mut documents = Vec::new();
    for (first_line, document_text) in split_documents(text) {
        let broken = |documents: &mut Vec<LocatedDocument>| {
            documents.push(LocatedDocument {
                file: source.path.clone(),
                first_line,
                document: Document::Broken(identity_of(&document_text)),
            })
        };
        let located = |code: ManifestCode, line: u64, column: u64, message: String| {
            ManifestError::new(
                code,
                &source.path,
                first_line + line.max(1) as usize - 1,
                column.max(1) as usize,
                message,
            )
            .with_source(text.clone())
        };
        // A top-level `kind: X` line names the kind without a second YAML parse (loading
        // 10,000 manifests is benchmarked). Documents with anchors always get the full probe
        // parse, which walks every node, so alias bombs meet the budget before anything else.
        let has_anchors = document_text.contains('&');
        let kind = match quick_kind(&document_text).filter(|_| !has_anchors) {
            Some(kind) => kind,
            None => {
                let probe: KindProbe = match parse_yaml(&document_text) {
                    Ok(probe) => probe,
                    Err(error) => {
                        diagnostics.push(yaml_error(error, &located));
                        broken(&mut documents);
                        continue;
                    }
                };
                let Some(kind) = probe.kind else {
                    diagnostics.push(
                        located(
                            ManifestCode::NoKind,
                            1,
                            1,
                            "the document has no `kind`".into(),
                        )
                        .with_hint(format!(
                            "start it with `kind:` and one of {}",
                            KINDS.join(", ")
                        )),
                    );
                    broken(&mut documents);
                    continue;
                };
                (kind.value, kind.referenced.line(), kind.referenced.column())
            }
        };
        let (kind, kind_line, kind_column) = kind;
        let parsed = match kind.as_str() {
            "TriggerWorkflow" => {
                parse_yaml::<TriggerWorkflowManifest>(&document_text).map(|workflow| {
                    Document::Workflow(Box::new(WorkflowDefinition::Trigger(workflow)))
                })
            }
            "Workflow" => parse_yaml::<PeriodicWorkflowManifest>(&document_text).map(|workflow| {
                Document::Workflow(Box::new(WorkflowDefinition::Periodic(workflow)))
            }),
            "TriggerTask" => parse_yaml::<TriggerTaskManifest>(&document_text)
                .map(|task| Document::Task(Box::new(TaskDefinition::Trigger(task)))),
            "Task" => parse_yaml::<PeriodicTaskManifest>(&document_text)
                .map(|task| Document::Task(Box::new(TaskDefinition::Periodic(task)))),
            other => {
                let mut error = located(
                    ManifestCode::UnknownKind,
                    kind_line,
                    kind_column,
                    format!(
                        "unknown kind `{other}`; expected one of {}",
                        KINDS.join(", ")
                    ),
                );
                if let Some(close) = did_you_mean(other, KINDS) {
                    error = error.with_hint(format!("did you mean `{close}`?"));
                }
                diagnostics.push(error);
                broken(&mut documents);
                continue;
            }
        };
        match parsed {
            Ok(document) => documents.push(LocatedDocument {
                file: source.path.clone(),
                first_line,
                document,
            }),
            Err(error) => {
                diagnostics.push(yaml_error(error, &located));
                broken(&mut documents);
            }
        }
    }
    documents
}

/// `kind: Name` on a line of its own at column 0, with a plain value.
fn quick_kind(text: &str) -> Option<(String, u64, u64)> {
    let (index, line) = text
        .lines()
        .enumerate()
        .find(|(_, line)| line.starts_with("kind:"))?;
    let value = line["kind:".len()..].trim();
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|character| character.is_ascii_alphanumeric() || character == '_');
    if !plain {
        return None;
    }
    let column = line.find(value)? + 1;
    Some((value.to_owned(), index as u64 + 1, column as u64))
}

pub fn parse_yaml<T: DeserializeOwned>(text: &str) -> Result<T, serde_saphyr::Error> {
    serde_saphyr::from_str_with_options(text, options())
}

/// Turns a parser error into a located one, with "did you mean" for unknown keys.
pub fn yaml_error(
    error: serde_saphyr::Error,
    located: &dyn Fn(ManifestCode, u64, u64, String) -> ManifestError,
) -> ManifestError {
    let (line, column) = error
        .location()
        .map(|location| (location.line(), location.column()))
        .unwrap_or((1, 1));
    let message = plain_message(&error);
    let mut result = located(
        yaml_error_code(&error, &message),
        line,
        column,
        message.clone(),
    );
    if let Some((unknown, expected)) = unknown_field(&message) {
        result = match did_you_mean(&unknown, expected.iter().map(String::as_str)) {
            Some(close) => result.with_hint(format!("did you mean `{close}`?")),
            None => result.with_hint(format!("allowed keys here: {}", expected.join(", "))),
        };
    } else if let Some(field) = message.strip_prefix("missing field `") {
        let field = field.trim_end_matches('`');
        result = result.with_hint(format!(
            "add `{field}:` to this document (see docs/manifests.md)"
        ));
    } else if message.contains("is not allowed here") {
        result = result.with_hint(
            "the allowed values come from the WeData API documentation; see docs/manifests.md",
        );
    } else if message.contains("appears twice") {
        result = result.with_hint("remove one of the two entries");
    } else if message.contains("budget") || message.contains("alias") || message.contains("depth") {
        result = result.with_hint("the document expands far beyond a manifest's size (anchors and aliases?): write it out plainly");
    }
    result
}

/// What kind of parser error it is, from serde's and the YAML parser's wording.
fn yaml_error_code(error: &serde_saphyr::Error, message: &str) -> ManifestCode {
    if message.contains("unknown field `") {
        ManifestCode::UnknownField
    } else if message.starts_with("missing field `") {
        ManifestCode::MissingField
    } else if message.contains("appears twice") {
        ManifestCode::DuplicateKey
    } else if message.contains("is not allowed here") || message.starts_with("unknown variant") {
        ManifestCode::InvalidValue
    } else if message.contains("expands beyond")
        || message.contains("budget")
        || message.contains("depth")
        || message.contains("alias")
    {
        ManifestCode::TooComplex
    } else if message.starts_with("invalid type")
        || message.starts_with("invalid value")
        || message.starts_with("invalid length")
        || message.starts_with("expected ")
        || message.starts_with("a value is required")
    {
        ManifestCode::WrongType
    } else if matches!(error, serde_saphyr::Error::Message { .. }) {
        // serde's own messages (custom checks of the manifest types) are about values.
        ManifestCode::InvalidValue
    } else {
        ManifestCode::YamlSyntax
    }
}

/// The parser's message in the manifest's terms: no location prefix (the error carries it),
/// no advice aimed at Rust programmers.
fn plain_message(error: &serde_saphyr::Error) -> String {
    let text = error.to_string();
    let mut message = text
        .lines()
        .next()
        .unwrap_or("invalid YAML")
        .trim()
        .to_owned();
    message = message
        .strip_prefix("error: ")
        .unwrap_or(&message)
        .to_owned();
    if let Some(rest) = message.strip_prefix("line ") {
        if let Some((_, after)) = rest.split_once(": ") {
            message = after.to_owned();
        }
    }
    if let Some(index) = message.rfind(" at line ") {
        message.truncate(index);
    }
    rewrite_message(&message)
}

fn rewrite_message(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        return format!("the key `{key}` appears twice in this mapping");
    }
    if message.contains("replay limit")
        || message.contains("budget")
        || message.contains("limit exceeded")
    {
        return format!("the document expands beyond the manifest size limits ({message})");
    }
    if message.contains("untagged enum TaskTypeName") {
        return "expected a task type name (such as Shell, Python, DLC SQL) or its TaskTypeId number".to_owned();
    }
    if message.contains("untagged enum Reference") {
        return "expected a name, or a pinned id written as {id: \"...\"}".to_owned();
    }
    if message.starts_with("invalid i64") || message.starts_with("invalid u64") {
        return "expected a whole number".to_owned();
    }
    if message.starts_with("cannot deserialize null") {
        return "a value is required here".to_owned();
    }
    message
        .split("; use Option")
        .next()
        .unwrap_or(message)
        .to_owned()
}

/// Parses serde's "unknown field `x`, expected one of `a`, `b`" (with or without backticks).
fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.split("unknown field `").nth(1)?;
    let (unknown, rest) = rest.split_once('`')?;
    let list = rest
        .split_once("expected one of ")
        .or_else(|| rest.split_once("expected "))
        .map(|(_, list)| list)
        .unwrap_or("");
    let expected = list
        .split(',')
        .map(|name| name.trim().trim_matches('`').to_owned())
        .filter(|name| !name.is_empty())
        .collect();
    Some((unknown.to_owned(), expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_split_on_separators_and_keep_line_numbers() {
        let text = "kind: A\n---\n# only a comment\n---\nkind: B\nname: x\n";
        let documents = split_documents(text);
        assert_eq!(documents.len(), 2);
        assert_eq!(documents[0].0, 1);
        assert_eq!(documents[1].0, 4);
        assert_eq!(documents[1].1.lines().nth(1), Some("kind: B"));
    }

    #[test]
    fn unknown_fields_are_recognized() {
        for message in [
            "unknown field `nmae`, expected one of `kind`, `name`, `id`",
            "unknown field `nmae`, expected one of kind, name, id",
        ] {
            let (unknown, expected) = unknown_field(message).unwrap();
            assert_eq!(unknown, "nmae");
            assert_eq!(expected, ["kind", "name", "id"]);
        }
    }
}
