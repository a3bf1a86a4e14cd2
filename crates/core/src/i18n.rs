//! Every user-visible string, German and English side by side.
//!
//! A translator finds them all in this one file. The `messages!` macro requires both languages
//! for every key, so a missing translation does not compile; the tests check that the
//! placeholders (`{name}`) agree between the languages.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    De,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::De, Locale::En];

    /// The BCP 47 tag, as used in `<html lang>` and in the submission.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::De => "de",
            Locale::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "de" => Some(Locale::De),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// The first supported language in the browser's preference list, German otherwise.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        preferred.into_iter().find_map(Locale::from_tag).unwrap_or_default()
    }

    /// A date as people write it in this language. Written out by hand: chrono's `format`
    /// would pull its whole strftime interpreter into the download.
    pub fn format_date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match self {
            Locale::De => format!("{:02}.{:02}.{}", date.day(), date.month(), date.year()),
            Locale::En => format!("{} {} {}", date.day(), MONTHS[date.month0() as usize % 12], date.year()),
        }
    }
}

macro_rules! messages {
    ($($key:ident => { de: $de:literal, en: $en:literal $(,)? }),* $(,)?) => {
        /// A key into the catalogue below.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// The text in `locale`, placeholders not yet filled.
            pub fn text(self, locale: Locale) -> &'static str {
                match (self, locale) {
                    $((Msg::$key, Locale::De) => $de, (Msg::$key, Locale::En) => $en,)*
                }
            }
        }
    };
}

