//! Following runs on the command line (`run --wait`, `backfill --wait`, `apply --run`): the
//! live view on stderr (a spinner per task run or instance on a terminal, one line per change
//! otherwise), the options every waiting command shares, Ctrl-C while waiting, and whether to
//! kill what was interrupted: asked on a terminal, done without asking with
//! `--kill-on-interrupt`, never done without a terminal (the command prints how instead).

use std::collections::HashMap;
use std::io::{BufRead, IsTerminal, Write};
use std::sync::Mutex;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use tokio::sync::watch;

use crate::ops::poll::{Limits, PollPolicy};
use crate::ops::run::{Change, Snapshot};
use crate::render;

/// How a command waits for a run.
#[derive(Debug, Clone, clap::Args)]
pub struct WaitArgs {
    /// Wait for the run to end, showing each task's state as it changes; the exit code then
    /// says how it ended.
    #[arg(long)]
    pub wait: bool,

    /// With --wait: stop waiting after this long (90s, 10m, 1h30m); the run goes on.
    #[arg(long, value_name = "DURATION", requires = "wait",
          value_parser = crate::cli::values::duration)]
    pub timeout: Option<Duration>,

    /// With --wait: the shortest time between two reads of the run (default: 5s shared by its
    /// tasks, at least 1s; it grows while nothing changes); at least 100ms.
    #[arg(long, value_name = "DURATION", requires = "wait",
          value_parser = crate::cli::values::short_duration)]
    pub poll_interval: Option<Duration>,
}

impl WaitArgs {
    /// What bounds the wait, interrupted by `interrupt`.
    pub fn limits(&self, interrupt: watch::Receiver<bool>) -> Limits {
        Limits {
            policy: PollPolicy::with_shortest(self.poll_interval),
            timeout: self.timeout,
            interrupt: Some(interrupt),
        }
    }
}

/// The live view of one or more runs, on stderr.
pub struct Progress {
    live: Option<Live>,
}

struct Live {
    bars: MultiProgress,
    by_item: Mutex<HashMap<String, ProgressBar>>,
}

impl Progress {
    /// A live view on a terminal, lines otherwise.
    pub fn on_stderr() -> Self {
        let live = std::io::stderr().is_terminal().then(|| Live {
            bars: MultiProgress::new(),
            by_item: Mutex::new(HashMap::new()),
        });
        Self { live }
    }

    /// Shows the changes of one read of the run `run` (named when several are followed).
    pub fn observe(&self, run: Option<&str>, _snapshot: &Snapshot, changes: &[Change]) {
        let Some(live) = &self.live else {
            for change in changes {
                eprintln!("{}", render::run::change_line(run, change));
            }
            return;
        };
        let mut by_item = live.by_item.lock().expect("progress lock");
        for change in changes {
            let key = format!("{}\u{0}{}", run.unwrap_or_default(), change.name);
            let bar = by_item.entry(key).or_insert_with(|| {
                let bar = live.bars.add(ProgressBar::new_spinner());
                bar.set_style(
                    ProgressStyle::with_template("{spinner} {prefix} {msg}")
                        .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                );
                let name = match run {
                    Some(run) => format!("{}: {}", printable(run), printable(&change.name)),
                    None => printable(&change.name),
                };
                bar.set_prefix(name);
                bar.enable_steady_tick(Duration::from_millis(120));
                bar
            });
            let words = render::run::state_words(change.phase, &change.state);
            if change.phase.is_finished() {
                bar.finish_with_message(words);
            } else {
                bar.set_message(words);
            }
        }
    }

    /// Removes the live view before the summary is printed.
    pub fn finish(&self) {
        if let Some(live) = &self.live {
            for bar in live.by_item.lock().expect("progress lock").values() {
                bar.finish_and_clear();
            }
            let _ = live.bars.clear();
        }
    }
}

fn printable(text: &str) -> String {
    crate::history::printable(text, 60)
}

/// A flag Ctrl-C sets. A second Ctrl-C ends the process at once (exit 130). The handler is
/// in place when this returns (a Ctrl-C right after the run started is not lost).
pub fn interrupt_on_ctrl_c() -> (watch::Sender<bool>, watch::Receiver<bool>) {
    let (sender, receiver) = watch::channel(false);
    let signal = sender.clone();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal as listen};
        if let Ok(mut interrupts) = listen(SignalKind::interrupt()) {
            tokio::spawn(async move {
                if interrupts.recv().await.is_some() {
                    let _ = signal.send(true);
                    if interrupts.recv().await.is_some() {
                        std::process::exit(130);
                    }
                }
            });
            return (sender, receiver);
        }
    }
    tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            let _ = signal.send(true);
            if tokio::signal::ctrl_c().await.is_ok() {
                std::process::exit(130);
            }
        }
    });
    (sender, receiver)
}

/// Whether to kill what an interrupt stopped waiting for (`what`: "the run ... of orders").
pub async fn should_kill(kill_on_interrupt: bool, what: &str) -> bool {
    if kill_on_interrupt {
        return true;
    }
    if !(std::io::stdin().is_terminal() && std::io::stderr().is_terminal()) {
        return false;
    }
    let question = format!("\nKill {what}? [y/N] ");
    tokio::task::spawn_blocking(move || {
        eprint!("{question}");
        let _ = std::io::stderr().flush();
        let mut answer = String::new();
        if std::io::stdin().lock().read_line(&mut answer).is_err() {
            return false;
        }
        matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes")
    })
    .await
    .unwrap_or(false)
}
