//! Folders a plan needs before it can create workflows and tasks. WeData refuses a task whose
//! TaskFolderPath does not exist ("如果 tf_01 文件夹不存在，则需要先创建这个文件夹（使用
//! CreateTaskFolder 接口）才能操作成功", TaskBaseAttribute.TaskFolderPath in api.json), and a
//! workflow is created in an existing folder (ParentFolderPath, 所属文件夹路径). So every
//! missing level of such a folder becomes a plan resource (`workflow_folder` / `task_folder`)
//! that the workflow or task depends on, and the executor creates it first.
//!
//! Task folders live per workflow and per category (TaskFolderType: GENERAL for Shell and
//! Python, DLC for DLC SQL, ...). For a task type whose category is not known, a missing folder
//! cannot be created: that is a refusal at plan time, never a failure halfway through apply.
//!
//! Pure: what is needed comes from the project and the plan; what exists was read by `live`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde_json::Value;

use super::inputs::workflow_label;
use super::plan::{self, Action, MemberChange, Plan, ResourceChange, ResourceKind};
use crate::live::folders::TaskFolderQuery;
pub use crate::live::folders::{Existing, canonical, levels};
use crate::manifest::task_types::folder_type_for_id;
use crate::manifest::{Project, WorkflowDefinition};

/// The folder a plan resource is created in, when it is not the root.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct TaskFolderNeed {
    /// The workflow as the plan addresses it.
    pub workflow: String,
    /// Its live id, when it exists (a workflow created in this run has no folders yet).
    pub workflow_id: Option<String>,
    /// TaskFolderType, when the task type's category is known.
    pub folder_type: Option<&'static str>,
    pub path: String,
}

/// Where the folders a plan needs must exist.
#[derive(Debug, Clone, Default)]
pub struct Needs {
    /// ParentFolderPath of workflows the plan creates, with their addresses.
    pub workflow_folders: BTreeMap<String, Vec<String>>,
    /// TaskFolderPath of tasks the plan creates or moves, with who needs it.
    pub task_folders: BTreeMap<TaskFolderNeed, Vec<Needer>>,
}

/// A task that needs a folder, and where its `folder_path` is written.
#[derive(Debug, Clone)]
pub struct Needer {
    pub address: String,
    pub task_type: String,
    pub file: PathBuf,
    pub line: usize,
}

/// A task folder that is missing and cannot be created.
#[derive(Debug, Clone)]
pub struct Unsupported {
    pub needer: Needer,
    pub path: String,
    pub workflow: String,
}

impl Needs {
    /// What `live::folders::read` should look for: task folders of workflows that exist (one
    /// created in this run has none yet).
    pub fn queries(&self) -> (Vec<&str>, Vec<TaskFolderQuery<'_>>) {
        let workflow_paths = self.workflow_folders.keys().map(String::as_str).collect();
        let task_folders = self
            .task_folders
            .keys()
            .filter_map(|need| {
                Some(TaskFolderQuery {
                    workflow_id: need.workflow_id.as_deref()?,
                    folder_type: need.folder_type,
                    path: &need.path,
                })
            })
            .collect();
        (workflow_paths, task_folders)
    }
}

/// The folder paths the plan's creates (and task moves) need.
pub fn needs(project: &Project, plan: &Plan) -> Needs {
    let mut needs = Needs::default();
    for workflow in &project.workflows {
        let Some(resource) = plan.resource(&plan::workflow_address(&workflow.name)) else {
            continue;
        };
        if resource.action != Action::Create {
            continue;
        }
        let folder = match &workflow.definition {
            WorkflowDefinition::Trigger(manifest) => manifest.folder.as_deref(),
            WorkflowDefinition::Periodic(manifest) => manifest.folder.as_deref(),
        };
        if let Some(folder) = folder.map(canonical).filter(|folder| folder != "/") {
            needs
                .workflow_folders
                .entry(folder)
                .or_default()
                .push(resource.address.clone());
        }
    }
    for task in &project.tasks {
        let label = workflow_label(task);
        let address = plan::task_address(&label, task.name());
        let Some(resource) = plan.resource(&address) else {
            continue;
        };
        let moves = resource.action == Action::Update
            && resource
                .changes
                .iter()
                .any(|change| change.member == "base.folder_path");
        if !matches!(resource.action, Action::Create | Action::Replace) && !moves {
            continue;
        }
        let Some(path) = task
            .base()
            .folder_path
            .as_deref()
            .map(canonical)
            .filter(|path| path != "/")
        else {
            continue;
        };
        let workflow_id = plan
            .resource(&plan::workflow_address(&label))
            .and_then(|workflow| workflow.id.clone())
            .or_else(|| match &task.workflow().value {
                crate::manifest::types::Reference::Id { id } => Some(id.clone()),
                crate::manifest::types::Reference::Name(_) => None,
            })
            .or_else(|| {
                plan.fingerprints
                    .live
                    .get(&plan::workflow_address(&label))
                    .map(|fingerprint| fingerprint.id.clone())
            });
        let need = TaskFolderNeed {
            workflow: label,
            workflow_id,
            folder_type: folder_type_for_id(task.task_type_id),
            path,
        };
        needs.task_folders.entry(need).or_default().push(Needer {
            address,
            task_type: crate::manifest::task_types::name_for_id(task.task_type_id)
                .map(str::to_owned)
                .unwrap_or_else(|| task.task_type_id.to_string()),
            file: task.file.clone(),
            line: task.line,
        });
    }
    needs
}

