//! Helpers shared by the integration tests: the real binary with a clean environment, and
//! an emulator started in-process on 127.0.0.1:0. Not every test file uses every helper.
#![allow(dead_code)]


use std::path::Path;
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

/// How many write calls the log recorded (every write reaching the handler, failed or not).
pub fn write_count(path: &Path) -> usize {
    log_lines(path)
        .iter()
        .filter(|line| line["write"] == true && line["result"] == "ok")
        .count()
}
