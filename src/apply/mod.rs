//! The executor: walks a `reconcile::Plan` in dependency waves and makes WeData match it.
//! It decides nothing the plan did not already decide.

pub mod schedule;