/// Adds a create for every missing folder level, makes the resources that need a folder
/// depend on it, and returns the folders that cannot be created. Deterministic: resources are
/// sorted and waves recomputed.
pub fn add(plan: &mut Plan, needs: &Needs, existing: &Existing) -> Vec<Unsupported> {
    let mut created: BTreeMap<String, ResourceChange> = BTreeMap::new();
    let mut edges: Vec<(String, String)> = Vec::new();
    for (path, workflows) in &needs.workflow_folders {
        let mut parent: Option<String> = None;
        for level in levels(path) {
            if existing.workflow_folders.contains(&level) {
                continue;
            }
            let address = workflow_folder_address(&level);
            created
                .entry(address.clone())
                .or_insert_with(|| folder_resource(&address, &level, None, None, parent.clone()));
            parent = Some(address);
        }
        if let Some(last) = parent {
            for workflow in workflows {
                edges.push((workflow.clone(), last.clone()));
            }
        }
    }

    let mut unsupported = Vec::new();
    for (need, needers) in &needs.task_folders {
        let exists = |level: &str| {
            need.workflow_id.as_ref().is_some_and(|workflow_id| {
                existing.task_folders.iter().any(|(id, folder_type, path)| {
                    id == workflow_id
                        && path == level
                        && need.folder_type.is_none_or(|wanted| wanted == folder_type)
                })
            })
        };
        if exists(&need.path) {
            continue;
        }
        let Some(folder_type) = need.folder_type else {
            unsupported.extend(needers.iter().map(|needer| Unsupported {
                needer: needer.clone(),
                path: need.path.clone(),
                workflow: need.workflow.clone(),
            }));
            continue;
        };
        let mut parent: Option<String> = None;
        for level in levels(&need.path) {
            if exists(&level) {
                continue;
            }
            let address = task_folder_address(&need.workflow, folder_type, &level);
            let workflow_address = plan::workflow_address(&need.workflow);
            let workflow_created = plan
                .resource(&workflow_address)
                .is_some_and(|workflow| workflow.action == Action::Create);
            created.entry(address.clone()).or_insert_with(|| {
                let mut resource = folder_resource(
                    &address,
                    &level,
                    Some(need.workflow.clone()),
                    Some(folder_type),
                    parent.clone(),
                );
                if workflow_created {
                    resource.depends_on.push(workflow_address.clone());
                    resource.depends_on.sort();
                }
                resource
            });
            parent = Some(address);
        }
        if let Some(last) = parent {
            for needer in needers {
                edges.push((needer.address.clone(), last.clone()));
            }
        }
    }
    if created.is_empty() {
        return unsupported;
    }
    for (dependent, folder) in edges {
        if let Some(resource) = plan
            .resources
            .iter_mut()
            .find(|resource| resource.address == dependent)
        {
            resource.depends_on.push(folder);
            resource.depends_on.sort();
            resource.depends_on.dedup();
        }
    }
    plan.resources.extend(created.into_values());
    plan.resources
        .sort_by(|left, right| (left.kind, &left.address).cmp(&(right.kind, &right.address)));
    plan.summary.create = plan
        .resources
        .iter()
        .filter(|resource| resource.action == Action::Create)
        .count();
    plan.waves = plan::waves(&plan.resources);
    unsupported
}

pub fn workflow_folder_address(path: &str) -> String {
    format!("workflow_folder.{path}")
}

pub fn task_folder_address(workflow: &str, folder_type: &str, path: &str) -> String {
    format!("task_folder.{workflow}.{folder_type}.{path}")
}

