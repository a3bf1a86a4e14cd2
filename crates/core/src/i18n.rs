//! Every user-visible string, German and English side by side.
//!
//! A translator finds them all in this one file. The `messages!` macro requires both languages
//! for every key, so a missing translation does not compile; the tests check that the
//! placeholders (`{name}`) agree between the languages.

use serde::{Deserialize, Serialize};

/// The portal's languages; serialised as the BCP 47 tag (`de`, `en`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
    StartSpamLink => { de: "Sich über Spam beschweren", en: "Complain about spam" },
    StartSpamHint => { de: "Sie haben unerwünschte E-Mails erhalten, die über eine unserer Domains oder einen unserer Mailserver kamen. Sie brauchen die vollständige Nachricht mit allen Kopfzeilen.", en: "You received unwanted email sent through one of our domains or mail servers. You need the complete message with all its header lines." },
    StartAbuseLink => { de: "Domain-Missbrauch melden", en: "Report domain abuse" },
    StartAbuseHint => {
        de: "Sie möchten melden, dass einer unserer Kunden eine Domain missbraucht: Phishing, Schadsoftware, Botnetz, Pharming, Spam oder anderes.",
        en: "You want to report that one of our customers misuses a domain: phishing, malware, a botnet, pharming, spam or other abuse.",
    },
    StartEscalationLink => { de: "Eine Beschwerde eskalieren", en: "Escalate a complaint" },
    StartEscalationHint => {
        de: "Sie haben unsere Antwort erhalten und sind weiterhin unzufrieden: innerhalb von 20 Werktagen ab dem Tag der Antwort.",
        en: "You received our answer and are still unhappy: within 20 working days from the day of the answer.",
    },
    StartFeedbackLink => { de: "Feedback oder einen Vorschlag senden", en: "Send feedback or a suggestion" },
    StartFeedbackHint => {
        de: "Ein Vorschlag oder Kommentar zu unseren Abläufen, Services oder Bedingungen.",
        en: "A suggestion or comment about our processes, services or terms.",
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
    FieldEmailHintFeedback => { de: "Nur falls Sie eine Antwort möchten.", en: "Only if you would like an answer." },
    FieldSubjectHintEscalation => {
        de: "Der Betreff beginnt immer mit „Beschwerde:“. Ergänzen Sie eine kurze Zusammenfassung; ohne Angabe nehmen wir den Anfang Ihrer Erläuterung.",
        en: "The subject always starts with “Beschwerde:” (German for complaint). Add a short summary; left empty, we use the start of your explanation.",
    },
    FieldExplanation => { de: "Genaue Erläuterung Ihres Problems oder Ihrer Beschwerde", en: "Precise explanation of your problem or complaint" },
    FieldExplanationHint => { de: "Was ist weiterhin nicht in Ordnung, und was ist bisher geschehen?", en: "What is still wrong, and what has happened so far?" },
    FieldMessage => { de: "Ihre Nachricht", en: "Your message" },
    FieldMessageHint => { de: "Ihr Vorschlag oder Kommentar zu unseren Abläufen, Services oder Bedingungen.", en: "Your suggestion or comment about our processes, services or terms." },
    FieldExpectedSteps => { de: "Welche Schritte Sie von uns erwarten", en: "Steps you expect from us" },
    FieldExpectedStepsHint => { de: "Was sollen wir tun, um das Problem zu lösen?", en: "What should we do to resolve the problem?" },
    FieldPreviousReference => { de: "Referenz Ihrer vorherigen Beschwerde", en: "Reference of your previous complaint" },
    FieldPreviousReferenceHint => { de: "Wie in unserer Antwort angegeben, zum Beispiel eine Ticketnummer.", en: "As given in our answer, for example a ticket number." },
    FieldPreviousSentOn => { de: "Datum, an dem Sie die vorherige Beschwerde gesendet haben", en: "Date you sent the previous complaint" },
    FieldPreviousAnsweredOn => { de: "Datum unserer Antwort", en: "Date of our answer" },
    FieldPreviousAnsweredOnHint => { de: "Ab diesem Tag haben Sie 20 Werktage Zeit, die Beschwerde zu eskalieren.", en: "You have 20 working days from this day to escalate the complaint." },
    FieldDissatisfaction => { de: "Gründe für Ihre weitere Unzufriedenheit", en: "Why you are still dissatisfied" },
    FieldDissatisfactionHint => { de: "Was an unserer Antwort hat Ihr Problem nicht gelöst?", en: "What in our answer did not resolve your problem?" },
    FieldAbuseCategory => { de: "Art des Missbrauchs", en: "Kind of abuse" },
    FieldAbuseCategoryHint => { de: "Wählen Sie, was am besten passt.", en: "Choose what fits best." },
    AbusePhishing => { de: "Phishing (gefälschte Seiten, die Zugangsdaten abgreifen)", en: "Phishing (fake pages that steal credentials)" },
    AbuseMalware => { de: "Schadsoftware (Verbreitung von Viren, Trojanern o. Ä.)", en: "Malware (spreading viruses, trojans or the like)" },
    AbuseBotnet => { de: "Botnetz (Steuerung gekaperter Rechner)", en: "Botnet (controlling hijacked computers)" },
    AbusePharming => { de: "Pharming (Umleitung auf gefälschte Seiten, etwa über DNS)", en: "Pharming (redirecting to fake sites, for example through DNS)" },
    AbuseSpam => { de: "Spam (beworben über die Domain)", en: "Spam (advertised through the domain)" },
    AbuseOther => { de: "Anderer Missbrauch", en: "Other abuse" },
    FieldAbuseTargets => { de: "Betroffene Domains oder Adressen (URLs)", en: "Affected domains or addresses (URLs)" },
    FieldAbuseTargetsHint => { de: "Mindestens eine; eine pro Zeile. Vollständige Adressen (https://…) werden mitgesendet, die Domain wird daraus übernommen.", en: "At least one; one per line. Full addresses (https://…) are sent as given, and their domain is taken from them." },
    FieldAbuseDescriptionHint => { de: "Was haben Sie gesehen, wann, und woran erkennen Sie den Missbrauch?", en: "What did you see, when, and what shows it is abuse?" },
    FieldEvidence => { de: "Belege (Dateien)", en: "Evidence (files)" },
    FieldEvidenceHint => { de: "Zum Beispiel Bildschirmfotos oder gespeicherte Seiten: höchstens {max} Dateien, je höchstens {size}.", en: "For example screenshots or saved pages: at most {max} files, each at most {size}." },
    EvidenceReloadHint => { de: "Dateien werden nicht im Entwurf gespeichert: Nach dem Neuladen der Seite wählen Sie sie bitte erneut aus.", en: "Files are not kept in the draft: after reloading the page, please choose them again." },
    EvidenceChosen => { de: "Ausgewählte Dateien", en: "Chosen files" },
    EvidenceLine => { de: "{name} ({size}), SHA-256: {sha256}", en: "{name} ({size}), SHA-256: {sha256}" },
    EvidenceUnread => { de: "{name} ({size}), nicht gelesen", en: "{name} ({size}), not read" },
    UrlsLabel => { de: "Adressen (URLs)", en: "Addresses (URLs)" },
    PreviousComplaintHeading => { de: "Vorherige Beschwerde", en: "Previous complaint" },
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
    DomainsMissing => { de: "Geben Sie die betroffene(n) Domain(s) an.", en: "Enter the affected domain name(s)." },
    ExplanationMissing => { de: "Erläutern Sie Ihr Problem oder Ihre Beschwerde.", en: "Explain your problem or complaint." },
    MessageMissing => { de: "Geben Sie Ihre Nachricht ein.", en: "Enter your message." },
    ExpectedStepsMissing => { de: "Geben Sie an, welche Schritte Sie von uns erwarten.", en: "Say which steps you expect from us." },
    PreviousReferenceMissing => { de: "Geben Sie die Referenz Ihrer vorherigen Beschwerde an.", en: "Enter the reference of your previous complaint." },
    PreviousSentOnMissing => { de: "Geben Sie das Datum an, an dem Sie die vorherige Beschwerde gesendet haben.", en: "Enter the date you sent the previous complaint." },
    PreviousAnsweredOnMissing => { de: "Geben Sie das Datum unserer Antwort an.", en: "Enter the date of our answer." },
    DissatisfactionMissing => { de: "Geben Sie an, warum Sie weiterhin unzufrieden sind.", en: "Say why you are still dissatisfied." },
    AbuseCategoryMissing => { de: "Wählen Sie die Art des Missbrauchs.", en: "Choose the kind of abuse." },
    AbuseTargetsMissing => { de: "Geben Sie mindestens eine betroffene Domain oder Adresse (URL) an.", en: "Enter at least one affected domain or address (URL)." },
    EvidenceTooMany => { de: "Sie haben {count} Dateien gewählt; höchstens {max} können gesendet werden.", en: "You chose {count} files; at most {max} can be sent." },
    EvidenceTooLarge => { de: "„{name}“ ist zu groß: {size}; jede Datei darf höchstens {limit} groß sein.", en: "“{name}” is too large: {size}; each file can be at most {limit}." },
    EvidenceEmpty => { de: "„{name}“ ist leer. Wählen Sie eine Datei mit Inhalt.", en: "“{name}” is empty. Choose a file with content." },
    DateInvalid => { de: "„{value}“ ist kein gültiges Datum. Geben Sie Tag, Monat und Jahr an.", en: "“{value}” is not a real date. Enter the day, month and year." },
    SentOnFuture => { de: "Das Datum Ihrer vorherigen Beschwerde kann nicht in der Zukunft liegen.", en: "The date you sent the previous complaint cannot be in the future." },
    AnsweredOnFuture => { de: "Das Datum unserer Antwort kann nicht in der Zukunft liegen.", en: "The date of our answer cannot be in the future." },
    AnsweredBeforeSent => { de: "Das Datum unserer Antwort kann nicht vor dem Datum Ihrer Beschwerde ({sent}) liegen.", en: "The date of our answer cannot be before the date you sent the complaint ({sent})." },
    EscalationClosed => { de: "Die Frist für eine eskalierte Beschwerde endete am {date}. Wir betrachten die Angelegenheit als abgeschlossen.", en: "The time to escalate ended on {date}. We consider the matter closed." },
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
    DomainHyphenReserved => { de: "ein Teil hat an dritter und vierter Stelle zwei Bindestriche; das ist kodierten Namen wie „xn--“ vorbehalten.", en: "a part has hyphens in both the third and fourth place, which is reserved for encoded names like “xn--”." },
    DomainBidi => { de: "sie mischt Zeichen, die von rechts nach links geschrieben werden (etwa Arabisch oder Hebräisch), auf eine Weise mit anderen, die in Domains nicht erlaubt ist.", en: "it mixes right-to-left characters (such as Arabic or Hebrew) with other characters in a way domains do not allow." },
    DomainJoiner => { de: "sie enthält ein unsichtbares Verbindungszeichen (U+200C oder U+200D) an einer Stelle, an der Domains keines erlauben.", en: "it contains an invisible joiner (U+200C or U+200D) where domains do not allow one." },
    DomainBadPunycode => { de: "ein Teil, der mit „xn--“ beginnt, ist kein gültiger kodierter Name (Punycode).", en: "a part starting with “xn--” is not a validly encoded name (Punycode)." },
    DomainRefused => { de: "sie enthält Zeichen oder Zeichenfolgen, die in Domains nicht erlaubt sind.", en: "it contains characters, or combinations of characters, that domains do not allow." },
    DomainMixedScripts => { de: "„{domain}“ mischt in einem Teil mehrere Schriften ({scripts}); als A-Label lautet sie {ascii}. Ähnlich aussehende Zeichen sind ein verbreiteter Trick: Prüfen Sie, ob das die gemeinte Domain ist.", en: "“{domain}” mixes scripts in one part ({scripts}); its A-label is {ascii}. Look-alike letters are a common trick: check that this is the domain you mean." },
    ScriptLatin => { de: "Lateinisch", en: "Latin" },
    ScriptGreek => { de: "Griechisch", en: "Greek" },
    ScriptCyrillic => { de: "Kyrillisch", en: "Cyrillic" },
    ScriptArmenian => { de: "Armenisch", en: "Armenian" },
    ScriptHebrew => { de: "Hebräisch", en: "Hebrew" },
    ScriptArabic => { de: "Arabisch", en: "Arabic" },
    ScriptCjk => { de: "Chinesisch/Japanisch/Koreanisch", en: "Chinese/Japanese/Korean" },
    ScriptOther => { de: "eine weitere Schrift", en: "another script" },

    // Spam messages (issue 4)
    SpamTooLarge => { de: "Die Nachricht ist zu groß: {size}; höchstens {limit} sind möglich.", en: "The message is too large: {size}; at most {limit} can be taken." },
    SpamBinary => { de: "Das ist keine E-Mail-Nachricht, sondern eine Binärdatei (etwa ein Bild, Archiv oder Dokument). Wählen Sie die Nachricht als .eml- oder .txt-Datei oder fügen Sie ihren Quelltext ein.", en: "This is not an email message but a binary file (such as an image, archive or document). Choose the message as an .eml or .txt file, or paste its source." },
    SpamUndecodable => { de: "Der Text der Nachricht lässt sich nicht lesen: Er ist kein UTF-8 und nennt keinen anderen Zeichensatz. Speichern Sie die Nachricht in Ihrem E-Mail-Programm als .eml-Datei und wählen Sie diese.", en: "The message text cannot be read: it is not UTF-8 and names no other character set. Save the message as an .eml file in your email program and choose that file." },
    SpamNoHeaders => { de: "Das ist nur der Text der Nachricht: Die Kopfzeilen (Received, From, Date …) fehlen. Wir brauchen die vollständige Nachricht mit allen Kopfzeilen.", en: "This is only the text of the message: its header lines (Received, From, Date …) are missing. We need the complete message with all its headers." },
    SpamNoReceived => { de: "Der Nachricht fehlen die Received-Kopfzeilen, die zeigen, über welche Server sie kam. Ohne sie können wir den Absender nicht ermitteln. Wir brauchen die vollständige Nachricht, wie sie angekommen ist.", en: "The message has no Received header lines, which show the servers it came through. Without them we cannot trace the sender. We need the complete message as it arrived." },
    SpamInlineForward => { de: "Das ist eine weitergeleitete Nachricht: Beim Weiterleiten gehen die Kopfzeilen verloren, die den Absender zeigen. Leiten Sie die Nachricht nicht weiter, sondern kopieren Sie ihren vollständigen Quelltext.", en: "This is a forwarded message: forwarding loses the header lines that show the sender. Instead of forwarding it, copy its complete source." },
    SpamSourceIntro => { de: "So erhalten Sie den vollständigen Quelltext:", en: "How to get the complete source:" },
    SpamSourceGmail => { de: "Gmail: Nachricht öffnen, Menü ⋮ neben „Antworten“, „Original anzeigen“, dann „Original herunterladen“ oder „In Zwischenablage kopieren“.", en: "Gmail: open the message, menu ⋮ next to “Reply”, “Show original”, then “Download original” or “Copy to clipboard”." },
    SpamSourceOutlook => { de: "Outlook: Nachricht öffnen, Menü …, „Anzeigen“, „Nachrichtenquelle anzeigen“ (im klassischen Outlook: Datei, Eigenschaften, „Internetkopfzeilen“, oder die Nachricht als .eml speichern).", en: "Outlook: open the message, menu …, “View”, “View message source” (in classic Outlook: File, Properties, “Internet headers”, or save the message as .eml)." },
    SpamSourceAppleMail => { de: "Apple Mail: Nachricht auswählen, Darstellung > E-Mail > Reine Quelle (⌥⌘U), oder Ablage > Sichern unter mit Format „Reine Nachrichtenquelle“.", en: "Apple Mail: select the message, View > Message > Raw Source (⌥⌘U), or File > Save As with format “Raw Message Source”." },
    SpamSourceThunderbird => { de: "Thunderbird: Nachricht auswählen, Ansicht > Nachrichtenquelltext (Strg+U), oder Datei > Speichern unter > Datei (.eml).", en: "Thunderbird: select the message, View > Message Source (Ctrl+U), or File > Save As > File (.eml)." },
    SpamFromNoProof => { de: "Die Absenderadresse (From) allein beweist nichts: Sie lässt sich beliebig fälschen. Entscheidend sind die Received-Kopfzeilen.", en: "The sender address (From) alone proves nothing: it can be forged at will. The Received header lines are what count." },
    // The spam complaint form (issue 4)
    SpamContactNotice => { de: "Anonyme Beschwerden beantworten wir nicht. Geben Sie deshalb Ihren Namen und Ihre E-Mail-Adresse an; wir nutzen sie nur für diese Beschwerde.", en: "We do not answer anonymous complaints, so please give your name and email address; we use them only for this complaint." },
    FieldSpamMessage => { de: "Die vollständige Spam-Nachricht", en: "The complete spam message" },
    FieldSpamMessageHint => { de: "Mit allen Kopfzeilen, wie sie angekommen ist: Fügen Sie den Quelltext ein oder wählen Sie die Nachricht als .eml- oder .txt-Datei (höchstens {size}). Leiten Sie sie nicht weiter.", en: "With all its header lines, as it arrived: paste its source or choose the message as an .eml or .txt file (at most {size}). Do not forward it." },
    SpamPasteLabel => { de: "Quelltext der Nachricht hier einfügen", en: "Paste the message source here" },
    SpamFileLabel => { de: "Oder die Nachricht als Datei wählen (.eml, .txt)", en: "Or choose the message as a file (.eml, .txt)" },
    SpamTakenPaste => { de: "Eingefügter Quelltext: {size}", en: "Pasted source: {size}" },
    SpamTakenFile => { de: "Datei „{name}“: {size}", en: "File “{name}”: {size}" },
    SpamKeptNote => { de: "Die Nachricht bleibt nur in diesem Browser gespeichert, bis Ihre Beschwerde angekommen ist.", en: "The message is kept only in this browser until your complaint has arrived." },
    SpamRemove => { de: "Nachricht entfernen", en: "Remove the message" },
    SpamAnalysing => { de: "Die Nachricht wird geprüft …", en: "Checking the message …" },
    SpamStillAnalysing => { de: "Die Nachricht wird noch geprüft. Bitte warten Sie einen Moment.", en: "The message is still being checked. Please wait a moment." },
    SpamAnalysisFailed => { de: "Die Nachricht konnte nicht geprüft werden. Laden Sie die Seite neu und versuchen Sie es noch einmal.", en: "The message could not be checked. Reload the page and try again." },
    SpamReadFailed => { de: "Die Datei „{name}“ konnte nicht gelesen werden. Wählen Sie sie noch einmal.", en: "The file “{name}” could not be read. Please choose it again." },
    SpamSummaryHeading => { de: "Was die Nachricht zeigt", en: "What the message shows" },
    SpamSummarySubject => { de: "Betreff", en: "Subject" },
    SpamSummaryFrom => { de: "Absender laut From", en: "Sender according to From" },
    SpamSummaryReturnPath => { de: "Return-Path (Umschlag-Absender)", en: "Return-Path (envelope sender)" },
    SpamSummaryDate => { de: "Datum", en: "Date" },
    SpamSummaryHops => { de: "Zustellweg (Received)", en: "Delivery path (Received)" },
    SpamSummaryHopCount => { de: "{count} Stationen", en: "{count} hops" },
    SpamSummarySourceIp => { de: "Vermutliche Quelle (IP)", en: "Likely source (IP)" },
    SpamSummaryAuth => { de: "Prüfergebnisse (SPF, DKIM, DMARC)", en: "Checks (SPF, DKIM, DMARC)" },
    SpamSummaryDkim => { de: "Signiert (DKIM) von", en: "Signed (DKIM) by" },
    SpamSummaryLinks => { de: "Hosts in den Links", en: "Hosts in the links" },
    SpamSummaryNone => { de: "keine", en: "none" },
    SpamExcerpt => { de: "Anfang der Nachricht", en: "Start of the message" },
    SpamSuggestions => { de: "Aus der Nachricht übernehmen:", en: "Take from the message:" },
    SpamSuggestionUse => { de: "{host} übernehmen", en: "Use {host}" },
    FieldSpamTarget => { de: "Domain oder Mailserver, über den Sie sich beschweren", en: "Domain or mail server you are complaining about" },
    FieldSpamTargetHint => { de: "Eine Domain (beispiel.de), der Name eines Mailservers (mail.beispiel.de) oder seine IP-Adresse.", en: "A domain (example.com), a mail server’s name (mail.example.com) or its IP address." },
    FieldSpamComments => { de: "Ihre Anmerkungen (freiwillig)", en: "Your comments (optional)" },
    FieldSpamCommentsHint => { de: "Zum Beispiel, dass Sie nie etwas bestellt oder abonniert haben.", en: "For example, that you never ordered or subscribed to anything." },
    SpamMessageMissing => { de: "Fügen Sie die vollständige Nachricht ein oder wählen Sie sie als Datei.", en: "Paste the complete message or choose it as a file." },
    SpamTargetMissing => { de: "Geben Sie die Domain oder den Mailserver an, über den Sie sich beschweren.", en: "Enter the domain or mail server you are complaining about." },
    SpamTargetInvalid => { de: "„{entry}“ ist weder eine gültige Domain noch eine IP-Adresse: {reason}", en: "“{entry}” is neither a valid domain nor an IP address: {reason}" },
    SpamTargetOneHost => { de: "Geben Sie genau einen Hostnamen oder eine IP-Adresse an.", en: "Enter exactly one host name or IP address." },
    SpamCheckMessage => { de: "Nachricht", en: "Message" },
    SpamCheckMessageLine => { de: "{size}, SHA-256: {sha256}", en: "{size}, SHA-256: {sha256}" },
    MailAttachSpam => { de: "Eine E-Mail-Nachricht passt nicht in einen E-Mail-Link. Laden Sie den Bericht herunter und hängen Sie ihn an Ihre E-Mail an: Er enthält Ihre Beschwerde und die Nachricht unverändert.", en: "An email message does not fit into an email link. Download the report and attach it to your email: it holds your complaint and the message unchanged." },
    ArfIntro => { de: "Dies ist ein Missbrauchsbericht im Format ARF (RFC 5965) über eine Spam-Nachricht, gemeldet von {reporter}. Gemeldet wird: {domain}. Die Nachricht ist unverändert angehängt.", en: "This is an abuse report in ARF format (RFC 5965) about a spam message, reported by {reporter}. Reported: {domain}. The message is attached unchanged." },
    ArfSourceIp => { de: "Vermutliche Quelle (IP):", en: "Likely source (IP):" },
    ArfUrlHosts => { de: "Hosts in Links der Nachricht:", en: "Hosts in the message’s links:" },

    // The escalation window
    EscalationOpenUntil => { de: "Ihre eskalierte Beschwerde muss uns bis zum {date} erreichen; das ist der letzte Tag der Frist.", en: "Your escalation must reach us by {date}: that is the last day it can be made." },
    EscalationCarryHint => { de: "Sie können uns das Problem als neue Beschwerde schildern. Alles, was Sie hier eingegeben haben, wird übernommen.", en: "You can tell us about the problem as a new complaint. Everything you typed here is carried over." },
    EscalationCarryOver => { de: "Neue Beschwerde mit diesen Angaben beginnen", en: "Start a new complaint with these details" },

    // Check your answers
    CheckHeading => { de: "Prüfen Sie Ihre Angaben", en: "Check your answers before sending" },
    CheckChange => { de: "Ändern", en: "Change" },
    CheckNotGiven => { de: "keine Angabe", en: "not given" },
    CheckSendTo => { de: "Empfänger", en: "Sent to" },
    Send => { de: "Beschwerde absenden", en: "Send complaint" },
    SendFeedback => { de: "Feedback absenden", en: "Send feedback" },
    Sending => { de: "Wird gesendet …", en: "Sending …" },
    Retrying => { de: "Noch nicht angekommen; neuer Versuch {attempt} von {max} …", en: "Not received yet; trying again ({attempt} of {max}) …" },
    SendRejected => { de: "Der Empfänger hat die Beschwerde abgelehnt: {message}", en: "The recipient refused the complaint: {message}" },
    SendRejectedFix => { de: "Ihre Eingaben sind gespeichert. Korrigieren Sie sie und senden Sie erneut.", en: "Your answers are kept. Correct them and send again." },
    SendFailed => { de: "Die Beschwerde konnte nicht übertragen werden. Nichts ist verloren: Senden Sie sie per E-Mail.", en: "The complaint could not be delivered. Nothing is lost: send it by email instead." },
    SendBlockedByPolicy => { de: "Dieses Portal darf die Beschwerde nicht an {origin} übertragen: Die Sicherheitsrichtlinie des Betreibers (Content-Security-Policy, connect-src) erlaubt diese Adresse nicht. Nichts ist verloren: Senden Sie sie per E-Mail.", en: "This portal may not send the complaint to {origin}: the operator's security policy (Content-Security-Policy, connect-src) does not allow that address. Nothing is lost: send it by email instead." },
    NoJavascriptData => { de: "Es liegen keine Angaben vor. Bitte füllen Sie zuerst das Formular aus.", en: "There is nothing to check yet. Please fill in the form first." },

    // Mail fallback
    MailHeading => { de: "Per E-Mail senden", en: "Send by email" },
    MailIntro => { de: "Ihr E-Mail-Programm öffnet eine fertige Nachricht an {mailbox}. Prüfen Sie sie und senden Sie sie ab.", en: "Your email program opens a ready-made message to {mailbox}. Check it and send it." },
    MailOpen => { de: "E-Mail-Programm öffnen", en: "Open email program" },
    MailTooLong => { de: "Ihre Beschwerde ist zu lang für einen E-Mail-Link. Laden Sie die Nachricht herunter und hängen Sie sie an Ihre E-Mail an, oder kopieren Sie den Text in die E-Mail.", en: "Your complaint is too long for an email link. Download the message and attach it to your email, or copy the text into the email." },
    MailAttachEvidence => { de: "Ihre Meldung enthält Dateien, die ein E-Mail-Link nicht mitnehmen kann. Laden Sie die Nachricht herunter und hängen Sie sie an Ihre E-Mail an: Sie enthält die Meldung und alle Dateien.", en: "Your report has files that an email link cannot carry. Download the message and attach it to your email: it holds the report and all the files." },
    MailAttachNote => { de: "Bitte hängen Sie die heruntergeladene Datei {file} an diese E-Mail an; sie enthält Ihre vollständige Beschwerde.", en: "Please attach the downloaded file {file} to this email; it holds your complete complaint." },
    DownloadEml => { de: "Nachricht herunterladen (.eml)", en: "Download message (.eml)" },
    CopyText => { de: "Text kopieren", en: "Copy text" },
    Copied => { de: "Text kopiert.", en: "Text copied." },
    CopyFailed => { de: "Kopieren nicht möglich; bitte markieren Sie den Text selbst.", en: "Copying is not possible; please select the text yourself." },
    MailSentConfirm => { de: "Ich habe die E-Mail abgeschickt", en: "I have sent the email" },
    PlainTextLabel => { de: "Text Ihrer Beschwerde", en: "Text of your complaint" },

    // Receipt
    SendReport => { de: "Meldung absenden", en: "Send report" },
    ReceiptReportHeading => { de: "Meldung übermittelt", en: "Report sent" },
    ReceiptReportMailHeading => { de: "Meldung per E-Mail abgeschickt", en: "Report sent by email" },
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
    ReceiptFeedbackHeading => { de: "Feedback übermittelt", en: "Feedback sent" },
    ReceiptFeedbackNext => { de: "Vielen Dank. Wir leiten Ihr Feedback an die zuständige Abteilung oder das Projektteam weiter.", en: "Thank you. We pass your feedback on to the department or project team responsible." },
    ReceiptFinalAnswerBy => { de: "Eine abschließende Antwort erhalten Sie in der Regel bis {date}.", en: "You will usually get our final answer by {date}." },
    DeadlineFinalAnswer => { de: "Abschließende Antwort in der Regel bis", en: "Final answer usually by" },
    ReceiptCalendar => { de: "Termine in den Kalender übernehmen (.ics)", en: "Add the dates to your calendar (.ics)" },
    IcsAcknowledgement => { de: "Eingangsbestätigung erwartet – {subject}", en: "Acknowledgement due – {subject}" },
    IcsAnswer => { de: "Antwort angestrebt – {subject}", en: "Answer due – {subject}" },
    IcsFinalAnswer => { de: "Abschließende Antwort erwartet – {subject}", en: "Final answer due – {subject}" },
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
