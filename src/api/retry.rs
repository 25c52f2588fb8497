//! The retry policy: which failures are retried and how long to wait between attempts
//! (exponential backoff with jitter, from `backon`).

use std::time::Duration;

use backon::BackoffBuilder;

use super::ApiError;

#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub max_attempts: usize,
    pub min_delay: Duration,
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 6,
            min_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(8),
        }
    }
}

impl RetryPolicy {
    /// The waits before the second, third, ... attempt: doubling from `min_delay`, capped at
    /// `max_delay`, with jitter so concurrent callers do not retry in lockstep.
    pub fn delays(&self) -> impl Iterator<Item = Duration> + use<> {
        backon::ExponentialBuilder::default()
            .with_min_delay(self.min_delay)
            .with_max_delay(self.max_delay)
            .with_factor(2.0)
            .with_jitter()
            .with_max_times(self.max_attempts.saturating_sub(1))
            .build()
    }

    /// Whether `error` may be retried.
    /// A write whose outcome is unknown never is: the caller must look the resource up.
    pub fn should_retry(&self, error: &ApiError) -> bool {
        match error {
            ApiError::OutcomeUnknown { .. } => false,
            // The client reports `Transport` for a write only when nothing was sent (a
            // refused connection); a failure after sending a write is `OutcomeUnknown`.
            ApiError::Transport { .. } => true,
            other => other.is_retryable(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_and_stop_at_the_attempt_limit() {
        let policy = RetryPolicy {
            max_attempts: 5,
            min_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(1000),
        };
        let delays: Vec<Duration> = policy.delays().collect();
        assert_eq!(delays.len(), 4);
        for (index, delay) in delays.iter().enumerate() {
            let base = Duration::from_millis(100 * (1 << index)).min(Duration::from_millis(1000));
            // Jitter adds up to the base again.
            assert!(*delay >= base && *delay <= base * 2, "{index}: {delay:?}");
        }
    }

    #[test]
    fn unknown_write_outcomes_are_never_retried_blindly() {
        let policy = RetryPolicy::default();
        let unknown = ApiError::OutcomeUnknown {
            action: "CreateTriggerTask".into(),
            reason: "timed out".into(),
        };
        assert!(!policy.should_retry(&unknown));
        let limited = ApiError::Api {
            action: "CreateTriggerTask".into(),
            code: "RequestLimitExceeded".into(),
            message: String::new(),
            request_id: "r".into(),
        };
        assert!(policy.should_retry(&limited));
        let invalid = ApiError::Api {
            action: "CreateTriggerTask".into(),
            code: "InvalidParameterValue".into(),
            message: String::new(),
            request_id: "r".into(),
        };
        assert!(!policy.should_retry(&invalid));
        let refused = ApiError::Transport {
            action: "GetTriggerTask".into(),
            endpoint: "http://127.0.0.1:1".into(),
            reason: "connection refused".into(),
        };
        assert!(policy.should_retry(&refused));
    }
}
