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
        warm_up();
        let _ = scope.post_message(&JsValue::from_str("ready"));
    }

    /// One base64 line (57 bytes of HTML with a link) for the made-up message.
    const HTML_LINE: &str = "PHA+PGEgaHJlZj0iaHR0cHM6Ly93YXJtLmV4YW1wbGUvcGF0aD9pZD0xIj5saW5rPC9hPiB0ZXh0";

    /// Runs the analysis once on a made-up message of about 300 KB before saying "ready". V8
    /// first compiles wasm with its baseline compiler and optimises what runs hot, so the
    /// complainant's message would otherwise be read by unoptimised code (measured on a 10 MB
    /// message: 468 ms in a fresh worker, about 250 ms once warm). It runs while the complainant
    /// is still filling in the form, off the page's thread.
    fn warm_up() {
        let mut sample = String::from(
            "Received: from a.example (a.example [192.0.2.1]) by mx.example; Tue, 10 Mar 2026 09:14:55 +0100\r\n\
             From: =?UTF-8?Q?W=C3=A4rm?= <w@warm.example>\r\nSubject: warm\r\n\
             Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n\
             Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n",
        );
        for _ in 0..2000 {
            sample.push_str("Gr=C3=BC=C3=9Fe, see https://warm.example/a?id=3D1 now =\r\nand more text here.\r\n");
        }
        sample.push_str("--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        for _ in 0..2000 {
            sample.push_str(HTML_LINE);
            sample.push_str("\r\n");
        }
        sample.push_str("--b--\r\n");
        let _ = examine(0, sample.as_bytes(), usize::MAX);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
