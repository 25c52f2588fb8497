//! Dependency lookups: ListDownstreamTriggerTasks / ListDownstreamTasks (the tasks whose
//! UpstreamDependencyConfigList names a task) and ListUpstreamTriggerTasks / ListUpstreamTasks
//! (the tasks a task's own list names), answered from the stored edges across every workflow
//! of the project, paged like every other list.
//!
//! Edges are the dependency lists only: a parameter source (ParamTaskInList) is not a
//! dependency, as in WeData's own answers. Trigger and periodic tasks never depend on each
//! other (the references check refuses it), so each lookup reads one kind.

use serde_json::{Map, Value, json};

use super::{Failure, Kind, Store, StoredTask, not_found, page, text};

/// Which way a lookup goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Direction {
    Downstream,
    Upstream,
}

/// TaskDependDto members a periodic task answers with beyond the trigger task's
/// TriggerTaskDependDto, each with the scheduler member it comes from.
const PERIODIC_SCHEDULE_MEMBERS: [(&str, &str); 6] = [
    ("CycleType", "CycleType"),
    ("CrontabExpression", "CrontabExpression"),
    ("ScheduleDesc", "CrontabExpression"),
    ("StartTime", "StartTime"),
    ("EndTime", "EndTime"),
    ("InitStrategy", "InitStrategy"),
];

impl Store {
    /// One page of the tasks directly downstream or upstream of `TaskId`, ordered by TaskId.
    pub(super) fn list_dependencies(
        &mut self,
        project_id: &str,
        body: &Value,
        kind: Kind,
        direction: Direction,
    ) -> Result<Value, Failure> {
        let task_id = text(body, "TaskId").to_owned();
        let tasks = self.tasks_of(project_id, kind);
        let task = tasks
            .get(&task_id)
            .ok_or_else(|| not_found("task", &task_id))?;
        let linked: Vec<&StoredTask> = match direction {
            Direction::Downstream => tasks
                .iter()
                .filter(|(id, stored)| {
                    **id != task_id && upstream_ids(stored, kind).any(|id| id == task_id)
                })
                .map(|(_, stored)| stored)
                .collect(),
            Direction::Upstream => {
                let mut ids: Vec<&str> = upstream_ids(task, kind).collect();
                ids.sort_unstable();
                ids.dedup();
                // A stored list may still name a task deleted since: it has no entry to show.
                ids.into_iter().filter_map(|id| tasks.get(id)).collect()
            }
        };
        let items: Vec<Value> = linked
            .into_iter()
            .map(|stored| depend_entry(stored, kind, project_id))
            .collect();
        page(items, body).map(|data| json!({"Data": data}))
    }
}

/// The TaskIds a stored task's UpstreamDependencyConfigList names.
fn upstream_ids(stored: &StoredTask, kind: Kind) -> impl Iterator<Item = &str> {
    stored.task[kind.scheduler_member()]["UpstreamDependencyConfigList"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|item| text(item, "TaskId"))
}

/// A TriggerTaskDependDto (trigger) or TaskDependDto (periodic) for a stored task.
fn depend_entry(stored: &StoredTask, kind: Kind, project_id: &str) -> Value {
    let attributes = &stored.task[kind.base_member()];
    let mut entry = Map::new();
    for member in [
        "TaskId",
        "TaskName",
        "WorkflowId",
        "WorkflowName",
        "OwnerUin",
    ] {
        entry.insert(
            member.into(),
            attributes.get(member).cloned().unwrap_or(Value::Null),
        );
    }
    entry.insert("ProjectId".into(), json!(project_id));
    entry.insert(
        "Status".into(),
        attributes.get("Status").cloned().unwrap_or(json!("N")),
    );
    let type_id = attributes["TaskTypeId"].as_u64();
    entry.insert("TaskTypeId".into(), json!(type_id));
    // The documented TaskTypeId table (pure data shared with the manifests), as WeData
    // names the type in these answers ("Shell").
    entry.insert(
        "TaskTypeDesc".into(),
        json!(type_id.and_then(crate::manifest::task_types::name_for_id)),
    );
    if kind == Kind::Periodic {
        let scheduler = &stored.task[kind.scheduler_member()];
        for (member, source) in PERIODIC_SCHEDULE_MEMBERS {
            entry.insert(
                member.into(),
                scheduler.get(source).cloned().unwrap_or(Value::Null),
            );
        }
        entry.insert("DelayTime".into(), Value::Null);
        entry.insert("TaskAction".into(), json!(""));
    }
    Value::Object(entry)
}

