//! A spam report in the Abuse Reporting Format (ARF, RFC 5965), as an `.eml` file.
//!
//! `multipart/report; report-type=feedback-report` with three parts: a human-readable
//! `text/plain` part, the machine-readable `message/feedback-report` part (Feedback-Type: abuse,
//! User-Agent, Version: 1, and whatever the analysis can fill: Original-Mail-From, Arrival-Date,
//! Source-IP, Reported-Domain, Reported-URI), and the original message as `message/rfc822`.
//!
//! The original is embedded **byte for byte**: no re-encoding, no line-end conversion.
//! Its `Content-Transfer-Encoding` says what it is: `7bit` for ASCII, `8bit` for other bytes,
//! `binary` if a line is longer than 998 bytes. Our own lines end in CRLF. An original with bare LF
//! line ends (pasted text) stays as it is, so the file then mixes CRLF and LF; MIME parsers
//! (mail-parser, Python's `email`, Thunderbird) read it as intended, and the JSON submission
//! carries the same exact bytes for receivers that need them untouched by any MTA. The
//! delimiter after the original is always preceded by CRLF, so a parser strips exactly that
//! and gets the original back whole, whatever its last line end.
//!
//! The result is bytes, not a `String`: an original in Latin-1 is not UTF-8.

use crate::i18n::Msg;
use crate::spam::SpamReport;
use crate::CLIENT_VERSION;

/// Reported-URI fields are limited to this many (the text part names every host).
pub const MAX_REPORTED_URIS: usize = 20;

/// A file name for the report.
pub fn arf_file_name(report: &SpamReport<'_>) -> String {
    let short: String = report.id.chars().filter(char::is_ascii_alphanumeric).take(8).collect();
    format!("spam-report-{}.eml", short.to_lowercase())
}

