//! How errors look on the terminal, in the manner of rustc: the code once, beside the word
//! `error`, then the message, its causes, the place with a snippet, and the fix.
//!
//! ```text
//! error[manifest::unknown_field]: unknown field `run_prority`, expected one of ...
//!   --> orders/clean_orders.yaml:15:3
//!    |
//! 14 | scheduler:
//! 15 |   run_prority: 5
//!    |   ^ here
//! 16 |   params_in:
//!    |
//! help: did you mean `run_priority`?
//! ```
//!
//! Every line of a message stays a line of its own (an API error's code, message and
//! RequestId each have one); a line longer than the terminal wraps at spaces only, so an
//! identifier (a RequestId, a TaskId, a file path or URL) is never split. Styles are ANSI;
//! the printers (`anstream`) drop them when the output is not a colour terminal or `NO_COLOR`
//! is set. This module renders only: it decides nothing about the errors.

use std::fmt::{self, Write as _};

use miette::{Diagnostic, ReportHandler, SourceCode};
use owo_colors::OwoColorize;

/// The width when stderr is not a terminal (a CI log, a file, a pipe): no wrapping at all, so
/// a message stays on one line for grep and for a reader whose window is not ours (regression
/// test a_symlink_under_out_is_refused_and_nothing_is_written, whose expected text a wrap once
/// split depending on the length of a temporary path).
const UNWRAPPED: usize = usize::MAX / 2;

/// Installs the handler every `miette::Report` of this process renders with.
pub fn install() {
    // Only fails when a hook is already installed (a second call), which changes nothing.
    let _ = miette::set_hook(Box::new(|_| Box::new(Handler::for_terminal())));
}

/// Renders diagnostics as described in the module documentation.
#[derive(Debug, Clone)]
pub struct Handler {
    width: usize,
}

impl Handler {
    pub fn with_width(width: usize) -> Self {
        Self {
            width: width.max(20),
        }
    }

    /// The width of the terminal on stderr; no wrapping when stderr is not a terminal.
    pub fn for_terminal() -> Self {
        let width = terminal_size::terminal_size_of(std::io::stderr())
            .map(|(width, _)| usize::from(width.0))
            .unwrap_or(UNWRAPPED);
        Self::with_width(width)
    }

    pub fn render(&self, diagnostic: &dyn Diagnostic) -> String {
        let mut out = String::new();
        let _ = self.write(&mut out, diagnostic);
        out
    }

    fn write(&self, out: &mut String, diagnostic: &dyn Diagnostic) -> fmt::Result {
        let message = diagnostic.to_string();
        let mut lines = message.lines();
        let word = match diagnostic.severity() {
            Some(miette::Severity::Warning) => "warning",
            Some(miette::Severity::Advice) => "note",
            _ => "error",
        };
        let title = match diagnostic.code() {
            Some(code) => format!("{word}[{code}]"),
            None => word.to_owned(),
        };
        // The first line is wrapped as if the title stood before it, so that it fits beside
        // the title; its continuations are indented by two.
        let first = lines.next().unwrap_or_default();
        let room = " ".repeat(title.len() + 2);
        let options = Self::options(self.width)
            .initial_indent(&room)
            .subsequent_indent("  ");
        for (index, line) in textwrap::wrap(first, options).iter().enumerate() {
            if index == 0 {
                let line = line.strip_prefix(room.as_str()).unwrap_or(line);
                let title = if word == "error" {
                    title.red().bold().to_string()
                } else {
                    title.yellow().bold().to_string()
                };
                writeln!(out, "{title}{} {}", ":".bold(), line.bold())?;
            } else {
                writeln!(out, "{}", line.bold())?;
            }
        }
        for line in lines {
            self.write_indented(out, line, "  ")?;
        }
        let mut cause = std::error::Error::source(diagnostic);
        while let Some(error) = cause {
            let text = error.to_string();
            let mut lines = text.lines();
            if let Some(first) = lines.next() {
                self.write_indented(out, &format!("caused by: {first}"), "  ")?;
            }
            for line in lines {
                self.write_indented(out, line, "    ")?;
            }
            cause = error.source();
        }
        if let Some(source) = diagnostic.source_code() {
            for label in diagnostic.labels().into_iter().flatten() {
                self.write_snippet(out, source, &label)?;
            }
        }
        if let Some(help) = diagnostic.help() {
            let help = help.to_string();
            let width = self.width.saturating_sub("help: ".len());
            for (index, line) in help
                .lines()
                .flat_map(|line| self.wrap(line, width))
                .enumerate()
            {
                if index == 0 {
                    writeln!(out, "{} {line}", "help:".cyan().bold())?;
                } else {
                    writeln!(out, "      {line}")?;
                }
            }
        }
        Ok(())
    }

    fn write_indented(&self, out: &mut String, line: &str, indent: &str) -> fmt::Result {
        let continuation = format!("{indent}  ");
        for (index, piece) in self
            .wrap(line, self.width.saturating_sub(continuation.len()))
            .iter()
            .enumerate()
        {
            let indent = if index == 0 { indent } else { &continuation };
            writeln!(out, "{indent}{piece}")?;
        }
        Ok(())
    }

