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
//! ACTION:reject=CODE@VALUE    answer CODE (any code of errors.json, retryable or not) when a
//!                             string in the request equals VALUE (a task name, an id, ...)
//! run:fail=TASK_NAME          every simulated run of the task named TASK_NAME fails (workflow
//!                             runs and backfill instances alike); its downstream tasks are
//!                             skipped
//! run:duration=TASK_NAME@SECONDS
//!                             the task's runs take SECONDS of emulated time (`*` for every
//!                             task without a rule of its own; default 2); `--run-speed`
//!                             divides emulated time into real time
//! ```
//!
//! Example: `CreateTriggerTask:error=InternalError@0.1,*:burst=RequestLimitExceeded@3/20,CreateTriggerTask:drop@0.2`,
//! or for runs `run:fail=load_orders,run:duration=*@30`.
//! Random draws come from one generator seeded with `--seed`, so a run is reproducible. `run:`
//! rules are not about requests: the store reads them when it plans a run (`store::runs`).

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
    /// Refuse the requests that name `value`, as WeData refuses a request it finds wrong.
    Reject {
        code: &'static str,
        value: String,
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
    /// Rules about requests, decided per call by [`FaultInjector`].
    pub rules: Vec<Rule>,
    /// Rules about simulated runs (`run:fail=`, `run:duration=`).
    pub runs: RunRules,
}

/// What the `run:` rules say: which tasks' runs fail and how long runs take, in emulated
/// seconds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunRules {
    /// Names of the tasks whose runs and backfill instances fail.
    pub failing: Vec<String>,
    /// Task name (or `*`) and the emulated seconds its runs take; later rules win.
    pub durations: Vec<(String, f64)>,
}

impl RunRules {
    pub fn fails(&self, task_name: &str) -> bool {
        self.failing.iter().any(|name| name == task_name)
    }

    /// The emulated seconds a run of `task_name` takes (`default` without a rule).
    pub fn duration_of(&self, task_name: &str, default: f64) -> f64 {
        let named = self
            .durations
            .iter()
            .rev()
            .find(|(name, _)| name == task_name);
        let any = self.durations.iter().rev().find(|(name, _)| name == "*");
        named.or(any).map_or(default, |(_, seconds)| *seconds)
    }
}

/// What to do with one request, decided before it is handled.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decision {
    pub latency: Duration,
    /// A code of errors.json to answer with instead of handling the request.
    pub error: Option<String>,
    pub drop_after_commit: bool,
}

impl FaultPlan {
    pub fn parse(spec: &str) -> Result<Self, String> {
        let mut rules = Vec::new();
        let mut runs = RunRules::default();
        for rule in spec
            .split(',')
            .map(str::trim)
            .filter(|rule| !rule.is_empty())
        {
            let (action, fault) = rule
                .split_once(':')
                .ok_or_else(|| format!("`{rule}`: expected ACTION:FAULT, e.g. CreateTriggerTask:error=InternalError@0.1"))?;
            if action == "run" {
                parse_run_rule(fault, &mut runs).map_err(|reason| format!("`{rule}`: {reason}"))?;
                continue;
            }
            let action = (action != "*").then(|| action.to_owned());
            rules.push(Rule {
                action,
                fault: parse_fault(fault).map_err(|reason| format!("`{rule}`: {reason}"))?,
            });
        }
        Ok(Self { rules, runs })
    }

    /// Whether no rule is about requests (`run:` rules never touch one).
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// `fail=TASK_NAME` or `duration=TASK_NAME@SECONDS`, after `run:`.
fn parse_run_rule(fault: &str, runs: &mut RunRules) -> Result<(), String> {
    if let Some(name) = fault.strip_prefix("fail=") {
        if name.is_empty() {
            return Err("run:fail=TASK_NAME needs a task name".to_owned());
        }
        runs.failing.push(name.to_owned());
        return Ok(());
    }
    if let Some(rest) = fault.strip_prefix("duration=") {
        let (name, seconds) = rest
            .rsplit_once('@')
            .ok_or("expected run:duration=TASK_NAME@SECONDS")?;
        let seconds: f64 = seconds
            .trim_end_matches('s')
            .parse()
            .map_err(|_| format!("`{seconds}` is not a number of seconds"))?;
        if name.is_empty() || !seconds.is_finite() || seconds < 0.0 {
            return Err(
                "run:duration=TASK_NAME@SECONDS needs a task name (or *) and seconds >= 0"
                    .to_owned(),
            );
        }
        runs.durations.push((name.to_owned(), seconds));
        return Ok(());
    }
    Err("expected run:fail=TASK_NAME or run:duration=TASK_NAME@SECONDS".to_owned())
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
    if let Some(rest) = fault.strip_prefix("reject=") {
        let (reject_code, value) = rest.split_once('@').ok_or("expected reject=CODE@VALUE")?;
        let code = known_code(reject_code)
            .ok_or_else(|| format!("`{reject_code}` is not an error code of errors.json"))?;
        if value.is_empty() {
            return Err("reject=CODE@VALUE needs a VALUE".to_owned());
        }
        return Ok(Fault::Reject {
            code,
            value: value.to_owned(),
        });
    }
    Err(
        "expected error=CODE@RATE, burst=CODE@N/M, latency=MILLIS, drop@RATE or reject=CODE@VALUE"
            .to_owned(),
    )
}

/// Every error code the embedded errors.json lists (product and common).
static KNOWN_CODES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    let errors: serde_json::Value =
        serde_json::from_str(include_str!("../../api-definition/errors.json"))
            .expect("the embedded errors.json is JSON");
    let mut codes: Vec<String> = ["product", "common"]
        .iter()
        .filter_map(|section| errors[*section].as_object())
        .flat_map(|codes| codes.keys().cloned())
        .collect();
    codes.sort();
    codes.dedup();
    codes
});

