use leptos::prelude::*;
use leptos_router::components::A;
use portal_core::Msg;

use crate::state::Portal;

#[component]
pub fn NotFound() -> impl IntoView {
    let portal = Portal::get();
    view! {
        <h1>{move || portal.t(Msg::NotFoundHeading)}</h1>
        <p><A href="/">{move || portal.t(Msg::NotFoundBack)}</A></p>
    }
}
