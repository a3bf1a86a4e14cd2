//! Drafts and unsent submissions in `localStorage`, so a reload or a crash loses nothing (§7).
//! The receipt lives in `sessionStorage`: it survives a reload of its tab and no longer.

use portal_core::{Draft, Kind, Locale, Submission};

use crate::state::Receipt;

const PREFIX: &str = "complaint-portal.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

fn write(key: &str, value: Option<&str>) {
    write_to(storage(), key, value);
}

/// Storage can be full or disabled (private modes); the form keeps working in memory then.
fn write_to(storage: Option<web_sys::Storage>, key: &str, value: Option<&str>) {
    if let Some(storage) = storage {
        let _ = match value {
            Some(value) => storage.set_item(key, value),
            None => storage.remove_item(key),
        };
    }
}

fn draft_key(kind: Kind) -> String {
    format!("{PREFIX}.draft.{}", kind.slug())
}

fn pending_key(kind: Kind) -> String {
    format!("{PREFIX}.pending.{}", kind.slug())
}

pub fn load_draft(kind: Kind) -> Draft {
    read(&draft_key(kind))
        .and_then(|json| Draft::from_json(&json))
        .filter(|draft| draft.kind == Some(kind))
        .unwrap_or_else(|| Draft::new(kind))
}

pub fn save_draft(kind: Kind, draft: &Draft) {
    if draft.is_empty() {
        write(&draft_key(kind), None);
    } else {
        write(&draft_key(kind), Some(&draft.to_json()));
    }
}

/// The submission built for sending, kept until the send is confirmed so that a retry reuses
/// its id (and so its `Idempotency-Key`).
pub fn load_pending(kind: Kind) -> Option<Submission> {
    read(&pending_key(kind)).and_then(|json| Submission::from_json(&json).ok())
}

pub fn save_pending(kind: Kind, submission: Option<&Submission>) {
    // Evidence files' contents stay in memory (`Submission::for_storage`).
    write(&pending_key(kind), submission.map(|s| s.for_storage().to_json_pretty()).as_deref());
}

/// Clears everything about one request after its confirmed arrival.
pub fn forget(kind: Kind) {
    write(&draft_key(kind), None);
    write(&pending_key(kind), None);
    if kind == Kind::SpamComplaint {
        leptos::task::spawn_local(async {
            crate::platform::message_store::delete().await;
        });
    }
}

/// The last receipt, so that reloading the confirmation page keeps the reference.
pub fn load_receipt() -> Option<Receipt> {
    let json = session()?.get_item(&format!("{PREFIX}.receipt")).ok()??;
    serde_json::from_str(&json).ok()
}

pub fn save_receipt(receipt: &Receipt) {
    let receipt = &Receipt { submission: receipt.submission.for_storage(), ..receipt.clone() };
    write_to(session(), &format!("{PREFIX}.receipt"), serde_json::to_string(receipt).ok().as_deref());
}

pub fn load_locale() -> Option<Locale> {
    read(&format!("{PREFIX}.locale")).and_then(|tag| Locale::from_tag(&tag))
}

pub fn save_locale(locale: Locale) {
    write(&format!("{PREFIX}.locale"), Some(locale.tag()));
}
