//! `doctor`: finds out what would make `plan` or `apply` fail here, before they do, and says
//! how to fix it. One check per question, in the order a failure would hit: the project file,
//! where the credentials come from (never their values), the region, the endpoint (TCP and
//! TLS), the clock against the server's `Date`, authentication, the project, permission on the
//! managed workflows (GetMyWorkflowMaxPermission), the rate-limit setting and the plan cache.
//!
//! Read-only: one unsigned probe and a few signed List/Get calls; nothing is written to WeData
//! or to the project. A check that cannot run because an earlier one failed is skipped, never
//! guessed. The judgments themselves live in `verdicts` (pure); rendering is the CLI's.

pub mod probe;
pub mod verdicts;

use std::path::{Path, PathBuf};
use std::time::Duration;

use futures::StreamExt;

use crate::api::credentials::{Credentials, CredentialsError};
use crate::api::retry::RetryPolicy;
use crate::api::types::GetMyWorkflowMaxPermissionRequest;
use crate::api::{ApiError, Client, ClientConfig, DEFAULT_ENDPOINT, DEFAULT_VERSION};
use crate::live::ListedWorkflow;
use crate::live::cache::DefinitionCache;
use crate::manifest::types::{ProjectFile, Reference};
use crate::manifest::{self, LoadOptions, Project};
use probe::ProbeFailure;

/// How a check ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pass,
    /// Works now, but worth fixing; does not fail the run.
    Warn,
    Fail,
    /// Could not run because an earlier check failed.
    Skip,
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    pub status: Status,
    pub name: &'static str,
    pub detail: String,
    /// What to do, for a warning or a failure.
    pub fix: Option<String>,
}

impl Check {
    pub fn new(status: Status, name: &'static str, detail: impl Into<String>) -> Self {
        Self {
            status,
            name,
            detail: detail.into(),
            fix: None,
        }
    }

    pub fn pass(name: &'static str, detail: impl Into<String>) -> Self {
        Self::new(Status::Pass, name, detail)
    }

    pub fn fail(name: &'static str, detail: impl Into<String>) -> Self {
        Self::new(Status::Fail, name, detail)
    }

    fn skip(name: &'static str, because: &str) -> Self {
        Self::new(Status::Skip, name, format!("skipped: {because}"))
    }

    pub fn with_fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }
}

/// Every check, in order.
#[derive(Debug, Clone)]
pub struct Report {
    pub checks: Vec<Check>,
}

impl Report {
    /// Whether no check failed (warnings and skips after passes do not fail the run; a skip
    /// only follows a failure).
    pub fn passed(&self) -> bool {
        !self
            .checks
            .iter()
            .any(|check| matches!(check.status, Status::Fail))
    }
}

/// Where the credentials came from, as the user would name it (never the values).
#[derive(Debug, Clone)]
pub enum CredentialSource {
    Environment,
    Profile(String),
    /// `--emulate`: the embedded emulator's fixed test pair.
    EmulatorTestPair,
}

impl CredentialSource {
    fn describe(&self) -> String {
        match self {
            Self::Environment => {
                "from TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY (environment)".to_owned()
            }
            Self::Profile(name) => {
                format!("from the tccli profile `{name}` (~/.tccli/{name}.credential)")
            }
            Self::EmulatorTestPair => "the embedded emulator's test pair (--emulate)".to_owned(),
        }
    }
}

/// What the command line and the environment contribute; the project file is read here.
#[derive(Debug)]
pub struct Inputs {
    pub root: PathBuf,
    pub target: Option<String>,
    /// `--endpoint` or WEDATA_ENDPOINT (or the embedded emulator's).
    pub endpoint: Option<String>,
    /// `--region` or TENCENTCLOUD_REGION.
    pub region: Option<String>,
    pub credential_source: CredentialSource,
    /// The resolved credentials, and the region a profile carries.
    pub credentials: Result<(Credentials, Option<String>), CredentialsError>,
    pub rate_limit: u32,
    pub timeout: Duration,
    /// What the plan cache is keyed by when it is not the endpoint (`emulator` for the
    /// embedded one).
    pub cache_identity: Option<String>,
}

