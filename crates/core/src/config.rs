//! The operator's `config.json` (§8): parsed strictly, every field defaulted to the procedure.
//!
//! A config that is present but wrong is an error naming the field: the portal must never send
//! to a guessed address. Unknown fields are errors too, so a typo cannot silently fall back to a
//! default.

mod read;

use crate::form::Kind;
use crate::i18n::Locale;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub organisation: Organisation,
    pub phone: Option<String>,
    pub fax: Option<String>,
    pub channels: Channels,
    pub submission_format: SubmissionFormat,
    pub deadline_rule: DeadlineRule,
    /// German state code (ISO 3166-2:DE without the prefix), for its public holidays.
    pub state: String,
    pub limits: Limits,
    pub languages: Vec<Locale>,
    pub privacy_notice_url: Option<String>,
    pub customer_account: Option<CustomerAccountRule>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organisation {
    pub name: String,
    pub department: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub country: String,
}

/// Where each kind of request goes. The mailbox is always needed: it is the fallback.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Channels {
    pub service_complaint: Channel,
    pub abuse_report: Channel,
    pub spam_complaint: Channel,
    pub escalation: Channel,
    pub feedback: Channel,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Channel {
    pub mailbox: String,
    pub endpoint: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SubmissionFormat {
    #[default]
    Json,
    Multipart,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DeadlineRule {
    /// Monday to Saturday except public holidays (§ 3 Abs. 2 BUrlG).
    #[default]
    Werktage,
    /// Monday to Friday except public holidays.
    Arbeitstage,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    pub spam_message_bytes: u64,
    pub evidence_files: u32,
    pub evidence_file_bytes: u64,
    pub send_timeout_ms: u32,
    pub send_attempts: u32,
}

/// The operator's customer account format: a pattern (see [`crate::pattern`]) and an example to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerAccountRule {
    pub pattern: String,
    pub example: String,
}

impl CustomerAccountRule {
    pub fn matches(&self, account: &str) -> bool {
        crate::pattern::Pattern::new(&self.pattern).is_ok_and(|pattern| pattern.matches(account))
    }
}

impl Config {
    /// The sentence that names the deadline rule in use; the UI always shows it (§3).
    pub fn rule_text(&self, locale: crate::i18n::Locale) -> String {
        let msg = match self.deadline_rule {
            DeadlineRule::Werktage => crate::i18n::Msg::RuleWerktage,
            DeadlineRule::Arbeitstage => crate::i18n::Msg::RuleArbeitstage,
        };
        msg.format(locale, &[("state", &self.state)])
    }
}

impl Default for Config {
    fn default() -> Config {
        Config {
            organisation: Organisation::default(),
            phone: Some("+49 6894 9396850".into()),
            fax: Some("+49 6894 9396851".into()),
            channels: Channels::default(),
            submission_format: SubmissionFormat::Json,
            deadline_rule: DeadlineRule::Werktage,
            state: "SL".into(),
            limits: Limits::default(),
            languages: Locale::ALL.to_vec(),
            privacy_notice_url: None,
            customer_account: None,
        }
    }
}

impl Default for Organisation {
    fn default() -> Organisation {
        Organisation {
            name: "Key-Systems GmbH".into(),
            department: "Kundenservice / Abt. Domain-Missbrauch".into(),
            street: "Kaiserstraße 172-174".into(),
            postal_code: "66386".into(),
            city: "St. Ingbert".into(),
            country: "Deutschland".into(),
        }
    }
}

impl Default for Channels {
    /// Mailboxes on the reserved `example.org` until an operator sets real ones; no endpoints.
    fn default() -> Channels {
        let mailbox = |local: &str| Channel { mailbox: format!("{local}@example.org"), endpoint: None };
        Channels {
            service_complaint: mailbox("complaints"),
            abuse_report: mailbox("abuse"),
            spam_complaint: mailbox("abuse"),
            escalation: mailbox("escalation"),
            feedback: mailbox("feedback"),
        }
    }
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            spam_message_bytes: 10 * 1024 * 1024,
            evidence_files: 5,
            evidence_file_bytes: 5 * 1024 * 1024,
            send_timeout_ms: 15_000,
            send_attempts: 3,
        }
    }
}

