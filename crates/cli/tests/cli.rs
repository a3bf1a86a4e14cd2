//! Runs the real `complaint` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::DateTime;
use mail_parser::{MessageParser, MimeHeaders};
use portal_core::submission::uuid_v4;
use portal_core::{Config, Draft, Field, Kind, Locale, Submission};

/// A file under the temp dir with a name no other test (or test run) uses; removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, contents: impl AsRef<[u8]>) -> TempFile {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let unique =
            format!("complaint-cli-test-{}-{}-{name}", std::process::id(), COUNTER.fetch_add(1, Ordering::Relaxed));
        let path = std::env::temp_dir().join(unique);
        std::fs::write(&path, contents).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn complaint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_complaint")).args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// UTS #46 by the `idna` crate, as the command line maps it.
use portal_core::domain::IdnaUts46 as Idna;

/// A valid submission of `kind` from these draft values, as the portal builds it on Saturday
/// 28 Nov 2026, with an id made of `id_byte`.
fn submission_of(kind: Kind, locale: Locale, id_byte: u8, values: &[(Field, &str)]) -> Submission {
    let mut draft = Draft::new(kind);
    for (field, value) in values {
        draft.set(*field, *value);
    }
    let now = DateTime::parse_from_rfc3339("2026-11-28T15:04:05+01:00").unwrap();
    let valid = portal_core::validate::validate(kind, &draft, &Config::default(), locale, now.date_naive(), &Idna)
        .unwrap_or_else(|problems| panic!("{kind:?} {values:?}: {problems:?}"));
    Submission::build(valid, uuid_v4([id_byte; 16]), now, locale, &Config::default())
}

fn sample_submission(description: &str) -> Submission {
    submission_of(
        Kind::ServiceComplaint,
        Locale::De,
        7,
        &[
            (Field::Name, "Jörg Müller"),
            (Field::Email, "joerg@example.de"),
            (Field::Domains, "bücher.de"),
            (Field::Description, description),
        ],
    )
}

const DESCRIPTION: &str = "Der Transfer hängt seit Tagen.\nBitte & danke = 100 %";

fn sample_file() -> (Submission, TempFile) {
    let submission = sample_submission(DESCRIPTION);
    let file = TempFile::new("submission.json", submission.to_json_pretty());
    (submission, file)
}

// check-config

