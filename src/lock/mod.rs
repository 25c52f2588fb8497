//! The deployment lock: one writer per project and target at a time, kept in WeData itself
//! (there is no state file to hold it). A lock is a small code file in the Data Exploration
//! folder `/wedata-gitops-locks`, one per attempt, holding who wants the lock and for how long
//! its lease runs (see `record`).
//!
//! Acquiring does not trust WeData to refuse a duplicate name: each attempt writes its own
//! record, then lists the folder; the attempt whose record the server created strictly first
//! (by the server's CreateTime) among the live records wins. Attempts created in the same
//! second all withdraw and try again after a random pause, so two can never both win: a record
//! written after another's listing is created no earlier than that record, and when both see
//! each other they agree on the order. Losers delete their record and wait for the holder's
//! to go; a record whose lease ran out (by the server's clock, measured from its last
//! UpdateTime) is stale and ignored.
//!
//! The holder renews its lease (UpdateCodeFile) every third of it, and stops the run (the
//! apply's stop flag: nothing new starts) when its record is gone or cannot be renewed for a
//! whole lease: someone forced the lock open, or another process may now hold it. Releasing
//! deletes the record; a process killed without releasing leaves a record that goes stale
//! after its lease, or that `force-unlock` removes.
//!
//! What it does not guarantee is in docs/security.md: it excludes wedata-gitops runs that
//! take it, not console edits or other tools, and a holder that stops renewing (frozen, cut
//! off) for longer than its lease loses it.

pub mod record;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rand::Rng;

use crate::api::types::{
    CreateCodeFileRequest, CreateCodeFolderRequest, DeleteCodeFileRequest, GetCodeFileRequest,
    ListCodeFolderContentsRequest, UpdateCodeFileRequest,
};
use crate::api::{ApiError, Client};
use record::{Content, Holder};

/// The Data Exploration folder the records live in.
pub const FOLDER: &str = "wedata-gitops-locks";
/// How long a holder's record stays live without renewal, unless `--lock-lease` says otherwise.
pub const DEFAULT_LEASE: Duration = Duration::from_secs(120);
/// How long to wait for the lock, unless `--lock-timeout` says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(600);
/// The longest pause between two looks at a held lock.
const LONGEST_POLL: Duration = Duration::from_secs(5);

/// Where the lock is and how long to wait for it.
#[derive(Debug, Clone)]
pub struct Settings {
    pub project_id: String,
    /// The target, or `default` (see `record::key_for`).
    pub key: String,
    pub timeout: Duration,
    pub lease: Duration,
}

/// Why the lock could not be taken or kept.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "the deployment lock of project {project_id} ({key}) is held by {holder}; gave up after waiting {waited}s"
    )]
    Timeout {
        project_id: String,
        key: String,
        holder: String,
        waited: u64,
    },
    #[error("cannot use the deployment lock")]
    Api(#[source] ApiError),
}

impl miette::Diagnostic for LockError {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(match self {
            Self::Timeout { .. } => crate::codes::LockCode::Held.as_str(),
            Self::Api(_) => crate::codes::LockCode::Unavailable.as_str(),
        }))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(match self {
            Self::Timeout { .. } => {
                "wait for that run to end (or raise --lock-timeout); if it was killed, its lease expires by itself, or remove it with `wedata-gitops force-unlock`"
            }
            Self::Api(_) => {
                "the lock lives in Data Exploration's code files (folder /wedata-gitops-locks): the credentials need permission to list, create and delete code files there"
            }
        }))
    }
}

/// One record of the lock folder, as read back.
#[derive(Debug, Clone)]
pub struct Record {
    pub id: String,
    pub name: String,
    /// Server seconds (see `record::server_seconds`).
    pub created: i64,
    pub updated: i64,
    /// `None` when the content is not a record of ours (the default lease applies).
    pub content: Option<Content>,
}

impl Record {
    fn lease(&self) -> Duration {
        self.content.as_ref().map_or(DEFAULT_LEASE, Content::lease)
    }

    /// Whether the lease ran out by `server_now`.
    fn is_stale(&self, server_now: i64) -> bool {
        let lease = self.lease().as_secs() as i64;
        self.updated + lease < server_now
    }

    /// Who holds it, for people.
    pub fn holder(&self) -> String {
        match &self.content {
            Some(content) => content.holder.describe(),
            None => format!("an unreadable record `{}`", record::shown(&self.name)),
        }
    }
}

