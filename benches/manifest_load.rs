//! Loading and validating 10,000 generated manifests (with code files), the size of a large
//! organisation's repository. Run with `cargo bench --bench manifest_load`; the figure is
//! recorded in docs/performance.md.

use std::time::{Duration, Instant};

use wedata_gitops::manifest::{LoadOptions, load};

const WORKFLOWS: usize = 100;
const TASKS_PER_WORKFLOW: usize = 100;

fn main() {
    let directory = tempfile::tempdir().expect("temporary directory");
    let root = directory.path();
    std::fs::write(
        root.join("wedata.yaml"),
        "project_id: \"1460947878944567296\"\nregion: ap-guangzhou\n",
    )
    .unwrap();
    for workflow in 0..WORKFLOWS {
        let folder = root.join(format!("workflow_{workflow:03}"));
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(
            folder.join("workflow.yaml"),
            format!("kind: TriggerWorkflow\nname: workflow_{workflow:03}\n"),
        )
        .unwrap();
        for task in 0..TASKS_PER_WORKFLOW {
            let upstream = if task == 0 {
                String::new()
            } else {
                format!("  upstream: [task_{:03}]\n", task - 1)
            };
            let manifest = format!(
                "kind: TriggerTask\nname: task_{task:03}\nworkflow: workflow_{workflow:03}\nbase:\n  task_type: Shell\n  owner_uin: \"100028579801\"\n  description: generated task {task}\nconfiguration:\n  code_file: task_{task:03}.sh\n  ext: {{specLabel: small}}\nscheduler:\n{upstream}  max_retries: 3\n  params_out: {{day: \"$[yyyyMMdd]\"}}\n"
            );
            std::fs::write(folder.join(format!("task_{task:03}.yaml")), manifest).unwrap();
            std::fs::write(
                folder.join(format!("task_{task:03}.sh")),
                format!("#!/bin/bash\necho task {task}\n"),
            )
            .unwrap();
        }
    }
    let mut timings = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let project = load(root, &LoadOptions::default()).expect("generated manifests are valid");
        timings.push(started.elapsed());
        assert_eq!(project.tasks.len(), WORKFLOWS * TASKS_PER_WORKFLOW);
    }
    timings.sort();
    let median = timings[timings.len() / 2];
    let budget = Duration::from_secs(1);
    println!(
        "manifest_load: {} manifests + {} code files: median {:.0} ms (best {:.0} ms) = {:.2} of the 1 s budget",
        WORKFLOWS * TASKS_PER_WORKFLOW + WORKFLOWS,
        WORKFLOWS * TASKS_PER_WORKFLOW,
        median.as_secs_f64() * 1000.0,
        timings[0].as_secs_f64() * 1000.0,
        median.as_secs_f64() / budget.as_secs_f64()
    );
}
