//! Sending by email (§6): a `mailto:` link, and where the complaint is too long for one, the
//! `.eml` to attach and the text to copy. Nothing is cut.

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_core::render::{mail_file, mail_plan, plain_text};
use portal_core::route::Route;
use portal_core::{Kind, Msg, Submission};

use crate::platform::router::Router;
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
    let router = Router::get();

    let keep_pending = move |_| storage::save_pending(kind, Some(&submission.get_untracked()));
    let download_eml = {
        let mailbox = mailbox.clone();
        move |_| {
            let file = submission.with_untracked(|s| mail_file(s, &mailbox));
            let _ = download::download(&file.name, file.mime, &file.bytes);
        }
    };
    let copy = move |_| {
        spawn_local(async move { copied.set(Some(download::copy_text(&text.get_untracked()).await)) });
    };
    let confirm = {
        let mailbox = mailbox.clone();
        move |_| {
            storage::forget(kind);
            portal.forget_files();
            let receipt =
                Receipt { submission: submission.get_untracked(), delivery: Delivery::Mail, mailbox: mailbox.clone() };
            storage::save_receipt(&receipt);
            portal.receipt.set(Some(receipt));
            router.go(Route::Receipt(kind), None);
        }
    };
    let copy_status = move || match copied.get() {
        Some(true) => portal.t(Msg::Copied),
        Some(false) => portal.t(Msg::CopyFailed),
        None => "",
    };
    // Rebuilt only when the language changes, so the buttons keep focus while in use.
    move || {
        let locale = portal.locale.get();
        let plan = plan.get();
        // Files never go into a link: the downloaded `.eml` carries them.
        let why = submission.with(|s| match (&s.spam, s.evidence.is_empty()) {
            (Some(_), _) => Msg::MailAttachSpam,
            (None, false) => Msg::MailAttachEvidence,
            (None, true) => Msg::MailTooLong,
        });
        let too_long = (!plan.complete).then(|| view! { <p class="warning">{why.text(locale)}</p> });
        view! {
            <section class="mail-fallback" aria-labelledby="mail-heading">
                <h2 id="mail-heading">{Msg::MailHeading.text(locale)}</h2>
                <p>{Msg::MailIntro.format(locale, &[("mailbox", &mailbox)])}</p>
                {too_long}
                <p class="button-group">
                    <a class="button" href=plan.url on:click=keep_pending>{Msg::MailOpen.text(locale)}</a>
                    <button type="button" class="button button--secondary" on:click=download_eml.clone()>{Msg::DownloadEml.text(locale)}</button>
                    <button type="button" class="button button--secondary" on:click=copy>{Msg::CopyText.text(locale)}</button>
                </p>
                <p role="status" class="copy-status">{copy_status}</p>
                <label for="plain-text">{Msg::PlainTextLabel.text(locale)}</label>
                <textarea id="plain-text" class="plain-text" readonly rows="10" prop:value=text.get()></textarea>
                <p><button type="button" class="button" on:click=confirm.clone()>{Msg::MailSentConfirm.text(locale)}</button></p>
            </section>
        }
    }
}
