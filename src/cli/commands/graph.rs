//! `wedata-gitops graph [DIR]`: the declared task DAG, or with `--live` the live one of the
//! declared workflows, as Mermaid, DOT or SVG, for documentation and debugging. Argument
//! parsing and output only: the graph comes from `dag`, the drawing from `render`.

use std::path::PathBuf;

use miette::{IntoDiagnostic, WrapErr};

use crate::cli::ExitStatus;
use crate::cli::connection::{Connection, ConnectionArgs};
use crate::dag::{self, Dag};
use crate::manifest::{self, LoadOptions, Project};
use crate::render;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A Mermaid flowchart (paste into Markdown inside a ```mermaid block).
    Mermaid,
    /// Graphviz DOT (`dot -Tpng`).
    Dot,
    /// A standalone SVG drawing, laid out by wedata-gitops itself.
    Svg,
}

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Patterns: a glob (`*`, `?`) matched against WORKFLOW/TASK, or against the \
    task name when it has no `/`; a leading `+` adds everything upstream, a trailing `+` \
    everything downstream. Repeat --select for a union.\n\n\
    Exit codes: 0 success, 1 error (invalid manifests, a pattern matching nothing, an API error).\n\n\
    Examples:\n  \
    wedata-gitops graph examples/tasks\n  \
    wedata-gitops graph tasks --format svg --out dag.svg\n  \
    wedata-gitops graph tasks --select '+orders/load_orders+' --format dot | dot -Tpng > load.png\n  \
    wedata-gitops graph tasks --live --target prod"
)]
pub struct Args {
    /// The manifest root: the folder holding wedata.yaml.
    #[arg(default_value = ".")]
    pub directory: PathBuf,

    /// A target of wedata.yaml (dev, prod, ...) whose overrides to apply.
    #[arg(long, short = 't', env = "WEDATA_TARGET")]
    pub target: Option<String>,

    /// How to draw it.
    #[arg(long, value_enum, default_value_t = Format::Mermaid)]
    pub format: Format,

    /// Only the tasks matching PATTERN, with `+` for upstream/downstream (repeatable).
    #[arg(long, value_name = "PATTERN")]
    pub select: Vec<String>,

    /// Draw the live DAG: every task WeData has in the declared workflows (those no manifest
    /// declares as "not managed here"), with the upstreams their definitions name.
    #[arg(long)]
    pub live: bool,

    /// Write the drawing to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let project = manifest::load(
        &args.directory,
        &LoadOptions {
            target: args.target.clone(),
        },
    )
    .map_err(|diagnostics| {
        anstream::eprint!("{}", diagnostics.render());
        miette::miette!("the manifests are invalid")
    })?;
    let whole = if args.live {
        live_dag(&project, &args.connection)?
    } else {
        dag::declared(&project)
    };
    let shown = dag::select(&whole, &args.select).map_err(|error| {
        miette::miette!(
            help = "a pattern matches WORKFLOW/TASK, or the task name when it has no `/`; `*` and `?` are wildcards",
            "{error}"
        )
    })?;
    let drawing = match args.format {
        Format::Mermaid => render::mermaid::render(&shown),
        Format::Dot => render::dot::render(&shown),
        Format::Svg => render::svg::render(&shown),
    };
    match &args.out {
        Some(path) => std::fs::write(path, drawing)
            .into_diagnostic()
            .wrap_err_with(|| format!("cannot write the graph to {}", path.display()))?,
        None => anstream::print!("{drawing}"),
    }
    Ok(ExitStatus::Success)
}

/// Reads every task of the declared workflows (every definition, for its upstreams).
fn live_dag(project: &Project, connection_args: &ConnectionArgs) -> miette::Result<Dag> {
    let runtime = crate::cli::runtime()?;
    runtime.block_on(async {
        let connection = super::plan::connect(project, connection_args).await?;
        let live = read_live(project, &connection).await;
        connection.close().await;
        Ok(dag::live(project, &live?))
    })
}

async fn read_live(
    project: &Project,
    connection: &Connection,
) -> miette::Result<Vec<crate::live::LiveWorkflow>> {
    let project_id = &project.settings.project_id;
    let read = if project.settings.is_legacy() {
        let task_ids: Vec<String> = project
            .tasks
            .iter()
            .filter_map(|task| task.id().cloned())
            .collect();
        crate::live::legacy::fetch(&connection.client, project_id, &task_ids).await
    } else {
        let scope = crate::reconcile::inputs::scope(project, true);
        crate::live::fetch(&connection.client, project_id, &scope, None).await
    };
    read.map_err(miette::Report::new)
        .wrap_err("cannot read the live state from WeData")
}
