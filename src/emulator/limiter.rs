//! The server side of the rate limit: at most N requests per second per action per SecretId,
//! over a sliding one-second window; the rest are answered RequestLimitExceeded.

use std::collections::{HashMap, VecDeque};
use std::time::Duration;

use tokio::time::Instant;

const WINDOW: Duration = Duration::from_secs(1);

#[derive(Debug)]
pub struct ServerLimiter {
    per_second: usize,
    recent: HashMap<(String, String), VecDeque<Instant>>,
}

impl ServerLimiter {
    pub fn new(per_second: u32) -> Self {
        Self {
            per_second: per_second.max(1) as usize,
            recent: HashMap::new(),
        }
    }

    /// Records a request at `now` if it is within the limit.
    pub fn admit(&mut self, secret_id: &str, action: &str, now: Instant) -> bool {
        let starts = self
            .recent
            .entry((secret_id.to_owned(), action.to_owned()))
            .or_default();
        while starts
            .front()
            .is_some_and(|&start| now.duration_since(start) >= WINDOW)
        {
            starts.pop_front();
        }
        if starts.len() < self.per_second {
            starts.push_back(now);
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn a_burst_of_forty_is_cut_at_twenty() {
        let mut limiter = ServerLimiter::new(20);
        let now = Instant::now();
        let admitted = (0..40)
            .filter(|_| limiter.admit("AKID", "GetTriggerTask", now))
            .count();
        assert_eq!(admitted, 20);
        // Another action and another SecretId have their own budgets.
        assert!(limiter.admit("AKID", "ListTriggerTasks", now));
        assert!(limiter.admit("AKID2", "GetTriggerTask", now));
    }

    #[tokio::test(start_paused = true)]
    async fn twenty_spread_over_a_second_all_pass_and_the_window_slides() {
        let mut limiter = ServerLimiter::new(20);
        let start = Instant::now();
        for index in 0..20 {
            assert!(limiter.admit(
                "AKID",
                "GetTriggerTask",
                start + Duration::from_millis(index * 50)
            ));
        }
        assert!(!limiter.admit("AKID", "GetTriggerTask", start + Duration::from_millis(999)));
        assert!(limiter.admit(
            "AKID",
            "GetTriggerTask",
            start + Duration::from_millis(1000)
        ));
    }
}
