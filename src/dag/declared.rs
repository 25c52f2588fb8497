//! The repository's DAG (every declared task and its upstreams, from the loaded manifests)
//! and the live one (every task of the declared workflows as WeData lists it, with the
//! upstreams its definition names), for the `graph` command.

use std::collections::HashMap;

use super::{Dag, Node, Status};
use crate::live::LiveWorkflow;
use crate::manifest::Project;
use crate::manifest::types::Reference;
use crate::reconcile::inputs::workflow_label;
use crate::reconcile::plan::task_address;

/// The cluster of tasks known only by an id nothing in the picture has.
const ELSEWHERE: &str = "(referenced by id)";

/// The declared DAG: tasks by workflow, edges from upstreams and parameter sources.
pub fn declared(project: &Project) -> Dag {
    let mut dag = Dag::default();
    for workflow in &project.workflows {
        dag.cluster(&workflow.name);
    }
    let mut by_name: HashMap<(String, String), usize> = HashMap::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for task in &project.tasks {
        let workflow = workflow_label(task);
        let cluster = dag.cluster(&workflow);
        let index = dag.add_node(Node {
            key: task_address(&workflow, task.name()),
            name: task.name().to_owned(),
            cluster,
            status: Status::Declared,
            id: task.id().cloned(),
        });
        by_name.insert((workflow, task.name().to_owned()), index);
        if let Some(id) = task.id() {
            by_id.insert(id.clone(), index);
        }
    }
    for (downstream, task) in project.tasks.iter().enumerate() {
        let workflow = workflow_label(task);
        let references = task
            .upstream()
            .into_iter()
            .map(|upstream| upstream.reference)
            .chain(task.params_in().iter().map(|input| &input.from_task.value));
        let mut upstreams = Vec::new();
        for reference in references {
            let upstream = match reference {
                Reference::Name(name) => by_name.get(&(workflow.clone(), name.clone())).copied(),
                Reference::Id { id } => Some(node_for_id(&mut dag, &mut by_id, id)),
            };
            upstreams.extend(upstream);
        }
        dag.edges
            .extend(upstreams.into_iter().map(|upstream| (upstream, downstream)));
    }
    dag.finish_edges();
    dag
}

/// The node of a task known by id, added to the "elsewhere" cluster when new.
fn node_for_id(dag: &mut Dag, by_id: &mut HashMap<String, usize>, id: &str) -> usize {
    if let Some(&index) = by_id.get(id) {
        return index;
    }
    let cluster = dag.cluster(ELSEWHERE);
    let index = dag.add_node(Node {
        key: format!("id:{id}"),
        name: id.to_owned(),
        cluster,
        status: Status::Unmanaged,
        id: Some(id.to_owned()),
    });
    by_id.insert(id.to_owned(), index);
    index
}

/// The live DAG of the declared workflows: every task WeData lists in them (declared ones as
/// declared, the others as not managed), edges from the upstreams their definitions name.
pub fn live(project: &Project, workflows: &[LiveWorkflow]) -> Dag {
    let mut dag = Dag::default();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for workflow in workflows {
        let cluster = dag.cluster(&workflow.name);
        for listed in &workflow.tasks {
            let name = listed.task_name.clone().unwrap_or_default();
            let is_declared = project.tasks.iter().any(|task| match task.id() {
                Some(id) => *id == listed.task_id,
                None => {
                    task.name() == name
                        && (workflow_label(task) == workflow.name
                            || workflow_label(task) == workflow.id)
                }
            });
            let index = dag.add_node(Node {
                key: task_address(&workflow.name, &name),
                name,
                cluster,
                status: if is_declared {
                    Status::Declared
                } else {
                    Status::Unmanaged
                },
                id: Some(listed.task_id.clone()),
            });
            by_id.insert(listed.task_id.clone(), index);
        }
    }
    for workflow in workflows {
        for listed in &workflow.tasks {
            let Some((definition, _)) = workflow.definitions.get(&listed.task_id) else {
                continue;
            };
            let downstream = by_id[&listed.task_id];
            for upstream_id in definition.upstream_ids() {
                let upstream = node_for_id(&mut dag, &mut by_id, &upstream_id);
                dag.edges.push((upstream, downstream));
            }
        }
    }
    dag.finish_edges();
    dag
}
