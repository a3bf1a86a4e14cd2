//! `complaint deadline --from DATE --days N`: the last day of a period of business days.

use std::io::Write;

use chrono::NaiveDate;
use portal_core::config::{DeadlineRule, STATES};
use portal_core::deadline::add_business_days;

use crate::args::{self, Spec};
use crate::cli::{self, CliError};

const SPEC: Spec = Spec { options: &["--from", "--days", "--rule", "--state"] };

pub fn run(args: &[String], stdout: &mut dyn Write) -> Result<(), CliError> {
    let parsed = args::parse(args, &SPEC)?;
    if parsed.help {
        return cli::write_out(stdout, cli::USAGE.as_bytes());
    }
    parsed.no_positionals()?;
    let from = parsed.option("--from").ok_or_else(|| CliError::usage("missing --from YYYY-MM-DD"))?;
    let from = NaiveDate::parse_from_str(from, "%Y-%m-%d")
        .map_err(|_| CliError::usage(format!("--from {from}: not a date of the form YYYY-MM-DD")))?;
    let days = parsed.option("--days").ok_or_else(|| CliError::usage("missing --days N"))?;
    let days: u32 = days
        .parse()
        .ok()
        .filter(|&n| n <= 10_000)
        .ok_or_else(|| CliError::usage(format!("--days {days}: not a whole number from 0 to 10000")))?;
    let rule = match parsed.option("--rule").unwrap_or("werktage") {
        "werktage" => DeadlineRule::Werktage,
        "arbeitstage" => DeadlineRule::Arbeitstage,
        other => return Err(CliError::usage(format!("--rule {other}: use werktage or arbeitstage"))),
    };
    let state = parsed.option("--state").unwrap_or("SL");
    if !STATES.contains(&state) {
        return Err(CliError::usage(format!("--state {state}: use one of {}", STATES.join(", "))));
    }
    let last = add_business_days(from, days, rule, state);
    cli::write_out(stdout, format!("{}\n", last.format("%Y-%m-%d")).as_bytes())
}
