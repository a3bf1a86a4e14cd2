//! Spam evidence: the complete message as the complainant pasted or chose it, checked and analysed.
//!
//! The bytes themselves are never changed: they are bundled as they came. Two pure functions
//! look at them:
//!
//! - [`check_raw`]: is this plausibly a complete message with its header block? Cheap (no MIME
//!   parsing), so a form can call it on every paste. Each [`RawProblem`] is worded in i18n.rs,
//!   and the ones caused by a lost header block come with the guidance on how to get the full
//!   source in common mail clients ([`source_guidance`]).
//! - [`analyse`]: the facts a receiver and the complainant need, from a real RFC 5322/MIME parser
//!   (`mail-parser`): unfolded header fields, the `Received` chain, authentication results, DKIM
//!   signing domains, the sender addresses, and the hosts of the URLs in the decoded bodies.
//!
//! Line ends may be CRLF or bare LF (browsers turn CRLF into LF in text areas); both work.

use std::net::IpAddr;

use mail_parser::{Address, HeaderName, Host, MessageParser, PartType};
use serde::{Deserialize, Serialize};

use crate::domain::punycode_encode;
use crate::i18n::{Locale, Msg};

/// The default size cap for a spam message (§4, operator-configurable): 10 MB.
pub const DEFAULT_MAX_BYTES: usize = 10 * 1024 * 1024;

/// At most this many URLs are kept in [`Analysis::urls`]; hosts are all kept.
pub const MAX_URLS: usize = 200;

/// What the analysis found. Serialised as the submission's spam evidence and by
/// `complaint analyze`; the field names are part of that contract.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Analysis {
    /// The `Received` chain in header order: the top one was added last, by the receiving side.
    pub hops: Vec<Hop>,
    /// The first address of `From` (the display name left out). It can be forged.
    pub from: Option<String>,
    /// The envelope sender recorded by the last MTA, without angle brackets.
    pub return_path: Option<String>,
    /// `Message-ID` without angle brackets.
    pub message_id: Option<String>,
    /// `Date` as RFC 3339, when it parses.
    pub date: Option<String>,
    /// `Subject`, RFC 2047 encoded words decoded.
    pub subject: Option<String>,
    /// Each verdict of every `Authentication-Results` field, in order.
    pub auth_results: Vec<AuthResult>,
    /// The `d=` of each `DKIM-Signature`, lower case, without duplicates.
    pub dkim_domains: Vec<String>,
    /// Hosts of the URLs in the decoded text and HTML bodies: lower case, IDNs as A-labels,
    /// without duplicates, in order of appearance.
    pub url_hosts: Vec<String>,
    /// The URLs themselves (at most [`MAX_URLS`]), without duplicates, in order of appearance.
    pub urls: Vec<String>,
    /// Whether there is at least one `Received` field.
    pub has_received: bool,
    /// Whether the text looks like an inline-forwarded message that lost its headers: a forward
    /// marker ("---------- Forwarded message ---------" and the like) and no `Received` field.
    pub inline_forward: bool,
    /// The connecting IP of the topmost hop whose sender is not private or loopback: the
    /// likeliest source of the message (the `Source-IP` of an ARF report).
    pub source_ip: Option<String>,
    /// Whether the `From` domain matches neither the `Return-Path` domain nor any DKIM signing
    /// domain (organisational match: equal, or one a subdomain of the other). `false` when there
    /// is no `From` or nothing to compare it with.
    pub from_unverified: bool,
    /// Every header field of the message, unfolded, in order. Values are the raw text (not
    /// decoded); bytes that are not UTF-8 are shown as U+FFFD.
    pub headers: Vec<HeaderField>,
}

/// One `Received` field of the message.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hop {
    /// The sending host as the receiving MTA named it (HELO name or reverse DNS, or an IP).
    pub from: Option<String>,
    /// The receiving host.
    pub by: Option<String>,
    /// The IP literals of the `from` part, in order, without duplicates.
    pub ips: Vec<String>,
    /// The time the hop was added, RFC 3339, when it parses.
    pub time: Option<String>,
}

/// One verdict of an `Authentication-Results` field.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthResult {
    /// `spf`, `dkim`, `dmarc`, `arc`, … in lower case.
    pub method: String,
    /// `pass`, `fail`, `softfail`, `none`, … in lower case.
    pub result: String,
}

/// One header field of the message, unfolded.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderField {
    pub name: String,
    pub value: String,
}

/// Why the input cannot be taken as a complete spam message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawProblem {
    /// Over the size cap.
    TooLarge { size: usize, limit: usize },
    /// A NUL byte, or more than a few other control characters: an image, archive or document.
    Binary,
    /// Not UTF-8, and no MIME `charset` other than UTF-8 or US-ASCII declared anywhere.
    Undecodable,
    /// The first line is not a header field: the header block is missing.
    NoHeaders,
    /// A header block without any `Received` field: not the full source as delivered.
    NoReceived,
    /// An inline-forwarded message that lost its original header fields.
    InlineForward,
}

