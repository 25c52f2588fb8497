//! The executor: walks a `reconcile::Plan` in dependency waves and makes WeData match it.
//! It decides nothing the plan did not already decide.

mod execute;
mod folders;
mod legacy;
pub mod requests;
pub mod schedule;

pub use execute::{ApplyOptions, Outcome, Progress, Report, ResourceResult, execute};
