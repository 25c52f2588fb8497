//! The project's local folder, `.wedata/` under the manifest root: the plan cache and the
//! embedded emulator's state live there. Its contents can hold task definitions with
//! sensitive values in clear, so it is created readable by its owner only (0700, files 0600
//! on Unix) and carries its own `.gitignore`, so it never reaches Git even in a repository
//! whose ignore file forgets it.
//!
//! Owns only where the folder is and how files in it are written; what goes in them belongs
//! to `live::cache`, `impact::cache` and `emulator` (the two caches share
//! [`read_json_cache`] and [`save_json_cache`]).

use std::io::Write;
use std::path::{Path, PathBuf};

/// The folder's name under the manifest root.
pub const FOLDER: &str = ".wedata";

/// What `.wedata/.gitignore` holds: everything in the folder, the ignore file included.
const IGNORE_EVERYTHING: &str =
    "# Written by wedata-gitops: the plan cache and the emulator's state stay out of Git.\n*\n";

/// `<root>/.wedata`.
pub fn path(root: &Path) -> PathBuf {
    root.join(FOLDER)
}

/// Creates `directory` and its parents as needed (new folders private to the owner). When it
/// lies in a `.wedata` folder, that folder and everything down to `directory` are made private
/// even if they existed before, and the `.wedata` folder gets its `.gitignore`. Folders
/// outside `.wedata` that already exist are left as they are (a `--state` file of the
/// standalone emulator may live in any folder of the user's).
pub fn create_private_directory(directory: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(directory)?;
    let Some(local_folder) = directory
        .ancestors()
        .find(|ancestor| ancestor.file_name().is_some_and(|name| name == FOLDER))
    else {
        return Ok(());
    };
    // Folders made by an older version (or by hand) may be group- or world-readable.
    for inside in directory.ancestors() {
        restrict(inside, 0o700)?;
        if inside == local_folder {
            break;
        }
    }
    let ignore_file = local_folder.join(".gitignore");
    if !ignore_file.exists() {
        write_private_file(&ignore_file, IGNORE_EVERYTHING.as_bytes())?;
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically (a temporary file in the same folder, then a rename),
/// readable by the owner only. The folder must exist.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_private_file_with(path, |writer| writer.write_all(bytes))
}

/// Like [`write_private_file`], with the content written by `write` through a buffer, so a
/// large file (the plan cache of 10,000 tasks) is never held in memory whole.
pub fn write_private_file_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let temporary = path.with_extension(format!(
        "tmp-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    let result = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut writer = std::io::BufWriter::new(options.open(&temporary)?);
        write(&mut writer)?;
        let file = writer.into_inner().map_err(|error| error.into_error())?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// A JSON cache file's content, when it is there and `is_current` says its format version is
/// this tool's: `Ok(None)` when it is missing or of another version (start afresh),
/// `Err(reason)` when it cannot be read as JSON of that shape.
pub fn read_json_cache<T: serde::de::DeserializeOwned>(
    path: &Path,
    is_current: impl FnOnce(&T) -> bool,
) -> Result<Option<T>, String> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Ok(None);
    };
    let content: T = serde_json::from_str(&text).map_err(|error| error.to_string())?;
    Ok(is_current(&content).then_some(content))
}

/// Writes a JSON cache file privately and atomically, streamed (the JSON of 10,000
/// definitions would add tens of MB to a plan's peak), creating its folder as needed.
/// Failing only costs speed on the next run, so errors are ignored.
pub fn save_json_cache(path: &Path, content: &impl serde::Serialize) {
    let Some(parent) = path.parent() else {
        return;
    };
    if create_private_directory(parent).is_err() {
        return;
    }
    let _ = write_private_file_with(path, |writer| {
        serde_json::to_writer(writer, content).map_err(std::io::Error::from)
    });
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let metadata = std::fs::symlink_metadata(path)?;
    if metadata.is_dir() && metadata.permissions().mode() & 0o777 != mode {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> std::io::Result<()> {
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn the_local_folder_is_private_and_ignores_itself() {
        let root = tempfile::tempdir().unwrap();
        let cache = path(root.path()).join("cache");
        create_private_directory(&cache).unwrap();
        write_private_file(&cache.join("entry.json"), b"{}").unwrap();
        assert_eq!(mode(&path(root.path())), 0o700);
        assert_eq!(mode(&cache), 0o700);
        assert_eq!(mode(&cache.join("entry.json")), 0o600);
        let ignore = std::fs::read_to_string(path(root.path()).join(".gitignore")).unwrap();
        assert!(ignore.lines().any(|line| line == "*"), "{ignore}");
    }

    #[test]
    fn folders_outside_the_local_folder_keep_their_permissions() {
        let root = tempfile::tempdir().unwrap();
        let shared = root.path().join("shared");
        std::fs::create_dir(&shared).unwrap();
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
        create_private_directory(&shared).unwrap();
        assert_eq!(mode(&shared), 0o755);
        assert!(!shared.join(".gitignore").exists());
    }

    #[test]
    fn a_world_readable_local_folder_from_an_older_version_is_made_private() {
        let root = tempfile::tempdir().unwrap();
        let cache = path(root.path()).join("cache");
        std::fs::create_dir_all(&cache).unwrap();
        std::fs::set_permissions(path(root.path()), std::fs::Permissions::from_mode(0o755))
            .unwrap();
        std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o755)).unwrap();
        create_private_directory(&cache).unwrap();
        assert_eq!(mode(&path(root.path())), 0o700);
        assert_eq!(mode(&cache), 0o700);
    }
}
