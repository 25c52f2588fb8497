//! Backfills of periodic tasks: finding the declared task an address names in WeData,
//! creating a plan of its instances over a range of days (CreateDataBackfillPlan), reading
//! the plan once (GetDataBackfillPlan) and its instances at each poll
//! (ListDataBackfillInstances: every instance of the task in one answer).

use super::OpsError;
use super::poll::Source;
use super::run::{Item, Phase, Snapshot};
use crate::api::types::{
    CreateDataBackfillPlanRequest, DataBackfillRange, GetDataBackfillPlanRequest,
    ListDataBackfillInstancesRequest,
};
use crate::api::{ApiError, Client};
use crate::codes::OpsCode;
use crate::manifest::Project;

/// Instances read per page.
const PAGE_SIZE: u64 = 200;

/// The periodic task a backfill is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackfilledTask {
    pub address: String,
    pub task_id: String,
    pub name: String,
}

/// The declared periodic task at `address`, as WeData has it. Refused for a trigger task, or
/// a task not in WeData yet.
pub async fn find_task(
    client: &Client,
    project: &Project,
    address: &str,
) -> Result<BackfilledTask, OpsError> {
    let task = crate::history::address::find(project, address)?;
    if !task.is_periodic() {
        return Err(OpsError::refused(
            OpsCode::NotPeriodic,
            format!(
                "{} is a trigger task: only periodic tasks (`kind: Task`) have instances to backfill",
                crate::history::address::of(task)
            ),
            "run its workflow instead: wedata-gitops run --workflow <workflow> --wait",
        ));
    }
    let located = crate::history::locate::locate(client, project, task).await?;
    Ok(BackfilledTask {
        address: located.address,
        task_id: located.task_id,
        name: task.name().to_owned(),
    })
}

/// Refuses a range that ends before it starts.
pub fn check_range(from: jiff::civil::Date, to: jiff::civil::Date) -> Result<(), OpsError> {
    if from > to {
        return Err(OpsError::refused(
            OpsCode::InvalidRange,
            format!("--from {from} is after --to {to}"),
            "give the first day with --from and the last with --to (both included)",
        ));
    }
    Ok(())
}

/// Creates the plan: one instance per day from `from` to `to`, both included, in date order.
/// Returns the DataBackfillPlanId.
pub async fn create(
    client: &Client,
    project_id: &str,
    task: &BackfilledTask,
    from: jiff::civil::Date,
    to: jiff::civil::Date,
) -> Result<String, OpsError> {
    check_range(from, to)?;
    let response = client
        .send(&CreateDataBackfillPlanRequest {
            project_id: project_id.to_owned(),
            task_ids: vec![task.task_id.clone()],
            data_backfill_range_list: vec![DataBackfillRange {
                start_date: Some(from.to_string()),
                end_date: Some(to.to_string()),
                ..Default::default()
            }],
            data_time_order: Some("ORDER".to_owned()),
            ..Default::default()
        })
        .await?;
    response
        .data
        .and_then(|data| data.data_backfill_plan_id)
        .filter(|id| !id.is_empty())
        .ok_or_else(|| {
            OpsError::Api(ApiError::InvalidResponse {
                action: "CreateDataBackfillPlan".into(),
                endpoint: client.config().endpoint.clone(),
                reason: "no DataBackfillPlanId in the answer".into(),
                request_id: response.request_id,
            })
        })
}

/// The plan's name and the days it covers, as WeData describes it (GetDataBackfillPlan).
pub async fn describe(
    client: &Client,
    project_id: &str,
    plan_id: &str,
) -> Result<String, ApiError> {
    let plan = client
        .send(&GetDataBackfillPlanRequest {
            project_id: project_id.to_owned(),
            data_backfill_plan_id: plan_id.to_owned(),
            time_zone: None,
        })
        .await?
        .data
        .unwrap_or_default();
    let ranges: Vec<String> = plan
        .data_backfill_range_list
        .iter()
        .flatten()
        .map(|range| {
            format!(
                "{} to {}",
                range.start_date.as_deref().unwrap_or("?"),
                range.end_date.as_deref().unwrap_or("?")
            )
        })
        .collect();
    Ok(format!(
        "backfill plan {} ({})",
        plan.data_backfill_plan_name.as_deref().unwrap_or(plan_id),
        ranges.join(", ")
    ))
}

/// A backfill being followed: the instances of one task in one plan.
pub struct BackfillRun<'a> {
    pub client: &'a Client,
    pub project_id: String,
    pub plan_id: String,
    pub task_id: String,
}

impl Source for BackfillRun<'_> {
    async fn read(&mut self) -> Result<Snapshot, ApiError> {
        let mut items = Vec::new();
        let mut page = 1;
        loop {
            let data = self
                .client
                .send(&ListDataBackfillInstancesRequest {
                    project_id: self.project_id.clone(),
                    data_backfill_plan_id: self.plan_id.clone(),
                    task_id: self.task_id.clone(),
                    page_number: Some(page),
                    page_size: Some(PAGE_SIZE),
                })
                .await?
                .data
                .unwrap_or_default();
            for instance in data.items.unwrap_or_default() {
                let date = instance.cur_run_date.unwrap_or_default();
                let state = instance.state.unwrap_or_default();
                // The key GetTaskInstanceLog and ListTaskInstances know an instance by.
                let key = format!(
                    "{}_{date}",
                    instance.task_id.as_deref().unwrap_or(&self.task_id)
                );
                items.push(Item {
                    key: key.clone(),
                    name: date,
                    phase: Phase::of_instance_state(&state),
                    state,
                    error: None,
                    log_key: Some(key),
                });
            }
            if page >= data.total_page_number.unwrap_or(0) {
                break;
            }
            page += 1;
        }
        items.sort_by(|left, right| left.name.cmp(&right.name));
        let phase = Snapshot::phase_of_items(&items);
        let finished = items.iter().filter(|item| item.phase.is_finished()).count();
        Ok(Snapshot {
            state: format!("{finished}/{} instances finished", items.len()),
            phase,
            items,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_that_ends_before_it_starts_is_refused() {
        let day = |text: &str| text.parse::<jiff::civil::Date>().unwrap();
        assert!(check_range(day("2025-01-01"), day("2025-01-03")).is_ok());
        assert!(check_range(day("2025-01-03"), day("2025-01-03")).is_ok());
        let error = check_range(day("2025-01-04"), day("2025-01-03")).unwrap_err();
        assert_eq!(
            error.to_string(),
            "--from 2025-01-04 is after --to 2025-01-03"
        );
    }
}
