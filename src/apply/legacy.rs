//! Executing one task of a legacy project (API 2021-08-20): ModifyTaskInfo when the plan
//! updates it, then the legacy SubmitTask (which puts the saved change live and, like the
//! 2025 SubmitTask, into scheduling), then a read-back with DescribeTaskDetailDs compared
//! with the manifest. The plan never holds a create, replacement or delete for such a task:
//! the legacy API cannot do them, and `reconcile::legacy` refused the plan before.

use super::execute::{
    Context, Done, Failure, check_read_back, known_names, resolver, send_idempotent,
};
use super::requests;
use crate::api::legacy::SubmitTaskRequest;
use crate::live::LiveDefinition;
use crate::live::legacy::describe_task;
use crate::manifest::Task;
use crate::model::desired;
use crate::model::legacy::legacy_task_state;
use crate::reconcile::inputs::workflow_label;
use crate::reconcile::{Action, ResourceChange};

pub(super) async fn run_task(
    context: &Context<'_>,
    node: &ResourceChange,
    task: &Task,
) -> Result<Done, Failure> {
    let project_id = &context.project.settings.project_id;
    let client = context.client;
    let task_id = node
        .id
        .clone()
        .ok_or_else(|| format!("{} has no id", node.address))?;
    match node.action {
        Action::Update => {
            let live = match read_during_plan(context, &task_id) {
                Some(detail) => detail,
                None => describe_task(client, project_id, &task_id)
                    .await?
                    .ok_or_else(|| format!("the task {task_id} no longer exists"))?,
            };
            let resolve = resolver(context, workflow_label(task));
            let request = requests::legacy::modify_task(project_id, task, &live, &resolve)?;
            let answer = send_idempotent(client, &request).await?;
            if answer.data == Some(false) {
                return Err(format!(
                    "ModifyTaskInfo answered that it did not change {task_id} (RequestId {})",
                    answer.request_id.unwrap_or_default()
                )
                .into());
            }
        }
        Action::Submit => {}
        other => {
            return Err(format!(
                "{} cannot be {other:?}d through the legacy API",
                node.address
            )
            .into());
        }
    }
    let submitted = send_idempotent(
        client,
        &SubmitTaskRequest {
            project_id: project_id.clone(),
            task_id: task_id.clone(),
            version_remark: context.options.version_remark.clone(),
            start_scheduling: true,
        },
    )
    .await?;
    if submitted.data == Some(false) {
        return Err(format!(
            "SubmitTask answered that it did not submit {task_id} (RequestId {})",
            submitted.request_id.unwrap_or_default()
        )
        .into());
    }
    verify(context, task, &task_id).await?;
    Ok(Done {
        id: Some(task_id),
        // The legacy SubmitTask answers only true or false, no version id.
        version: None,
    })
}

/// The TaskDsDTO read while planning, when there was one.
fn read_during_plan(context: &Context<'_>, task_id: &str) -> Option<crate::api::legacy::TaskDsDTO> {
    context
        .live
        .iter()
        .find_map(|workflow| match workflow.definitions.get(task_id) {
            Some((LiveDefinition::Legacy(detail), _)) => Some((**detail).clone()),
            _ => None,
        })
}

/// Reads the task back and checks every declared member (and its name) against the manifest.
async fn verify(context: &Context<'_>, task: &Task, task_id: &str) -> Result<(), Failure> {
    let detail = describe_task(
        context.client,
        &context.project.settings.project_id,
        task_id,
    )
    .await?
    .ok_or_else(|| format!("the task {task_id} cannot be read back after submit"))?;
    let names_by_id = known_names(context, &workflow_label(task));
    let wanted = desired::legacy_task_state(task, &names_by_id);
    let got = legacy_task_state(&detail, &names_by_id);
    check_read_back(&wanted, &got)
}
