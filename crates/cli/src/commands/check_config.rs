//! `complaint check-config FILE`: is this `config.json` one the portal would accept?

use std::io::Write;

use portal_core::Config;

use crate::args::{self, Spec};
use crate::cli::{self, CliError};

const SPEC: Spec = Spec { options: &[] };

pub fn run(args: &[String], stdout: &mut dyn Write) -> Result<(), CliError> {
    let parsed = args::parse(args, &SPEC)?;
    if parsed.help {
        return cli::write_out(stdout, cli::USAGE.as_bytes());
    }
    let path = parsed.one_positional("config file (complaint check-config FILE)")?;
    let text = cli::read_text(path)?;
    match Config::from_json(&text) {
        Ok(_) => cli::write_out(stdout, b"{\"ok\":true}\n"),
        Err(error) => {
            // Built by hand to keep the documented key order: ok, field, error.
            let report = format!(
                "{{\"ok\":false,\"field\":{},\"error\":{}}}\n",
                serde_json::Value::from(error.field.as_str()),
                serde_json::Value::from(error.message.as_str())
            );
            cli::write_out(stdout, report.as_bytes())?;
            Err(CliError::input(format!("{path}: {}: {}", error.field, error.message)))
        }
    }
}
