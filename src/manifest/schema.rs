//! JSON Schemas (draft-07, for editors' YAML language servers) generated from the manifest
//! types, written to `schemas/`. A test fails when the checked-in files are stale.

use schemars::generate::SchemaSettings;

use super::types::{
    PeriodicTaskManifest, PeriodicWorkflowManifest, ProjectFile, TriggerTaskManifest,
    TriggerWorkflowManifest,
};

/// (file name, schema JSON) for every schema in `schemas/`.
pub fn all() -> Vec<(&'static str, String)> {
    let generator = || SchemaSettings::draft07().into_generator();
    let mut project = generator().into_root_schema_for::<ProjectFile>();
    project.insert(
        "title".into(),
        "wedata-gitops project file (wedata.yaml)".into(),
    );
    let mut workflow = generator().into_root_schema_for::<TriggerWorkflowManifest>();
    restrict_kind(&mut workflow, "TriggerWorkflow");
    let mut task = generator().into_root_schema_for::<TriggerTaskManifest>();
    restrict_kind(&mut task, "TriggerTask");
    let mut periodic_workflow = generator().into_root_schema_for::<PeriodicWorkflowManifest>();
    restrict_kind(&mut periodic_workflow, "Workflow");
    let mut periodic_task = generator().into_root_schema_for::<PeriodicTaskManifest>();
    restrict_kind(&mut periodic_task, "Task");
    let manifest = serde_json::json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "wedata-gitops manifest (any kind)",
        "oneOf": [
            {"$ref": "trigger-workflow.json"},
            {"$ref": "trigger-task.json"},
            {"$ref": "workflow.json"},
            {"$ref": "task.json"}
        ]
    });
    let pretty = |value: &serde_json::Value| {
        serde_json::to_string_pretty(value).expect("schemas serialize") + "\n"
    };
    vec![
        ("project.json", pretty(&project.to_value())),
        ("trigger-workflow.json", pretty(&workflow.to_value())),
        ("trigger-task.json", pretty(&task.to_value())),
        ("workflow.json", pretty(&periodic_workflow.to_value())),
        ("task.json", pretty(&periodic_task.to_value())),
        ("manifest.json", pretty(&manifest)),
    ]
}

fn restrict_kind(schema: &mut schemars::Schema, kind: &str) {
    schema.insert(
        "title".into(),
        format!("wedata-gitops {kind} manifest").into(),
    );
    if let Some(properties) = schema
        .get_mut("properties")
        .and_then(|value| value.as_object_mut())
    {
        properties.insert("kind".into(), serde_json::json!({"const": kind}));
    }
}
