//! Task types by name: the TaskTypeId table of the API's documentation
//! (`CreateTriggerTaskBaseAttribute.TaskTypeId` and `CreateTaskBaseAttribute.TaskTypeId`
//! in api.json), and the code file extension each type's code conventionally has.

/// (id, name, code file extension)
pub const TASK_TYPES: &[(u64, &str, &str)] = &[
    (21, "JDBC SQL", "sql"),
    (23, "TDSQL-PostgreSQL", "sql"),
    (26, "OfflineSynchronization", "json"),
    (30, "Python", "py"),
    (31, "PySpark", "py"),
    (32, "DLC SQL", "sql"),
    (33, "Impala", "sql"),
    (34, "Hive SQL", "sql"),
    (35, "Shell", "sh"),
    (36, "Spark SQL", "sql"),
    (38, "Shell Form Mode", "sh"),
    (39, "Spark", "txt"),
    (40, "TCHouse-P", "sql"),
    (41, "Kettle", "txt"),
    (42, "Tchouse-X", "txt"),
    (43, "TCHouse-X SQL", "sql"),
    (46, "DLC Spark", "txt"),
    (47, "TiOne", "txt"),
    (48, "Trino", "sql"),
    (50, "DLC PySpark", "py"),
    (92, "MapReduce", "txt"),
    (130, "Branch Node", "txt"),
    (131, "Merged Node", "txt"),
    (132, "Notebook", "ipynb"),
    (133, "SSH", "sh"),
    (134, "StarRocks", "sql"),
    (137, "For-each", "txt"),
    (138, "Setats SQL", "sql"),
    (139, "DLC Spark Streaming", "txt"),
    (140, "Run Workflow", "txt"),
];

/// The task folder category (TaskFolderType of CreateTaskFolder / ListTaskFolders) a task of
/// this type is filed under in its workflow, where it is known: the categories are the
/// console's (通用 GENERAL, 集成任务 ETL, DLC, EMR, TCHOUSE, TDSQL, SETATS, TI_ONE); the API
/// documents the category names but not which task types each holds, so types whose category
/// is not certain have none (the plan then refuses to create a missing folder for them).
pub fn folder_type_for_id(id: u64) -> Option<&'static str> {
    Some(match id {
        30 | 35 | 38 | 130 | 131 | 133 | 137 | 140 => "GENERAL",
        26 => "ETL",
        32 | 46 | 50 | 139 => "DLC",
        31 | 33 | 34 | 36 | 39 | 48 | 92 => "EMR",
        40 | 42 | 43 => "TCHOUSE",
        23 => "TDSQL",
        138 => "SETATS",
        47 => "TI_ONE",
        _ => return None,
    })
}

/// Every TaskFolderType (CreateTaskFolder's table).
pub const TASK_FOLDER_TYPES: [&str; 9] = [
    "ETL",
    "EMR",
    "DLC",
    "SETATS",
    "TDSQL",
    "TCHOUSE",
    "GENERAL",
    "TI_ONE",
    "ACROSS_WORKFLOWS",
];

/// Looks a name up, ignoring case, spaces, `-` and `_` ("dlc_sql" finds "DLC SQL").
pub fn id_for_name(name: &str) -> Option<u64> {
    let wanted = simplify(name);
    TASK_TYPES
        .iter()
        .find(|(_, known, _)| simplify(known) == wanted)
        .map(|(id, _, _)| *id)
}

pub fn name_for_id(id: u64) -> Option<&'static str> {
    TASK_TYPES
        .iter()
        .find(|(known, _, _)| *known == id)
        .map(|(_, name, _)| *name)
}

/// The extension for code files of this type (import writes `<task>.<extension>`).
pub fn extension_for_id(id: u64) -> &'static str {
    TASK_TYPES
        .iter()
        .find(|(known, _, _)| *known == id)
        .map(|(_, _, extension)| *extension)
        .unwrap_or("txt")
}

/// The closest known name, for "did you mean".
pub fn closest_name(name: &str) -> Option<&'static str> {
    let wanted = simplify(name);
    TASK_TYPES
        .iter()
        .map(|(_, known, _)| (strsim::jaro_winkler(&simplify(known), &wanted), *known))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|left, right| left.0.total_cmp(&right.0))
        .map(|(_, known)| known)
}

fn simplify(name: &str) -> String {
    name.chars()
        .filter(|character| !matches!(character, ' ' | '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_loosely_and_numbers_round_trip() {
        assert_eq!(id_for_name("Shell"), Some(35));
        assert_eq!(id_for_name("dlc_sql"), Some(32));
        assert_eq!(id_for_name("DLC-PySpark"), Some(50));
        assert_eq!(name_for_id(30), Some("Python"));
        assert_eq!(id_for_name("Cobol"), None);
        assert_eq!(closest_name("Shel"), Some("Shell"));
        assert_eq!(extension_for_id(35), "sh");
    }

    /// The table must agree with the API documentation it was copied from.
    #[test]
    fn every_type_is_documented_in_the_api_definition() {
        let definition = include_str!("../../api-definition/api-2025-08-06.json");
        for (id, name, _) in TASK_TYPES {
            assert!(
                definition.contains(&format!("* {id}:{name}")),
                "{id}:{name} is not in api.json"
            );
        }
    }
}