/// Renders the report.
pub fn arf(report: &SpamReport<'_>) -> Vec<u8> {
    // The complainant's text goes into the body as it is, so the boundary must avoid it too.
    // Every text that goes into a part, not only the original: mail-parser ends a part at the
    // boundary even in the middle of a line (found by the `render_roundtrip` fuzz target).
    let reporter_name = report.reporter.name.as_deref().unwrap_or_default();
    let mut texts = vec![report.raw, report.details.as_bytes(), report.reported_domain.as_bytes()];
    texts.extend([report.reporter.email.as_bytes(), reporter_name.as_bytes()]);
    texts.extend(report.analysis.urls.iter().map(|url| url.as_bytes()));
    let boundary = boundary_for(&texts, report.id);
    let analysis = report.analysis;
    let reporter = &report.reporter;
    let from = match &reporter.name {
        Some(name) => format!("{} <{}>", super::eml::phrase(name), line(&reporter.email)),
        None => line(&reporter.email),
    };
    let subject = format!(
        "{} {}",
        Msg::SubjectPrefixSpamComplaint.text(report.locale),
        analysis.subject.as_deref().map_or_else(|| line(report.reported_domain), line)
    );

    let mut out = String::new();
    let mut header = |name: &str, value: &str| super::eml::header_line(&mut out, name, value);
    header("From", &from);
    header("To", &line(report.to));
    header("Subject", &super::eml::encode_words(&subject));
    header("Date", &report.now.to_rfc2822());
    header("Message-ID", &format!("<arf-{}@complaint-portal.invalid>", line(report.id)));
    header("MIME-Version", "1.0");
    header("Content-Type", &format!("multipart/report; report-type=feedback-report;\r\n boundary=\"{boundary}\""));
    out.push_str("\r\nThis is a multi-part message in MIME format.\r\n");

    // 1. For people.
    out.push_str(&format!("\r\n--{boundary}\r\n"));
    let mut human = String::new();
    let reporter_text = match &reporter.name {
        Some(name) => format!("{} <{}>", line(name), line(&reporter.email)),
        None => line(&reporter.email),
    };
    human.push_str(
        &Msg::ArfIntro
            .format(report.locale, &[("reporter", &reporter_text), ("domain", &line(report.reported_domain))]),
    );
    human.push_str("\r\n");
    if let Some(ip) = &analysis.source_ip {
        human.push_str(&format!("\r\n{} {}\r\n", Msg::ArfSourceIp.text(report.locale), line(ip)));
    }
    if !analysis.url_hosts.is_empty() {
        human.push_str(&format!("\r\n{}\r\n", Msg::ArfUrlHosts.text(report.locale)));
        for host in &analysis.url_hosts {
            human.push_str(&format!("  {}\r\n", line(host)));
        }
    }
    if !report.details.is_empty() {
        // Body text, not header lines: line ends become CRLF, nothing else changes.
        human.push_str("\r\n");
        human.push_str(&report.details.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n"));
    }
    // 8bit allows lines of at most 998 bytes (RFC 5322 §2.1.1); a long pasted word gets base64.
    if human.split('\n').any(|text_line| text_line.len() > 998) {
        out.push_str("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
        for chunk in super::eml::base64(human.as_bytes()).as_bytes().chunks(76) {
            out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
            out.push_str("\r\n");
        }
    } else {
        out.push_str("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        out.push_str(&human);
    }

    // 2. For machines (RFC 5965 §3.1, §3.2).
    out.push_str(&format!("\r\n--{boundary}\r\n"));
    out.push_str("Content-Type: message/feedback-report\r\n\r\n");
    let mut field = |name: &str, value: &str| {
        out.push_str(name);
        out.push_str(": ");
        out.push_str(&ascii(value));
        out.push_str("\r\n");
    };
    field("Feedback-Type", "abuse");
    field("User-Agent", CLIENT_VERSION);
    field("Version", "1");
    if let Some(mail_from) = &analysis.return_path {
        field("Original-Mail-From", &format!("<{mail_from}>"));
    }
    if let Some(arrival) = arrival_date(analysis) {
        field("Arrival-Date", &arrival);
    }
    if let Some(ip) = &analysis.source_ip {
        field("Source-IP", ip);
    }
    field("Reported-Domain", report.reported_domain);
    for url in analysis.urls.iter().take(MAX_REPORTED_URIS) {
        field("Reported-URI", url);
    }

    // 3. The original, untouched.
    out.push_str(&format!("\r\n--{boundary}\r\n"));
    out.push_str(&format!(
        "Content-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"original.eml\"\r\n\
         Content-Transfer-Encoding: {}\r\n\r\n",
        transfer_encoding(report.raw)
    ));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(report.raw);
    bytes.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    bytes
}

/// The arrival time: the date of the topmost hop, else the message's `Date`, as RFC 5322.
fn arrival_date(analysis: &crate::spam::Analysis) -> Option<String> {
    analysis
        .hops
        .iter()
        .find_map(|hop| hop.time.as_deref())
        .or(analysis.date.as_deref())
        .and_then(|time| chrono::DateTime::parse_from_rfc3339(time).ok())
        .map(|time| time.to_rfc2822())
}

/// `7bit`, `8bit` or `binary` (RFC 2045 §2.7–2.9; RFC 2046 allows only these for
/// `message/rfc822`).
fn transfer_encoding(raw: &[u8]) -> &'static str {
    let long_line = raw.split(|&b| b == b'\n').any(|line| line.len() > 999);
    if long_line || raw.contains(&0) {
        "binary"
    } else if raw.is_ascii() {
        "7bit"
    } else {
        "8bit"
    }
}

/// A boundary that occurs nowhere in the original or the other texts of the report.
fn boundary_for(texts: &[&[u8]], id: &str) -> String {
    let id: String = id.chars().filter(char::is_ascii_alphanumeric).collect();
    let mut n = 0u32;
    loop {
        let boundary = format!("=_arf_{id}_{n}");
        if !texts.iter().any(|text| contains(text, boundary.as_bytes())) {
            return boundary;
        }
        n += 1;
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

/// One line: control characters become spaces, so no value can start a header line.
fn line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// A feedback-report field value is ASCII: other characters are percent-encoded as UTF-8
/// (RFC 3986 style, right for URIs; a domain is passed in A-label form anyway).
fn ascii(text: &str) -> String {
    super::percent_encode_except(&line(text), |c| c.is_ascii())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfer_encoding_follows_the_bytes() {
        assert_eq!(transfer_encoding(b"a: b\r\n\r\nc\r\n"), "7bit");
        assert_eq!(transfer_encoding("a: b\n\nGrüße\n".as_bytes()), "8bit");
        assert_eq!(transfer_encoding(&[b'x'; 1200]), "binary");
    }

    #[test]
    fn the_boundary_avoids_the_original() {
        let raw = b"Subject: x\r\n\r\n--=_arf_abc_0\r\n";
        assert_eq!(boundary_for(&[raw], "abc"), "=_arf_abc_1");
        assert_eq!(boundary_for(&[b"x", raw], "abc"), "=_arf_abc_1");
    }

    #[test]
    fn field_values_are_ascii() {
        assert_eq!(ascii("https://bücher.example/\r\nX: y"), "https://b%C3%BCcher.example/  X: y");
    }
}
