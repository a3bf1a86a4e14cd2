//! Domain names as complainants type them: lists, URLs pasted by mistake, Unicode.
//!
//! Each entry is normalised with UTS #46 (Unicode IDNA Compatibility Processing), as §4 asks:
//! non-transitional processing with CheckHyphens, CheckBidi, CheckJoiners, UseSTD3ASCIIRules and
//! VerifyDnsLength. The work is split in two:
//!
//! - The *mapping* (case folding, the IDNA mapping table, NFC, the Bidi and joiner rules, Punycode
//!   encoding) needs Unicode data tables, about 43 KB of brotli in the download. So it is a
//!   parameter, the [`Uts46`] trait: the command line passes the `idna` crate, the browser its own
//!   WHATWG URL parser, which runs the same processing (`src/platform/idna.rs`).
//! - Everything else happens here, on the mapper's ASCII result, the same for every mapper:
//!   STD3 rules (letters, digits, hyphens), CheckHyphens, DNS lengths, at least two labels, no
//!   numeric ending, IP literals refused, URLs reduced to their host, A-labels decoded back to
//!   Unicode for display (RFC 3492), and a warning for a label that mixes scripts.
//!
//! A mapper may refuse a name without saying why; [`normalise`] then names the likely reason
//! (a joiner, right-to-left letters, an invisible character, bad Punycode), so the messages are
//! as specific with one mapper as with the other.

use serde::{Deserialize, Serialize};

use crate::i18n::{Locale, Msg};

/// UTS #46 ToASCII, supplied by the caller: the one step that needs Unicode's data tables.
///
/// An implementation performs non-transitional processing (`ß` stays `ß`) with CheckBidi and
/// CheckJoiners and returns the A-label form: lower case, every label that is not ASCII
/// Punycode-encoded with its `xn--` prefix. UseSTD3ASCIIRules, CheckHyphens and
/// VerifyDnsLength may be left off (the WHATWG URL parser leaves them off): [`normalise`] applies
/// them to the result, with a message for each. The input holds no ASCII other than letters,
/// digits, hyphens and dots; [`normalise`] refuses everything else before calling the mapper.
pub trait Uts46 {
    /// The A-label form of `host`, or `None` when UTS #46 processing records an error.
    fn to_ascii(&self, host: &str) -> Option<String>;
}

/// A stand-in without Unicode tables: lower case, and Punycode for every label that is not
/// ASCII; letters and digits of any script are accepted, nothing is mapped (no NFC, no width
/// folding), no Bidi or joiner rule is checked.
///
/// Only for names the operator wrote into `config.json`, which are not complainants' input and
/// must parse in the browser before anything is shown. Complainants' entries always go through a
/// real mapper.
pub struct PunycodeOnly;

impl Uts46 for PunycodeOnly {
    fn to_ascii(&self, host: &str) -> Option<String> {
        let lower = host.to_lowercase();
        let labels = lower.split('.').map(|label| {
            if label.is_ascii() {
                Some(label.to_owned())
            } else if label.chars().all(|c| c.is_ascii() || c.is_alphanumeric()) {
                Some(format!("xn--{}", punycode_encode(label)))
            } else {
                None
            }
        });
        labels.collect::<Option<Vec<_>>>().map(|labels| labels.join("."))
    }
}

/// A normalised domain name, in the three forms the submission carries (§5).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// A label starts or ends with a hyphen (CheckHyphens).
    Hyphen,
    /// `--` in the third and fourth place of a label that is not an A-label (CheckHyphens).
    HyphenReserved,
    LabelTooLong,
    TooLong,
    IpLiteral,
    NumericTld,
    /// Right-to-left characters where RFC 5893 (CheckBidi) does not allow them.
    Bidi,
    /// U+200C or U+200D outside the contexts of RFC 5892 (CheckJoiners).
    Joiner,
    /// An `xn--` label that is not valid Punycode, or not the canonical encoding of its label.
    BadPunycode,
    /// The mapper refused the name for a reason not recognised above.
    Refused,
}

