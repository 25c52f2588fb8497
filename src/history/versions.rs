//! A task's submitted versions (ListTriggerTaskVersions / ListTaskVersions with
//! `TaskVersionType: SUBMIT`, every page) and one version's full definition
//! (GetTriggerTaskVersion / GetTaskVersion). `apply` submits with the VersionRemark
//! "<short commit> <subject>"; the commit is read back from it defensively, since a remark is
//! whatever the person or tool that submitted wrote.

use serde::Serialize;

use super::HistoryError;
use crate::api::types::{
    GetTaskVersionRequest, GetTriggerTaskVersionRequest, ListTaskVersionsRequest,
    ListTriggerTaskVersionsRequest,
};
use crate::api::{ApiError, Client};
use crate::live::LiveDefinition;
use crate::model::live::decode_code;

const PAGE_SIZE: u64 = 200;
/// A bound on pages read, so an answer that always claims one more page cannot loop forever.
const MAXIMUM_PAGES: u64 = 1_000;

/// One submitted version, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Version {
    /// VersionNum, e.g. `V3`.
    pub version: String,
    /// VersionId, `<TaskId>_<yyyyMMddHHmmssSSS>`.
    pub version_id: String,
    /// CreateTime, `yyyy-MM-dd HH:mm:ss`.
    pub time: String,
    /// CreateUserUin.
    pub user: String,
    /// VersionRemark as WeData returned it.
    pub remark: String,
    /// The Git commit the remark names, when it starts like `apply`'s remarks do.
    pub commit: Option<String>,
    /// Whether this is the version in production (UsedVersion).
    pub in_production: bool,
}

/// The commit at the start of a remark `apply` wrote: 7 to 40 lowercase hex digits, then a
/// space or the end. Anything else (a person's remark, a hostile string) names no commit.
pub fn commit_of(remark: &str) -> Option<String> {
    let first = remark.split(' ').next()?;
    let is_commit = (7..=40).contains(&first.len())
        && first
            .chars()
            .all(|character| matches!(character, '0'..='9' | 'a'..='f'));
    is_commit.then(|| first.to_owned())
}

/// `V3` → 3, for ordering; versions named otherwise sort last.
fn number_of(version: &str) -> Option<u64> {
    version
        .strip_prefix(['V', 'v'])
        .unwrap_or(version)
        .parse()
        .ok()
}

/// Every submitted version of a task, newest first.
pub async fn list(
    client: &Client,
    project_id: &str,
    task_id: &str,
    periodic: bool,
) -> Result<Vec<Version>, ApiError> {
    let mut versions = Vec::new();
    let mut page = 1;
    loop {
        let (listed, total_pages) = if periodic {
            let data = client
                .send(&ListTaskVersionsRequest {
                    project_id: project_id.to_owned(),
                    task_id: task_id.to_owned(),
                    task_version_type: Some("SUBMIT".into()),
                    page_number: Some(page),
                    page_size: Some(PAGE_SIZE),
                    used_version: None,
                })
                .await?
                .data
                .unwrap_or_default();
            let listed: Vec<Version> = data
                .items
                .unwrap_or_default()
                .into_iter()
                .map(|item| {
                    version(
                        item.version_num,
                        item.version_id,
                        item.create_time,
                        item.create_user_uin,
                        item.version_remark,
                        item.used_version,
                    )
                })
                .collect();
            (listed, data.total_page_number.unwrap_or(0))
        } else {
            let data = client
                .send(&ListTriggerTaskVersionsRequest {
                    project_id: project_id.to_owned(),
                    task_id: task_id.to_owned(),
                    task_version_type: Some("SUBMIT".into()),
                    page_number: Some(page),
                    page_size: Some(PAGE_SIZE),
                })
                .await?
                .data
                .unwrap_or_default();
            let listed: Vec<Version> = data
                .items
                .unwrap_or_default()
                .into_iter()
                .map(|item| {
                    version(
                        item.version_num,
                        item.version_id,
                        item.create_time,
                        item.create_user_uin,
                        item.version_remark,
                        item.used_version,
                    )
                })
                .collect();
            (listed, data.total_page_number.unwrap_or(0))
        };
        let empty = listed.is_empty();
        versions.extend(listed);
        if empty || page >= total_pages || page >= MAXIMUM_PAGES {
            break;
        }
        page += 1;
    }
    // Newest first whatever order the answer used; a version id seen twice is listed once.
    versions.sort_by(|left, right| {
        (number_of(&right.version), &right.time).cmp(&(number_of(&left.version), &left.time))
    });
    versions.dedup_by(|left, right| left.version_id == right.version_id);
    Ok(versions)
}

