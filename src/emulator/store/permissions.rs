//! `GetMyWorkflowMaxPermission`: the caller's highest permission on a workflow or a workflow
//! folder. The emulator acts as the project's owner, so the answer is CAN_MANAGE (the value of
//! the official example, and the only one the definition says the service currently returns)
//! for any folder and for every workflow the project has; a WorkflowId it does not have is
//! `ResourceNotFound`, as for the other workflow actions.
//!
//! Folders are not modelled (workflows carry their folder as a path), so a folder id is taken
//! on trust.

use serde_json::{Value, json};

use super::{Failure, Store, failure, not_found, text};

/// The permission the emulated user holds on everything it can see.
const OWNER_PERMISSION: &str = "CAN_MANAGE";

impl Store {
    pub(super) fn get_my_workflow_max_permission(
        &mut self,
        project_id: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let entity_id = text(body, "EntityId");
        match text(body, "EntityType") {
            "folder" => {}
            "workflow" => {
                let project = self.project(project_id);
                let known = project.workflows.contains_key(entity_id)
                    || project.periodic_workflows.contains_key(entity_id);
                if !known {
                    return Err(not_found("workflow", entity_id));
                }
            }
            other => {
                return Err(failure(
                    "InvalidParameterValue",
                    format!("EntityType `{other}` is not one of folder, workflow."),
                ));
            }
        }
        Ok(json!({"Data": {"PermissionType": OWNER_PERMISSION}}))
    }
}
