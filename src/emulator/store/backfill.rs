//! Backfill plans of periodic tasks and their instances: CreateDataBackfillPlan,
//! GetDataBackfillPlan, ListDataBackfillInstances and ListTaskInstances (whose instances are
//! the backfill ones: the emulator does not schedule periodic instances on its own).
//!
//! A plan makes one instance per task and day of its ranges (CurRunDate `yyyy-MM-dd
//! 00:00:00`, InstanceKey `<TaskId>_<CurRunDate>`, as the official examples spell them). Each
//! task's instances run one after another (oldest first, or newest first with DataTimeOrder
//! REVERSE) after an emulated second in the queue, each for the task's run duration, and a
//! task named by `run:fail=` fails every instance; a failed instance does not hold the next one
//! back. Like runs, an instance's state (WAIT_RUN, RUNNING, then COMPLETED or EXPIRED) is a
//! pure function of the request's time.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::runs::{QUEUE_SECONDS, TaskRunView, page_within};
use super::{Clock, EMULATED_USER_UIN, Failure, Store, failure, not_found, text};

/// The most instances one plan may make.
const MAXIMUM_INSTANCES: usize = 1000;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredBackfill {
    pub plan_id: String,
    pub name: String,
    pub task_ids: Vec<String>,
    /// DataBackfillRangeList as sent (with the daily window filled in).
    pub ranges: Vec<Value>,
    pub check_parent_type: String,
    pub skip_event_listening: bool,
    pub data_time_order: String,
    pub created_millis: i64,
    pub instances: Vec<PlannedInstance>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlannedInstance {
    pub task_id: String,
    pub task_name: String,
    pub workflow_id: String,
    pub workflow_name: String,
    pub task_type_id: i64,
    pub cycle_type: String,
    /// `yyyy-MM-dd 00:00:00`.
    pub cur_run_date: String,
    pub start_millis: i64,
    pub end_millis: i64,
    pub fails: bool,
}

impl PlannedInstance {
    fn key(&self) -> String {
        format!("{}_{}", self.task_id, self.cur_run_date)
    }

    /// The instance at `now`, in the states ListTaskInstances documents.
    pub fn view(&self, now: i64) -> TaskRunView {
        if now < self.start_millis {
            TaskRunView {
                state: "WAIT_RUN",
                error: None,
                started: None,
                ended: None,
            }
        } else if now < self.end_millis {
            TaskRunView {
                state: "RUNNING",
                error: None,
                started: Some(self.start_millis),
                ended: None,
            }
        } else {
            TaskRunView {
                state: if self.fails { "EXPIRED" } else { "COMPLETED" },
                error: None,
                started: Some(self.start_millis),
                ended: Some(self.end_millis),
            }
        }
    }
}

/// The days from `start` to `end` (both `yyyy-MM-dd`), or why not.
fn days(start: &str, end: &str, index: usize) -> Result<Vec<jiff::civil::Date>, Failure> {
    let parse = |member: &str, value: &str| {
        value.parse::<jiff::civil::Date>().map_err(|_| {
            failure(
                "InvalidParameterValue",
                format!(
                    "`DataBackfillRangeList.{index}.{member}` must be a date as yyyy-MM-dd, not `{value}`."
                ),
            )
        })
    };
    let first = parse("StartDate", start)?;
    let last = parse("EndDate", end)?;
    if first > last {
        return Err(failure(
            "InvalidParameterValue",
            format!("`DataBackfillRangeList.{index}`: StartDate {start} is after EndDate {end}."),
        ));
    }
    let mut dates = Vec::new();
    let mut date = first;
    while date <= last {
        dates.push(date);
        if dates.len() > MAXIMUM_INSTANCES {
            break;
        }
        date = date.tomorrow().map_err(|_| {
            failure(
                "InvalidParameterValue",
                format!("`DataBackfillRangeList.{index}.EndDate` is out of range."),
            )
        })?;
    }
    Ok(dates)
}

impl Store {
    pub(super) fn create_backfill_plan(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let task_ids: Vec<String> = body["TaskIds"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect();
        if task_ids.is_empty() {
            return Err(failure(
                "InvalidParameterValue",
                "`TaskIds` must name at least one task.",
            ));
        }
        let mut dates = Vec::new();
        let mut ranges = Vec::new();
        let listed = body["DataBackfillRangeList"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if listed.is_empty() {
            return Err(failure(
                "InvalidParameterValue",
                "`DataBackfillRangeList` must hold at least one range.",
            ));
        }
        for (index, range) in listed.iter().enumerate() {
            dates.extend(days(
                text(range, "StartDate"),
                text(range, "EndDate"),
                index,
            )?);
            let mut range = range.clone();
            for (member, default) in [
                ("ExecutionStartTime", "00:00"),
                ("ExecutionEndTime", "23:59"),
            ] {
                if range.get(member).is_none_or(Value::is_null) {
                    range[member] = json!(default);
                }
            }
            ranges.push(range);
        }
        dates.sort();
        dates.dedup();
        if dates.len() * task_ids.len() > MAXIMUM_INSTANCES {
            return Err(failure(
                "LimitExceeded",
                format!("A backfill plan may make at most {MAXIMUM_INSTANCES} instances."),
            ));
        }
        let order = body
            .get("DataTimeOrder")
            .and_then(Value::as_str)
            .unwrap_or("NORMAL")
            .to_owned();
        if order == "REVERSE" {
            dates.reverse();
        }
        let settings = self.run_settings.clone();
        let queued_until = clock.epoch_millis + settings.real_millis(QUEUE_SECONDS);
        let project = self.project(project_id);
        let mut instances = Vec::new();
        for task_id in &task_ids {
            let stored = project
                .tasks
                .get(task_id)
                .ok_or_else(|| not_found("task", task_id))?;
            if stored.ops_status.is_none() {
                return Err(failure(
                    "FailedOperation",
                    format!("Task {task_id} has never been submitted, so it cannot be backfilled."),
                ));
            }
            let base = &stored.task["TaskBaseAttribute"];
            let task_name = text(base, "TaskName").to_owned();
            let (duration, fails) = settings.task_run(&task_name);
            let mut start = queued_until;
            for date in &dates {
                instances.push(PlannedInstance {
                    task_id: task_id.clone(),
                    task_name: task_name.clone(),
                    workflow_id: text(base, "WorkflowId").to_owned(),
                    workflow_name: text(base, "WorkflowName").to_owned(),
                    task_type_id: base["TaskTypeId"].as_i64().unwrap_or(0),
                    cycle_type: text(&stored.task["TaskSchedulerConfiguration"], "CycleType")
                        .to_owned(),
                    cur_run_date: format!("{date} 00:00:00"),
                    start_millis: start,
                    end_millis: start + duration,
                    fails,
                });
                start += duration;
            }
        }
        let plan_id = uuid::Uuid::new_v4().to_string();
        let name = body
            .get("DataBackfillPlanName")
            .and_then(Value::as_str)
            .filter(|name| !name.is_empty())
            .map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_owned);
        project.backfills.insert(
            plan_id.clone(),
            StoredBackfill {
                plan_id: plan_id.clone(),
                name,
                task_ids,
                ranges,
                check_parent_type: body
                    .get("CheckParentType")
                    .and_then(Value::as_str)
                    .unwrap_or("NONE")
                    .to_owned(),
                skip_event_listening: body
                    .get("SkipEventListening")
                    .and_then(Value::as_bool)
                    .unwrap_or(true),
                data_time_order: order,
                created_millis: clock.epoch_millis,
                instances,
            },
        );
        Ok(json!({"Data": {"DataBackfillPlanId": plan_id}}))
    }

    pub(super) fn get_backfill_plan(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let plan_id = text(body, "DataBackfillPlanId");
        let project_name = project_id.to_owned();
        let plan = self
            .project(project_id)
            .backfills
            .get(plan_id)
            .ok_or_else(|| not_found("backfill plan", plan_id))?;
        let now = clock.epoch_millis;
        let total = plan.instances.len().max(1) as u64;
        let views: Vec<TaskRunView> = plan
            .instances
            .iter()
            .map(|instance| instance.view(now))
            .collect();
        let finished = views.iter().filter(|view| view.ended.is_some()).count() as u64;
        let succeeded = views
            .iter()
            .filter(|view| view.state == "COMPLETED")
            .count() as u64;
        let first_start = plan
            .instances
            .iter()
            .map(|instance| instance.start_millis)
            .min();
        let last_end = plan
            .instances
            .iter()
            .map(|instance| instance.end_millis)
            .max();
        let display = |millis: Option<i64>| {
            millis.map_or(Value::Null, |millis| {
                json!(Clock::at_millis(millis).display)
            })
        };
        Ok(json!({"Data": {
            "ProjectId": project_name,
            "DataBackfillPlanId": plan.plan_id,
            "DataBackfillPlanName": plan.name,
            "TaskIds": plan.task_ids,
            "DataBackfillRangeList": plan.ranges,
            "CheckParentType": plan.check_parent_type,
            "SkipEventListening": plan.skip_event_listening,
            "RedefineParallelNum": null,
            "RedefineSelfWorkflowDependency": "no",
            "SchedulerResourceGroupId": null,
            "IntegrationResourceGroupId": null,
            "RedefineCycleType": null,
            "RedefineParamList": null,
            "StartTime": display(first_start.filter(|start| *start <= now)),
            "EndTime": display(last_end.filter(|_| finished == plan.instances.len() as u64)),
            "CreateUserUin": EMULATED_USER_UIN,
            "CompletePercent": finished * 100 / total,
            "SuccessPercent": succeeded * 100 / total,
            "DataTimeOrder": plan.data_time_order,
        }}))
    }

    pub(super) fn list_backfill_instances(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let plan_id = text(body, "DataBackfillPlanId");
        let task_id = text(body, "TaskId");
        let plan = self
            .project(project_id)
            .backfills
            .get(plan_id)
            .ok_or_else(|| not_found("backfill plan", plan_id))?;
        let now = clock.epoch_millis;
        let display = |millis: Option<i64>| {
            millis.map_or(Value::Null, |millis| {
                json!(Clock::at_millis(millis).display)
            })
        };
        let items: Vec<Value> = plan
            .instances
            .iter()
            .filter(|instance| instance.task_id == task_id)
            .map(|instance| {
                let view = instance.view(now);
                json!({
                    "TaskName": instance.task_name,
                    "TaskId": instance.task_id,
                    "CurRunDate": instance.cur_run_date,
                    "State": view.state,
                    "StartTime": display(view.started),
                    "EndTime": display(view.ended),
                    "CostTime": view.ended.zip(view.started).map(|(ended, started)| cost_text(ended - started)),
                })
            })
            .collect();
        page_within(items, body, 1, 200, 10).map(|data| json!({"Data": data}))
    }

    pub(super) fn list_task_instances(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let now = clock.epoch_millis;
        let wanted = |member: &str| {
            body.get(member)
                .and_then(Value::as_str)
                .filter(|value| !value.is_empty())
                .map(str::to_owned)
        };
        let keywords: Vec<String> = wanted("Keyword")
            .map(|keywords| {
                keywords
                    .split(',')
                    .map(|word| word.trim().to_owned())
                    .collect()
            })
            .unwrap_or_default();
        let instance_type = body.get("InstanceType").and_then(Value::as_u64);
        let task_type = body.get("TaskTypeId").and_then(Value::as_u64);
        let project_name = project_id.to_owned();
        let display = |millis: Option<i64>| {
            millis.map_or(Value::Null, |millis| {
                json!(Clock::at_millis(millis).display)
            })
        };
        // The newest plan's instance wins when two plans backfill the same day.
        let mut seen = std::collections::HashSet::new();
        let mut plans: Vec<&StoredBackfill> = self.project(project_id).backfills.values().collect();
        plans.sort_by_key(|plan| std::cmp::Reverse(plan.created_millis));
        let mut items = Vec::new();
        for plan in plans {
            for instance in &plan.instances {
                if !seen.insert(instance.key()) {
                    continue;
                }
                let view = instance.view(now);
                let matches = wanted("WorkflowId").is_none_or(|id| id == instance.workflow_id)
                    && (keywords.is_empty()
                        || keywords.iter().any(|word| {
                            instance.task_name.contains(word.as_str()) || instance.task_id == *word
                        }))
                    && wanted("InstanceState").is_none_or(|state| state == view.state)
                    && instance_type.is_none_or(|kind| kind == 0)
                    && task_type.is_none_or(|kind| kind as i64 == instance.task_type_id)
                    && wanted("CycleType").is_none_or(|cycle| cycle == instance.cycle_type);
                if !matches {
                    continue;
                }
                items.push(json!({
                    "ProjectId": project_name,
                    "InstanceKey": instance.key(),
                    "FolderId": null,
                    "FolderName": null,
                    "WorkflowId": instance.workflow_id,
                    "WorkflowName": instance.workflow_name,
                    "TaskId": instance.task_id,
                    "TaskName": instance.task_name,
                    "CurRunDate": instance.cur_run_date,
                    "InstanceState": view.state,
                    "InstanceType": 0,
                    "OwnerUinList": [EMULATED_USER_UIN],
                    "TotalRunNum": u64::from(view.started.is_some()),
                    "TaskType": "",
                    "TaskTypeId": instance.task_type_id,
                    "CycleType": instance.cycle_type,
                    "TryLimit": 1,
                    "Tries": u64::from(view.started.is_some()),
                    "StartTime": display(view.started),
                    "EndTime": display(view.ended),
                    "CostTime": view.ended.zip(view.started).map(|(ended, started)| ended - started),
                    "SchedulerTime": instance.cur_run_date,
                    "LastUpdateTime": display(Some(view.ended.or(view.started).unwrap_or(plan.created_millis))),
                    "ExecutorGroupId": null,
                    "ExecutorGroupName": null,
                }));
            }
        }
        page_within(items, body, 1, 100, 10).map(|data| json!({"Data": data}))
    }

    /// A backfill instance by its InstanceKey: its task's name and its state at `now`.
    pub(super) fn backfill_instance_view(
        &mut self,
        project_id: &str,
        key: &str,
        now: i64,
    ) -> Option<(String, TaskRunView)> {
        let mut plans: Vec<&StoredBackfill> = self.project(project_id).backfills.values().collect();
        plans.sort_by_key(|plan| std::cmp::Reverse(plan.created_millis));
        plans.into_iter().find_map(|plan| {
            plan.instances
                .iter()
                .find(|instance| instance.key() == key)
                .map(|instance| (instance.task_name.clone(), instance.view(now)))
        })
    }
}

/// Milliseconds as `HH:mm:ss.SSS`, as ListDataBackfillInstances prints CostTime.
fn cost_text(millis: i64) -> String {
    let millis = millis.max(0);
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        millis / 3_600_000,
        millis / 60_000 % 60,
        millis / 1000 % 60,
        millis % 1000
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_whole_days_and_bad_ones_are_refused() {
        let dates = days("2025-01-30", "2025-02-01", 0).unwrap();
        assert_eq!(
            dates.iter().map(ToString::to_string).collect::<Vec<_>>(),
            ["2025-01-30", "2025-01-31", "2025-02-01"]
        );
        assert!(
            days("2025-02-01", "2025-01-30", 0)
                .unwrap_err()
                .message
                .contains("after")
        );
        assert!(
            days("yesterday", "2025-01-30", 1)
                .unwrap_err()
                .message
                .contains("DataBackfillRangeList.1.StartDate")
        );
        assert_eq!(cost_text(3_723_004), "01:02:03.004");
    }

    #[test]
    fn an_instance_waits_runs_then_completes_or_expires() {
        let instance = PlannedInstance {
            task_id: "1".into(),
            task_name: "close".into(),
            workflow_id: "w".into(),
            workflow_name: "finance".into(),
            task_type_id: 30,
            cycle_type: "DAY_CYCLE".into(),
            cur_run_date: "2025-01-01 00:00:00".into(),
            start_millis: 100,
            end_millis: 200,
            fails: true,
        };
        assert_eq!(instance.view(50).state, "WAIT_RUN");
        assert_eq!(instance.view(150).state, "RUNNING");
        assert_eq!(instance.view(200).state, "EXPIRED");
        assert_eq!(instance.key(), "1_2025-01-01 00:00:00");
    }
}
