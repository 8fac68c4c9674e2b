//! The alarm that every screen and family page shows at once: evacuation, visits suspended.

use crate::parse::Rules;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ContentError;
use crate::text::Text;
use crate::validate::{Validator, SUMMARY};

/// The alarm above every urgent announcement: evacuation, visits suspended at once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Alarm {
    pub id: i64,
    pub message: Text,
    /// Residence time.
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub raised_at: NaiveDateTime,
}

/// What staff send to raise an alarm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct NewAlarm {
    pub message: Text,
}

impl NewAlarm {
    pub fn validate(&self) -> Result<(), ContentError> {
        let mut v = Validator::default();
        v.text("message", &self.message, SUMMARY);
        v.finish()
    }
}

impl Rules for NewAlarm {
    type Context = ();

    fn check(&self, _: ()) -> Result<(), ContentError> {
        self.validate()
    }
}
