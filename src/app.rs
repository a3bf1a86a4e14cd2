//! The root: loads the configuration, picks the language, and shows the page for the URL.

use leptos::prelude::*;
use portal_core::route::Route;
use portal_core::{Locale, Msg};

use crate::components::layout::Layout;
use crate::pages::{
    check::CheckPage, config_error::ConfigErrorPage, form::FormPage, not_found::NotFound, receipt::ReceiptPage,
    start::StartPage,
};
use crate::platform::{self, router::Router};
use crate::state::Portal;

#[component]
pub fn App() -> impl IntoView {
    let locale = platform::storage::load_locale()
        .unwrap_or_else(|| Locale::negotiate(platform::preferred_languages().iter().map(String::as_str)));
    // A plain signal filled once, rather than a resource under Suspense: the same behaviour for
    // a one-shot load, and markedly less code in the download.
    let config = RwSignal::new(None);
    leptos::task::spawn_local(async move { config.set(Some(platform::config::load().await)) });
    move || match config.get() {
        None => view! { <p class="loading">{Msg::Loading.text(locale)}</p> }.into_any(),
        Some(Ok(config)) => {
            Portal::provide(config, locale);
            crate::spam_intake::restore(Portal::get());
            view! { <Pages/> }.into_any()
        }
        Some(Err(error)) => view! { <ConfigErrorPage error locale/> }.into_any(),
    }
}

#[component]
fn Pages() -> impl IntoView {
    let portal = Portal::get();
    let router = Router::provide();
    Effect::new(move || {
        let locale = portal.locale.get();
        platform::set_document_language(locale.tag(), Msg::SiteTitle.text(locale));
    });
    let page = move || match router.route() {
        Route::Start => view! { <StartPage/> }.into_any(),
        Route::Form(kind) => view! { <FormPage kind/> }.into_any(),
        Route::Check(kind) => view! { <CheckPage kind/> }.into_any(),
        Route::Receipt(_) => view! { <ReceiptPage/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    };
    view! { <Layout>{page}</Layout> }
}
