use leptos::prelude::*;
use portal_core::route::Route;
use portal_core::Msg;

use crate::platform::router::Link;
use crate::state::Portal;

#[component]
pub fn NotFound() -> impl IntoView {
    let portal = Portal::get();
    move || {
        let locale = portal.locale.get();
        view! {
            <h1>{Msg::NotFoundHeading.text(locale)}</h1>
            <p><Link to=Route::Start>{Msg::NotFoundBack.text(locale)}</Link></p>
        }
    }
}
