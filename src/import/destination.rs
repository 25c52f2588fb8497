//! What is already in the folder an import writes into: its top-level entries and the
//! project its manifests form. With the project's live workflow names, it chooses each
//! imported workflow's folder (`workflow_folders`: the `names` rule across all live
//! workflows, then passing over what the folder already holds for something else) and lists
//! the manifests an import would duplicate. Reads only; never writes and never follows a link.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::ImportError;
use super::names::{self, Claim, collision_key};
use crate::manifest::types::Reference;
use crate::manifest::{self, Diagnostics, LoadOptions, Project};

/// Top-level names a workflow folder may not take: the project file's two spellings, and
/// `target`, which manifest discovery skips (as it skips hidden folders, which
/// `names::safe_stem` never makes).
const RESERVED_FOLDER_NAMES: [&str; 3] = ["wedata.yaml", "wedata.yml", "target"];

/// One entry directly under the destination.
#[derive(Debug)]
struct RootEntry {
    name: String,
    kind: EntryKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EntryKind {
    Folder,
    Link,
    Other,
}

/// The destination folder as found before the import.
#[derive(Debug)]
pub struct Destination {
    root: PathBuf,
    entries: Vec<RootEntry>,
    /// The project there, when the folder exists: loaded, or why it does not load.
    project: Option<Result<Project, Diagnostics>>,
}

/// A workflow whose folder to choose.
#[derive(Debug, Clone, Copy)]
pub struct WorkflowToPlace<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

fn claim_of<'a>(workflow: &WorkflowToPlace<'a>) -> Claim<'a> {
    Claim {
        id: workflow.id,
        name: workflow.name,
    }
}

