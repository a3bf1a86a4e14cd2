//! Spam evidence: `check_raw`, `analyse`, and the ARF and XARF reports, on realistic messages
//! (tests/fixtures/, written for these tests; see the comment at the top of each test).

use chrono::{TimeZone, Utc};
use mail_parser::{MessageParser, MimeHeaders, PartType};
use portal_core::render::{arf, xarf};
use portal_core::spam::{analyse, check_raw, source_guidance, Analysis, Hop, RawProblem, Reporter, SpamReport};
use portal_core::{Locale, Msg, CLIENT_VERSION};

const LIMIT: usize = portal_core::spam::DEFAULT_MAX_BYTES;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn hop(from: &str, by: &str, ips: &[&str], time: &str) -> Hop {
    Hop {
        from: Some(from.into()),
        by: Some(by.into()),
        ips: ips.iter().map(|ip| (*ip).to_owned()).collect(),
        time: Some(time.into()),
    }
}

fn header<'a>(analysis: &'a Analysis, name: &str) -> Vec<&'a str> {
    analysis.headers.iter().filter(|f| f.name.eq_ignore_ascii_case(name)).map(|f| f.value.as_str()).collect()
}

/// CRLF, three hops (loopback, IPv4, IPv6 literal), folded headers, encoded words in UTF-8 (B)
/// and ISO-8859-1 (Q), multipart/alternative with quoted-printable text and base64 HTML, an IDN
/// host, and a From forged onto a bulk sender's envelope and DKIM signature.
#[test]
fn multi_hop_message_with_every_fact() {
    let raw = fixture("multi-hop.eml");
    assert!(raw.windows(2).any(|w| w == b"\r\n"), "the fixture keeps its CRLF line ends");
    assert_eq!(check_raw(&raw, LIMIT), Ok(()));
    let analysis = analyse(&raw);

    assert_eq!(
        analysis.hops,
        [
            hop("localhost", "mx1.recipient.example", &["127.0.0.1"], "2026-03-10T09:15:02+01:00"),
            hop("mail.bulk-sender.example", "mx1.recipient.example", &["203.0.113.45"], "2026-03-10T09:15:01+01:00"),
            hop(
                "2001:db8:85a3::8a2e:370:7334",
                "mail.bulk-sender.example",
                &["2001:db8:85a3::8a2e:370:7334"],
                "2026-03-10T08:14:58Z"
            ),
        ]
    );
    assert!(analysis.has_received);
    assert!(!analysis.inline_forward);
    assert_eq!(analysis.source_ip.as_deref(), Some("203.0.113.45"), "the loopback hop is skipped");
    assert_eq!(analysis.from.as_deref(), Some("security@bank.example"));
    assert_eq!(analysis.return_path.as_deref(), Some("bounce-77@mailer.bulk-sender.example"));
    assert_eq!(analysis.message_id.as_deref(), Some("20260310081455.AB12@mail.bulk-sender.example"));
    assert_eq!(analysis.date.as_deref(), Some("2026-03-10T09:14:55+01:00"));
    assert_eq!(analysis.subject.as_deref(), Some("Ihr Konto wird gesperrt – Bestätigen Sie jetzt"));
    let auth: Vec<(&str, &str)> =
        analysis.auth_results.iter().map(|r| (r.method.as_str(), r.result.as_str())).collect();
    assert_eq!(auth, [("spf", "pass"), ("dkim", "pass"), ("dmarc", "fail")]);
    assert_eq!(analysis.dkim_domains, ["bulk-sender.example"]);
    assert!(analysis.from_unverified, "bank.example matches neither the envelope nor the signature");
    assert_eq!(
        analysis.url_hosts,
        ["login.bank-secure.example", "xn--bcher-kva.example", "track.bulk-sender.example", "[2001:db8::25]"]
    );
    assert_eq!(
        analysis.urls,
        [
            "https://login.bank-secure.example/verify?id=42",
            "https://bücher.example/angebot",
            "https://Track.Bulk-Sender.example/c?u=1&v=2",
            "http://[2001:DB8::25]/pixel.gif",
        ]
    );

    // Header fields: all of them, in order, unfolded, not decoded.
    let names: Vec<&str> = analysis.headers.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Return-Path",
            "Delivered-To",
            "Received",
            "Received",
            "Received",
            "Authentication-Results",
            "DKIM-Signature",
            "From",
            "To",
            "Subject",
            "Date",
            "Message-ID",
            "X-Mailer",
            "MIME-Version",
            "Content-Type",
        ]
    );
    assert_eq!(
        header(&analysis, "Received")[1],
        "from mail.bulk-sender.example (mail.bulk-sender.example [203.0.113.45])\tby mx1.recipient.example \
         (Postfix) with ESMTPS id 4Q0XyZ\tfor <alice@recipient.example>; Tue, 10 Mar 2026 09:15:01 +0100 (CET)"
    );
    assert_eq!(header(&analysis, "Content-Type"), ["multipart/alternative; boundary=\"b1_multi\""]);
    assert!(header(&analysis, "Subject")[0].starts_with("=?UTF-8?B?"));
    assert!(analysis.headers.iter().all(|f| !f.value.contains(['\r', '\n'])));
}

