//! Waiting for a run: read it, report what changed, sleep, read again, until it is over, the
//! timeout passes or the user interrupts.
//!
//! The budget is one read per task per 5 seconds: one read returns the whole run (every task
//! run, or every instance), so a run of N tasks is read at most every 5 s / N (never more
//! often than once a second), and while nothing changes the wait grows by half each time, up
//! to 30 s. A change brings it back to the shortest. `--poll-interval` replaces the shortest
//! wait (tests and impatient people); the growth and the ceiling stay.

use std::future::Future;
use std::time::Duration;

use tokio::sync::watch;
use tokio::time::Instant;

use super::run::{Change, Snapshot, changes};
use crate::api::ApiError;

/// Reads per task allowed in this much time.
pub const BUDGET_PER_TASK: Duration = Duration::from_secs(5);
/// Never read more often than this without being told to.
pub const SHORTEST_DEFAULT: Duration = Duration::from_secs(1);
/// The longest wait between two reads.
pub const LONGEST: Duration = Duration::from_secs(30);

/// How long to wait between two reads of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollPolicy {
    /// The shortest wait; `None`: the budget shared by the run's tasks, at least a second.
    pub shortest: Option<Duration>,
    /// The longest wait while nothing changes.
    pub longest: Duration,
}

impl Default for PollPolicy {
    fn default() -> Self {
        Self {
            shortest: None,
            longest: LONGEST,
        }
    }
}

impl PollPolicy {
    /// The policy with `--poll-interval` as its shortest wait, when given.
    pub fn with_shortest(shortest: Option<Duration>) -> Self {
        Self {
            shortest,
            ..Self::default()
        }
    }

    /// The shortest wait for a run of `tasks` task runs or instances, rounded up to the
    /// nanosecond (5 s / 3 truncated is 1.666666666 s, and three such waits read a run of
    /// three tasks three times in 2 ns under five seconds).
    pub fn shortest_for(&self, tasks: usize) -> Duration {
        self.shortest.unwrap_or_else(|| {
            let tasks = u64::try_from(tasks.max(1)).unwrap_or(u64::MAX);
            let nanoseconds = u64::try_from(BUDGET_PER_TASK.as_nanos()).unwrap_or(u64::MAX);
            Duration::from_nanos(nanoseconds.div_ceil(tasks)).max(SHORTEST_DEFAULT)
        })
    }

    /// The wait after a read: back to the shortest when something changed, else half as long
    /// again as `current`, up to the longest.
    pub fn next(&self, current: Duration, changed: bool, tasks: usize) -> Duration {
        let shortest = self.shortest_for(tasks);
        if changed {
            return shortest;
        }
        current
            .mul_f64(1.5)
            .clamp(shortest, self.longest.max(shortest))
    }
}

/// Something that can be read as a [`Snapshot`]: a workflow run or a backfill.
pub trait Source {
    fn read(&mut self) -> impl Future<Output = Result<Snapshot, ApiError>> + Send;
}

/// How waiting ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Waited {
    Finished(Snapshot),
    /// The timeout passed first; the last read, if any.
    TimedOut(Option<Snapshot>),
    /// The interrupt was set; the last read, if any.
    Interrupted(Option<Snapshot>),
}

/// What bounds a wait.
#[derive(Debug, Clone, Default)]
pub struct Limits {
    pub policy: PollPolicy,
    /// Give up after this long (the run goes on).
    pub timeout: Option<Duration>,
    /// Set to `true` to stop waiting (Ctrl-C).
    pub interrupt: Option<watch::Receiver<bool>>,
}

/// Reads `source` until the run is over, the timeout passes or the interrupt is set, calling
/// `observe` after every read with the changes it brought. Returns how it ended and how long
/// it took. A failed read ends the wait with its error (the client already retried what can
/// be retried).
pub async fn wait<S: Source>(
    source: &mut S,
    limits: Limits,
    mut observe: impl FnMut(&Snapshot, &[Change]),
) -> Result<(Waited, Duration), ApiError> {
    let started = Instant::now();
    let deadline = limits.timeout.map(|timeout| started + timeout);
    let mut interrupt = limits.interrupt;
    let mut last: Option<Snapshot> = None;
    let mut wait = Duration::ZERO;
    loop {
        let read = tokio::select! {
            read = source.read() => read?,
            () = interrupted(&mut interrupt) => {
                return Ok((Waited::Interrupted(last), started.elapsed()));
            }
            () = until(deadline) => {
                return Ok((Waited::TimedOut(last), started.elapsed()));
            }
        };
        let moved = changes(last.as_ref(), &read);
        let changed =
            !moved.is_empty() || last.as_ref().is_none_or(|last| last.state != read.state);
        observe(&read, &moved);
        if read.is_finished() {
            return Ok((Waited::Finished(read), started.elapsed()));
        }
        wait = limits.policy.next(wait, changed, read.items.len());
        last = Some(read);
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            () = interrupted(&mut interrupt) => {
                return Ok((Waited::Interrupted(last), started.elapsed()));
            }
            () = until(deadline) => {
                return Ok((Waited::TimedOut(last), started.elapsed()));
            }
        }
    }
}

