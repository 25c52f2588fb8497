//! `policies:` in wedata.yaml: the rules a team holds its manifests and plans to, each with a
//! severity, overridable rule by rule per target. The types (which the JSON Schema is
//! generated from), how a target's rules override the project's, and the checks of the rules
//! themselves (a pattern that does not compile, an unknown task type, bounds the wrong way
//! round) with the line of the rule. What a rule says about a manifest or a plan is decided by
//! the `policy` module.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::types::TaskTypeName;

/// How much breaking a rule matters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleSeverity {
    /// Refuses the plan: `validate` and `plan` exit 1, `apply` writes nothing (the default).
    #[default]
    Error,
    /// Shown in `validate` and in every plan format; stops nothing.
    Warn,
    /// The rule is not checked (for a target that relaxes a project-wide rule).
    Off,
}

/// A rule with nothing to set but its severity.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    #[serde(default)]
    pub severity: RuleSeverity,
}

/// Owners (OwnerUin) a resource may have.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OwnerList {
    /// The allowed OwnerUin values, as strings.
    #[serde(default)]
    pub owners: Vec<String>,
    #[serde(default)]
    pub severity: RuleSeverity,
}

/// A naming convention: a regular expression the whole name must match.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NamePattern {
    /// A regular expression (Rust `regex` syntax) matched against the whole name as the
    /// manifest writes it (before a target's name prefix), e.g. `[a-z][a-z0-9_]*`.
    #[serde(default)]
    pub pattern: String,
    #[serde(default)]
    pub severity: RuleSeverity,
}

impl NamePattern {
    /// The pattern, anchored at both ends.
    pub fn regex(&self) -> Result<regex::Regex, regex::Error> {
        regex::Regex::new(&format!("^(?:{})$", self.pattern))
    }
}

/// Bounds on a number a task's manifest declares.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bounds {
    /// The least value allowed.
    #[serde(default)]
    pub min: Option<i64>,
    /// The greatest value allowed. For the timeouts, -1 (no timeout) is over any maximum.
    #[serde(default)]
    pub max: Option<i64>,
    /// Every task must declare the member (by default only declared values are checked).
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub severity: RuleSeverity,
}

/// The task types a target accepts.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskTypes {
    /// Names from the TaskTypeId table (Shell, Python, "DLC SQL", ...) or numbers.
    #[serde(default)]
    pub allowed: Vec<TaskTypeName>,
    #[serde(default)]
    pub severity: RuleSeverity,
}

/// The largest code file allowed.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CodeFileSize {
    #[serde(default)]
    pub max_bytes: u64,
    #[serde(default)]
    pub severity: RuleSeverity,
}

/// Resources that may never be deleted or replaced.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Protected {
    /// Plan addresses, `*` and `?` as wildcards: `task.orders.load_orders`, `task.finance.*`.
    #[serde(default)]
    pub addresses: Vec<String>,
    #[serde(default)]
    pub severity: RuleSeverity,
}

