//! Live workflows and tasks → manifests and code files in a folder, total and contained.
//!
//! Layout, the way a person would write it: `<workflow>/workflow.yaml`, one `<task>.yaml` per
//! task beside its code file (`<task>.sh`, `.py`, `.sql`, ... from the task type). Upstreams
//! and parameter sources become names, server-managed keys and server defaults are left out,
//! so `plan` on the result shows no changes.
//!
//! Names from WeData are data: manifests keep each real name in `name:` / `workflow:`, while
//! file and folder names are sanitized and made collision-free by `names` (deterministic,
//! never hidden, empty or over-long). `import_workflow` and `import_legacy_tasks` compute every
//! path first, refuse what must be refused (names no manifest can hold, links, overwrites
//! without `force`), then `write` puts all files in place or none. The documents themselves
//! (this file and `legacy`) are pure; `destination` reads the folder and `write` writes it.

mod destination;
pub mod legacy;
pub mod names;
pub mod write;
mod yaml;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use serde_json::{Map, Value, json};
use thiserror::Error;

use crate::api::legacy::TaskDsDTO;
use crate::api::types::{Task as PeriodicTask, TriggerTask, TriggerWorkflowDetail, WorkflowDetail};
use crate::live::{ListedWorkflow, LiveDefinition, LiveWorkflow, LiveWorkflowDetail};
use crate::manifest::schedule::{DEFAULT_CYCLE_TYPE, default_cyclic_config};
use crate::manifest::task_types;
use crate::model::normalize::{crontab_text, default_for, is_server_managed_ext_key};
use destination::{Destination, WorkflowToPlace};
use names::{Claim, printable};

/// A file to write, relative to the output directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedFile {
    pub path: PathBuf,
    pub text: String,
}

/// Why an import wrote nothing.
#[derive(Debug, Error, Diagnostic)]
pub enum ImportError {
    #[error("{} is a symbolic link; import never writes through a link", .path.display())]
    #[diagnostic(
        code(import::symlink),
        help(
            "remove the link, or import into another --out folder: import writes only real files and folders under it"
        )
    )]
    Symlink { path: PathBuf },
    #[error("{} is not a folder", .path.display())]
    #[diagnostic(code(import::not_a_folder), help("import into another --out folder"))]
    NotAFolder { path: PathBuf },
    #[error("{} is a folder where import writes a file", .path.display())]
    #[diagnostic(
        code(import::folder_in_the_way),
        help("move the folder away, or import into another --out folder")
    )]
    FolderInTheWay { path: PathBuf },
    #[error("{} is not a regular file", .path.display())]
    #[diagnostic(
        code(import::not_a_file),
        help("move it away, or import into another --out folder")
    )]
    NotAFile { path: PathBuf },
    #[error("{} differs only in case from {}, which import writes", .existing.display(), .wanted.display())]
    #[diagnostic(
        code(import::case_conflict),
        help(
            "on a case-insensitive file system (macOS, Windows) they are one file: rename or remove the existing one"
        )
    )]
    CaseConflict { existing: PathBuf, wanted: PathBuf },
    #[error("cannot tell which workflow's manifests {} holds: the project in {} does not load ({problems} problem{})", .folder.display(), .root.display(), if *problems == 1 { "" } else { "s" })]
    #[diagnostic(
        code(import::unknown_folder_owner),
        help(
            "run `wedata-gitops validate` on it and fix what it shows, or import into another --out folder"
        )
    )]
    UnknownFolderOwner {
        folder: PathBuf,
        root: PathBuf,
        problems: usize,
    },
    #[error("{} already has {}", .root.display(), summary(.taken))]
    #[diagnostic(
        code(import::would_overwrite),
        help("import into another --out folder, or pass --force to overwrite")
    )]
    WouldOverwrite { root: PathBuf, taken: Vec<String> },
    #[error("{what} has an empty name; manifests identify {kind}s by name")]
    #[diagnostic(
        code(import::empty_name),
        help("give it a name in WeData, then import again")
    )]
    EmptyName { what: String, kind: &'static str },
    #[error("tasks {} of workflow `{}` share the name `{}`; manifests identify tasks by name", .task_ids.join(", "), printable(.workflow), printable(.name))]
    #[diagnostic(
        code(import::duplicate_name),
        help("rename all but one in WeData, then import again")
    )]
    DuplicateName {
        workflow: String,
        name: String,
        task_ids: Vec<String>,
    },
    #[error("import computed an unsafe path {}; nothing was written", .path.display())]
    #[diagnostic(
        code(import::unsafe_path),
        help("this is a bug in wedata-gitops: please report it with the names involved")
    )]
    UnsafePath { path: PathBuf },
    #[error("cannot {action} {}: {source}", .path.display())]
    #[diagnostic(code(import::io))]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The first few of `items`, then how many more.
