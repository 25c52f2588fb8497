#!/usr/bin/env python3
"""Generates src/api/types.rs from the embedded official API definition.

The request and response types must agree with api.json member for member, so they are
generated from it rather than typed by hand. Run from the repository root:

    python3 scripts/generate_api_types.py

`tests/api_types.rs` fails when the generated file is stale or disagrees with api.json.
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The actions the tool uses per API version, and whether each one changes state (writes are
# never retried blindly after an unknown outcome).
ACTIONS_2025 = {
    "CreateTriggerTask": True,
    "UpdateTriggerTask": True,
    "GetTriggerTask": False,
    "DeleteTriggerTask": True,
    "SubmitTriggerTask": True,
    "ListTriggerTasks": False,
    "GetTriggerTaskCode": False,
    "GetTriggerTaskVersion": False,
    "ListTriggerTaskVersions": False,
    "CreateTriggerWorkflow": True,
    "GetTriggerWorkflow": False,
    "ListTriggerWorkflows": False,
    "UpdateTriggerWorkflow": True,
    "CreateTask": True,
    "UpdateTask": True,
    "GetTask": False,
    "DeleteTask": True,
    "SubmitTask": True,
    "ListTasks": False,
    "GetTaskVersion": False,
    "CreateWorkflow": True,
    "UpdateWorkflow": True,
    "GetWorkflow": False,
    "ListWorkflows": False,
    # Stage I: the deployment lock is a code file in a code folder (Data Exploration).
    "CreateCodeFolder": True,
    "CreateCodeFile": True,
    "UpdateCodeFile": True,
    "GetCodeFile": False,
    "DeleteCodeFile": True,
    "ListCodeFolderContents": False,
    # Stage J: downstream impact.
    "ListDownstreamTriggerTasks": False,
    "ListDownstreamTasks": False,
    "ListUpstreamTriggerTasks": False,
    "ListUpstreamTasks": False,
    # Stage K: runs, operations, instances and backfills.
    "CreateTriggerWorkflowRun": True,
    "GetTriggerWorkflowRun": False,
    "ListTriggerWorkflowRuns": False,
    "ListTriggerTaskRuns": False,
    "GetTriggerTaskRun": False,
    "KillTriggerWorkflowRuns": True,
    "GetOpsTask": False,
    "ListOpsTasks": False,
    "StartOpsTasks": True,
    "PauseOpsTasksAsync": True,
    "StopOpsTasksAsync": True,
    "GetOpsAsyncJob": False,
    "ListTaskInstances": False,
    "GetTaskInstance": False,
    "GetTaskInstanceLog": False,
    "CreateDataBackfillPlan": True,
    "GetDataBackfillPlan": False,
    "ListDataBackfillInstances": False,
    # Stage L: version history.
    "ListTaskVersions": False,
    "GetTaskCode": False,
    # Stage M: doctor's permission check.
    "GetMyWorkflowMaxPermission": False,
    # Stage R: folders.
    "CreateWorkflowFolder": True,
    "CreateTaskFolder": True,
    "ListWorkflowFolders": False,
    "ListTaskFolders": False,
}

# The legacy subset legacy projects (`api_version: "2021-08-20"`) use.
ACTIONS_2021 = {
    "CreateTask": True,
    "ModifyTaskInfo": True,
    "SubmitTask": True,
    "DescribeTaskDetailDs": False,
    "DescribeTaskByCycle": False,
}

# version -> (definition file, actions, generated module, module summary)
TARGETS = {
    "2025-08-06": (
        ROOT / "api-definition" / "api-2025-08-06.json",
        ACTIONS_2025,
        ROOT / "src" / "api" / "types.rs",
    ),
    "2021-08-20": (
        ROOT / "api-definition" / "api-2021-08-20-subset.json",
        ACTIONS_2021,
        ROOT / "src" / "api" / "legacy.rs",
    ),
}

# Members the definition marks required that an official example answers with null
# (examples-2021-08-20-subset.json, DescribeTaskDetailDs: `"SonTask": null`). They are
# generated as Option so the official answer decodes; tests/api_types.rs lists the same set.
REQUIRED_BUT_NULL_IN_EXAMPLES = {
    ("DependencyConfigDsDTO", "ParentTask"),
    ("DependencyConfigDsDTO", "SonTask"),
}

PRIMITIVES = {
    ("string", "string"): "String",
    ("string", "datetime_iso"): "String",
    ("int", "int64"): "i64",
    ("int", "uint64"): "u64",
    ("float", "float"): "f64",
    ("bool", "bool"): "bool",
}
PRIMITIVE_LISTS = {"string": "String", "int64": "i64", "uint64": "u64", "float": "f64", "bool": "bool"}
RUST_KEYWORDS = {"type", "match", "ref", "self", "mod", "use", "where", "loop", "move", "fn"}


def snake_case(name: str) -> str:
    # "ExecutionTTLMinute" -> "execution_ttl_minute", "TaskId" -> "task_id"
    words = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    words = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", words).lower()
    return f"r#{words}" if words in RUST_KEYWORDS else words


def rust_type(member: dict, objects: dict) -> str:
    kind, inner = member["type"], member.get("member")
    if kind == "object":
        return inner
    if kind == "list":
        return f"Vec<{inner if inner in objects else PRIMITIVE_LISTS[inner]}>"
    return PRIMITIVES[(kind, inner)]


def closure(definition: dict, actions: dict) -> list:
    objects = definition["objects"]
    wanted, stack = [], []
    for action in actions:
        spec = definition["actions"][action]
        stack += [spec["input"], spec["output"]]
    seen = set()
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        wanted.append(name)
        for member in objects[name]["members"]:
            if member["type"] in ("object", "list") and member.get("member") in objects:
                stack.append(member["member"])
    return sorted(wanted)


def first_line(text: str) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line.replace("*/", "* /").replace("\t", " ")


def generate(version: str, path: Path, actions: dict) -> str:
    definition = json.loads(path.read_text(encoding="utf-8"))
    objects = definition["objects"]
    out = [
        "//! Request and response types of the WeData API "
        f"{version}, generated from `api-definition/{path.name}`",
        "//! by `scripts/generate_api_types.py`: do not edit by hand.",
        "//!",
        "//! Member names, types and required flags are exactly the official definition's: 64-bit ids are",
        "//! strings, optional members are `Option`, and `TaskTypeId` is a string in `CreateTriggerTask`",
        "//! but an integer in `GetTriggerTask` because the definition says so. Each request type",
        "//! implements [`Action`], naming its response type.",
        "",
        "#![allow(clippy::doc_markdown, clippy::large_enum_variant)]",
        "",
        "use schemars::JsonSchema;",
        "use serde::{Deserialize, Serialize};",
        "",
        "use super::Action;",
        "",
    ]
    for name in closure(definition, actions):
        obj = objects[name]
        doc = first_line(obj.get("document", ""))
        if doc:
            out.append(f"/// {doc}")
        out.append("#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]")
        out.append("pub struct " + name + " {")
        for member in obj["members"]:
            field = snake_case(member["name"])
            ty = rust_type(member, objects)
            member_doc = first_line(member.get("document", ""))
            if member_doc:
                out.append(f"    /// {member_doc}")
            out.append(f'    #[serde(rename = "{member["name"]}"')
            if member.get("required") and (name, member["name"]) not in REQUIRED_BUT_NULL_IN_EXAMPLES:
                out[-1] += ")]"
                out.append(f"    pub {field}: {ty},")
            else:
                out[-1] += ', default, skip_serializing_if = "Option::is_none")]'
                out.append(f"    pub {field}: Option<{ty}>,")
        out.append("}")
        out.append("")
    for action, writes in actions.items():
        spec = definition["actions"][action]
        out.append(f"impl Action for {spec['input']} {{")
        out.append(f'    const NAME: &\'static str = "{action}";')
        out.append(f'    const VERSION: &\'static str = "{version}";')
        out.append(f"    const WRITES: bool = {'true' if writes else 'false'};")
        out.append(f"    type Response = {spec['output']};")
        out.append("}")
        out.append("")
    out.append("/// The actions above with whether each writes, for tests and the `api` command.")
    out.append("pub const ACTIONS: &[(&str, bool)] = &[")
    for action, writes in actions.items():
        out.append(f'    ("{action}", {"true" if writes else "false"}),')
    out.append("];")
    return "\n".join(out) + "\n"


def main() -> int:
    stale = False
    for version, (path, actions, target) in TARGETS.items():
        text = generate(version, path, actions)
        if "--check" in sys.argv:
            stale |= target.read_text(encoding="utf-8") != text
        else:
            target.write_text(text, encoding="utf-8")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