/// The project settings the checks need, from a valid project or, failing that, from
/// wedata.yaml alone.
struct ProjectSettings {
    project_id: String,
    region: Option<String>,
    endpoint: Option<String>,
    legacy: bool,
    /// Where the region and project came from: "wedata.yaml" or "target prod of wedata.yaml".
    origin: String,
}

/// Runs every check.
pub async fn diagnose(inputs: Inputs) -> Report {
    let mut checks = Vec::new();
    let (project, settings, project_check) = read_project(&inputs.root, inputs.target.as_deref());
    checks.push(project_check);

    let credentials = match &inputs.credentials {
        Ok((credentials, _)) => {
            let token = if credentials.token.is_some() {
                ", with a session token"
            } else {
                ""
            };
            checks.push(Check::pass(
                "credentials",
                format!("{}{token}", inputs.credential_source.describe()),
            ));
            Some(credentials.clone())
        }
        Err(error) => {
            let fix = miette::Diagnostic::help(error)
                .map(|help| help.to_string())
                .unwrap_or_else(|| "set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY".into());
            checks.push(Check::fail("credentials", error.to_string()).with_fix(fix));
            None
        }
    };

    let profile_region = inputs
        .credentials
        .as_ref()
        .ok()
        .and_then(|(_, region)| region.clone());
    let region = region_check(&inputs, profile_region, settings.as_ref());
    checks.push(region.0);
    let region = region.1;

    let endpoint = inputs
        .endpoint
        .clone()
        .or_else(|| {
            settings
                .as_ref()
                .and_then(|settings| settings.endpoint.clone())
        })
        .unwrap_or_else(|| DEFAULT_ENDPOINT.to_owned());
    let probed = probe::probe(&endpoint, inputs.timeout).await;
    checks.push(endpoint_check(&endpoint, &probed));
    checks.push(match &probed {
        Ok(probe) => match probe.offset_seconds {
            Some(offset) => verdicts::clock(offset),
            None => Check::new(
                Status::Warn,
                "clock",
                "the endpoint's answer has no Date header, so the clock cannot be compared",
            )
            .with_fix("make sure this machine's clock is synchronised (NTP): WeData refuses requests more than 5 minutes off"),
        },
        Err(_) => Check::skip("clock", "the endpoint did not answer"),
    });

    let reachable = probed.is_ok();
    let client = match (&credentials, &region, &settings, reachable) {
        (Some(credentials), Some(region), Some(_), true) => {
            let mut config =
                ClientConfig::new(endpoint.clone(), region.clone(), credentials.clone());
            config.version = DEFAULT_VERSION.to_owned();
            config.requests_per_second = inputs.rate_limit.clamp(1, verdicts::API_RATE_LIMIT);
            config.timeout = inputs.timeout;
            // A diagnosis should answer quickly: one retry for a busy server, not six.
            config.retry = RetryPolicy {
                max_attempts: 2,
                ..RetryPolicy::default()
            };
            Client::new(config).ok()
        }
        _ => None,
    };
    let listed = match (&client, &settings) {
        (Some(client), Some(settings)) => {
            let (authentication, project_check, listed) =
                project_checks(client, settings, region.as_deref().unwrap_or_default()).await;
            checks.push(authentication);
            checks.push(project_check);
            listed
        }
        _ => {
            let because = "credentials, region, project file or endpoint failed above";
            checks.push(Check::skip("authentication", because));
            checks.push(Check::skip("project", because));
            None
        }
    };
    checks.push(match (&client, &project, &listed, &settings) {
        (_, _, _, Some(settings)) if settings.legacy => Check::pass(
            "permissions",
            "not checked: the legacy 2021-08-20 API has no workflow permissions to ask about",
        ),
        (Some(client), Some(project), Some(listed), Some(settings)) => {
            permission_check(client, project, listed, &settings.project_id).await
        }
        (_, None, _, _) => Check::skip("permissions", "the manifests did not load"),
        _ => Check::skip("permissions", "the project could not be read"),
    });
    checks.push(verdicts::rate_limit(inputs.rate_limit));
    checks.push(match &settings {
        Some(settings) => cache_check(
            &inputs.root,
            inputs.cache_identity.as_deref().unwrap_or(&endpoint),
            &settings.project_id,
        ),
        None => Check::skip("cache", "no project id to find the cache by"),
    });
    Report { checks }
}

