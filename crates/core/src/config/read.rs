//! Reading `config.json` field by field, so that every error carries the dotted path of the
//! field at fault. Written by hand rather than derived: the paths come for free, and the
//! download carries one small reader instead of serde's generic visitors.

use serde_json::{Map, Value};

use super::{
    Channel, Channels, Config, ConfigError, CustomerAccountRule, DeadlineRule, Limits, Organisation, SubmissionFormat,
};
use crate::i18n::Locale;

type Object = Map<String, Value>;

fn at(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn expected(path: &str, what: &str, value: &Value) -> ConfigError {
    let field = if path.is_empty() { "(top level)" } else { path };
    ConfigError::new(field, format!("expected {what}, found {}", kind_of(value)))
}

fn object<'v>(value: &'v Value, path: &str) -> Result<&'v Object, ConfigError> {
    value.as_object().ok_or_else(|| expected(path, "an object { … }", value))
}

fn unknown(path: &str, key: &str, known: &[&str]) -> ConfigError {
    ConfigError::new(at(path, key), format!("unknown field; the known ones here are {}", known.join(", ")))
}

fn string(value: &Value, path: &str) -> Result<String, ConfigError> {
    value.as_str().map(str::to_owned).ok_or_else(|| expected(path, "a string", value))
}

fn optional_string(value: &Value, path: &str) -> Result<Option<String>, ConfigError> {
    if value.is_null() {
        Ok(None)
    } else {
        string(value, path).map(Some)
    }
}

fn whole_number(value: &Value, path: &str) -> Result<u64, ConfigError> {
    value.as_u64().ok_or_else(|| expected(path, "a whole number of 0 or more", value))
}

fn small_number(value: &Value, path: &str) -> Result<u32, ConfigError> {
    let number = whole_number(value, path)?;
    u32::try_from(number).map_err(|_| ConfigError::new(path, format!("{number} is too large")))
}

fn one_of<T: Copy>(value: &Value, path: &str, choices: &[(&str, T)]) -> Result<T, ConfigError> {
    let text = string(value, path)?;
    choices.iter().find(|(name, _)| *name == text).map(|(_, choice)| *choice).ok_or_else(|| {
        let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
        ConfigError::new(path, format!("“{text}” is not one of {}", names.join(", ")))
    })
}

/// The known field names at each level; the tests check that the documented example uses them all.
pub(super) const TOP_FIELDS: &[&str] = &[
    "organisation",
    "phone",
    "fax",
    "channels",
    "submission_format",
    "deadline_rule",
    "state",
    "limits",
    "languages",
    "privacy_notice_url",
    "customer_account",
];
pub(super) const ORGANISATION_FIELDS: &[&str] = &["name", "department", "street", "postal_code", "city", "country"];
pub(super) const CHANNELS_FIELDS: &[&str] =
    &["service_complaint", "abuse_report", "spam_complaint", "escalation", "feedback"];
pub(super) const CHANNEL_FIELDS: &[&str] = &["mailbox", "endpoint"];
pub(super) const LIMITS_FIELDS: &[&str] =
    &["spam_message_bytes", "evidence_files", "evidence_file_bytes", "send_timeout_ms", "send_attempts"];
pub(super) const CUSTOMER_ACCOUNT_FIELDS: &[&str] = &["pattern", "example"];

pub(super) fn config(value: &Value) -> Result<Config, ConfigError> {
    const KNOWN: &[&str] = TOP_FIELDS;
    let mut config = Config::default();
    for (key, value) in object(value, "")? {
        let path = key.as_str();
        match path {
            "organisation" => organisation(value, &mut config.organisation)?,
            "phone" => config.phone = optional_string(value, path)?,
            "fax" => config.fax = optional_string(value, path)?,
            "channels" => channels(value, &mut config.channels)?,
            "submission_format" => {
                config.submission_format = one_of(
                    value,
                    path,
                    &[("json", SubmissionFormat::Json), ("multipart", SubmissionFormat::Multipart)],
                )?
            }
            "deadline_rule" => {
                config.deadline_rule = one_of(
                    value,
                    path,
                    &[("werktage", DeadlineRule::Werktage), ("arbeitstage", DeadlineRule::Arbeitstage)],
                )?
            }
            "state" => config.state = string(value, path)?,
            "limits" => limits(value, &mut config.limits)?,
            "languages" => config.languages = languages(value, path)?,
            "privacy_notice_url" => config.privacy_notice_url = optional_string(value, path)?,
            "customer_account" => {
                config.customer_account = if value.is_null() { None } else { Some(customer_account(value, path)?) }
            }
            _ => return Err(unknown("", key, KNOWN)),
        }
    }
    Ok(config)
}

