//! Identity matching, diff, the dependency graph and the `Plan` type. Pure: no I/O, so it is
//! unit-tested with plain values.

pub mod folders;
pub mod graph;
pub mod inputs;
pub mod legacy;
pub mod plan;
pub mod renames;
pub mod review;
pub mod select;

pub use plan::{Action, Plan, ResourceChange, ResourceKind};