impl RawProblem {
    /// The message for the complainant.
    pub fn message(&self, locale: Locale) -> String {
        match self {
            RawProblem::TooLarge { size, limit } => Msg::SpamTooLarge
                .format(locale, &[("size", &format_size(*size, locale)), ("limit", &format_size(*limit, locale))]),
            RawProblem::Binary => Msg::SpamBinary.text(locale).to_owned(),
            RawProblem::Undecodable => Msg::SpamUndecodable.text(locale).to_owned(),
            RawProblem::NoHeaders => Msg::SpamNoHeaders.text(locale).to_owned(),
            RawProblem::NoReceived => Msg::SpamNoReceived.text(locale).to_owned(),
            RawProblem::InlineForward => Msg::SpamInlineForward.text(locale).to_owned(),
        }
    }

    /// Whether the complainant should be shown [`source_guidance`]: the message lacks the header
    /// block that only the mail client's "show original" view gives.
    pub fn needs_full_source(&self) -> bool {
        matches!(self, RawProblem::NoHeaders | RawProblem::NoReceived | RawProblem::InlineForward)
    }
}

/// How to get a message's full source in common mail clients: an introduction, then one line per
/// client (Gmail, Outlook, Apple Mail, Thunderbird).
pub fn source_guidance(locale: Locale) -> Vec<&'static str> {
    [
        Msg::SpamSourceIntro,
        Msg::SpamSourceGmail,
        Msg::SpamSourceOutlook,
        Msg::SpamSourceAppleMail,
        Msg::SpamSourceThunderbird,
    ]
    .iter()
    .map(|msg| msg.text(locale))
    .collect()
}

/// A size as people read it: bytes, KB or MB (powers of 1024, one decimal, the locale's comma).
pub fn format_size(bytes: usize, locale: Locale) -> String {
    if bytes < 1024 {
        return match locale {
            Locale::De => format!("{bytes} Byte"),
            Locale::En => format!("{bytes} bytes"),
        };
    }
    // Tenths by integer arithmetic, rounded half up: float formatting would add ~4 KB of
    // brotli to the download for this one line.
    let (unit, scale) = if bytes < 1024 * 1024 { ("KB", 1024) } else { ("MB", 1024 * 1024) };
    let tenths = (bytes * 10 + scale / 2) / scale;
    let separator = match locale {
        Locale::De => ',',
        Locale::En => '.',
    };
    format!("{}{separator}{} {unit}", tenths / 10, tenths % 10)
}

/// Checks that `raw` can be taken as a complete message, in this order:
///
/// 1. at most `limit` bytes;
/// 2. not binary: no NUL byte, and at most one other C0 control character (other than tab, CR,
///    LF, form feed and escape) per 1,000 bytes;
/// 3. decodable: valid UTF-8, or else some MIME `charset=` other than UTF-8/US-ASCII is declared
///    somewhere in the message (then the undeclared bytes are that charset's business);
/// 4. without a `Received` field in the header block: an inline forward when a forward marker is
///    found ([`RawProblem::InlineForward`]), else no header block when the first line is not a
///    header field ([`RawProblem::NoHeaders`]), else [`RawProblem::NoReceived`].
///
/// Leading blank lines are not skipped: the bytes are bundled as they are, so they must be a
/// message as they are.
pub fn check_raw(raw: &[u8], limit: usize) -> Result<(), RawProblem> {
    check_size(raw.len(), limit)?;
    if raw.contains(&0) {
        return Err(RawProblem::Binary);
    }
    let controls = raw.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)).count();
    if controls > raw.len() / 1000 {
        return Err(RawProblem::Binary);
    }
    if std::str::from_utf8(raw).is_err() && !declares_other_charset(raw) {
        return Err(RawProblem::Undecodable);
    }
    let header = header_block(without_mbox_line(raw));
    let first_line = header.split(|&b| b == b'\n').next().unwrap_or_default();
    let starts_with_field = is_field_line(first_line);
    let has_received =
        starts_with_field && header.split(|&b| b == b'\n').any(|line| starts_with_ignore_case(line, b"received:"));
    if has_received {
        return Ok(());
    }
    if has_forward_marker(&String::from_utf8_lossy(raw)) {
        return Err(RawProblem::InlineForward);
    }
    if !starts_with_field {
        return Err(RawProblem::NoHeaders);
    }
    Err(RawProblem::NoReceived)
}

/// The message after an mbox separator line ("From sender@example Tue Mar 10 09:14:55 2026"),
/// which mail clients put in front of messages they export or save as mbox. The bytes bundled
/// keep it; only the reading skips it.
fn without_mbox_line(raw: &[u8]) -> &[u8] {
    match raw.strip_prefix(b"From ") {
        Some(rest) => rest.iter().position(|&b| b == b'\n').map_or(raw, |end| &rest[end + 1..]),
        None => raw,
    }
}

