//! The plan as a pull-request comment: a summary table first, a Mermaid picture of what
//! changes (see `mermaid`), one collapsible `<details>` per changing resource, code diffs in
//! ```diff blocks, and a truncation notice that keeps the whole comment under the size a code
//! host accepts. Names and member keys are written as code spans that no backtick, `|`,
//! newline or HTML inside them can end.

use std::fmt::Write;

use super::{
    code_diff, impact_note, marker, reach_sentence, risk_line, show_value, summary_line, verb,
};
use crate::model::CODE_MEMBER;
use crate::reconcile::plan::MemberChange;
use crate::reconcile::{Action, Plan, ResourceChange};

/// GitHub refuses comments over 65,536 characters; stay well below.
pub const MAXIMUM_CHARACTERS: usize = 60_000;

pub fn render(plan: &Plan) -> String {
    let mut head = String::new();
    let target = plan
        .target
        .as_deref()
        .map(|target| format!(" · target `{target}`"))
        .unwrap_or_default();
    let _ = writeln!(head, "### wedata-gitops plan\n");
    if let Some(reach) = reach_sentence(plan) {
        let _ = writeln!(head, "**{reach}**\n");
    }
    let _ = writeln!(head, "Project `{}`{target}\n", plan.project_id);
    let _ = writeln!(head, "**{}**\n", risk_line(&plan.risk));
    if !plan.selection.is_empty() {
        let selection: Vec<String> = plan
            .selection
            .iter()
            .map(|pattern| inline_code(pattern))
            .collect();
        let _ = writeln!(
            head,
            "Selected: {} (nothing else is planned)\n",
            selection.join(", ")
        );
    }
    let _ = writeln!(head, "**{}**\n", summary_line(&plan.summary));
    let changing: Vec<&ResourceChange> = plan.changing().collect();
    if changing.is_empty() {
        let _ = writeln!(head, "No changes. WeData matches the manifests.");
    } else {
        let _ = writeln!(head, "| | resource | action | members |");
        let _ = writeln!(head, "|---|---|---|---|");
        for resource in &changing {
            let _ = writeln!(
                head,
                "| `{}` | {} | {} | {} |",
                marker(resource.action),
                table_code(&resource.address),
                verb(resource.action),
                resource.changes.len()
            );
        }
        let _ = writeln!(head);
    }
    if let Some(picture) = super::mermaid::plan_picture(plan) {
        let _ = writeln!(
            head,
            "What changes, with its direct upstream and downstream tasks:\n\n```mermaid\n{}```\n",
            picture.flowchart
        );
        if let Some(note) = picture.note {
            let _ = writeln!(head, "_{note}_\n");
        }
    }
    if !plan.unmanaged.is_empty() {
        let _ = writeln!(
            head,
            "Live tasks no manifest declares (left alone): {}\n",
            plan.unmanaged.len()
        );
    }
    head.push_str(&policy_section(plan));
    head.push_str(&impact_section(plan));

    for notice in &plan.notices {
        let _ = writeln!(
            head,
            "> **Note:** {} ({}): {}\n",
            table_code(&notice.address),
            table_code(&notice.source),
            cell(&notice.message)
        );
    }

    let mut body = String::new();
    let mut omitted = 0;
    for (index, resource) in changing.iter().enumerate() {
        let section = details(resource);
        let notice_room = 200;
        if head.len() + body.len() + section.len() + notice_room > MAXIMUM_CHARACTERS {
            omitted = changing.len() - index;
            break;
        }
        body.push_str(&section);
    }
    if omitted > 0 {
        let _ = writeln!(
            body,
            "\n> **Truncated:** {omitted} more resource(s) are not shown to keep this comment under {MAXIMUM_CHARACTERS} characters. Run `wedata-gitops plan` for the full plan."
        );
    }
    head + &body
}

/// Rows of the impact, orphan and policy tables at most, and the characters each table may
/// take (names from WeData can be long): the rest are counted, so the comment keeps its room
/// for the changes. The JSON plan and the text plan list them all.
const LISTED_ROWS: usize = 50;
const TABLE_CHARACTERS: usize = 12_000;
/// Changes named in one row's "reached from" at most.
const LISTED_ROOTS: usize = 3;

