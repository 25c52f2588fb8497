//! Process exit codes, documented in the README. They are part of the interface CI scripts use.

/// How a command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Everything asked was done (and, with `--detailed-exitcode`, nothing is pending).
    Success,
    /// Invalid input, an API error, a failed or skipped task, or a usage error.
    Failure,
    /// Only with `plan --detailed-exitcode`: the plan succeeded and has changes.
    ChangesPending,
    /// Ctrl-C while waiting for a run (`run --wait`, `backfill --wait`, `apply --run`): the
    /// run was killed, or left running, as the command said.
    Interrupted,
}

impl From<ExitStatus> for std::process::ExitCode {
    fn from(status: ExitStatus) -> Self {
        match status {
            ExitStatus::Success => Self::from(0),
            ExitStatus::Failure => Self::from(1),
            ExitStatus::ChangesPending => Self::from(2),
            ExitStatus::Interrupted => Self::from(130),
        }
    }
}
