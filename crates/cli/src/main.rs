//! `complaint`: the portal's core on the command line, for operators' scripts and receivers.
//!
//! Exit codes: 0 success, 1 bad input (a file that cannot be read or is not valid),
//! 2 usage error (unknown command or option, missing argument).

mod args;
mod cli;
mod commands;

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(arg) => args.push(arg),
            Err(raw) => {
                let error = cli::CliError::usage(format!("argument {raw:?} is not valid UTF-8"));
                return report(&error);
            }
        }
    }
    let stdout = std::io::stdout();
    let mut stdout = stdout.lock();
    let result = cli::run(&args, &mut stdout).and_then(|()| stdout.flush().map_err(cli::CliError::stdout));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => report(&error),
    }
}

/// Prints the error (and the usage, for a usage error) on stderr and gives its exit code.
fn report(error: &cli::CliError) -> ExitCode {
    let mut stderr = std::io::stderr().lock();
    // Nothing sensible is left to do if stderr itself is gone.
    let _ = writeln!(stderr, "{}", error.message);
    if let Some(usage) = error.usage {
        let _ = write!(stderr, "\n{usage}");
    }
    ExitCode::from(error.code)
}
