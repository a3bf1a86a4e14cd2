//! The evidence-file input: chosen files are read into memory (never into the draft), listed
//! with their SHA-256, and checked against the operator's caps by the core on "Continue".

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_core::spam::format_size;
use portal_core::{Field, Kind, Msg};
use wasm_bindgen::JsCast;

use crate::components::field::field_error;
use crate::platform::files::read_chosen;
use crate::state::Portal;

#[component]
pub fn EvidenceInput(kind: Kind, #[prop(into)] errors: Signal<Vec<String>>) -> impl IntoView {
    let portal = Portal::get();
    let field = Field::Evidence;
    let id = field.id();
    let limits = portal.config.with_value(|config| config.limits.clone());
    let on_change = {
        let limits = limits.clone();
        move |ev: leptos::ev::Event| {
            let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
                return;
            };
            let limits = limits.clone();
            spawn_local(async move { portal.evidence.set(read_chosen(&input, &limits).await) });
        }
    };
    let chosen = move || {
        let locale = portal.locale.get();
        let files = portal.evidence.get();
        (!files.is_empty()).then(|| {
            let items = files
                .iter()
                .map(|file| view! { <li>{portal_core::render::text::evidence_line(file, locale)}</li> })
                .collect_view();
            view! {
                <p class="field__hint">{Msg::EvidenceChosen.text(locale)}</p>
                <ul class="evidence-list" id="evidence-list">{items}</ul>
            }
        })
    };
    let label_and_messages = move || {
        let locale = portal.locale.get();
        let errors = errors.get();
        let invalid = !errors.is_empty();
        let size = format_size(usize::try_from(limits.evidence_file_bytes).unwrap_or(usize::MAX), locale);
        let hint =
            Msg::FieldEvidenceHint.format(locale, &[("max", &limits.evidence_files.to_string()), ("size", &size)]);
        let error = invalid.then(|| field_error("evidence-error".to_owned(), &errors, locale));
        view! {
            <label for=id>{kind.label(field).text(locale)} " " <span class="field__optional">{Msg::Optional.text(locale)}</span></label>
            <p class="field__hint" id="evidence-hint">{hint} " " {Msg::EvidenceReloadHint.text(locale)}</p>
            {error}
        }
    };
    let invalid = move || !errors.with(Vec::is_empty);
    let described_by = move || if invalid() { "evidence-hint evidence-error" } else { "evidence-hint" };
    // The input itself is built once, so the browser keeps its selection across re-renders.
    view! {
        <div class=move || if invalid() { "field field--error" } else { "field" }>
            {label_and_messages}
            <input id=id name=id type="file" multiple class="file-input"
                aria-describedby=described_by aria-invalid=move || invalid().then_some("true")
                on:change=on_change/>
            {chosen}
        </div>
    }
}
