//! The spam message analysis in a dedicated Web Worker, so that checking a 10 MB message never
//! freezes the page, and so that the MIME parser is downloaded only by those who report spam.
//!
//! Protocol (see `src/platform/spam_worker.rs` on the page's side): the worker posts the string
//! `"ready"` once it listens; the page then posts `{id, limit, bytes: Uint8Array}` and gets back
//! [`portal_core::spam::Examined`] as a JSON string.

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Reflect, Uint8Array};
    use portal_core::spam::examine;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let number = |key: &str| Reflect::get(&data, &key.into()).ok().and_then(|v| v.as_f64()).unwrap_or(0.0);
            let bytes = Reflect::get(&data, &"bytes".into())
                .ok()
                .filter(|value| value.is_instance_of::<Uint8Array>())
                .map(|value| Uint8Array::from(value).to_vec())
                .unwrap_or_default();
            let clock = reply.performance();
            let started = clock.as_ref().map_or(0.0, |p| p.now());
            let mut examined = examine(number("id") as u32, &bytes, number("limit") as usize);
            examined.elapsed_us = clock.map_or(0.0, |p| (p.now() - started) * 1000.0) as u64;
            // Plain data with string keys: serialisation cannot fail.
            let json = serde_json::to_string(&examined).unwrap_or_default();
            // Posting a string to the page that created us cannot fail either.
            let _ = reply.post_message(&JsValue::from_str(&json));
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The worker lives as long as the page: its handler must too.
        on_message.forget();
        let _ = scope.post_message(&JsValue::from_str("ready"));
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