#[test]
fn check_config_accepts_a_valid_file() {
    let file = TempFile::new(
        "config.json",
        r#"{"channels": {"service_complaint": {"mailbox": "support@registrar.example", "endpoint": "https://intake.registrar.example/complaints"}}, "state": "BY", "deadline_rule": "arbeitstage"}"#,
    );
    let output = complaint(&["check-config", file.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "{\"ok\":true}\n");
    assert!(output.stderr.is_empty());
}

#[test]
fn check_config_accepts_an_empty_object() {
    let file = TempFile::new("config.json", "{}");
    let output = complaint(&["check-config", file.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "{\"ok\":true}\n");
}

#[test]
fn check_config_names_the_bad_field() {
    let cases = [
        (r#"{"channels": {"escalation": {"mailbox": "not-an-address"}}}"#, "channels.escalation.mailbox"),
        (
            r#"{"channels": {"feedback": {"mailbox": "f@example.org", "endpoint": "http://intake.example.org/"}}}"#,
            "channels.feedback.endpoint",
        ),
        (r#"{"state": "XX"}"#, "state"),
        (r#"{"limits": {"send_attempts": 0}}"#, "limits.send_attempts"),
        (r#"{"languages": ["fr"]}"#, "languages[0]"),
        (r#"{"organisation": {"nmae": "typo"}}"#, "organisation.nmae"),
        (r#"[1, 2]"#, "(top level)"),
        (r#"{"state": "SL""#, "(top level)"),
    ];
    for (json, field) in cases {
        let file = TempFile::new("config.json", json);
        let output = complaint(&["check-config", file.path()]);
        assert_eq!(output.status.code(), Some(1), "{json}");
        let out = stdout(&output);
        assert!(out.starts_with("{\"ok\":false,\"field\":"), "{out}");
        assert!(out.ends_with("}\n") && out.lines().count() == 1, "{out}");
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(report["ok"], false, "{json}");
        assert_eq!(report["field"], field, "{json}");
        let message = report["error"].as_str().unwrap();
        assert!(!message.is_empty(), "{json}");
        let expected_line = format!("{}: {field}: {message}\n", file.path());
        assert_eq!(stderr(&output), expected_line, "{json}");
    }
}

#[test]
fn check_config_names_a_missing_file_and_the_os_error() {
    let path = std::env::temp_dir().join(format!("complaint-cli-test-{}-does-not-exist.json", std::process::id()));
    let path = path.to_str().unwrap();
    let output = complaint(&["check-config", path]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let message = stderr(&output);
    assert!(message.contains(path), "{message}");
    assert!(message.contains("os error"), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");
}

#[test]
fn check_config_refuses_a_file_that_is_not_utf8() {
    let file = TempFile::new("config.json", b"{\"state\": \"\xff\"}");
    let output = complaint(&["check-config", file.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains(file.path()));
}

// render

#[test]
fn render_json_round_trips() {
    let (submission, file) = sample_file();
    let output = complaint(&["render", "--format", "json", file.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(Submission::from_json(&stdout(&output)).unwrap(), submission);
}

#[test]
fn render_text_contains_the_description() {
    let (submission, file) = sample_file();
    let output = complaint(&["render", "--format=text", file.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains(DESCRIPTION), "{text}");
    assert!(text.contains(&submission.id), "{text}");
    assert_eq!(text, portal_core::render::plain_text(&submission));
}

#[test]
fn render_mailto_goes_to_the_default_mailbox_and_is_one_clean_line() {
    let (submission, file) = sample_file();
    let output = complaint(&["render", file.path(), "--format", "mailto"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    let url = out.strip_suffix('\n').unwrap();
    assert!(url.starts_with("mailto:complaints@example.org?subject="), "{url}");
    assert!(!url.contains(['\r', '\n', ' ']), "{url}");
    assert_eq!(url, portal_core::render::mail_plan(&submission, "complaints@example.org").url);
}

#[test]
fn render_eml_parses_back_with_subject_and_attachment() {
    let (submission, file) = sample_file();
    let output = complaint(&["render", "--format", "eml", file.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let raw = output.stdout;
    assert_eq!(raw, portal_core::render::eml(&submission, "complaints@example.org").into_bytes(), "not byte-exact");
    assert!(raw.windows(2).any(|w| w == b"\r\n"), "CRLF lost");

    let message = MessageParser::default().parse(&raw[..]).unwrap();
    assert_eq!(message.subject(), Some(submission.subject.as_str()));
    assert_eq!(message.to().unwrap().first().unwrap().address(), Some("complaints@example.org"));
    let attachment = message.attachment(0).unwrap();
    assert_eq!(attachment.attachment_name(), Some(format!("submission-{}.json", submission.id).as_str()));
    let json = std::str::from_utf8(attachment.contents()).unwrap();
    assert_eq!(Submission::from_json(json).unwrap(), submission);
}

#[test]
fn render_to_overrides_the_mailbox() {
    let (_, file) = sample_file();
    let config = TempFile::new(
        "config.json",
        r#"{"channels": {"service_complaint": {"mailbox": "support@registrar.example"}}}"#,
    );
    let output = complaint(&[
        "render",
        "--format",
        "mailto",
        "--to",
        "desk@operator.example",
        "--config",
        config.path(),
        file.path(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("mailto:desk@operator.example?subject="));

    let output = complaint(&["render", "--format", "eml", "--to=desk@operator.example", file.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let message = MessageParser::default().parse(&output.stdout[..]).unwrap();
    assert_eq!(message.to().unwrap().first().unwrap().address(), Some("desk@operator.example"));
}

#[test]
fn render_takes_the_mailbox_from_the_config() {
    let (_, file) = sample_file();
    let config = TempFile::new(
        "config.json",
        r#"{"channels": {"service_complaint": {"mailbox": "support@registrar.example"}}}"#,
    );
    let output = complaint(&["render", "--format", "mailto", "--config", config.path(), file.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("mailto:support@registrar.example?subject="));
}

#[test]
fn render_refuses_a_bad_to_or_config() {
    let (_, file) = sample_file();
    let output =
        complaint(&["render", "--format", "mailto", "--to", "not an address\r\nBcc: x@example.com", file.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(stderr(&output).contains("--to"));

    let config = TempFile::new("config.json", r#"{"state": "XX"}"#);
    let output = complaint(&[
        "render",
        "--format",
        "text",
        "--to",
        "desk@operator.example",
        "--config",
        config.path(),
        file.path(),
    ]);
    assert_eq!(output.status.code(), Some(1), "a bad --config is refused even with --to");
    assert!(output.stdout.is_empty());
    assert_eq!(stderr(&output).lines().next().unwrap(), format!("{}: state: “XX” is not a German state code; use one of BB, BE, BW, BY, HB, HE, HH, MV, NI, NW, RP, SH, SL, SN, ST, TH", config.path()));
}

#[test]
fn render_refuses_a_file_that_is_not_a_submission() {
    for (contents, detail) in
        [("{}", "missing field"), ("not json", "expected"), (r#"{"schema_version": "one"}"#, "invalid type")]
    {
        let file = TempFile::new("submission.json", contents);
        let output = complaint(&["render", "--format", "json", file.path()]);
        assert_eq!(output.status.code(), Some(1), "{contents}");
        assert!(output.stdout.is_empty());
        let message = stderr(&output);
        assert!(message.starts_with(&format!("{}: not a valid submission: ", file.path())), "{message}");
        assert!(message.contains(detail), "{message}");
        assert_eq!(message.lines().count(), 1, "{message}");
    }
}

#[test]
fn render_names_a_missing_file() {
    let missing = Path::new("/nonexistent-complaint-cli-test/submission.json");
    let output = complaint(&["render", "--format", "text", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("/nonexistent-complaint-cli-test/submission.json"));
}

// help, version, usage errors

#[test]
fn help_documents_the_commands_and_exit_codes() {
    for flag in ["--help", "-h"] {
        let output = complaint(&[flag]);
        assert_eq!(output.status.code(), Some(0));
        let help = stdout(&output);
        for expected in ["check-config", "render", "--format", "--to", "--config", "Exit status", "2  usage error"] {
            assert!(help.contains(expected), "{expected} missing from\n{help}");
        }
    }
    let output = complaint(&["render", "--help"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("Usage: complaint"));
}

#[test]
fn version_prints_the_package_version() {
    let output = complaint(&["--version"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), format!("complaint {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_exit_2_with_the_usage_on_stderr() {
    let (_, file) = sample_file();
    let cases: [&[&str]; 10] = [
        &[],
        &["frobnicate"],
        &["--frobnicate"],
        &["check-config"],
        &["check-config", "a.json", "b.json"],
        &["render", file.path()],
        &["render", "--format", "pdf", file.path()],
        &["render", "--format", "json"],
        &["render", "--format", "json", file.path(), "--to"],
        &["render", "--format", "json", "--colour", file.path()],
    ];
    for args in cases {
        let output = complaint(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let message = stderr(&output);
        assert!(message.starts_with("complaint: "), "{message}");
        assert!(message.contains("Usage: complaint"), "{message}");
    }
}

#[test]
fn deadline_counts_business_days_from_the_next_day() {
    // Fri 18 Dec 2026 + 2 Werktage: Sat 19 (1), Mon 21 (2).
    let output = complaint(&["deadline", "--from", "2026-12-18", "--days", "2"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "2026-12-21\n");
    // 11 Arbeitstage from the same day: Heilige Drei Könige (6 Jan) is a holiday in BY, not in SL.
    let sl = complaint(&["deadline", "--from", "2026-12-18", "--days", "11", "--rule", "arbeitstage"]);
    let by = complaint(&["deadline", "--from=2026-12-18", "--days=11", "--rule=arbeitstage", "--state=BY"]);
    assert_eq!(stdout(&sl), "2027-01-06\n");
    assert_eq!(stdout(&by), "2027-01-07\n");
}

#[test]
fn deadline_refuses_bad_arguments_as_usage_errors() {
    for args in [
        &["deadline", "--days", "2"][..],
        &["deadline", "--from", "18.12.2026", "--days", "2"],
        &["deadline", "--from", "2026-12-18", "--days", "-1"],
        &["deadline", "--from", "2026-12-18", "--days", "2", "--rule", "weekdays"],
        &["deadline", "--from", "2026-12-18", "--days", "2", "--state", "XX"],
    ] {
        let output = complaint(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stderr(&output).contains("complaint: "), "{args:?}");
    }
}

// domain

/// Runs `complaint domain INPUT` and returns its JSON answer, checking exit 0 and a quiet stderr.
fn domain(input: &str) -> serde_json::Value {
    let output = complaint(&["domain", input]);
    assert_eq!(output.status.code(), Some(0), "{input}: {}", stderr(&output));
    assert!(output.stderr.is_empty(), "{input}");
    let out = stdout(&output);
    assert!(out.ends_with('\n') && out.lines().count() == 1, "{out}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn domain_prints_unicode_and_a_label() {
    for (input, unicode, ascii) in [
        ("Bücher.DE", "bücher.de", "xn--bcher-kva.de"),
        ("faß.de", "faß.de", "xn--fa-hia.de"),
        ("例え.テスト", "例え.テスト", "xn--r8jz45g.xn--zckzah"),
        ("مثال.إختبار", "مثال.إختبار", "xn--mgbh0fb.xn--kgbechtv"),
        ("xn--bcher-kva.de", "bücher.de", "xn--bcher-kva.de"),
        ("a--b.de", "a--b.de", "a--b.de"),
    ] {
        let answer = domain(input);
        assert_eq!(
            answer,
            serde_json::json!({"ok": true, "unicode": unicode, "ascii": ascii, "warnings": []}),
            "{input}"
        );
    }
    // The documented key order.
    let raw = stdout(&complaint(&["domain", "example.org"]));
    assert_eq!(raw, "{\"ok\":true,\"unicode\":\"example.org\",\"ascii\":\"example.org\",\"warnings\":[]}\n");
}

#[test]
fn domain_warns_about_mixed_scripts_and_urls() {
    let answer = domain("p\u{0430}ypal.com");
    assert_eq!(answer["ok"], true);
    assert_eq!(answer["ascii"], "xn--pypal-4ve.com");
    let warnings = answer["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].as_str().unwrap().contains("mixes scripts in one part (Latin + Cyrillic)"), "{warnings:?}");

    let answer = domain("https://Bücher.de:443/x?y");
    assert_eq!((answer["unicode"].as_str(), answer["ascii"].as_str()), (Some("bücher.de"), Some("xn--bcher-kva.de")));
    assert_eq!(answer["warnings"][0], "The domain bücher.de was taken from the address “https://Bücher.de:443/x?y”.");
}

#[test]
fn domain_refusals_name_the_entry_and_the_reason_in_english() {
    for (input, reason) in [
        ("192.0.2.1", "that is an IP address; a domain name is needed here."),
        ("[2001:db8::1]", "that is an IP address; a domain name is needed here."),
        ("ab--c.de", "a part has hyphens in both the third and fourth place"),
        ("a-.de", "a part starts or ends with a hyphen."),
        ("_dmarc.example.com", "the character “_” is not allowed in domains."),
        ("a\u{05D0}.de", "it mixes right-to-left characters"),
        ("a\u{200D}b.de", "it contains an invisible joiner"),
        ("localhost", "the ending is missing"),
    ] {
        let answer = domain(input);
        assert_eq!(answer["ok"], false, "{input}");
        assert_eq!(answer.as_object().unwrap().len(), 2, "{input}");
        let error = answer["error"].as_str().unwrap();
        assert!(error.starts_with(&format!("“{input}” is not a valid domain: {reason}")), "{error}");
    }
    // An entry that starts with a hyphen follows `--`, as options do not.
    let output = complaint(&["domain", "--", "-a.de"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("a part starts or ends with a hyphen."));
    let long = domain(&format!("{}.de", "a".repeat(64)));
    assert!(long["error"].as_str().unwrap().contains("longer than 63 characters"));
}

#[test]
fn domain_usage_errors_exit_1_with_the_usage() {
    for args in [&["domain"][..], &["domain", "a.de", "b.de"], &["domain", "--frobnicate", "a.de"]] {
        let output = complaint(args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(stderr(&output).starts_with("complaint: "), "{args:?}");
        assert!(stderr(&output).contains("Usage: complaint"), "{args:?}");
    }
    let help = complaint(&["domain", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("A usage error of this command exits 1, not 2."));
}

fn spam_fixture(name: &str) -> String {
    format!("{}/../core/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn analyze_prints_the_analysis_as_json() {
    let output = complaint(&["analyze", &spam_fixture("multi-hop.eml")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["hops"].as_array().unwrap().len(), 3);
    assert_eq!(
        json["hops"][1],
        serde_json::json!({
            "from": "mail.bulk-sender.example", "by": "mx1.recipient.example",
            "ips": ["203.0.113.45"], "time": "2026-03-10T09:15:01+01:00"
        })
    );
    assert_eq!(json["from"], "security@bank.example");
    assert_eq!(json["return_path"], "bounce-77@mailer.bulk-sender.example");
    assert_eq!(json["message_id"], "20260310081455.AB12@mail.bulk-sender.example");
    assert_eq!(json["date"], "2026-03-10T09:14:55+01:00");
    assert_eq!(json["subject"], "Ihr Konto wird gesperrt – Bestätigen Sie jetzt");
    assert_eq!(json["auth_results"][0], serde_json::json!({"method": "spf", "result": "pass"}));
    assert_eq!(json["dkim_domains"], serde_json::json!(["bulk-sender.example"]));
    assert_eq!(json["url_hosts"][1], "xn--bcher-kva.example");
    assert_eq!(json["has_received"], true);
    assert_eq!(json["inline_forward"], false);

    // An inline forward is analysed, and says what it is.
    let output = complaint(&["analyze", &spam_fixture("inline-forward.txt")]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!((json["has_received"].clone(), json["inline_forward"].clone()), (false.into(), true.into()));
}

#[test]
fn analyze_refuses_unreadable_files_and_non_messages() {
    let output = complaint(&["analyze", "/nonexistent/spam.eml"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("complaint: cannot read /nonexistent/spam.eml"), "{}", stderr(&output));
    assert!(output.stdout.is_empty());

    let binary = TempFile::new("image.eml", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let output = complaint(&["analyze", binary.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("not an email message: This is not an email message but a binary file"));

    let body_only = TempFile::new("body.txt", "Dear winner,\nclaim your prize now.\n");
    let output = complaint(&["analyze", body_only.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("header lines"), "{}", stderr(&output));

    assert_eq!(complaint(&["analyze"]).status.code(), Some(2));
}

#[test]
fn arf_and_xarf_reports_from_a_message() {
    let path = spam_fixture("bare-lf-8bit.eml");
    let raw = std::fs::read(&path).unwrap();
    let common = [
        "--reporter",
        "alice@recipient.example",
        "--domain",
        "Uhren-Billig.example",
        "--now",
        "2026-03-12T08:30:00Z",
        "--id",
        "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f",
    ];

    let mut args = vec!["arf", path.as_str()];
    args.extend(common);
    let output = complaint(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let parsed = MessageParser::new().parse(&output.stdout).unwrap();
    let ct = parsed.content_type().unwrap();
    assert_eq!(
        (ct.ctype(), ct.subtype(), ct.attribute("report-type")),
        ("multipart", Some("report"), Some("feedback-report"))
    );
    let nested = parsed.parts.iter().find_map(|p| p.message()).unwrap();
    assert_eq!(nested.raw_message(), raw.as_slice(), "the original, byte for byte");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains("Reported-Domain: uhren-billig.example\r\n"));
    assert!(report.contains("Source-IP: 198.51.100.7\r\n"));

    let mut args = vec!["xarf", path.as_str()];
    args.extend(common);
    let output = complaint(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!((json["category"].as_str(), json["type"].as_str()), (Some("messaging"), Some("spam")));
    assert_eq!(json["report_id"], "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
    assert_eq!(json["reporter"]["contact"], "alice@recipient.example");

    // A header-less forward cannot be reported as if it were complete.
    let forward = spam_fixture("inline-forward.txt");
    let mut args = vec!["arf", forward.as_str()];
    args.extend(common);
    let output = complaint(&args);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("not a complete message: This is a forwarded message"), "{}", stderr(&output));

    // Missing options are usage errors; bad values are bad input.
    assert_eq!(complaint(&["arf", path.as_str(), "--domain", "x.example"]).status.code(), Some(2));
    assert_eq!(
        complaint(&["arf", path.as_str(), "--reporter", "a@b.example", "--domain", "not a domain"]).status.code(),
        Some(1)
    );
    assert_eq!(
        complaint(&["xarf", path.as_str(), "--reporter", "nobody", "--domain", "x.example"]).status.code(),
        Some(1)
    );
}

/// A spam complaint about the multi-hop fixture, as the portal would send it.
fn spam_submission_file() -> (Submission, Vec<u8>, TempFile) {
    let raw = std::fs::read(spam_fixture("multi-hop.eml")).unwrap();
    let complaint = submission_of(
        Kind::SpamComplaint,
        Locale::En,
        9,
        &[
            (Field::Name, "Alice Müller"),
            (Field::Email, "alice@recipient.example"),
            (Field::SpamTarget, "mail.bulk-sender.example"),
        ],
    );
    let message = portal_core::spam::RawMessage::new(portal_core::spam::MessageSource::Paste, None, &raw);
    let submission = complaint.with_spam_message(message, portal_core::spam::analyse(&raw));
    let file = TempFile::new("spam.json", submission.to_json_pretty());
    (submission, raw, file)
}

#[test]
fn render_arf_attaches_the_submitted_message_byte_for_byte() {
    let (_, raw, file) = spam_submission_file();
    let output = complaint(&["render", "--format", "arf", file.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = MessageParser::default().parse(&output.stdout[..]).unwrap();
    assert_eq!(report.to().unwrap().first().unwrap().address(), Some("abuse@example.org"));
    let feedback = std::str::from_utf8(report.parts[2].contents()).unwrap();
    assert!(feedback.contains("Reported-Domain: mail.bulk-sender.example\r\n"), "{feedback}");
    assert!(feedback.contains("Source-IP: 203.0.113.45\r\n"), "{feedback}");
    let original = &report.parts[3];
    let span = &output.stdout[original.offset_body as usize..original.offset_end as usize];
    assert!(span.starts_with(&raw), "the original is not byte for byte");
}

#[test]
fn render_xarf_reports_the_spam_message_as_evidence() {
    let (submission, raw, file) = spam_submission_file();
    let output = complaint(&["render", "--format", "xarf", "--to", "abuse@operator.example", file.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!((json["category"].as_str(), json["type"].as_str()), (Some("messaging"), Some("spam")));
    assert_eq!(json["report_id"], submission.id);
    assert_eq!(json["source_identifier"], "203.0.113.45");
    let payload = json["evidence"][0]["payload"].as_str().unwrap();
    assert_eq!(payload, portal_core::spam::RawMessage::new(Default::default(), None, &raw).content_base64);
}

#[test]
fn render_arf_refuses_what_is_no_spam_complaint_or_lost_its_message() {
    let (_, file) = sample_file();
    let output = complaint(&["render", "--format", "arf", file.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("not a spam complaint"), "{}", stderr(&output));

    let (submission, _, _) = spam_submission_file();
    let stored = TempFile::new("stored.json", submission.for_storage().to_json_pretty());
    let output = complaint(&["render", "--format", "xarf", stored.path()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("content is missing"), "{}", stderr(&output));
}

#[test]
fn render_xarf_writes_one_report_per_abuse_target() {
    let submission = submission_of(
        Kind::AbuseReport,
        Locale::De,
        5,
        &[
            (Field::Email, "anna@example.de"),
            (Field::AbuseCategory, "phishing"),
            (Field::Domains, "https://login.bücher-bank.example/konto\nevil.example"),
            (Field::Description, "Gefälschte Anmeldeseite."),
        ],
    )
    .with_evidence(vec![portal_core::abuse::EvidenceFile::new("seite.html", "text/html", b"<form>")]);
    let file = TempFile::new("abuse.json", submission.to_json_pretty());
    let output = complaint(&["render", "--format", "xarf", file.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let reports: Vec<serde_json::Value> = serde_json::from_str(&stdout(&output)).unwrap();
    let urls: Vec<&str> = reports.iter().map(|r| r["url"].as_str().unwrap()).collect();
    assert_eq!(urls, ["https://login.xn--bcher-bank-9db.example/konto", "http://evil.example/"]);
    for report in &reports {
        assert_eq!((report["category"].as_str(), report["type"].as_str()), (Some("content"), Some("phishing")));
        assert_eq!(report["evidence"][0]["payload"], "PGZvcm0+");
    }
    // ARF is for spam only.
    let output = complaint(&["render", "--format", "arf", file.path()]);
    assert_eq!(output.status.code(), Some(1));
}

// schema

/// The schema `complaint schema` prints, compiled with format checks on (dates are asserted).
fn printed_schema() -> (serde_json::Value, jsonschema::Validator) {
    let output = complaint(&["schema"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let validator = jsonschema::options().should_validate_formats(true).build(&schema).unwrap();
    (schema, validator)
}

fn schema_errors(validator: &jsonschema::Validator, json: &serde_json::Value) -> Vec<String> {
    // An `anyOf` error quotes the whole instance: the start and the path are enough to go on.
    validator
        .iter_errors(json)
        .map(|error| format!("at {}: {}", error.instance_path, error.to_string().chars().take(300).collect::<String>()))
        .collect()
}

#[test]
fn schema_is_draft_2020_12_with_a_versioned_id() {
    let (schema, _) = printed_schema();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let version = portal_core::submission::SCHEMA_VERSION;
    assert_eq!(schema["$id"], format!("urn:complaint-portal:submission:{version}"));
    assert!(schema["title"].as_str().unwrap().ends_with(&format!("schema_version {version}")));
    // Doc comments become descriptions: receivers read the schema as documentation.
    assert!(schema["$defs"]["RawMessage"]["description"].as_str().is_some_and(|d| d.contains("SHA-256")));
    let output = complaint(&["schema", "extra"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn schema_accepts_a_submission_of_every_kind_and_its_stored_copy() {
    let (_, validator) = printed_schema();
    let (service, _) = sample_file();
    let (spam, _, _) = spam_submission_file();
    let abuse = submission_of(
        Kind::AbuseReport,
        Locale::En,
        3,
        &[
            (Field::Email, "anna@example.de"),
            (Field::AbuseCategory, "phishing"),
            (Field::Domains, "https://login.bücher-bank.example/konto\nevil.example"),
            (Field::Description, "Gefälschte Anmeldeseite."),
        ],
    )
    .with_evidence(vec![portal_core::abuse::EvidenceFile::new("seite.html", "text/html", b"<form>")]);
    let escalation = submission_of(
        Kind::Escalation,
        Locale::En,
        3,
        &[
            (Field::Name, "Jörg Müller"),
            (Field::Email, "joerg@example.de"),
            (Field::Domains, "bücher.de"),
            (Field::Subject, "Transfer"),
            (Field::Description, "Der Transfer hängt weiter."),
            (Field::ExpectedSteps, "Transfer abschließen."),
            (Field::PreviousReference, "T-1234"),
            (Field::PreviousSentOn, "2026-11-16"),
            (Field::PreviousAnsweredOn, "2026-11-23"),
            (Field::Dissatisfaction, "Keine Lösung angeboten."),
        ],
    );
    let feedback = submission_of(Kind::Feedback, Locale::En, 3, &[(Field::Description, "Schönes Formular.")]);
    let by_ip = submission_of(
        Kind::SpamComplaint,
        Locale::En,
        3,
        &[(Field::Name, "Alice"), (Field::Email, "alice@recipient.example"), (Field::SpamTarget, "203.0.113.45")],
    );
    let all = [service, spam, abuse, escalation, feedback, by_ip];
    let kinds: std::collections::BTreeSet<Kind> = all.iter().map(|s| s.kind).collect();
    assert_eq!(kinds.len(), Kind::ALL.len(), "a kind is missing from the samples");
    for submission in &all {
        for document in [submission.clone(), submission.for_storage()] {
            let json: serde_json::Value = serde_json::from_str(&document.to_json_pretty()).unwrap();
            assert_eq!(schema_errors(&validator, &json), Vec::<String>::new(), "{:?}", submission.kind);
        }
    }
}

#[test]
fn schema_refuses_what_serde_refuses() {
    let (_, validator) = printed_schema();
    let (spam, _, _) = spam_submission_file();
    let valid: serde_json::Value = serde_json::from_str(&spam.to_json_pretty()).unwrap();
    assert!(validator.is_valid(&valid));
    type Break = fn(&mut serde_json::Value);
    let broken: [(&str, Break); 8] = [
        ("an unknown top-level field", |json| json["colour"] = "red".into()),
        ("an unknown kind", |json| json["kind"] = "complaint".into()),
        ("a date that is no date", |json| json["deadlines"]["answer"] = "2026-13-45".into()),
        ("a created_at without offset", |json| json["created_at"] = "2026-11-28T15:04:05".into()),
        ("an unknown field in the analysis", |json| json["spam"]["analysis"]["colour"] = "red".into()),
        ("an unknown spam target", |json| json["spam"]["target"] = serde_json::json!({"url": "x"})),
        ("a negative size", |json| json["spam"]["message"]["size"] = (-1).into()),
        ("no deadlines", |json| {
            json.as_object_mut().unwrap().remove("deadlines");
        }),
    ];
    for (what, mut_json) in broken {
        let mut json = valid.clone();
        mut_json(&mut json);
        assert!(!validator.is_valid(&json), "the schema accepts {what}");
        // The schema is no stricter than serde here, and no looser.
        assert!(Submission::from_json(&json.to_string()).is_err(), "serde accepts {what}");
    }
    // Stricter than serde on purpose: a document of another version is not this schema's.
    let mut json = valid;
    json["schema_version"] = (portal_core::submission::SCHEMA_VERSION + 1).into();
    assert!(!validator.is_valid(&json), "the schema accepts another schema_version");
}
