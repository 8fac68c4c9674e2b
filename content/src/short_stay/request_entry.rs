//! Where a request stands, as staff follow it: its status, how long it waited, and when its
//! personal data is erased.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::text::Lang;

use super::{Asker, Flexibility, Reason};

/// Where a request stands. `New` until the CMS has called back; closed once accepted or declined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    New,
    Answered,
    Accepted,
    Declined,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 4] = [RequestStatus::New, RequestStatus::Answered, RequestStatus::Accepted, RequestStatus::Declined];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::New => "new",
            RequestStatus::Answered => "answered",
            RequestStatus::Accepted => "accepted",
            RequestStatus::Declined => "declined",
        }
    }

    pub fn parse(value: &str) -> Option<RequestStatus> {
        RequestStatus::ALL.into_iter().find(|status| status.as_str() == value)
    }

    pub fn is_closed(self) -> bool {
        matches!(self, RequestStatus::Accepted | RequestStatus::Declined)
    }
}

/// Days a closed request's personal data is kept, by default.
pub const REQUESTS_KEPT_DAYS: u32 = 30;

/// Whether a request closed at `closed_at` is to be erased at `now`, keeping `kept_days`.
pub fn request_erased_by(closed_at: NaiveDateTime, now: NaiveDateTime, kept_days: u32) -> bool {
    now >= closed_at + Duration::days(kept_days.into())
}

/// A request as staff see it. The personal fields are `None` once erased.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RequestEntry {
    pub id: i64,
    pub status: RequestStatus,
    pub asker: Asker,
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub flexibility: Flexibility,
    pub reason: Reason,
    pub lang: Lang,
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub received_at: NaiveDateTime,
    /// When it was first answered (or closed); `None`: still waiting.
    #[schema(value_type = Option<crate::schema::LocalDateTime>)]
    pub answered_at: Option<NaiveDateTime>,
    /// Minutes it waited for an answer, or has waited until now.
    pub waited_minutes: i64,
}

/// Minutes from `received_at` to its first answer, or to `now` for one still waiting.
pub fn waited_minutes(received_at: NaiveDateTime, answered_at: Option<NaiveDateTime>, now: NaiveDateTime) -> i64 {
    (answered_at.unwrap_or(now) - received_at).num_minutes().max(0)
}
