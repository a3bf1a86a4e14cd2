//! Hostile input (issue 5, PRODUCT.md §7): every text field of every available form, fed each
//! string of a table of hostile inputs, is either refused with a message for that field, or
//! rendered (plain text, `mailto:`, `.eml`, ARF for spam) without creating a header, a
//! recipient or a MIME part, and without losing the value. Non-UTF-8 bytes in evidence files and
//! spam messages are refused or bundled byte for byte.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate};
use mail_parser::{Address, MessageParser, MimeHeaders};
use portal_core::abuse::{check_evidence, EvidenceFile};
use portal_core::domain;
use portal_core::form::{Control, Draft, Field, Kind};
use portal_core::render::{arf, eml, mail_plan, plain_text};
use portal_core::spam::{analyse, check_raw, MessageSource, RawMessage, RawProblem};
use portal_core::validate::validate;
use portal_core::{Config, Locale, Submission};

const MAILBOX: &str = "complaints@example.org";
const ABUSE_MAILBOX: &str = "abuse@bulk-sender.example";
/// The submission id of every case; the boundary look-alikes below are built from it, so a
/// renderer that derives its MIME boundary from the id is attacked with the exact delimiter.
const ID: &str = "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f";

/// The headers each rendering writes, and no others.
const EML_HEADERS: &[&str] = &[
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "MIME-Version",
    "X-Complaint-Id",
    "X-Complaint-Kind",
    "Content-Type",
];
const ARF_HEADERS: &[&str] = &["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"];
/// RFC 5965 §3.1 fields the portal writes into `message/feedback-report`.
const FEEDBACK_FIELDS: &[&str] = &[
    "Feedback-Type",
    "User-Agent",
    "Version",
    "Original-Mail-From",
    "Arrival-Date",
    "Source-IP",
    "Reported-Domain",
    "Reported-URI",
];

/// UTS #46 by the `idna` crate, as the command line maps it.
use portal_core::domain::IdnaUts46 as Idna;

/// The table: (what it attacks, the string).
fn hostile() -> Vec<(&'static str, String)> {
    let alnum_id: String = ID.chars().filter(char::is_ascii_alphanumeric).collect();
    vec![
        ("script tag", "<script>alert(1)</script>".into()),
        ("img onerror", "<img src=x onerror=alert(1)>".into()),
        ("attribute break-out", "\" onmouseover=\"alert(1)\" x=\"".into()),
        ("javascript: URL", "javascript:alert(document.cookie)".into()),
        ("CRLF header", "line1\r\nBcc: x@evil.example".into()),
        ("LF header", "line1\nCc: x@evil.example".into()),
        ("bare CR header", "line1\rBcc: x@evil.example".into()),
        ("leading header line", "\r\nBcc: x@evil.example".into()),
        ("header block and body", "x\r\nBcc: x@evil.example\r\n\r\nforged body".into()),
        ("percent-encoded CRLF", "a%0d%0aBcc: x@evil.example%0D%0Ab".into()),
        ("mailto delimiters", "x&cc=y@evil.example?bcc=z@evil.example&body=owned".into()),
        ("mailto address", "x&cc=y?bcc=z@evil.example".into()),
        ("display-name break-out", "Eve\" <x@evil.example>, y@evil.example".into()),
        ("encoded-word look-alike", "=?UTF-8?B?QmNjOiB4QGV2aWwuZXhhbXBsZQ0K?=".into()),
        ("URL with encoded CRLF", "https://evil.example/a?x=%0d%0aBcc:%20x@evil.example&cc=y@evil.example".into()),
        ("RTL override", "invoice\u{202E}fdp.exe".into()),
        ("zero-width", "a\u{200B}b\u{200D}c\u{FEFF}d".into()),
        ("NUL", "a\u{0}b".into()),
        ("other C0 and C1 controls", "a\u{1b}[31mb\u{7f}c\u{85}d".into()),
        (
            "eml boundary look-alike",
            format!("x\n--=_portal_{ID}\nContent-Type: text/html\n\n<b>y</b>\n--=_portal_{ID}--"),
        ),
        (
            "ARF boundary look-alike",
            format!("x\n--=_arf_{alnum_id}_0\nContent-Type: text/html\n\n<b>y</b>\n--=_arf_{alnum_id}_0--"),
        ),
        ("long word (150)", "W".repeat(150)),
        ("long word (10,000)", "Donaudampfschifffahrtsgesellschaft".repeat(300)),
        ("1 MB line", "A".repeat(1 << 20)),
    ]
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 20).unwrap()
}

