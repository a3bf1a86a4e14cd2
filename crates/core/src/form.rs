//! The request kinds (§2) and the fields each one asks for.
//!
//! Forms are data: a kind lists its fields and whether each is required, and one generic form
//! renders and validates them. A new kind is a new entry here, not a new component.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Msg;

/// The kind of request.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    ServiceComplaint,
    AbuseReport,
    SpamComplaint,
    Escalation,
    Feedback,
}

impl Kind {
    pub const ALL: [Kind; 5] =
        [Kind::ServiceComplaint, Kind::AbuseReport, Kind::SpamComplaint, Kind::Escalation, Kind::Feedback];

    /// The stable name used in JSON, storage keys and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::ServiceComplaint => "service_complaint",
            Kind::AbuseReport => "abuse_report",
            Kind::SpamComplaint => "spam_complaint",
            Kind::Escalation => "escalation",
            Kind::Feedback => "feedback",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.slug() == slug)
    }

    pub fn title(self) -> Msg {
        match self {
            Kind::ServiceComplaint => Msg::KindServiceComplaint,
            Kind::AbuseReport => Msg::KindAbuseReport,
            Kind::SpamComplaint => Msg::KindSpamComplaint,
            Kind::Escalation => Msg::KindEscalation,
            Kind::Feedback => Msg::KindFeedback,
        }
    }

    /// The fields of this kind's form, in order, with whether each one is required.
    pub fn fields(self) -> &'static [(Field, Need)] {
        use Field::*;
        use Need::*;
        match self {
            Kind::ServiceComplaint => &[
                (Name, Required),
                (Email, Required),
                (Phone, Optional),
                (CustomerAccount, Optional),
                (Domains, Optional),
                (Subject, Optional),
                (Description, Required),
            ],
            // The procedure's list for an escalated complaint ("Beschwerde"), in its order.
            Kind::Escalation => &[
                (Name, Required),
                (Email, Required),
                (Phone, Optional),
                (CustomerAccount, Optional),
                (Domains, Required),
                (Subject, Optional),
                (Description, Required),
                (ExpectedSteps, Required),
                (PreviousReference, Required),
                (PreviousSentOn, Required),
                (PreviousAnsweredOn, Required),
                (Dissatisfaction, Required),
            ],
            Kind::Feedback => &[(Name, Optional), (Email, Optional), (Subject, Optional), (Description, Required)],
            // Reporter contact (an address to answer, name and phone optional), the category,
            // at least one domain or URL, the description, and evidence files.
            Kind::AbuseReport => &[
                (Name, Optional),
                (Email, Required),
                (Phone, Optional),
                (AbuseCategory, Required),
                (Domains, Required),
                (Subject, Optional),
                (Description, Required),
                (Evidence, Optional),
            ],
            // Anonymous spam complaints are not answered, so name and address are required.
            // The message comes before the target: its analysis suggests the hosts to name.
            Kind::SpamComplaint => &[
                (Name, Required),
                (Email, Required),
                (Phone, Optional),
                (SpamMessage, Required),
                (SpamTarget, Required),
                (Description, Optional),
            ],
        }
    }

    /// The label of `field` in this kind's form: the description is an "explanation" in an
    /// escalation and a "message" in feedback; every other field keeps its own label.
    pub fn label(self, field: Field) -> Msg {
        match (self, field) {
            (Kind::Escalation, Field::Description) => Msg::FieldExplanation,
            (Kind::Feedback, Field::Description) => Msg::FieldMessage,
            (Kind::AbuseReport, Field::Domains) => Msg::FieldAbuseTargets,
            (Kind::SpamComplaint, Field::Description) => Msg::FieldSpamComments,
            _ => field.label(),
        }
    }

    /// The hint of `field` in this kind's form, where it differs from the field's own.
    pub fn hint(self, field: Field) -> Option<Msg> {
        match (self, field) {
            (Kind::Escalation, Field::Description) => Some(Msg::FieldExplanationHint),
            (Kind::Escalation, Field::Subject) => Some(Msg::FieldSubjectHintEscalation),
            (Kind::Feedback, Field::Description) => Some(Msg::FieldMessageHint),
            (Kind::Feedback, Field::Email) => Some(Msg::FieldEmailHintFeedback),
            (Kind::AbuseReport, Field::Domains) => Some(Msg::FieldAbuseTargetsHint),
            (Kind::AbuseReport, Field::Description) => Some(Msg::FieldAbuseDescriptionHint),
            (Kind::SpamComplaint, Field::Description) => Some(Msg::FieldSpamCommentsHint),
            _ => field.hint(),
        }
    }

    /// What the page says before anyone types: a spam complaint needs contact details, as
    /// anonymous complaints are not answered.
    pub fn notice(self) -> Option<Msg> {
        (self == Kind::SpamComplaint).then_some(Msg::SpamContactNotice)
    }

    /// The send button's label: feedback and reports are not complaints.
    pub fn send_label(self) -> Msg {
        match self {
            Kind::Feedback => Msg::SendFeedback,
            Kind::AbuseReport => Msg::SendReport,
            _ => Msg::Send,
        }
    }

    /// The receipt's heading, for a request the endpoint confirmed or one sent by email.
    pub fn receipt_heading(self, by_mail: bool) -> Msg {
        match (self, by_mail) {
            (Kind::Feedback, _) => Msg::ReceiptFeedbackHeading,
            (Kind::AbuseReport, false) => Msg::ReceiptReportHeading,
            (Kind::AbuseReport, true) => Msg::ReceiptReportMailHeading,
            (_, false) => Msg::ReceiptHeading,
            (_, true) => Msg::ReceiptMailHeading,
        }
    }

    /// Whether the procedure promises dates for this kind (acknowledgement, answer, and for an
    /// escalation the final answer). Every complaint and report gets them; feedback is passed
    /// on to the team responsible, with no date promised.
    pub fn promises_dates(self) -> bool {
        self != Kind::Feedback
    }

    /// Whether the portal offers a form for this kind yet.
    pub fn is_available(self) -> bool {
        !self.fields().is_empty()
    }

    pub fn need(self, field: Field) -> Option<Need> {
        self.fields().iter().find(|(f, _)| *f == field).map(|(_, need)| *need)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Need {
    Required,
    Optional,
}

/// One input of a form. The serde name is the key in drafts and the HTML `id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    Email,
    Phone,
    CustomerAccount,
    Domains,
    Subject,
    Description,
    /// Escalation: the steps the complainant expects from the operator.
    ExpectedSteps,
    /// Escalation: the reference of the previous complaint.
    PreviousReference,
    /// Escalation: the day the previous complaint was sent (`YYYY-MM-DD`).
    PreviousSentOn,
    /// Escalation: the day of the operator's answer (`YYYY-MM-DD`), which opens the window.
    PreviousAnsweredOn,
    /// Escalation: why the complainant is still dissatisfied.
    Dissatisfaction,
    /// Abuse report: the category, one of [`crate::abuse::AbuseCategory`]'s slugs.
    AbuseCategory,
    /// Abuse report: evidence files. Never in the draft: files live in memory only, and their
    /// caps are checked by [`crate::abuse::check_evidence`].
    Evidence,
    /// Spam complaint: the complete message, pasted or chosen as a file. Never in the draft:
    /// the bytes live in memory and IndexedDB, and are checked by [`crate::spam::check_raw`].
    SpamMessage,
    /// Spam complaint: the domain or mail server complained about (a domain, a host name or an
    /// IP address).
    SpamTarget,
}

