//! Requests the page's Content-Security-Policy refused (§7). A fetch blocked by `connect-src`
//! fails exactly like a network error; the browser only tells which it was through a
//! `securitypolicyviolation` event on the document. Recording those lets the send panel say that
//! the operator's policy does not allow the endpoint, instead of retrying in vain.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;

thread_local! {
    static WATCHING: Cell<bool> = const { Cell::new(false) };
    /// Origins of the URLs refused by `connect-src`, as the browser reported them.
    static BLOCKED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Starts listening for violations; later calls do nothing. Must run before the first request.
pub fn watch() {
    if WATCHING.with(|watching| watching.replace(true)) {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let on_violation = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        // Read by name: these are plain properties of SecurityPolicyViolationEvent.
        let property = |name: &str| {
            js_sys::Reflect::get(event.as_ref(), &JsValue::from_str(name)).ok().and_then(|value| value.as_string())
        };
        let directive = property("effectiveDirective").or_else(|| property("violatedDirective")).unwrap_or_default();
        if !directive.starts_with("connect-src") {
            return;
        }
        if let Some(origin) = property("blockedURI").as_deref().and_then(origin_of) {
            BLOCKED.with(|blocked| blocked.borrow_mut().push(origin));
        }
    });
    let _ = document.add_event_listener_with_callback("securitypolicyviolation", on_violation.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_violation.forget();
}

/// The origin of `url`, resolved against the page's base (endpoints may be paths).
pub fn origin_of(url: &str) -> Option<String> {
    let base = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten());
    let parsed = match base {
        Some(base) => web_sys::Url::new_with_base(url, &base).ok()?,
        None => web_sys::Url::new(url).ok()?,
    };
    let origin = parsed.origin();
    (origin != "null").then_some(origin)
}

fn recorded(origin: &str) -> bool {
    BLOCKED.with(|blocked| blocked.borrow().iter().any(|seen| seen == origin))
}

/// After a failed request to `endpoint`: its origin if the policy refused it. The violation
/// event is queued as its own task and may arrive just after the fetch failed, so this waits
/// briefly once before answering no.
pub async fn blocked_origin(endpoint: &str) -> Option<String> {
    let origin = origin_of(endpoint)?;
    if !recorded(&origin) {
        gloo_timers::future::TimeoutFuture::new(100).await;
    }
    recorded(&origin).then_some(origin)
}