fn organisation(value: &Value, organisation: &mut Organisation) -> Result<(), ConfigError> {
    const KNOWN: &[&str] = ORGANISATION_FIELDS;
    for (key, value) in object(value, "organisation")? {
        let path = at("organisation", key);
        let slot = match key.as_str() {
            "name" => &mut organisation.name,
            "department" => &mut organisation.department,
            "street" => &mut organisation.street,
            "postal_code" => &mut organisation.postal_code,
            "city" => &mut organisation.city,
            "country" => &mut organisation.country,
            _ => return Err(unknown("organisation", key, KNOWN)),
        };
        *slot = string(value, &path)?;
    }
    Ok(())
}

fn channels(value: &Value, channels: &mut Channels) -> Result<(), ConfigError> {
    const KNOWN: &[&str] = CHANNELS_FIELDS;
    for (key, value) in object(value, "channels")? {
        let slot = match key.as_str() {
            "service_complaint" => &mut channels.service_complaint,
            "abuse_report" => &mut channels.abuse_report,
            "spam_complaint" => &mut channels.spam_complaint,
            "escalation" => &mut channels.escalation,
            "feedback" => &mut channels.feedback,
            _ => return Err(unknown("channels", key, KNOWN)),
        };
        *slot = channel(value, &at("channels", key))?;
    }
    Ok(())
}

fn channel(value: &Value, path: &str) -> Result<Channel, ConfigError> {
    let fields = object(value, path)?;
    let mut mailbox = None;
    let mut endpoint = None;
    for (key, value) in fields {
        match key.as_str() {
            "mailbox" => mailbox = Some(string(value, &at(path, key))?),
            "endpoint" => endpoint = optional_string(value, &at(path, key))?,
            _ => return Err(unknown(path, key, CHANNEL_FIELDS)),
        }
    }
    let mailbox = mailbox.ok_or_else(|| {
        ConfigError::new(path, "the mailbox is missing: every channel needs one, it is where the mail fallback goes")
    })?;
    Ok(Channel { mailbox, endpoint })
}

fn limits(value: &Value, limits: &mut Limits) -> Result<(), ConfigError> {
    const KNOWN: &[&str] = LIMITS_FIELDS;
    for (key, value) in object(value, "limits")? {
        let path = at("limits", key);
        match key.as_str() {
            "spam_message_bytes" => limits.spam_message_bytes = whole_number(value, &path)?,
            "evidence_files" => limits.evidence_files = small_number(value, &path)?,
            "evidence_file_bytes" => limits.evidence_file_bytes = whole_number(value, &path)?,
            "send_timeout_ms" => limits.send_timeout_ms = small_number(value, &path)?,
            "send_attempts" => limits.send_attempts = small_number(value, &path)?,
            _ => return Err(unknown("limits", key, KNOWN)),
        }
    }
    Ok(())
}

fn languages(value: &Value, path: &str) -> Result<Vec<Locale>, ConfigError> {
    let items = value.as_array().ok_or_else(|| expected(path, "a list like [\"de\", \"en\"]", value))?;
    items
        .iter()
        .enumerate()
        .map(|(index, item)| one_of(item, &format!("{path}[{index}]"), &[("de", Locale::De), ("en", Locale::En)]))
        .collect()
}

fn customer_account(value: &Value, path: &str) -> Result<CustomerAccountRule, ConfigError> {
    let fields = object(value, path)?;
    let (mut pattern, mut example) = (None, None);
    for (key, value) in fields {
        match key.as_str() {
            "pattern" => pattern = Some(string(value, &at(path, key))?),
            "example" => example = Some(string(value, &at(path, key))?),
            _ => return Err(unknown(path, key, CUSTOMER_ACCOUNT_FIELDS)),
        }
    }
    match (pattern, example) {
        (Some(pattern), Some(example)) => Ok(CustomerAccountRule { pattern, example }),
        _ => Err(ConfigError::new(path, "needs both a pattern and an example")),
    }
}