impl DomainError {
    /// Why the entry is refused, as the end of a sentence in `locale`.
    pub fn reason(&self, locale: Locale) -> String {
        let msg = match self {
            DomainError::BadCharacter(c) => {
                let shown = if !(c.is_alphanumeric() || c.is_ascii_graphic()) {
                    format!("U+{:04X}", u32::from(*c))
                } else {
                    c.to_string()
                };
                return Msg::DomainBadCharacter.format(locale, &[("char", &shown)]);
            }
            DomainError::EmptyLabel => Msg::DomainEmptyLabel,
            DomainError::NoDot => Msg::DomainNoDot,
            DomainError::Hyphen => Msg::DomainHyphen,
            DomainError::HyphenReserved => Msg::DomainHyphenReserved,
            DomainError::LabelTooLong => Msg::DomainLabelTooLong,
            DomainError::TooLong => Msg::DomainTooLong,
            DomainError::IpLiteral => Msg::DomainIpLiteral,
            DomainError::NumericTld => Msg::DomainNumericTld,
            DomainError::Bidi => Msg::DomainBidi,
            DomainError::Joiner => Msg::DomainJoiner,
            DomainError::BadPunycode => Msg::DomainBadPunycode,
            DomainError::Refused => Msg::DomainRefused,
        };
        msg.text(locale).to_owned()
    }
}

/// The writing systems [`script_of`] tells apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    /// Han, Hiragana, Katakana and Hangul, one group: Japanese mixes Han and Kana in a word,
    /// Korean Hangul and Han.
    Cjk,
    /// Letters of any script not listed above.
    Other,
}

impl Script {
    pub fn name(self, locale: Locale) -> &'static str {
        match self {
            Script::Latin => Msg::ScriptLatin,
            Script::Greek => Msg::ScriptGreek,
            Script::Cyrillic => Msg::ScriptCyrillic,
            Script::Armenian => Msg::ScriptArmenian,
            Script::Hebrew => Msg::ScriptHebrew,
            Script::Arabic => Msg::ScriptArabic,
            Script::Cjk => Msg::ScriptCjk,
            Script::Other => Msg::ScriptOther,
        }
        .text(locale)
    }
}

/// One entry of a domain list after normalisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalised {
    pub domain: DomainName,
    /// The entry was a URL (or `user@host`) and only its host was kept.
    pub from_url: bool,
    /// The scripts of the first label that mixes scripts (as `pаypal` does with a Cyrillic
    /// `а`): accepted, but worth a warning, since look-alike letters are a phishing trick.
    pub mixed_scripts: Option<Vec<Script>>,
}

impl Normalised {
    /// What the complainant should be told about this entry that is not an error: that the
    /// host was taken from a URL, that a label mixes scripts.
    pub fn notes(&self, locale: Locale) -> Vec<String> {
        let mut notes = Vec::new();
        let domain = &self.domain;
        if self.from_url {
            notes.push(Msg::DomainFromUrl.format(locale, &[("entry", &domain.input), ("host", &domain.unicode)]));
        }
        if let Some(scripts) = &self.mixed_scripts {
            let names: Vec<&str> = scripts.iter().map(|script| script.name(locale)).collect();
            notes.push(Msg::DomainMixedScripts.format(
                locale,
                &[("domain", &domain.unicode), ("scripts", &names.join(" + ")), ("ascii", &domain.ascii)],
            ));
        }
        notes
    }
}

/// Splits a typed list: one per line, commas, semicolons or spaces also accepted.
pub fn split_list(input: &str) -> impl Iterator<Item = &str> {
    input.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|entry| !entry.is_empty())
}

