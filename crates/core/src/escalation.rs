//! The escalated complaint ("Beschwerde", §2, §3): the previous complaint's dates, the window of
//! 20 business days from the answer, and carrying an escalation that came too late into a new
//! service complaint, so nothing is typed twice (WCAG 2.2 SC 3.3.7).
//!
//! Pure like the rest of the core: "today" is always the caller's.

use chrono::NaiveDate;

use crate::config::Config;
use crate::deadline::escalation_window_end;
use crate::form::{Draft, Field, Kind};
use crate::i18n::{Locale, Msg};
use crate::submission::PreviousComplaint;
use crate::validate::Problem;

/// A date as `<input type="date">` gives it: `YYYY-MM-DD`, and a day that exists (no 31 April,
/// no 29 February outside leap years). Parsed by hand: chrono's parser would pull its format
/// interpreter into the download.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    let year = text[0..4].parse().ok()?;
    let month = text[5..7].parse().ok()?;
    let day = text[8..10].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Where an escalation stands against its window, once the date of the answer is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    /// It can still be made; `last_day` is the last day of the window (included).
    Open { last_day: NaiveDate },
    /// Too late: the window `ended` on that day, and the operator considers the matter closed.
    Closed { ended: NaiveDate },
}

impl Window {
    /// The sentence that tells the complainant where they stand, with the date in their format.
    pub fn message(self, locale: Locale) -> String {
        match self {
            Window::Open { last_day } => {
                Msg::EscalationOpenUntil.format(locale, &[("date", &locale.format_date(last_day))])
            }
            Window::Closed { ended } => Msg::EscalationClosed.format(locale, &[("date", &locale.format_date(ended))]),
        }
    }
}

/// The window of an escalation draft on `today`, under the operator's rule and state; `None`
/// while the date of the answer is missing, not a real date, or in the future.
pub fn window(draft: &Draft, config: &Config, today: NaiveDate) -> Option<Window> {
    let answered_on = parse_date(draft.get(Field::PreviousAnsweredOn).trim())?;
    window_for(answered_on, config, today)
}

fn window_for(answered_on: NaiveDate, config: &Config, today: NaiveDate) -> Option<Window> {
    if answered_on > today {
        return None;
    }
    let end = escalation_window_end(answered_on, config.deadline_rule, &config.state);
    Some(if today <= end { Window::Open { last_day: end } } else { Window::Closed { ended: end } })
}

/// The rules about the previous complaint (§2, §3), on values already trimmed and checked for
/// length and control characters: both dates real, neither in the future, the answer not before
/// the complaint, and the escalation within its window. `None` values are fields this kind does
/// not have or that are missing (already reported).
pub(crate) fn check_previous(
    reference: Option<String>,
    sent_on: Option<&str>,
    answered_on: Option<&str>,
    config: &Config,
    today: NaiveDate,
    locale: Locale,
) -> (Option<PreviousComplaint>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut date = |field: Field, raw: Option<&str>| -> Option<NaiveDate> {
        let raw = raw?;
        let parsed = parse_date(raw);
        if parsed.is_none() {
            problems.push(Problem { field, message: Msg::DateInvalid.format(locale, &[("value", raw)]) });
        }
        parsed
    };
    let sent = date(Field::PreviousSentOn, sent_on);
    let answered = date(Field::PreviousAnsweredOn, answered_on);

    if sent.is_some_and(|sent| sent > today) {
        problems.push(Problem { field: Field::PreviousSentOn, message: Msg::SentOnFuture.text(locale).to_owned() });
    }
    if let Some(answered) = answered {
        let problem = if answered > today {
            Some(Msg::AnsweredOnFuture.text(locale).to_owned())
        } else if let Some(sent) = sent.filter(|sent| answered < *sent) {
            Some(Msg::AnsweredBeforeSent.format(locale, &[("sent", &locale.format_date(sent))]))
        } else if let Some(Window::Closed { ended }) = window_for(answered, config, today) {
            Some(Window::Closed { ended }.message(locale))
        } else {
            None
        };
        if let Some(message) = problem {
            problems.push(Problem { field: Field::PreviousAnsweredOn, message });
        }
    }
    let previous = match (reference, sent, answered) {
        (Some(reference), Some(sent_on), Some(answered_on)) if problems.is_empty() => {
            Some(PreviousComplaint { reference, sent_on, answered_on })
        }
        _ => None,
    };
    (previous, problems)
}

