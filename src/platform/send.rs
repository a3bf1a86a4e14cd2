//! POSTing a submission to the operator's endpoint (§6), with a timeout per attempt and
//! bounded retries. What a response means is decided by `portal_core::send`.

use gloo_net::http::Request;
use gloo_timers::future::TimeoutFuture;
use portal_core::config::SubmissionFormat;
use portal_core::render::multipart::{form_parts, FormPart};
use portal_core::send::{classify, delay_before, Outcome};
use portal_core::Submission;

/// How a send ended, as the page needs to tell it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendResult {
    Accepted {
        reference: Option<String>,
    },
    Rejected {
        message: String,
    },
    /// Every attempt failed (server errors, timeouts, no network): offer the fallback.
    GaveUp,
    /// The page's Content-Security-Policy (`connect-src`) does not allow the endpoint's origin:
    /// no attempt can succeed, so none is repeated.
    BlockedByPolicy {
        origin: String,
    },
}

pub struct Attempts {
    pub max: u32,
    pub timeout_ms: u32,
}

/// Sends until accepted, rejected, or out of attempts; `on_attempt(n)` fires before each try.
pub async fn send(
    endpoint: &str,
    submission: &Submission,
    format: SubmissionFormat,
    attempts: Attempts,
    on_attempt: impl Fn(u32),
) -> SendResult {
    let body = match format {
        SubmissionFormat::Json => Body::Json(submission.to_json_pretty()),
        SubmissionFormat::Multipart => match form_data(&form_parts(submission)) {
            Some(form) => Body::Form(form),
            // FormData is in every browser this portal runs in; without it, JSON still works.
            None => Body::Json(submission.to_json_pretty()),
        },
    };
    let mut retry_after_ms = None;
    for attempt in 1.. {
        let Some(delay) = delay_before(attempt, attempts.max, retry_after_ms) else {
            break;
        };
        // Announced before the pause, so the complainant sees the retry coming.
        on_attempt(attempt);
        if delay > 0 {
            TimeoutFuture::new(delay).await;
        }
        retry_after_ms = match post_once(endpoint, &submission.id, &body, attempts.timeout_ms).await {
            Some(Outcome::Accepted { reference }) => return SendResult::Accepted { reference },
            Some(Outcome::Rejected { message }) => return SendResult::Rejected { message },
            Some(Outcome::Retry { retry_after_ms }) => retry_after_ms,
            None => match crate::platform::csp::blocked_origin(endpoint).await {
                Some(origin) => return SendResult::BlockedByPolicy { origin },
                None => None,
            },
        };
    }
    SendResult::GaveUp
}

/// What is POSTed: the JSON document, or the same as `multipart/form-data` (§6).
enum Body {
    Json(String),
    Form(web_sys::FormData),
}

/// The parts as a `FormData`: the JSON as a text field, files as files. The browser writes
/// the boundary and the `Content-Type`.
fn form_data(parts: &[FormPart]) -> Option<web_sys::FormData> {
    let form = web_sys::FormData::new().ok()?;
    for part in parts {
        match &part.file_name {
            None => form.append_with_str(part.name, &String::from_utf8_lossy(&part.bytes)).ok()?,
            Some(file_name) => {
                let blob = crate::platform::download::blob(&part.bytes, &part.content_type).ok()?;
                form.append_with_blob_and_filename(part.name, &blob, file_name).ok()?
            }
        }
    }
    Some(form)
}

/// One POST; `None` for a network error or a timeout.
async fn post_once(endpoint: &str, id: &str, body: &Body, timeout_ms: u32) -> Option<Outcome> {
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    let timeout = gloo_timers::callback::Timeout::new(timeout_ms, move || controller.abort());
    let builder = Request::post(endpoint)
        .header("Accept", "application/json, application/problem+json")
        .header("Idempotency-Key", id)
        .abort_signal(Some(&signal));
    let request = match body {
        Body::Json(json) => builder.header("Content-Type", "application/json").body(json.clone()),
        Body::Form(form) => builder.body(form.clone()),
    }
    .ok()?;
    let response = request.send().await.ok()?;
    let text = response.text().await.unwrap_or_default();
    timeout.cancel();
    let headers = response.headers();
    Some(classify(
        response.status(),
        headers.get("content-type").as_deref(),
        &text,
        headers.get("retry-after").as_deref(),
    ))
}
