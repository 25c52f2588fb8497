//! One lookup: the tasks directly downstream (or upstream) of one task, every page, from
//! ListDownstreamTriggerTasks / ListDownstreamTasks / ListUpstreamTriggerTasks /
//! ListUpstreamTasks. Only reads; knows nothing of plans.

use serde::{Deserialize, Serialize};

use crate::api::types::{
    ListDownstreamTasksRequest, ListDownstreamTriggerTasksRequest, ListUpstreamTasksRequest,
    ListUpstreamTriggerTasksRequest, TaskDependDto, TriggerTaskDependDto,
};
use crate::api::{ApiError, Client};

/// The largest page the lookups accept.
const PAGE_SIZE: u64 = 200;
/// Pages read for one task at most (20,000 linked tasks): an answer that keeps announcing
/// more pages cannot keep a plan reading forever.
const MAX_PAGES: u64 = 100;

/// Which way a lookup reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Downstream,
    Upstream,
}

/// A task on the other end of a dependency, as WeData describes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Linked {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workflow: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

impl Linked {
    fn from_trigger(item: TriggerTaskDependDto) -> Option<Self> {
        Some(Self {
            id: item.task_id.filter(|id| !id.is_empty())?,
            name: item.task_name.unwrap_or_default(),
            workflow: item.workflow_name,
            owner: item.owner_uin,
        })
    }

    fn from_periodic(item: TaskDependDto) -> Option<Self> {
        Some(Self {
            id: item.task_id.filter(|id| !id.is_empty())?,
            name: item.task_name.unwrap_or_default(),
            workflow: item.workflow_name,
            owner: item.owner_uin,
        })
    }
}

/// Every task linked to `task_id` in `direction`, sorted by id (WeData's order is not
/// promised, and the plan must not depend on it).
pub async fn linked_tasks(
    client: &Client,
    project_id: &str,
    task_id: &str,
    periodic: bool,
    direction: Direction,
) -> Result<Vec<Linked>, ApiError> {
    let mut items = Vec::new();
    let mut page = 1;
    loop {
        let (listed, total_pages) =
            read_page(client, project_id, task_id, periodic, direction, page).await?;
        let empty = listed.is_empty();
        items.extend(listed);
        if empty || page >= total_pages || page >= MAX_PAGES {
            break;
        }
        page += 1;
    }
    items.sort_by(|left, right| left.id.cmp(&right.id));
    items.dedup_by(|left, right| left.id == right.id);
    Ok(items)
}

async fn read_page(
    client: &Client,
    project_id: &str,
    task_id: &str,
    periodic: bool,
    direction: Direction,
    page: u64,
) -> Result<(Vec<Linked>, u64), ApiError> {
    let project_id = project_id.to_owned();
    let task_id = task_id.to_owned();
    let page_number = Some(page);
    let page_size = Some(PAGE_SIZE);
    Ok(match (periodic, direction) {
        (false, Direction::Downstream) => trigger_page(
            client
                .send(&ListDownstreamTriggerTasksRequest {
                    project_id,
                    task_id,
                    page_number,
                    page_size,
                })
                .await?
                .data,
        ),
        (false, Direction::Upstream) => trigger_page(
            client
                .send(&ListUpstreamTriggerTasksRequest {
                    project_id,
                    task_id,
                    page_number,
                    page_size,
                })
                .await?
                .data,
        ),
        (true, Direction::Downstream) => periodic_page(
            client
                .send(&ListDownstreamTasksRequest {
                    project_id,
                    task_id,
                    page_number,
                    page_size,
                })
                .await?
                .data,
        ),
        (true, Direction::Upstream) => periodic_page(
            client
                .send(&ListUpstreamTasksRequest {
                    project_id,
                    task_id,
                    page_number,
                    page_size,
                })
                .await?
                .data,
        ),
    })
}

fn trigger_page(
    data: Option<crate::api::types::TriggerDependencyConfigPage>,
) -> (Vec<Linked>, u64) {
    let data = data.unwrap_or_default();
    (
        data.items
            .unwrap_or_default()
            .into_iter()
            .filter_map(Linked::from_trigger)
            .collect(),
        data.total_page_number.unwrap_or(0),
    )
}

fn periodic_page(data: Option<crate::api::types::DependencyConfigPage>) -> (Vec<Linked>, u64) {
    let data = data.unwrap_or_default();
    (
        data.items
            .unwrap_or_default()
            .into_iter()
            .filter_map(Linked::from_periodic)
            .collect(),
        data.total_page_number.unwrap_or(0),
    )
}
