//! The offline rules as `validate` reports them: each violation a manifest diagnostic
//! (`manifest::policy`) at its file, line and column with a snippet (secrets masked as for
//! every other diagnostic), errors failing the run and warnings shown beside it. Reads the
//! manifests it points into, and nothing else.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::locate::Locator;
use crate::codes::ManifestCode;
use crate::manifest::{Diagnostics, ManifestError, Project};
use crate::reconcile::review::Severity;

/// The policy violations of `project`'s manifests, as diagnostics.
pub fn manifest_diagnostics(project: &Project) -> Diagnostics {
    let root = project.root.clone();
    let mut texts: HashMap<String, Option<Arc<String>>> = HashMap::new();
    let mut read = |file: &Path| -> Option<Arc<String>> {
        texts
            .entry(file.to_string_lossy().into_owned())
            .or_insert_with(|| std::fs::read_to_string(root.join(file)).ok().map(Arc::new))
            .clone()
    };
    let violations = {
        let root = project.root.clone();
        let mut locator =
            Locator::new(move |file: &Path| std::fs::read_to_string(root.join(file)).ok());
        super::check_manifests(project, &mut locator)
    };
    let mut diagnostics = Diagnostics {
        secret_values: project
            .settings
            .variables
            .iter()
            .filter(|(name, _)| crate::model::is_sensitive_key(name))
            .map(|(_, value)| value.clone())
            .collect(),
        ..Diagnostics::default()
    };
    for violation in violations {
        let mut diagnostic = ManifestError::new(
            ManifestCode::Policy,
            &violation.file,
            violation.line,
            violation.column,
            format!("policy `{}`: {}", violation.rule, violation.message),
        )
        .with_hint(format!(
            "change the manifest to follow the rule, or relax `policies.{}` in wedata.yaml (or for the target)",
            violation.rule
        ));
        if let Some(text) = read(Path::new(&violation.file)) {
            diagnostic = diagnostic.with_source(text);
        }
        match violation.severity {
            Severity::Error => diagnostics.errors.push(diagnostic),
            Severity::Warn => diagnostics.warnings.push(diagnostic),
        }
    }
    diagnostics
}
