//! A version of a task compared with its live draft, its manifest or another version.

use super::HistoryError;
use super::compare;
use super::locate::Located;
use super::versions::{self, Version};
use crate::api::Client;
use crate::manifest::Task;
use crate::model::{CODE_MEMBER, TaskState, desired};
use crate::reconcile::plan::MemberChange;

/// What a version is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Against {
    /// The draft in WeData now.
    Live,
    /// The members the manifest declares.
    Manifest,
    /// Another version, by number or id.
    Version(String),
}

impl Against {
    pub fn parse(text: &str) -> Self {
        match text {
            "live" => Self::Live,
            "manifest" => Self::Manifest,
            other => Self::Version(other.to_owned()),
        }
    }
}

/// The members that differ from one state to the other.
#[derive(Debug, Clone)]
pub struct VersionDiff {
    /// `V1`.
    pub from: String,
    /// `live`, `manifest` or `V3`.
    pub to: String,
    pub changes: Vec<MemberChange>,
}

/// A version's canonical state (without the code member when the version carries none).
pub async fn version_state(
    client: &Client,
    project_id: &str,
    located: &Located,
    version: &Version,
) -> Result<TaskState, HistoryError> {
    let (definition, code) = versions::definition(
        client,
        project_id,
        &located.task_id,
        &version.version_id,
        located.periodic,
    )
    .await?;
    let mut state = definition.state(code.as_deref(), &located.names_by_id);
    if code.is_none() {
        state.members.remove(CODE_MEMBER);
    }
    Ok(state)
}

/// Compares version `version` of `task` with `against`.
pub async fn diff(
    client: &Client,
    project_id: &str,
    task: &Task,
    located: &Located,
    version: &str,
    against: &Against,
) -> Result<VersionDiff, HistoryError> {
    let listed = versions::list(client, project_id, &located.task_id, located.periodic).await?;
    let from_version = versions::resolve(&listed, version, &located.address)?;
    let from = version_state(client, project_id, located, from_version).await?;
    let (to, changes) = match against {
        Against::Live => (
            "live".to_owned(),
            compare::all_members(
                &from,
                &located
                    .definition
                    .state(Some(&located.code), &located.names_by_id),
            ),
        ),
        Against::Manifest => (
            "manifest".to_owned(),
            compare::declared_members(&from, &desired::task_state(task, &located.names_by_id)),
        ),
        Against::Version(other) => {
            let to_version = versions::resolve(&listed, other, &located.address)?;
            let to = version_state(client, project_id, located, to_version).await?;
            (to_version.version.clone(), compare::all_members(&from, &to))
        }
    };
    Ok(VersionDiff {
        from: from_version.version.clone(),
        to,
        changes,
    })
}
