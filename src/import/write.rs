//! Writing an import's files under the destination folder, contained and all or nothing.
//!
//! `preflight` checks every path before anything is written: the destination and every
//! folder or file on the way must not be a symbolic link (import never writes through one),
//! folders must be folders and files files, and no existing entry may differ from a path only
//! in case (one file on a case-insensitive file system). `write_all` then writes every file
//! into a hidden staging folder inside the destination (same file system, ignored by
//! `validate` if a killed run leaves it), and only when all are written moves them into
//! place: a new folder in one rename, an existing file (with `--force`) after moving the old
//! one aside. Any failure moves everything back, so the destination is left as it was.
//! Knows nothing of manifests: it takes relative paths and texts.

use std::collections::{BTreeMap, HashSet};
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use super::names::collision_key;
use super::{ImportError, ImportedFile};

/// The staging folder's name prefix: hidden, so `validate` ignores a leftover one.
pub const STAGING_PREFIX: &str = ".wedata-import-";

/// The file-system calls that can fail midway; tests replace them to fail at the Nth call.
pub trait FileSystem {
    /// Creates `path` (which must not exist) holding `text`.
    fn create(&mut self, path: &Path, text: &str) -> std::io::Result<()>;
    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()>;
}

/// The real file system.
pub struct RealFileSystem;

impl FileSystem for RealFileSystem {
    fn create(&mut self, path: &Path, text: &str) -> std::io::Result<()> {
        // create_new: never follows or replaces whatever is there.
        let mut file = std::fs::File::create_new(path)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()
    }

    fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
        std::fs::rename(from, to)
    }
}

fn io_error(action: &'static str, path: &Path, source: std::io::Error) -> ImportError {
    ImportError::Io {
        action,
        path: path.to_owned(),
        source,
    }
}

/// What is at `path`, without following a link: `None` when nothing is.
fn entry_type(path: &Path) -> Result<Option<std::fs::FileType>, ImportError> {
    match std::fs::symlink_metadata(path) {
        Ok(metadata) => Ok(Some(metadata.file_type())),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(io_error("inspect", path, error)),
    }
}

/// Refuses a destination that is a link or not a folder.
pub fn check_root(root: &Path) -> Result<(), ImportError> {
    match entry_type(root)? {
        Some(kind) if kind.is_symlink() => Err(ImportError::Symlink {
            path: root.to_owned(),
        }),
        Some(kind) if !kind.is_dir() => Err(ImportError::NotAFolder {
            path: root.to_owned(),
        }),
        _ => Ok(()),
    }
}

/// The planned paths are relative, plain (no `..`, root or prefix) and distinct under
/// `collision_key`, and no file is also a folder of another. Names are sanitized before they
/// become paths; this is the last guard should that ever fail.
fn check_plan(files: &[ImportedFile]) -> Result<(), ImportError> {
    let mut file_keys: HashSet<Vec<String>> = HashSet::new();
    let mut folder_keys: HashSet<Vec<String>> = HashSet::new();
    for file in files {
        let mut keys = Vec::new();
        for component in file.path.components() {
            let Component::Normal(part) = component else {
                return Err(ImportError::UnsafePath {
                    path: file.path.clone(),
                });
            };
            let part = part.to_string_lossy();
            if part.starts_with('.') || part.is_empty() {
                return Err(ImportError::UnsafePath {
                    path: file.path.clone(),
                });
            }
            keys.push(collision_key(&part));
        }
        if keys.is_empty() {
            return Err(ImportError::UnsafePath {
                path: file.path.clone(),
            });
        }
        for depth in 1..keys.len() {
            folder_keys.insert(keys[..depth].to_vec());
        }
        if !file_keys.insert(keys) {
            return Err(ImportError::UnsafePath {
                path: file.path.clone(),
            });
        }
    }
    if let Some(file) = files.iter().find(|file| {
        let keys: Vec<String> = file
            .path
            .components()
            .map(|part| collision_key(&part.as_os_str().to_string_lossy()))
            .collect();
        folder_keys.contains(&keys)
    }) {
        return Err(ImportError::UnsafePath {
            path: file.path.clone(),
        });
    }
    Ok(())
}

