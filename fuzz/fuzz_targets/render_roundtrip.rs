//! Rendering, then parsing back (`portal_core::render`): a submission built from fuzzed field
//! text (through `validate`, as the app builds it) is rendered as `.eml`, `mailto:` and ARF, and
//! parsed back with mail-parser. No field may add a header, a recipient or a query key, and the
//! subject, the body, the addresses, the JSON and every file must come back as they went in.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{DateTime, TimeZone, Utc};
use libfuzzer_sys::fuzz_target;
use mail_parser::MimeHeaders;
use portal_core::abuse::EvidenceFile;
use portal_core::form::{Draft, Field, Kind};
use portal_core::render::{self, plain_text};
use portal_core::spam::{self, Reporter, SpamReport};
use portal_core::submission::{uuid_v4, Submission};
use portal_core::{Config, Locale};
use portal_fuzz::{crlf, header_names, one_line, parse, split_mailto, Idna};

const MAILBOX: &str = "complaints@example.org";

#[derive(Arbitrary, Debug)]
struct Input {
    kind: u8,
    english: bool,
    id: [u8; 16],
    name: String,
    email: String,
    phone: String,
    account: String,
    domains: String,
    summary: String,
    description: String,
    extra: String,
    category: u8,
    files: Vec<(String, String, Vec<u8>)>,
    spam: Vec<u8>,
    reported_domain: String,
}

/// A value that passes validation, for a field whose fuzzed value did not.
fn fallback(field: Field) -> &'static str {
    match field {
        Field::Name => "Jörg Müller",
        Field::Email => "joerg@example.de",
        Field::Domains => "bücher.de",
        Field::Description => "Beschreibung",
        Field::ExpectedSteps => "Schritte",
        Field::Dissatisfaction => "Gründe",
        Field::AbuseCategory => "phishing",
        Field::PreviousReference => "T-1",
        Field::PreviousSentOn => "2026-11-16",
        Field::PreviousAnsweredOn => "2026-11-23",
        _ => "",
    }
}

fn submission(input: &Input, now: DateTime<chrono::FixedOffset>) -> Option<Submission> {
    let kinds = [Kind::ServiceComplaint, Kind::AbuseReport, Kind::Escalation, Kind::Feedback];
    let kind = kinds[usize::from(input.kind) % kinds.len()];
    let locale = if input.english { Locale::En } else { Locale::De };
    let categories = ["phishing", "malware", "botnet", "pharming", "spam", "other"];
    let mut draft = Draft::new(kind);
    for (field, value) in [
        (Field::Name, input.name.as_str()),
        (Field::Email, &input.email),
        (Field::Phone, &input.phone),
        (Field::CustomerAccount, &input.account),
        (Field::Domains, &input.domains),
        (Field::Subject, &input.summary),
        (Field::Description, &input.description),
        (Field::ExpectedSteps, &input.extra),
        (Field::Dissatisfaction, &input.extra),
        (Field::AbuseCategory, categories[usize::from(input.category) % categories.len()]),
        (Field::PreviousReference, "T-1"),
        (Field::PreviousSentOn, "2026-11-16"),
        (Field::PreviousAnsweredOn, "2026-11-23"),
    ] {
        if kind.need(field).is_some() {
            draft.set(field, value);
        }
    }
    let config = Config::default();
    // Fields the validation refuses get a good value, so the rest of the fuzzed text goes on.
    for _ in 0..4 {
        match portal_core::validate::validate(kind, &draft, &config, locale, now.date_naive(), &Idna) {
            Ok(valid) => {
                let built = Submission::build(valid, uuid_v4(input.id), now, locale, &config);
                // File names come from the file system: at most 255 bytes (NAME_MAX).
                let files = input.files.iter().take(3).map(|(name, mime, bytes)| {
                    let end = (0..=name.len().min(255)).rev().find(|&end| name.is_char_boundary(end)).unwrap_or(0);
                    EvidenceFile::new(&name[..end], mime, bytes)
                });
                let files = if kind == Kind::AbuseReport { files.collect() } else { Vec::new() };
                return Some(built.with_evidence(files));
            }
            Err(problems) => {
                for problem in problems {
                    draft.set(problem.field, fallback(problem.field));
                }
            }
        }
    }
    None
}

fn check_eml(submission: &Submission) {
    let raw = render::eml(submission, MAILBOX);
    assert!(!raw.replace("\r\n", "").contains(['\r', '\n']), "bare CR or LF:\n{raw}");
    if let Some(long) = raw.split("\r\n").find(|line| line.len() > 998) {
        panic!("line of {} octets: {:.120}", long.len(), long);
    }
    let message = parse(raw.as_bytes());
    assert_eq!(
        header_names(&message),
        [
            "From",
            "To",
            "Subject",
            "Date",
            "Message-ID",
            "MIME-Version",
            "X-Complaint-Id",
            "X-Complaint-Kind",
            "Content-Type"
        ],
        "{raw}"
    );
    assert_eq!(message.subject(), Some(one_line(&submission.subject).as_str()), "{raw}");
    let from = message.from().and_then(|from| from.as_list()).unwrap_or_else(|| panic!("From: {raw}"));
    assert_eq!(from.len(), 1, "one sender: {from:?}");
    let c = &submission.complainant;
    if let Some(email) = &c.email {
        assert_eq!(from[0].address(), Some(email.as_str()), "{raw}");
        assert_eq!(from[0].name(), c.name.as_deref().map(one_line).as_deref(), "{raw}");
    }
    let to = message.to().and_then(|to| to.as_list()).unwrap_or_else(|| panic!("To: {raw}"));
    assert_eq!(to.iter().map(|a| a.address()).collect::<Vec<_>>(), [Some(MAILBOX)]);

    let body = message.body_text(0).unwrap_or_else(|| panic!("no text part: {raw}"));
    assert_eq!(body, plain_text(submission).replace('\n', "\r\n"));
    let with_content: Vec<&EvidenceFile> = submission.evidence.iter().filter(|f| f.has_content()).collect();
    assert_eq!(message.attachment_count(), 1 + with_content.len(), "{raw}");
    let json = message.attachment(0).map(|part| part.contents()).unwrap_or_default();
    let back = std::str::from_utf8(json).ok().and_then(|json| Submission::from_json(json).ok());
    assert_eq!(back.as_ref(), Some(submission), "the attached JSON");
    for (index, file) in with_content.iter().enumerate() {
        let part = message.attachment(index as u32 + 1).unwrap_or_else(|| panic!("file {index}: {raw}"));
        assert_eq!(portal_core::sha256::sha256_hex(part.contents()), file.sha256, "{}", file.name);
        // (An empty name reads back as no name.)
        assert_eq!(part.attachment_name().unwrap_or_default(), one_line(&file.name), "{raw}");
    }
}

