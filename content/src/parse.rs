//! The one entry point for untrusted content: [`parse`] reads JSON into content, validates it,
//! and gives back a [`Valid`] value, the only kind the server stores. Validation happens once,
//! at the edge; what holds a `Valid<T>` need not check it again.

use std::ops::Deref;

use serde::de::DeserializeOwned;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{ContentError, ErrorCode};
use crate::item::Content;

/// Content that passed its validation. Only [`parse`] and [`Valid::new`] make one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(transparent)]
pub struct Valid<T>(T);

impl<T: Content> Valid<T> {
    /// Validates content made in code (the demo's, an edit applied to a stored item).
    pub fn new(content: T) -> Result<Valid<T>, ContentError> {
        content.validate()?;
        Ok(Valid(content))
    }
}

/// What comes from outside and is not stored content (a sign-up, a range of a bed's days, a
/// photo's description, a screen's settings) has rules too, some of them depending on where it
/// is taken: `Context` is that (today's date, how the residence confirms).
pub trait Rules {
    type Context;

    fn check(&self, context: Self::Context) -> Result<(), ContentError>;
}

impl<T: Rules> Valid<T> {
    /// Checks a value from outside by its rules in `context`: the only way it reaches a store.
    pub fn checked(value: T, context: T::Context) -> Result<Valid<T>, ContentError> {
        value.check(context)?;
        Ok(Valid(value))
    }
}

impl<T> Valid<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> Deref for Valid<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// Reads untrusted JSON into content and validates it: a malformed payload and invalid content
/// both come back as field errors, named by their path in the payload.
pub fn parse<T: Content>(json: &str) -> Result<Valid<T>, ContentError> {
    Valid::new(read(json)?)
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