fn summary(items: &[String]) -> String {
    const SHOWN: usize = 4;
    let mut text = items
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > SHOWN {
        text.push_str(&format!(" and {} more", items.len() - SHOWN));
    }
    text
}

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Overwrite files that exist (never through a link).
    pub force: bool,
    /// The text of `wedata.yaml` to write with the import (when the folder has none).
    pub project_file: Option<String>,
}

/// What an import wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The workflow folders, relative to the destination, sorted.
    pub folders: Vec<PathBuf>,
    /// Every file written (project file included), relative to the destination.
    pub files: Vec<PathBuf>,
}

/// The text of a new project's `wedata.yaml` (`api_version` for a legacy project).
pub fn project_file_text(project_id: &str, region: &str, api_version: Option<&str>) -> String {
    yaml::to_yaml(&match api_version {
        Some(api_version) => {
            json!({"project_id": project_id, "region": region, "api_version": api_version})
        }
        None => json!({"project_id": project_id, "region": region}),
    })
}

/// Imports one live workflow into the folder `root`, or writes nothing. `project_workflows`
/// lists every workflow of the project (both kinds): folder names are assigned across all of
/// them, so they do not depend on which is imported first.
pub fn import_workflow(
    root: &Path,
    workflow: &LiveWorkflow,
    project_workflows: &[ListedWorkflow],
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    refuse_empty_name(
        &workflow.name,
        || format!("workflow {}", printable(&workflow.id)),
        "workflow",
    )?;
    let tasks: Vec<(&str, String)> = workflow
        .definitions
        .iter()
        .map(|(task_id, (definition, _))| {
            let name = definition.common().trigger_task_base_attribute.task_name;
            (task_id.as_str(), name.unwrap_or_default())
        })
        .collect();
    refuse_unnamed_tasks(&workflow.name, &tasks)?;
    let destination = Destination::inspect(root)?;
    let project: Vec<WorkflowToPlace<'_>> = project_workflows
        .iter()
        .map(|listed| WorkflowToPlace {
            id: &listed.id,
            name: &listed.name,
        })
        .collect();
    let ours = WorkflowToPlace {
        id: &workflow.id,
        name: &workflow.name,
    };
    let folder = destination.workflow_folders(&project, &[ours])?.remove(0);
    let files = workflow_files(workflow, &folder);
    let declared = destination.declaring_workflow(&workflow.name);
    write_files(
        &destination,
        files,
        vec![PathBuf::from(folder)],
        declared,
        options,
    )
}

/// Imports legacy tasks (read with DescribeTaskDetailDs) into the folder `root`, a folder per
/// workflow, or writes nothing. A task id given twice is imported once. Folder names are
/// assigned across the workflows of these tasks (the legacy API lists no workflows).
pub fn import_legacy_tasks(
    root: &Path,
    details: &[TaskDsDTO],
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    let mut seen = std::collections::HashSet::new();
    let details: Vec<&TaskDsDTO> = details
        .iter()
        .filter(|detail| seen.insert(detail.task_id.clone()))
        .collect();
    // Workflows by id, each with its name and tasks (id, name).
    let mut workflows: BTreeMap<&str, (&str, Vec<NamedTask<'_>>)> = BTreeMap::new();
    for detail in &details {
        let workflow_name = detail.workflow_name.as_deref().unwrap_or_default();
        workflows
            .entry(detail.workflow_id.as_deref().unwrap_or_default())
            .or_insert((workflow_name, Vec::new()))
            .1
            .push((
                detail.task_id.as_deref().unwrap_or_default(),
                detail.task_name.clone().unwrap_or_default(),
            ));
    }
    for (workflow_id, (workflow_name, tasks)) in &workflows {
        refuse_empty_name(
            workflow_name,
            || format!("workflow {}", printable(workflow_id)),
            "workflow",
        )?;
        refuse_unnamed_tasks(workflow_name, tasks)?;
    }
    let destination = Destination::inspect(root)?;
    let to_place: Vec<WorkflowToPlace<'_>> = workflows
        .iter()
        .map(|(id, (name, _))| WorkflowToPlace { id, name })
        .collect();
    let folders = destination.workflow_folders(&to_place, &to_place)?;
    let folder_by_workflow: HashMap<String, String> = to_place
        .iter()
        .zip(&folders)
        .map(|(workflow, folder)| (workflow.id.to_owned(), folder.clone()))
        .collect();
    let owned: Vec<TaskDsDTO> = details.into_iter().cloned().collect();
    let files = legacy::task_files(&owned, &folder_by_workflow);
    let task_ids: Vec<&str> = owned
        .iter()
        .filter_map(|detail| detail.task_id.as_deref())
        .collect();
    let declared = destination.pinning_tasks(&task_ids);
    let folders = folders.into_iter().map(PathBuf::from).collect();
    write_files(&destination, files, folders, declared, options)
}

/// A task's TaskId and name, as read.
type NamedTask<'a> = (&'a str, String);