/// Bare LF line ends (as a browser's text area gives them), Windows-1252 encoded words with
/// „“ € and –, and an 8-bit UTF-8 body with no Content-Type at all.
#[test]
fn bare_lf_message_with_8bit_body_and_no_charset() {
    let raw = fixture("bare-lf-8bit.eml");
    assert!(!raw.contains(&b'\r'));
    assert_eq!(check_raw(&raw, LIMIT), Ok(()));
    let analysis = analyse(&raw);
    assert_eq!(
        analysis.hops,
        [hop("smtp.uhren-billig.example", "mx.recipient.example", &["198.51.100.7"], "2026-03-11T22:01:33Z")]
    );
    assert_eq!(analysis.subject.as_deref(), Some("„Gewinn“ € 1000 – nur heute"));
    assert_eq!(analysis.from.as_deref(), Some("offers@uhren-billig.example"));
    assert_eq!(analysis.return_path.as_deref(), Some("offers@uhren-billig.example"));
    assert_eq!(analysis.message_id.as_deref(), Some("offer-1@uhren-billig.example"));
    assert_eq!(analysis.date.as_deref(), Some("2026-03-11T23:01:30+01:00"));
    assert_eq!(analysis.source_ip.as_deref(), Some("198.51.100.7"));
    assert!(analysis.auth_results.is_empty());
    assert!(analysis.dkim_domains.is_empty());
    assert!(!analysis.from_unverified, "From and Return-Path agree");
    assert_eq!(analysis.url_hosts, ["uhren-billig.example", "www.rolex-nachbau.example"]);
    assert_eq!(analysis.urls, ["http://uhren-billig.example/katalog"]);
    assert_eq!(header(&analysis, "Received"), [
        "from smtp.uhren-billig.example (smtp.uhren-billig.example [198.51.100.7])  by mx.recipient.example with ESMTP id 77;  Wed, 11 Mar 2026 22:01:33 -0000"
    ]);
    assert_eq!(header(&analysis, "From"), ["=?windows-1252?Q?=84Uhren=93_Versand?= <offers@uhren-billig.example>"]);

    // The same message with CRLF gives the same analysis, header values included.
    let crlf = String::from_utf8(raw.clone()).unwrap().replace('\n', "\r\n");
    assert_eq!(analyse(crlf.as_bytes()), analysis);
}

/// Latin-1 bytes: fine with a declared charset, refused as undecodable without one.
#[test]
fn latin1_needs_a_declared_charset() {
    let declared = fixture("latin1-declared.eml");
    assert!(std::str::from_utf8(&declared).is_err());
    assert_eq!(check_raw(&declared, LIMIT), Ok(()));
    let analysis = analyse(&declared);
    assert_eq!(analysis.url_hosts, ["uhren-billig.example", "www.rolex-nachbau.example"]);
    assert_eq!(analysis.subject.as_deref(), Some("„Gewinn“ € 1000 – nur heute"));

    assert_eq!(check_raw(&fixture("latin1-undeclared.eml"), LIMIT), Err(RawProblem::Undecodable));
}

