//! Creating the folders a plan lists (`workflow_folder` / `task_folder` resources), before the
//! workflows and tasks that depend on them. What to create is read from the plan resource
//! only: its `path` and `task_folder_type` members, and for a task folder the id of its
//! workflow (known, or created earlier in this run).
//!
//! A create whose outcome is unknown, or that WeData refuses, is followed by a lookup: a
//! folder that exists now (made by that create, or by a concurrent run) is what the plan
//! wanted, so it counts as done.

use super::execute::{Context, Done, Failure};
use crate::api::types::{
    CreateTaskFolderRequest, CreateWorkflowFolderRequest, ListTaskFoldersRequest,
    ListWorkflowFoldersRequest,
};
use crate::api::{ApiError, Client};
use crate::reconcile::plan::workflow_address;
use crate::reconcile::{Action, ResourceChange, ResourceKind};

/// Attempts while the outcome of a create stays unknown (each followed by a lookup).
const UNKNOWN_OUTCOME_ATTEMPTS: usize = 4;

/// Where a folder goes and how it is created and found.
enum Folder {
    Workflow,
    Task {
        workflow_id: String,
        folder_type: String,
    },
}

fn member<'a>(node: &'a ResourceChange, name: &str) -> Result<&'a str, Failure> {
    node.changes
        .iter()
        .find(|change| change.member == name)
        .and_then(|change| change.after.as_str())
        .ok_or_else(|| format!("{} has no {name} in the plan", node.address).into())
}

/// `/a/b` → (`/a`, `b`); `/a` → (`/`, `a`).
fn split(path: &str) -> Result<(String, String), Failure> {
    let (parent, name) = path
        .rsplit_once('/')
        .filter(|(_, name)| !name.is_empty())
        .ok_or_else(|| format!("`{path}` is not a folder path"))?;
    Ok((
        if parent.is_empty() { "/" } else { parent }.to_owned(),
        name.to_owned(),
    ))
}

pub(super) async fn run_folder(
    context: &Context<'_>,
    node: &ResourceChange,
) -> Result<Done, Failure> {
    if node.action != Action::Create {
        return Err(format!("a folder can only be created, not {:?}d", node.action).into());
    }
    let project_id = context.project.settings.project_id.as_str();
    let path = member(node, "path")?;
    let (parent, name) = split(path)?;
    let folder = match node.kind {
        ResourceKind::WorkflowFolder => Folder::Workflow,
        ResourceKind::TaskFolder => Folder::Task {
            workflow_id: task_folder_workflow(context, node)?,
            folder_type: member(node, "task_folder_type")?.to_owned(),
        },
        other => return Err(format!("{} is not a folder", other.label()).into()),
    };
    let client = context.client;
    let mut attempts = 0;
    loop {
        attempts += 1;
        let error = match create(client, project_id, &folder, &parent, &name).await {
            Ok(id) => return Ok(Done { id, version: None }),
            Err(error) => error,
        };
        if let Some(id) = find(client, project_id, &folder, &parent, path).await? {
            return Ok(Done { id, version: None });
        }
        if !(error.is_outcome_unknown() && attempts < UNKNOWN_OUTCOME_ATTEMPTS) {
            return Err(error.into());
        }
    }
}

/// The WorkflowId a task folder is created in: a declared workflow by its address, or a
/// task's `workflow: {id: ...}` (the plan addresses that workflow by its id).
fn task_folder_workflow(context: &Context<'_>, node: &ResourceChange) -> Result<String, Failure> {
    let workflow = node
        .workflow
        .as_deref()
        .ok_or_else(|| format!("{} names no workflow", node.address))?;
    let known = context
        .ids
        .lock()
        .expect("ids lock")
        .get(&workflow_address(workflow))
        .cloned();
    known
        .or_else(|| {
            context
                .live
                .iter()
                .any(|live| live.id == workflow)
                .then(|| workflow.to_owned())
        })
        .ok_or_else(|| {
            format!("the workflow {workflow} has no id (was its create skipped?)").into()
        })
}

async fn create(
    client: &Client,
    project_id: &str,
    folder: &Folder,
    parent: &str,
    name: &str,
) -> Result<Option<String>, ApiError> {
    Ok(match folder {
        Folder::Workflow => client
            .send(&CreateWorkflowFolderRequest {
                project_id: project_id.to_owned(),
                parent_folder_path: parent.to_owned(),
                folder_name: name.to_owned(),
            })
            .await?
            .data
            .and_then(|data| data.folder_id),
        Folder::Task {
            workflow_id,
            folder_type,
        } => client
            .send(&CreateTaskFolderRequest {
                project_id: project_id.to_owned(),
                parent_task_folder_path: parent.to_owned(),
                task_folder_name: name.to_owned(),
                task_folder_type: folder_type.clone(),
                workflow_id: workflow_id.clone(),
            })
            .await?
            .data
            .and_then(|data| data.task_folder_id),
    })
}

/// The folder's id when it exists now (one page of its parent's children: a parent listed
/// with more than 200 folders is not searched further, and the create's error stands).
async fn find(
    client: &Client,
    project_id: &str,
    folder: &Folder,
    parent: &str,
    path: &str,
) -> Result<Option<Option<String>>, ApiError> {
    Ok(match folder {
        Folder::Workflow => client
            .send(&ListWorkflowFoldersRequest {
                project_id: project_id.to_owned(),
                parent_folder_path: parent.to_owned(),
                page_number: Some(1),
                page_size: Some(200),
            })
            .await?
            .data
            .and_then(|page| page.items)
            .unwrap_or_default()
            .into_iter()
            .find(|found| found.folder_path.as_deref() == Some(path))
            .map(|found| found.folder_id),
        Folder::Task {
            workflow_id,
            folder_type,
        } => client
            .send(&ListTaskFoldersRequest {
                project_id: project_id.to_owned(),
                parent_task_folder_path: parent.to_owned(),
                workflow_id: workflow_id.clone(),
                task_folder_type: folder_type.clone(),
                page_number: Some(1),
                page_size: Some(200),
            })
            .await?
            .data
            .and_then(|page| page.items)
            .unwrap_or_default()
            .into_iter()
            .find(|found| found.task_folder_path.as_deref() == Some(path))
            .map(|found| found.task_folder_id),
    })
}
