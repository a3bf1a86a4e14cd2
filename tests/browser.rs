//! Browser tests of the platform layer (gate 2): `localStorage` drafts and the `config.json`
//! fetch, in headless Chromium. Run with `scripts/test-browser.sh`.
#![cfg(target_arch = "wasm32")]

use complaint_portal::platform::config::{self, ConfigLoadError};
use complaint_portal::platform::storage;
use portal_core::config::{DeadlineRule, SubmissionFormat};
use portal_core::domain::DomainName;
use portal_core::submission::{Complainant, SCHEMA_VERSION};
use portal_core::{Config, Draft, Field, Kind, Locale, Submission};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PREFIX: &str = "complaint-portal.v1";

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .expect("a window")
        .local_storage()
        .expect("localStorage accessible")
        .expect("localStorage present")
}

/// Every test starts from an empty `localStorage`: tests share one page.
fn fresh_storage() -> web_sys::Storage {
    let storage = local_storage();
    storage.clear().expect("clear localStorage");
    storage
}

fn raw(key: &str) -> Option<String> {
    local_storage().get_item(key).expect("getItem")
}

fn draft_key(kind: Kind) -> String {
    format!("{PREFIX}.draft.{}", kind.slug())
}

fn pending_key(kind: Kind) -> String {
    format!("{PREFIX}.pending.{}", kind.slug())
}

fn sample_submission(kind: Kind) -> Submission {
    Submission {
        schema_version: SCHEMA_VERSION,
        id: "0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5b".into(),
        kind,
        created_at: chrono::DateTime::parse_from_rfc3339("2025-03-14T09:26:53+01:00").unwrap(),
        locale: Locale::De,
        complainant: Complainant {
            name: Some("Jürgen Müller".into()),
            email: Some("juergen@example.org".into()),
            phone: None,
            customer_account: None,
        },
        domains: vec![DomainName {
            input: "Bücher.example".into(),
            unicode: "bücher.example".into(),
            ascii: "xn--bcher-kva.example".into(),
        }],
        subject: "Beschwerde: Rechnung".into(),
        description: "Zeile eins\nZeile zwei — mit Umlauten: äöüß €".into(),
        expected_steps: None,
        previous_complaint: None,
        dissatisfaction: None,
        abuse_category: None,
        urls: Vec::new(),
        spam: None,
        evidence: Vec::new(),
        deadlines: portal_core::deadline::Deadlines::for_submission(
            chrono::NaiveDate::from_ymd_opt(2025, 3, 14).unwrap(),
            portal_core::config::DeadlineRule::Werktage,
            "SL",
        ),
        client_version: portal_core::CLIENT_VERSION.into(),
    }
}

/// A `data:` URL carrying `body` with the given media type, percent-encoded.
fn data_url(media_type: &str, body: &str) -> String {
    let encoded: String = js_sys::encode_uri_component(body).into();
    format!("data:{media_type},{encoded}")
}

// ---------------------------------------------------------------------------------------------
// Drafts

#[wasm_bindgen_test]
fn draft_round_trips_with_non_ascii_and_newlines() {
    fresh_storage();
    let kind = Kind::ServiceComplaint;
    let mut draft = Draft::new(kind);
    draft.set(Field::Name, "Zoë Ångström-Weiß");
    draft.set(Field::Email, "zoe@bücher.example");
    draft.set(Field::Domains, "bücher.example\nxn--bcher-kva.example, 例え.テスト");
    draft.set(Field::Description, "Erste Zeile\r\nZweite Zeile\n\n\t„Anführungszeichen“ 🙂 \"quoted\" \\ backslash");
    storage::save_draft(kind, &draft);

    assert!(raw(&draft_key(kind)).is_some(), "the draft is stored under its key");
    let loaded = storage::load_draft(kind);
    assert_eq!(loaded, draft);
    assert_eq!(loaded.get(Field::Description), draft.get(Field::Description));
}

#[wasm_bindgen_test]
fn drafts_of_different_kinds_are_kept_apart() {
    fresh_storage();
    let mut complaint = Draft::new(Kind::ServiceComplaint);
    complaint.set(Field::Description, "complaint text");
    let mut feedback = Draft::new(Kind::Feedback);
    feedback.set(Field::Description, "feedback text");
    storage::save_draft(Kind::ServiceComplaint, &complaint);
    storage::save_draft(Kind::Feedback, &feedback);

    assert_eq!(storage::load_draft(Kind::ServiceComplaint), complaint);
    assert_eq!(storage::load_draft(Kind::Feedback), feedback);
    assert_eq!(storage::load_draft(Kind::AbuseReport), Draft::new(Kind::AbuseReport));
}