impl Msg {
    /// The text with each `{name}` placeholder replaced by its argument.
    pub fn format(self, locale: Locale, args: &[(&str, &str)]) -> String {
        let mut text = self.text(locale).to_owned();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

messages! {
    // Site frame
    SiteTitle => { de: "Beschwerden und Missbrauchsmeldungen", en: "Complaints and abuse reports" },
    SkipToContent => { de: "Zum Inhalt springen", en: "Skip to content" },
    LanguageSwitch => { de: "English", en: "Deutsch" },
    LanguageSwitchLabel => { de: "Switch to English", en: "Auf Deutsch umschalten" },
    Loading => { de: "Wird geladen …", en: "Loading …" },
    Back => { de: "Zurück", en: "Back" },
    Optional => { de: "(optional)", en: "(optional)" },

    // Start page
    StartHeading => { de: "Beschwerde oder Missbrauch melden", en: "Make a complaint or report abuse" },
    StartIntro => {
        de: "Mit diesem Formular erreichen Sie {organisation}. Wir bestätigen den Eingang innerhalb von 2 Werktagen und bemühen uns, binnen 10 Werktagen zu antworten.",
        en: "This form reaches {organisation}. We acknowledge receipt within 2 working days and aim to answer within 10 working days.",
    },
    StartEscalationNote => {
        de: "Sind Sie mit unserer Antwort nicht zufrieden, können Sie innerhalb von 20 Werktagen ab dem Tag der Antwort eine eskalierte Beschwerde einreichen.",
        en: "If you are not satisfied with our answer, you can escalate your complaint within 20 working days from the day of the answer.",
    },
    StartServiceLink => { de: "Beschwerde über unseren Service einreichen", en: "Complain about our service" },
    StartServiceHint => {
        de: "Sie sind mit dem Service unzufrieden, den Sie von uns erhalten haben.",
        en: "You are unhappy with the service you received from us.",
    },
    ContactHeading => { de: "Andere Wege zu uns", en: "Other ways to reach us" },
    Phone => { de: "Telefon", en: "Phone" },
    Fax => { de: "Fax", en: "Fax" },

    // Request kinds
    KindServiceComplaint => { de: "Beschwerde über den Service", en: "Service complaint" },
    KindAbuseReport => { de: "Meldung von Domain-Missbrauch", en: "Domain abuse report" },
    KindSpamComplaint => { de: "Spam-Beschwerde", en: "Spam complaint" },
    KindEscalation => { de: "Eskalierte Beschwerde", en: "Escalated complaint" },
    KindFeedback => { de: "Feedback oder Vorschlag", en: "Feedback or suggestion" },
    SubjectPrefixServiceComplaint => { de: "Kundenservice-Anliegen:", en: "Customer service issue:" },
    SubjectPrefixAbuseReport => { de: "Missbrauchsmeldung:", en: "Abuse report:" },
    SubjectPrefixSpamComplaint => { de: "Spam-Meldung:", en: "Spam report:" },
    SubjectPrefixFeedback => { de: "Feedback:", en: "Feedback:" },

    // Form fields
    FieldName => { de: "Ihr Name", en: "Your name" },
    FieldEmail => { de: "E-Mail-Adresse", en: "Email address" },
    FieldEmailHint => { de: "Wir antworten an diese Adresse.", en: "We will reply to this address." },
    FieldPhone => { de: "Telefonnummer", en: "Phone number" },
    FieldPhoneHint => { de: "Mit Ländervorwahl, zum Beispiel +49 6894 939 6850.", en: "With the country code, for example +49 6894 939 6850." },
    FieldCustomerAccount => { de: "Kundenkonto", en: "Customer account" },
    FieldCustomerAccountHint => { de: "Falls Sie Kunde bei uns sind.", en: "If you are our customer." },
    FieldDomains => { de: "Betroffene Domain(s)", en: "Affected domain(s)" },
    FieldDomainsHint => { de: "Eine pro Zeile; Kommas oder Leerzeichen gehen auch.", en: "One per line; commas or spaces work too." },
    FieldSubject => { de: "Betreff", en: "Subject" },
    FieldSubjectHint => { de: "Eine kurze Zusammenfassung. Ohne Angabe nehmen wir den Anfang Ihrer Beschreibung.", en: "A short summary. Left empty, we use the start of your description." },
    FieldDescription => { de: "Beschreibung des Problems", en: "Description of the problem" },
    FieldDescriptionHint => { de: "Was ist passiert, wann, und was haben Sie schon versucht?", en: "What happened, when, and what have you tried already?" },
    Continue => { de: "Weiter", en: "Continue" },
    DraftSaved => { de: "Ihre Eingaben werden in diesem Browser gespeichert, bis die Beschwerde angekommen ist.", en: "What you type is kept in this browser until the complaint has arrived." },

    // Validation
    ErrorSummaryTitle => { de: "Bitte korrigieren Sie Folgendes", en: "There is a problem" },
    ErrorPrefix => { de: "Fehler:", en: "Error:" },
    NameMissing => { de: "Geben Sie Ihren Namen ein.", en: "Enter your name." },
    TextTooLong => { de: "Der Text ist zu lang: höchstens {max} Zeichen, Sie haben {len}.", en: "The text is too long: at most {max} characters, you have {len}." },
    ControlCharacters => { de: "Der Text enthält unsichtbare Steuerzeichen. Bitte entfernen Sie sie.", en: "The text contains invisible control characters. Please remove them." },
    EmailMissing => { de: "Geben Sie Ihre E-Mail-Adresse ein, damit wir antworten können.", en: "Enter your email address so that we can reply." },
    EmailNoAt => { de: "Die E-Mail-Adresse braucht ein @, zum Beispiel name@beispiel.de.", en: "The email address needs an @, like name@example.com." },
    EmailBadLocal => { de: "Der Teil vor dem @ enthält ungültige Zeichen oder Punkte an falscher Stelle.", en: "The part before the @ has characters that are not allowed or dots in the wrong place." },
    EmailBadDomain => { de: "Der Teil nach dem @ ist keine gültige Domain: {reason}", en: "The part after the @ is not a valid domain: {reason}" },
    PhoneInvalid => { de: "Geben Sie eine Telefonnummer aus Ziffern ein, gern mit + und Ländervorwahl, zum Beispiel +49 6894 939 6850.", en: "Enter a phone number made of digits, ideally with + and the country code, like +49 6894 939 6850." },
    PhoneDigits => { de: "Eine Telefonnummer hat 6 bis 20 Ziffern; Ihre hat {count}.", en: "A phone number has 6 to 20 digits; yours has {count}." },
    CustomerAccountInvalid => { de: "Das Kundenkonto hat nicht das erwartete Format ({example}).", en: "The customer account is not in the expected format ({example})." },
    DescriptionMissing => { de: "Beschreiben Sie Ihr Problem.", en: "Describe your problem." },
    DomainsInvalid => { de: "„{entry}“ ist keine gültige Domain: {reason}", en: "“{entry}” is not a valid domain: {reason}" },
    DomainsTooMany => { de: "Höchstens {max} Domains pro Meldung.", en: "At most {max} domains per report." },
    DomainFromUrl => { de: "Aus der Adresse „{entry}“ wurde die Domain {host} übernommen.", en: "The domain {host} was taken from the address “{entry}”." },
    DomainEmptyLabel => { de: "sie enthält einen leeren Teil (zwei Punkte hintereinander oder ein Punkt am Anfang).", en: "it has an empty part (two dots in a row, or a dot at the start)." },
    DomainNoDot => { de: "es fehlt die Endung, zum Beispiel .de.", en: "the ending is missing, for example .com." },
    DomainBadCharacter => { de: "das Zeichen „{char}“ ist in Domains nicht erlaubt.", en: "the character “{char}” is not allowed in domains." },
    DomainHyphen => { de: "ein Teil beginnt oder endet mit einem Bindestrich.", en: "a part starts or ends with a hyphen." },
    DomainLabelTooLong => { de: "ein Teil ist länger als 63 Zeichen.", en: "a part is longer than 63 characters." },
    DomainTooLong => { de: "sie ist länger als 253 Zeichen.", en: "it is longer than 253 characters." },
    DomainIpLiteral => { de: "das ist eine IP-Adresse; hier wird ein Domainname gebraucht.", en: "that is an IP address; a domain name is needed here." },
    DomainNumericTld => { de: "die Endung besteht nur aus Ziffern.", en: "the ending is made of digits only." },

    // Check your answers
    CheckHeading => { de: "Prüfen Sie Ihre Angaben", en: "Check your answers before sending" },
    CheckChange => { de: "Ändern", en: "Change" },
    CheckNotGiven => { de: "keine Angabe", en: "not given" },
    CheckSendTo => { de: "Empfänger", en: "Sent to" },
    Send => { de: "Beschwerde absenden", en: "Send complaint" },
    Sending => { de: "Wird gesendet …", en: "Sending …" },
    Retrying => { de: "Der Server antwortet nicht; neuer Versuch {attempt} von {max} …", en: "The server is not answering; trying again ({attempt} of {max}) …" },
    SendRejected => { de: "Der Empfänger hat die Beschwerde abgelehnt: {message}", en: "The recipient refused the complaint: {message}" },
    SendRejectedFix => { de: "Ihre Eingaben sind gespeichert. Korrigieren Sie sie und senden Sie erneut.", en: "Your answers are kept. Correct them and send again." },
    SendFailed => { de: "Die Beschwerde konnte nicht übertragen werden. Nichts ist verloren: Senden Sie sie per E-Mail.", en: "The complaint could not be delivered. Nothing is lost: send it by email instead." },
    NoJavascriptData => { de: "Es liegen keine Angaben vor. Bitte füllen Sie zuerst das Formular aus.", en: "There is nothing to check yet. Please fill in the form first." },

    // Mail fallback
    MailHeading => { de: "Per E-Mail senden", en: "Send by email" },
    MailIntro => { de: "Ihr E-Mail-Programm öffnet eine fertige Nachricht an {mailbox}. Prüfen Sie sie und senden Sie sie ab.", en: "Your email program opens a ready-made message to {mailbox}. Check it and send it." },
    MailOpen => { de: "E-Mail-Programm öffnen", en: "Open email program" },
    MailTooLong => { de: "Ihre Beschwerde ist zu lang für einen E-Mail-Link. Laden Sie die Nachricht herunter und hängen Sie sie an Ihre E-Mail an, oder kopieren Sie den Text in die E-Mail.", en: "Your complaint is too long for an email link. Download the message and attach it to your email, or copy the text into the email." },
    MailAttachNote => { de: "Bitte hängen Sie die heruntergeladene Datei {file} an diese E-Mail an; sie enthält Ihre vollständige Beschwerde.", en: "Please attach the downloaded file {file} to this email; it holds your complete complaint." },
    DownloadEml => { de: "Nachricht herunterladen (.eml)", en: "Download message (.eml)" },
    CopyText => { de: "Text kopieren", en: "Copy text" },
    Copied => { de: "Text kopiert.", en: "Text copied." },
    CopyFailed => { de: "Kopieren nicht möglich; bitte markieren Sie den Text selbst.", en: "Copying is not possible; please select the text yourself." },
    MailSentConfirm => { de: "Ich habe die E-Mail abgeschickt", en: "I have sent the email" },
    PlainTextLabel => { de: "Text Ihrer Beschwerde", en: "Text of your complaint" },

    // Receipt
    ReceiptHeading => { de: "Beschwerde übermittelt", en: "Complaint sent" },
    ReceiptMailHeading => { de: "Beschwerde per E-Mail abgeschickt", en: "Complaint sent by email" },
    ReceiptReference => { de: "Ihre Referenz", en: "Your reference" },
    ReceiptNext => { de: "Wie geht es weiter?", en: "What happens next" },
    ReceiptAckBy => { de: "Wir bestätigen den Eingang bis {date}.", en: "We acknowledge receipt by {date}." },
    ReceiptAnswerBy => { de: "Wir bemühen uns, bis {date} zu antworten, oder teilen Ihnen bis dahin mit, wann Sie eine Antwort erwarten können.", en: "We aim to answer by {date}, or by then tell you when to expect an answer." },
    RuleWerktage => { de: "Fristen zählen in Werktagen: Montag bis Samstag, ohne gesetzliche Feiertage ({state}). Endet eine Frist an einem Samstag, Sonntag oder Feiertag, endet sie am nächsten Werktag.", en: "Deadlines count Werktage: Monday to Saturday, except public holidays ({state}). A deadline that would end on a Saturday, Sunday or public holiday ends on the next working day." },
    RuleArbeitstage => { de: "Fristen zählen in Arbeitstagen: Montag bis Freitag, ohne gesetzliche Feiertage ({state}).", en: "Deadlines count working days: Monday to Friday, except public holidays ({state})." },
    DeadlineAck => { de: "Eingangsbestätigung bis", en: "Acknowledgement by" },
    DeadlineAnswer => { de: "Antwort angestrebt bis", en: "Answer aimed for by" },
    ReceiptCopy => { de: "Kopie herunterladen (.eml)", en: "Download a copy (.eml)" },
    ReceiptNew => { de: "Neue Meldung beginnen", en: "Start a new report" },

    // Configuration
    ConfigErrorHeading => { de: "Das Portal ist falsch eingerichtet", en: "The portal is misconfigured" },
    ConfigErrorIntro => { de: "Die Datei config.json des Betreibers ist ungültig, daher kann nichts gesendet werden. Bitte nutzen Sie vorerst Telefon oder Post.", en: "The operator’s config.json is invalid, so nothing can be sent. Please use phone or post for now." },
    ConfigErrorDetail => { de: "Fehler in config.json", en: "Error in config.json" },
    NotFoundHeading => { de: "Seite nicht gefunden", en: "Page not found" },
    NotFoundBack => { de: "Zur Startseite", en: "Go to the start page" },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> =
            text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name)).collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_message_has_text_in_every_language_with_the_same_placeholders() {
        for msg in Msg::ALL {
            let de = msg.text(Locale::De);
            let en = msg.text(Locale::En);
            assert!(!de.trim().is_empty(), "{msg:?} has no German text");
            assert!(!en.trim().is_empty(), "{msg:?} has no English text");
            assert_eq!(placeholders(de), placeholders(en), "{msg:?} placeholders differ");
        }
    }

    #[test]
    fn format_fills_placeholders() {
        let text = Msg::TextTooLong.format(Locale::En, &[("max", "10"), ("len", "12")]);
        assert_eq!(text, "The text is too long: at most 10 characters, you have 12.");
    }

    #[test]
    fn negotiation_takes_the_first_supported_language() {
        assert_eq!(Locale::negotiate(["fr-FR", "en-GB", "de"]), Locale::En);
        assert_eq!(Locale::negotiate(["de-AT"]), Locale::De);
        assert_eq!(Locale::negotiate(["fr", "it"]), Locale::De);
        assert_eq!(Locale::negotiate([]), Locale::De);
    }

    #[test]
    fn dates_follow_the_locale() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(Locale::De.format_date(date), "05.03.2026");
        assert_eq!(Locale::En.format_date(date), "5 March 2026");
    }
}
