//! The e-mails a sign-up brings (`plantzette_content::sign_up::message`), written to the
//! outbox inside the transaction of what they tell: a place confirmed or on the waiting list, a
//! place come free, the event cancelled. Only to an address the person gave, only when the
//! residence has a relay; the others are phoned by staff.
//!
//! Each carries the person's private link. Its token is an HMAC of the sign-up under the
//! database's link key, so that a message written days later carries the same link, while only
//! the token's digest is stored.

use chrono::{NaiveDateTime, Utc};
use hmac::{Hmac, Mac};
use plantzette_content::sign_up::message::{About, Notice};
use plantzette_content::sign_up::EventRef;
use plantzette_content::{Lang, Residence, Text};
use sha2::Sha256;
use sqlx::SqliteConnection;

use super::Event;
use crate::icalendar::new_calendar;
use crate::mail::{self, CalendarFile, Message, Outbox};
use crate::store::{self, StoreError};
use crate::tokens::digest;

/// The private link's token of sign-up `id` of `event`, written at `created_at`. (Its text says
/// "registration", the feature's name when the first links were sent: changed, they would break.)
pub(super) fn link_token(key: &str, id: i64, event: &str, created_at: i64) -> String {
    token_of(key, &format!("registration {id} {event} {created_at}"))
}

/// The token of echo `id` (`echo.rs`): as long as a sign-up's, and as unguessable.
pub(super) fn echo_token(key: &str, id: i64, event: &str, created_at: i64) -> String {
    token_of(key, &format!("echo {id} {event} {created_at}"))
}

fn token_of(key: &str, text: &str) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(text.as_bytes());
    URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
}

pub(super) async fn link_key(db: &mut SqliteConnection) -> Result<String, StoreError> {
    Ok(sqlx::query_scalar("SELECT value FROM meta WHERE key = 'link_key'").fetch_one(db).await?)
}

/// The address of the person's page for the link `token`.
pub fn link(public_url: &str, token: &str) -> String {
    format!("{public_url}/sign-up/{token}")
}

/// What a message says of its event: as the content has it now, with the event for the calendar,
/// or as it was announced at sign-up (an event gone from the content).
pub(super) enum Subject<'a> {
    Live(&'a Event),
    AsAnnounced,
}

/// Writes `notice` to sign-up `id`, if it gave an e-mail address and the residence sends e-mail,
/// inside the caller's transaction.
pub(super) async fn tell(db: &mut SqliteConnection, outbox: &Outbox, id: i64, notice: Notice, subject: Subject<'_>) -> Result<(), StoreError> {
    let Some(public_url) = outbox.public_url() else { return Ok(()) };
    type Row = (Option<String>, String, String, i64, String, Option<String>, Option<String>, Option<NaiveDateTime>, NaiveDateTime);
    let row: Option<Row> = sqlx::query_as(
        "SELECT email, lang, event, created_at, token_hash, event_title, event_place, event_starts_at, event_ends_at FROM sign_ups WHERE id = ?1",
    )
    .bind(id)
    .fetch_optional(&mut *db)
    .await?;
    let Some((Some(email), lang, event_key, created_at, token_hash, title, place, starts_at, ends_at)) = row else { return Ok(()) };
    let lang = Lang::from_code(&lang).unwrap_or_default();
    let token = link_token(&link_key(db).await?, id, &event_key, created_at);
    // A sign-up from before the links could be written again: its first message has its link.
    let link = (digest(&token) == token_hash).then(|| link(public_url, &token));
    let residence = residence(db).await?;
    let mut course = EventRef::parse(&event_key).filter(|e| matches!(e, EventRef::Course { .. })).map(|_| Vec::new());
    let (title, place, starts_at, ends_at, calendar) = match subject {
        Subject::Live(event) => {
            let calendar = notice.carries_calendar().then(|| calendar_file(event, &residence, lang));
            course = event.course_sessions();
            (event.title.clone(), event.place.clone(), event.starts_at, event.ends_at, calendar)
        }
        Subject::AsAnnounced => {
            let (Some(title), Some(starts_at)) = (title.and_then(|t| serde_json::from_str::<Text>(&t).ok()), starts_at) else {
                tracing::warn!(id, "a sign-up from before this version cannot be told by e-mail that its event is off: staff phone");
                return Ok(());
            };
            let place = place.and_then(|p| serde_json::from_str::<Text>(&p).ok()).unwrap_or_default();
            (title, place, starts_at, ends_at, None)
        }
    };
    let about = About {
        title: title.get(lang),
        place: place.get(lang),
        starts_at,
        ends_at,
        course: course.as_deref(),
        link: link.as_deref(),
        residence: &residence.name,
        phone: &residence.contact.phone,
    };
    let letter = notice.letter(&about, lang);
    let message = Message { to: email, subject: letter.subject, body: letter.body, calendar };
    // The caller wakes the mailer once its transaction is committed.
    mail::enqueue(db, &message, Utc::now()).await?;
    Ok(())
}

async fn residence(db: &mut SqliteConnection) -> Result<Residence, StoreError> {
    store::list::<Residence>(&mut *db, None).await?.into_iter().next().map(|item| item.content).ok_or(StoreError::NotFound("residence"))
}

fn calendar_file(event: &Event, residence: &Residence, lang: Lang) -> CalendarFile {
    let mut calendar = new_calendar(&residence.name);
    for entry in event.calendar_events(residence, lang) {
        calendar.add_event(entry);
    }
    CalendarFile { name: format!("{}-{}.ics", slug::slugify(event.title.get(lang)), event.starts_at.date()), text: calendar.to_string() }
}
