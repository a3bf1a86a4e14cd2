//! The renderings of one submission (§5): plain text for mail, `mailto:` URLs, `.eml` messages,
//! the promised dates as an `.ics` calendar, and spam reports as ARF (`.eml`) and XARF (JSON).

pub mod arf;
pub mod eml;
pub mod ics;
pub mod mailto;
pub mod multipart;
pub mod text;
pub mod xarf;

pub use arf::{arf, arf_file_name};
pub use eml::{eml, eml_file_name};
pub use ics::{ics, ics_file_name};
pub use mailto::{mail_plan, mailto_url, MailPlan, MAILTO_MAX_CHARS};
pub use text::plain_text;
pub use xarf::{xarf, xarf_abuse, xarf_abuse_file_name, xarf_file_name};

/// The one file the mail fallback offers: for a spam complaint the ARF report (the message
/// byte for byte, the complaint as its readable part), otherwise the `.eml` with the JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailFile {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

pub fn mail_file(submission: &crate::Submission, mailbox: &str) -> MailFile {
    let name = mail_file_name(submission);
    // A stored copy without the message's bytes falls back to the plain `.eml`.
    let bytes = submission.with_spam_report(mailbox, arf).unwrap_or_else(|| eml(submission, mailbox).into_bytes());
    MailFile { name, mime: "message/rfc822", bytes }
}

/// The name of [`mail_file`]'s file, known before it is rendered (the `mailto:` body names it).
pub fn mail_file_name(submission: &crate::Submission) -> String {
    match submission.spam {
        Some(_) => format!("spam-report-{}.eml", submission.short_reference().to_lowercase()),
        None => eml_file_name(submission),
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::submission::tests::{sample, spam_sample, SPAM_MESSAGE};
    use mail_parser::{MessageParser, MimeHeaders};

    #[test]
    fn a_spam_complaint_is_mailed_as_its_arf_report_with_the_complaint_readable() {
        let submission = spam_sample("bulk-sender.example");
        let file = mail_file(&submission, "abuse@example.org");
        assert_eq!(file.name, "spam-report-07070707.eml");
        let parsed = MessageParser::default().parse(&file.bytes).unwrap();
        assert_eq!(parsed.content_type().map(|ct| ct.c_subtype.as_deref()), Some(Some("report")));
        let readable = parsed.body_text(0).unwrap();
        assert!(readable.contains("Alice Müller"), "{readable}");
        assert!(readable.contains(&crate::sha256::sha256_hex(SPAM_MESSAGE)), "the readable part names the hash");
        // The original is in there byte for byte.
        assert!(file.bytes.windows(SPAM_MESSAGE.len()).any(|w| w == SPAM_MESSAGE));
        // The mailto body names the same file and never carries the message.
        let plan = mail_plan(&submission, "abuse@example.org");
        assert!(!plan.complete);
        assert_eq!(plan.eml_file_name, file.name);
        assert!(!plan.url.contains("Received"));
    }

    #[test]
    fn other_kinds_are_mailed_as_their_eml() {
        let submission = sample("Transfer hängt.");
        let file = mail_file(&submission, "complaints@example.org");
        assert_eq!(file.name, eml_file_name(&submission));
        assert_eq!(file.bytes, eml(&submission, "complaints@example.org").into_bytes());
        // A stored spam complaint (no bytes) falls back to the .eml too.
        let stored = spam_sample("bulk-sender.example").for_storage();
        assert_eq!(mail_file(&stored, "a@b.example").bytes, eml(&stored, "a@b.example").into_bytes());
    }

    #[test]
    fn a_spam_message_travels_as_its_own_form_part() {
        let submission = spam_sample("bulk-sender.example");
        let parts = multipart::form_parts(&submission);
        assert_eq!(parts.iter().map(|p| p.name).collect::<Vec<_>>(), ["submission", "message"]);
        assert_eq!(parts[1].bytes, SPAM_MESSAGE);
        assert_eq!(parts[1].file_name.as_deref(), Some("spam.eml"));
        assert_eq!(parts[1].content_type, "message/rfc822");
    }
}
