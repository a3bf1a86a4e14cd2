//! `complaint schema`: the JSON Schema of the submission document, generated from the types.

use std::io::Write;

use crate::args::{self, Spec};
use crate::cli::{self, CliError};

const SPEC: Spec = Spec { options: &[] };

pub fn run(args: &[String], stdout: &mut dyn Write) -> Result<(), CliError> {
    let parsed = args::parse(args, &SPEC)?;
    if parsed.help {
        return cli::write_out(stdout, cli::USAGE.as_bytes());
    }
    parsed.no_positionals()?;
    cli::write_out(stdout, portal_core::schema::submission_schema_pretty().as_bytes())
}
