//! A per-action rate limiter shared by every concurrent caller of one client.
//!
//! WeData allows N requests per second per action. The limiter keeps, per action, the start
//! times of the last N requests and lets a new one start only when the oldest of them is a
//! second old, so no one-second window, aligned or sliding, ever holds more than N. Callers
//! wait instead of failing. Time is `tokio::time`, so tests run on a paused clock.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

const WINDOW: Duration = Duration::from_secs(1);

#[derive(Debug)]
pub struct RateLimiter {
    requests_per_second: usize,
    recent_starts: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl RateLimiter {
    /// `requests_per_second` of 0 is treated as 1.
    pub fn new(requests_per_second: u32) -> Self {
        Self {
            requests_per_second: requests_per_second.max(1) as usize,
            recent_starts: Mutex::new(HashMap::new()),
        }
    }

    pub fn requests_per_second(&self) -> usize {
        self.requests_per_second
    }

    /// Waits until `action` may send one more request, and records it.
    pub async fn acquire(&self, action: &str) {
        loop {
            let wait = {
                let mut recent_starts = self.recent_starts.lock().expect("limiter lock");
                let starts = recent_starts.entry(action.to_owned()).or_default();
                let now = Instant::now();
                while starts
                    .front()
                    .is_some_and(|&start| now.duration_since(start) >= WINDOW)
                {
                    starts.pop_front();
                }
                if starts.len() < self.requests_per_second {
                    starts.push_back(now);
                    return;
                }
                let oldest = *starts.front().expect("full window has a front");
                WINDOW.saturating_sub(now.duration_since(oldest))
            };
            tokio::time::sleep(wait).await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[tokio::test(start_paused = true)]
    async fn the_first_n_requests_go_at_once_and_the_next_waits_a_second() {
        let limiter = RateLimiter::new(20);
        let start = Instant::now();
        for _ in 0..20 {
            limiter.acquire("GetTriggerTask").await;
        }
        assert_eq!(start.elapsed(), Duration::ZERO);
        limiter.acquire("GetTriggerTask").await;
        assert_eq!(start.elapsed(), WINDOW);
    }

    #[tokio::test(start_paused = true)]
    async fn actions_have_separate_budgets() {
        let limiter = RateLimiter::new(2);
        let start = Instant::now();
        for action in ["A", "A", "B", "B", "C"] {
            limiter.acquire(action).await;
        }
        assert_eq!(start.elapsed(), Duration::ZERO);
    }

    #[tokio::test(start_paused = true)]
    async fn concurrent_callers_share_one_budget_and_no_window_exceeds_it() {
        let limiter = Arc::new(RateLimiter::new(5));
        let start = Instant::now();
        let mut handles = Vec::new();
        for _ in 0..23 {
            let limiter = limiter.clone();
            handles.push(tokio::spawn(async move {
                limiter.acquire("ListTriggerTasks").await;
                start.elapsed()
            }));
        }
        let mut times = Vec::new();
        for handle in handles {
            times.push(handle.await.unwrap());
        }
        times.sort();
        // 23 requests at 5/s need four full waits.
        assert_eq!(*times.last().unwrap(), Duration::from_secs(4));
        for (index, time) in times.iter().enumerate() {
            let in_window = times[index..]
                .iter()
                .take_while(|later| **later - *time < WINDOW)
                .count();
            assert!(
                in_window <= 5,
                "{in_window} requests within a second of {time:?}"
            );
        }
    }
}
