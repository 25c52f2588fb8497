//! Making one declared task's manifest and code file describe a given state: a version's
//! (rollback) or the live draft's (pull). Only members whose value differs are written, each
//! through `manifest::edit`, in the YAML shape `import` gives them (task types by name,
//! upstreams by name, maps key by key); the code file is rewritten with the state's code.
//!
//! A member is left as is, and reported, when its manifest text uses `${var.NAME}` (the
//! value belongs to a target, not to the shared manifest), when it looks like a secret (it
//! would be written into a file in Git), when the new value carries a workflow name with the
//! target's prefix, or when the editor cannot change it in place (anchors, aliases).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{Map, Value};

use super::HistoryError;
use super::files::Files;
use crate::manifest::edit::{self, Change};
use crate::manifest::{Project, Task};
use crate::model::normalize::live_value;
use crate::model::{
    CODE_MEMBER, SCHEDULE_STATE_MEMBER, TaskState, is_sensitive_key, is_sensitive_member,
};

/// The state a task's manifest is to describe.
#[derive(Debug, Clone)]
pub struct Target {
    /// Canonical members (a version's, or the live draft's).
    pub state: TaskState,
    /// Import's manifest document of the same task: each member's YAML shape.
    pub document: Value,
    /// Its code; `None` when unknown (a version without CodeContent).
    pub code: Option<String>,
    /// For rollback, the live state now: members the manifest does not declare but the
    /// target sets differently from it are added. `None` when the target is the live state.
    pub live: Option<TaskState>,
}

/// A member left as is, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kept {
    pub member: String,
    pub reason: String,
}

/// What was done to one task's manifest.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TaskRewrite {
    pub address: String,
    /// Members written (added, changed or removed), in member-path form.
    pub written: Vec<String>,
    pub kept: Vec<Kept>,
}

/// Where a member's value lives in the manifest.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Unit {
    /// The code file.
    Code,
    /// One YAML value replaced as a whole.
    Whole(Vec<String>),
    /// A map edited key by key (scheduling parameters, outputs).
    Map(Vec<String>),
    /// One key of a map whose keys are separate members (ext).
    Entry(Vec<String>),
}

fn unit_of(member: &str) -> Unit {
    const MAPS: [&str; 2] = [
        "configuration.scheduling_parameters",
        "scheduler.params_out",
    ];
    if member == CODE_MEMBER {
        return Unit::Code;
    }
    if member == "scheduler.upstream" || member.starts_with("scheduler.dependency.") {
        // A periodic upstream's cycle settings are written inside its upstream entry.
        return Unit::Whole(vec!["scheduler".into(), "upstream".into()]);
    }
    if MAPS.contains(&member) {
        return Unit::Map(member.split('.').map(str::to_owned).collect());
    }
    if let Some(key) = member.strip_prefix("configuration.ext.") {
        return Unit::Entry(vec!["configuration".into(), "ext".into(), key.to_owned()]);
    }
    Unit::Whole(member.split('.').map(str::to_owned).collect())
}

/// Where a member is written in the manifest, in member-path form (`scheduler.dependency.a.offset`
/// is written inside `scheduler.upstream`).
pub fn written_as(member: &str) -> String {
    match unit_of(member) {
        Unit::Code => CODE_MEMBER.to_owned(),
        Unit::Whole(path) | Unit::Map(path) | Unit::Entry(path) => path.join("."),
    }
}

fn value_at<'a>(document: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter().try_fold(document, |value, key| value.get(key))
}

/// The `${var.NAME}` names a text uses.
fn variables_in(text: &str) -> Vec<String> {
    text.split(VARIABLE_OPENING)
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}

/// How a manifest refers to a target variable (see `manifest::load::substitute_variables`).
pub(super) const VARIABLE_OPENING: &str = "${var.";

const SECRET: &str = "looks like a secret, so it is not written into a file in Git; change it by hand (or keep it in a ${var.NAME})";

fn variable_reason(names: &[String]) -> String {
    let names: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
    format!(
        "depends on variable {} (the manifest writes `${{var.…}}`), so it is left as is; change the variable in wedata.yaml or the target if the new value is meant",
        names.join(", ")
    )
}

/// Reads a task's manifest document and changes it to describe `target`.
pub struct Rewriter<'a> {
    pub project: &'a Project,
    pub files: &'a mut Files,
}

