//! Drafts and unsent submissions in `localStorage`, so a reload or a crash loses nothing (§7).

use portal_core::{Draft, Kind, Locale, Submission};

const PREFIX: &str = "complaint-portal.v1";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok()?
}

/// Storage can be full or disabled (private modes); the form keeps working in memory then.
fn write(key: &str, value: Option<&str>) {
    if let Some(storage) = storage() {
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
    write(&pending_key(kind), submission.map(Submission::to_json_pretty).as_deref());
}

/// Clears everything about one request after its confirmed arrival.
pub fn forget(kind: Kind) {
    write(&draft_key(kind), None);
    write(&pending_key(kind), None);
}

pub fn load_locale() -> Option<Locale> {
    read(&format!("{PREFIX}.locale")).and_then(|tag| Locale::from_tag(&tag))
}

pub fn save_locale(locale: Locale) {
    write(&format!("{PREFIX}.locale"), Some(locale.tag()));
}
