//! One file per command: its clap `Args` and its `run`.

pub mod api;
pub mod apply;
pub mod backfill;
pub mod completions;
pub mod diff;
pub mod doctor;
pub mod emulator;
pub mod force_unlock;
pub mod graph;
pub mod history;
pub mod import;
pub mod init;
pub mod man;
pub mod plan;
pub mod pull;
pub mod rollback;
pub mod run;
pub mod validate;
