//! Executing a plan: each changing resource becomes one node of the scheduler, run as soon as
//! what it depends on is done, under bounded concurrency and the client's rate limit.
//! Creates fill in the ids later nodes need; every create or update is submitted, and the
//! version the submit made is read back (GetTaskVersion / GetTriggerTaskVersion) and compared
//! with what the plan promised.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde::Serialize;

use super::requests;
use super::schedule::{self, Outcome as NodeOutcome};
use crate::api::types::{
    DeleteTaskRequest, DeleteTriggerTaskRequest, GetTaskVersionRequest,
    GetTriggerTaskVersionRequest, SubmitTaskRequest, SubmitTriggerTaskRequest,
};
use crate::api::{ApiError, Client};
use crate::live::{self, LiveDefinition, LiveWorkflow, LiveWorkflowDetail};
use crate::manifest::types::Reference;
use crate::manifest::{Project, Task, Workflow, WorkflowDefinition};
use crate::model::live::decode_code;
use crate::model::{SCHEDULE_STATE_MEMBER, TaskState, desired};
use crate::planner::Approved;
use crate::reconcile::inputs::workflow_label;
use crate::reconcile::plan::{diff_members, task_address, workflow_address};
use crate::reconcile::{Action, ResourceChange, ResourceKind};

/// Attempts of a write whose outcome stays unknown (each followed by a lookup for creates).
const UNKNOWN_OUTCOME_ATTEMPTS: usize = 4;

/// Called as each resource finishes (progress output).
pub type Progress = Arc<dyn Fn(&ResourceResult) + Send + Sync>;

#[derive(Clone)]
pub struct ApplyOptions {
    pub parallelism: usize,
    /// VersionRemark of every submit.
    pub version_remark: String,
    /// Set on Ctrl-C: start nothing new, finish what is in flight.
    pub stop: Arc<AtomicBool>,
    pub progress: Option<Progress>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Succeeded,
    Failed,
    Skipped,
    NotStarted,
}

#[derive(Debug, Clone, Serialize)]
pub struct ResourceResult {
    pub address: String,
    pub action: Action,
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The submitted VersionId.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    pub duration_ms: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub results: Vec<ResourceResult>,
    pub succeeded: usize,
    pub failed: usize,
    pub skipped: usize,
    pub not_started: usize,
    /// Runs started after the apply (`apply --run`, `run_after_apply`), as they ended.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub runs: Vec<crate::ops::run::Outcome>,
}

impl Report {
    /// The report of a run with nothing to do.
    pub fn empty() -> Self {
        Self {
            results: Vec::new(),
            succeeded: 0,
            failed: 0,
            skipped: 0,
            not_started: 0,
            runs: Vec::new(),
        }
    }

    /// Every resource written, and every run after the apply succeeded.
    pub fn is_success(&self) -> bool {
        self.writes_succeeded() && self.runs.iter().all(crate::ops::run::Outcome::is_success)
    }

    /// Every resource written (runs after the apply start only then).
    pub fn writes_succeeded(&self) -> bool {
        self.failed + self.skipped + self.not_started == 0
    }

    /// The address and id of every resource written successfully.
    pub fn written(&self) -> Vec<(String, Option<String>)> {
        self.results
            .iter()
            .filter(|result| result.outcome == Outcome::Succeeded)
            .map(|result| (result.address.clone(), result.id.clone()))
            .collect()
    }
}

/// What one node produced.
pub(super) struct Done {
    pub id: Option<String>,
    pub version: Option<String>,
}

pub(super) struct Failure {
    message: String,
    request_id: Option<String>,
}

impl From<ApiError> for Failure {
    fn from(error: ApiError) -> Self {
        Self {
            request_id: error.request_id().map(str::to_owned),
            message: error.without_request_id(),
        }
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Self {
            message,
            request_id: None,
        }
    }
}

