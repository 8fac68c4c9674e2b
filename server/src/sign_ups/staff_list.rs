//! Staff's side of an event: its list (audited), someone moved, attendance ticked, and the
//! people to call when an event is off.

use chrono::{NaiveDateTime, Utc};
use plantzette_content::sign_up::message::Notice;
use plantzette_content::sign_up::{promoted, Attendance, Entry, EventList, EventOff, EventRef, Status};
use plantzette_content::staff::StaffUser;
use plantzette_content::{Activity, Lang, Programme, Text};
use sqlx::{SqliteConnection, SqlitePool};

use super::messages::{self, Subject};
use super::{availability, counts, course, event, published, takes_place, Event, COLLECTION};
use crate::audit::{self, Change};
use crate::mail::Outbox;
use crate::store::StoreError;

/// Staff move sign-up `id` to `status`: confirm someone waiting (even beyond the places: an extra
/// chair is staff's call), put someone back on the waiting list, or cancel, for someone who
/// phoned; places given back go to the first ones waiting. Whoever gets a place from it is told.
/// Audited. Says whether there is such a sign-up, and who moved up.
pub async fn move_to(pool: &SqlitePool, outbox: &Outbox, id: i64, status: Status, by: &StaffUser) -> Result<Option<Vec<i64>>, StoreError> {
    let found: Option<(String, String)> = sqlx::query_as("SELECT event, status FROM sign_ups WHERE id = ?1").bind(id).fetch_optional(pool).await?;
    let Some((key, was)) = found else { return Ok(None) };
    let published = match EventRef::parse(&key) {
        Some(event) => self::event(pool, event).await?,
        None => None,
    };
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("UPDATE sign_ups SET status = ?2, changed_at = ?3 WHERE id = ?1")
        .bind(id)
        .bind(status.as_str())
        .bind(Utc::now().timestamp())
        .execute(&mut *transaction)
        .await?;
    let change = Change { action: "status", collection: Some(COLLECTION), item_id: Some(id), version: None, body: Some(status.as_str().into()) };
    audit::record(&mut transaction, Some(by), change).await?;
    if let (Some(event), Status::Confirmed, Some(Status::Waiting)) = (&published, status, Status::parse(&was)) {
        messages::tell(&mut transaction, outbox, id, Notice::MovedUp, Subject::Live(event)).await?;
    }
    let moved_up = move_up(&mut transaction, outbox, &key, published.as_ref()).await?;
    transaction.commit().await?;
    outbox.wake();
    Ok(Some(moved_up))
}

/// Gives the places free of `event` (as `published` now, if it still takes sign-ups on line) to
/// the first ones waiting, in order, while each fits, and tells them; audited. Returns who moved
/// up.
pub(super) async fn move_up(db: &mut SqliteConnection, outbox: &Outbox, event: &str, published: Option<&Event>) -> Result<Vec<i64>, StoreError> {
    let capacity = published.and_then(|e| e.places.capacity);
    let (taken, _) = counts(db, event).await?;
    let waiting: Vec<(i64, i64)> =
        sqlx::query_as("SELECT id, people FROM sign_ups WHERE event = ?1 AND status = 'waiting' ORDER BY id").bind(event).fetch_all(&mut *db).await?;
    let people: Vec<u32> = waiting.iter().map(|(_, people)| *people as u32).collect();
    let moved: Vec<i64> = waiting.iter().take(promoted(capacity, taken, &people)).map(|(id, _)| *id).collect();
    for id in &moved {
        sqlx::query("UPDATE sign_ups SET status = 'confirmed', changed_at = ?2 WHERE id = ?1")
            .bind(id)
            .bind(Utc::now().timestamp())
            .execute(&mut *db)
            .await?;
        audit::record_public(db, Change { action: "move up", collection: Some(COLLECTION), item_id: Some(*id), version: None, body: None }).await?;
        if let Some(event) = published {
            messages::tell(db, outbox, *id, Notice::MovedUp, Subject::Live(event)).await?;
        }
    }
    Ok(moved)
}

type EntryRow = (i64, Option<String>, Option<String>, Option<String>, Option<String>, i64, String, String, Option<String>, Option<String>);

/// Everyone signed up for `event`, in order (confirmed, waiting, cancelled), for staff; the
/// reading is audited. Those that no e-mail reaches (no address, or no relay) are to be phoned.
pub async fn list(
    pool: &SqlitePool,
    outbox: &Outbox,
    event: &Event,
    now: NaiveDateTime,
    kept_days: u32,
    by: &StaffUser,
) -> Result<EventList, StoreError> {
    let figures = availability(pool, event, now, kept_days).await?;
    let mut transaction = pool.begin().await?;
    let mut entries = entries(&mut transaction, outbox, &event.key).await?;
    let sessions = course::roster_sessions(event);
    course::fill_attendance(&mut transaction, &sessions, &mut entries).await?;
    audit::record(
        &mut transaction,
        Some(by),
        Change { action: "read", collection: Some(COLLECTION), item_id: None, version: None, body: Some(event.key.clone()) },
    )
    .await?;
    transaction.commit().await?;
    Ok(EventList { event: event.key.clone(), title: event.title.clone(), starts_at: event.starts_at, figures, sessions, entries })
}