/// Public-holiday states of Germany (ISO 3166-2:DE subdivision codes).
pub const STATES: [&str; 16] =
    ["BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV", "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH"];

/// A config that must not be used, with the dotted path of the offending field.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ConfigError {
    pub field: String,
    pub message: String,
}

impl ConfigError {
    fn new(field: impl Into<String>, message: impl Into<String>) -> ConfigError {
        ConfigError { field: field.into(), message: message.into() }
    }
}

impl Config {
    /// Parses and checks a `config.json`. Fields left out take the defaults.
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        let document: serde_json::Value = serde_json::from_str(text)
            .map_err(|error| ConfigError::new("(top level)", format!("not valid JSON: {error}")))?;
        let config = read::config(&document)?;
        config.check()?;
        Ok(config)
    }

    pub fn channel(&self, kind: Kind) -> &Channel {
        match kind {
            Kind::ServiceComplaint => &self.channels.service_complaint,
            Kind::AbuseReport => &self.channels.abuse_report,
            Kind::SpamComplaint => &self.channels.spam_complaint,
            Kind::Escalation => &self.channels.escalation,
            Kind::Feedback => &self.channels.feedback,
        }
    }

    /// The rules about values: addresses, URLs, states, limits, the account pattern.
    pub fn check(&self) -> Result<(), ConfigError> {
        for kind in Kind::ALL {
            let channel = self.channel(kind);
            let at = format!("channels.{}", kind.slug());
            // The operator's own address: checked without Unicode tables, so this parses in the browser.
            crate::email::normalise(&channel.mailbox, &crate::domain::PunycodeOnly).map_err(|_| {
                ConfigError::new(format!("{at}.mailbox"), format!("“{}” is not an email address", channel.mailbox))
            })?;
            if let Some(endpoint) = &channel.endpoint {
                check_url(endpoint).map_err(|why| ConfigError::new(format!("{at}.endpoint"), why))?;
            }
        }
        if let Some(url) = &self.privacy_notice_url {
            check_url(url).map_err(|why| ConfigError::new("privacy_notice_url", why))?;
        }
        if !STATES.contains(&self.state.as_str()) {
            return Err(ConfigError::new(
                "state",
                format!("“{}” is not a German state code; use one of {}", self.state, STATES.join(", ")),
            ));
        }
        if self.languages.is_empty() {
            return Err(ConfigError::new("languages", "at least one language is needed"));
        }
        let limits = &self.limits;
        for (name, value) in [
            ("spam_message_bytes", limits.spam_message_bytes),
            ("evidence_file_bytes", limits.evidence_file_bytes),
            ("send_timeout_ms", u64::from(limits.send_timeout_ms)),
            ("send_attempts", u64::from(limits.send_attempts)),
        ] {
            if value == 0 {
                return Err(ConfigError::new(format!("limits.{name}"), "must be greater than 0"));
            }
        }
        if limits.send_attempts > 10 {
            return Err(ConfigError::new(
                "limits.send_attempts",
                "at most 10 attempts; more would hammer a failing server",
            ));
        }
        if let Some(rule) = &self.customer_account {
            crate::pattern::Pattern::new(&rule.pattern).map_err(|error| {
                ConfigError::new("customer_account.pattern", format!("not a valid pattern: {error}"))
            })?;
            if !rule.matches(&rule.example) {
                return Err(ConfigError::new("customer_account.example", "the example does not match the pattern"));
            }
        }
        Ok(())
    }
}

