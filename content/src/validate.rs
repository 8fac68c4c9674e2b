//! The validator that content types report their problems to, field by field, and the limits
//! of the contract's fields.

use chrono::NaiveDate;

use crate::error::{ContentError, ErrorCode, FieldError};
use crate::text::Text;

/// What a text field may hold: at most `max` characters, on one line or in paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub max: usize,
    /// A title, a name, a place: a line break in it is a paste gone wrong, and would break the
    /// one-line places it stands in (a calendar's summary, a log line, a table cell).
    pub one_line: bool,
}

impl Limit {
    pub const fn line(max: usize) -> Limit {
        Limit { max, one_line: true }
    }

    pub const fn paragraphs(max: usize) -> Limit {
        Limit { max, one_line: false }
    }
}

/// Limits of the contract, in characters.
pub const TITLE: Limit = Limit::line(120);
pub const PLACE: Limit = Limit::line(120);
pub const SUMMARY: Limit = Limit::paragraphs(600);
pub const BODY: Limit = Limit::paragraphs(8000);

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

    /// A required translatable text: French not blank, every variant within `limit`.
    pub fn text(&mut self, name: &str, text: &Text, limit: Limit) {
        self.at(name, |v| {
            v.at("fr", |v| v.check(!text.fr.trim().is_empty(), ErrorCode::Required));
            v.variants_within(text, limit);
        });
    }

    /// An optional translatable text: each variant present within `limit`.
    pub fn optional_text(&mut self, name: &str, text: Option<&Text>, limit: Limit) {
        if let Some(text) = text {
            self.at(name, |v| v.variants_within(text, limit));
        }
    }

    fn variants_within(&mut self, text: &Text, limit: Limit) {
        for (lang, value) in text.variants() {
            self.at(lang.code(), |v| v.within(value, limit));
        }
    }

    /// Not longer than the limit, and without characters that have no place in it: control
    /// characters anywhere but a paragraph's line breaks and tabs, and the bidirectional
    /// overrides that turn a line around on screen (U+202E shows "Rey" as "yeR" and hides what
    /// follows it in a list of names).
    pub fn within(&mut self, value: &str, limit: Limit) {
        self.check(value.chars().count() <= limit.max, ErrorCode::TooLong { max: limit.max });
        let allowed = |c: char| !limit.one_line && matches!(c, '\n' | '\r' | '\t');
        if value.chars().any(|c| c.is_control() && !allowed(c)) {
            self.fail(if limit.one_line { ErrorCode::LineBreak } else { ErrorCode::ControlCharacter });
        }
        if value.chars().any(|c| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')) {
            self.fail(ErrorCode::ControlCharacter);
        }
    }

    /// A required plain text (a name, a street): not blank, within `limit`.
    pub fn required(&mut self, name: &str, value: &str, limit: Limit) {
        self.at(name, |v| {
            v.check(!value.trim().is_empty(), ErrorCode::Required);
            v.within(value, limit);
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