/// A held lock. Renewed in the background until released; dropping it without releasing
/// leaves the record to expire.
pub struct Lock {
    client: Client,
    project_id: String,
    record_id: String,
    released: Arc<AtomicBool>,
    renewal: tokio::task::JoinHandle<()>,
}

impl std::fmt::Debug for Lock {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter
            .debug_struct("Lock")
            .field("record_id", &self.record_id)
            .finish()
    }
}

/// What the waiting side is told, once per holder.
pub type OnWait<'a> = &'a (dyn Fn(&str) + Sync);

/// Takes the lock, waiting up to `settings.timeout` for its holder to finish. `lost` is set
/// if the lock is later lost (forced open, or not renewable for a lease).
pub async fn acquire(
    client: &Client,
    settings: &Settings,
    holder: Holder,
    lost: Arc<AtomicBool>,
    on_wait: OnWait<'_>,
) -> Result<Lock, LockError> {
    let started = Instant::now();
    let content = Content::new(&settings.key, holder, settings.lease).to_text();
    ensure_folder(client, &settings.project_id).await?;
    let mut told = String::new();
    loop {
        let (mine, my_time) = create_record(client, settings, &content).await?;
        let created_at = Instant::now();
        let others: Vec<Record> = records(client, settings)
            .await?
            .into_iter()
            .filter(|other| other.id != mine)
            .collect();
        let blocking: Vec<&Record> = others
            .iter()
            .filter(|other| !other.is_stale(my_time) && other.created <= my_time)
            .collect();
        if blocking.is_empty() {
            // Records whose lease ran out belong to runs that died (or froze: a frozen one
            // finds its record gone at its next renewal and stops). Clear them away.
            for stale in others.iter().filter(|other| other.is_stale(my_time)) {
                delete_record(client, &settings.project_id, &stale.id).await?;
            }
            return Ok(hold(client, settings, mine, content, lost));
        }
        delete_record(client, &settings.project_id, &mine).await?;
        let first = blocking
            .iter()
            .min_by_key(|other| (other.created, other.id.clone()))
            .expect("not empty");
        let holder = first.holder();
        if started.elapsed() >= settings.timeout {
            return Err(LockError::Timeout {
                project_id: settings.project_id.clone(),
                key: settings.key.clone(),
                holder,
                waited: started.elapsed().as_secs(),
            });
        }
        if first.created < my_time && holder != told {
            on_wait(&holder);
            told = holder;
        }
        // A tie (same second) means both withdrew: a short random pause breaks it. A holder
        // means waiting until its record is gone or stale, looking now and then.
        if first.created == my_time {
            let pause = rand::rng().random_range(100..1500);
            tokio::time::sleep(Duration::from_millis(pause)).await;
            continue;
        }
        wait_for(client, settings, first, my_time, created_at, started).await?;
    }
}

/// Writes one record of this attempt; returns its id and the server's CreateTime. When the
/// answer is lost, the record is looked up by its (unique) name before writing another, so a
/// lost answer never leaves a record of ours behind to block others.
async fn create_record(
    client: &Client,
    settings: &Settings,
    content: &str,
) -> Result<(String, i64), LockError> {
    let name = record::file_name(&settings.key, &uuid::Uuid::new_v4());
    let request = CreateCodeFileRequest {
        project_id: settings.project_id.clone(),
        code_file_name: name.clone(),
        parent_folder_path: format!("/{FOLDER}"),
        code_file_config: None,
        code_file_content: Some(content.to_owned()),
    };
    let invalid = |reason: &str| {
        LockError::Api(ApiError::InvalidResponse {
            action: "CreateCodeFile".into(),
            endpoint: client.config().endpoint.clone(),
            reason: reason.into(),
            request_id: None,
        })
    };
    for _ in 0..4 {
        match client.send(&request).await {
            Ok(response) => {
                let file = response.data.unwrap_or_default();
                let time = file.create_time.as_deref().and_then(record::server_seconds);
                return match (file.code_file_id, time) {
                    (Some(id), Some(time)) => Ok((id, time)),
                    _ => Err(invalid("no CodeFileId or CreateTime")),
                };
            }
            Err(error) if error.is_outcome_unknown() => {
                let written = records(client, settings)
                    .await?
                    .into_iter()
                    .find(|record| record.name == name);
                if let Some(record) = written {
                    return Ok((record.id, record.created));
                }
            }
            Err(error) => return Err(LockError::Api(error)),
        }
    }
    Err(invalid("no answer to four attempts"))
}

