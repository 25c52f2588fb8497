//! A new project in one command: `wedata.yaml` with dev and prod targets, one example
//! workflow and task with a real code file (or the manifests of an imported workflow), the JSON
//! Schemas editors read (every manifest's first line points at them), a `.gitignore` keeping
//! `.wedata/` out of Git, and the CI file of the chosen provider.
//!
//! Writing is careful: options and destination are checked before anything is created, the
//! files go to a staging folder under `.wedata/` first and must load as a valid project there,
//! and only then are they moved into place. A refused or failed `init` leaves the destination
//! as it was.
//!
//! This module talks to no one: the caller reads the workflow to import (`live`) and converts
//! it with `import::workflow_files`; nothing here duplicates either.

use std::path::{Path, PathBuf};

use miette::Diagnostic;
use thiserror::Error;

use crate::import::ImportedFile;
use crate::manifest::{self, LoadOptions};

/// The project id written when none is given: digits (so the result validates), and plainly
/// not a real project (so `doctor` and WeData refuse it until it is replaced).
pub const PLACEHOLDER_PROJECT_ID: &str = "0000000000000000000";
/// The region written when none is given.
pub const DEFAULT_REGION: &str = "ap-guangzhou";
/// Entries a folder may hold and still count as empty: a fresh `git init`, and the tool's own
/// scratch folder (where a killed `init` may have left its staging folder).
const IGNORED_ENTRIES: [&str; 2] = [".git", ".wedata"];

const PROJECT_TEMPLATE: &str = include_str!("templates/wedata.yaml");
const WORKFLOW_TEMPLATE: &str = include_str!("templates/workflow.yaml");
const TASK_TEMPLATE: &str = include_str!("templates/task.yaml");
const CODE_TEMPLATE: &str = include_str!("templates/hello.sh");
const GITIGNORE_TEMPLATE: &str = include_str!("templates/gitignore");
const GITHUB_TEMPLATE: &str = include_str!("templates/github-workflow.yml");
const GITLAB_TEMPLATE: &str = include_str!("templates/gitlab-ci.yml");
/// The folder of the example workflow.
const EXAMPLE_FOLDER: &str = "getting_started";

/// The GitHub repository releases, the Action and the GitLab template come from, as
/// `owner/name`, from `package.repository` in Cargo.toml (`tests/ci_recipe.rs` keeps
/// action.yml, the GitLab template and the recipes naming the same one).
pub fn repository() -> &'static str {
    env!("CARGO_PKG_REPOSITORY")
        .trim_start_matches("https://github.com/")
        .trim_end_matches('/')
}

/// Which CI file to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiProvider {
    /// `.github/workflows/wedata.yml`, using this repository's GitHub Action.
    Github,
    /// `.gitlab-ci.yml`, including this repository's GitLab CI template.
    Gitlab,
    /// No CI file.
    None,
}

#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The WeData project; `None` writes [`PLACEHOLDER_PROJECT_ID`].
    pub project_id: Option<String>,
    pub region: String,
    pub ci: CiProvider,
}

/// A file of the new project, relative to its directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    pub path: PathBuf,
    pub text: String,
    /// wedata.yaml or a manifest: the loader must read it (CI files, schemas and code are
    /// not manifests, whatever their extension).
    pub manifest: bool,
}

#[derive(Debug, Error, Diagnostic)]
pub enum InitError {
    #[error("`{value}` is not a WeData project id")]
    #[diagnostic(
        code(init::project_id),
        help(
            "project ids are the digits the WeData console shows for the project, e.g. --project-id 1460947878944567296"
        )
    )]
    InvalidProjectId { value: String },
    #[error("`{value}` is not a region")]
    #[diagnostic(
        code(init::region),
        help("regions look like ap-guangzhou or ap-shanghai: lowercase words joined by `-`")
    )]
    InvalidRegion { value: String },
    #[error("{} is not a folder", path.display())]
    #[diagnostic(
        code(init::not_a_folder),
        help("pass a folder to create the project in")
    )]
    NotAFolder { path: PathBuf },
    #[error("{} is not empty (it has {})", directory.display(), entries.join(", "))]
    #[diagnostic(
        code(init::not_empty),
        help(
            "pick an empty or new folder, or pass --force to write the project's files over any of the same name (other files stay)"
        )
    )]
    NotEmpty {
        directory: PathBuf,
        entries: Vec<String>,
    },
    #[error("the generated project does not validate, so nothing was written:\n{diagnostics}")]
    #[diagnostic(
        code(init::invalid),
        help(
            "an imported workflow can carry what a manifest cannot hold; import it into an existing project with `wedata-gitops import` and fix the reported lines"
        )
    )]
    Invalid { diagnostics: String },
    #[error(
        "the loader would skip {} (hidden or ignored folders), so nothing was written",
        paths.join(", ")
    )]
    #[diagnostic(
        code(init::unread),
        help(
            "rename the workflow or task in WeData so its name does not start with `.`, or import it into an existing project with `wedata-gitops import` and move the files"
        )
    )]
    Unread { paths: Vec<String> },
    #[error("cannot write {}: {source}", path.display())]
    #[diagnostic(code(init::io))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Checks the options before anything is read or written.