/// The document of a file that declares the task whose `name:` value is on `line` (the
/// loader's line), else the only document with that name (a variable with line breaks moves
/// the loader's lines).
fn document_index(text: &str, line: usize, name: &str) -> Option<usize> {
    let roots = edit::parse(text).ok()?;
    let name_node = |root: &edit::Node| root.get("name").cloned();
    if let Some(index) = roots.iter().position(|root| {
        name_node(root).is_some_and(|node| edit::line_of(text, node.start) == line)
    }) {
        return Some(index);
    }
    let named: Vec<usize> = roots
        .iter()
        .enumerate()
        .filter(|(_, root)| name_node(root).is_some_and(|node| node.scalar() == Some(name)))
        .map(|(index, _)| index)
        .collect();
    (named.len() == 1).then(|| named[0])
}

impl Rewriter<'_> {
    /// Rewrites `task`'s manifest (declared state `desired`) to describe `target`.
    pub fn rewrite(
        &mut self,
        task: &Task,
        desired: &TaskState,
        target: &Target,
    ) -> Result<TaskRewrite, HistoryError> {
        let mut report = TaskRewrite {
            address: super::address::of(task),
            ..TaskRewrite::default()
        };
        let original = self.files.original(&task.file)?.unwrap_or_default();
        let document = document_index(&original, task.line, task.name()).ok_or_else(|| {
            HistoryError::File {
                path: task.file.display().to_string(),
                reason: format!(
                    "no document declares `{}` at line {} any more",
                    task.name(),
                    task.line
                ),
                hint: "the file changed while this ran; run the command again".to_owned(),
            }
        })?;
        let mut units: BTreeMap<Unit, Vec<String>> = BTreeMap::new();
        for member in drifted(desired, target) {
            units.entry(unit_of(&member)).or_default().push(member);
        }
        for (unit, members) in units {
            match unit {
                Unit::Code => self.code(task, document, desired, target, &mut report)?,
                Unit::Whole(path) => {
                    let member = path.join(".");
                    let value = value_at(&target.document, &path)
                        .cloned()
                        .unwrap_or_else(|| target_value(target, &member));
                    if members.iter().any(|member| is_sensitive_member(member)) {
                        report.kept.push(kept(&member, SECRET));
                        continue;
                    }
                    self.set(task, document, &path, Some(value), &mut report)?;
                }
                Unit::Entry(path) => {
                    let member = members[0].clone();
                    if is_sensitive_member(&member) {
                        report.kept.push(kept(&member, SECRET));
                        continue;
                    }
                    let value = target.state.members.get(&member).cloned();
                    self.set(task, document, &path, value, &mut report)?;
                }
                Unit::Map(path) => self.map(task, document, &path, desired, target, &mut report)?,
            }
        }
        Ok(report)
    }

    /// Sets (`Some`) or removes (`None`) one member, unless it must be left as is.
    fn set(
        &mut self,
        task: &Task,
        document: usize,
        path: &[String],
        value: Option<Value>,
        report: &mut TaskRewrite,
    ) -> Result<(), HistoryError> {
        let member = path.join(".");
        let text = self.files.current(&task.file)?;
        let roots = edit::parse(&text).map_err(|error| file_error(task, error))?;
        let keys: Vec<&str> = path.iter().map(String::as_str).collect();
        let mut value = value;
        if let Some(node) = roots.get(document).and_then(|root| root.at(&keys)) {
            let names = variables_in(&text[node.start..node.end]);
            if !names.is_empty() {
                report.kept.push(kept(&member, &variable_reason(&names)));
                return Ok(());
            }
            if member == "scheduler.crontab" {
                value = value.map(|value| crontab_like(node.scalar(), value));
            }
        }
        if value
            .as_ref()
            .is_some_and(|value| value.to_string().contains(VARIABLE_OPENING))
        {
            report.kept.push(kept(
                &member,
                "the new value holds `${var.`, which the manifest would read as a variable reference; change it by hand",
            ));
            return Ok(());
        }
        if let Some(name) = value
            .as_ref()
            .and_then(|value| prefixed_workflow_name(self.project, value))
        {
            report.kept.push(kept(
                &member,
                &format!(
                    "the value holds `{name}`, a workflow name with the target's prefix `{}`; left as is so the shared manifest does not depend on one target",
                    self.project.settings.name_prefix
                ),
            ));
            return Ok(());
        }
        let change = match value {
            Some(value) => Change::Set(value),
            None => Change::Remove,
        };
        match edit::edit(&text, document, &keys, &change) {
            Ok(edited) => {
                if edited != text {
                    self.files.set(&task.file, edited)?;
                    report.written.push(member);
                }
            }
            Err(error) => report
                .kept
                .push(kept(&member, &format!("{error}; change it by hand"))),
        }
        Ok(())
    }

    /// A map written key by key, so untouched keys (and their comments) stay.
    fn map(
        &mut self,
        task: &Task,
        document: usize,
        path: &[String],
        desired: &TaskState,
        target: &Target,
        report: &mut TaskRewrite,
    ) -> Result<(), HistoryError> {
        let member = path.join(".");
        let wanted: Map<String, Value> = value_at(&target.document, path)
            .or(target.state.members.get(&member))
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let declared = desired.members.get(&member).and_then(Value::as_object);
        if declared.is_none() && wanted.is_empty() {
            return self.set(
                task,
                document,
                path,
                Some(Value::Object(Map::new())),
                report,
            );
        }
        let empty = Map::new();
        let declared = declared.unwrap_or(&empty);
        let keys: BTreeSet<&String> = declared.keys().chain(wanted.keys()).collect();
        for key in keys {
            if declared.get(key) == wanted.get(key) {
                continue;
            }
            let mut key_path = path.to_vec();
            key_path.push(key.clone());
            if is_sensitive_key(key) {
                report.kept.push(kept(&key_path.join("."), SECRET));
                continue;
            }
            self.set(task, document, &key_path, wanted.get(key).cloned(), report)?;
        }
        Ok(())
    }

    /// The code file: rewritten where the manifest names one, else created next to the
    /// manifest with import's name for it and added as `configuration.code_file`.
    fn code(
        &mut self,
        task: &Task,
        document: usize,
        desired: &TaskState,
        target: &Target,
        report: &mut TaskRewrite,
    ) -> Result<(), HistoryError> {
        let Some(code) = &target.code else {
            report.kept.push(kept(
                CODE_MEMBER,
                "the version carries no code (no CodeContent), so the code file is left as is",
            ));
            return Ok(());
        };
        let folder = task.file.parent().unwrap_or(Path::new("")).to_owned();
        match &task.configuration().code_file {
            Some(code_file) => {
                let text = self.files.current(&task.file)?;
                let roots = edit::parse(&text).map_err(|error| file_error(task, error))?;
                let raw = roots
                    .get(document)
                    .and_then(|root| root.at(&["configuration", "code_file"]))
                    .map(|node| text[node.start..node.end].to_owned())
                    .unwrap_or_default();
                let names = variables_in(&raw);
                if !names.is_empty() {
                    report
                        .kept
                        .push(kept(CODE_MEMBER, &variable_reason(&names)));
                    return Ok(());
                }
                let path = normalized(&folder.join(&code_file.value));
                let old = self.files.original(&path)?.unwrap_or_default();
                self.files.set(&path, with_line_endings_of(&old, code))?;
                report.written.push(CODE_MEMBER.to_owned());
            }
            None => {
                debug_assert!(!desired.members.contains_key(CODE_MEMBER));
                let name = format!(
                    "{}.{}",
                    crate::import::names::safe_stem(task.name()),
                    crate::manifest::task_types::extension_for_id(task.task_type_id)
                );
                let path = normalized(&folder.join(&name));
                if self.files.exists(&path)? {
                    report.kept.push(kept(
                        CODE_MEMBER,
                        &format!(
                            "the manifest names no code file and {} already exists; add `code_file:` by hand",
                            path.display()
                        ),
                    ));
                    return Ok(());
                }
                self.files.set(&path, code.clone())?;
                let path_in_manifest = vec!["configuration".to_owned(), "code_file".to_owned()];
                self.set(
                    task,
                    document,
                    &path_in_manifest,
                    Some(Value::from(name)),
                    report,
                )?;
                report.written.push(CODE_MEMBER.to_owned());
            }
        }
        Ok(())
    }
}