/// Whether the field is typed as text (dates, radios, files and messages are not).
fn is_text(field: Field) -> bool {
    matches!(field.control(), Control::Text | Control::Email | Control::Tel | Control::TextArea { .. })
}

/// A valid value for each field that goes into the draft; `None` for what never does (files,
/// the spam message). Matched on the id, so a new field needs a line here only to be valid.
fn valid_value(field: Field) -> Option<&'static str> {
    Some(match field.id() {
        "evidence" | "spam_message" => return None,
        "name" => "Anna Muster",
        "email" => "anna@example.de",
        "phone" => "+49 681 123456",
        "customer_account" => "K-12345",
        "domains" => "bücher.de",
        "subject" => "Transfer hängt",
        "previous_reference" => "T-1234",
        "previous_sent_on" => "2026-04-28",
        "previous_answered_on" => "2026-05-04",
        "abuse_category" => "phishing",
        "spam_target" => "mail.bulk-sender.example",
        _ => "Gewöhnlicher Text, nichts Besonderes.",
    })
}

fn baseline(kind: Kind) -> Draft {
    let mut draft = Draft::new(kind);
    for (field, _) in kind.fields() {
        if let Some(value) = valid_value(*field) {
            draft.set(*field, value);
        }
    }
    draft
}

fn spam_fixture() -> Vec<u8> {
    std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/multi-hop.eml")).unwrap()
}

/// The submission, and the notes the check page shows with it.
fn build(kind: Kind, draft: &Draft) -> Result<(Submission, Vec<String>), Vec<portal_core::Problem>> {
    let config = Config::default();
    let validated = validate(kind, draft, &config, Locale::En, today(), &Idna)?;
    let notes = validated.notes.clone();
    let now = DateTime::parse_from_rfc3339("2026-05-20T10:00:00+02:00").unwrap();
    let submission = Submission::build(validated, ID.to_owned(), now, Locale::En, &config);
    // A spam complaint carries its message (outside the draft), as the form attaches it.
    let raw = spam_fixture();
    Ok((submission.with_spam_message(RawMessage::new(MessageSource::Paste, None, &raw), analyse(&raw)), notes))
}

/// Line ends as the text renderings write them.
fn lf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// What must be found in the renderings when `field` was accepted with `value`.
fn needles(field: Field, value: &str, submission: &Submission, notes: &[String]) -> Vec<String> {
    let value = value.trim();
    match field.id() {
        "domains" => domain::split_list(value)
            .map(|entry| {
                let parsed = domain::normalise(entry, &Idna).expect("an accepted list has only good entries");
                // A URL or address reduced to its host is said so on the check page.
                assert!(!parsed.from_url || !notes.is_empty(), "{entry:?} was reduced to a host without a note");
                let found = submission.domains.iter().find(|d| d.ascii == parsed.domain.ascii);
                let d = found.unwrap_or_else(|| panic!("{entry:?} was dropped from {:?}", submission.domains));
                if d.unicode == d.ascii {
                    d.ascii.clone()
                } else {
                    format!("{} ({})", d.unicode, d.ascii)
                }
            })
            .collect(),
        "email" => {
            let stored = submission.complainant.email.clone().expect("an accepted address is kept");
            assert!(stored.eq_ignore_ascii_case(value), "{value:?} became {stored:?}");
            vec![stored]
        }
        "spam_target" => {
            let target = &submission.spam.as_ref().expect("a spam complaint has its evidence").target;
            // Normalised to a host, which must come from what was typed, never be invented.
            assert!(value.to_lowercase().contains(target.ascii()), "{value:?} became {target:?}");
            vec![target.display()]
        }
        _ => vec![lf(value)],
    }
}