/// Loads the project; when the manifests are invalid, still reads what wedata.yaml says so
/// the connection checks can run.
fn read_project(
    root: &Path,
    target: Option<&str>,
) -> (Option<Project>, Option<ProjectSettings>, Check) {
    let origin = match target {
        Some(target) => format!("target {target} of wedata.yaml"),
        None => "wedata.yaml".to_owned(),
    };
    let options = LoadOptions {
        target: target.map(str::to_owned),
    };
    match manifest::load(root, &options) {
        Ok(project) => {
            let settings = ProjectSettings {
                project_id: project.settings.project_id.clone(),
                region: project.settings.region.clone(),
                endpoint: project.settings.endpoint.clone(),
                legacy: project.settings.is_legacy(),
                origin,
            };
            let check = if settings.project_id == crate::init::PLACEHOLDER_PROJECT_ID {
                Check::fail(
                    "project file",
                    "project_id is still the placeholder `wedata-gitops init` wrote",
                )
                .with_fix("put your project's id (the WeData console's project list shows it) in wedata.yaml, top level and under each target")
            } else {
                Check::pass(
                    "project file",
                    format!(
                        "{}: project {}; {}",
                        settings.origin,
                        settings.project_id,
                        project.summary().trim_end_matches(": ok")
                    ),
                )
            };
            (Some(project), Some(settings), check)
        }
        Err(diagnostics) => {
            let count = diagnostics.errors.len();
            let check = Check::fail(
                "project file",
                format!(
                    "{count} problem{} in wedata.yaml or the manifests under {}",
                    if count == 1 { "" } else { "s" },
                    root.display()
                ),
            )
            .with_fix(format!(
                "run `wedata-gitops validate {}` to see each one with its line",
                root.display()
            ));
            (None, project_file_settings(root, target, origin), check)
        }
    }
}

/// wedata.yaml on its own, with the target's overrides: enough to test the connection while
/// the manifests are being fixed.
fn project_file_settings(
    root: &Path,
    target: Option<&str>,
    origin: String,
) -> Option<ProjectSettings> {
    let text = std::fs::read_to_string(root.join("wedata.yaml")).ok()?;
    let file: ProjectFile = manifest::load_project_file_text(&text).ok()?;
    let overrides = target.and_then(|target| file.targets.get(target));
    let project_id = overrides
        .and_then(|target| target.project_id.clone())
        .unwrap_or(file.project_id.clone());
    if project_id.is_empty()
        || !project_id
            .chars()
            .all(|character| character.is_ascii_digit())
    {
        return None;
    }
    Some(ProjectSettings {
        project_id,
        region: overrides
            .and_then(|target| target.region.clone())
            .or(file.region.clone()),
        endpoint: overrides
            .and_then(|target| target.endpoint.clone())
            .or(file.endpoint.clone()),
        legacy: file.api_version.as_deref() == Some(manifest::LEGACY_API_VERSION),
        origin,
    })
}