/// A paste of an inline forward: the forward marker, the forwarded "headers" as text, no
/// Received field.
#[test]
fn lost_header_inline_forward_is_recognised() {
    let raw = fixture("inline-forward.txt");
    let problem = check_raw(&raw, LIMIT).unwrap_err();
    assert_eq!(problem, RawProblem::InlineForward);
    assert!(problem.needs_full_source());
    let analysis = analyse(&raw);
    assert!(analysis.inline_forward);
    assert!(!analysis.has_received);
    assert!(analysis.hops.is_empty());
    assert_eq!(analysis.return_path, None, "no Return-Path field, and From is no substitute");
    assert_eq!(analysis.source_ip, None);
    assert_eq!(analysis.url_hosts, ["claim.lotto-prize.example"]);

    // Forwarded by a mail client: headers of its own, a German marker in the body, no Received.
    let raw = fixture("forwarded-with-own-headers.eml");
    assert_eq!(check_raw(&raw, LIMIT), Err(RawProblem::InlineForward));
    let analysis = analyse(&raw);
    assert!(analysis.inline_forward);
    assert_eq!(analysis.from.as_deref(), Some("alice@recipient.example"));
    assert_eq!(analysis.return_path, None);
    assert_eq!(analysis.subject.as_deref(), Some("Fwd: You have won"));

    // The same marker in a delivered message (Received present) is just text.
    let mut delivered =
        b"Received: from a.example ([192.0.2.1]) by b.example; Tue, 10 Mar 2026 10:00:00 +0100\r\n".to_vec();
    delivered.extend_from_slice(&raw);
    assert_eq!(check_raw(&delivered, LIMIT), Ok(()));
    assert!(!analyse(&delivered).inline_forward);
}