/// Percent-decoding of a `mailto:` component to UTF-8; `None` when it is not valid.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(text.get(i + 1..i + 3)?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The unfolded header fields of a message's top-level header block, checking on the way
/// that CR and LF occur only as CRLF line ends and that no line exceeds 998 characters.
fn header_block(raw: &[u8]) -> Vec<(String, String)> {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a header block ended by an empty line");
    let block = std::str::from_utf8(&raw[..end]).expect("header block is ASCII");
    assert!(block.is_ascii(), "non-ASCII in the header block:\n{block}");
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in block.split("\r\n") {
        assert!(!line.contains(['\r', '\n']), "a bare CR or LF in the header line {line:?}");
        assert!(line.len() <= 998, "header line of {} characters", line.len());
        if line.starts_with([' ', '\t']) {
            fields.last_mut().expect("a continuation after a field").1.push_str(line);
        } else {
            let (name, value) = line.split_once(':').unwrap_or_else(|| panic!("not a header field: {line:?}"));
            fields.push((name.to_owned(), value.to_owned()));
        }
    }
    fields
}

fn assert_header_names(raw: &[u8], expected: &[&str], what: &str) {
    let names: Vec<String> = header_block(raw).into_iter().map(|(name, _)| name).collect();
    let want: Vec<String> = expected.iter().map(|name| (*name).to_owned()).collect();
    assert_eq!(names, want, "{what}: header fields");
}

/// The one mailbox of an address header, as mail-parser reads it.
fn single_mailbox<'a>(address: Option<&'a Address<'a>>, what: &str) -> (Option<String>, String) {
    let list: Vec<_> = address.map(|a| a.iter().collect()).unwrap_or_default();
    assert_eq!(list.len(), 1, "{what}: exactly one mailbox, got {list:?}");
    let addr = list[0];
    let name = addr.name().map(str::to_owned);
    let address = addr.address().unwrap_or_default().to_owned();
    for text in name.iter().chain([&address]) {
        assert!(!text.contains(['\r', '\n']), "{what}: CR or LF in {text:?}");
    }
    (name, address)
}

/// What one accepted case was checked for, for the counts.
#[derive(Default)]
struct Seen {
    mailto_whole: usize,
    mailto_eml: usize,
    arf: usize,
}

