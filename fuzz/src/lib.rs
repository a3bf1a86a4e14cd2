//! Shared pieces of the fuzz targets: the native UTS #46 mapper and the checks each target runs.
//! Every check panics on a broken property, which libFuzzer records as a crash.

use mail_parser::{Message, MessageParser};
use portal_core::domain;

/// UTS #46 by the `idna` crate, as the command line maps it.
pub use portal_core::domain::IdnaUts46 as Idna;

/// Domain normalisation: never panics; an accepted entry has an ASCII form that obeys the DNS
/// rules, and normalising that form (or the Unicode form) again gives the same name.
pub fn check_domain(entry: &str) {
    let Ok(first) = domain::normalise(entry, &Idna) else { return };
    let ascii = &first.domain.ascii;
    assert!(ascii.is_ascii(), "{entry:?} → non-ASCII {ascii:?}");
    assert!(ascii.len() <= 253, "{entry:?} → {} octets", ascii.len());
    assert!(ascii.split('.').all(|label| !label.is_empty() && label.len() <= 63), "{entry:?} → bad label in {ascii:?}");
    assert!(
        ascii.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'),
        "{entry:?} → {ascii:?}"
    );
    for again in [ascii.as_str(), first.domain.unicode.as_str()] {
        match domain::normalise(again, &Idna) {
            Ok(second) => {
                assert_eq!(&second.domain.ascii, ascii, "{entry:?} → {again:?}");
                assert_eq!(second.domain.unicode, first.domain.unicode, "{entry:?} → {again:?}");
                assert!(!second.from_url, "{entry:?} → {again:?} read as a URL");
            }
            Err(error) => panic!("{entry:?} → {again:?} refused on the second pass: {error:?}"),
        }
    }
}

/// Punycode: decoding never panics, and encoding then decoding gives the label back.
pub fn check_punycode(text: &str) {
    let _ = domain::punycode_decode(text);
    for label in text.split('.') {
        let encoded = domain::punycode_encode(label);
        assert!(encoded.is_ascii(), "{label:?} → {encoded:?}");
        assert_eq!(domain::punycode_decode(&encoded).as_deref(), Some(label), "{label:?} → {encoded:?}");
    }
}

/// Parses a message rendered by the core; every rendering must parse.
pub fn parse(bytes: &[u8]) -> Message<'_> {
    match MessageParser::default().parse(bytes) {
        Some(message) => message,
        None => panic!("mail-parser refused the rendering:\n{}", String::from_utf8_lossy(bytes)),
    }
}

/// The top-level header names of a parsed message, in order, as written.
pub fn header_names(message: &Message<'_>) -> Vec<String> {
    message.headers().iter().map(|h| h.name().to_owned()).collect()
}

/// `text` with every control character as a space: what the renderers do to one-line values.
pub fn one_line(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// Percent-decoding as a mail client does it; `None` for a broken escape or non-UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Splits `mailto:to?k=v&k=v` the way a mail client does (RFC 6068): the decoded address and
/// the decoded fields, in order.
pub fn split_mailto(url: &str) -> (String, Vec<(String, String)>) {
    let rest = url.strip_prefix("mailto:").unwrap_or_else(|| panic!("not a mailto URL: {url}"));
    let (to, query) = rest.split_once('?').unwrap_or((rest, ""));
    let fields = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| percent_decode(s).unwrap_or_else(|| panic!("bad escape in {url}"));
            (decode(key), decode(value))
        })
        .collect();
    let to = percent_decode(to).unwrap_or_else(|| panic!("bad escape in {url}"));
    (to, fields)
}

/// Line ends as the mailto body carries them: CRLF for any of CRLF, CR and LF.
pub fn crlf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").replace('\n', "\r\n")
}
