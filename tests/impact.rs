//! Downstream impact end to end: a task in another workflow, made outside the manifests, that
//! depends on a managed task. Changing the managed task shows it in every plan format;
//! deleting the managed task (with --prune) is refused until allowed; the lookups are cached
//! by TaskId and LastUpdateTime, but a deletion's are always read fresh; `--impact` bounds the
//! walk.

mod common;

use std::path::Path;

use common::*;
use serde_json::{Value, json};

/// The examples applied, then `bi_team/bi_refresh` (owner 100028660434) created by hand in a
/// workflow of its own, downstream of the managed `orders/publish_orders_ready`.
async fn examples_with_an_outside_consumer() -> AppliedExamples {
    let setup = AppliedExamples::new().await;
    let endpoint = setup.emulator.endpoint();
    let workflow = call(
        &endpoint,
        "CreateTriggerWorkflow",
        json!({"ProjectId": PROJECT_ID, "WorkflowName": "bi_team", "ParentFolderPath": "/"}),
    )
    .await;
    call(
        &endpoint,
        "CreateTriggerTask",
        json!({
            "ProjectId": PROJECT_ID,
            "TriggerTaskBaseAttribute": {"TaskName": "bi_refresh", "TaskTypeId": "35", "WorkflowId": workflow["Data"]["WorkflowId"], "OwnerUin": "100028660434"},
            "TriggerTaskConfiguration": {},
            "TriggerTaskSchedulerConfiguration": {"UpstreamDependencyConfigList": [{"TaskId": task_id_named(&setup.emulator, "publish_orders_ready")}]}
        }),
    )
    .await;
    setup
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// How many calls of `action` the emulator logged so far.
fn calls_of(log: &Path, action: &str) -> usize {
    log_lines(log)
        .iter()
        .filter(|line| line["action"] == action)
        .count()
}

fn filters() -> Vec<(&'static str, &'static str)> {
    vec![
        (r"\b\d{17}\b", "[TASK_ID]"),
        (r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", "[TIME]"),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn an_outside_task_downstream_shows_in_every_format_and_its_upstream_is_not_deleted_until_allowed()
 {
    let setup = examples_with_an_outside_consumer().await;
    let quality = setup.project.join("orders/quality_checks.yaml");
    edit(
        &quality,
        "dependency_trigger_policy: ALL_SUCCESS",
        "dependency_trigger_policy: ALL_DONE",
    );

    // Text: the risk first, the reach, and the outside task with its workflow, owner, depth.
    let text = run(setup.command(&["plan"])).await;
    assert!(text.status.success(), "{}", stderr(&text));
    let text = stdout(&text);
    insta::with_settings!({filters => filters()}, {
        insta::assert_snapshot!("impact_text", text);
    });
    assert!(text.contains("bi_team/bi_refresh"), "{text}");

    // JSON: the impact section carries every field.
    let json = run(setup.command(&["plan", "--format", "json"])).await;
    assert!(json.status.success(), "{}", stderr(&json));
    let plan: Value = serde_json::from_str(&stdout(&json)).unwrap();
    let outside: Vec<&Value> = plan["impact"]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|task| task["managed"] == false)
        .collect();
    assert_eq!(outside.len(), 1, "{}", plan["impact"]);
    assert_eq!(outside[0]["name"], "bi_refresh");
    assert_eq!(outside[0]["workflow"], "bi_team");
    assert_eq!(outside[0]["owner"], "100028660434");
    assert_eq!(outside[0]["depth"], 1);
    assert_eq!(
        outside[0]["reached_from"],
        json!(["task.orders.publish_orders_ready"])
    );
    assert_eq!(plan["risk"]["unmanaged_downstream"], 1);
    assert_eq!(plan["neighbours"][0]["name"], "bi_refresh");
    assert_eq!(
        plan["neighbours"][0]["depends_on"],
        json!(["task.orders.publish_orders_ready"])
    );

    // Markdown: it leads with the reach, and the outside task is in the table and the picture.
    let markdown = run(setup.command(&["plan", "--format", "markdown"])).await;
    assert!(markdown.status.success(), "{}", stderr(&markdown));
    let markdown = stdout(&markdown);
    assert!(
        markdown.starts_with(
            "### wedata-gitops plan\n\n**This change reaches 1 task outside this repository.**\n"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains("| 1 | `bi_refresh` | `bi_team` | `100028660434` | no |"),
        "{markdown}"
    );
    assert!(markdown.contains("n2[\"bi_refresh\"]") || markdown.contains("\"bi_refresh\"]"));

    // Deleting the managed task would leave bi_refresh without its upstream.
    std::fs::write(
        &quality,
        std::fs::read_to_string(&quality)
            .unwrap()
            .split("\n---\n")
            .next()
            .unwrap(),
    )
    .unwrap();
    let refused = run(setup.command(&["plan", "--prune"])).await;
    assert_eq!(refused.status.code(), Some(1), "{}", stdout(&refused));
    let message = stderr(&refused);
    assert!(
        message.contains("error[plan::orphaned_downstream]: deleting task.orders.publish_orders_ready would leave a task outside this repository without its upstream: bi_team/bi_refresh"),
        "{message}"
    );
    assert!(message.contains("--allow-orphaned-downstream"), "{message}");
    let refused_apply = run(setup.command(&["apply", "--prune", "--auto-approve"])).await;
    assert_eq!(refused_apply.status.code(), Some(1));
    assert!(stderr(&refused_apply).contains("plan::orphaned_downstream"));
    let writes_before = write_count(&setup.log);

    let allowed = run(setup.command(&[
        "plan",
        "--prune",
        "--allow-orphaned-downstream",
        "--format",
        "json",
    ]))
    .await;
    assert!(allowed.status.success(), "{}", stderr(&allowed));
    let plan: Value = serde_json::from_str(&stdout(&allowed)).unwrap();
    assert_eq!(plan["impact"]["orphans_allowed"], true);
    assert_eq!(plan["impact"]["orphaned"][0]["name"], "bi_refresh");
    assert_eq!(
        plan["impact"]["orphaned"][0]["upstream"],
        "task.orders.publish_orders_ready"
    );
    assert_eq!(plan["risk"]["orphaned_downstream"], 1);
    assert_eq!(
        write_count(&setup.log),
        writes_before,
        "refused applies and plans write nothing"
    );

    // Allowed, apply deletes it; bi_refresh stays, still naming the deleted TaskId.
    let deleted_id = task_id_named(&setup.emulator, "publish_orders_ready");
    let applied = run(setup.command(&[
        "apply",
        "--prune",
        "--allow-orphaned-downstream",
        "--auto-approve",
    ]))
    .await;
    assert!(applied.status.success(), "{}", stderr(&applied));
    let (published, consumer_upstream) = setup.emulator.with_store(|store| {
        let tasks = &store.projects[PROJECT_ID].trigger_tasks;
        let named = |name: &str| {
            tasks
                .values()
                .find(|stored| stored.task["TriggerTaskBaseAttribute"]["TaskName"] == name)
        };
        (
            named("publish_orders_ready").is_some(),
            named("bi_refresh").unwrap().task["TriggerTaskSchedulerConfiguration"]
                ["UpstreamDependencyConfigList"][0]["TaskId"]
                .clone(),
        )
    });
    assert!(!published);
    assert_eq!(consumer_upstream, json!(deleted_id));
}

/// The lookups of an update are served from the cache while the task's LastUpdateTime holds;
/// a deletion's are always read fresh, since a new downstream task does not move it.
#[tokio::test(flavor = "multi_thread")]
async fn lookups_are_cached_by_last_update_time_but_a_deletion_reads_fresh() {
    let setup = examples_with_an_outside_consumer().await;
    let quality = setup.project.join("orders/quality_checks.yaml");
    edit(
        &quality,
        "dependency_trigger_policy: ALL_SUCCESS",
        "dependency_trigger_policy: ALL_DONE",
    );
    let downstream = |log: &Path| calls_of(log, "ListDownstreamTriggerTasks");
    let first = downstream(&setup.log);
    let cold = run(setup.command(&["plan"])).await;
    assert!(cold.status.success());
    let cold_calls = downstream(&setup.log) - first;
    assert_eq!(
        cold_calls, 2,
        "publish_orders_ready, then bi_refresh one level down"
    );
    let warm = run(setup.command(&["plan"])).await;
    assert_eq!(stdout(&warm), stdout(&cold), "the same plan from the cache");
    assert_eq!(
        downstream(&setup.log) - first - cold_calls,
        1,
        "only bi_refresh, whose LastUpdateTime no list call gives, is read again"
    );
    let cache = setup.project.join(".wedata/cache");
    let impact_cache = std::fs::read_dir(&cache)
        .unwrap()
        .filter_map(Result::ok)
        .find(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .ends_with(".impact.json")
        })
        .expect("the impact cache beside the definition cache");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = impact_cache.metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // Deleting: the cached answer is not used.
    std::fs::write(
        &quality,
        std::fs::read_to_string(&quality)
            .unwrap()
            .split("\n---\n")
            .next()
            .unwrap(),
    )
    .unwrap();
    let before = downstream(&setup.log);
    let pruned = run(setup.command(&["plan", "--prune", "--allow-orphaned-downstream"])).await;
    assert!(pruned.status.success(), "{}", stderr(&pruned));
    assert_eq!(downstream(&setup.log) - before, 2);
}

/// `--impact off` reads nothing for updates, `direct` one level, `all` everything; the
/// mode is part of the plan, so a plan saved with one mode is not applied with another.
#[tokio::test(flavor = "multi_thread")]
async fn the_impact_mode_bounds_the_walk_and_is_part_of_the_pin() {
    let setup = examples_with_an_outside_consumer().await;
    edit(
        &setup.project.join("orders/extract_orders.yaml"),
        "max_retries: 3",
        "max_retries: 2",
    );
    let plan_with = |mode: &'static str| {
        let command = setup.command(&[
            "plan",
            "--format",
            "json",
            "--impact",
            mode,
            "--refresh",
            "full",
        ]);
        async move {
            let output = run(command).await;
            assert!(output.status.success(), "{}", stderr(&output));
            serde_json::from_str::<Value>(&stdout(&output)).unwrap()
        }
    };
    let off = plan_with("off").await;
    assert_eq!(off["impact"]["mode"], "off");
    assert_eq!(off["impact"]["lookups"], 0);
    assert!(off["impact"].get("tasks").is_none());
    let direct = plan_with("direct").await;
    let depths: Vec<u64> = direct["impact"]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|task| task["depth"].as_u64().unwrap())
        .collect();
    assert!(depths.iter().all(|depth| *depth == 1), "{depths:?}");
    assert_eq!(direct["impact"]["lookups"], 1);
    assert_eq!(direct["impact"]["complete"], false);
    let all = plan_with("all").await;
    assert_eq!(all["impact"]["complete"], true);
    let names: Vec<&str> = all["impact"]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|task| task["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"bi_refresh"),
        "four levels down, outside the repository: {names:?}"
    );

    let saved = setup.project.join("plan.json");
    let save =
        run(setup.command(&["plan", "--impact", "all", "--out", saved.to_str().unwrap()])).await;
    assert!(save.status.success());
    let message = stderr(&save);
    assert!(
        message.contains("apply ")
            && message.contains(" --impact all ")
            && message.contains(" --plan "),
        "{message}"
    );
    let mismatch =
        run(setup.command(&["apply", "--auto-approve", "--plan", saved.to_str().unwrap()])).await;
    assert_eq!(mismatch.status.code(), Some(1));
    assert!(
        stderr(&mismatch).contains("it was saved with --impact all, this run uses --impact auto"),
        "{}",
        stderr(&mismatch)
    );
    let applied = run(setup.command(&[
        "apply",
        "--auto-approve",
        "--impact",
        "all",
        "--plan",
        saved.to_str().unwrap(),
    ]))
    .await;
    assert!(applied.status.success(), "{}", stderr(&applied));
}