/// Renders an accepted case every way and checks each rendering.
fn verify(kind: Kind, field: Field, value: &str, (submission, notes): &(Submission, Vec<String>), seen: &mut Seen) {
    let what = format!("{kind:?}.{field:?}");
    let wanted = needles(field, value, submission, notes);
    assert!(!wanted.is_empty(), "{what}: nothing to look for");

    // The subject is one line wherever it comes from (a description's first line, too).
    assert!(!submission.subject.contains(['\r', '\n']), "{what}: {:?}", submission.subject);

    // The JSON document: the exact values, read back.
    assert_eq!(Submission::from_json(&submission.to_json_pretty()).as_ref().ok(), Some(submission), "{what}");

    // Plain text.
    let text = lf(&plain_text(submission));
    for needle in &wanted {
        assert!(text.contains(needle.as_str()), "{what}: {needle:?} missing from the plain text");
    }

    // mailto: only `subject` and `body`, nothing raw that a client could split on.
    let plan = mail_plan(submission, MAILBOX);
    let url = &plan.url;
    assert!(
        url.bytes().all(|b| b.is_ascii_graphic()),
        "{what}: the mailto URL holds a raw space, control or non-ASCII byte"
    );
    let (to, query) = url.strip_prefix("mailto:").and_then(|rest| rest.split_once('?')).expect("mailto:to?query");
    assert_eq!(percent_decode(to).as_deref(), Some(MAILBOX), "{what}");
    let mut fields: BTreeMap<&str, String> = BTreeMap::new();
    let mut keys = Vec::new();
    for pair in query.split('&') {
        let (key, raw) = pair.split_once('=').unwrap_or_else(|| panic!("{what}: {pair:?} is not key=value"));
        keys.push(key);
        fields.insert(key, percent_decode(raw).unwrap_or_else(|| panic!("{what}: bad escape in {key}")));
    }
    assert_eq!(keys, ["subject", "body"], "{what}: mailto keys");
    assert!(!fields["subject"].contains(['\r', '\n']), "{what}: a line break in the mailto subject");
    assert_eq!(fields["subject"], submission.subject, "{what}: mailto subject");
    if plan.complete {
        seen.mailto_whole += 1;
        let body = lf(&fields["body"]);
        for needle in &wanted {
            assert!(body.contains(needle.as_str()), "{what}: {needle:?} missing from the mailto body");
        }
    } else {
        // Too long (or with files): the body sends the complainant to the .eml, checked below.
        seen.mailto_eml += 1;
        assert!(fields["body"].contains(&plan.eml_file_name), "{what}: the short body names the .eml");
    }

    // .eml: exactly our headers, one sender, the value in the text and the JSON.
    let raw = eml(submission, MAILBOX);
    assert_header_names(raw.as_bytes(), EML_HEADERS, &what);
    assert!(raw.split("\r\n").all(|line| line.len() <= 998), "{what}: an .eml line over 998");
    let message = MessageParser::default().parse(raw.as_bytes()).expect("the .eml parses");
    let subject = message.subject().unwrap_or_default();
    assert!(!subject.contains(['\r', '\n']), "{what}: {subject:?}");
    assert_eq!(subject, submission.subject, "{what}: .eml Subject");
    let (name, address) = single_mailbox(message.from(), &format!("{what} From"));
    assert_eq!(address, submission.complainant.email.clone().unwrap_or_else(|| MAILBOX.to_owned()), "{what}");
    if submission.complainant.email.is_some() {
        assert_eq!(name, submission.complainant.name, "{what}: From display name");
    }
    let (_, to) = single_mailbox(message.to(), &format!("{what} To"));
    assert_eq!(to, MAILBOX, "{what}");
    let body = lf(&message.body_text(0).expect("a text part"));
    for needle in &wanted {
        assert!(body.contains(needle.as_str()), "{what}: {needle:?} missing from the .eml text");
    }
    let json = message.attachment(0).expect("the JSON attachment");
    let json = std::str::from_utf8(json.contents()).expect("UTF-8 JSON");
    assert_eq!(Submission::from_json(json).ok().as_ref(), Some(submission), "{what}: the .eml's JSON");
    assert_eq!(message.attachment_count() as usize, 1 + submission.evidence.len(), "{what}: attachments");

    // ARF, for a spam complaint.
    if kind == Kind::SpamComplaint {
        let report = submission.with_spam_report(ABUSE_MAILBOX, arf).expect("a spam complaint makes an ARF report");
        verify_arf(&report, &spam_fixture(), &wanted, &what);
        let message = MessageParser::default().parse(&report).expect("the ARF parses");
        let (name, address) = single_mailbox(message.from(), &format!("{what} ARF From"));
        assert_eq!(Some(address), submission.complainant.email, "{what}");
        assert_eq!(name, submission.complainant.name, "{what}: ARF From display name");
        seen.arf += 1;
    }
}

