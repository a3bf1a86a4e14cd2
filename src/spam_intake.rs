//! Taking a spam message: into memory (`Portal::spam`), into IndexedDB so it survives a
//! reload, and to the spam worker for its verdict. The components call these; the rules are
//! the core's (`spam::examine`), the storage and the worker the platform's.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::platform::message_store::{self, StoredMessage};
use crate::platform::spam_worker;
use crate::state::{Portal, Refusal, SpamInput};

/// Takes a message: has the worker check it, then keeps it in IndexedDB too. An answer about
/// a message replaced meanwhile is dropped, and such a message is not stored.
pub fn take(portal: Portal, message: StoredMessage, limit: usize) {
    let message = Arc::new(message);
    portal.spam.set(SpamInput::Checking(message.clone()));
    spawn_local(async move {
        // Storing copies 10 MB on the page's thread: after the verdict, not in its way.
        if check(portal, message.clone(), limit).await {
            message_store::save(&message).await;
        }
    });
}

/// Drops the message taken before, here and in IndexedDB, for `next`.
pub fn forget(portal: Portal, next: SpamInput) {
    portal.spam.set(next);
    spawn_local(async move {
        message_store::delete().await;
    });
}

pub fn refuse(portal: Portal, refusal: Refusal) {
    forget(portal, SpamInput::Refused(refusal));
}

/// Brings back the message of an unsent spam complaint after a reload.
pub fn restore(portal: Portal) {
    let limit =
        portal.config.with_value(|config| usize::try_from(config.limits.spam_message_bytes).unwrap_or(usize::MAX));
    spawn_local(async move {
        if let Some(message) = message_store::load().await {
            if portal.spam.with_untracked(|spam| *spam == SpamInput::Empty) {
                let message = Arc::new(message);
                portal.spam.set(SpamInput::Checking(message.clone()));
                check(portal, message, limit).await;
            }
        }
    });
}

/// Has the worker check `message`; `false` when it was replaced meanwhile (its verdict is then
/// dropped).
async fn check(portal: Portal, message: Arc<StoredMessage>, limit: usize) -> bool {
    let result = spam_worker::examine(&message.bytes, limit).await;
    let still_current =
        portal.spam.with_untracked(|spam| matches!(spam, SpamInput::Checking(m) if Arc::ptr_eq(m, &message)));
    if still_current {
        portal.spam.set(match result {
            Ok(examined) => SpamInput::Checked(message, Arc::new(examined)),
            Err(_) => SpamInput::Refused(Refusal::WorkerFailed),
        });
    }
    still_current
}