#[test]
fn check_raw_refuses_what_is_not_a_complete_message() {
    let message = fixture("multi-hop.eml");
    assert_eq!(check_raw(&message, 1000), Err(RawProblem::TooLarge { size: message.len(), limit: 1000 }));
    assert_eq!(check_raw(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", LIMIT), Err(RawProblem::Binary));
    let mut controls = b"Received: x\r\n\r\n".to_vec();
    controls.extend(std::iter::repeat_n(0x01u8, 50));
    assert_eq!(check_raw(&controls, LIMIT), Err(RawProblem::Binary));
    assert_eq!(check_raw(b"Hello, you have won!\nClick here.\n", LIMIT), Err(RawProblem::NoHeaders));
    assert_eq!(
        check_raw(b"\nReceived: from x by y; Tue, 10 Mar 2026 10:00:00 +0100\n", LIMIT),
        Err(RawProblem::NoHeaders)
    );
    assert_eq!(
        check_raw(b"From: a@b.example\nSubject: hi\n\nReceived: not a header down here\n", LIMIT),
        Err(RawProblem::NoReceived)
    );
    assert_eq!(check_raw(b"From: a@b.example\nRECEIVED: from x by y; Tue, 10 Mar 2026\n\nhi\n", LIMIT), Ok(()));
    assert_eq!(check_raw(b"", LIMIT), Err(RawProblem::NoHeaders));
}

#[test]
fn problems_are_worded_in_both_languages_with_guidance() {
    let too_large = RawProblem::TooLarge { size: 12 * 1024 * 1024 + 300 * 1024, limit: LIMIT };
    assert_eq!(too_large.message(Locale::En), "The message is too large: 12.3 MB; at most 10.0 MB can be taken.");
    assert_eq!(too_large.message(Locale::De), "Die Nachricht ist zu groß: 12,3 MB; höchstens 10,0 MB sind möglich.");
    assert!(!too_large.needs_full_source());
    assert!(!RawProblem::Binary.needs_full_source());
    for problem in [RawProblem::NoHeaders, RawProblem::NoReceived, RawProblem::InlineForward] {
        assert!(problem.needs_full_source());
        assert!(!problem.message(Locale::De).is_empty() && !problem.message(Locale::En).is_empty());
    }
    let en = source_guidance(Locale::En).join("\n");
    for needle in [
        "Gmail",
        "Show original",
        "Outlook",
        "View message source",
        "Apple Mail",
        "View > Message > Raw Source",
        "Thunderbird",
        "View > Message Source",
        "Ctrl+U",
    ] {
        assert!(en.contains(needle), "{needle}");
    }
    let de = source_guidance(Locale::De).join("\n");
    for needle in ["Original anzeigen", "Nachrichtenquelle anzeigen", "Reine Quelle", "Strg+U"] {
        assert!(de.contains(needle), "{needle}");
    }
    assert!(Msg::SpamFromNoProof.text(Locale::En).contains("forged"));
}

#[test]
fn the_analysis_serialises_with_the_documented_keys() {
    let analysis = analyse(&fixture("multi-hop.eml"));
    let json = serde_json::to_value(&analysis).unwrap();
    for key in [
        "hops",
        "from",
        "return_path",
        "message_id",
        "date",
        "subject",
        "auth_results",
        "dkim_domains",
        "url_hosts",
        "has_received",
        "inline_forward",
        "headers",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert_eq!(json["hops"][1]["ips"][0], "203.0.113.45");
    assert_eq!(json["auth_results"][2], serde_json::json!({"method": "dmarc", "result": "fail"}));
    assert_eq!(
        json["headers"][0],
        serde_json::json!({"name": "Return-Path", "value": "<bounce-77@mailer.bulk-sender.example>"})
    );
    let back: Analysis = serde_json::from_value(json).unwrap();
    assert_eq!(back, analysis);
}

#[test]
fn analysing_ten_megabytes_is_fast() {
    let mut raw = fixture("bare-lf-8bit.eml");
    let line = "Viele günstige Uhren unter https://uhren-billig.example/katalog?seite=1 und mehr Text dazu.\n";
    while raw.len() < LIMIT - line.len() {
        raw.extend_from_slice(line.as_bytes());
    }
    assert_eq!(check_raw(&raw, LIMIT), Ok(()));
    let start = std::time::Instant::now();
    let analysis = analyse(&raw);
    let elapsed = start.elapsed();
    assert_eq!(analysis.url_hosts, ["uhren-billig.example", "www.rolex-nachbau.example"]);
    // Generous for unoptimised test builds; `cargo test --release` shows the real figure.
    assert!(elapsed.as_secs_f64() < 10.0, "{elapsed:?}");
    eprintln!("analysis of {} bytes: {elapsed:?}", raw.len());
}

fn reporter() -> Reporter {
    Reporter { name: Some("Alice Müller".into()), email: "alice@recipient.example".into(), org: None }
}

fn report<'a>(raw: &'a [u8], analysis: &'a Analysis, reporter: &'a Reporter) -> SpamReport<'a> {
    SpamReport {
        raw,
        analysis,
        reporter,
        to: "abuse@provider.example",
        reported_domain: "bulk-sender.example",
        now: Utc.with_ymd_and_hms(2026, 3, 12, 8, 30, 0).unwrap(),
        id: "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f",
        locale: Locale::En,
        details: "",
    }
}

/// The `message/rfc822` part of a parsed ARF report, as the bytes of the report it spans.
fn original_in(report: &[u8]) -> &[u8] {
    let parsed = MessageParser::new().parse(report).unwrap();
    let part = parsed
        .parts
        .iter()
        .find(|p| p.content_type().is_some_and(|ct| ct.ctype() == "message" && ct.subtype() == Some("rfc822")))
        .expect("a message/rfc822 part");
    assert!(matches!(part.body, PartType::Message(_)));
    &report[part.offset_body as usize..part.offset_end as usize]
}

#[test]
fn arf_round_trip_keeps_the_original_byte_for_byte() {
    for name in ["multi-hop.eml", "bare-lf-8bit.eml", "latin1-declared.eml"] {
        let raw = fixture(name);
        let analysis = analyse(&raw);
        let reporter = reporter();
        let bytes = arf(&report(&raw, &analysis, &reporter));
        assert_eq!(original_in(&bytes), raw.as_slice(), "{name}");

        // The same through mail-parser's own view of the nested message.
        let parsed = MessageParser::new().parse(&bytes).unwrap();
        let nested = parsed.parts.iter().find_map(|p| p.message()).unwrap();
        assert_eq!(nested.raw_message(), raw.as_slice(), "{name}");
        assert_eq!(nested.subject(), analysis.subject.as_deref(), "{name}");
    }
}

#[test]
fn arf_report_has_the_rfc_5965_structure_and_fields() {
    let raw = fixture("multi-hop.eml");
    let analysis = analyse(&raw);
    let reporter = reporter();
    let bytes = arf(&report(&raw, &analysis, &reporter));
    let parsed = MessageParser::new().parse(&bytes).unwrap();

    let ct = parsed.content_type().unwrap();
    assert_eq!((ct.ctype(), ct.subtype()), ("multipart", Some("report")));
    assert_eq!(ct.attribute("report-type"), Some("feedback-report"));
    assert_eq!(parsed.subject(), Some("Spam report: Ihr Konto wird gesperrt – Bestätigen Sie jetzt"));
    assert_eq!(parsed.from().unwrap().first().unwrap().address(), Some("alice@recipient.example"));
    assert_eq!(parsed.from().unwrap().first().unwrap().name(), Some("Alice Müller"));
    assert_eq!(parsed.to().unwrap().first().unwrap().address(), Some("abuse@provider.example"));
    assert_eq!(parsed.date().unwrap().to_rfc3339(), "2026-03-12T08:30:00Z");

    let kinds: Vec<String> = parsed.parts[1..]
        .iter()
        .map(|p| p.content_type().map(|ct| format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or(""))).unwrap())
        .collect();
    assert_eq!(kinds, ["text/plain", "message/feedback-report", "message/rfc822"]);

    let human = parsed.body_text(0).unwrap();
    assert!(human.contains("ARF format (RFC 5965)"), "{human}");
    assert!(human.contains("Alice Müller <alice@recipient.example>"));
    assert!(human.contains("Likely source (IP): 203.0.113.45"));
    assert!(human.contains("xn--bcher-kva.example"));

    let report_part = &parsed.parts[2];
    let fields = String::from_utf8(report_part.contents().to_vec()).unwrap();
    let lines: Vec<&str> = fields.lines().collect();
    assert_eq!(
        lines,
        [
            "Feedback-Type: abuse".to_owned(),
            format!("User-Agent: {CLIENT_VERSION}"),
            "Version: 1".to_owned(),
            "Original-Mail-From: <bounce-77@mailer.bulk-sender.example>".to_owned(),
            "Arrival-Date: Tue, 10 Mar 2026 09:15:02 +0100".to_owned(),
            "Source-IP: 203.0.113.45".to_owned(),
            "Reported-Domain: bulk-sender.example".to_owned(),
            "Reported-URI: https://login.bank-secure.example/verify?id=42".to_owned(),
            "Reported-URI: https://b%C3%BCcher.example/angebot".to_owned(),
            "Reported-URI: https://Track.Bulk-Sender.example/c?u=1&v=2".to_owned(),
            "Reported-URI: http://[2001:DB8::25]/pixel.gif".to_owned(),
        ]
    );
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("Content-Transfer-Encoding: 7bit\r\n\r\nReturn-Path:"), "an ASCII original is 7bit");
    assert!(text.starts_with("From: \"Alice =?UTF-8?") || text.starts_with("From: =?UTF-8?"), "{}", &text[..80]);

    // An 8-bit original is declared 8bit.
    let raw = fixture("bare-lf-8bit.eml");
    let analysis = analyse(&raw);
    let bytes = arf(&report(&raw, &analysis, &reporter));
    assert!(String::from_utf8_lossy(&bytes).contains("Content-Transfer-Encoding: 8bit\r\n\r\nReceived:"));
}

