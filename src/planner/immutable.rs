//! Workflow members WeData cannot change in place: `workflow_type` (cycle or manual) is set
//! by CreateWorkflow and UpdateWorkflow has no member for it, so an update would be planned
//! again after every apply. Such a plan is refused at the workflow, before any write.

use super::Refusal;
use crate::codes::PlanCode;
use crate::manifest::Project;
use crate::reconcile::plan::workflow_address;
use crate::reconcile::{Action, Plan};

/// Members of a workflow that only a create can set.
const CREATE_ONLY_WORKFLOW_MEMBERS: &[&str] = &["workflow_type"];

pub fn check(project: &Project, plan: &Plan) -> Vec<Refusal> {
    let mut refusals = Vec::new();
    for workflow in &project.workflows {
        let Some(resource) = plan.resource(&workflow_address(&workflow.name)) else {
            continue;
        };
        if resource.action != Action::Update {
            continue;
        }
        for change in resource
            .changes
            .iter()
            .filter(|change| CREATE_ONLY_WORKFLOW_MEMBERS.contains(&change.member.as_str()))
        {
            refusals.push(
                Refusal::new(
                    PlanCode::ImmutableMember,
                    format!(
                        "the workflow `{}` is a {} workflow in WeData; `{}: {}` can only be set when a workflow is created",
                        workflow.name,
                        change.before.as_str().unwrap_or("cycle"),
                        change.member,
                        change.after.as_str().unwrap_or_default()
                    ),
                )
                .at(&workflow.file, workflow.line, 1)
                .with_help(
                    "keep the live type in the manifest, or declare a new workflow (another name) of the wanted type and move the tasks to it",
                ),
            );
        }
    }
    refusals
}
