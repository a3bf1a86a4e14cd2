//! Domain names as complainants type them: lists, URLs pasted by mistake, Unicode.
//!
//! Each entry is lower-cased, its A-label form computed with Punycode (RFC 3492), and checked
//! against the host name rules (letters, digits, hyphens; 63 octets a label, 253 a name).

use serde::{Deserialize, Serialize};

use crate::i18n::{Locale, Msg};

/// A normalised domain name, in the three forms the submission carries (§5).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DomainName {
    /// The entry as the complainant typed it.
    pub input: String,
    /// Lower-case Unicode form, for people.
    pub unicode: String,
    /// A-label (Punycode) form, for DNS and machines.
    pub ascii: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DomainError {
    EmptyLabel,
    NoDot,
    BadCharacter(char),
    Hyphen,
    LabelTooLong,
    TooLong,
    IpLiteral,
    NumericTld,
}

impl DomainError {
    /// Why the entry is refused, as the end of a sentence in `locale`.
    pub fn reason(&self, locale: Locale) -> String {
        match self {
            DomainError::EmptyLabel => Msg::DomainEmptyLabel.text(locale).to_owned(),
            DomainError::NoDot => Msg::DomainNoDot.text(locale).to_owned(),
            DomainError::BadCharacter(c) => {
                let shown = if !(c.is_alphanumeric() || c.is_ascii_graphic()) {
                    format!("U+{:04X}", u32::from(*c))
                } else {
                    c.to_string()
                };
                Msg::DomainBadCharacter.format(locale, &[("char", &shown)])
            }
            DomainError::Hyphen => Msg::DomainHyphen.text(locale).to_owned(),
            DomainError::LabelTooLong => Msg::DomainLabelTooLong.text(locale).to_owned(),
            DomainError::TooLong => Msg::DomainTooLong.text(locale).to_owned(),
            DomainError::IpLiteral => Msg::DomainIpLiteral.text(locale).to_owned(),
            DomainError::NumericTld => Msg::DomainNumericTld.text(locale).to_owned(),
        }
    }
}

/// One entry of a domain list after normalisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalised {
    pub domain: DomainName,
    /// The entry was a URL (or `user@host`) and only its host was kept.
    pub from_url: bool,
}

/// Splits a typed list: one per line, commas, semicolons or spaces also accepted.
pub fn split_list(input: &str) -> impl Iterator<Item = &str> {
    input.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|entry| !entry.is_empty())
}

/// Normalises one entry, taking the host out of a pasted URL.
pub fn normalise(entry: &str) -> Result<Normalised, DomainError> {
    let (host, from_url) = host_of(entry);
    let lower = host.trim_end_matches('.').to_lowercase();
    if lower.is_empty() {
        return Err(DomainError::EmptyLabel);
    }
    if is_ip_literal(&lower) {
        return Err(DomainError::IpLiteral);
    }
    let mut ascii_labels = Vec::new();
    for label in lower.split('.') {
        ascii_labels.push(check_label(label)?);
    }
    if ascii_labels.len() < 2 {
        return Err(DomainError::NoDot);
    }
    if ascii_labels.last().is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit())) {
        return Err(DomainError::NumericTld);
    }
    let ascii = ascii_labels.join(".");
    if ascii.len() > 253 {
        return Err(DomainError::TooLong);
    }
    Ok(Normalised { domain: DomainName { input: entry.to_owned(), unicode: lower, ascii }, from_url })
}

fn check_label(label: &str) -> Result<String, DomainError> {
    if label.is_empty() {
        return Err(DomainError::EmptyLabel);
    }
    if let Some(bad) =
        label.chars().find(|&c| !(c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && c.is_alphanumeric())))
    {
        return Err(DomainError::BadCharacter(bad));
    }
    if label.starts_with('-') || label.ends_with('-') {
        return Err(DomainError::Hyphen);
    }
    let ascii = if label.is_ascii() { label.to_owned() } else { format!("xn--{}", punycode_encode(label)) };
    if ascii.len() > 63 {
        return Err(DomainError::LabelTooLong);
    }
    Ok(ascii)
}

/// The host part of `https://host:port/path`, `host/path` or `user@host`; the entry itself otherwise.
fn host_of(entry: &str) -> (&str, bool) {
    let mut rest = entry;
    let mut from_url = false;
    if let Some((scheme, after)) = rest.split_once("://") {
        if !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) {
            rest = after;
            from_url = true;
        }
    }
    if let Some(end) = rest.find(['/', '?', '#']) {
        rest = &rest[..end];
        from_url = true;
    }
    if let Some((_, host)) = rest.rsplit_once('@') {
        rest = host;
        from_url = true;
    }
    if rest.starts_with('[') {
        return (rest, from_url);
    }
    if let Some((host, port)) = rest.rsplit_once(':') {
        if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
            rest = host;
            from_url = true;
        }
    }
    (rest, from_url)
}

