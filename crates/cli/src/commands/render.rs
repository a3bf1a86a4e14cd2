//! `complaint render --format json|text|mailto|eml SUBMISSION.json [--to MAILBOX] [--config CONFIG.json]`

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
}

impl Format {
    fn parse(name: &str) -> Result<Format, CliError> {
        match name {
            "json" => Ok(Format::Json),
            "text" => Ok(Format::Text),
            "mailto" => Ok(Format::Mailto),
            "eml" => Ok(Format::Eml),
            other => Err(CliError::usage(format!("unknown format {other}; use json, text, mailto or eml"))),
        }
    }
}

pub fn run(args: &[String], stdout: &mut dyn Write) -> Result<(), CliError> {
    let parsed = args::parse(args, &SPEC)?;
    if parsed.help {
        return cli::write_out(stdout, cli::USAGE.as_bytes());
    }
    let format = Format::parse(
        parsed.option("--format").ok_or_else(|| CliError::usage("render needs --format json|text|mailto|eml"))?,
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
            json
        }
        Format::Text => render::plain_text(&submission),
        Format::Mailto => {
            let mut url = render::mail_plan(&submission, &mailbox).url;
            url.push('\n');
            url
        }
        Format::Eml => render::eml(&submission, &mailbox),
    };
    cli::write_out(stdout, output.as_bytes())
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
            portal_core::email::normalise(to, &crate::uts46::IdnaUts46)
                .map_err(|_| CliError::input(format!("complaint: --to: “{to}” is not an email address")))?;
            Ok(to.to_owned())
        }
        None => Ok(config.channel(submission.kind).mailbox.clone()),
    }
}
