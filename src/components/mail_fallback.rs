//! Sending by email (§6): a `mailto:` link, and where the complaint is too long for one, the
//! `.eml` to attach and the text to copy. Nothing is cut.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use portal_core::render::{eml, mail_plan, plain_text};
use portal_core::{Kind, Msg, Submission};

use crate::platform::{download, storage};
use crate::state::{Delivery, Portal, Receipt};

#[component]
pub fn MailFallback(kind: Kind, #[prop(into)] submission: Signal<Submission>) -> impl IntoView {
    let portal = Portal::get();
    let mailbox = portal.mailbox(kind);
    let plan = Memo::new({
        let mailbox = mailbox.clone();
        move |_| submission.with(|s| mail_plan(s, &mailbox))
    });
    let text = Memo::new(move |_| submission.with(plain_text));
    let copied = RwSignal::new(None::<bool>);
    let navigate = use_navigate();

    let keep_pending = move |_| storage::save_pending(kind, Some(&submission.get_untracked()));
    let download_eml = {
        let mailbox = mailbox.clone();
        move |_| {
            let message = submission.with_untracked(|s| eml(s, &mailbox));
            let _ = download::download(&plan.get_untracked().eml_file_name, "message/rfc822", &message);
        }
    };
    let copy = move |_| {
        spawn_local(async move { copied.set(Some(download::copy_text(&text.get_untracked()).await)) });
    };
    let confirm = {
        let mailbox = mailbox.clone();
        move |_| {
            storage::forget(kind);
            let receipt = Receipt { submission: submission.get_untracked(), delivery: Delivery::Mail, mailbox: mailbox.clone() };
            portal.receipt.set(Some(receipt));
            navigate(&format!("/{}/receipt", kind.slug()), Default::default());
        }
    };
    let copy_status = move || match copied.get() {
        Some(true) => portal.t(Msg::Copied),
        Some(false) => portal.t(Msg::CopyFailed),
        None => "",
    };
    view! {
        <section class="mail-fallback" aria-labelledby="mail-heading">
            <h2 id="mail-heading">{move || portal.t(Msg::MailHeading)}</h2>
            <p>{move || Msg::MailIntro.format(portal.locale.get(), &[("mailbox", &mailbox)])}</p>
            <Show when=move || !plan.read().complete>
                <p class="warning">{move || portal.t(Msg::MailTooLong)}</p>
            </Show>
            <p class="button-group">
                <a class="button" href=move || plan.get().url on:click=keep_pending>{move || portal.t(Msg::MailOpen)}</a>
                <button type="button" class="button button--secondary" on:click=download_eml>{move || portal.t(Msg::DownloadEml)}</button>
                <button type="button" class="button button--secondary" on:click=copy>{move || portal.t(Msg::CopyText)}</button>
            </p>
            <p role="status" class="copy-status">{copy_status}</p>
            <label for="plain-text">{move || portal.t(Msg::PlainTextLabel)}</label>
            <textarea id="plain-text" class="plain-text" readonly rows="10" prop:value=move || text.get()></textarea>
            <p><button type="button" class="button" on:click=confirm>{move || portal.t(Msg::MailSentConfirm)}</button></p>
        </section>
    }
}
