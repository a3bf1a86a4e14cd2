//! `complaint arf|xarf MESSAGE --reporter EMAIL --domain DOMAIN [--name NAME] [--org ORG]
//! [--to MAILBOX] [--id UUID] [--now RFC3339]`: a spam report about one message, as an ARF
//! `.eml` (RFC 5965, written byte for byte) or XARF v4 JSON.
//!
//! These stand in for `render --format arf|xarf SUBMISSION.json` until the submission has a
//! spam shape (issue 4).

use std::io::Write;
use std::net::IpAddr;

use chrono::{DateTime, Utc};
use portal_core::spam::{self, Reporter, SpamReport};
use portal_core::submission::uuid_v4;
use portal_core::{render, Config, Kind, Locale};

use crate::args::{self, Spec};
use crate::cli::{self, CliError};
use portal_core::domain::IdnaUts46;

const SPEC: Spec = Spec { options: &["--reporter", "--domain", "--name", "--org", "--to", "--id", "--now"] };

pub fn run_arf(args: &[String], stdout: &mut dyn Write) -> Result<(), CliError> {
    run(args, stdout, false)
}

pub fn run_xarf(args: &[String], stdout: &mut dyn Write) -> Result<(), CliError> {
    run(args, stdout, true)
}

fn run(args: &[String], stdout: &mut dyn Write, xarf: bool) -> Result<(), CliError> {
    let parsed = args::parse(args, &SPEC)?;
    if parsed.help {
        return cli::write_out(stdout, cli::USAGE.as_bytes());
    }
    let reporter_email =
        parsed.option("--reporter").ok_or_else(|| CliError::usage("a spam report needs --reporter EMAIL"))?;
    let domain_input =
        parsed.option("--domain").ok_or_else(|| CliError::usage("a spam report needs --domain DOMAIN"))?;
    let path = parsed.one_positional("message file (complaint arf MESSAGE --reporter EMAIL --domain DOMAIN)")?;

    portal_core::email::normalise(reporter_email, &IdnaUts46)
        .map_err(|_| CliError::input(format!("complaint: --reporter: “{reporter_email}” is not an email address")))?;
    let reported_domain = reported(domain_input)?;
    let now = match parsed.option("--now") {
        Some(now) => DateTime::parse_from_rfc3339(now)
            .map_err(|error| CliError::input(format!("complaint: --now: “{now}” is not an RFC 3339 time: {error}")))?
            .with_timezone(&Utc),
        None => system_now(),
    };
    let id = parsed.option("--id").map_or_else(|| uuid_v4(random_bytes()), str::to_owned);
    let to = parsed
        .option("--to")
        .map_or_else(|| Config::default().channel(Kind::SpamComplaint).mailbox.clone(), str::to_owned);

    let raw = super::analyze::read_message(path)?;
    if let Err(problem) = spam::check_raw(&raw, usize::MAX) {
        return Err(CliError::input(format!("{path}: not a complete message: {}", problem.message(Locale::En))));
    }
    let analysis = spam::analyse(&raw);
    let reporter = Reporter {
        name: parsed.option("--name").map(str::to_owned),
        email: reporter_email.to_owned(),
        org: parsed.option("--org").map(str::to_owned),
    };
    let report = SpamReport {
        raw: &raw,
        analysis: &analysis,
        reporter: &reporter,
        to: &to,
        reported_domain: &reported_domain,
        now,
        id: &id,
        locale: Locale::En,
        details: "",
    };
    if xarf {
        cli::write_out(stdout, render::xarf(&report, None).as_bytes())
    } else {
        cli::write_out(stdout, &render::arf(&report))
    }
}

/// A domain (normalised, A-label form) or the IP address of a mail server.
fn reported(input: &str) -> Result<String, CliError> {
    let input = input.trim();
    if let Ok(ip) = input.trim_start_matches('[').trim_end_matches(']').parse::<IpAddr>() {
        return Ok(ip.to_string());
    }
    portal_core::domain::normalise(input, &IdnaUts46)
        .map(|normalised| normalised.domain.ascii)
        .map_err(|error| CliError::input(format!("complaint: --domain: “{input}”: {}", error.reason(Locale::En))))
}

fn system_now() -> DateTime<Utc> {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    DateTime::from_timestamp(since.as_secs() as i64, 0).unwrap_or_default()
}

/// 16 bytes from the standard library's randomly seeded hasher: enough for a report id.
fn random_bytes() -> [u8; 16] {
    use std::hash::{BuildHasher, Hasher};
    let mut bytes = [0u8; 16];
    for (i, chunk) in bytes.chunks_mut(8).enumerate() {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_usize(i);
        hasher.write_u128(
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos(),
        );
        chunk.copy_from_slice(&hasher.finish().to_le_bytes());
    }
    bytes
}
