//! Email address syntax (RFC 5322 dot-atom, RFC 6531 UTF-8 local parts, IDN domains).

use crate::domain::{self, DomainError, Uts46};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmailError {
    NoAt,
    BadLocal,
    BadDomain(DomainError),
}

/// Checks an address and returns it with its domain normalised as a domain entry is
/// ([`domain::normalise`], UTS #46 by `uts46`), in its Unicode form.
pub fn normalise(address: &str, uts46: &dyn Uts46) -> Result<String, EmailError> {
    let (local, domain) = address.rsplit_once('@').ok_or(EmailError::NoAt)?;
    if !is_dot_atom(local) || local.len() > 64 {
        return Err(EmailError::BadLocal);
    }
    let parsed = domain::normalise(domain, uts46).map_err(EmailError::BadDomain)?;
    if parsed.from_url {
        return Err(EmailError::BadDomain(DomainError::BadCharacter(
            domain.chars().find(|c| "/:?#@".contains(*c)).unwrap_or('/'),
        )));
    }
    Ok(format!("{local}@{}", parsed.domain.unicode))
}

fn is_dot_atom(local: &str) -> bool {
    const ATEXT_SPECIALS: &str = "!#$%&'*+/=?^_`{|}~-";
    !local.is_empty()
        && local.split('.').all(|atom| {
            !atom.is_empty()
                && atom.chars().all(|c| {
                    c.is_ascii_alphanumeric()
                        || ATEXT_SPECIALS.contains(c)
                        || (!c.is_ascii() && !c.is_control() && !c.is_whitespace())
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::testing::Idna;

    fn normalise(address: &str) -> Result<String, EmailError> {
        super::normalise(address, &Idna)
    }

    #[test]
    fn accepts_ordinary_and_international_addresses() {
        assert_eq!(normalise("Anna.Muster+tag@Example.DE"), Ok("Anna.Muster+tag@example.de".into()));
        assert_eq!(normalise("jörg@bücher.de"), Ok("jörg@bücher.de".into()));
        assert_eq!(normalise("o'brien@example.ie"), Ok("o'brien@example.ie".into()));
        assert_eq!(normalise("info@xn--bcher-kva.de"), Ok("info@bücher.de".into()));
        assert_eq!(normalise("info@FAß.de"), Ok("info@faß.de".into()));
    }

    #[test]
    fn refuses_what_cannot_be_an_address() {
        assert_eq!(normalise("anna.example.de"), Err(EmailError::NoAt));
        assert_eq!(normalise(".anna@example.de"), Err(EmailError::BadLocal));
        assert_eq!(normalise("an..na@example.de"), Err(EmailError::BadLocal));
        assert_eq!(normalise("an na@example.de"), Err(EmailError::BadLocal));
        assert_eq!(normalise("anna@example.de\r\nBcc: x@evil.test"), Err(EmailError::BadLocal));
        assert_eq!(normalise("anna@example.de\r\n"), Err(EmailError::BadDomain(DomainError::BadCharacter('\r'))));
        assert_eq!(normalise("anna@localhost"), Err(EmailError::BadDomain(DomainError::NoDot)));
        assert_eq!(normalise("anna@192.0.2.1"), Err(EmailError::BadDomain(DomainError::IpLiteral)));
        assert_eq!(normalise("anna@ab--c.de"), Err(EmailError::BadDomain(DomainError::HyphenReserved)));
        assert_eq!(normalise("anna@a\u{05D0}.de"), Err(EmailError::BadDomain(DomainError::Bidi)));
        assert!(normalise(&format!("{}@example.de", "a".repeat(65))).is_err());
    }
}
