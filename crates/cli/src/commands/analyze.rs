//! `complaint analyze FILE`: the analysis of a spam message as JSON, the structure the
//! submission carries.

use std::io::Write;

use portal_core::spam::{self, RawProblem};
use portal_core::Locale;

use crate::args::{self, Spec};
use crate::cli::{self, CliError};

const SPEC: Spec = Spec { options: &[] };

pub fn run(args: &[String], stdout: &mut dyn Write) -> Result<(), CliError> {
    let parsed = args::parse(args, &SPEC)?;
    if parsed.help {
        return cli::write_out(stdout, cli::USAGE.as_bytes());
    }
    let path = parsed.one_positional("message file (complaint analyze FILE)")?;
    let raw = read_message(path)?;
    let mut json = serde_json::to_string_pretty(&spam::analyse(&raw)).unwrap_or_default();
    json.push('\n');
    cli::write_out(stdout, json.as_bytes())
}

/// Reads a message file and refuses what is not a message at all: binary or undecodable bytes,
/// text without a header block. A message without `Received` fields, or an inline forward,
/// is still analysed (the analysis says so); there is no size cap here.
pub fn read_message(path: &str) -> Result<Vec<u8>, CliError> {
    let raw = std::fs::read(path).map_err(|error| CliError::read(path, &error))?;
    match spam::check_raw(&raw, usize::MAX) {
        Err(problem @ (RawProblem::Binary | RawProblem::Undecodable | RawProblem::NoHeaders)) => {
            Err(CliError::input(format!("{path}: not an email message: {}", problem.message(Locale::En))))
        }
        _ => Ok(raw),
    }
}