    /// `  --> file:line:column`, the line before, the line, a caret under the column, the
    /// line after.
    fn write_snippet(
        &self,
        out: &mut String,
        source: &dyn SourceCode,
        label: &miette::LabeledSpan,
    ) -> fmt::Result {
        let Ok(contents) = source.read_span(label.inner(), 1, 1) else {
            return Ok(());
        };
        let text = String::from_utf8_lossy(contents.data());
        let offset = label
            .offset()
            .saturating_sub(contents.span().offset())
            .min(text.len());
        let before = &text[..offset];
        let label_line_index = before.matches('\n').count();
        let column = before
            .rsplit('\n')
            .next()
            .map_or(0, |start| start.chars().count());
        let first_number = contents.line() + 1;
        let label_number = first_number + label_line_index;
        let lines: Vec<&str> = text.lines().collect();
        let gutter = (first_number + lines.len()).to_string().len();
        let bar = "|".blue().bold().to_string();
        let name = contents.name().unwrap_or("<source>");
        writeln!(
            out,
            "{:gutter$}{} {name}:{label_number}:{}",
            "",
            "-->".blue().bold(),
            column + 1
        )?;
        writeln!(out, "{:gutter$} {bar}", "")?;
        for (index, line) in lines.iter().enumerate() {
            let number = first_number + index;
            let number = format!("{number:>gutter$}").blue().bold().to_string();
            if line.is_empty() {
                writeln!(out, "{number} {bar}")?;
            } else {
                writeln!(out, "{number} {bar} {line}")?;
            }
            if index == label_line_index {
                let caret = match label.label() {
                    Some(text) => format!("^ {text}"),
                    None => "^".to_owned(),
                };
                writeln!(
                    out,
                    "{:gutter$} {bar} {:column$}{}",
                    "",
                    "",
                    caret.red().bold()
                )?;
            }
        }
        writeln!(out, "{:gutter$} {bar}", "")
    }

    /// Wraps at spaces only, never inside a word: an identifier longer than the width stays
    /// whole on a line of its own.
    fn wrap<'a>(&self, text: &'a str, width: usize) -> Vec<std::borrow::Cow<'a, str>> {
        if text.is_empty() {
            return vec![std::borrow::Cow::Borrowed("")];
        }
        textwrap::wrap(text, Self::options(width))
    }

    fn options<'a>(width: usize) -> textwrap::Options<'a> {
        textwrap::Options::new(width.max(10))
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            .break_words(false)
    }
}

impl ReportHandler for Handler {
    fn debug(
        &self,
        diagnostic: &dyn Diagnostic,
        formatter: &mut fmt::Formatter<'_>,
    ) -> fmt::Result {
        if formatter.alternate() {
            return fmt::Debug::fmt(diagnostic, formatter);
        }
        formatter.write_str(self.render(diagnostic).trim_end_matches('\n'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiError;

    fn plain(text: &str) -> String {
        // The tests read the text without styles, as a pipe would get it.
        let mut plain = String::new();
        let mut chars = text.chars().peekable();
        while let Some(character) = chars.next() {
            if character == '\u{1b}' {
                for next in chars.by_ref() {
                    if next == 'm' {
                        break;
                    }
                }
            } else {
                plain.push(character);
            }
        }
        plain
    }

    fn api_error() -> ApiError {
        ApiError::Api {
            action: "CreateTriggerTask".into(),
            code: "InvalidParameter.ResourceGroupNotFound".into(),
            message: "the resource group orders/resource-groups/20240222212719833743 does not exist in this project".into(),
            request_id: "9e4df25f-52fb-4ec9-b9e7-8db6cf6664b8".into(),
        }
    }

    #[test]
    fn a_narrow_terminal_never_splits_a_request_id_or_a_path() {
        for width in [30, 45, 60, 80] {
            let shown = plain(&Handler::with_width(width).render(&api_error()));
            for identifier in [
                "9e4df25f-52fb-4ec9-b9e7-8db6cf6664b8",
                "orders/resource-groups/20240222212719833743",
                "InvalidParameter.ResourceGroupNotFound",
            ] {
                assert!(shown.contains(identifier), "width {width}:\n{shown}");
            }
        }
    }

    #[test]
    fn an_api_error_keeps_its_code_message_and_request_id_on_lines_of_their_own() {
        let shown = plain(&Handler::with_width(120).render(&api_error()));
        insta::assert_snapshot!(shown, @r"
        error[api::invalid_parameter]: CreateTriggerTask failed
          code: InvalidParameter.ResourceGroupNotFound
          message: the resource group orders/resource-groups/20240222212719833743 does not exist in this project
          RequestId: 9e4df25f-52fb-4ec9-b9e7-8db6cf6664b8
        ");
    }

    #[test]
    fn a_wrapped_api_error_shows_the_context_first_and_the_answer_as_its_cause() {
        let report = miette::Report::new(api_error()).wrap_err("cannot create the task");
        let shown = plain(&Handler::with_width(60).render(report.as_ref()));
        insta::assert_snapshot!(shown, @r"
        error[api::invalid_parameter]: cannot create the task
          caused by: CreateTriggerTask failed
            code: InvalidParameter.ResourceGroupNotFound
            message: the resource group
              orders/resource-groups/20240222212719833743 does not
              exist in this project
            RequestId: 9e4df25f-52fb-4ec9-b9e7-8db6cf6664b8
        ");
    }
}
