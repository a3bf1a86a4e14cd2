//! Domain normalisation (`portal_core::domain`) with the native UTS #46 mapper: never panics;
//! an accepted name is ASCII, obeys the DNS lengths, and normalises to itself again. Each entry
//! of a typed list, the stand-in mapper for operator names, the email check and Punycode too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use portal_core::domain::{self, PunycodeOnly};
use portal_fuzz::{check_domain, check_punycode, Idna};

fuzz_target!(|data: &[u8]| {
    // Typed text is UTF-8; a lossy view still exercises what the browser would pass.
    let text = String::from_utf8_lossy(data);
    check_domain(&text);
    for entry in domain::split_list(&text) {
        check_domain(entry);
    }
    let _ = domain::normalise(&text, &PunycodeOnly);
    let _ = portal_core::email::normalise(&text, &Idna);
    check_punycode(&text);
});
