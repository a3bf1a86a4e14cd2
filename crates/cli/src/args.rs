//! A small hand-written argument parser: options with values (`--to X` or `--to=X`),
//! positionals, `-h`/`--help` anywhere, and `--` to end the options.

use crate::cli::CliError;

/// What a sub-command accepts.
pub struct Spec {
    /// Options that take a value, e.g. `--format`.
    pub options: &'static [&'static str],
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    pub help: bool,
    options: Vec<(&'static str, String)>,
    pub positionals: Vec<String>,
}

impl Parsed {
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str())
    }

    /// No positional argument at all.
    pub fn no_positionals(&self) -> Result<(), CliError> {
        match self.positionals.first() {
            Some(extra) => Err(CliError::usage(format!("unexpected argument {extra}"))),
            None => Ok(()),
        }
    }

    /// Exactly one positional argument, described as `what` in the error.
    pub fn one_positional(&self, what: &str) -> Result<&str, CliError> {
        match self.positionals.as_slice() {
            [one] => Ok(one),
            [] => Err(CliError::usage(format!("missing {what}"))),
            [_, extra, ..] => Err(CliError::usage(format!("unexpected argument {extra}"))),
        }
    }
}

pub fn parse(args: &[String], spec: &Spec) -> Result<Parsed, CliError> {
    let mut parsed = Parsed::default();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--" {
            parsed.positionals.extend(iter.by_ref().cloned());
            break;
        }
        if arg == "-h" || arg == "--help" {
            parsed.help = true;
            continue;
        }
        if !arg.starts_with('-') || arg == "-" {
            parsed.positionals.push(arg.clone());
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) => (name, Some(value)),
            None => (arg.as_str(), None),
        };
        if let Some(&option) = spec.options.iter().find(|o| **o == name) {
            let value = match inline {
                Some(value) => value.to_owned(),
                None => {
                    iter.next().cloned().ok_or_else(|| CliError::usage(format!("option {option} needs a value")))?
                }
            };
            if parsed.option(option).is_some() {
                return Err(CliError::usage(format!("option {option} given twice")));
            }
            parsed.options.push((option, value));
        } else {
            return Err(CliError::usage(format!("unknown option {name}")));
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: Spec = Spec { options: &["--format", "--to"] };

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|a| (*a).to_owned()).collect()
    }

    #[test]
    fn options_and_positionals_in_any_order() {
        let parsed = parse(&strings(&["a.json", "--format=eml", "--to", "x@example.org"]), &SPEC).unwrap();
        assert_eq!(parsed.option("--format"), Some("eml"));
        assert_eq!(parsed.option("--to"), Some("x@example.org"));
        assert_eq!(parsed.one_positional("FILE").unwrap(), "a.json");
    }

    #[test]
    fn double_dash_ends_options() {
        let parsed = parse(&strings(&["--", "--format"]), &SPEC).unwrap();
        assert_eq!(parsed.positionals, vec!["--format"]);
    }

    #[test]
    fn mistakes_are_usage_errors() {
        for args in [&["--to"][..], &["--nope"], &["--quiet=1"], &["--to", "a", "--to", "b"]] {
            assert_eq!(parse(&strings(args), &SPEC).unwrap_err().code, crate::cli::EXIT_USAGE, "{args:?}");
        }
        let parsed = parse(&strings(&["a", "b"]), &SPEC).unwrap();
        assert!(parsed.one_positional("FILE").is_err());
        assert!(parse(&[], &SPEC).unwrap().one_positional("FILE").is_err());
    }
}
