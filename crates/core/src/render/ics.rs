//! The promised dates of a submission as an iCalendar file (RFC 5545), so the complainant can
//! put them in a calendar: one all-day event per date.
//!
//! Content lines end with CRLF and are folded at 75 octets (never inside a UTF-8 sequence);
//! TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11), and other
//! control characters are dropped, so no input can start a property or an event of its own.

use chrono::{Datelike, NaiveDate, Timelike};

use crate::i18n::Msg;
use crate::submission::Submission;

/// A file name without spaces or non-ASCII, like the `.eml`'s.
pub fn ics_file_name(submission: &Submission) -> String {
    format!("complaint-{}.ics", submission.short_reference().to_lowercase())
}

/// The calendar: acknowledgement, answer and (for an escalation) final answer, each an all-day
/// event titled with the subject. `reference` is what the complainant quotes: the server's
/// reference when it gave one, else the submission id. Every event's UID is derived from the
/// submission id, so importing the file twice updates instead of duplicating; DTSTAMP is the
/// submission's `created_at` in UTC.
pub fn ics(submission: &Submission, reference: &str) -> String {
    let locale = submission.locale;
    let deadlines = &submission.deadlines;
    let events = [
        ("acknowledgement", Msg::IcsAcknowledgement, Some(deadlines.acknowledgement)),
        ("answer", Msg::IcsAnswer, Some(deadlines.answer)),
        ("final-answer", Msg::IcsFinalAnswer, deadlines.final_answer),
    ];
    let created = submission.created_at.naive_utc();
    let stamp =
        format!("{}T{:02}{:02}{:02}Z", basic_date(created.date()), created.hour(), created.minute(), created.second());
    let description = format!("{}: {reference}", Msg::ReceiptReference.text(locale));

    let mut out = String::new();
    let mut line = |content: &str| fold(content, &mut out);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!("PRODID:-//complaint-portal//{}//{}", env!("CARGO_PKG_VERSION"), locale.tag().to_ascii_uppercase()));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    for (slug, summary, date) in events {
        let Some(date) = date else { continue };
        // The day after, as RFC 5545 ends all-day events: exclusive. Saturates at the end of time.
        let end = date.succ_opt().unwrap_or(date);
        line("BEGIN:VEVENT");
        line(&format!("UID:{}-{slug}@complaint-portal.invalid", text(&submission.id)));
        line(&format!("DTSTAMP:{stamp}"));
        line(&format!("DTSTART;VALUE=DATE:{}", basic_date(date)));
        line(&format!("DTEND;VALUE=DATE:{}", basic_date(end)));
        line(&format!("SUMMARY:{}", text(&summary.format(locale, &[("subject", &submission.subject)]))));
        line(&format!("DESCRIPTION:{}", text(&description)));
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    out
}

