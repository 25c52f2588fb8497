//! Checks across documents, after each one parsed: names, enums, references, duplicates,
//! dependency cycles, parameter wiring and code files. Every problem is collected.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_saphyr::Spanned;

use super::diagnostic::{Diagnostics, ManifestError, did_you_mean};
use super::load::{Document, LocatedDocument};
use super::task_types;
use super::types::{Reference, TaskTypeName, TriggerTaskManifest, TriggerWorkflowManifest};
use super::{Task, Workflow};

/// Code files larger than this are refused.
pub const MAXIMUM_CODE_BYTES: u64 = 10 * 1024 * 1024;

/// The checked result of all documents.
pub struct Checked {
    pub workflows: Vec<Workflow>,
    pub tasks: Vec<Task>,
    /// Code files read: (path relative to the root, text).
    pub code_files: Vec<(PathBuf, String)>,
}

pub fn check(
    root: &Path,
    documents: Vec<LocatedDocument>,
    sources: &HashMap<PathBuf, Arc<String>>,
    name_prefix: &str,
    diagnostics: &mut Diagnostics,
) -> Checked {
    let at = |file: &Path, line: u64, column: u64, message: String| {
        let mut error = ManifestError::new(file, line as usize, column as usize, message);
        if let Some(text) = sources.get(file) {
            error = error.with_source(text.clone());
        }
        error
    };
    let spanned_at = |file: &Path, first_line: usize, span: &Spanned<String>, message: String| {
        at(
            file,
            first_line as u64 + span.referenced.line() - 1,
            span.referenced.column(),
            message,
        )
    };

    let mut workflows: Vec<(TriggerWorkflowManifest, PathBuf, usize)> = Vec::new();
    let mut tasks: Vec<(TriggerTaskManifest, PathBuf, usize)> = Vec::new();
    for located in documents {
        match located.document {
            Document::Workflow(workflow) => {
                workflows.push((*workflow, located.file, located.first_line))
            }
            Document::Task(task) => tasks.push((*task, located.file, located.first_line)),
        }
    }

    // Workflows: unique names.
    let mut workflow_names: BTreeMap<String, (PathBuf, usize)> = BTreeMap::new();
    for (workflow, file, first_line) in &workflows {
        let name = &workflow.name.value;
        let line = *first_line + workflow.name.referenced.line() as usize - 1;
        if name.trim().is_empty() {
            diagnostics.push(spanned_at(
                file,
                *first_line,
                &workflow.name,
                "the workflow name is empty".into(),
            ));
        } else if let Some((other_file, other_line)) = workflow_names.get(name) {
            diagnostics.push(
                spanned_at(
                    file,
                    *first_line,
                    &workflow.name,
                    format!("the workflow `{name}` is declared twice"),
                )
                .with_hint(format!(
                    "the other declaration is at {}:{other_line}",
                    other_file.display()
                )),
            );
        } else {
            workflow_names.insert(name.clone(), (file.clone(), line));
        }
    }

    // Tasks: per-task checks, then names per workflow.
    let mut checked_tasks = Vec::new();
    let mut code_files = Vec::new();
    let mut names_in_workflow: BTreeMap<(String, String), (PathBuf, usize)> = BTreeMap::new();
    for (task, file, first_line) in &tasks {
        let name = task.name.value.clone();
        let line_of = |span_line: u64| *first_line + span_line as usize - 1;
        if name.trim().is_empty() {
            diagnostics.push(spanned_at(
                file,
                *first_line,
                &task.name,
                "the task name is empty".into(),
            ));
        }
        let workflow_key = match &task.workflow.value {
            Reference::Name(workflow) => {
                if !workflow_names.contains_key(workflow) {
                    let mut error = at(
                        file,
                        line_of(task.workflow.referenced.line()) as u64,
                        task.workflow.referenced.column(),
                        format!("the workflow `{workflow}` is not declared in this repository"),
                    );
                    error = match did_you_mean(workflow, workflow_names.keys().map(String::as_str)) {
                        Some(close) => error.with_hint(format!("did you mean `{close}`?")),
                        None => error.with_hint(format!(
                            "declare it with `kind: TriggerWorkflow` and `name: {workflow}`, or pin an existing one with `workflow: {{id: \"<WorkflowId>\"}}`"
                        )),
                    };
                    diagnostics.push(error);
                }
                format!("name:{workflow}")
            }
            Reference::Id { id } => format!("id:{id}"),
        };
        let task_line = line_of(task.name.referenced.line());
        if let Some((other_file, other_line)) =
            names_in_workflow.get(&(workflow_key.clone(), name.clone()))
        {
            diagnostics.push(
                spanned_at(file, *first_line, &task.name, format!("the task `{name}` is declared twice in this workflow"))
                    .with_hint(format!("the other declaration is at {}:{other_line}; task names are unique per workflow", other_file.display())),
            );
        } else {
            names_in_workflow.insert((workflow_key, name.clone()), (file.clone(), task_line));
        }

        let task_type_id = check_task_type(task, file, *first_line, &at, diagnostics);
        let code = task.configuration.code_file.as_ref().and_then(|code_file| {
            let line = line_of(code_file.referenced.line());
            read_code_file(
                root,
                file,
                &code_file.value,
                line,
                code_file.referenced.column() as usize,
                sources,
                diagnostics,
            )
        });
        if let (Some(code_file), Some(text)) = (&task.configuration.code_file, &code) {
            let path = file
                .parent()
                .unwrap_or(Path::new(""))
                .join(&code_file.value);
            code_files.push((normalize_path(&path), text.clone()));
        }
        let workflow_name = match &task.workflow.value {
            Reference::Name(workflow) => Some(format!("{name_prefix}{workflow}")),
            Reference::Id { .. } => None,
        };
        checked_tasks.push(Task {
            manifest: task.clone(),
            workflow_name,
            task_type_id: task_type_id.unwrap_or(0),
            code,
            file: file.clone(),
            line: task_line,
        });
    }

    check_references(&checked_tasks, &at, diagnostics);
    check_cycles(&checked_tasks, sources, diagnostics);

    let checked_workflows = workflows
        .into_iter()
        .map(|(manifest, file, first_line)| {
            let line = first_line + manifest.name.referenced.line() as usize - 1;
            Workflow {
                name: format!("{name_prefix}{}", manifest.name.value),
                manifest,
                file,
                line,
            }
        })
        .collect();
    Checked {
        workflows: checked_workflows,
        tasks: checked_tasks,
        code_files,
    }
}

