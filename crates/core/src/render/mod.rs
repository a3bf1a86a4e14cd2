//! The renderings of one submission (§5): plain text for mail, `mailto:` URLs, `.eml` messages,
//! the promised dates as an `.ics` calendar, and spam reports as ARF (`.eml`) and XARF (JSON).

pub mod arf;
pub mod eml;
pub mod ics;
pub mod mailto;
pub mod text;
pub mod xarf;

pub use arf::{arf, arf_file_name};
pub use eml::{eml, eml_file_name};
pub use ics::{ics, ics_file_name};
pub use mailto::{mail_plan, mailto_url, MailPlan, MAILTO_MAX_CHARS};
pub use text::plain_text;
pub use xarf::{xarf, xarf_file_name};