/// Waits until `holder`'s record is gone or stale (judged with the server's clock, carried
/// forward from `my_time` by the local monotonic clock), or the timeout is reached.
async fn wait_for(
    client: &Client,
    settings: &Settings,
    holder: &Record,
    my_time: i64,
    my_time_seen: Instant,
    started: Instant,
) -> Result<(), LockError> {
    let mut pause = Duration::from_millis(500);
    loop {
        if started.elapsed() >= settings.timeout {
            return Ok(());
        }
        tokio::time::sleep(pause.min(settings.timeout.saturating_sub(started.elapsed()))).await;
        pause = (pause * 2).min(LONGEST_POLL);
        let server_now = my_time + my_time_seen.elapsed().as_secs() as i64;
        let current = records(client, settings).await?;
        let still_held = current
            .iter()
            .any(|record| record.id == holder.id && !record.is_stale(server_now));
        if !still_held {
            return Ok(());
        }
    }
}

/// Starts renewing the record and hands out the lock.
fn hold(
    client: &Client,
    settings: &Settings,
    record_id: String,
    content: String,
    lost: Arc<AtomicBool>,
) -> Lock {
    let released = Arc::new(AtomicBool::new(false));
    let renewal = tokio::spawn(renew(
        client.clone(),
        settings.project_id.clone(),
        record_id.clone(),
        content,
        settings.lease,
        lost,
        released.clone(),
    ));
    Lock {
        client: client.clone(),
        project_id: settings.project_id.clone(),
        record_id,
        released,
        renewal,
    }
}

/// Renews the lease every third of it; sets `lost` when the record is gone or has not been
/// renewed for a whole lease.
async fn renew(
    client: Client,
    project_id: String,
    record_id: String,
    content: String,
    lease: Duration,
    lost: Arc<AtomicBool>,
    released: Arc<AtomicBool>,
) {
    let period = (lease / 3).max(Duration::from_millis(300));
    let mut last_renewal = Instant::now();
    loop {
        tokio::time::sleep(period).await;
        if released.load(Ordering::SeqCst) {
            return;
        }
        let renewed = client
            .send(&UpdateCodeFileRequest {
                project_id: project_id.clone(),
                code_file_id: record_id.clone(),
                code_file_config: None,
                code_file_content: Some(content.clone()),
                submit_action: None,
            })
            .await;
        match renewed {
            Ok(_) => last_renewal = Instant::now(),
            Err(error) if is_not_found(&error) => {
                lost.store(true, Ordering::SeqCst);
                return;
            }
            Err(_) if last_renewal.elapsed() >= lease => {
                lost.store(true, Ordering::SeqCst);
                return;
            }
            Err(_) => {}
        }
    }
}

impl Lock {
    /// Gives the lock back (deletes the record). A record already gone is not an error.
    pub async fn release(self) -> Result<(), LockError> {
        self.released.store(true, Ordering::SeqCst);
        self.renewal.abort();
        delete_record(&self.client, &self.project_id, &self.record_id).await
    }

    /// A handle that can release the lock from elsewhere (a second Ctrl-C), at most once.
    pub fn releaser(&self) -> Releaser {
        Releaser {
            client: self.client.clone(),
            project_id: self.project_id.clone(),
            record_id: self.record_id.clone(),
            released: self.released.clone(),
        }
    }
}

/// Releases a lock from another task (the signal handler) without owning it.
#[derive(Clone)]
pub struct Releaser {
    client: Client,
    project_id: String,
    record_id: String,
    released: Arc<AtomicBool>,
}

impl Releaser {
    pub async fn release(&self) {
        if self.released.swap(true, Ordering::SeqCst) {
            return;
        }
        let _ = delete_record(&self.client, &self.project_id, &self.record_id).await;
    }
}

