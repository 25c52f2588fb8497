//! Every diagnostic code the tool prints (`manifest::unknown_field`, `plan::stale`,
//! `api::auth`, ...). A code names the cause of an error, is stable across releases (scripts
//! and CI filters match on it) and is documented with its cause and fix in `docs/errors.md`;
//! a test keeps that page and these lists equal. This module only names codes: it depends on
//! nothing, so every layer can use it.

/// Defines one area's codes: an enum, its `ALL` list and its `area::name` strings.
macro_rules! codes {
    ($(#[$meta:meta])* $name:ident in $area:literal { $($(#[$variant_meta:meta])* $variant:ident => $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)*
        }

        impl $name {
            /// Every code of the area, in documentation order.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)*];

            /// `area::name`, as printed and documented.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => concat!($area, "::", $text),)*
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                formatter.write_str(self.as_str())
            }
        }
    };
}

codes! {
    /// Problems in the manifests, code files and project file (`validate`, and every command
    /// that loads a project).
    ManifestCode in "manifest" {
        NoDirectory => "no_directory",
        NoProjectFile => "no_project_file",
        InvalidProject => "invalid_project",
        UnknownTarget => "unknown_target",
        FileTooLarge => "file_too_large",
        Unreadable => "unreadable",
        NotUtf8 => "not_utf8",
        TabIndentation => "tab_indentation",
        UndefinedVariable => "undefined_variable",
        YamlSyntax => "yaml_syntax",
        TooComplex => "too_complex",
        DuplicateKey => "duplicate_key",
        NoKind => "no_kind",
        UnknownKind => "unknown_kind",
        UnknownField => "unknown_field",
        MissingField => "missing_field",
        WrongType => "wrong_type",
        InvalidValue => "invalid_value",
        EmptyName => "empty_name",
        DuplicateWorkflow => "duplicate_workflow",
        DuplicateTask => "duplicate_task",
        DuplicatePinnedId => "duplicate_pinned_id",
        UnknownWorkflow => "unknown_workflow",
        WorkflowKindMismatch => "workflow_kind_mismatch",
        UnknownTaskType => "unknown_task_type",
        CodeFileMissing => "code_file_missing",
        CodeFileOutsideRoot => "code_file_outside_root",
        CodeFileHidden => "code_file_hidden",
        CodeFileNotAFile => "code_file_not_a_file",
        CodeFileTooLarge => "code_file_too_large",
        CodeFileNotUtf8 => "code_file_not_utf8",
        CodeFileUnreadable => "code_file_unreadable",
        InvalidSchedule => "invalid_schedule",
        InvalidDependency => "invalid_dependency",
        SelfDependency => "self_dependency",
        UnknownUpstream => "unknown_upstream",
        UnknownParameterSource => "unknown_parameter_source",
        UnknownOutput => "unknown_output",
        DependencyCycle => "dependency_cycle",
        LegacyUnsupported => "legacy_unsupported",
        LegacySectionInCurrentProject => "legacy_section_in_current_project",
        LegacyUnpinnedTask => "legacy_unpinned_task",
        InvalidRename => "invalid_rename",
        ServerManagedExtKey => "server_managed_ext_key",
        InvalidPolicy => "invalid_policy",
        Policy => "policy",
    }
}

codes! {
    /// Guard rails and saved plans: why `plan` or `apply` refused to go on.
    PlanCode in "plan" {
        InvalidManifests => "invalid_manifests",
        Refused => "refused",
        EmptyProject => "empty_project",
        TooManyDeletes => "too_many_deletes",
        DeletionNotAllowed => "deletion_not_allowed",
        DeleteDeclared => "delete_declared",
        DeleteUndeclaredWorkflow => "delete_undeclared_workflow",
        PreventDestroy => "prevent_destroy",
        ReplacementNeedsPrune => "replacement_needs_prune",
        ReplacedTaskPinned => "replaced_task_pinned",
        PinnedIdMissing => "pinned_id_missing",
        LegacyPrune => "legacy_prune",
        LegacyMoved => "legacy_moved",
        LegacyRetyped => "legacy_retyped",
        LegacyNotAllowed => "legacy_not_allowed",
        CacheMismatch => "cache_mismatch",
        Stale => "stale",
        Unreadable => "unreadable",
        NeedsApproval => "needs_approval",
        RenameConflict => "rename_conflict",
        FolderUnsupported => "folder_unsupported",
        ImmutableMember => "immutable_member",
        ActiveRuns => "active_runs",
        Policy => "policy",
        OrphanedDownstream => "orphaned_downstream",
        SelectMatchesNothing => "select_matches_nothing",
        SelectionIncomplete => "selection_incomplete",
    }
}

codes! {
    /// Runs, backfills and schedule states: why `run`, `backfill` or `apply --run` could not
    /// start or follow one.
    OpsCode in "ops" {
        UnknownWorkflow => "unknown_workflow",
        PeriodicWorkflow => "periodic_workflow",
        NotPeriodic => "not_periodic",
        InvalidRange => "invalid_range",
        StartUnknown => "start_unknown",
    }
}

codes! {
    /// The deployment lock.
    LockCode in "lock" {
        Held => "held",
        Lost => "lost",
        Unavailable => "unavailable",
    }
}

codes! {
    /// Finding credentials (the environment, or a tccli profile).
    CredentialsCode in "credentials" {
        Missing => "missing",
        Incomplete => "incomplete",
        Profile => "profile",
    }
}