/// How a field is typed in: this decides the HTML control, nothing else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Text,
    Email,
    Tel,
    TextArea {
        rows: u32,
    },
    /// `<input type="date">`: the value is `YYYY-MM-DD` (see [`crate::escalation::parse_date`]).
    Date,
    /// A radio group in a `<fieldset>`: (value, label) of each option.
    Radios(&'static [(&'static str, Msg)]),
    /// `<input type="file" multiple>`: the files stay in memory, outside the draft.
    Files,
    /// A whole message, pasted or chosen as one file, taken without being laid out as text
    /// (10 MB in a `<textarea>` takes Chromium seconds); outside the draft.
    RawMessage,
}

impl Field {
    /// The HTML `id` of the control, also the anchor the error summary links to.
    pub fn id(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::CustomerAccount => "customer_account",
            Field::Domains => "domains",
            Field::Subject => "subject",
            Field::Description => "description",
            Field::ExpectedSteps => "expected_steps",
            Field::PreviousReference => "previous_reference",
            Field::PreviousSentOn => "previous_sent_on",
            Field::PreviousAnsweredOn => "previous_answered_on",
            Field::Dissatisfaction => "dissatisfaction",
            Field::AbuseCategory => "abuse_category",
            Field::Evidence => "evidence",
            Field::SpamMessage => "spam_message",
            Field::SpamTarget => "spam_target",
        }
    }

    pub fn label(self) -> Msg {
        match self {
            Field::Name => Msg::FieldName,
            Field::Email => Msg::FieldEmail,
            Field::Phone => Msg::FieldPhone,
            Field::CustomerAccount => Msg::FieldCustomerAccount,
            Field::Domains => Msg::FieldDomains,
            Field::Subject => Msg::FieldSubject,
            Field::Description => Msg::FieldDescription,
            Field::ExpectedSteps => Msg::FieldExpectedSteps,
            Field::PreviousReference => Msg::FieldPreviousReference,
            Field::PreviousSentOn => Msg::FieldPreviousSentOn,
            Field::PreviousAnsweredOn => Msg::FieldPreviousAnsweredOn,
            Field::Dissatisfaction => Msg::FieldDissatisfaction,
            Field::AbuseCategory => Msg::FieldAbuseCategory,
            Field::Evidence => Msg::FieldEvidence,
            Field::SpamMessage => Msg::FieldSpamMessage,
            Field::SpamTarget => Msg::FieldSpamTarget,
        }
    }

    pub fn hint(self) -> Option<Msg> {
        match self {
            Field::Name => None,
            Field::Email => Some(Msg::FieldEmailHint),
            Field::Phone => Some(Msg::FieldPhoneHint),
            Field::CustomerAccount => Some(Msg::FieldCustomerAccountHint),
            Field::Domains => Some(Msg::FieldDomainsHint),
            Field::Subject => Some(Msg::FieldSubjectHint),
            Field::Description => Some(Msg::FieldDescriptionHint),
            Field::ExpectedSteps => Some(Msg::FieldExpectedStepsHint),
            Field::PreviousReference => Some(Msg::FieldPreviousReferenceHint),
            Field::PreviousSentOn => None,
            Field::PreviousAnsweredOn => Some(Msg::FieldPreviousAnsweredOnHint),
            Field::Dissatisfaction => Some(Msg::FieldDissatisfactionHint),
            Field::AbuseCategory => Some(Msg::FieldAbuseCategoryHint),
            Field::Evidence => Some(Msg::FieldEvidenceHint),
            Field::SpamMessage => Some(Msg::FieldSpamMessageHint),
            Field::SpamTarget => Some(Msg::FieldSpamTargetHint),
        }
    }

    pub fn control(self) -> Control {
        match self {
            Field::Email => Control::Email,
            Field::Phone => Control::Tel,
            Field::Domains => Control::TextArea { rows: 3 },
            Field::Description => Control::TextArea { rows: 8 },
            Field::ExpectedSteps | Field::Dissatisfaction => Control::TextArea { rows: 5 },
            Field::PreviousSentOn | Field::PreviousAnsweredOn => Control::Date,
            Field::AbuseCategory => Control::Radios(crate::abuse::CATEGORY_OPTIONS),
            Field::Evidence => Control::Files,
            Field::SpamMessage => Control::RawMessage,
            Field::Name | Field::CustomerAccount | Field::Subject | Field::PreviousReference | Field::SpamTarget => {
                Control::Text
            }
        }
    }

    /// The HTML `autocomplete` token, so browsers and password managers can help.
    pub fn autocomplete(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Email => "email",
            Field::Phone => "tel",
            Field::CustomerAccount => "username",
            Field::Domains
            | Field::Subject
            | Field::Description
            | Field::ExpectedSteps
            | Field::PreviousReference
            | Field::PreviousSentOn
            | Field::PreviousAnsweredOn
            | Field::Dissatisfaction
            | Field::AbuseCategory
            | Field::Evidence
            | Field::SpamMessage
            | Field::SpamTarget => "off",
        }
    }

    /// The most characters this field takes; longer input is an error, never cut.
    pub fn max_chars(self) -> usize {
        match self {
            Field::Name => 200,
            Field::Email => 254,
            Field::Phone => 40,
            Field::CustomerAccount => 64,
            Field::Subject => 150,
            Field::Domains => 20_000,
            Field::Description => 50_000,
            Field::ExpectedSteps | Field::Dissatisfaction => 20_000,
            Field::PreviousReference => 100,
            // A date is ten characters; anything longer gets the clearer "not a real date".
            Field::PreviousSentOn | Field::PreviousAnsweredOn => 100,
            // A category slug; files and messages have no text in the draft.
            Field::AbuseCategory | Field::Evidence | Field::SpamMessage => 100,
            // A host name is at most 253 characters; a URL it came from may be longer.
            Field::SpamTarget => 2_000,
        }
    }
}

