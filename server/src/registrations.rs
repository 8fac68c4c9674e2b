//! Sign-ups (`plantzette_content::registration`) as stored: a place taken inside one write
//! transaction, so that two sign-ups never take the same one; the person's private link (only
//! its digest is kept); a cancellation that moves the first ones waiting up at once; and the
//! erasure of personal data a set number of days after the event, keeping the counts.

use chrono::{NaiveDateTime, Utc};
use plantzette_content::registration::message::Notice;
use plantzette_content::registration::{
    decide, erased_if_ended_by, promoted, Attendance, Availability, Entry, EventList, EventOff, EventRef, Places, ProgrammeFigures, Refusal, SignUp,
    Status,
};
use plantzette_content::staff::StaffUser;
use plantzette_content::{Activity, DateRange, Item, Lang, Occurrence, Programme, Residence, Text};
use sqlx::{SqliteConnection, SqlitePool};
use tokio::sync::watch;

use crate::audit::{self, Change};
use crate::auth::session::digest;
use crate::icalendar::{occurrence_event, session_event};
use crate::mail::Outbox;
use crate::store::{self, StoreError};

pub mod messages;
use messages::Subject;

const COLLECTION: &str = "registrations";

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
enum Announced {
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
async fn takes_place(pool: &SqlitePool, event: EventRef) -> Result<bool, StoreError> {
    Ok(match event {
        EventRef::Session { programme_id, starts_at } => {
            published::<Programme>(pool, programme_id).await?.is_some_and(|p| p.content.sessions.iter().any(|s| s.starts_at == starts_at))
        }
        EventRef::Occurrence { activity_id, date } => published::<Activity>(pool, activity_id)
            .await?
            .is_some_and(|a| a.occurrences(DateRange { from: date, to: date }).iter().any(|o| !o.cancelled)),
    })
}

async fn published<T: plantzette_content::Content>(pool: &SqlitePool, id: i64) -> Result<Option<plantzette_content::Item<T>>, StoreError> {
    match store::get::<T>(pool, id).await {
        Ok(item) => Ok(Some(item)),
        Err(StoreError::NotFound(_)) => Ok(None),
        Err(error) => Err(error),
    }
}

/// People confirmed and people waiting for `event`.
async fn counts(db: &mut SqliteConnection, event: &str) -> Result<(u32, u32), StoreError> {
    let (taken, waiting): (i64, i64) = sqlx::query_as(
        "SELECT coalesce(sum(people) FILTER (WHERE status = 'confirmed'), 0), coalesce(sum(people) FILTER (WHERE status = 'waiting'), 0)
         FROM registrations WHERE event = ?1",
    )
    .bind(event)
    .fetch_one(db)
    .await?;
    Ok((taken as u32, waiting as u32))
}

/// The event's public figures at `now`; `kept_days`, how long its personal data is kept after it.
pub async fn availability(pool: &SqlitePool, event: &Event, now: NaiveDateTime, kept_days: u32) -> Result<Availability, StoreError> {
    let (taken, waiting) = counts(&mut *pool.acquire().await?, &event.key).await?;
    Ok(Availability {
        capacity: event.places.capacity,
        taken,
        waiting,
        waiting_list: event.places.waiting_list,
        window: event.places.window(event.starts_at, now),
        kept_days,
    })
}

/// What a sign-up came to.
pub enum Outcome {
    /// A new sign-up, and the token of its private link (given only now).
    New {
        standing: Standing,
        token: String,
    },
    /// This contact had signed up for this event already: its sign-up as it stands.
    Already(Standing),
    Refused(Refusal),
}

/// Where one sign-up stands: confirmed, or its rank on the waiting list (from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    pub id: i64,
    pub status: Status,
    pub position: Option<u32>,
}

