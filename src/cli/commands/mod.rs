//! One file per command: its clap `Args` and its `run`.

pub mod api;
pub mod apply;
pub mod completions;
pub mod emulator;
pub mod graph;
pub mod import;
pub mod man;
pub mod plan;
pub mod validate;
