//! A radio group (GOV.UK pattern): a `<fieldset>` whose `<legend>` is the question, with the
//! hint and inline error tied to the group by `aria-describedby`.

use leptos::prelude::*;
use portal_core::form::Control;
use portal_core::{Draft, Field, Kind};

use crate::components::field::{described_by, field_error};
use crate::state::Portal;

#[component]
pub fn RadioGroup(
    kind: Kind,
    field: Field,
    draft: RwSignal<Draft>,
    #[prop(into)] errors: Signal<Vec<String>>,
) -> impl IntoView {
    let portal = Portal::get();
    let Control::Radios(options) = field.control() else {
        return ().into_any();
    };
    let id = field.id();
    (move || {
        let locale = portal.locale.get();
        let errors = errors.get();
        let invalid = !errors.is_empty();
        let (hint_id, error_id, described_by) = described_by(kind, field, invalid);
        let hint = kind.hint(field).map(|hint| view! { <p class="field__hint" id=hint_id>{hint.text(locale)}</p> });
        let error = invalid.then(|| field_error(error_id, &errors, locale));
        let radios = options
            .iter()
            .enumerate()
            .map(|(index, &(value, label))| {
                // The first radio carries the field's id, so the error summary's link lands on it.
                let radio_id = if index == 0 { id.to_owned() } else { format!("{id}-{value}") };
                let checked = move || draft.with(|d| d.get(field) == value);
                let on_change = move |_| draft.update(|d| d.set(field, value));
                view! {
                    <div class="radios__item">
                        <input type="radio" class="radios__input" id=radio_id.clone() name=id value=value
                            prop:checked=checked on:change=on_change/>
                        <label for=radio_id class="radios__label">{label.text(locale)}</label>
                    </div>
                }
            })
            .collect_view();
        view! {
            <div class=if invalid { "field field--error" } else { "field" }>
                <fieldset class="fieldset" aria-describedby=described_by>
                    <legend class="fieldset__legend">{kind.label(field).text(locale)}</legend>
                    {hint}
                    {error}
                    <div class="radios">{radios}</div>
                </fieldset>
            </div>
        }
    })
    .into_any()
}