/// `YYYYMMDD`, the DATE form of RFC 5545. Written by hand, like every date in the core.
fn basic_date(date: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// A TEXT value: `\` `;` `,` escaped, every line break (CRLF, LF, CR) as `\n`, other control
/// characters dropped (RFC 5545 allows none in TEXT but HTAB, kept).
fn text(value: &str) -> String {
    let value = value.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded so no physical line exceeds 75 octets before its CRLF; each
/// continuation starts with a space (RFC 5545 §3.1). Folds fall between characters, never inside
/// one.
fn fold(content: &str, out: &mut String) {
    const MAX: usize = 75;
    let mut width = 0;
    for c in content.chars() {
        if width + c.len_utf8() > MAX {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::submission::tests::{escalation_sample, sample};

    /// Unfolds (RFC 5545 §3.1) and splits into content lines.
    fn unfold(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "").split("\r\n").filter(|l| !l.is_empty()).map(str::to_owned).collect()
    }

    fn values<'a>(lines: &'a [String], name: &str) -> Vec<&'a str> {
        lines.iter().filter_map(|l| l.strip_prefix(name)).collect()
    }

    #[test]
    fn one_all_day_event_per_promised_date() {
        let submission = escalation_sample("Transfer", Locale::De);
        let ics = ics(&submission, "T-99");
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n') && !ics.replace("\r\n", "").contains('\r'), "CRLF only");
        let lines = unfold(&ics);
        assert_eq!(values(&lines, "BEGIN:VEVENT").len(), 3);
        assert_eq!(values(&lines, "DTSTART;VALUE=DATE:"), ["20261201", "20261210", "20261210"]);
        assert_eq!(values(&lines, "DTEND;VALUE=DATE:"), ["20261202", "20261211", "20261211"]);
        // 15:04:05+01:00 is 14:04:05 UTC.
        assert_eq!(values(&lines, "DTSTAMP:"), ["20261128T140405Z"; 3]);
        assert_eq!(
            values(&lines, "UID:"),
            [
                "07070707-0707-4707-8707-070707070707-acknowledgement@complaint-portal.invalid",
                "07070707-0707-4707-8707-070707070707-answer@complaint-portal.invalid",
                "07070707-0707-4707-8707-070707070707-final-answer@complaint-portal.invalid",
            ]
        );
        assert_eq!(values(&lines, "SUMMARY:")[2], "Abschließende Antwort erwartet – Beschwerde: Transfer");
        assert_eq!(values(&lines, "DESCRIPTION:"), ["Ihre Referenz: T-99"; 3]);
        assert_eq!(ics_file_name(&submission), "complaint-07070707.ics");
    }

    #[test]
    fn other_kinds_get_no_final_answer() {
        let lines = unfold(&ics(&sample("x"), "x"));
        assert_eq!(values(&lines, "DTSTART;VALUE=DATE:"), ["20261201", "20261210"]);
        assert!(values(&lines, "SUMMARY:").iter().all(|s| !s.contains("Abschließende")));
    }

    #[test]
    fn hostile_text_is_escaped_and_cannot_add_properties() {
        let mut submission = sample("x");
        submission.subject = "a,b;c\\d\r\nEND:VEVENT\nBEGIN:VEVENT\rSUMMARY:evil\u{0}\u{7}".into();
        let ics = ics(&submission, "R;1,2\nX");
        let lines = unfold(&ics);
        assert_eq!(values(&lines, "BEGIN:VEVENT").len(), 2);
        assert_eq!(values(&lines, "END:VEVENT").len(), 2);
        assert_eq!(
            values(&lines, "SUMMARY:")[0],
            "Eingangsbestätigung erwartet – a\\,b\\;c\\\\d\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:evil"
        );
        assert_eq!(values(&lines, "DESCRIPTION:")[0], "Ihre Referenz: R\\;1\\,2\\nX");
        assert!(lines.iter().all(|l| !l.chars().any(|c| c.is_control() && c != '\t')));
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_a_character() {
        let mut submission = sample("x");
        submission.subject = format!("Kundenservice-Anliegen: {}", "Übertragung hängt, ".repeat(12));
        let ics = ics(&submission, "T-1");
        for physical in ics.split("\r\n") {
            assert!(physical.len() <= 75, "{} octets: {physical:?}", physical.len());
        }
        assert!(ics.contains("\r\n "), "the long summary folds");
        let lines = unfold(&ics);
        let expected = format!("Eingangsbestätigung erwartet – {}", text(&submission.subject));
        assert_eq!(values(&lines, "SUMMARY:")[0], expected, "unfolding gives back the whole value");
        // Exactly at the limit: 75 octets stay on one line, 76 fold once.
        let mut out = String::new();
        fold(&"x".repeat(75), &mut out);
        assert_eq!(out, format!("{}\r\n", "x".repeat(75)));
        out.clear();
        fold(&"x".repeat(76), &mut out);
        assert_eq!(out, format!("{}\r\n x\r\n", "x".repeat(75)));
        // A two-octet character that would cross the limit moves to the next line whole.
        out.clear();
        fold(&format!("{}ü", "x".repeat(74)), &mut out);
        assert_eq!(out, format!("{}\r\n ü\r\n", "x".repeat(74)));
    }

    #[test]
    fn text_escaping_follows_rfc_5545() {
        assert_eq!(text("a\\b;c,d\r\ne\rf\ng\th"), "a\\\\b\\;c\\,d\\ne\\nf\\ng\th");
    }
}
