//! Workflow folders (`CreateWorkflowFolder` / `ListWorkflowFolders`) and task folders
//! (`CreateTaskFolder` / `ListTaskFolders`), as the official examples show them: a folder is
//! created under an existing parent (`ParentFolderPath` 父文件夹绝对路径, root `/`), a list
//! shows the direct children of one parent, with the folder's absolute path; task folders
//! belong to one workflow and one category (`TaskFolderType`).
//!
//! Where a folder must exist: TaskFolderPath's document says a task in a folder that does not
//! exist fails until the folder is created with CreateTaskFolder; ParentFolderPath of
//! CreateWorkflow / CreateTriggerWorkflow is the folder the workflow belongs to (所属文件夹路径),
//! which the emulator also requires to exist (the stricter reading: a client that creates its
//! folders first works either way). Every project has the root and the console's default
//! folder `/默认文件夹`, in which the official CreateTriggerWorkflow example creates its
//! workflow. The task folder category of a task is not something the API documents per task
//! type, so a task's folder must exist in its workflow in any category.

use serde_json::{Value, json};

use super::{EMULATED_USER_UIN, Failure, Project, Store, failure, page, text};

/// The folder every project has besides the root (the official examples create in it).
pub const DEFAULT_WORKFLOW_FOLDER: &str = "/默认文件夹";

/// CreateTaskFolder's TaskFolderType table.
const TASK_FOLDER_TYPES: [&str; 9] = [
    "ETL",
    "EMR",
    "DLC",
    "SETATS",
    "TDSQL",
    "TCHOUSE",
    "GENERAL",
    "TI_ONE",
    "ACROSS_WORKFLOWS",
];

fn task_folder_key(workflow_id: &str, folder_type: &str, path: &str) -> String {
    format!("{workflow_id}|{folder_type}|{path}")
}

/// `parent` + `name` as an absolute path, or why the name cannot be a folder's.
fn child_path(parent: &str, name: &str, member: &str) -> Result<String, Failure> {
    if name.is_empty() || name.contains('/') || name == "." || name == ".." {
        return Err(failure(
            "InvalidParameterValue",
            format!("`{member}` must be a folder name without `/`, not `{name}`."),
        ));
    }
    Ok(format!("{}/{name}", parent.trim_end_matches('/')))
}

/// Whether `path` is a workflow folder of the project.
pub(super) fn workflow_folder_exists(project: &Project, path: &str) -> bool {
    let path = path.trim_end_matches('/');
    path.is_empty()
        || path == DEFAULT_WORKFLOW_FOLDER
        || project.workflow_folders.contains_key(path)
}

/// Refuses a workflow create in a folder that does not exist.
pub(super) fn check_workflow_folder(project: &Project, path: &str) -> Result<(), Failure> {
    if workflow_folder_exists(project, path) {
        return Ok(());
    }
    Err(failure(
        "ResourceNotFound",
        format!("The folder `{path}` does not exist; create it with CreateWorkflowFolder first."),
    ))
}

/// Refuses a task in a task folder its workflow does not have (in any category).
pub(super) fn check_task_folder(
    project: &Project,
    workflow_id: &str,
    path: Option<&str>,
) -> Result<(), Failure> {
    let Some(path) = path.map(|path| path.trim_end_matches('/')) else {
        return Ok(());
    };
    if path.is_empty() {
        return Ok(());
    }
    let exists = TASK_FOLDER_TYPES.iter().any(|folder_type| {
        project
            .task_folders
            .contains_key(&task_folder_key(workflow_id, folder_type, path))
    });
    if exists {
        return Ok(());
    }
    Err(failure(
        "ResourceNotFound",
        format!(
            "The task folder `{path}` does not exist in workflow {workflow_id}; create it with CreateTaskFolder first."
        ),
    ))
}