/// The ARF report: exactly its headers, three parts, the feedback fields ASCII and known, the
/// original byte for byte, and `wanted` found in the human-readable part.
fn verify_arf(report: &[u8], original: &[u8], wanted: &[String], what: &str) {
    assert_header_names(report, ARF_HEADERS, &format!("{what} ARF"));
    let message = MessageParser::default().parse(report).expect("the ARF parses");
    let subject = message.subject().unwrap_or_default();
    assert!(!subject.contains(['\r', '\n']), "{what}: ARF Subject {subject:?}");
    assert!(message.cc().is_none() && message.bcc().is_none(), "{what}");
    let (_, to) = single_mailbox(message.to(), &format!("{what} ARF To"));
    assert_eq!(to, ABUSE_MAILBOX, "{what}");

    // The three parts of RFC 5965, no more: a value cannot close the multipart or open a part.
    let kinds: Vec<String> = message
        .parts
        .iter()
        .skip(1)
        .map(|part| {
            let ct = part.content_type().expect("each part has a Content-Type");
            format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or_default())
        })
        .collect();
    assert_eq!(kinds, ["text/plain", "message/feedback-report", "message/rfc822"], "{what}: ARF parts");

    let human = lf(&message.body_text(0).expect("a human-readable part"));
    for needle in wanted {
        assert!(human.contains(needle.as_str()), "{what}: {needle:?} missing from the ARF text part");
    }
    let feedback = message
        .parts
        .iter()
        .find(|p| p.content_type().is_some_and(|ct| ct.ctype() == "message" && ct.subtype() == Some("feedback-report")))
        .expect("a feedback-report part");
    let fields = &report[feedback.offset_body as usize..feedback.offset_end as usize];
    let fields = std::str::from_utf8(fields).expect("feedback fields are ASCII");
    for line in fields.split("\r\n").filter(|line| !line.is_empty()) {
        assert!(line.is_ascii() && !line.contains(['\r', '\n']), "{what}: feedback line {line:?}");
        let (name, _) = line.split_once(": ").unwrap_or_else(|| panic!("{what}: not a field: {line:?}"));
        assert!(FEEDBACK_FIELDS.contains(&name), "{what}: unexpected feedback field {name:?}");
    }
    let part = message
        .parts
        .iter()
        .find(|p| p.content_type().is_some_and(|ct| ct.ctype() == "message" && ct.subtype() == Some("rfc822")))
        .expect("a message/rfc822 part");
    assert_eq!(&report[part.offset_body as usize..part.offset_end as usize], original, "{what}: the original");
    // RFC 5322 §2.1.1: no line of our own over 998 characters (the original may be `binary`).
    let ours = &report[..part.offset_body as usize];
    let longest = ours.split(|&b| b == b'\n').map(<[u8]>::len).max().unwrap_or(0);
    assert!(longest <= 999, "{what}: an ARF line of {longest} bytes outside the original");
}

#[test]
fn every_text_field_of_every_form_refuses_or_renders_hostile_input_inertly() {
    let table = hostile();
    let kinds: Vec<Kind> = Kind::ALL.into_iter().filter(|kind| kind.is_available()).collect();
    let text_fields: Vec<(Kind, Field)> = kinds
        .iter()
        .flat_map(|kind| kind.fields().iter().map(move |(field, _)| (*kind, *field)))
        .filter(|(_, field)| is_text(*field))
        .collect();
    // Today's forms have 27 text fields (service 7, abuse 6, escalation 10, feedback 4); new
    // fields only add to it. A floor, so the loop below cannot silently shrink to nothing.
    assert!(text_fields.len() >= 27, "only {} text fields: {text_fields:?}", text_fields.len());

    for kind in &kinds {
        assert!(build(*kind, &baseline(*kind)).is_ok(), "{kind:?}: the baseline must be valid: {:?}", {
            build(*kind, &baseline(*kind)).err()
        });
    }

    let mut cases = 0;
    let mut refused = 0;
    let mut accepted = 0;
    let mut seen = Seen::default();
    // (kind, field) → (accepted, refused), and which strings each field accepted, for the report.
    let mut per_field: BTreeMap<(Kind, Field), (usize, usize)> = BTreeMap::new();
    let mut accepted_labels: BTreeMap<(Kind, Field), Vec<&str>> = BTreeMap::new();
    for &(kind, field) in &text_fields {
        for (label, value) in &table {
            cases += 1;
            let mut draft = baseline(kind);
            draft.set(field, value.clone());
            let counts = per_field.entry((kind, field)).or_default();
            match build(kind, &draft) {
                Err(problems) => {
                    assert!(
                        problems.iter().any(|p| p.field == field && !p.message.trim().is_empty()),
                        "{kind:?}.{field:?} / {label}: refused without a message for the field: {problems:?}"
                    );
                    assert!(
                        problems.iter().all(|p| p.field == field),
                        "{kind:?}.{field:?} / {label}: problems blamed on other fields: {problems:?}"
                    );
                    refused += 1;
                    counts.1 += 1;
                }
                Ok(built) => {
                    verify(kind, field, value, &built, &mut seen);
                    accepted += 1;
                    counts.0 += 1;
                    accepted_labels.entry((kind, field)).or_default().push(label);
                }
            }
        }
    }

    eprintln!(
        "hostile input: {} kinds, {} text fields, {} strings: {cases} cases, {accepted} accepted and verified, \
         {refused} refused with a message for the field",
        kinds.len(),
        text_fields.len(),
        table.len()
    );
    eprintln!(
        "  accepted cases: mailto whole {}, mailto pointing to the .eml {}, ARF reports {}",
        seen.mailto_whole, seen.mailto_eml, seen.arf
    );
    for ((kind, field), (ok, no)) in &per_field {
        let labels = accepted_labels.get(&(*kind, *field)).map(|l| l.join(", ")).unwrap_or_default();
        eprintln!("  {kind:?}.{field:?}: accepted {ok}, refused {no}; accepted: {labels}");
    }
    assert_eq!(cases, text_fields.len() * table.len());
    assert_eq!(accepted + refused, cases);
    // Both outcomes occur: free text takes markup, single-line fields refuse line breaks.
    assert!(accepted > 0 && refused > 0, "accepted {accepted}, refused {refused}");
    if kinds.contains(&Kind::SpamComplaint) {
        assert!(seen.arf > 0, "no ARF report was checked");
    }
}