type At<'a> = dyn Fn(&Path, u64, u64, String) -> ManifestError + 'a;

fn check_task_type(
    task: &TriggerTaskManifest,
    file: &Path,
    first_line: usize,
    at: &At<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<u64> {
    let span = &task.base.task_type;
    let line = (first_line as u64) + span.referenced.line() - 1;
    let column = span.referenced.column();
    match &span.value {
        TaskTypeName::Number(id) if task_types::name_for_id(*id).is_some() => Some(*id),
        TaskTypeName::Number(id) => {
            diagnostics.push(
                at(file, line, column, format!("{id} is not a task type of the WeData API"))
                    .with_hint("use a name such as Shell, Python or DLC SQL, or a number from the API's TaskTypeId table"),
            );
            None
        }
        TaskTypeName::Name(name) => match task_types::id_for_name(name) {
            Some(id) => Some(id),
            None => {
                let hint = match task_types::closest_name(name) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!(
                        "known types: {}",
                        task_types::TASK_TYPES
                            .iter()
                            .map(|(_, name, _)| *name)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                diagnostics.push(
                    at(file, line, column, format!("unknown task type `{name}`")).with_hint(hint),
                );
                None
            }
        },
    }
}

/// Reads a code file: it must exist, be UTF-8, be small enough and stay inside the root.
fn read_code_file(
    root: &Path,
    manifest: &Path,
    code_file: &str,
    line: usize,
    column: usize,
    sources: &HashMap<PathBuf, Arc<String>>,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let mut error = |message: String, hint: &str| {
        let mut error = ManifestError::new(manifest, line, column, message).with_hint(hint);
        if let Some(text) = sources.get(manifest) {
            error = error.with_source(text.clone());
        }
        diagnostics.push(error);
    };
    let relative = manifest.parent().unwrap_or(Path::new("")).join(code_file);
    let path = root.join(&relative);
    let (Ok(canonical_root), Ok(canonical)) = (canonical_root(root), path.canonicalize()) else {
        error(
            format!("the code file `{code_file}` does not exist"),
            "code_file is relative to the manifest's own folder",
        );
        return None;
    };
    if !canonical.starts_with(&canonical_root) {
        error(
            format!("the code file `{code_file}` is outside the project folder"),
            "keep code files inside the manifest root so the repository is self-contained",
        );
        return None;
    }
    let size = std::fs::metadata(&canonical)
        .map(|metadata| metadata.len())
        .unwrap_or(0);
    if size > MAXIMUM_CODE_BYTES {
        error(
            format!(
                "the code file `{code_file}` is {size} bytes; at most {MAXIMUM_CODE_BYTES} are allowed"
            ),
            "keep large assets out of task code",
        );
        return None;
    }
    match std::fs::read(&canonical).map(String::from_utf8) {
        Ok(Ok(text)) => Some(text),
        Ok(Err(_)) => {
            error(
                format!("the code file `{code_file}` is not valid UTF-8"),
                "save it as UTF-8",
            );
            None
        }
        Err(read_error) => {
            error(
                format!("cannot read the code file `{code_file}`: {read_error}"),
                "check its permissions",
            );
            None
        }
    }
}

/// The root's canonical form, computed once per root (it is asked for every code file).
fn canonical_root(root: &Path) -> std::io::Result<PathBuf> {
    thread_local! {
        static CACHE: std::cell::RefCell<Option<(PathBuf, PathBuf)>> = const { std::cell::RefCell::new(None) };
    }
    CACHE.with(|cache| {
        if let Some((given, canonical)) = cache.borrow().as_ref() {
            if given == root {
                return Ok(canonical.clone());
            }
        }
        let canonical = root.canonicalize()?;
        *cache.borrow_mut() = Some((root.to_owned(), canonical.clone()));
        Ok(canonical)
    })
}

fn normalize_path(path: &Path) -> PathBuf {
    let mut normalized = PathBuf::new();
    for component in path.components() {
        match component {
            std::path::Component::ParentDir => {
                normalized.pop();
            }
            std::path::Component::CurDir => {}
            other => normalized.push(other),
        }
    }
    normalized
}

fn workflow_key(task: &Task) -> String {
    match &task.manifest.workflow.value {
        Reference::Name(name) => format!("name:{name}"),
        Reference::Id { id } => format!("id:{id}"),
    }
}

/// Upstreams and parameter sources by name must be tasks of the same workflow, and a
/// parameter input must name an output its source declares.
fn check_references(tasks: &[Task], at: &At<'_>, diagnostics: &mut Diagnostics) {
    let keys: Vec<String> = tasks.iter().map(workflow_key).collect();
    let by_name: HashMap<(&str, &str), &Task> = tasks
        .iter()
        .zip(&keys)
        .map(|(task, key)| ((key.as_str(), task.manifest.name.value.as_str()), task))
        .collect();
    let mut names_by_workflow: HashMap<&str, Vec<&str>> = HashMap::new();
    for (task, key) in tasks.iter().zip(&keys) {
        names_by_workflow
            .entry(key.as_str())
            .or_default()
            .push(task.manifest.name.value.as_str());
    }
    for (task, key) in tasks.iter().zip(&keys) {
        let key = key.as_str();
        let first_line = task.line as u64 - task.manifest.name.referenced.line() + 1;
        let line_of = |span_line: u64| first_line + span_line - 1;
        let names_here = &names_by_workflow[key];
        let missing = |name: &str, line: u64, column: u64, what: &str| {
            let error = at(
                &task.file,
                line,
                column,
                format!("{what} `{name}` is not a task of this workflow"),
            );
            match did_you_mean(name, names_here.iter().copied()) {
                Some(close) => error.with_hint(format!("did you mean `{close}`?")),
                None => error.with_hint("name a task declared in the same workflow, or pin one with `{id: \"<TaskId>\"}`"),
            }
        };
        for upstream in task.manifest.scheduler.upstream.iter().flatten() {
            if let Reference::Name(name) = &upstream.value {
                let (line, column) = (
                    line_of(upstream.referenced.line()),
                    upstream.referenced.column(),
                );
                if *name == task.manifest.name.value {
                    diagnostics.push(
                        at(
                            &task.file,
                            line,
                            column,
                            format!("the task `{name}` lists itself as an upstream"),
                        )
                        .with_hint("remove it from upstream"),
                    );
                } else if !by_name.contains_key(&(key, name.as_str())) {
                    diagnostics.push(missing(name, line, column, "the upstream"));
                }
            }
        }
        for input in task.manifest.scheduler.params_in.iter().flatten() {
            let Reference::Name(source_name) = &input.from_task.value else {
                continue;
            };
            let (line, column) = (
                line_of(input.from_task.referenced.line()),
                input.from_task.referenced.column(),
            );
            let Some(source) = by_name.get(&(key, source_name.as_str())) else {
                diagnostics.push(missing(source_name, line, column, "the parameter source"));
                continue;
            };
            let outputs = source
                .manifest
                .scheduler
                .params_out
                .clone()
                .unwrap_or_default();
            let wanted = &input.from_key.value;
            if !outputs.contains_key(wanted) {
                let error = at(
                    &task.file,
                    line_of(input.from_key.referenced.line()),
                    input.from_key.referenced.column(),
                    format!("the task `{source_name}` declares no output parameter `{wanted}`"),
                );
                let error = match did_you_mean(wanted, outputs.keys().map(String::as_str)) {
                    Some(close) => error.with_hint(format!("did you mean `{close}`?")),
                    None => error.with_hint(format!(
                        "add `{wanted}` under scheduler.params_out of `{source_name}` ({}:{})",
                        source.file.display(),
                        source.line
                    )),
                };
                diagnostics.push(error);
            }
        }
    }
}

/// Upstream and parameter edges must not form a cycle; each cycle is printed edge by edge.
fn check_cycles(
    tasks: &[Task],
    sources: &HashMap<PathBuf, Arc<String>>,
    diagnostics: &mut Diagnostics,
) {
    let index: HashMap<(String, &str), usize> = tasks
        .iter()
        .enumerate()
        .map(|(position, task)| {
            (
                (workflow_key(task), task.manifest.name.value.as_str()),
                position,
            )
        })
        .collect();
    // edges[task] = (upstream task, line of the reference)
    let edges: Vec<Vec<(usize, usize)>> = tasks
        .iter()
        .map(|task| {
            let key = workflow_key(task);
            let first_line = task.line - task.manifest.name.referenced.line() as usize + 1;
            let upstream = task
                .manifest
                .scheduler
                .upstream
                .iter()
                .flatten()
                .map(|reference| (&reference.value, reference.referenced.line()));
            let inputs = task
                .manifest
                .scheduler
                .params_in
                .iter()
                .flatten()
                .map(|input| (&input.from_task.value, input.from_task.referenced.line()));
            upstream
                .chain(inputs)
                .filter_map(|(reference, line)| match reference {
                    Reference::Name(name) => index
                        .get(&(key.clone(), name.as_str()))
                        .map(|&target| (target, first_line + line as usize - 1)),
                    Reference::Id { .. } => None,
                })
                .collect()
        })
        .collect();
    let cycles = crate::reconcile::graph::find_cycles(
        &edges
            .iter()
            .map(|list| list.iter().map(|(target, _)| *target).collect())
            .collect::<Vec<Vec<usize>>>(),
    );
    for cycle in cycles {
        let first = &tasks[cycle[0]];
        let mut description = Vec::new();
        for (position, &node) in cycle.iter().enumerate() {
            let next = cycle[(position + 1) % cycle.len()];
            let line = edges[node]
                .iter()
                .find(|(target, _)| *target == next)
                .map_or(tasks[node].line, |(_, line)| *line);
            description.push(format!(
                "  {} depends on {} ({}:{line})",
                tasks[node].manifest.name.value,
                tasks[next].manifest.name.value,
                tasks[node].file.display()
            ));
        }
        let mut error = ManifestError::new(
            &first.file,
            first.line,
            1,
            format!("dependency cycle:\n{}", description.join("\n")),
        )
        .with_hint(
            "a task cannot run after itself: remove one of these upstream or params_in references",
        );
        if let Some(text) = sources.get(&first.file) {
            error = error.with_source(text.clone());
        }
        diagnostics.push(error);
    }
}
