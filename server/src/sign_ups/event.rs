//! The event a sign-up is for, as the content announces it: a session with places, a course
//! with places (all its sessions at once), or an occurrence of an activity "sur inscription"
//! with places.

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
            Announced::Course { .. } | Announced::Occurrence { .. } => None,
        }
    }

    /// A course's sessions held (each begins and ends), in order; `None` for one event.
    pub fn course_sessions(&self) -> Option<Vec<(NaiveDateTime, NaiveDateTime)>> {
        match &self.announced {
            Announced::Course { programme } => Some(programme.content.held_sessions().iter().map(|s| (s.starts_at, s.ends_at)).collect()),
            Announced::Session { .. } | Announced::Occurrence { .. } => None,
        }
    }

    /// A course's programme, every session in order (called off too): its roster's columns.
    pub fn course(&self) -> Option<&Programme> {
        match &self.announced {
            Announced::Course { programme } => Some(&programme.content),
            Announced::Session { .. } | Announced::Occurrence { .. } => None,
        }
    }
}

/// Where the event is in the content, for its calendar entry.
pub(super) enum Announced {
    Session { programme: Box<Item<Programme>>, index: usize },
    Course { programme: Box<Item<Programme>> },
    Occurrence { occurrence: Box<Occurrence>, version: i64 },
}

impl Event {
    /// The event as the calendars have it (the same entries as `/api/v1/calendar/...`): a
    /// course's every session, a session's or an occurrence's one.
    pub fn calendar_events(&self, residence: &Residence, lang: Lang) -> Vec<ics::Event<'static>> {
        match &self.announced {
            Announced::Session { programme, index } => vec![session_event(programme, *index, &programme.content.sessions[*index], lang)],
            Announced::Course { programme } => {
                programme.content.sessions.iter().enumerate().map(|(index, session)| session_event(programme, index, session, lang)).collect()
            }
            Announced::Occurrence { occurrence, version } => vec![occurrence_event(occurrence, *version, residence, lang)],
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
                let (ends_at, place, places) = (session.ends_at, session.place.clone(), session.places.filter(|_| !session.called_off)?);
                let title = programme.content.title.clone();
                Some(Event { key, title, place, starts_at, ends_at, places, announced: Announced::Session { programme: Box::new(programme), index } })
            })
        }
        EventRef::Course { programme_id } => {
            let Some(programme) = published::<Programme>(pool, programme_id).await? else { return Ok(None) };
            let (places, span) = (programme.content.course_places(), programme.content.course_span());
            let place = programme.content.held_sessions().first().map(|s| s.place.clone());
            match (places, span, place) {
                (Some(places), Some((starts_at, ends_at)), Some(place)) => {
                    let title = programme.content.title.clone();
                    Some(Event { key, title, place, starts_at, ends_at, places, announced: Announced::Course { programme: Box::new(programme) } })
                }
                _ => None,
            }
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
/// programme and not called off, its programme is still a course with a session held, or its
/// occurrence is there and not cancelled (taking sign-ups on line or not).
pub(super) async fn takes_place(pool: &SqlitePool, event: EventRef) -> Result<bool, StoreError> {
    Ok(match event {
        EventRef::Session { programme_id, starts_at } => published::<Programme>(pool, programme_id)
            .await?
            .is_some_and(|p| p.content.sessions.iter().any(|s| s.starts_at == starts_at && !s.called_off)),
        EventRef::Course { programme_id } => {
            published::<Programme>(pool, programme_id).await?.is_some_and(|p| p.content.enrolment.is_course() && p.content.course_span().is_some())
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