/// The region in the order `cli::connection` resolves it: flag or environment, the profile,
/// the project file (its target first).
fn region_check(
    inputs: &Inputs,
    profile_region: Option<String>,
    settings: Option<&ProjectSettings>,
) -> (Check, Option<String>) {
    let chosen = inputs
        .region
        .clone()
        .map(|region| (region, "--region or TENCENTCLOUD_REGION".to_owned()))
        .or_else(|| {
            let CredentialSource::Profile(name) = &inputs.credential_source else {
                return None;
            };
            profile_region.map(|region| (region, format!("the tccli profile `{name}`")))
        })
        .or_else(|| {
            settings.and_then(|settings| {
                settings
                    .region
                    .clone()
                    .map(|region| (region, settings.origin.clone()))
            })
        });
    let Some((region, origin)) = chosen else {
        return (
            Check::fail("region", "no region is set")
                .with_fix("set `region:` in wedata.yaml, TENCENTCLOUD_REGION, or --region (e.g. ap-guangzhou)"),
            None,
        );
    };
    let well_formed = region.split('-').count() >= 2
        && region.chars().all(|character| {
            character.is_ascii_lowercase() || character.is_ascii_digit() || character == '-'
        });
    let check = if well_formed {
        Check::pass("region", format!("{region} (from {origin})"))
    } else {
        Check::new(
            Status::Warn,
            "region",
            format!("`{region}` (from {origin}) does not look like a region"),
        )
        .with_fix("regions look like ap-guangzhou or ap-shanghai")
    };
    (check, Some(region))
}

fn endpoint_check(endpoint: &str, probed: &Result<probe::Probe, ProbeFailure>) -> Check {
    match probed {
        Ok(probe) => {
            let transport = if probe.https {
                "TLS handshake ok".to_owned()
            } else {
                "plain HTTP (for the emulator and tests only)".to_owned()
            };
            let speaks = if probe.speaks_the_api {
                ""
            } else {
                "; the answer is not a Tencent Cloud API response"
            };
            let check = Check::pass(
                "endpoint",
                format!(
                    "{endpoint}: {transport}, answered HTTP {} in {} ms{speaks}",
                    probe.status,
                    probe.elapsed.as_millis()
                ),
            );
            if probe.speaks_the_api {
                check
            } else {
                Check {
                    status: Status::Warn,
                    ..check
                }
                .with_fix("check --endpoint, WEDATA_ENDPOINT or `endpoint:` in wedata.yaml (default https://wedata.tencentcloudapi.com)")
            }
        }
        Err(ProbeFailure::InvalidEndpoint(reason)) => Check::fail("endpoint", format!("not a usable URL: {reason}"))
            .with_fix("use an http(s) URL such as https://wedata.tencentcloudapi.com"),
        Err(ProbeFailure::Unreachable(reason)) => Check::fail(
            "endpoint",
            format!("{endpoint}: cannot connect: {reason}"),
        )
        .with_fix("check the host name, the network, and HTTPS_PROXY if this machine needs a proxy"),
        Err(ProbeFailure::Tls(reason)) => Check::fail(
            "endpoint",
            format!("{endpoint}: the TCP connection works but the TLS handshake failed: {reason}"),
        )
        .with_fix("an endpoint that is not HTTPS (use http:// for the emulator), or a proxy that intercepts TLS: wedata-gitops trusts the Mozilla root certificates only"),
        Err(ProbeFailure::NoAnswer(reason)) => Check::fail(
            "endpoint",
            format!("{endpoint}: connected, but {reason}"),
        )
        .with_fix("retry later or raise --timeout; a proxy may be holding the request"),
    }
}

