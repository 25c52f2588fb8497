//! `wedata-gitops init [DIR]`: creates a project (wedata.yaml with dev and prod targets, an
//! example workflow and task, schemas, .gitignore, a CI file), or, with `--from-workflow`, a
//! project holding an existing workflow read from WeData. Parsing and printing only: the files
//! come from `init`, the workflow from `live` and `import`.

use std::path::PathBuf;

use miette::WrapErr;

use crate::cli::ExitStatus;
use crate::cli::connection::{ConnectionArgs, ProjectDefaults};
use crate::init::{self, CiProvider, InitOptions};

/// `--ci`: which CI file to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Ci {
    /// `.github/workflows/wedata.yml`, using the wedata-gitops GitHub Action.
    Github,
    /// `.gitlab-ci.yml`, including the wedata-gitops GitLab CI template.
    Gitlab,
    /// No CI file.
    None,
}

impl From<Ci> for CiProvider {
    fn from(choice: Ci) -> Self {
        match choice {
            Ci::Github => Self::Github,
            Ci::Gitlab => Self::Gitlab,
            Ci::None => Self::None,
        }
    }
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "--region (or TENCENTCLOUD_REGION) is the region written to wedata.yaml; \
    default ap-guangzhou.\n\n\
    Exit codes: 0 the project was written, 1 error (nothing was written).\n\n\
    Examples:\n  \
    wedata-gitops init my-project --project-id 1460947878944567296 --ci github\n  \
    wedata-gitops init --project-id 1460947878944567296 --region ap-shanghai --ci gitlab\n  \
    wedata-gitops init orders-repo --project-id 1460947878944567296 --from-workflow orders"
)]
pub struct Args {
    /// The folder to create the project in (created when missing; must be empty, apart from
    /// .git, unless --force).
    #[arg(default_value = ".")]
    pub directory: PathBuf,

    /// The WeData project id (digits). Without it wedata.yaml gets a placeholder to replace.
    #[arg(long, value_name = "ID")]
    pub project_id: Option<String>,

    /// Which CI file to write: a GitHub Actions workflow using the wedata-gitops Action, a
    /// .gitlab-ci.yml including the wedata-gitops template, or none.
    #[arg(long, value_enum, value_name = "PROVIDER", default_value_t = Ci::None)]
    pub ci: Ci,

    /// Start from this existing workflow (name or WorkflowId) instead of the example: its
    /// manifests and code files are read from WeData (needs credentials, or --emulate).
    #[arg(long, value_name = "NAME|ID", requires = "project_id")]
    pub from_workflow: Option<String>,

    /// Write into a folder that is not empty, replacing files of the same names.
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let options = InitOptions {
        project_id: args.project_id.clone(),
        region: args
            .connection
            .region
            .clone()
            .unwrap_or_else(|| init::DEFAULT_REGION.to_owned()),
        ci: args.ci.into(),
    };
    init::check_options(&options)?;
    init::check_destination(&args.directory, args.force)?;
    let imported = match &args.from_workflow {
        Some(wanted) => Some(read_workflow(&args, &options, wanted)?),
        None => None,
    };
    let workflow_name = imported.as_ref().map(|(name, _)| name.clone());
    let files = init::project_files(&options, imported.map(|(_, files)| files));
    let written = init::write_project(&args.directory, &files)?;
    print_summary(&args, &options, workflow_name.as_deref(), &written);
    Ok(ExitStatus::Success)
}

/// The workflow's name and files, read before anything is written.
fn read_workflow(
    args: &Args,
    options: &InitOptions,
    wanted: &str,
) -> miette::Result<(String, Vec<crate::import::ImportedFile>)> {
    let project_id = options
        .project_id
        .clone()
        .expect("clap requires --project-id with --from-workflow");
    let defaults = ProjectDefaults {
        region: Some(options.region.clone()),
        ..ProjectDefaults::default()
    };
    let runtime = crate::cli::runtime()?;
    let workflow = runtime.block_on(async {
        let connection = args.connection.connect(&defaults, &args.directory).await?;
        let fetched = crate::live::fetch_workflow(&connection.client, &project_id, wanted).await;
        connection.close().await;
        fetched
            .map_err(miette::Report::new)
            .wrap_err("cannot read the workflow from WeData")
    })?;
    let workflow = workflow.ok_or_else(|| {
        miette::miette!(
            help = "check the name (it is case-sensitive) or pass the WorkflowId; `wedata-gitops api ListTriggerWorkflows` and `ListWorkflows` list them",
            "no workflow named or with id `{wanted}` in project {project_id}"
        )
    })?;
    // A new project holds this one workflow, so its folder is its safe name (import's rule).
    let folder = crate::import::names::safe_stem(&workflow.name);
    Ok((
        workflow.name.clone(),
        crate::import::workflow_files(&workflow, &folder),
    ))
}

fn print_summary(args: &Args, options: &InitOptions, workflow: Option<&str>, written: &[PathBuf]) {
    let directory = args.directory.display();
    let what = match workflow {
        Some(name) => format!("workflow {} imported", crate::cli::printable(name)),
        None => "an example workflow".to_owned(),
    };
    anstream::println!(
        "Created a wedata-gitops project in {directory} ({what}, {} files):",
        written.len()
    );
    for path in written.iter().filter(|path| !path.starts_with("schemas")) {
        anstream::println!("  {}", path.display());
    }
    anstream::println!("  schemas/ (JSON Schemas your editor reads for completion and checks)");
    anstream::println!("\nNext:");
    if options.project_id.is_none() {
        anstream::println!(
            "  edit {directory}/wedata.yaml: replace the placeholder project_id with your project's"
        );
    }
    anstream::println!("  wedata-gitops validate {directory}");
    anstream::println!(
        "  wedata-gitops plan {directory} --emulate        # try it on the local emulator"
    );
    anstream::println!(
        "  wedata-gitops doctor {directory} --target prod  # check credentials, region, project"
    );
    match options.ci {
        CiProvider::Github => anstream::println!(
            "  add the repository secrets TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY for .github/workflows/wedata.yml"
        ),
        CiProvider::Gitlab => anstream::println!(
            "  add the CI/CD variables TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and GITLAB_API_TOKEN for .gitlab-ci.yml"
        ),
        CiProvider::None => {}
    }
}