/// Checks every path of the import against what is at the destination (see the module doc).
/// Returns the files that exist and would be overwritten, relative to `root`.
pub fn preflight(root: &Path, files: &[ImportedFile]) -> Result<Vec<PathBuf>, ImportError> {
    check_root(root)?;
    check_plan(files)?;
    let mut existing = Vec::new();
    // Each folder's entries, read once: for the case check.
    let mut listings: BTreeMap<PathBuf, Vec<String>> = BTreeMap::new();
    for file in files {
        let parts: Vec<&std::ffi::OsStr> = file.path.iter().collect();
        let mut current = root.to_owned();
        for (index, part) in parts.iter().enumerate() {
            let parent = current.clone();
            current.push(part);
            let is_file = index + 1 == parts.len();
            let Some(kind) = entry_type(&current)? else {
                check_case(&parent, part, &mut listings)?;
                break;
            };
            if kind.is_symlink() {
                return Err(ImportError::Symlink { path: current });
            }
            if is_file {
                if kind.is_dir() {
                    return Err(ImportError::FolderInTheWay { path: current });
                }
                if !kind.is_file() {
                    return Err(ImportError::NotAFile { path: current });
                }
                existing.push(file.path.clone());
            } else if !kind.is_dir() {
                return Err(ImportError::NotAFolder { path: current });
            }
        }
    }
    Ok(existing)
}

/// Refuses to create `part` in `parent` when an entry there differs from it only in case or
/// normalization: on a case-insensitive file system they are one, elsewhere a checkout on
/// one would lose a file.
fn check_case(
    parent: &Path,
    part: &std::ffi::OsStr,
    listings: &mut BTreeMap<PathBuf, Vec<String>>,
) -> Result<(), ImportError> {
    if !listings.contains_key(parent) {
        let names = match std::fs::read_dir(parent) {
            Ok(entries) => entries
                .map(|entry| {
                    entry
                        .map(|entry| entry.file_name().to_string_lossy().into_owned())
                        .map_err(|error| io_error("read", parent, error))
                })
                .collect::<Result<Vec<_>, _>>()?,
            // The parent is created by this import: nothing in it yet.
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(error) => return Err(io_error("read", parent, error)),
        };
        listings.insert(parent.to_owned(), names);
    }
    let wanted = part.to_string_lossy();
    let key = collision_key(&wanted);
    if let Some(other) = listings[parent]
        .iter()
        .find(|name| **name != wanted && collision_key(name) == key)
    {
        return Err(ImportError::CaseConflict {
            existing: parent.join(other),
            wanted: parent.join(part),
        });
    }
    Ok(())
}

/// One step done while moving into place, undone in reverse on failure.
enum Step {
    /// `staged` was moved to `destination` (a file or a whole new folder).
    MovedIn {
        staged: PathBuf,
        destination: PathBuf,
    },
    /// The file at `destination` was moved aside to `backup` (to be overwritten).
    MovedAside {
        destination: PathBuf,
        backup: PathBuf,
    },
}

/// Writes `files` under `root` (created if missing), all or nothing; see the module doc.
/// `preflight` must have passed; links are checked again right before moving. Without
/// `force`, a file that appeared since the preflight is not overwritten.
pub fn write_all(
    root: &Path,
    files: &[ImportedFile],
    force: bool,
    file_system: &mut dyn FileSystem,
) -> Result<(), ImportError> {
    let created = create_root(root)?;
    let result = stage_and_commit(root, files, force, file_system);
    if result.is_err() {
        remove_created(root, created.as_deref());
    }
    result
}

/// Creates `root` if missing; returns the topmost folder it created, to remove on failure.
fn create_root(root: &Path) -> Result<Option<PathBuf>, ImportError> {
    if entry_type(root)?.is_some() {
        return Ok(None);
    }
    let mut topmost = root.to_owned();
    while let Some(parent) = topmost.parent() {
        if parent.as_os_str().is_empty() || entry_type(parent)?.is_some() {
            break;
        }
        topmost = parent.to_owned();
    }
    std::fs::create_dir_all(root).map_err(|error| io_error("create", root, error))?;
    Ok(Some(topmost))
}

/// Removes the folders `create_root` made (empty again after a failure), innermost first.
fn remove_created(root: &Path, topmost: Option<&Path>) {
    let Some(topmost) = topmost else { return };
    for folder in root.ancestors() {
        if std::fs::remove_dir(folder).is_err() || folder == topmost {
            break;
        }
    }
}

