//! File and folder names for names that come from WeData. Such names are data: they may hold
//! `/`, `\`, `..`, NUL and control characters, be empty, start with `.`, be reserved on Windows
//! (`CON`, `nul.txt`), differ only in case or Unicode normalization, or run to hundreds of
//! bytes. This module turns each into a *stem* that is one plain path component, never hidden,
//! empty or over-long, and assigns stems so that no two files of one folder collide, even on a
//! case-insensitive, normalizing file system. Deterministic: the same names and ids always give
//! the same stems. Pure: it never looks at a file system (the caller says what is taken).
//!
//! The rule, as `docs/manifests.md` states it: a name keeps its sanitized form when that form is
//! free; otherwise it gets `-<id>` (its TaskId or WorkflowId), then `-2`, `-3`, ... if even that
//! is taken. Names that need no sanitizing choose first, then the rest by id.

use std::collections::HashSet;
use std::convert::Infallible;

use icu_normalizer::ComposingNormalizerBorrowed;

/// The most bytes of a stem, suffix included. Many file systems cap a name at 255 bytes
/// (eCryptfs at 143); a stem leaves room for its extension under both.
pub const MAXIMUM_STEM_BYTES: usize = 120;

/// The most bytes of the id part of a suffix (ids are data too).
const MAXIMUM_ID_BYTES: usize = 40;

/// The stem of a name that sanitizes to nothing.
const EMPTY_STEM: &str = "unnamed";

/// Names Windows reserves for devices, whatever the extension (`nul.txt` is the device too).
const WINDOWS_RESERVED: [&str; 28] = [
    "con", "prn", "aux", "nul", "com0", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
    "com8", "com9", "com¹", "com²", "com³", "lpt0", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6",
    "lpt7", "lpt8", "lpt9", "lpt¹",
];

/// `name` as one safe path component: NFC-normalized; letters, digits, `-`, `_` and `.` kept
/// and everything else (separators, spaces, controls, punctuation) made `_`; a leading `.` or
/// `-` and a trailing `.` made `_` (no hidden files, nothing a shell reads as an option, nothing
/// Windows strips); Windows device names prefixed with `_`; at most [`MAXIMUM_STEM_BYTES`];
/// `unnamed` when nothing is left.
pub fn safe_stem(name: &str) -> String {
    safe_stem_within(name, MAXIMUM_STEM_BYTES)
}

fn safe_stem_within(name: &str, maximum_bytes: usize) -> String {
    let normalized = ComposingNormalizerBorrowed::new_nfc().normalize(name);
    let mut stem: String = normalized
        .chars()
        .map(|character| {
            if character.is_alphanumeric() || matches!(character, '-' | '_' | '.') {
                character
            } else {
                '_'
            }
        })
        .collect();
    if is_windows_reserved(&stem) {
        stem.insert(0, '_');
    }
    truncate(&mut stem, maximum_bytes);
    if stem.starts_with(['.', '-']) {
        stem.replace_range(..1, "_");
    }
    if stem.ends_with('.') {
        stem.replace_range(stem.len() - 1.., "_");
    }
    if stem.is_empty() {
        stem.push_str(EMPTY_STEM);
    }
    stem
}

/// Whether Windows reads `stem` (with any extension) as a device: the part before the first
/// `.`, trailing spaces ignored, compared without case.
fn is_windows_reserved(stem: &str) -> bool {
    let base = stem.split('.').next().unwrap_or_default().trim_end();
    WINDOWS_RESERVED.contains(&base.to_lowercase().as_str())
}

/// Cuts `text` to at most `maximum_bytes`, on a character boundary.
fn truncate(text: &mut String, maximum_bytes: usize) {
    if text.len() <= maximum_bytes {
        return;
    }
    let mut end = maximum_bytes;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
}

