//! Manifest errors: each names a file, line and column, says what was expected, and carries a
//! hint when there is an obvious fix. They are collected, never thrown one at a time, so one
//! `validate` run reports every problem; they render with miette and a source snippet.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};

use super::redact;
use crate::codes::ManifestCode;

/// One problem in the manifests.
#[derive(Debug, Clone)]
pub struct ManifestError {
    /// What kind of problem it is (documented in docs/errors.md).
    pub code: ManifestCode,
    /// Path relative to the manifest root, as shown to the user.
    pub file: PathBuf,
    /// 1-based; 0 when the problem is about the file as a whole.
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
    /// The file's text, for the snippet.
    pub source: Option<Arc<String>>,
}

impl ManifestError {
    pub fn new(
        code: ManifestCode,
        file: impl Into<PathBuf>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code,
            file: file.into(),
            line,
            column,
            message: message.into(),
            hint: None,
            source: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_source(mut self, source: Arc<String>) -> Self {
        self.source = Some(source);
        self
    }

    /// `file:line:column` (or `file` alone; nothing for the manifest root itself).
    pub fn position(&self) -> String {
        if self.line == 0 {
            self.file.display().to_string()
        } else {
            format!(
                "{}:{}:{}",
                self.file.display(),
                self.line,
                self.column.max(1)
            )
        }
    }

    fn byte_offset(&self, text: &str) -> Option<usize> {
        if self.line == 0 {
            return None;
        }
        let mut offset = 0;
        for (index, line) in text.split_inclusive('\n').enumerate() {
            if index + 1 == self.line {
                let column_bytes: usize = line
                    .chars()
                    .take(self.column.saturating_sub(1))
                    .map(char::len_utf8)
                    .sum();
                return Some(offset + column_bytes.min(line.len()));
            }
            offset += line.len();
        }
        None
    }
}

impl fmt::Display for ManifestError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position() {
            position if position.is_empty() => formatter.write_str(&self.message),
            position => write!(formatter, "{position}: {}", self.message),
        }
    }
}

impl std::error::Error for ManifestError {}

/// A `ManifestError` with its source attached, for miette.
struct Rendered {
    error: ManifestError,
    source: Option<NamedSource<String>>,
    offset: Option<usize>,
    /// Shown as a warning rather than an error.
    warning: bool,
}

impl fmt::Debug for Rendered {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, formatter)
    }
}

impl fmt::Display for Rendered {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        // With a snippet the place is shown beside it; without one, it leads the message.
        if self.offset.is_some() {
            formatter.write_str(&self.error.message)
        } else {
            fmt::Display::fmt(&self.error, formatter)
        }
    }
}

impl std::error::Error for Rendered {}

impl Diagnostic for Rendered {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.error.code.as_str()))
    }

    fn severity(&self) -> Option<miette::Severity> {
        self.warning.then_some(miette::Severity::Warning)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.error
            .hint
            .as_ref()
            .map(|hint| Box::new(hint.as_str()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|source| source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let offset = self.offset?;
        Some(Box::new(std::iter::once(LabeledSpan::at_offset(
            offset, "here",
        ))))
    }
}

/// Every problem found in one load, in file and line order.
#[derive(Debug, Default)]
pub struct Diagnostics {
    pub errors: Vec<ManifestError>,
    /// Problems that stop nothing (policy rules with `severity: warn`), shown after the errors.
    pub warnings: Vec<ManifestError>,
    /// Values of secret-looking variables: masked wherever a snippet would show them.
    pub secret_values: Vec<String>,
}

impl Diagnostics {
    pub fn push(&mut self, error: ManifestError) {
        self.errors.push(error);
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn sort(&mut self) {
        self.errors.sort_by(|left, right| {
            (&left.file, left.line, left.column).cmp(&(&right.file, right.line, right.column))
        });
    }

    /// One miette report per error, with a snippet where the source is known; secrets in the
    /// snippet are masked (see `redact`).
    pub fn reports(&self) -> Vec<miette::Report> {
        self.errors
            .iter()
            .map(|error| (error, false))
            .chain(self.warnings.iter().map(|warning| (warning, true)))
            .map(|(error, warning)| {
                let (source, offset) = match &error.source {
                    Some(text) => {
                        let redacted = redact::redact(text, &self.secret_values);
                        let offset = error
                            .byte_offset(text)
                            .map(|offset| redacted.offset(offset));
                        (
                            Some(NamedSource::new(
                                error.file.display().to_string(),
                                redacted.text,
                            )),
                            offset,
                        )
                    }
                    None => (None, None),
                };
                miette::Report::new(Rendered {
                    error: error.clone(),
                    source,
                    offset,
                    warning,
                })
            })
            .collect()
    }

    /// All errors and warnings as text, then a count of the errors; for the CLI's stderr.
    pub fn render(&self) -> String {
        let mut text = String::new();
        for report in self.reports() {
            text.push_str(&format!("{report:?}\n\n"));
        }
        text.push_str(&self.count_line());
        text.push('\n');
        text
    }

    /// The warnings alone, as text (for a load that is valid but has some).
    pub fn render_warnings(&self) -> String {
        self.reports()
            .iter()
            .skip(self.errors.len())
            .map(|report| format!("{report:?}\n\n"))
            .collect()
    }

    /// "error: 2 problems found in the manifests; nothing was sent to WeData".
    pub fn count_line(&self) -> String {
        let count = self.errors.len();
        format!(
            "error: {count} problem{} found in the manifests; nothing was sent to WeData",
            if count == 1 { "" } else { "s" }
        )
    }
}

/// "did you mean" for a misspelt word among the allowed ones.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    // Edit distance catches transpositions in short words ("dya" for "day"); Jaro-Winkler
    // catches longer words with a shared stem.
    candidates
        .into_iter()
        .map(|candidate| {
            let edits = strsim::damerau_levenshtein(word, candidate);
            let close_by_edits = edits <= (word.chars().count() / 3).max(1);
            let similarity = strsim::jaro_winkler(word, candidate);
            (close_by_edits || similarity > 0.8, similarity, candidate)
        })
        .filter(|(close, _, _)| *close)
        .max_by(|left, right| left.1.total_cmp(&right.1))
        .map(|(_, _, candidate)| candidate)
}
