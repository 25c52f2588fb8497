//! A local cache of dependency lookups, next to the definition cache (`.wedata/cache/`, one
//! file per endpoint and project, private to its owner). An entry is the answer for one task
//! and direction, served only while that task's LastUpdateTime (from the list calls) is what
//! it was when the entry was stored, and only while the entry matches its digest.
//!
//! Downstream tasks are not part of their upstream's definition: a task created elsewhere
//! with this task as its upstream does not move this task's LastUpdateTime. So the planner
//! never serves a deleted or replaced task's downstream lookup from here (the guard rail reads
//! it fresh), an entry is served for at most an hour after it was read ([`MAX_AGE_SECONDS`]:
//! a task created elsewhere downstream of an updated one shows in plans an hour late at most),
//! and `--refresh full` reads everything again. Never a source of writes.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::lookup::{Direction, Linked};

/// Bumped whenever the stored shapes change; an older file is started afresh.
const CACHE_VERSION: u32 = 2;

/// How long an answer is served after it was read: the lookups are cheap next to a reviewer
/// missing a consumer that appeared since.
pub const MAX_AGE_SECONDS: i64 = 3600;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct CachedLookup {
    last_update_time: String,
    /// When it was read (Unix seconds, this machine's clock). Absent in a version 1 file,
    /// which is then started afresh rather than reported unreadable.
    #[serde(default)]
    stored_at: i64,
    linked: Vec<Linked>,
    digest: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct CacheFile {
    version: u32,
    /// `<direction>:<TaskId>` → the answer.
    lookups: HashMap<String, CachedLookup>,
}

#[derive(Debug)]
pub struct LookupCache {
    path: PathBuf,
    file: CacheFile,
    changed: bool,
    /// Entries dropped because they did not match their digest.
    discarded: usize,
}

fn key(direction: Direction, task_id: &str) -> String {
    let word = match direction {
        Direction::Downstream => "downstream",
        Direction::Upstream => "upstream",
    };
    format!("{word}:{task_id}")
}

fn digest(key: &str, last_update_time: &str, stored_at: i64, linked: &[Linked]) -> String {
    let bytes =
        serde_json::to_vec(&(key, last_update_time, stored_at, linked)).expect("values serialize");
    hex::encode(Sha256::digest(bytes))
}

fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

impl LookupCache {
    /// The lookup cache beside the definition cache file `definitions` (`<key>.json` →
    /// `<key>.impact.json`).
    pub fn path_beside(definitions: &std::path::Path) -> PathBuf {
        definitions.with_extension("impact.json")
    }

    /// Loads the cache; a missing, older or unreadable file is an empty cache (the returned
    /// warning says when it was unreadable).
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
                    "warning: the impact cache {} is unreadable ({error}); discarding it and reading the lookups from WeData",
                    path.display()
                );
                (empty(path), Some(warning))
            }
        }
    }

    /// Drops every entry (`--refresh full`).
    pub fn forget_all(&mut self) {
        self.changed |= !self.file.lookups.is_empty();
        self.file.lookups.clear();
    }

    /// The stored answer for a task, while its LastUpdateTime is unchanged (and known), the
    /// entry is younger than [`MAX_AGE_SECONDS`] and it matches its digest.
    pub fn get(
        &mut self,
        direction: Direction,
        task_id: &str,
        last_update_time: &str,
    ) -> Option<Vec<Linked>> {
        self.get_at(direction, task_id, last_update_time, now())
    }

    fn get_at(
        &mut self,
        direction: Direction,
        task_id: &str,
        last_update_time: &str,
        now: i64,
    ) -> Option<Vec<Linked>> {
        if last_update_time.is_empty() {
            return None;
        }
        let key = key(direction, task_id);
        // An entry from the future (a clock set back, a hand edit) is as stale as an old one.
        let entry = self.file.lookups.get(&key).filter(|entry| {
            entry.last_update_time == last_update_time
                && now
                    .checked_sub(entry.stored_at)
                    .is_some_and(|age| (0..MAX_AGE_SECONDS).contains(&age))
        })?;
        if digest(
            &key,
            &entry.last_update_time,
            entry.stored_at,
            &entry.linked,
        ) != entry.digest
        {
            self.file.lookups.remove(&key);
            self.discarded += 1;
            self.changed = true;
            return None;
        }
        Some(entry.linked.clone())
    }

    pub fn put(
        &mut self,
        direction: Direction,
        task_id: &str,
        last_update_time: &str,
        linked: &[Linked],
    ) {
        self.put_at(direction, task_id, last_update_time, linked, now());
    }

    fn put_at(
        &mut self,
        direction: Direction,
        task_id: &str,
        last_update_time: &str,
        linked: &[Linked],
        stored_at: i64,
    ) {
        if last_update_time.is_empty() {
            return;
        }
        let key = key(direction, task_id);
        let entry = CachedLookup {
            last_update_time: last_update_time.to_owned(),
            stored_at,
            linked: linked.to_vec(),
            digest: digest(&key, last_update_time, stored_at, linked),
        };
        self.file.lookups.insert(key, entry);
        self.changed = true;
    }

    /// The warning to print when entries were discarded, if any.
    pub fn discarded_warning(&self) -> Option<String> {
        (self.discarded > 0).then(|| {
            format!(
                "warning: {} entr{} of the impact cache {} did not match {} digest and {} read from WeData instead",
                self.discarded,
                if self.discarded == 1 { "y" } else { "ies" },
                self.path.display(),
                if self.discarded == 1 { "its" } else { "their" },
                if self.discarded == 1 { "was" } else { "were" },
            )
        })
    }

    /// Writes the cache atomically (owner-only) when it changed. Failing only costs speed.
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

    fn consumer() -> Vec<Linked> {
        vec![Linked {
            id: "7".into(),
            name: "consumer".into(),
            workflow: Some("bi".into()),
            owner: None,
        }]
    }

    #[test]
    fn an_answer_is_served_only_while_the_last_update_time_matches() {
        let directory = tempfile::tempdir().unwrap();
        let path = LookupCache::path_beside(&directory.path().join("abc.json"));
        assert!(path.ends_with("abc.impact.json"));
        let (mut cache, warning) = LookupCache::load(path.clone());
        assert!(warning.is_none());
        cache.put(Direction::Downstream, "1", "t1", &consumer());
        cache.put(Direction::Downstream, "2", "", &consumer());
        cache.save();
        let (mut cache, _) = LookupCache::load(path);
        assert_eq!(
            cache.get(Direction::Downstream, "1", "t1"),
            Some(consumer())
        );
        assert_eq!(cache.get(Direction::Downstream, "1", "t2"), None);
        assert_eq!(cache.get(Direction::Upstream, "1", "t1"), None);
        assert_eq!(
            cache.get(Direction::Downstream, "2", ""),
            None,
            "no time, no entry"
        );
    }

    /// An answer is served for an hour after it was read, never from the future: a consumer
    /// created elsewhere downstream of an updated task shows within the hour.
    #[test]
    fn an_answer_is_served_for_an_hour_at_most() {
        let directory = tempfile::tempdir().unwrap();
        let (mut cache, _) = LookupCache::load(directory.path().join("x.impact.json"));
        cache.put_at(Direction::Downstream, "1", "t1", &consumer(), 1_000);
        let mut served_at = |now| cache.get_at(Direction::Downstream, "1", "t1", now);
        assert_eq!(served_at(1_000), Some(consumer()));
        assert_eq!(served_at(1_000 + MAX_AGE_SECONDS - 1), Some(consumer()));
        assert_eq!(served_at(1_000 + MAX_AGE_SECONDS), None);
        assert_eq!(served_at(999), None, "stored in the future");
    }

    /// A hand-made `stored_at` far in the past cannot overflow the age (a cache file never
    /// crashes the tool); a version 1 file is started afresh without a warning.
    #[test]
    fn a_hostile_or_older_file_is_not_served_and_does_not_crash() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("x.impact.json");
        let (mut cache, _) = LookupCache::load(path.clone());
        cache.put_at(Direction::Downstream, "1", "t1", &consumer(), i64::MIN);
        assert_eq!(cache.get_at(Direction::Downstream, "1", "t1", 1_000), None);
        std::fs::write(
            &path,
            r#"{"version":1,"lookups":{"downstream:1":{"last_update_time":"t1","linked":[],"digest":"x"}}}"#,
        )
        .unwrap();
        let (mut cache, warning) = LookupCache::load(path);
        assert!(warning.is_none(), "{warning:?}");
        assert_eq!(cache.get(Direction::Downstream, "1", "t1"), None);
    }

    /// A hand-edited entry (a downstream task removed, so a deletion would look safe) is not
    /// served, and is counted.
    #[test]
    fn an_entry_edited_by_hand_is_discarded_with_a_warning() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("x.impact.json");
        let (mut cache, _) = LookupCache::load(path.clone());
        cache.put(Direction::Downstream, "1", "t1", &consumer());
        cache.save();
        let text = std::fs::read_to_string(&path).unwrap();
        let edited = text.replace("consumer", "harmless");
        assert_ne!(text, edited);
        std::fs::write(&path, edited).unwrap();
        let (mut cache, _) = LookupCache::load(path.clone());
        assert_eq!(cache.get(Direction::Downstream, "1", "t1"), None);
        assert!(
            cache
                .discarded_warning()
                .unwrap()
                .contains("did not match its digest")
        );
        std::fs::write(&path, "{broken").unwrap();
        let (_, warning) = LookupCache::load(path);
        assert!(warning.unwrap().contains("unreadable"));
    }
}
