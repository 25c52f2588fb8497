//! `--select` patterns: which tasks a picture shows.
//!
//! A pattern is a glob (`*` any run of characters, `?` one character) matched against
//! `<workflow>/<task>`, or against the task name alone when it has no `/`. A leading `+` adds
//! everything upstream of the matches, a trailing `+` everything downstream (as in dbt's
//! selectors). Several patterns select the union.

use std::collections::HashSet;

use super::Dag;
use crate::reconcile::select::glob_matches;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SelectError {
    #[error("no task matches --select `{pattern}`")]
    NothingMatches { pattern: String },
    #[error("--select `{pattern}` has no name to match")]
    Empty { pattern: String },
}

/// The view of `dag` keeping the tasks the patterns select (an empty list keeps everything).
pub fn select(dag: &Dag, patterns: &[String]) -> Result<Dag, SelectError> {
    if patterns.is_empty() {
        return Ok(dag.clone());
    }
    let mut kept: HashSet<usize> = HashSet::new();
    for pattern in patterns {
        let (upstream, rest) = match pattern.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, pattern.as_str()),
        };
        let (downstream, glob) = match rest.strip_suffix('+') {
            Some(glob) => (true, glob),
            None => (false, rest),
        };
        if glob.is_empty() {
            return Err(SelectError::Empty {
                pattern: pattern.clone(),
            });
        }
        let matched: Vec<usize> = dag
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| {
                let subject = if glob.contains('/') {
                    format!("{}/{}", dag.clusters[node.cluster].name, node.name)
                } else {
                    node.name.clone()
                };
                glob_matches(glob, &subject)
            })
            .map(|(index, _)| index)
            .collect();
        if matched.is_empty() {
            return Err(SelectError::NothingMatches {
                pattern: pattern.clone(),
            });
        }
        kept.extend(&matched);
        if upstream {
            kept.extend(dag.reachable(&matched, true));
        }
        if downstream {
            kept.extend(dag.reachable(&matched, false));
        }
    }
    Ok(dag.retain(|index, _| kept.contains(&index)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dag::{Cluster, Node, Status};

    fn dag() -> Dag {
        // orders: extract -> clean -> load -> publish; finance: extract_ledger
        let mut dag = Dag {
            clusters: vec![Cluster::new("orders"), Cluster::new("finance")],
            ..Dag::default()
        };
        for (name, cluster) in [
            ("extract", 0),
            ("clean", 0),
            ("load", 0),
            ("publish", 0),
            ("extract_ledger", 1),
        ] {
            dag.add_node(Node {
                key: name.into(),
                name: name.into(),
                cluster,
                status: Status::Declared,
                id: None,
            });
        }
        dag.edges = vec![(0, 1), (1, 2), (2, 3)];
        dag
    }

    fn names(view: &Dag) -> Vec<&str> {
        view.nodes.iter().map(|node| node.name.as_str()).collect()
    }

    #[test]
    fn globs_match_names_or_workflow_paths() {
        assert!(glob_matches("extract*", "extract_ledger"));
        assert!(glob_matches("*", ""));
        assert!(glob_matches("l?ad", "load"));
        assert!(!glob_matches("load", "loads"));
        assert!(glob_matches("*/*ledger", "finance/extract_ledger"));
        let view = select(&dag(), &["extract*".into()]).unwrap();
        assert_eq!(names(&view), ["extract", "extract_ledger"]);
        let view = select(&dag(), &["orders/*".into()]).unwrap();
        assert_eq!(names(&view), ["extract", "clean", "load", "publish"]);
    }

    #[test]
    fn plus_signs_add_upstream_and_downstream() {
        let view = select(&dag(), &["+load".into()]).unwrap();
        assert_eq!(names(&view), ["extract", "clean", "load"]);
        assert_eq!(view.edges, vec![(0, 1), (1, 2)]);
        let view = select(&dag(), &["clean+".into()]).unwrap();
        assert_eq!(names(&view), ["clean", "load", "publish"]);
        let view = select(&dag(), &["clean".into(), "extract_ledger".into()]).unwrap();
        assert_eq!(names(&view), ["clean", "extract_ledger"]);
    }

    #[test]
    fn a_pattern_matching_nothing_is_an_error() {
        assert_eq!(
            select(&dag(), &["nope*".into()]),
            Err(SelectError::NothingMatches {
                pattern: "nope*".into()
            })
        );
        assert!(matches!(
            select(&dag(), &["++".into()]),
            Err(SelectError::Empty { .. })
        ));
    }
}
