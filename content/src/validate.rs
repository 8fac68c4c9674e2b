//! The validator that content types report their problems to, field by field, and the one entry
//! point for untrusted content: [`parse`].

use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use crate::error::{ContentError, ErrorCode, FieldError};
use crate::item::Content;
use crate::text::Text;

/// Limits of the contract, in characters.
pub const TITLE_MAX: usize = 120;
pub const PLACE_MAX: usize = 120;
pub const SUMMARY_MAX: usize = 600;
pub const BODY_MAX: usize = 8000;

/// Content dates must fall in this window: wide enough for planning, narrow enough to catch typos.
pub const FIRST_DATE: NaiveDate = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
pub const LAST_DATE: NaiveDate = NaiveDate::from_ymd_opt(2099, 12, 31).unwrap();

/// Collects field errors while walking a piece of content; `at` names nested fields.
#[derive(Default)]
pub struct Validator {
    path: Vec<String>,
    errors: Vec<FieldError>,
}

impl Validator {
    /// Runs `check` with `name` appended to the current field path.
    pub fn at(&mut self, name: impl Into<String>, check: impl FnOnce(&mut Self)) {
        self.path.push(name.into());
        check(self);
        self.path.pop();
    }

    pub fn fail(&mut self, code: ErrorCode) {
        let field = self.path.iter().fold(String::new(), |mut path, part| {
            if !path.is_empty() && !part.starts_with('[') {
                path.push('.');
            }
            path.push_str(part);
            path
        });
        self.errors.push(FieldError { field, code });
    }

    pub fn check(&mut self, ok: bool, code: ErrorCode) {
        if !ok {
            self.fail(code);
        }
    }

    /// A required translatable text: French not blank, no variant over `max`.
    pub fn text(&mut self, name: &str, text: &Text, max: usize) {
        self.at(name, |v| {
            v.at("fr", |v| v.check(!text.fr.trim().is_empty(), ErrorCode::Required));
            v.optional_text_lengths(text, max);
        });
    }

    /// An optional translatable text: only lengths are checked.
    pub fn optional_text(&mut self, name: &str, text: Option<&Text>, max: usize) {
        if let Some(text) = text {
            self.at(name, |v| v.optional_text_lengths(text, max));
        }
    }

    fn optional_text_lengths(&mut self, text: &Text, max: usize) {
        for (lang, value) in text.variants() {
            self.at(lang.code(), |v| v.length(value, max));
        }
    }

    pub fn length(&mut self, value: &str, max: usize) {
        self.check(value.chars().count() <= max, ErrorCode::TooLong { max });
    }

    pub fn required(&mut self, name: &str, value: &str, max: usize) {
        self.at(name, |v| {
            v.check(!value.trim().is_empty(), ErrorCode::Required);
            v.length(value, max);
        });
    }

    pub fn date(&mut self, name: &str, date: NaiveDate) {
        self.at(name, |v| {
            v.check((FIRST_DATE..=LAST_DATE).contains(&date), ErrorCode::DateOutOfRange { min: FIRST_DATE.to_string(), max: LAST_DATE.to_string() })
        });
    }

    pub fn finish(self) -> Result<(), ContentError> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(ContentError { errors: self.errors })
        }
    }
}

/// Reads untrusted JSON into content and validates it: a malformed payload and invalid content
/// both come back as field errors, named by their path in the payload.
pub fn parse<T: Content + DeserializeOwned>(json: &str) -> Result<T, ContentError> {
    let content: T = read(json)?;
    content.validate()?;
    Ok(content)
}

/// Reads untrusted JSON into any shape, with the path of the first problem as the field.
pub fn read<T: DeserializeOwned>(json: &str) -> Result<T, ContentError> {
    let deserializer = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let field = error.path().to_string();
        let detail = error.inner().to_string();
        let code = match unknown_variant(&detail) {
            Some(value) => ErrorCode::UnknownValue { value },
            None => ErrorCode::Malformed { detail },
        };
        ContentError::single(if field == "." { String::new() } else { field }, code)
    })
}

/// serde names an unknown enum value as "unknown variant `x`, expected …".
fn unknown_variant(detail: &str) -> Option<String> {
    let rest = detail.strip_prefix("unknown variant `")?;
    Some(rest[..rest.find('`')?].to_string())
}