pub(super) struct Context<'a> {
    pub client: &'a Client,
    pub project: &'a Project,
    pub live: &'a [LiveWorkflow],
    pub options: &'a ApplyOptions,
    /// Address → id, for every resource that exists (or was created in this run).
    pub ids: Mutex<HashMap<String, String>>,
    /// Deletions send OperateInform (the plan's `deletion_notifies_owners`).
    pub notify_owners: bool,
}

/// Runs an approved plan: only [`crate::planner::approve`] makes one, so every guard rail
/// held and every definition about to be written over was read from WeData in this run.
pub async fn execute(client: &Client, approved: &Approved, options: &ApplyOptions) -> Report {
    let project = approved.project();
    let plan = approved.plan();
    let live = approved.live();
    let mut ids: HashMap<String, String> = plan
        .resources
        .iter()
        .filter_map(|resource| resource.id.clone().map(|id| (resource.address.clone(), id)))
        .collect();
    // A task the plan knows (renamed ones by their declared name) is never also known by its
    // live name: two names for one TaskId would make the names verification reads back
    // depend on which one a map gives first.
    let planned_ids: HashSet<String> = ids.values().cloned().collect();
    for workflow in live {
        ids.entry(workflow_address(&workflow.name))
            .or_insert_with(|| workflow.id.clone());
        // Tasks a `--select` left out of the plan still exist: references to them resolve to
        // their live ids (the plan's own resources come first).
        for task in workflow
            .tasks
            .iter()
            .filter(|task| !planned_ids.contains(&task.task_id))
        {
            if let Some(name) = &task.task_name {
                for label in [&workflow.name, &workflow.id] {
                    ids.entry(task_address(label, name))
                        .or_insert_with(|| task.task_id.clone());
                }
            }
        }
    }
    let context = Context {
        client,
        project,
        live,
        options,
        ids: Mutex::new(ids),
        notify_owners: plan.deletion_notifies_owners,
    };
    let nodes: Vec<&ResourceChange> = plan.changing().collect();
    let index: HashMap<&str, usize> = nodes
        .iter()
        .enumerate()
        .map(|(position, node)| (node.address.as_str(), position))
        .collect();
    let dependencies: Vec<Vec<usize>> = nodes
        .iter()
        .map(|node| {
            node.depends_on
                .iter()
                .filter_map(|address| index.get(address.as_str()).copied())
                .collect()
        })
        .collect();
    let durations: Mutex<HashMap<usize, u64>> = Mutex::new(HashMap::new());
    let outcomes = schedule::run_graph(
        &dependencies,
        options.parallelism,
        options.stop.clone(),
        |position| {
            let context = &context;
            let node = nodes[position];
            let durations = &durations;
            async move {
                let started = Instant::now();
                let result = run_node(context, node).await;
                let elapsed = started.elapsed().as_millis() as u64;
                durations
                    .lock()
                    .expect("durations lock")
                    .insert(position, elapsed);
                if let Some(progress) = &context.options.progress {
                    progress(&to_result(node, &result, elapsed));
                }
                result
            }
        },
    )
    .await;
    let durations = durations.into_inner().expect("durations lock");
    let results: Vec<ResourceResult> = outcomes
        .into_iter()
        .enumerate()
        .map(|(position, outcome)| {
            let node = nodes[position];
            let elapsed = durations.get(&position).copied().unwrap_or(0);
            match outcome {
                NodeOutcome::Succeeded(done) => to_result(node, &Ok(done), elapsed),
                NodeOutcome::Failed(failure) => to_result(node, &Err(failure), elapsed),
                NodeOutcome::Skipped { blocked_by } => ResourceResult {
                    address: node.address.clone(),
                    action: node.action,
                    outcome: Outcome::Skipped,
                    id: node.id.clone(),
                    version: None,
                    duration_ms: 0,
                    request_id: None,
                    error: Some(format!("skipped: {} failed", nodes[blocked_by].address)),
                },
                NodeOutcome::NotStarted => ResourceResult {
                    address: node.address.clone(),
                    action: node.action,
                    outcome: Outcome::NotStarted,
                    id: node.id.clone(),
                    version: None,
                    duration_ms: 0,
                    request_id: None,
                    error: Some("not started: interrupted".to_owned()),
                },
            }
        })
        .collect();
    let count = |wanted: Outcome| {
        results
            .iter()
            .filter(|result| result.outcome == wanted)
            .count()
    };
    Report {
        succeeded: count(Outcome::Succeeded),
        failed: count(Outcome::Failed),
        skipped: count(Outcome::Skipped),
        not_started: count(Outcome::NotStarted),
        results,
        runs: Vec::new(),
    }
}

