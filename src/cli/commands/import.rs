//! `wedata-gitops import --workflow NAME|ID`: writes manifests and decoded code files for a
//! live workflow, so a team can adopt what it built in the console; `import --task-id ID ...`
//! writes pinned manifests of a legacy (2021-08-20) project for the given tasks. `plan` on the
//! result shows no changes.

use std::path::{Path, PathBuf};

use miette::{IntoDiagnostic, WrapErr};

use crate::cli::ExitStatus;
use crate::cli::connection::{ConnectionArgs, ProjectDefaults};
use crate::import::workflow_files;
use crate::live;
use crate::manifest::types::ProjectFile;
use crate::manifest::{CURRENT_API_VERSION, LEGACY_API_VERSION, Project};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    wedata-gitops import --workflow orders --out tasks\n  \
    wedata-gitops import --workflow d3e40dcc-bf42-4fb9-b081-b00408d478ec --out tasks --project-id 1460947878944567296\n  \
    wedata-gitops import --task-id 20240307211852581 --task-id 20240307211852582 --out legacy-tasks")]
pub struct Args {
    /// The workflow to import, by name or WorkflowId.
    #[arg(
        long,
        value_name = "NAME|ID",
        required_unless_present = "task_id",
        conflicts_with = "task_id"
    )]
    pub workflow: Option<String>,

    /// Import these tasks through the legacy 2021-08-20 API (repeatable), pinned by id, into a
    /// legacy project (`api_version: "2021-08-20"`; written when DIR has no wedata.yaml).
    #[arg(long = "task-id", value_name = "ID")]
    pub task_id: Vec<String>,

    /// The manifest root to write into (created if missing).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub out: PathBuf,

    /// The WeData project; default: project_id of DIR/wedata.yaml.
    #[arg(long, value_name = "ID")]
    pub project_id: Option<String>,

    /// Overwrite files and manifests that already exist for this workflow.
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let project_file_path = args.out.join("wedata.yaml");
    let existing: Option<ProjectFile> = if project_file_path.exists() {
        let text = std::fs::read_to_string(&project_file_path).into_diagnostic()?;
        Some(
            crate::manifest::load_project_file_text(&text)
                .map_err(|message| miette::miette!("{}: {message}", project_file_path.display()))?,
        )
    } else {
        None
    };
    let project_id = args
        .project_id
        .clone()
        .or_else(|| existing.as_ref().map(|file| file.project_id.clone()))
        .ok_or_else(|| {
            miette::miette!(
                help = "pass --project-id, or import into a folder whose wedata.yaml names the project",
                "which WeData project? {} has no wedata.yaml",
                args.out.display()
            )
        })?;
    let defaults = ProjectDefaults {
        endpoint: existing.as_ref().and_then(|file| file.endpoint.clone()),
        region: existing.as_ref().and_then(|file| file.region.clone()),
        api_version: None,
    };
    let Some(workflow_wanted) = args.workflow.clone() else {
        return import_legacy_tasks(&args, existing.as_ref(), &project_id, &defaults);
    };
    let runtime = crate::cli::runtime()?;
    let workflow = runtime.block_on(async {
        let connection = args.connection.connect(&defaults, &args.out).await?;
        let fetched = live::fetch_workflow(&connection.client, &project_id, &workflow_wanted).await;
        connection.close().await;
        fetched
            .map_err(miette::Report::new)
            .wrap_err("cannot read the workflow from WeData")
    })?;
    let Some(workflow) = workflow else {
        return Err(miette::miette!(
            help = "check the name (it is case-sensitive) or pass the WorkflowId; `wedata-gitops api ListTriggerWorkflows` and `ListWorkflows` list them",
            "no workflow named or with id `{workflow_wanted}` in project {project_id}"
        ));
    };
    let files = workflow_files(&workflow);
    let paths: Vec<PathBuf> = files.iter().map(|file| file.path.clone()).collect();
    refuse_overwrites(&args, &paths, |project| {
        declares_workflow(project, &workflow.name)
    })?;
    if existing.is_none() {
        write_project_file(&args, &project_id, None)?;
    }
    for file in &files {
        write(&args.out.join(&file.path), &file.text)?;
    }
    let tasks = workflow.definitions.len();
    anstream::println!(
        "Imported workflow {} with {tasks} task{} into {}; run `wedata-gitops plan {}` to check it shows no changes.",
        workflow.name,
        if tasks == 1 { "" } else { "s" },
        args.out
            .join(crate::import::folder_name(&workflow.name))
            .display(),
        args.out.display()
    );
    Ok(ExitStatus::Success)
}

/// Writes DIR/wedata.yaml for a new project (`api_version` for a legacy one).
fn write_project_file(
    args: &Args,
    project_id: &str,
    api_version: Option<&str>,
) -> miette::Result<()> {
    let region = args
        .connection
        .region
        .clone()
        .unwrap_or_else(|| "ap-guangzhou".to_owned());
    let mut text = format!("project_id: \"{project_id}\"\nregion: {region}\n");
    if let Some(api_version) = api_version {
        text.push_str(&format!("api_version: \"{api_version}\"\n"));
    }
    write(&args.out.join("wedata.yaml"), &text)
}