/// The size cap alone: a file over it is refused by its size, before its bytes are read.
pub fn check_size(size: usize, limit: usize) -> Result<(), RawProblem> {
    if size > limit {
        Err(RawProblem::TooLarge { size, limit })
    } else {
        Ok(())
    }
}

/// The bytes up to the first empty line (LF or CRLF line ends), or all of them.
fn header_block(raw: &[u8]) -> &[u8] {
    let mut start = 0;
    for line in raw.split_inclusive(|&b| b == b'\n') {
        if line == b"\n" || line == b"\r\n" {
            return &raw[..start];
        }
        start += line.len();
    }
    raw
}

/// `Name: …` with an RFC 5322 field name (printable ASCII but the colon).
fn is_field_line(line: &[u8]) -> bool {
    match line.iter().position(|&b| b == b':') {
        Some(colon) if colon > 0 => line[..colon].iter().all(|&b| (33..=126).contains(&b)),
        _ => false,
    }
}

fn starts_with_ignore_case(line: &[u8], prefix: &[u8]) -> bool {
    line.len() >= prefix.len() && line[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Whether a `charset=` parameter names something other than UTF-8 or US-ASCII.
fn declares_other_charset(raw: &[u8]) -> bool {
    const KEY: &[u8] = b"charset=";
    raw.windows(KEY.len()).enumerate().filter(|(_, w)| w.eq_ignore_ascii_case(KEY)).any(|(at, _)| {
        let value: Vec<u8> = raw[at + KEY.len()..]
            .iter()
            .skip_while(|&&b| b == b'"')
            .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            .map(u8::to_ascii_lowercase)
            .collect();
        !value.is_empty() && !matches!(value.as_slice(), b"utf-8" | b"utf8" | b"us-ascii" | b"ascii")
    })
}

/// The separator lines mail clients put above an inline-forwarded message, lower case, with the
/// dashes around them removed.
const FORWARD_MARKERS: &[&str] = &[
    "forwarded message",
    "original message",
    "begin forwarded message:",
    "weitergeleitete nachricht",
    "ursprüngliche nachricht",
    "anfang der weitergeleiteten nachricht:",
    "original-nachricht",
];

/// Whether some line of `text` is a forward marker ("---------- Forwarded message ---------",
/// "-----Original Message-----", "Begin forwarded message:", "-------- Weitergeleitete Nachricht
/// --------", …).
pub fn has_forward_marker(text: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim();
        if line.len() > 80 {
            return false;
        }
        let core = line.trim_matches(|c: char| c == '-' || c.is_whitespace()).to_lowercase();
        FORWARD_MARKERS.contains(&core.as_str())
    })
}

/// Analyses a message. Never fails: what cannot be found is `None` or empty. Call [`check_raw`]
/// first to refuse what is not a message at all.
pub fn analyse(raw: &[u8]) -> Analysis {
    let mut analysis = Analysis::default();
    let raw = without_mbox_line(raw);
    let Some(message) = MessageParser::new().parse(raw) else {
        analysis.inline_forward = has_forward_marker(&String::from_utf8_lossy(raw));
        return analysis;
    };

    for header in message.headers() {
        let start = header.offset_start() as usize;
        let end = (header.offset_end() as usize).min(raw.len());
        let value = raw.get(start..end).map(String::from_utf8_lossy).unwrap_or_default();
        analysis.headers.push(HeaderField { name: header.name().to_owned(), value: unfold(&value) });

        let text = || analysis.headers.last().map(|f| f.value.clone()).unwrap_or_default();
        match header.name {
            HeaderName::Received => {
                let hop = hop(header.value().as_received(), &text());
                analysis.hops.push(hop);
            }
            HeaderName::AuthenticationResults => {
                let results = auth_results(&text());
                analysis.auth_results.extend(results);
            }
            // RFC 7208 §9.1: the verdict is the field's first word.
            _ if header.name().eq_ignore_ascii_case("Received-SPF") => {
                let value = text();
                let result = value.split_whitespace().next().unwrap_or_default().to_ascii_lowercase();
                let verdict = AuthResult { method: "spf".to_owned(), result };
                if !verdict.result.is_empty() && !analysis.auth_results.contains(&verdict) {
                    analysis.auth_results.push(verdict);
                }
            }
            HeaderName::DkimSignature => {
                if let Some(domain) = dkim_domain(&text()) {
                    push_unique(&mut analysis.dkim_domains, domain);
                }
            }
            _ => {}
        }
    }
    analysis.has_received = !analysis.hops.is_empty();

    analysis.from = message.from().and_then(first_address);
    // Not `return_address()`, which falls back to `From`.
    analysis.return_path = analysis
        .headers
        .iter()
        .rfind(|f| f.name.eq_ignore_ascii_case("Return-Path"))
        .map(|f| f.value.trim().trim_start_matches('<').trim_end_matches('>').trim().to_owned())
        .filter(|a| !a.is_empty());
    analysis.message_id = message.message_id().map(str::to_owned);
    analysis.date = message.date().filter(|d| d.is_valid()).map(|d| d.to_rfc3339());
    analysis.subject = message.subject().map(str::to_owned);

    let mut forward_marker = false;
    scan_bodies(&message.parts, &mut analysis, &mut forward_marker, 0);
    if !analysis.has_received && !forward_marker {
        // A paste without any header block may not parse as having a body part at all.
        forward_marker = has_forward_marker(&String::from_utf8_lossy(raw));
    }
    analysis.inline_forward = !analysis.has_received && forward_marker;
    analysis.source_ip = source_ip(&analysis.hops);
    analysis.from_unverified = from_unverified(&analysis);
    analysis
}

