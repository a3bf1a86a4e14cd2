//! The submission document (§5): what is POSTed, mailed and downloaded.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::abuse::{AbuseCategory, EvidenceFile};
use crate::config::Config;
use crate::deadline::Deadlines;
use crate::domain::DomainName;
use crate::form::Kind;
use crate::i18n::{Locale, Msg};
use crate::spam::{Analysis, RawMessage, SpamEvidence};
use crate::validate::Validated;

/// Bumped whenever a receiver would have to change to read the document.
pub const SCHEMA_VERSION: u32 = 1;

/// The longest summary taken from a description for the subject line.
const SUMMARY_CHARS: usize = 60;

/// The submission document (§5): what is POSTed, mailed and downloaded. One schema for every
/// kind; the kind decides which optional fields are present.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// [`SCHEMA_VERSION`]: bumped whenever a receiver would have to change to read the document.
    pub schema_version: u32,
    /// UUID v4; also the `Idempotency-Key` of the POST.
    pub id: String,
    /// What the complainant sends: it decides which of the optional fields below are present.
    pub kind: Kind,
    /// RFC 3339 with the complainant's offset.
    pub created_at: DateTime<FixedOffset>,
    /// The language the complainant used the portal in; answers should use it too.
    pub locale: Locale,
    pub complainant: Complainant,
    /// The domains concerned, normalised; empty when the kind takes none.
    pub domains: Vec<DomainName>,
    /// The subject line: the kind's prefix and a summary.
    pub subject: String,
    /// The complainant's text as typed (feedback: the message; spam: the optional comments).
    pub description: String,
    /// Escalation: the steps the complainant expects from the operator. Absent for other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_steps: Option<String>,
    /// Escalation: the complaint being escalated. Absent for other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_complaint: Option<PreviousComplaint>,
    /// Escalation: the reasons for continued dissatisfaction. Absent for other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dissatisfaction: Option<String>,
    /// Abuse report: the kind of abuse. Absent for other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abuse_category: Option<AbuseCategory>,
    /// Abuse report: the full URLs given as targets (their hosts are in `domains`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub urls: Vec<String>,
    /// Spam complaint: the target, the message byte for byte, and its analysis. Absent for
    /// other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spam: Option<SpamEvidence>,
    /// Evidence files with their SHA-256 and content. Absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<EvidenceFile>,
    /// The dates promised for this request under the operator's rule (§3).
    pub deadlines: Deadlines,
    /// The portal release that built the document, `complaint-portal/<version>`.
    pub client_version: String,
}

/// The earlier complaint an escalation refers to; the dates serialise as `YYYY-MM-DD`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousComplaint {
    /// The operator's reference (ticket number) of the earlier complaint.
    pub reference: String,
    /// The day the earlier complaint was sent.
    pub sent_on: NaiveDate,
    /// The day of the operator's answer to it, which opens the escalation window.
    pub answered_on: NaiveDate,
}

/// Who complains; every field is optional (`null` when not given), which ones a kind requires
/// is the form's business.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complainant {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub customer_account: Option<String>,
}

impl Submission {
    /// Turns a validated draft into the document. `id` and `now` come from the caller so that
    /// this stays a pure function.
    pub fn build(
        validated: Validated,
        id: String,
        now: DateTime<FixedOffset>,
        locale: Locale,
        config: &Config,
    ) -> Submission {
        let prefix = subject_prefix(validated.kind, locale);
        let summary = validated
            .summary
            .as_deref()
            .map(|summary| without_prefix(summary, prefix))
            .filter(|summary| !summary.is_empty())
            .map_or_else(|| summarise(&validated.description), str::to_owned);
        // A spam complaint's comments are optional: then the subject names the target.
        let summary = match (&validated.spam_target, summary.is_empty()) {
            (Some(target), true) => target.display(),
            _ => summary,
        };
        let mut deadlines = Deadlines::for_submission(now.date_naive(), config.deadline_rule, &config.state);
        if validated.kind == Kind::Escalation {
            deadlines.final_answer =
                Some(crate::deadline::final_answer(now.date_naive(), config.deadline_rule, &config.state));
        }
        Submission {
            schema_version: SCHEMA_VERSION,
            id,
            kind: validated.kind,
            created_at: now,
            locale,
            subject: format!("{prefix} {summary}"),
            complainant: validated.complainant,
            domains: validated.domains,
            description: validated.description,
            expected_steps: validated.expected_steps,
            previous_complaint: validated.previous_complaint,
            dissatisfaction: validated.dissatisfaction,
            abuse_category: validated.abuse_category,
            urls: validated.urls,
            spam: validated.spam_target.map(|target| SpamEvidence {
                target,
                message: RawMessage::default(),
                analysis: Analysis::default(),
            }),
            evidence: Vec::new(),
            deadlines,
            client_version: crate::CLIENT_VERSION.to_owned(),
        }
    }