/// Signs `sign_up` (already valid) up for `event` at `now`, in one write transaction: the counts
/// read, the row written and the person's message with no other sign-up in between. `by_staff`:
/// the staff member's name, for someone who phoned or came to the desk. The same contact again
/// is written its message again (it carries the link that this answer no longer gives).
pub async fn sign_up(
    pool: &SqlitePool,
    outbox: &Outbox,
    event: &Event,
    sign_up: &SignUp,
    now: NaiveDateTime,
    by_staff: Option<&str>,
) -> Result<Outcome, StoreError> {
    let contact_key = sign_up.contact_key();
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM registrations WHERE event = ?1 AND contact_key = ?2 AND status <> 'cancelled'")
        .bind(&event.key)
        .bind(&contact_key)
        .fetch_optional(&mut *transaction)
        .await?;
    if let Some(id) = existing {
        let standing = standing(&mut transaction, id).await?;
        messages::tell(&mut transaction, outbox, id, standing.notice(), Subject::Live(event)).await?;
        transaction.commit().await?;
        outbox.wake();
        return Ok(Outcome::Already(standing));
    }
    let (taken, waiting) = counts(&mut transaction, &event.key).await?;
    let status = match decide(&event.places, event.starts_at, now, taken, waiting, sign_up.people) {
        Ok(status) => status,
        Err(refusal) => return Ok(Outcome::Refused(refusal)),
    };
    let at = Utc::now().timestamp();
    let optional = |value: &str| Some(value.trim().to_string()).filter(|v| !v.is_empty());
    // The link's token depends on the id: a placeholder until the row has one.
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO registrations (event, event_ends_at, token_hash, name, phone, email, note, contact_key, people, lang, status, by_staff,
         created_at, changed_at, waited, event_title, event_place, event_starts_at)
         VALUES (?1, ?2, 'new:' || hex(randomblob(16)), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?10 = 'waiting', ?13, ?14, ?15) RETURNING id",
    )
    .bind(&event.key)
    .bind(event.ends_at)
    .bind(sign_up.name.trim())
    .bind(optional(&sign_up.phone))
    .bind(optional(&sign_up.email))
    .bind(optional(&sign_up.note))
    .bind(&contact_key)
    .bind(sign_up.people)
    .bind(sign_up.lang.code())
    .bind(status.as_str())
    .bind(by_staff)
    .bind(at)
    .bind(serde_json::to_string(&event.title)?)
    .bind(serde_json::to_string(&event.place)?)
    .bind(event.starts_at)
    .fetch_one(&mut *transaction)
    .await?;
    let token = messages::link_token(&messages::link_key(&mut transaction).await?, id, &event.key, at);
    sqlx::query("UPDATE registrations SET token_hash = ?2 WHERE id = ?1").bind(id).bind(digest(&token)).execute(&mut *transaction).await?;
    let standing = standing(&mut transaction, id).await?;
    messages::tell(&mut transaction, outbox, id, standing.notice(), Subject::Live(event)).await?;
    transaction.commit().await?;
    outbox.wake();
    Ok(Outcome::New { standing, token })
}

impl Standing {
    /// What the person is told of it.
    fn notice(&self) -> Notice {
        match (self.status, self.position) {
            (Status::Waiting, Some(rank)) => Notice::Waiting(rank),
            _ => Notice::Confirmed,
        }
    }
}

async fn standing(db: &mut SqliteConnection, id: i64) -> Result<Standing, StoreError> {
    let (event, status): (String, String) =
        sqlx::query_as("SELECT event, status FROM registrations WHERE id = ?1").bind(id).fetch_one(&mut *db).await?;
    let status = Status::parse(&status).ok_or(StoreError::NotFound("registration"))?;
    let position = match status {
        Status::Waiting => {
            let ahead: i64 = sqlx::query_scalar("SELECT count(*) FROM registrations WHERE event = ?1 AND status = 'waiting' AND id <= ?2")
                .bind(&event)
                .bind(id)
                .fetch_one(&mut *db)
                .await?;
            Some(ahead as u32)
        }
        _ => None,
    };
    Ok(Standing { id, status, position })
}

/// One sign-up as its private link shows it to the person.
pub struct Private {
    pub event: String,
    pub standing: Standing,
    pub name: String,
    pub people: u32,
    pub lang: Lang,
}

/// The sign-up whose link carries `token`; `None` for an unknown token, or one whose personal
/// data is erased.
pub async fn by_token(pool: &SqlitePool, token: &str) -> Result<Option<Private>, StoreError> {
    let mut db = pool.acquire().await?;
    let row: Option<(i64, String, Option<String>, i64, String)> =
        sqlx::query_as("SELECT id, event, name, people, lang FROM registrations WHERE token_hash = ?1 AND erased_at IS NULL")
            .bind(digest(token))
            .fetch_optional(&mut *db)
            .await?;
    let Some((id, event, name, people, lang)) = row else { return Ok(None) };
    let standing = standing(&mut db, id).await?;
    Ok(Some(Private { event, standing, name: name.unwrap_or_default(), people: people as u32, lang: Lang::from_code(&lang).unwrap_or_default() }))
}

