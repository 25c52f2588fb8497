//! YAML text for imported documents. Every string in them may come from WeData (names,
//! descriptions, parameters), so each must read back through `manifest::load` as itself:
//! quotes, `#`, `: `, a leading `-`, `null`, newlines. The serializer quotes what YAML needs;
//! this module also escapes what the manifest loader acts on *before* parsing: `${var.NAME}`
//! (substituted as text), tabs (refused as indentation), other control characters; and what
//! would make a reviewer read the file differently from what it is (bidirectional overrides,
//! zero-width characters: `names::is_hidden_character`). Such a string is written as one
//! double-quoted line with those characters escaped.

use serde_json::{Map, Value};

use super::names::is_hidden_character;

/// The document as YAML that `manifest::load` reads back to the same values.
pub fn to_yaml(document: &Value) -> String {
    let mut strings = Vec::new();
    collect_strings(document, &mut strings);
    let mut marker = String::from("__wedata_escaped_");
    while strings.iter().any(|text| text.contains(marker.as_str())) {
        marker.push('x');
    }
    let mut escaped: Vec<String> = Vec::new();
    let placeheld = replace_unsafe(document, &marker, &mut escaped);
    let mut text =
        serde_saphyr::to_string(&placeheld).expect("plain JSON values serialize to YAML");
    // Last first, so `…_1__` is never replaced inside `…_12__` (the `__` ends each anyway).
    for (index, original) in escaped.iter().enumerate().rev() {
        text = text.replace(
            &placeholder(&marker, index),
            &double_quoted_escaped(original),
        );
    }
    text
}

/// Whether the manifest loader would act on `text` before YAML parsing, or a line of it could
/// be misread once it is split over lines.
fn needs_escaping(text: &str) -> bool {
    text.contains("${var.")
        || text
            .chars()
            .any(|character| character != '\n' && is_hidden_character(character))
}

fn placeholder(marker: &str, index: usize) -> String {
    format!("{marker}{index}__")
}

fn collect_strings<'a>(value: &'a Value, strings: &mut Vec<&'a str>) {
    match value {
        Value::String(text) => strings.push(text),
        Value::Array(items) => items.iter().for_each(|item| collect_strings(item, strings)),
        Value::Object(map) => {
            for (key, item) in map {
                strings.push(key);
                collect_strings(item, strings);
            }
        }
        _ => {}
    }
}

/// A copy of `value` with each string (key or value) that needs escaping replaced by a plain
/// placeholder, the originals pushed to `escaped` in placeholder order.
fn replace_unsafe(value: &Value, marker: &str, escaped: &mut Vec<String>) -> Value {
    let hold = |text: &str, escaped: &mut Vec<String>| -> String {
        if !needs_escaping(text) {
            return text.to_owned();
        }
        escaped.push(text.to_owned());
        placeholder(marker, escaped.len() - 1)
    };
    match value {
        Value::String(text) => Value::String(hold(text, escaped)),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| replace_unsafe(item, marker, escaped))
                .collect(),
        ),
        Value::Object(map) => {
            let mut copy = Map::new();
            for (key, item) in map {
                let key = hold(key, escaped);
                copy.insert(key, replace_unsafe(item, marker, escaped));
            }
            Value::Object(copy)
        }
        other => other.clone(),
    }
}

