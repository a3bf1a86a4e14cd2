//! Fetching the operator's `config.json` (§8) from the portal's own origin.

use gloo_net::http::Request;
use portal_core::{Config, ConfigError};

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ConfigLoadError {
    #[error("{0}")]
    Invalid(ConfigError),
    #[error("config.json could not be loaded (HTTP {0})")]
    Status(u16),
    #[error("config.json could not be loaded: {0}")]
    Network(String),
}

/// Loads `config.json` next to the page. Absent (404, or a host's SPA fallback answering with
/// HTML) means the built-in defaults; present but invalid is an error that names the field.
pub async fn load() -> Result<Config, ConfigLoadError> {
    load_from("config.json").await
}

/// [`load`] from any URL; the browser tests pass `data:` URLs here.
pub async fn load_from(url: &str) -> Result<Config, ConfigLoadError> {
    let response = Request::get(url).send().await.map_err(|error| ConfigLoadError::Network(error.to_string()))?;
    if response.status() == 404 {
        return Ok(Config::default());
    }
    if !response.ok() {
        return Err(ConfigLoadError::Status(response.status()));
    }
    let is_html = response.headers().get("content-type").is_some_and(|media_type| media_type.starts_with("text/html"));
    if is_html {
        return Ok(Config::default());
    }
    let text = response.text().await.map_err(|error| ConfigLoadError::Network(error.to_string()))?;
    Config::from_json(&text).map_err(ConfigLoadError::Invalid)
}
