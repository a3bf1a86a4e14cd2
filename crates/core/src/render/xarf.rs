//! A spam report in XARF v4 (the eXtended Abuse Reporting Format, JSON), class `messaging`,
//! type `spam`, with the message as base64 `message/rfc822` evidence.
//!
//! The shape follows the XARF v4 core and `messaging-spam` schemas (xarf/xarf-spec,
//! `schemas/v4/`); `crates/core/schema/xarf-spam.schema.json` is the trimmed schema of exactly
//! the fields emitted here, and a test validates the output against it. Two deliberate
//! departures from upstream, both written into that schema's `$comment`:
//!
//! - `source_port` is left out: upstream requires it with `"protocol": "smtp"`, but a copy of a
//!   message does not record the client's source port, and we do not invent one.
//! - The evidence `size` has no 5 MB maximum: the portal takes messages up to its size cap
//!   (10 MB by default).
//!
//! `subject` and `message_id` are copies limited by the schema (500 and 200 characters) and cut
//! with "…" if longer; the evidence carries the message whole.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::spam::SpamReport;

pub const XARF_VERSION: &str = "4.0.0";

/// An XARF `contact_info`: organisation, contact address, domain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub org: String,
    pub contact: String,
    pub domain: String,
}

impl Party {
    /// The reporter of `report`: the organisation if given, else the name, else the address.
    pub fn reporter(report: &SpamReport<'_>) -> Party {
        let reporter = report.reporter;
        let org = reporter.org.clone().or_else(|| reporter.name.clone()).unwrap_or_else(|| reporter.email.clone());
        let domain = reporter.email.rsplit_once('@').map(|(_, d)| d.to_ascii_lowercase()).unwrap_or_default();
        Party { org: cut(&org, 200), contact: reporter.email.clone(), domain }
    }
}

/// A file name for the report.
pub fn xarf_file_name(report: &SpamReport<'_>) -> String {
    let short: String = report.id.chars().filter(char::is_ascii_alphanumeric).take(8).collect();
    format!("spam-report-{}.xarf.json", short.to_lowercase())
}

/// Renders the report as pretty JSON. `sender` is whoever files it (the portal's operator);
/// `None` means the reporter files it themselves.
pub fn xarf(report: &SpamReport<'_>, sender: Option<&Party>) -> String {
    let analysis = report.analysis;
    let reporter = Party::reporter(report);
    let sender = sender.cloned().unwrap_or_else(|| reporter.clone());
    let timestamp = analysis
        .hops
        .iter()
        .find_map(|hop| hop.time.as_deref())
        .or(analysis.date.as_deref())
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map_or_else(
            || report.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            |t| t.with_timezone(&chrono::Utc).to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        );

    let mut doc = Map::new();
    doc.insert("xarf_version".into(), XARF_VERSION.into());
    doc.insert("report_id".into(), report.id.into());
    doc.insert("timestamp".into(), timestamp.into());
    doc.insert("reporter".into(), json!(reporter));
    doc.insert("sender".into(), json!(sender));
    let source = analysis.source_ip.as_deref().unwrap_or(report.reported_domain);
    doc.insert("source_identifier".into(), source.into());
    doc.insert("category".into(), "messaging".into());
    doc.insert("type".into(), "spam".into());
    doc.insert("evidence_source".into(), "user_complaint".into());
    doc.insert("protocol".into(), "smtp".into());
    if let Some(mail_from) = analysis.return_path.as_deref().filter(|a| a.contains('@')) {
        doc.insert("smtp_from".into(), mail_from.into());
    }
    if let Some(subject) = &analysis.subject {
        doc.insert("subject".into(), cut(subject, 500).into());
    }
    if let Some(id) = &analysis.message_id {
        doc.insert("message_id".into(), cut(&format!("<{id}>"), 200).into());
    }
    if !analysis.urls.is_empty() {
        let links: Vec<Value> = analysis.urls.iter().map(|url| Value::from(uri(url))).collect();
        doc.insert("spam_indicators".into(), json!({ "suspicious_links": links }));
    }
    doc.insert(
        "description".into(),
        format!("Spam complaint about {}, sent with the complaint portal", report.reported_domain).into(),
    );
    doc.insert(
        "evidence".into(),
        json!([{
            "content_type": "message/rfc822",
            "description": "Complete spam message with all headers, byte for byte as received",
            "payload": super::eml::base64(report.raw),
            "size": report.raw.len(),
        }]),
    );
    let mut json = serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default();
    json.push('\n');
    json
}

/// At most `max` characters, the last one "…" when cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// A URI: characters outside ASCII percent-encoded as UTF-8 (RFC 3987 §3.1).
fn uri(url: &str) -> String {
    super::percent_encode_except(url, |c| c.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_marks_the_cut() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
    }

    #[test]
    fn uris_are_ascii() {
        assert_eq!(uri("https://bücher.example/ä b"), "https://b%C3%BCcher.example/%C3%A4%20b");
    }
}
