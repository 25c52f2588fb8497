//! Data Exploration's code folders and code files (CreateCodeFolder, CreateCodeFile,
//! UpdateCodeFile, GetCodeFile, DeleteCodeFile, ListCodeFolderContents), in the shapes of the
//! official examples. The deployment lock keeps its records here.
//!
//! Folders are paths (`/a/b`) under the root `/`, which always exists; a file or folder is
//! created only in an existing folder, and names are unique within a folder (DuplicateName).
//! Files are SHARED, owned by the emulated user, stamped with the request's time (seconds,
//! UTC+8, as the service shows them).

use serde_json::{Map, Value, json};

use super::{Clock, EMULATED_USER_UIN, Failure, Store, failure, not_found, text};

/// A code folder: its id and full path.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CodeFolder {
    pub id: String,
    pub path: String,
    pub create_time: String,
}

impl Store {
    pub(super) fn create_code_folder(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let name = text(body, "FolderName");
        check_name(name, "FolderName")?;
        let parent = normalized_folder(text(body, "ParentFolderPath"));
        let project = self.project(project_id);
        if !folder_exists(project, &parent) {
            return Err(not_found("code folder", &parent));
        }
        let path = join(&parent, name);
        if name_taken(project, &parent, name) {
            return Err(failure(
                "InvalidParameter.DuplicateName",
                format!("`{path}` already exists."),
            ));
        }
        let id = uuid::Uuid::new_v4().to_string();
        project.code_folders.insert(
            path.clone(),
            CodeFolder {
                id: id.clone(),
                path,
                create_time: clock.display.clone(),
            },
        );
        Ok(json!({"Data": {"FolderId": id}}))
    }

    pub(super) fn create_code_file(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let name = text(body, "CodeFileName");
        check_name(name, "CodeFileName")?;
        let parent = normalized_folder(text(body, "ParentFolderPath"));
        let project = self.project(project_id);
        if !folder_exists(project, &parent) {
            return Err(not_found("code folder", &parent));
        }
        if name_taken(project, &parent, name) {
            return Err(failure(
                "InvalidParameter.DuplicateName",
                format!("`{}` already exists.", join(&parent, name)),
            ));
        }
        let id = uuid::Uuid::new_v4().to_string();
        let file = json!({
            "AccessScope": "SHARED",
            "CodeFileConfig": body.get("CodeFileConfig").cloned().unwrap_or(Value::Null),
            "CodeFileContent": text(body, "CodeFileContent"),
            "CodeFileId": id,
            "CodeFileName": name,
            "CreateTime": clock.display,
            "OwnerUin": EMULATED_USER_UIN,
            "ParentFolderPath": parent,
            "Path": join(&parent, name),
            "ProjectId": project_id,
            "UpdateTime": clock.display,
            "UpdateUserUin": EMULATED_USER_UIN,
        });
        project.code_files.insert(id, file.clone());
        Ok(json!({ "Data": file }))
    }

    pub(super) fn update_code_file(
        &mut self,
        project_id: &str,
        body: &Value,
        clock: &Clock,
    ) -> Result<Value, Failure> {
        let id = text(body, "CodeFileId");
        let file = self
            .project(project_id)
            .code_files
            .get_mut(id)
            .ok_or_else(|| not_found("code file", id))?;
        if let Some(content) = body.get("CodeFileContent").and_then(Value::as_str) {
            file["CodeFileContent"] = json!(content);
        }
        if let Some(config) = body.get("CodeFileConfig") {
            file["CodeFileConfig"] = config.clone();
        }
        file["UpdateTime"] = json!(clock.display);
        file["UpdateUserUin"] = json!(EMULATED_USER_UIN);
        Ok(json!({ "Data": file.clone() }))
    }

    pub(super) fn get_code_file(
        &mut self,
        project_id: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let id = text(body, "CodeFileId");
        let file = self
            .project(project_id)
            .code_files
            .get(id)
            .ok_or_else(|| not_found("code file", id))?;
        let mut shown = file.clone();
        // "true: the content and the configuration; false: the configuration only (default)".
        if body.get("IncludeContent").and_then(Value::as_bool) != Some(true) {
            if let Some(members) = shown.as_object_mut() {
                members.remove("CodeFileContent");
            }
        }
        Ok(json!({ "Data": shown }))
    }

