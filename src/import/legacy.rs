//! Manifests for tasks read through the legacy 2021-08-20 API, for a legacy project: each
//! pinned with `id:`, naming its workflow, holding only the members the legacy API can
//! round-trip (`manifest::legacy::UNSUPPORTED_MEMBERS` are left out, as WeData keeps their
//! values) plus `scheduler.legacy` where it differs from the defaults. No code files (the
//! legacy API carries no code) and no workflow documents (it cannot manage workflows).
//! Pure: takes what `live::legacy` read and the folders chosen, returns files to write.

use std::collections::HashMap;
use std::path::PathBuf;

use serde_json::{Map, Value, json};

use super::names::{self, Claim};
use super::yaml::to_yaml;
use super::{ImportedFile, add_periodic_members, task_document};
use crate::api::legacy::TaskDsDTO;
use crate::manifest::legacy::{UNSUPPORTED_MEMBERS, UNSUPPORTED_STRATEGY_MEMBERS};
use crate::model::legacy::{as_periodic_task, legacy_members};
use crate::model::live::common_view;
use crate::model::normalize::default_for;

/// One manifest per task, in its workflow's folder (`folders`, by WorkflowId; chosen by
/// `destination`), named by `names::task_stems` per folder. Upstreams among the imported tasks
/// of the same workflow are written by name, others as `{id: ...}`.
pub fn task_files(details: &[TaskDsDTO], folders: &HashMap<String, String>) -> Vec<ImportedFile> {
    let workflow_id = |detail: &TaskDsDTO| detail.workflow_id.clone().unwrap_or_default();
    let mut names_by_workflow: HashMap<String, HashMap<String, String>> = HashMap::new();
    for detail in details {
        if let (Some(id), Some(name)) = (&detail.task_id, &detail.task_name) {
            names_by_workflow
                .entry(workflow_id(detail))
                .or_default()
                .insert(id.clone(), name.clone());
        }
    }
    let mut files = Vec::new();
    let mut workflow_ids: Vec<String> = details.iter().map(workflow_id).collect();
    workflow_ids.sort();
    workflow_ids.dedup();
    for current in workflow_ids {
        let in_workflow: Vec<&TaskDsDTO> = details
            .iter()
            .filter(|detail| workflow_id(detail) == current)
            .collect();
        let task_names: Vec<String> = in_workflow
            .iter()
            .map(|detail| detail.task_name.clone().unwrap_or_default())
            .collect();
        let claims: Vec<(Claim<'_>, Option<&str>)> = in_workflow
            .iter()
            .zip(&task_names)
            .map(|(detail, name)| {
                let id = detail.task_id.as_deref().unwrap_or_default();
                (Claim { id, name }, None)
            })
            .collect();
        let stems = names::task_stems(&claims);
        let folder = PathBuf::from(&folders[&current]);
        let names_by_id = names_by_workflow.get(&current).cloned().unwrap_or_default();
        for (detail, stem) in in_workflow.into_iter().zip(stems) {
            let workflow_name = detail.workflow_name.clone().unwrap_or_default();
            files.push(ImportedFile {
                path: folder.join(format!("{stem}.yaml")),
                text: to_yaml(&task_document_for(detail, &workflow_name, &names_by_id)),
            });
        }
    }
    files.sort_by(|left, right| left.path.cmp(&right.path));
    files
}

fn task_document_for(
    detail: &TaskDsDTO,
    workflow_name: &str,
    names_by_id: &HashMap<String, String>,
) -> Value {
    let periodic = as_periodic_task(detail);
    let mut document = task_document(workflow_name, &common_view(&periodic), None, names_by_id);
    add_periodic_members(&mut document, &periodic, names_by_id);
    for (path, _) in UNSUPPORTED_MEMBERS {
        remove_path(&mut document, path);
    }
    if let Some(Value::Object(scheduler)) = document.get_mut("scheduler") {
        for upstream in scheduler
            .get_mut("upstream")
            .and_then(Value::as_array_mut)
            .into_iter()
            .flatten()
        {
            if let Some(Value::Object(strategy)) = upstream.get_mut("dependency_strategy") {
                for member in UNSUPPORTED_STRATEGY_MEMBERS {
                    strategy.shift_remove(member);
                }
            }
        }
        let legacy = legacy_section(detail);
        if !legacy.is_empty() {
            scheduler.insert("legacy".into(), Value::Object(legacy));
        }
    }
    // kind, name, id, workflow first: what a reader looks for.
    let mut ordered = Map::new();
    for key in ["kind", "name"] {
        if let Some(value) = document.shift_remove(key) {
            ordered.insert(key.into(), value);
        }
    }
    ordered.insert(
        "id".into(),
        json!(detail.task_id.clone().unwrap_or_default()),
    );
    ordered.extend(document);
    Value::Object(ordered)
}

/// Removes `path` (and a section it leaves empty).
fn remove_path(document: &mut Map<String, Value>, path: &[&str]) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut current = &mut *document;
    for parent in parents {
        match current.get_mut(*parent) {
            Some(Value::Object(map)) => current = map,
            _ => return,
        }
    }
    current.shift_remove(*last);
    if let [section] = parents {
        if document
            .get(*section)
            .and_then(Value::as_object)
            .is_some_and(Map::is_empty)
        {
            document.shift_remove(*section);
        }
    }
}

/// `scheduler.legacy`: ModifyTaskInfo's own members that differ from their defaults.
fn legacy_section(detail: &TaskDsDTO) -> Map<String, Value> {
    legacy_members(detail)
        .into_iter()
        .filter_map(|(key, value)| {
            let value = value?;
            let is_default = default_for(&format!("scheduler.legacy.{key}"))
                .is_some_and(|default| default == value)
                || value == json!("");
            (!is_default).then(|| (key.to_owned(), value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removing_a_member_drops_a_section_it_empties() {
        let mut document = json!({"base": {"folder_path": "/x"}, "scheduler": {"a": 1, "b": 2}})
            .as_object()
            .unwrap()
            .clone();
        remove_path(&mut document, &["base", "folder_path"]);
        remove_path(&mut document, &["scheduler", "a"]);
        remove_path(&mut document, &["missing", "member"]);
        assert_eq!(Value::Object(document), json!({"scheduler": {"b": 2}}));
    }
}
