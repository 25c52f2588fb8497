//! No input makes the loader panic: random bytes and mangled manifests always end in a
//! located error or a project.

use proptest::prelude::*;
use wedata_gitops::manifest::{LoadOptions, load};

fn load_text(text: &[u8]) {
    let directory = tempfile::tempdir().unwrap();
    std::fs::write(directory.path().join("wedata.yaml"), "project_id: \"1\"\n").unwrap();
    std::fs::write(directory.path().join("task.yaml"), text).unwrap();
    let _ = load(directory.path(), &LoadOptions::default());
}

const VALID: &str = "kind: TriggerTask\nname: extract\nworkflow: orders\nbase:\n  task_type: Shell\nscheduler:\n  upstream: [a, {id: \"1\"}]\n  params_in:\n    - {key: k, from_task: a, from_key: k}\n";

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        load_text(&bytes);
    }

    #[test]
    fn mangled_manifests_never_panic(cut in 0..VALID.len(), insert in "[-:\\[\\]{}&*!|>'\"#\\t\\n a-z0-9]{0,12}") {
        let mut text = VALID.as_bytes()[..cut].to_vec();
        text.extend_from_slice(insert.as_bytes());
        text.extend_from_slice(&VALID.as_bytes()[cut..]);
        load_text(&text);
    }
}