/// `rows` after `header`, as many as fit, then how many did not.
fn bounded_table(header: &str, rows: impl ExactSizeIterator<Item = String>, more: &str) -> String {
    let total = rows.len();
    let mut table = String::from(header);
    let mut shown = 0;
    for row in rows {
        if shown == LISTED_ROWS || table.len() + row.len() > TABLE_CHARACTERS {
            break;
        }
        table.push_str(&row);
        table.push('\n');
        shown += 1;
    }
    if shown < total {
        let _ = writeln!(table, "\n_{} more not shown; {more}._", total - shown);
    }
    table.push('\n');
    table
}

/// The tasks downstream of the changes as a table, and those a deletion leaves behind.
fn impact_section(plan: &Plan) -> String {
    let impact = &plan.impact;
    let mut section = String::new();
    if !impact.orphaned.is_empty() {
        let allowed = if impact.orphans_allowed {
            " (allowed with `--allow-orphaned-downstream`)"
        } else {
            ""
        };
        let header = format!(
            "**Left without their upstream by a deletion or replacement{allowed}:**\n\n| task | workflow | owner | upstream |\n|---|---|---|---|\n"
        );
        let rows = impact.orphaned.iter().map(|orphan| {
            format!(
                "| {} | {} | {} | {} |",
                table_code(&orphan.name),
                table_code(orphan.workflow.as_deref().unwrap_or("")),
                table_code(orphan.owner.as_deref().unwrap_or("")),
                table_code(&orphan.upstream)
            )
        });
        section.push_str(&bounded_table(&header, rows, "`plan` lists them all"));
    }
    if impact.tasks.is_empty() {
        return section;
    }
    let header = format!(
        "**Downstream of the changes:** {} task{} ({}).\n\n| depth | task | workflow | owner | managed here | reached from |\n|---|---|---|---|---|---|\n",
        impact.tasks.len(),
        if impact.tasks.len() == 1 { "" } else { "s" },
        inline_code(&impact_note(impact))
    );
    let rows = impact.tasks.iter().map(|task| {
        let mut reached: Vec<String> = task
            .reached_from
            .iter()
            .take(LISTED_ROOTS)
            .map(|address| table_code(address))
            .collect();
        if task.reached_from.len() > LISTED_ROOTS {
            reached.push(format!(
                "and {} more",
                task.reached_from.len() - LISTED_ROOTS
            ));
        }
        format!(
            "| {} | {} | {} | {} | {} | {} |",
            task.depth,
            table_code(&task.name),
            table_code(task.workflow.as_deref().unwrap_or("")),
            table_code(task.owner.as_deref().unwrap_or("")),
            match &task.address {
                Some(address) => table_code(address),
                None => "no".to_owned(),
            },
            reached.join(" ")
        )
    });
    section.push_str(&bounded_table(
        &header,
        rows,
        "`plan --format json` lists them all",
    ));
    section
}

/// Every policy violation as a table row: severity, rule, place, resource, message.
fn policy_section(plan: &Plan) -> String {
    if plan.policy_violations.is_empty() {
        return String::new();
    }
    let rows = plan.policy_violations.iter().map(|violation| {
        format!(
            "| {} | {} | {} | {} | {} |",
            violation.severity.word(),
            table_code(&violation.rule),
            table_code(&violation.position()),
            table_code(&violation.address),
            cell(&violation.message)
        )
    });
    bounded_table(
        "**Policy violations:**\n\n| | rule | where | resource | message |\n|---|---|---|---|---|\n",
        rows,
        "`plan` lists them all",
    )
}

/// One guard rail a refused plan breaks, as the plan command hands it over (the planner's
/// refusal, flattened so that rendering does not depend on the planner).
pub struct RefusalRow {
    pub code: String,
    pub location: Option<String>,
    pub message: String,
    pub help: Option<String>,
}