#[test]
fn xarf_report_is_valid_against_the_shipped_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{}/schema/xarf-spam.schema.json", env!("CARGO_MANIFEST_DIR"))).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).unwrap();

    for name in ["multi-hop.eml", "bare-lf-8bit.eml", "latin1-declared.eml"] {
        let raw = fixture(name);
        let analysis = analyse(&raw);
        let reporter = reporter();
        let json = xarf::xarf(&report(&raw, &analysis, &reporter), None);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let errors: Vec<String> =
            validator.iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path)).collect();
        assert!(errors.is_empty(), "{name}: {errors:#?}");
        assert_eq!(value["evidence"][0]["size"], raw.len());
    }

    // And the facts, for the multi-hop message, with an operator filing it.
    let raw = fixture("multi-hop.eml");
    let analysis = analyse(&raw);
    let reporter = reporter();
    let operator = xarf::Party {
        org: "Provider GmbH".into(),
        contact: "abuse@provider.example".into(),
        domain: "provider.example".into(),
    };
    let value: serde_json::Value =
        serde_json::from_str(&xarf::xarf(&report(&raw, &analysis, &reporter), Some(&operator))).unwrap();
    assert!(validator.is_valid(&value));
    assert_eq!(value["xarf_version"], "4.0.0");
    assert_eq!(value["report_id"], "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
    assert_eq!(value["timestamp"], "2026-03-10T08:15:02Z", "the arrival time, in UTC");
    assert_eq!(value["category"], "messaging");
    assert_eq!(value["type"], "spam");
    assert_eq!(
        value["reporter"],
        serde_json::json!({"org": "Alice Müller", "contact": "alice@recipient.example", "domain": "recipient.example"})
    );
    assert_eq!(value["sender"]["org"], "Provider GmbH");
    assert_eq!(value["source_identifier"], "203.0.113.45");
    assert_eq!(value["smtp_from"], "bounce-77@mailer.bulk-sender.example");
    assert_eq!(value["subject"], "Ihr Konto wird gesperrt – Bestätigen Sie jetzt");
    assert_eq!(value["message_id"], "<20260310081455.AB12@mail.bulk-sender.example>");
    assert_eq!(value["spam_indicators"]["suspicious_links"][1], "https://b%C3%BCcher.example/angebot");
    assert_eq!(value["evidence"][0]["content_type"], "message/rfc822");
    let payload = value["evidence"][0]["payload"].as_str().unwrap();
    assert_eq!(decode_base64(payload), raw);

    // Without a source IP the reported domain is the source.
    let bare =
        b"From: a@b.example\r\nReceived: from x (x [10.0.0.1]) by y; Tue, 10 Mar 2026 10:00:00 +0100\r\n\r\nhi\r\n";
    let analysis = analyse(bare);
    let value: serde_json::Value =
        serde_json::from_str(&xarf::xarf(&report(bare, &analysis, &reporter), None)).unwrap();
    assert_eq!(value["source_identifier"], "bulk-sender.example");
    assert!(value.get("smtp_from").is_none());
    assert!(validator.is_valid(&value));
}

fn decode_base64(text: &str) -> Vec<u8> {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let values: Vec<u32> =
        text.bytes().filter(|&b| b != b'=').map(|b| ALPHABET.iter().position(|&a| a == b).unwrap() as u32).collect();
    let mut out = Vec::new();
    for chunk in values.chunks(4) {
        let n = chunk.iter().enumerate().fold(0u32, |acc, (i, &v)| acc | v << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    out
}