/// Members whose manifest value must change: declared ones that differ from the target, and
/// (rollback) undeclared ones the target sets differently from the live state.
pub fn drifted(desired: &TaskState, target: &Target) -> BTreeSet<String> {
    let mut members: BTreeSet<String> = desired
        .members
        .iter()
        .filter(|(member, value)| target_value(target, member) != **value)
        .map(|(member, _)| member.clone())
        .collect();
    if let Some(live) = &target.live {
        for (member, value) in &target.state.members {
            let live_now = live
                .members
                .get(member)
                .cloned()
                .unwrap_or_else(|| live_value(member, None));
            if !desired.members.contains_key(member) && live_now != *value {
                members.insert(member.clone());
            }
        }
    }
    if target.code.is_none() {
        // Unknown code is not a difference.
        members.remove(CODE_MEMBER);
    }
    if !target.state.members.contains_key(SCHEDULE_STATE_MEMBER) {
        // A version says nothing of the operations state: it is no member of one.
        members.remove(SCHEDULE_STATE_MEMBER);
    }
    members
}

fn target_value(target: &Target, member: &str) -> Value {
    target
        .state
        .members
        .get(member)
        .cloned()
        .unwrap_or_else(|| live_value(member, None))
}

fn kept(member: &str, reason: &str) -> Kept {
    Kept {
        member: member.to_owned(),
        reason: reason.to_owned(),
    }
}

