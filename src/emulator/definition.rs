//! The official API definition, embedded, and validation of request bodies against it.
//!
//! The emulator checks requests against this copy of api.json, never against our client's
//! types, so a client bug cannot hide behind an emulator that shares it.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;
use serde_json::Value;

const DEFINITION_TEXT: &str = include_str!("../../api-definition/api-2025-08-06.json");
const LEGACY_DEFINITION_TEXT: &str =
    include_str!("../../api-definition/api-2021-08-20-subset.json");
/// The legacy API version whose subset the emulator also speaks.
pub const LEGACY_VERSION: &str = "2021-08-20";

#[derive(Debug, Deserialize)]
pub struct Definition {
    pub actions: HashMap<String, ActionDefinition>,
    pub objects: HashMap<String, ObjectDefinition>,
}

#[derive(Debug, Deserialize)]
pub struct ActionDefinition {
    pub input: String,
    pub output: String,
}

#[derive(Debug, Deserialize)]
pub struct ObjectDefinition {
    pub members: Vec<MemberDefinition>,
}

#[derive(Debug, Deserialize)]
pub struct MemberDefinition {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub member: Option<String>,
    #[serde(default)]
    pub required: bool,
}

pub static DEFINITION: LazyLock<Definition> = LazyLock::new(|| {
    serde_json::from_str(DEFINITION_TEXT).expect("the embedded api.json is valid (tested)")
});

/// The legacy 2021-08-20 subset (ModifyTaskInfo, DescribeTaskDetailDs, SubmitTask,
/// CreateTask, DescribeTaskByCycle).
pub static LEGACY_DEFINITION: LazyLock<Definition> = LazyLock::new(|| {
    serde_json::from_str(LEGACY_DEFINITION_TEXT)
        .expect("the embedded legacy definition is valid (tested)")
});

/// The definition of an `X-TC-Version`, if the emulator speaks it.
pub fn for_version(version: &str) -> Option<&'static Definition> {
    match version {
        super::API_VERSION => Some(&DEFINITION),
        LEGACY_VERSION => Some(&LEGACY_DEFINITION),
        _ => None,
    }
}

/// Why a request body does not fit its action's input object. The codes are the API's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub code: &'static str,
    pub message: String,
}

/// Checks `body` against the input object of `action`: required members present, no unknown
/// members, every value of the declared type, recursively. Returns the first violation.
pub fn validate_request(action: &str, body: &Value) -> Result<(), Violation> {
    validate_versioned_request(super::API_VERSION, action, body)
}

/// `validate_request` against the definition of `version`.
pub fn validate_versioned_request(
    version: &str,
    action: &str,
    body: &Value,
) -> Result<(), Violation> {
    let definition = for_version(version).ok_or_else(|| Violation {
        code: "NoSuchVersion",
        message: format!("The API version `{version}` does not exist."),
    })?;
    let action_definition = definition.actions.get(action).ok_or_else(|| Violation {
        code: "InvalidAction",
        message: format!("The action `{action}` does not exist in WeData {version}."),
    })?;
    validate_object(definition, &action_definition.input, body, "")
}

/// Checks `value` against any object of the definition (tests use it on answers too).
pub fn validate_against(object: &str, value: &Value) -> Result<(), Violation> {
    validate_object(&DEFINITION, object, value, "")
}

/// `validate_against` for an object of the legacy definition.
pub fn validate_against_legacy(object: &str, value: &Value) -> Result<(), Violation> {
    validate_object(&LEGACY_DEFINITION, object, value, "")
}

fn validate_object(
    definition: &Definition,
    object: &str,
    value: &Value,
    path: &str,
) -> Result<(), Violation> {
    let Some(map) = value.as_object() else {
        return Err(wrong_type(path, "an object"));
    };
    let object_definition = &definition.objects[object];
    for key in map.keys() {
        if !object_definition
            .members
            .iter()
            .any(|member| member.name == *key)
        {
            return Err(Violation {
                code: "UnknownParameter",
                message: format!("The parameter `{}` is not recognized.", join(path, key)),
            });
        }
    }
    for member in &object_definition.members {
        let member_path = join(path, &member.name);
        match map.get(&member.name) {
            None | Some(Value::Null) if member.required => {
                return Err(Violation {
                    code: "MissingParameter",
                    message: format!(
                        "The request is missing a required parameter `{member_path}`."
                    ),
                });
            }
            None | Some(Value::Null) => {}
            Some(value) => validate_member(definition, member, value, &member_path)?,
        }
    }
    Ok(())
}