/// Every record of the lock `settings.key` names, oldest first, each read in full.
pub async fn records(client: &Client, settings: &Settings) -> Result<Vec<Record>, LockError> {
    let listed = client
        .send(&ListCodeFolderContentsRequest {
            project_id: settings.project_id.clone(),
            parent_folder_path: Some(format!("/{FOLDER}")),
            keyword: None,
            only_folder_node: Some(false),
            only_user_self_script: Some(false),
        })
        .await;
    let nodes = match listed {
        Ok(response) => response.data.unwrap_or_default(),
        Err(error) if is_not_found(&error) => return Ok(Vec::new()),
        Err(error) => return Err(LockError::Api(error)),
    };
    let mut found = Vec::new();
    for node in nodes {
        let (Some(id), Some(title)) = (node.id, node.title) else {
            continue;
        };
        let is_record =
            node.r#type.as_deref() == Some("script") && record::is_record_of(&title, &settings.key);
        if !is_record {
            continue;
        }
        let answer = client
            .send(&GetCodeFileRequest {
                project_id: settings.project_id.clone(),
                code_file_id: id.clone(),
                include_content: Some(true),
            })
            .await;
        let file = match answer {
            Ok(response) => response.data.unwrap_or_default(),
            // Deleted between the listing and now: its holder let go.
            Err(error) if is_not_found(&error) => continue,
            Err(error) => return Err(LockError::Api(error)),
        };
        // A record without times cannot be ordered: treat it as created and renewed now, so
        // it blocks for one lease and then goes stale like any other.
        let created = file.create_time.as_deref().and_then(record::server_seconds);
        let updated = file
            .update_time
            .as_deref()
            .and_then(record::server_seconds)
            .or(created);
        let (Some(created), Some(updated)) = (created, updated) else {
            continue;
        };
        found.push(Record {
            id,
            name: title,
            created,
            updated,
            content: file.code_file_content.as_deref().and_then(Content::parse),
        });
    }
    found.sort_by(|left, right| (left.created, &left.id).cmp(&(right.created, &right.id)));
    Ok(found)
}

/// Removes every record of the lock, whoever wrote it; returns what was removed.
pub async fn force_unlock(client: &Client, settings: &Settings) -> Result<Vec<Record>, LockError> {
    let found = records(client, settings).await?;
    for record in &found {
        delete_record(client, &settings.project_id, &record.id).await?;
    }
    Ok(found)
}

/// Creates the lock folder when the project has none (a concurrent creator is fine).
async fn ensure_folder(client: &Client, project_id: &str) -> Result<(), LockError> {
    let listed = client
        .send(&ListCodeFolderContentsRequest {
            project_id: project_id.to_owned(),
            parent_folder_path: Some("/".to_owned()),
            keyword: Some(FOLDER.to_owned()),
            only_folder_node: Some(true),
            only_user_self_script: Some(false),
        })
        .await
        .map_err(LockError::Api)?;
    let exists = listed.data.unwrap_or_default().iter().any(|node| {
        node.title.as_deref() == Some(FOLDER) && node.r#type.as_deref() == Some("folder")
    });
    if exists {
        return Ok(());
    }
    match send_write(
        client,
        &CreateCodeFolderRequest {
            project_id: project_id.to_owned(),
            folder_name: FOLDER.to_owned(),
            parent_folder_path: "/".to_owned(),
        },
    )
    .await
    {
        Ok(_) => Ok(()),
        Err(LockError::Api(error)) if error.code() == Some("InvalidParameter.DuplicateName") => {
            Ok(())
        }
        Err(error) => Err(error),
    }
}

async fn delete_record(
    client: &Client,
    project_id: &str,
    record_id: &str,
) -> Result<(), LockError> {
    let deleted = send_write(
        client,
        &DeleteCodeFileRequest {
            project_id: project_id.to_owned(),
            code_file_id: record_id.to_owned(),
        },
    )
    .await;
    match deleted {
        Err(LockError::Api(error)) if is_not_found(&error) => Ok(()),
        other => other.map(|_| ()),
    }
}

/// A write whose outcome may stay unknown (the answer was lost) is sent again a few times:
/// every lock write is safe to repeat (a second record of an attempt is one more record the
/// same process deletes; deleting twice is deleting once).
async fn send_write<A: crate::api::Action>(
    client: &Client,
    request: &A,
) -> Result<A::Response, LockError> {
    let mut attempts = 0;
    loop {
        attempts += 1;
        match client.send(request).await {
            Err(error) if error.is_outcome_unknown() && attempts < 4 => continue,
            other => return other.map_err(LockError::Api),
        }
    }
}

fn is_not_found(error: &ApiError) -> bool {
    error
        .code()
        .is_some_and(|code| code.starts_with("ResourceNotFound"))
}
