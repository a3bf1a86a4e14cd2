//! The frame around every page: skip link, header with the language switch, main landmark.

use leptos::prelude::*;
use portal_core::{Locale, Msg};

use crate::platform;
use crate::state::Portal;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let portal = Portal::get();
    let other = move || match portal.locale.get() {
        Locale::De => Locale::En,
        Locale::En => Locale::De,
    };
    let switch = move |_| {
        let next = other();
        portal.locale.set(next);
        platform::storage::save_locale(next);
    };
    let organisation = portal.config.with_value(|c| c.organisation.name.clone());
    view! {
        <a class="skip-link" href="#main">{move || portal.t(Msg::SkipToContent)}</a>
        <header class="site-header">
            <div class="site-header__inner">
                <a class="site-header__title" href="/">
                    <span class="site-header__org">{organisation}</span>
                    <span>{move || portal.t(Msg::SiteTitle)}</span>
                </a>
                <button type="button" class="language-switch" on:click=switch
                    lang=move || other().tag()
                    aria-label=move || portal.t(Msg::LanguageSwitchLabel)>
                    {move || portal.t(Msg::LanguageSwitch)}
                </button>
            </div>
        </header>
        <main id="main" class="main" tabindex="-1">{children()}</main>
    }
}
