//! The plan for a terminal or a CI log: `+ ~ - -/+` markers, member-level old → new, code as
//! a unified diff, and the closing summary line. Colour only when asked (the caller decides
//! from NO_COLOR and whether stdout is a terminal).

use std::fmt::Write;

use owo_colors::OwoColorize;

use super::{
    code_diff, impact_note, marker, reach_sentence, risk_line, show_value, summary_line,
    task_label, verb,
};
use crate::model::CODE_MEMBER;
use crate::reconcile::review::{ImpactMode, Severity};
use crate::reconcile::{Action, Plan, ResourceChange};

pub fn render(plan: &Plan, color: bool) -> String {
    let mut out = String::new();
    let paint = |text: &str, action: Action| -> String {
        if !color {
            return text.to_owned();
        }
        match action {
            Action::Create => text.green().to_string(),
            Action::Update | Action::Submit => text.yellow().to_string(),
            Action::Delete | Action::Replace => text.red().to_string(),
            Action::NoOp => text.to_owned(),
        }
    };
    let target = plan
        .target
        .as_deref()
        .map(|target| format!(", target {target}"))
        .unwrap_or_default();
    let _ = writeln!(out, "WeData project {}{target}", plan.project_id);
    let risk = risk_line(&plan.risk);
    let risk = if plan.risk.is_empty() {
        risk
    } else {
        paint(&risk, Action::Delete)
    };
    let _ = writeln!(out, "{risk}");
    if let Some(reach) = reach_sentence(plan) {
        let _ = writeln!(out, "{reach}");
    }
    if !plan.selection.is_empty() {
        let _ = writeln!(
            out,
            "Selected: {} (nothing else is planned)",
            plan.selection.join(", ")
        );
    }
    let changing: Vec<&ResourceChange> = plan.changing().collect();
    if changing.is_empty() && plan.unmanaged.is_empty() {
        let _ = writeln!(out, "\nNo changes. WeData matches the manifests.");
    }
    for resource in changing {
        let _ = writeln!(out);
        let kind = resource.kind.label();
        let name = match &resource.workflow {
            Some(workflow) => format!("{workflow}/{}", resource.name),
            None => resource.name.clone(),
        };
        let mut heading = format!("{} {kind} {name}", marker(resource.action));
        if let Some(id) = &resource.id {
            let _ = write!(heading, " ({id})");
        }
        let _ = write!(heading, " will be {}", past_tense(resource.action));
        let _ = writeln!(out, "{}", paint(&heading, resource.action));
        if let Some(source) = &resource.source {
            let _ = writeln!(out, "    # {source}");
        }
        if resource.action == Action::Submit {
            let _ = writeln!(
                out,
                "    saved in WeData but not submitted: a new version will be submitted"
            );
        }
        if resource.action == Action::Replace {
            let _ = writeln!(
                out,
                "    an immutable member changed: the task must be deleted and created again"
            );
        }
        for change in &resource.changes {
            if change.member == CODE_MEMBER && !change.sensitive {
                let before = change.before.as_str().unwrap_or("");
                let after = change.after.as_str().unwrap_or("");
                let _ = writeln!(out, "    {}:", change.member);
                for line in code_diff(before, after, resource.code_file.as_deref()).lines() {
                    let painted = match line.chars().next() {
                        Some('+') if !line.starts_with("+++") => paint(line, Action::Create),
                        Some('-') if !line.starts_with("---") => paint(line, Action::Delete),
                        _ => line.to_owned(),
                    };
                    let _ = writeln!(out, "      {painted}");
                }
            } else if resource.action == Action::Create {
                let _ = writeln!(out, "    {}: {}", change.member, show_value(&change.after));
            } else {
                let _ = writeln!(
                    out,
                    "    {}: {} → {}",
                    change.member,
                    show_value(&change.before),
                    show_value(&change.after)
                );
            }
        }
    }
    if !plan.unmanaged.is_empty() {
        let _ = writeln!(
            out,
            "\nLive tasks no manifest declares (left alone; --prune deletes them):"
        );
        for task in &plan.unmanaged {
            let _ = writeln!(out, "    {}/{} ({})", task.workflow, task.name, task.id);
        }
    }
    impact_section(&mut out, plan);
    policy_section(&mut out, plan, &paint);
    if plan.deletion_notifies_owners && plan.summary.delete + plan.summary.replace > 0 {
        let _ = writeln!(
            out,
            "\nEach deletion tells the owners of the deleted task's downstream tasks (OperateInform)."
        );
    }
    if !plan.notices.is_empty() {
        let _ = writeln!(out, "\nNotes (nothing to change):");
        for notice in &plan.notices {
            let _ = writeln!(
                out,
                "    {} ({}): {}",
                notice.address, notice.source, notice.message
            );
        }
    }
    let _ = writeln!(out, "\n{}", summary_line(&plan.summary));
    out
}

