//! `mailto:` URLs (RFC 6068) that no input can turn into extra headers or recipients.

use crate::i18n::{Locale, Msg};
use crate::submission::Submission;

use super::plain_text;

/// Mail clients and browsers truncate or refuse longer `mailto:` URLs.
pub const MAILTO_MAX_CHARS: usize = 1800;

/// Builds `mailto:to?subject=…&body=…`. Everything outside RFC 3986 "unreserved" is
/// percent-encoded as UTF-8, so `&`, `?`, `=`, `%`, CR and LF in the input stay inside their
/// field; line breaks become `%0D%0A` as RFC 6068 asks.
pub fn mailto_url(to: &str, subject: &str, body: &str) -> String {
    let body = body.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n");
    // A subject is one line: any break in it is folded to a space before encoding.
    let subject: String = subject.chars().map(|c| if c == '\r' || c == '\n' { ' ' } else { c }).collect();
    format!("mailto:{}?subject={}&body={}", encode(to, "@"), encode(&subject, ""), encode(&body, ""))
}

fn encode(text: &str, also_safe: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        let c = char::from(byte);
        if byte.is_ascii_alphanumeric() || "-._~".contains(c) || (byte.is_ascii() && also_safe.contains(c)) {
            out.push(c);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// What the mail fallback offers: the URL to open, and whether it carries the whole complaint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailPlan {
    pub url: String,
    /// False when the complaint was too long for a URL: then the body only asks the
    /// complainant to attach the downloaded `.eml`, and the UI must offer it.
    pub complete: bool,
    pub eml_file_name: String,
}

/// The `mailto:` for a submission: the full text where it fits, else a short body that names
/// the `.eml` to attach. Nothing is ever cut mid-text.
pub fn mail_plan(submission: &Submission, mailbox: &str) -> MailPlan {
    let file = super::mail_file_name(submission);
    let full = mailto_url(mailbox, &submission.subject, &plain_text(submission));
    // Files never go into a URL: with evidence or a spam message, the downloaded file (which
    // carries them) is the message.
    if full.len() <= MAILTO_MAX_CHARS && submission.evidence.is_empty() && submission.spam.is_none() {
        return MailPlan { url: full, complete: true, eml_file_name: file };
    }
    let locale: Locale = submission.locale;
    let note = format!(
        "{}\n\n{}: {}\n",
        Msg::MailAttachNote.format(locale, &[("file", &file)]),
        match locale {
            Locale::De => "Referenz",
            Locale::En => "Reference",
        },
        submission.id
    );
    MailPlan { url: mailto_url(mailbox, &submission.subject, &note), complete: false, eml_file_name: file }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::submission::tests::sample;

    /// Splits a mailto URL the way a mail client does: the address, then `&`-separated fields.
    fn parse(url: &str) -> (String, Vec<(String, String)>) {
        let rest = url.strip_prefix("mailto:").unwrap();
        let (to, query) = rest.split_once('?').unwrap();
        let fields = query
            .split('&')
            .map(|pair| {
                let (k, v) = pair.split_once('=').unwrap();
                (k.to_owned(), decode(v))
            })
            .collect();
        (decode(to), fields)
    }

    fn decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' {
                out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(bytes[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn hostile_input_stays_inside_its_field() {
        let subject = "Hi\r\nBcc: victim@example.com&cc=evil@example.com";
        let body = "a&cc=x@example.com?bcc=y@example.com%0D%0Ato: z\n100% ünïcode = ok\r\nBcc: w@example.com";
        let url = mailto_url("complaints@example.org", subject, body);
        assert!(!url.contains('\r') && !url.contains('\n') && !url.contains(' '));
        let (to, fields) = parse(&url);
        assert_eq!(to, "complaints@example.org");
        let keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, vec!["subject", "body"], "{url}");
        assert_eq!(fields[0].1, "Hi  Bcc: victim@example.com&cc=evil@example.com");
        assert_eq!(fields[1].1, body.replace("\r\n", "\n").replace('\n', "\r\n"));
    }

    #[test]
    fn line_breaks_are_crlf_and_non_ascii_is_utf8() {
        let url = mailto_url("a@example.org", "ä", "x\ny");
        assert_eq!(url, "mailto:a@example.org?subject=%C3%A4&body=x%0D%0Ay");
    }

    #[test]
    fn short_complaints_go_whole_into_the_url() {
        let plan = mail_plan(&sample("Kurz."), "complaints@example.org");
        assert!(plan.complete);
        assert!(plan.url.len() <= MAILTO_MAX_CHARS);
        let (_, fields) = parse(&plan.url);
        assert!(fields[1].1.contains("Kurz."));
    }

    #[test]
    fn a_report_with_files_asks_for_the_eml_and_never_puts_content_in_the_url() {
        let submission = crate::submission::tests::abuse_sample();
        let plan = mail_plan(&submission, "abuse@example.org");
        assert!(!plan.complete);
        let (_, fields) = parse(&plan.url);
        assert!(fields[1].1.contains(&plan.eml_file_name));
        for file in &submission.evidence {
            assert!(!plan.url.contains(&file.content_base64) && !fields[1].1.contains(&file.content_base64));
        }
        let without = submission.with_evidence(Vec::new());
        assert!(mail_plan(&without, "abuse@example.org").complete);
    }

    #[test]
    fn long_complaints_point_to_the_eml_instead_of_being_cut() {
        let submission = sample(&"Sehr lange Beschreibung. ".repeat(200));
        let plan = mail_plan(&submission, "complaints@example.org");
        assert!(!plan.complete);
        assert!(plan.url.len() <= MAILTO_MAX_CHARS);
        let (_, fields) = parse(&plan.url);
        assert!(fields[1].1.contains(&plan.eml_file_name));
        assert!(fields[1].1.contains(&submission.id));
        assert!(!fields[1].1.contains("Sehr lange"));
    }
}
