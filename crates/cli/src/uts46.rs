//! UTS #46 for the command line: the `idna` crate, run as leniently as the browser's URL parser
//! runs it, so that `portal_core::domain` applies STD3 rules, CheckHyphens and the DNS lengths
//! itself and the messages are the same as on the web page.

use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

/// Non-transitional ToASCII with CheckBidi and CheckJoiners (always on in `idna` 1.x).
pub struct IdnaUts46;

impl portal_core::domain::Uts46 for IdnaUts46 {
    fn to_ascii(&self, host: &str) -> Option<String> {
        Uts46::new()
            .to_ascii(host.as_bytes(), AsciiDenyList::EMPTY, Hyphens::Allow, DnsLength::Ignore)
            .ok()
            .map(|ascii| ascii.into_owned())
    }
}
