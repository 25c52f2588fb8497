//! Pictures of the dependency graph: the `graph` command's Mermaid and DOT of the examples
//! (pinned), `--select` and `--live`, hostile names through every picture format and the plan
//! comment, and the HTML report opened in headless Chromium (a scripted click shows a diff).

mod common;

use std::path::{Path, PathBuf};

use common::*;
use wedata_gitops::emulator::EmulatorConfig;

fn examples() -> (tempfile::TempDir, PathBuf) {
    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("tasks");
    copy_examples(&project);
    (directory, project)
}

fn graph(project: &Path, arguments: &[&str]) -> std::process::Output {
    let mut command = wedata_gitops();
    command.arg("graph").arg(project).args(arguments);
    command.output().unwrap()
}

/// Every line of a Mermaid flowchart has one of the shapes our renderer writes, and every
/// label (between the first and last `"` of its line) holds no character Mermaid, Markdown or
/// HTML could read as syntax: a name can neither end its label nor add a node or an edge.
/// Returns the number of edges.
fn assert_well_formed_mermaid(flowchart: &str) -> usize {
    let mut edges = 0;
    for line in flowchart.lines() {
        let line = line.trim();
        if let (Some(first), Some(last)) = (line.find('"'), line.rfind('"')) {
            assert!(first < last, "unbalanced quotes: {line}");
            let label = &line[first + 1..last];
            let entities_closed = label.split('#').skip(1).all(|after| {
                after.split_once(';').is_some_and(|(code, _)| {
                    !code.is_empty()
                        && code
                            .chars()
                            .all(|character| character.is_ascii_alphanumeric())
                })
            });
            assert!(entities_closed, "a # that starts no entity code: {line}");
            let without_entities: String = label
                .split('#')
                .enumerate()
                .map(|(position, part)| match position {
                    0 => part,
                    _ => part.split_once(';').map_or(part, |(_, rest)| rest),
                })
                .collect();
            for forbidden in [
                '"', '[', ']', '(', ')', '{', '}', '<', '>', '|', ';', '`', '\\',
            ] {
                assert!(
                    !without_entities.contains(forbidden),
                    "{forbidden:?} in the label of {line}"
                );
            }
            let shape = format!("{}{}", &line[..first], &line[last + 1..]);
            let allowed = ["subgraph w", "subgraph legend [", "n", "l", "w", "more["];
            assert!(
                allowed.iter().any(|start| shape.starts_with(start))
                    && (shape.ends_with('[')
                        || shape.ends_with("[]")
                        || shape.ends_with(']')
                        || shape.contains("]:::")),
                "unexpected line: {line}"
            );
            continue;
        }
        let is_edge = line.split(" --> ").count() == 2
            && line.split(" --> ").all(|end| {
                end.starts_with('n') && end[1..].chars().all(|character| character.is_ascii_digit())
            });
        edges += usize::from(is_edge);
        assert!(
            is_edge
                || ["flowchart LR", "end", "direction LR"].contains(&line)
                || line.starts_with("classDef ")
                || line.starts_with("class "),
            "unexpected line: {line}"
        );
    }
    edges
}

#[test]
fn declared_graphs_of_the_examples_are_pinned() {
    let (_directory, project) = examples();
    let mermaid = graph(&project, &[]);
    assert!(mermaid.status.success(), "{}", stderr(&mermaid));
    let mermaid = stdout(&mermaid);
    assert_eq!(assert_well_formed_mermaid(&mermaid), 9);
    insta::assert_snapshot!("graph_mermaid", mermaid);

    let dot = graph(&project, &["--format", "dot"]);
    assert!(dot.status.success());
    insta::assert_snapshot!("graph_dot", stdout(&dot));

    let out = project.join("dag.svg");
    let svg = graph(
        &project,
        &["--format", "svg", "--out", out.to_str().unwrap()],
    );
    assert!(svg.status.success(), "{}", stderr(&svg));
    assert!(stdout(&svg).is_empty(), "--out writes the file, not stdout");
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(svg.matches("<g class=\"node declared\"").count(), 11);
    assert_eq!(svg.matches("<path class=\"edge\"").count(), 9);
    assert_eq!(svg.matches("http").count(), 1, "only the namespace");
}

