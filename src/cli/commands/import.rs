//! `wedata-gitops import --workflow NAME|ID`: writes manifests and decoded code files for a
//! live workflow, so a team can adopt what it built in the console; `import --task-id ID ...`
//! writes pinned manifests of a legacy (2021-08-20) project for the given tasks. `plan` on the
//! result shows no changes. Arguments, reading from WeData and rendering only: naming, the
//! refusals and the contained write belong to the `import` module.

use std::path::PathBuf;

use miette::{IntoDiagnostic, WrapErr};

use crate::cli::ExitStatus;
use crate::cli::connection::{ConnectionArgs, ProjectDefaults};
use crate::import::names::printable;
use crate::import::{ImportOptions, import_workflow, project_file_text};
use crate::live::{self, ListedWorkflow, LiveWorkflow, Scope};
use crate::manifest::types::ProjectFile;
use crate::manifest::{CURRENT_API_VERSION, LEGACY_API_VERSION};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "File names: manifests keep each task's and workflow's real name; file and \
folder names are the name with anything but letters, digits, - _ . made _ (never hidden, empty or \
over 120 bytes), plus -<TaskId> (or -<WorkflowId>) when that is taken, also case-insensitively: \
a/b/c, a?b?c and a_b_c become a_b_c.yaml, a_b_c-<id>.yaml, a_b_c-<id>.yaml. See docs/manifests.md.\n\n\
Nothing is written unless everything is: links under --out are refused (also with --force), \
and files are moved into place only when all were written.\n\n\
Examples:\n  \
    wedata-gitops import --workflow orders --out tasks\n  \
    wedata-gitops import --workflow d3e40dcc-bf42-4fb9-b081-b00408d478ec --out tasks --project-id 1460947878944567296\n  \
    wedata-gitops import --task-id 20240307211852581 --task-id 20240307211852582 --out legacy-tasks\n\n\
Exit codes: 0 imported; 1 nothing written: WeData error, unknown workflow or task, a name no \
manifest can hold, a link under --out, or files that exist (without --force)."
)]
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

    /// Overwrite files and manifests that already exist for this workflow (never through a
    /// symbolic link).
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    // A linked --out is refused before anything is read through it.
    crate::import::write::check_root(&args.out)?;
    let project_file_path = args.out.join("wedata.yaml");
    // Read only when it is a file of its own: a link is refused by the import before anything
    // is written, with the error naming it.
    let existing: Option<ProjectFile> = if project_file_path.is_file()
        && !project_file_path.is_symlink()
    {
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
    let (workflow, project_workflows) = runtime.block_on(async {
        let connection = args.connection.connect(&defaults, &args.out).await?;
        let read = read_workflow(&connection.client, &project_id, &workflow_wanted).await;
        connection.close().await;
        read.map_err(miette::Report::new)
            .wrap_err("cannot read the workflow from WeData")
    })?;
    let Some(workflow) = workflow else {
        return Err(miette::miette!(
            help = "check the name (it is case-sensitive) or pass the WorkflowId; `wedata-gitops api ListTriggerWorkflows` and `ListWorkflows` list them",
            "no workflow named or with id `{}` in project {project_id}",
            printable(&workflow_wanted)
        ));
    };
    let options = ImportOptions {
        force: args.force,
        project_file: existing
            .is_none()
            .then(|| project_file_text(&project_id, &region(&args), None)),
    };
    let imported = import_workflow(&args.out, &workflow, &project_workflows, &options)?;
    let tasks = workflow.definitions.len();
    anstream::println!(
        "Imported workflow {} with {tasks} task{} into {}; run `wedata-gitops plan {}` to check it shows no changes.",
        printable(&workflow.name),
        if tasks == 1 { "" } else { "s" },
        args.out.join(&imported.folders[0]).display(),
        args.out.display()
    );
    Ok(ExitStatus::Success)
}

/// The workflow named or with id `wanted` (with every task's definition), if any, and every
/// workflow of the project (both kinds), which import names folders across.
async fn read_workflow(
    client: &crate::api::Client,
    project_id: &str,
    wanted: &str,
) -> Result<(Option<LiveWorkflow>, Vec<ListedWorkflow>), crate::api::ApiError> {
    let scope = Scope {
        workflow_names: vec![wanted.to_owned()],
        workflow_ids: vec![wanted.to_owned()],
        periodic_workflow_names: vec![wanted.to_owned()],
        periodic_workflow_ids: vec![wanted.to_owned()],
        all_definitions: true,
        all_ops_statuses: true,
        ..Scope::default()
    };
    let workflow = live::fetch(client, project_id, &scope, None)
        .await?
        .into_iter()
        .next();
    let mut project_workflows = live::list_workflows(client, project_id, false).await?;
    project_workflows.extend(live::list_workflows(client, project_id, true).await?);
    Ok((workflow, project_workflows))
}

/// The region written to a new wedata.yaml.
fn region(args: &Args) -> String {
    args.connection
        .region
        .clone()
        .unwrap_or_else(|| "ap-guangzhou".to_owned())
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
    let options = ImportOptions {
        force: args.force,
        project_file: existing
            .is_none()
            .then(|| project_file_text(project_id, &region(args), Some(legacy))),
    };
    let imported = crate::import::import_legacy_tasks(&args.out, &details, &options)?;
    let tasks = imported.files.len() - usize::from(options.project_file.is_some());
    let folders: Vec<String> = imported
        .folders
        .iter()
        .map(|folder| args.out.join(folder).display().to_string())
        .collect();
    anstream::println!(
        "Imported {tasks} task{} pinned by id into {}; run `wedata-gitops plan {}` to check it shows no changes.",
        if tasks == 1 { "" } else { "s" },
        folders.join(", "),
        args.out.display()
    );
    Ok(ExitStatus::Success)
}

/// Each task with DescribeTaskDetailDs, in the order asked, each id once; a missing one is an
/// error.
async fn read_legacy_tasks(
    client: &crate::api::Client,
    project_id: &str,
    task_ids: &[String],
) -> miette::Result<Vec<crate::api::legacy::TaskDsDTO>> {
    let mut details = Vec::with_capacity(task_ids.len());
    let mut seen = std::collections::HashSet::new();
    for task_id in task_ids.iter().filter(|task_id| seen.insert(*task_id)) {
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
