//! The top level: dispatch to a sub-command, `--help`, `--version`, and the error type.

use std::fmt::Display;
use std::io::Write;

use crate::commands;

/// Exit code for bad input: an unreadable file, an invalid config or submission.
pub const EXIT_BAD_INPUT: u8 = 1;
/// Exit code for a usage error: unknown command or option, missing or extra argument.
pub const EXIT_USAGE: u8 = 2;

pub const USAGE: &str = "\
Usage: complaint <COMMAND> [ARGS]

The complaint portal's core on the command line.

Commands:
  check-config FILE
      Check an operator config.json. Prints {\"ok\":true} when valid; otherwise
      {\"ok\":false,\"field\":\"<dotted path>\",\"error\":\"<message>\"} on stdout and
      \"FILE: <field>: <message>\" on stderr.
  render --format json|text|mailto|eml|arf|xarf SUBMISSION.json [--to MAILBOX] [--config CONFIG.json]
      Render a submission document: pretty JSON, plain text, a mailto: URL or an
      .eml message (CRLF line ends, written byte for byte). arf takes a spam
      complaint: an ARF report (RFC 5965) with the message attached byte for
      byte. xarf takes a spam complaint (one XARF v4 report, messaging/spam) or a
      domain-abuse report (one XARF v4 report per target; several are printed
      as a JSON array). The mailbox is --to,
      else the channel mailbox for the submission's kind from --config, else from
      the built-in defaults.
  deadline --from YYYY-MM-DD --days N [--rule werktage|arbeitstage] [--state SL|BY|…]
      Print the last day of a period of N business days as YYYY-MM-DD. Counting
      starts the day after --from; a period ending on a Saturday, Sunday or public
      holiday ends on the next business day (§ 193 BGB). Defaults: werktage, SL.
  domain INPUT
      Normalise one domain as the portal's forms do: UTS #46 non-transitional with
      CheckHyphens, CheckBidi, CheckJoiners, STD3 rules and DNS lengths; a URL gives
      its host; IP addresses are refused. Prints, in English,
      {\"ok\":true,\"unicode\":\"…\",\"ascii\":\"…\",\"warnings\":[…]} (warnings: a
      label mixing scripts, a host taken from a URL) or {\"ok\":false,\"error\":\"…\"},
      with exit status 0 either way. A usage error of this command exits 1, not 2.
      An INPUT starting with a hyphen goes after --.
  analyze FILE
      Analyse a spam message (.eml or pasted source, CRLF or LF line ends) and print
      the analysis as JSON: hops (the Received chain, top first: from, by, ips, time),
      from, return_path, message_id, date, subject (decoded), auth_results (method,
      result), dkim_domains, url_hosts (lower case, IDNs as A-labels), urls,
      has_received, inline_forward, source_ip, from_unverified, and the unfolded
      header fields. A binary or undecodable file, or text without a header block,
      is bad input.
  arf MESSAGE --reporter EMAIL --domain DOMAIN [--name NAME] [--org ORG]
      [--to MAILBOX] [--id UUID] [--now RFC3339]
      Write an ARF spam report (RFC 5965, multipart/report) about MESSAGE, with the
      message attached byte for byte. DOMAIN is the domain or mail server (host name
      or IP) complained about. The mailbox defaults to the built-in abuse mailbox, the
      id to a random UUID, the time to now. The message must be complete: a header
      block with Received fields, not an inline forward.
  xarf MESSAGE --reporter EMAIL --domain DOMAIN [--name NAME] [--org ORG]
      [--id UUID] [--now RFC3339]
      The same report as XARF v4 JSON (category messaging, type spam, the message as
      base64 message/rfc822 evidence).
  schema
      Print the JSON Schema (draft 2020-12) of the submission document, generated
      from the portal's types: what `render` and receivers accept. Its $id and
      title name the schema_version; unknown fields are refused.

Options:
  -h, --help     Print this help (also after a command)
  -V, --version  Print the version

Exit status:
  0  success
  1  bad input: a file that cannot be read, an invalid config or submission
  2  usage error: unknown command or option, missing or extra argument
     (1 for the domain command)
";

/// Why a command failed: the line for stderr and the process exit code.
#[derive(Debug, PartialEq, Eq)]
pub struct CliError {
    pub code: u8,
    pub message: String,
    /// Printed after the message for usage errors.
    pub usage: Option<&'static str>,
}

impl CliError {
    /// Bad input; `message` is the whole line, usually starting with the file name.
    pub fn input(message: impl Into<String>) -> CliError {
        CliError { code: EXIT_BAD_INPUT, message: message.into(), usage: None }
    }

    pub fn usage(message: impl Display) -> CliError {
        CliError { code: EXIT_USAGE, message: format!("complaint: {message}"), usage: Some(USAGE) }
    }

    /// A file that cannot be read: names the file and the OS error.
    pub fn read(path: &str, error: &std::io::Error) -> CliError {
        CliError::input(format!("complaint: cannot read {path}: {error}"))
    }

    /// Standard output went away (a closed pipe) or failed.
    pub fn stdout(error: std::io::Error) -> CliError {
        CliError::input(format!("complaint: cannot write to standard output: {error}"))
    }
}

/// Runs the tool on `args` (without the program name), writing results to `stdout`.
pub fn run(args: &[String], stdout: &mut dyn Write) -> Result<(), CliError> {
    let Some((command, rest)) = args.split_first() else {
        return Err(CliError::usage("no command given"));
    };
    match command.as_str() {
        "-h" | "--help" | "help" => write_out(stdout, USAGE.as_bytes()),
        "-V" | "--version" => write_out(stdout, format!("complaint {}\n", env!("CARGO_PKG_VERSION")).as_bytes()),
        name => match commands::find(name) {
            Some(command) => command(rest, stdout),
            None if name.starts_with('-') => Err(CliError::usage(format!("unknown option {name}"))),
            None => Err(CliError::usage(format!("unknown command {name}"))),
        },
    }
}

/// Writes all of `bytes`, turning an I/O failure into an error rather than a panic.
pub fn write_out(stdout: &mut dyn Write, bytes: &[u8]) -> Result<(), CliError> {
    stdout.write_all(bytes).map_err(CliError::stdout)
}

/// Reads a whole file as UTF-8 text.
pub fn read_text(path: &str) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|error| CliError::read(path, &error))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_args(args: &[&str]) -> (Result<(), CliError>, String) {
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        let mut out = Vec::new();
        let result = run(&args, &mut out);
        (result, String::from_utf8(out).unwrap())
    }

    #[test]
    fn help_and_version_go_to_stdout() {
        let (result, out) = run_args(&["--help"]);
        assert_eq!(result, Ok(()));
        assert!(out.starts_with("Usage: complaint"));
        let (result, out) = run_args(&["--version"]);
        assert_eq!(result, Ok(()));
        assert_eq!(out, format!("complaint {}\n", env!("CARGO_PKG_VERSION")));
    }

    #[test]
    fn usage_errors_exit_2() {
        for args in [&[][..], &["frobnicate"], &["--frobnicate"], &["check-config"], &["render", "x.json"]] {
            let (result, out) = run_args(args);
            let error = result.unwrap_err();
            assert_eq!(error.code, EXIT_USAGE, "{args:?}");
            assert!(error.usage.is_some());
            assert!(out.is_empty());
        }
    }
}