/// The section a refused plan ends with in a pull-request comment: that `apply` would write
/// nothing, and why, each guard rail with its code, place, message and fix.
pub fn refusals(rows: &[RefusalRow]) -> String {
    if rows.is_empty() {
        return String::new();
    }
    let header = format!(
        "**Refused: `apply` would write nothing ({} problem{}; each code is explained in the tool's docs/errors.md).**\n\n| code | where | problem | fix |\n|---|---|---|---|\n",
        rows.len(),
        if rows.len() == 1 { "" } else { "s" }
    );
    let lines = rows.iter().map(|row| {
        format!(
            "| {} | {} | {} | {} |",
            table_code(&row.code),
            row.location.as_deref().map(table_code).unwrap_or_default(),
            cell(&row.message),
            row.help.as_deref().map(cell).unwrap_or_default()
        )
    });
    format!(
        "\n{}",
        bounded_table(&header, lines, "`plan` lists them all")
    )
}

fn details(resource: &ResourceChange) -> String {
    let mut section = String::new();
    let _ = writeln!(
        section,
        "<details><summary><code>{}</code> {} <code>{}</code></summary>\n",
        marker(resource.action),
        verb(resource.action),
        escape(&resource.address)
    );
    if let Some(source) = &resource.source {
        let _ = writeln!(section, "Declared in {}.\n", inline_code(source));
    }
    let mut scalar_rows = Vec::new();
    for change in &resource.changes {
        if change.member == CODE_MEMBER && !change.sensitive {
            section.push_str(&code_block(resource, change));
        } else {
            scalar_rows.push(format!(
                "| {} | {} | {} |",
                table_code(&change.member),
                cell(&show_value(&change.before)),
                cell(&show_value(&change.after))
            ));
        }
    }
    if !scalar_rows.is_empty() {
        let _ = writeln!(section, "| member | before | after |\n|---|---|---|");
        for row in scalar_rows {
            let _ = writeln!(section, "{row}");
        }
        let _ = writeln!(section);
    }
    let _ = writeln!(section, "</details>\n");
    section
}

/// A task's code: the code file's name, then a diff (a change: GitHub and GitLab colour the
/// added and removed lines), or the whole new code in its language (a create: highlighted as
/// sql, python, bash, ...).
fn code_block(resource: &ResourceChange, change: &MemberChange) -> String {
    let before = change.before.as_str().unwrap_or("");
    let after = change.after.as_str().unwrap_or("");
    let code_file = resource.code_file.as_deref();
    let heading = match code_file {
        Some(path) => format!("{} in {}", inline_code(&change.member), inline_code(path)),
        None => inline_code(&change.member),
    };
    let (language, text) = if resource.action == Action::Create {
        let language = code_file.and_then(super::code_language).unwrap_or("");
        let mut text = after.to_owned();
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        (language, text)
    } else {
        ("diff", code_diff(before, after, code_file))
    };
    // A fence longer than any backtick run inside the code keeps it closed.
    let fence = "`".repeat(longest_backtick_run(&text).max(2) + 1);
    format!("{heading}\n\n{fence}{language}\n{text}{fence}\n\n")
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|character| character != '`')
        .map(str::len)
        .max()
        .unwrap_or(0)
}

/// A code span no text can end early: a fence longer than any backtick run inside, padding
/// when the text starts or ends with a backtick, line breaks and control characters as spaces.
fn inline_code(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|character| {
            if character.is_control() {
                ' '
            } else {
                character
            }
        })
        .collect();
    let fence = "`".repeat(longest_backtick_run(&flat) + 1);
    let padding = if flat.starts_with('`') || flat.ends_with('`') || flat.trim().is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{padding}{flat}{padding}{fence}")
}

/// A code span inside a table row: `|` escaped too, as GFM tables split on it even in code.
fn table_code(text: &str) -> String {
    inline_code(text).replace('|', "\\|")
}

fn cell(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|character| match character {
            '`' => '\'',
            character if character.is_control() => ' ',
            character => character,
        })
        .collect();
    format!("`{}`", flat.replace('|', "\\|"))
}