    /// The same submission carrying these evidence files (checked by
    /// [`crate::abuse::check_evidence`] beforehand).
    pub fn with_evidence(mut self, evidence: Vec<EvidenceFile>) -> Submission {
        self.evidence = evidence;
        self
    }

    /// The same spam complaint carrying its message and the analysis of it (checked by
    /// [`crate::spam::check_raw`] beforehand). No effect on other kinds.
    pub fn with_spam_message(mut self, message: RawMessage, analysis: Analysis) -> Submission {
        if let Some(spam) = &mut self.spam {
            spam.message = message;
            spam.analysis = analysis;
        }
        self
    }

    /// What is kept in browser storage: everything but the files' and the message's contents,
    /// which stay in memory and IndexedDB (names, sizes and hashes remain, so a changed file is
    /// a changed submission).
    pub fn for_storage(&self) -> Submission {
        let mut stored = self.clone();
        for file in &mut stored.evidence {
            file.content_base64.clear();
        }
        if let Some(spam) = &mut stored.spam {
            spam.message.content_base64.clear();
        }
        stored
    }

    /// Renders a spam complaint as a report (ARF, XARF) addressed to `to`: `render` gets the
    /// complaint's message, decoded and checked against its hash. `None` for other kinds, for a
    /// stored copy without the bytes, and without a reporter address.
    pub fn with_spam_report<T>(&self, to: &str, render: impl FnOnce(&crate::spam::SpamReport<'_>) -> T) -> Option<T> {
        let spam = self.spam.as_ref()?;
        let raw = spam.message.bytes()?;
        let reporter = crate::spam::Reporter {
            name: self.complainant.name.clone(),
            email: self.complainant.email.clone()?,
            org: None,
        };
        let details = crate::render::plain_text(self);
        Some(render(&crate::spam::SpamReport {
            raw: &raw,
            analysis: &spam.analysis,
            reporter: &reporter,
            to,
            reported_domain: spam.target.ascii(),
            now: self.created_at.to_utc(),
            id: &self.id,
            locale: self.locale,
            details: &details,
        }))
    }

    pub fn from_json(json: &str) -> Result<Submission, serde_json::Error> {
        serde_json::from_str(json)
    }

    pub fn to_json_pretty(&self) -> String {
        // Plain data with string keys: serialisation cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A short, stable reference for people: the first block of the UUID, upper case.
    pub fn short_reference(&self) -> String {
        self.id.split('-').next().unwrap_or(&self.id).to_ascii_uppercase()
    }
}

/// Every kind's subject starts with its own prefix; escalations always with "Beschwerde:",
/// in every language, because the procedure requires that word.
pub fn subject_prefix(kind: Kind, locale: Locale) -> &'static str {
    match kind {
        Kind::Escalation => "Beschwerde:",
        Kind::ServiceComplaint => Msg::SubjectPrefixServiceComplaint.text(locale),
        Kind::AbuseReport => Msg::SubjectPrefixAbuseReport.text(locale),
        Kind::SpamComplaint => Msg::SubjectPrefixSpamComplaint.text(locale),
        Kind::Feedback => Msg::SubjectPrefixFeedback.text(locale),
    }
}

/// A summary without the kind's prefix typed in front of it ("Beschwerde: Beschwerde: …" helps
/// nobody); compared ignoring case.
fn without_prefix<'a>(summary: &'a str, prefix: &str) -> &'a str {
    let mut rest = summary.trim();
    while rest.len() >= prefix.len()
        && rest.is_char_boundary(prefix.len())
        && rest[..prefix.len()].to_lowercase() == prefix.to_lowercase()
    {
        rest = rest[prefix.len()..].trim_start();
    }
    rest
}

