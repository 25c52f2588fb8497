//! Credentials: from the `TENCENTCLOUD_*` environment variables or a tccli profile.
//!
//! Secret values live in [`Secret`], whose `Debug` and `Display` print `(redacted)`, so no
//! log line, error or panic message can show them by accident.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use miette::Diagnostic;
use thiserror::Error;

pub const SECRET_ID_VARIABLE: &str = "TENCENTCLOUD_SECRET_ID";
pub const SECRET_KEY_VARIABLE: &str = "TENCENTCLOUD_SECRET_KEY";
pub const SESSION_TOKEN_VARIABLE: &str = "TENCENTCLOUD_SESSION_TOKEN";
pub const REGION_VARIABLE: &str = "TENCENTCLOUD_REGION";

/// A value that must never be shown.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The value itself, for signing and for the `X-TC-Token` header only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("(redacted)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("(redacted)")
    }
}

/// A SecretId / SecretKey pair, with a session token for temporary credentials.
#[derive(Clone, Debug)]
pub struct Credentials {
    /// Not secret on its own (it appears in every Authorization header), but still only shown
    /// in error messages that need it.
    pub secret_id: String,
    pub secret_key: Secret,
    pub token: Option<Secret>,
}

/// Credentials plus the region a profile may carry.
#[derive(Clone, Debug)]
pub struct ResolvedCredentials {
    pub credentials: Credentials,
    pub region: Option<String>,
}

#[derive(Debug, Error, Diagnostic)]
pub enum CredentialsError {
    #[error("no WeData credentials found")]
    #[diagnostic(
        code(credentials::missing),
        help(
            "set {SECRET_ID_VARIABLE} and {SECRET_KEY_VARIABLE} (and {SESSION_TOKEN_VARIABLE} for temporary credentials), \
             or pass --profile NAME to use the tccli profile ~/.tccli/NAME.credential; \
             to try the tool without credentials add --emulate"
        )
    )]
    Missing,
    #[error("{variable} is set but {missing} is not")]
    #[diagnostic(
        code(credentials::incomplete),
        help("set both {SECRET_ID_VARIABLE} and {SECRET_KEY_VARIABLE}")
    )]
    Incomplete {
        variable: &'static str,
        missing: &'static str,
    },
    #[error("cannot read the tccli profile {path}: {reason}")]
    #[diagnostic(
        code(credentials::profile),
        help(
            "create it with `tccli configure --profile NAME`, or use the TENCENTCLOUD_* variables"
        )
    )]
    Profile { path: PathBuf, reason: String },
}

