//! Which of the folders a plan needs exist in WeData: each level of a path is looked up among
//! the folders of its parent (ListWorkflowFolders / ListTaskFolders list one level), from the
//! root down, stopping at the first missing one (nothing below it can exist).
//!
//! Only reads. The plan decides what to create (`reconcile::folders`).

use std::collections::BTreeSet;

use crate::api::types::{ListTaskFoldersRequest, ListWorkflowFoldersRequest};
use crate::api::{ApiError, Client};
use crate::manifest::task_types::TASK_FOLDER_TYPES;

const PAGE_SIZE: u64 = 200;

/// What WeData has of the folders asked about.
#[derive(Debug, Clone, Default)]
pub struct Existing {
    pub workflow_folders: BTreeSet<String>,
    /// (workflow id, folder type, path) of task folders that exist.
    pub task_folders: BTreeSet<(String, String, String)>,
}

/// A task folder to look for: in a workflow, of a type (every type when unknown).
pub struct TaskFolderQuery<'a> {
    pub workflow_id: &'a str,
    pub folder_type: Option<&'a str>,
    pub path: &'a str,
}

/// `/a/b/` → `/a/b`; `` → `/`.
pub fn canonical(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
    format!("/{}", segments.join("/"))
}

/// Every level of a path below the root, outermost first: `/a/b` → `/a`, `/a/b`.
pub fn levels(path: &str) -> Vec<String> {
    let mut levels = Vec::new();
    let mut current = String::new();
    for segment in path.split('/').filter(|part| !part.is_empty()) {
        current = format!("{current}/{segment}");
        levels.push(current.clone());
    }
    levels
}

/// Reads what exists of every workflow folder path and task folder asked about.
pub async fn read(
    client: &Client,
    project_id: &str,
    workflow_paths: &[&str],
    task_folders: &[TaskFolderQuery<'_>],
) -> Result<Existing, ApiError> {
    let mut existing = Existing::default();
    for path in workflow_paths {
        let mut parent = "/".to_owned();
        for level in levels(path) {
            if !existing.workflow_folders.contains(&level) {
                let children = workflow_children(client, project_id, &parent).await?;
                let found = children.contains(&level);
                existing.workflow_folders.extend(children);
                if !found {
                    break;
                }
            }
            parent = level;
        }
    }
    for need in task_folders {
        let workflow_id = need.workflow_id.to_owned();
        let types: Vec<&str> = match need.folder_type {
            Some(folder_type) => vec![folder_type],
            None => TASK_FOLDER_TYPES.to_vec(),
        };
        for folder_type in types {
            let mut parent = "/".to_owned();
            for level in levels(need.path) {
                let key = (workflow_id.clone(), folder_type.to_owned(), level.clone());
                if !existing.task_folders.contains(&key) {
                    let children =
                        task_children(client, project_id, &workflow_id, folder_type, &parent)
                            .await?;
                    let found = children.contains(&level);
                    existing.task_folders.extend(
                        children
                            .into_iter()
                            .map(|path| (workflow_id.clone(), folder_type.to_owned(), path)),
                    );
                    if !found {
                        break;
                    }
                }
                parent = level;
            }
        }
    }
    Ok(existing)
}

async fn workflow_children(
    client: &Client,
    project_id: &str,
    parent: &str,
) -> Result<BTreeSet<String>, ApiError> {
    let mut paths = BTreeSet::new();
    let mut page = 1;
    loop {
        let data = client
            .send(&ListWorkflowFoldersRequest {
                project_id: project_id.to_owned(),
                parent_folder_path: parent.to_owned(),
                page_number: Some(page),
                page_size: Some(PAGE_SIZE),
            })
            .await?
            .data
            .unwrap_or_default();
        paths.extend(
            data.items
                .unwrap_or_default()
                .into_iter()
                .filter_map(|folder| folder.folder_path),
        );
        if page >= data.total_page_number.unwrap_or(0) {
            return Ok(paths);
        }
        page += 1;
    }
}

async fn task_children(
    client: &Client,
    project_id: &str,
    workflow_id: &str,
    folder_type: &str,
    parent: &str,
) -> Result<BTreeSet<String>, ApiError> {
    let mut paths = BTreeSet::new();
    let mut page = 1;
    loop {
        let data = client
            .send(&ListTaskFoldersRequest {
                project_id: project_id.to_owned(),
                parent_task_folder_path: parent.to_owned(),
                workflow_id: workflow_id.to_owned(),
                task_folder_type: folder_type.to_owned(),
                page_number: Some(page),
                page_size: Some(PAGE_SIZE),
            })
            .await?
            .data
            .unwrap_or_default();
        paths.extend(
            data.items
                .unwrap_or_default()
                .into_iter()
                .filter_map(|folder| folder.task_folder_path),
        );
        if page >= data.total_page_number.unwrap_or(0) {
            return Ok(paths);
        }
        page += 1;
    }
}