/// Refuses a name no manifest can hold: empty or blank (`validate` rejects those).
fn refuse_empty_name(
    name: &str,
    what: impl FnOnce() -> String,
    kind: &'static str,
) -> Result<(), ImportError> {
    if name.trim().is_empty() {
        return Err(ImportError::EmptyName { what: what(), kind });
    }
    Ok(())
}

/// Refuses tasks `(TaskId, name)` of one workflow that manifests cannot tell apart: an empty
/// name, or a name two tasks share.
fn refuse_unnamed_tasks(workflow: &str, tasks: &[NamedTask<'_>]) -> Result<(), ImportError> {
    let mut ids_by_name: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (task_id, name) in tasks {
        refuse_empty_name(name, || format!("task {}", printable(task_id)), "task")?;
        ids_by_name
            .entry(name)
            .or_default()
            .push(printable(task_id));
    }
    if let Some((name, task_ids)) = ids_by_name.into_iter().find(|(_, ids)| ids.len() > 1) {
        let mut task_ids = task_ids;
        task_ids.sort();
        return Err(ImportError::DuplicateName {
            workflow: workflow.to_owned(),
            name: name.to_owned(),
            task_ids,
        });
    }
    Ok(())
}

/// Adds the project file, checks every path, refuses overwrites without `force` (existing
/// files and what `declared` lists), then writes all or nothing.
fn write_files(
    destination: &Destination,
    mut files: Vec<ImportedFile>,
    mut folders: Vec<PathBuf>,
    declared: Vec<String>,
    options: &ImportOptions,
) -> Result<Imported, ImportError> {
    if let Some(text) = &options.project_file {
        files.insert(
            0,
            ImportedFile {
                path: PathBuf::from("wedata.yaml"),
                text: text.clone(),
            },
        );
    }
    let root = destination.root();
    let existing = write::preflight(root, &files)?;
    if !options.force {
        let mut taken = declared;
        taken.extend(existing.iter().map(|path| path.display().to_string()));
        if !taken.is_empty() {
            return Err(ImportError::WouldOverwrite {
                root: root.to_owned(),
                taken,
            });
        }
    }
    write::write_all(root, &files, options.force, &mut write::RealFileSystem)?;
    folders.sort();
    folders.dedup();
    Ok(Imported {
        folders,
        files: files.into_iter().map(|file| file.path).collect(),
    })
}

fn put_text(map: &mut Map<String, Value>, key: &str, value: Option<&String>, member: &str) {
    let Some(value) = value.filter(|value| !value.is_empty()) else {
        return;
    };
    if default_for(member).is_some_and(|default| default == json!(value)) {
        return;
    }
    map.insert(key.to_owned(), json!(value));
}

fn put_number(map: &mut Map<String, Value>, key: &str, value: Option<i64>, member: &str) {
    let Some(value) = value else { return };
    if default_for(member).is_some_and(|default| default == json!(value)) {
        return;
    }
    map.insert(key.to_owned(), json!(value));
}

/// The manifests and code files of one live workflow, in `folder` (chosen by `destination`),
/// each task's files named by `names::task_stems`.
pub fn workflow_files(workflow: &LiveWorkflow, folder: &str) -> Vec<ImportedFile> {
    let folder = PathBuf::from(folder);
    let workflow_text = match &workflow.detail {
        Some(LiveWorkflowDetail::Periodic(detail)) => {
            yaml::to_yaml(&periodic_workflow_document(&workflow.name, Some(detail)))
        }
        Some(LiveWorkflowDetail::Trigger(detail)) => {
            yaml::to_yaml(&workflow_document(&workflow.name, Some(detail)))
        }
        None if workflow.periodic => {
            yaml::to_yaml(&periodic_workflow_document(&workflow.name, None))
        }
        None => yaml::to_yaml(&workflow_document(&workflow.name, None)),
    };
    let mut files = vec![ImportedFile {
        path: folder.join(names::WORKFLOW_FILE),
        text: workflow_text,
    }];
    let names_by_id = workflow.names_by_id();
    let mut tasks: Vec<(&String, TriggerTask, &LiveDefinition, &String)> = workflow
        .definitions
        .iter()
        .map(|(task_id, (definition, code))| (task_id, definition.common(), definition, code))
        .collect();
    tasks.sort_by(|left, right| {
        (&left.1.trigger_task_base_attribute.task_name, left.0)
            .cmp(&(&right.1.trigger_task_base_attribute.task_name, right.0))
    });
    let task_names: Vec<String> = tasks
        .iter()
        .map(|(_, task, _, _)| {
            task.trigger_task_base_attribute
                .task_name
                .clone()
                .unwrap_or_default()
        })
        .collect();
    let extensions: Vec<Option<&str>> = tasks
        .iter()
        .map(|(_, task, _, code)| {
            (!code.is_empty()).then(|| {
                task_types::extension_for_id(task.trigger_task_base_attribute.task_type_id)
            })
        })
        .collect();
    let claims: Vec<(Claim<'_>, Option<&str>)> = tasks
        .iter()
        .zip(&task_names)
        .zip(&extensions)
        .map(|(((task_id, _, _, _), name), extension)| {
            (
                Claim {
                    id: task_id.as_str(),
                    name,
                },
                *extension,
            )
        })
        .collect();
    let stems = names::task_stems(&claims);
    for (((task_id, task, definition, code), stem), extension) in
        tasks.iter().zip(&stems).zip(&extensions)
    {
        let code_file = extension.map(|extension| format!("{stem}.{extension}"));
        let mut document = task_document(&workflow.name, task, code_file.as_deref(), &names_by_id);
        if let LiveDefinition::Periodic(periodic) = definition {
            add_periodic_members(&mut document, periodic, &names_by_id);
            let status = workflow
                .ops_statuses
                .as_ref()
                .and_then(|statuses| statuses.get(*task_id));
            put_schedule_state(&mut document, status.map(String::as_str));
        }
        files.push(ImportedFile {
            path: folder.join(format!("{stem}.yaml")),
            text: yaml::to_yaml(&Value::Object(document)),
        });
        if let Some(code_file) = code_file {
            files.push(ImportedFile {
                path: folder.join(code_file),
                text: (*code).clone(),
            });
        }
    }
    files
}

fn workflow_document(name: &str, detail: Option<&TriggerWorkflowDetail>) -> Value {
    let mut document = Map::new();
    document.insert("kind".into(), json!("TriggerWorkflow"));
    document.insert("name".into(), json!(name));
    if let Some(detail) = detail {
        put_text(
            &mut document,
            "description",
            detail.workflow_desc.as_ref(),
            "description",
        );
        put_text(
            &mut document,
            "owner_uin",
            detail.owner_uin.as_ref(),
            "owner_uin",
        );
        let parameters: Map<String, Value> = detail
            .workflow_params
            .iter()
            .flatten()
            .map(|parameter| (parameter.param_key.clone(), json!(parameter.param_value)))
            .collect();
        if !parameters.is_empty() {
            document.insert("parameters".into(), Value::Object(parameters));
        }
    }
    Value::Object(document)
}

fn reference(id: &str, names_by_id: &HashMap<String, String>) -> Value {
    match names_by_id.get(id) {
        Some(name) => json!(name),
        None => json!({"id": id}),
    }
}

/// The document of a task's members both kinds share (`kind: TriggerTask`).
fn task_document(
    workflow: &str,
    task: &TriggerTask,
    code_file: Option<&str>,
    names_by_id: &HashMap<String, String>,
) -> Map<String, Value> {
    let base = &task.trigger_task_base_attribute;
    let configuration = &task.trigger_task_configuration;
    let scheduler = &task.trigger_task_scheduler_configuration;
    let mut document = Map::new();
    document.insert("kind".into(), json!("TriggerTask"));
    document.insert(
        "name".into(),
        json!(base.task_name.clone().unwrap_or_default()),
    );
    document.insert("workflow".into(), json!(workflow));

    let mut base_map = Map::new();
    base_map.insert(
        "task_type".into(),
        task_types::name_for_id(base.task_type_id)
            .map_or_else(|| json!(base.task_type_id), |name| json!(name)),
    );
    put_text(
        &mut base_map,
        "owner_uin",
        base.owner_uin.as_ref(),
        "base.owner_uin",
    );
    put_text(
        &mut base_map,
        "description",
        base.task_description.as_ref(),
        "base.description",
    );
    put_text(
        &mut base_map,
        "folder_path",
        base.task_folder_path.as_ref(),
        "base.folder_path",
    );
    document.insert("base".into(), Value::Object(base_map));

    let mut configuration_map = Map::new();
    if let Some(code_file) = code_file {
        configuration_map.insert("code_file".into(), json!(code_file));
    }
    for (key, value) in [
        ("resource_group", &configuration.resource_group),
        ("data_cluster", &configuration.data_cluster),
        ("broker_ip", &configuration.broker_ip),
        ("yarn_queue", &configuration.yarn_queue),
        ("source_service_id", &configuration.source_service_id),
        ("target_service_id", &configuration.target_service_id),
        ("bundle_id", &configuration.bundle_id),
        ("bundle_info", &configuration.bundle_info),
    ] {
        put_text(
            &mut configuration_map,
            key,
            value.as_ref(),
            &format!("configuration.{key}"),
        );
    }
    let ext: Map<String, Value> = configuration
        .task_ext_configuration_list
        .iter()
        .flatten()
        .filter(|parameter| !is_server_managed_ext_key(&parameter.param_key))
        .map(|parameter| (parameter.param_key.clone(), json!(parameter.param_value)))
        .collect();
    if !ext.is_empty() {
        configuration_map.insert("ext".into(), Value::Object(ext));
    }
    let scheduling: Map<String, Value> = configuration
        .task_scheduling_parameter_list
        .iter()
        .flatten()
        .map(|parameter| (parameter.param_key.clone(), json!(parameter.param_value)))
        .collect();
    if !scheduling.is_empty() {
        configuration_map.insert("scheduling_parameters".into(), Value::Object(scheduling));
    }
    if !configuration_map.is_empty() {
        document.insert("configuration".into(), Value::Object(configuration_map));
    }

    let mut scheduler_map = Map::new();
    let upstream: Vec<Value> = scheduler
        .upstream_dependency_config_list
        .iter()
        .flatten()
        .map(|dependency| reference(&dependency.task_id, names_by_id))
        .collect();
    if !upstream.is_empty() {
        scheduler_map.insert("upstream".into(), Value::Array(upstream));
    }
    put_number(
        &mut scheduler_map,
        "run_priority",
        scheduler.run_priority_type,
        "scheduler.run_priority",
    );
    put_number(
        &mut scheduler_map,
        "retry_wait_minutes",
        scheduler.retry_wait_minute,
        "scheduler.retry_wait_minutes",
    );
    put_number(
        &mut scheduler_map,
        "max_retries",
        scheduler.max_retry_number,
        "scheduler.max_retries",
    );
    put_number(
        &mut scheduler_map,
        "execution_ttl_minutes",
        scheduler.execution_ttl_minute,
        "scheduler.execution_ttl_minutes",
    );
    put_number(
        &mut scheduler_map,
        "wait_execution_total_ttl_minutes",
        scheduler.wait_execution_total_ttl_minute,
        "scheduler.wait_execution_total_ttl_minutes",
    );
    put_text(
        &mut scheduler_map,
        "allow_redo",
        scheduler.allow_redo_type.as_ref(),
        "scheduler.allow_redo",
    );
    put_text(
        &mut scheduler_map,
        "dependency_trigger_policy",
        scheduler.dependency_trigger_policy.as_ref(),
        "scheduler.dependency_trigger_policy",
    );
    put_number(
        &mut scheduler_map,
        "allow_downstream_dependency",
        scheduler.allow_downstream_dependency,
        "scheduler.allow_downstream_dependency",
    );
    put_number(
        &mut scheduler_map,
        "schedule_type",
        scheduler.schedule_type,
        "scheduler.schedule_type",
    );
    let outputs: Map<String, Value> = scheduler
        .param_task_out_list
        .iter()
        .flatten()
        .map(|output| (output.param_key.clone(), json!(output.param_value)))
        .collect();
    if !outputs.is_empty() {
        scheduler_map.insert("params_out".into(), Value::Object(outputs));
    }
    let inputs: Vec<Value> = scheduler
        .param_task_in_list
        .iter()
        .flatten()
        .map(|input| {
            let mut entry = Map::new();
            entry.insert("key".into(), json!(input.param_key));
            entry.insert(
                "from_task".into(),
                reference(&input.from_task_id, names_by_id),
            );
            entry.insert("from_key".into(), json!(input.from_param_key));
            if !input.param_desc.is_empty() {
                entry.insert("description".into(), json!(input.param_desc));
            }
            if let Some(kind) = input.r#type.as_ref().filter(|kind| !kind.is_empty()) {
                entry.insert("type".into(), json!(kind));
            }
            Value::Object(entry)
        })
        .collect();
    if !inputs.is_empty() {
        scheduler_map.insert("params_in".into(), Value::Array(inputs));
    }
    if !scheduler_map.is_empty() {
        document.insert("scheduler".into(), Value::Object(scheduler_map));
    }
    document
}

/// Turns a shared-members document into a `kind: Task` one: the cycle, upstreams with their
/// cyclic settings (a plain name when they are the same-cycle default) and event listeners.
fn add_periodic_members(
    document: &mut Map<String, Value>,
    task: &PeriodicTask,
    names_by_id: &HashMap<String, String>,
) {
    document.insert("kind".into(), json!("Task"));
    let scheduler = &task.task_scheduler_configuration;
    let mut scheduler_map = match document.remove("scheduler") {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    };
    let mut cycle = Map::new();
    put_text(
        &mut cycle,
        "cycle_type",
        scheduler.cycle_type.as_ref(),
        "scheduler.cycle_type",
    );
    let crontab = scheduler.crontab_expression.as_deref().map(crontab_text);
    put_text(&mut cycle, "crontab", crontab.as_ref(), "scheduler.crontab");
    put_text(
        &mut cycle,
        "time_zone",
        scheduler.schedule_time_zone.as_ref(),
        "scheduler.time_zone",
    );
    put_text(
        &mut cycle,
        "start_time",
        scheduler.start_time.as_ref(),
        "scheduler.start_time",
    );
    put_text(
        &mut cycle,
        "end_time",
        scheduler.end_time.as_ref(),
        "scheduler.end_time",
    );
    put_text(
        &mut cycle,
        "execution_start_time",
        scheduler.execution_start_time.as_ref(),
        "scheduler.execution_start_time",
    );
    put_text(
        &mut cycle,
        "execution_end_time",
        scheduler.execution_end_time.as_ref(),
        "scheduler.execution_end_time",
    );
    if scheduler.calendar_open.as_deref() == Some("1") {
        cycle.insert("calendar_open".into(), json!(true));
    }
    put_text(
        &mut cycle,
        "calendar_id",
        scheduler.calendar_id.as_ref(),
        "scheduler.calendar_id",
    );
    put_text(
        &mut cycle,
        "self_depend",
        scheduler.self_depend.as_ref(),
        "scheduler.self_depend",
    );
    put_text(
        &mut cycle,
        "init_strategy",
        scheduler.init_strategy.as_ref(),
        "scheduler.init_strategy",
    );
    let cycle_type = scheduler
        .cycle_type
        .as_deref()
        .unwrap_or(DEFAULT_CYCLE_TYPE);
    let (default_main, default_subordinate) = default_cyclic_config(cycle_type);
    let upstream: Vec<Value> = scheduler
        .upstream_dependency_config_list
        .iter()
        .flatten()
        .map(|dependency| {
            let task_reference = reference(&dependency.task_id, names_by_id);
            let subordinate = dependency
                .subordinate_cyclic_config
                .as_deref()
                .unwrap_or("");
            let offset = dependency
                .offset
                .as_deref()
                .filter(|offset| !offset.is_empty());
            let strategy = dependency
                .dependency_strategy
                .as_ref()
                .map(crate::model::live::dependency_strategy_value)
                .filter(|value| value.as_object().is_some_and(|map| !map.is_empty()));
            if dependency.main_cyclic_config == default_main
                && subordinate == default_subordinate
                && offset.is_none()
                && strategy.is_none()
            {
                return task_reference;
            }
            let mut entry = Map::new();
            entry.insert("task".into(), task_reference);
            entry.insert(
                "main_cyclic_config".into(),
                json!(dependency.main_cyclic_config),
            );
            if !subordinate.is_empty() {
                entry.insert("subordinate_cyclic_config".into(), json!(subordinate));
            }
            if let Some(offset) = offset {
                entry.insert("offset".into(), json!(offset));
            }
            if let Some(strategy) = strategy {
                entry.insert("dependency_strategy".into(), strategy);
            }
            Value::Object(entry)
        })
        .collect();
    scheduler_map.remove("upstream");
    if !upstream.is_empty() {
        cycle.insert("upstream".into(), Value::Array(upstream));
    }
    let listeners: Vec<Value> = scheduler
        .event_listener_list
        .iter()
        .flatten()
        .map(|listener| {
            let mut entry = Map::new();
            entry.insert("event_name".into(), json!(listener.event_name));
            entry.insert("event_sub_type".into(), json!(listener.event_sub_type));
            entry.insert(
                "event_broadcast_type".into(),
                json!(listener.event_broadcast_type),
            );
            let properties: Map<String, Value> = listener
                .properties_list
                .iter()
                .flatten()
                .map(|property| (property.param_key.clone(), json!(property.param_value)))
                .collect();
            if !properties.is_empty() {
                entry.insert("properties".into(), Value::Object(properties));
            }
            Value::Object(entry)
        })
        .collect();
    if !listeners.is_empty() {
        cycle.insert("event_listeners".into(), Value::Array(listeners));
    }
    // The cycle first: it is what a reader of a periodic task looks for.
    cycle.extend(scheduler_map);
    if !cycle.is_empty() {
        document.insert("scheduler".into(), Value::Object(cycle));
    }
}

/// Writes a periodic task's operations status as `scheduler.state`, first in its section,
/// when it is one a manifest can declare (`Y` scheduled, `O` paused); other statuses
/// (stopped, not submitted, ...) are left out, so the manifest leaves them alone.
pub fn put_schedule_state(document: &mut Map<String, Value>, status: Option<&str>) {
    let state = crate::model::normalize::schedule_state_value(status);
    let Some(state) = state
        .as_str()
        .filter(|state| crate::manifest::types::allowed::SCHEDULE_STATES.contains(state))
    else {
        return;
    };
    let mut scheduler = Map::new();
    scheduler.insert("state".into(), json!(state));
    if let Some(Value::Object(rest)) = document.remove("scheduler") {
        scheduler.extend(rest.into_iter().filter(|(key, _)| key != "state"));
    }
    document.insert("scheduler".into(), Value::Object(scheduler));
}

fn periodic_workflow_document(name: &str, detail: Option<&WorkflowDetail>) -> Value {
    let mut document = Map::new();
    document.insert("kind".into(), json!("Workflow"));
    document.insert("name".into(), json!(name));
    let Some(detail) = detail else {
        return Value::Object(document);
    };
    put_text(
        &mut document,
        "description",
        detail.workflow_desc.as_ref(),
        "description",
    );
    put_text(
        &mut document,
        "owner_uin",
        detail.owner_uin.as_ref(),
        "owner_uin",
    );
    let parameters: Map<String, Value> = detail
        .workflow_params
        .iter()
        .flatten()
        .map(|parameter| (parameter.param_key.clone(), json!(parameter.param_value)))
        .collect();
    if !parameters.is_empty() {
        document.insert("parameters".into(), Value::Object(parameters));
    }
    // A manual workflow runs when started by hand: its type is written, and no schedule.
    if detail
        .workflow_type
        .as_deref()
        .is_some_and(|kind| kind.eq_ignore_ascii_case("manual"))
    {
        document.insert("workflow_type".into(), json!("manual"));
        return Value::Object(document);
    }
    if let Some(schedule) = &detail.workflow_scheduler_configuration {
        let mut map = Map::new();
        put_text(
            &mut map,
            "cycle_type",
            schedule.cycle_type.as_ref(),
            "scheduler.cycle_type",
        );
        let crontab = schedule.crontab_expression.as_deref().map(crontab_text);
        put_text(&mut map, "crontab", crontab.as_ref(), "scheduler.crontab");
        put_text(
            &mut map,
            "time_zone",
            schedule.schedule_time_zone.as_ref(),
            "scheduler.time_zone",
        );
        put_text(
            &mut map,
            "start_time",
            schedule.start_time.as_ref(),
            "scheduler.start_time",
        );
        put_text(
            &mut map,
            "end_time",
            schedule.end_time.as_ref(),
            "scheduler.end_time",
        );
        put_text(
            &mut map,
            "execution_start_time",
            schedule.execution_start_time.as_ref(),
            "scheduler.execution_start_time",
        );
        put_text(
            &mut map,
            "execution_end_time",
            schedule.execution_end_time.as_ref(),
            "scheduler.execution_end_time",
        );
        put_text(
            &mut map,
            "self_depend",
            schedule.self_depend.as_ref(),
            "scheduler.self_depend",
        );
        if schedule.dependency_workflow.as_deref() == Some("yes") {
            map.insert("dependency_workflow".into(), json!(true));
        }
        if schedule.calendar_open.as_deref() == Some("1") {
            map.insert("calendar_open".into(), json!(true));
        }
        put_text(
            &mut map,
            "calendar_id",
            schedule.calendar_id.as_ref(),
            "scheduler.calendar_id",
        );
        if !map.is_empty() {
            document.insert("scheduler".into(), Value::Object(map));
        }
    }
    Value::Object(document)
}

/// The manifest document `workflow_files` writes for one live task (its code file named
/// `code_file`), for callers that write single members back into an existing manifest
/// (`history`'s rollback and pull): every member in the shape a manifest declares it.
pub fn task_manifest_document(
    workflow: &str,
    definition: &LiveDefinition,
    code_file: Option<&str>,
    names_by_id: &HashMap<String, String>,
) -> Value {
    let mut document = task_document(workflow, &definition.common(), code_file, names_by_id);
    match definition {
        LiveDefinition::Trigger(_) => {}
        LiveDefinition::Periodic(task) => add_periodic_members(&mut document, task, names_by_id),
        LiveDefinition::Legacy(detail) => add_periodic_members(
            &mut document,
            &crate::model::legacy::as_periodic_task(detail),
            names_by_id,
        ),
    }
    Value::Object(document)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_no_manifest_can_tell_apart_are_refused_before_anything_is_read() {
        let tasks = |names: &[(&'static str, &'static str)]| -> Vec<(&'static str, String)> {
            names
                .iter()
                .map(|(id, name)| (*id, (*name).to_owned()))
                .collect()
        };
        assert!(refuse_unnamed_tasks("w", &tasks(&[("1", "a"), ("2", "A")])).is_ok());
        for blank in ["", "  ", "\t\n"] {
            let error = refuse_unnamed_tasks("w", &tasks(&[("1", "a"), ("2", blank)])).unwrap_err();
            assert_eq!(
                error.to_string(),
                "task 2 has an empty name; manifests identify tasks by name"
            );
        }
        let error = refuse_unnamed_tasks("w\u{1b}", &tasks(&[("3", "x"), ("1", "x"), ("2", "y")]))
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "tasks 1, 3 of workflow `w\\u{1b}` share the name `x`; manifests identify tasks by name"
        );
    }

    #[test]
    fn a_blank_workflow_name_is_refused_before_anything_is_written() {
        let directory = tempfile::tempdir().unwrap();
        let workflow = LiveWorkflow {
            id: "w-1".into(),
            name: " ".into(),
            periodic: false,
            modify_time: String::new(),
            detail: None,
            tasks: Vec::new(),
            definitions: HashMap::new(),
            ..LiveWorkflow::default()
        };
        let error = import_workflow(directory.path(), &workflow, &[], &ImportOptions::default())
            .unwrap_err();
        assert!(matches!(error, ImportError::EmptyName { .. }), "{error}");
        assert_eq!(std::fs::read_dir(directory.path()).unwrap().count(), 0);
    }

    #[test]
    fn the_project_file_is_written_with_the_import_and_reads_back() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path().join("new");
        let workflow = LiveWorkflow {
            id: "w-1".into(),
            name: "orders".into(),
            periodic: false,
            modify_time: String::new(),
            detail: None,
            tasks: Vec::new(),
            definitions: HashMap::new(),
            ..LiveWorkflow::default()
        };
        let options = ImportOptions {
            force: false,
            project_file: Some(project_file_text("14609", "ap-guangzhou", None)),
        };
        let imported = import_workflow(&root, &workflow, &[], &options).unwrap();
        assert_eq!(imported.folders, [PathBuf::from("orders")]);
        assert_eq!(
            imported.files,
            [
                PathBuf::from("wedata.yaml"),
                PathBuf::from("orders/workflow.yaml")
            ]
        );
        let project = crate::manifest::load(&root, &Default::default()).unwrap();
        assert_eq!(project.settings.project_id, "14609");
        assert_eq!(project.workflows[0].name, "orders");
    }
}
