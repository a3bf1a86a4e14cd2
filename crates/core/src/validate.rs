//! Validation of every form (§4): one pure function from a draft to either a validated
//! request or the list of problems, each naming its field and saying how to fix it.

use crate::abuse::AbuseCategory;
use crate::config::Config;
use crate::domain::{self, DomainName, Uts46};
use crate::email::{self, EmailError};
use crate::form::{Draft, Field, Kind, Need};
use crate::i18n::{Locale, Msg};
use crate::submission::{Complainant, PreviousComplaint};

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
    /// Escalation only: the steps expected, the previous complaint, the reasons for continued
    /// dissatisfaction.
    pub expected_steps: Option<String>,
    pub previous_complaint: Option<PreviousComplaint>,
    pub dissatisfaction: Option<String>,
    /// Abuse report only: the category, and the full URLs among the targets (each also gave
    /// its host to `domains`).
    pub abuse_category: Option<AbuseCategory>,
    pub urls: Vec<String>,
    /// Spam complaint only: the domain or mail server complained about.
    pub spam_target: Option<crate::spam::SpamTarget>,
    /// Things worth telling the complainant that are not errors (a URL reduced to its host).
    pub notes: Vec<String>,
}

/// At most this many domains in one request: more is almost certainly a paste gone wrong.
pub const MAX_DOMAINS: usize = 100;

