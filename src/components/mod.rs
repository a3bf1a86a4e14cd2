//! Small building blocks shared by the pages. None of them holds a business rule.

pub mod error_summary;
pub mod escalation_window;
pub mod evidence;
pub mod field;
pub mod layout;
pub mod mail_fallback;
pub mod radios;
pub mod spam_message;
pub mod spam_summary;
