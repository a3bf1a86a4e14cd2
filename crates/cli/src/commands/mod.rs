//! One module per sub-command. A new sub-command is a module and a line in [`find`].

use std::io::Write;

use crate::cli::CliError;

pub mod analyze;
pub mod check_config;
pub mod deadline;
pub mod domain;
pub mod render;
pub mod schema;
pub mod spam_report;

/// A sub-command: its arguments after the command name, and standard output.
pub type Command = fn(&[String], &mut dyn Write) -> Result<(), CliError>;

pub fn find(name: &str) -> Option<Command> {
    match name {
        "check-config" => Some(check_config::run),
        "render" => Some(render::run),
        "deadline" => Some(deadline::run),
        "domain" => Some(domain::run),
        "analyze" => Some(analyze::run),
        "arf" => Some(spam_report::run_arf),
        "xarf" => Some(spam_report::run_xarf),
        "schema" => Some(schema::run),
        _ => None,
    }
}