/// Hostile file names and types, and non-UTF-8 content: bundled byte for byte, the name never a
/// header or a parameter break-out.
#[test]
fn evidence_files_with_hostile_names_and_non_utf8_bytes_are_bundled_byte_for_byte() {
    let limits = Config::default().limits;
    let non_utf8: Vec<u8> = vec![0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80, b'\r', b'\n', 0xed, 0xa0, 0x80, b'\r', 0x1b];
    assert!(std::str::from_utf8(&non_utf8).is_err());
    let names: Vec<String> = hostile()
        .into_iter()
        .map(|(_, value)| value)
        .filter(|value| value.len() < 1000)
        .chain(["x.bin\"; filename=\"evil.exe".to_owned(), "a\\\"b.bin".to_owned()])
        .collect();
    let mut bundled = 0;
    for chunk in names.chunks(limits.evidence_files as usize) {
        let files: Vec<EvidenceFile> =
            chunk.iter().map(|name| EvidenceFile::new(name, "text/html\r\nBcc: x@evil.example", &non_utf8)).collect();
        let sizes: Vec<(&str, u64)> = files.iter().map(|f| (f.name.as_str(), f.size)).collect();
        assert!(check_evidence(&sizes, &limits, Locale::En).is_empty(), "{sizes:?}");

        let mut draft = baseline(Kind::AbuseReport);
        draft.set(Field::Description, "Siehe Anhänge.");
        let submission = build(Kind::AbuseReport, &draft).expect("valid").0.with_evidence(files.clone());
        let raw = eml(&submission, MAILBOX);
        assert_header_names(raw.as_bytes(), EML_HEADERS, "abuse report with files");
        let message = MessageParser::default().parse(raw.as_bytes()).expect("parses");
        assert_eq!(message.attachment_count() as usize, 1 + files.len(), "{chunk:?}");
        let text = message.body_text(0).expect("text part");
        for (index, file) in files.iter().enumerate() {
            let part = message.attachment(index as u32 + 1).expect("attached");
            assert_eq!(part.contents(), non_utf8.as_slice(), "{:?}", file.name);
            assert_eq!(part.content_type().map(|ct| ct.ctype()), Some("application"), "{:?}", file.name);
            let shown: String = file.name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
            assert_eq!(part.attachment_name(), Some(shown.as_str()), "the file name is one parameter");
            assert!(text.contains(&file.sha256), "the text lists {:?}", file.name);
            // The part's own header block: exactly its three fields.
            let start = part.offset_header as usize;
            let names: BTreeSet<&str> = raw[start..part.offset_body as usize]
                .split("\r\n")
                .filter(|line| !line.is_empty() && !line.starts_with([' ', '\t']))
                .filter_map(|line| line.split_once(':').map(|(name, _)| name))
                .collect();
            assert_eq!(
                names,
                BTreeSet::from(["Content-Type", "Content-Disposition", "Content-Transfer-Encoding"]),
                "{:?}",
                file.name
            );
            bundled += 1;
        }
        // The JSON carries the same bytes.
        let back = Submission::from_json(&submission.to_json_pretty()).expect("JSON");
        assert_eq!(back.evidence, files);
    }
    eprintln!("evidence: {bundled} files with hostile names and non-UTF-8 bytes bundled byte for byte");
    assert_eq!(bundled, names.len());
}

