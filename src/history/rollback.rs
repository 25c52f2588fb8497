//! `rollback`: a task's manifest members and code file rewritten to a submitted version's
//! content, so Git stays the source of truth: the person reviews the change, commits it, and
//! plans and applies as usual. Members the manifest does not declare but the version set
//! differently from the live draft are added, so applying the result restores the version.

use std::collections::BTreeSet;

use super::HistoryError;
use super::files::{FileChange, Files};
use super::locate::Located;
use super::rewrite::{Rewriter, Target, TaskRewrite};
use super::versions::{self, Version};
use crate::api::Client;
use crate::manifest::{Project, Task};
use crate::model::{CODE_MEMBER, desired};
use crate::reconcile::inputs::workflow_label;

/// What rolling back writes.
#[derive(Debug, Clone)]
pub struct RolledBack {
    pub version: Version,
    pub task: TaskRewrite,
    pub files: Vec<FileChange>,
    /// The version's state, to check the written manifest against.
    pub target: Target,
}

/// The files that make `task`'s manifest describe version `to`.
pub async fn rollback(
    client: &Client,
    project: &Project,
    task: &Task,
    located: &Located,
    to: &str,
) -> Result<RolledBack, HistoryError> {
    let project_id = &project.settings.project_id;
    let listed = versions::list(client, project_id, &located.task_id, located.periodic).await?;
    let version = versions::resolve(&listed, to, &located.address)?.clone();
    let (definition, code) = versions::definition(
        client,
        project_id,
        &located.task_id,
        &version.version_id,
        located.periodic,
    )
    .await?;
    let names_by_id = &located.names_by_id;
    let mut state = definition.state(code.as_deref(), names_by_id);
    if code.is_none() {
        state.members.remove(CODE_MEMBER);
    }
    let code_file = task
        .configuration()
        .code_file
        .as_ref()
        .map(|code_file| code_file.value.as_str());
    let target = Target {
        state,
        document: crate::import::task_manifest_document(
            &workflow_label(task),
            &definition,
            code_file,
            names_by_id,
        ),
        code,
        live: Some(located.definition.state(Some(&located.code), names_by_id)),
    };
    let mut files = Files::new(&project.root);
    let rewrite = Rewriter {
        project,
        files: &mut files,
    }
    .rewrite(task, &desired::task_state(task, names_by_id), &target)?;
    Ok(RolledBack {
        version,
        task: rewrite,
        files: files.changes(),
        target,
    })
}

/// Members of the task in the reloaded project that still differ from the version, other
/// than those reported as left as is (empty when the rollback was written completely).
pub fn remaining(reloaded: &Project, located: &Located, rolled_back: &RolledBack) -> Vec<String> {
    let Some(task) = reloaded
        .tasks
        .iter()
        .find(|task| super::address::of(task) == located.address)
    else {
        return vec![format!("{} is no longer declared", located.address)];
    };
    let desired_state = desired::task_state(task, &located.names_by_id);
    let members: BTreeSet<String> = super::rewrite::drifted(&desired_state, &rolled_back.target);
    not_kept(members, &rolled_back.task)
}

/// Members not covered by a member left as is (the same member, inside it, or around it).
pub fn not_kept(members: impl IntoIterator<Item = String>, task: &TaskRewrite) -> Vec<String> {
    members
        .into_iter()
        .filter(|member| {
            let written = super::rewrite::written_as(member);
            !task.kept.iter().any(|kept| {
                kept.member == written
                    || kept.member.starts_with(&format!("{written}."))
                    || written.starts_with(&format!("{}.", kept.member))
            })
        })
        .collect()
}