/// Attached messages (`message/rfc822`) are read this deep: a spam sent as the attachment of a
/// bounce or of another spam has its links too.
const NESTED_MESSAGES: usize = 3;

/// The URL hosts of every text and HTML body, attached messages included, and whether some
/// body holds a forward marker.
fn scan_bodies(
    parts: &[mail_parser::MessagePart<'_>],
    analysis: &mut Analysis,
    forward_marker: &mut bool,
    depth: usize,
) {
    for part in parts {
        let (text, html) = match &part.body {
            PartType::Text(text) => (text, false),
            PartType::Html(text) => (text, true),
            PartType::Message(nested) if depth < NESTED_MESSAGES => {
                scan_bodies(&nested.parts, analysis, forward_marker, depth + 1);
                continue;
            }
            _ => continue,
        };
        // Spammers write links with character references (`h&#116;tps&#58;//…`) to dodge filters.
        let decoded = if html { decode_references(text) } else { std::borrow::Cow::Borrowed(text.as_ref()) };
        scan_urls(&decoded, html, &mut analysis.urls, &mut analysis.url_hosts);
        *forward_marker = *forward_marker || has_forward_marker(text);
    }
}

/// RFC 5322 unfolding: a line break followed by white space is removed (the white space stays);
/// the value is trimmed.
fn unfold(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => {}
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

fn host_text(host: &Host<'_>) -> String {
    match host {
        Host::Name(name) => name.to_string(),
        Host::IpAddr(ip) => ip.to_string(),
    }
}

/// One hop: mail-parser's reading of the `Received` field, plus the IP literals of its `from`
/// part found by scanning the text (bracketed, parenthesised or bare, `IPv6:` prefixed or not).
fn hop(received: Option<&mail_parser::Received<'_>>, text: &str) -> Hop {
    let mut hop = Hop::default();
    let mut ips = Vec::new();
    if let Some(received) = received {
        hop.from = received.from.as_ref().or(received.helo.as_ref()).map(host_text);
        hop.by = received.by.as_ref().map(host_text);
        hop.time = received.date.filter(|d| d.is_valid()).map(|d| d.to_rfc3339());
        if let Some(ip) = received.from_ip {
            ips.push(ip);
        }
        for host in [&received.from, &received.helo].into_iter().flatten() {
            if let Host::IpAddr(ip) = host {
                ips.push(*ip);
            }
        }
    }
    // The `from` clause ends where `by` starts; the date after the last `;` is left out.
    let before_date = text.rsplit_once(';').map_or(text, |(clauses, _)| clauses);
    let lower = before_date.to_ascii_lowercase();
    let from_clause = match (lower.find("from "), lower.find(" by ")) {
        (Some(from), Some(by)) if from < by => &before_date[from..by],
        (Some(from), None) => &before_date[from..],
        _ => "",
    };
    // `from [192.0.2.1]` or `from [IPv6:2001:db8::1]`: the literal is the name.
    if let Some(literal) = from_clause.get(5..).and_then(|rest| rest.trim_start().strip_prefix('[')) {
        let literal = literal.split(']').next().unwrap_or_default();
        let literal = literal.strip_prefix("IPv6:").or_else(|| literal.strip_prefix("ipv6:")).unwrap_or(literal);
        hop.from = Some(literal.to_owned());
    }
    for token in from_clause.split(|c: char| c.is_whitespace() || matches!(c, '[' | ']' | '(' | ')' | ',' | '=')) {
        let token = token.strip_prefix("IPv6:").or_else(|| token.strip_prefix("ipv6:")).unwrap_or(token);
        if token.contains(['.', ':']) {
            if let Ok(ip) = token.parse::<IpAddr>() {
                ips.push(ip);
            }
        }
    }
    for ip in ips {
        push_unique(&mut hop.ips, ip.to_string());
    }
    hop
}

/// Loopback, private (RFC 1918, unique local), link-local, shared (RFC 6598) or unspecified.
fn is_internal(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || (a == 100 && (64..128).contains(&b))
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            v6.is_loopback() || v6.is_unspecified() || (first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfe80
        }
    }
}

fn source_ip(hops: &[Hop]) -> Option<String> {
    hops.iter()
        .find_map(|hop| hop.ips.iter().find(|ip| ip.parse::<IpAddr>().is_ok_and(|ip| !is_internal(&ip))).cloned())
}

/// The verdicts of one `Authentication-Results` value: `authserv-id; method=result …; …`.
/// Comments in parentheses are removed first.
fn auth_results(value: &str) -> Vec<AuthResult> {
    let mut plain = String::with_capacity(value.len());
    let mut depth = 0usize;
    for c in value.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(';')
        .skip(1)
        .filter_map(|resinfo| {
            let first = resinfo.split_whitespace().next()?;
            let (method, result) = first.split_once('=')?;
            let method = method.split('/').next().unwrap_or(method);
            if method.is_empty() || result.is_empty() {
                return None;
            }
            Some(AuthResult { method: method.to_ascii_lowercase(), result: result.to_ascii_lowercase() })
        })
        .collect()
}

/// The `d=` tag of a `DKIM-Signature` value, lower case.
fn dkim_domain(value: &str) -> Option<String> {
    value.split(';').find_map(|tag| {
        let (name, domain) = tag.split_once('=')?;
        if name.trim() != "d" {
            return None;
        }
        let domain: String = domain.chars().filter(|c| !c.is_whitespace()).collect();
        (!domain.is_empty()).then(|| domain.to_ascii_lowercase())
    })
}

fn first_address(address: &Address<'_>) -> Option<String> {
    let addr = match address {
        Address::List(list) => list.iter().find_map(|a| a.address.as_ref()),
        Address::Group(groups) => groups.iter().flat_map(|g| g.addresses.iter()).find_map(|a| a.address.as_ref()),
    };
    addr.map(|a| a.to_string())
}

fn domain_of(address: &str) -> Option<String> {
    address.rsplit_once('@').map(|(_, domain)| domain.trim_end_matches('.').to_ascii_lowercase())
}

/// `a` and `b` equal, or one a subdomain of the other (a crude organisational alignment).
fn aligned(a: &str, b: &str) -> bool {
    a == b || a.ends_with(&format!(".{b}")) || b.ends_with(&format!(".{a}"))
}

fn from_unverified(analysis: &Analysis) -> bool {
    let Some(from_domain) = analysis.from.as_deref().and_then(domain_of) else {
        return false;
    };
    let mut others: Vec<String> = analysis.dkim_domains.clone();
    others.extend(analysis.return_path.as_deref().and_then(domain_of));
    !others.is_empty() && !others.iter().any(|other| aligned(&from_domain, other))
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// Finds `http://`, `https://` and `ftp://` URLs and `www.` hosts in decoded text or HTML
/// (where `&amp;` in a URL is read as `&`; other character references are not decoded).
fn scan_urls(text: &str, html: bool, urls: &mut Vec<String>, hosts: &mut Vec<String>) {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let rest = &lower[at..];
        let Some(found) = rest.find("://").map(|i| at + i) else { break };
        // The scheme: letters right before `://`.
        // (Trimmed, not `rfind` + 1: the character before the scheme may be wider than a byte.)
        let scheme_start =
            lower[..found].trim_end_matches(|c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')).len();
        let scheme = &lower[scheme_start..found];
        at = found + 3;
        if !matches!(scheme, "http" | "https" | "ftp") {
            continue;
        }
        let end = text[at..].find(|c: char| url_stop(c)).map_or(text.len(), |i| at + i);
        let url = text[scheme_start..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
        let authority_text = &url[scheme.len() + 3..];
        if let Some(host) = url_host(authority_text) {
            push_unique(hosts, host);
            if urls.len() < MAX_URLS {
                let url = if html { url.replace("&amp;", "&") } else { url.to_owned() };
                push_unique(urls, url);
            }
        }
        at = end.max(at);
    }
    // Bare `www.` hosts, which mail clients turn into links too.
    let mut search = 0;
    while let Some(found) = lower[search..].find("www.").map(|i| search + i) {
        search = found + 4;
        let preceded_ok = lower[..found]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '/' || c == '.' || c == '@'));
        if !preceded_ok {
            continue;
        }
        let end = text[found..].find(|c: char| url_stop(c)).map_or(text.len(), |i| found + i);
        let candidate = text[found..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '\'']);
        if let Some(host) = url_host(candidate) {
            if host.contains('.') && host.len() > 4 {
                push_unique(hosts, host);
            }
        }
        search = end.max(search);
    }
}

