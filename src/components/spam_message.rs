//! The spam message control: paste the source or choose a file. The text is taken from the
//! paste event and never laid out in the `<textarea>` (10 MB of text there takes Chromium
//! seconds); the bytes go to memory, IndexedDB and the spam worker, and the page shows the
//! size, the checks' verdict, and the summary.

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_core::spam::{check_size, format_size, source_guidance, MessageSource};
use portal_core::{Draft, Field, Kind, Msg};
use wasm_bindgen::JsCast;

use crate::components::field::{described_by, field_error};
use crate::components::spam_summary::SpamSummary;
use crate::platform::message_store::StoredMessage;
use crate::platform::{files, spam_worker};
use crate::spam_intake::{forget, refuse, take};
use crate::state::{Portal, Refusal, SpamInput};

#[component]
pub fn SpamMessageInput(
    kind: Kind,
    #[prop(into)] errors: Signal<Vec<String>>,
    draft: RwSignal<Draft>,
) -> impl IntoView {
    let portal = Portal::get();
    let field = Field::SpamMessage;
    let id = field.id();
    let limit =
        portal.config.with_value(|config| usize::try_from(config.limits.spam_message_bytes).unwrap_or(usize::MAX));
    spam_worker::warm_up();
    // Pasted text is kept exactly as the browser hands it over.
    let take_text = move |text: String| {
        let message = StoredMessage { bytes: text.into_bytes(), source: MessageSource::Paste, file_name: None };
        take(portal, message, limit);
    };
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let text = ev.clipboard_data().and_then(|data| data.get_data("text/plain").ok()).unwrap_or_default();
        if !text.is_empty() {
            ev.prevent_default();
            take_text(text);
        }
    };
    // Typed or dropped text arrives without a paste event: it is taken when the field is left.
    let on_change = move |ev: leptos::ev::Event| {
        let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
        let text = area.value();
        area.set_value("");
        if !text.trim().is_empty() {
            take_text(text);
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|list| list.get(0)) else { return };
        let (name, size) = (file.name(), file.size() as usize);
        // Over the cap: refused by its size, never read.
        if let Err(problem) = check_size(size, limit) {
            refuse(portal, Refusal::Problem(problem));
            return;
        }
        spawn_local(async move {
            match files::read_bytes(&file).await {
                Some(bytes) => {
                    take(portal, StoredMessage { bytes, source: MessageSource::File, file_name: Some(name) }, limit)
                }
                None => refuse(portal, Refusal::Unreadable { file_name: name }),
            }
        });
    };
    let invalid = move || !errors.with(Vec::is_empty);
    let messages = move || {
        let locale = portal.locale.get();
        let errors = errors.get();
        let (hint_id, error_id, _) = described_by(kind, field, !errors.is_empty());
        let hint = Msg::FieldSpamMessageHint.format(locale, &[("size", &format_size(limit, locale))]);
        let guidance = portal.spam.with(SpamInput::needs_full_source).then(|| {
            let mut lines = source_guidance(locale).into_iter();
            let intro = lines.next().unwrap_or_default();
            let items = lines.map(|line| view! { <li>{line}</li> }).collect_view();
            view! { <div class="guidance" id="spam-guidance"><p>{intro}</p><ul>{items}</ul></div> }
        });
        view! {
            <legend class="fieldset__legend">{kind.label(field).text(locale)}</legend>
            <p class="field__hint" id=hint_id>{hint}</p>
            {(!errors.is_empty()).then(|| field_error(error_id, &errors, locale))}
            {guidance}
        }
    };
    let aria = move || described_by(kind, field, invalid()).2;
    // The controls are built once, so a chosen file stays chosen across re-renders.
    view! {
        <div class=move || if invalid() { "field field--error" } else { "field" }>
            <fieldset class="fieldset" aria-describedby=aria>
                {messages}
                <label for=id>{move || portal.t(Msg::SpamPasteLabel)}</label>
                <textarea id=id name=id rows="4" class="spam-paste" spellcheck="false" autocomplete="off"
                    aria-invalid=move || invalid().then_some("true") aria-describedby=aria
                    on:paste=on_paste on:change=on_change></textarea>
                <label for="spam_message_file">{move || portal.t(Msg::SpamFileLabel)}</label>
                <input id="spam_message_file" type="file" class="file-input"
                    accept=".eml,.txt,message/rfc822,text/plain" on:change=on_file/>
            </fieldset>
            <TakenStatus/>
            <SpamSummary draft/>
        </div>
    }
}

/// What was taken, whether it is still being checked, and a way to remove it. A live region,
/// so the size and the verdict are announced.
#[component]
fn TakenStatus() -> impl IntoView {
    let portal = Portal::get();
    let remove = move |_| forget(portal, SpamInput::Empty);
    let status = move || {
        let locale = portal.locale.get();
        let (message, checking) = match portal.spam.get() {
            SpamInput::Checking(message) => (message, true),
            SpamInput::Checked(message, _) => (message, false),
            _ => return ().into_any(),
        };
        let size = format_size(message.bytes.len(), locale);
        let taken = match &message.file_name {
            Some(name) => Msg::SpamTakenFile.format(locale, &[("name", name), ("size", &size)]),
            None => Msg::SpamTakenPaste.format(locale, &[("size", &size)]),
        };
        let checking = checking.then(|| view! { " " {Msg::SpamAnalysing.text(locale)} });
        view! {
            <p class="spam-taken">{taken} {checking}</p>
            <p class="field__hint">{Msg::SpamKeptNote.text(locale)}</p>
            <button type="button" class="button button--secondary" on:click=remove>{Msg::SpamRemove.text(locale)}</button>
        }
        .into_any()
    };
    view! { <div role="status" class="spam-status">{status}</div> }
}