fn stage_and_commit(
    root: &Path,
    files: &[ImportedFile],
    force: bool,
    file_system: &mut dyn FileSystem,
) -> Result<(), ImportError> {
    let staging = tempfile::Builder::new()
        .prefix(STAGING_PREFIX)
        .tempdir_in(root)
        .map_err(|error| io_error("create a staging folder in", root, error))?;
    let new_files = staging.path().join("new");
    let old_files = staging.path().join("old");
    for file in files {
        let staged = new_files.join(&file.path);
        if let Some(parent) = staged.parent() {
            std::fs::create_dir_all(parent).map_err(|error| io_error("create", parent, error))?;
        }
        file_system
            .create(&staged, &file.text)
            .map_err(|error| io_error("write", &root.join(&file.path), error))?;
    }
    let mut steps = Vec::new();
    let committed = commit(
        root,
        files,
        force,
        &new_files,
        &old_files,
        file_system,
        &mut steps,
    );
    if committed.is_err() {
        roll_back(steps);
    }
    // Dropping `staging` removes it, with whatever was moved back or aside.
    committed
}

/// Moves every staged file into place, recording each step.
fn commit(
    root: &Path,
    files: &[ImportedFile],
    force: bool,
    new_files: &Path,
    old_files: &Path,
    file_system: &mut dyn FileSystem,
    steps: &mut Vec<Step>,
) -> Result<(), ImportError> {
    let mut moved_folders: Vec<PathBuf> = Vec::new();
    for file in files {
        if moved_folders
            .iter()
            .any(|folder| file.path.starts_with(folder))
        {
            continue;
        }
        // The first part of the path that does not exist yet moves in one rename.
        let mut relative = PathBuf::new();
        let mut missing = None;
        for part in file.path.iter() {
            relative.push(part);
            match entry_type(&root.join(&relative))? {
                Some(kind) if kind.is_symlink() => {
                    return Err(ImportError::Symlink {
                        path: root.join(&relative),
                    });
                }
                Some(_) => {}
                None => {
                    missing = Some(relative.clone());
                    break;
                }
            }
        }
        let destination = root.join(&file.path);
        let moving = match missing {
            Some(missing) => missing,
            None if !force => {
                return Err(ImportError::WouldOverwrite {
                    root: root.to_owned(),
                    taken: vec![file.path.display().to_string()],
                });
            }
            None => {
                let backup = old_files.join(&file.path);
                if let Some(parent) = backup.parent() {
                    std::fs::create_dir_all(parent)
                        .map_err(|error| io_error("create", parent, error))?;
                }
                file_system
                    .rename(&destination, &backup)
                    .map_err(|error| io_error("move aside", &destination, error))?;
                steps.push(Step::MovedAside {
                    destination: destination.clone(),
                    backup,
                });
                file.path.clone()
            }
        };
        let staged = new_files.join(&moving);
        let target = root.join(&moving);
        file_system
            .rename(&staged, &target)
            .map_err(|error| io_error("move into place", &target, error))?;
        steps.push(Step::MovedIn {
            staged,
            destination: target,
        });
        if moving != file.path {
            moved_folders.push(moving);
        }
    }
    Ok(())
}

