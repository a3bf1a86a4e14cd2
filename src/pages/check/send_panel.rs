//! The send button and what follows it: progress, the server's refusal, or the fallback.

use leptos::prelude::*;
use leptos::task::spawn_local;
use portal_core::route::Route;
use portal_core::{Kind, Msg, Submission};

use crate::components::mail_fallback::MailFallback;
use crate::platform::router::Router;
use crate::platform::send::{send, Attempts, SendResult};
use crate::platform::storage;
use crate::state::{Delivery, Portal, Receipt};

#[derive(Clone, Debug, PartialEq)]
enum SendState {
    Idle,
    Sending { attempt: u32 },
    Rejected(String),
    GaveUp,
    BlockedByPolicy(String),
}

#[component]
pub fn SendPanel(kind: Kind, endpoint: String, #[prop(into)] submission: Signal<Submission>) -> impl IntoView {
    let portal = Portal::get();
    let state = RwSignal::new(SendState::Idle);
    let router = Router::get();
    let (max, timeout_ms, format) =
        portal.config.with_value(|c| (c.limits.send_attempts, c.limits.send_timeout_ms, c.submission_format));

    let start = move |_| {
        // One send at a time: double clicks and repeated Enter presses do nothing.
        if matches!(state.get_untracked(), SendState::Sending { .. }) {
            return;
        }
        let submission = submission.get_untracked();
        storage::save_pending(kind, Some(&submission));
        state.set(SendState::Sending { attempt: 1 });
        let endpoint = endpoint.clone();
        spawn_local(async move {
            let on_attempt = move |attempt| state.set(SendState::Sending { attempt });
            match send(&endpoint, &submission, format, Attempts { max, timeout_ms }, on_attempt).await {
                SendResult::Accepted { reference } => {
                    storage::forget(kind);
                    portal.forget_files();
                    let mailbox = portal.mailbox(kind);
                    let receipt = Receipt { submission, delivery: Delivery::Endpoint { reference }, mailbox };
                    storage::save_receipt(&receipt);
                    portal.receipt.set(Some(receipt));
                    router.go(Route::Receipt(kind), None);
                }
                SendResult::Rejected { message } => state.set(SendState::Rejected(message)),
                SendResult::GaveUp => state.set(SendState::GaveUp),
                SendResult::BlockedByPolicy { origin } => state.set(SendState::BlockedByPolicy(origin)),
            }
        });
    };

    let sending = move || matches!(state.get(), SendState::Sending { .. });
    // The status line is always present, so screen readers announce its changes.
    let status = move || match state.get() {
        SendState::Sending { attempt: 1 } => portal.t(Msg::Sending).to_owned(),
        SendState::Sending { attempt } => {
            Msg::Retrying.format(portal.locale.get(), &[("attempt", &attempt.to_string()), ("max", &max.to_string())])
        }
        _ => String::new(),
    };
    // The outcome is rebuilt with the state; the button stays, so it keeps focus.
    let outcome = move || {
        let locale = portal.locale.get();
        match state.get() {
            SendState::Idle | SendState::Sending { .. } => ().into_any(),
            SendState::Rejected(message) => view! {
                <div class="error-summary" role="alert">
                    <p>{Msg::SendRejected.format(locale, &[("message", &message)])}</p>
                    <p>{Msg::SendRejectedFix.text(locale)}</p>
                </div>
            }
            .into_any(),
            SendState::GaveUp => view! {
                <div class="error-summary" role="alert">
                    <p>{Msg::SendFailed.text(locale)}</p>
                </div>
                <MailFallback kind submission/>
            }
            .into_any(),
            // A configuration fault, not a network one: say so, and go straight to email.
            SendState::BlockedByPolicy(origin) => view! {
                <div class="error-summary" role="alert">
                    <p>{Msg::SendBlockedByPolicy.format(locale, &[("origin", &origin)])}</p>
                </div>
                <MailFallback kind submission/>
            }
            .into_any(),
        }
    };
    view! {
        <p role="status" class="send-status">{status}</p>
        {outcome}
        <button type="button" class="button" on:click=start aria-disabled=move || sending().then_some("true")>
            {move || portal.t(kind.send_label())}
        </button>
    }
}
