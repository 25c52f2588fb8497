//! Checks across documents, after each one parsed: names, enums, references, duplicates,
//! dependency cycles, parameter wiring and code files. Every problem is collected.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_saphyr::Spanned;

use super::diagnostic::{Diagnostics, ManifestError, did_you_mean};
use super::legacy;
use super::load::{BrokenDocument, Document, LocatedDocument};
use super::schedule;
use super::task_types;
use super::types::{PeriodicUpstream, Reference, TaskBase, TaskTypeName, UpstreamDependency};
use super::{Task, TaskDefinition, Workflow, WorkflowDefinition};
use crate::codes::ManifestCode;

/// Code files larger than this are refused.
pub const MAXIMUM_CODE_BYTES: u64 = 10 * 1024 * 1024;

/// The checked result of all documents.
pub struct Checked {
    pub workflows: Vec<Workflow>,
    pub tasks: Vec<Task>,
    /// Code files read: (path relative to the root, text).
    pub code_files: Vec<(PathBuf, String)>,
}

/// What the checks depend on beyond the documents themselves.
pub struct Options<'a> {
    /// Prepended to workflow names (the target's `name_prefix`).
    pub name_prefix: &'a str,
    /// The project uses the legacy 2021-08-20 API (see `legacy`).
    pub legacy: bool,
}

