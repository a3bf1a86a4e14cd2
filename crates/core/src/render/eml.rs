//! The submission as an RFC 5322 message (`.eml`): a readable text part and the JSON document
//! attached, so one file carries everything a receiver needs.
//!
//! Header values are built only from validated single-line text and are RFC 2047 encoded
//! when not plain ASCII, so no input can start a new header line.

use crate::submission::Submission;

use super::plain_text;

/// A file name without spaces or non-ASCII, safe in every download dialog and `Content-Disposition`.
pub fn eml_file_name(submission: &Submission) -> String {
    format!("complaint-{}.eml", submission.short_reference().to_lowercase())
}

/// Renders the message with CRLF line ends.
pub fn eml(submission: &Submission, to: &str) -> String {
    let boundary = format!("=_portal_{}", submission.id);
    let json_name = format!("submission-{}.json", submission.id);
    let from = match (&submission.complainant.email, &submission.complainant.name) {
        (Some(email), Some(name)) => format!("{} <{}>", phrase(name), single_line(email)),
        (Some(email), None) => single_line(email),
        // Without an address the message is from nobody in particular; the mail client fills it.
        (None, _) => format!("<{}>", single_line(to)),
    };
    let mut out = String::new();
    let mut header = |name: &str, value: &str| header_line(&mut out, name, value);
    header("From", &from);
    header("To", &single_line(to));
    header("Subject", &encode_words(&submission.subject));
    header("Date", &submission.created_at.to_rfc2822());
    header("Message-ID", &format!("<{}@complaint-portal.invalid>", submission.id));
    header("MIME-Version", "1.0");
    header("X-Complaint-Id", &single_line(&submission.id));
    header("X-Complaint-Kind", submission.kind.slug());
    header("Content-Type", &format!("multipart/mixed; boundary=\"{boundary}\""));
    out.push_str("\r\nThis is a multi-part message in MIME format.\r\n");

    out.push_str(&format!("\r\n--{boundary}\r\n"));
    out.push_str("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
    out.push_str(&base64_lines(plain_text(submission).replace('\n', "\r\n").as_bytes()));

    out.push_str(&format!("--{boundary}\r\n"));
    out.push_str(&format!(
        "Content-Type: application/json; charset=utf-8; name=\"{json_name}\"\r\n\
         Content-Disposition: attachment; filename=\"{json_name}\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n"
    ));
    out.push_str(&base64_lines(submission.to_json_pretty().as_bytes()));
    // Each evidence file as its own attachment, its bytes as they were chosen. A file without
    // content (restored from storage, where contents are never kept) is only listed in the text.
    for file in submission.evidence.iter().filter(|file| file.has_content()) {
        let name = file_name_param(&file.name);
        out.push_str(&format!("--{boundary}\r\n"));
        out.push_str(&format!(
            "Content-Type: {}; name={name}\r\n\
             Content-Disposition: attachment; filename={name}\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n",
            single_line(&file.mime)
        ));
        for line in file.content_base64.as_bytes().chunks(76) {
            out.push_str(std::str::from_utf8(line).unwrap_or_default());
            out.push_str("\r\n");
        }
    }
    out.push_str(&format!("--{boundary}--\r\n"));
    out
}

/// A file name as a MIME parameter: quoted ASCII, or RFC 2047 encoded words (which mail
/// programs read in `name`/`filename`, although RFC 2231 is the standard way).
fn file_name_param(name: &str) -> String {
    let name = single_line(name);
    if name.is_ascii() && !name.contains(['"', '\\']) && !name.contains("=?") && name.len() <= 200 {
        format!("\"{name}\"")
    } else {
        // Always encoded: a `"` left as it is would end the parameter and start another.
        // The words joined without a space: inside quotes a parser keeps it as part of the name.
        format!("\"{}\"", encoded_words(&name).replace("\r\n ", ""))
    }
}

/// Appends `Name: value` and CRLF; the value must already be single-line (or folded) and encoded.
pub(crate) fn header_line(out: &mut String, name: &str, value: &str) {
    out.push_str(name);
    out.push_str(": ");
    out.push_str(value);
    out.push_str("\r\n");
}

/// Defence in depth: validation already refuses line breaks in single-line fields.
fn single_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// A display name: quoted when plain ASCII words, RFC 2047 encoded otherwise.
pub(crate) fn phrase(name: &str) -> String {
    let name = single_line(name);
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '.' || c == '-') {
        format!("\"{name}\"")
    } else {
        // Always encoded: `<`, `"` or `,` left as they are would add addresses to the field.
        encoded_words(&name)
    }
}

