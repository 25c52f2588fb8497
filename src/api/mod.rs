//! The WeData API client: request and response types (checked against the official
//! definition), TC3 signing, credentials, transport, rate limiting and retries.
//! It knows nothing of manifests.

pub mod signing;
