//! TC3-HMAC-SHA256 request signing, as a pure function of the request and the credentials.
//!
//! Both the client (which signs) and the emulator (which verifies) use this one implementation,
//! so it is pinned against the official SDK's vectors in `shared/tc3-vectors.json`.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

/// Everything that goes into a signature. `body` is the exact byte string that is sent.
#[derive(Debug, Clone)]
pub struct SigningInput<'a> {
    pub secret_id: &'a str,
    pub secret_key: &'a str,
    pub host: &'a str,
    pub service: &'a str,
    pub content_type: &'a str,
    pub timestamp: i64,
    pub body: &'a [u8],
}

/// The intermediate and final products of signing, kept so tests (and the emulator's
/// diagnostics) can compare each step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub canonical_request: String,
    pub string_to_sign: String,
    pub signature: String,
    pub authorization: String,
    /// The UTC date (`yyyy-mm-dd`) of the timestamp: part of the credential scope.
    pub date: String,
}

pub const ALGORITHM: &str = "TC3-HMAC-SHA256";
pub const SIGNED_HEADERS: &str = "content-type;host";

/// Signs one POST request to `/` with the headers `content-type` and `host`.
pub fn sign(input: &SigningInput<'_>) -> Signature {
    let date = utc_date(input.timestamp);
    let canonical_request = format!(
        "POST\n/\n\ncontent-type:{}\nhost:{}\n\n{}\n{}",
        input.content_type,
        input.host,
        SIGNED_HEADERS,
        sha256_hex(input.body)
    );
    let credential_scope = format!("{date}/{}/tc3_request", input.service);
    let string_to_sign = format!(
        "{ALGORITHM}\n{}\n{credential_scope}\n{}",
        input.timestamp,
        sha256_hex(canonical_request.as_bytes())
    );
    let secret_date = hmac_sha256(
        format!("TC3{}", input.secret_key).as_bytes(),
        date.as_bytes(),
    );
    let secret_service = hmac_sha256(&secret_date, input.service.as_bytes());
    let secret_signing = hmac_sha256(&secret_service, b"tc3_request");
    let signature = hex::encode(hmac_sha256(&secret_signing, string_to_sign.as_bytes()));
    let authorization = format!(
        "{ALGORITHM} Credential={}/{credential_scope}, SignedHeaders={SIGNED_HEADERS}, Signature={signature}",
        input.secret_id
    );
    Signature {
        canonical_request,
        string_to_sign,
        signature,
        authorization,
        date,
    }
}

/// The parts of an `Authorization` header, as a verifier needs them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationHeader {
    pub secret_id: String,
    pub date: String,
    pub service: String,
    pub signed_headers: String,
    pub signature: String,
}

/// Parses `TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=..., Signature=...`.
/// Returns `None` for anything not of that shape.
pub fn parse_authorization(header: &str) -> Option<AuthorizationHeader> {
    let rest = header.strip_prefix(ALGORITHM)?.trim_start();
    let mut credential = None;
    let mut signed_headers = None;
    let mut signature = None;
    for part in rest.split(',') {
        let (key, value) = part.trim().split_once('=')?;
        match key {
            "Credential" => credential = Some(value),
            "SignedHeaders" => signed_headers = Some(value),
            "Signature" => signature = Some(value),
            _ => return None,
        }
    }
    let mut scope = credential?.split('/');
    let secret_id = scope.next()?.to_owned();
    let date = scope.next()?.to_owned();
    let service = scope.next()?.to_owned();
    if scope.next()? != "tc3_request" || scope.next().is_some() {
        return None;
    }
    Some(AuthorizationHeader {
        secret_id,
        date,
        service,
        signed_headers: signed_headers?.to_owned(),
        signature: signature?.to_owned(),
    })
}

/// Compares two signatures in time independent of where they first differ.
pub fn signatures_match(expected: &str, given: &str) -> bool {
    let (expected, given) = (expected.as_bytes(), given.as_bytes());
    expected.len() == given.len()
        && expected
            .iter()
            .zip(given)
            .fold(0u8, |difference, (a, b)| difference | (a ^ b))
            == 0
}

fn utc_date(timestamp: i64) -> String {
    jiff::Timestamp::from_second(timestamp)
        .map(|instant| instant.strftime("%Y-%m-%d").to_string())
        .unwrap_or_else(|_| "1970-01-01".to_owned())
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn hmac_sha256(key: &[u8], message: &[u8]) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC accepts keys of any length");
    mac.update(message);
    mac.finalize().into_bytes().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Vector {
        description: String,
        secret_id: String,
        secret_key: String,
        host: String,
        service: String,
        timestamp: i64,
        date: String,
        content_type: String,
        body: String,
        canonical_request: String,
        string_to_sign: String,
        signature: String,
        authorization: String,
    }

    /// The vectors are copied into the crate (tests/data) so a user's clone can run this test;
    /// `tests/api_definition_copy.rs` checks the copy against `shared/` when it is present.
    #[test]
    fn signer_agrees_with_every_official_vector() {
        let text = include_str!("../../tests/data/tc3-vectors.json");
        let vectors: Vec<Vector> = serde_json::from_str(text).unwrap();
        assert!(!vectors.is_empty());
        for vector in &vectors {
            let signed = sign(&SigningInput {
                secret_id: &vector.secret_id,
                secret_key: &vector.secret_key,
                host: &vector.host,
                service: &vector.service,
                content_type: &vector.content_type,
                timestamp: vector.timestamp,
                body: vector.body.as_bytes(),
            });
            let name = &vector.description;
            assert_eq!(signed.date, vector.date, "{name}");
            assert_eq!(signed.canonical_request, vector.canonical_request, "{name}");
            assert_eq!(signed.string_to_sign, vector.string_to_sign, "{name}");
            assert_eq!(signed.signature, vector.signature, "{name}");
            assert_eq!(signed.authorization, vector.authorization, "{name}");
            let parsed = parse_authorization(&signed.authorization).unwrap();
            assert_eq!(parsed.secret_id, vector.secret_id);
            assert_eq!(parsed.signature, vector.signature);
        }
    }

    #[test]
    fn authorization_of_another_shape_is_rejected() {
        assert!(parse_authorization("Bearer abc").is_none());
        assert!(parse_authorization("TC3-HMAC-SHA256 Credential=a/b/c/d, Signature=x").is_none());
    }

    #[test]
    fn signature_comparison_needs_equal_length_and_bytes() {
        assert!(signatures_match("abc", "abc"));
        assert!(!signatures_match("abc", "abd"));
        assert!(!signatures_match("abc", "ab"));
    }
}
