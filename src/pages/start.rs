//! The start page: what the portal is for, which form fits, and the other channels.

use leptos::prelude::*;
use leptos_router::components::A;
use portal_core::{Kind, Msg};

use crate::state::Portal;

#[component]
pub fn StartPage() -> impl IntoView {
    let portal = Portal::get();
    let config = portal.config.get_value();
    let organisation = config.organisation.name.clone();
    let kinds = Kind::ALL.into_iter().filter(|kind| kind.is_available()).map(|kind| {
        let hint = match kind {
            Kind::ServiceComplaint => Msg::StartServiceHint,
            _ => kind.title(),
        };
        let link = match kind {
            Kind::ServiceComplaint => Msg::StartServiceLink,
            _ => kind.title(),
        };
        view! {
            <li class="kind-list__item">
                <A href=format!("/{}", kind.slug())>{move || portal.t(link)}</A>
                <p class="kind-list__hint">{move || portal.t(hint)}</p>
            </li>
        }
    }).collect_view();
    let address = [
        config.organisation.name.clone(),
        config.organisation.department.clone(),
        config.organisation.street.clone(),
        format!("{} {}", config.organisation.postal_code, config.organisation.city),
    ];
    view! {
        <h1>{move || portal.t(Msg::StartHeading)}</h1>
        <p class="lead">{move || Msg::StartIntro.format(portal.locale.get(), &[("organisation", &organisation)])}</p>
        <ul class="kind-list">{kinds}</ul>
        <p>{move || portal.t(Msg::StartEscalationNote)}</p>
        <h2>{move || portal.t(Msg::ContactHeading)}</h2>
        <address class="contact">
            {address.into_iter().filter(|line| !line.trim().is_empty()).map(|line| view! { <span class="contact__line">{line}</span> }).collect_view()}
            {config.phone.map(|phone| view! { <span class="contact__line">{move || portal.t(Msg::Phone)} ": " {phone.clone()}</span> })}
            {config.fax.map(|fax| view! { <span class="contact__line">{move || portal.t(Msg::Fax)} ": " {fax.clone()}</span> })}
        </address>
    }
}