/// `today` is the complainant's date: an escalation's dates may not lie after it, and its window
/// is judged on it. The caller reads the clock; the core never does. `uts46` is the UTS #46
/// mapping for domains and email addresses (`domain::Uts46`): the caller supplies it, as the
/// browser and the command line each have their own.
pub fn validate(
    kind: Kind,
    draft: &Draft,
    config: &Config,
    locale: Locale,
    today: chrono::NaiveDate,
    uts46: &dyn Uts46,
) -> Result<Validated, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut notes = Vec::new();
    let mut text = |field: Field| -> Option<String> {
        let need = kind.need(field)?;
        let raw = draft.get(field);
        let value = raw.trim();
        if value.is_empty() {
            if need == Need::Required {
                problems.push(Problem { field, message: missing(kind, field).text(locale).to_owned() });
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
    let expected_steps = text(Field::ExpectedSteps);
    let previous_reference = text(Field::PreviousReference);
    let sent_on = text(Field::PreviousSentOn);
    let answered_on = text(Field::PreviousAnsweredOn);
    let dissatisfaction = text(Field::Dissatisfaction);
    let category = text(Field::AbuseCategory);
    let spam_target = text(Field::SpamTarget);
    let (previous_complaint, date_problems) = crate::escalation::check_previous(
        previous_reference,
        sent_on.as_deref(),
        answered_on.as_deref(),
        config,
        today,
        locale,
    );
    problems.extend(date_problems);

    let email = email.and_then(|address| match email::normalise(&address, uts46) {
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
    // The value comes from radio buttons; anything else is treated as no choice.
    let abuse_category = category.and_then(|slug| match AbuseCategory::from_slug(&slug) {
        Some(category) => Some(category),
        None => {
            let message = Msg::AbuseCategoryMissing.text(locale).to_owned();
            problems.push(Problem { field: Field::AbuseCategory, message });
            None
        }
    });
    let spam_target = spam_target.and_then(|input| match crate::spam::SpamTarget::parse(&input, uts46, locale) {
        Ok((target, target_notes)) => {
            notes.extend(target_notes);
            Some(target)
        }
        Err(reason) => {
            let message = Msg::SpamTargetInvalid.format(locale, &[("entry", &input), ("reason", &reason)]);
            problems.push(Problem { field: Field::SpamTarget, message });
            None
        }
    });
    let mut urls: Vec<String> = Vec::new();
    let mut domains: Vec<DomainName> = Vec::new();
    for entry in domains_raw.as_deref().map(domain::split_list).into_iter().flatten() {
        match domain::normalise(entry, uts46) {
            Ok(parsed) => {
                // An abuse report keeps the full address too: the path is what shows the abuse.
                if kind == Kind::AbuseReport && parsed.from_url && !urls.iter().any(|url| url == entry) {
                    urls.push(entry.to_owned());
                }
                // A URL's note and a mixed-script warning: shown on the check page, once each.
                for note in parsed.notes(locale) {
                    if !notes.contains(&note) {
                        notes.push(note);
                    }
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
        expected_steps,
        previous_complaint,
        dissatisfaction,
        abuse_category,
        urls,
        spam_target,
        notes,
    })
}

fn missing(kind: Kind, field: Field) -> Msg {
    match (kind, field) {
        (_, Field::Name) => Msg::NameMissing,
        (_, Field::Email) => Msg::EmailMissing,
        (Kind::Escalation, Field::Description) => Msg::ExplanationMissing,
        (Kind::Feedback, Field::Description) => Msg::MessageMissing,
        (_, Field::Description) => Msg::DescriptionMissing,
        (Kind::AbuseReport, Field::Domains) => Msg::AbuseTargetsMissing,
        (_, Field::Domains) => Msg::DomainsMissing,
        (_, Field::AbuseCategory) => Msg::AbuseCategoryMissing,
        (_, Field::ExpectedSteps) => Msg::ExpectedStepsMissing,
        (_, Field::PreviousReference) => Msg::PreviousReferenceMissing,
        (_, Field::PreviousSentOn) => Msg::PreviousSentOnMissing,
        (_, Field::PreviousAnsweredOn) => Msg::PreviousAnsweredOnMissing,
        (_, Field::Dissatisfaction) => Msg::DissatisfactionMissing,
        (_, Field::SpamTarget) => Msg::SpamTargetMissing,
        (_, Field::SpamMessage) => Msg::SpamMessageMissing,
        // Never required by any kind; a kind that requires it gets its own message.
        (_, Field::Phone | Field::CustomerAccount | Field::Subject | Field::Evidence) => Msg::DescriptionMissing,
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

    /// [`super::validate`] with the real UTS #46 mapper (the `idna` crate).
    fn validate(
        kind: Kind,
        draft: &Draft,
        config: &Config,
        locale: Locale,
        today: chrono::NaiveDate,
    ) -> Result<Validated, Vec<Problem>> {
        super::validate(kind, draft, config, locale, today, &crate::domain::testing::Idna)
    }

    /// The complainant's date in these tests.
    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 5, 20).unwrap()
    }

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
        match validate(Kind::ServiceComplaint, draft, &Config::default(), locale, today()) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.into_iter().map(|p| (p.field, p.message)).collect(),
        }
    }

    #[test]
    fn a_complete_draft_is_normalised() {
        let valid = validate(Kind::ServiceComplaint, &complete(), &Config::default(), Locale::De, today()).unwrap();
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
        let valid = validate(Kind::ServiceComplaint, &d, &Config::default(), Locale::En, today()).unwrap();
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
    fn mixed_scripts_are_a_note_and_uts46_errors_name_entry_and_reason() {
        let mut d = complete();
        d.set(Field::Domains, "p\u{0430}ypal.com faß.de p\u{0430}ypal.com");
        let valid = validate(Kind::ServiceComplaint, &d, &Config::default(), Locale::De, today()).unwrap();
        let forms: Vec<(&str, &str)> = valid.domains.iter().map(|d| (d.unicode.as_str(), d.ascii.as_str())).collect();
        assert_eq!(forms, vec![("p\u{0430}ypal.com", "xn--pypal-4ve.com"), ("faß.de", "xn--fa-hia.de")]);
        assert_eq!(valid.notes.len(), 1, "{:?}", valid.notes);
        assert!(valid.notes[0].contains("Lateinisch + Kyrillisch"));

        d.set(Field::Domains, "ab--c.de\na\u{05D0}.de\nok.de");
        for (locale, first, second) in [
            (
                Locale::En,
                "“ab--c.de” is not a valid domain: a part has hyphens",
                "“a\u{05D0}.de” is not a valid domain: it mixes right-to-left",
            ),
            (
                Locale::De,
                "„ab--c.de“ ist keine gültige Domain: ein Teil hat an dritter",
                "„a\u{05D0}.de“ ist keine gültige Domain: sie mischt Zeichen",
            ),
        ] {
            let problems = problems_of(&d, locale);
            assert_eq!(problems.len(), 2);
            assert!(problems[0].1.starts_with(first), "{}", problems[0].1);
            assert!(problems[1].1.starts_with(second), "{}", problems[1].1);
        }
    }

    #[test]
    fn customer_account_follows_the_operator_rule() {
        let config: Config =
            Config::from_json(r#"{"customer_account": {"pattern": "^K-[0-9]{6}$", "example": "K-123456"}}"#).unwrap();
        let mut d = complete();
        d.set(Field::CustomerAccount, "K-12345");
        let problems = validate(Kind::ServiceComplaint, &d, &config, Locale::En, today()).unwrap_err();
        assert!(problems[0].message.contains("K-123456"));
        d.set(Field::CustomerAccount, "K-123456");
        assert!(validate(Kind::ServiceComplaint, &d, &config, Locale::En, today()).is_ok());
    }

    fn escalation() -> Draft {
        let mut draft = Draft::new(Kind::Escalation);
        for (field, value) in [
            (Field::Name, "Anna Muster"),
            (Field::Email, "anna@example.de"),
            (Field::Domains, "bücher.de"),
            (Field::Description, "Der Transfer hängt weiter."),
            (Field::ExpectedSteps, "Transfer abschließen."),
            (Field::PreviousReference, " T-1234 "),
            (Field::PreviousSentOn, "2026-04-28"),
            (Field::PreviousAnsweredOn, "2026-05-04"),
            (Field::Dissatisfaction, "Keine Lösung."),
        ] {
            draft.set(field, value);
        }
        draft
    }

    fn escalation_problems(draft: &Draft, locale: Locale, today: chrono::NaiveDate) -> Vec<(Field, String)> {
        match validate(Kind::Escalation, draft, &Config::default(), locale, today) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.into_iter().map(|p| (p.field, p.message)).collect(),
        }
    }

    #[test]
    fn a_complete_escalation_carries_the_previous_complaint() {
        let valid = validate(Kind::Escalation, &escalation(), &Config::default(), Locale::De, today()).unwrap();
        let previous = valid.previous_complaint.unwrap();
        assert_eq!(previous.reference, "T-1234");
        assert_eq!(previous.sent_on.to_string(), "2026-04-28");
        assert_eq!(previous.answered_on.to_string(), "2026-05-04");
        assert_eq!(valid.expected_steps.as_deref(), Some("Transfer abschließen."));
        assert_eq!(valid.dissatisfaction.as_deref(), Some("Keine Lösung."));
        assert_eq!(valid.domains.len(), 1);
        // A service complaint has none of these, whatever the draft holds.
        let mut other = escalation();
        other.kind = Some(Kind::ServiceComplaint);
        let valid = validate(Kind::ServiceComplaint, &other, &Config::default(), Locale::De, today()).unwrap();
        assert_eq!((valid.expected_steps, valid.previous_complaint, valid.dissatisfaction), (None, None, None));
    }

    #[test]
    fn an_empty_escalation_names_every_required_field_in_both_languages() {
        let en = escalation_problems(&Draft::new(Kind::Escalation), Locale::En, today());
        assert_eq!(
            en,
            vec![
                (Field::Name, "Enter your name.".into()),
                (Field::Email, "Enter your email address so that we can reply.".into()),
                (Field::Domains, "Enter the affected domain name(s).".into()),
                (Field::Description, "Explain your problem or complaint.".into()),
                (Field::ExpectedSteps, "Say which steps you expect from us.".into()),
                (Field::PreviousReference, "Enter the reference of your previous complaint.".into()),
                (Field::PreviousSentOn, "Enter the date you sent the previous complaint.".into()),
                (Field::PreviousAnsweredOn, "Enter the date of our answer.".into()),
                (Field::Dissatisfaction, "Say why you are still dissatisfied.".into()),
            ]
        );
        let de = escalation_problems(&Draft::new(Kind::Escalation), Locale::De, today());
        assert_eq!(de.len(), en.len());
        assert_eq!(de[2].1, "Geben Sie die betroffene(n) Domain(s) an.");
        assert_eq!(de[7].1, "Geben Sie das Datum unserer Antwort an.");
        assert!(de.iter().zip(&en).all(|(de, en)| de.0 == en.0 && de.1 != en.1));
    }

    #[test]
    fn escalation_dates_are_checked_against_today_and_each_other() {
        let mut d = escalation();
        d.set(Field::PreviousSentOn, "2026-02-30");
        assert!(escalation_problems(&d, Locale::En, today())[0].1.contains("not a real date"));

        let mut d = escalation();
        d.set(Field::PreviousAnsweredOn, "2026-05-21");
        let problems = escalation_problems(&d, Locale::En, today());
        assert_eq!(
            problems,
            vec![(Field::PreviousAnsweredOn, "The date of our answer cannot be in the future.".into())]
        );

        let mut d = escalation();
        d.set(Field::PreviousAnsweredOn, "2026-04-27");
        let problems = escalation_problems(&d, Locale::De, today());
        assert_eq!(problems.len(), 1);
        assert!(problems[0].1.contains("nicht vor dem Datum Ihrer Beschwerde (28.04.2026)"), "{problems:?}");

        // The window: answer Mon 4 May 2026 → last day Fri 29 May (Werktage, Saarland).
        let last_day = chrono::NaiveDate::from_ymd_opt(2026, 5, 29).unwrap();
        assert_eq!(escalation_problems(&escalation(), Locale::En, last_day), vec![]);
        let problems = escalation_problems(&escalation(), Locale::En, last_day.succ_opt().unwrap());
        assert_eq!(
            problems,
            vec![(
                Field::PreviousAnsweredOn,
                "The time to escalate ended on 29 May 2026. We consider the matter closed.".into()
            )]
        );
    }

    #[test]
    fn escalation_text_fields_follow_the_common_rules() {
        let mut d = escalation();
        d.set(Field::PreviousReference, "T-1\r\nBcc: x@example.com");
        d.set(Field::ExpectedSteps, "x".repeat(20_001));
        let problems = escalation_problems(&d, Locale::En, today());
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].0, Field::ExpectedSteps);
        assert!(problems[0].1.contains("at most 20000 characters"));
        assert_eq!(problems[1].0, Field::PreviousReference);
        assert!(problems[1].1.contains("control characters"));
    }

    fn abuse(values: &[(Field, &str)]) -> Draft {
        let mut draft = Draft::new(Kind::AbuseReport);
        for (field, value) in values {
            draft.set(*field, *value);
        }
        draft
    }

    fn abuse_problems(draft: &Draft, locale: Locale) -> Vec<(Field, String)> {
        match validate(Kind::AbuseReport, draft, &Config::default(), locale, today()) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.into_iter().map(|p| (p.field, p.message)).collect(),
        }
    }

    #[test]
    fn an_empty_abuse_report_names_contact_category_targets_and_description() {
        let en = abuse_problems(&Draft::new(Kind::AbuseReport), Locale::En);
        assert_eq!(
            en,
            vec![
                (Field::Email, "Enter your email address so that we can reply.".into()),
                (Field::AbuseCategory, "Choose the kind of abuse.".into()),
                (Field::Domains, "Enter at least one affected domain or address (URL).".into()),
                (Field::Description, "Describe your problem.".into()),
            ]
        );
        let de = abuse_problems(&Draft::new(Kind::AbuseReport), Locale::De);
        assert_eq!(de[1].1, "Wählen Sie die Art des Missbrauchs.");
        assert_eq!(de[2].1, "Geben Sie mindestens eine betroffene Domain oder Adresse (URL) an.");
    }

    #[test]
    fn a_spam_complaint_needs_contact_and_a_domain_or_mail_server() {
        let empty = Draft::new(Kind::SpamComplaint);
        let problems: Vec<(Field, String)> =
            validate(Kind::SpamComplaint, &empty, &Config::default(), Locale::En, today())
                .unwrap_err()
                .into_iter()
                .map(|p| (p.field, p.message))
                .collect();
        assert_eq!(
            problems,
            vec![
                (Field::Name, "Enter your name.".into()),
                (Field::Email, "Enter your email address so that we can reply.".into()),
                (Field::SpamTarget, "Enter the domain or mail server you are complaining about.".into()),
            ],
            "the message itself is checked apart from the draft"
        );
        let target = |input: &str| {
            let mut d = Draft::new(Kind::SpamComplaint);
            d.set(Field::Name, "Alice");
            d.set(Field::Email, "alice@example.de");
            d.set(Field::SpamTarget, input);
            validate(Kind::SpamComplaint, &d, &Config::default(), Locale::En, today()).map(|v| v.spam_target)
        };
        use crate::spam::SpamTarget;
        assert_eq!(target(" 203.0.113.45 ").unwrap(), Some(SpamTarget::Ip("203.0.113.45".into())));
        assert_eq!(target("[2001:DB8:0::1]").unwrap(), Some(SpamTarget::Ip("2001:db8::1".into())));
        let Some(SpamTarget::Domain(domain)) = target("https://Mail.Bücher.example/x").unwrap() else { panic!() };
        assert_eq!(domain.ascii, "mail.xn--bcher-kva.example");
        for one_host_only in ["line1 Bcc: x@evil.example", "user@evil.example", "a.example b.example"] {
            let refused = target(one_host_only).unwrap_err();
            assert!(refused[0].message.ends_with("Enter exactly one host name or IP address."), "{refused:?}");
        }
        let refused = target("not_a_host").unwrap_err();
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].field, Field::SpamTarget);
        assert!(
            refused[0].message.starts_with("“not_a_host” is neither a valid domain nor an IP address: "),
            "{refused:?}"
        );
    }

    #[test]
    fn an_abuse_report_keeps_category_hosts_and_full_urls() {
        let d = abuse(&[
            (Field::Email, "anna@example.de"),
            (Field::AbuseCategory, "phishing"),
            (
                Field::Domains,
                "https://Login.Bank-Example.de/verify?id=1
evil.example
https://login.bank-example.de/x",
            ),
            (Field::Description, "Gefälschte Anmeldeseite."),
        ]);
        let valid = validate(Kind::AbuseReport, &d, &Config::default(), Locale::En, today()).unwrap();
        assert_eq!(valid.abuse_category, Some(AbuseCategory::Phishing));
        let ascii: Vec<&str> = valid.domains.iter().map(|d| d.ascii.as_str()).collect();
        assert_eq!(ascii, vec!["login.bank-example.de", "evil.example"]);
        assert_eq!(valid.urls, vec!["https://Login.Bank-Example.de/verify?id=1", "https://login.bank-example.de/x"]);
        assert!(valid.notes.iter().any(|note| note.contains("login.bank-example.de")), "{:?}", valid.notes);
        assert_eq!(valid.complainant.name, None);

        // A category that is no option counts as no choice; a service complaint keeps no URLs.
        let mut bad = d.clone();
        bad.set(Field::AbuseCategory, "ddos");
        assert_eq!(abuse_problems(&bad, Locale::En), vec![(Field::AbuseCategory, "Choose the kind of abuse.".into())]);
        let mut service = d.clone();
        service.kind = Some(Kind::ServiceComplaint);
        service.set(Field::Name, "Anna");
        let valid = validate(Kind::ServiceComplaint, &service, &Config::default(), Locale::En, today()).unwrap();
        assert!(valid.urls.is_empty() && valid.abuse_category.is_none());
    }

    #[test]
    fn feedback_needs_only_the_message() {
        let empty = validate(Kind::Feedback, &Draft::new(Kind::Feedback), &Config::default(), Locale::En, today());
        let problems: Vec<(Field, String)> = empty.unwrap_err().into_iter().map(|p| (p.field, p.message)).collect();
        assert_eq!(problems, vec![(Field::Description, "Enter your message.".into())]);
        let de = validate(Kind::Feedback, &Draft::new(Kind::Feedback), &Config::default(), Locale::De, today());
        assert_eq!(de.unwrap_err()[0].message, "Geben Sie Ihre Nachricht ein.");

        let mut d = Draft::new(Kind::Feedback);
        d.set(Field::Description, "Bitte einen Dunkelmodus.");
        let valid = validate(Kind::Feedback, &d, &Config::default(), Locale::De, today()).unwrap();
        assert_eq!(valid.complainant, Complainant::default());
        // Contact details, when given, are still checked.
        d.set(Field::Email, "no-at-sign");
        let problems = validate(Kind::Feedback, &d, &Config::default(), Locale::En, today()).unwrap_err();
        assert_eq!(problems[0].field, Field::Email);
    }
}
