//! `complaint domain INPUT`: one domain entry, normalised as the portal's forms normalise it.

use std::io::Write;

use portal_core::domain;
use portal_core::{Locale, Msg};

use crate::args::{self, Spec};
use crate::cli::{self, CliError};
use portal_core::domain::IdnaUts46;

const SPEC: Spec = Spec { options: &[] };

/// Issue 3 asks for exit status 1 on a usage error of this sub-command (the others use 2).
const EXIT_USAGE_DOMAIN: u8 = 1;

pub fn run(args: &[String], stdout: &mut dyn Write) -> Result<(), CliError> {
    let usage = |error: CliError| CliError { code: EXIT_USAGE_DOMAIN, ..error };
    let parsed = args::parse(args, &SPEC).map_err(usage)?;
    if parsed.help {
        return cli::write_out(stdout, cli::USAGE.as_bytes());
    }
    let input = parsed.one_positional("domain (complaint domain INPUT)").map_err(usage)?;
    let entry = input.trim();
    // Built by hand to keep the documented key order; an invalid entry is an answer, not a failure.
    let report = match domain::normalise(entry, &IdnaUts46) {
        Ok(normalised) => format!(
            "{{\"ok\":true,\"unicode\":{},\"ascii\":{},\"warnings\":{}}}\n",
            serde_json::Value::from(normalised.domain.unicode.as_str()),
            serde_json::Value::from(normalised.domain.ascii.as_str()),
            serde_json::Value::from(normalised.notes(Locale::En)),
        ),
        Err(error) => {
            let message =
                Msg::DomainsInvalid.format(Locale::En, &[("entry", entry), ("reason", &error.reason(Locale::En))]);
            format!("{{\"ok\":false,\"error\":{}}}\n", serde_json::Value::from(message))
        }
    };
    cli::write_out(stdout, report.as_bytes())
}
