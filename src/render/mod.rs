//! Views of plans and apply results: human text, JSON and Markdown, one file per format.
