//! One labelled form control with its hint and inline error (GOV.UK pattern): the error is
//! tied to the control by `aria-describedby` and flagged with `aria-invalid`.

use leptos::prelude::*;
use portal_core::form::{Control, Need};
use portal_core::{Draft, Field, Msg};

use crate::state::Portal;

#[component]
pub fn FieldInput(
    field: Field,
    need: Need,
    draft: RwSignal<Draft>,
    /// This field's problems, worded; empty when it is fine.
    #[prop(into)]
    errors: Signal<Vec<String>>,
) -> impl IntoView {
    let portal = Portal::get();
    let id = field.id();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = field.hint().is_some();
    let invalid = move || !errors.read().is_empty();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if invalid() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let value = move || draft.with(|d| d.get(field).to_owned());
    let on_input = move |ev| draft.update(|d| d.set(field, event_target_value(&ev)));
    let control = match field.control() {
        Control::TextArea { rows } => view! {
            <textarea id=id name=id rows=rows autocomplete=field.autocomplete() spellcheck="true"
                aria-describedby=described_by.clone() aria-invalid=move || invalid().then_some("true")
                prop:value=value on:input=on_input></textarea>
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
                    aria-describedby=described_by.clone() aria-invalid=move || invalid().then_some("true")
                    prop:value=value on:input=on_input/>
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:field--error=invalid>
            <label for=id>
                {move || portal.t(field.label())}
                {(need == Need::Optional).then(|| view! { " " <span class="field__optional">{move || portal.t(Msg::Optional)}</span> })}
            </label>
            {field.hint().map(|hint| view! { <p class="field__hint" id=hint_id>{move || portal.t(hint)}</p> })}
            <Show when=invalid>
                <p class="field__error" id=error_id.clone()>
                    <span class="visually-hidden">{move || portal.t(Msg::ErrorPrefix)} " "</span>
                    {move || errors.get().join(" ")}
                </p>
            </Show>
            {control}
        </div>
    }
}
