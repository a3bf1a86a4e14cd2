//! What to make of an intake server's answer, and when to try again (§6). The HTTP itself
//! happens in the browser layer; the decisions are made here.

use serde::Deserialize;

/// The server's verdict on one POST.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 2xx: received. `reference` is the server's, if its JSON answer carried one.
    Accepted { reference: Option<String> },
    /// 4xx other than 408 and 429: the request itself is wrong; retrying cannot help.
    Rejected { message: String },
    /// 5xx, 408, 429: worth another try, after `retry_after_ms` if the server said so.
    Retry { retry_after_ms: Option<u32> },
}

/// Longest server message shown to a complainant.
const MESSAGE_CHARS: usize = 500;

pub fn classify(status: u16, content_type: Option<&str>, body: &str, retry_after: Option<&str>) -> Outcome {
    match status {
        200..=299 => Outcome::Accepted { reference: reference_in(body) },
        408 | 429 | 500..=599 => Outcome::Retry { retry_after_ms: retry_after.and_then(parse_retry_after) },
        _ => Outcome::Rejected { message: server_message(status, content_type, body) },
    }
}

#[derive(Deserialize)]
struct Answer {
    reference: Option<serde_json::Value>,
}

fn reference_in(body: &str) -> Option<String> {
    let answer: Answer = serde_json::from_str(body).ok()?;
    match answer.reference? {
        serde_json::Value::String(text) if !text.trim().is_empty() => Some(clip(text.trim())),
        serde_json::Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// RFC 9457 problem details, a `{"message"}`/`{"error"}` object, or plain text; never HTML.
#[derive(Deserialize)]
struct Problem {
    title: Option<String>,
    detail: Option<String>,
    message: Option<String>,
    error: Option<String>,
}

fn server_message(status: u16, content_type: Option<&str>, body: &str) -> String {
    let media_type = content_type.unwrap_or("").split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    if media_type.ends_with("json") {
        if let Ok(problem) = serde_json::from_str::<Problem>(body) {
            let text = match (problem.title, problem.detail) {
                (Some(title), Some(detail)) => format!("{title}: {detail}"),
                (title, detail) => detail.or(title).or(problem.message).or(problem.error).unwrap_or_default(),
            };
            if !text.trim().is_empty() {
                return clip(text.trim());
            }
        }
    } else if media_type == "text/plain" && !body.trim().is_empty() {
        return clip(body.trim());
    }
    format!("HTTP {status}")
}

fn clip(text: &str) -> String {
    if text.chars().count() <= MESSAGE_CHARS {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(MESSAGE_CHARS).collect::<String>())
    }
}

/// `Retry-After` in seconds (the HTTP-date form is not worth a clock here), capped at a minute.
fn parse_retry_after(value: &str) -> Option<u32> {
    value.trim().parse::<u32>().ok().map(|seconds| seconds.min(60) * 1000)
}

/// Pause before attempt `attempt` (1-based; the first attempt has none): 1 s, 2 s, 4 s …,
/// or what the server asked for. `None` once the attempts are used up.
pub fn delay_before(attempt: u32, max_attempts: u32, retry_after_ms: Option<u32>) -> Option<u32> {
    if attempt <= 1 {
        return Some(0);
    }
    if attempt > max_attempts {
        return None;
    }
    Some(retry_after_ms.unwrap_or(1000 << (attempt - 2).min(5)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_takes_the_servers_reference() {
        assert_eq!(
            classify(201, Some("application/json"), r#"{"reference":"ABC-42"}"#, None),
            Outcome::Accepted { reference: Some("ABC-42".into()) }
        );
        assert_eq!(
            classify(200, None, r#"{"reference":42}"#, None),
            Outcome::Accepted { reference: Some("42".into()) }
        );
        assert_eq!(classify(204, None, "", None), Outcome::Accepted { reference: None });
        assert_eq!(classify(200, Some("text/html"), "<html>", None), Outcome::Accepted { reference: None });
    }

    #[test]
    fn client_errors_show_the_servers_words() {
        let problem =
            r#"{"type":"about:blank","title":"Invalid domain","detail":"example.invalid is not ours","status":400}"#;
        assert_eq!(
            classify(400, Some("application/problem+json"), problem, None),
            Outcome::Rejected { message: "Invalid domain: example.invalid is not ours".into() }
        );
        assert_eq!(
            classify(422, Some("application/json"), r#"{"message":"Too short"}"#, None),
            Outcome::Rejected { message: "Too short".into() }
        );
        assert_eq!(
            classify(403, Some("text/plain; charset=utf-8"), "Forbidden here\n", None),
            Outcome::Rejected { message: "Forbidden here".into() }
        );
        assert_eq!(
            classify(404, Some("text/html"), "<script>alert(1)</script>", None),
            Outcome::Rejected { message: "HTTP 404".into() }
        );
    }

    #[test]
    fn server_trouble_is_retried_with_backoff() {
        assert_eq!(classify(503, None, "", Some("7")), Outcome::Retry { retry_after_ms: Some(7000) });
        assert_eq!(classify(429, None, "", Some("3600")), Outcome::Retry { retry_after_ms: Some(60_000) });
        assert_eq!(
            classify(500, None, "", Some("Wed, 21 Oct 2026 07:28:00 GMT")),
            Outcome::Retry { retry_after_ms: None }
        );
        let delays: Vec<Option<u32>> = (1..=4).map(|attempt| delay_before(attempt, 3, None)).collect();
        assert_eq!(delays, vec![Some(0), Some(1000), Some(2000), None]);
        assert_eq!(delay_before(2, 3, Some(5000)), Some(5000));
    }
}