fn to_result(
    node: &ResourceChange,
    result: &Result<Done, Failure>,
    elapsed: u64,
) -> ResourceResult {
    match result {
        Ok(done) => ResourceResult {
            address: node.address.clone(),
            action: node.action,
            outcome: Outcome::Succeeded,
            id: done.id.clone().or_else(|| node.id.clone()),
            version: done.version.clone(),
            duration_ms: elapsed,
            request_id: None,
            error: None,
        },
        Err(failure) => ResourceResult {
            address: node.address.clone(),
            action: node.action,
            outcome: Outcome::Failed,
            id: node.id.clone(),
            version: None,
            duration_ms: elapsed,
            request_id: failure.request_id.clone(),
            error: Some(failure.message.clone()),
        },
    }
}

async fn run_node(context: &Context<'_>, node: &ResourceChange) -> Result<Done, Failure> {
    match node.kind {
        ResourceKind::WorkflowFolder | ResourceKind::TaskFolder => {
            super::folders::run_folder(context, node).await
        }
        ResourceKind::Workflow | ResourceKind::PeriodicWorkflow => {
            let workflow = context
                .project
                .workflows
                .iter()
                .find(|workflow| workflow_address(&workflow.name) == node.address)
                .ok_or_else(|| {
                    format!("{} is in the plan but not in the manifests", node.address)
                })?;
            run_workflow(context, node, workflow).await
        }
        ResourceKind::Task | ResourceKind::PeriodicTask | ResourceKind::LegacyTask => {
            if node.action == Action::Delete {
                return delete_task(context, node).await;
            }
            let task = context
                .project
                .tasks
                .iter()
                .find(|task| task_address(&workflow_label(task), task.name()) == node.address)
                .ok_or_else(|| {
                    format!("{} is in the plan but not in the manifests", node.address)
                })?;
            if node.kind == ResourceKind::LegacyTask {
                super::legacy::run_task(context, node, task).await
            } else {
                run_task(context, node, task).await
            }
        }
    }
}