codes! {
    /// `import`: writing a live workflow's manifests without losing or escaping anything.
    ImportCode in "import" {
        Symlink => "symlink",
        NotAFolder => "not_a_folder",
        FolderInTheWay => "folder_in_the_way",
        NotAFile => "not_a_file",
        CaseConflict => "case_conflict",
        UnknownFolderOwner => "unknown_folder_owner",
        WouldOverwrite => "would_overwrite",
        EmptyName => "empty_name",
        DuplicateName => "duplicate_name",
        UnsafePath => "unsafe_path",
        Io => "io",
    }
}

codes! {
    /// `init`: the files of a new project.
    InitCode in "init" {
        ProjectId => "project_id",
        Region => "region",
        NotAFolder => "not_a_folder",
        NotEmpty => "not_empty",
        Invalid => "invalid",
        Unread => "unread",
        Io => "io",
    }
}

codes! {
    /// The emulator command and the embedded emulator of `--emulate`.
    EmulatorCode in "emulator" {
        Listen => "listen",
        CorruptState => "corrupt_state",
        Io => "io",
        Faults => "faults",
    }
}

codes! {
    /// Calls to WeData: what the server answered, or why no answer came.
    ApiCode in "api" {
        Auth => "auth",
        Permission => "permission",
        UnknownProject => "unknown_project",
        RateLimited => "rate_limited",
        NotFound => "not_found",
        InvalidParameter => "invalid_parameter",
        UnknownAction => "unknown_action",
        ServerError => "server_error",
        Error => "error",
        OutcomeUnknown => "outcome_unknown",
        Transport => "transport",
        InvalidResponse => "invalid_response",
        InvalidRequest => "invalid_request",
        InvalidEndpoint => "invalid_endpoint",
        InsecureEndpoint => "insecure_endpoint",
    }
}

/// Every code of every area, as printed.
pub fn all() -> Vec<&'static str> {
    ManifestCode::ALL
        .iter()
        .map(|code| code.as_str())
        .chain(PlanCode::ALL.iter().map(|code| code.as_str()))
        .chain(LockCode::ALL.iter().map(|code| code.as_str()))
        .chain(CredentialsCode::ALL.iter().map(|code| code.as_str()))
        .chain(ImportCode::ALL.iter().map(|code| code.as_str()))
        .chain(InitCode::ALL.iter().map(|code| code.as_str()))
        .chain(EmulatorCode::ALL.iter().map(|code| code.as_str()))
        .chain(ApiCode::ALL.iter().map(|code| code.as_str()))
        .chain(OpsCode::ALL.iter().map(|code| code.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    #[test]
    fn codes_are_unique_and_written_as_area_and_snake_case_name() {
        let all = super::all();
        let unique: BTreeSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len());
        for code in all {
            let (area, name) = code.split_once("::").unwrap();
            let areas = [
                "manifest",
                "plan",
                "lock",
                "credentials",
                "import",
                "init",
                "emulator",
                "ops",
                "api",
            ];
            assert!(areas.contains(&area), "{code}");
            assert!(
                name.chars().all(|character| character.is_ascii_lowercase()
                    || character.is_ascii_digit()
                    || character == '_'),
                "{code}"
            );
        }
    }

    /// Every code the sources attach to an error (`code(area::name)` in a derive, or
    /// `code = "area::name"`) is one of the defined codes, so none goes undocumented.
    #[test]
    fn every_code_used_in_the_sources_is_defined() {
        let defined: BTreeSet<&str> = super::all().into_iter().collect();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut undefined = Vec::new();
        for entry in walkdir::WalkDir::new(&root) {
            let entry = entry.unwrap();
            let is_rust = entry
                .path()
                .extension()
                .is_some_and(|extension| extension == "rs");
            if !is_rust || entry.path().ends_with("codes.rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for (index, _) in text.match_indices("code(") {
                // `code(` itself, not the end of `encode(` or `decode(`.
                let before = text[..index].chars().next_back();
                if before
                    .is_some_and(|character| character.is_ascii_alphanumeric() || character == '_')
                {
                    continue;
                }
                let rest = &text[index + "code(".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|character| {
                        character.is_ascii_alphanumeric() || *character == '_' || *character == ':'
                    })
                    .collect();
                if name.contains("::") && !defined.contains(name.as_str()) {
                    undefined.push(format!("{}: {name}", entry.path().display()));
                }
            }
        }
        assert_eq!(undefined, Vec::<String>::new());
    }

    /// docs/errors.md has one `### area::name` heading per code, with a cause and a fix.
    #[test]
    fn every_code_is_documented_with_a_cause_and_a_fix_and_nothing_else_is() {
        let page = include_str!("../docs/errors.md");
        let documented: BTreeSet<&str> = page
            .lines()
            .filter_map(|line| line.strip_prefix("### `"))
            .map(|rest| rest.trim_end_matches('`'))
            .collect();
        let defined: BTreeSet<&str> = super::all().into_iter().collect();
        assert_eq!(
            documented.difference(&defined).collect::<Vec<_>>(),
            Vec::<&&str>::new(),
            "documented but not defined"
        );
        assert_eq!(
            defined.difference(&documented).collect::<Vec<_>>(),
            Vec::<&&str>::new(),
            "defined but not documented"
        );
        for section in page.split("\n### ").skip(1) {
            let heading = section.lines().next().unwrap_or_default();
            assert!(
                section.contains("**Cause.**") && section.contains("**Fix.**"),
                "{heading} needs a cause and a fix"
            );
        }
    }
}
