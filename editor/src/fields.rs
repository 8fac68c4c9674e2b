//! Converting between form inputs (text) and the contract's values, naming the field that
//! cannot be read.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use leptos::prelude::*;
use plantzette_content::{ErrorCode, FieldError, Text};

/// Collects unreadable inputs while a form's content is put together.
#[derive(Default)]
pub struct Reader {
    pub errors: Vec<FieldError>,
}

impl Reader {
    /// Names `field` as wrong, and reads nothing.
    pub fn fail<T>(&mut self, field: &str, code: ErrorCode) -> Option<T> {
        self.errors.push(FieldError { field: field.into(), code });
        None
    }

    pub fn date(&mut self, field: &str, text: &str) -> Option<NaiveDate> {
        match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) if text.trim().is_empty() => self.fail(field, ErrorCode::Required),
            Err(_) => self.fail(field, ErrorCode::Malformed { detail: text.into() }),
        }
    }

    pub fn time(&mut self, field: &str, text: &str) -> Option<NaiveTime> {
        match NaiveTime::parse_from_str(text, "%H:%M") {
            Ok(time) => Some(time),
            Err(_) if text.trim().is_empty() => self.fail(field, ErrorCode::Required),
            Err(_) => self.fail(field, ErrorCode::Malformed { detail: text.into() }),
        }
    }

    /// A `datetime-local` input's value: `2026-11-23T10:00`.
    pub fn date_time(&mut self, field: &str, text: &str) -> Option<NaiveDateTime> {
        match NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M") {
            Ok(at) => Some(at),
            Err(_) if text.trim().is_empty() => self.fail(field, ErrorCode::Required),
            Err(_) => self.fail(field, ErrorCode::Malformed { detail: text.into() }),
        }
    }
}

pub fn date_time_input(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M").to_string()
}

/// A whole number input, such as a count of beds.
pub fn number(reader: &mut Reader, field: &str, text: &str) -> Option<u32> {
    match text.trim().parse() {
        Ok(number) => Some(number),
        Err(_) => {
            let code = if text.trim().is_empty() { ErrorCode::Required } else { ErrorCode::Malformed { detail: text.into() } };
            reader.errors.push(FieldError { field: field.into(), code });
            None
        }
    }
}

/// A translatable text's inputs: French (the reference), German and English (empty: not
/// translated).
#[derive(Clone, Copy)]
pub struct TextInputs {
    pub fr: RwSignal<String>,
    pub de: RwSignal<String>,
    pub en: RwSignal<String>,
}

impl TextInputs {
    pub fn new(text: Option<&Text>) -> TextInputs {
        let inputs = TextInputs { fr: RwSignal::new(String::new()), de: RwSignal::new(String::new()), en: RwSignal::new(String::new()) };
        inputs.load(text);
        inputs
    }

    pub fn load(&self, text: Option<&Text>) {
        self.fr.set(text.map(|t| t.fr.clone()).unwrap_or_default());
        self.de.set(text.and_then(|t| t.de.clone()).unwrap_or_default());
        self.en.set(text.and_then(|t| t.en.clone()).unwrap_or_default());
    }

    pub fn text(&self) -> Text {
        let translation = |input: RwSignal<String>| Some(input.get_untracked()).filter(|text| !text.trim().is_empty());
        Text { fr: self.fr.get_untracked(), de: translation(self.de), en: translation(self.en) }
    }

    /// None when the French is empty.
    pub fn optional(&self) -> Option<Text> {
        let text = self.text();
        (!text.fr.trim().is_empty()).then_some(text)
    }

    pub fn is_empty(&self) -> bool {
        self.fr.with_untracked(|fr| fr.trim().is_empty())
    }
}