/// `import --task-id ...`: the tasks read with DescribeTaskDetailDs, written as pinned
/// manifests of a legacy project.
fn import_legacy_tasks(
    args: &Args,
    existing: Option<&ProjectFile>,
    project_id: &str,
    defaults: &ProjectDefaults,
) -> miette::Result<ExitStatus> {
    let legacy = LEGACY_API_VERSION;
    if let Some(file) = existing {
        if file.api_version.as_deref() != Some(legacy) {
            return Err(miette::miette!(
                help = "import these tasks into another --out folder (a new legacy project), or import their workflow with --workflow",
                "{} is a project on the {} API; --task-id imports through the legacy {legacy} API",
                args.out.display(),
                file.api_version.as_deref().unwrap_or(CURRENT_API_VERSION)
            ));
        }
    }
    let runtime = crate::cli::runtime()?;
    let details = runtime.block_on(async {
        let connection = args.connection.connect(defaults, &args.out).await?;
        let read = read_legacy_tasks(&connection.client, project_id, &args.task_id).await;
        connection.close().await;
        read
    })?;
    let files = crate::import::legacy::task_files(&details);
    let paths: Vec<PathBuf> = files.iter().map(|file| file.path.clone()).collect();
    refuse_overwrites(args, &paths, |project| pins_tasks(project, &args.task_id))?;
    if existing.is_none() {
        write_project_file(args, project_id, Some(legacy))?;
    }
    for file in &files {
        write(&args.out.join(&file.path), &file.text)?;
    }
    anstream::println!(
        "Imported {} task{} pinned by id into {}; run `wedata-gitops plan {}` to check it shows no changes.",
        files.len(),
        if files.len() == 1 { "" } else { "s" },
        args.out.display(),
        args.out.display()
    );
    Ok(ExitStatus::Success)
}

/// Each task with DescribeTaskDetailDs, in the order asked; a missing one is an error.
async fn read_legacy_tasks(
    client: &crate::api::Client,
    project_id: &str,
    task_ids: &[String],
) -> miette::Result<Vec<crate::api::legacy::TaskDsDTO>> {
    let mut details = Vec::with_capacity(task_ids.len());
    for task_id in task_ids {
        let detail = live::legacy::describe_task(client, project_id, task_id)
            .await
            .map_err(|error| {
                miette::Report::new(error)
                    .wrap_err(format!("cannot read task {task_id} from WeData"))
            })?
            .ok_or_else(|| {
                miette::miette!(
                    help = "check the id and the project (--project-id or wedata.yaml)",
                    "project {project_id} has no task {task_id}"
                )
            })?;
        details.push(detail);
    }
    Ok(details)
}

/// Refuses, without --force, to overwrite files that exist, or what `declared_in` says the
/// project already in DIR declares.
fn refuse_overwrites(
    args: &Args,
    paths: &[PathBuf],
    declared_in: impl Fn(&Project) -> Vec<String>,
) -> miette::Result<()> {
    if args.force {
        return Ok(());
    }
    let mut taken: Vec<String> = paths
        .iter()
        .filter(|path| args.out.join(path).exists())
        .map(|path| path.display().to_string())
        .collect();
    if let Ok(project) = crate::manifest::load(&args.out, &crate::manifest::LoadOptions::default())
    {
        taken.extend(declared_in(&project));
    }
    if taken.is_empty() {
        return Ok(());
    }
    Err(miette::miette!(
        help = "import into another --out folder, or pass --force to overwrite",
        "{} already has {}",
        args.out.display(),
        taken.join(", ")
    ))
}

/// "manifests for workflow NAME" when the project declares the workflow or tasks in it.
fn declares_workflow(project: &Project, workflow: &str) -> Vec<String> {
    let declared = project
        .workflows
        .iter()
        .any(|declared| declared.name == workflow)
        || project
            .tasks
            .iter()
            .any(|task| task.workflow_name.as_deref() == Some(workflow));
    if declared {
        vec![format!("manifests for workflow {workflow}")]
    } else {
        Vec::new()
    }
}

/// The manifests of the project that pin one of `task_ids`.
fn pins_tasks(project: &Project, task_ids: &[String]) -> Vec<String> {
    project
        .tasks
        .iter()
        .filter_map(|task| {
            let id = task.id().filter(|id| task_ids.contains(id))?;
            Some(format!(
                "a manifest pinning task {id} ({}:{})",
                task.file.display(),
                task.line
            ))
        })
        .collect()
}

fn write(path: &Path, text: &str) -> miette::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .into_diagnostic()
            .wrap_err_with(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(path, text)
        .into_diagnostic()
        .wrap_err_with(|| format!("cannot write {}", path.display()))
}