    pub(super) fn delete_code_file(
        &mut self,
        project_id: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let id = text(body, "CodeFileId");
        self.project(project_id)
            .code_files
            .remove(id)
            .ok_or_else(|| not_found("code file", id))?;
        Ok(json!({"Data": {"CodeFileId": id, "Status": true}}))
    }

    pub(super) fn list_code_folder_contents(
        &mut self,
        project_id: &str,
        body: &Value,
    ) -> Result<Value, Failure> {
        let parent = normalized_folder(text(body, "ParentFolderPath"));
        let keyword = text(body, "Keyword");
        let only_folders = body.get("OnlyFolderNode").and_then(Value::as_bool) == Some(true);
        let project = self.project(project_id);
        if !folder_exists(project, &parent) {
            return Err(not_found("code folder", &parent));
        }
        let mut nodes: Vec<Value> = Vec::new();
        for folder in project.code_folders.values() {
            if parent_of(&folder.path) == parent {
                nodes.push(node(
                    &folder.id,
                    name_of(&folder.path),
                    "folder",
                    &folder.path,
                    &parent,
                ));
            }
        }
        if !only_folders {
            for file in project.code_files.values() {
                if text(file, "ParentFolderPath") == parent {
                    nodes.push(node(
                        text(file, "CodeFileId"),
                        text(file, "CodeFileName"),
                        "script",
                        text(file, "Path"),
                        &parent,
                    ));
                }
            }
        }
        nodes.retain(|node| keyword.is_empty() || text(node, "Title").contains(keyword));
        nodes.sort_by(|left, right| text(left, "Path").cmp(text(right, "Path")));
        Ok(json!({ "Data": nodes }))
    }
}

/// A node of ListCodeFolderContents, with the members of the official example.
fn node(id: &str, title: &str, kind: &str, path: &str, parent: &str) -> Value {
    let mut members = Map::new();
    members.insert("AccessScope".into(), json!("SHARED"));
    members.insert("Children".into(), json!([]));
    members.insert("CreateUserUin".into(), json!(EMULATED_USER_UIN));
    members.insert("Id".into(), json!(id));
    members.insert("IsLeaf".into(), json!(kind == "script"));
    members.insert("NodePermission".into(), Value::Null);
    members.insert("OwnerUin".into(), json!(EMULATED_USER_UIN));
    members.insert("Params".into(), json!(""));
    members.insert("ParentFolderPath".into(), json!(parent));
    members.insert("Path".into(), json!(path));
    members.insert("Title".into(), json!(title));
    members.insert("Type".into(), json!(kind));
    Value::Object(members)
}

fn check_name(name: &str, member: &str) -> Result<(), Failure> {
    if name.is_empty() || name.contains('/') {
        return Err(failure(
            "InvalidParameterValue",
            format!("`{member}` must be a non-empty name without `/`."),
        ));
    }
    Ok(())
}

/// `""`, `/` and `/a/b/` all name folders as `/`, `/a/b`.
fn normalized_folder(path: &str) -> String {
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else if trimmed.starts_with('/') {
        trimmed.to_owned()
    } else {
        format!("/{trimmed}")
    }
}

fn join(parent: &str, name: &str) -> String {
    if parent == "/" {
        format!("/{name}")
    } else {
        format!("{parent}/{name}")
    }
}

fn parent_of(path: &str) -> String {
    match path.rsplit_once('/') {
        Some(("", _)) | None => "/".to_owned(),
        Some((parent, _)) => parent.to_owned(),
    }
}

fn name_of(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn folder_exists(project: &super::Project, path: &str) -> bool {
    path == "/" || project.code_folders.contains_key(path)
}

fn name_taken(project: &super::Project, parent: &str, name: &str) -> bool {
    let path = join(parent, name);
    project.code_folders.contains_key(&path)
        || project
            .code_files
            .values()
            .any(|file| text(file, "Path") == path)
}