/// What the complainant has typed so far, exactly as typed. This is what autosaves.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub kind: Option<Kind>,
    #[serde(default)]
    pub values: BTreeMap<Field, String>,
}

impl Draft {
    pub fn new(kind: Kind) -> Draft {
        Draft { kind: Some(kind), values: BTreeMap::new() }
    }

    pub fn get(&self, field: Field) -> &str {
        self.values.get(&field).map(String::as_str).unwrap_or("")
    }

    pub fn set(&mut self, field: Field, value: impl Into<String>) {
        let value = value.into();
        if value.is_empty() {
            self.values.remove(&field);
        } else {
            self.values.insert(field, value);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.values.values().all(|value| value.trim().is_empty())
    }

    /// Reads a stored draft; anything unreadable is treated as no draft rather than an error,
    /// because a stale format must never block the form.
    pub fn from_json(json: &str) -> Option<Draft> {
        serde_json::from_str(json).ok()
    }

    pub fn to_json(&self) -> String {
        // A map of plain strings always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn slugs_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_slug(kind.slug()), Some(kind));
        }
        assert_eq!(Kind::from_slug("nonsense"), None);
    }

    #[test]
    fn service_complaint_requires_name_email_and_description() {
        let required: Vec<Field> = Kind::ServiceComplaint
            .fields()
            .iter()
            .filter(|(_, need)| *need == Need::Required)
            .map(|(field, _)| *field)
            .collect();
        assert_eq!(required, vec![Field::Name, Field::Email, Field::Description]);
    }