/// HTML numeric character references (`&#58;`, `&#x3A;`) and the named ones that spell URLs
/// (`&colon;`, `&sol;`, `&period;`, `&sol;`) as the characters they stand for; `&amp;` stays,
/// as [`scan_urls`] reads it in URLs. Anything malformed is left as it is.
fn decode_references(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("&#") && !text.contains("&colon;") && !text.contains("&sol;") && !text.contains("&period;") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "colon" => Some(':'),
                "sol" => Some('/'),
                "period" => Some('.'),
                _ => {
                    let number = name.strip_prefix('#')?;
                    let value = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(value).filter(|c| !c.is_control())
                }
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn url_stop(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '<' | '>' | '`' | '{' | '}' | '|' | '\\' | '^') || c.is_control()
}

/// The host of `authority[/path…]`: userinfo and port removed, lower case, IDN labels as
/// A-labels (RFC 3492, without UTS #46 mapping), a trailing dot removed; IPv6 literals kept in
/// brackets.
fn url_host(rest: &str) -> Option<String> {
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    // HTML may carry `&amp;` and the like straight after a host with no path.
    let authority = authority.split('&').next()?;
    let host = if let Some(v6) = authority.strip_prefix('[') {
        // Only a real IPv6 literal: anything else in brackets (text with a Bidi override, say)
        // is no host to suggest.
        let address: std::net::Ipv6Addr = v6.split(']').next()?.parse().ok()?;
        format!("[{address}]")
    } else {
        let host = authority.split(':').next()?.trim_end_matches('.').to_lowercase();
        if host.is_empty() || host.contains(['\'', '(', ')', ',', ';', '*', '%', '=', '!', '$', '+']) {
            return None;
        }
        let labels: Vec<String> = host
            .split('.')
            .map(|label| if label.is_ascii() { label.to_owned() } else { format!("xn--{}", punycode_encode(label)) })
            .collect();
        labels.join(".")
    };
    (host.len() > 1).then_some(host)
}

