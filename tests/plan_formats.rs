//! The three plan formats, pinned with insta (ids and times filtered), and the Markdown view
//! checked with a real CommonMark parser.

mod common;

use common::*;
use wedata_gitops::emulator::EmulatorConfig;

fn filters() -> Vec<(&'static str, &'static str)> {
    vec![
        (r"\b\d{17}\b", "[TASK_ID]"),
        (
            r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            "[UUID]",
        ),
        (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", "[TIME]"),
        (r"\b[0-9a-f]{64}\b", "[DIGEST]"),
        (
            r#""tool_version": "[^"]+""#,
            r#""tool_version": "[VERSION]""#,
        ),
    ]
}

/// Applies the examples, then edits code, a scheduler value, a periodic task's schedule and
/// adds a task, so the plan has an update with a code diff, member changes and a create.
async fn representative_plan(format: &str) -> String {
    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("tasks");
    copy_examples(&project);
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let mut apply = wedata_gitops();
    apply
        .args(["apply", "--auto-approve"])
        .arg(&project)
        .args(["--endpoint", &endpoint]);
    assert!(run(apply).await.status.success());

    let script = project.join("orders/extract_orders.sh");
    let code = std::fs::read_to_string(&script).unwrap();
    std::fs::write(&script, code.replace("gzip -c", "gzip -9 -c")).unwrap();
    let manifest = project.join("orders/load_orders.yaml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text.replace("allow_redo: FAILURE", "allow_redo: NONE"),
    )
    .unwrap();
    let periodic = project.join("finance/extract_ledger.yaml");
    let text = std::fs::read_to_string(&periodic).unwrap();
    std::fs::write(&periodic, text.replace("0 30 1 * * ? *", "0 0 3 * * ? *")).unwrap();
    std::fs::write(
        project.join("orders/archive.yaml"),
        "kind: TriggerTask\nname: archive_orders\nworkflow: orders\nbase:\n  task_type: Shell\nconfiguration:\n  code_file: publish_ready.sh\n  ext:\n    archive_token: do-not-show\nscheduler:\n  upstream: [load_orders]\n",
    )
    .unwrap();
    let mut plan = wedata_gitops();
    plan.args(["plan", "--format", format])
        .arg(&project)
        .args(["--endpoint", &endpoint]);
    let output = run(plan).await;
    assert!(output.status.success(), "{}", stderr(&output));
    stdout(&output)
}

#[tokio::test(flavor = "multi_thread")]
async fn text_plan_is_pinned() {
    let text = representative_plan("text").await;
    insta::with_settings!({filters => filters()}, {
        insta::assert_snapshot!("plan_text", text);
    });
}

#[tokio::test(flavor = "multi_thread")]
async fn json_plan_is_pinned() {
    let text = representative_plan("json").await;
    let plan: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(plan["format_version"], 2);
    insta::with_settings!({filters => filters()}, {
        insta::assert_snapshot!("plan_json", text);
    });
}

#[tokio::test(flavor = "multi_thread")]
async fn markdown_plan_is_pinned_and_renders_as_commonmark() {
    let text = representative_plan("markdown").await;
    insta::with_settings!({filters => filters()}, {
        insta::assert_snapshot!("plan_markdown", text);
    });
    assert!(!text.contains("do-not-show"));

    use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};
    let mut diff_blocks = 0;
    let mut bash_blocks = 0;
    let mut tables = 0;
    let mut html = String::new();
    for event in Parser::new_ext(&text, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(language)))
                if &*language == "diff" =>
            {
                diff_blocks += 1
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(language)))
                if &*language == "bash" =>
            {
                bash_blocks += 1
            }
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Html(fragment) | Event::InlineHtml(fragment) => html.push_str(&fragment),
            _ => {}
        }
    }
    assert_eq!(diff_blocks, 1, "the changed code");
    assert_eq!(
        bash_blocks, 1,
        "the new task's code, highlighted as its language"
    );
    assert!(
        text.contains(
            "--- orders/extract_orders.sh (live)\n+++ orders/extract_orders.sh (manifest)"
        ),
        "the diff names the code file"
    );
    assert!(tables >= 2, "the summary table and member tables");
    assert_eq!(
        html.matches("<details>").count(),
        html.matches("</details>").count()
    );
    assert_eq!(
        html.matches("<details>").count(),
        4,
        "one per changing resource"
    );
}