    fn required(kind: Kind) -> Vec<Field> {
        kind.fields().iter().filter(|(_, need)| *need == Need::Required).map(|(field, _)| *field).collect()
    }

    #[test]
    fn escalation_asks_for_everything_the_procedure_lists() {
        use Field::*;
        assert_eq!(
            required(Kind::Escalation),
            vec![
                Name,
                Email,
                Domains,
                Description,
                ExpectedSteps,
                PreviousReference,
                PreviousSentOn,
                PreviousAnsweredOn,
                Dissatisfaction
            ]
        );
        assert_eq!(Kind::Escalation.need(Phone), Some(Need::Optional));
        assert_eq!(Kind::Escalation.need(CustomerAccount), Some(Need::Optional));
        assert_eq!(PreviousSentOn.control(), Control::Date);
        assert_eq!(PreviousAnsweredOn.control(), Control::Date);
        assert_eq!(Kind::Escalation.label(Description), Msg::FieldExplanation);
        assert_eq!(Kind::Escalation.label(Name), Msg::FieldName);
    }

    #[test]
    fn feedback_needs_only_its_message() {
        assert_eq!(required(Kind::Feedback), vec![Field::Description]);
        assert_eq!(Kind::Feedback.need(Field::Email), Some(Need::Optional));
        assert_eq!(Kind::Feedback.label(Field::Description), Msg::FieldMessage);
        assert_eq!(Kind::Feedback.hint(Field::Email), Some(Msg::FieldEmailHintFeedback));
        assert_eq!(Kind::ServiceComplaint.label(Field::Description), Msg::FieldDescription);
        assert!(!Kind::Feedback.promises_dates());
        assert!(Kind::Escalation.promises_dates() && Kind::ServiceComplaint.promises_dates());
    }