pub fn check_options(options: &InitOptions) -> Result<(), InitError> {
    if let Some(project_id) = &options.project_id {
        if project_id.is_empty()
            || !project_id
                .chars()
                .all(|character| character.is_ascii_digit())
        {
            return Err(InitError::InvalidProjectId {
                value: project_id.clone(),
            });
        }
    }
    if !is_region(&options.region) {
        return Err(InitError::InvalidRegion {
            value: options.region.clone(),
        });
    }
    Ok(())
}

/// `ap-guangzhou`, `na-siliconvalley`, `ap-shanghai-fsi`: lowercase words and digits joined by
/// single dashes, at least two words. Keeps anything else (YAML syntax above all) out of
/// wedata.yaml.
fn is_region(region: &str) -> bool {
    let words: Vec<&str> = region.split('-').collect();
    region.len() <= 40
        && words.len() >= 2
        && words.iter().all(|word| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|character| character.is_ascii_lowercase() || character.is_ascii_digit())
        })
}

/// Refuses a destination that is a file, or a folder with anything in it (besides `.git` and
/// `.wedata`) unless `force`.
pub fn check_destination(directory: &Path, force: bool) -> Result<(), InitError> {
    if !directory.exists() {
        return Ok(());
    }
    if !directory.is_dir() {
        return Err(InitError::NotAFolder {
            path: directory.to_owned(),
        });
    }
    if force {
        return Ok(());
    }
    let io_error = |source| InitError::Io {
        path: directory.to_owned(),
        source,
    };
    let mut entries: Vec<String> = std::fs::read_dir(directory)
        .map_err(io_error)?
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !IGNORED_ENTRIES.contains(&name.as_str()))
        .collect();
    if entries.is_empty() {
        return Ok(());
    }
    entries.sort();
    if entries.len() > 5 {
        let more = entries.len() - 5;
        entries.truncate(5);
        entries.push(format!("{more} more"));
    }
    Err(InitError::NotEmpty {
        directory: directory.to_owned(),
        entries,
    })
}

/// Every file of the new project: the example workflow, or the `imported` workflow's files.
pub fn project_files(options: &InitOptions, imported: Option<Vec<ImportedFile>>) -> Vec<NewFile> {
    let project_id = options
        .project_id
        .as_deref()
        .unwrap_or(PLACEHOLDER_PROJECT_ID);
    let project_id_note = if options.project_id.is_none() {
        "   # a placeholder: put your project's id here (and under prod)"
    } else {
        ""
    };
    let fill = |template: &str| {
        template
            .replace("@@PROJECT_ID_NOTE@@", project_id_note)
            .replace("@@PROJECT_ID@@", project_id)
            .replace("@@REGION@@", &options.region)
            .replace("@@REPOSITORY@@", repository())
            .replace("@@VERSION@@", env!("CARGO_PKG_VERSION"))
    };
    let file = |path: &str, text: String| NewFile {
        path: PathBuf::from(path),
        text,
        manifest: false,
    };
    let mut files = vec![
        NewFile {
            manifest: true,
            ..file("wedata.yaml", fill(PROJECT_TEMPLATE))
        },
        file(".gitignore", GITIGNORE_TEMPLATE.to_owned()),
    ];
    match imported {
        Some(imported) => files.extend(imported.into_iter().map(with_schema_line)),
        None => {
            let example = Path::new(EXAMPLE_FOLDER);
            files.extend([
                NewFile {
                    path: example.join("workflow.yaml"),
                    text: WORKFLOW_TEMPLATE.to_owned(),
                    manifest: true,
                },
                NewFile {
                    path: example.join("hello.yaml"),
                    text: TASK_TEMPLATE.to_owned(),
                    manifest: true,
                },
                NewFile {
                    path: example.join("hello.sh"),
                    text: CODE_TEMPLATE.to_owned(),
                    manifest: false,
                },
            ]);
        }
    }
    match options.ci {
        CiProvider::Github => {
            files.push(file(".github/workflows/wedata.yml", fill(GITHUB_TEMPLATE)))
        }
        CiProvider::Gitlab => files.push(file(".gitlab-ci.yml", fill(GITLAB_TEMPLATE))),
        CiProvider::None => {}
    }
    for (name, text) in manifest::schema::all() {
        files.push(NewFile {
            path: Path::new("schemas").join(name),
            text,
            manifest: false,
        });
    }
    files
}

