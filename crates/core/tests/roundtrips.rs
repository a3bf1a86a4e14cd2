//! Round trips as properties (issue 5): whatever text or bytes go in, the submission JSON, the
//! Punycode, the `.eml`, the `mailto:` URL and the ARF report give them back, parsed by a real
//! parser (serde_json, mail-parser, the `idna` crate's Punycode), and no field adds a header,
//! a recipient or a query key. The unit tests next to each renderer hold the worked examples;
//! these run the same checks over generated input, hostile pieces mixed in.

use chrono::{DateTime, TimeZone, Utc};
use mail_parser::{Message, MessageParser, MimeHeaders};
use portal_core::abuse::EvidenceFile;
use portal_core::domain::{punycode_decode, punycode_encode};
use portal_core::form::{Draft, Field, Kind};
use portal_core::render::{self, plain_text};
use portal_core::spam::{self, MessageSource, RawMessage, Reporter, SpamReport};
use portal_core::submission::{uuid_v4, Submission};
use portal_core::{Config, Locale};
use proptest::prelude::*;

const MAILBOX: &str = "complaints@example.org";

/// UTS #46 by the `idna` crate, as the command line maps it.
use portal_core::domain::IdnaUts46 as Idna;

fn now() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-28T15:04:05+01:00").expect("a constant date")
}

/// A valid submission of `kind`, built as the app builds it; the properties then replace its
/// text fields with generated text, so a renderer sees what validation might one day let by.
fn base(kind: Kind, locale: Locale, id: [u8; 16]) -> Submission {
    let mut draft = Draft::new(kind);
    for (field, value) in [
        (Field::Name, "Jörg Müller"),
        (Field::Email, "joerg@example.de"),
        (Field::Domains, "bücher.de"),
        (Field::Description, "Beschreibung"),
        (Field::AbuseCategory, "phishing"),
        (Field::ExpectedSteps, "Schritte"),
        (Field::PreviousReference, "T-1"),
        (Field::PreviousSentOn, "2026-11-16"),
        (Field::PreviousAnsweredOn, "2026-11-23"),
        (Field::Dissatisfaction, "Gründe"),
    ] {
        if kind.need(field).is_some() {
            draft.set(field, value);
        }
    }
    let valid = portal_core::validate::validate(kind, &draft, &Config::default(), locale, now().date_naive(), &Idna)
        .unwrap_or_else(|problems| panic!("{kind:?}: {problems:?}"));
    Submission::build(valid, uuid_v4(id), now(), locale, &Config::default())
}

fn parse(bytes: &[u8]) -> Message<'_> {
    MessageParser::default()
        .parse(bytes)
        .unwrap_or_else(|| panic!("mail-parser refused:\n{}", String::from_utf8_lossy(bytes)))
}

fn header_names(message: &Message<'_>) -> Vec<String> {
    message.headers().iter().map(|h| h.name().to_owned()).collect()
}

/// What the renderers make of a one-line value: every control character a space.
fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3).unwrap_or_else(|| panic!("cut escape in {text}"));
            out.push(u8::from_str_radix(hex, 16).unwrap_or_else(|_| panic!("bad escape in {text}")));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| panic!("not UTF-8: {text}"))
}

/// `mailto:to?k=v&…` read the way a mail client reads it: the address and the decoded fields.
fn split_mailto(url: &str) -> (String, Vec<(String, String)>) {
    let rest = url.strip_prefix("mailto:").unwrap_or_else(|| panic!("{url}"));
    let (to, query) = rest.split_once('?').unwrap_or((rest, ""));
    let fields = query
        .split('&')
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect();
    (percent_decode(to), fields)
}

/// Pieces that have broken mail renderers before: line breaks raw and percent-encoded, header
/// and query injections, encoded-word look-alikes, quotes and address punctuation, Bidi
/// overrides, zero-width characters, NUL, and plain Unicode.
fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\n".to_owned()),
        Just("\r\nBcc: victim@example.com\r\n".to_owned()),
        Just("&cc=evil@example.com".to_owned()),
        Just("?bcc=evil@example.com".to_owned()),
        Just("%0D%0A".to_owned()),
        Just("=?UTF-8?B?QmNjOiB4?=".to_owned()),
        Just("\"".to_owned()),
        Just("<evil@example.com>, ".to_owned()),
        Just("\u{202E}".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("\0".to_owned()),
        Just("  ".to_owned()),
        "\\PC{1,12}",
        any::<String>(),
    ]
}