fn validate_member(
    definition: &Definition,
    member: &MemberDefinition,
    value: &Value,
    path: &str,
) -> Result<(), Violation> {
    let inner = member.member.as_deref().unwrap_or("");
    match member.kind.as_str() {
        "object" => validate_object(definition, inner, value, path),
        "list" => {
            let Some(items) = value.as_array() else {
                return Err(wrong_type(path, "a list"));
            };
            for (index, item) in items.iter().enumerate() {
                let item_path = format!("{path}.{index}");
                if definition.objects.contains_key(inner) {
                    validate_object(definition, inner, item, &item_path)?;
                } else {
                    validate_scalar(inner_kind(inner), inner, item, &item_path)?;
                }
            }
            Ok(())
        }
        kind => validate_scalar(kind, inner, value, path),
    }
}

fn inner_kind(member: &str) -> &str {
    match member {
        "int64" | "uint64" => "int",
        "float" => "float",
        "bool" => "bool",
        _ => "string",
    }
}

fn validate_scalar(kind: &str, member: &str, value: &Value, path: &str) -> Result<(), Violation> {
    let fits = match kind {
        "string" => value.is_string(),
        "int" if member == "uint64" => value.is_u64(),
        "int" => value.is_i64() || value.is_u64(),
        "float" => value.is_number(),
        "bool" => value.is_boolean(),
        _ => true,
    };
    if fits {
        Ok(())
    } else {
        let expected = match (kind, member) {
            ("int", "uint64") => "a non-negative integer",
            ("int", _) => "an integer",
            ("float", _) => "a number",
            ("bool", _) => "a boolean",
            _ => "a string",
        };
        Err(wrong_type(path, expected))
    }
}

fn wrong_type(path: &str, expected: &str) -> Violation {
    Violation {
        code: "InvalidParameterValue",
        message: format!("The value of `{path}` must be {expected}."),
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_complete_request_passes() {
        let body = json!({"ProjectId": "1", "TaskId": "2"});
        assert_eq!(validate_request("GetTriggerTask", &body), Ok(()));
    }

    #[test]
    fn each_violation_names_the_member_path() {
        let missing = validate_request("GetTriggerTask", &json!({"ProjectId": "1"})).unwrap_err();
        assert_eq!(missing.code, "MissingParameter");
        assert!(missing.message.contains("`TaskId`"));

        let unknown = validate_request(
            "GetTriggerTask",
            &json!({"ProjectId": "1", "TaskId": "2", "Extra": 1}),
        )
        .unwrap_err();
        assert_eq!(unknown.code, "UnknownParameter");
        assert!(unknown.message.contains("`Extra`"));

        let nested = json!({
            "ProjectId": "1",
            "TriggerTaskBaseAttribute": {"TaskName": "a", "TaskTypeId": 35, "WorkflowId": "w"},
            "TriggerTaskConfiguration": {},
            "TriggerTaskSchedulerConfiguration": {}
        });
        let wrong = validate_request("CreateTriggerTask", &nested).unwrap_err();
        assert_eq!(wrong.code, "InvalidParameterValue");
        assert!(
            wrong
                .message
                .contains("`TriggerTaskBaseAttribute.TaskTypeId`"),
            "{}",
            wrong.message
        );

        let list_item = json!({
            "ProjectId": "1",
            "TriggerTaskBaseAttribute": {"TaskName": "a", "TaskTypeId": "35", "WorkflowId": "w"},
            "TriggerTaskConfiguration": {"TaskExtConfigurationList": [{"ParamKey": "k"}]},
            "TriggerTaskSchedulerConfiguration": {}
        });
        let missing_in_list = validate_request("CreateTriggerTask", &list_item).unwrap_err();
        assert_eq!(missing_in_list.code, "MissingParameter");
        assert!(
            missing_in_list
                .message
                .contains("TaskExtConfigurationList.0.ParamValue")
        );
    }

    #[test]
    fn unknown_actions_are_invalid() {
        assert_eq!(
            validate_request("NoSuchThing", &json!({}))
                .unwrap_err()
                .code,
            "InvalidAction"
        );
    }
}
