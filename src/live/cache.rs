//! A local cache of live task definitions, so a plan with no remote changes needs only the
//! list calls. An entry is used only while the task's LastUpdateTime and latest version
//! (both returned by ListTriggerTasks and ListTasks) are what they were when it was stored; every save in
//! WeData bumps the version, so a stale entry is never served.
//!
//! It lives under the project (`.wedata/cache/`, ignored by git), one file per endpoint and
//! project. A corrupt file is discarded with a warning; `--refresh=full` bypasses it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{LiveDefinition, LiveWorkflowDetail};

/// Bumped whenever the stored shapes change; an older file is simply started afresh.
const CACHE_VERSION: u32 = 2;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct CachedTask {
    last_update_time: String,
    latest_version: String,
    task: LiveDefinition,
    code: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct CachedWorkflow {
    modify_time: String,
    detail: LiveWorkflowDetail,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    tasks: HashMap<String, CachedTask>,
    #[serde(default)]
    workflows: HashMap<String, CachedWorkflow>,
}

#[derive(Debug)]
pub struct DefinitionCache {
    path: PathBuf,
    file: CacheFile,
    changed: bool,
}

impl DefinitionCache {
    /// The cache file for one endpoint and project under `root`.
    pub fn path_for(root: &Path, endpoint: &str, project_id: &str) -> PathBuf {
        let key = hex::encode(Sha256::digest(
            format!("{endpoint}\n{project_id}").as_bytes(),
        ));
        root.join(".wedata")
            .join("cache")
            .join(format!("{}.json", &key[..16]))
    }

    /// Loads the cache; a missing file is an empty cache, a corrupt one is discarded and the
    /// returned warning says so.
    pub fn load(path: PathBuf) -> (Self, Option<String>) {
        let empty = |path: PathBuf| Self {
            path,
            file: CacheFile {
                version: CACHE_VERSION,
                ..CacheFile::default()
            },
            changed: false,
        };
        let Ok(text) = std::fs::read_to_string(&path) else {
            return (empty(path), None);
        };
        match serde_json::from_str::<CacheFile>(&text) {
            Ok(file) if file.version == CACHE_VERSION => (
                Self {
                    path,
                    file,
                    changed: false,
                },
                None,
            ),
            Ok(_) => (empty(path), None),
            Err(error) => {
                let warning = format!(
                    "warning: the plan cache {} is unreadable ({error}); discarding it and reading everything from WeData",
                    path.display()
                );
                (empty(path), Some(warning))
            }
        }
    }

    /// How many task definitions and workflow details the cache holds (for `doctor`).
    pub fn entry_counts(&self) -> (usize, usize) {
        (self.file.tasks.len(), self.file.workflows.len())
    }

    /// Drops every entry, so everything is read again (and stored afresh).
    pub fn forget_all(&mut self) {
        self.changed |= !self.file.tasks.is_empty() || !self.file.workflows.is_empty();
        self.file.tasks.clear();
        self.file.workflows.clear();
    }

    /// A workflow's detail, while its ModifyTime (from ListTriggerWorkflows) is unchanged.
    pub fn get_workflow(&self, workflow_id: &str, modify_time: &str) -> Option<LiveWorkflowDetail> {
        self.file
            .workflows
            .get(workflow_id)
            .filter(|entry| !modify_time.is_empty() && entry.modify_time == modify_time)
            .map(|entry| entry.detail.clone())
    }

    pub fn put_workflow(
        &mut self,
        workflow_id: &str,
        modify_time: &str,
        detail: &LiveWorkflowDetail,
    ) {
        self.file.workflows.insert(
            workflow_id.to_owned(),
            CachedWorkflow {
                modify_time: modify_time.to_owned(),
                detail: detail.clone(),
            },
        );
        self.changed = true;
    }

    pub fn get(
        &self,
        task_id: &str,
        last_update_time: &str,
        latest_version: &str,
    ) -> Option<(LiveDefinition, String)> {
        self.file
            .tasks
            .get(task_id)
            .filter(|entry| {
                entry.last_update_time == last_update_time && entry.latest_version == latest_version
            })
            .map(|entry| (entry.task.clone(), entry.code.clone()))
    }

    pub fn put(
        &mut self,
        task_id: &str,
        last_update_time: &str,
        latest_version: &str,
        task: &LiveDefinition,
        code: &str,
    ) {
        self.file.tasks.insert(
            task_id.to_owned(),
            CachedTask {
                last_update_time: last_update_time.to_owned(),
                latest_version: latest_version.to_owned(),
                task: task.clone(),
                code: code.to_owned(),
            },
        );
        self.changed = true;
    }

    /// Writes the cache atomically when it changed. Failing to write only costs speed.
    pub fn save(&self) {
        if !self.changed {
            return;
        }
        let Some(parent) = self.path.parent() else {
            return;
        };
        if std::fs::create_dir_all(parent).is_err() {
            return;
        }
        let temporary = self
            .path
            .with_extension(format!("tmp-{}", std::process::id()));
        let Ok(bytes) = serde_json::to_vec(&self.file) else {
            return;
        };
        if std::fs::write(&temporary, bytes).is_ok() {
            let _ = std::fs::rename(&temporary, &self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::TriggerTask;

    #[test]
    fn entries_are_served_only_while_time_and_version_match() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("cache.json");
        let (mut cache, warning) = DefinitionCache::load(path.clone());
        assert!(warning.is_none());
        cache.put(
            "1",
            "t1",
            "V1",
            &LiveDefinition::Trigger(TriggerTask::default()),
            "echo 1",
        );
        cache.save();
        let (cache, _) = DefinitionCache::load(path);
        assert_eq!(
            cache.get("1", "t1", "V1").map(|(_, code)| code).as_deref(),
            Some("echo 1")
        );
        assert!(cache.get("1", "t1", "V2").is_none());
        assert!(cache.get("1", "t2", "V1").is_none());
        assert!(cache.get("2", "t1", "V1").is_none());
    }

    #[test]
    fn a_corrupt_cache_is_discarded_with_a_warning() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("cache.json");
        std::fs::write(&path, "{not json").unwrap();
        let (cache, warning) = DefinitionCache::load(path);
        assert!(warning.unwrap().contains("discarding"));
        assert!(cache.get("1", "t", "V1").is_none());
    }

    #[test]
    fn each_endpoint_and_project_has_its_own_file() {
        let root = Path::new("/project");
        let real = DefinitionCache::path_for(root, "https://wedata.tencentcloudapi.com", "1");
        let emulated = DefinitionCache::path_for(root, "http://127.0.0.1:9", "1");
        assert_ne!(real, emulated);
        assert!(real.starts_with("/project/.wedata/cache"));
    }
}