/// The first non-empty line of the description, shortened at a word boundary.
fn summarise(description: &str) -> String {
    // A bare CR ends a line too: the subject goes into mail headers.
    let line = description.split(['\r', '\n']).map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    if line.chars().count() <= SUMMARY_CHARS {
        return line.to_owned();
    }
    let cut: String = line.chars().take(SUMMARY_CHARS).collect();
    let at_word = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", at_word.trim_end())
}

/// Formats 16 random bytes as a version 4 UUID (RFC 9562).
pub fn uuid_v4(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::config::Config;
    use crate::form::{Draft, Field};

    pub(crate) fn sample(description: &str) -> Submission {
        let mut draft = Draft::new(Kind::ServiceComplaint);
        draft.set(Field::Name, "Jörg Müller");
        draft.set(Field::Email, "joerg@example.de");
        draft.set(Field::Phone, "+49 681 123456");
        draft.set(Field::Domains, "bücher.de");
        draft.set(Field::Description, description);
        let now = DateTime::parse_from_rfc3339("2026-11-28T15:04:05+01:00").unwrap();
        let valid = crate::validate::validate(
            Kind::ServiceComplaint,
            &draft,
            &Config::default(),
            Locale::De,
            now.date_naive(),
            &crate::domain::testing::Idna,
        )
        .unwrap();
        Submission::build(valid, uuid_v4([7; 16]), now, Locale::De, &Config::default())
    }

    /// An escalation sent on Saturday 28 Nov 2026 about an answer of Monday 23 Nov.
    pub(crate) fn escalation_sample(subject: &str, locale: Locale) -> Submission {
        let mut draft = Draft::new(Kind::Escalation);
        for (field, value) in [
            (Field::Name, "Jörg Müller"),
            (Field::Email, "joerg@example.de"),
            (Field::Domains, "bücher.de"),
            (Field::Subject, subject),
            (Field::Description, "Der Transfer hängt weiter."),
            (Field::ExpectedSteps, "Transfer abschließen."),
            (Field::PreviousReference, "T-1234"),
            (Field::PreviousSentOn, "2026-11-16"),
            (Field::PreviousAnsweredOn, "2026-11-23"),
            (Field::Dissatisfaction, "Keine Lösung angeboten."),
        ] {
            draft.set(field, value);
        }
        let now = DateTime::parse_from_rfc3339("2026-11-28T15:04:05+01:00").unwrap();
        let valid = crate::validate::validate(
            Kind::Escalation,
            &draft,
            &Config::default(),
            locale,
            now.date_naive(),
            &crate::domain::testing::Idna,
        )
        .unwrap();
        Submission::build(valid, uuid_v4([7; 16]), now, locale, &Config::default())
    }

    #[test]
    fn the_json_shape_is_the_documented_one() {
        let json: serde_json::Value = serde_json::from_str(&sample("Transfer hängt.").to_json_pretty()).unwrap();
        let expected = serde_json::json!({
            "schema_version": 1,
            "id": "07070707-0707-4707-8707-070707070707",
            "kind": "service_complaint",
            "created_at": "2026-11-28T15:04:05+01:00",
            "locale": "de",
            "complainant": {"name": "Jörg Müller", "email": "joerg@example.de", "phone": "+49 681 123456", "customer_account": null},
            "domains": [{"input": "bücher.de", "unicode": "bücher.de", "ascii": "xn--bcher-kva.de"}],
            "subject": "Kundenservice-Anliegen: Transfer hängt.",
            "description": "Transfer hängt.",
            // Saturday 28 Nov 2026 + 2 Werktage: Mon 30 Nov, Tue 1 Dec; + 10: Thu 10 Dec.
            "deadlines": {"acknowledgement": "2026-12-01", "answer": "2026-12-10"},
            "client_version": crate::CLIENT_VERSION,
        });
        assert_eq!(json, expected);
    }

    #[test]
    fn an_escalation_adds_the_previous_complaint_and_the_final_answer() {
        let json: serde_json::Value =
            serde_json::from_str(&escalation_sample("", Locale::De).to_json_pretty()).unwrap();
        let expected = serde_json::json!({
            "schema_version": 1,
            "id": "07070707-0707-4707-8707-070707070707",
            "kind": "escalation",
            "created_at": "2026-11-28T15:04:05+01:00",
            "locale": "de",
            "complainant": {"name": "Jörg Müller", "email": "joerg@example.de", "phone": null, "customer_account": null},
            "domains": [{"input": "bücher.de", "unicode": "bücher.de", "ascii": "xn--bcher-kva.de"}],
            "subject": "Beschwerde: Der Transfer hängt weiter.",
            "description": "Der Transfer hängt weiter.",
            "expected_steps": "Transfer abschließen.",
            "previous_complaint": {"reference": "T-1234", "sent_on": "2026-11-16", "answered_on": "2026-11-23"},
            "dissatisfaction": "Keine Lösung angeboten.",
            // The final answer: 10 Werktage, like the answer.
            "deadlines": {"acknowledgement": "2026-12-01", "answer": "2026-12-10", "final_answer": "2026-12-10"},
            "client_version": crate::CLIENT_VERSION,
        });
        assert_eq!(json, expected);
    }

    /// A phishing report with two URLs on one host, a bare domain, and two evidence files.
    pub(crate) fn abuse_sample() -> Submission {
        let mut draft = Draft::new(Kind::AbuseReport);
        for (field, value) in [
            (Field::Email, "anna@example.de"),
            (Field::AbuseCategory, "phishing"),
            (
                Field::Domains,
                "https://login.bücher-shop.example/konto?id=7
evil.example",
            ),
            (Field::Description, "Gefälschte Anmeldeseite einer Bank."),
        ] {
            draft.set(field, value);
        }
        let now = DateTime::parse_from_rfc3339("2026-11-28T15:04:05+01:00").unwrap();
        let valid = crate::validate::validate(
            Kind::AbuseReport,
            &draft,
            &Config::default(),
            Locale::De,
            now.date_naive(),
            &crate::domain::testing::Idna,
        )
        .unwrap();
        Submission::build(valid, uuid_v4([7; 16]), now, Locale::De, &Config::default()).with_evidence(vec![
            EvidenceFile::new("seite.html", "text/html", b"<form>Passwort</form>"),
            EvidenceFile::new("bild.png", "image/png", &[0x89, b'P', b'N', b'G', 0, 0xff, 0x0d, 0x0a]),
        ])
    }

    #[test]
    fn an_abuse_report_carries_category_urls_and_evidence() {
        let json: serde_json::Value = serde_json::from_str(&abuse_sample().to_json_pretty()).unwrap();
        let expected = serde_json::json!({
            "schema_version": 1,
            "id": "07070707-0707-4707-8707-070707070707",
            "kind": "abuse_report",
            "created_at": "2026-11-28T15:04:05+01:00",
            "locale": "de",
            "complainant": {"name": null, "email": "anna@example.de", "phone": null, "customer_account": null},
            "domains": [
                {"input": "https://login.bücher-shop.example/konto?id=7", "unicode": "login.bücher-shop.example", "ascii": "login.xn--bcher-shop-9db.example"},
                {"input": "evil.example", "unicode": "evil.example", "ascii": "evil.example"},
            ],
            "subject": "Missbrauchsmeldung: Gefälschte Anmeldeseite einer Bank.",
            "description": "Gefälschte Anmeldeseite einer Bank.",
            "abuse_category": "phishing",
            "urls": ["https://login.bücher-shop.example/konto?id=7"],
            "evidence": [
                {
                    "name": "seite.html",
                    "type": "text/html",
                    "size": 21,
                    "sha256": crate::sha256::sha256_hex(b"<form>Passwort</form>"),
                    "content_base64": "PGZvcm0+UGFzc3dvcnQ8L2Zvcm0+",
                },
                {
                    "name": "bild.png",
                    "type": "image/png",
                    "size": 8,
                    "sha256": crate::sha256::sha256_hex(&[0x89, b'P', b'N', b'G', 0, 0xff, 0x0d, 0x0a]),
                    "content_base64": "iVBORwD/DQo=",
                },
            ],
            "deadlines": {"acknowledgement": "2026-12-01", "answer": "2026-12-10"},
            "client_version": crate::CLIENT_VERSION,
        });
        assert_eq!(json, expected);
        // Storage keeps names, sizes and hashes, never the bytes.
        let stored = abuse_sample().for_storage();
        assert!(stored.evidence.iter().all(|f| f.content_base64.is_empty() && f.sha256.len() == 64));
        assert_ne!(stored, abuse_sample());
        assert_eq!(stored.for_storage(), stored);
    }

    pub(crate) const SPAM_MESSAGE: &[u8] = include_bytes!("../tests/fixtures/multi-hop.eml");

    /// A spam complaint about the fixture's sender, with the message as a chosen file.
    pub(crate) fn spam_sample(target: &str) -> Submission {
        let mut draft = Draft::new(Kind::SpamComplaint);
        for (field, value) in [(Field::Name, "Alice Müller"), (Field::Email, "alice@recipient.example")] {
            draft.set(field, value);
        }
        draft.set(Field::SpamTarget, target);
        let now = DateTime::parse_from_rfc3339("2026-11-28T15:04:05+01:00").unwrap();
        let valid = crate::validate::validate(
            Kind::SpamComplaint,
            &draft,
            &Config::default(),
            Locale::En,
            now.date_naive(),
            &crate::domain::testing::Idna,
        )
        .unwrap();
        let message = RawMessage::new(crate::spam::MessageSource::File, Some("spam.eml"), SPAM_MESSAGE);
        Submission::build(valid, uuid_v4([7; 16]), now, Locale::En, &Config::default())
            .with_spam_message(message, crate::spam::analyse(SPAM_MESSAGE))
    }

    #[test]
    fn a_spam_complaint_carries_target_message_and_analysis() {
        let submission = spam_sample("Bulk-Sender.example");
        let json: serde_json::Value = serde_json::from_str(&submission.to_json_pretty()).unwrap();
        assert_eq!(json["kind"], "spam_complaint");
        assert_eq!(json["subject"], "Spam report: bulk-sender.example", "no comments: the target names it");
        assert_eq!(
            json["spam"]["target"],
            serde_json::json!({"domain": {"input": "Bulk-Sender.example", "unicode": "bulk-sender.example", "ascii": "bulk-sender.example"}})
        );
        assert_eq!(json["spam"]["message"]["source"], "file");
        assert_eq!(json["spam"]["message"]["file_name"], "spam.eml");
        assert_eq!(json["spam"]["message"]["size"], SPAM_MESSAGE.len());
        assert_eq!(json["spam"]["message"]["sha256"], crate::sha256::sha256_hex(SPAM_MESSAGE));
        assert_eq!(json["spam"]["analysis"]["source_ip"], "203.0.113.45");
        assert_eq!(json["domains"], serde_json::json!([]));
        // The exact bytes, whatever they are.
        assert_eq!(submission.spam.as_ref().unwrap().message.bytes().as_deref(), Some(SPAM_MESSAGE));
        // Storage never holds them; the hash stays.
        let stored = submission.for_storage();
        assert_eq!(stored.spam.as_ref().unwrap().message.content_base64, "");
        assert_eq!(stored.spam.as_ref().unwrap().message.bytes(), None);
        assert_eq!(stored.with_spam_report("abuse@example.org", |_| ()), None);

        let ip = spam_sample("[2001:DB8::1]");
        assert_eq!(ip.spam.as_ref().unwrap().target, crate::spam::SpamTarget::Ip("2001:db8::1".into()));
        assert_eq!(ip.subject, "Spam report: 2001:db8::1");
    }

    #[test]
    fn a_changed_message_is_not_taken_for_the_original() {
        let mut submission = spam_sample("bulk-sender.example");
        let spam = submission.spam.as_mut().unwrap();
        spam.message.content_base64 = crate::render::eml::base64(b"Received: x\r\n\r\nother");
        assert_eq!(spam.message.bytes(), None, "hash and size no longer match");
    }

    #[test]
    fn json_round_trips_and_refuses_unknown_fields() {
        for submission in [sample("x"), escalation_sample("x", Locale::En), abuse_sample(), spam_sample("203.0.113.45")]
        {
            assert_eq!(Submission::from_json(&submission.to_json_pretty()).unwrap(), submission);
            let mut value: serde_json::Value = serde_json::to_value(&submission).unwrap();
            value["surprise"] = serde_json::json!(1);
            assert!(Submission::from_json(&value.to_string()).is_err());
        }
        let mut value: serde_json::Value = serde_json::to_value(escalation_sample("x", Locale::En)).unwrap();
        value["previous_complaint"]["surprise"] = serde_json::json!(1);
        assert!(Submission::from_json(&value.to_string()).is_err(), "nested unknown fields too");
        // A document of a receiver that wrote the optional fields as null still reads.
        let mut value: serde_json::Value = serde_json::to_value(sample("x")).unwrap();
        value["previous_complaint"] = serde_json::Value::Null;
        assert_eq!(Submission::from_json(&value.to_string()).unwrap(), sample("x"));
    }

    #[test]
    fn every_escalation_subject_starts_with_beschwerde() {
        for locale in Locale::ALL {
            for typed in
                ["", "Transfer", "Beschwerde: Transfer", "beschwerde:beschwerde: x", "  BESCHWERDE:  ", "Kein Wort"]
            {
                let subject = escalation_sample(typed, locale).subject;
                assert!(subject.starts_with("Beschwerde: "), "{typed:?} → {subject:?}");
                assert!(!subject["Beschwerde:".len()..].to_lowercase().contains("beschwerde:"), "{subject:?}");
            }
        }
        assert_eq!(escalation_sample("Beschwerde: Transfer", Locale::En).subject, "Beschwerde: Transfer");
        assert_eq!(escalation_sample("  BESCHWERDE:  ", Locale::En).subject, "Beschwerde: Der Transfer hängt weiter.");
    }

    proptest::proptest! {
        #[test]
        fn every_escalation_subject_starts_with_beschwerde_whatever_was_typed(
            summary in "\\PC{0,40}",
            description in "\\PC{1,80}",
            english in proptest::bool::ANY,
        ) {
            let locale = if english { Locale::En } else { Locale::De };
            let validated = Validated {
                kind: Kind::Escalation,
                complainant: Complainant::default(),
                domains: Vec::new(),
                summary: Some(summary),
                description,
                expected_steps: None,
                previous_complaint: None,
                dissatisfaction: None,
                abuse_category: None,
                urls: Vec::new(),
                spam_target: None,
                notes: Vec::new(),
            };
            let now = DateTime::parse_from_rfc3339("2026-11-28T15:04:05+01:00").unwrap();
            let submission = Submission::build(validated, uuid_v4([1; 16]), now, locale, &Config::default());
            proptest::prop_assert!(submission.subject.starts_with("Beschwerde:"), "{:?}", submission.subject);
        }
    }

    #[test]
    fn subject_summarises_the_first_line_at_a_word_boundary() {
        let long = "Seit dem Umzug meiner Domain auf Ihren Server funktionieren die Mails nicht mehr richtig\nmehr";
        let subject = sample(long).subject;
        assert_eq!(subject, "Kundenservice-Anliegen: Seit dem Umzug meiner Domain auf Ihren Server funktionieren…");
        assert_eq!(subject_prefix(Kind::Escalation, Locale::En), "Beschwerde:");
    }

    #[test]
    fn uuids_carry_version_and_variant() {
        let id = uuid_v4([0xff; 16]);
        assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
        assert_eq!(sample("x").short_reference(), "07070707");
    }
}