/// Reads credentials from the environment, or from the named tccli profile under `home`.
/// `lookup` abstracts the environment so tests need not mutate the process's variables.
pub fn resolve(
    profile: Option<&str>,
    home: Option<&Path>,
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<ResolvedCredentials, CredentialsError> {
    match profile {
        Some(name) => read_profile(name, home),
        None => from_environment(lookup),
    }
}

fn from_environment(
    lookup: &dyn Fn(&str) -> Option<String>,
) -> Result<ResolvedCredentials, CredentialsError> {
    let non_empty = |name: &str| lookup(name).filter(|value| !value.is_empty());
    let credentials = match (
        non_empty(SECRET_ID_VARIABLE),
        non_empty(SECRET_KEY_VARIABLE),
    ) {
        (Some(secret_id), Some(secret_key)) => Credentials {
            secret_id,
            secret_key: Secret::new(secret_key),
            token: non_empty(SESSION_TOKEN_VARIABLE).map(Secret::new),
        },
        (None, None) => return Err(CredentialsError::Missing),
        (Some(_), None) => {
            return Err(CredentialsError::Incomplete {
                variable: SECRET_ID_VARIABLE,
                missing: SECRET_KEY_VARIABLE,
            });
        }
        (None, Some(_)) => {
            return Err(CredentialsError::Incomplete {
                variable: SECRET_KEY_VARIABLE,
                missing: SECRET_ID_VARIABLE,
            });
        }
    };
    Ok(ResolvedCredentials {
        credentials,
        region: non_empty(REGION_VARIABLE),
    })
}

/// tccli keeps `~/.tccli/NAME.credential` (`secretId`, `secretKey`, `token`) and
/// `~/.tccli/NAME.configure` (`sysParam.region`), both JSON.
fn read_profile(name: &str, home: Option<&Path>) -> Result<ResolvedCredentials, CredentialsError> {
    let directory = home
        .map(|home| home.join(".tccli"))
        .unwrap_or_else(|| PathBuf::from(".tccli"));
    let credential_path = directory.join(format!("{name}.credential"));
    let fields: HashMap<String, serde_json::Value> = read_json(&credential_path)?;
    let field = |key: &str| {
        fields
            .get(key)
            .and_then(|value| value.as_str())
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
    };
    let (Some(secret_id), Some(secret_key)) = (field("secretId"), field("secretKey")) else {
        return Err(CredentialsError::Profile {
            path: credential_path,
            reason: "it needs both secretId and secretKey".to_owned(),
        });
    };
    let configure_path = directory.join(format!("{name}.configure"));
    let region = if configure_path.exists() {
        let configure: serde_json::Value = read_json(&configure_path)?;
        configure["sysParam"]["region"]
            .as_str()
            .filter(|region| !region.is_empty())
            .map(str::to_owned)
    } else {
        None
    };
    Ok(ResolvedCredentials {
        credentials: Credentials {
            secret_id,
            secret_key: Secret::new(secret_key),
            token: field("token").map(Secret::new),
        },
        region,
    })
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, CredentialsError> {
    let text = std::fs::read_to_string(path).map_err(|error| CredentialsError::Profile {
        path: path.to_owned(),
        reason: error.to_string(),
    })?;
    // The parser's message names only a position, never the content, so no secret leaks.
    serde_json::from_str(&text).map_err(|error| CredentialsError::Profile {
        path: path.to_owned(),
        reason: format!(
            "not valid JSON (line {}, column {})",
            error.line(),
            error.column()
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn environment(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(key, value)| (key.to_string(), value.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn environment_credentials_with_token_and_region() {
        let lookup = environment(&[
            (SECRET_ID_VARIABLE, "AKIDexample"),
            (SECRET_KEY_VARIABLE, "very-secret"),
            (SESSION_TOKEN_VARIABLE, "token-value"),
            (REGION_VARIABLE, "ap-shanghai"),
        ]);
        let resolved = resolve(None, None, &lookup).unwrap();
        assert_eq!(resolved.credentials.secret_id, "AKIDexample");
        assert_eq!(resolved.credentials.secret_key.expose(), "very-secret");
        assert_eq!(resolved.credentials.token.unwrap().expose(), "token-value");
        assert_eq!(resolved.region.as_deref(), Some("ap-shanghai"));
    }

    #[test]
    fn missing_credentials_name_the_variables_and_the_profile_option() {
        let error = resolve(None, None, &environment(&[])).unwrap_err();
        let help = error.help().unwrap().to_string();
        for expected in [SECRET_ID_VARIABLE, SECRET_KEY_VARIABLE, "--profile"] {
            assert!(help.contains(expected), "{help}");
        }
    }

    #[test]
    fn half_set_credentials_say_which_half_is_missing() {
        let error = resolve(None, None, &environment(&[(SECRET_ID_VARIABLE, "AKID")])).unwrap_err();
        assert!(error.to_string().contains(SECRET_KEY_VARIABLE));
    }

    #[test]
    fn secrets_never_print() {
        let lookup = environment(&[
            (SECRET_ID_VARIABLE, "AKID"),
            (SECRET_KEY_VARIABLE, "hunter2"),
        ]);
        let resolved = resolve(None, None, &lookup).unwrap();
        let shown = format!("{resolved:?} {}", resolved.credentials.secret_key);
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("(redacted)"));
    }

    #[test]
    fn tccli_profile_files_are_read() {
        let home = tempfile::tempdir().unwrap();
        let directory = home.path().join(".tccli");
        std::fs::create_dir_all(&directory).unwrap();
        std::fs::write(
            directory.join("ci.credential"),
            r#"{"secretId": "AKIDprofile", "secretKey": "profile-key", "token": ""}"#,
        )
        .unwrap();
        std::fs::write(
            directory.join("ci.configure"),
            r#"{"sysParam": {"region": "ap-beijing", "output": "json"}}"#,
        )
        .unwrap();
        let resolved = resolve(Some("ci"), Some(home.path()), &environment(&[])).unwrap();
        assert_eq!(resolved.credentials.secret_id, "AKIDprofile");
        assert!(resolved.credentials.token.is_none());
        assert_eq!(resolved.region.as_deref(), Some("ap-beijing"));
    }

    #[test]
    fn a_broken_profile_names_its_file_but_not_its_content() {
        let home = tempfile::tempdir().unwrap();
        let directory = home.path().join(".tccli");
        std::fs::create_dir_all(&directory).unwrap();
        std::fs::write(
            directory.join("bad.credential"),
            r#"{"secretKey": "leak-me""#,
        )
        .unwrap();
        let error = resolve(Some("bad"), Some(home.path()), &environment(&[])).unwrap_err();
        let shown = error.to_string();
        assert!(shown.contains("bad.credential"), "{shown}");
        assert!(!shown.contains("leak-me"), "{shown}");
        let missing = resolve(Some("absent"), Some(home.path()), &environment(&[])).unwrap_err();
        assert!(missing.to_string().contains("absent.credential"));
    }
}
