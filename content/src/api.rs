//! Response shapes of the JSON API under `/api/v1` that are more than one content type.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::activity::Occurrence;
use crate::announcement::Announcement;
use crate::item::Item;
use crate::menu::DayMenu;
use crate::programme::{Programme, Session};
use crate::residence::Residence;
use crate::schedule::DateRange;
use crate::text::Text;

/// A date-ranged list: what was asked for, and what falls in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing<T> {
    pub range: DateRange,
    pub items: Vec<T>,
}

/// The next session of a prevention programme, with enough to name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpcomingSession {
    pub programme_id: i64,
    pub title: Text,
    pub session: Session,
}

impl UpcomingSession {
    /// The earliest session not yet over among these programmes.
    pub fn first_after(programmes: &[Item<Programme>], now: NaiveDateTime) -> Option<UpcomingSession> {
        programmes
            .iter()
            .filter_map(|p| p.content.next_session(now).map(|s| (p, s)))
            .min_by_key(|(_, session)| session.starts_at)
            .map(|(programme, session)| UpcomingSession {
                programme_id: programme.id,
                title: programme.content.title.clone(),
                session: session.clone(),
            })
    }
}

/// Everything the kiosk's and the family's today page show, in one response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Today {
    pub date: NaiveDate,
    pub residence: Residence,
    /// Announcements shown at some time today, most urgent first.
    pub announcements: Vec<Item<Announcement>>,
    pub activities: Vec<Occurrence>,
    pub menu: Option<Item<DayMenu>>,
    pub next_session: Option<UpcomingSession>,
}
