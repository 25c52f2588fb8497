//! `schemas/` holds the JSON Schemas generated from the manifest types. This test fails when
//! the files are stale; regenerate them with `UPDATE_SCHEMAS=1 cargo test --test schemas`.

use std::path::Path;

#[test]
fn schemas_directory_matches_the_manifest_types() {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    let update = std::env::var_os("UPDATE_SCHEMAS").is_some();
    for (name, text) in wedata_gitops::manifest::schema::all() {
        let path = directory.join(name);
        if update {
            std::fs::create_dir_all(&directory).unwrap();
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            current == text,
            "schemas/{name} is stale: run `UPDATE_SCHEMAS=1 cargo test --test schemas` and commit the result"
        );
    }
}

#[test]
fn schemas_are_draft_07_and_know_the_kinds() {
    let schemas = wedata_gitops::manifest::schema::all();
    for (name, text) in &schemas {
        let schema: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            schema["$schema"], "http://json-schema.org/draft-07/schema#",
            "{name}"
        );
    }
    let task: serde_json::Value = serde_json::from_str(&schemas[2].1).unwrap();
    assert_eq!(task["properties"]["kind"]["const"], "TriggerTask");
    assert!(task["properties"]["scheduler"].is_object());
    assert_eq!(
        task["additionalProperties"], false,
        "unknown keys are errors in editors too"
    );
}
