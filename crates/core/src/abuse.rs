//! The domain-abuse report's own parts (§2, §4): its categories, and the evidence files with
//! their count and size caps and SHA-256 fingerprints.

use serde::{Deserialize, Serialize};

use crate::config::Limits;
use crate::form::Field;
use crate::i18n::{Locale, Msg};
use crate::spam::format_size;
use crate::validate::Problem;

/// What kind of abuse is reported.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbuseCategory {
    Phishing,
    Malware,
    Botnet,
    Pharming,
    Spam,
    Other,
}

impl AbuseCategory {
    pub const ALL: [AbuseCategory; 6] = [
        AbuseCategory::Phishing,
        AbuseCategory::Malware,
        AbuseCategory::Botnet,
        AbuseCategory::Pharming,
        AbuseCategory::Spam,
        AbuseCategory::Other,
    ];

    /// The value in drafts, radio buttons and JSON.
    pub fn slug(self) -> &'static str {
        match self {
            AbuseCategory::Phishing => "phishing",
            AbuseCategory::Malware => "malware",
            AbuseCategory::Botnet => "botnet",
            AbuseCategory::Pharming => "pharming",
            AbuseCategory::Spam => "spam",
            AbuseCategory::Other => "other",
        }
    }

    pub fn from_slug(slug: &str) -> Option<AbuseCategory> {
        AbuseCategory::ALL.into_iter().find(|category| category.slug() == slug)
    }

    pub fn label(self) -> Msg {
        match self {
            AbuseCategory::Phishing => Msg::AbusePhishing,
            AbuseCategory::Malware => Msg::AbuseMalware,
            AbuseCategory::Botnet => Msg::AbuseBotnet,
            AbuseCategory::Pharming => Msg::AbusePharming,
            AbuseCategory::Spam => Msg::AbuseSpam,
            AbuseCategory::Other => Msg::AbuseOther,
        }
    }
}

/// The radio options of the category field: (value, label).
pub const CATEGORY_OPTIONS: &[(&str, Msg)] = &[
    ("phishing", Msg::AbusePhishing),
    ("malware", Msg::AbuseMalware),
    ("botnet", Msg::AbuseBotnet),
    ("pharming", Msg::AbusePharming),
    ("spam", Msg::AbuseSpam),
    ("other", Msg::AbuseOther),
];

/// One evidence file as the submission carries it: the bytes base64 encoded, with the SHA-256
/// of the bytes so a receiver can check nothing changed on the way.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceFile {
    /// The file name as the browser gave it.
    pub name: String,
    /// The MIME type the browser reported; `application/octet-stream` when it knew none.
    #[serde(rename = "type")]
    pub mime: String,
    /// In bytes.
    pub size: u64,
    /// Lower-case hex; empty for a file that was too large to be read.
    pub sha256: String,
    /// The bytes, base64 (RFC 4648, padded). Empty in browser storage and in multipart/form-data,
    /// where the bytes are their own `evidence` part.
    pub content_base64: String,
}

impl EvidenceFile {
    /// A file read in full.
    pub fn new(name: &str, mime: &str, bytes: &[u8]) -> EvidenceFile {
        EvidenceFile {
            name: name.to_owned(),
            mime: clean_mime(mime),
            size: bytes.len() as u64,
            sha256: crate::sha256::sha256_hex(bytes),
            content_base64: crate::render::eml::base64(bytes),
        }
    }

    /// A file known only by name and size: one over the size cap is never read, only refused.
    pub fn unread(name: &str, mime: &str, size: u64) -> EvidenceFile {
        EvidenceFile {
            name: name.to_owned(),
            mime: clean_mime(mime),
            size,
            sha256: String::new(),
            content_base64: String::new(),
        }
    }

    /// Whether the bytes are here (not for an unread file, nor one restored from storage).
    pub fn has_content(&self) -> bool {
        !self.sha256.is_empty() && (self.size == 0 || !self.content_base64.is_empty())
    }
}

/// A MIME type fit for a header: `type/subtype` of token characters, else the generic one.
pub(crate) fn clean_mime(mime: &str) -> String {
    let token =
        |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$&-^_.+".contains(&b));
    match mime.trim().split_once('/') {
        Some((kind, sub)) if token(kind) && token(sub) => mime.trim().to_ascii_lowercase(),
        _ => "application/octet-stream".to_owned(),
    }
}