impl Destination {
    /// Reads the destination; refuses one that is a link or a file.
    pub fn inspect(root: &Path) -> Result<Self, ImportError> {
        super::write::check_root(root)?;
        if !root.exists() {
            return Ok(Self {
                root: root.to_owned(),
                entries: Vec::new(),
                project: None,
            });
        }
        let read_error = |source| ImportError::Io {
            action: "read",
            path: root.to_owned(),
            source,
        };
        let mut entries = Vec::new();
        for entry in std::fs::read_dir(root).map_err(read_error)? {
            let entry = entry.map_err(read_error)?;
            let kind = entry.file_type().map_err(read_error)?;
            entries.push(RootEntry {
                name: entry.file_name().to_string_lossy().into_owned(),
                kind: if kind.is_symlink() {
                    EntryKind::Link
                } else if kind.is_dir() {
                    EntryKind::Folder
                } else {
                    EntryKind::Other
                },
            });
        }
        entries.sort_by(|left, right| left.name.cmp(&right.name));
        Ok(Self {
            root: root.to_owned(),
            entries,
            project: Some(manifest::load(root, &LoadOptions::default())),
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder of each of `ours`, in that order. First from the live state alone: stems
    /// are assigned across every workflow of the project (`project`, both kinds: one
    /// namespace), so `a/b` gets `a_b-<WorkflowId>` when a workflow `a_b` exists, whichever is
    /// imported first. Then against the folder: a candidate taken by something else there (a
    /// file, another workflow's manifests) is passed over for the next; an existing folder
    /// holding only this workflow's manifests is reused, in its own spelling.
    pub fn workflow_folders(
        &self,
        project: &[WorkflowToPlace<'_>],
        ours: &[WorkflowToPlace<'_>],
    ) -> Result<Vec<String>, ImportError> {
        let reserved: HashSet<String> = RESERVED_FOLDER_NAMES
            .iter()
            .map(|name| collision_key(name))
            .collect();
        let mut everyone: Vec<Claim<'_>> = project.iter().map(claim_of).collect();
        for workflow in ours {
            if !project.iter().any(|listed| listed.id == workflow.id) {
                everyone.push(claim_of(workflow));
            }
        }
        let mut taken = reserved.clone();
        let live_stems = names::assign(&everyone, |_, candidate| {
            Ok::<_, std::convert::Infallible>(
                taken
                    .insert(collision_key(candidate))
                    .then(|| candidate.to_owned()),
            )
        })
        .unwrap_or_else(|never| match never {});
        let others: HashSet<String> = everyone
            .iter()
            .zip(&live_stems)
            .filter(|(claim, _)| !ours.iter().any(|workflow| workflow.id == claim.id))
            .map(|(_, stem)| collision_key(stem))
            .collect();
        let mut chosen: HashSet<String> = HashSet::new();
        let mut folders = Vec::with_capacity(ours.len());
        for workflow in ours {
            let claim = claim_of(workflow);
            for candidate in names::candidates(claim) {
                let key = collision_key(&candidate);
                if reserved.contains(&key) || others.contains(&key) || chosen.contains(&key) {
                    continue;
                }
                if let Some(folder) = self.free_folder(claim, &candidate)? {
                    chosen.insert(key);
                    folders.push(folder);
                    break;
                }
            }
        }
        Ok(folders)
    }

    /// `candidate` (or the existing folder matching it, in that folder's spelling) when the
    /// workflow of `claim` may write there; `None` when something else is there.
    fn free_folder(
        &self,
        claim: Claim<'_>,
        candidate: &str,
    ) -> Result<Option<String>, ImportError> {
        let key = collision_key(candidate);
        let matching: Vec<&RootEntry> = self
            .entries
            .iter()
            .filter(|entry| collision_key(&entry.name) == key)
            .collect();
        if let Some(link) = matching.iter().find(|entry| entry.kind == EntryKind::Link) {
            return Err(ImportError::Symlink {
                path: self.root.join(&link.name),
            });
        }
        match matching.as_slice() {
            [] => Ok(Some(candidate.to_owned())),
            [entry] if entry.kind == EntryKind::Folder => Ok(self
                .holds_only(claim, &entry.name)?
                .then(|| entry.name.clone())),
            _ => Ok(None),
        }
    }

    /// Whether the folder `name` holds manifests of no workflow but `claim`'s.
    fn holds_only(&self, claim: Claim<'_>, name: &str) -> Result<bool, ImportError> {
        let folder = Path::new(name);
        match &self.project {
            Some(Ok(project)) => {
                let workflows_ours = project
                    .workflows
                    .iter()
                    .filter(|workflow| workflow.file.starts_with(folder))
                    .all(|workflow| {
                        workflow.name == claim.name
                            || workflow.id().is_some_and(|id| id == claim.id)
                    });
                let tasks_ours = project
                    .tasks
                    .iter()
                    .filter(|task| task.file.starts_with(folder))
                    .all(|task| match &task.workflow().value {
                        Reference::Name(_) => task.workflow_name.as_deref() == Some(claim.name),
                        Reference::Id { id } => id == claim.id,
                    });
                Ok(workflows_ours && tasks_ours)
            }
            // Without a loading project, only a folder holding no YAML at all is surely free.
            // A link in it is named first: it is likely why the project does not load (manifest
            // discovery does not follow links), and import would not write through it.
            Some(Err(diagnostics)) => {
                let mut holds_yaml = false;
                for entry in walkdir::WalkDir::new(self.root.join(name)).min_depth(1) {
                    let entry = entry.map_err(|error| ImportError::Io {
                        action: "read",
                        path: self.root.join(name),
                        source: error.into(),
                    })?;
                    if entry.path_is_symlink() {
                        return Err(ImportError::Symlink {
                            path: entry.path().to_owned(),
                        });
                    }
                    let file_name = entry.file_name().to_string_lossy();
                    holds_yaml |= entry.file_type().is_file()
                        && (file_name.ends_with(".yaml") || file_name.ends_with(".yml"));
                }
                if holds_yaml {
                    return Err(ImportError::UnknownFolderOwner {
                        folder: self.root.join(name),
                        root: self.root.clone(),
                        problems: diagnostics.errors.len(),
                    });
                }
                Ok(true)
            }
            None => Ok(true),
        }
    }

    /// "manifests for workflow NAME" when the project there declares the workflow or tasks
    /// in it (wherever they are).
    pub fn declaring_workflow(&self, workflow: &str) -> Vec<String> {
        let Some(Ok(project)) = &self.project else {
            return Vec::new();
        };
        let declared = project
            .workflows
            .iter()
            .any(|declared| declared.name == workflow)
            || project
                .tasks
                .iter()
                .any(|task| task.workflow_name.as_deref() == Some(workflow));
        if declared {
            vec![format!(
                "manifests for workflow `{}`",
                names::printable(workflow)
            )]
        } else {
            Vec::new()
        }
    }

    /// The manifests of the project there that pin one of `task_ids`.
    pub fn pinning_tasks(&self, task_ids: &[&str]) -> Vec<String> {
        let Some(Ok(project)) = &self.project else {
            return Vec::new();
        };
        project
            .tasks
            .iter()
            .filter_map(|task| {
                let id = task.id().filter(|id| task_ids.contains(&id.as_str()))?;
                Some(format!(
                    "a manifest pinning task {} ({}:{})",
                    names::printable(id),
                    task.file.display(),
                    task.line
                ))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, path: &str, text: &str) {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    fn project(root: &Path) {
        write(root, "wedata.yaml", "project_id: \"1\"\n");
    }

    fn workflow<'a>(id: &'a str, name: &'a str) -> WorkflowToPlace<'a> {
        WorkflowToPlace { id, name }
    }

    fn folder_of(
        root: &Path,
        ours: WorkflowToPlace<'_>,
        project: &[WorkflowToPlace<'_>],
    ) -> Result<String, ImportError> {
        Ok(Destination::inspect(root)?
            .workflow_folders(project, &[ours])?
            .remove(0))
    }

    #[test]
    fn a_folder_holding_another_workflows_manifests_is_passed_over() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path();
        project(root);
        // `a_b` was imported earlier and has since been deleted in WeData.
        write(
            root,
            "a_b/workflow.yaml",
            "kind: TriggerWorkflow\nname: a_b\n",
        );
        let ours = workflow("7", "a b");
        assert_eq!(folder_of(root, ours, &[ours]).unwrap(), "a_b-7");
        // A file of that name is in the way too.
        write(root, "x_y", "notes\n");
        let ours = workflow("8", "x y");
        assert_eq!(folder_of(root, ours, &[ours]).unwrap(), "x_y-8");
    }

    #[test]
    fn a_folder_holding_only_this_workflows_manifests_is_reused_in_its_spelling() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path();
        project(root);
        write(
            root,
            "Orders/workflow.yaml",
            "kind: TriggerWorkflow\nname: orders\n",
        );
        write(root, "empty/readme.txt", "not a manifest\n");
        let ours = workflow("1", "orders");
        assert_eq!(folder_of(root, ours, &[ours]).unwrap(), "Orders");
        let ours = workflow("2", "empty");
        assert_eq!(folder_of(root, ours, &[ours]).unwrap(), "empty");
    }

    #[test]
    fn reserved_top_level_names_are_never_workflow_folders() {
        let directory = tempfile::tempdir().unwrap();
        for name in ["target", "wedata.yaml", "WEDATA.YML"] {
            let ours = workflow("9", name);
            let folder = folder_of(directory.path(), ours, &[ours]).unwrap();
            assert_eq!(folder, format!("{name}-9"));
        }
    }

    #[cfg(unix)] // symbolic links as Unix makes them
    #[test]
    fn an_unreadable_project_refuses_a_folder_with_manifests_and_names_a_link_first() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path();
        write(
            root,
            "orders/workflow.yaml",
            "kind: TriggerWorkflow\nname: orders\n",
        );
        // No wedata.yaml: the project does not load.
        let ours = workflow("1", "orders");
        let error = folder_of(root, ours, &[ours]).unwrap_err();
        assert!(
            matches!(error, ImportError::UnknownFolderOwner { .. }),
            "{error}"
        );
        std::os::unix::fs::symlink("/etc/passwd", root.join("orders/task.yaml")).unwrap();
        let error = folder_of(root, ours, &[ours]).unwrap_err();
        assert!(
            matches!(&error, ImportError::Symlink { path } if path.ends_with("orders/task.yaml")),
            "{error}"
        );
        // A folder without YAML is free either way.
        let ours = workflow("2", "docs");
        write(root, "docs/readme.md", "# docs\n");
        assert_eq!(folder_of(root, ours, &[ours]).unwrap(), "docs");
    }

    #[cfg(unix)] // symbolic links as Unix makes them
    #[test]
    fn a_link_where_the_folder_goes_is_refused_but_not_one_the_import_passes_over() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path();
        std::os::unix::fs::symlink("/tmp", root.join("orders")).unwrap();
        let ours = workflow("1", "orders");
        let error = folder_of(root, ours, &[ours]).unwrap_err();
        assert!(matches!(error, ImportError::Symlink { .. }), "{error}");
        // `orders` belongs to another live workflow: this one never looks at it.
        let ours = workflow("2", "Orders");
        let other = workflow("1", "orders");
        assert_eq!(folder_of(root, ours, &[other, ours]).unwrap(), "Orders-2");
    }
}