/// The spam worker's answer about one message (crates/spam-worker runs [`examine`] off the
/// page's thread): why it cannot be taken, or what the analysis found.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Examined {
    /// The request this answers: the page ignores answers about a message since replaced.
    pub id: u32,
    pub problem: Option<RawProblem>,
    pub analysis: Option<Analysis>,
    /// Of the bytes, lower-case hex: computed here so the page does not hash 10 MB itself.
    pub sha256: String,
    /// Microseconds the worker spent, for the benchmark.
    pub elapsed_us: u64,
}

/// [`check_raw`], then [`analyse`] for a message that can be taken.
pub fn examine(id: u32, raw: &[u8], limit: usize) -> Examined {
    let (problem, analysis) = match check_raw(raw, limit) {
        Ok(()) => (None, Some(analyse(raw))),
        Err(problem) => (Some(problem), None),
    };
    Examined { id, problem, analysis, sha256: crate::sha256::sha256_hex(raw), elapsed_us: 0 }
}

/// What a spam complaint is about: the domain or mail server the complainant names.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum SpamTarget {
    /// A domain or a mail server's host name, normalised like every other domain.
    Domain(crate::domain::DomainName),
    /// A mail server's IP address, in its canonical text form.
    Ip(String),
}

impl SpamTarget {
    /// An IP address, else a domain or host name (a URL gives its host). `Ok` carries the notes
    /// worth telling (a host taken from a URL, mixed scripts); `Err` the reason, worded for the
    /// complainant. One host only: text with spaces or an `@` is refused rather than trimmed
    /// to the host inside it.
    pub fn parse(
        input: &str,
        uts46: &dyn crate::domain::Uts46,
        locale: Locale,
    ) -> Result<(SpamTarget, Vec<String>), String> {
        let trimmed = input.trim();
        let bare = trimmed.strip_prefix('[').and_then(|rest| rest.strip_suffix(']')).unwrap_or(trimmed);
        if let Ok(ip) = bare.parse::<IpAddr>() {
            return Ok((SpamTarget::Ip(ip.to_string()), Vec::new()));
        }
        if trimmed.contains(|c: char| c.is_whitespace() || c == '@') {
            return Err(Msg::SpamTargetOneHost.text(locale).to_owned());
        }
        crate::domain::normalise(trimmed, uts46)
            .map(|parsed| (SpamTarget::Domain(parsed.domain.clone()), parsed.notes(locale)))
            .map_err(|error| error.reason(locale))
    }

    /// The form for machines: the A-label, or the IP.
    pub fn ascii(&self) -> &str {
        match self {
            SpamTarget::Domain(domain) => &domain.ascii,
            SpamTarget::Ip(ip) => ip,
        }
    }

    /// The form for people: "bücher.example (xn--bcher-kva.example)", or the IP.
    pub fn display(&self) -> String {
        match self {
            SpamTarget::Domain(d) if d.unicode != d.ascii => format!("{} ({})", d.unicode, d.ascii),
            SpamTarget::Domain(d) => d.ascii.clone(),
            SpamTarget::Ip(ip) => ip.clone(),
        }
    }
}

/// How the message reached the portal.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageSource {
    /// Pasted source text (its line ends as the browser gave them: usually LF).
    #[default]
    Paste,
    /// A chosen `.eml` or `.txt` file, byte for byte.
    File,
}

