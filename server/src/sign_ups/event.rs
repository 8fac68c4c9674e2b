//! The event a sign-up is for, as the content announces it: a session with places, or an
//! occurrence of an activity "sur inscription" with places.

use chrono::NaiveDateTime;
use plantzette_content::sign_up::{EventRef, Places};
use plantzette_content::{Activity, DateRange, Item, Lang, Occurrence, Programme, Residence, Text};
use sqlx::SqlitePool;

use crate::icalendar::{occurrence_event, session_event};
use crate::store::{self, StoreError};

/// An event that takes sign-ups on line, as the content announces it.
pub struct Event {
    pub key: String,
    pub title: Text,
    pub place: Text,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub places: Places,
    announced: Announced,
}

impl Event {
    /// A session's rank in its programme, from 1 (its calendar file's address); `None` for an
    /// activity's occurrence.
    pub fn session_number(&self) -> Option<usize> {
        match &self.announced {
            Announced::Session { index, .. } => Some(index + 1),
            Announced::Occurrence { .. } => None,
        }
    }
}

/// Where the event is in the content, for its calendar entry.
pub(super) enum Announced {
    Session { programme: Box<Item<Programme>>, index: usize },
    Occurrence { occurrence: Box<Occurrence>, version: i64 },
}

impl Event {
    /// The event as the calendars have it (the same entry as `/api/v1/calendar/...`).
    pub fn calendar_event(&self, residence: &Residence, lang: Lang) -> ics::Event<'static> {
        match &self.announced {
            Announced::Session { programme, index } => session_event(programme, *index, &programme.content.sessions[*index], lang),
            Announced::Occurrence { occurrence, version } => occurrence_event(occurrence, *version, residence, lang),
        }
    }
}

/// The event `event` names, if it is published and takes sign-ups on line: a session with
/// places, or an occurrence (not cancelled) of an activity "sur inscription" with places.
pub async fn event(pool: &SqlitePool, event: EventRef) -> Result<Option<Event>, StoreError> {
    let key = event.key();
    let found = match event {
        EventRef::Session { programme_id, starts_at } => {
            let Some(programme) = published::<Programme>(pool, programme_id).await? else { return Ok(None) };
            let index = programme.content.sessions.iter().position(|s| s.starts_at == starts_at);
            index.and_then(|index| {
                let session = &programme.content.sessions[index];
                let (ends_at, place, places) = (session.ends_at, session.place.clone(), session.places?);
                let title = programme.content.title.clone();
                Some(Event { key, title, place, starts_at, ends_at, places, announced: Announced::Session { programme: Box::new(programme), index } })
            })
        }
        EventRef::Occurrence { activity_id, date } => {
            let Some(activity) = published::<Activity>(pool, activity_id).await? else { return Ok(None) };
            let occurrence = activity.occurrences(DateRange { from: date, to: date }).into_iter().find(|o| !o.cancelled);
            occurrence.filter(|o| o.info.registration_required).and_then(|o| {
                Some(Event {
                    key,
                    title: o.info.title.clone(),
                    place: o.info.place.clone(),
                    starts_at: o.starts_at,
                    ends_at: o.ends_at,
                    places: o.info.places?,
                    announced: Announced::Occurrence { occurrence: Box::new(o), version: activity.version },
                })
            })
        }
    };
    Ok(found)
}

/// Whether the event `event` names still takes place: its session is in the published
/// programme, or its occurrence is there and not cancelled (taking sign-ups on line or not).
pub(super) async fn takes_place(pool: &SqlitePool, event: EventRef) -> Result<bool, StoreError> {
    Ok(match event {
        EventRef::Session { programme_id, starts_at } => {
            published::<Programme>(pool, programme_id).await?.is_some_and(|p| p.content.sessions.iter().any(|s| s.starts_at == starts_at))
        }
        EventRef::Occurrence { activity_id, date } => published::<Activity>(pool, activity_id)
            .await?
            .is_some_and(|a| a.occurrences(DateRange { from: date, to: date }).iter().any(|o| !o.cancelled)),
    })
}

pub(super) async fn published<T: plantzette_content::Content>(pool: &SqlitePool, id: i64) -> Result<Option<plantzette_content::Item<T>>, StoreError> {
    match store::get::<T>(pool, id).await {
        Ok(item) => Ok(Some(item)),
        Err(StoreError::NotFound(_)) => Ok(None),
        Err(error) => Err(error),
    }
}