/// Cancels the sign-up whose link carries `token` (and, with `and_erase`, erases its personal data
/// at once), and moves the first ones waiting up into the places given back, telling them.
/// Says whether there was such a sign-up, and who moved up.
pub async fn cancel(pool: &SqlitePool, outbox: &Outbox, token: &str, and_erase: bool) -> Result<Option<Vec<i64>>, StoreError> {
    // The event as published now (none: the event gone, or no longer taking sign-ups on line).
    let key: Option<String> =
        sqlx::query_scalar("SELECT event FROM registrations WHERE token_hash = ?1").bind(digest(token)).fetch_optional(pool).await?;
    let published = match key.as_deref().and_then(EventRef::parse) {
        Some(event) => self::event(pool, event).await?,
        None => None,
    };
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let found: Option<(i64, String)> = sqlx::query_as("SELECT id, event FROM registrations WHERE token_hash = ?1 AND erased_at IS NULL")
        .bind(digest(token))
        .fetch_optional(&mut *transaction)
        .await?;
    let Some((id, event)) = found else { return Ok(None) };
    let at = Utc::now().timestamp();
    sqlx::query("UPDATE registrations SET status = 'cancelled', changed_at = ?2 WHERE id = ?1").bind(id).bind(at).execute(&mut *transaction).await?;
    audit::record_public(&mut transaction, Change { action: "cancel", collection: Some(COLLECTION), item_id: Some(id), version: None, body: None })
        .await?;
    if and_erase {
        erase(&mut transaction, Erase::One(id)).await?;
        audit::record_public(
            &mut transaction,
            Change { action: "erase", collection: Some(COLLECTION), item_id: Some(id), version: None, body: None },
        )
        .await?;
    }
    let moved_up = move_up(&mut transaction, outbox, &event, published.as_ref()).await?;
    transaction.commit().await?;
    outbox.wake();
    Ok(Some(moved_up))
}

/// Staff move sign-up `id` to `status`: confirm someone waiting (even beyond the places: an extra
/// chair is staff's call), put someone back on the waiting list, or cancel, for someone who
/// phoned; places given back go to the first ones waiting. Whoever gets a place from it is told.
/// Audited. Says whether there is such a sign-up, and who moved up.
pub async fn move_to(pool: &SqlitePool, outbox: &Outbox, id: i64, status: Status, by: &StaffUser) -> Result<Option<Vec<i64>>, StoreError> {
    let found: Option<(String, String)> =
        sqlx::query_as("SELECT event, status FROM registrations WHERE id = ?1").bind(id).fetch_optional(pool).await?;
    let Some((key, was)) = found else { return Ok(None) };
    let published = match EventRef::parse(&key) {
        Some(event) => self::event(pool, event).await?,
        None => None,
    };
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    sqlx::query("UPDATE registrations SET status = ?2, changed_at = ?3 WHERE id = ?1")
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
async fn move_up(db: &mut SqliteConnection, outbox: &Outbox, event: &str, published: Option<&Event>) -> Result<Vec<i64>, StoreError> {
    let capacity = published.and_then(|e| e.places.capacity);
    let (taken, _) = counts(db, event).await?;
    let waiting: Vec<(i64, i64)> = sqlx::query_as("SELECT id, people FROM registrations WHERE event = ?1 AND status = 'waiting' ORDER BY id")
        .bind(event)
        .fetch_all(&mut *db)
        .await?;
    let people: Vec<u32> = waiting.iter().map(|(_, people)| *people as u32).collect();
    let moved: Vec<i64> = waiting.iter().take(promoted(capacity, taken, &people)).map(|(id, _)| *id).collect();
    for id in &moved {
        sqlx::query("UPDATE registrations SET status = 'confirmed', changed_at = ?2 WHERE id = ?1")
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
    let entries = entries(&mut transaction, outbox, &event.key).await?;
    audit::record(
        &mut transaction,
        Some(by),
        Change { action: "read", collection: Some(COLLECTION), item_id: None, version: None, body: Some(event.key.clone()) },
    )
    .await?;
    transaction.commit().await?;
    Ok(EventList { event: event.key.clone(), title: event.title.clone(), starts_at: event.starts_at, figures, entries })
}

/// The sign-ups of the events still to come that are off (taken out, cancelled, deleted) and
/// that no e-mail told: staff phone them. The reading is audited, each event's.
pub async fn to_call_for_events_off(pool: &SqlitePool, outbox: &Outbox, now: NaiveDateTime, by: &StaffUser) -> Result<Vec<EventOff>, StoreError> {
    let keys: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT event FROM registrations WHERE status = 'cancelled' AND erased_at IS NULL AND event_ends_at > ?1 ORDER BY event_ends_at",
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
        off.push(EventOff { title: title_of(pool, event).await?, event: key, to_call });
    }
    Ok(off)
}

/// The title of the programme or activity an event belongs to, while it is published.
async fn title_of(pool: &SqlitePool, event: EventRef) -> Result<Option<Text>, StoreError> {
    Ok(match event {
        EventRef::Session { programme_id, .. } => published::<Programme>(pool, programme_id).await?.map(|p| p.content.title),
        EventRef::Occurrence { activity_id, .. } => published::<Activity>(pool, activity_id).await?.map(|a| a.content.info.title),
    })
}

/// Everyone signed up for the event `key`, in order: confirmed, waiting (ranked), cancelled.
/// Those that no e-mail reaches (no address, or no relay) are to be phoned.
async fn entries(db: &mut SqliteConnection, outbox: &Outbox, key: &str) -> Result<Vec<Entry>, StoreError> {
    let rows: Vec<EntryRow> = sqlx::query_as(
        "SELECT id, name, phone, email, note, people, lang, status, attendance, by_staff FROM registrations WHERE event = ?1
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
            }
        })
        .collect())
}