/// Resolves once the interrupt is set; never without one.
async fn interrupted(interrupt: &mut Option<watch::Receiver<bool>>) {
    match interrupt {
        Some(receiver) => {
            if receiver.wait_for(|set| *set).await.is_err() {
                // The sender is gone: nobody can interrupt any more.
                std::future::pending::<()>().await;
            }
        }
        None => std::future::pending().await,
    }
}

async fn until(deadline: Option<Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::run::{Item, Phase};

    #[test]
    fn the_shortest_wait_shares_five_seconds_among_the_tasks() {
        let policy = PollPolicy::default();
        assert_eq!(policy.shortest_for(1), Duration::from_secs(5));
        assert_eq!(policy.shortest_for(2), Duration::from_millis(2500));
        assert_eq!(policy.shortest_for(50), Duration::from_secs(1));
        assert_eq!(policy.shortest_for(0), Duration::from_secs(5));
        let told = PollPolicy::with_shortest(Some(Duration::from_millis(200)));
        assert_eq!(told.shortest_for(1), Duration::from_millis(200));
    }

    #[test]
    fn waits_grow_while_nothing_changes_and_reset_on_a_change() {
        let policy = PollPolicy::default();
        let mut wait = Duration::ZERO;
        let mut seen = Vec::new();
        for _ in 0..8 {
            wait = policy.next(wait, false, 1);
            seen.push(wait.as_millis());
        }
        assert_eq!(seen, [5000, 7500, 11250, 16875, 25312, 30000, 30000, 30000]);
        assert_eq!(policy.next(wait, true, 1), Duration::from_secs(5));
    }

    /// The case proptest found: three tasks, waits of 5 s / 3 truncated to the nanosecond
    /// made three reads in 4.999999998 s.
    #[test]
    fn the_shortest_wait_rounds_up_so_three_tasks_are_never_read_early() {
        let policy = PollPolicy::default();
        let mut wait = Duration::ZERO;
        let mut elapsed = Duration::ZERO;
        for changed in [false, true, true] {
            wait = policy.next(wait, changed, 3);
            elapsed += wait;
        }
        assert!(elapsed >= BUDGET_PER_TASK, "{elapsed:?}");
        assert_eq!(policy.shortest_for(3), Duration::from_nanos(1_666_666_667));
    }

    proptest::proptest! {
        /// Whatever happens, a run of N tasks is never read more often than the budget allows.
        #[test]
        fn reads_never_exceed_one_per_task_per_five_seconds(
            tasks in 1usize..40,
            changes in proptest::collection::vec(proptest::prelude::any::<bool>(), 1..200),
        ) {
            let policy = PollPolicy::default();
            let mut wait = Duration::ZERO;
            let mut elapsed = Duration::ZERO;
            for changed in &changes {
                wait = policy.next(wait, *changed, tasks);
                elapsed += wait;
            }
            let reads = changes.len() as f64;
            let allowed = tasks as f64 * elapsed.as_secs_f64() / 5.0;
            proptest::prop_assert!(reads <= allowed + 1e-9, "{reads} reads in {elapsed:?}");
        }
    }

    struct Scripted {
        reads: Vec<&'static str>,
        done: usize,
    }

    impl Source for Scripted {
        async fn read(&mut self) -> Result<Snapshot, ApiError> {
            let state = self.reads[self.done.min(self.reads.len() - 1)];
            self.done += 1;
            Ok(Snapshot {
                state: state.to_owned(),
                phase: Phase::of_run_state(state),
                items: vec![Item {
                    key: "1".into(),
                    name: "task".into(),
                    state: state.to_owned(),
                    phase: Phase::of_run_state(state),
                    error: None,
                    log_key: None,
                }],
            })
        }
    }

    #[tokio::test(start_paused = true)]
    async fn waiting_reports_each_change_once_and_ends_when_the_run_does() {
        let mut source = Scripted {
            reads: vec!["QUEUED", "RUNNING", "RUNNING", "SUCCESS"],
            done: 0,
        };
        let mut seen = Vec::new();
        let (waited, _) = wait(&mut source, Limits::default(), |_, changes| {
            seen.extend(changes.iter().map(|change| change.state.clone()))
        })
        .await
        .unwrap();
        assert!(matches!(waited, Waited::Finished(ref last) if last.state == "SUCCESS"));
        assert_eq!(seen, ["QUEUED", "RUNNING", "SUCCESS"]);
        assert_eq!(source.done, 4);
    }

    #[tokio::test(start_paused = true)]
    async fn a_timeout_or_an_interrupt_ends_the_wait_with_the_last_read() {
        let mut source = Scripted {
            reads: vec!["RUNNING"],
            done: 0,
        };
        let limits = Limits {
            timeout: Some(Duration::from_secs(60)),
            ..Limits::default()
        };
        let (waited, elapsed) = wait(&mut source, limits, |_, _| {}).await.unwrap();
        assert!(matches!(waited, Waited::TimedOut(Some(_))), "{waited:?}");
        assert_eq!(elapsed, Duration::from_secs(60));

        let (sender, receiver) = watch::channel(false);
        sender.send(true).unwrap();
        let limits = Limits {
            interrupt: Some(receiver),
            ..Limits::default()
        };
        let (waited, _) = wait(&mut source, limits, |_, _| {}).await.unwrap();
        assert!(matches!(waited, Waited::Interrupted(_)), "{waited:?}");
    }
}
