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

/// Percent-encodes, as UTF-8, every character that `keep` refuses (RFC 3986/3987 style): report
/// fields and URIs must be ASCII.
pub(crate) fn percent_encode_except(text: &str, keep: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if keep(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}