fn file_error(task: &Task, error: edit::EditError) -> HistoryError {
    HistoryError::File {
        path: task.file.display().to_string(),
        reason: error.to_string(),
        hint: "run `wedata-gitops validate` on the project".to_owned(),
    }
}

/// A workflow's WeData name with the target's prefix, if `value` holds one.
pub(super) fn prefixed_workflow_name(project: &Project, value: &Value) -> Option<String> {
    if project.settings.name_prefix.is_empty() {
        return None;
    }
    let text = value.to_string();
    project
        .workflows
        .iter()
        .map(|workflow| &workflow.name)
        .chain(
            project
                .tasks
                .iter()
                .filter_map(|task| task.workflow_name.as_ref()),
        )
        .find(|name| text.contains(name.as_str()))
        .cloned()
}

/// A crontab in the manifest's own style: WeData's "any year" field kept or left out as the
/// old value had it (both read the same, see `normalize::crontab_text`).
fn crontab_like(old: Option<&str>, new: Value) -> Value {
    let (Some(old), Some(text)) = (old, new.as_str()) else {
        return new;
    };
    let fields = |text: &str| text.split_whitespace().count();
    if fields(old) == 7 && old.trim_end().ends_with(" *") && fields(text) == 6 {
        Value::from(format!("{text} *"))
    } else {
        new
    }
}

/// `a/./b/../c` → `a/c` (manifest folders joined with a code file path). A `..` above the
/// start stays, so `Files` refuses the path rather than writing somewhere else.
fn normalized(path: &Path) -> PathBuf {
    let mut result = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir
                if matches!(
                    result.components().next_back(),
                    Some(std::path::Component::Normal(_))
                ) =>
            {
                result.pop();
            }
            other => result.push(other),
        }
    }
    result
}

