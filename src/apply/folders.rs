//! Creating the folders a plan lists (`workflow_folder` / `task_folder` resources), before the
//! workflows and tasks that depend on them. What to create is read from the plan resource
//! only: its `path` and `task_folder_type` members, and for a task folder the id of its
//! workflow (known, or created earlier in this run).

use super::execute::{Context, Done, Failure};
use crate::api::types::{
    CreateTaskFolderRequest, CreateWorkflowFolderRequest, ListTaskFoldersRequest,
    ListWorkflowFoldersRequest,
};
use crate::reconcile::plan::workflow_address;
use crate::reconcile::{Action, ResourceChange, ResourceKind};

/// Attempts while the outcome of a create stays unknown (each followed by a lookup).
const UNKNOWN_OUTCOME_ATTEMPTS: usize = 4;

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
    let project_id = context.project.settings.project_id.clone();
    let path = member(node, "path")?.to_owned();
    let (parent, name) = split(&path)?;
    let client = context.client;
    let mut attempts = 0;
    let id = match node.kind {
        ResourceKind::WorkflowFolder => loop {
            attempts += 1;
            let request = CreateWorkflowFolderRequest {
                project_id: project_id.clone(),
                parent_folder_path: parent.clone(),
                folder_name: name.clone(),
            };
            match client.send(&request).await {
                Ok(response) => {
                    break response.data.and_then(|data| data.folder_id);
                }
                Err(error) if error.is_outcome_unknown() && attempts < UNKNOWN_OUTCOME_ATTEMPTS => {
                    // The create may have happened: look before creating again.
                    let listed = client
                        .send(&ListWorkflowFoldersRequest {
                            project_id: project_id.clone(),
                            parent_folder_path: parent.clone(),
                            page_number: Some(1),
                            page_size: Some(200),
                        })
                        .await?;
                    let found = listed
                        .data
                        .and_then(|page| page.items)
                        .unwrap_or_default()
                        .into_iter()
                        .find(|folder| folder.folder_path.as_deref() == Some(path.as_str()));
                    if let Some(folder) = found {
                        break folder.folder_id;
                    }
                }
                Err(error) => return Err(error.into()),
            }
        },
        ResourceKind::TaskFolder => {
            let folder_type = member(node, "task_folder_type")?.to_owned();
            let workflow = node
                .workflow
                .as_deref()
                .ok_or_else(|| format!("{} names no workflow", node.address))?;
            // A declared workflow by its address; a task's `workflow: {id: ...}` is its id.
            let known = context
                .ids
                .lock()
                .expect("ids lock")
                .get(&workflow_address(workflow))
                .cloned();
            let workflow_id = known
                .or_else(|| {
                    context
                        .live
                        .iter()
                        .any(|live| live.id == workflow)
                        .then(|| workflow.to_owned())
                })
                .ok_or_else(|| {
                    format!("the workflow {workflow} has no id (was its create skipped?)")
                })?;
            loop {
                attempts += 1;
                let request = CreateTaskFolderRequest {
                    project_id: project_id.clone(),
                    parent_task_folder_path: parent.clone(),
                    task_folder_name: name.clone(),
                    task_folder_type: folder_type.clone(),
                    workflow_id: workflow_id.clone(),
                };
                match client.send(&request).await {
                    Ok(response) => break response.data.and_then(|data| data.task_folder_id),
                    Err(error)
                        if error.is_outcome_unknown() && attempts < UNKNOWN_OUTCOME_ATTEMPTS =>
                    {
                        let listed = client
                            .send(&ListTaskFoldersRequest {
                                project_id: project_id.clone(),
                                parent_task_folder_path: parent.clone(),
                                workflow_id: workflow_id.clone(),
                                task_folder_type: folder_type.clone(),
                                page_number: Some(1),
                                page_size: Some(200),
                            })
                            .await?;
                        let found = listed
                            .data
                            .and_then(|page| page.items)
                            .unwrap_or_default()
                            .into_iter()
                            .find(|folder| {
                                folder.task_folder_path.as_deref() == Some(path.as_str())
                            });
                        if let Some(folder) = found {
                            break folder.task_folder_id;
                        }
                    }
                    Err(error) => return Err(error.into()),
                }
            }
        }
        other => return Err(format!("{} is not a folder", other.label()).into()),
    };
    Ok(Done { id, version: None })
}
