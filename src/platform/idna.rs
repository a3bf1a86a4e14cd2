//! UTS #46 in the browser: the WHATWG URL parser, which the browser already carries, instead of
//! Unicode tables in the download (the `idna` crate would add about 43 KB of brotli).
//!
//! The URL Standard's "domain to ASCII" is UTS #46 ToASCII, non-transitional, with CheckBidi and
//! CheckJoiners on and UseSTD3ASCIIRules, CheckHyphens and VerifyDnsLength off; the core applies
//! those three itself (`portal_core::domain::normalise`). The core hands over only letters,
//! digits, hyphens and dots of ASCII, so nothing in `host` can be read as a port, a path, user
//! information or a percent escape.

use portal_core::domain::Uts46;

/// The browser's UTS #46 processing, through `new URL("http://" + host + "/").hostname`.
pub struct UrlUts46;

impl Uts46 for UrlUts46 {
    fn to_ascii(&self, host: &str) -> Option<String> {
        web_sys::Url::new(&format!("http://{host}/")).ok().map(|url| url.hostname())
    }
}