fn folder_resource(
    address: &str,
    path: &str,
    workflow: Option<String>,
    folder_type: Option<&str>,
    parent: Option<String>,
) -> ResourceChange {
    let mut changes = vec![MemberChange {
        member: "path".to_owned(),
        before: Value::Null,
        after: Value::from(path),
        sensitive: false,
    }];
    if let Some(folder_type) = folder_type {
        changes.push(MemberChange {
            member: "task_folder_type".to_owned(),
            before: Value::Null,
            after: Value::from(folder_type),
            sensitive: false,
        });
    }
    ResourceChange {
        address: address.to_owned(),
        kind: if folder_type.is_some() {
            ResourceKind::TaskFolder
        } else {
            ResourceKind::WorkflowFolder
        },
        // Shown after the workflow's name (`orders/orders/quality (GENERAL)`).
        name: match folder_type {
            Some(folder_type) => format!("{} ({folder_type})", path.trim_start_matches('/')),
            None => path.to_owned(),
        },
        workflow,
        action: Action::Create,
        id: None,
        changes,
        depends_on: parent.into_iter().collect(),
        source: None,
        code_file: None,
        prevent_destroy: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{TaskState, WorkflowState};
    use crate::reconcile::plan::{Binding, DeletionPolicy, Fingerprints, TaskInput, WorkflowInput};

    fn needer(address: &str) -> Needer {
        Needer {
            address: address.to_owned(),
            task_type: "Shell".to_owned(),
            file: PathBuf::from("t.yaml"),
            line: 2,
        }
    }

    /// A new workflow `w` in `/a/b` (where `/a` exists) with a new task `t` in `/x/y`.
    fn planned() -> Plan {
        let workflow = WorkflowInput {
            periodic: false,
            desired: WorkflowState {
                name: "w".into(),
                members: BTreeMap::new(),
            },
            source: "w.yaml:2".into(),
            live: None,
        };
        let task = TaskInput {
            kind: ResourceKind::Task,
            workflow: "w".into(),
            desired: TaskState {
                name: "t".into(),
                members: BTreeMap::new(),
            },
            source: "t.yaml:2".into(),
            prevent_destroy: false,
            references: Vec::new(),
            code_file: None,
            live: None,
        };
        plan::plan(
            Binding::default(),
            &[workflow],
            &[task],
            Vec::new(),
            Fingerprints::default(),
            DeletionPolicy::default(),
        )
    }

    #[test]
    fn each_missing_level_is_created_before_what_lives_in_it() {
        let mut plan = planned();
        let mut needs = Needs::default();
        needs
            .workflow_folders
            .insert("/a/b".into(), vec!["workflow.w".into()]);
        needs.task_folders.insert(
            TaskFolderNeed {
                workflow: "w".into(),
                workflow_id: None,
                folder_type: Some("GENERAL"),
                path: "/x/y".into(),
            },
            vec![needer("task.w.t")],
        );
        let existing = Existing {
            workflow_folders: ["/a".to_owned()].into(),
            ..Existing::default()
        };
        assert!(add(&mut plan, &needs, &existing).is_empty());
        let depends = |address: &str| plan.resource(address).unwrap().depends_on.clone();
        assert!(plan.resource("workflow_folder./a").is_none(), "it exists");
        assert_eq!(depends("workflow.w"), ["workflow_folder./a/b"]);
        assert_eq!(depends("task_folder.w.GENERAL./x"), ["workflow.w"]);
        assert_eq!(
            depends("task_folder.w.GENERAL./x/y"),
            ["task_folder.w.GENERAL./x", "workflow.w"]
        );
        assert!(depends("task.w.t").contains(&"task_folder.w.GENERAL./x/y".to_owned()));
        assert_eq!(plan.summary.create, 5);
        assert_eq!(
            plan.waves,
            vec![
                vec!["workflow_folder./a/b".to_owned()],
                vec!["workflow.w".to_owned()],
                vec!["task_folder.w.GENERAL./x".to_owned()],
                vec!["task_folder.w.GENERAL./x/y".to_owned()],
                vec!["task.w.t".to_owned()],
            ]
        );
    }

    #[test]
    fn a_missing_folder_of_an_unknown_category_is_refused_and_an_existing_one_is_used() {
        let need = TaskFolderNeed {
            workflow: "w".into(),
            workflow_id: Some("wf-1".into()),
            folder_type: None,
            path: "/notebooks".into(),
        };
        let mut needs = Needs::default();
        needs.task_folders.insert(need, vec![needer("task.w.t")]);
        let mut plan = planned();
        let unsupported = add(&mut plan, &needs, &Existing::default());
        assert_eq!(unsupported.len(), 1);
        assert_eq!(unsupported[0].path, "/notebooks");
        assert_eq!(plan.summary.create, 2, "nothing added");

        let existing = Existing {
            task_folders: [("wf-1".to_owned(), "EMR".to_owned(), "/notebooks".to_owned())].into(),
            ..Existing::default()
        };
        let mut plan = planned();
        assert!(add(&mut plan, &needs, &existing).is_empty());
    }

    #[test]
    fn paths_are_canonical_and_split_into_levels() {
        assert_eq!(canonical("orders/quality/"), "/orders/quality");
        assert_eq!(canonical("//"), "/");
        assert_eq!(
            levels("/orders/quality"),
            vec!["/orders", "/orders/quality"]
        );
        assert!(levels("/").is_empty());
    }
}
