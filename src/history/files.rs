//! The files `rollback` and `pull` change: staged in memory (edits of several tasks in one
//! file compose), checked against Git before anything is written (no uncommitted change to
//! a file about to be rewritten, unless forced), then written one by one, each atomically
//! (a temporary file in the same folder, renamed over the old one), so a kill in the middle
//! never leaves a half-written manifest. Every path stays inside the project folder.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use super::HistoryError;

/// One file's text before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileChange {
    /// Relative to the project folder.
    pub path: PathBuf,
    /// `None` for a new file.
    pub before: Option<String>,
    pub after: String,
}

#[derive(Debug, Clone)]
struct Staged {
    original: Option<String>,
    current: String,
}

/// Files read from the project and their edited texts.
#[derive(Debug, Clone)]
pub struct Files {
    root: PathBuf,
    staged: BTreeMap<PathBuf, Staged>,
}

fn file_error(path: &Path, reason: impl Into<String>, hint: &str) -> HistoryError {
    HistoryError::File {
        path: path.display().to_string(),
        reason: reason.into(),
        hint: hint.to_owned(),
    }
}

/// A relative path without `..`, root or prefix parts (so it cannot leave the project).
fn contained(relative: &Path) -> bool {
    relative
        .components()
        .all(|component| matches!(component, Component::Normal(_) | Component::CurDir))
}

impl Files {
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_owned(),
            staged: BTreeMap::new(),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn stage(&mut self, relative: &Path) -> Result<&mut Staged, HistoryError> {
        if !contained(relative) {
            return Err(file_error(
                relative,
                "is outside the project folder",
                "only files under the project folder are written",
            ));
        }
        if !self.staged.contains_key(relative) {
            let path = self.root.join(relative);
            let original = match std::fs::read_to_string(&path) {
                Ok(text) => Some(text),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
                Err(error) => {
                    return Err(file_error(
                        relative,
                        format!("cannot read it: {error}"),
                        "check the file's permissions and encoding (UTF-8)",
                    ));
                }
            };
            self.staged.insert(
                relative.to_owned(),
                Staged {
                    current: original.clone().unwrap_or_default(),
                    original,
                },
            );
        }
        Ok(self.staged.get_mut(relative).expect("just staged"))
    }

    /// The file's text as first read from disk (`None` when it does not exist).
    pub fn original(&mut self, relative: &Path) -> Result<Option<String>, HistoryError> {
        Ok(self.stage(relative)?.original.clone())
    }

    /// The file's text with the edits staged so far.
    pub fn current(&mut self, relative: &Path) -> Result<String, HistoryError> {
        Ok(self.stage(relative)?.current.clone())
    }

    /// Whether the file exists on disk or is staged to be created.
    pub fn exists(&mut self, relative: &Path) -> Result<bool, HistoryError> {
        let staged = self.stage(relative)?;
        Ok(staged.original.is_some() || !staged.current.is_empty())
    }

    pub fn set(&mut self, relative: &Path, text: String) -> Result<(), HistoryError> {
        self.stage(relative)?.current = text;
        Ok(())
    }

    /// The files whose text changes (or that are new), by path.
    pub fn changes(&self) -> Vec<FileChange> {
        self.staged
            .iter()
            .filter(|(_, staged)| staged.original.as_ref() != Some(&staged.current))
            .filter(|(_, staged)| staged.original.is_some() || !staged.current.is_empty())
            .map(|(path, staged)| FileChange {
                path: path.clone(),
                before: staged.original.clone(),
                after: staged.current.clone(),
            })
            .collect()
    }
}

/// Whether Git may be bypassed, and why a run was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GitCheck {
    /// Refuse uncommitted changes to the files, and a folder outside any Git repository.
    Required,
    /// `--force`: write anyway.
    Skipped,
}

/// Refuses to rewrite files that have uncommitted changes (the user's work would be mixed
/// with the rewrite, and could not be told apart or undone with Git), and refuses to write
/// outside a Git repository (nothing would show what was changed).
pub fn check_git(root: &Path, changes: &[FileChange], check: GitCheck) -> Result<(), HistoryError> {
    if check == GitCheck::Skipped || changes.is_empty() {
        return Ok(());
    }
    let inside = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["rev-parse", "--is-inside-work-tree"])
        .output();
    match inside {
        Ok(output) if output.status.success() => {}
        _ => {
            return Err(HistoryError::refused(
                format!(
                    "{} is not inside a Git repository (or git is not installed): nothing would show or undo what this changes",
                    root.display()
                ),
                "run it in a clone of the repository, or pass --force to write anyway".to_owned(),
            ));
        }
    }
    let mut command = std::process::Command::new("git");
    command
        .arg("-C")
        .arg(root)
        .args(["status", "--porcelain", "--untracked-files=all", "--"]);
    for change in changes {
        command.arg(&change.path);
    }
    let output = command.output().map_err(|error| {
        HistoryError::refused(
            format!("cannot run git status: {error}"),
            "pass --force to write without the check".to_owned(),
        )
    })?;
    if !output.status.success() {
        return Err(HistoryError::refused(
            format!(
                "git status failed: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ),
            "pass --force to write without the check".to_owned(),
        ));
    }
    let dirty: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| line.get(3..).unwrap_or(line).to_owned())
        .collect();
    if dirty.is_empty() {
        return Ok(());
    }
    Err(HistoryError::refused(
        format!(
            "uncommitted changes to files this would rewrite: {}",
            dirty.join(", ")
        ),
        "commit or stash them first (then review the rewrite with `git diff`), or pass --force to write over them".to_owned(),
    ))
}

