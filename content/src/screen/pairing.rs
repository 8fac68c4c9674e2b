//! How a screen joins: it shows a pairing code until an administrator adopts it with that
//! code, and from then on learns who it is and its settings.

use crate::parse::Rules;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ScreenSettings, ScreenSetup};
use crate::error::{ContentError, ErrorCode};

/// A pairing code: six digits, read off the screen and typed in the editor.
pub const PAIRING_CODE_DIGITS: usize = 6;

/// An administrator adopts the screen that shows `code`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Adoption {
    pub code: String,
    #[serde(flatten)]
    pub setup: ScreenSetup,
}

impl Adoption {
    /// The code as typed: spaces and dashes between the digits do not matter.
    pub fn normalized_code(&self) -> String {
        self.code.chars().filter(|c| !c.is_whitespace() && *c != '-').collect()
    }

    pub fn validate(&self) -> Result<(), ContentError> {
        let code = self.normalized_code();
        let well_formed = code.len() == PAIRING_CODE_DIGITS && code.bytes().all(|b| b.is_ascii_digit());
        let mut errors = self.setup.validate().err().map_or(vec![], |e| e.errors);
        if !well_formed {
            errors.insert(0, crate::FieldError { field: "code".into(), code: ErrorCode::UnknownValue { value: self.code.clone() } });
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ContentError { errors })
        }
    }
}

/// What a screen that is not yet adopted shows, for an administrator to type in the editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Pairing {
    pub code: String,
}

/// What a screen learns of itself (`GET /api/v1/screen`): who it is, its settings, and how often
/// to report (a few times within the server's silence threshold).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ThisScreen {
    pub id: i64,
    pub name: String,
    pub settings: ScreenSettings,
    pub report_every_seconds: u32,
}

/// What a screen hears when it asks who it is: `{"adopted": {…}}` or `{"waiting": {"code": …}}`.
/// Tagged outside, as serde does by default: an internally tagged enum costs the app's bundle
/// serde's buffering of unknown content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScreenAnswer {
    Adopted(ThisScreen),
    /// Not yet adopted: it shows this code.
    Waiting(Pairing),
}

impl Rules for Adoption {
    type Context = ();

    fn check(&self, _: ()) -> Result<(), ContentError> {
        self.validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pairing_code_is_six_digits_however_it_is_spaced() {
        let adoption = |code: &str| Adoption {
            code: code.into(),
            setup: ScreenSetup { name: "Étage 2".into(), place: String::new(), settings: ScreenSettings::default() },
        };
        assert!(adoption("482 913").validate().is_ok());
        assert_eq!(adoption("482-913").normalized_code(), "482913");
        assert!(adoption("48291").validate().unwrap_err().has("code", &ErrorCode::UnknownValue { value: "48291".into() }));
    }
}
