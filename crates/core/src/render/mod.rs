//! The renderings of one submission (§5): plain text for mail, `mailto:` URLs, `.eml` messages,
//! and the promised dates as an `.ics` calendar.

pub mod eml;
pub mod ics;
pub mod mailto;
pub mod text;

pub use eml::{eml, eml_file_name};
pub use ics::{ics, ics_file_name};
pub use mailto::{mail_plan, mailto_url, MailPlan, MAILTO_MAX_CHARS};
pub use text::plain_text;