impl Store {
    pub(super) fn create_workflow_folder(
        &mut self,
        project_id: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let parent = text(body, "ParentFolderPath").to_owned();
        let path = child_path(&parent, text(body, "FolderName"), "FolderName")?;
        let project = self.project(project_id);
        if !workflow_folder_exists(project, &parent) {
            return Err(failure(
                "ResourceNotFound",
                format!("The parent folder `{parent}` does not exist."),
            ));
        }
        if workflow_folder_exists(project, &path) {
            return Err(failure(
                "InvalidParameter.DuplicateName",
                format!("A folder `{path}` already exists in this project."),
            ));
        }
        let folder_id = uuid::Uuid::new_v4().to_string();
        project.workflow_folders.insert(
            path.clone(),
            json!({
                "ProjectId": project_id,
                "FolderId": folder_id,
                "FolderPath": path,
                "CreateUserUin": EMULATED_USER_UIN,
            }),
        );
        Ok(json!({"Data": {"FolderId": folder_id}}))
    }

    pub(super) fn list_workflow_folders(
        &mut self,
        project_id: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let parent = text(body, "ParentFolderPath")
            .trim_end_matches('/')
            .to_owned();
        let project = self.project(project_id);
        let mut items: Vec<Value> = project
            .workflow_folders
            .iter()
            .filter(|(path, _)| is_child(path, &parent))
            .map(|(_, folder)| folder.clone())
            .collect();
        if parent.is_empty() {
            items.insert(
                0,
                json!({
                    "ProjectId": project_id,
                    "FolderId": "default",
                    "FolderPath": DEFAULT_WORKFLOW_FOLDER,
                    "CreateUserUin": null,
                }),
            );
        }
        page(items, body).map(|data| json!({"Data": data}))
    }

    pub(super) fn create_task_folder(
        &mut self,
        project_id: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let workflow_id = text(body, "WorkflowId").to_owned();
        let folder_type = task_folder_type(body)?;
        let parent = text(body, "ParentTaskFolderPath")
            .trim_end_matches('/')
            .to_owned();
        let path = child_path(&parent, text(body, "TaskFolderName"), "TaskFolderName")?;
        let project = self.project(project_id);
        if !project.workflows.contains_key(&workflow_id)
            && !project.periodic_workflows.contains_key(&workflow_id)
        {
            return Err(super::not_found("workflow", &workflow_id));
        }
        if !parent.is_empty()
            && !project.task_folders.contains_key(&task_folder_key(
                &workflow_id,
                folder_type,
                &parent,
            ))
        {
            return Err(failure(
                "ResourceNotFound",
                format!("The parent task folder `{parent}` does not exist."),
            ));
        }
        let key = task_folder_key(&workflow_id, folder_type, &path);
        if project.task_folders.contains_key(&key) {
            return Err(failure(
                "InvalidParameter.DuplicateName",
                format!("A task folder `{path}` already exists here."),
            ));
        }
        let folder_id = uuid::Uuid::new_v4().to_string();
        project.task_folders.insert(
            key,
            json!({
                "ProjectId": project_id,
                "TaskFolderId": folder_id,
                "TaskFolderPath": path,
                "CreateUserUin": EMULATED_USER_UIN,
            }),
        );
        Ok(json!({"Data": {"TaskFolderId": folder_id}}))
    }

    pub(super) fn list_task_folders(
        &mut self,
        project_id: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let workflow_id = text(body, "WorkflowId").to_owned();
        let folder_type = task_folder_type(body)?;
        let parent = text(body, "ParentTaskFolderPath")
            .trim_end_matches('/')
            .to_owned();
        let prefix = format!("{workflow_id}|{folder_type}|");
        let items: Vec<Value> = self
            .project(project_id)
            .task_folders
            .iter()
            .filter(|(key, _)| {
                key.strip_prefix(&prefix)
                    .is_some_and(|path| is_child(path, &parent))
            })
            .map(|(_, folder)| folder.clone())
            .collect();
        page(items, body).map(|data| json!({"Data": data}))
    }
}

fn task_folder_type(body: &Value) -> Result<&'static str, Failure> {
    let wanted = text(body, "TaskFolderType");
    TASK_FOLDER_TYPES
        .iter()
        .find(|known| **known == wanted)
        .copied()
        .ok_or_else(|| {
            failure(
                "InvalidParameterValue",
                format!(
                    "`TaskFolderType` must be one of {}, not `{wanted}`.",
                    TASK_FOLDER_TYPES.join(", ")
                ),
            )
        })
}

/// Whether `path` sits directly in `parent` (`` is the root).
fn is_child(path: &str, parent: &str) -> bool {
    path.strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('/'))
        .is_some_and(|name| !name.is_empty() && !name.contains('/'))
}
