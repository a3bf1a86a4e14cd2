//! The frame around every page: skip link, header with the language switch, main landmark.

use leptos::prelude::*;
use portal_core::route::Route;
use portal_core::{Locale, Msg};

use crate::platform;
use crate::platform::router::Link;
use crate::state::Portal;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let portal = Portal::get();
    let switch = move |_| {
        let next = match portal.locale.get_untracked() {
            Locale::De => Locale::En,
            Locale::En => Locale::De,
        };
        portal.locale.set(next);
        platform::storage::save_locale(next);
    };
    let organisation = portal.config.with_value(|c| c.organisation.name.clone());
    let header = move || {
        let locale = portal.locale.get();
        let other = match locale {
            Locale::De => Locale::En,
            Locale::En => Locale::De,
        };
        view! {
            <a class="skip-link" href="#main">{Msg::SkipToContent.text(locale)}</a>
            <header class="site-header">
                <div class="site-header__inner">
                    <span class="site-header__title">
                        <span class="site-header__org">{organisation.clone()}</span>
                        <Link to=Route::Start>{Msg::SiteTitle.text(locale)}</Link>
                    </span>
                    <button type="button" class="language-switch" on:click=switch lang=other.tag()
                        aria-label=Msg::LanguageSwitchLabel.text(locale)>
                        {Msg::LanguageSwitch.text(locale)}
                    </button>
                </div>
            </header>
        }
    };
    view! {
        {header}
        <main id="main" class="main" tabindex="-1">{children()}</main>
    }
}
