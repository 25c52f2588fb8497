//! `wedata-gitops import --workflow NAME|ID`: writes manifests and decoded code files for a
//! live workflow, so a team can adopt what it built in the console. `plan` on the result shows
//! no changes.

use std::path::{Path, PathBuf};

use miette::{IntoDiagnostic, WrapErr};

use crate::cli::ExitStatus;
use crate::cli::connection::{ConnectionArgs, ProjectDefaults};
use crate::import::workflow_files;
use crate::live::{self, Scope};
use crate::manifest::types::ProjectFile;

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    wedata-gitops import --workflow orders --out tasks\n  \
    wedata-gitops import --workflow d3e40dcc-bf42-4fb9-b081-b00408d478ec --out tasks --project-id 1460947878944567296")]
pub struct Args {
    /// The workflow to import, by name or WorkflowId.
    #[arg(long, value_name = "NAME|ID")]
    pub workflow: String,

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
    let runtime = crate::cli::runtime()?;
    let workflow = runtime.block_on(async {
        let connection = args.connection.connect(&defaults, &args.out).await?;
        let scope = Scope {
            workflow_names: vec![args.workflow.clone()],
            workflow_ids: vec![args.workflow.clone()],
            periodic_workflow_names: vec![args.workflow.clone()],
            periodic_workflow_ids: vec![args.workflow.clone()],
            all_definitions: true,
            ..Scope::default()
        };
        let fetched = live::fetch(&connection.client, &project_id, &scope, None).await;
        connection.close().await;
        fetched
            .map_err(miette::Report::new)
            .wrap_err("cannot read the workflow from WeData")
    })?;
    let Some(workflow) = workflow.into_iter().next() else {
        return Err(miette::miette!(
            help = "check the name (it is case-sensitive) or pass the WorkflowId; `wedata-gitops api ListTriggerWorkflows` and `ListWorkflows` list them",
            "no workflow named or with id `{}` in project {project_id}",
            args.workflow
        ));
    };
    let files = workflow_files(&workflow);
    refuse_overwrites(
        &args,
        &files
            .iter()
            .map(|file| file.path.clone())
            .collect::<Vec<_>>(),
        &workflow.name,
    )?;
    if existing.is_none() {
        let region = args
            .connection
            .region
            .clone()
            .unwrap_or_else(|| "ap-guangzhou".to_owned());
        write(
            &project_file_path,
            &format!("project_id: \"{project_id}\"\nregion: {region}\n"),
        )?;
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

fn refuse_overwrites(args: &Args, paths: &[PathBuf], workflow: &str) -> miette::Result<()> {
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
        if project
            .workflows
            .iter()
            .any(|declared| declared.name == workflow)
            || project
                .tasks
                .iter()
                .any(|task| task.workflow_name.as_deref() == Some(workflow))
        {
            taken.push(format!("manifests for workflow {workflow}"));
        }
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