#[test]
fn select_narrows_the_graph_and_a_pattern_matching_nothing_fails() {
    let (_directory, project) = examples();
    let upstream = graph(&project, &["--select", "+orders/check_orders"]);
    assert!(upstream.status.success(), "{}", stderr(&upstream));
    let text = stdout(&upstream);
    for name in [
        "extract_orders",
        "clean_orders",
        "load_orders",
        "check_orders",
    ] {
        assert!(
            text.contains(&format!("[\"{name}\"]")),
            "{name} missing:\n{text}"
        );
    }
    assert!(!text.contains("publish_orders_ready") && !text.contains("finance_daily"));
    assert_eq!(assert_well_formed_mermaid(&text), 4);

    let nothing = graph(&project, &["--select", "no_such_task*"]);
    assert_eq!(nothing.status.code(), Some(1));
    assert!(
        stderr(&nothing).contains("no task matches --select `no_such_task*`"),
        "{}",
        stderr(&nothing)
    );
    assert!(stdout(&nothing).is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_live_graph_shows_tasks_no_manifest_declares() {
    let (_directory, project) = examples();
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let mut apply = wedata_gitops();
    apply
        .args(["apply", "--auto-approve"])
        .arg(&project)
        .args(["--endpoint", &endpoint]);
    assert!(run(apply).await.status.success());
    // close_report stays in WeData, but no manifest declares it any more.
    std::fs::remove_file(project.join("finance/close_report.yaml")).unwrap();

    let mut live = wedata_gitops();
    live.arg("graph").arg(&project).args([
        "--live",
        "--select",
        "finance_daily/*",
        "--endpoint",
        &endpoint,
    ]);
    let output = run(live).await;
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert_eq!(assert_well_formed_mermaid(&text), 2, "{text}");
    let node_of = |name: &str| {
        text.lines()
            .find(|line| line.contains(&format!("[\"{name}\"]")))
            .and_then(|line| line.trim().split('[').next())
            .unwrap_or_else(|| panic!("{name} missing:\n{text}"))
            .to_owned()
    };
    let (balances, report) = (node_of("build_balances"), node_of("close_report"));
    assert!(text.contains(&format!("{balances} --> {report}")), "{text}");
    assert!(
        text.contains(&format!("class {report} unmanaged")),
        "{text}"
    );
    assert!(
        text.contains("[\"not managed here\"]"),
        "the legend explains it:\n{text}"
    );

    // Without --live, the declared graph no longer has it.
    let declared = graph(&project, &["--select", "finance_daily/*"]);
    assert!(!stdout(&declared).contains("close_report"));
}

/// A project whose workflow and task names carry quotes, brackets, `-->`, fences, HTML and
/// Mermaid's own syntax.
fn hostile_project(root: &Path) {
    let workflow = r#"'wf "]</details> `x`'"#;
    std::fs::create_dir_all(root.join("flow")).unwrap();
    std::fs::write(
        root.join("wedata.yaml"),
        format!("project_id: \"{PROJECT_ID}\"\n"),
    )
    .unwrap();
    std::fs::write(root.join("flow/run.sh"), "echo hi\n").unwrap();
    std::fs::write(
        root.join("flow/workflow.yaml"),
        format!("kind: TriggerWorkflow\nname: {workflow}\nowner_uin: \"100028579801\"\n"),
    )
    .unwrap();
    let task = |name: &str, upstream: Option<&str>| {
        let mut text = format!(
            "kind: TriggerTask\nname: {name}\nworkflow: {workflow}\nbase: {{ task_type: Shell, owner_uin: \"100028579801\" }}\nconfiguration: {{ code_file: run.sh }}\n"
        );
        if let Some(upstream) = upstream {
            text.push_str(&format!("scheduler:\n  upstream: [{upstream}]\n"));
        }
        text
    };
    let first = r#"'a"]-->n2["pwned'"#;
    let second = r#""```</details><img src=x onerror=alert(1)>""#;
    std::fs::write(root.join("flow/first.yaml"), task(first, None)).unwrap();
    std::fs::write(root.join("flow/second.yaml"), task(second, Some(first))).unwrap();
    std::fs::write(
        root.join("flow/third.yaml"),
        task(
            r#"'b[(x)]{y}|z#1;%%`\ <script>alert(2)</script>'"#,
            Some(second),
        ),
    )
    .unwrap();
}

/// The Markdown comment parses as intended: one Mermaid block whose every line is
/// well-formed, `<details>` balanced, and no HTML from a name.
fn assert_comment_is_intact(markdown: &str, changed: usize) {
    use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
    let mut mermaid_blocks = Vec::new();
    let mut inside_mermaid = false;
    let mut html = String::new();
    for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(language)))
                if &*language == "mermaid" =>
            {
                inside_mermaid = true;
                mermaid_blocks.push(String::new());
            }
            Event::End(TagEnd::CodeBlock) => inside_mermaid = false,
            Event::Text(text) if inside_mermaid => {
                mermaid_blocks.last_mut().unwrap().push_str(&text)
            }
            Event::Html(fragment) | Event::InlineHtml(fragment) => html.push_str(&fragment),
            _ => {}
        }
    }
    assert_eq!(mermaid_blocks.len(), 1, "{markdown}");
    assert_well_formed_mermaid(&mermaid_blocks[0]);
    assert_eq!(html.matches("<details>").count(), changed, "{markdown}");
    assert_eq!(html.matches("</details>").count(), changed, "{markdown}");
    assert!(
        !html.contains("<img") && !html.contains("<script"),
        "{html}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_names_render_escaped_in_every_picture_and_the_comment() {
    let directory = tempfile::tempdir().unwrap();
    let project = directory.path().join("tasks");
    hostile_project(&project);

    // Declared: Mermaid, DOT, SVG.
    let mermaid = stdout(&graph(&project, &[]));
    assert_eq!(assert_well_formed_mermaid(&mermaid), 2, "{mermaid}");
    insta::assert_snapshot!("graph_hostile_mermaid", mermaid);
    let dot = stdout(&graph(&project, &["--format", "dot"]));
    assert_eq!(dot.matches(" -> ").count(), 2, "{dot}");
    for line in dot.lines().filter(|line| line.contains("label=")) {
        // Outside quoted strings nothing but our syntax: strip the strings and look.
        let mut outside = String::new();
        let mut in_string = false;
        let mut escaped = false;
        for character in line.chars() {
            match (in_string, escaped, character) {
                (true, false, '\\') => escaped = true,
                (true, true, _) => escaped = false,
                (_, false, '"') => in_string = !in_string,
                (false, _, character) => outside.push(character),
                _ => {}
            }
        }
        assert!(!in_string, "unterminated string: {line}");
        assert!(
            !outside.contains("->") && !outside.contains('{') && !outside.contains('}'),
            "{line}"
        );
    }
    let svg = stdout(&graph(&project, &["--format", "svg"]));
    assert!(
        !svg.contains("<script") && !svg.contains("<img") && !svg.contains("</details>"),
        "{svg}"
    );
    assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"));

    // The names now come from WeData as well: apply, then forget one task in the manifests
    // (a live task nobody declares) and change another.
    let emulator = start_emulator(EmulatorConfig::default()).await;
    let endpoint = emulator.endpoint();
    let mut apply = wedata_gitops();
    apply
        .args(["apply", "--auto-approve"])
        .arg(&project)
        .args(["--endpoint", &endpoint]);
    let applied = run(apply).await;
    assert!(applied.status.success(), "{}", stderr(&applied));
    std::fs::remove_file(project.join("flow/third.yaml")).unwrap();
    std::fs::write(project.join("flow/run.sh"), "echo \"```</details>\"\n").unwrap();

    let html_path = directory.path().join("plan.html");
    let mut plan = wedata_gitops();
    plan.args(["plan", "--format", "markdown"])
        .arg(&project)
        .args(["--endpoint", &endpoint, "--html-out"])
        .arg(&html_path);
    let output = run(plan).await;
    assert!(output.status.success(), "{}", stderr(&output));
    let markdown = stdout(&output);
    assert_comment_is_intact(&markdown, 2);
    assert!(
        markdown.contains("#lt;script#gt;alert#40;2#41;"),
        "the unmanaged task is context:\n{markdown}"
    );

    let page = std::fs::read_to_string(&html_path).unwrap();
    assert_eq!(
        page.matches("<script").count(),
        2,
        "only the data and the page's own script"
    );
    assert!(!page.contains("<img") && !page.contains("alert(2)</script>"));
    check_in_chromium(
        &html_path,
        "task.wf \"]</details> `x`.a\"]-->n2[\"pwned",
        &["pwned"],
    );

    // With --prune the hostile live name is deleted: the summary table must hold.
    let mut prune = wedata_gitops();
    prune
        .args(["plan", "--format", "markdown", "--prune"])
        .arg(&project)
        .args(["--endpoint", &endpoint]);
    let output = run(prune).await;
    assert!(output.status.success(), "{}", stderr(&output));
    let markdown = stdout(&output);
    assert_comment_is_intact(&markdown, 3);
    let table_rows = markdown
        .lines()
        .filter(|line| line.starts_with("| `"))
        .count();
    assert_eq!(table_rows, 3, "{markdown}");
    use pulldown_cmark::{Event, Parser, Tag};
    let mut cells_per_row = Vec::new();
    let mut in_head = false;
    for event in Parser::new_ext(&markdown, pulldown_cmark::Options::ENABLE_TABLES) {
        match event {
            // Header cells are not a row's: each table's head comes before its rows.
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(pulldown_cmark::TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => cells_per_row.push(0),
            Event::Start(Tag::TableCell) if !in_head && !cells_per_row.is_empty() => {
                *cells_per_row.last_mut().unwrap() += 1
            }
            _ => {}
        }
    }
    // The summary table has 4 cells, member tables 3, the downstream impact table 6: a
    // hostile name splitting a cell would show as another count.
    assert!(
        cells_per_row
            .iter()
            .all(|&cells| [3, 4, 6].contains(&cells)),
        "{cells_per_row:?}\n{markdown}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_html_report_shows_every_change_and_a_clicked_diff() {
    let (directory, project) = examples();
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

    let html_path = directory.path().join("plan.html");
    let json_path = directory.path().join("plan.json");
    let mut plan = wedata_gitops();
    plan.args(["plan", "--format", "html"])
        .arg(&project)
        .args(["--endpoint", &endpoint, "--out"])
        .arg(&json_path)
        .arg("--html-out")
        .arg(&html_path);
    let output = run(plan).await;
    assert!(output.status.success(), "{}", stderr(&output));
    let page = std::fs::read_to_string(&html_path).unwrap();
    assert_eq!(
        stdout(&output),
        page,
        "--format html prints the same page --html-out writes"
    );
    assert!(page.len() < 2 * 1024 * 1024);
    for remote in ["http://", "https://", "src=", "href=", "@import", "url("] {
        let hits: Vec<&str> = page
            .match_indices(remote)
            .map(|(at, _)| &page[at.saturating_sub(20)..(at + 40).min(page.len())])
            .collect();
        // The only url( is the SVG arrow marker's same-document reference.
        assert!(
            hits.iter().all(|hit| hit.contains("url(#")),
            "{remote}: {hits:?}"
        );
    }
    assert!(page.contains("Content-Security-Policy\" content=\"default-src 'none'"));

    // apply --plan takes only the JSON plan.
    let mut apply_html = wedata_gitops();
    apply_html
        .args(["apply", "--auto-approve", "--plan"])
        .arg(&html_path)
        .arg(&project)
        .args(["--endpoint", &endpoint]);
    let refused = run(apply_html).await;
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("is not a saved plan"),
        "{}",
        stderr(&refused)
    );

    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    let changed: Vec<String> = saved["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|resource| resource["action"] != "no_op")
        .map(|resource| resource["address"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        changed,
        ["task.orders.extract_orders", "task.orders.load_orders"]
    );
    let shown: Vec<String> = changed
        .iter()
        .map(|address| format!("data-address=\"{address}\""))
        .collect();
    let shown: Vec<&str> = shown.iter().map(String::as_str).collect();
    check_in_chromium(
        &html_path,
        "task.orders.extract_orders",
        &["gzip -9 -c", "class=\"add\""],
    );
    check_rendered_nodes(&html_path, &shown);
}

/// The Chromium binary, or `None` (with a loud message) when it is absent outside CI; in CI
/// (`CI` set) its absence fails the test, as `.ci/run` installs it.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .flat_map(|directory| {
                ["chromium", "chromium-browser", "google-chrome"].map(|name| directory.join(name))
            })
            .find(|candidate| candidate.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have Chromium: .ci/run installs it"
        );
        eprintln!(
            "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
        );
        eprintln!(
            "!!! SKIPPED the headless Chromium checks: no chromium on PATH.               !!!"
        );
        eprintln!(
            "!!! Install it (apt-get install -y chromium) to run them; CI always does.   !!!"
        );
        eprintln!(
            "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
        );
    }
    found
}

