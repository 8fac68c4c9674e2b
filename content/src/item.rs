//! What every kind of content has in common: an identity and version once stored, validation, and
//! the days it concerns (for date-range queries).

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use utoipa::ToSchema;

use chrono::NaiveDate;

use crate::error::{ContentError, ErrorCode};
use crate::schedule::DateRange;
use crate::validate::Validator;

/// A kind of content of the contract; `COLLECTION` names its table and its endpoint alike.
pub trait Content: Serialize + DeserializeOwned + Clone {
    const COLLECTION: &'static str;
    /// The field that no two live items may share (a menu's date, a page's slug), if any.
    const UNIQUE: Option<&'static str> = None;

    /// Reports every problem of this content to the validator.
    fn check(&self, v: &mut Validator);

    /// The days this content concerns, for date-range queries; `None` for content of every day.
    fn span(&self) -> Option<DateRange>;

    /// The field that holds the content's last day, named when new content is already over.
    fn last_day_field(&self) -> &'static str {
        "date"
    }

    /// New content must not be over before it is published: a date in the past is a typo.
    fn check_new(&self, today: NaiveDate) -> Result<(), ContentError> {
        match self.span() {
            Some(span) if span.to < today => Err(ContentError::single(self.last_day_field(), ErrorCode::InThePast)),
            _ => Ok(()),
        }
    }

    fn validate(&self) -> Result<(), ContentError> {
        let mut validator = Validator::default();
        self.check(&mut validator);
        validator.finish()
    }
}

/// Stored content: its id, the version an edit must quote, and the content itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Item<T> {
    pub id: i64,
    pub version: i64,
    #[serde(flatten)]
    pub content: T,
}
