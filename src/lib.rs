//! wedata-gitops: a Git repository as the source of truth for Tencent Cloud WeData tasks.
//!
//! The data flow runs one way (see `docs/architecture.md`):
//! `manifest` loads the desired state, `api` fetches the live state, `model` normalizes both,
//! `reconcile` diffs them into a `Plan`, `render` shows it, and `apply` executes it. `dag` is
//! the dependency graph as a picture (of a plan, the manifests or WeData) for `render` to draw.
//! `emulator` is a local WeData that speaks the same protocol, for tests and offline use.

pub mod api;
pub mod apply;
pub mod cli;
pub mod codes;
pub mod dag;
pub mod doctor;
pub mod emulator;
pub mod history;
pub mod impact;
pub mod import;
pub mod init;
pub mod live;
pub mod local_folder;
pub mod lock;
pub mod manifest;
pub mod model;
pub mod ops;
pub mod planner;
pub mod policy;
pub mod reconcile;
pub mod render;
