//! The event signed up for, by its key.

use chrono::{NaiveDate, NaiveDateTime};

/// The event signed up for, named as in its address: the session of programme 3 that begins at
/// a time (`programmes/3/2026-12-10T14:00`), the whole of programme 3 when it is a course
/// (`programmes/3`), or the occurrence of activity 5 on a day (`activities/5/2026-12-10`). A
/// session by its start, not its rank: a session added or taken out before it must not hand its
/// people to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventRef {
    Session { programme_id: i64, starts_at: NaiveDateTime },
    Course { programme_id: i64 },
    Occurrence { activity_id: i64, date: NaiveDate },
}

impl EventRef {
    /// The event's key, as stored and as written in addresses.
    pub fn key(&self) -> String {
        match self {
            EventRef::Session { programme_id, starts_at } => format!("programmes/{programme_id}/{}", starts_at.format("%Y-%m-%dT%H:%M")),
            EventRef::Course { programme_id } => format!("programmes/{programme_id}"),
            EventRef::Occurrence { activity_id, date } => format!("activities/{activity_id}/{date}"),
        }
    }

    /// Reads a key written by `key`; anything else is `None`.
    pub fn parse(key: &str) -> Option<EventRef> {
        let mut parts = key.split('/');
        let event = match (parts.next()?, parts.next()?.parse::<i64>().ok()?, parts.next()) {
            ("programmes", programme_id, None) => return Some(EventRef::Course { programme_id }),
            ("programmes", programme_id, Some(starts_at)) => {
                EventRef::Session { programme_id, starts_at: NaiveDateTime::parse_from_str(starts_at, "%Y-%m-%dT%H:%M").ok()? }
            }
            ("activities", activity_id, Some(date)) => EventRef::Occurrence { activity_id, date: date.parse().ok()? },
            _ => return None,
        };
        parts.next().is_none().then_some(event)
    }

    /// The programme whose session or course this is.
    pub fn programme_id(&self) -> Option<i64> {
        match *self {
            EventRef::Session { programme_id, .. } | EventRef::Course { programme_id } => Some(programme_id),
            EventRef::Occurrence { .. } => None,
        }
    }
}