/// An escalation that came too late, as a new service-complaint draft: the contact details,
/// domains and subject as typed, and one description that holds the explanation followed by the
/// expected steps, the facts of the previous complaint and the reasons for continued
/// dissatisfaction, each under its label. Nothing typed is left behind.
pub fn carry_over(escalation: &Draft, locale: Locale) -> Draft {
    let mut draft = Draft::new(Kind::ServiceComplaint);
    for field in [Field::Name, Field::Email, Field::Phone, Field::CustomerAccount, Field::Domains, Field::Subject] {
        draft.set(field, escalation.get(field));
    }
    let value = |field: Field| Some(escalation.get(field).trim()).filter(|value| !value.is_empty());
    let label = |field: Field| Kind::Escalation.label(field).text(locale);
    let section = |field: Field| value(field).map(|text| format!("{}:\n{text}", label(field)));

    let mut parts: Vec<String> = Vec::new();
    parts.extend(value(Field::Description).map(str::to_owned));
    parts.extend(section(Field::ExpectedSteps));
    let facts: Vec<String> = [Field::PreviousReference, Field::PreviousSentOn, Field::PreviousAnsweredOn]
        .into_iter()
        .filter_map(|field| {
            let text = value(field)?;
            let shown = match field {
                Field::PreviousSentOn | Field::PreviousAnsweredOn => {
                    parse_date(text).map_or_else(|| text.to_owned(), |date| locale.format_date(date))
                }
                _ => text.to_owned(),
            };
            Some(format!("{}: {shown}", label(field)))
        })
        .collect();
    if !facts.is_empty() {
        parts.push(format!("{}:\n{}", Msg::PreviousComplaintHeading.text(locale), facts.join("\n")));
    }
    parts.extend(section(Field::Dissatisfaction));
    draft.set(Field::Description, parts.join("\n\n"));
    draft
}