async fn run_workflow(
    context: &Context<'_>,
    node: &ResourceChange,
    workflow: &Workflow,
) -> Result<Done, Failure> {
    let project_id = &context.project.settings.project_id;
    let client = context.client;
    let id = match node.action {
        Action::Create => {
            let mut attempts = 0;
            loop {
                attempts += 1;
                let created = match &workflow.definition {
                    WorkflowDefinition::Trigger(manifest) => client
                        .send(&requests::create_workflow(
                            project_id,
                            &workflow.name,
                            manifest,
                        ))
                        .await
                        .map(|response| response.data.and_then(|data| data.workflow_id)),
                    WorkflowDefinition::Periodic(manifest) => client
                        .send(&requests::periodic::create_workflow(
                            project_id,
                            &workflow.name,
                            manifest,
                        ))
                        .await
                        .map(|response| response.data.and_then(|data| data.workflow_id)),
                };
                match created {
                    Ok(id) => break id.unwrap_or_default(),
                    Err(error)
                        if error.is_outcome_unknown() && attempts < UNKNOWN_OUTCOME_ATTEMPTS =>
                    {
                        // The create may have happened: look before creating again.
                        if let Some(id) = find_workflow(
                            client,
                            project_id,
                            &workflow.name,
                            workflow.is_periodic(),
                        )
                        .await?
                        {
                            break id;
                        }
                    }
                    Err(error) => return Err(error.into()),
                }
            }
        }
        Action::Update => {
            let id = node
                .id
                .clone()
                .ok_or_else(|| format!("{} has no id to update", node.address))?;
            match &workflow.definition {
                WorkflowDefinition::Trigger(manifest) => {
                    let request =
                        requests::update_workflow(project_id, &id, &workflow.name, manifest);
                    send_idempotent(client, &request).await?;
                }
                WorkflowDefinition::Periodic(manifest) => {
                    let live_detail =
                        context
                            .live
                            .iter()
                            .find(|live| live.id == id)
                            .and_then(|live| match &live.detail {
                                Some(LiveWorkflowDetail::Periodic(detail)) => Some(detail),
                                _ => None,
                            });
                    let request = requests::periodic::update_workflow(
                        project_id,
                        &id,
                        &workflow.name,
                        manifest,
                        live_detail,
                    );
                    send_idempotent(client, &request).await?;
                }
            }
            id
        }
        other => return Err(format!("a workflow cannot be {other:?}d").into()),
    };
    context
        .ids
        .lock()
        .expect("ids lock")
        .insert(node.address.clone(), id.clone());
    Ok(Done {
        id: Some(id),
        version: None,
    })
}

async fn find_workflow(
    client: &Client,
    project_id: &str,
    name: &str,
    periodic: bool,
) -> Result<Option<String>, Failure> {
    Ok(live::list_workflows(client, project_id, periodic)
        .await?
        .into_iter()
        .find(|listed| listed.name == name)
        .map(|listed| listed.id))
}

/// Sends a write that is safe to repeat (update, submit, delete) until its outcome is known.
pub(super) async fn send_idempotent<A: crate::api::Action>(
    client: &Client,
    request: &A,
) -> Result<A::Response, ApiError> {
    let mut attempts = 0;
    loop {
        attempts += 1;
        match client.send(request).await {
            Err(error) if error.is_outcome_unknown() && attempts < UNKNOWN_OUTCOME_ATTEMPTS => {
                continue;
            }
            other => return other,
        }
    }
}

fn workflow_id_for(context: &Context<'_>, task: &Task) -> Result<String, Failure> {
    match &task.workflow().value {
        Reference::Id { id } => Ok(id.clone()),
        Reference::Name(_) => {
            let address = workflow_address(&workflow_label(task));
            context
                .ids
                .lock()
                .expect("ids lock")
                .get(&address)
                .cloned()
                .ok_or_else(|| {
                    format!("the workflow {address} has no id (was its create skipped?)").into()
                })
        }
    }
}