/// Any text: arbitrary Unicode (controls included) with hostile pieces mixed in.
fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(hostile_piece(), 0..8).prop_map(|pieces| pieces.concat())
}

/// Text as a one-line field holds it after validation: no control character, trimmed.
fn one_line_text() -> impl Strategy<Value = String> {
    text().prop_map(|text| text.chars().filter(|c| !c.is_control()).collect::<String>().trim().to_owned())
}

/// Valid addresses: ASCII and Unicode local parts, ASCII and IDN domains.
fn email() -> impl Strategy<Value = String> {
    let local = prop_oneof!["[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,12}(\\.[A-Za-z0-9]{1,5})?", "\\p{L}{1,8}"];
    let domain =
        prop_oneof![Just("example.de"), Just("bücher.de"), Just("xn--mnchen-3ya.example"), Just("a-b.c.example")];
    (local, domain).prop_filter_map("not an address", |(local, domain)| {
        portal_core::email::normalise(&format!("{local}@{domain}"), &Idna).ok()
    })
}

fn locale() -> impl Strategy<Value = Locale> {
    prop_oneof![Just(Locale::De), Just(Locale::En)]
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![Just(Kind::ServiceComplaint), Just(Kind::AbuseReport), Just(Kind::Feedback), Just(Kind::Escalation)]
}

