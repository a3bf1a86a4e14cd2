//! Shown instead of every form when `config.json` is present but unusable: nothing may be sent
//! to a guessed address (§8).

use leptos::prelude::*;
use portal_core::{Locale, Msg};

use crate::platform::{self, config::ConfigLoadError};

#[component]
pub fn ConfigErrorPage(error: ConfigLoadError, locale: Locale) -> impl IntoView {
    platform::set_document_language(locale.tag(), Msg::ConfigErrorHeading.text(locale));
    let (field, message) = match &error {
        ConfigLoadError::Invalid(invalid) => (Some(invalid.field.clone()), invalid.message.clone()),
        other => (None, other.to_string()),
    };
    view! {
        <main id="main" class="main">
            <h1>{Msg::ConfigErrorHeading.text(locale)}</h1>
            <p>{Msg::ConfigErrorIntro.text(locale)}</p>
            <div class="error-summary" role="alert">
                <h2 class="error-summary__title">{Msg::ConfigErrorDetail.text(locale)}</h2>
                <p>{field.map(|field| view! { <code class="config-field">{field}</code> ": " })}{message}</p>
            </div>
        </main>
    }
}
