//! Reading a legacy project (`api_version: "2021-08-20"`): every declared task by its pinned
//! id with DescribeTaskDetailDs (the legacy API lists nothing and finds nothing by name),
//! grouped into the workflows WeData says the tasks belong to, in the same `LiveWorkflow`
//! shape the 2025 reads produce, so matching and planning are shared.
//!
//! Only reads. A pinned id WeData does not know is simply absent from the result; saying so
//! is `reconcile::legacy`'s job.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use futures::StreamExt;
use futures::stream;
use sha2::{Digest, Sha256};

use super::{LiveDefinition, LiveWorkflow};
use crate::api::legacy::{DescribeTaskDetailDsRequest, TaskDsDTO};
use crate::api::{ApiError, Client, convert};
use crate::model::legacy::as_periodic_task;

/// Concurrent reads in flight; the client's rate limiter does the real pacing.
const CONCURRENCY: usize = 16;

/// Reads one task; `None` when WeData has no task with that id.
pub async fn describe_task(
    client: &Client,
    project_id: &str,
    task_id: &str,
) -> Result<Option<TaskDsDTO>, ApiError> {
    let answer = client
        .send(&DescribeTaskDetailDsRequest {
            task_id: task_id.to_owned(),
            project_id: Some(project_id.to_owned()),
            task_alarm_status: None,
        })
        .await;
    match answer {
        Ok(response) => Ok(response
            .data
            .filter(|detail| detail.task_id.as_deref().is_some_and(|id| !id.is_empty()))),
        Err(error)
            if error
                .code()
                .is_some_and(|code| code.starts_with("ResourceNotFound")) =>
        {
            Ok(None)
        }
        Err(error) => Err(error),
    }
}

/// `content:<16 hex digits>` of the answer's SHA-256.
fn content_digest(detail: &TaskDsDTO) -> String {
    let bytes = serde_json::to_vec(detail).expect("API types serialize");
    format!("content:{}", &hex::encode(Sha256::digest(bytes))[..16])
}

/// Reads the tasks with these ids, grouped by workflow (sorted by name).
pub async fn fetch(
    client: &Client,
    project_id: &str,
    task_ids: &[String],
) -> Result<Vec<LiveWorkflow>, ApiError> {
    // Each id is read once, however often it is asked for.
    let distinct: BTreeSet<&String> = task_ids.iter().collect();
    let details: Vec<Option<TaskDsDTO>> = stream::iter(
        distinct
            .into_iter()
            .map(|task_id| describe_task(client, project_id, task_id)),
    )
    .buffer_unordered(CONCURRENCY)
    .collect::<Vec<_>>()
    .await
    .into_iter()
    .collect::<Result<_, _>>()?;
    let mut workflows: BTreeMap<String, LiveWorkflow> = BTreeMap::new();
    for detail in details.into_iter().flatten() {
        let task = as_periodic_task(&detail);
        let base = task.task_base_attribute;
        let workflow = workflows
            .entry(base.workflow_id.clone())
            .or_insert_with(|| LiveWorkflow {
                id: base.workflow_id.clone(),
                name: base.workflow_name.clone().unwrap_or_default(),
                periodic: true,
                modify_time: String::new(),
                detail: None,
                tasks: Vec::new(),
                definitions: HashMap::new(),
                cached_definitions: std::collections::HashSet::new(),
                detail_from_cache: false,
                ops_statuses: None,
            });
        let mut listed: crate::api::types::TriggerTaskBaseAttribute = convert(&base);
        // The legacy API has no version numbers and LastUpdate counts whole seconds, so a
        // saved plan is fingerprinted with a digest of everything DescribeTaskDetailDs said.
        listed.task_latest_version_no = Some(content_digest(&detail));
        workflow.tasks.push(listed);
        // The legacy API has no code member: there is no code to read.
        workflow.definitions.insert(
            base.task_id.clone(),
            (LiveDefinition::Legacy(Box::new(detail)), String::new()),
        );
    }
    let mut workflows: Vec<LiveWorkflow> = workflows.into_values().collect();
    workflows.sort_by(|left, right| left.name.cmp(&right.name));
    Ok(workflows)
}