/// What two file names are compared by: equal keys would be one file on a case-insensitive or
/// normalizing file system (APFS, HFS+, NTFS, FAT). NFKC then upper- then lowercase: close to
/// those systems' folding, erring toward more collisions (which only cost a suffix).
pub fn collision_key(file_name: &str) -> String {
    ComposingNormalizerBorrowed::new_nfkc()
        .normalize(file_name)
        .to_uppercase()
        .to_lowercase()
}

/// One WeData object to give a stem: its id (TaskId or WorkflowId) and its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Claim<'a> {
    pub id: &'a str,
    pub name: &'a str,
}

/// The stems `claim` may take, best first: its sanitized name, then `-<id>`, then `-<id>-2`,
/// `-<id>-3`, ... (without the id part when the id sanitizes to nothing). Endless: the caller
/// stops at the first free one.
pub fn candidates(claim: Claim<'_>) -> impl Iterator<Item = String> + '_ {
    let plain = safe_stem(claim.name);
    let id = claim
        .id
        .chars()
        .any(char::is_alphanumeric)
        .then(|| safe_stem_within(claim.id, MAXIMUM_ID_BYTES));
    std::iter::once(plain).chain((1u64..).filter_map(move |counter| {
        let suffix = match (&id, counter) {
            (Some(id), 1) => format!("-{id}"),
            (Some(id), counter) => format!("-{id}-{counter}"),
            // No usable id: -2, -3, ... (the plain name is the first).
            (None, 1) => return None,
            (None, counter) => format!("-{counter}"),
        };
        let base = safe_stem_within(claim.name, MAXIMUM_STEM_BYTES - suffix.len());
        Some(format!("{base}{suffix}"))
    }))
}

/// Gives each claim a stem: `accept(claim, candidate)` says whether a candidate is free (and
/// records it as taken) by returning the stem to use, `None` to try the next candidate, or an
/// error that ends the assignment. Claims whose name needs no sanitizing choose first, then
/// the others, each group by id and then name; so the same claims always get the same stems,
/// whatever order they came in. Returns stems in the order of `claims`.
pub fn assign<T, E>(
    claims: &[Claim<'_>],
    mut accept: impl FnMut(Claim<'_>, &str) -> Result<Option<T>, E>,
) -> Result<Vec<T>, E> {
    let mut order: Vec<usize> = (0..claims.len()).collect();
    order.sort_by_cached_key(|index| {
        let claim = claims[*index];
        (safe_stem(claim.name) != claim.name, claim.id, claim.name)
    });
    let mut assigned: Vec<Option<T>> = std::iter::repeat_with(|| None).take(claims.len()).collect();
    for index in order {
        let claim = claims[index];
        for candidate in candidates(claim) {
            if let Some(stem) = accept(claim, &candidate)? {
                assigned[index] = Some(stem);
                break;
            }
        }
    }
    Ok(assigned
        .into_iter()
        .map(|stem| stem.expect("candidates never end, and only finitely many are taken"))
        .collect())
}

/// The file a workflow document takes in its folder; no task may take it.
pub const WORKFLOW_FILE: &str = "workflow.yaml";

/// Stems for the tasks of one workflow folder, each `(claim, code file extension)`: a task
/// writes `<stem>.yaml` and, with code, `<stem>.<extension>`; no two of those files, nor
/// [`WORKFLOW_FILE`], share a [`collision_key`].
pub fn task_stems(tasks: &[(Claim<'_>, Option<&str>)]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::from([collision_key(WORKFLOW_FILE)]);
    let claims: Vec<Claim<'_>> = tasks.iter().map(|(claim, _)| *claim).collect();
    let assigned = assign(&claims, |claim, candidate| {
        let extension = tasks
            .iter()
            .find(|(other, _)| *other == claim)
            .and_then(|(_, extension)| *extension);
        let keys: Vec<String> = std::iter::once("yaml")
            .chain(extension)
            .map(|extension| collision_key(&format!("{candidate}.{extension}")))
            .collect();
        if keys.iter().any(|key| taken.contains(key)) {
            return Ok::<_, Infallible>(None);
        }
        taken.extend(keys);
        Ok(Some(candidate.to_owned()))
    });
    match assigned {
        Ok(stems) => stems,
        Err(never) => match never {},
    }
}

/// Characters that do not show as themselves: controls, line and paragraph separators, and
/// the invisible formatting ones (bidirectional overrides and marks, zero-width characters,
/// the byte-order mark) that can make text read differently from what it is.
pub fn is_hidden_character(character: char) -> bool {
    character.is_control()
        || matches!(
            character,
            '\u{061c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// A name as it may be shown on a terminal or in a review: [`is_hidden_character`]s escaped
/// (a name from WeData could otherwise move the cursor or reorder the line).
pub fn printable(name: &str) -> String {
    name.chars()
        .map(|character| {
            if is_hidden_character(character) {
                character.escape_default().to_string()
            } else {
                character.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Assigns stems with nothing taken beforehand but `reserved`, each stem taking its key.
    fn stems(claims: &[(&str, &str)], reserved: &[&str]) -> Vec<String> {
        let mut taken: HashSet<String> = reserved.iter().map(|name| collision_key(name)).collect();
        let claims: Vec<Claim<'_>> = claims.iter().map(|(id, name)| Claim { id, name }).collect();
        let assigned = assign(&claims, |_, candidate| {
            Ok::<_, Infallible>(
                taken
                    .insert(collision_key(candidate))
                    .then(|| candidate.to_owned()),
            )
        });
        assigned.unwrap()
    }

    #[test]
    fn hostile_names_become_one_plain_visible_component() {
        for (name, stem) in [
            ("load_orders", "load_orders"),
            ("daily report", "daily_report"),
            ("a/b/c", "a_b_c"),
            ("a\\b", "a_b"),
            ("../../etc/passwd", "_._.._etc_passwd"),
            ("..", "__"),
            (".", "_"),
            (".hidden", "_hidden"),
            ("-rf", "_rf"),
            ("ends.", "ends_"),
            ("", "unnamed"),
            ("nul\0byte", "nul_byte"),
            ("line\nbreak\ttab", "line_break_tab"),
            ("CON", "_CON"),
            ("nul.txt", "_nul.txt"),
            ("Com1", "_Com1"),
            ("console", "console"),
            ("每日报表", "每日报表"),
            ("e\u{301}t\u{e9}", "\u{e9}t\u{e9}"),
            ("\u{202e}gpj.exe", "_gpj.exe"),
        ] {
            assert_eq!(safe_stem(name), stem, "{name:?}");
        }
    }

    #[test]
    fn long_names_are_cut_on_a_character_boundary() {
        let ascii = safe_stem(&"a".repeat(300));
        assert_eq!(ascii.len(), MAXIMUM_STEM_BYTES);
        // Three bytes a character: the cut may not split one.
        let chinese = safe_stem(&"数".repeat(300));
        assert!(chinese.len() <= MAXIMUM_STEM_BYTES && chinese.chars().all(|c| c == '数'));
        // A cut that ends on a `.` does not leave a trailing dot.
        let dotted = safe_stem(&format!("{}.{}", "a".repeat(MAXIMUM_STEM_BYTES - 1), "b"));
        assert!(!dotted.ends_with('.'), "{dotted}");
    }

    #[test]
    fn names_that_sanitize_alike_get_distinct_stems_and_the_exact_name_keeps_its_own() {
        let assigned = stems(&[("30", "a/b/c"), ("10", "a?b?c"), ("20", "a_b_c")], &[]);
        assert_eq!(assigned, ["a_b_c-30", "a_b_c-10", "a_b_c"]);
    }

    #[test]
    fn names_differing_only_in_case_or_normalization_get_distinct_stems() {
        let assigned = stems(
            &[
                ("2", "foo"),
                ("1", "Foo"),
                ("4", "\u{e9}"),
                ("3", "e\u{301}"),
            ],
            &[],
        );
        // Both exact: the lower id keeps its name. NFD `e\u{301}` is not exact (it normalizes).
        assert_eq!(assigned, ["foo-2", "Foo", "\u{e9}", "\u{e9}-3"]);
    }

    #[test]
    fn stems_are_the_same_whatever_order_the_claims_come_in() {
        let claims = [("3", "x y"), ("1", "x_y"), ("2", "x?y"), ("4", "X_Y")];
        let forward = stems(&claims, &[]);
        let mut reversed_claims = claims;
        reversed_claims.reverse();
        let mut backward = stems(&reversed_claims, &[]);
        backward.reverse();
        assert_eq!(forward, backward);
        assert_eq!(forward, ["x_y-3", "x_y", "x_y-2", "X_Y-4"]);
    }

    #[test]
    fn a_suffix_that_is_itself_taken_gets_a_counter() {
        // A task literally named like another's suffixed stem.
        let assigned = stems(&[("7", "a b"), ("8", "a_b-7"), ("9", "a_b")], &["workflow"]);
        assert_eq!(assigned, ["a_b-7-2", "a_b-7", "a_b"]);
        // No usable id: counters only.
        let assigned = stems(&[("", "a b"), ("", "a?b"), ("", "a_b")], &[]);
        assert_eq!(assigned, ["a_b-2", "a_b-3", "a_b"]);
    }

    #[test]
    fn reserved_names_are_never_assigned() {
        assert_eq!(
            stems(&[("5", "workflow"), ("6", "Workflow")], &["workflow"]),
            ["workflow-5", "Workflow-6"]
        );
    }

    #[test]
    fn suffixed_long_names_stay_within_the_limit() {
        let long = "数".repeat(300);
        let assigned = stems(
            &[("20240307211852581", &long), ("20240307211852582", &long)],
            &[],
        );
        assert_ne!(assigned[0], assigned[1]);
        for stem in &assigned {
            assert!(stem.len() <= MAXIMUM_STEM_BYTES, "{} bytes", stem.len());
        }
        assert!(assigned[1].ends_with("-20240307211852582"));
    }

    #[test]
    fn hostile_ids_are_sanitized_in_suffixes_too() {
        let assigned = stems(&[("../x", "a"), ("../y", "a")], &[]);
        assert_eq!(assigned, ["a", "a-_._y"]);
        for stem in assigned {
            assert!(!stem.contains('/'));
        }
    }

    #[test]
    fn a_task_file_never_collides_with_another_tasks_code_file_or_the_workflow_file() {
        let claims = [
            (
                Claim {
                    id: "1",
                    name: "workflow",
                },
                Some("sh"),
            ),
            (
                Claim {
                    id: "2",
                    name: "b.sh",
                },
                None,
            ),
            (Claim { id: "3", name: "b" }, Some("sh")),
            (Claim { id: "4", name: "B" }, Some("py")),
        ];
        let stems = task_stems(&claims);
        assert_eq!(stems, ["workflow-1", "b.sh", "b", "B-4"]);
        let mut keys = HashSet::new();
        keys.insert(collision_key(WORKFLOW_FILE));
        for ((_, extension), stem) in claims.iter().zip(&stems) {
            assert!(
                keys.insert(collision_key(&format!("{stem}.yaml"))),
                "{stem}"
            );
            if let Some(extension) = extension {
                assert!(
                    keys.insert(collision_key(&format!("{stem}.{extension}"))),
                    "{stem}"
                );
            }
        }
    }

    #[test]
    fn no_task_type_writes_code_a_manifest_search_would_read() {
        for id in 0..1000 {
            let extension = crate::manifest::task_types::extension_for_id(id);
            assert!(
                !matches!(extension, "yaml" | "yml") && !extension.contains('.'),
                "{id}"
            );
        }
    }

    #[test]
    fn printable_escapes_what_would_move_the_cursor_or_reorder_the_line() {
        assert_eq!(printable("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(printable("\u{202e}exe.txt"), "\\u{202e}exe.txt");
        assert_eq!(printable("每日 report"), "每日 report");
    }
}