fn is_ip_literal(host: &str) -> bool {
    host.starts_with('[')
        || host.parse::<std::net::IpAddr>().is_ok()
        || (host.split('.').count() == 4 && host.split('.').all(|part| part.parse::<u8>().is_ok()))
}

/// RFC 3492 Punycode encoding of one label (without the `xn--` prefix).
pub fn punycode_encode(label: &str) -> String {
    const BASE: u32 = 36;
    const T_MIN: u32 = 1;
    const T_MAX: u32 = 26;
    const SKEW: u32 = 38;
    const DAMP: u32 = 700;
    const INITIAL_BIAS: u32 = 72;
    const INITIAL_N: u32 = 128;

    fn digit(d: u32) -> char {
        let byte = if d < 26 { b'a' + d as u8 } else { b'0' + (d - 26) as u8 };
        char::from(byte)
    }
    fn adapt(mut delta: u32, num_points: u32, first: bool) -> u32 {
        delta /= if first { DAMP } else { 2 };
        delta += delta / num_points;
        let mut k = 0;
        while delta > ((BASE - T_MIN) * T_MAX) / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        k + (BASE - T_MIN + 1) * delta / (delta + SKEW)
    }

    let code_points: Vec<u32> = label.chars().map(u32::from).collect();
    let mut output: String = label.chars().filter(char::is_ascii).collect();
    let basic = output.len() as u32;
    let mut handled = basic;
    if basic > 0 {
        output.push('-');
    }
    let (mut n, mut delta, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    while (handled as usize) < code_points.len() {
        let m = code_points.iter().copied().filter(|&c| c >= n).min().unwrap_or(n);
        delta = delta.saturating_add((m - n).saturating_mul(handled + 1));
        n = m;
        for &c in &code_points {
            if c < n {
                delta = delta.saturating_add(1);
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    output.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                output.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta += 1;
        n += 1;
    }
    output
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ascii(entry: &str) -> String {
        normalise(entry).unwrap().domain.ascii
    }

    #[test]
    fn punycode_matches_known_a_labels() {
        assert_eq!(ascii("bücher.de"), "xn--bcher-kva.de");
        assert_eq!(ascii("münchen.de"), "xn--mnchen-3ya.de");
        assert_eq!(ascii("例え.テスト"), "xn--r8jz45g.xn--zckzah");
        assert_eq!(ascii("ÄÖÜ.de"), "xn--4ca0bs.de");
    }

    #[test]
    fn case_trailing_dot_and_urls_are_normalised() {
        assert_eq!(ascii("Example.COM."), "example.com");
        let from_url = normalise("https://Shop.Example.org:8443/login?x=1").unwrap();
        assert_eq!(from_url.domain.ascii, "shop.example.org");
        assert!(from_url.from_url);
        assert!(!normalise("example.org").unwrap().from_url);
        assert_eq!(ascii("mailto:abuse@example.net"), "example.net");
    }

    #[test]
    fn bad_entries_say_why() {
        assert_eq!(normalise("192.0.2.1"), Err(DomainError::IpLiteral));
        assert_eq!(normalise("http://[2001:db8::1]/"), Err(DomainError::IpLiteral));
        assert_eq!(normalise("localhost"), Err(DomainError::NoDot));
        assert_eq!(normalise("a..b"), Err(DomainError::EmptyLabel));
        assert_eq!(normalise("-a.de"), Err(DomainError::Hyphen));
        assert_eq!(normalise("a_b.de"), Err(DomainError::BadCharacter('_')));
        assert_eq!(normalise("example.123"), Err(DomainError::NumericTld));
        assert_eq!(normalise(&format!("{}.de", "a".repeat(64))), Err(DomainError::LabelTooLong));
        let long = vec!["a".repeat(60); 5].join(".");
        assert_eq!(normalise(&long), Err(DomainError::TooLong));
    }

    #[test]
    fn lists_split_on_lines_commas_and_spaces() {
        let entries: Vec<&str> = split_list("a.de, b.de\nc.de  d.de;e.de\r\n").collect();
        assert_eq!(entries, vec!["a.de", "b.de", "c.de", "d.de", "e.de"]);
    }

    #[test]
    fn reasons_are_translated() {
        assert!(DomainError::IpLiteral.reason(Locale::En).contains("IP address"));
        assert!(DomainError::IpLiteral.reason(Locale::De).contains("IP-Adresse"));
        assert!(DomainError::BadCharacter('\u{202e}').reason(Locale::En).contains("U+202E"));
    }
}