#[wasm_bindgen_test]
fn no_stored_draft_gives_a_fresh_one() {
    fresh_storage();
    for kind in Kind::ALL {
        assert_eq!(storage::load_draft(kind), Draft::new(kind));
    }
}

#[wasm_bindgen_test]
fn an_empty_draft_removes_the_key() {
    fresh_storage();
    let kind = Kind::AbuseReport;
    let mut draft = Draft::new(kind);
    draft.set(Field::Description, "something");
    storage::save_draft(kind, &draft);
    assert!(raw(&draft_key(kind)).is_some());

    storage::save_draft(kind, &Draft::new(kind));
    assert_eq!(raw(&draft_key(kind)), None, "an empty draft leaves no key behind");

    // Whitespace only counts as empty too.
    draft.set(Field::Description, "something");
    storage::save_draft(kind, &draft);
    let mut blank = Draft::new(kind);
    blank.set(Field::Description, "  \n\t ");
    storage::save_draft(kind, &blank);
    assert_eq!(raw(&draft_key(kind)), None);
    assert_eq!(storage::load_draft(kind), Draft::new(kind));
}

#[wasm_bindgen_test]
fn a_corrupt_stored_draft_gives_a_fresh_draft() {
    let storage = fresh_storage();
    let kind = Kind::SpamComplaint;
    for corrupt in [
        "",
        "{",
        "not json at all",
        "null",
        "[1,2,3]",
        r#"{"kind": "no_such_kind", "values": {}}"#,
        r#"{"kind": "spam_complaint", "values": {"no_such_field": "x"}}"#,
        r#"{"kind": "spam_complaint", "values": {"description": 42}}"#,
        "\u{0}\u{fffd}binary\u{1}",
    ] {
        storage.set_item(&draft_key(kind), corrupt).unwrap();
        assert_eq!(storage::load_draft(kind), Draft::new(kind), "stored value {corrupt:?}");
    }
}

#[wasm_bindgen_test]
fn a_draft_of_another_kind_under_the_key_is_ignored() {
    let storage = fresh_storage();
    let mut other = Draft::new(Kind::Feedback);
    other.set(Field::Description, "belongs to feedback");
    storage.set_item(&draft_key(Kind::Escalation), &other.to_json()).unwrap();
    assert_eq!(storage::load_draft(Kind::Escalation), Draft::new(Kind::Escalation));
}

// ---------------------------------------------------------------------------------------------
// Pending submissions

#[wasm_bindgen_test]
fn pending_submission_save_load_and_forget() {
    fresh_storage();
    let kind = Kind::Escalation;
    assert_eq!(storage::load_pending(kind), None);

    let submission = sample_submission(kind);
    storage::save_pending(kind, Some(&submission));
    assert_eq!(storage::load_pending(kind), Some(submission.clone()));
    assert_eq!(storage::load_pending(Kind::Feedback), None, "other kinds untouched");

    storage::save_pending(kind, None);
    assert_eq!(storage::load_pending(kind), None);
    assert_eq!(raw(&pending_key(kind)), None);

    // forget() clears both the draft and the pending submission of that kind only.
    let mut draft = Draft::new(kind);
    draft.set(Field::Description, "typed");
    storage::save_draft(kind, &draft);
    storage::save_pending(kind, Some(&submission));
    let mut other = Draft::new(Kind::Feedback);
    other.set(Field::Description, "keep me");
    storage::save_draft(Kind::Feedback, &other);

    storage::forget(kind);
    assert_eq!(raw(&draft_key(kind)), None);
    assert_eq!(raw(&pending_key(kind)), None);
    assert_eq!(storage::load_pending(kind), None);
    assert_eq!(storage::load_draft(kind), Draft::new(kind));
    assert_eq!(storage::load_draft(Kind::Feedback), other);
}

#[wasm_bindgen_test]
fn a_pending_abuse_report_keeps_file_hashes_but_never_their_contents() {
    fresh_storage();
    let kind = Kind::AbuseReport;
    let file = portal_core::abuse::EvidenceFile::new("beleg.png", "image/png", &[0x89, b'P', b'N', b'G', 1, 2, 3]);
    let submission = sample_submission(kind).with_evidence(vec![file.clone()]);
    storage::save_pending(kind, Some(&submission));
    let stored = raw(&pending_key(kind)).unwrap();
    assert!(stored.contains(&file.sha256), "the hash is kept");
    assert!(!stored.contains(&file.content_base64), "the bytes are not");
    assert_eq!(storage::load_pending(kind), Some(submission.for_storage()));
}