/// Ticks whether sign-up `id` came; audited. Says whether there is such a sign-up.
pub async fn set_attendance(pool: &SqlitePool, id: i64, attendance: Attendance, by: &StaffUser) -> Result<bool, StoreError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let done = sqlx::query("UPDATE registrations SET attendance = ?2, changed_at = ?3 WHERE id = ?1 AND status = 'confirmed'")
        .bind(id)
        .bind(attendance.as_str())
        .bind(Utc::now().timestamp())
        .execute(&mut *transaction)
        .await?;
    if done.rows_affected() == 0 {
        return Ok(false);
    }
    let change =
        Change { action: "attendance", collection: Some(COLLECTION), item_id: Some(id), version: None, body: Some(attendance.as_str().into()) };
    audit::record(&mut transaction, Some(by), change).await?;
    transaction.commit().await?;
    Ok(true)
}

/// Which sign-ups to erase the personal data of.
enum Erase {
    One(i64),
    /// Those of events that ended at or before this.
    EndedBy(NaiveDateTime),
}

async fn erase(db: &mut SqliteConnection, which: Erase) -> Result<u64, StoreError> {
    const ERASE: &str = "UPDATE registrations SET name = NULL, phone = NULL, email = NULL, note = NULL, contact_key = NULL,
         token_hash = 'erased:' || id, erased_at = ?1 WHERE erased_at IS NULL";
    let at = Utc::now().timestamp();
    let done = match which {
        Erase::One(id) => sqlx::query(&format!("{ERASE} AND id = ?2")).bind(at).bind(id).execute(db).await?,
        Erase::EndedBy(ended_by) => sqlx::query(&format!("{ERASE} AND event_ends_at <= ?2")).bind(at).bind(ended_by).execute(db).await?,
    };
    Ok(done.rows_affected())
}

/// Erases the personal data of every sign-up whose event ended `keep_days` days or more before
/// `now` (residence time), keeping the counts. Returns how many were erased.
pub async fn erase_due(pool: &SqlitePool, now: NaiveDateTime, keep_days: u32) -> Result<u64, StoreError> {
    let ended_by = erased_if_ended_by(now, keep_days);
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let erased = erase(&mut transaction, Erase::EndedBy(ended_by)).await?;
    if erased > 0 {
        audit::record(
            &mut transaction,
            None,
            Change { action: "erase due", collection: Some(COLLECTION), item_id: None, version: Some(erased as i64), body: None },
        )
        .await?;
    }
    transaction.commit().await?;
    Ok(erased)
}

/// Erases what is due every hour, from the server's start on, for as long as it runs.
pub async fn keep_erasing(pool: SqlitePool, keep_days: u32) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match erase_due(&pool, plantzette_content::schedule::residence_now(), keep_days).await {
            Ok(0) => {}
            Ok(erased) => tracing::info!(erased, "personal data of past sign-ups erased"),
            Err(error) => tracing::error!(?error, "cannot erase the personal data of past sign-ups"),
        }
    }
}