    #[test]
    fn an_abuse_report_asks_for_contact_category_targets_and_description() {
        use Field::*;
        assert_eq!(required(Kind::AbuseReport), vec![Email, AbuseCategory, Domains, Description]);
        assert_eq!(Kind::AbuseReport.need(Name), Some(Need::Optional));
        assert_eq!(Kind::AbuseReport.need(Evidence), Some(Need::Optional));
        assert!(Kind::AbuseReport.is_available());
        assert_eq!(AbuseCategory.control(), Control::Radios(crate::abuse::CATEGORY_OPTIONS));
        assert_eq!(Evidence.control(), Control::Files);
        assert_eq!(Kind::AbuseReport.label(Domains), Msg::FieldAbuseTargets);
        assert_eq!(Kind::ServiceComplaint.label(Domains), Msg::FieldDomains);
        assert_eq!(Kind::AbuseReport.hint(Description), Some(Msg::FieldAbuseDescriptionHint));
    }

    #[test]
    fn reports_and_feedback_are_not_called_complaints_when_sent() {
        assert_eq!(Kind::AbuseReport.send_label().text(Locale::En), "Send report");
        assert_eq!(Kind::SpamComplaint.send_label(), Msg::Send);
        assert_eq!(Kind::Feedback.send_label(), Msg::SendFeedback);
        assert_eq!(Kind::AbuseReport.receipt_heading(true).text(Locale::De), "Meldung per E-Mail abgeschickt");
        assert_eq!(Kind::Escalation.receipt_heading(false), Msg::ReceiptHeading);
        assert_eq!(Kind::Feedback.receipt_heading(true), Msg::ReceiptFeedbackHeading);
    }

    #[test]
    fn a_spam_complaint_requires_contact_message_and_target() {
        use Field::*;
        assert_eq!(required(Kind::SpamComplaint), vec![Name, Email, SpamMessage, SpamTarget]);
        assert_eq!(Kind::SpamComplaint.need(Description), Some(Need::Optional));
        assert_eq!(SpamMessage.control(), Control::RawMessage);
        assert_eq!(Kind::SpamComplaint.label(Description), Msg::FieldSpamComments);
        assert!(Kind::ALL.iter().all(|kind| kind.is_available()));
    }

    #[test]
    fn escalation_and_feedback_are_offered_and_every_field_id_is_distinct() {
        assert!(Kind::Escalation.is_available() && Kind::Feedback.is_available());
        let mut ids: Vec<&str> = Kind::ALL.iter().flat_map(|kind| kind.fields()).map(|(field, _)| field.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        let distinct_fields: std::collections::BTreeSet<Field> =
            Kind::ALL.iter().flat_map(|kind| kind.fields()).map(|(field, _)| *field).collect();
        assert_eq!(ids.len(), distinct_fields.len());
        for field in distinct_fields {
            // The id is the serde name, so drafts, anchors and ids agree.
            assert_eq!(serde_json::to_value(field).unwrap(), field.id());
        }
    }

    #[test]
    fn draft_round_trips_through_json_and_drops_empty_values() {
        let mut draft = Draft::new(Kind::ServiceComplaint);
        draft.set(Field::Name, "Jörg Ü");
        draft.set(Field::Description, "line 1\nline 2");
        draft.set(Field::Phone, "");
        let back = Draft::from_json(&draft.to_json()).unwrap();
        assert_eq!(back, draft);
        assert_eq!(back.get(Field::Phone), "");
        assert!(!back.is_empty());
        assert_eq!(Draft::from_json("{not json"), None);
    }
}