fn version(
    number: Option<String>,
    id: Option<String>,
    time: Option<String>,
    user: Option<String>,
    remark: Option<String>,
    used: Option<bool>,
) -> Version {
    let remark = remark.unwrap_or_default();
    Version {
        version: number.unwrap_or_default(),
        version_id: id.unwrap_or_default(),
        time: time.unwrap_or_default(),
        user: user.unwrap_or_default(),
        commit: commit_of(&remark),
        remark,
        in_production: used == Some(true),
    }
}

/// The version `wanted` names: its number (`V3`, `v3`, `3`) or its VersionId.
pub fn resolve<'a>(
    versions: &'a [Version],
    wanted: &str,
    address: &str,
) -> Result<&'a Version, HistoryError> {
    let wanted_number = number_of(wanted.trim());
    versions
        .iter()
        .find(|version| {
            version.version_id == wanted
                || (wanted_number.is_some() && number_of(&version.version) == wanted_number)
        })
        .ok_or_else(|| HistoryError::UnknownVersion {
            address: address.to_owned(),
            wanted: super::printable(wanted, 60),
            hint: match versions.first() {
                Some(newest) => format!(
                    "`wedata-gitops history` lists them; the newest is {} ({} versions in all)",
                    newest.version,
                    versions.len()
                ),
                None => "the task has never been submitted".to_owned(),
            },
        })
}

/// A version's task as it was submitted, with its code decoded (`None` when the version
/// carries no CodeContent: its code is unknown, not empty).
pub async fn definition(
    client: &Client,
    project_id: &str,
    task_id: &str,
    version_id: &str,
    periodic: bool,
) -> Result<(LiveDefinition, Option<String>), HistoryError> {
    let missing = |action: &str| {
        HistoryError::Api(ApiError::InvalidResponse {
            action: action.into(),
            endpoint: client.config().endpoint.clone(),
            reason: format!("no Task in version {version_id} of task {task_id}"),
            request_id: None,
        })
    };
    if periodic {
        let task = client
            .send(&GetTaskVersionRequest {
                project_id: project_id.to_owned(),
                task_id: task_id.to_owned(),
                version_id: Some(version_id.to_owned()),
            })
            .await?
            .data
            .and_then(|data| data.task)
            .ok_or_else(|| missing("GetTaskVersion"))?;
        let code = task
            .task_configuration
            .code_content
            .as_deref()
            .map(decode_code);
        return Ok((LiveDefinition::Periodic(task), code));
    }
    let task = client
        .send(&GetTriggerTaskVersionRequest {
            project_id: project_id.to_owned(),
            task_id: task_id.to_owned(),
            version_id: Some(version_id.to_owned()),
        })
        .await?
        .data
        .and_then(|data| data.task)
        .ok_or_else(|| missing("GetTriggerTaskVersion"))?;
    let code = task
        .trigger_task_configuration
        .code_content
        .as_deref()
        .map(decode_code);
    Ok((LiveDefinition::Trigger(task), code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_commit_is_read_only_from_remarks_shaped_like_applys() {
        assert_eq!(commit_of("abc1234 Add retries").as_deref(), Some("abc1234"));
        assert_eq!(
            commit_of("0123456789abcdef0123456789abcdef01234567").as_deref(),
            Some("0123456789abcdef0123456789abcdef01234567")
        );
        for remark in [
            "",
            "wedata-gitops apply",
            "abc123 too short",
            "ABC1234 upper case",
            "abc1234x not hex",
            "hotfix in the console",
            "\u{1b}[31mabc1234",
            &"a".repeat(41),
        ] {
            assert_eq!(commit_of(remark), None, "{remark}");
        }
    }

    fn listed(number: &str, id: &str) -> Version {
        version(Some(number.into()), Some(id.into()), None, None, None, None)
    }

    #[test]
    fn versions_are_named_by_number_or_id() {
        let versions = vec![listed("V2", "t_2"), listed("V1", "t_1")];
        assert_eq!(resolve(&versions, "V1", "a").unwrap().version_id, "t_1");
        assert_eq!(resolve(&versions, "v2", "a").unwrap().version_id, "t_2");
        assert_eq!(resolve(&versions, "1", "a").unwrap().version_id, "t_1");
        assert_eq!(resolve(&versions, "t_2", "a").unwrap().version, "V2");
        let error = resolve(&versions, "V9", "task.a.b").unwrap_err();
        assert!(error.to_string().contains("no version `V9`"), "{error}");
    }
}