async fn run_task(
    context: &Context<'_>,
    node: &ResourceChange,
    task: &Task,
) -> Result<Done, Failure> {
    if let Some(task_id) = only_schedule_state_changes(context, node, task) {
        set_schedule_state(context, task, &task_id).await?;
        return Ok(Done {
            id: Some(task_id),
            version: None,
        });
    }
    let project_id = &context.project.settings.project_id;
    let client = context.client;
    let resolve = resolver(context, workflow_label(task));
    let task_id = match node.action {
        Action::Create => create_task(context, task, &resolve).await?,
        Action::Update => {
            let id = node
                .id
                .clone()
                .ok_or_else(|| format!("{} has no id to update", node.address))?;
            let (live_task, _) = live_definition(context, task, &id).await?;
            match &live_task {
                LiveDefinition::Trigger(live_task) => {
                    let request = requests::update_task(project_id, task, live_task, &resolve)?;
                    send_idempotent(client, &request).await?;
                }
                LiveDefinition::Periodic(live_task) => {
                    let request =
                        requests::periodic::update_task(project_id, task, live_task, &resolve)?;
                    send_idempotent(client, &request).await?;
                }
                LiveDefinition::Legacy(_) => {
                    return Err(format!(
                        "{} was read through the legacy API but is planned as a {}",
                        node.address,
                        node.kind.label()
                    )
                    .into());
                }
            }
            id
        }
        Action::Submit => node
            .id
            .clone()
            .ok_or_else(|| format!("{} has no id to submit", node.address))?,
        Action::Replace => {
            // The plan allowed deletion (refuse_replacements checked prevent_destroy and the
            // policy): delete, then create afresh under a new TaskId. The plan updates the
            // dependents it manages after this (their references resolve to the new id); ones
            // outside the repository were refused as orphans unless allowed.
            delete_task(context, node).await?;
            create_task(context, task, &resolve).await?
        }
        Action::Delete | Action::NoOp => {
            return Err(format!("{} is not a task write", node.address).into());
        }
    };
    context
        .ids
        .lock()
        .expect("ids lock")
        .insert(node.address.clone(), task_id.clone());

    let version = if task.is_periodic() {
        send_idempotent(
            client,
            &SubmitTaskRequest {
                project_id: project_id.clone(),
                task_id: task_id.clone(),
                version_remark: context.options.version_remark.clone(),
            },
        )
        .await?
        .data
        .and_then(|data| data.version_id)
    } else {
        send_idempotent(
            client,
            &SubmitTriggerTaskRequest {
                project_id: project_id.clone(),
                task_id: task_id.clone(),
                version_remark: context.options.version_remark.clone(),
            },
        )
        .await?
        .data
        .and_then(|data| data.version_id)
    };
    verify(context, task, &task_id, version.as_deref()).await?;
    set_schedule_state(context, task, &task_id).await?;
    Ok(Done {
        id: Some(task_id),
        version,
    })
}

/// The TaskId of a submitted task whose only planned change is its operations state
/// (`scheduler.state`): nothing to update or submit, only to start or pause.
fn only_schedule_state_changes(
    context: &Context<'_>,
    node: &ResourceChange,
    task: &Task,
) -> Option<String> {
    let only_state = node.action == Action::Update
        && !node.changes.is_empty()
        && node
            .changes
            .iter()
            .all(|change| change.member == SCHEDULE_STATE_MEMBER);
    if !only_state {
        return None;
    }
    let task_id = node.id.clone()?;
    let label = workflow_label(task);
    // An unsubmitted draft still needs its submit (which the full path does).
    let submitted = context
        .live
        .iter()
        .filter(|workflow| workflow.name == label || workflow.id == label)
        .flat_map(|workflow| &workflow.tasks)
        .find(|listed| listed.task_id == task_id)
        .is_some_and(|listed| {
            listed.submit.unwrap_or(false)
                || listed
                    .task_latest_submit_version_no
                    .as_deref()
                    .is_some_and(|submitted| {
                        !submitted.is_empty()
                            && Some(submitted) == listed.task_latest_version_no.as_deref()
                    })
        });
    submitted.then_some(task_id)
}

/// Starts or pauses a submitted periodic task whose manifest declares `scheduler.state`, and
/// checks the operations center reports it so.
async fn set_schedule_state(
    context: &Context<'_>,
    task: &Task,
    task_id: &str,
) -> Result<(), Failure> {
    let Some(wanted) = task.schedule_state() else {
        return Ok(());
    };
    crate::ops::schedule_state::ensure(
        context.client,
        &context.project.settings.project_id,
        task_id,
        wanted,
    )
    .await
    .map(|_| ())
    .map_err(|error| match error {
        crate::ops::schedule_state::StateError::Api(error) => {
            let mut failure = Failure::from(error);
            failure.message = format!("setting scheduler.state to {wanted}: {}", failure.message);
            failure
        }
        crate::ops::schedule_state::StateError::Refused(message) => {
            Failure::from(format!("setting scheduler.state to {wanted}: {message}"))
        }
    })
}

