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
//!
//! # Domain-abuse reports ([`xarf_abuse`])
//!
//! The portal's abuse categories map to these XARF v4 category/type pairs (type schemas of
//! xarf/xarf-spec `schemas/v4/types/`; `crates/core/schema/xarf-abuse.schema.json` is the
//! trimmed schema of what is emitted):
//!
//! | portal    | XARF category/type              | why |
//! |-----------|---------------------------------|-----|
//! | phishing  | content/phishing                | exact: "phishing websites and credential harvesting" |
//! | malware   | content/malware                 | exact: "malware hosting and distribution" |
//! | pharming  | content/phishing                | no pharming type; pharming steers victims to a fake site to harvest credentials, which is the phishing type's subject. `content/remote_compromise` (`malicious_redirect`) would claim a compromised server, which nobody said |
//! | botnet    | infrastructure/botnet           | exact type; its required `compromise_evidence` says honestly that a user reported it and the sender did not verify it |
//! | spam      | messaging/spam                  | exact type; `protocol` is `other`: the abuse form does not ask how the spam came, and `smtp` would require an envelope sender and source port that an abuse report does not have (the spam-complaint kind, with the message, is the path for that) |
//! | other     | reputation/threat_intelligence  | the only type whose required classifier is free text (`threat_type`: `other`) and that claims nothing about the abuse; every content type asserts a kind of content (fraud, compromise…) nobody named |
//!
//! Every report also carries the tag `abuse-category:<portal slug>`, so the portal's own word
//! (e.g. "pharming") is never lost, and `submission:<id>` to tie the reports of one submission
//! together.
//!
//! **One incident, one report.** XARF v4 is source-centric and forbids bundling, and a content
//! report has exactly one `url`; so a submission naming several targets becomes several reports
//! (the result is a `Vec`, one complete XARF document each; receivers route each by its own
//! `source_identifier`):
//! - content types (phishing, malware, pharming): one report per URL given, and one per domain
//!   given without any URL, whose `url` is `http://<A-label>/` (the spec requires a URL; the host's
//!   root is all that was named, and `http` is the scheme every web host answers or redirects);
//! - the others (botnet, spam, other), which have no URL field: one report per host; the URLs
//!   given for it go into `spam_indicators.suspicious_links` (spam) or a `text/uri-list` evidence
//!   item (botnet, other).
//!
//! The first report's `report_id` is the submission's id; the others get UUIDs derived from it
//! (SHA-256 of id and index), so rendering twice gives the same ids. `source_identifier` and
//! `domain` are the host's A-label; the URL's host is written as its A-label and the rest
//! percent-encoded. `timestamp` is when the report was made (`created_at`, in UTC): when the
//! abuse itself happened is not known. Every evidence file whose bytes are present becomes an
//! evidence item (MIME type, description naming the file, base64 payload, `hash` as upstream's
//! `algorithm:hexvalue`, i.e. `sha256:<64 lower-case hex>` computed from the payload's bytes, and
//! `size`); each report carries all files, since each must stand alone. Files without bytes (one
//! restored from storage) cannot be evidence and are left out. Departure from upstream, as for
//! spam: an evidence item's `size` has no 5 MiB maximum, since operators may raise the cap.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::abuse::AbuseCategory;
use crate::form::Kind;
use crate::spam::SpamReport;
use crate::submission::{Complainant, Submission};

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

    /// The complainant of a submission: the name if given, else the address; `None` without an
    /// address. The address's domain is written as its A-label (XARF wants a hostname).
    pub fn complainant(complainant: &Complainant) -> Option<Party> {
        let email = complainant.email.as_deref()?;
        let (local, domain) = email.rsplit_once('@')?;
        let domain = a_label(domain);
        let org = complainant.name.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or(email);
        Some(Party { org: cut(org, 200), contact: format!("{local}@{domain}"), domain })
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

/// The XARF category and type a portal abuse category is reported as (see the module docs).
pub fn abuse_class(category: AbuseCategory) -> (&'static str, &'static str) {
    match category {
        AbuseCategory::Phishing | AbuseCategory::Pharming => ("content", "phishing"),
        AbuseCategory::Malware => ("content", "malware"),
        AbuseCategory::Botnet => ("infrastructure", "botnet"),
        AbuseCategory::Spam => ("messaging", "spam"),
        AbuseCategory::Other => ("reputation", "threat_intelligence"),
    }
}

/// A file name for the `index`th report of an abuse submission.
pub fn xarf_abuse_file_name(submission: &Submission, index: usize) -> String {
    let short: String = submission.id.chars().filter(char::is_ascii_alphanumeric).take(8).collect();
    format!("abuse-report-{}-{}.xarf.json", short.to_lowercase(), index + 1)
}

/// One target of an abuse report: a host (A-label) and the URLs given on it.
struct Target {
    host: String,
    urls: Vec<String>,
}

/// Renders an abuse report as XARF v4 reports, one pretty JSON document each (one per target,
/// see the module docs). `None` for other kinds, for a report without a category, and when
/// nobody can be named as reporter (no complainant address and no `sender`). `sender` is
/// whoever files it (the portal's operator); `None` means the complainant files it.
pub fn xarf_abuse(submission: &Submission, sender: Option<&Party>) -> Option<Vec<String>> {
    if submission.kind != Kind::AbuseReport {
        return None;
    }
    let category = submission.abuse_category?;
    let reporter = Party::complainant(&submission.complainant).or_else(|| sender.cloned())?;
    let sender = sender.cloned().unwrap_or_else(|| reporter.clone());
    let (class, kind) = abuse_class(category);
    let content = class == "content";
    let evidence = evidence_items(submission);
    let timestamp =
        submission.created_at.with_timezone(&chrono::Utc).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);

    let mut reports = Vec::new();
    for target in targets(submission) {
        // Content reports are one per URL (the type's key field); the others one per host.
        let urls: Vec<Option<String>> = if content && !target.urls.is_empty() {
            target.urls.iter().cloned().map(Some).collect()
        } else {
            vec![None]
        };
        for url in urls {
            let index = reports.len();
            let mut doc = Map::new();
            doc.insert("xarf_version".into(), XARF_VERSION.into());
            doc.insert("report_id".into(), report_id(&submission.id, index).into());
            doc.insert("timestamp".into(), timestamp.clone().into());
            doc.insert("reporter".into(), json!(reporter));
            doc.insert("sender".into(), json!(sender));
            doc.insert("source_identifier".into(), target.host.clone().into());
            doc.insert("category".into(), class.into());
            doc.insert("type".into(), kind.into());
            let source = if category == AbuseCategory::Spam { "user_complaint" } else { "user_report" };
            doc.insert("evidence_source".into(), source.into());
            let mut items = evidence.clone();
            match category {
                AbuseCategory::Phishing | AbuseCategory::Pharming | AbuseCategory::Malware => {
                    let url = url.unwrap_or_else(|| format!("http://{}/", target.host));
                    doc.insert("url".into(), url.into());
                    if target.host.parse::<std::net::IpAddr>().is_err() {
                        doc.insert("domain".into(), target.host.clone().into());
                    }
                    // Nobody but the complainant has looked at it.
                    doc.insert("verification_method".into(), "user_report".into());
                    let vector = if category == AbuseCategory::Malware { "malware" } else { "phishing" };
                    doc.insert("attack_vector".into(), vector.into());
                }
                AbuseCategory::Botnet => {
                    doc.insert(
                        "compromise_evidence".into(),
                        "Reported by a user through the complaint portal, not verified by the sender; see the \
                         description and the evidence"
                            .into(),
                    );
                }
                AbuseCategory::Spam => {
                    doc.insert("protocol".into(), "other".into());
                    if !target.urls.is_empty() {
                        doc.insert("spam_indicators".into(), json!({ "suspicious_links": target.urls }));
                    }
                }
                AbuseCategory::Other => {
                    doc.insert("threat_type".into(), "other".into());
                }
            }
            if !content && category != AbuseCategory::Spam && !target.urls.is_empty() {
                items.insert(0, uri_list(&target.urls));
            }
            let description = submission.description.trim();
            if !description.is_empty() {
                doc.insert("description".into(), cut(description, 1000).into());
            }
            let tags = vec![
                format!("abuse-category:{}", category.slug()),
                format!("submission:{}", submission.id.to_ascii_lowercase()),
            ];
            doc.insert("tags".into(), json!(tags));
            items.truncate(MAX_EVIDENCE);
            if !items.is_empty() {
                doc.insert("evidence".into(), Value::Array(items));
            }
            let mut json = serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default();
            json.push('\n');
            reports.push(json);
        }
    }
    Some(reports)
}

