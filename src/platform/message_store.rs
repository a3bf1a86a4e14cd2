//! The spam complaint's message in IndexedDB: a 10 MB message does not fit the ~5 MB of
//! `localStorage`, yet the draft, message included, must come back after a reload (§7).
//! Deleted with the draft after a confirmed send.

use js_sys::{Object, Promise, Reflect, Uint8Array};
use portal_core::spam::MessageSource;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "complaint-portal";
const STORE: &str = "spam-message";
/// One message at a time: the draft of the one spam complaint.
const KEY: &str = "draft";

/// The message as it was taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredMessage {
    pub bytes: Vec<u8>,
    pub source: MessageSource,
    pub file_name: Option<String>,
}

/// Keeps `message`; `false` when IndexedDB is unavailable or full (private modes), so the page
/// can say the message will not survive a reload.
pub async fn save(message: &StoredMessage) -> bool {
    let record = Object::new();
    let set = |key: &str, value: &JsValue| Reflect::set(&record, &key.into(), value).is_ok();
    let source = match message.source {
        MessageSource::Paste => "paste",
        MessageSource::File => "file",
    };
    let name = message.file_name.as_deref().map_or(JsValue::NULL, JsValue::from_str);
    if !(set("bytes", &Uint8Array::from(message.bytes.as_slice()))
        && set("source", &source.into())
        && set("name", &name))
    {
        return false;
    }
    write(|store| store.put_with_key(&record, &KEY.into())).await
}

pub async fn load() -> Option<StoredMessage> {
    let db = open().await?;
    let store = db.transaction_with_str(STORE).ok()?.object_store(STORE).ok()?;
    // Nothing stored under the key reads as `undefined`.
    let record = done(&store.get(&KEY.into()).ok()?).await.filter(|value| !value.is_undefined())?;
    let field = |key: &str| Reflect::get(&record, &key.into()).ok();
    let bytes = field("bytes").filter(|v| v.is_instance_of::<Uint8Array>()).map(|v| Uint8Array::from(v).to_vec())?;
    let source = match field("source").and_then(|v| v.as_string()).as_deref() {
        Some("file") => MessageSource::File,
        _ => MessageSource::Paste,
    };
    Some(StoredMessage { bytes, source, file_name: field("name").and_then(|v| v.as_string()) })
}

pub async fn delete() -> bool {
    write(|store| store.delete(&KEY.into())).await
}

async fn write(request: impl FnOnce(&web_sys::IdbObjectStore) -> Result<IdbRequest, JsValue>) -> bool {
    let Some(db) = open().await else { return false };
    let Some(store) = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .ok()
        .and_then(|tx| tx.object_store(STORE).ok())
    else {
        return false;
    };
    match request(&store) {
        Ok(request) => done(&request).await.is_some(),
        Err(_) => false,
    }
}

async fn open() -> Option<IdbDatabase> {
    let factory = web_sys::window()?.indexed_db().ok()??;
    let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, 1).ok()?;
    // First open: create the store. Runs before `success`.
    let upgrade = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        let db = event
            .target()
            .and_then(|target| target.dyn_into::<IdbRequest>().ok())
            .and_then(|request| request.result().ok())
            .and_then(|result| result.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = done(&request).await;
    request.set_onupgradeneeded(None);
    db?.dyn_into::<IdbDatabase>().ok()
}

/// Waits for a request: its result (`undefined` for a delete), or `None` on error.
async fn done(request: &IdbRequest) -> Option<JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await.ok()?;
    request.result().ok()
}