/// Cancels the sign-ups of every event still to come that no longer takes place (its session
/// taken out of the programme, its occurrence cancelled, its programme or activity deleted), and
/// tells the people by e-mail; audited. Returns how many sign-ups were cancelled.
pub async fn cancel_for_events_off(pool: &SqlitePool, outbox: &Outbox, now: NaiveDateTime) -> Result<u64, StoreError> {
    let events: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT event FROM registrations WHERE status <> 'cancelled' AND erased_at IS NULL AND event_ends_at > ?1")
            .bind(now)
            .fetch_all(pool)
            .await?;
    let mut cancelled = 0;
    for key in events {
        let Some(event) = EventRef::parse(&key) else { continue };
        if takes_place(pool, event).await? {
            continue;
        }
        let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
        let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM registrations WHERE event = ?1 AND status <> 'cancelled' AND erased_at IS NULL")
            .bind(&key)
            .fetch_all(&mut *transaction)
            .await?;
        for id in &ids {
            sqlx::query("UPDATE registrations SET status = 'cancelled', changed_at = ?2 WHERE id = ?1")
                .bind(id)
                .bind(Utc::now().timestamp())
                .execute(&mut *transaction)
                .await?;
            messages::tell(&mut transaction, outbox, *id, Notice::EventCancelled, Subject::AsAnnounced).await?;
        }
        let change = Change { action: "event off", collection: Some(COLLECTION), item_id: None, version: Some(ids.len() as i64), body: Some(key) };
        audit::record(&mut transaction, None, change).await?;
        transaction.commit().await?;
        outbox.wake();
        cancelled += ids.len() as u64;
    }
    Ok(cancelled)
}

/// Looks for events that are off each time the content changes, for as long as the server runs.
pub async fn keep_cancelling_for_events_off(pool: SqlitePool, outbox: Outbox, mut version: watch::Receiver<i64>) {
    loop {
        match cancel_for_events_off(&pool, &outbox, plantzette_content::schedule::residence_now()).await {
            Ok(0) => {}
            Ok(cancelled) => tracing::info!(cancelled, "sign-ups cancelled: their event is off"),
            Err(error) => tracing::error!(?error, "cannot cancel the sign-ups of events that are off"),
        }
        if version.changed().await.is_err() {
            return;
        }
    }
}

/// Each programme's figures over `range`: its sessions with places that began in it and ended
/// before `now`, and what their sign-ups came to.
pub async fn figures(pool: &SqlitePool, range: DateRange, now: NaiveDateTime) -> Result<Vec<ProgrammeFigures>, StoreError> {
    let mut all = Vec::new();
    for programme in store::list::<Programme>(pool, Some(range)).await? {
        let held: Vec<String> = programme
            .content
            .sessions
            .iter()
            .filter(|s| s.places.is_some() && range.contains(s.starts_at.date()) && s.ends_at <= now)
            .map(|s| EventRef::Session { programme_id: programme.id, starts_at: s.starts_at }.key())
            .collect();
        let mut figures = ProgrammeFigures {
            programme_id: programme.id,
            title: programme.content.title.clone(),
            sessions_held: held.len() as u32,
            sign_ups: 0,
            places_taken: 0,
            present: 0,
            ticked: 0,
            most_waiting: 0,
        };
        for event in &held {
            let (sign_ups, taken, present, ticked, waited): (i64, i64, i64, i64, i64) = sqlx::query_as(
                "SELECT count(*) FILTER (WHERE status <> 'cancelled'), coalesce(sum(people) FILTER (WHERE status = 'confirmed'), 0),
                 coalesce(sum(people) FILTER (WHERE attendance = 'present'), 0), coalesce(sum(people) FILTER (WHERE attendance IS NOT NULL), 0),
                 coalesce(sum(people) FILTER (WHERE waited), 0)
                 FROM registrations WHERE event = ?1",
            )
            .bind(event)
            .fetch_one(pool)
            .await?;
            figures.sign_ups += sign_ups as u32;
            figures.places_taken += taken as u32;
            figures.present += present as u32;
            figures.ticked += ticked as u32;
            figures.most_waiting = figures.most_waiting.max(waited as u32);
        }
        all.push(figures);
    }
    Ok(all)
}