/// Resolves references to other tasks of the workflow `label` to their ids: pinned ones as
/// they are, names through the ids known or created so far in this run.
pub(super) fn resolver<'a>(
    context: &'a Context<'_>,
    label: String,
) -> impl Fn(&Reference) -> Result<String, String> + 'a {
    move |reference| match reference {
        Reference::Id { id } => Ok(id.clone()),
        Reference::Name(name) => context
            .ids
            .lock()
            .expect("ids lock")
            .get(&task_address(&label, name))
            .cloned()
            .ok_or_else(|| format!("the task {label}/{name} has no id yet")),
    }
}

/// Creates a task; when the outcome is unknown, looks it up by name before trying again.
async fn create_task(
    context: &Context<'_>,
    task: &Task,
    resolve: &requests::Resolve<'_>,
) -> Result<String, Failure> {
    let project_id = &context.project.settings.project_id;
    let client = context.client;
    let workflow_id = workflow_id_for(context, task)?;
    let periodic = task.is_periodic();
    let trigger_request = match periodic {
        false => Some(requests::create_task(
            project_id,
            &workflow_id,
            task,
            resolve,
        )?),
        true => None,
    };
    let periodic_request = match periodic {
        true => Some(requests::periodic::create_task(
            project_id,
            &workflow_id,
            task,
            resolve,
        )?),
        false => None,
    };
    let mut attempts = 0;
    loop {
        attempts += 1;
        let created = match (&trigger_request, &periodic_request) {
            (Some(request), _) => client
                .send(request)
                .await
                .map(|response| response.data.and_then(|data| data.task_id)),
            (_, Some(request)) => client
                .send(request)
                .await
                .map(|response| response.data.and_then(|data| data.task_id)),
            (None, None) => return Err("no create request was built".to_owned().into()),
        };
        match created {
            Ok(task_id) => return Ok(task_id.unwrap_or_default()),
            Err(error) if error.is_outcome_unknown() && attempts < UNKNOWN_OUTCOME_ATTEMPTS => {
                let found = live::list_tasks(
                    client,
                    project_id,
                    &workflow_id,
                    Some(task.name()),
                    periodic,
                )
                .await?;
                if let Some(existing) = found.first() {
                    return Ok(existing.task_id.clone());
                }
            }
            Err(error) => return Err(error.into()),
        }
    }
}

/// The live definition read during planning, or read now.
async fn live_definition(
    context: &Context<'_>,
    task: &Task,
    id: &str,
) -> Result<(LiveDefinition, String), Failure> {
    let label = workflow_label(task);
    let known = context
        .live
        .iter()
        .filter(|workflow| workflow.name == label || workflow.id == label)
        .find_map(|workflow| workflow.definitions.get(id).cloned());
    match known {
        Some(definition) => Ok(definition),
        None => Ok(live::get_task(
            context.client,
            &context.project.settings.project_id,
            id,
            task.is_periodic(),
        )
        .await?),
    }
}

/// Reads back the version the submit created (GetTaskVersion / GetTriggerTaskVersion: what
/// WeData now runs, not only the saved draft) and checks every declared member against the
/// manifest.
async fn verify(
    context: &Context<'_>,
    task: &Task,
    task_id: &str,
    version_id: Option<&str>,
) -> Result<(), Failure> {
    let (definition, code) = submitted_version(context, task, task_id, version_id).await?;
    let names_by_id = known_names(context, &workflow_label(task));
    let mut wanted = desired::task_state(task, &names_by_id);
    // The operations state is no member of a version: it is set, and checked, after the submit.
    wanted.members.remove(SCHEDULE_STATE_MEMBER);
    let got = definition.state(Some(&code), &names_by_id);
    // A rename is part of what was promised: the submitted version carries the new name.
    if got.name != wanted.name {
        return Err(format!(
            "verification failed after submit: name is {:?} (expected {:?})",
            got.name, wanted.name
        )
        .into());
    }
    check_read_back(&wanted, &got)
}

