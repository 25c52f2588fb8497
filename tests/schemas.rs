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

/// The project file's schema covers `policies:`, for the project and for each target, with
/// every rule and unknown keys refused.
#[test]
fn the_project_schema_covers_the_policies_section() {
    let schemas = wedata_gitops::manifest::schema::all();
    let (_, text) = schemas
        .iter()
        .find(|(name, _)| *name == "project.json")
        .unwrap();
    let schema: serde_json::Value = serde_json::from_str(text).unwrap();
    let policies = &schema["definitions"]["Policies"];
    assert_eq!(policies["additionalProperties"], false);
    for rule in [
        "owner_required",
        "owner_allowed",
        "owner_change",
        "description_required",
        "task_name",
        "workflow_name",
        "max_retries",
        "retry_wait_minutes",
        "run_priority",
        "execution_ttl_minutes",
        "wait_execution_total_ttl_minutes",
        "task_types",
        "code_file_size",
        "protected",
    ] {
        assert!(policies["properties"][rule].is_object(), "{rule}");
    }
    let severities: Vec<&str> = schema["definitions"]["RuleSeverity"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|variant| variant["const"].as_str().unwrap())
        .collect();
    assert_eq!(severities, ["error", "warn", "off"]);
    assert!(schema["properties"]["policies"].is_object());
    assert!(schema["definitions"]["Target"]["properties"]["policies"].is_object());
}
