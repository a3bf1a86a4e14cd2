//! The submission as `multipart/form-data` (RFC 7578), for generic form back ends (§6): the
//! operator chooses it with `"submission_format": "multipart"`; JSON stays the default.
//!
//! Parts, in order:
//! - `submission`: the JSON document, with every `content_base64` emptied (as in browser
//!   storage): the bytes travel once, as the file parts below, matched by their SHA-256;
//! - `message`: a spam complaint's message, byte for byte, as `message/rfc822`;
//! - `evidence`: one part per evidence file, byte for byte, with the type the browser reported.
//!
//! The browser hands [`form_parts`] to `FormData` (which picks its own boundary); [`encode`]
//! writes the same parts as bytes, for the command line and the tests.

use crate::submission::Submission;

/// One part of the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormPart {
    pub name: &'static str,
    /// Present for file parts.
    pub file_name: Option<String>,
    pub content_type: String,
    pub bytes: Vec<u8>,
}

/// The parts of `submission`. A file whose bytes are not here (a copy restored from storage)
/// has no part; the JSON still lists it with its hash.
pub fn form_parts(submission: &Submission) -> Vec<FormPart> {
    let mut parts = vec![FormPart {
        name: "submission",
        file_name: None,
        content_type: "application/json; charset=utf-8".to_owned(),
        bytes: submission.for_storage().to_json_pretty().into_bytes(),
    }];
    if let Some(spam) = &submission.spam {
        if let Some(bytes) = spam.message.bytes() {
            let file_name = spam.message.file_name.clone().unwrap_or_else(|| "message.eml".to_owned());
            parts.push(FormPart {
                name: "message",
                file_name: Some(file_name),
                content_type: "message/rfc822".to_owned(),
                bytes,
            });
        }
    }
    for file in &submission.evidence {
        if let Some(bytes) = super::eml::base64_decode(&file.content_base64).filter(|_| file.has_content()) {
            parts.push(FormPart {
                name: "evidence",
                file_name: Some(file.name.clone()),
                content_type: file.mime.clone(),
                bytes,
            });
        }
    }
    parts
}

/// A boundary that occurs in no part, derived from the submission's id.
pub fn boundary_for(parts: &[FormPart], id: &str) -> String {
    let id: String = id.chars().filter(char::is_ascii_alphanumeric).collect();
    (0u32..)
        .map(|n| format!("----portal-{id}-{n}"))
        .find(|boundary| !parts.iter().any(|part| contains(&part.bytes, boundary.as_bytes())))
        .unwrap_or_default()
}

/// The `Content-Type` header value for a body written by [`encode`] with `boundary`.
pub fn content_type(boundary: &str) -> String {
    format!("multipart/form-data; boundary={boundary}")
}

/// The body, with CRLF line ends. File names are quoted with `"`, CR and LF percent-encoded,
/// as browsers do, so no name can end the header line.
pub fn encode(parts: &[FormPart], boundary: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for part in parts {
        out.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        let mut disposition = format!("Content-Disposition: form-data; name=\"{}\"", part.name);
        if let Some(file_name) = &part.file_name {
            disposition.push_str(&format!("; filename=\"{}\"", quoted(file_name)));
        }
        out.extend_from_slice(disposition.as_bytes());
        out.extend_from_slice(format!("\r\nContent-Type: {}\r\n\r\n", quoted(&part.content_type)).as_bytes());
        out.extend_from_slice(&part.bytes);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    out
}

fn quoted(text: &str) -> String {
    text.replace('"', "%22").replace('\r', "%0D").replace('\n', "%0A")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::submission::tests::{abuse_sample, sample};
    use mail_parser::{MessageParser, MimeHeaders};

    /// Parses `body` with a real MIME parser, as a form back end would.
    fn parse_back(body: &[u8], boundary: &str) -> Vec<(String, Option<String>, Vec<u8>)> {
        let mut message = format!("Content-Type: {}\r\n\r\n", content_type(boundary)).into_bytes();
        message.extend_from_slice(body);
        let parsed = MessageParser::default().parse(&message).unwrap();
        parsed
            .parts
            .iter()
            .skip(1)
            .map(|part| {
                let disposition = part.content_disposition().unwrap();
                (
                    disposition.attribute("name").unwrap().to_owned(),
                    disposition.attribute("filename").map(str::to_owned),
                    part.contents().to_vec(),
                )
            })
            .collect()
    }

    #[test]
    fn the_json_and_every_file_come_back_byte_for_byte() {
        let submission = abuse_sample();
        let parts = form_parts(&submission);
        assert_eq!(parts.iter().map(|p| p.name).collect::<Vec<_>>(), ["submission", "evidence", "evidence"]);
        let boundary = boundary_for(&parts, &submission.id);
        let back = parse_back(&encode(&parts, &boundary), &boundary);
        let json: serde_json::Value = serde_json::from_slice(&back[0].2).unwrap();
        assert_eq!(json["evidence"][0]["content_base64"], "", "bytes travel once");
        assert_eq!(json["evidence"][1]["sha256"], crate::sha256::sha256_hex(&back[2].2));
        assert_eq!(back[1], ("evidence".into(), Some("seite.html".into()), b"<form>Passwort</form>".to_vec()));
        assert_eq!(back[2].2, [0x89, b'P', b'N', b'G', 0, 0xff, 0x0d, 0x0a]);
    }

    #[test]
    fn a_submission_without_files_is_one_part() {
        let parts = form_parts(&sample("x"));
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].content_type, "application/json; charset=utf-8");
    }

    #[test]
    fn the_boundary_avoids_the_content_and_names_cannot_break_lines() {
        let parts = vec![FormPart {
            name: "evidence",
            file_name: Some("a\"\r\nX-Evil: 1.txt".into()),
            content_type: "text/plain".into(),
            bytes: b"--\r\n------portal-abc-0\r\n".to_vec(),
        }];
        let boundary = boundary_for(&parts, "abc");
        assert_eq!(boundary, "----portal-abc-1");
        let body = String::from_utf8(encode(&parts, &boundary)).unwrap();
        assert!(body.contains("filename=\"a%22%0D%0AX-Evil: 1.txt\""), "{body}");
        assert_eq!(body.matches("\r\nX-Evil").count(), 0);
        let back = parse_back(body.as_bytes(), &boundary);
        assert_eq!(back[0].2, b"--\r\n------portal-abc-0\r\n");
    }
}