/// Whether a file should be read at all: one over the cap is refused by [`check_evidence`]
/// without its bytes ever being loaded.
pub fn should_read(size: u64, limits: &Limits) -> bool {
    size <= limits.evidence_file_bytes
}

/// The count and size caps over the chosen files' (name, size): each problem names the file
/// and the limit.
pub fn check_evidence(files: &[(&str, u64)], limits: &Limits, locale: Locale) -> Vec<Problem> {
    let mut problems = Vec::new();
    let max = limits.evidence_files as usize;
    if files.len() > max {
        let message = Msg::EvidenceTooMany
            .format(locale, &[("count", &files.len().to_string()), ("max", &limits.evidence_files.to_string())]);
        problems.push(Problem { field: Field::Evidence, message });
    }
    for &(name, size) in files {
        let message = if size == 0 {
            Msg::EvidenceEmpty.format(locale, &[("name", name)])
        } else if size > limits.evidence_file_bytes {
            let size = format_size(usize::try_from(size).unwrap_or(usize::MAX), locale);
            let limit = format_size(usize::try_from(limits.evidence_file_bytes).unwrap_or(usize::MAX), locale);
            Msg::EvidenceTooLarge.format(locale, &[("name", name), ("size", &size), ("limit", &limit)])
        } else {
            continue;
        };
        problems.push(Problem { field: Field::Evidence, message });
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_round_trip_and_match_the_radio_options() {
        for category in AbuseCategory::ALL {
            assert_eq!(AbuseCategory::from_slug(category.slug()), Some(category));
            assert_eq!(serde_json::to_value(category).unwrap(), category.slug());
        }
        let options: Vec<(&str, Msg)> = AbuseCategory::ALL.iter().map(|c| (c.slug(), c.label())).collect();
        assert_eq!(options, CATEGORY_OPTIONS);
        assert_eq!(AbuseCategory::from_slug("Phishing"), None);
    }

    #[test]
    fn a_file_carries_its_hash_and_base64() {
        let file = EvidenceFile::new("shot.png", "image/PNG", b"abc");
        assert_eq!(file.mime, "image/png");
        assert_eq!(file.size, 3);
        assert_eq!(file.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(file.content_base64, "YWJj");
        assert!(file.has_content());
        assert_eq!(EvidenceFile::new("x", "", b"x").mime, "application/octet-stream");
        assert_eq!(EvidenceFile::new("x", "text/plain\r\nX: y", b"x").mime, "application/octet-stream");
        assert!(!EvidenceFile::unread("big.zip", "application/zip", 1 << 30).has_content());
    }

    #[test]
    fn counts_and_sizes_are_capped_with_the_file_and_limit_named() {
        let limits = crate::config::Config::default().limits;
        assert_eq!(limits.evidence_files, 5);
        assert!(check_evidence(&[], &limits, Locale::En).is_empty());
        let five_mb = limits.evidence_file_bytes;
        assert!(check_evidence(&[("a.png", five_mb), ("b.txt", 1)], &limits, Locale::En).is_empty());
        assert!(should_read(five_mb, &limits) && !should_read(five_mb + 1, &limits));

        let problems = check_evidence(&[("huge.zip", five_mb + 1)], &limits, Locale::En);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, Field::Evidence);
        assert_eq!(problems[0].message, "“huge.zip” is too large: 5.0 MB; each file can be at most 5.0 MB.");
        let de = check_evidence(&[("huge.zip", 6 * 1024 * 1024)], &limits, Locale::De);
        assert_eq!(de[0].message, "„huge.zip“ ist zu groß: 6,0 MB; jede Datei darf höchstens 5,0 MB groß sein.");

        let six: Vec<(&str, u64)> = vec![("f", 10); 6];
        let problems = check_evidence(&six, &limits, Locale::En);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, "You chose 6 files; at most 5 can be sent.");
        assert!(check_evidence(&six, &limits, Locale::De)[0].message.contains("höchstens 5"));

        let empty = check_evidence(&[("leer.txt", 0)], &limits, Locale::De);
        assert_eq!(empty[0].message, "„leer.txt“ ist leer. Wählen Sie eine Datei mit Inhalt.");
    }
}
