//! The per-action rate limiter shared by every concurrent caller of one client, shaped after
//! the server's window so that a run with the account to itself is never answered
//! RequestLimitExceeded, and the per-action count of calls and rejected calls.
//!
//! **What we assume of WeData.** The service documents "20 requests per second per action"
//! and nothing more. We assume the strictest common reading, which the emulator's
//! `ServerLimiter` implements: per SecretId and action, the server counts the requests that
//! *reach* it in any one-second window, sliding, and rejects the (N+1)th. A fixed one-second
//! window, or a token bucket of N per second with a burst of N, admits everything a sliding
//! window admits, so pacing for the sliding window satisfies those readings too.
//!
//! **Aligning with it.** When a request reaches the server is not known here, only that it
//! lies between sending it and receiving its answer. So a request holds its place in the
//! action's budget of N from the moment it starts until one window plus [`MARGIN`] after its
//! answer. Then no window of the server's can hold more than N of ours, however the network
//! delays or reorders them; the first N go at once (the server's burst). The price is one round
//! trip per window: 2 % at 20 ms, 5 % at 50 ms.
//!
//! **When the server rejects anyway** (another client uses the account, or its window is
//! stricter than assumed), the action slows down for every caller at once: nothing more of it
//! starts for [`SLOWDOWN_PAUSE`], and its budget drops by a quarter, so fewer of its requests
//! share a window from then on. Each later window without a rejection gives back a twentieth of
//! the limit (additive increase, multiplicative decrease). Requests already in flight when it
//! slowed down do not slow it again. Retries then wait for the shared budget like any other
//! call.
//!
//! Callers wait instead of failing. Time is `tokio::time`, so tests run on a paused clock.
//! Knows nothing of HTTP: the client reports each call's end by dropping its [`Permit`].

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::pin::pin;
use std::sync::Mutex;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::Instant;

/// The server's window, as assumed above.
pub const WINDOW: Duration = Duration::from_secs(1);

/// Added to the window a request holds its place for: covers a server that rounds its times
/// to the millisecond or counts a request exactly one window old as still inside it.
pub const MARGIN: Duration = Duration::from_millis(10);

/// How long after its answer a request still counts against its action's budget.
const HOLD: Duration = WINDOW.checked_add(MARGIN).expect("a small sum");

/// How long an action pauses, for every caller, after a rejection: long enough that callers
/// waiting on it do not all retry into the same full window, short enough that a lone
/// rejection costs little. The budget cut is what slows the action down for longer.
pub const SLOWDOWN_PAUSE: Duration = Duration::from_millis(250);

#[derive(Debug)]
pub struct RateLimiter {
    requests_per_second: usize,
    budgets: Mutex<HashMap<String, ActionBudget>>,
    /// Woken whenever a request ends, so callers waiting for a place look again.
    request_ended: Notify,
}

/// One action's share of the limit.
#[derive(Debug)]
struct ActionBudget {
    /// Requests allowed per window now: `requests_per_second`, less after rejections.
    limit: usize,
    /// Started and not yet answered.
    in_flight: usize,
    /// When the answers of the last `HOLD` arrived, oldest first.
    recently_answered: VecDeque<Instant>,
    /// No request starts before this (set by a rejection).
    paused_until: Option<Instant>,
    /// How many times the action slowed down; a permit remembers the value it started under,
    /// so the rejections of one burst slow it down once.
    slowdowns: u64,
    /// When `limit` last moved (down on a rejection, up after a quiet window).
    limit_changed: Instant,
    counts: CallCounts,
}

/// What one action's calls came to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CallCounts {
    /// Attempts sent, retries included.
    pub calls: u64,
    /// Attempts the server answered RequestLimitExceeded.
    pub rejected: u64,
}

/// A place in an action's budget, held while the request is out. Dropping it says the request
/// ended (answered, failed, or abandoned); [`Permit::rejected`] says the server rejected it.
#[must_use = "a permit holds a place until it is dropped"]
#[derive(Debug)]
pub struct Permit<'limiter> {
    limiter: &'limiter RateLimiter,
    action: String,
    slowdowns: u64,
    rejected: bool,
}

