//! The answers as a summary list, each with a link back to change it.

use leptos::prelude::*;
use portal_core::route::Route;
use portal_core::{Field, Kind, Locale, Msg, Submission};

use crate::platform::router::Link;
use crate::state::Portal;

#[component]
pub fn Answers(kind: Kind, #[prop(into)] submission: Signal<Submission>) -> impl IntoView {
    let portal = Portal::get();
    move || {
        let locale = portal.locale.get();
        let rows = kind
            .fields()
            .iter()
            .map(|&(field, _)| {
                let text = submission.with(|s| shown_value(s, field, locale));
                let value = if text.is_empty() { Msg::CheckNotGiven.text(locale).to_owned() } else { text };
                let label = kind.label(field).text(locale);
                view! {
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{label}</dt>
                        <dd class="summary-list__value">{value}</dd>
                        <dd class="summary-list__actions">
                            <Link to=Route::Form(kind) fragment=field.id()>
                                {Msg::CheckChange.text(locale)}
                                <span class="visually-hidden">" " {label}</span>
                            </Link>
                        </dd>
                    </div>
                }
            })
            .collect_view();
        view! { <dl class="summary-list">{rows}</dl> }
    }
}

/// The value of one field as the receiver will get it (normalised), for people to check.
fn shown_value(submission: &Submission, field: Field, locale: Locale) -> String {
    let c = &submission.complainant;
    let optional = |value: &Option<String>| value.clone().unwrap_or_default();
    match field {
        Field::Name => optional(&c.name),
        Field::Email => optional(&c.email),
        Field::Phone => optional(&c.phone),
        Field::CustomerAccount => optional(&c.customer_account),
        Field::Domains => {
            let domains = submission
                .domains
                .iter()
                .map(|d| if d.unicode == d.ascii { d.ascii.clone() } else { format!("{} ({})", d.unicode, d.ascii) })
                .collect::<Vec<_>>()
                .join(", ");
            // An abuse report's full addresses follow their hosts, one per line.
            std::iter::once(domains).chain(submission.urls.iter().cloned()).collect::<Vec<_>>().join("\n")
        }
        Field::AbuseCategory => {
            submission.abuse_category.map(|category| category.label().text(locale).to_owned()).unwrap_or_default()
        }
        Field::Evidence => submission
            .evidence
            .iter()
            .map(|file| portal_core::render::text::evidence_line(file, locale))
            .collect::<Vec<_>>()
            .join("\n"),
        Field::SpamMessage => submission
            .spam
            .as_ref()
            .map(|spam| portal_core::render::text::spam_message_line(&spam.message, locale))
            .unwrap_or_default(),
        Field::SpamTarget => submission.spam.as_ref().map(|spam| spam.target.display()).unwrap_or_default(),
        Field::Subject => submission.subject.clone(),
        Field::Description => submission.description.clone(),
        Field::ExpectedSteps => optional(&submission.expected_steps),
        Field::Dissatisfaction => optional(&submission.dissatisfaction),
        Field::PreviousReference => {
            submission.previous_complaint.as_ref().map(|p| p.reference.clone()).unwrap_or_default()
        }
        Field::PreviousSentOn => {
            submission.previous_complaint.as_ref().map(|p| locale.format_date(p.sent_on)).unwrap_or_default()
        }
        Field::PreviousAnsweredOn => {
            submission.previous_complaint.as_ref().map(|p| locale.format_date(p.answered_on)).unwrap_or_default()
        }
    }
}
