//! The JSON Schema of the submission document, generated from the Rust types (issue 5).
//!
//! Only with the `schema` feature: the CLI prints it (`complaint schema`) and the build ships it
//! as `submission.schema.json`; the browser app never links it.

use schemars::generate::SchemaSettings;

use crate::submission::{Submission, SCHEMA_VERSION};

/// The schema's `$id`: one per [`SCHEMA_VERSION`], so a receiver can tell versions apart
/// without fetching anything (a URN, not a URL nobody serves).
pub fn schema_id() -> String {
    format!("urn:complaint-portal:submission:{SCHEMA_VERSION}")
}

/// The schema (JSON Schema draft 2020-12) of what [`Submission::from_json`] accepts: the
/// deserialisation contract, so `deny_unknown_fields` becomes `additionalProperties: false` and
/// fields serde fills in by default are optional.
pub fn submission_schema() -> serde_json::Value {
    let generator = SchemaSettings::draft2020_12().for_deserialize().into_generator();
    let mut schema = generator.into_root_schema_for::<Submission>().to_value();
    if let Some(root) = schema.as_object_mut() {
        // `$schema` first is only cosmetic (serde_json sorts keys anyway); these three matter.
        root.insert("$id".into(), schema_id().into());
        root.insert("title".into(), format!("Complaint portal submission, schema_version {SCHEMA_VERSION}").into());
        // A document of another version is not this schema's business: pin the number.
        if let Some(version) = root.get_mut("properties").and_then(|p| p.get_mut("schema_version")) {
            if let Some(version) = version.as_object_mut() {
                version.insert("const".into(), SCHEMA_VERSION.into());
            }
        }
    }
    schema
}

/// [`submission_schema`] as pretty JSON with a final newline, as `complaint schema` prints it.
pub fn submission_schema_pretty() -> String {
    // A `Value` has string keys only: serialisation cannot fail.
    let mut text = serde_json::to_string_pretty(&submission_schema()).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_is_a_closed_object_pinned_to_the_version() {
        let schema = submission_schema();
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(schema["$id"], schema_id());
        assert_eq!(schema["additionalProperties"], false);
        assert_eq!(schema["properties"]["schema_version"]["const"], SCHEMA_VERSION);
        assert_eq!(schema["properties"]["created_at"]["format"], "date-time");
        let required: Vec<&str> = schema["required"].as_array().unwrap().iter().filter_map(|v| v.as_str()).collect();
        assert!(required.contains(&"deadlines") && !required.contains(&"spam"), "{required:?}");
    }
}