/// Writes every change, each atomically, after checking that no file changed on disk since
/// it was read (another run, an editor): then nothing is written. Returns the paths written.
pub fn write(root: &Path, changes: &[FileChange]) -> Result<Vec<PathBuf>, HistoryError> {
    let moved: Vec<String> = changes
        .iter()
        .filter(|change| {
            let now = std::fs::read_to_string(root.join(&change.path)).ok();
            now != change.before
        })
        .map(|change| change.path.display().to_string())
        .collect();
    if !moved.is_empty() {
        return Err(HistoryError::refused(
            format!(
                "{} changed on disk while this ran; nothing was written",
                moved.join(", ")
            ),
            "run the command again",
        ));
    }
    let mut written = Vec::new();
    for change in changes {
        let path = root.join(&change.path);
        let failed = |error: std::io::Error| {
            let done = if written.is_empty() {
                "nothing was written".to_owned()
            } else {
                format!(
                    "already written: {}",
                    written
                        .iter()
                        .map(|path: &PathBuf| path.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            file_error(
                &change.path,
                format!("cannot write it: {error} ({done})"),
                "fix the cause and run the command again",
            )
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(failed)?;
        }
        let file_name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temporary = path.with_file_name(format!(
            ".{file_name}.wedata-gitops-{}.tmp",
            std::process::id()
        ));
        std::fs::write(&temporary, &change.after).map_err(failed)?;
        if let Err(error) = std::fs::rename(&temporary, &path) {
            let _ = std::fs::remove_file(&temporary);
            return Err(failed(error));
        }
        written.push(change.path.clone());
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_project_are_refused() {
        let directory = tempfile::tempdir().unwrap();
        let mut files = Files::new(directory.path());
        for path in ["../escape.yaml", "/etc/passwd", "a/../../b"] {
            assert!(files.set(Path::new(path), "x".into()).is_err(), "{path}");
        }
        files.set(Path::new("a/new.sh"), "echo\n".into()).unwrap();
        assert_eq!(files.changes().len(), 1);
        assert_eq!(files.changes()[0].before, None);
    }

    #[test]
    fn writes_are_atomic_and_leave_no_temporary_files() {
        let directory = tempfile::tempdir().unwrap();
        std::fs::write(directory.path().join("a.yaml"), "old\n").unwrap();
        let mut files = Files::new(directory.path());
        files.set(Path::new("a.yaml"), "new\n".into()).unwrap();
        files.set(Path::new("sub/b.sh"), "echo\n".into()).unwrap();
        let written = write(directory.path(), &files.changes()).unwrap();
        assert_eq!(written.len(), 2);
        assert_eq!(
            std::fs::read_to_string(directory.path().join("a.yaml")).unwrap(),
            "new\n"
        );
        let leftovers: Vec<_> = walkdir::WalkDir::new(directory.path())
            .into_iter()
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_file_changed_since_it_was_read_stops_every_write() {
        let directory = tempfile::tempdir().unwrap();
        std::fs::write(directory.path().join("a.yaml"), "old\n").unwrap();
        std::fs::write(directory.path().join("b.yaml"), "old\n").unwrap();
        let mut files = Files::new(directory.path());
        files.set(Path::new("a.yaml"), "new\n".into()).unwrap();
        files.set(Path::new("b.yaml"), "new\n".into()).unwrap();
        std::fs::write(directory.path().join("b.yaml"), "edited meanwhile\n").unwrap();
        let error = write(directory.path(), &files.changes()).unwrap_err();
        assert!(
            error.to_string().contains("b.yaml changed on disk"),
            "{error}"
        );
        assert_eq!(
            std::fs::read_to_string(directory.path().join("a.yaml")).unwrap(),
            "old\n"
        );
    }

    #[test]
    fn outside_a_git_repository_writing_needs_force() {
        let directory = tempfile::tempdir().unwrap();
        let changes = vec![FileChange {
            path: PathBuf::from("a.yaml"),
            before: None,
            after: "x".into(),
        }];
        let error = check_git(directory.path(), &changes, GitCheck::Required).unwrap_err();
        assert!(
            error.to_string().contains("not inside a Git repository"),
            "{error}"
        );
        check_git(directory.path(), &changes, GitCheck::Skipped).unwrap();
    }
}
