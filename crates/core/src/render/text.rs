//! The submission as plain text, for a mail body and the copy button.

use crate::form::Field;
use crate::i18n::{Locale, Msg};
use crate::submission::Submission;

/// Labels of the plain-text rendering. Kept here rather than in the UI catalogue because they
/// form a mail, not a page; they follow the submission's language.
fn label(locale: Locale, de: &'static str, en: &'static str) -> &'static str {
    match locale {
        Locale::De => de,
        Locale::En => en,
    }
}

/// Lines end with LF; the mail renderers turn them into CRLF.
pub fn plain_text(submission: &Submission) -> String {
    let locale = submission.locale;
    let c = &submission.complainant;
    let mut out = String::new();
    let mut line = |name: &str, value: &str| {
        out.push_str(name);
        out.push_str(": ");
        out.push_str(value);
        out.push('\n');
    };
    line(label(locale, "Art", "Kind"), submission.kind.title().text(locale));
    line(label(locale, "Referenz", "Reference"), &submission.id);
    line(label(locale, "Erstellt", "Created"), &submission.created_at.to_rfc3339());
    let not_given = Msg::CheckNotGiven.text(locale);
    for (msg, value) in [
        (Msg::FieldName, &c.name),
        (Msg::FieldEmail, &c.email),
        (Msg::FieldPhone, &c.phone),
        (Msg::FieldCustomerAccount, &c.customer_account),
    ] {
        line(msg.text(locale), value.as_deref().unwrap_or(not_given));
    }
    let domains = if submission.domains.is_empty() {
        not_given.to_owned()
    } else {
        submission
            .domains
            .iter()
            .map(|d| if d.unicode == d.ascii { d.ascii.clone() } else { format!("{} ({})", d.unicode, d.ascii) })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(category) = submission.abuse_category {
        line(Msg::FieldAbuseCategory.text(locale), category.label().text(locale));
    }
    if let Some(spam) = &submission.spam {
        line(Msg::FieldSpamTarget.text(locale), &spam.target.display());
        line(Msg::SpamCheckMessage.text(locale), &spam_message_line(&spam.message, locale));
        if let Some(ip) = &spam.analysis.source_ip {
            line(Msg::SpamSummarySourceIp.text(locale), ip);
        }
    } else {
        line(Msg::FieldDomains.text(locale), &domains);
    }
    if !submission.urls.is_empty() {
        line(Msg::UrlsLabel.text(locale), &submission.urls.join(" "));
    }
    line(Msg::FieldSubject.text(locale), &submission.subject);
    line(Msg::DeadlineAck.text(locale), &submission.deadlines.acknowledgement.to_string());
    line(Msg::DeadlineAnswer.text(locale), &submission.deadlines.answer.to_string());
    if let Some(final_answer) = submission.deadlines.final_answer {
        line(Msg::DeadlineFinalAnswer.text(locale), &final_answer.to_string());
    }
    if let Some(previous) = &submission.previous_complaint {
        out.push('\n');
        out.push_str(Msg::PreviousComplaintHeading.text(locale));
        out.push_str(":\n");
        let mut line = |field: Field, value: &str| {
            out.push_str(&format!("{}: {value}\n", field.label().text(locale)));
        };
        line(Field::PreviousReference, &previous.reference);
        line(Field::PreviousSentOn, &previous.sent_on.to_string());
        line(Field::PreviousAnsweredOn, &previous.answered_on.to_string());
    }
    let kind = submission.kind;
    for (field, text) in [
        (Field::Description, Some(&submission.description)),
        (Field::ExpectedSteps, submission.expected_steps.as_ref()),
        (Field::Dissatisfaction, submission.dissatisfaction.as_ref()),
    ] {
        let Some(text) = text else { continue };
        out.push('\n');
        out.push_str(kind.label(field).text(locale));
        out.push_str(":\n");
        out.push_str(&text.replace("\r\n", "\n").replace('\r', "\n"));
        out.push('\n');
    }
    if !submission.evidence.is_empty() {
        out.push('\n');
        out.push_str(Msg::FieldEvidence.text(locale));
        out.push_str(":\n");
        for file in &submission.evidence {
            out.push_str("- ");
            out.push_str(&evidence_line(file, locale));
            out.push('\n');
        }
    }
    out
}

/// The spam message for people: file name (if any), size and SHA-256.
pub fn spam_message_line(message: &crate::spam::RawMessage, locale: Locale) -> String {
    let size = crate::spam::format_size(usize::try_from(message.size).unwrap_or(usize::MAX), locale);
    let line = Msg::SpamCheckMessageLine.format(locale, &[("size", &size), ("sha256", &message.sha256)]);
    match &message.file_name {
        Some(name) => format!("{name} ({line})"),
        None => line,
    }
}

/// One evidence file for people: name, size and SHA-256 (or "not read" for a refused one).
pub fn evidence_line(file: &crate::abuse::EvidenceFile, locale: Locale) -> String {
    let size = crate::spam::format_size(usize::try_from(file.size).unwrap_or(usize::MAX), locale);
    let name: String = file.name.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if file.sha256.is_empty() {
        Msg::EvidenceUnread.format(locale, &[("name", &name), ("size", &size)])
    } else {
        Msg::EvidenceLine.format(locale, &[("name", &name), ("size", &size), ("sha256", &file.sha256)])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::submission::tests::sample;

    #[test]
    fn holds_every_fact_of_the_submission() {
        let text = plain_text(&sample("Zeile 1\r\nZeile 2"));
        for expected in [
            "Art: Beschwerde über den Service\n",
            "Referenz: 07070707-0707-4707-8707-070707070707\n",
            "Ihr Name: Jörg Müller\n",
            "E-Mail-Adresse: joerg@example.de\n",
            "Kundenkonto: keine Angabe\n",
            "Betroffene Domain(s): bücher.de (xn--bcher-kva.de)\n",
            "Eingangsbestätigung bis: 2026-12-01\n",
            "Beschreibung des Problems:\nZeile 1\nZeile 2\n",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in\n{text}");
        }
    }

    #[test]
    fn an_abuse_report_lists_category_urls_and_files_with_their_hashes() {
        let submission = crate::submission::tests::abuse_sample();
        let text = plain_text(&submission);
        for expected in [
            "Art: Meldung von Domain-Missbrauch\n",
            "Art des Missbrauchs: Phishing (gefälschte Seiten, die Zugangsdaten abgreifen)\n",
            "Betroffene Domain(s): login.bücher-shop.example (login.xn--bcher-shop-9db.example), evil.example\n",
            "Adressen (URLs): https://login.bücher-shop.example/konto?id=7\n",
            &format!("Belege (Dateien):\n- seite.html (21 Byte), SHA-256: {}\n", submission.evidence[0].sha256),
            &format!("- bild.png (8 Byte), SHA-256: {}\n", submission.evidence[1].sha256),
        ] {
            assert!(text.contains(expected), "missing {expected:?} in\n{text}");
        }
        assert!(!text.contains(&submission.evidence[0].content_base64), "no file content in the text");
    }

    #[test]
    fn an_escalation_adds_its_own_facts() {
        let text = plain_text(&crate::submission::tests::escalation_sample("", Locale::En));
        for expected in [
            "Kind: Escalated complaint\n",
            "Subject: Beschwerde: Der Transfer hängt weiter.\n",
            "Final answer usually by: 2026-12-10\n",
            "Previous complaint:\nReference of your previous complaint: T-1234\nDate you sent the previous complaint: 2026-11-16\nDate of our answer: 2026-11-23\n",
            "\nPrecise explanation of your problem or complaint:\nDer Transfer hängt weiter.\n",
            "\nSteps you expect from us:\nTransfer abschließen.\n",
            "\nWhy you are still dissatisfied:\nKeine Lösung angeboten.\n",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in\n{text}");
        }
        let service = plain_text(&sample("x"));
        assert!(!service.contains("Vorherige Beschwerde") && !service.contains("Abschließende Antwort"), "{service}");
    }
}
