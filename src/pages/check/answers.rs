//! The answers as a summary list, each with a link back to change it.

use leptos::prelude::*;
use leptos_router::components::A;
use portal_core::{Field, Kind, Msg, Submission};

use crate::state::Portal;

#[component]
pub fn Answers(kind: Kind, #[prop(into)] submission: Signal<Submission>) -> impl IntoView {
    let portal = Portal::get();
    let rows = kind
        .fields()
        .iter()
        .map(|&(field, _)| {
            let value = move || {
                let locale = portal.locale.get();
                let text = submission.with(|s| shown_value(s, field));
                if text.is_empty() { Msg::CheckNotGiven.text(locale).to_owned() } else { text }
            };
            let change = format!("/{}#{}", kind.slug(), field.id());
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{move || portal.t(field.label())}</dt>
                    <dd class="summary-list__value">{value}</dd>
                    <dd class="summary-list__actions">
                        <A href=change>
                            {move || portal.t(Msg::CheckChange)}
                            <span class="visually-hidden">" " {move || portal.t(field.label())}</span>
                        </A>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! { <dl class="summary-list">{rows}</dl> }
}

/// The value of one field as the receiver will get it (normalised), for people to check.
fn shown_value(submission: &Submission, field: Field) -> String {
    let c = &submission.complainant;
    let optional = |value: &Option<String>| value.clone().unwrap_or_default();
    match field {
        Field::Name => optional(&c.name),
        Field::Email => optional(&c.email),
        Field::Phone => optional(&c.phone),
        Field::CustomerAccount => optional(&c.customer_account),
        Field::Domains => submission
            .domains
            .iter()
            .map(|d| if d.unicode == d.ascii { d.ascii.clone() } else { format!("{} ({})", d.unicode, d.ascii) })
            .collect::<Vec<_>>()
            .join(", "),
        Field::Subject => submission.subject.clone(),
        Field::Description => submission.description.clone(),
    }
}