pub fn check(
    root: &Path,
    documents: Vec<LocatedDocument>,
    sources: &HashMap<PathBuf, Arc<String>>,
    options: &Options<'_>,
    diagnostics: &mut Diagnostics,
) -> Checked {
    let name_prefix = options.name_prefix;
    let at = |code: ManifestCode, file: &Path, line: u64, column: u64, message: String| {
        let mut error = ManifestError::new(code, file, line as usize, column as usize, message);
        if let Some(text) = sources.get(file) {
            error = error.with_source(text.clone());
        }
        error
    };
    let spanned_at = |code: ManifestCode,
                      file: &Path,
                      first_line: usize,
                      span: &Spanned<String>,
                      message: String| {
        at(
            code,
            file,
            first_line as u64 + span.referenced.line() - 1,
            span.referenced.column(),
            message,
        )
    };

    let mut workflows: Vec<(WorkflowDefinition, PathBuf, usize)> = Vec::new();
    let mut tasks: Vec<(TaskDefinition, PathBuf, usize)> = Vec::new();
    let mut broken: Vec<BrokenDocument> = Vec::new();
    for located in documents {
        match located.document {
            Document::Workflow(workflow) => {
                workflows.push((*workflow, located.file, located.first_line))
            }
            Document::Task(task) => tasks.push((*task, located.file, located.first_line)),
            Document::Broken(identity) => broken.push(identity),
        }
    }

    // Workflows: unique names (across both kinds: WeData has one namespace), schedules.
    let mut workflow_names: BTreeMap<String, (PathBuf, usize, &'static str)> = BTreeMap::new();
    for (workflow, file, first_line) in &workflows {
        let name_span = workflow.name();
        let name = &name_span.value;
        let line = *first_line + name_span.referenced.line() as usize - 1;
        if name.trim().is_empty() {
            diagnostics.push(spanned_at(
                ManifestCode::EmptyName,
                file,
                *first_line,
                name_span,
                "the workflow name is empty".into(),
            ));
        } else if let Some((other_file, other_line, _)) = workflow_names.get(name) {
            diagnostics.push(
                spanned_at(ManifestCode::DuplicateWorkflow,
                    file,
                    *first_line,
                    name_span,
                    format!("the workflow `{name}` is declared twice"),
                )
                .with_hint(format!(
                    "the other declaration is at {}:{other_line}; workflow names are unique in a project, whatever their kind",
                    other_file.display()
                )),
            );
        } else {
            workflow_names.insert(name.clone(), (file.clone(), line, workflow.kind()));
        }
        if options.legacy {
            diagnostics.push(legacy::workflow_error(workflow, file, *first_line, &at));
        }
        if let WorkflowDefinition::Periodic(manifest) = workflow {
            if let Some(schedule) = &manifest.scheduler {
                let timing = Timing {
                    crontab: schedule.crontab.as_ref(),
                    time_zone: schedule.time_zone.as_ref(),
                    start_time: schedule.start_time.as_ref(),
                    end_time: schedule.end_time.as_ref(),
                    execution_start_time: schedule.execution_start_time.as_ref(),
                    execution_end_time: schedule.execution_end_time.as_ref(),
                };
                check_timing(&timing, file, *first_line, &at, diagnostics);
            }
        }
    }

    // Tasks: per-task checks, then names per workflow.
    let mut checked_tasks = Vec::new();
    let mut code_files = Vec::new();
    let mut names_in_workflow: BTreeMap<(String, String), (PathBuf, usize)> = BTreeMap::new();
    for (definition, file, first_line) in tasks {
        let line_of = |span_line: u64| first_line + span_line as usize - 1;
        let mut task = Task {
            definition,
            workflow_name: None,
            task_type_id: 0,
            code: None,
            file: file.clone(),
            line: 0,
        };
        let name = task.name().to_owned();
        task.line = line_of(task.name_span().referenced.line());
        if name.trim().is_empty() {
            diagnostics.push(spanned_at(
                ManifestCode::EmptyName,
                &file,
                first_line,
                task.name_span(),
                "the task name is empty".into(),
            ));
        }
        let workflow = task.workflow();
        let workflow_key = match &workflow.value {
            Reference::Name(workflow_name) => {
                let (line, column) = (
                    line_of(workflow.referenced.line()) as u64,
                    workflow.referenced.column(),
                );
                let wanted_kind = if task.is_periodic() {
                    "Workflow"
                } else {
                    "TriggerWorkflow"
                };
                match workflow_names.get(workflow_name) {
                    // A legacy project names workflows that exist in WeData (it cannot
                    // declare any); the plan checks the name against the task's workflow.
                    None if options.legacy => {}
                    // Declared by a document whose own error is already reported.
                    None if broken_may_declare_workflow(&broken, workflow_name) => {}
                    None => {
                        let error = at(
                            ManifestCode::UnknownWorkflow,
                            &file,
                            line,
                            column,
                            format!(
                                "the workflow `{workflow_name}` is not declared in this repository"
                            ),
                        );
                        let error = match did_you_mean(
                            workflow_name,
                            workflow_names.keys().map(String::as_str),
                        ) {
                            Some(close) => error.with_hint(format!("did you mean `{close}`?")),
                            None => error.with_hint(format!(
                                "declare it with `kind: {wanted_kind}` and `name: {workflow_name}`, or pin an existing one with `workflow: {{id: \"<WorkflowId>\"}}`"
                            )),
                        };
                        diagnostics.push(error);
                    }
                    Some((other_file, other_line, kind)) if *kind != wanted_kind => {
                        diagnostics.push(
                            at(ManifestCode::WorkflowKindMismatch,
                                &file,
                                line,
                                column,
                                format!(
                                    "the workflow `{workflow_name}` is a {kind}, but a `kind: {}` belongs to a {wanted_kind}",
                                    task.kind()
                                ),
                            )
                            .with_hint(format!(
                                "trigger tasks live in TriggerWorkflows and periodic tasks (`kind: Task`) in Workflows; `{workflow_name}` is declared at {}:{other_line}",
                                other_file.display()
                            )),
                        );
                    }
                    Some(_) => {}
                }
                format!("name:{workflow_name}")
            }
            Reference::Id { id } => format!("id:{id}"),
        };
        if let Some((other_file, other_line)) =
            names_in_workflow.get(&(workflow_key.clone(), name.clone()))
        {
            diagnostics.push(
                spanned_at(ManifestCode::DuplicateTask, &file, first_line, task.name_span(), format!("the task `{name}` is declared twice in this workflow"))
                    .with_hint(format!("the other declaration is at {}:{other_line}; task names are unique per workflow", other_file.display())),
            );
        } else {
            names_in_workflow.insert((workflow_key, name.clone()), (file.clone(), task.line));
        }

        task.task_type_id =
            check_task_type(task.base(), &file, first_line, &at, diagnostics).unwrap_or(0);
        let code_file = task.configuration().code_file.clone();
        task.code = code_file.as_ref().and_then(|code_file| {
            let line = line_of(code_file.referenced.line());
            read_code_file(
                root,
                &file,
                &code_file.value,
                line,
                code_file.referenced.column() as usize,
                sources,
                diagnostics,
            )
        });
        if let (Some(code_file), Some(text)) = (&code_file, &task.code) {
            let path = file
                .parent()
                .unwrap_or(Path::new(""))
                .join(&code_file.value);
            code_files.push((normalize_path(&path), text.clone()));
        }
        if let TaskDefinition::Periodic(manifest) = &task.definition {
            let scheduler = &manifest.scheduler;
            let timing = Timing {
                crontab: scheduler.crontab.as_ref(),
                time_zone: scheduler.time_zone.as_ref(),
                start_time: scheduler.start_time.as_ref(),
                end_time: scheduler.end_time.as_ref(),
                execution_start_time: scheduler.execution_start_time.as_ref(),
                execution_end_time: scheduler.execution_end_time.as_ref(),
            };
            check_timing(&timing, &file, first_line, &at, diagnostics);
            for upstream in scheduler.upstream.iter().flatten() {
                if let PeriodicUpstream::Detailed(dependency) = &upstream.value {
                    if let Some((message, hint)) = dependency_problem(dependency) {
                        diagnostics.push(
                            at(
                                ManifestCode::InvalidDependency,
                                &file,
                                line_of(upstream.referenced.line()) as u64,
                                upstream.referenced.column(),
                                message,
                            )
                            .with_hint(hint),
                        );
                    }
                }
            }
        }
        if let Some(text) = sources.get(&file) {
            legacy::check_task(&task, options.legacy, text, first_line, &at, diagnostics);
        }
        task.workflow_name = match &task.workflow().value {
            Reference::Name(workflow) => Some(format!("{name_prefix}{workflow}")),
            Reference::Id { .. } => None,
        };
        checked_tasks.push(task);
    }

    check_pinned_ids(&checked_tasks, &at, diagnostics);
    check_references(&checked_tasks, &broken, &at, diagnostics);
    check_cycles(&checked_tasks, sources, diagnostics);

    let checked_workflows = workflows
        .into_iter()
        .map(|(definition, file, first_line)| {
            let name_span = definition.name();
            let line = first_line + name_span.referenced.line() as usize - 1;
            Workflow {
                name: format!("{name_prefix}{}", name_span.value),
                definition,
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

/// The time members of a periodic schedule (task or workflow), with their locations.
struct Timing<'a> {
    crontab: Option<&'a Spanned<String>>,
    time_zone: Option<&'a Spanned<String>>,
    start_time: Option<&'a Spanned<String>>,
    end_time: Option<&'a Spanned<String>>,
    execution_start_time: Option<&'a Spanned<String>>,
    execution_end_time: Option<&'a Spanned<String>>,
}

/// Crontab syntax, time formats, and each window's start before its end.
fn check_timing(
    timing: &Timing<'_>,
    file: &Path,
    first_line: usize,
    at: &At<'_>,
    diagnostics: &mut Diagnostics,
) {
    let mut report = |span: &Spanned<String>, message: String, hint: &str| {
        diagnostics.push(
            at(
                ManifestCode::InvalidSchedule,
                file,
                first_line as u64 + span.referenced.line() - 1,
                span.referenced.column(),
                message,
            )
            .with_hint(hint),
        );
    };
    if let Some(crontab) = timing.crontab {
        if let Err(problem) = schedule::check_crontab(&crontab.value) {
            report(
                crontab,
                format!("invalid crontab: {problem}"),
                "WeData crontabs are Quartz style with seconds first: `0 30 2 * * ? *` runs at 02:30 every day",
            );
        }
    }
    if let Some(zone) = timing.time_zone {
        if let Err(problem) = schedule::check_time_zone(&zone.value) {
            report(zone, problem, "write the offset from UTC, e.g. UTC+8");
        }
    }
    let mut date_time = |span: Option<&Spanned<String>>| {
        let span = span?;
        match schedule::parse_date_time(&span.value) {
            Ok(value) => Some(value),
            Err(problem) => {
                report(
                    span,
                    problem,
                    "quote it: start_time: \"2025-01-01 00:00:00\"",
                );
                None
            }
        }
    };
    let start = date_time(timing.start_time);
    let end = date_time(timing.end_time);
    let mut time_of_day = |span: Option<&Spanned<String>>| {
        let span = span?;
        match schedule::parse_time_of_day(&span.value) {
            Ok(value) => Some(value),
            Err(problem) => {
                report(span, problem, "quote it: execution_start_time: \"00:00\"");
                None
            }
        }
    };
    let window_start = time_of_day(timing.execution_start_time);
    let window_end = time_of_day(timing.execution_end_time);
    if let (Some(start), Some(end), Some(end_span)) = (start, end, timing.end_time) {
        if start > end {
            report(
                end_span,
                format!(
                    "end_time {} is before start_time {}",
                    end_span.value,
                    start.strftime("%Y-%m-%d %H:%M:%S")
                ),
                "the schedule would never run: move end_time after start_time",
            );
        }
    }
    if let (Some(window_start), Some(window_end), Some(end_span)) =
        (window_start, window_end, timing.execution_end_time)
    {
        if window_start > window_end {
            report(
                end_span,
                format!(
                    "execution_end_time {} is before execution_start_time {}",
                    end_span.value,
                    window_start.strftime("%H:%M")
                ),
                "the execution window lies within one day: 00:00 to 23:59 at most",
            );
        }
    }
}

/// An unknown cyclic setting of a detailed upstream: (message, hint).
fn dependency_problem(dependency: &UpstreamDependency) -> Option<(String, String)> {
    let unknown = |member: &str, value: &str, allowed: &[&str]| {
        let hint = match did_you_mean(value, allowed.iter().copied()) {
            Some(close) => format!("did you mean `{close}`?"),
            None => format!("expected one of {}", allowed.join(", ")),
        };
        Some((
            format!("{member} `{value}` is not a value WeData knows"),
            hint,
        ))
    };
    if let Some(value) = &dependency.main_cyclic_config {
        if !schedule::MAIN_CYCLIC_CONFIGS.contains(&value.as_str()) {
            return unknown("main_cyclic_config", value, &schedule::MAIN_CYCLIC_CONFIGS);
        }
    }
    if let Some(value) = &dependency.subordinate_cyclic_config {
        if !schedule::SUBORDINATE_CYCLIC_CONFIGS.contains(&value.as_str()) {
            return unknown(
                "subordinate_cyclic_config",
                value,
                &schedule::SUBORDINATE_CYCLIC_CONFIGS,
            );
        }
    }
    let strategy = dependency.dependency_strategy.as_ref()?;
    if let Some(value) = &strategy.polling_null_strategy {
        if !schedule::POLLING_NULL_STRATEGIES.contains(&value.as_str()) {
            return unknown(
                "polling_null_strategy",
                value,
                &schedule::POLLING_NULL_STRATEGIES,
            );
        }
    }
    for value in strategy.executing_strategies.iter().flatten() {
        if !schedule::EXECUTING_STRATEGIES.contains(&value.as_str()) {
            return unknown(
                "executing_strategies",
                value,
                &schedule::EXECUTING_STRATEGIES,
            );
        }
    }
    None
}

/// Builds an error at file, line and column (with the file's text for the snippet).
pub type At<'a> = dyn Fn(ManifestCode, &Path, u64, u64, String) -> ManifestError + 'a;

fn check_task_type(
    base: &TaskBase,
    file: &Path,
    first_line: usize,
    at: &At<'_>,
    diagnostics: &mut Diagnostics,
) -> Option<u64> {
    let span = &base.task_type;
    let line = (first_line as u64) + span.referenced.line() - 1;
    let column = span.referenced.column();
    match &span.value {
        TaskTypeName::Number(id) if task_types::name_for_id(*id).is_some() => Some(*id),
        TaskTypeName::Number(id) => {
            diagnostics.push(
                at(ManifestCode::UnknownTaskType, file, line, column, format!("{id} is not a task type of the WeData API"))
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
                    at(
                        ManifestCode::UnknownTaskType,
                        file,
                        line,
                        column,
                        format!("unknown task type `{name}`"),
                    )
                    .with_hint(hint),
                );
                None
            }
        },
    }
}

/// Reads a code file: it must exist, stay inside the root, lie in no hidden folder, be a
/// regular file (a symlink counts as what it points to), be small enough and be UTF-8.
///
/// The file type is checked on metadata before the file is opened: opening a FIFO for reading
/// blocks until a writer comes, and a device or socket is never task code.
fn read_code_file(
    root: &Path,
    manifest: &Path,
    code_file: &str,
    line: usize,
    column: usize,
    sources: &HashMap<PathBuf, Arc<String>>,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let mut error = |code: ManifestCode, message: String, hint: &str| {
        let mut error = ManifestError::new(code, manifest, line, column, message).with_hint(hint);
        if let Some(text) = sources.get(manifest) {
            error = error.with_source(text.clone());
        }
        diagnostics.push(error);
    };
    const HIDDEN_HINT: &str = "hidden files and folders (.git, .env, ...) hold repository internals and secrets, never task code: keep the code next to its manifest under a name without a leading dot";
    let relative = manifest.parent().unwrap_or(Path::new("")).join(code_file);
    if let Some(hidden) = hidden_component(Path::new(code_file)) {
        error(
            ManifestCode::CodeFileHidden,
            format!("the code file `{code_file}` {hidden}"),
            HIDDEN_HINT,
        );
        return None;
    }
    let path = root.join(&relative);
    let (Ok(canonical_root), Ok(canonical)) = (canonical_root(root), path.canonicalize()) else {
        error(
            ManifestCode::CodeFileMissing,
            format!("the code file `{code_file}` does not exist"),
            "code_file is relative to the manifest's own folder",
        );
        return None;
    };
    let Ok(inside) = canonical.strip_prefix(&canonical_root) else {
        error(
            ManifestCode::CodeFileOutsideRoot,
            format!("the code file `{code_file}` is outside the project folder"),
            "keep code files inside the manifest root so the repository is self-contained",
        );
        return None;
    };
    // A symlink is judged by what it points to: `code.sh -> .git/config` is as hidden as
    // `.git/config` itself.
    if let Some(hidden) = hidden_component(inside) {
        error(
            ManifestCode::CodeFileHidden,
            format!(
                "the code file `{code_file}` resolves to `{}`, which {hidden}",
                inside.display()
            ),
            HIDDEN_HINT,
        );
        return None;
    }
    let metadata = match std::fs::metadata(&canonical) {
        Ok(metadata) => metadata,
        Err(read_error) => {
            error(
                ManifestCode::CodeFileUnreadable,
                format!("cannot read the code file `{code_file}`: {read_error}"),
                "check its permissions",
            );
            return None;
        }
    };
    if !metadata.is_file() {
        error(
            ManifestCode::CodeFileNotAFile,
            format!(
                "the code file `{code_file}` is {}, not a regular file",
                describe_file_type(&metadata.file_type())
            ),
            "code_file must name a regular file inside the project (a symlink to one is fine)",
        );
        return None;
    }
    let size = metadata.len();
    if size > MAXIMUM_CODE_BYTES {
        error(
            ManifestCode::CodeFileTooLarge,
            format!(
                "the code file `{code_file}` is {size} bytes; at most {MAXIMUM_CODE_BYTES} are allowed"
            ),
            "keep large assets out of task code",
        );
        return None;
    }
    match read_regular_file(&canonical).map(String::from_utf8) {
        Ok(Ok(text)) => Some(text),
        Ok(Err(_)) => {
            error(
                ManifestCode::CodeFileNotUtf8,
                format!("the code file `{code_file}` is not valid UTF-8"),
                "save it as UTF-8",
            );
            None
        }
        Err(read_error) => {
            error(
                ManifestCode::CodeFileUnreadable,
                format!("cannot read the code file `{code_file}`: {read_error}"),
                "check its permissions",
            );
            None
        }
    }
}

/// Whether a component of `path` is hidden (its name starts with a dot; `.` and `..` are
/// not names), said as the end of a sentence: "is a hidden file" or "lies in the hidden
/// folder `.git`".
fn hidden_component(path: &Path) -> Option<String> {
    let names: Vec<_> = path
        .components()
        .filter_map(|component| match component {
            std::path::Component::Normal(name) => Some(name.to_string_lossy()),
            _ => None,
        })
        .collect();
    let position = names.iter().position(|name| name.starts_with('.'))?;
    Some(if position + 1 == names.len() {
        "is a hidden file".to_owned()
    } else {
        format!("lies in the hidden folder `{}`", names[position])
    })
}

/// "a directory", "a FIFO (named pipe)", ...: what a code file is when it is not a file.
fn describe_file_type(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

/// Reads a file checked to be regular, and checks the opened handle again: the path could
/// have been replaced between the check and the open.
fn read_regular_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("it is no longer a regular file"));
    }
    // A file that grew after its size was checked is read only up to the limit.
    let mut bytes = Vec::new();
    file.take(MAXIMUM_CODE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAXIMUM_CODE_BYTES {
        return Err(std::io::Error::other(
            "it grew beyond the size limit while being read",
        ));
    }
    Ok(bytes)
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
    reference_key(&task.workflow().value)
}

fn reference_key(reference: &Reference) -> String {
    match reference {
        Reference::Name(name) => format!("name:{name}"),
        Reference::Id { id } => format!("id:{id}"),
    }
}

/// Whether a document that failed to parse may be the workflow `name` (its name is `name`,
/// or could not be read).
fn broken_may_declare_workflow(broken: &[BrokenDocument], name: &str) -> bool {
    broken.iter().any(|document| {
        document.may_be_workflow() && document.name.as_deref().is_none_or(|own| own == name)
    })
}

/// Whether a document that failed to parse may be the task `name` of the workflow
/// `workflow_key` (as far as its name and workflow could be read).
fn broken_may_declare_task(broken: &[BrokenDocument], workflow_key: &str, name: &str) -> bool {
    broken.iter().any(|document| {
        document.may_be_task()
            && document.name.as_deref().is_none_or(|own| own == name)
            && document
                .workflow
                .as_ref()
                .is_none_or(|workflow| reference_key(workflow) == workflow_key)
    })
}

/// Upstreams and parameter sources by name must be tasks of the same workflow, and a
/// parameter input must name an output its source declares.
fn check_references(
    tasks: &[Task],
    broken: &[BrokenDocument],
    at: &At<'_>,
    diagnostics: &mut Diagnostics,
) {
    let keys: Vec<String> = tasks.iter().map(workflow_key).collect();
    let by_name: HashMap<(&str, &str), &Task> = tasks
        .iter()
        .zip(&keys)
        .map(|(task, key)| ((key.as_str(), task.name()), task))
        .collect();
    let mut names_by_workflow: HashMap<&str, Vec<&str>> = HashMap::new();
    for (task, key) in tasks.iter().zip(&keys) {
        names_by_workflow
            .entry(key.as_str())
            .or_default()
            .push(task.name());
    }
    for (task, key) in tasks.iter().zip(&keys) {
        let key = key.as_str();
        let first_line = task.line as u64 - task.name_span().referenced.line() + 1;
        let line_of = |span_line: u64| first_line + span_line - 1;
        let names_here = &names_by_workflow[key];
        let missing = |code: ManifestCode, name: &str, line: u64, column: u64, what: &str| {
            if broken_may_declare_task(broken, key, name) {
                // Declared by a document whose own error is already reported.
                return None;
            }
            let error = at(
                code,
                &task.file,
                line,
                column,
                format!("{what} `{name}` is not a task of this workflow"),
            );
            Some(match did_you_mean(name, names_here.iter().copied()) {
                Some(close) => error.with_hint(format!("did you mean `{close}`?")),
                None => error.with_hint("name a task declared in the same workflow, or pin one with `{id: \"<TaskId>\"}`"),
            })
        };
        for upstream in task.upstream() {
            if let Reference::Name(name) = upstream.reference {
                let (line, column) = (line_of(upstream.line), upstream.column);
                if name == task.name() {
                    diagnostics.push(
                        at(
                            ManifestCode::SelfDependency,
                            &task.file,
                            line,
                            column,
                            format!("the task `{name}` lists itself as an upstream"),
                        )
                        .with_hint("remove it from upstream"),
                    );
                } else if !by_name.contains_key(&(key, name.as_str())) {
                    diagnostics.errors.extend(missing(
                        ManifestCode::UnknownUpstream,
                        name,
                        line,
                        column,
                        "the upstream",
                    ));
                }
            }
        }
        for input in task.params_in() {
            let Reference::Name(source_name) = &input.from_task.value else {
                continue;
            };
            let (line, column) = (
                line_of(input.from_task.referenced.line()),
                input.from_task.referenced.column(),
            );
            if source_name == task.name() {
                diagnostics.push(
                    at(ManifestCode::SelfDependency,
                        &task.file,
                        line,
                        column,
                        format!("the task `{source_name}` takes a parameter from itself"),
                    )
                    .with_hint("a task's inputs come from its upstream tasks: name one of those in from_task"),
                );
                continue;
            }
            let Some(source) = by_name.get(&(key, source_name.as_str())) else {
                diagnostics.errors.extend(missing(
                    ManifestCode::UnknownParameterSource,
                    source_name,
                    line,
                    column,
                    "the parameter source",
                ));
                continue;
            };
            let outputs = source.params_out().cloned().unwrap_or_default();
            let wanted = &input.from_key.value;
            if !outputs.contains_key(wanted) {
                let error = at(
                    ManifestCode::UnknownOutput,
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

/// A TaskId can be pinned by one manifest only: two would fight over the same task.
fn check_pinned_ids(tasks: &[Task], at: &At<'_>, diagnostics: &mut Diagnostics) {
    let mut pinned_by: HashMap<&str, &Task> = HashMap::new();
    for task in tasks {
        let Some(id) = task.id() else {
            continue;
        };
        let Some(other) = pinned_by.insert(id, task) else {
            continue;
        };
        diagnostics.push(
            at(
                ManifestCode::DuplicatePinnedId,
                &task.file,
                task.line as u64,
                task.name_span().referenced.column(),
                format!(
                    "the task `{}` is pinned to id {id}, which `{}` is pinned to too",
                    task.name(),
                    other.name()
                ),
            )
            .with_hint(format!(
                "each WeData task is declared once: remove this manifest or the one at {}:{}",
                other.file.display(),
                other.line
            )),
        );
    }
}

/// Upstream and parameter edges must not form a cycle; each cycle is printed edge by edge.
/// A task naming itself is left to `check_references`, which reports it at the reference
/// (one root cause, one error).
fn check_cycles(
    tasks: &[Task],
    sources: &HashMap<PathBuf, Arc<String>>,
    diagnostics: &mut Diagnostics,
) {
    let index: HashMap<(String, &str), usize> = tasks
        .iter()
        .enumerate()
        .map(|(position, task)| ((workflow_key(task), task.name()), position))
        .collect();
    // edges[task] = (upstream task, line of the reference)
    let edges: Vec<Vec<(usize, usize)>> = tasks
        .iter()
        .map(|task| {
            let key = workflow_key(task);
            let first_line = task.line - task.name_span().referenced.line() as usize + 1;
            let upstream = task
                .upstream()
                .into_iter()
                .map(|upstream| (upstream.reference, upstream.line));
            let inputs = task
                .params_in()
                .iter()
                .map(|input| (&input.from_task.value, input.from_task.referenced.line()));
            upstream
                .chain(inputs)
                .filter_map(|(reference, line)| match reference {
                    Reference::Name(name) if name == task.name() => None,
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
                tasks[node].name(),
                tasks[next].name(),
                tasks[node].file.display()
            ));
        }
        let mut error = ManifestError::new(
            ManifestCode::DependencyCycle,
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