/// Endpoints are same-origin paths (`/intake`) or HTTPS URLs; plain HTTP only on the loopback,
/// for a receiver on the operator's own machine.
fn check_url(url: &str) -> Result<(), String> {
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(format!("“{url}” contains spaces or control characters"));
    }
    if url.starts_with('/') && !url.starts_with("//") {
        return Ok(());
    }
    let rest = if let Some(rest) = url.strip_prefix("https://") {
        rest
    } else if let Some(rest) = url.strip_prefix("http://") {
        let host = rest.split(['/', ':']).next().unwrap_or("");
        let loopback = matches!(host, "127.0.0.1" | "localhost") || rest.starts_with("[::1]");
        if !loopback {
            return Err(format!("“{url}” uses plain http; use https (http only for 127.0.0.1 or localhost)"));
        }
        rest
    } else {
        return Err(format!("“{url}” must start with https:// or with / for a path on this site"));
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() || authority.contains('@') {
        return Err(format!("“{url}” has no host, or has credentials in it"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_field(json: &str) -> String {
        Config::from_json(json).unwrap_err().field
    }

    #[test]
    fn an_empty_object_gives_the_procedure_defaults() {
        let config = Config::from_json("{}").unwrap();
        assert_eq!(config, Config::default());
        assert_eq!(config.channel(Kind::SpamComplaint).mailbox, "abuse@example.org");
        assert_eq!(config.organisation.city, "St. Ingbert");
    }

    #[test]
    fn a_partial_config_keeps_the_other_defaults() {
        let config = Config::from_json(r#"{"channels": {"service_complaint": {"mailbox": "support@registrar.example", "endpoint": "/api/complaints"}}, "deadline_rule": "arbeitstage"}"#).unwrap();
        assert_eq!(config.channels.service_complaint.endpoint.as_deref(), Some("/api/complaints"));
        assert_eq!(config.channels.abuse_report.mailbox, "abuse@example.org");
        assert_eq!(config.deadline_rule, DeadlineRule::Arbeitstage);
    }

    #[test]
    fn every_bad_field_is_named() {
        let cases = [
            (r#"{"channels": {"escalation": {"mailbox": "not-an-address"}}}"#, "channels.escalation.mailbox"),
            (
                r#"{"channels": {"feedback": {"mailbox": "f@example.org", "endpoint": "ftp://x"}}}"#,
                "channels.feedback.endpoint",
            ),
            (
                r#"{"channels": {"feedback": {"mailbox": "f@example.org", "endpoint": "http://intake.example.org/"}}}"#,
                "channels.feedback.endpoint",
            ),
            (
                r#"{"channels": {"feedback": {"mailbox": "f@example.org", "endpoint": "https://user:pw@x.org/"}}}"#,
                "channels.feedback.endpoint",
            ),
            (r#"{"channels": {"feedback": {"endpoint": "/x"}}}"#, "channels.feedback"),
            (r#"{"channels": {"service_complaint": {"mailbox": 42}}}"#, "channels.service_complaint.mailbox"),
            (r#"{"state": "XX"}"#, "state"),
            (r#"{"deadline_rule": "weekdays"}"#, "deadline_rule"),
            (r#"{"limits": {"send_attempts": 0}}"#, "limits.send_attempts"),
            (r#"{"limits": {"spam_message_bytes": -1}}"#, "limits.spam_message_bytes"),
            (r#"{"languages": []}"#, "languages"),
            (r#"{"languages": ["fr"]}"#, "languages[0]"),
            (r#"{"organisation": {"nmae": "typo"}}"#, "organisation.nmae"),
            (r#"{"mailbox": "x@example.org"}"#, "mailbox"),
            (r#"{"privacy_notice_url": "javascript:alert(1)"}"#, "privacy_notice_url"),
            (r#"{"customer_account": {"pattern": "([", "example": "x"}}"#, "customer_account.pattern"),
            (r#"{"customer_account": {"pattern": "^K\\d+$", "example": "x"}}"#, "customer_account.example"),
            (r#"[1, 2]"#, "(top level)"),
            (r#"{"state": "SL""#, "(top level)"),
        ];
        for (json, field) in cases {
            assert_eq!(error_field(json), field, "{json}");
        }
    }

    #[test]
    fn messages_say_what_was_expected() {
        let message = |json: &str| Config::from_json(json).unwrap_err().message;
        assert_eq!(message(r#"{"phone": 42}"#), "expected a string, found a number");
        assert!(message(r#"{"limits": {"retries": 3}}"#).contains("send_attempts"));
        assert!(message(r#"{"channels": {"feedback": {}}}"#).starts_with("the mailbox is missing"));
        assert_eq!(message(r#"{"deadline_rule": "weekdays"}"#), "“weekdays” is not one of werktage, arbeitstage");
        assert!(message(r#"{"state": "SL""#).starts_with("not valid JSON: EOF while parsing"));
    }

    #[test]
    fn loopback_http_and_https_endpoints_are_accepted() {
        for endpoint in [
            "https://intake.example.org/complaints",
            "http://127.0.0.1:8080/intake",
            "http://localhost/x",
            "/api/intake",
        ] {
            let json =
                format!(r#"{{"channels": {{"feedback": {{"mailbox": "f@example.org", "endpoint": "{endpoint}"}}}}}}"#);
            assert!(Config::from_json(&json).is_ok(), "{endpoint}");
        }
    }

    /// The two complete examples of docs/config.md, read from the files the docs point at.
    const MAILBOXES_ONLY: &str = include_str!("../../../docs/examples/mailboxes-only.json");
    const ENDPOINT_PER_KIND: &str = include_str!("../../../docs/examples/endpoint-per-kind.json");

    #[test]
    fn the_reference_shows_the_example_files_as_they_are() {
        let reference = include_str!("../../../docs/config.md");
        for example in [MAILBOXES_ONLY, ENDPOINT_PER_KIND] {
            assert!(reference.contains(example.trim()), "docs/config.md does not show:\n{example}");
        }
    }

    #[test]
    fn the_documented_examples_parse_to_what_the_docs_say() {
        let mailboxes = Config::from_json(MAILBOXES_ONLY).unwrap();
        assert!(Kind::ALL.iter().all(|&kind| mailboxes.channel(kind).endpoint.is_none()));
        assert_eq!(mailboxes.channel(Kind::Escalation).mailbox, "eskalation@registrar.example");
        assert_eq!(mailboxes.fax, None);
        assert_eq!(mailboxes.limits, Limits::default());
        assert!(mailboxes.customer_account.as_ref().is_some_and(|rule| rule.matches("K-654321")));

        let endpoints = Config::from_json(ENDPOINT_PER_KIND).unwrap();
        assert!(Kind::ALL.iter().all(|&kind| endpoints.channel(kind).endpoint.is_some()));
        assert_eq!(
            endpoints.channel(Kind::SpamComplaint).endpoint.as_deref(),
            Some("https://intake.registrar.example/spam")
        );
        assert_eq!(endpoints.submission_format, SubmissionFormat::Multipart);
        assert_eq!(endpoints.deadline_rule, DeadlineRule::Arbeitstage);
        assert_eq!(endpoints.state, "BY");
        assert_eq!(endpoints.limits.send_attempts, 4);
        assert_eq!(endpoints.privacy_notice_url.as_deref(), Some("/datenschutz.html"));
    }

    /// The keys of the object at `path` (dotted) in `document`.
    fn keys_at<'d>(document: &'d serde_json::Value, path: &[&str]) -> Vec<&'d str> {
        let object = path.iter().fold(document, |value, key| &value[*key]);
        object.as_object().map(|fields| fields.keys().map(String::as_str).collect()).unwrap_or_default()
    }

    #[test]
    fn the_endpoint_example_uses_every_field_the_reader_knows() {
        let document: serde_json::Value = serde_json::from_str(ENDPOINT_PER_KIND).unwrap();
        fn sorted(mut names: Vec<&str>) -> Vec<&str> {
            names.sort_unstable();
            names
        }
        let expect = |path: &[&str], known: &[&str]| {
            assert_eq!(sorted(keys_at(&document, path)), sorted(known.to_vec()), "fields of {path:?}");
        };
        expect(&[], read::TOP_FIELDS);
        expect(&["organisation"], read::ORGANISATION_FIELDS);
        expect(&["channels"], read::CHANNELS_FIELDS);
        for kind in read::CHANNELS_FIELDS {
            expect(&["channels", kind], read::CHANNEL_FIELDS);
        }
        expect(&["limits"], read::LIMITS_FIELDS);
        expect(&["customer_account"], read::CUSTOMER_ACCOUNT_FIELDS);
    }

    /// Every field and every object of the complete example, with a value of the wrong type in
    /// its place (no field takes `true`), must be refused with an error naming exactly that path.
    #[test]
    fn a_wrong_type_anywhere_is_named_by_its_dotted_path() {
        fn paths(value: &serde_json::Value, path: String, out: &mut Vec<String>) {
            match value {
                serde_json::Value::Object(fields) => {
                    for (key, field) in fields {
                        paths(field, if path.is_empty() { key.clone() } else { format!("{path}.{key}") }, out);
                    }
                }
                serde_json::Value::Array(items) => {
                    for (index, item) in items.iter().enumerate() {
                        paths(item, format!("{path}[{index}]"), out);
                    }
                }
                _ => {}
            }
            if !path.is_empty() {
                out.push(path);
            }
        }
        fn replace(value: &mut serde_json::Value, path: &str) {
            let mut slot = value;
            for step in path.split('.') {
                let (key, index) = match step.split_once('[') {
                    Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
                    None => (step, None),
                };
                slot = &mut slot[key];
                if let Some(index) = index {
                    slot = &mut slot[index];
                }
            }
            *slot = serde_json::Value::Bool(true);
        }
        let document: serde_json::Value = serde_json::from_str(ENDPOINT_PER_KIND).unwrap();
        let mut all = Vec::new();
        paths(&document, String::new(), &mut all);
        assert!(all.len() > 30, "{all:?}");
        for path in all {
            let mut broken = document.clone();
            replace(&mut broken, &path);
            let error = Config::from_json(&broken.to_string()).unwrap_err();
            assert_eq!(error.field, path, "{error}");
            assert!(
                error.message.starts_with("expected ") && error.message.ends_with("found true or false"),
                "{error}"
            );
        }
    }

    /// Values of the right type that the rules refuse: at least one case for every field of the
    /// config, each error naming the field's dotted path.
    #[test]
    fn every_field_has_an_invalid_value_that_is_named() {
        let cases = [
            (r#"{"organisation": "Beispiel GmbH"}"#, "organisation"),
            (r#"{"organisation": {"name": null}}"#, "organisation.name"),
            (r#"{"organisation": {"department": 7}}"#, "organisation.department"),
            (r#"{"organisation": {"street": ["Hauptstraße 1"]}}"#, "organisation.street"),
            (r#"{"organisation": {"postal_code": 66111}}"#, "organisation.postal_code"),
            (r#"{"organisation": {"city": {}}}"#, "organisation.city"),
            (r#"{"organisation": {"country": false}}"#, "organisation.country"),
            (r#"{"phone": 6811234560}"#, "phone"),
            (r#"{"fax": ["+49"]}"#, "fax"),
            (r#"{"channels": []}"#, "channels"),
            (r#"{"channels": {"complaints": {"mailbox": "c@example.org"}}}"#, "channels.complaints"),
            (r#"{"channels": {"service_complaint": "c@example.org"}}"#, "channels.service_complaint"),
            (
                r#"{"channels": {"service_complaint": {"mailbox": "c@@example.org"}}}"#,
                "channels.service_complaint.mailbox",
            ),
            (r#"{"channels": {"abuse_report": {"mailbox": "abuse"}}}"#, "channels.abuse_report.mailbox"),
            (r#"{"channels": {"spam_complaint": {"mailbox": "a b@example.org"}}}"#, "channels.spam_complaint.mailbox"),
            (r#"{"channels": {"escalation": {"mailbox": ""}}}"#, "channels.escalation.mailbox"),
            (r#"{"channels": {"feedback": {"mailbox": "f@example.org", "to": "x"}}}"#, "channels.feedback.to"),
            (
                r#"{"channels": {"service_complaint": {"mailbox": "c@example.org", "endpoint": "//evil.example/x"}}}"#,
                "channels.service_complaint.endpoint",
            ),
            (
                r#"{"channels": {"abuse_report": {"mailbox": "a@example.org", "endpoint": "api/abuse"}}}"#,
                "channels.abuse_report.endpoint",
            ),
            (
                r#"{"channels": {"spam_complaint": {"mailbox": "a@example.org", "endpoint": "https:///spam"}}}"#,
                "channels.spam_complaint.endpoint",
            ),
            (
                r#"{"channels": {"escalation": {"mailbox": "e@example.org", "endpoint": "/api/x y"}}}"#,
                "channels.escalation.endpoint",
            ),
            (
                r#"{"channels": {"feedback": {"mailbox": "f@example.org", "endpoint": "http://10.0.0.1/f"}}}"#,
                "channels.feedback.endpoint",
            ),
            (r#"{"submission_format": "form-data"}"#, "submission_format"),
            (r#"{"submission_format": null}"#, "submission_format"),
            (r#"{"deadline_rule": "Werktage"}"#, "deadline_rule"),
            (r#"{"state": "sl"}"#, "state"),
            (r#"{"state": "DE-SL"}"#, "state"),
            (r#"{"limits": 10}"#, "limits"),
            (r#"{"limits": {"spam_message_bytes": 0}}"#, "limits.spam_message_bytes"),
            (r#"{"limits": {"evidence_files": 4294967296}}"#, "limits.evidence_files"),
            (r#"{"limits": {"evidence_files": 2.5}}"#, "limits.evidence_files"),
            (r#"{"limits": {"evidence_file_bytes": 0}}"#, "limits.evidence_file_bytes"),
            (r#"{"limits": {"send_timeout_ms": 0}}"#, "limits.send_timeout_ms"),
            (r#"{"limits": {"send_timeout_ms": "15s"}}"#, "limits.send_timeout_ms"),
            (r#"{"limits": {"send_attempts": 11}}"#, "limits.send_attempts"),
            (r#"{"languages": "de"}"#, "languages"),
            (r#"{"languages": ["de", "EN"]}"#, "languages[1]"),
            (r#"{"privacy_notice_url": "http://registrar.example/datenschutz"}"#, "privacy_notice_url"),
            (r#"{"privacy_notice_url": "datenschutz.html"}"#, "privacy_notice_url"),
            (r#"{"customer_account": "K-\\d{6}"}"#, "customer_account"),
            (r#"{"customer_account": {"pattern": "K-\\d{6}"}}"#, "customer_account"),
            (
                r#"{"customer_account": {"pattern": "K-\\d{6}", "example": "K-1", "hint": "x"}}"#,
                "customer_account.hint",
            ),
            (r#"{"customer_account": {"pattern": "K-\\d{6", "example": "K-123456"}}"#, "customer_account.pattern"),
            (r#"{"customer_account": {"pattern": "K-\\d{6}", "example": "K-12345"}}"#, "customer_account.example"),
        ];
        for (json, field) in cases {
            match Config::from_json(json) {
                Ok(_) => panic!("accepted: {json}"),
                Err(error) => {
                    assert_eq!(error.field, field, "{json}: {error}");
                    assert!(!error.message.is_empty(), "{json}");
                }
            }
        }
    }
}
