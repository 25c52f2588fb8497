//! Deterministic fault injection: per-action error rates, bursts, added latency, and
//! "commit then drop the connection" for writes.
//!
//! Grammar of `--faults` (rules separated by commas; ACTION is an action name or `*`):
//!
//! ```text
//! ACTION:error=CODE@RATE      answer CODE instead of handling, with probability RATE (0..1)
//! ACTION:burst=CODE@N/M       of every M consecutive calls, answer CODE to the first N
//! ACTION:latency=MILLIS       wait MILLIS before answering
//! ACTION:drop@RATE            (writes) apply the change, then drop the connection unanswered
//! ```
//!
//! Example: `CreateTriggerTask:error=InternalError@0.1,*:burst=RequestLimitExceeded@3/20,CreateTriggerTask:drop@0.2`.
//! Random draws come from one generator seeded with `--seed`, so a run is reproducible.

use std::collections::HashMap;
use std::time::Duration;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// The codes a rule may inject (those a client must cope with).
pub const INJECTABLE_CODES: [&str; 4] = [
    "InternalError",
    "RequestLimitExceeded",
    "InvalidParameter.ServiceIsBusy",
    "ServiceUnavailable",
];

#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    Error {
        code: String,
        rate: f64,
    },
    Burst {
        code: String,
        failing: u64,
        period: u64,
    },
    Latency(Duration),
    Drop {
        rate: f64,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// `None` matches every action.
    pub action: Option<String>,
    pub fault: Fault,
}

/// A parsed `--faults` specification.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FaultPlan {
    pub rules: Vec<Rule>,
}

/// What to do with one request, decided before it is handled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decision {
    pub latency: Duration,
    pub error: Option<String>,
    pub drop_after_commit: bool,
}

impl FaultPlan {
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut rules = Vec::new();
        for rule in spec
            .split(',')
            .map(str::trim)
            .filter(|rule| !rule.is_empty())
        {
            let (action, fault) = rule
                .split_once(':')
                .ok_or_else(|| format!("`{rule}`: expected ACTION:FAULT, e.g. CreateTriggerTask:error=InternalError@0.1"))?;
            let action = (action != "*").then(|| action.to_owned());
            rules.push(Rule {
                action,
                fault: parse_fault(fault).map_err(|reason| format!("`{rule}`: {reason}"))?,
            });
        }
        Ok(Self { rules })
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

fn parse_fault(fault: &str) -> Result<Fault, String> {
    let rate = |text: &str| -> Result<f64, String> {
        let rate: f64 = text
            .parse()
            .map_err(|_| format!("`{text}` is not a rate between 0 and 1"))?;
        if (0.0..=1.0).contains(&rate) {
            Ok(rate)
        } else {
            Err(format!("the rate {rate} is not between 0 and 1"))
        }
    };
    let code = |code: &str| -> Result<String, String> {
        if INJECTABLE_CODES.contains(&code) {
            Ok(code.to_owned())
        } else {
            Err(format!(
                "`{code}` is not one of {}",
                INJECTABLE_CODES.join(", ")
            ))
        }
    };
    if let Some(rest) = fault.strip_prefix("error=") {
        let (error_code, error_rate) = rest.split_once('@').ok_or("expected error=CODE@RATE")?;
        return Ok(Fault::Error {
            code: code(error_code)?,
            rate: rate(error_rate)?,
        });
    }
    if let Some(rest) = fault.strip_prefix("burst=") {
        let (burst_code, shape) = rest.split_once('@').ok_or("expected burst=CODE@N/M")?;
        let (failing, period) = shape.split_once('/').ok_or("expected burst=CODE@N/M")?;
        let failing: u64 = failing
            .parse()
            .map_err(|_| "N in burst=CODE@N/M must be a whole number")?;
        let period: u64 = period
            .parse()
            .map_err(|_| "M in burst=CODE@N/M must be a whole number")?;
        if period == 0 || failing > period {
            return Err("burst=CODE@N/M needs 0 <= N <= M and M > 0".to_owned());
        }
        return Ok(Fault::Burst {
            code: code(burst_code)?,
            failing,
            period,
        });
    }
    if let Some(millis) = fault.strip_prefix("latency=") {
        let millis: u64 = millis
            .trim_end_matches("ms")
            .parse()
            .map_err(|_| "expected latency=MILLIS")?;
        return Ok(Fault::Latency(Duration::from_millis(millis)));
    }
    if let Some(drop_rate) = fault.strip_prefix("drop@") {
        return Ok(Fault::Drop {
            rate: rate(drop_rate)?,
        });
    }
    Err("expected error=CODE@RATE, burst=CODE@N/M, latency=MILLIS or drop@RATE".to_owned())
}

/// The stateful side of a plan: the seeded generator and the per-action call counters.
#[derive(Debug)]
pub struct FaultInjector {
    plan: FaultPlan,
    random: StdRng,
    calls: HashMap<String, u64>,
}

impl FaultInjector {
    pub fn new(plan: FaultPlan, seed: u64) -> Self {
        Self {
            plan,
            random: StdRng::seed_from_u64(seed),
            calls: HashMap::new(),
        }
    }

