//! Validation of every form (§4): one pure function from a draft to either a validated
//! request or the list of problems, each naming its field and saying how to fix it.

use crate::config::Config;
use crate::domain::{self, DomainName};
use crate::email::{self, EmailError};
use crate::form::{Draft, Field, Kind, Need};
use crate::i18n::{Locale, Msg};
use crate::submission::Complainant;

/// One thing wrong with one field, already worded in the page's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub message: String,
}

/// A draft that passed validation: normalised values, ready to become a submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Validated {
    pub kind: Kind,
    pub complainant: Complainant,
    pub domains: Vec<DomainName>,
    /// The complainant's own summary line, if they gave one.
    pub summary: Option<String>,
    pub description: String,
    /// Things worth telling the complainant that are not errors (a URL reduced to its host).
    pub notes: Vec<String>,
}

/// At most this many domains in one request: more is almost certainly a paste gone wrong.
pub const MAX_DOMAINS: usize = 100;

pub fn validate(kind: Kind, draft: &Draft, config: &Config, locale: Locale) -> Result<Validated, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut text = |field: Field| -> Option<String> {
        let need = kind.need(field)?;
        let raw = draft.get(field);
        let value = raw.trim();
        if value.is_empty() {
            if need == Need::Required {
                problems.push(Problem { field, message: missing(field).text(locale).to_owned() });
            }
            return None;
        }
        let len = value.chars().count();
        if len > field.max_chars() {
            let message =
                Msg::TextTooLong.format(locale, &[("max", &field.max_chars().to_string()), ("len", &len.to_string())]);
            problems.push(Problem { field, message });
            return None;
        }
        let multi_line = matches!(field.control(), crate::form::Control::TextArea { .. });
        if value.chars().any(|c| is_forbidden_control(c, multi_line)) {
            problems.push(Problem { field, message: Msg::ControlCharacters.text(locale).to_owned() });
            return None;
        }
        Some(value.to_owned())
    };

    let name = text(Field::Name);
    let email = text(Field::Email);
    let phone = text(Field::Phone);
    let customer_account = text(Field::CustomerAccount);
    let domains_raw = text(Field::Domains);
    let summary = text(Field::Subject);
    let description = text(Field::Description);

    let email = email.and_then(|address| match email::normalise(&address) {
        Ok(normalised) => Some(normalised),
        Err(error) => {
            problems.push(Problem { field: Field::Email, message: email_message(&error, locale) });
            None
        }
    });
    if let Some(phone) = &phone {
        if let Err(message) = check_phone(phone, locale) {
            problems.push(Problem { field: Field::Phone, message });
        }
    }
    if let (Some(account), Some(rule)) = (&customer_account, &config.customer_account) {
        if !rule.matches(account) {
            let message = Msg::CustomerAccountInvalid.format(locale, &[("example", &rule.example)]);
            problems.push(Problem { field: Field::CustomerAccount, message });
        }
    }
    let mut domains: Vec<DomainName> = Vec::new();
    for entry in domains_raw.as_deref().map(domain::split_list).into_iter().flatten() {
        match domain::normalise(entry) {
            Ok(parsed) => {
                if parsed.from_url {
                    notes
                        .push(Msg::DomainFromUrl.format(locale, &[("entry", entry), ("host", &parsed.domain.unicode)]));
                }
                if !domains.iter().any(|known| known.ascii == parsed.domain.ascii) {
                    domains.push(parsed.domain);
                }
            }
            Err(error) => problems.push(Problem {
                field: Field::Domains,
                message: Msg::DomainsInvalid.format(locale, &[("entry", entry), ("reason", &error.reason(locale))]),
            }),
        }
    }
    if domains.len() > MAX_DOMAINS {
        problems.push(Problem {
            field: Field::Domains,
            message: Msg::DomainsTooMany.format(locale, &[("max", &MAX_DOMAINS.to_string())]),
        });
    }

    // Problems come in the order of the form, so the summary reads top to bottom.
    problems.sort_by_key(|problem| kind.fields().iter().position(|(field, _)| *field == problem.field));
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Validated {
        kind,
        complainant: Complainant { name, email, phone, customer_account },
        domains,
        summary,
        description: description.unwrap_or_default(),
        notes,
    })
}

