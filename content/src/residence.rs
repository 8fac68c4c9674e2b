//! The residence itself: how to reach it, when visits are possible, and whether they are open now.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ErrorCode;
use crate::item::Content;
use crate::programme::{check_contact, Contact};
use crate::schedule::{DateRange, RESIDENCE_TZ_NAME};
use crate::text::{Lang, Text};
use crate::validate::{Validator, SUMMARY, TITLE};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Address {
    pub street: String,
    pub postcode: String,
    pub city: String,
}

/// Visiting hours on some days of the week ("Every day", "Sunday and holidays").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct VisitingHours {
    pub days: Text,
    pub opens: NaiveTime,
    pub closes: NaiveTime,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VisitsState {
    #[default]
    Open,
    Restricted,
    Suspended,
}

impl VisitsState {
    pub const ALL: [VisitsState; 3] = [VisitsState::Open, VisitsState::Restricted, VisitsState::Suspended];

    /// The state's name in the contract's JSON (and in the app's CSS classes).
    pub fn as_str(self) -> &'static str {
        match self {
            VisitsState::Open => "open",
            VisitsState::Restricted => "restricted",
            VisitsState::Suspended => "suspended",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (VisitsState::Open, Lang::Fr) => "Visites ouvertes",
            (VisitsState::Open, Lang::De) => "Besuche möglich",
            (VisitsState::Open, Lang::En) => "Visits open",
            (VisitsState::Restricted, Lang::Fr) => "Visites restreintes",
            (VisitsState::Restricted, Lang::De) => "Besuche eingeschränkt",
            (VisitsState::Restricted, Lang::En) => "Visits restricted",
            (VisitsState::Suspended, Lang::Fr) => "Visites suspendues",
            (VisitsState::Suspended, Lang::De) => "Besuche ausgesetzt",
            (VisitsState::Suspended, Lang::En) => "Visits suspended",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct VisitsStatus {
    pub state: VisitsState,
    /// Why visits are restricted or suspended, and until when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Residence {
    pub name: String,
    pub address: Address,
    /// Reception: the number and address families use.
    pub contact: Contact,
    pub visiting_hours: Vec<VisitingHours>,
    pub visits: VisitsStatus,
    /// Always `Europe/Zurich`: every time in the contract is local time there.
    pub time_zone: String,
}

impl Residence {
    /// A new install's residence, for its first administrator to fill in: nothing but its zone.
    pub fn to_fill_in() -> Residence {
        Residence {
            name: String::new(),
            address: Address::default(),
            contact: Contact::default(),
            visiting_hours: Vec::new(),
            visits: VisitsStatus::default(),
            time_zone: RESIDENCE_TZ_NAME.to_string(),
        }
    }
}

impl Content for Residence {
    const COLLECTION: &'static str = "residence";

    fn check(&self, v: &mut Validator) {
        v.required("name", &self.name, TITLE);
        v.at("address", |v| {
            v.required("street", &self.address.street, TITLE);
            v.at("postcode", |v| {
                let swiss = self.address.postcode.len() == 4 && self.address.postcode.chars().all(|c| c.is_ascii_digit());
                v.check(swiss, ErrorCode::UnknownValue { value: self.address.postcode.clone() })
            });
            v.required("city", &self.address.city, TITLE);
        });
        v.at("contact", |v| check_contact(&self.contact, v));
        v.at("visiting_hours", |v| {
            for (index, hours) in self.visiting_hours.iter().enumerate() {
                v.at(format!("[{index}]"), |v| {
                    v.text("days", &hours.days, TITLE);
                    v.at("closes", |v| v.check(hours.closes > hours.opens, ErrorCode::EndBeforeStart));
                });
            }
        });
        v.at("visits", |v| v.optional_text("message", self.visits.message.as_ref(), SUMMARY));
        v.at("time_zone", |v| v.check(self.time_zone == RESIDENCE_TZ_NAME, ErrorCode::UnknownValue { value: self.time_zone.clone() }));
    }

    fn span(&self) -> Option<DateRange> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visits_state_is_named_as_in_the_json() {
        for state in VisitsState::ALL {
            assert_eq!(serde_json::to_value(state).unwrap(), serde_json::Value::from(state.as_str()));
        }
    }
}