/// A YAML double-quoted scalar on one line: `"` and `\` escaped, `$` as `\u0024` (so no
/// `${var.` remains in the text), every other hidden character as `\uXXXX`.
fn double_quoted_escaped(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for character in text.chars() {
        match character {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            '$' => quoted.push_str("\\u0024"),
            character if is_hidden_character(character) => {
                quoted.push_str(&format!("\\u{:04x}", u32::from(character)));
            }
            character => quoted.push(character),
        }
    }
    quoted.push('"');
    quoted
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn strings_the_loader_would_act_on_are_written_escaped_on_one_line() {
        let text = to_yaml(&json!({
            "name": "${var.secret}\tand\u{0}",
            "ext": {"${var.key}": "plain"},
            "safe": "a: b # c",
        }));
        assert!(!text.contains("${var."), "{text}");
        assert!(!text.contains('\t') && !text.contains('\0'), "{text}");
        assert!(
            text.contains("safe: 'a: b # c'") || text.contains("safe: \"a: b # c\""),
            "{text}"
        );
        let back: Value = serde_saphyr::from_str(&text).unwrap();
        assert_eq!(back["name"], json!("${var.secret}\tand\u{0}"));
        assert_eq!(back["ext"]["${var.key}"], json!("plain"));
    }

    #[test]
    fn a_string_that_looks_like_the_placeholder_is_left_alone() {
        let document = json!({"a": "__wedata_escaped_0__", "b": "${var.x}"});
        let back: Value = serde_saphyr::from_str(&to_yaml(&document)).unwrap();
        assert_eq!(back, document);
    }

    /// Strings that YAML or the manifest loader treat specially, as names, a description,
    /// ext keys and values: the loaded project holds each exactly.
    #[test]
    fn hostile_strings_read_back_through_the_manifest_loader_as_themselves() {
        let hostile = [
            "it's \"quoted\"",
            "# not a comment",
            "key: value",
            "- dash",
            "[flow]",
            "{map}",
            "*alias",
            "&anchor",
            "!tag",
            "%directive",
            "@at",
            "`tick",
            "|",
            ">",
            "? question",
            "null",
            "~",
            "true",
            "0x1F",
            "1e3",
            "${var.secret}",
            "$${var.x}",
            "tab\there",
            "\ttab first",
            "new\nline",
            "a\n---\nb",
            "a\n...\nb",
            "trailing newline\n",
            "\nleading newline",
            "two  spaces  \n  indented",
            "cr\r\nlf",
            "nul\u{0}byte",
            "\u{1b}[31mred",
            "\u{202e}txt.exe",
            "zero\u{200b}width",
            "\u{feff}bom",
            "line\u{2028}separator",
            "back\\slash",
            " lead and trail ",
            "每日报表",
            "e\u{301}te\u{301}",
            &"数".repeat(300),
        ];
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path();
        std::fs::write(root.join("wedata.yaml"), "project_id: \"1\"\n").unwrap();
        for (index, text) in hostile.iter().enumerate() {
            let folder = root.join(format!("w{index}"));
            std::fs::create_dir(&folder).unwrap();
            let workflow = json!({"kind": "TriggerWorkflow", "name": text, "description": text});
            std::fs::write(folder.join("workflow.yaml"), to_yaml(&workflow)).unwrap();
            let task = json!({
                "kind": "TriggerTask",
                "name": text,
                "workflow": text,
                "base": {"task_type": "Shell", "description": text},
                "configuration": {"ext": {*text: text}, "scheduling_parameters": {"k": text}},
            });
            std::fs::write(folder.join("task.yaml"), to_yaml(&task)).unwrap();
        }
        let project = match crate::manifest::load(root, &Default::default()) {
            Ok(project) => project,
            Err(diagnostics) => panic!(
                "{:?}",
                diagnostics
                    .errors
                    .iter()
                    .map(|error| format!(
                        "{}:{}: {}",
                        error.file.display(),
                        error.line,
                        error.message
                    ))
                    .collect::<Vec<_>>()
            ),
        };
        for (index, text) in hostile.iter().enumerate() {
            let folder = format!("w{index}");
            let task = project
                .tasks
                .iter()
                .find(|task| task.file.starts_with(&folder))
                .unwrap();
            assert_eq!(task.name(), *text, "{folder}");
            assert_eq!(task.workflow_name.as_deref(), Some(*text), "{folder}");
            assert_eq!(task.base().description.as_deref(), Some(*text), "{folder}");
            let configuration = task.configuration();
            assert_eq!(
                configuration
                    .ext
                    .as_ref()
                    .unwrap()
                    .get(*text)
                    .map(String::as_str),
                Some(*text),
                "{folder}"
            );
            assert_eq!(
                configuration.scheduling_parameters.as_ref().unwrap()["k"],
                *text,
                "{folder}"
            );
            let workflow = project
                .workflows
                .iter()
                .find(|workflow| workflow.file.starts_with(&folder))
                .unwrap();
            assert_eq!(workflow.name, *text, "{folder}");
            let written = std::fs::read_to_string(root.join(&folder).join("task.yaml")).unwrap();
            assert!(
                !written.chars().any(|c| c != '\n' && is_hidden_character(c)),
                "{folder} shows a hidden character raw:\n{written}"
            );
        }
    }
}