/// The task as the submitted version `version_id` (or the latest one) holds it, with its code.
async fn submitted_version(
    context: &Context<'_>,
    task: &Task,
    task_id: &str,
    version_id: Option<&str>,
) -> Result<(LiveDefinition, String), Failure> {
    let client = context.client;
    let project_id = context.project.settings.project_id.clone();
    let (answered_version, definition) = if task.is_periodic() {
        let detail = client
            .send(&GetTaskVersionRequest {
                project_id: project_id.clone(),
                task_id: task_id.to_owned(),
                version_id: version_id.map(str::to_owned),
            })
            .await?
            .data
            .unwrap_or_default();
        (detail.version_id, detail.task.map(LiveDefinition::Periodic))
    } else {
        let detail = client
            .send(&GetTriggerTaskVersionRequest {
                project_id: project_id.clone(),
                task_id: task_id.to_owned(),
                version_id: version_id.map(str::to_owned),
            })
            .await?
            .data
            .unwrap_or_default();
        (detail.version_id, detail.task.map(LiveDefinition::Trigger))
    };
    if let (Some(wanted), Some(answered)) = (version_id, answered_version.as_deref()) {
        if wanted != answered {
            return Err(format!(
                "the submitted version is {wanted}, but WeData answered with version {answered}"
            )
            .into());
        }
    }
    let definition = definition.ok_or_else(|| {
        format!(
            "the submitted version {} of {task_id} holds no task",
            version_id.unwrap_or("(latest)")
        )
    })?;
    let code = match definition.common().trigger_task_configuration.code_content {
        Some(encoded) => decode_code(&encoded),
        // A version may leave the code out: right after the submit, the draft's code is the
        // submitted code.
        None => {
            live::get_task(client, &project_id, task_id, task.is_periodic())
                .await?
                .1
        }
    };
    Ok((definition, code))
}

/// TaskId → name of the tasks of the workflow `label` this run knows (as declared).
pub(super) fn known_names(context: &Context<'_>, label: &str) -> HashMap<String, String> {
    let prefix = format!("task.{label}.");
    context
        .ids
        .lock()
        .expect("ids lock")
        .iter()
        .filter_map(|(address, id)| {
            address
                .strip_prefix(&prefix)
                .map(|name| (id.clone(), name.to_owned()))
        })
        .collect()
}

/// Fails naming every declared member the state read back after submit does not have.
pub(super) fn check_read_back(wanted: &TaskState, got: &TaskState) -> Result<(), Failure> {
    let differences = diff_members(&wanted.members, &got.members);
    if differences.is_empty() {
        return Ok(());
    }
    let listed: Vec<String> = differences
        .iter()
        .map(|change| {
            format!(
                "{} is {} (expected {})",
                change.member, change.before, change.after
            )
        })
        .collect();
    Err(format!("verification failed after submit: {}", listed.join("; ")).into())
}

async fn delete_task(context: &Context<'_>, node: &ResourceChange) -> Result<Done, Failure> {
    let id = node
        .id
        .clone()
        .ok_or_else(|| format!("{} has no id to delete", node.address))?;
    let project_id = context.project.settings.project_id.clone();
    // As the plan says; DeleteMode is left out: for trigger tasks the definition says it has
    // no effect yet, and for periodic tasks its default (downstream instances are failed) is
    // what a deletion means.
    let operate_inform = context.notify_owners.then_some(true);
    if node.kind.is_periodic() {
        send_idempotent(
            context.client,
            &DeleteTaskRequest {
                project_id,
                task_id: id.clone(),
                operate_inform,
                delete_mode: None,
            },
        )
        .await?;
    } else {
        send_idempotent(
            context.client,
            &DeleteTriggerTaskRequest {
                project_id,
                task_id: id.clone(),
                operate_inform,
                delete_mode: None,
            },
        )
        .await?;
    }
    Ok(Done {
        id: Some(id),
        version: None,
    })
}