/// RFC 2047 "B" encoded words of at most 75 characters, folded onto continuation lines.
pub(crate) fn encode_words(text: &str) -> String {
    let text = single_line(text);
    if text.is_ascii() && !text.contains("=?") && text.len() <= 900 {
        return text;
    }
    encoded_words(&text)
}

/// [`encode_words`] even for plain ASCII: for a display name or a parameter value.
fn encoded_words(text: &str) -> String {
    let text = single_line(text);
    // 45 bytes of UTF-8 become 60 base64 characters: 72 with the `=?UTF-8?B?` and `?=` frame.
    const CHUNK_BYTES: usize = 45;
    let mut words = Vec::new();
    let mut chunk = String::new();
    for c in text.chars() {
        if chunk.len() + c.len_utf8() > CHUNK_BYTES {
            words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
            chunk.clear();
        }
        chunk.push(c);
    }
    if !chunk.is_empty() {
        words.push(format!("=?UTF-8?B?{}?=", base64(chunk.as_bytes())));
    }
    words.join("\r\n ")
}

pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group.iter().enumerate().fold(0u32, |acc, (i, &b)| acc | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= group.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 0x3f) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Strict RFC 4648 base64 without line breaks, as [`base64`] writes it; `None` for anything
/// else (a submission from elsewhere whose content was changed on the way).
pub(crate) fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for (index, group) in bytes.chunks(4).enumerate() {
        let last = index + 1 == bytes.len() / 4;
        let padding = group.iter().rev().take_while(|&&c| c == b'=').count();
        if padding > 2 || (padding > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &group[..4 - padding] {
            n = n << 6 | value(c)?;
        }
        n <<= 6 * padding as u32;
        out.extend_from_slice(&n.to_be_bytes()[1..4 - padding]);
    }
    Some(out)
}