/// New code with the old file's CRLF line endings, so a one-line change is a one-line diff.
fn with_line_endings_of(old: &str, code: &str) -> String {
    let crlf = old.contains("\r\n") && !old.replace("\r\n", "").contains('\n');
    if crlf && !code.contains('\r') {
        code.replace('\n', "\r\n")
    } else {
        code.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn members_map_to_where_they_are_written() {
        assert_eq!(unit_of(CODE_MEMBER), Unit::Code);
        assert_eq!(
            unit_of("scheduler.dependency.extract.offset"),
            Unit::Whole(vec!["scheduler".into(), "upstream".into()])
        );
        assert_eq!(
            unit_of("configuration.ext.notebook.x"),
            Unit::Entry(vec![
                "configuration".into(),
                "ext".into(),
                "notebook.x".into()
            ])
        );
        assert_eq!(
            unit_of("scheduler.legacy.delay_time"),
            Unit::Whole(vec![
                "scheduler".into(),
                "legacy".into(),
                "delay_time".into()
            ])
        );
    }

    #[test]
    fn variable_names_are_found() {
        assert_eq!(
            variables_in("\"${var.a}-${var.b_c}\" ${yyyyMMdd}"),
            ["a", "b_c"]
        );
        assert!(variables_in("${yyyyMMdd}").is_empty());
    }

    #[test]
    fn a_crontab_keeps_the_year_field_the_manifest_wrote() {
        assert_eq!(
            crontab_like(Some("0 0 6 * * ? *"), json!("0 30 6 * * ?")),
            json!("0 30 6 * * ? *")
        );
        assert_eq!(
            crontab_like(Some("0 0 6 * * ?"), json!("0 30 6 * * ?")),
            json!("0 30 6 * * ?")
        );
    }

    #[test]
    fn code_file_paths_normalize_without_leaving_the_project() {
        assert_eq!(normalized(Path::new("a/./b/../c.sh")), Path::new("a/c.sh"));
        assert_eq!(normalized(Path::new("a/../../c.sh")), Path::new("../c.sh"));
    }

    #[test]
    fn crlf_files_stay_crlf() {
        assert_eq!(with_line_endings_of("a\r\nb\r\n", "a\nc\n"), "a\r\nc\r\n");
        assert_eq!(with_line_endings_of("a\nb\n", "a\nc\n"), "a\nc\n");
    }

    /// A project on disk with one task manifest.
    fn project_with(manifest: &str) -> (tempfile::TempDir, Project) {
        let directory = tempfile::tempdir().unwrap();
        std::fs::write(
            directory.path().join("wedata.yaml"),
            "project_id: \"1460947878944567296\"\n",
        )
        .unwrap();
        std::fs::create_dir(directory.path().join("orders")).unwrap();
        std::fs::write(directory.path().join("orders/load.yaml"), manifest).unwrap();
        std::fs::write(directory.path().join("orders/load.sh"), "echo 1\n").unwrap();
        let project =
            crate::manifest::load(directory.path(), &Default::default()).expect("valid project");
        (directory, project)
    }

    #[test]
    fn a_version_is_written_into_a_manifest_that_lacks_its_section() {
        let manifest = "\
# Loads orders.
kind: TriggerTask
name: load
workflow: {id: \"wf\"}
base:
  task_type: Shell
  description: new text  # changed in the console
configuration:
  code_file: load.sh
";
        let (_directory, project) = project_with(manifest);
        let task = &project.tasks[0];
        let names = std::collections::HashMap::new();
        let desired = crate::model::desired::task_state(task, &names);
        let mut state = desired.clone();
        state
            .members
            .insert("base.description".into(), json!("old text"));
        state
            .members
            .insert("scheduler.run_priority".into(), json!(4));
        state.members.insert(CODE_MEMBER.into(), json!("echo 0\n"));
        let mut live = desired.clone();
        live.members
            .insert("scheduler.run_priority".into(), json!(6));
        let target = Target {
            state,
            document: json!({"base": {"description": "old text"}, "scheduler": {"run_priority": 4}}),
            code: Some("echo 0\n".into()),
            live: Some(live),
        };
        let mut files = Files::new(&project.root);
        let report = Rewriter {
            project: &project,
            files: &mut files,
        }
        .rewrite(task, &desired, &target)
        .unwrap();
        assert!(report.kept.is_empty(), "{report:?}");
        let changes = files.changes();
        assert_eq!(changes.len(), 2);
        assert_eq!(changes[0].path, Path::new("orders/load.sh"));
        assert_eq!(changes[0].after, "echo 0\n");
        assert_eq!(
            changes[1].after,
            manifest.replace("new text  #", "old text  #").replace(
                "code_file: load.sh\n",
                "code_file: load.sh\nscheduler:\n  run_priority: 4\n"
            )
        );
    }

    #[test]
    fn rollback_adds_undeclared_members_the_version_set_differently() {
        let state = |members: &[(&str, Value)]| TaskState {
            name: "t".into(),
            members: members
                .iter()
                .map(|(member, value)| (member.to_string(), value.clone()))
                .collect(),
        };
        let desired = state(&[("scheduler.max_retries", json!(2))]);
        let target = Target {
            state: state(&[
                ("scheduler.max_retries", json!(3)),
                ("scheduler.run_priority", json!(6)),
                ("base.description", json!("same")),
            ]),
            document: json!({}),
            code: None,
            live: Some(state(&[
                ("scheduler.max_retries", json!(2)),
                ("scheduler.run_priority", json!(4)),
                ("base.description", json!("same")),
            ])),
        };
        assert_eq!(
            drifted(&desired, &target).into_iter().collect::<Vec<_>>(),
            ["scheduler.max_retries", "scheduler.run_priority"]
        );
    }
}
