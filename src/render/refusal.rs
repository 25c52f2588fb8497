//! A guard rail's refusal as an error report: its code, its message, the manifest line it
//! points at (with a snippet, secret-looking values masked, as `validate` shows them) and its
//! fix. Renders only; the refusals themselves come from `planner`.

use std::fmt;
use std::path::Path;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};

use crate::manifest::redact;
use crate::planner::Refusal;

/// One refusal ready for miette; build it with [`report`].
pub struct RefusalReport {
    refusal: Refusal,
    source: Option<NamedSource<String>>,
    offset: Option<usize>,
}

/// The report of `refusal`, with a snippet of its manifest (read from under `root`) when it
/// points at one.
pub fn report(refusal: &Refusal, root: Option<&Path>) -> RefusalReport {
    let mut rendered = RefusalReport {
        refusal: refusal.clone(),
        source: None,
        offset: None,
    };
    let (Some(location), Some(root)) = (&refusal.location, root) else {
        return rendered;
    };
    let Ok(text) = std::fs::read_to_string(root.join(&location.file)) else {
        return rendered;
    };
    let Some(offset) = byte_offset(&text, location.line, location.column) else {
        return rendered;
    };
    let redacted = redact::redact(&text, &[]);
    rendered.offset = Some(redacted.offset(offset));
    rendered.source = Some(NamedSource::new(
        location.file.display().to_string(),
        redacted.text,
    ));
    rendered
}

fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let mut offset = 0;
    for (index, content) in text.split_inclusive('\n').enumerate() {
        if index + 1 == line {
            let column_bytes: usize = content
                .chars()
                .take(column.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            return Some(offset + column_bytes.min(content.len()));
        }
        offset += content.len();
    }
    None
}

impl fmt::Debug for RefusalReport {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, formatter)
    }
}

impl fmt::Display for RefusalReport {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        // With a snippet the place is shown beside it; without one, it follows the message.
        formatter.write_str(&self.refusal.message)?;
        if let (None, Some(location)) = (self.offset, &self.refusal.location) {
            write!(formatter, "\n--> {location}")?;
        }
        Ok(())
    }
}

impl std::error::Error for RefusalReport {}

impl Diagnostic for RefusalReport {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.refusal.code.as_str()))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.refusal
            .help
            .as_ref()
            .map(|help| Box::new(help.as_str()) as Box<dyn fmt::Display>)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::PlanCode;

    #[test]
    fn a_refusal_shows_its_line_with_secrets_masked() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(
            root.path().join("task.yaml"),
            "kind: TriggerTask\nname: a\nconfiguration:\n  ext: { db_password: hunter2 }\nid: \"42\"\n",
        )
        .unwrap();
        let refusal = Refusal::new(PlanCode::PinnedIdMissing, "the task `a` is pinned to id 42")
            .at("task.yaml", 5, 5)
            .with_help("check the id");
        let rendered = crate::cli::report::Handler::with_width(100)
            .render(&report(&refusal, Some(root.path())));
        let rendered = anstream::adapter::strip_str(&rendered).to_string();
        assert!(
            rendered.starts_with("error[plan::pinned_id_missing]: the task `a` is pinned to id 42"),
            "{rendered}"
        );
        assert!(rendered.contains("--> task.yaml:5:5"), "{rendered}");
        assert!(rendered.contains("5 | id: \"42\""), "{rendered}");
        // The line above the one pointed at holds a secret-looking key: its value is masked.
        assert!(rendered.contains("4 |   ext: { db_password:"), "{rendered}");
        assert!(!rendered.contains("hunter2"), "{rendered}");
        assert!(rendered.contains("help: check the id"), "{rendered}");
    }
}