/// The tasks downstream of the changes, nearest first, and those a deletion leaves behind.
fn impact_section(out: &mut String, plan: &Plan) {
    let impact = &plan.impact;
    if !impact.tasks.is_empty() {
        let _ = writeln!(
            out,
            "\nDownstream of the changes ({}):",
            impact_note(impact)
        );
        for task in &impact.tasks {
            let managed = match &task.address {
                Some(address) => format!("managed here as {address}"),
                None => "not managed here".to_owned(),
            };
            let _ = writeln!(
                out,
                "    depth {}  {} ({})  owner {}  {managed}  <- {}",
                task.depth,
                flat(&task_label(task.workflow.as_deref(), &task.name)),
                flat(&task.id),
                flat(task.owner.as_deref().unwrap_or("(unknown)")),
                task.reached_from.join(", ")
            );
        }
    } else if impact.mode != ImpactMode::Off && plan.changing().next().is_some() {
        let _ = writeln!(
            out,
            "\nNothing in WeData depends on the changed tasks ({}).",
            impact_note(impact)
        );
    }
    if !impact.orphaned.is_empty() {
        let allowed = if impact.orphans_allowed {
            " (allowed with --allow-orphaned-downstream)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "\nLeft without their upstream by a deletion or replacement{allowed}:"
        );
        for orphan in &impact.orphaned {
            let _ = writeln!(
                out,
                "    {} ({})  owner {}  <- {}",
                flat(&task_label(orphan.workflow.as_deref(), &orphan.name)),
                flat(&orphan.id),
                flat(orphan.owner.as_deref().unwrap_or("(unknown)")),
                orphan.upstream
            );
        }
    }
}

/// Every policy violation: severity, rule, place and message.
fn policy_section(out: &mut String, plan: &Plan, paint: &dyn Fn(&str, Action) -> String) {
    if plan.policy_violations.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nPolicy violations:");
    for violation in &plan.policy_violations {
        let line = format!(
            "    {}[{}] {}: {}",
            violation.severity.word(),
            violation.rule,
            violation.position(),
            flat(&violation.message)
        );
        let action = match violation.severity {
            Severity::Error => Action::Delete,
            Severity::Warn => Action::Update,
        };
        let _ = writeln!(out, "{}", paint(&line, action));
    }
}

/// Text from WeData on one line: control characters (a line break could fake a line of the
/// plan, an escape sequence could repaint the terminal) as `?`.
fn flat(text: &str) -> String {
    text.chars()
        .map(|character| {
            if character.is_control() {
                '?'
            } else {
                character
            }
        })
        .collect()
}

fn past_tense(action: Action) -> &'static str {
    match action {
        Action::Create => "created",
        Action::Update => "updated",
        Action::Submit => "submitted",
        Action::Delete => "deleted",
        Action::Replace => "replaced",
        Action::NoOp => verb(action),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dag::planned_tests::{plan_of, resource};
    use crate::reconcile::review::{Impact, ImpactedTask, OrphanedTask, Risk};

    /// A name from WeData with a line break and a terminal escape cannot fake a line of the
    /// plan nor repaint the terminal.
    #[test]
    fn hostile_names_from_wedata_stay_on_their_line() {
        let mut plan = plan_of(vec![resource("orders", "load", Action::Delete, &[])]);
        let hostile = "x\n+ task orders/evil will be created\u{1b}[31m";
        plan.impact = Impact {
            mode: ImpactMode::Auto,
            lookups: 1,
            complete: true,
            tasks: vec![ImpactedTask {
                id: "7".into(),
                name: hostile.into(),
                workflow: Some("bi\r\nteam".into()),
                owner: Some("1\n2".into()),
                depth: 1,
                managed: false,
                address: None,
                reached_from: vec!["task.orders.load".into()],
            }],
            orphaned: vec![OrphanedTask {
                id: "7".into(),
                name: hostile.into(),
                workflow: None,
                owner: None,
                upstream: "task.orders.load".into(),
            }],
            orphans_allowed: false,
        };
        plan.risk = Risk::of(&plan);
        let text = render(&plan, false);
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(
            !text
                .lines()
                .any(|line| line.starts_with("+ task orders/evil")),
            "{text}"
        );
        assert!(text.contains("bi??team/x?+ task orders/evil will be created?[31m (7)"));
        assert!(text.starts_with(
            "WeData project 1\nRisk: 1 task outside this repository left without its upstream, 1 deletion, 1 task outside this repository reached.\nThis change reaches 1 task outside this repository.\n"
        ));
    }
}