/// Spam messages: non-UTF-8 without a charset refused; with one declared, bundled byte for byte
/// in the ARF report; NUL refused as binary; hostile reporter names and decoded subjects and
/// URLs in the message create no header.
#[test]
fn spam_messages_with_hostile_bytes_are_refused_or_bundled_byte_for_byte() {
    let limit = portal_core::spam::DEFAULT_MAX_BYTES;
    let fixture = |name: &str| std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let undeclared = fixture("latin1-undeclared.eml");
    assert!(std::str::from_utf8(&undeclared).is_err());
    assert_eq!(check_raw(&undeclared, limit), Err(RawProblem::Undecodable));
    assert!(!RawProblem::Undecodable.message(Locale::De).is_empty());
    let mut with_nul = spam_fixture();
    with_nul.extend_from_slice(b"\r\nx\0y\r\n");
    assert_eq!(check_raw(&with_nul, limit), Err(RawProblem::Binary));
    let mut invalid = spam_fixture();
    invalid.extend_from_slice(&[0xff, 0xfe, 0xc3, 0x28, b'\r', b'\n']);
    assert_eq!(check_raw(&invalid, limit), Err(RawProblem::Undecodable));

    // Hostile values inside the message itself: a Subject whose encoded word decodes to CRLF and
    // a header, a URL with encoded CRLF, 8-bit Latin-1 with a declared charset.
    let mut originals = vec![fixture("latin1-declared.eml")];
    for (_, value) in hostile().into_iter().filter(|(_, value)| value.len() < 2000 && !value.contains('\0')) {
        let subject = format!("=?UTF-8?B?{}?=", base64(value.as_bytes()));
        let url_value: String = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
        originals.push(
            format!(
                "Received: from a.example (a.example [203.0.113.9]) by mx.example; Tue, 10 Mar 2026 09:15:01 +0100\r\n\
                 From: x@bulk-sender.example\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\n\
                 Content-Type: text/plain; charset=utf-8\r\n\r\nhttp://evil.example/{url_value}\r\n"
            )
            .into_bytes(),
        );
    }
    let mut checked = 0;
    for raw in &originals {
        assert_eq!(check_raw(raw, limit), Ok(()), "{}", String::from_utf8_lossy(raw));
        let mut draft = baseline(Kind::SpamComplaint);
        draft.set(Field::Name, "Eve\" <x@evil.example>, y@evil.example");
        let submission = build(Kind::SpamComplaint, &draft)
            .expect("valid")
            .0
            .with_spam_message(RawMessage::new(MessageSource::File, Some("spam\r\nBcc: x.eml"), raw), analyse(raw));
        let report = submission.with_spam_report(ABUSE_MAILBOX, arf).expect("an ARF report");
        verify_arf(&report, raw, &[], "spam message");
        let message = MessageParser::default().parse(&report).expect("parses");
        let (name, _) = single_mailbox(message.from(), "ARF From");
        assert_eq!(name, submission.complainant.name);
        checked += 1;
    }
    eprintln!("spam: 3 hostile byte sequences refused, {checked} messages bundled byte for byte in ARF");
    assert_eq!(checked, originals.len());
}

fn base64(bytes: &[u8]) -> String {
    EvidenceFile::new("", "", bytes).content_base64
}
