//! The page's side of the spam worker (crates/spam-worker): one Web Worker, started on first
//! use, so that the MIME parser is downloaded only by those who report spam and a 10 MB
//! message is analysed without freezing the page.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use portal_core::spam::Examined;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// Trunk's loader for the worker, next to index.html (resolved against `<base href>`).
const WORKER_URL: &str = "spam-worker_loader.js";

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WorkerError {
    #[error("the spam worker could not be started")]
    NotStarted,
    #[error("the spam worker failed")]
    Failed,
}

struct Running {
    worker: Worker,
    /// Resolves once the worker listens (it posts "ready").
    ready: Promise,
    /// The resolve functions of the requests in flight, by id.
    waiting: HashMap<u32, Function>,
    next_id: u32,
}

thread_local! {
    static RUNNING: RefCell<Option<Running>> = const { RefCell::new(None) };
}

/// Starts the worker ahead of need (when the spam form opens), so that its wasm is fetched
/// and compiled before the first message arrives.
pub fn warm_up() {
    ready();
}

/// The running worker's readiness, starting it if need be.
fn ready() -> Option<Promise> {
    RUNNING.with(|running| {
        let mut running = running.borrow_mut();
        if running.is_none() {
            *running = start();
        }
        running.as_ref().map(|r| r.ready.clone())
    })
}

/// Checks and analyses `bytes` in the worker.
pub async fn examine(bytes: &[u8], limit: usize) -> Result<Examined, WorkerError> {
    let ready = ready();
    JsFuture::from(ready.ok_or(WorkerError::NotStarted)?).await.map_err(|_| WorkerError::NotStarted)?;

    let (id, answer) = RUNNING.with(|running| {
        let mut running = running.borrow_mut();
        let running = running.as_mut().ok_or(WorkerError::NotStarted)?;
        running.next_id += 1;
        let id = running.next_id;
        let mut resolve_slot = None;
        let answer = Promise::new(&mut |resolve, _reject| resolve_slot = Some(resolve));
        running.waiting.insert(id, resolve_slot.ok_or(WorkerError::NotStarted)?);
        let request = Object::new();
        let copy = Uint8Array::from(bytes);
        let set = |key: &str, value: &JsValue| Reflect::set(&request, &key.into(), value).is_ok();
        let posted = set("id", &id.into())
            && set("limit", &(limit as f64).into())
            && set("bytes", &copy)
            // The copy's buffer is handed over, not copied again.
            && running.worker.post_message_with_transfer(&request, &Array::of1(&copy.buffer())).is_ok();
        if posted {
            Ok((id, answer))
        } else {
            running.waiting.remove(&id);
            Err(WorkerError::Failed)
        }
    })?;
    let text = JsFuture::from(answer).await.map_err(|_| WorkerError::Failed)?;
    let examined: Examined =
        text.as_string().and_then(|json| serde_json::from_str(&json).ok()).ok_or(WorkerError::Failed)?;
    debug_assert_eq!(examined.id, id);
    Ok(examined)
}

fn start() -> Option<Running> {
    let worker = Worker::new(WORKER_URL).ok()?;
    let mut ready_slot = None;
    let ready = Promise::new(&mut |resolve, reject| ready_slot = Some((resolve, reject)));
    let (ready_resolve, ready_reject) = ready_slot?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else { return };
        if text == "ready" {
            let _ = ready_resolve.call0(&JsValue::NULL);
            return;
        }
        let id = serde_json::from_str::<IdOnly>(&text).map(|answer| answer.id).unwrap_or(0);
        let resolve = RUNNING.with(|running| running.borrow_mut().as_mut().and_then(|r| r.waiting.remove(&id)));
        if let Some(resolve) = resolve {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&text));
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // A worker that fails to load or crashes fails every request in flight, and is started
    // afresh on the next one.
    let on_error = Closure::<dyn Fn()>::new(move || {
        let _ = ready_reject.call0(&JsValue::NULL);
        let stopped = RUNNING.with(|running| running.borrow_mut().take());
        if let Some(stopped) = stopped {
            stopped.worker.terminate();
            for resolve in stopped.waiting.into_values() {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
            }
        }
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // Both handlers live as long as the worker, which lives as long as the page.
    on_message.forget();
    on_error.forget();
    Some(Running { worker, ready, waiting: HashMap::new(), next_id: 0 })
}

#[derive(serde::Deserialize)]
struct IdOnly {
    id: u32,
}