#[cfg(test)]
mod tests {
    use super::super::Clock;
    use super::*;

    fn store_with_chain() -> (Store, Vec<String>) {
        let mut store = Store::default();
        let clock = Clock::at(jiff::Timestamp::now());
        let mut workflow_ids = Vec::new();
        for name in ["source_flow", "consumer_flow"] {
            let created = store
                .handle(
                    "CreateTriggerWorkflow",
                    &json!({"ProjectId": "1", "WorkflowName": name, "ParentFolderPath": "/"}),
                    &clock,
                )
                .unwrap();
            workflow_ids.push(created["Data"]["WorkflowId"].as_str().unwrap().to_owned());
        }
        let mut task_ids: Vec<String> = Vec::new();
        // extract ← clean ← (other workflow) report; report also names extract.
        for (name, workflow, upstream) in [
            ("extract", 0, vec![]),
            ("clean", 0, vec![0]),
            ("report", 1, vec![1, 0]),
        ] {
            let upstream: Vec<Value> = upstream
                .iter()
                .map(|index: &usize| json!({"TaskId": task_ids[*index]}))
                .collect();
            let created = store
                .handle(
                    "CreateTriggerTask",
                    &json!({
                        "ProjectId": "1",
                        "TriggerTaskBaseAttribute": {"TaskName": name, "TaskTypeId": "35", "WorkflowId": workflow_ids[workflow], "OwnerUin": "42"},
                        "TriggerTaskConfiguration": {},
                        "TriggerTaskSchedulerConfiguration": {"UpstreamDependencyConfigList": upstream}
                    }),
                    &clock,
                )
                .unwrap();
            task_ids.push(created["Data"]["TaskId"].as_str().unwrap().to_owned());
        }
        (store, task_ids)
    }

    fn names(answer: &Value) -> Vec<&str> {
        answer["Data"]["Items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["TaskName"].as_str().unwrap())
            .collect()
    }

    #[test]
    fn downstream_tasks_are_found_across_workflows_and_upstream_ones_from_the_list() {
        let (mut store, ids) = store_with_chain();
        let clock = Clock::at(jiff::Timestamp::now());
        let downstream = store
            .handle(
                "ListDownstreamTriggerTasks",
                &json!({"ProjectId": "1", "TaskId": ids[0]}),
                &clock,
            )
            .unwrap();
        assert_eq!(names(&downstream), vec!["clean", "report"]);
        let report = &downstream["Data"]["Items"][1];
        assert_eq!(report["WorkflowName"], "consumer_flow");
        assert_eq!(report["OwnerUin"], "42");
        assert_eq!(report["TaskTypeDesc"], "Shell");
        assert_eq!(downstream["Data"]["TotalCount"], 2);

        let upstream = store
            .handle(
                "ListUpstreamTriggerTasks",
                &json!({"ProjectId": "1", "TaskId": ids[2]}),
                &clock,
            )
            .unwrap();
        assert_eq!(names(&upstream), vec!["extract", "clean"]);
        let none = store
            .handle(
                "ListDownstreamTriggerTasks",
                &json!({"ProjectId": "1", "TaskId": ids[2]}),
                &clock,
            )
            .unwrap();
        assert_eq!(none["Data"]["TotalCount"], 0);
    }

    #[test]
    fn an_unknown_task_is_not_found_and_periodic_lookups_read_periodic_tasks() {
        let (mut store, ids) = store_with_chain();
        let clock = Clock::at(jiff::Timestamp::now());
        let unknown = store
            .handle(
                "ListDownstreamTriggerTasks",
                &json!({"ProjectId": "1", "TaskId": "404"}),
                &clock,
            )
            .unwrap_err();
        assert_eq!(unknown.code, "ResourceNotFound");
        // A trigger task is not a periodic task.
        let wrong_kind = store
            .handle(
                "ListDownstreamTasks",
                &json!({"ProjectId": "1", "TaskId": ids[0]}),
                &clock,
            )
            .unwrap_err();
        assert_eq!(wrong_kind.code, "ResourceNotFound");
    }
}