/// Text inside the `<summary>` HTML: markup characters as references, and no line break (a
/// blank line would end the HTML block and let the rest be read as Markdown).
fn escape(text: &str) -> String {
    text.chars()
        .map(|character| {
            if character.is_control() {
                ' '
            } else {
                character
            }
        })
        .collect::<String>()
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reconcile::plan::{Fingerprints, MemberChange, Summary};
    use crate::reconcile::{Action, ResourceChange, ResourceKind};
    use serde_json::Value;

    /// A plan far over the limit is cut with a notice, and what is shown stays well-formed.
    /// Thousands of downstream tasks with 300-character names, each reached from many
    /// changes, and as many policy violations: the comment still fits, and says what it left out.
    #[test]
    fn huge_impact_and_policy_tables_keep_the_comment_under_the_limit() {
        use crate::reconcile::review::{ImpactMode, ImpactedTask, PolicyViolation, Severity};
        let long = "n".repeat(300);
        let mut plan =
            crate::dag::planned_tests::plan_of(vec![crate::dag::planned_tests::resource(
                "orders",
                "load",
                Action::Update,
                &[],
            )]);
        plan.impact.mode = ImpactMode::All;
        plan.impact.tasks = (0..2_000)
            .map(|index| ImpactedTask {
                id: index.to_string(),
                name: long.clone(),
                workflow: Some(long.clone()),
                owner: Some(long.clone()),
                depth: 1,
                managed: false,
                address: None,
                reached_from: (0..50).map(|root| format!("task.orders.{root}")).collect(),
            })
            .collect();
        plan.policy_violations = (0..2_000)
            .map(|index| PolicyViolation {
                rule: "task_name".into(),
                severity: Severity::Warn,
                address: format!("task.orders.{index}"),
                message: long.clone(),
                file: long.clone(),
                line: 1,
                column: 1,
            })
            .collect();
        let text = render(&plan);
        assert!(
            text.len() <= MAXIMUM_CHARACTERS,
            "{} characters",
            text.len()
        );
        assert!(text.contains("more not shown; `plan --format json` lists them all"));
        assert!(text.contains("more not shown; `plan` lists them all"));
        assert!(text.contains("and 47 more"));
        assert!(text.contains("<details>"), "the changes keep their room");
    }

    #[test]
    fn a_huge_plan_is_truncated_under_the_limit_with_a_notice() {
        let code: String = (0..200).map(|line| format!("echo line {line}\n")).collect();
        let resources: Vec<ResourceChange> = (0..100)
            .map(|index| ResourceChange {
                address: format!("task.orders.task_{index:03}"),
                kind: ResourceKind::Task,
                name: format!("task_{index:03}"),
                workflow: Some("orders".into()),
                action: Action::Create,
                id: None,
                changes: vec![MemberChange {
                    member: crate::model::CODE_MEMBER.into(),
                    before: Value::Null,
                    after: Value::from(code.clone()),
                    sensitive: false,
                }],
                depends_on: Vec::new(),
                source: None,
                code_file: None,
                prevent_destroy: false,
            })
            .collect();
        let plan = Plan {
            format_version: crate::reconcile::plan::FORMAT_VERSION,
            project_id: "1".into(),
            target: None,
            api_version: "2025-08-06".into(),
            tool_version: "0.1.0".into(),
            selection: Vec::new(),
            risk: Default::default(),
            resources,
            waves: Vec::new(),
            unmanaged: Vec::new(),
            neighbours: Vec::new(),
            notices: Vec::new(),
            impact: Default::default(),
            policy_violations: Vec::new(),
            summary: Summary {
                create: 100,
                ..Summary::default()
            },
            deletion_allowed: false,
            deletion_notifies_owners: false,
            fingerprints: Fingerprints::default(),
        };
        let text = render(&plan);
        assert!(
            text.len() <= MAXIMUM_CHARACTERS,
            "{} characters",
            text.len()
        );
        assert!(text.contains("**Truncated:**"));
        assert_eq!(
            text.matches("<details>").count(),
            text.matches("</details>").count()
        );
        assert!(text.contains("task_000"));
    }
}
