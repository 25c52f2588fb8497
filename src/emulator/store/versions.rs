//! Task versions: every save (create, update) records a saved version and every submit a
//! submitted one (with the task as it was submitted, see `submit_task`).
//! ListTriggerTaskVersions / ListTaskVersions list either kind, newest first, as the
//! definition documents: `TaskVersionType` SAVE (the default) or SUBMIT, and for periodic
//! tasks `UsedVersion: true` for the version in production only.

use serde_json::{Value, json};

use super::{Clock, EMULATED_USER_UIN, Failure, Kind, Store, StoredTask, failure, not_found, page};

impl StoredTask {
    /// Records a saved version (only its listing members: GetTaskVersion reads submitted ones).
    pub(super) fn record_save(&mut self, task_id: &str, clock: &Clock) {
        self.saved_versions.push(json!({
            "VersionId": format!("{task_id}_{}", clock.compact_millis),
            "VersionNum": format!("V{}", self.saves),
            "VersionRemark": "",
            "CreateTime": clock.display,
            "CreateUserUin": EMULATED_USER_UIN,
        }));
    }
}

impl Store {
    pub(super) fn list_task_versions(
        &mut self,
        project_id: &str,
        body: &Value,
        kind: Kind,
    ) -> Result<Value, Failure> {
        let task_id = super::text(body, "TaskId");
        let stored = self
            .tasks_of(project_id, kind)
            .get(task_id)
            .ok_or_else(|| not_found("task", task_id))?;
        let submitted = match body.get("TaskVersionType").and_then(Value::as_str) {
            None | Some("SAVE") => false,
            Some("SUBMIT") => true,
            Some(other) => {
                return Err(failure(
                    "InvalidParameterValue",
                    format!("`TaskVersionType` `{other}` is not SAVE or SUBMIT."),
                ));
            }
        };
        let only_used = body.get("UsedVersion").and_then(Value::as_bool) == Some(true);
        let items: Vec<Value> = if submitted {
            stored
                .versions
                .iter()
                .rev()
                .enumerate()
                .map(|(index, version)| {
                    // The newest submitted version is the one in production.
                    let used = index == 0;
                    json!({
                        "CreateTime": version["CreateTime"],
                        "VersionNum": version["VersionNum"],
                        "CreateUserUin": version["CreateUserUin"],
                        "VersionId": version["VersionId"],
                        "VersionRemark": version["VersionRemark"],
                        "ApproveStatus": null,
                        "Status": if used { "PUBLISHED" } else { "HISTORY" },
                        "ApproveUserUin": null,
                        "UsedVersion": used,
                    })
                })
                .filter(|item| !only_used || item["UsedVersion"] == true)
                .collect()
        } else if only_used {
            Vec::new()
        } else {
            stored
                .saved_versions
                .iter()
                .rev()
                .map(|version| {
                    let mut item = version.clone();
                    item["ApproveStatus"] = Value::Null;
                    item["Status"] = Value::Null;
                    item["ApproveUserUin"] = Value::Null;
                    item["UsedVersion"] = Value::Null;
                    item
                })
                .collect()
        };
        let mut data = page(items, body)?;
        data["PageCount"] = json!(data["Items"].as_array().map_or(0, Vec::len));
        Ok(json!({"Data": data}))
    }
}
