//! The start page: what the portal is for, which form fits, and the other channels.

use leptos::prelude::*;
use portal_core::route::Route;
use portal_core::{Kind, Msg};

use crate::platform::router::Link;
use crate::state::Portal;

#[component]
pub fn StartPage() -> impl IntoView {
    let portal = Portal::get();
    let config = portal.config.get_value();
    move || {
        let locale = portal.locale.get();
        let t = move |msg: Msg| msg.text(locale);
        let organisation = &config.organisation;
        let kinds = Kind::ALL
            .into_iter()
            .filter(|kind| kind.is_available())
            .map(|kind| {
                // One link per kind, worded by the complainant's situation.
                let (link, hint) = match kind {
                    Kind::ServiceComplaint => (Msg::StartServiceLink, Msg::StartServiceHint),
                    Kind::Escalation => (Msg::StartEscalationLink, Msg::StartEscalationHint),
                    Kind::Feedback => (Msg::StartFeedbackLink, Msg::StartFeedbackHint),
                    Kind::AbuseReport => (Msg::StartAbuseLink, Msg::StartAbuseHint),
                    Kind::SpamComplaint => (Msg::StartSpamLink, Msg::StartSpamHint),
                };
                view! {
                    <li class="kind-list__item">
                        <Link to=Route::Form(kind)>{t(link)}</Link>
                        <p class="kind-list__hint">{t(hint)}</p>
                    </li>
                }
            })
            .collect_view();
        let phone = config.phone.clone().map(|phone| format!("{}: {phone}", t(Msg::Phone)));
        let fax = config.fax.clone().map(|fax| format!("{}: {fax}", t(Msg::Fax)));
        let address = [
            Some(organisation.name.clone()),
            Some(organisation.department.clone()),
            Some(organisation.street.clone()),
            Some(format!("{} {}", organisation.postal_code, organisation.city)),
            phone,
            fax,
        ];
        view! {
            <h1>{t(Msg::StartHeading)}</h1>
            <p class="lead">{Msg::StartIntro.format(locale, &[("organisation", &organisation.name)])}</p>
            <ul class="kind-list">{kinds}</ul>
            <p>{t(Msg::StartEscalationNote)}</p>
            <p class="field__hint">{config.rule_text(locale)}</p>
            <h2>{t(Msg::ContactHeading)}</h2>
            <address class="contact">
                {address
                    .into_iter()
                    .flatten()
                    .filter(|line| !line.trim().is_empty())
                    .map(|line| view! { <span class="contact__line">{line}</span> })
                    .collect_view()}
            </address>
        }
    }
}
