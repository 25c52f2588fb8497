//! Identity matching, diff, the dependency graph and the `Plan` type. Pure: no I/O.