    pub fn decide(&mut self, action: &str, writes: bool) -> Decision {
        let mut decision = Decision::default();
        if self.plan.is_empty() {
            return decision;
        }
        let call_index = {
            let count = self.calls.entry(action.to_owned()).or_default();
            *count += 1;
            *count - 1
        };
        for rule in &self.plan.rules {
            if rule.action.as_deref().is_some_and(|name| name != action) {
                continue;
            }
            match &rule.fault {
                Fault::Latency(latency) => decision.latency += *latency,
                Fault::Error { code, rate } => {
                    if decision.error.is_none() && self.random.random_bool(*rate) {
                        decision.error = Some(code.clone());
                    }
                }
                Fault::Burst {
                    code,
                    failing,
                    period,
                } => {
                    if decision.error.is_none() && call_index % period < *failing {
                        decision.error = Some(code.clone());
                    }
                }
                Fault::Drop { rate } => {
                    if writes && self.random.random_bool(*rate) {
                        decision.drop_after_commit = true;
                    }
                }
            }
        }
        decision
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_example_parses() {
        let plan = FaultPlan::parse(
            "CreateTriggerTask:error=InternalError@0.1,*:burst=RequestLimitExceeded@3/20,CreateTriggerTask:drop@0.2,*:latency=15ms",
        )
        .unwrap();
        assert_eq!(plan.rules.len(), 4);
        assert_eq!(plan.rules[1].action, None);
        assert_eq!(
            plan.rules[3].fault,
            Fault::Latency(Duration::from_millis(15))
        );
    }

    #[test]
    fn bad_rules_say_what_was_expected() {
        for (spec, expected) in [
            ("CreateTriggerTask", "expected ACTION:FAULT"),
            ("*:error=Oops@0.1", "is not one of"),
            ("*:error=InternalError@2", "not between 0 and 1"),
            ("*:burst=InternalError@5/2", "N <= M"),
            ("*:explode", "expected error="),
        ] {
            let error = FaultPlan::parse(spec).unwrap_err();
            assert!(error.contains(expected), "{spec}: {error}");
        }
    }

    #[test]
    fn bursts_fail_the_first_n_of_every_m_calls() {
        let plan = FaultPlan::parse("ListTriggerTasks:burst=RequestLimitExceeded@2/5").unwrap();
        let mut injector = FaultInjector::new(plan, 1);
        let errors: Vec<bool> = (0..10)
            .map(|_| injector.decide("ListTriggerTasks", false).error.is_some())
            .collect();
        assert_eq!(
            errors,
            [
                true, true, false, false, false, true, true, false, false, false
            ]
        );
        assert!(injector.decide("GetTriggerTask", false).error.is_none());
    }

    #[test]
    fn error_rates_are_reproducible_with_a_seed_and_roughly_right() {
        let plan = FaultPlan::parse("*:error=InternalError@0.1").unwrap();
        let draw = |seed| {
            let mut injector = FaultInjector::new(plan.clone(), seed);
            (0..2000)
                .map(|_| injector.decide("GetTriggerTask", false).error.is_some())
                .collect::<Vec<_>>()
        };
        assert_eq!(draw(7), draw(7));
        let failures = draw(7).iter().filter(|failed| **failed).count();
        assert!((140..=260).contains(&failures), "{failures}");
    }

    #[test]
    fn drops_apply_to_writes_only() {
        let plan = FaultPlan::parse("*:drop@1").unwrap();
        let mut injector = FaultInjector::new(plan, 3);
        assert!(injector.decide("CreateTriggerTask", true).drop_after_commit);
        assert!(!injector.decide("GetTriggerTask", false).drop_after_commit);
    }
}
