//! How errors look on the terminal: miette's handler, set up once at start. Text wraps at
//! spaces only and never inside a word, so an identifier (a RequestId, a TaskId, a file path
//! or URL) always stays in one piece that can be copied, however narrow the terminal.

use miette::MietteHandlerOpts;

/// Installs the handler every `miette::Report` of this process renders with.
pub fn install() {
    // Only fails when a hook is already installed (a second call), which changes nothing.
    let _ = miette::set_hook(Box::new(|_| Box::new(options().build())));
}

/// The handler's settings: miette's defaults (colour, unicode and width from the terminal,
/// `NO_COLOR` respected) with word-preserving wrapping.
pub fn options() -> MietteHandlerOpts {
    MietteHandlerOpts::new()
        // The default separator finds Unicode break opportunities, which include `/` and `-`
        // inside paths and UUIDs; the default splitter breaks at hyphens; and a word longer
        // than the width would be cut. None of that may happen to an identifier.
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiError;
    use miette::ReportHandler;

    struct Rendered<'a>(&'a dyn miette::Diagnostic, &'a dyn ReportHandler);

    impl std::fmt::Display for Rendered<'_> {
        fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            self.1.debug(self.0, formatter)
        }
    }

    #[test]
    fn a_narrow_terminal_never_splits_a_request_id_or_a_path() {
        let request_id = "9e4df25f-52fb-4ec9-b9e7-8db6cf6664b8";
        let error = ApiError::Api {
            action: "CreateTriggerTask".into(),
            code: "InvalidParameter.ResourceGroupNotFound".into(),
            message: "the resource group orders/resource-groups/20240222212719833743 does not exist in this project".into(),
            request_id: request_id.into(),
        };
        for width in [30, 45, 60, 80] {
            let handler = options().width(width).color(false).unicode(false).build();
            let shown = Rendered(&error, &handler).to_string();
            assert!(shown.contains(request_id), "width {width}:\n{shown}");
            assert!(
                shown.contains("orders/resource-groups/20240222212719833743"),
                "width {width}:\n{shown}"
            );
            assert!(
                shown.contains("InvalidParameter.ResourceGroupNotFound"),
                "width {width}:\n{shown}"
            );
        }
    }
}