/// The code as a `'static` string, when errors.json knows it.
pub fn known_code(code: &str) -> Option<&'static str> {
    KNOWN_CODES
        .iter()
        .find(|known| *known == code)
        .map(String::as_str)
}

/// Whether any string anywhere in `value` equals `wanted`.
fn mentions(value: &serde_json::Value, wanted: &str) -> bool {
    match value {
        serde_json::Value::String(text) => text == wanted,
        serde_json::Value::Array(items) => items.iter().any(|item| mentions(item, wanted)),
        serde_json::Value::Object(members) => members.values().any(|item| mentions(item, wanted)),
        _ => false,
    }
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

    pub fn decide(&mut self, action: &str, writes: bool, request: &serde_json::Value) -> Decision {
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
                Fault::Reject { code, value } => {
                    if decision.error.is_none() && mentions(request, value) {
                        decision.error = Some((*code).to_owned());
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
            ("*:reject=NoSuchCode@x", "not an error code"),
            ("*:reject=InvalidParameterValue@", "needs a VALUE"),
        ] {
            let error = FaultPlan::parse(spec).unwrap_err();
            assert!(error.contains(expected), "{spec}: {error}");
        }
    }

    #[test]
    fn run_rules_name_failing_tasks_and_durations_and_touch_no_request() {
        let plan = FaultPlan::parse(
            "run:fail=load_orders,run:duration=*@30,run:duration=load_orders@4.5s,run:fail=a@b",
        )
        .unwrap();
        assert!(plan.is_empty(), "no request rule");
        assert!(plan.runs.fails("load_orders"));
        assert!(plan.runs.fails("a@b"), "a task name may hold @");
        assert!(!plan.runs.fails("clean_orders"));
        assert_eq!(plan.runs.duration_of("load_orders", 2.0), 4.5);
        assert_eq!(plan.runs.duration_of("clean_orders", 2.0), 30.0);
        assert_eq!(RunRules::default().duration_of("x", 2.0), 2.0);
        for (spec, expected) in [
            ("run:fail=", "needs a task name"),
            ("run:duration=x", "expected run:duration"),
            ("run:duration=x@-1", "seconds >= 0"),
            ("run:duration=x@soon", "not a number"),
            ("run:explode", "expected run:fail"),
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
            .map(|_| {
                injector
                    .decide("ListTriggerTasks", false, &serde_json::Value::Null)
                    .error
                    .is_some()
            })
            .collect();
        assert_eq!(
            errors,
            [
                true, true, false, false, false, true, true, false, false, false
            ]
        );
        assert!(
            injector
                .decide("GetTriggerTask", false, &serde_json::Value::Null)
                .error
                .is_none()
        );
    }

    #[test]
    fn error_rates_are_reproducible_with_a_seed_and_roughly_right() {
        let plan = FaultPlan::parse("*:error=InternalError@0.1").unwrap();
        let draw = |seed| {
            let mut injector = FaultInjector::new(plan.clone(), seed);
            (0..2000)
                .map(|_| {
                    injector
                        .decide("GetTriggerTask", false, &serde_json::Value::Null)
                        .error
                        .is_some()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(draw(7), draw(7));
        let failures = draw(7).iter().filter(|failed| **failed).count();
        assert!((140..=260).contains(&failures), "{failures}");
    }

    #[test]
    fn rejects_answer_any_known_code_for_requests_naming_the_value() {
        let plan = FaultPlan::parse("CreateTriggerTask:reject=InvalidParameterValue@clean_orders")
            .unwrap();
        let mut injector = FaultInjector::new(plan, 1);
        let naming = serde_json::json!({"TriggerTaskBaseAttribute": {"TaskName": "clean_orders"}});
        let other = serde_json::json!({"TriggerTaskBaseAttribute": {"TaskName": "load_orders"}});
        assert_eq!(
            injector
                .decide("CreateTriggerTask", true, &naming)
                .error
                .as_deref(),
            Some("InvalidParameterValue")
        );
        assert!(
            injector
                .decide("CreateTriggerTask", true, &other)
                .error
                .is_none()
        );
        assert!(
            injector
                .decide("UpdateTriggerTask", true, &naming)
                .error
                .is_none()
        );
    }

    #[test]
    fn drops_apply_to_writes_only() {
        let plan = FaultPlan::parse("*:drop@1").unwrap();
        let mut injector = FaultInjector::new(plan, 3);
        assert!(
            injector
                .decide("CreateTriggerTask", true, &serde_json::Value::Null)
                .drop_after_commit
        );
        assert!(
            !injector
                .decide("GetTriggerTask", false, &serde_json::Value::Null)
                .drop_after_commit
        );
    }
}
