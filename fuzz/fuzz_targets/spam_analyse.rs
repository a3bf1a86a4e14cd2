//! Raw-message checks and analysis (`portal_core::spam`) on arbitrary bytes: never panic, and
//! the analysis keeps its documented shape (unfolded one-line header values, lower-case A-label
//! URL hosts, a serialisation that reads back).
#![no_main]

use libfuzzer_sys::fuzz_target;
use portal_core::spam::{self, Analysis};

fuzz_target!(|data: &[u8]| {
    let _ = spam::check_raw(data, spam::DEFAULT_MAX_BYTES);
    let analysis = spam::analyse(data);
    for field in &analysis.headers {
        assert!(!field.value.contains(['\r', '\n']), "folded value left: {field:?}");
    }
    for host in &analysis.url_hosts {
        // IPv6 literals keep their brackets; names are lower-case A-labels.
        if !host.starts_with('[') {
            assert!(host.is_ascii(), "URL host not an A-label: {host:?}");
            assert!(!host.bytes().any(|b| b.is_ascii_uppercase()), "URL host not lower case: {host:?}");
        }
    }
    assert!(analysis.urls.len() <= spam::MAX_URLS);
    assert_eq!(analysis.has_received, !analysis.hops.is_empty());
    let json = serde_json::to_string(&analysis).unwrap_or_else(|error| panic!("serialise: {error}"));
    let back: Analysis = serde_json::from_str(&json).unwrap_or_else(|error| panic!("read back: {error}\n{json}"));
    assert_eq!(back, analysis);
});
