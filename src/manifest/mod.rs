//! Finding, parsing and validating YAML manifests and the code files they reference.