/// XARF's limit of evidence items per report.
const MAX_EVIDENCE: usize = 50;

/// The submission's id for the first report; for the others a version 4 UUID derived from it.
fn report_id(id: &str, index: usize) -> String {
    if index == 0 {
        return id.to_owned();
    }
    let digest = crate::sha256::sha256(format!("{id}/{index}").as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    crate::submission::uuid_v4(bytes)
}

/// The hosts named, in the order given, each with the URLs on it as ASCII URIs. A URL whose host
/// matches no domain entry (which validation does not produce) gets a target of its own.
fn targets(submission: &Submission) -> Vec<Target> {
    let mut targets: Vec<Target> =
        submission.domains.iter().map(|d| Target { host: d.ascii.clone(), urls: Vec::new() }).collect();
    for url in &submission.urls {
        let (before, host, after) = split_host(url);
        // "evil.example/login" is a URL to the complainant; XARF wants a scheme.
        let before = if before.is_empty() { "http://" } else { before };
        let key = host.trim_end_matches('.').to_lowercase();
        let found = submission
            .domains
            .iter()
            .position(|d| d.input == *url || d.unicode == key || d.ascii == key || d.ascii == a_label(&key));
        match found {
            Some(i) => {
                let ascii = format!("{before}{}{after}", targets[i].host);
                targets[i].urls.push(uri(&ascii));
            }
            None => {
                let host = uri(&key);
                targets.push(Target { urls: vec![uri(&format!("{before}{host}{after}"))], host });
            }
        }
    }
    targets
}

/// A URL cut around its host, as validation reads it: (scheme, `//` and userinfo; host; port,
/// path, query, fragment). The scheme may be missing.
fn split_host(url: &str) -> (&str, &str, &str) {
    let (start, rest) = match url.split_once("://") {
        Some((scheme, rest))
            if !scheme.is_empty() && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            (scheme.len() + 3, rest)
        }
        _ => (0, url),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..authority_end];
    let host_start = authority.rfind('@').map_or(0, |at| at + 1);
    let host_and_port = &authority[host_start..];
    let host_len = if host_and_port.starts_with('[') {
        host_and_port.find(']').map_or(host_and_port.len(), |end| end + 1)
    } else {
        match host_and_port.rsplit_once(':') {
            Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host.len(),
            _ => host_and_port.len(),
        }
    };
    let host_from = start + host_start;
    let host_to = host_from + host_len;
    (&url[..host_from], &url[host_from..host_to], &url[host_to..])
}

