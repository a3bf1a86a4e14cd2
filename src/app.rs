//! The root: loads the configuration, picks the language, and routes to the pages.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use portal_core::{Locale, Msg};

use crate::components::layout::Layout;
use crate::pages::{check::CheckPage, config_error::ConfigErrorPage, form::FormPage, not_found::NotFound, receipt::ReceiptPage, start::StartPage};
use crate::platform;
use crate::state::Portal;

#[component]
pub fn App() -> impl IntoView {
    let config = LocalResource::new(platform::config::load);
    let locale = platform::storage::load_locale()
        .unwrap_or_else(|| Locale::negotiate(platform::preferred_languages().iter().map(String::as_str)));
    view! {
        <Suspense fallback=move || view! { <p class="loading">{Msg::Loading.text(locale)}</p> }>
            {move || Suspend::new(async move {
                match config.await {
                    Ok(config) => {
                        Portal::provide(config, locale);
                        view! { <Pages/> }.into_any()
                    }
                    Err(error) => view! { <ConfigErrorPage error locale/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Pages() -> impl IntoView {
    let portal = Portal::get();
    Effect::new(move || {
        let locale = portal.locale.get();
        platform::set_document_language(locale.tag(), Msg::SiteTitle.text(locale));
    });
    view! {
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=StartPage/>
                    <Route path=path!("/:kind") view=FormPage/>
                    <Route path=path!("/:kind/check") view=CheckPage/>
                    <Route path=path!("/:kind/receipt") view=ReceiptPage/>
                </Routes>
            </Layout>
        </Router>
    }
}