/// Normalises one entry, taking the host out of a pasted URL; `uts46` does the mapping.
pub fn normalise(entry: &str, uts46: &dyn Uts46) -> Result<Normalised, DomainError> {
    let (host, from_url) = host_of(entry);
    // One trailing dot (the DNS root) is allowed, also as an ideographic full stop.
    let host = host.strip_suffix(['.', '\u{3002}', '\u{FF0E}', '\u{FF61}']).unwrap_or(host);
    check_before_mapping(host)?;
    let ascii = uts46.to_ascii(host).ok_or_else(|| why_refused(host))?.to_ascii_lowercase();
    if is_ip_literal(&ascii) {
        // The URL parser turns `0x7f.1` into 127.0.0.1.
        return Err(DomainError::IpLiteral);
    }
    let mut unicode_labels = Vec::new();
    let mut mixed_scripts = None;
    for label in ascii.split('.') {
        let unicode = check_label(label)?;
        if mixed_scripts.is_none() {
            mixed_scripts = scripts_if_mixed(&unicode);
        }
        unicode_labels.push(unicode);
    }
    if unicode_labels.len() < 2 {
        return Err(DomainError::NoDot);
    }
    if ascii.rsplit('.').next().is_some_and(is_number) {
        return Err(DomainError::NumericTld);
    }
    if ascii.len() > 253 {
        return Err(DomainError::TooLong);
    }
    let domain = DomainName { input: entry.to_owned(), unicode: unicode_labels.join("."), ascii };
    Ok(Normalised { domain, from_url, mixed_scripts })
}