/// The sign-ups of the events still to come that are off (taken out, cancelled, deleted) and
/// that no e-mail told: staff phone them. The reading is audited, each event's.
pub async fn to_call_for_events_off(pool: &SqlitePool, outbox: &Outbox, now: NaiveDateTime, by: &StaffUser) -> Result<Vec<EventOff>, StoreError> {
    let keys: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT event FROM sign_ups WHERE status = 'cancelled' AND erased_at IS NULL AND event_ends_at > ?1 ORDER BY event_ends_at",
    )
    .bind(now)
    .fetch_all(pool)
    .await?;
    let mut off = Vec::new();
    for key in keys {
        let Some(event) = EventRef::parse(&key) else { continue };
        if takes_place(pool, event).await? {
            continue;
        }
        let mut transaction = pool.begin().await?;
        let to_call: Vec<Entry> = entries(&mut transaction, outbox, &key).await?.into_iter().filter(|e| e.to_phone).collect();
        if to_call.is_empty() {
            continue;
        }
        let read = Change { action: "read", collection: Some(COLLECTION), item_id: None, version: None, body: Some(key.clone()) };
        audit::record(&mut transaction, Some(by), read).await?;
        transaction.commit().await?;
        off.push(EventOff { title: title_of(pool, event).await?, event: key, session: None, to_call });
    }
    off.extend(course::to_call_for_sessions_called_off(pool, outbox, now, by).await?);
    Ok(off)
}

/// The title of the programme or activity an event belongs to, while it is published.
pub(super) async fn title_of(pool: &SqlitePool, event: EventRef) -> Result<Option<Text>, StoreError> {
    Ok(match event {
        EventRef::Session { programme_id, .. } | EventRef::Course { programme_id } => {
            published::<Programme>(pool, programme_id).await?.map(|p| p.content.title)
        }
        EventRef::Occurrence { activity_id, .. } => published::<Activity>(pool, activity_id).await?.map(|a| a.content.info.title),
    })
}

/// Everyone signed up for the event `key`, in order: confirmed, waiting (ranked), cancelled.
/// Those that no e-mail reaches (no address, or no relay) are to be phoned.
pub(super) async fn entries(db: &mut SqliteConnection, outbox: &Outbox, key: &str) -> Result<Vec<Entry>, StoreError> {
    let rows: Vec<EntryRow> = sqlx::query_as(
        "SELECT id, name, phone, email, note, people, lang, status, attendance, by_staff FROM sign_ups WHERE event = ?1
         ORDER BY CASE status WHEN 'confirmed' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, id",
    )
    .bind(key)
    .fetch_all(&mut *db)
    .await?;
    let mut waiting = 0;
    Ok(rows
        .into_iter()
        .map(|(id, name, phone, email, note, people, lang, status, attendance, by_staff)| {
            let status = Status::parse(&status).unwrap_or(Status::Cancelled);
            let position = (status == Status::Waiting).then(|| {
                waiting += 1;
                waiting
            });
            let to_phone = name.is_some() && (email.is_none() || outbox.public_url().is_none());
            Entry {
                id,
                name,
                phone,
                email,
                note,
                people: people as u32,
                lang: Lang::from_code(&lang).unwrap_or_default(),
                status,
                position,
                attendance: attendance.as_deref().and_then(Attendance::parse),
                by_staff,
                to_phone,
                attended: Vec::new(),
            }
        })
        .collect())
}

/// What ticking attendance came to.
#[derive(Debug, PartialEq, Eq)]
pub enum Ticking {
    Ticked,
    /// No confirmed sign-up (or course session) of that number.
    NoSuchSignUp,
    /// Its day has not come: attendance is ticked on the day, not a week ahead by mistake.
    NotYet,
}

/// Ticks whether sign-up `id` came to its event, from the event's day (a course's enrolment: to
/// each session, `course::set_session_attendance`); audited.
pub async fn set_attendance(pool: &SqlitePool, id: i64, attendance: Attendance, now: NaiveDateTime, by: &StaffUser) -> Result<Ticking, StoreError> {
    let starts: Option<(Option<NaiveDateTime>,)> =
        sqlx::query_as("SELECT event_starts_at FROM sign_ups WHERE id = ?1 AND status = 'confirmed' AND event LIKE '%/%/%'")
            .bind(id)
            .fetch_optional(pool)
            .await?;
    let Some((starts_at,)) = starts else { return Ok(Ticking::NoSuchSignUp) };
    // A sign-up from before its event's start was kept (0009): the ticking is staff's call.
    if starts_at.is_some_and(|starts_at| starts_at.date() > now.date()) {
        return Ok(Ticking::NotYet);
    }
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("UPDATE sign_ups SET attendance = ?2, changed_at = ?3 WHERE id = ?1")
        .bind(id)
        .bind(attendance.as_str())
        .bind(Utc::now().timestamp())
        .execute(&mut *transaction)
        .await?;
    let change =
        Change { action: "attendance", collection: Some(COLLECTION), item_id: Some(id), version: None, body: Some(attendance.as_str().into()) };
    audit::record(&mut transaction, Some(by), change).await?;
    transaction.commit().await?;
    Ok(Ticking::Ticked)
}