/// The message as the submission carries it: the exact bytes, base64 encoded, with their
/// SHA-256 so a receiver can check nothing changed on the way.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMessage {
    /// Pasted or chosen as a file.
    pub source: MessageSource,
    /// The file's name; absent for a paste.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// In bytes.
    pub size: u64,
    /// Lower-case hex.
    pub sha256: String,
    /// The bytes, base64. Empty in browser storage, which never holds the bytes (IndexedDB does,
    /// separately), and in multipart/form-data, where they are the `message` part.
    pub content_base64: String,
}

impl RawMessage {
    pub fn new(source: MessageSource, file_name: Option<&str>, bytes: &[u8]) -> RawMessage {
        RawMessage::hashed(source, file_name, bytes, crate::sha256::sha256_hex(bytes))
    }

    /// The same, with the SHA-256 already known (from [`examine`]).
    pub fn hashed(source: MessageSource, file_name: Option<&str>, bytes: &[u8], sha256: String) -> RawMessage {
        RawMessage {
            source,
            file_name: file_name.map(str::to_owned),
            size: bytes.len() as u64,
            sha256,
            content_base64: crate::render::eml::base64(bytes),
        }
    }

    /// The bytes, when they are here and match their hash.
    pub fn bytes(&self) -> Option<Vec<u8>> {
        let bytes = crate::render::eml::base64_decode(&self.content_base64)?;
        (bytes.len() as u64 == self.size && crate::sha256::sha256_hex(&bytes) == self.sha256).then_some(bytes)
    }
}

/// The spam complaint's evidence in the submission: what it is about, the message, and what
/// the analysis found in it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpamEvidence {
    /// The domain or mail server complained about.
    pub target: SpamTarget,
    /// The message, byte for byte.
    pub message: RawMessage,
    /// What the portal found in the message's header (the receiver can redo it from the bytes).
    pub analysis: Analysis,
}

/// The hosts a complainant might want to name as the target, most telling first: the likely
/// source IP, the envelope sender's domain, the DKIM signers, then the hosts of the links.
/// The `From` domain is left out on purpose: it proves nothing.
pub fn suggested_targets(analysis: &Analysis) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut push = |host: &str| {
        let host = host.trim_matches(['[', ']']).to_ascii_lowercase();
        if !host.is_empty() && !out.contains(&host) {
            out.push(host);
        }
    };
    if let Some(ip) = &analysis.source_ip {
        push(ip);
    }
    if let Some((_, domain)) = analysis.return_path.as_deref().and_then(|path| path.rsplit_once('@')) {
        push(domain);
    }
    analysis.dkim_domains.iter().for_each(|d| push(d));
    analysis.url_hosts.iter().take(8).for_each(|h| push(h));
    out.truncate(10);
    out
}

/// The facts of a spam report that renderers need besides the message and its analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpamReport<'a> {
    /// The message, byte for byte.
    pub raw: &'a [u8],
    pub analysis: &'a Analysis,
    /// Who reports it.
    pub reporter: &'a Reporter,
    /// The mailbox the report goes to.
    pub to: &'a str,
    /// The domain or mail server complained about (A-label form, or an IP).
    pub reported_domain: &'a str,
    /// When the report is made (the core has no clock).
    pub now: chrono::DateTime<chrono::Utc>,
    /// A UUID for the report (the submission's id).
    pub id: &'a str,
    /// The language of the human-readable part.
    pub locale: Locale,
    /// The complaint as plain text (contact, comments, dates) for the human-readable part;
    /// empty when there is none.
    pub details: &'a str,
}