/// A domain in A-labels: each label outside ASCII Punycode-encoded with `xn--` (the input is
/// already mapped and lower-cased by validation).
fn a_label(domain: &str) -> String {
    domain
        .split('.')
        .map(|label| {
            if label.is_ascii() {
                label.to_ascii_lowercase()
            } else {
                format!("xn--{}", crate::domain::punycode_encode(label))
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// The evidence files whose bytes are here, as XARF evidence items; the hash is computed from
/// the payload's own bytes, so it always matches what is sent.
fn evidence_items(submission: &Submission) -> Vec<Value> {
    submission
        .evidence
        .iter()
        .filter(|file| file.has_content())
        .filter_map(|file| {
            let bytes = super::eml::base64_decode(&file.content_base64)?;
            Some(evidence_item(
                &crate::abuse::clean_mime(&file.mime),
                &format!("Evidence file “{}” from the complainant", file.name),
                &bytes,
            ))
        })
        .collect()
}

fn evidence_item(content_type: &str, description: &str, bytes: &[u8]) -> Value {
    json!({
        "content_type": content_type,
        "description": cut(description, 500),
        "payload": super::eml::base64(bytes),
        "hash": format!("sha256:{}", crate::sha256::sha256_hex(bytes)),
        "size": bytes.len(),
    })
}

/// The URLs given for a host, as a `text/uri-list` (RFC 2483: CRLF after each).
fn uri_list(urls: &[String]) -> Value {
    let list: String = urls.iter().map(|url| format!("{url}\r\n")).collect();
    evidence_item("text/uri-list", "The URLs on this host named by the complainant", list.as_bytes())
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

    use crate::abuse::EvidenceFile;
    use crate::submission::tests::{abuse_sample, sample};
    use serde_json::Value;

    const HTML: &[u8] = b"<form>Passwort</form>";
    const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0, 0xff, 0x0d, 0x0a];

    fn validator() -> jsonschema::Validator {
        let path = format!("{}/schema/xarf-abuse.schema.json", env!("CARGO_MANIFEST_DIR"));
        let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        jsonschema::options().should_validate_formats(true).build(&schema).unwrap()
    }

    fn errors(validator: &jsonschema::Validator, report: &Value) -> Vec<String> {
        validator.iter_errors(report).map(|e| format!("{e} at {}", e.instance_path)).collect()
    }

    fn reports(submission: &Submission, sender: Option<&Party>) -> Vec<Value> {
        xarf_abuse(submission, sender).unwrap().iter().map(|json| serde_json::from_str(json).unwrap()).collect()
    }

    fn with_category(category: AbuseCategory) -> Submission {
        let mut submission = abuse_sample();
        submission.abuse_category = Some(category);
        submission
    }

    /// The sample's URL host, and a bare domain.
    const URL_HOST: &str = "login.xn--bcher-shop-9db.example";
    const URL: &str = "https://login.xn--bcher-shop-9db.example/konto?id=7";

    #[test]
    fn xarf_abuse_is_valid_for_every_category_with_and_without_evidence() {
        let validator = validator();
        for category in AbuseCategory::ALL {
            let full = with_category(category);
            let mut bare = full.clone();
            bare.urls.clear();
            bare.domains.retain(|d| d.ascii == "evil.example");
            let mut no_evidence = full.clone();
            no_evidence.evidence.clear();
            let mut restored = full.for_storage();
            restored.urls.clear();
            for (name, submission) in [
                ("url and domain", &full),
                ("bare domain", &bare),
                ("no evidence", &no_evidence),
                ("restored", &restored),
            ] {
                let reports = reports(submission, None);
                assert_eq!(reports.len(), submission.domains.len(), "{category:?} {name}: one per target");
                for report in &reports {
                    let errors = errors(&validator, report);
                    assert!(errors.is_empty(), "{category:?} {name}: {errors:#?}\n{report:#}");
                    let files = report.get("evidence").and_then(Value::as_array).map_or(0, Vec::len);
                    let expected = if std::ptr::eq(submission, &full) { 2 } else { 0 };
                    assert!(files >= expected, "{category:?} {name}: {files} evidence items");
                }
            }
        }
    }

    #[test]
    fn xarf_abuse_maps_each_portal_category_to_its_xarf_type() {
        let table = [
            (AbuseCategory::Phishing, "content", "phishing"),
            (AbuseCategory::Malware, "content", "malware"),
            (AbuseCategory::Botnet, "infrastructure", "botnet"),
            (AbuseCategory::Pharming, "content", "phishing"),
            (AbuseCategory::Spam, "messaging", "spam"),
            (AbuseCategory::Other, "reputation", "threat_intelligence"),
        ];
        for (category, class, kind) in table {
            assert_eq!(abuse_class(category), (class, kind));
            for report in reports(&with_category(category), None) {
                assert_eq!((report["category"].as_str(), report["type"].as_str()), (Some(class), Some(kind)));
                let tag = format!("abuse-category:{}", category.slug());
                assert_eq!(report["tags"][0], tag.as_str(), "the portal's own word is kept");
                assert_eq!(report["tags"][1], "submission:07070707-0707-4707-8707-070707070707");
                assert_eq!(report.get("url").is_some(), class == "content", "{category:?}");
            }
        }
        let pharming = &reports(&with_category(AbuseCategory::Pharming), None)[0];
        assert_eq!(pharming["attack_vector"], "phishing");
        assert_eq!(reports(&with_category(AbuseCategory::Malware), None)[0]["attack_vector"], "malware");
        let botnet = &reports(&with_category(AbuseCategory::Botnet), None)[0];
        assert!(botnet["compromise_evidence"].as_str().unwrap().contains("not verified"));
        assert_eq!(reports(&with_category(AbuseCategory::Spam), None)[0]["protocol"], "other");
        assert_eq!(reports(&with_category(AbuseCategory::Other), None)[0]["threat_type"], "other");
    }

    #[test]
    fn xarf_abuse_makes_one_report_per_target() {
        let submission = abuse_sample();
        let phishing = reports(&submission, None);
        assert_eq!(phishing.len(), 2);
        assert_eq!(phishing[0]["report_id"], submission.id.as_str());
        assert_eq!(phishing[0]["source_identifier"], URL_HOST);
        assert_eq!(phishing[0]["domain"], URL_HOST);
        assert_eq!(phishing[0]["url"], URL, "the host as A-label, the rest kept");
        assert_eq!(phishing[1]["source_identifier"], "evil.example");
        assert_eq!(phishing[1]["url"], "http://evil.example/", "a bare domain's root");
        let second = phishing[1]["report_id"].as_str().unwrap();
        assert_ne!(second, submission.id);
        assert_eq!(&second[14..15], "4", "a version 4 UUID: {second}");
        assert_eq!(phishing[1]["report_id"], reports(&submission, None)[1]["report_id"], "stable");
        assert_eq!(phishing[0]["timestamp"], "2026-11-28T14:04:05Z");
        assert_eq!(phishing[0]["description"], "Gefälschte Anmeldeseite einer Bank.");

        // Two URLs on one host: two content reports on that host, one report for it otherwise.
        let mut two = submission.clone();
        two.urls.push("https://LOGIN.bücher-shop.example:8443/zwei#x".into());
        let phishing = reports(&two, None);
        let urls: Vec<&str> = phishing.iter().map(|r| r["url"].as_str().unwrap()).collect();
        assert_eq!(urls, [URL, "https://login.xn--bcher-shop-9db.example:8443/zwei#x", "http://evil.example/"]);
        // Without a scheme a URL is read as http, as validation read its host.
        let mut bare_url = submission.clone();
        bare_url.urls.push("Evil.Example/login.php?a=ä".into());
        let with_path = reports(&bare_url, None);
        assert_eq!(with_path[1]["url"], "http://evil.example/login.php?a=%C3%A4");
        assert_eq!(with_path.len(), 2, "evil.example now has a URL, so no root report");
        two.abuse_category = Some(AbuseCategory::Spam);
        let spam = reports(&two, None);
        assert_eq!(spam.len(), 2);
        assert_eq!(spam[0]["spam_indicators"]["suspicious_links"][1], urls[1]);
        assert!(spam[1].get("spam_indicators").is_none(), "no URL was given for evil.example");
        two.abuse_category = Some(AbuseCategory::Botnet);
        let botnet = reports(&two, None);
        assert_eq!(botnet[0]["evidence"][0]["content_type"], "text/uri-list");
        let list = crate::render::eml::base64_decode(botnet[0]["evidence"][0]["payload"].as_str().unwrap()).unwrap();
        assert_eq!(String::from_utf8(list).unwrap(), format!("{URL}\r\n{}\r\n", urls[1]));
        assert_eq!(botnet[1]["evidence"][0]["content_type"], "text/html", "no list where no URL was given");
        let validator = validator();
        for report in phishing.iter().chain(&spam).chain(&botnet).chain(&with_path) {
            assert!(errors(&validator, report).is_empty(), "{report:#}");
        }
    }

    #[test]
    fn xarf_abuse_evidence_hashes_are_the_sha256_of_the_bytes() {
        let report = &reports(&abuse_sample(), None)[0];
        let evidence = report["evidence"].as_array().unwrap();
        assert_eq!(evidence.len(), 2);
        for (item, (bytes, mime, name)) in
            evidence.iter().zip([(HTML, "text/html", "seite.html"), (PNG, "image/png", "bild.png")])
        {
            assert_eq!(item["hash"], format!("sha256:{}", crate::sha256::sha256_hex(bytes)));
            assert_eq!(item["hash"].as_str().unwrap().len(), "sha256:".len() + 64);
            assert_eq!(item["content_type"], mime);
            assert_eq!(item["size"], bytes.len());
            assert_eq!(crate::render::eml::base64_decode(item["payload"].as_str().unwrap()).unwrap(), bytes);
            assert!(item["description"].as_str().unwrap().contains(name));
        }
        // The hash is of the bytes sent, even if a stored hash says otherwise.
        let mut tampered = abuse_sample();
        tampered.evidence =
            vec![EvidenceFile { sha256: "0".repeat(64), ..EvidenceFile::new("a.txt", "text/plain", b"abc") }];
        assert_eq!(
            reports(&tampered, None)[0]["evidence"][0]["hash"],
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        // Without bytes a file cannot be evidence.
        let restored = abuse_sample().for_storage();
        assert!(reports(&restored, None)[0].get("evidence").is_none());
    }

    #[test]
    fn xarf_abuse_names_the_complainant_and_the_sender() {
        let mut submission = abuse_sample();
        let report = &reports(&submission, None)[0];
        let anna = serde_json::json!({"org": "anna@example.de", "contact": "anna@example.de", "domain": "example.de"});
        assert_eq!(report["reporter"], anna);
        assert_eq!(report["sender"], anna, "the complainant files it themselves");

        let operator = Party {
            org: "Provider GmbH".into(),
            contact: "abuse@provider.example".into(),
            domain: "provider.example".into(),
        };
        submission.complainant.name = Some("Anna Bäcker".into());
        submission.complainant.email = Some("anna@bäckerei.example".into());
        let report = &reports(&submission, Some(&operator))[0];
        assert_eq!(report["reporter"]["org"], "Anna Bäcker");
        assert_eq!(report["reporter"]["contact"], "anna@xn--bckerei-5wa.example");
        assert_eq!(report["reporter"]["domain"], "xn--bckerei-5wa.example");
        assert_eq!(report["sender"], serde_json::json!(operator));
        assert!(errors(&validator(), report).is_empty());

        // Nobody to name: no report; other kinds: none either.
        submission.complainant.email = None;
        assert!(xarf_abuse(&submission, None).is_none());
        assert_eq!(reports(&submission, Some(&operator))[0]["reporter"], serde_json::json!(operator));
        assert!(xarf_abuse(&sample("x"), None).is_none());
        assert!(xarf_abuse_file_name(&abuse_sample(), 1).ends_with("-2.xarf.json"));
    }

    #[test]
    fn the_abuse_schema_refuses_what_upstream_refuses() {
        let validator = validator();
        let good = &reports(&abuse_sample(), None)[0];
        assert!(validator.is_valid(good));
        let mut broken: Vec<(&str, Value)> = Vec::new();
        let mut v = good.clone();
        v.as_object_mut().unwrap().remove("url");
        broken.push(("content without url", v));
        let mut v = good.clone();
        v["type"] = "spam".into();
        broken.push(("content/spam is no pair", v));
        let mut v = good.clone();
        v["evidence"][0]["hash"] = format!("sha-256:{}", crate::sha256::sha256_hex(HTML)).into();
        broken.push(("hash format", v));
        let mut v = good.clone();
        v["evidence"][0]["payload"] = "not base64!".into();
        broken.push(("payload", v));
        let mut v = good.clone();
        v["url"] = "https://bücher.example/ a".into();
        broken.push(("url not a URI", v));
        let mut v = good.clone();
        v["tags"][0] = "Abuse Category:x".into();
        broken.push(("tag pattern", v));
        let mut spam = reports(&with_category(AbuseCategory::Spam), None)[0].clone();
        spam["url"] = URL.into();
        broken.push(("url on a spam report", spam.clone()));
        spam.as_object_mut().unwrap().remove("url");
        spam["protocol"] = "smtp".into();
        broken.push(("smtp without envelope sender", spam));
        let mut v = reports(&with_category(AbuseCategory::Botnet), None)[0].clone();
        v.as_object_mut().unwrap().remove("compromise_evidence");
        broken.push(("botnet without compromise_evidence", v));
        let mut v = good.clone();
        v["reporter"]["contact"] = "nobody".into();
        broken.push(("reporter contact", v));
        for (name, report) in broken {
            assert!(!validator.is_valid(&report), "{name} should be refused");
        }
    }
}
