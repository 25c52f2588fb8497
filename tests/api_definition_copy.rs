//! The embedded copies under `api-definition/` and `tests/data/` must match `../shared/`,
//! the reference they were taken from, whenever that reference is present beside the checkout.

use std::path::Path;

fn assert_same_bytes(copy: &str, reference: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let reference_path = root.join("..").join("shared").join(reference);
    let Ok(reference_bytes) = std::fs::read(&reference_path) else {
        eprintln!("{} is absent: nothing to compare", reference_path.display());
        return;
    };
    let copy_bytes = std::fs::read(root.join(copy)).unwrap();
    assert!(
        copy_bytes == reference_bytes,
        "{copy} differs from {}: copy it again",
        reference_path.display()
    );
}

#[test]
fn embedded_api_definition_matches_shared_reference() {
    assert_same_bytes(
        "api-definition/api-2025-08-06.json",
        "wedata-api/v20250806/api.json",
    );
    assert_same_bytes(
        "api-definition/examples-2025-08-06.json",
        "wedata-api/v20250806/examples.json",
    );
    assert_same_bytes(
        "api-definition/api-2021-08-20-subset.json",
        "wedata-api/v20210820/api-subset.json",
    );
    assert_same_bytes(
        "api-definition/examples-2021-08-20-subset.json",
        "wedata-api/v20210820/examples-subset.json",
    );
    assert_same_bytes("api-definition/errors.json", "wedata-api/errors.json");
}

#[test]
fn embedded_signing_vectors_match_shared_reference() {
    assert_same_bytes("tests/data/tc3-vectors.json", "tc3-vectors.json");
}