/// What can be refused before the mapping, with a precise message: IP literals, numeric
/// endings, and ASCII that STD3 rules forbid (ASCII is never mapped but for case; full-width
/// forms are folded to the ASCII they map to). The mapper then sees only letters, digits,
/// hyphens and dots of ASCII, so no URL parser can read a port, a path or a percent escape in it.
fn check_before_mapping(host: &str) -> Result<(), DomainError> {
    if host.is_empty() {
        return Err(DomainError::EmptyLabel);
    }
    let folded: String = host.chars().map(fold_width).collect();
    if is_ip_literal(&folded) {
        return Err(DomainError::IpLiteral);
    }
    if folded.split('.').any(str::is_empty) {
        return Err(DomainError::EmptyLabel);
    }
    if let Some((original, _)) = host
        .chars()
        .zip(folded.chars())
        .find(|&(_, c)| c.is_ascii() && !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
    {
        return Err(DomainError::BadCharacter(original));
    }
    if folded.rsplit('.').next().is_some_and(|tld| is_number(tld) || is_hex_number(tld)) && folded.contains('.') {
        return Err(DomainError::NumericTld);
    }
    Ok(())
}

/// The likely reason a mapper refused `host`, which passed [`check_before_mapping`].
fn why_refused(host: &str) -> DomainError {
    if host.contains(['\u{200C}', '\u{200D}']) {
        return DomainError::Joiner;
    }
    if let Some(c) = host.chars().find(|&c| is_never_allowed(c)) {
        return DomainError::BadCharacter(c);
    }
    if host.chars().any(is_right_to_left) {
        return DomainError::Bidi;
    }
    if host.split('.').any(|label| label.get(..4).is_some_and(|prefix| prefix.eq_ignore_ascii_case("xn--"))) {
        return DomainError::BadPunycode;
    }
    DomainError::Refused
}

/// STD3 rules and CheckHyphens on one label of the mapper's result, and its DNS length;
/// returns the label's Unicode form.
fn check_label(label: &str) -> Result<String, DomainError> {
    if label.is_empty() {
        return Err(DomainError::EmptyLabel);
    }
    if let Some(bad) = label.chars().find(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')) {
        return Err(DomainError::BadCharacter(bad));
    }
    let unicode = match label.strip_prefix("xn--") {
        Some(encoded) => {
            let decoded = punycode_decode(encoded).ok_or(DomainError::BadPunycode)?;
            // UTS #46 refuses an A-label of pure ASCII, and only the canonical encoding is one.
            if decoded.is_ascii() || punycode_encode(&decoded) != encoded {
                return Err(DomainError::BadPunycode);
            }
            decoded
        }
        None => label.to_owned(),
    };
    // STD3 on the decoded label too: no ASCII but letters, digits and hyphens.
    if let Some(bad) = unicode.chars().find(|&c| c.is_ascii() && !(c.is_ascii_alphanumeric() || c == '-')) {
        return Err(DomainError::BadCharacter(bad));
    }
    if unicode.starts_with('-') || unicode.ends_with('-') {
        return Err(DomainError::Hyphen);
    }
    if unicode.chars().nth(2) == Some('-') && unicode.chars().nth(3) == Some('-') {
        return Err(DomainError::HyphenReserved);
    }
    if label.len() > 63 {
        return Err(DomainError::LabelTooLong);
    }
    Ok(unicode)
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
    if rest.starts_with('[') || rest.parse::<std::net::Ipv6Addr>().is_ok() {
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

/// An IP address in any form a browser or `inet_aton` reads as one: bracketed or bare IPv6,
/// dotted IPv4, and the shorthands where every label is a number (`127.1`, `0x7f.0.0.1`).
fn is_ip_literal(host: &str) -> bool {
    host.starts_with('[')
        || host.parse::<std::net::IpAddr>().is_ok()
        || host.split('.').all(|part| is_number(part) || is_hex_number(part))
}

fn is_number(label: &str) -> bool {
    !label.is_empty() && label.bytes().all(|b| b.is_ascii_digit())
}

/// `0x1f`: what the URL parser reads as a number, so it refuses a name ending in one.
fn is_hex_number(label: &str) -> bool {
    label
        .get(..2)
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case("0x") && label[2..].bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Full-width ASCII and the ideographic full stops, as UTS #46 maps them.
fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3002}' | '\u{FF61}' => '.',
        _ => c,
    }
}

/// Characters no mapping lets into a domain: controls, spaces, format and Bidi controls,
/// private use, non-characters and the replacement character.
fn is_never_allowed(c: char) -> bool {
    let code = u32::from(c);
    c.is_control()
        || c.is_whitespace()
        || matches!(code, 0x200B | 0x200E | 0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFD)
        || matches!(code, 0xE000..=0xF8FF | 0xF0000..=0x10FFFF | 0xFDD0..=0xFDEF)
        || code & 0xFFFE == 0xFFFE
}

/// Characters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
/// presentation forms, and the right-to-left planes of the SMP).
fn is_right_to_left(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
}

/// The script of a character, by Unicode block. A compact check, not UTS #39: digits, the
/// hyphen, combining marks and modifier letters are neutral (`None`), the listed scripts are
/// told apart by their blocks, and a letter of any other script counts as [`Script::Other`].
pub fn script_of(c: char) -> Option<Script> {
    if c.is_numeric() || !c.is_alphanumeric() {
        return None;
    }
    let script = match u32::from(c) {
        0x41..=0x5A | 0x61..=0x7A | 0xAA | 0xBA | 0xC0..=0x24F | 0x1D00..=0x1DBF | 0x1E00..=0x1EFF => Script::Latin,
        0x2C60..=0x2C7F | 0xA720..=0xA7FF | 0xAB30..=0xAB6F | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => Script::Latin,
        0x250..=0x36F => return None,
        0x370..=0x3FF | 0x1F00..=0x1FFF => Script::Greek,
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x530..=0x58F | 0xFB13..=0xFB17 => Script::Armenian,
        0x590..=0x5FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x600..=0x6FF | 0x750..=0x77F | 0x870..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => Script::Arabic,
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x3005..=0x3007 | 0x3021..=0x3029 | 0x3031..=0x3035 => Script::Cjk,
        0x3040..=0x30FF | 0x3130..=0x318F | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF => Script::Cjk,
        0xA960..=0xA97F | 0xAC00..=0xD7FF | 0xF900..=0xFAFF | 0xFF66..=0xFFDC | 0x20000..=0x3FFFF => Script::Cjk,
        _ => Script::Other,
    };
    Some(script)
}

/// The scripts of `label` in order of appearance, if there is more than one.
fn scripts_if_mixed(label: &str) -> Option<Vec<Script>> {
    let mut scripts = Vec::new();
    for script in label.chars().filter_map(script_of) {
        if !scripts.contains(&script) {
            scripts.push(script);
        }
    }
    (scripts.len() > 1).then_some(scripts)
}

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

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

fn threshold(k: u32, bias: u32) -> u32 {
    if k <= bias {
        T_MIN
    } else if k >= bias + T_MAX {
        T_MAX
    } else {
        k - bias
    }
}

/// RFC 3492 Punycode encoding of one label (without the `xn--` prefix).
pub fn punycode_encode(label: &str) -> String {
    fn digit(d: u32) -> char {
        let byte = if d < 26 { b'a' + d as u8 } else { b'0' + (d - 26) as u8 };
        char::from(byte)
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
                    let t = threshold(k, bias);
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

/// RFC 3492 Punycode decoding of one label (without the `xn--` prefix); `None` for input that
/// is not Punycode: a non-ASCII basic part, a character that is not a digit, an overflow, a
/// code point that is not a Unicode scalar value, or a basic code point in the encoded part.
pub fn punycode_decode(encoded: &str) -> Option<String> {
    let (basic, digits) = match encoded.rfind('-') {
        Some(at) => (&encoded[..at], &encoded[at + 1..]),
        None => ("", encoded),
    };
    if !basic.is_ascii() {
        return None;
    }
    let mut output: Vec<char> = basic.chars().collect();
    let (mut n, mut i, mut bias) = (INITIAL_N, 0u32, INITIAL_BIAS);
    let mut digits = digits.bytes().peekable();
    while digits.peek().is_some() {
        let old_i = i;
        let mut weight = 1u32;
        let mut k = BASE;
        loop {
            let digit = match digits.next()? {
                byte @ b'a'..=b'z' => byte - b'a',
                byte @ b'A'..=b'Z' => byte - b'A',
                byte @ b'0'..=b'9' => byte - b'0' + 26,
                _ => return None,
            };
            let digit = u32::from(digit);
            i = i.checked_add(digit.checked_mul(weight)?)?;
            let t = threshold(k, bias);
            if digit < t {
                break;
            }
            weight = weight.checked_mul(BASE - t)?;
            k += BASE;
        }
        let length = output.len() as u32 + 1;
        bias = adapt(i - old_i, length, old_i == 0);
        n = n.checked_add(i / length)?;
        i %= length;
        if n < INITIAL_N {
            return None;
        }
        output.insert(i as usize, char::from_u32(n)?);
        i += 1;
    }
    Some(output.into_iter().collect())
}

/// UTS #46 by the `idna` crate, for native users (the CLI, the tests, the fuzzers): non-
/// transitional ToASCII with CheckBidi and CheckJoiners, run as leniently as the browser's URL
/// parser runs it, so that [`normalise`] applies STD3, CheckHyphens and the DNS lengths itself
/// and the messages are the same as on the web page. Not in the app's download (feature `idna`).
#[cfg(any(test, feature = "idna"))]
pub struct IdnaUts46;

#[cfg(any(test, feature = "idna"))]
impl Uts46 for IdnaUts46 {
    fn to_ascii(&self, host: &str) -> Option<String> {
        use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46 as Processor};
        Processor::new()
            .to_ascii(host.as_bytes(), AsciiDenyList::EMPTY, Hyphens::Allow, DnsLength::Ignore)
            .ok()
            .map(|ascii| ascii.into_owned())
    }
}

/// The core's own tests call it by its old name.
#[cfg(test)]
pub(crate) mod testing {
    pub(crate) use super::IdnaUts46 as Idna;
}

#[cfg(test)]
mod tests {
    use super::testing::Idna;
    use super::*;

    fn normalised(entry: &str) -> Normalised {
        normalise(entry, &Idna).unwrap_or_else(|error| panic!("{entry}: {error:?}"))
    }

    fn forms(entry: &str) -> (String, String) {
        let domain = normalised(entry).domain;
        (domain.unicode, domain.ascii)
    }

    fn refused(entry: &str) -> DomainError {
        normalise(entry, &Idna).map(|ok| ok.domain).unwrap_err()
    }

    fn pair(unicode: &str, ascii: &str) -> (String, String) {
        (unicode.to_owned(), ascii.to_owned())
    }

    #[test]
    fn punycode_matches_known_a_labels() {
        assert_eq!(forms("bücher.de"), pair("bücher.de", "xn--bcher-kva.de"));
        assert_eq!(forms("münchen.de"), pair("münchen.de", "xn--mnchen-3ya.de"));
        assert_eq!(forms("例え.テスト"), pair("例え.テスト", "xn--r8jz45g.xn--zckzah"));
        assert_eq!(forms("ÄÖÜ.de"), pair("äöü.de", "xn--4ca0bs.de"));
    }

    #[test]
    fn punycode_decodes_rfc_3492_samples_and_round_trips() {
        let samples = [
            ("bcher-kva", "bücher"),
            ("r8jz45g", "例え"),
            ("zckzah", "テスト"),
            ("ihqwcrb4cv8a8dqg056pqjye", "他们为什么不说中文"),
            ("3B-ww4c5e180e575a65lsy2b", "3年B組金八先生"),
            ("-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n", "安室奈美恵-with-SUPER-MONKEYS"),
            ("egbpdaj6bu4bxfgehfvwxn", "ليهمابتكلموشعربي؟"),
        ];
        for (encoded, decoded) in samples {
            assert_eq!(punycode_decode(encoded).as_deref(), Some(decoded), "{encoded}");
            assert_eq!(punycode_encode(decoded), encoded, "{decoded}");
        }
        assert_eq!(punycode_decode("bcher-KVA").as_deref(), Some("bücher"));
        for label in ["straße", "ñandú", "пример", "δοκιμή", "מבחן", "a-b-ü", "😀"] {
            assert_eq!(punycode_decode(&punycode_encode(label)).as_deref(), Some(label), "{label}");
        }
    }

    #[test]
    fn punycode_decode_refuses_what_is_not_punycode() {
        for bad in ["99999999999", "ab_c", "ü-abc", "zz", "a-9"] {
            assert_eq!(punycode_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn uts46_non_transitional_mapping() {
        assert_eq!(forms("Bücher.DE"), pair("bücher.de", "xn--bcher-kva.de"));
        // Non-transitional: ß and ς stay themselves instead of becoming ss and σ.
        assert_eq!(forms("faß.de"), pair("faß.de", "xn--fa-hia.de"));
        assert_eq!(forms("ＢＵＣＨ。de"), pair("buch.de", "buch.de"));
        assert_eq!(forms("xn--bcher-kva.de"), pair("bücher.de", "xn--bcher-kva.de"));
    }

    #[test]
    fn case_trailing_dot_and_urls_are_normalised() {
        assert_eq!(forms("Example.COM."), pair("example.com", "example.com"));
        assert_eq!(forms("example.com\u{3002}"), pair("example.com", "example.com"));
        assert_eq!(refused("example.com.."), DomainError::EmptyLabel);
        let from_url = normalised("https://Shop.Example.org:8443/login?x=1");
        assert_eq!(from_url.domain.ascii, "shop.example.org");
        assert!(from_url.from_url);
        assert!(!normalised("example.org").from_url);
        assert_eq!(forms("mailto:abuse@example.net").1, "example.net");
        let idn = normalised("https://Bücher.de:443/x?y");
        assert_eq!((idn.domain.unicode.as_str(), idn.domain.ascii.as_str()), ("bücher.de", "xn--bcher-kva.de"));
        assert!(idn.from_url);
        assert!(idn.notes(Locale::En)[0].contains("bücher.de"));
    }

    #[test]
    fn check_hyphens() {
        assert_eq!(refused("-a.de"), DomainError::Hyphen);
        assert_eq!(refused("a-.de"), DomainError::Hyphen);
        assert_eq!(refused("-ü.de"), DomainError::Hyphen);
        assert_eq!(refused("ab--c.de"), DomainError::HyphenReserved);
        assert_eq!(refused("üb--c.de"), DomainError::HyphenReserved);
        // Only the third and fourth place is reserved, and an A-label is fine.
        assert_eq!(forms("a--b.de").1, "a--b.de");
        assert_eq!(forms("a-b-c.de").1, "a-b-c.de");
    }

    #[test]
    fn std3_rules() {
        assert_eq!(refused("_dmarc.example.com"), DomainError::BadCharacter('_'));
        assert_eq!(refused("a_b.de"), DomainError::BadCharacter('_'));
        assert_eq!(refused("exa mple.de"), DomainError::BadCharacter(' '));
        assert_eq!(refused("b%C3%BCcher.de"), DomainError::BadCharacter('%'));
        assert_eq!(refused("a\u{FF3F}b.de"), DomainError::BadCharacter('\u{FF3F}'));
    }

    #[test]
    fn dns_lengths() {
        let label63 = "a".repeat(63);
        assert_eq!(forms(&format!("{label63}.de")).1, format!("{label63}.de"));
        assert_eq!(refused(&format!("{}.de", "a".repeat(64))), DomainError::LabelTooLong);
        // 253 octets is the most a name may have; 254 is one too many.
        let name253 = format!("{}.{}.{}.{}", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
        assert_eq!(name253.len(), 253);
        assert_eq!(forms(&name253).1, name253);
        let name254 = format!("{}.{}.{}.{}", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(62));
        assert_eq!(name254.len(), 254);
        assert_eq!(refused(&name254), DomainError::TooLong);
        // The length counts the A-label, not the Unicode form.
        let long_unicode = format!("{}ü.de", "a".repeat(62));
        assert_eq!(refused(&long_unicode), DomainError::LabelTooLong);
    }

    #[test]
    fn bidi_and_joiners() {
        let (unicode, ascii) = forms("مثال.إختبار");
        assert_eq!(unicode, "مثال.إختبار");
        assert_eq!(ascii, "xn--mgbh0fb.xn--kgbechtv");
        assert_eq!(forms("דוגמה.טעסט").1, "xn--6dbbec0c.xn--deba0ad");
        assert_eq!(refused("a\u{05D0}.de"), DomainError::Bidi);
        assert_eq!(refused("\u{05D0}1a.de"), DomainError::Bidi);
        // ZWJ and ZWNJ only after a virama (or, for ZWNJ, between joining Arabic letters).
        assert_eq!(refused("a\u{200D}b.de"), DomainError::Joiner);
        assert_eq!(refused("a\u{200C}b.de"), DomainError::Joiner);
        assert_eq!(forms("क्\u{200D}ष.de").1, "xn--11b2ezcw70k.de");
    }

    #[test]
    fn mixed_scripts_are_accepted_with_a_warning() {
        let paypal = normalised("p\u{0430}ypal.com");
        assert_eq!(paypal.domain.ascii, "xn--pypal-4ve.com");
        assert_eq!(paypal.mixed_scripts, Some(vec![Script::Latin, Script::Cyrillic]));
        let notes = paypal.notes(Locale::En);
        assert_eq!(notes.len(), 1);
        assert!(notes[0].contains("Latin + Cyrillic") && notes[0].contains("xn--pypal-4ve.com"), "{}", notes[0]);
        assert!(paypal.notes(Locale::De)[0].contains("Lateinisch + Kyrillisch"));
        // One script per label is no warning, nor are digits and hyphens, nor Japanese.
        for calm in ["bücher.рф", "пример-1.рф", "例え.テスト", "한국어.kr", "δοκιμή.gr", "shop24.de"]
        {
            assert_eq!(normalised(calm).mixed_scripts, None, "{calm}");
        }
        assert_eq!(normalised("shopストア.jp").mixed_scripts, Some(vec![Script::Latin, Script::Cjk]));
    }

    #[test]
    fn ip_literals_are_refused() {
        for ip in [
            "192.0.2.1",
            "[2001:db8::1]",
            "http://[2001:db8::1]/",
            "2001:db8::1",
            "https://192.0.2.1:8080/x",
            "127.1",
            "0x7f.0.0.1",
            "１９２．０．２．１",
        ] {
            assert_eq!(refused(ip), DomainError::IpLiteral, "{ip}");
        }
    }

    #[test]
    fn bad_entries_say_why() {
        assert_eq!(refused("localhost"), DomainError::NoDot);
        assert_eq!(refused("a..b"), DomainError::EmptyLabel);
        assert_eq!(refused(".a.de"), DomainError::EmptyLabel);
        assert_eq!(refused(""), DomainError::EmptyLabel);
        assert_eq!(refused("example.123"), DomainError::NumericTld);
        assert_eq!(refused("example.0x1f"), DomainError::NumericTld);
        assert_eq!(refused("xn--zz.de"), DomainError::BadPunycode);
        assert_eq!(refused("xn--abc-.de"), DomainError::BadPunycode);
        assert_eq!(refused("a\u{202E}b.de"), DomainError::BadCharacter('\u{202E}'));
        assert_eq!(refused("a\u{E000}.de"), DomainError::BadCharacter('\u{E000}'));
    }

    /// The mapper run leniently (as the browser's URL parser runs it) plus this module's rules
    /// accept what strict UTS #46 (STD3, CheckHyphens, VerifyDnsLength) accepts, with the same
    /// A-label, and refuse what it refuses; this module refuses IP literals and names without a
    /// dot on top.
    #[test]
    fn lenient_mapper_plus_core_rules_equal_strict_uts46() {
        use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46 as Processor};
        let strict = |host: &str| {
            Processor::new()
                .to_ascii(host.as_bytes(), AsciiDenyList::STD3, Hyphens::Check, DnsLength::Verify)
                .ok()
                .map(|ascii| ascii.into_owned())
        };
        let inputs = [
            "bücher.de",
            "Bücher.DE",
            "faß.de",
            "ab--c.de",
            "a--b.de",
            "-a.de",
            "a-.de",
            "_dmarc.example.com",
            "a\u{FF3F}b.de",
            "a≠b.de",
            "a..b.de",
            "مثال.إختبار",
            "a\u{05D0}.de",
            "a\u{200D}b.de",
            "क्\u{200D}ष.de",
            "p\u{0430}ypal.com",
            "例え.テスト",
            "xn--zz.de",
            "xn--bcher-kva.de",
            "xn--abc-.de",
            "\u{0301}a.de",
            "a\u{202E}b.de",
            "☃.net",
            "ＢＵＣＨ。de",
        ];
        let long = [format!("{}.de", "a".repeat(64)), format!("{}ü.de", "a".repeat(62))];
        for input in inputs.iter().copied().chain(long.iter().map(String::as_str)) {
            let ours = normalise(input, &Idna).ok().map(|ok| ok.domain.ascii);
            assert_eq!(ours, strict(input), "{input}");
        }
    }

    #[test]
    fn the_stand_in_lower_cases_and_encodes() {
        let ok = normalise("Beschwerde.Bücher.DE", &PunycodeOnly).unwrap();
        assert_eq!(ok.domain.ascii, "beschwerde.xn--bcher-kva.de");
        assert_eq!(normalise("€.de", &PunycodeOnly), Err(DomainError::Refused));
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
        assert!(DomainError::Bidi.reason(Locale::De).contains("rechts nach links"));
    }
}