/// One signed call (ListTriggerWorkflows, then ListWorkflows): the first answer tells whether
/// the credentials are accepted and the project is there.
async fn project_checks(
    client: &Client,
    settings: &ProjectSettings,
    region: &str,
) -> (Check, Check, Option<Vec<(ListedWorkflow, bool)>>) {
    let project_id = &settings.project_id;
    let listed = async {
        let trigger = crate::live::list_workflows(client, project_id, false).await?;
        let periodic = crate::live::list_workflows(client, project_id, true).await?;
        Ok::<_, ApiError>((trigger, periodic))
    }
    .await;
    match listed {
        Ok((trigger, periodic)) => {
            let authentication = Check::pass("authentication", "signed requests are accepted");
            let project = Check::pass(
                "project",
                format!(
                    "project {project_id} in {region}: {} trigger and {} periodic workflows",
                    trigger.len(),
                    periodic.len()
                ),
            );
            let all = trigger
                .into_iter()
                .map(|workflow| (workflow, false))
                .chain(periodic.into_iter().map(|workflow| (workflow, true)))
                .collect();
            (authentication, project, Some(all))
        }
        Err(ApiError::Api { code, message, .. }) => {
            match verdicts::authentication_failure(&code, &message) {
                Some(failure) => (
                    failure,
                    Check::skip("project", "the credentials were refused"),
                    None,
                ),
                None => (
                    Check::pass("authentication", "signed requests are accepted"),
                    verdicts::project_failure(project_id, region, &code, &message),
                    None,
                ),
            }
        }
        Err(other) => (
            Check::fail(
                "authentication",
                format!("no answer to a signed request: {other}"),
            )
            .with_fix("see the endpoint check above; retry with -v for each call"),
            Check::skip("project", "no answer to the signed request"),
            None,
        ),
    }
}

/// GetMyWorkflowMaxPermission on each managed workflow that exists: apply needs to edit it.
async fn permission_check(
    client: &Client,
    project: &Project,
    listed: &[(ListedWorkflow, bool)],
    project_id: &str,
) -> Check {
    let mut managed: Vec<(String, Option<String>)> = project
        .workflows
        .iter()
        .map(|workflow| {
            let live_id = match workflow.id() {
                Some(id) => listed.iter().find(|(live, _)| &live.id == id),
                None => listed.iter().find(|(live, _)| live.name == workflow.name),
            };
            (
                workflow.name.clone(),
                live_id.map(|(live, _)| live.id.clone()),
            )
        })
        .collect();
    for task in &project.tasks {
        if let Reference::Id { id } = &task.workflow().value {
            if !managed.iter().any(|(_, known)| known.as_ref() == Some(id)) {
                let name = listed
                    .iter()
                    .find(|(live, _)| &live.id == id)
                    .map(|(live, _)| live.name.clone())
                    .unwrap_or_else(|| id.clone());
                managed.push((name, Some(id.clone())));
            }
        }
    }
    if managed.is_empty() {
        return Check::pass("permissions", "no workflows declared yet");
    }
    let to_create: Vec<&str> = managed
        .iter()
        .filter(|(_, id)| id.is_none())
        .map(|(name, _)| name.as_str())
        .collect();
    let answers: Vec<(String, Result<Option<String>, ApiError>)> =
        futures::stream::iter(managed.iter().filter_map(|(name, id)| {
            let id = id.clone()?;
            Some(async move {
                let answer = client
                    .send(&GetMyWorkflowMaxPermissionRequest {
                        project_id: project_id.to_owned(),
                        entity_id: id,
                        entity_type: "workflow".to_owned(),
                    })
                    .await
                    .map(|response| response.data.and_then(|data| data.permission_type));
                (name.clone(), answer)
            })
        }))
        .buffer_unordered(8)
        .collect()
        .await;
    let mut writable = Vec::new();
    let mut read_only = Vec::new();
    let mut unknown = Vec::new();
    for (name, answer) in answers {
        match answer {
            Ok(permission) if verdicts::can_write(permission.as_deref()) => writable.push(name),
            Ok(permission) => read_only.push(format!(
                "{name} ({})",
                permission.as_deref().unwrap_or("no permission")
            )),
            Err(error) => unknown.push(format!("{name} ({})", error.code().unwrap_or("no answer"))),
        }
    }
    writable.sort();
    read_only.sort();
    unknown.sort();
    let mut parts = Vec::new();
    if !writable.is_empty() {
        parts.push(format!("may edit {}", writable.join(", ")));
    }
    if !to_create.is_empty() {
        parts.push(format!(
            "{} not created yet (apply creates)",
            to_create.join(", ")
        ));
    }
    if !read_only.is_empty() {
        return Check::fail(
            "permissions",
            format!(
                "apply needs CAN_EDIT or CAN_MANAGE, and has only {}",
                read_only.join(", ")
            ),
        )
        .with_fix(
            "ask a project administrator for edit permission on these workflows (or their folder)",
        );
    }
    if !unknown.is_empty() {
        parts.push(format!("could not ask about {}", unknown.join(", ")));
        return Check::new(Status::Warn, "permissions", parts.join("; ")).with_fix(
            "allow wedata:GetMyWorkflowMaxPermission in the key's CAM policy so it can be checked here",
        );
    }
    Check::pass("permissions", parts.join("; "))
}