/// Base64 in lines of 76 characters, each ended by CRLF (RFC 2045).
fn base64_lines(bytes: &[u8]) -> String {
    let encoded = base64(bytes);
    let mut out = String::with_capacity(encoded.len() + encoded.len() / 38);
    for line in encoded.as_bytes().chunks(76) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::submission::tests::sample;
    use crate::submission::Submission;
    use mail_parser::{MessageParser, MimeHeaders};

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        for (input, expected) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foobar", "Zm9vYmFy")] {
            assert_eq!(base64(input.as_bytes()), expected);
            assert_eq!(base64_decode(expected).as_deref(), Some(input.as_bytes()));
        }
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(base64_decode(&base64(&bytes)), Some(bytes));
        for bad in ["Zg=", "Zg=a", "Z===", "Zm9v\r\n", "Zm9v!A==", "Zg==Zm9v"] {
            assert_eq!(base64_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_real_parser_reads_back_every_part() {
        let submission = sample("Zeile 1\nZeile 2 mit Ümlaut");
        let raw = eml(&submission, "complaints@example.org");
        assert!(raw.lines().all(|line| line.len() <= 998));
        assert!(!raw.replace("\r\n", "").contains('\n'), "bare LF in message");

        let message = MessageParser::default().parse(raw.as_bytes()).unwrap();
        assert_eq!(message.subject(), Some(submission.subject.as_str()));
        let from = message.from().unwrap().first().unwrap();
        assert_eq!(from.name(), Some("Jörg Müller"));
        assert_eq!(from.address(), Some("joerg@example.de"));
        assert_eq!(message.to().unwrap().first().unwrap().address(), Some("complaints@example.org"));
        assert_eq!(message.date().unwrap().to_rfc3339(), "2026-11-28T15:04:05+01:00");
        let body = message.body_text(0).unwrap();
        assert!(body.contains("Zeile 2 mit Ümlaut"), "{body}");

        let attachment = message.attachment(0).unwrap();
        assert_eq!(attachment.attachment_name(), Some(format!("submission-{}.json", submission.id).as_str()));
        let json = std::str::from_utf8(attachment.contents()).unwrap();
        assert_eq!(Submission::from_json(json).unwrap(), submission);
    }

    #[test]
    fn evidence_files_are_attached_byte_for_byte() {
        let mut submission = crate::submission::tests::abuse_sample();
        let big: Vec<u8> = (0..5000u32).map(|i| (i * 7 % 256) as u8).collect();
        submission.evidence.push(crate::abuse::EvidenceFile::new("Ümlaut \"quote\".bin", "", &big));
        let raw = eml(&submission, "abuse@example.org");
        assert!(raw.lines().all(|line| line.len() <= 998));
        let message = MessageParser::default().parse(raw.as_bytes()).unwrap();
        assert_eq!(message.attachment_count(), 4, "the JSON and three files");
        let expected: [(&str, &[u8]); 3] = [
            ("seite.html", b"<form>Passwort</form>"),
            ("bild.png", &[0x89, b'P', b'N', b'G', 0, 0xff, 0x0d, 0x0a]),
            ("Ümlaut \"quote\".bin", &big),
        ];
        for (index, (name, bytes)) in expected.iter().enumerate() {
            let part = message.attachment(index as u32 + 1).unwrap();
            assert_eq!(part.attachment_name(), Some(*name));
            assert_eq!(part.contents(), *bytes, "{name}");
            assert_eq!(crate::sha256::sha256_hex(part.contents()), submission.evidence[index].sha256);
        }
        assert_eq!(message.attachment(2).unwrap().content_type().unwrap().subtype(), Some("png"));
        let body = message.body_text(0).unwrap();
        assert!(body.contains(&format!("bild.png (8 Byte), SHA-256: {}", submission.evidence[1].sha256)), "{body}");
        // Restored from storage, the files are listed but not attached.
        let stored = eml(&submission.for_storage(), "abuse@example.org");
        assert_eq!(MessageParser::default().parse(stored.as_bytes()).unwrap().attachment_count(), 1);
    }

    #[test]
    fn hostile_subject_and_name_create_no_header() {
        let mut submission = sample("x");
        submission.subject = "Hallo\r\nBcc: victim@example.com\r\n\r\nbody".into();
        submission.complainant.name = Some("Evil\r\nCc: other@example.com".into());
        let raw = eml(&submission, "complaints@example.org");
        let message = MessageParser::default().parse(raw.as_bytes()).unwrap();
        assert!(message.bcc().is_none() && message.cc().is_none());
        assert_eq!(message.subject(), Some("Hallo  Bcc: victim@example.com    body"));
        let header_names: Vec<String> = message.headers().iter().map(|h| h.name().to_owned()).collect();
        assert!(
            !header_names.iter().any(|n| n.eq_ignore_ascii_case("bcc") || n.eq_ignore_ascii_case("cc")),
            "{header_names:?}"
        );
    }

    #[test]
    fn long_unicode_subjects_fold_into_short_encoded_words() {
        let subject = "Ünïcödé ".repeat(20);
        let encoded = encode_words(&subject);
        assert!(encoded.split("\r\n ").all(|word| word.len() <= 75));
        let raw = format!("Subject: {encoded}\r\n\r\nx");
        let message = MessageParser::default().parse(raw.as_bytes()).unwrap();
        assert_eq!(message.subject(), Some(subject.as_str()));
    }
}