/// A file as the browser hands it over: a name of at most 255 bytes, any type, any bytes.
fn evidence() -> impl Strategy<Value = Vec<EvidenceFile>> {
    let name = text().prop_map(|name| {
        let end = (0..=name.len().min(255)).rev().find(|&end| name.is_char_boundary(end)).unwrap_or(0);
        name[..end].to_owned()
    });
    let file = (name, text(), proptest::collection::vec(any::<u8>(), 0..300))
        .prop_map(|(name, mime, bytes)| EvidenceFile::new(&name, &mime, &bytes));
    proptest::collection::vec(file, 0..3)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    /// Every text field, the files and the spam message survive JSON, pretty or compact.
    #[test]
    fn submission_json_round_trips_any_field_content(
        kind in kind(),
        locale in locale(),
        id in any::<[u8; 16]>(),
        texts in proptest::collection::vec(text(), 9),
        files in evidence(),
        raw in proptest::collection::vec(any::<u8>(), 0..300),
    ) {
        let mut submission = base(kind, locale, id).with_evidence(files);
        submission.subject = texts[0].clone();
        submission.description = texts[1].clone();
        submission.complainant.name = Some(texts[2].clone());
        submission.complainant.email = Some(texts[3].clone());
        submission.complainant.phone = Some(texts[4].clone());
        submission.complainant.customer_account = Some(texts[5].clone());
        submission.expected_steps = Some(texts[6].clone());
        submission.dissatisfaction = Some(texts[7].clone());
        submission.urls = vec![texts[8].clone()];
        if let Some(domain) = submission.domains.first_mut() {
            domain.input = texts[8].clone();
        }
        let analysis = spam::analyse(&raw);
        let target = spam::SpamTarget::Ip("192.0.2.1".to_owned());
        let message = RawMessage::new(MessageSource::File, Some(&texts[2]), &raw);
        submission.spam = Some(spam::SpamEvidence { target, message, analysis });

        let pretty = Submission::from_json(&submission.to_json_pretty());
        prop_assert_eq!(pretty.as_ref().ok(), Some(&submission));
        let compact = serde_json::to_string(&submission).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(Submission::from_json(&compact).ok(), Some(submission.clone()));
        let bytes = submission.spam.as_ref().and_then(|spam| spam.message.bytes());
        prop_assert_eq!(bytes.as_deref(), Some(raw.as_slice()));
    }

    /// Encoding then decoding gives any label back, and the encoding is the one the `idna`
    /// crate computes.
    #[test]
    fn punycode_round_trips_and_matches_idna(label in "\\PC{0,40}") {
        let encoded = punycode_encode(&label);
        prop_assert!(encoded.is_ascii(), "{:?}", encoded);
        prop_assert_eq!(punycode_decode(&encoded), Some(label.clone()));
        prop_assert_eq!(Some(encoded), idna::punycode::encode_str(&label));
    }

    /// Decoding agrees with the `idna` crate on any ASCII, Punycode or not. Where only ours
    /// decodes (`-`, a delimiter with no basic code points before it), the input is not the
    /// canonical encoding of the result, which is how `domain::normalise` refuses it.
    #[test]
    fn punycode_decoding_matches_idna(encoded in "[a-zA-Z0-9-]{0,30}") {
        match (punycode_decode(&encoded), idna::punycode::decode_to_string(&encoded)) {
            (ours, Some(theirs)) => prop_assert_eq!(ours, Some(theirs)),
            (Some(ours), None) => prop_assert_ne!(punycode_encode(&ours), encoded),
            (None, None) => {}
        }
    }

    /// The `.eml`: the header set is fixed whatever the fields hold; subject, body, sender and
    /// recipient, the attached JSON and every file come back.
    #[test]
    fn eml_round_trips_subject_body_and_addresses(
        kind in kind(),
        locale in locale(),
        id in any::<[u8; 16]>(),
        subject in text(),
        description in text(),
        name in one_line_text(),
        email in email(),
        files in evidence(),
    ) {
        let mut submission = base(kind, locale, id);
        if kind == Kind::AbuseReport {
            submission = submission.with_evidence(files);
        }
        // The subject as the app builds it: a prefix, then what was typed.
        submission.subject = format!("Betreff: {subject}");
        submission.description = description;
        submission.complainant.name = (!name.is_empty()).then_some(name);
        submission.complainant.email = Some(email.clone());

        let raw = render::eml(&submission, MAILBOX);
        prop_assert!(!raw.replace("\r\n", "").contains(['\r', '\n']), "bare CR or LF");
        let message = parse(raw.as_bytes());
        let expected = ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "X-Complaint-Id",
            "X-Complaint-Kind", "Content-Type"];
        prop_assert_eq!(header_names(&message), expected);
        // Trailing white space (a control character at the end becomes a space) may be trimmed.
        let expected_subject = one_line(&submission.subject);
        prop_assert_eq!(message.subject().map(str::trim_end), Some(expected_subject.trim_end()));

        let from = message.from().and_then(|from| from.as_list()).map(<[_]>::to_vec).unwrap_or_default();
        prop_assert_eq!(from.len(), 1, "{:?}", from);
        prop_assert_eq!(from[0].address(), Some(email.as_str()));
        prop_assert_eq!(from[0].name(), submission.complainant.name.as_deref());
        let to = message.to().and_then(|to| to.as_list()).map(<[_]>::to_vec).unwrap_or_default();
        prop_assert_eq!(to.iter().map(|a| a.address()).collect::<Vec<_>>(), [Some(MAILBOX)]);

        let body = message.body_text(0).map(|body| body.into_owned());
        prop_assert_eq!(body, Some(plain_text(&submission).replace('\n', "\r\n")));
        let json = message.attachment(0).map(|part| part.contents()).unwrap_or_default();
        let back = std::str::from_utf8(json).ok().and_then(|json| Submission::from_json(json).ok());
        prop_assert_eq!(back.as_ref(), Some(&submission));
        prop_assert_eq!(message.attachment_count(), 1 + submission.evidence.len());
        for (index, file) in submission.evidence.iter().enumerate() {
            let part = message.attachment(index as u32 + 1);
            prop_assert!(part.is_some());
            let part = part.unwrap_or_else(|| unreachable!());
            prop_assert_eq!(portal_core::sha256::sha256_hex(part.contents()), file.sha256.clone());
            prop_assert_eq!(part.attachment_name().unwrap_or_default(), one_line(&file.name));
        }
    }

    /// A hostile display name (line breaks, quotes, commas, angle brackets) still gives one
    /// sender and no extra header.
    #[test]
    fn eml_hostile_names_add_no_header_and_no_sender(name in text(), id in any::<[u8; 16]>()) {
        let mut submission = base(Kind::ServiceComplaint, Locale::De, id);
        submission.complainant.name = Some(name);
        let raw = render::eml(&submission, MAILBOX);
        let message = parse(raw.as_bytes());
        prop_assert_eq!(header_names(&message).len(), 9, "{}", raw);
        let from = message.from().and_then(|from| from.as_list()).map(<[_]>::to_vec).unwrap_or_default();
        prop_assert_eq!(from.len(), 1, "{}", raw);
        prop_assert_eq!(from[0].address(), Some("joerg@example.de"));
    }

    /// `mailto:`: only `subject` and `body`, percent-decoding gives them back (line breaks in the
    /// subject as spaces, in the body as CRLF), and the URL is plain printable ASCII.
    #[test]
    fn mailto_round_trips_subject_and_body(to in email(), subject in text(), body in text()) {
        let url = render::mailto_url(&to, &subject, &body);
        prop_assert!(url.bytes().all(|b| b.is_ascii_graphic()), "{}", url);
        let (address, fields) = split_mailto(&url);
        prop_assert_eq!(address, to);
        let keys: Vec<&str> = fields.iter().map(|(key, _)| key.as_str()).collect();
        prop_assert_eq!(keys, ["subject", "body"]);
        let one_line_subject: String = subject.chars().map(|c| if c == '\r' || c == '\n' { ' ' } else { c }).collect();
        prop_assert_eq!(&fields[0].1, &one_line_subject);
        prop_assert_eq!(&fields[1].1, &body.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n"));
    }

    /// ARF: the original comes back byte for byte through mail-parser, whatever bytes its
    /// header values and body hold, whatever its line ends, even when it is itself multipart
    /// with parts left open; and the report's own header set is fixed.
    #[test]
    fn arf_keeps_any_original_byte_for_byte(
        fields in proptest::collection::vec(
            ("[A-Za-z][A-Za-z0-9-]{0,15}", proptest::collection::vec(any::<u8>().prop_filter("one line", |b| *b != b'\r' && *b != b'\n'), 0..60)),
            0..6,
        ),
        multipart in any::<bool>(),
        crlf in any::<bool>(),
        body in proptest::collection::vec(prop_oneof![
            any::<u8>().prop_map(|b| vec![b]),
            Just(b"\r\n--x\r\n".to_vec()),
            Just(b"\r\n--x--\r\n".to_vec()),
            Just(b"\r\n\r\n".to_vec()),
            Just(b"\n--".to_vec()),
            // Not `Content-Type: message/rfc822` here: mail-parser 0.11.9 misreads a part that is
            // a message whose own header is only that (docs/fuzzing.md, "Known and left").
            Just(b"Content-Type: text/plain\r\n\r\n".to_vec()),
        ], 0..80),
        reporter_name in text(),
        reported_domain in text(),
    ) {
        let eol: &[u8] = if crlf { b"\r\n" } else { b"\n" };
        let mut raw = b"Received: from a.example by b.example; Tue, 10 Mar 2026 09:15:01 +0100".to_vec();
        raw.extend_from_slice(eol);
        if multipart {
            raw.extend_from_slice(b"Content-Type: multipart/mixed; boundary=\"x\"");
            raw.extend_from_slice(eol);
        }
        for (name, value) in &fields {
            raw.extend_from_slice(name.as_bytes());
            raw.extend_from_slice(b": ");
            raw.extend_from_slice(value);
            raw.extend_from_slice(eol);
        }
        raw.extend_from_slice(eol);
        raw.extend(body.concat());

        let analysis = spam::analyse(&raw);
        let reporter = Reporter { name: Some(reporter_name), email: "alice@example.org".to_owned(), org: None };
        let report = SpamReport {
            raw: &raw,
            analysis: &analysis,
            reporter: &reporter,
            to: MAILBOX,
            reported_domain: &reported_domain,
            now: Utc.with_ymd_and_hms(2026, 3, 12, 8, 30, 0).single().unwrap_or_default(),
            id: "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f",
            locale: Locale::En,
            details: "",
        };
        let bytes = render::arf(&report);
        let message = parse(&bytes);
        prop_assert_eq!(header_names(&message), ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"]);
        let original = message.parts.iter().find(|part| {
            part.content_type().is_some_and(|ct| ct.ctype() == "message" && ct.subtype() == Some("rfc822"))
        });
        prop_assert!(original.is_some(), "no message/rfc822 part");
        let original = original.unwrap_or_else(|| unreachable!());
        let span = bytes.get(original.offset_body as usize..original.offset_end as usize).unwrap_or_default();
        // An original whose own multipart body is never closed makes mail-parser run its span
        // on over the report's closing delimiter (and no further): the bytes are still exact.
        let boundary = message.content_type().and_then(|ct| ct.attribute("boundary")).unwrap_or_default();
        let overrun = [raw.as_slice(), format!("\r\n--{boundary}--\r\n").as_bytes()].concat();
        prop_assert!(span == raw.as_slice() || (multipart && span == overrun.as_slice()), "{:?}", String::from_utf8_lossy(span));
        prop_assert!(bytes.ends_with(&overrun));
    }
}

/// Found by the `render_roundtrip` fuzz target: a file name long enough for several encoded
/// words came back with a space at each join, because the words were joined by spaces inside
/// the quoted parameter.
#[test]
fn long_unicode_file_names_come_back_without_added_spaces() {
    let name = "Bestätigung der Überweisung über 1.000 € – Kopie für die Akte.pdf";
    let submission =
        base(Kind::AbuseReport, Locale::De, [7; 16]).with_evidence(vec![EvidenceFile::new(name, "", b"%PDF-1.7")]);
    let raw = render::eml(&submission, MAILBOX);
    let message = parse(raw.as_bytes());
    let part = message.attachment(1).expect("the file is attached");
    assert_eq!(part.attachment_name(), Some(name));
    assert_eq!(part.contents(), b"%PDF-1.7");
}

/// Found by the `spam_analyse` fuzz target: a character wider than one byte right before
/// `http://` made the URL scan slice inside it and panic.
#[test]
fn a_wide_character_before_a_url_scheme_is_analysed() {
    let raw = "Received: from a by b; Tue, 10 Mar 2026 09:15:01 +0100\r\n\
               Subject: x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSiehe \u{FFFD}https://a.example/x\r\n";
    let analysis = spam::analyse(raw.as_bytes());
    assert_eq!(analysis.url_hosts, ["a.example"]);
}

/// Found by the `render_roundtrip` fuzz target: the ARF boundary was chosen to avoid only the
/// original and the details, and mail-parser ends a part at a boundary even mid-line. A
/// reported domain, a reporter, or a URL from a base64 body that held it cut the report short.
#[test]
fn arf_boundary_avoids_every_text_in_the_report() {
    let id = "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
    let first = "=_arf_6f1c2d3e4a5b4c6d8e7f0a1b2c3d4e5f_0";
    // The URL is only in the base64 body, so not in the original's bytes as they are.
    let url_text = format!("Siehe https://a.example/x?--{first}--\r\n");
    let body = EvidenceFile::new("body", "", url_text.as_bytes()).content_base64;
    let raw = format!(
        "Received: from a by b; Tue, 10 Mar 2026 09:15:01 +0100\r\nSubject: x\r\n\
         Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n{body}\r\n"
    );
    let analysis = spam::analyse(raw.as_bytes());
    assert_eq!(analysis.urls, [format!("https://a.example/x?--{first}--")]);
    let reporter = Reporter { name: Some(format!("Eve --{first}")), email: "eve@example.org".to_owned(), org: None };
    let report = SpamReport {
        raw: raw.as_bytes(),
        analysis: &analysis,
        reporter: &reporter,
        to: MAILBOX,
        reported_domain: &format!("x.example --{first}-- y"),
        now: Utc.with_ymd_and_hms(2026, 3, 12, 8, 30, 0).single().unwrap_or_default(),
        id,
        locale: Locale::De,
        details: "",
    };
    let bytes = render::arf(&report);
    let message = parse(&bytes);
    let kinds: Vec<String> = message.parts[1..]
        .iter()
        .filter_map(|part| part.content_type().map(|ct| format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or(""))))
        .collect();
    assert_eq!(kinds, ["text/plain", "message/feedback-report", "message/rfc822"]);
    let original = &message.parts[3];
    assert_eq!(&bytes[original.offset_body as usize..original.offset_end as usize], raw.as_bytes());
}
