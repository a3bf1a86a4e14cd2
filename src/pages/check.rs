//! Check your answers, then send (§6): to the endpoint when there is one, by email otherwise
//! or when the endpoint cannot be reached.

use leptos::prelude::*;
use portal_core::abuse::EvidenceFile;
use portal_core::route::Route;
use portal_core::spam::{Analysis, RawMessage};
use portal_core::validate::validate;
use portal_core::{Kind, Msg, Submission, Validated};

use crate::components::mail_fallback::MailFallback;
use crate::platform::idna::UrlUts46;
use crate::platform::router::Link;
use crate::platform::storage;
use crate::state::{Portal, SpamInput};

mod answers;
mod send_panel;

use answers::Answers;
use send_panel::SendPanel;

#[component]
pub fn CheckPage(kind: Kind) -> impl IntoView {
    let portal = Portal::get();
    if kind != Kind::SpamComplaint {
        return view! { <CheckAnswers kind/> }.into_any();
    }
    // A spam message restored after a reload is checked again first; the page then shows
    // exactly what will be sent.
    let settled = Memo::new(move |_| portal.spam.with(|spam| !matches!(spam, SpamInput::Checking(_))));
    (move || match settled.get() {
        true => view! { <CheckAnswers kind/> }.into_any(),
        false => view! { <p class="loading" role="status">{portal.t(Msg::SpamAnalysing)}</p> }.into_any(),
    })
    .into_any()
}

#[component]
fn CheckAnswers(kind: Kind) -> impl IntoView {
    let portal = Portal::get();
    let draft = storage::load_draft(kind);
    let today = crate::platform::today();
    // An escalation states the last day it can be made (only an open one gets this far).
    let window = portal.config.with_value(|config| portal_core::escalation::window(&draft, config, today));
    let validate_now = move || {
        portal.config.with_value(|config| validate(kind, &draft, config, portal.locale.get(), today, &UrlUts46).ok())
    };
    // Built once, in the language of the moment: the complainant checks exactly what is sent.
    // Evidence files are in memory only; their caps were checked on the form.
    let evidence =
        if kind.need(portal_core::Field::Evidence).is_some() { portal.evidence.get_untracked() } else { Vec::new() };
    let files_ok = evidence.iter().all(portal_core::abuse::EvidenceFile::has_content);
    let spam = portal.spam.with_untracked(SpamInput::for_submission);
    let spam_ok = kind != Kind::SpamComplaint || spam.is_some();
    let Some(submission) =
        validate_now().filter(|_| files_ok && spam_ok).map(|valid| prepare(kind, valid, evidence, spam, &portal))
    else {
        return (move || {
            let locale = portal.locale.get();
            view! {
                <h1>{Msg::CheckHeading.text(locale)}</h1>
                <p>{Msg::NoJavascriptData.text(locale)}</p>
                <p><Link to=Route::Form(kind)>{kind.title().text(locale)}</Link></p>
            }
        })
        .into_any();
    };
    let submission = Signal::stored(submission);
    let notes = move || validate_now().map(|v| v.notes).unwrap_or_default();
    let sender = match portal.endpoint(kind) {
        Some(endpoint) => view! { <SendPanel kind endpoint submission/> }.into_any(),
        None => view! { <MailFallback kind submission/> }.into_any(),
    };
    let heading = move || {
        let notes = notes().into_iter().map(|note| view! { <li>{note}</li> }).collect_view();
        let window =
            window.map(|window| view! { <p class="escalation-window__open">{window.message(portal.locale.get())}</p> });
        view! {
            <h1>{portal.t(Msg::CheckHeading)}</h1>
            {window}
            <ul class="notes">{notes}</ul>
        }
    };
    view! {
        {heading}
        <Answers kind submission/>
        {sender}
    }
    .into_any()
}

/// The submission to send: the pending one when nothing changed since it was built (so a
/// retry keeps its id and `Idempotency-Key`), a new one otherwise.
/// Storage holds it without the files' contents, so it is compared that way.
fn prepare(
    kind: Kind,
    validated: Validated,
    evidence: Vec<EvidenceFile>,
    spam: Option<(RawMessage, Analysis)>,
    portal: &Portal,
) -> Submission {
    let locale = portal.locale.get_untracked();
    let build = |id: String, created_at| {
        let submission = portal.config.with_value(|config| {
            Submission::build(validated.clone(), id, created_at, locale, config).with_evidence(evidence.clone())
        });
        match spam.clone() {
            Some((message, analysis)) => submission.with_spam_message(message, analysis),
            None => submission,
        }
    };
    if let Some(pending) = storage::load_pending(kind) {
        let same = build(pending.id.clone(), pending.created_at);
        if same.for_storage() == pending {
            return same;
        }
    }
    build(portal_core::submission::uuid_v4(crate::platform::random_bytes()), chrono::Local::now().fixed_offset())
}
