//! Where a sign-up stands, as its answer and its private link tell the person.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::text::Lang;

/// Where a sign-up stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Confirmed,
    Waiting,
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Waiting => "waiting",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(value: &str) -> Option<Status> {
        [Status::Confirmed, Status::Waiting, Status::Cancelled].into_iter().find(|s| s.as_str() == value)
    }

    /// As staff read it in a list or a spreadsheet.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::Confirmed, Lang::Fr) => "Confirmé",
            (Status::Confirmed, Lang::De) => "Bestätigt",
            (Status::Confirmed, Lang::En) => "Confirmed",
            (Status::Waiting, Lang::Fr) => "En attente",
            (Status::Waiting, Lang::De) => "Warteliste",
            (Status::Waiting, Lang::En) => "Waiting",
            (Status::Cancelled, Lang::Fr) => "Annulé",
            (Status::Cancelled, Lang::De) => "Storniert",
            (Status::Cancelled, Lang::En) => "Cancelled",
        }
    }
}

/// Why a sign-up gets no place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Refusal {
    NotYetOpen {
        #[schema(value_type = crate::schema::LocalDateTime)]
        opens_at: NaiveDateTime,
    },
    Closed,
    /// Every place taken and no waiting list.
    Full,
}

/// The answer to a sign-up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SignUpAnswer {
    pub event: String,
    pub status: Status,
    /// The rank on the waiting list, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// The private link's token, to see or cancel the sign-up: given once, with a new sign-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// This contact had signed up for this event already: that sign-up, as it stands. Staff's
    /// answers only: the public is answered as a newcomer (server/src/sign_ups/echo.rs).
    pub already: bool,
    /// A message is on its way to the e-mail address given; otherwise the residence will call.
    pub emailed: bool,
}

/// A sign-up as its private link shows it to the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct MySignUp {
    pub event: String,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    pub name: String,
    pub people: u32,
    pub lang: Lang,
}
