//! The picture of a plan: every resource of the plan as a node coloured by its action, the
//! live tasks nobody declares (`Plan::unmanaged`) and the neighbours outside the repository
//! (`Plan::neighbours`) as context, and the dependency edges the plan records.

use std::collections::HashMap;

use super::{Cluster, Dag, Node, Status};
use crate::reconcile::{Action, Plan};

fn status_of(action: Action) -> Status {
    match action {
        Action::Create => Status::Create,
        Action::Update | Action::Submit => Status::Update,
        Action::Replace => Status::Replace,
        Action::Delete => Status::Delete,
        Action::NoOp => Status::Unchanged,
    }
}

/// Every task of the plan, its workflows as clusters, and the context around it.
pub fn from_plan(plan: &Plan) -> Dag {
    let mut dag = Dag::default();
    for resource in plan
        .resources
        .iter()
        .filter(|resource| !resource.kind.is_task() && !resource.kind.is_folder())
    {
        let cluster = dag.cluster(&resource.name);
        dag.clusters[cluster].status = Some(status_of(resource.action));
    }
    let mut by_address: HashMap<&str, usize> = HashMap::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let tasks = plan
        .resources
        .iter()
        .filter(|resource| resource.kind.is_task());
    for resource in tasks.clone() {
        let cluster = dag.cluster(resource.workflow.as_deref().unwrap_or(""));
        let index = dag.add_node(Node {
            key: resource.address.clone(),
            name: resource.name.clone(),
            cluster,
            status: status_of(resource.action),
            id: resource.id.clone(),
        });
        by_address.insert(&resource.address, index);
        if let Some(id) = &resource.id {
            by_id.insert(id, index);
        }
    }
    for task in &plan.unmanaged {
        let cluster = dag.cluster(&task.workflow);
        let index = dag.add_node(Node {
            key: crate::reconcile::plan::task_address(&task.workflow, &task.name),
            name: task.name.clone(),
            cluster,
            status: Status::Unmanaged,
            id: Some(task.id.clone()),
        });
        by_id.insert(&task.id, index);
    }
    for resource in tasks {
        let this = by_address[resource.address.as_str()];
        for address in &resource.depends_on {
            let Some(&other) = by_address.get(address.as_str()) else {
                continue; // a workflow: containment, drawn as the cluster
            };
            // A deletion's `depends_on` lists the dependents deleted before it (WeData refuses
            // to delete an upstream that still has some): the data flows the other way.
            dag.edges.push(if resource.action == Action::Delete {
                (this, other)
            } else {
                (other, this)
            });
        }
    }
    // Stage J's neighbours: tasks outside the repository, next to a resource of the plan.
    for neighbour in &plan.neighbours {
        let index = match by_id.get(neighbour.id.as_str()) {
            Some(&index) => index,
            None => {
                let cluster = dag.cluster(neighbour.workflow.as_deref().unwrap_or(""));
                dag.add_node(Node {
                    key: format!("id:{}", neighbour.id),
                    name: neighbour.name.clone(),
                    cluster,
                    status: Status::Unmanaged,
                    id: Some(neighbour.id.clone()),
                })
            }
        };
        for address in &neighbour.depends_on {
            if let Some(&upstream) = by_address.get(address.as_str()) {
                dag.edges.push((upstream, index));
            }
        }
        for address in &neighbour.needed_by {
            if let Some(&downstream) = by_address.get(address.as_str()) {
                dag.edges.push((index, downstream));
            }
        }
    }
    // An empty cluster name (a neighbour whose workflow WeData did not say) reads better named.
    for cluster in &mut dag.clusters {
        if cluster.name.is_empty() {
            *cluster = Cluster {
                name: "(other workflows)".to_owned(),
                ..cluster.clone()
            };
        }
    }
    dag.finish_edges();
    dag
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::reconcile::ResourceKind;
    use crate::reconcile::plan::{
        Fingerprints, NeighbourTask, ResourceChange, Summary, UnmanagedTask,
    };

    pub fn resource(
        workflow: &str,
        name: &str,
        action: Action,
        depends_on: &[&str],
    ) -> ResourceChange {
        ResourceChange {
            address: format!("task.{workflow}.{name}"),
            kind: ResourceKind::Task,
            name: name.to_owned(),
            workflow: Some(workflow.to_owned()),
            action,
            id: (action != Action::Create).then(|| format!("id-{name}")),
            changes: Vec::new(),
            depends_on: depends_on
                .iter()
                .map(|name| format!("task.{workflow}.{name}"))
                .chain([format!("workflow.{workflow}")])
                .collect(),
            source: None,
            code_file: None,
            prevent_destroy: false,
        }
    }

    pub fn plan_of(resources: Vec<ResourceChange>) -> Plan {
        Plan {
            format_version: crate::reconcile::plan::FORMAT_VERSION,
            project_id: "1".into(),
            target: None,
            api_version: "2025-08-06".into(),
            tool_version: "0.1.0".into(),
            selection: Vec::new(),
            risk: Default::default(),
            resources,
            waves: Vec::new(),
            unmanaged: Vec::new(),
            neighbours: Vec::new(),
            notices: Vec::new(),
            impact: Default::default(),
            policy_violations: Vec::new(),
            summary: Summary::default(),
            deletion_allowed: false,
            deletion_notifies_owners: false,
            fingerprints: Fingerprints::default(),
        }
    }

    #[test]
    fn tasks_become_nodes_in_their_workflow_with_edges_from_upstream() {
        let mut plan = plan_of(vec![
            resource("orders", "extract", Action::NoOp, &[]),
            resource("orders", "load", Action::Update, &["extract"]),
        ]);
        plan.resources.insert(
            0,
            ResourceChange {
                address: "workflow.orders".into(),
                kind: ResourceKind::Workflow,
                name: "orders".into(),
                workflow: None,
                action: Action::Create,
                id: None,
                changes: Vec::new(),
                depends_on: Vec::new(),
                source: None,
                code_file: None,
                prevent_destroy: false,
            },
        );
        let dag = from_plan(&plan);
        assert_eq!(dag.clusters.len(), 1);
        assert_eq!(dag.clusters[0].status, Some(Status::Create));
        assert_eq!(dag.nodes[1].status, Status::Update);
        assert_eq!(dag.edges, vec![(0, 1)], "extract feeds load");
    }

    #[test]
    fn a_deletion_edge_points_the_way_data_flows() {
        // The upstream being deleted waits for its dependent's deletion.
        let plan = plan_of(vec![
            resource("orders", "old_upstream", Action::Delete, &["old_dependent"]),
            resource("orders", "old_dependent", Action::Delete, &[]),
        ]);
        let dag = from_plan(&plan);
        assert_eq!(dag.edges, vec![(0, 1)], "old_upstream feeds old_dependent");
    }

    #[test]
    fn unmanaged_tasks_and_neighbours_are_context_and_neighbours_reuse_known_ids() {
        let mut plan = plan_of(vec![resource("orders", "load", Action::Update, &[])]);
        plan.unmanaged.push(UnmanagedTask {
            workflow: "orders".into(),
            name: "hand_made".into(),
            id: "42".into(),
            periodic: false,
        });
        plan.neighbours.push(NeighbourTask {
            id: "42".into(),
            name: "hand_made".into(),
            workflow: Some("orders".into()),
            depends_on: vec!["task.orders.load".into()],
            needed_by: Vec::new(),
        });
        plan.neighbours.push(NeighbourTask {
            id: "77".into(),
            name: "bi_refresh".into(),
            workflow: None,
            depends_on: Vec::new(),
            needed_by: vec!["task.orders.load".into()],
        });
        let dag = from_plan(&plan);
        assert_eq!(dag.nodes.len(), 3, "the neighbour 42 is the unmanaged task");
        assert_eq!(dag.nodes[1].status, Status::Unmanaged);
        assert_eq!(dag.nodes[2].key, "id:77");
        assert_eq!(dag.clusters[dag.nodes[2].cluster].name, "(other workflows)");
        assert_eq!(dag.edges, vec![(0, 1), (2, 0)]);
    }
}