/// The plan cache of this endpoint and project: there or not, how full, how old. Inspected,
/// never used or changed.
fn cache_check(root: &Path, identity: &str, project_id: &str) -> Check {
    let path = DefinitionCache::path_for(root, identity, project_id);
    let shown = path
        .strip_prefix(root)
        .unwrap_or(&path)
        .display()
        .to_string();
    let ignored_hint = git_ignore_warning(root);
    let check = if !path.exists() {
        Check::pass(
            "cache",
            format!("{shown}: empty; the next plan reads every definition and fills it"),
        )
    } else {
        let (cache, warning) = DefinitionCache::load(path.clone());
        if warning.is_some() {
            return Check::new(
                Status::Warn,
                "cache",
                format!("{shown} is unreadable; the next plan discards it and reads everything"),
            )
            .with_fix(format!("nothing to do, or delete {shown}"));
        }
        let (tasks, workflows) = cache.entry_counts();
        let age = std::fs::metadata(&path)
            .and_then(|metadata| metadata.modified())
            .ok()
            .and_then(|modified| modified.elapsed().ok())
            .map(|elapsed| format!(", written {} ago", spoken_age(elapsed)))
            .unwrap_or_default();
        Check::pass(
            "cache",
            format!(
                "{shown}: {} and {}{age}; a plan reads only what changed since",
                plural(tasks, "task definition"),
                plural(workflows, "workflow detail")
            ),
        )
    };
    match ignored_hint {
        Some(fix) => Check {
            status: Status::Warn,
            ..check
        }
        .with_fix(fix),
        None => check,
    }
}

/// In a Git repository root, `.wedata/` (cache, emulator state) must not be committed.
fn git_ignore_warning(root: &Path) -> Option<String> {
    if !root.join(".git").exists() {
        return None;
    }
    let ignores = |path: PathBuf| {
        std::fs::read_to_string(path).is_ok_and(|text| {
            text.lines().map(str::trim).any(|line| {
                matches!(
                    line,
                    ".wedata" | ".wedata/" | "/.wedata" | "/.wedata/" | "*"
                )
            })
        })
    };
    if ignores(root.join(".gitignore")) || ignores(root.join(".wedata").join(".gitignore")) {
        return None;
    }
    Some("add `.wedata/` to .gitignore: it holds the cache and the emulator's state, never to be committed".to_owned())
}

fn plural(count: usize, noun: &str) -> String {
    format!("{count} {noun}{}", if count == 1 { "" } else { "s" })
}