fn missing(field: Field) -> Msg {
    match field {
        Field::Name => Msg::NameMissing,
        Field::Email => Msg::EmailMissing,
        Field::Description => Msg::DescriptionMissing,
        // Only the fields above are ever required; a new required field gets its own message.
        Field::Phone | Field::CustomerAccount | Field::Domains | Field::Subject => Msg::DescriptionMissing,
    }
}

/// CR and LF are allowed only where the control is multi-line; NUL and the rest never.
fn is_forbidden_control(c: char, multi_line: bool) -> bool {
    c.is_control() && !(multi_line && matches!(c, '\n' | '\r' | '\t'))
}

fn email_message(error: &EmailError, locale: Locale) -> String {
    match error {
        EmailError::NoAt => Msg::EmailNoAt.text(locale).to_owned(),
        EmailError::BadLocal => Msg::EmailBadLocal.text(locale).to_owned(),
        EmailError::BadDomain(reason) => Msg::EmailBadDomain.format(locale, &[("reason", &reason.reason(locale))]),
    }
}

/// Lenient international numbers: digits with the usual separators, one leading `+`.
fn check_phone(phone: &str, locale: Locale) -> Result<(), String> {
    let body = phone.strip_prefix('+').unwrap_or(phone);
    if !body.chars().all(|c| c.is_ascii_digit() || " -/().".contains(c)) {
        return Err(Msg::PhoneInvalid.text(locale).to_owned());
    }
    let digits = body.chars().filter(char::is_ascii_digit).count();
    if !(6..=20).contains(&digits) {
        return Err(Msg::PhoneDigits.format(locale, &[("count", &digits.to_string())]));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(values: &[(Field, &str)]) -> Draft {
        let mut draft = Draft::new(Kind::ServiceComplaint);
        for (field, value) in values {
            draft.set(*field, *value);
        }
        draft
    }

    fn complete() -> Draft {
        draft(&[
            (Field::Name, "  Anna Muster "),
            (Field::Email, "anna@Example.DE"),
            (Field::Description, "Mein Transfer hängt seit drei Wochen."),
        ])
    }

    fn problems_of(draft: &Draft, locale: Locale) -> Vec<(Field, String)> {
        match validate(Kind::ServiceComplaint, draft, &Config::default(), locale) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.into_iter().map(|p| (p.field, p.message)).collect(),
        }
    }

    #[test]
    fn a_complete_draft_is_normalised() {
        let valid = validate(Kind::ServiceComplaint, &complete(), &Config::default(), Locale::De).unwrap();
        assert_eq!(valid.complainant.name.as_deref(), Some("Anna Muster"));
        assert_eq!(valid.complainant.email.as_deref(), Some("anna@example.de"));
        assert_eq!(valid.complainant.phone, None);
        assert!(valid.domains.is_empty());
    }

    #[test]
    fn every_missing_required_field_is_reported_in_form_order() {
        let problems = problems_of(&Draft::new(Kind::ServiceComplaint), Locale::En);
        let fields: Vec<Field> = problems.iter().map(|(field, _)| *field).collect();
        assert_eq!(fields, vec![Field::Name, Field::Email, Field::Description]);
        assert_eq!(problems[0].1, "Enter your name.");
        assert!(problems_of(&Draft::new(Kind::ServiceComplaint), Locale::De)[1].1.contains("E-Mail-Adresse"));
    }

    #[test]
    fn whitespace_only_counts_as_missing() {
        let mut d = complete();
        d.set(Field::Name, " \n\t ");
        assert_eq!(problems_of(&d, Locale::En), vec![(Field::Name, "Enter your name.".into())]);
    }

    #[test]
    fn email_errors_are_specific() {
        for (input, expected) in [
            ("anna.example.de", "needs an @"),
            ("an na@example.de", "before the @"),
            ("anna@example", "ending is missing"),
            ("anna@192.0.2.1", "IP address"),
        ] {
            let mut d = complete();
            d.set(Field::Email, input);
            let problems = problems_of(&d, Locale::En);
            assert_eq!(problems.len(), 1, "{input}");
            assert!(problems[0].1.contains(expected), "{input}: {}", problems[0].1);
        }
    }

    #[test]
    fn phone_is_lenient_but_not_careless() {
        for ok in ["+49 6894 93 96 850", "06894/939685-0", "(0)6894.939", "+1 (555) 010-9999"] {
            let mut d = complete();
            d.set(Field::Phone, ok);
            assert_eq!(problems_of(&d, Locale::En), vec![], "{ok}");
        }
        for (bad, expected) in
            [("12345", "yours has 5"), ("+49 abc 123456", "made of digits"), ("49+123456", "made of digits")]
        {
            let mut d = complete();
            d.set(Field::Phone, bad);
            let problems = problems_of(&d, Locale::En);
            assert!(problems[0].1.contains(expected), "{bad}: {problems:?}");
        }
    }

    #[test]
    fn single_line_fields_refuse_line_breaks_and_nul() {
        for (field, value) in [(Field::Name, "Anna\r\nBcc: evil@example.com"), (Field::Subject, "a\0b")] {
            let mut d = complete();
            d.set(field, value);
            let problems = problems_of(&d, Locale::En);
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].0, field);
            assert!(problems[0].1.contains("control characters"));
        }
        let mut d = complete();
        d.set(Field::Description, "line one\r\nline two\ttabbed");
        assert_eq!(problems_of(&d, Locale::En), vec![]);
    }

    #[test]
    fn too_long_text_is_an_error_never_cut() {
        let mut d = complete();
        d.set(Field::Name, "x".repeat(201));
        let problems = problems_of(&d, Locale::En);
        assert!(problems[0].1.contains("at most 200 characters, you have 201"));
    }

    #[test]
    fn domains_are_normalised_deduplicated_and_errors_name_the_entry() {
        let mut d = complete();
        d.set(Field::Domains, "Bücher.de\nxn--bcher-kva.de, https://example.org/x");
        let valid = validate(Kind::ServiceComplaint, &d, &Config::default(), Locale::En).unwrap();
        let ascii: Vec<&str> = valid.domains.iter().map(|d| d.ascii.as_str()).collect();
        assert_eq!(ascii, vec!["xn--bcher-kva.de", "example.org"]);
        assert_eq!(valid.notes.len(), 1);
        assert!(valid.notes[0].contains("example.org"));

        d.set(Field::Domains, "good.de 10.0.0.1 bad_one.de");
        let problems = problems_of(&d, Locale::En);
        assert_eq!(problems.len(), 2);
        assert!(problems[0].1.starts_with("“10.0.0.1” is not a valid domain"));
        assert!(problems[1].1.contains("“bad_one.de”") && problems[1].1.contains("“_”"));
    }

    #[test]
    fn customer_account_follows_the_operator_rule() {
        let config: Config =
            Config::from_json(r#"{"customer_account": {"pattern": "^K-[0-9]{6}$", "example": "K-123456"}}"#).unwrap();
        let mut d = complete();
        d.set(Field::CustomerAccount, "K-12345");
        let problems = validate(Kind::ServiceComplaint, &d, &config, Locale::En).unwrap_err();
        assert!(problems[0].message.contains("K-123456"));
        d.set(Field::CustomerAccount, "K-123456");
        assert!(validate(Kind::ServiceComplaint, &d, &config, Locale::En).is_ok());
    }
}