/// The complainant, or the organisation reporting on their behalf.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reporter {
    pub name: Option<String>,
    pub email: String,
    /// An organisation, where there is one; XARF needs an `org` and falls back to the name.
    pub org: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unfolding_keeps_the_white_space() {
        assert_eq!(unfold(" a\r\n\tb\n c\r\n"), "a\tb c");
    }

    #[test]
    fn auth_results_skip_the_authserv_id_and_comments() {
        let results = auth_results(
            "mx.example.net (mx; 1); spf=pass (sender ok; really) smtp.mailfrom=a.example; dkim=FAIL header.d=b.example; dmarc=none",
        );
        let pairs: Vec<(&str, &str)> = results.iter().map(|r| (r.method.as_str(), r.result.as_str())).collect();
        assert_eq!(pairs, [("spf", "pass"), ("dkim", "fail"), ("dmarc", "none")]);
        assert!(auth_results("mx.example.net; none").is_empty());
    }

    #[test]
    fn dkim_domain_allows_folding_white_space() {
        assert_eq!(
            dkim_domain("v=1; a=rsa-sha256; d = Mail.Example.COM ; s=sel; b=abc"),
            Some("mail.example.com".into())
        );
        assert_eq!(dkim_domain("v=1; s=sel"), None);
    }

    #[test]
    fn url_hosts_are_lower_case_a_labels() {
        let mut urls = Vec::new();
        let mut hosts = Vec::new();
        scan_urls(
            "See HTTPS://User@Bücher.Example:8443/x?y=1. Or <a href=\"http://[2001:DB8::1]/p\">x</a>, \
             www.shop.example, ftp://files.example/f and mailto:x@y.example and javascript://no.example",
            false,
            &mut urls,
            &mut hosts,
        );
        assert_eq!(hosts, ["xn--bcher-kva.example", "[2001:db8::1]", "files.example", "www.shop.example"]);
        assert_eq!(urls[0], "HTTPS://User@Bücher.Example:8443/x?y=1");
    }

    #[test]
    fn forward_markers_in_several_languages() {
        for marker in [
            "---------- Forwarded message ---------",
            "-----Original Message-----",
            "Begin forwarded message:",
            "-------- Weitergeleitete Nachricht --------",
            "-----Ursprüngliche Nachricht-----",
        ] {
            assert!(has_forward_marker(&format!("Hi,\n\n{marker}\nFrom: x\n")), "{marker}");
        }
        assert!(!has_forward_marker("I forwarded message after message to them."));
    }

    #[test]
    fn an_mbox_separator_line_is_skipped_when_reading_and_kept_in_the_bytes() {
        let message = b"From bounce@bulk.example Tue Mar 10 09:14:55 2026\nReceived: from a (a [203.0.113.9]) by mx.example; Tue, 10 Mar 2026 09:14:55 +0100\nReceived-SPF: Pass (mx.example: domain of bulk.example designates 203.0.113.9 as permitted sender)\nFrom: x@bulk.example\nSubject: hi\n\nbody\n";
        assert_eq!(check_raw(message, usize::MAX), Ok(()));
        let analysis = analyse(message);
        assert_eq!(analysis.hops.len(), 1);
        assert_eq!(analysis.subject.as_deref(), Some("hi"));
        assert_eq!(analysis.auth_results, [AuthResult { method: "spf".into(), result: "pass".into() }]);
        // A first line "From x" without the separator's shape is no header line either way.
        assert_eq!(check_raw(b"From me to you\n", usize::MAX), Err(RawProblem::NoHeaders));
    }

    #[test]
    fn links_spelled_with_character_references_are_found() {
        assert_eq!(
            decode_references("h&#116;tps&#x3a;//evil&period;example&sol;x &amp; &#0; &bogus; &#99999999;"),
            "https://evil.example/x &amp; &#0; &bogus; &#99999999;"
        );
        let message = b"Received: from a by b; Tue, 10 Mar 2026 09:14:55 +0100\nContent-Type: text/html\n\n<a href=\"h&#116;tps&#58;//Hidden.Example/p?a=1&amp;b=2\">x</a>\n";
        let analysis = analyse(message);
        assert_eq!(analysis.url_hosts, ["hidden.example"]);
        assert_eq!(analysis.urls, ["https://Hidden.Example/p?a=1&b=2"]);
    }

    #[test]
    fn links_in_an_attached_message_are_found() {
        let message = b"Received: from a by b; Tue, 10 Mar 2026 09:14:55 +0100\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/plain\n\nSee attached.\n--x\nContent-Type: message/rfc822\n\nFrom: s@spam.example\nSubject: inner\nContent-Type: text/html\n\n<a href=\"https://inner.example/x\">go</a>\n--x--\n";
        let analysis = analyse(message);
        assert_eq!(analysis.url_hosts, ["inner.example"]);
        assert_eq!(analysis.from, None, "the outer message has no From; the inner one is not taken for it");
    }

    #[test]
    fn only_real_ipv6_literals_count_as_bracketed_hosts() {
        assert_eq!(url_host("[2001:DB8:0::1]:8080/x").as_deref(), Some("[2001:db8::1]"));
        assert_eq!(url_host("[ü\u{202e}]/"), None);
        assert_eq!(url_host("[not-an-ip]/"), None);
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(format_size(12 * 1024 * 1024 + 300 * 1024, Locale::De), "12,3 MB");
        assert_eq!(format_size(12 * 1024 * 1024 + 300 * 1024, Locale::En), "12.3 MB");
        assert_eq!(format_size(512, Locale::En), "512 bytes");
        assert_eq!(format_size(2048, Locale::De), "2,0 KB");
    }

    #[test]
    fn internal_addresses_are_not_sources() {
        let hops = vec![
            Hop { ips: vec!["127.0.0.1".into()], ..Hop::default() },
            Hop { ips: vec!["10.1.2.3".into(), "fd00::1".into()], ..Hop::default() },
            Hop { ips: vec!["203.0.113.9".into()], ..Hop::default() },
        ];
        assert_eq!(source_ip(&hops).as_deref(), Some("203.0.113.9"));
    }
}
