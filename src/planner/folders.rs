//! The folders a plan needs: reads which exist (only when the plan creates a workflow or
//! task in a folder, or moves a task to one), adds a create for each missing level, and
//! refuses a missing task folder whose category cannot be told from its task's type.

use super::Refusal;
use crate::api::{ApiError, Client};
use crate::codes::PlanCode;
use crate::live::folders::Existing;
use crate::manifest::Project;
use crate::reconcile::Plan;
use crate::reconcile::folders;

pub async fn plan_folders(
    client: &Client,
    project: &Project,
    plan: &mut Plan,
) -> Result<Vec<Refusal>, ApiError> {
    let needs = folders::needs(project, plan);
    let (workflow_paths, task_folders) = needs.queries();
    let existing = if workflow_paths.is_empty() && task_folders.is_empty() {
        Existing::default()
    } else {
        crate::live::folders::read(
            client,
            &project.settings.project_id,
            &workflow_paths,
            &task_folders,
        )
        .await?
    };
    Ok(folders::add(plan, &needs, &existing)
        .into_iter()
        .map(|unsupported| {
            Refusal::new(
                PlanCode::FolderUnsupported,
                format!(
                    "{} goes in the task folder {} of the workflow `{}`, which does not exist, and the category (TaskFolderType) a {} task is filed under is not known, so it cannot be created",
                    unsupported.needer.address,
                    unsupported.path,
                    unsupported.workflow,
                    unsupported.needer.task_type
                ),
            )
            .at(&unsupported.needer.file, unsupported.needer.line, 1)
            .with_help(
                "create the folder in WeData (the workflow's category for this task type), then plan again; or use a folder that exists",
            )
        })
        .collect())
}