impl Permit<'_> {
    /// Ends the request as answered RequestLimitExceeded: the action slows down (once per
    /// burst, see the module comment).
    pub fn rejected(mut self) {
        self.rejected = true;
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        self.limiter
            .end(&self.action, self.slowdowns, self.rejected);
    }
}

impl RateLimiter {
    /// `requests_per_second` of 0 is treated as 1.
    pub fn new(requests_per_second: u32) -> Self {
        Self {
            requests_per_second: requests_per_second.max(1) as usize,
            budgets: Mutex::new(HashMap::new()),
            request_ended: Notify::new(),
        }
    }

    pub fn requests_per_second(&self) -> usize {
        self.requests_per_second
    }

    /// Waits until `action` may send one more request; the permit holds its place.
    pub async fn acquire(&self, action: &str) -> Permit<'_> {
        loop {
            // Registered before looking, so an answer arriving in between still wakes us.
            let mut request_ended = pin!(self.request_ended.notified());
            request_ended.as_mut().enable();
            let wait = {
                let mut budgets = self.budgets.lock().expect("limiter lock");
                let budget = self.budget(&mut budgets, action);
                let now = Instant::now();
                while budget
                    .recently_answered
                    .front()
                    .is_some_and(|&answered| now.duration_since(answered) >= HOLD)
                {
                    budget.recently_answered.pop_front();
                }
                match budget.paused_until {
                    Some(until) if until > now => Some(until - now),
                    _ if budget.in_flight + budget.recently_answered.len() < budget.limit => {
                        budget.in_flight += 1;
                        budget.counts.calls += 1;
                        return Permit {
                            limiter: self,
                            action: action.to_owned(),
                            slowdowns: budget.slowdowns,
                            rejected: false,
                        };
                    }
                    // A place frees up when the oldest answer leaves the window, or sooner
                    // for an answer still to come (which then wakes us).
                    _ => budget
                        .recently_answered
                        .front()
                        .map(|&answered| HOLD.saturating_sub(now.duration_since(answered))),
                }
            };
            match wait {
                Some(wait) => {
                    tokio::select! {
                        () = tokio::time::sleep(wait) => {}
                        () = request_ended => {}
                    }
                }
                None => request_ended.await,
            }
        }
    }

    /// What each quiet window gives back after a slow-down: a twentieth of the limit (one at
    /// WeData's 20), so a cut of a quarter is made up in five windows whatever the limit.
    fn recovery_step(&self) -> usize {
        (self.requests_per_second / 20).max(1)
    }

    /// Calls and rejected calls so far, per action, in name order.
    pub fn counts(&self) -> BTreeMap<String, CallCounts> {
        self.budgets
            .lock()
            .expect("limiter lock")
            .iter()
            .map(|(action, budget)| (action.clone(), budget.counts))
            .collect()
    }

    /// Requests `action` may have out per window now (lower than the limit after rejections).
    pub fn current_limit(&self, action: &str) -> usize {
        self.budgets
            .lock()
            .expect("limiter lock")
            .get(action)
            .map_or(self.requests_per_second, |budget| budget.limit)
    }

    fn budget<'budgets>(
        &self,
        budgets: &'budgets mut HashMap<String, ActionBudget>,
        action: &str,
    ) -> &'budgets mut ActionBudget {
        budgets
            .entry(action.to_owned())
            .or_insert_with(|| ActionBudget {
                limit: self.requests_per_second,
                in_flight: 0,
                recently_answered: VecDeque::new(),
                paused_until: None,
                slowdowns: 0,
                limit_changed: Instant::now(),
                counts: CallCounts::default(),
            })
    }

    /// A request of `action`, started after `slowdowns` slow-downs, ended.
    fn end(&self, action: &str, slowdowns: u64, rejected: bool) {
        {
            let mut budgets = self.budgets.lock().expect("limiter lock");
            let budget = self.budget(&mut budgets, action);
            let now = Instant::now();
            budget.in_flight = budget.in_flight.saturating_sub(1);
            budget.recently_answered.push_back(now);
            if rejected {
                budget.counts.rejected += 1;
            }
            if rejected && slowdowns == budget.slowdowns {
                budget.limit = (budget.limit - (budget.limit / 4).max(1)).max(1);
                budget.paused_until = Some(now + SLOWDOWN_PAUSE);
                budget.slowdowns += 1;
                budget.limit_changed = now;
                tracing::info!(
                    action,
                    requests_per_second = budget.limit,
                    "RequestLimitExceeded: slowing down this action"
                );
            } else if !rejected
                && budget.limit < self.requests_per_second
                && now.duration_since(budget.limit_changed) >= HOLD
            {
                budget.limit = (budget.limit + self.recovery_step()).min(self.requests_per_second);
                budget.limit_changed = now;
            }
        }
        self.request_ended.notify_waiters();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    const ROUND_TRIP: Duration = Duration::from_millis(30);

    /// Sends one request of `action` through `limiter`: it takes `ROUND_TRIP`, and the server
    /// rejects it when `reject` says so. Returns when it started.
    async fn request(limiter: &RateLimiter, action: &str, reject: bool) -> Instant {
        let permit = limiter.acquire(action).await;
        let started = Instant::now();
        tokio::time::sleep(ROUND_TRIP).await;
        if reject {
            permit.rejected();
        }
        started
    }

    #[tokio::test(start_paused = true)]
    async fn the_first_n_requests_go_at_once_and_the_next_waits_a_window_after_the_answers() {
        let limiter = RateLimiter::new(20);
        let start = Instant::now();
        let mut permits = Vec::new();
        for _ in 0..20 {
            permits.push(limiter.acquire("GetTriggerTask").await);
        }
        assert_eq!(start.elapsed(), Duration::ZERO);
        tokio::time::sleep(ROUND_TRIP).await;
        drop(permits);
        let _next = limiter.acquire("GetTriggerTask").await;
        assert_eq!(start.elapsed(), ROUND_TRIP + HOLD);
    }

    #[tokio::test(start_paused = true)]
    async fn a_request_still_out_keeps_its_place_however_long_it_takes() {
        let limiter = Arc::new(RateLimiter::new(1));
        let start = Instant::now();
        let slow = limiter.acquire("GetTriggerTask").await;
        let waiting = {
            let limiter = limiter.clone();
            tokio::spawn(async move {
                let _permit = limiter.acquire("GetTriggerTask").await;
                start.elapsed()
            })
        };
        tokio::time::sleep(Duration::from_secs(5)).await;
        assert!(!waiting.is_finished());
        drop(slow);
        assert_eq!(waiting.await.unwrap(), Duration::from_secs(5) + HOLD);
    }

    #[tokio::test(start_paused = true)]
    async fn actions_have_separate_budgets() {
        let limiter = RateLimiter::new(2);
        let start = Instant::now();
        for action in ["A", "A", "B", "B", "C"] {
            let _ended = limiter.acquire(action).await;
        }
        assert_eq!(start.elapsed(), Duration::ZERO);
        let counts = limiter.counts();
        assert_eq!(counts["A"].calls, 2);
        assert_eq!(counts["C"].calls, 1);
    }

    /// The property the limiter exists for: whatever the delays, no one-second window at the
    /// server holds more than N requests, when each arrives anywhere in its round trip.
    #[tokio::test(start_paused = true)]
    async fn concurrent_callers_never_put_more_than_n_in_any_server_window() {
        let limiter = Arc::new(RateLimiter::new(5));
        let start = Instant::now();
        let mut handles = Vec::new();
        for index in 0..23u64 {
            let limiter = limiter.clone();
            handles.push(tokio::spawn(async move {
                let permit = limiter.acquire("ListTriggerTasks").await;
                let sent = start.elapsed();
                // Round trips of 10 to 110 ms, in no particular order.
                tokio::time::sleep(Duration::from_millis(10 + (index * 37) % 101)).await;
                drop(permit);
                (sent, start.elapsed())
            }));
        }
        let mut spans = Vec::new();
        for handle in handles {
            spans.push(handle.await.unwrap());
        }
        // A request reaches the server anywhere between being sent and being answered, so a
        // server window (t - 1 s, t] may hold every request sent by t and answered after
        // t - 1 s. That count only grows at a send, so checking at each send covers all t.
        for &(at, _) in &spans {
            let could_share = spans
                .iter()
                .filter(|(sent, answered)| *sent <= at && *answered + WINDOW > at)
                .count();
            assert!(
                could_share <= 5,
                "{could_share} requests could share a window at {at:?}"
            );
        }
        let last = spans.iter().map(|(sent, _)| *sent).max().unwrap();
        assert!(last >= WINDOW * 4, "23 at 5 per window need four waits");
    }

    #[tokio::test(start_paused = true)]
    async fn a_burst_with_rejections_lowers_the_budget_once() {
        let limiter = Arc::new(RateLimiter::new(20));
        // Three of a burst of twenty are rejected: one slow-down, not three.
        let mut burst = Vec::new();
        for index in 0..20 {
            let limiter = limiter.clone();
            burst.push(tokio::spawn(async move {
                request(&limiter, "GetTriggerTask", index >= 17).await
            }));
        }
        for handle in burst {
            handle.await.unwrap();
        }
        assert_eq!(limiter.current_limit("GetTriggerTask"), 15);
        let counts = limiter.counts()["GetTriggerTask"];
        assert_eq!((counts.calls, counts.rejected), (20, 3));
        // Another action is not slowed.
        assert_eq!(limiter.current_limit("ListTriggerTasks"), 20);
        // Twenty held against a budget of fifteen: the next waits for them to leave the window.
        let answered = Instant::now();
        let next = request(&limiter, "GetTriggerTask", false).await;
        assert_eq!(next, answered + HOLD);
    }

    #[tokio::test(start_paused = true)]
    async fn a_rejection_pauses_the_action_for_every_caller_but_not_other_actions() {
        let limiter = Arc::new(RateLimiter::new(20));
        request(&limiter, "SubmitTriggerTask", true).await;
        let rejected_at = Instant::now();
        let waiting: Vec<_> = (0..3)
            .map(|_| {
                let limiter = limiter.clone();
                tokio::spawn(async move { request(&limiter, "SubmitTriggerTask", false).await })
            })
            .collect();
        let other = request(&limiter, "GetTriggerTask", false).await;
        assert_eq!(other, rejected_at, "another action goes on at once");
        for handle in waiting {
            assert_eq!(handle.await.unwrap(), rejected_at + SLOWDOWN_PAUSE);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn the_budget_comes_back_a_twentieth_per_quiet_window() {
        let limiter = RateLimiter::new(8);
        request(&limiter, "GetTask", true).await;
        assert_eq!(limiter.current_limit("GetTask"), 6);
        for _ in 0..3 {
            tokio::time::sleep(HOLD).await;
            request(&limiter, "GetTask", false).await;
        }
        assert_eq!(limiter.current_limit("GetTask"), 8);
        request(&limiter, "GetTask", false).await;
        assert_eq!(limiter.current_limit("GetTask"), 8, "never above the limit");

        // A twentieth of a larger limit per quiet window: a cut made up in five.
        let limiter = RateLimiter::new(200);
        request(&limiter, "GetTask", true).await;
        assert_eq!(limiter.current_limit("GetTask"), 150);
        for _ in 0..5 {
            tokio::time::sleep(HOLD).await;
            request(&limiter, "GetTask", false).await;
        }
        assert_eq!(limiter.current_limit("GetTask"), 200);
    }

    #[tokio::test(start_paused = true)]
    async fn an_abandoned_request_frees_its_place_like_an_answered_one() {
        let limiter = RateLimiter::new(1);
        let start = Instant::now();
        let abandoned = async {
            let _permit = limiter.acquire("GetTask").await;
            std::future::pending::<()>().await;
        };
        // The request is cancelled (a sibling failed) after 50 ms.
        let _ = tokio::time::timeout(Duration::from_millis(50), abandoned).await;
        let _next = limiter.acquire("GetTask").await;
        assert_eq!(start.elapsed(), Duration::from_millis(50) + HOLD);
    }
}
