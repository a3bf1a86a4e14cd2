//! The pure core of the complaint portal.
//!
//! Everything here is a plain function over plain data: the request kinds and their fields,
//! validation, the submission document, the operator configuration, and the renderings
//! (plain text, `mailto:`, `.eml`). It never touches a browser API, a clock or a random source:
//! callers pass "now", ids and locales in. That is what lets it compile and test natively.

pub mod abuse;
pub mod config;
pub mod deadline;
pub mod domain;
pub mod email;
pub mod escalation;
pub mod form;
pub mod i18n;
pub mod pattern;
pub mod render;
pub mod route;
#[cfg(feature = "schema")]
pub mod schema;
pub mod send;
pub mod sha256;
pub mod spam;
pub mod submission;
pub mod validate;

pub use config::{Config, ConfigError};
pub use form::{Draft, Field, Kind};
pub use i18n::{Locale, Msg};
pub use submission::Submission;
pub use validate::{Problem, Validated};

/// Version of the client that built a submission; receivers can tell releases apart.
pub const CLIENT_VERSION: &str = concat!("complaint-portal/", env!("CARGO_PKG_VERSION"));