/// Defines `Policies` with one optional, located rule per field, and the override of one set
/// of rules by another.
macro_rules! policies {
    ($($(#[$meta:meta])* $field:ident: $rule:ty => $schema:literal,)*) => {
        /// `policies:` of wedata.yaml or of a target. Every rule is optional; a target's rule
        /// replaces the project's rule of the same name.
        #[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct Policies {
            $(
                $(#[$meta])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                #[schemars(with = $schema)]
                pub $field: Option<Spanned<$rule>>,
            )*
        }

        impl Policies {
            /// These rules, with each rule `other` sets replacing this one's.
            pub fn overridden_by(&self, other: &Policies) -> Policies {
                Policies {
                    $($field: other.$field.clone().or_else(|| self.$field.clone()),)*
                }
            }

            /// Every rule set, by its key, with where it is written and its severity.
            pub fn set_rules(&self) -> Vec<(&'static str, u64, u64, RuleSeverity)> {
                let mut rules = Vec::new();
                $(
                    if let Some(rule) = &self.$field {
                        rules.push((
                            stringify!($field),
                            rule.referenced.line(),
                            rule.referenced.column(),
                            rule.value.severity,
                        ));
                    }
                )*
                rules
            }
        }
    };
}

policies! {
    /// Every task and workflow declares `owner_uin`.
    owner_required: Rule => "Option<Rule>",
    /// A declared `owner_uin` is one of these.
    owner_allowed: OwnerList => "Option<OwnerList>",
    /// A plan that changes the owner of an existing task or workflow (checked by `plan`).
    owner_change: Rule => "Option<Rule>",
    /// Every task and workflow declares a non-empty `description`.
    description_required: Rule => "Option<Rule>",
    /// Task names (as written in the manifests) match this pattern.
    task_name: NamePattern => "Option<NamePattern>",
    /// Workflow names (as written in the manifests) match this pattern.
    workflow_name: NamePattern => "Option<NamePattern>",
    /// Bounds on `scheduler.max_retries`.
    max_retries: Bounds => "Option<Bounds>",
    /// Bounds on `scheduler.retry_wait_minutes`.
    retry_wait_minutes: Bounds => "Option<Bounds>",
    /// Bounds on `scheduler.run_priority` (4 high, 5 medium, 6 low).
    run_priority: Bounds => "Option<Bounds>",
    /// Bounds on `scheduler.execution_ttl_minutes` (the run timeout; -1 is none).
    execution_ttl_minutes: Bounds => "Option<Bounds>",
    /// Bounds on `scheduler.wait_execution_total_ttl_minutes` (the wait timeout; -1 is none).
    wait_execution_total_ttl_minutes: Bounds => "Option<Bounds>",
    /// The task types allowed (typically set per target).
    task_types: TaskTypes => "Option<TaskTypes>",
    /// The largest code file, in bytes.
    code_file_size: CodeFileSize => "Option<CodeFileSize>",
    /// Resources a plan may never delete or replace (checked by `plan`).
    protected: Protected => "Option<Protected>",
}

/// One thing wrong with a rule itself: its key, where it is written, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleProblem {
    pub rule: &'static str,
    pub line: u64,
    pub column: u64,
    pub message: String,
    pub hint: Option<String>,
}

impl Policies {
    /// What is wrong with the rules themselves (not with the manifests they judge). A rule
    /// turned `off` is not checked: `task_types: {severity: off}` is enough to turn it off.
    pub fn problems(&self) -> Vec<RuleProblem> {
        let mut problems = Vec::new();
        let mut problem = |rule: &'static str, at: (u64, u64), message: String, hint: &str| {
            problems.push(RuleProblem {
                rule,
                line: at.0,
                column: at.1,
                message,
                hint: (!hint.is_empty()).then(|| hint.to_owned()),
            });
        };
        fn checked<T>(
            rule: &Option<Spanned<T>>,
            severity: impl Fn(&T) -> RuleSeverity,
        ) -> Option<(&T, (u64, u64))> {
            let rule = rule.as_ref()?;
            (severity(&rule.value) != RuleSeverity::Off).then(|| {
                (
                    &rule.value,
                    (rule.referenced.line(), rule.referenced.column()),
                )
            })
        }
        for (key, pattern) in [
            ("task_name", &self.task_name),
            ("workflow_name", &self.workflow_name),
        ] {
            let Some((pattern, at)) = checked(pattern, |rule| rule.severity) else {
                continue;
            };
            let hint =
                "write a Rust regex, e.g. `[a-z][a-z0-9_]*`; it is matched against the whole name";
            if pattern.pattern.trim().is_empty() {
                problem(key, at, format!("policies.{key} has no pattern"), hint);
            } else if let Err(error) = pattern.regex() {
                problem(
                    key,
                    at,
                    format!(
                        "the pattern of policies.{key} is not a regular expression: {}",
                        error
                            .to_string()
                            .lines()
                            .last()
                            .unwrap_or_default()
                            .trim_start_matches("error: ")
                    ),
                    hint,
                );
            }
        }
        for (key, bounds) in [
            ("max_retries", &self.max_retries),
            ("retry_wait_minutes", &self.retry_wait_minutes),
            ("run_priority", &self.run_priority),
            ("execution_ttl_minutes", &self.execution_ttl_minutes),
            (
                "wait_execution_total_ttl_minutes",
                &self.wait_execution_total_ttl_minutes,
            ),
        ] {
            let Some((bounds, at)) = checked(bounds, |rule| rule.severity) else {
                continue;
            };
            match (bounds.min, bounds.max) {
                (Some(min), Some(max)) if min > max => problem(
                    key,
                    at,
                    format!("policies.{key} has min {min} over max {max}"),
                    "swap the bounds",
                ),
                (None, None) if !bounds.required => problem(
                    key,
                    at,
                    format!(
                        "policies.{key} sets neither min, max nor required, so it checks nothing"
                    ),
                    "add `min:`, `max:` or `required: true`, or remove the rule",
                ),
                _ => {}
            }
        }
        if let Some((owners, at)) = checked(&self.owner_allowed, |rule| rule.severity) {
            if owners.owners.iter().all(|owner| owner.trim().is_empty()) {
                problem(
                    "owner_allowed",
                    at,
                    "policies.owner_allowed lists no owners, so no owner would be allowed"
                        .to_owned(),
                    "list the allowed OwnerUin values under `owners:`",
                );
            }
        }
        if let Some((types, at)) = checked(&self.task_types, |rule| rule.severity) {
            if types.allowed.is_empty() {
                problem(
                    "task_types",
                    at,
                    "policies.task_types allows no task type".to_owned(),
                    "list the allowed types under `allowed:`, e.g. [Shell, Python, \"DLC SQL\"]",
                );
            }
            for name in &types.allowed {
                if let TaskTypeName::Name(name) = name {
                    if super::task_types::id_for_name(name).is_none() {
                        let known = super::task_types::TASK_TYPES
                            .iter()
                            .map(|(_, known, _)| *known);
                        let hint = match super::diagnostic::did_you_mean(name, known) {
                            Some(close) => format!("did you mean `{close}`?"),
                            None => "use a name of the TaskTypeId table (docs/manifests.md) or its number".to_owned(),
                        };
                        problem(
                            "task_types",
                            at,
                            format!("policies.task_types names an unknown task type `{name}`"),
                            &hint,
                        );
                    }
                }
            }
        }
        if let Some((size, at)) = checked(&self.code_file_size, |rule| rule.severity) {
            if size.max_bytes == 0 {
                problem(
                    "code_file_size",
                    at,
                    "policies.code_file_size needs max_bytes above 0".to_owned(),
                    "set `max_bytes:` to the largest code file allowed, in bytes",
                );
            }
        }
        if let Some((protected, at)) = checked(&self.protected, |rule| rule.severity) {
            if protected.addresses.is_empty()
                || protected
                    .addresses
                    .iter()
                    .any(|address| address.trim().is_empty())
            {
                problem(
                    "protected",
                    at,
                    "policies.protected needs at least one address, and no empty one".to_owned(),
                    "list addresses such as task.orders.load_orders or task.finance.*",
                );
            }
        }
        problems
    }

    /// The TaskTypeIds `task_types` allows (names resolved; unknown names left out).
    pub fn allowed_task_type_ids(types: &TaskTypes) -> Vec<u64> {
        types
            .allowed
            .iter()
            .filter_map(|name| match name {
                TaskTypeName::Number(number) => Some(*number),
                TaskTypeName::Name(name) => super::task_types::id_for_name(name),
            })
            .collect()
    }
}
