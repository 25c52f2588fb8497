//! The deployment lock's options, shared by every command that writes to WeData, the one
//! call that takes the lock and says so on stderr while waiting, and the one that releases it
//! with a warning when it cannot. The lock itself is `lock`.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use crate::cli::connection::Connection;
use crate::lock::{self, Lock};
use crate::manifest::Project;

/// How long to wait for the deployment lock and how long a held lock lives unrenewed.
#[derive(Debug, Clone, clap::Args)]
pub struct LockArgs {
    /// Wait this long for another run to release the deployment lock of the project and
    /// target (e.g. 30s, 10m, 1h).
    #[arg(long, value_name = "DURATION", default_value = "10m", value_parser = crate::cli::values::duration)]
    pub lock_timeout: Duration,

    /// The lease of this run's lock: renewed every third of it while the run is alive; a run
    /// killed without releasing blocks others for at most this long (e.g. 2m).
    #[arg(long, value_name = "DURATION", default_value = "2m", value_parser = crate::cli::values::duration)]
    pub lock_lease: Duration,
}

/// The lock's settings for `project` under these options.
pub fn settings(project: &Project, args: &LockArgs) -> lock::Settings {
    lock::Settings {
        project_id: project.settings.project_id.clone(),
        key: lock::record::key_for(project.settings.target.as_deref()),
        timeout: args.lock_timeout,
        lease: args.lock_lease,
    }
}

/// Takes the deployment lock for `command`, saying on stderr whom it waits for. `lost` is set
/// if the lock is lost later (see `lock`).
pub async fn acquire(
    command: &str,
    project: &Project,
    connection: &Connection,
    args: &LockArgs,
    lost: Arc<AtomicBool>,
) -> miette::Result<Lock> {
    let holder = lock::record::Holder::of_this_process(&project.root, command);
    let settings = settings(project, args);
    let on_wait = |holder: &str| {
        anstream::eprintln!(
            "Waiting for the deployment lock of project {} ({}), held by {holder} (up to {}s).",
            settings.project_id,
            settings.key,
            settings.timeout.as_secs()
        );
    };
    lock::acquire(&connection.client, &settings, holder, lost, &on_wait)
        .await
        .map_err(miette::Report::new)
}

/// Releases the deployment lock; when that fails, says on stderr that it expires by itself
/// after its lease (the run's own outcome stands either way).
pub async fn release(held: Lock, args: &LockArgs) {
    if let Err(error) = held.release().await {
        anstream::eprintln!(
            "warning: the deployment lock could not be released ({error}); it expires after its lease ({}s)",
            args.lock_lease.as_secs()
        );
    }
}