/// Puts a carried-over escalation into the service-complaint draft already there, if any, so
/// that nothing typed is lost: where only one has a value it is kept; the description and the
/// domain list keep both (the existing text first); for the other fields the carried value, just
/// typed, wins.
pub fn merge_into(existing: &Draft, carried: Draft) -> Draft {
    let mut merged = carried;
    for (field, old) in &existing.values {
        let old = old.trim();
        let new = merged.get(*field).trim().to_owned();
        let value = match (*field, new.as_str()) {
            (_, "") => old.to_owned(),
            (_, new) if new == old => continue,
            (Field::Description, new) => format!("{old}\n\n{new}"),
            (Field::Domains, new) => format!("{old}\n{new}"),
            _ => continue,
        };
        merged.set(*field, value);
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DeadlineRule;

    fn d(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    fn escalation(answered_on: &str) -> Draft {
        let mut draft = Draft::new(Kind::Escalation);
        draft.set(Field::PreviousAnsweredOn, answered_on);
        draft
    }

    #[test]
    fn dates_are_parsed_strictly() {
        assert_eq!(parse_date("2026-05-04"), NaiveDate::from_ymd_opt(2026, 5, 4));
        assert_eq!(parse_date("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in [
            "",
            "2026-5-4",
            "04.05.2026",
            "2026-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "2026-05-04x",
            "+026-05-04",
            "2026/05/04",
            "２０２６-05-04",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn window_inside_on_the_last_day_and_outside() {
        let config = Config::default();
        // Answer Mon 4 May 2026, Werktage in Saarland: the window ends Fri 29 May (see deadline.rs).
        let draft = escalation("2026-05-04");
        assert_eq!(window(&draft, &config, d("2026-05-04")), Some(Window::Open { last_day: d("2026-05-29") }));
        assert_eq!(window(&draft, &config, d("2026-05-20")), Some(Window::Open { last_day: d("2026-05-29") }));
        assert_eq!(window(&draft, &config, d("2026-05-29")), Some(Window::Open { last_day: d("2026-05-29") }));
        assert_eq!(window(&draft, &config, d("2026-05-30")), Some(Window::Closed { ended: d("2026-05-29") }));
        // The operator's rule decides: Arbeitstage end on Wed 3 June.
        let arbeitstage = Config { deadline_rule: DeadlineRule::Arbeitstage, ..Config::default() };
        assert_eq!(window(&draft, &arbeitstage, d("2026-06-03")), Some(Window::Open { last_day: d("2026-06-03") }));
        assert_eq!(window(&draft, &arbeitstage, d("2026-06-04")), Some(Window::Closed { ended: d("2026-06-03") }));
        // No window to show without a usable date of the answer.
        assert_eq!(window(&escalation(""), &config, d("2026-05-04")), None);
        assert_eq!(window(&escalation("04.05.2026"), &config, d("2026-05-04")), None);
        assert_eq!(window(&draft, &config, d("2026-05-03")), None, "an answer in the future");
    }

    #[test]
    fn window_messages_name_the_day_in_the_locale() {
        let open = Window::Open { last_day: d("2026-05-29") };
        assert_eq!(
            open.message(Locale::En),
            "Your escalation must reach us by 29 May 2026: that is the last day it can be made."
        );
        assert!(open.message(Locale::De).contains("bis zum 29.05.2026"));
        let closed = Window::Closed { ended: d("2026-05-29") };
        assert_eq!(
            closed.message(Locale::En),
            "The time to escalate ended on 29 May 2026. We consider the matter closed."
        );
        assert!(
            closed.message(Locale::De).contains("endete am 29.05.2026")
                && closed.message(Locale::De).contains("abgeschlossen")
        );
    }

    fn problems(sent: Option<&str>, answered: Option<&str>, today: &str, locale: Locale) -> Vec<(Field, String)> {
        let (previous, problems) =
            check_previous(Some("T-1".into()), sent, answered, &Config::default(), d(today), locale);
        assert_eq!(previous.is_some(), problems.is_empty());
        problems.into_iter().map(|p| (p.field, p.message)).collect()
    }

    #[test]
    fn previous_complaint_dates_must_be_real() {
        let found = problems(Some("2026-02-30"), Some("2026-5-4"), "2026-05-10", Locale::En);
        assert_eq!(
            found,
            vec![
                (Field::PreviousSentOn, "“2026-02-30” is not a real date. Enter the day, month and year.".into()),
                (Field::PreviousAnsweredOn, "“2026-5-4” is not a real date. Enter the day, month and year.".into()),
            ]
        );
        let found = problems(Some("x"), None, "2026-05-10", Locale::De);
        assert_eq!(
            found,
            vec![(Field::PreviousSentOn, "„x“ ist kein gültiges Datum. Geben Sie Tag, Monat und Jahr an.".into())]
        );
    }

    #[test]
    fn the_answer_may_not_be_in_the_future() {
        assert_eq!(
            problems(Some("2026-05-01"), Some("2026-05-11"), "2026-05-10", Locale::En),
            vec![(Field::PreviousAnsweredOn, "The date of our answer cannot be in the future.".into())]
        );
        let de = problems(Some("2026-05-01"), Some("2026-05-11"), "2026-05-10", Locale::De);
        assert_eq!(
            de,
            vec![(Field::PreviousAnsweredOn, "Das Datum unserer Antwort kann nicht in der Zukunft liegen.".into())]
        );
        // Today itself is fine.
        assert_eq!(problems(Some("2026-05-01"), Some("2026-05-10"), "2026-05-10", Locale::En), vec![]);
    }

    #[test]
    fn the_complaint_may_not_be_sent_in_the_future() {
        let found = problems(Some("2026-05-11"), None, "2026-05-10", Locale::En);
        assert_eq!(
            found,
            vec![(Field::PreviousSentOn, "The date you sent the previous complaint cannot be in the future.".into())]
        );
        let de = problems(Some("2026-05-11"), None, "2026-05-10", Locale::De);
        assert!(de[0].1.contains("nicht in der Zukunft"));
    }

    #[test]
    fn the_answer_may_not_come_before_the_complaint() {
        assert_eq!(
            problems(Some("2026-05-04"), Some("2026-05-03"), "2026-05-10", Locale::En),
            vec![(
                Field::PreviousAnsweredOn,
                "The date of our answer cannot be before the date you sent the complaint (4 May 2026).".into()
            )]
        );
        let de = problems(Some("2026-05-04"), Some("2026-05-03"), "2026-05-10", Locale::De);
        assert_eq!(
            de,
            vec![(
                Field::PreviousAnsweredOn,
                "Das Datum unserer Antwort kann nicht vor dem Datum Ihrer Beschwerde (04.05.2026) liegen.".into()
            )]
        );
        // The same day is fine.
        assert_eq!(problems(Some("2026-05-04"), Some("2026-05-04"), "2026-05-10", Locale::En), vec![]);
    }

    #[test]
    fn an_escalation_after_its_window_is_refused_naming_the_last_day() {
        assert_eq!(problems(Some("2026-04-28"), Some("2026-05-04"), "2026-05-29", Locale::En), vec![]);
        assert_eq!(
            problems(Some("2026-04-28"), Some("2026-05-04"), "2026-05-30", Locale::En),
            vec![(
                Field::PreviousAnsweredOn,
                "The time to escalate ended on 29 May 2026. We consider the matter closed.".into()
            )]
        );
        let de = problems(Some("2026-04-28"), Some("2026-05-04"), "2026-05-30", Locale::De);
        assert!(de[0].1.contains("29.05.2026") && de[0].1.contains("abgeschlossen"), "{de:?}");
    }

    #[test]
    fn a_complete_previous_complaint_is_returned() {
        let (previous, problems) = check_previous(
            Some("T-1".into()),
            Some("2026-04-28"),
            Some("2026-05-04"),
            &Config::default(),
            d("2026-05-05"),
            Locale::En,
        );
        assert!(problems.is_empty());
        assert_eq!(
            previous,
            Some(PreviousComplaint { reference: "T-1".into(), sent_on: d("2026-04-28"), answered_on: d("2026-05-04") })
        );
        // A kind without these fields: nothing to check, nothing returned.
        assert_eq!(check_previous(None, None, None, &Config::default(), d("2026-05-05"), Locale::En), (None, vec![]));
    }

    #[test]
    fn carry_over_keeps_everything_typed() {
        let mut late = Draft::new(Kind::Escalation);
        for (field, value) in [
            (Field::Name, "Jörg Müller"),
            (Field::Email, "joerg@example.de"),
            (Field::Phone, "+49 681 123456"),
            (Field::CustomerAccount, "K-123456"),
            (Field::Domains, "bücher.de\nexample.org"),
            (Field::Subject, "Transfer"),
            (Field::Description, "Der Transfer hängt weiter.\nSeit Wochen."),
            (Field::ExpectedSteps, "Transfer abschließen."),
            (Field::PreviousReference, "T-1234"),
            (Field::PreviousSentOn, "2025-01-02"),
            (Field::PreviousAnsweredOn, "2025-01-10"),
            (Field::Dissatisfaction, "Keine Lösung angeboten."),
        ] {
            late.set(field, value);
        }
        let new = carry_over(&late, Locale::De);
        assert_eq!(new.kind, Some(Kind::ServiceComplaint));
        for field in [Field::Name, Field::Email, Field::Phone, Field::CustomerAccount, Field::Domains, Field::Subject] {
            assert_eq!(new.get(field), late.get(field), "{field:?}");
        }
        assert_eq!(
            new.get(Field::Description),
            "Der Transfer hängt weiter.\nSeit Wochen.\n\n\
             Welche Schritte Sie von uns erwarten:\nTransfer abschließen.\n\n\
             Vorherige Beschwerde:\n\
             Referenz Ihrer vorherigen Beschwerde: T-1234\n\
             Datum, an dem Sie die vorherige Beschwerde gesendet haben: 02.01.2025\n\
             Datum unserer Antwort: 10.01.2025\n\n\
             Gründe für Ihre weitere Unzufriedenheit:\nKeine Lösung angeboten."
        );
        // Only fields of the service complaint, so the new form shows every value.
        assert!(new.values.keys().all(|field| Kind::ServiceComplaint.need(*field).is_some()));
        // The new draft passes the service complaint's validation as it is.
        let today = d("2026-05-05");
        assert!(crate::validate::validate(
            Kind::ServiceComplaint,
            &new,
            &Config::default(),
            Locale::De,
            today,
            &crate::domain::testing::Idna
        )
        .is_ok());
    }

    #[test]
    fn a_carried_over_escalation_joins_an_existing_draft_without_losing_it() {
        let mut existing = Draft::new(Kind::ServiceComplaint);
        existing.set(Field::Name, "Jörg");
        existing.set(Field::Phone, "+49 681 1");
        existing.set(Field::Domains, "a.example");
        existing.set(Field::Description, "Mein erster Entwurf.");
        let mut carried = Draft::new(Kind::ServiceComplaint);
        carried.set(Field::Name, "Jörg Müller");
        carried.set(Field::Email, "joerg@example.de");
        carried.set(Field::Domains, "b.example");
        carried.set(Field::Description, "Die Eskalation.");
        let merged = merge_into(&existing, carried.clone());
        assert_eq!(merged.get(Field::Name), "Jörg Müller", "just typed: the carried value wins");
        assert_eq!(merged.get(Field::Email), "joerg@example.de");
        assert_eq!(merged.get(Field::Phone), "+49 681 1", "only the existing draft had it");
        assert_eq!(merged.get(Field::Domains), "a.example\nb.example");
        assert_eq!(merged.get(Field::Description), "Mein erster Entwurf.\n\nDie Eskalation.");
        assert_eq!(merge_into(&Draft::new(Kind::ServiceComplaint), carried.clone()), carried);
        assert_eq!(merge_into(&carried, carried.clone()), carried, "carried twice: nothing doubles");
    }

    #[test]
    fn carry_over_skips_what_was_not_typed_and_keeps_odd_dates_as_typed() {
        let mut late = Draft::new(Kind::Escalation);
        late.set(Field::Name, "Anna");
        late.set(Field::PreviousAnsweredOn, "letzte Woche");
        late.set(Field::Dissatisfaction, "Zu langsam.");
        let new = carry_over(&late, Locale::En);
        assert_eq!(new.get(Field::Name), "Anna");
        assert_eq!(new.get(Field::Email), "");
        assert_eq!(
            new.get(Field::Description),
            "Previous complaint:\nDate of our answer: letzte Woche\n\nWhy you are still dissatisfied:\nZu langsam."
        );
        assert_eq!(carry_over(&Draft::new(Kind::Escalation), Locale::En), Draft::new(Kind::ServiceComplaint));
    }
}
