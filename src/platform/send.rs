//! POSTing a submission to the operator's endpoint (§6), with a timeout per attempt and
//! bounded retries. What a response means is decided by `portal_core::send`.

use gloo_net::http::Request;
use gloo_timers::future::TimeoutFuture;
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
}

pub struct Attempts {
    pub max: u32,
    pub timeout_ms: u32,
}

/// Sends until accepted, rejected, or out of attempts; `on_attempt(n)` fires before each try.
pub async fn send(endpoint: &str, submission: &Submission, attempts: Attempts, on_attempt: impl Fn(u32)) -> SendResult {
    let body = submission.to_json_pretty();
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
            None => None,
        };
    }
    SendResult::GaveUp
}

/// One POST; `None` for a network error or a timeout.
async fn post_once(endpoint: &str, id: &str, body: &str, timeout_ms: u32) -> Option<Outcome> {
    let controller = web_sys::AbortController::new().ok()?;
    let signal = controller.signal();
    let timeout = gloo_timers::callback::Timeout::new(timeout_ms, move || controller.abort());
    let request = Request::post(endpoint)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, application/problem+json")
        .header("Idempotency-Key", id)
        .abort_signal(Some(&signal))
        .body(body.to_owned())
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