/// Undoes `steps` in reverse: what was moved in goes back to staging, what was moved aside
/// comes back. Best effort: a step that cannot be undone leaves the others undone still.
fn roll_back(steps: Vec<Step>) {
    for step in steps.into_iter().rev() {
        let (from, to) = match &step {
            Step::MovedIn {
                staged,
                destination,
            } => (destination, staged),
            Step::MovedAside {
                destination,
                backup,
            } => (backup, destination),
        };
        if let Err(error) = std::fs::rename(from, to) {
            tracing::warn!(
                "could not undo the import's move of {}: {error}",
                from.display()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails the `failing`-th call (0-based), counting both kinds.
    struct FailingFileSystem {
        calls: usize,
        failing: usize,
    }

    impl FailingFileSystem {
        fn tick(&mut self) -> std::io::Result<()> {
            let call = self.calls;
            self.calls += 1;
            if call == self.failing {
                return Err(std::io::Error::other("injected failure"));
            }
            Ok(())
        }
    }

    impl FileSystem for FailingFileSystem {
        fn create(&mut self, path: &Path, text: &str) -> std::io::Result<()> {
            self.tick()?;
            RealFileSystem.create(path, text)
        }

        fn rename(&mut self, from: &Path, to: &Path) -> std::io::Result<()> {
            self.tick()?;
            RealFileSystem.rename(from, to)
        }
    }

    /// Every entry under `root` with its text ("<folder>" for folders).
    fn snapshot(root: &Path) -> Vec<(String, String)> {
        walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .map(Result::unwrap)
            .map(|entry| {
                let relative = entry
                    .path()
                    .strip_prefix(root)
                    .unwrap()
                    .display()
                    .to_string();
                let text = if entry.file_type().is_dir() {
                    "<folder>".to_owned()
                } else {
                    std::fs::read_to_string(entry.path()).unwrap()
                };
                (relative, text)
            })
            .collect()
    }

    fn file(path: &str, text: &str) -> ImportedFile {
        ImportedFile {
            path: PathBuf::from(path),
            text: text.to_owned(),
        }
    }

    fn planned() -> Vec<ImportedFile> {
        vec![
            file("wedata.yaml", "project_id: \"1\"\n"),
            file("orders/a.yaml", "new a\n"),
            file("orders/b.yaml", "new b\n"),
            file("marketing/c.yaml", "new c\n"),
            file("marketing/c.sh", "echo c\n"),
        ]
    }

    #[test]
    fn a_failure_at_any_step_leaves_the_destination_as_it_was() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path();
        std::fs::create_dir(root.join("orders")).unwrap();
        std::fs::write(root.join("orders/a.yaml"), "old a\n").unwrap();
        std::fs::write(root.join("orders/keep.yaml"), "untouched\n").unwrap();
        let before = snapshot(root);
        let files = planned();
        // 5 creates; then wedata.yaml in, a.yaml aside and in, b.yaml in, marketing/ in.
        let steps = 5 + 5;
        for failing in 0..steps {
            assert_eq!(
                preflight(root, &files).unwrap(),
                [PathBuf::from("orders/a.yaml")]
            );
            let mut failing_file_system = FailingFileSystem { calls: 0, failing };
            let error = write_all(root, &files, true, &mut failing_file_system).unwrap_err();
            assert!(error.to_string().contains("injected failure"), "{error}");
            assert_eq!(snapshot(root), before, "after a failure at call {failing}");
        }
        write_all(root, &files, true, &mut RealFileSystem).unwrap();
        let after = snapshot(root);
        assert!(after.contains(&("orders/a.yaml".into(), "new a\n".into())));
        assert!(after.contains(&("orders/keep.yaml".into(), "untouched\n".into())));
        assert!(after.contains(&("marketing/c.sh".into(), "echo c\n".into())));
        assert!(
            after.iter().all(|(path, _)| !path.contains(STAGING_PREFIX)),
            "{after:?}"
        );
    }

    #[test]
    fn a_failed_write_into_a_missing_destination_leaves_no_folder() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path().join("new/project");
        let files = planned();
        assert!(preflight(&root, &files).unwrap().is_empty());
        let mut failing_file_system = FailingFileSystem {
            calls: 0,
            failing: 7,
        };
        write_all(&root, &files, false, &mut failing_file_system).unwrap_err();
        assert!(!directory.path().join("new").exists());
        write_all(&root, &files, false, &mut RealFileSystem).unwrap();
        assert_eq!(
            std::fs::read_to_string(root.join("marketing/c.yaml")).unwrap(),
            "new c\n"
        );
    }

    #[test]
    fn a_file_that_appeared_after_the_preflight_is_not_overwritten_without_force() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path();
        let files = planned();
        assert!(preflight(root, &files).unwrap().is_empty());
        std::fs::create_dir(root.join("orders")).unwrap();
        std::fs::write(root.join("orders/b.yaml"), "someone else's\n").unwrap();
        let before = snapshot(root);
        let error = write_all(root, &files, false, &mut RealFileSystem).unwrap_err();
        assert!(
            matches!(error, ImportError::WouldOverwrite { .. }),
            "{error}"
        );
        assert_eq!(snapshot(root), before);
    }

    #[test]
    fn unsafe_planned_paths_are_refused_before_anything_is_read() {
        for (first, second) in [
            ("../escape.yaml", "a.yaml"),
            ("/absolute.yaml", "a.yaml"),
            (".hidden/a.yaml", "b.yaml"),
            ("a/B.yaml", "a/b.yaml"),
            ("a", "a/b.yaml"),
        ] {
            let files = [file(first, ""), file(second, "")];
            let error = check_plan(&files).unwrap_err();
            assert!(
                matches!(error, ImportError::UnsafePath { .. }),
                "{first} {second}"
            );
        }
    }

    #[test]
    fn an_entry_differing_only_in_case_is_refused() {
        let directory = tempfile::tempdir().unwrap();
        let root = directory.path();
        std::fs::create_dir(root.join("Orders")).unwrap();
        let error = preflight(root, &[file("orders/a.yaml", "")]).unwrap_err();
        assert!(matches!(error, ImportError::CaseConflict { .. }), "{error}");
        std::fs::write(root.join("Orders/A.yaml"), "").unwrap();
        let error = preflight(root, &[file("Orders/a.yaml", "")]).unwrap_err();
        assert!(error.to_string().contains("A.yaml"), "{error}");
    }
}
