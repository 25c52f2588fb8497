//! Identity matching, diff, the dependency graph and the `Plan` type. Pure: no I/O, so it is
//! unit-tested with plain values.

pub mod graph;
pub mod inputs;
pub mod legacy;
pub mod plan;
pub mod review;
pub mod select;

pub use plan::{Action, Plan, ResourceChange, ResourceKind};