fn is_manifest(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension == "yaml" || extension == "yml")
}

/// An imported manifest with the schema line editors read (code files stay as they are).
fn with_schema_line(file: ImportedFile) -> NewFile {
    if !is_manifest(&file.path) {
        return NewFile {
            path: file.path,
            text: file.text,
            manifest: false,
        };
    }
    let kind = file
        .text
        .lines()
        .find_map(|line| line.strip_prefix("kind:"))
        .map(str::trim);
    let schema = match kind {
        Some("TriggerWorkflow") => "trigger-workflow.json",
        Some("TriggerTask") => "trigger-task.json",
        Some("Workflow") => "workflow.json",
        Some("Task") => "task.json",
        _ => "manifest.json",
    };
    let depth = file.path.components().count().saturating_sub(1);
    NewFile {
        text: format!(
            "# yaml-language-server: $schema={}schemas/{schema}\n{}",
            "../".repeat(depth),
            file.text
        ),
        path: file.path,
        manifest: true,
    }
}

/// Writes `files` into `directory` (created if missing): staged under `.wedata/`, validated as
/// a project there, then moved into place. Returns the paths written, relative to `directory`.
pub fn write_project(directory: &Path, files: &[NewFile]) -> Result<Vec<PathBuf>, InitError> {
    let io_error = |path: &Path| {
        let path = path.to_owned();
        move |source| InitError::Io { path, source }
    };
    let created = !directory.exists();
    std::fs::create_dir_all(directory).map_err(io_error(directory))?;
    let scratch = directory.join(".wedata");
    std::fs::create_dir_all(&scratch).map_err(io_error(&scratch))?;
    let staging = scratch.join(format!(
        "init-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    let result = stage_and_move(directory, &staging, files);
    let _ = std::fs::remove_dir_all(&staging);
    // Each only succeeds when nothing else lives there.
    let _ = std::fs::remove_dir(&scratch);
    if result.is_err() && created {
        let _ = std::fs::remove_dir(directory);
    }
    result
}

fn stage_and_move(
    directory: &Path,
    staging: &Path,
    files: &[NewFile],
) -> Result<Vec<PathBuf>, InitError> {
    for file in files {
        let staged = staging.join(&file.path);
        if let Some(parent) = staged.parent() {
            std::fs::create_dir_all(parent).map_err(|source| InitError::Io {
                path: parent.to_owned(),
                source,
            })?;
        }
        std::fs::write(&staged, &file.text).map_err(|source| InitError::Io {
            path: staged.clone(),
            source,
        })?;
    }
    let project = manifest::load(staging, &LoadOptions::default()).map_err(|diagnostics| {
        InitError::Invalid {
            diagnostics: diagnostics.render(),
        }
    })?;
    // Every manifest written must be one the loader reads: a name turned into a hidden folder
    // (a workflow called `.x` or `../x`) would otherwise vanish from every plan.
    let unread: Vec<String> = files
        .iter()
        .filter(|file| file.manifest)
        .map(|file| file.path.to_string_lossy().replace('\\', "/"))
        .filter(|path| !project.file_hashes.contains_key(path))
        .collect();
    if !unread.is_empty() {
        return Err(InitError::Unread { paths: unread });
    }
    let mut written = Vec::with_capacity(files.len());
    for file in files {
        let destination = directory.join(&file.path);
        if let Some(parent) = destination.parent() {
            std::fs::create_dir_all(parent).map_err(|source| InitError::Io {
                path: parent.to_owned(),
                source,
            })?;
        }
        std::fs::rename(staging.join(&file.path), &destination).map_err(|source| {
            InitError::Io {
                path: destination.clone(),
                source,
            }
        })?;
        written.push(file.path.clone());
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(ci: CiProvider) -> InitOptions {
        InitOptions {
            project_id: Some("1460947878944567296".into()),
            region: DEFAULT_REGION.into(),
            ci,
        }
    }

    #[test]
    fn the_repository_slug_comes_from_the_package_url() {
        assert_eq!(repository().split('/').count(), 2, "{}", repository());
        assert!(env!("CARGO_PKG_REPOSITORY").starts_with("https://github.com/"));
    }

    #[test]
    fn regions_are_lowercase_words_joined_by_dashes() {
        for good in [
            "ap-guangzhou",
            "na-siliconvalley",
            "ap-shanghai-fsi",
            "eu-frankfurt",
        ] {
            assert!(is_region(good), "{good}");
        }
        for bad in [
            "",
            "guangzhou",
            "AP-guangzhou",
            "ap--guangzhou",
            "ap-guangzhou\nproject_id: 1",
            "ap-guangzhou # x",
            "ap-\"x\"",
        ] {
            assert!(!is_region(bad), "{bad:?}");
        }
    }

    #[test]
    fn project_ids_must_be_digits() {
        let mut bad = options(CiProvider::None);
        bad.project_id = Some("1460947878944567296\"\nprune: true".into());
        assert!(matches!(
            check_options(&bad),
            Err(InitError::InvalidProjectId { .. })
        ));
        bad.project_id = Some(String::new());
        assert!(check_options(&bad).is_err());
        assert!(check_options(&options(CiProvider::None)).is_ok());
    }

    #[test]
    fn each_ci_choice_adds_its_file_and_nothing_else() {
        let paths = |ci| -> Vec<PathBuf> {
            project_files(&options(ci), None)
                .into_iter()
                .map(|file| file.path)
                .collect()
        };
        let none = paths(CiProvider::None);
        assert!(none.contains(&PathBuf::from("wedata.yaml")));
        assert!(none.contains(&PathBuf::from(".gitignore")));
        assert!(none.contains(&PathBuf::from("getting_started/hello.sh")));
        assert!(none.contains(&PathBuf::from("schemas/project.json")));
        let github = paths(CiProvider::Github);
        assert_eq!(github.len(), none.len() + 1);
        assert!(github.contains(&PathBuf::from(".github/workflows/wedata.yml")));
        let gitlab = paths(CiProvider::Gitlab);
        assert_eq!(gitlab.len(), none.len() + 1);
        assert!(gitlab.contains(&PathBuf::from(".gitlab-ci.yml")));
    }

    #[test]
    fn no_placeholder_is_left_unfilled() {
        for ci in [CiProvider::Github, CiProvider::Gitlab] {
            for file in project_files(&options(ci), None) {
                assert!(!file.text.contains("@@"), "{}", file.path.display());
            }
        }
        let placeholder = project_files(
            &InitOptions {
                project_id: None,
                ..options(CiProvider::None)
            },
            None,
        );
        assert!(placeholder[0].text.contains(PLACEHOLDER_PROJECT_ID));
        assert!(placeholder[0].text.contains("a placeholder"));
    }

    #[test]
    fn imported_manifests_get_the_schema_line_of_their_kind() {
        let imported = vec![
            ImportedFile {
                path: PathBuf::from("orders/workflow.yaml"),
                text: "kind: TriggerWorkflow\nname: orders\n".into(),
            },
            ImportedFile {
                path: PathBuf::from("orders/load.yaml"),
                text: "kind: Task\nname: load\n".into(),
            },
            ImportedFile {
                path: PathBuf::from("orders/load.sh"),
                text: "echo 1\n".into(),
            },
        ];
        let files = project_files(&options(CiProvider::None), Some(imported));
        let text = |path: &str| {
            files
                .iter()
                .find(|file| file.path == Path::new(path))
                .map(|file| file.text.clone())
                .unwrap()
        };
        assert!(
            text("orders/workflow.yaml")
                .starts_with("# yaml-language-server: $schema=../schemas/trigger-workflow.json\n")
        );
        assert!(
            text("orders/load.yaml")
                .starts_with("# yaml-language-server: $schema=../schemas/task.json\n")
        );
        assert_eq!(text("orders/load.sh"), "echo 1\n");
        assert!(
            !files
                .iter()
                .any(|file| file.path.starts_with(EXAMPLE_FOLDER))
        );
    }
}
