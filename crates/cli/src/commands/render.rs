//! `complaint render --format json|text|mailto|eml|arf|xarf SUBMISSION.json [--to MAILBOX] [--config CONFIG.json]`

use std::io::Write;

use portal_core::{render, Config, Submission};

use crate::args::{self, Spec};
use crate::cli::{self, CliError};

const SPEC: Spec = Spec { options: &["--format", "--to", "--config"] };

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Json,
    Text,
    Mailto,
    Eml,
    Arf,
    Xarf,
}

impl Format {
    fn parse(name: &str) -> Result<Format, CliError> {
        match name {
            "json" => Ok(Format::Json),
            "text" => Ok(Format::Text),
            "mailto" => Ok(Format::Mailto),
            "eml" => Ok(Format::Eml),
            "arf" => Ok(Format::Arf),
            "xarf" => Ok(Format::Xarf),
            other => Err(CliError::usage(format!("unknown format {other}; use json, text, mailto, eml, arf or xarf"))),
        }
    }
}

pub fn run(args: &[String], stdout: &mut dyn Write) -> Result<(), CliError> {
    let parsed = args::parse(args, &SPEC)?;
    if parsed.help {
        return cli::write_out(stdout, cli::USAGE.as_bytes());
    }
    let format = Format::parse(
        parsed
            .option("--format")
            .ok_or_else(|| CliError::usage("render needs --format json|text|mailto|eml|arf|xarf"))?,
    )?;
    let path = parsed.one_positional("submission file (complaint render --format FORMAT SUBMISSION.json)")?;

    let submission = Submission::from_json(&cli::read_text(path)?)
        .map_err(|error| CliError::input(format!("{path}: not a valid submission: {error}")))?;
    // Worked out for every format, so that a bad --to or --config is never silently ignored.
    let mailbox = mailbox(&submission, &parsed)?;

    let output = match format {
        Format::Json => {
            let mut json = submission.to_json_pretty();
            json.push('\n');
            json.into_bytes()
        }
        Format::Text => render::plain_text(&submission).into_bytes(),
        Format::Mailto => {
            let mut url = render::mail_plan(&submission, &mailbox).url;
            url.push('\n');
            url.into_bytes()
        }
        Format::Eml => render::eml(&submission, &mailbox).into_bytes(),
        Format::Arf => spam_report(&submission, path, &mailbox, render::arf)?,
        Format::Xarf if submission.kind == portal_core::Kind::AbuseReport => abuse_reports(&submission, path)?,
        Format::Xarf => spam_report(&submission, path, &mailbox, |report| render::xarf(report, None).into_bytes())?,
    };
    cli::write_out(stdout, &output)
}

/// The XARF reports of a domain-abuse report: one per target (XARF: one incident, one report).
/// One report is printed as it is; several as a JSON array of reports.
fn abuse_reports(submission: &Submission, path: &str) -> Result<Vec<u8>, CliError> {
    let reports = render::xarf::xarf_abuse(submission, None)
        .filter(|reports| !reports.is_empty())
        .ok_or_else(|| CliError::input(format!("{path}: an abuse report needs a category and a reporter address")))?;
    let mut out = match reports.as_slice() {
        [one] => one.clone(),
        several => format!("[\n{}\n]", several.join(",\n")),
    };
    out.push('\n');
    Ok(out.into_bytes())
}

/// A report about a spam complaint's message; any other submission is bad input.
fn spam_report(
    submission: &Submission,
    path: &str,
    mailbox: &str,
    write: impl FnOnce(&portal_core::spam::SpamReport<'_>) -> Vec<u8>,
) -> Result<Vec<u8>, CliError> {
    if submission.spam.is_none() {
        return Err(CliError::input(format!(
            "{path}: not a spam complaint: ARF reports spam messages, XARF spam messages and domain abuse"
        )));
    }
    submission.with_spam_report(mailbox, write).ok_or_else(|| {
        CliError::input(format!(
            "{path}: the spam message's content is missing or does not match its sha256 and size, \
             or the complainant gave no email address"
        ))
    })
}

/// `--to`, else the kind's channel from `--config`, else from the built-in defaults.
/// A given `--config` is always checked, even when `--to` overrides its mailbox.
fn mailbox(submission: &Submission, parsed: &args::Parsed) -> Result<String, CliError> {
    let config = match parsed.option("--config") {
        Some(path) => Config::from_json(&cli::read_text(path)?)
            .map_err(|error| CliError::input(format!("{path}: {}: {}", error.field, error.message)))?,
        None => Config::default(),
    };
    match parsed.option("--to") {
        Some(to) => {
            portal_core::email::normalise(to, &portal_core::domain::IdnaUts46)
                .map_err(|_| CliError::input(format!("complaint: --to: “{to}” is not an email address")))?;
            Ok(to.to_owned())
        }
        None => Ok(config.channel(submission.kind).mailbox.clone()),
    }
}
