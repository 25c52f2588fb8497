//! Helpers shared by the integration tests: the real binary with a clean environment, and
//! an emulator started in-process on 127.0.0.1:0. Not every test file uses every helper.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use wedata_gitops::emulator::{self, EmulatorConfig, RunningEmulator};

pub const PROJECT_ID: &str = "1460947878944567296";

/// The binary with no ambient credentials or endpoint, colour off, and the emulator's test pair.
pub fn wedata_gitops() -> Command {
    let mut command = Command::cargo_bin("wedata-gitops").unwrap();
    for variable in [
        "TENCENTCLOUD_SECRET_ID",
        "TENCENTCLOUD_SECRET_KEY",
        "TENCENTCLOUD_SESSION_TOKEN",
        "TENCENTCLOUD_REGION",
        "WEDATA_ENDPOINT",
        "RUST_LOG",
    ] {
        command.env_remove(variable);
    }
    command
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env("TENCENTCLOUD_SECRET_ID", emulator::TEST_SECRET_ID)
        .env("TENCENTCLOUD_SECRET_KEY", emulator::TEST_SECRET_KEY)
        .env("TENCENTCLOUD_REGION", "ap-guangzhou");
    command
}

pub async fn start_emulator(config: EmulatorConfig) -> RunningEmulator {
    emulator::start(config).await.unwrap()
}

/// Runs the binary off the async runtime (the emulator runs on it).
pub async fn run(mut command: Command) -> Output {
    tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Lines of an emulator `--log` file as JSON values.
pub fn log_lines(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect()
}

/// The actions of the deployment lock's records (Data Exploration code files and folders).
pub const LOCK_ACTIONS: [&str; 6] = [
    "CreateCodeFolder",
    "CreateCodeFile",
    "UpdateCodeFile",
    "GetCodeFile",
    "DeleteCodeFile",
    "ListCodeFolderContents",
];

/// How many successful writes to workflows and tasks the log recorded (the deployment lock's
/// own records, which every apply writes and deletes, are not counted: see `lock_write_count`).
pub fn write_count(path: &Path) -> usize {
    log_lines(path)
        .iter()
        .filter(|line| line["write"] == true && line["result"] == "ok")
        .filter(|line| !LOCK_ACTIONS.contains(&line["action"].as_str().unwrap_or("")))
        .count()
}

/// How many successful writes of the deployment lock's records the log recorded.
pub fn lock_write_count(path: &Path) -> usize {
    log_lines(path)
        .iter()
        .filter(|line| line["write"] == true && line["result"] == "ok")
        .filter(|line| LOCK_ACTIONS.contains(&line["action"].as_str().unwrap_or("")))
        .count()
}

/// The names of the deployment lock's records the emulator holds now.
pub fn lock_records(emulator: &RunningEmulator) -> Vec<String> {
    emulator.with_store(|store| {
        store
            .projects
            .get(PROJECT_ID)
            .map(|project| {
                project
                    .code_files
                    .values()
                    .filter_map(|file| file["CodeFileName"].as_str())
                    .filter(|name| name.ends_with(".lock"))
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// What a raw signed request may vary, to exercise the emulator's protocol checks.
pub struct RawRequest<'a> {
    pub action: &'a str,
    pub body: String,
    pub version: &'a str,
    pub secret_id: &'a str,
    pub secret_key: &'a str,
    /// Seconds added to the current time for X-TC-Timestamp.
    pub clock_skew: i64,
}

impl<'a> RawRequest<'a> {
    pub fn new(action: &'a str, body: &serde_json::Value) -> Self {
        Self {
            action,
            body: body.to_string(),
            version: "2025-08-06",
            secret_id: emulator::TEST_SECRET_ID,
            secret_key: emulator::TEST_SECRET_KEY,
            clock_skew: 0,
        }
    }

    /// Signs and sends with reqwest directly (not through our client), returning the whole
    /// JSON answer.
    pub async fn send(&self, endpoint: &str) -> serde_json::Value {
        use wedata_gitops::api::signing;
        let host = endpoint.trim_start_matches("http://");
        let timestamp = jiff::Timestamp::now().as_second() + self.clock_skew;
        let signature = signing::sign(&signing::SigningInput {
            secret_id: self.secret_id,
            secret_key: self.secret_key,
            host,
            service: "wedata",
            content_type: "application/json",
            timestamp,
            body: self.body.as_bytes(),
        });
        reqwest::Client::new()
            .post(endpoint)
            .header("content-type", "application/json")
            .header("authorization", signature.authorization)
            .header("x-tc-action", self.action)
            .header("x-tc-version", self.version)
            .header("x-tc-region", "ap-guangzhou")
            .header("x-tc-timestamp", timestamp.to_string())
            .body(self.body.clone())
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }
}

/// Sends a well-formed request and returns `Response`, failing the test on an API error.
pub async fn call(endpoint: &str, action: &str, body: serde_json::Value) -> serde_json::Value {
    let answer = RawRequest::new(action, &body).send(endpoint).await;
    let response = answer["Response"].clone();
    assert!(
        response.get("Error").is_none(),
        "{action} {body}: {response}"
    );
    response
}

/// The error code of an answer, or "" when it succeeded.
pub fn error_code(answer: &serde_json::Value) -> String {
    answer["Response"]["Error"]["Code"]
        .as_str()
        .unwrap_or("")
        .to_owned()
}

/// Copies `examples/tasks` (without hidden folders such as `.wedata`) to `to`.
pub fn copy_examples(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/tasks");
    for entry in walkdir::WalkDir::new(&from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let relative = entry.path().strip_prefix(&from).unwrap();
        if relative
            .components()
            .any(|part| part.as_os_str().to_string_lossy().starts_with('.'))
        {
            continue;
        }
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The examples applied to an in-process emulator that logs every call to `log`.
pub struct AppliedExamples {
    pub emulator: RunningEmulator,
    pub project: PathBuf,
    pub log: PathBuf,
    _directory: tempfile::TempDir,
}

impl AppliedExamples {
    /// Copies `examples/tasks`, applies it, and fails the test if that apply fails.
    pub async fn new() -> Self {
        let directory = tempfile::tempdir().unwrap();
        let project = directory.path().join("tasks");
        let log = directory.path().join("calls.jsonl");
        copy_examples(&project);
        let emulator = start_emulator(EmulatorConfig {
            log_file: Some(log.clone()),
            ..EmulatorConfig::default()
        })
        .await;
        let setup = Self {
            emulator,
            project,
            log,
            _directory: directory,
        };
        let applied = run(setup.command(&["apply", "--auto-approve"])).await;
        assert!(applied.status.success(), "{}", stderr(&applied));
        setup
    }

    /// The binary with `arguments`, then the project and this emulator's endpoint.
    pub fn command(&self, arguments: &[&str]) -> Command {
        let mut command = wedata_gitops();
        command
            .args(arguments)
            .arg(&self.project)
            .args(["--endpoint", &self.emulator.endpoint()]);
        command
    }
}

/// The TaskId of the emulator's task with this name.
pub fn task_id_named(emulator: &RunningEmulator, name: &str) -> String {
    emulator.with_store(|store| {
        store.projects[PROJECT_ID]
            .trigger_tasks
            .iter()
            .find(|(_, stored)| stored.task["TriggerTaskBaseAttribute"]["TaskName"] == name)
            .map(|(id, _)| id.clone())
            .unwrap_or_else(|| panic!("no task named {name}"))
    })
}