#[wasm_bindgen_test]
fn a_corrupt_pending_submission_is_none() {
    let storage = fresh_storage();
    let kind = Kind::ServiceComplaint;
    for corrupt in ["", "{", "garbage", r#"{"schema_version": 1}"#] {
        storage.set_item(&pending_key(kind), corrupt).unwrap();
        assert_eq!(storage::load_pending(kind), None, "stored value {corrupt:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Locale

#[wasm_bindgen_test]
fn locale_save_and_load() {
    let storage = fresh_storage();
    assert_eq!(storage::load_locale(), None);
    storage::save_locale(Locale::En);
    assert_eq!(storage::load_locale(), Some(Locale::En));
    storage::save_locale(Locale::De);
    assert_eq!(storage::load_locale(), Some(Locale::De));

    storage.set_item(&format!("{PREFIX}.locale"), "xx").unwrap();
    assert_eq!(storage::load_locale(), None, "an unknown tag is no choice");
}

// ---------------------------------------------------------------------------------------------
// config.json

#[wasm_bindgen_test]
async fn absent_config_gives_the_defaults() {
    // The test runner's server answers 404 for config.json.
    assert_eq!(config::load().await, Ok(Config::default()));
}

#[wasm_bindgen_test]
async fn a_valid_partial_config_keeps_the_other_defaults() {
    let json = r#"{
        "state": "BY",
        "deadline_rule": "arbeitstage",
        "organisation": {"name": "Registrar Ä GmbH", "city": "München"},
        "channels": {"service_complaint": {"mailbox": "support@registrar.example", "endpoint": "/api/complaints"}},
        "limits": {"send_attempts": 5}
    }"#;
    let config = config::load_from(&data_url("application/json", json)).await.expect("a valid config");

    assert_eq!(config.state, "BY");
    assert_eq!(config.deadline_rule, DeadlineRule::Arbeitstage);
    assert_eq!(config.organisation.name, "Registrar Ä GmbH");
    assert_eq!(config.organisation.city, "München");
    assert_eq!(config.channels.service_complaint.mailbox, "support@registrar.example");
    assert_eq!(config.channels.service_complaint.endpoint.as_deref(), Some("/api/complaints"));
    assert_eq!(config.limits.send_attempts, 5);

    let defaults = Config::default();
    assert_eq!(config.organisation.street, defaults.organisation.street);
    assert_eq!(config.channels.abuse_report, defaults.channels.abuse_report);
    assert_eq!(config.submission_format, SubmissionFormat::Json);
    assert_eq!(config.limits.send_timeout_ms, defaults.limits.send_timeout_ms);
    assert_eq!(config.languages, defaults.languages);
    assert_eq!(config.phone, defaults.phone);
}

#[wasm_bindgen_test]
async fn an_invalid_config_is_an_error_naming_the_field() {
    let result = config::load_from(&data_url("application/json", r#"{"state": "XX"}"#)).await;
    match result {
        Err(ConfigLoadError::Invalid(error)) => {
            assert_eq!(error.field, "state");
            assert!(error.message.contains("XX"), "message names the value: {}", error.message);
        }
        other => panic!("expected ConfigLoadError::Invalid for state, got {other:?}"),
    }

    let result =
        config::load_from(&data_url("application/json", r#"{"channels": {"feedback": {"mailbox": "nope"}}}"#)).await;
    match result {
        Err(ConfigLoadError::Invalid(error)) => {
            assert_eq!(error.field, "channels.feedback.mailbox")
        }
        other => panic!("expected ConfigLoadError::Invalid for the mailbox, got {other:?}"),
    }

    let result = config::load_from(&data_url("application/json", r#"{"stat": "BY"}"#)).await;
    assert!(
        matches!(&result, Err(ConfigLoadError::Invalid(error)) if error.message.contains("stat")),
        "an unknown field is an error naming it: {result:?}"
    );

    let result = config::load_from(&data_url("application/json", "{ not json")).await;
    assert!(matches!(result, Err(ConfigLoadError::Invalid(_))), "{result:?}");
}

#[wasm_bindgen_test]
async fn an_html_answer_is_the_spa_fallback_and_gives_the_defaults() {
    let html = "<!DOCTYPE html><html><head><title>Portal</title></head><body>app</body></html>";
    let result = config::load_from(&data_url("text/html;charset=utf-8", html)).await;
    assert_eq!(result, Ok(Config::default()));
}

// UTS #46 by the browser's URL parser (src/platform/idna.rs)

#[wasm_bindgen_test]
fn the_url_parser_maps_domains_as_uts46_non_transitional() {
    use complaint_portal::platform::idna::UrlUts46;
    use portal_core::domain::Uts46;

    for (host, ascii) in [
        ("bücher.de", "xn--bcher-kva.de"),
        ("Bücher.DE", "xn--bcher-kva.de"),
        ("faß.de", "xn--fa-hia.de"),
        ("例え.テスト", "xn--r8jz45g.xn--zckzah"),
        ("مثال.إختبار", "xn--mgbh0fb.xn--kgbechtv"),
        ("p\u{0430}ypal.com", "xn--pypal-4ve.com"),
    ] {
        assert_eq!(UrlUts46.to_ascii(host).as_deref(), Some(ascii), "{host}");
    }
    // CheckBidi and CheckJoiners: Latin then Hebrew in one label; a ZWJ without a virama.
    assert_eq!(UrlUts46.to_ascii("a\u{05D0}.de"), None);
    assert_eq!(UrlUts46.to_ascii("a\u{200D}b.de"), None);
}

#[wasm_bindgen_test]
fn the_core_with_the_browser_mapper_applies_every_rule() {
    use complaint_portal::platform::idna::UrlUts46;
    use portal_core::domain::{normalise, DomainError, Script};

    let ok = |entry: &str| normalise(entry, &UrlUts46).unwrap_or_else(|error| panic!("{entry}: {error:?}"));
    let refused = |entry: &str| normalise(entry, &UrlUts46).map(|ok| ok.domain).unwrap_err();

    let url = ok("https://Bücher.de:443/x?y");
    assert_eq!((url.domain.unicode.as_str(), url.domain.ascii.as_str()), ("bücher.de", "xn--bcher-kva.de"));
    assert!(url.from_url);
    assert_eq!(ok("faß.de").domain.unicode, "faß.de");
    assert_eq!(ok("xn--bcher-kva.de").domain.unicode, "bücher.de");
    assert_eq!(ok("a--b.de").domain.ascii, "a--b.de");
    assert_eq!(ok("p\u{0430}ypal.com").mixed_scripts, Some(vec![Script::Latin, Script::Cyrillic]));
    assert_eq!(ok("例え.テスト").mixed_scripts, None);

    // What the URL parser lets through, the core refuses, with the same reasons as natively.
    assert_eq!(refused("ab--c.de"), DomainError::HyphenReserved);
    assert_eq!(refused("-a.de"), DomainError::Hyphen);
    assert_eq!(refused("_dmarc.example.com"), DomainError::BadCharacter('_'));
    assert_eq!(refused("a..b"), DomainError::EmptyLabel);
    assert_eq!(refused(&format!("{}.de", "a".repeat(64))), DomainError::LabelTooLong);
    assert_eq!(refused("example.123"), DomainError::NumericTld);
    assert_eq!(refused("0x7f.1"), DomainError::IpLiteral);
    assert_eq!(refused("[2001:db8::1]"), DomainError::IpLiteral);
    assert_eq!(refused("a\u{05D0}.de"), DomainError::Bidi);
    assert_eq!(refused("a\u{200D}b.de"), DomainError::Joiner);
    assert_eq!(refused("xn--zz.de"), DomainError::BadPunycode);
}

#[wasm_bindgen_test]
async fn a_spam_message_round_trips_through_indexeddb_byte_for_byte() {
    use complaint_portal::platform::message_store::{self, StoredMessage};
    use portal_core::spam::MessageSource;
    // Every byte value, CR and LF included, and more than localStorage would take in one item.
    let bytes: Vec<u8> = (0..6 * 1024 * 1024).map(|i: u32| (i % 251) as u8).collect();
    let message = StoredMessage { bytes, source: MessageSource::File, file_name: Some("spam ä.eml".into()) };
    assert!(message_store::save(&message).await, "IndexedDB refused the message");
    assert_eq!(message_store::load().await, Some(message.clone()));

    let pasted = StoredMessage { bytes: b"Received: x\n\nhi".to_vec(), source: MessageSource::Paste, file_name: None };
    assert!(message_store::save(&pasted).await);
    assert_eq!(message_store::load().await, Some(pasted), "one message at a time: the new one replaces the old");

    assert!(message_store::delete().await);
    assert_eq!(message_store::load().await, None);
}