/// The page's DOM after load, with `fragment` in the URL, from headless Chromium.
fn dump_dom(browser: &Path, page: &Path, fragment: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let url = format!(
        "file://{}{fragment}",
        page.canonicalize().unwrap().display()
    );
    let output = std::process::Command::new("timeout")
        .arg("120")
        .arg(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .unwrap();
    assert!(output.status.success(), "chromium: {}", stderr(&output));
    stdout(&output)
}

/// The details panel of the page as Chromium shows it: `<aside id="details" ...>...</aside>`.
fn panel(dom: &str) -> &str {
    let start = dom
        .find("<aside id=\"details\"")
        .expect("the page has a details panel");
    let end = start + dom[start..].find("</aside>").expect("the panel closes");
    &dom[start..end]
}

/// Opens the page with `#select=<address>` (the page's script clicks that node on load) and
/// checks the panel then shows what `expected` says; without the fragment it shows none of it.
fn check_in_chromium(page: &Path, address: &str, expected: &[&str]) {
    let Some(browser) = chromium() else {
        return;
    };
    let untouched = dump_dom(&browser, page, "");
    for text in expected {
        assert!(
            !panel(&untouched).contains(text),
            "shown before any click: {text}"
        );
    }
    assert!(!untouched.contains("<img"), "no element from a name");
    let encoded: String = address
        .bytes()
        .map(|byte| {
            if byte.is_ascii_alphanumeric() || b"._-".contains(&byte) {
                (byte as char).to_string()
            } else {
                format!("%{byte:02X}")
            }
        })
        .collect();
    let clicked = dump_dom(&browser, page, &format!("#select={encoded}"));
    let shown = panel(&clicked);
    // The heading names the task: text is serialized with `&`, `<` and `>` escaped.
    let heading = address
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    assert!(
        shown.contains(&format!("{heading}</h2>")),
        "{heading} not in {shown}"
    );
    for text in expected {
        assert!(shown.contains(text), "{text} not in the panel: {shown}");
    }
    assert!(clicked.contains(" selected\""), "the node is highlighted");
    assert!(!clicked.contains("<img"), "no element from a name");
}

/// Every changed task is a drawn node in the page Chromium loaded.
fn check_rendered_nodes(page: &Path, attributes: &[&str]) {
    let Some(browser) = chromium() else {
        return;
    };
    let dom = dump_dom(&browser, page, "");
    let graph_start = dom.find("<div id=\"graph\">").unwrap();
    let graph_end = dom.find("<aside id=\"details\"").unwrap();
    let drawn = &dom[graph_start..graph_end];
    for attribute in attributes {
        let node = drawn
            .match_indices(attribute)
            .map(|(at, _)| &drawn[drawn[..at].rfind('<').unwrap()..at])
            .find(|tag| tag.starts_with("<g class=\"node update"));
        assert!(node.is_some(), "{attribute} is not a drawn node");
    }
}
