//! One labelled form control with its hint and inline error (GOV.UK pattern): the error is
//! tied to the control by `aria-describedby` and flagged with `aria-invalid`.

use leptos::prelude::*;
use portal_core::form::{Control, Need};
use portal_core::{Draft, Field, Kind, Locale, Msg};

use crate::state::Portal;

#[component]
pub fn FieldInput(
    /// The form's kind: it words some labels and hints its own way.
    kind: Kind,
    field: Field,
    need: Need,
    draft: RwSignal<Draft>,
    /// This field's problems, worded; empty when it is fine.
    #[prop(into)]
    errors: Signal<Vec<String>>,
) -> impl IntoView {
    let portal = Portal::get();
    let id = field.id();
    let value = move || draft.with(|d| d.get(field).to_owned());
    let on_input = move |ev| draft.update(|d| d.set(field, event_target_value(&ev)));
    // Rebuilt only when the language or the errors change; the value stays bound to the draft.
    move || {
        let locale = portal.locale.get();
        let errors = errors.get();
        let invalid = !errors.is_empty();
        let (hint_id, error_id, described_by) = described_by(kind, field, invalid);
        let aria_invalid = invalid.then_some("true");
        let control = match field.control() {
            Control::TextArea { rows } => view! {
                <textarea id=id name=id rows=rows autocomplete=field.autocomplete() spellcheck="true"
                    aria-describedby=described_by aria-invalid=aria_invalid
                    prop:value=value on:input=on_input></textarea>
            }
            .into_any(),
            // The browser's date picker keeps a half-typed date to itself (its value stays empty
            // until complete), so the value is written once per build, never while typing.
            Control::Date => view! {
                <input id=id name=id type="date" autocomplete=field.autocomplete()
                    aria-describedby=described_by aria-invalid=aria_invalid
                    prop:value=draft.with_untracked(|d| d.get(field).to_owned()) on:input=on_input/>
            }
            .into_any(),
            single_line => {
                let input_type = match single_line {
                    Control::Email => "email",
                    Control::Tel => "tel",
                    _ => "text",
                };
                view! {
                    <input id=id name=id type=input_type autocomplete=field.autocomplete() spellcheck="false"
                        aria-describedby=described_by aria-invalid=aria_invalid
                        prop:value=value on:input=on_input/>
                }
                .into_any()
            }
        };
        let optional = (need == Need::Optional)
            .then(|| view! { " " <span class="field__optional">{Msg::Optional.text(locale)}</span> });
        let hint = kind.hint(field).map(|hint| view! { <p class="field__hint" id=hint_id>{hint.text(locale)}</p> });
        let error = invalid.then(|| field_error(error_id, &errors, locale));
        view! {
            <div class=if invalid { "field field--error" } else { "field" }>
                <label for=id>{kind.label(field).text(locale)} {optional}</label>
                {hint}
                {error}
                {control}
            </div>
        }
    }
}

/// The ids of a field's hint and error, and its `aria-describedby`: the hint when the kind has
/// one, the error when there is one.
pub fn described_by(kind: Kind, field: Field, invalid: bool) -> (String, String, Option<String>) {
    let id = field.id();
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let ids: Vec<&str> = [kind.hint(field).map(|_| hint_id.as_str()), invalid.then_some(error_id.as_str())]
        .into_iter()
        .flatten()
        .collect();
    let described_by = (!ids.is_empty()).then(|| ids.join(" "));
    (hint_id, error_id, described_by)
}

/// A field's inline error: every problem of the field, announced with an "Error:" prefix.
pub fn field_error(id: String, errors: &[String], locale: Locale) -> impl IntoView {
    view! {
        <p class="field__error" id=id>
            <span class="visually-hidden">{Msg::ErrorPrefix.text(locale)} " "</span>
            {errors.join(" ")}
        </p>
    }
}