fn spoken_age(elapsed: Duration) -> String {
    let seconds = elapsed.as_secs();
    match seconds {
        0..=119 => format!("{seconds} s"),
        120..=7199 => format!("{} min", seconds / 60),
        7200..=172_799 => format!("{} h", seconds / 3600),
        _ => format!("{} days", seconds / 86_400),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_skipped_check_does_not_fail_but_a_failed_one_does() {
        let report = Report {
            checks: vec![
                Check::pass("a", "ok"),
                Check::new(Status::Warn, "b", "hm"),
                Check::skip("c", "x"),
            ],
        };
        assert!(report.passed());
        let failed = Report {
            checks: vec![Check::fail("a", "no")],
        };
        assert!(!failed.passed());
    }

    #[test]
    fn wedata_folder_must_be_ignored_in_a_git_root() {
        let directory = tempfile::tempdir().unwrap();
        assert!(
            git_ignore_warning(directory.path()).is_none(),
            "not a repository"
        );
        std::fs::create_dir(directory.path().join(".git")).unwrap();
        assert!(git_ignore_warning(directory.path()).is_some());
        std::fs::write(directory.path().join(".gitignore"), "target/\n.wedata/\n").unwrap();
        assert!(git_ignore_warning(directory.path()).is_none());
    }

    #[test]
    fn the_cache_check_reports_missing_full_and_corrupt_caches() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path();
        let empty = cache_check(root, "http://127.0.0.1:1", "1");
        assert_eq!(empty.status, Status::Pass);
        assert!(empty.detail.contains("empty"), "{}", empty.detail);

        let path = DefinitionCache::path_for(root, "http://127.0.0.1:1", "1");
        let (mut cache, _) = DefinitionCache::load(path.clone());
        cache.put(
            "7",
            &crate::live::cache::Listed {
                workflow_id: "w".into(),
                last_update_time: "2026-12-03 10:00:00".into(),
                latest_version: "V1".into(),
            },
            &crate::live::LiveDefinition::Trigger(Default::default()),
            "echo 1",
        );
        cache.save();
        let full = cache_check(root, "http://127.0.0.1:1", "1");
        assert!(
            full.detail
                .contains("1 task definition and 0 workflow details"),
            "{}",
            full.detail
        );

        std::fs::write(&path, "{tampered").unwrap();
        let corrupt = cache_check(root, "http://127.0.0.1:1", "1");
        assert_eq!(corrupt.status, Status::Warn);
        assert!(corrupt.detail.contains("unreadable"), "{}", corrupt.detail);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "{tampered",
            "doctor inspects the cache, never rewrites it"
        );
    }

    #[test]
    fn the_region_follows_the_connection_precedence() {
        let inputs = |region: Option<&str>, source| Inputs {
            root: PathBuf::from("."),
            target: None,
            endpoint: None,
            region: region.map(str::to_owned),
            credential_source: source,
            credentials: Err(CredentialsError::Missing),
            rate_limit: 20,
            timeout: Duration::from_secs(1),
            cache_identity: None,
        };
        let settings = ProjectSettings {
            project_id: "1".into(),
            region: Some("ap-shanghai".into()),
            endpoint: None,
            legacy: false,
            origin: "wedata.yaml".into(),
        };
        let (check, region) = region_check(
            &inputs(Some("ap-beijing"), CredentialSource::Environment),
            None,
            Some(&settings),
        );
        assert_eq!(region.as_deref(), Some("ap-beijing"));
        assert!(check.detail.contains("--region or TENCENTCLOUD_REGION"));
        let (check, region) = region_check(
            &inputs(None, CredentialSource::Profile("ci".into())),
            Some("ap-chengdu".into()),
            Some(&settings),
        );
        assert_eq!(region.as_deref(), Some("ap-chengdu"));
        assert!(check.detail.contains("profile `ci`"));
        let (check, region) = region_check(
            &inputs(None, CredentialSource::Environment),
            None,
            Some(&settings),
        );
        assert_eq!(region.as_deref(), Some("ap-shanghai"));
        assert!(check.detail.contains("wedata.yaml"));
        let (check, region) =
            region_check(&inputs(None, CredentialSource::Environment), None, None);
        assert!(region.is_none());
        assert_eq!(check.status, Status::Fail);
    }
}