fn check_mailto(submission: &Submission, subject: &str, body: &str) {
    // The whole text, whatever its length, and the plan the app offers.
    let url = render::mailto_url(MAILBOX, subject, body);
    check_mailto_url(&url, subject, &crlf(body));
    let plan = render::mail_plan(submission, MAILBOX);
    if plan.complete {
        check_mailto_url(&plan.url, &submission.subject, &crlf(&plain_text(submission)));
    } else {
        let (_, fields) = split_mailto(&plan.url);
        assert!(fields[1].1.contains(&plan.eml_file_name) && fields[1].1.contains(&submission.id), "{}", plan.url);
    }
}

fn check_mailto_url(url: &str, subject: &str, body: &str) {
    assert!(url.bytes().all(|b| b.is_ascii_graphic()), "{url}");
    let (to, fields) = split_mailto(url);
    assert_eq!(to, MAILBOX);
    let keys: Vec<&str> = fields.iter().map(|(key, _)| key.as_str()).collect();
    assert_eq!(keys, ["subject", "body"], "{url}");
    let subject: String = subject.chars().map(|c| if c == '\r' || c == '\n' { ' ' } else { c }).collect();
    assert_eq!(fields[0].1, subject);
    assert_eq!(fields[1].1, body);
}

fn check_arf(input: &Input, submission: &Submission) {
    let analysis = spam::analyse(&input.spam);
    let reporter = Reporter { name: Some(input.name.clone()), email: input.email.clone(), org: None };
    let report = SpamReport {
        raw: &input.spam,
        analysis: &analysis,
        reporter: &reporter,
        to: MAILBOX,
        reported_domain: &input.reported_domain,
        now: Utc.with_ymd_and_hms(2026, 11, 28, 14, 4, 5).single().unwrap_or_default(),
        id: &submission.id,
        locale: submission.locale,
        details: &input.description,
    };
    let bytes = render::arf(&report);
    let message = parse(&bytes);
    let shown = || String::from_utf8_lossy(&bytes).into_owned();
    assert_eq!(
        header_names(&message),
        ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"],
        "{}",
        shown()
    );
    let kinds: Vec<String> = message.parts[1..]
        .iter()
        .map(|p| {
            p.content_type().map(|ct| format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or(""))).unwrap_or_default()
        })
        .collect();
    // The nested message's own parts follow the three of the report.
    assert_eq!(
        kinds.get(..3),
        Some(&["text/plain", "message/feedback-report", "message/rfc822"].map(String::from)[..]),
        "{}",
        shown()
    );
    // The original sits between the part's header and the closing delimiter, untouched.
    let boundary = message.content_type().and_then(|ct| ct.attribute("boundary")).unwrap_or_default();
    let mut tail = b"\r\n\r\n".to_vec();
    tail.extend_from_slice(&input.spam);
    tail.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    assert!(!boundary.is_empty() && bytes.ends_with(&tail), "the original changed:\n{}", shown());
    // And a MIME parser finds exactly it, for what `check_raw` lets through as a message.
    // mail-parser lets its span run on over the report's closing delimiter (and no further) when
    // the original is no message at all ("-e"; the report is only made for ones that passed the
    // check) or when the original's own multipart body is never closed.
    if spam::check_raw(&input.spam, spam::DEFAULT_MAX_BYTES).is_ok() {
        let original = &message.parts[3];
        let span = original.offset_body as usize..original.offset_end as usize;
        let got = bytes.get(span.clone()).unwrap_or_default();
        let overrun = &tail[4..];
        assert!(
            got == input.spam.as_slice() || got == overrun,
            "original at {span:?}: {got:?}\n!= {:?}\n{}",
            input.spam,
            shown()
        );
    }

    let fields = String::from_utf8_lossy(message.parts[2].contents()).into_owned();
    const NAMES: [&str; 8] = [
        "Feedback-Type",
        "User-Agent",
        "Version",
        "Original-Mail-From",
        "Arrival-Date",
        "Source-IP",
        "Reported-Domain",
        "Reported-URI",
    ];
    for line in fields.split("\r\n").filter(|line| !line.is_empty()) {
        assert!(line.is_ascii(), "{line:?}");
        let name = line.split_once(": ").map(|(name, _)| name);
        assert!(name.is_some_and(|name| NAMES.contains(&name)), "unexpected report line {line:?}");
    }
}

fuzz_target!(|input: Input| {
    let now = DateTime::parse_from_rfc3339("2026-11-28T15:04:05+01:00").unwrap_or_default();
    let Some(submission) = submission(&input, now) else { return };
    check_eml(&submission);
    check_mailto(&submission, &input.summary, &input.description);
    check_arf(&input, &submission);
});
