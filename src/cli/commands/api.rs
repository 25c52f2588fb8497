//! `wedata-gitops api ACTION [BODY]`: signs and sends any WeData action and prints the
//! `Response` object, like `gh api`. The escape hatch for everything the tool does not model.

use std::io::Read;
use std::path::Path;

use miette::{IntoDiagnostic, WrapErr};
use serde_json::Value;

use crate::api::{DEFAULT_VERSION, action_writes};
use crate::cli::ExitStatus;
use crate::cli::connection::{ConnectionArgs, ProjectDefaults};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    wedata-gitops api GetTriggerTask '{\"ProjectId\": \"1460947878944567296\", \"TaskId\": \"20251124113217312\"}'\n  \
    wedata-gitops api CreateTriggerTask @request.json\n  \
    echo '{\"ProjectId\": \"1\"}' | wedata-gitops api ListTriggerWorkflows - --emulate")]
pub struct Args {
    /// The action, e.g. GetTriggerTask (the X-TC-Action header).
    pub action: String,

    /// The request body: inline JSON, @FILE to read a file, or - to read standard input.
    #[arg(default_value = "{}")]
    pub body: String,

    /// The X-TC-Version to send.
    #[arg(long, value_name = "VERSION", default_value = DEFAULT_VERSION)]
    pub api_version: String,

    #[command(flatten)]
    pub connection: ConnectionArgs,
}

pub fn run(args: Args) -> miette::Result<ExitStatus> {
    let body = read_body(&args.body)?;
    let project = ProjectDefaults {
        api_version: Some(args.api_version.clone()),
        ..ProjectDefaults::default()
    };
    let runtime = crate::cli::runtime()?;
    runtime.block_on(async {
        let connection = args.connection.connect(&project, Path::new(".")).await?;
        let result = connection
            .client
            .call_json(&args.action, &body, action_writes(&args.action))
            .await;
        connection.close().await;
        match result {
            Ok(response) => {
                let pretty = serde_json::to_string_pretty(&response).into_diagnostic()?;
                anstream::println!("{pretty}");
                Ok(ExitStatus::Success)
            }
            Err(error) => {
                anstream::eprintln!("{:?}", miette::Report::new(error));
                Ok(ExitStatus::Failure)
            }
        }
    })
}

fn read_body(argument: &str) -> miette::Result<Value> {
    let (text, source) = if argument == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .into_diagnostic()
            .wrap_err("cannot read the request body from standard input")?;
        (text, "standard input".to_owned())
    } else if let Some(path) = argument.strip_prefix('@') {
        let text = std::fs::read_to_string(path)
            .into_diagnostic()
            .wrap_err_with(|| format!("cannot read the request body from {path}"))?;
        (text, path.to_owned())
    } else {
        (argument.to_owned(), "the command line".to_owned())
    };
    let body: Value = serde_json::from_str(&text).map_err(|error| {
        miette::miette!(
            help = "the body must be a JSON object, e.g. '{\"ProjectId\": \"1\"}'",
            "the request body from {source} is not valid JSON: {error}"
        )
    })?;
    if !body.is_object() {
        return Err(miette::miette!(
            help = "wrap the members in braces: '{\"ProjectId\": \"1\"}'",
            "the request body from {source} must be a JSON object"
        ));
    }
    Ok(body)
}
