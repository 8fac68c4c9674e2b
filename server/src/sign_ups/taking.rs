//! A place taken, or a rank on the waiting list, inside one write transaction: two sign-ups
//! never take the same place.

use chrono::{NaiveDateTime, Utc};
use plantzette_content::sign_up::message::Notice;
use plantzette_content::sign_up::{decide, place_for, Availability, Refusal, SignUp, Status, Window};
use plantzette_content::Valid;
use sqlx::{SqliteConnection, SqlitePool};

use super::messages::{self, Subject};
use super::{echo, Event};
use crate::mail::Outbox;
use crate::store::StoreError;
use crate::tokens::digest;

/// People confirmed and people waiting for `event`.
pub(super) async fn counts(db: &mut SqliteConnection, event: &str) -> Result<(u32, u32), StoreError> {
    let (taken, waiting): (i64, i64) = sqlx::query_as(
        "SELECT coalesce(sum(people) FILTER (WHERE status = 'confirmed'), 0), coalesce(sum(people) FILTER (WHERE status = 'waiting'), 0)
         FROM sign_ups WHERE event = ?1",
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
/// the staff member's name, for someone who phoned or came to the desk (taken after sign-up
/// closed, until the event ends). The same contact again
/// is written its message again (it carries the link), and answered as a newcomer (`echo.rs`).
pub async fn sign_up(
    pool: &SqlitePool,
    outbox: &Outbox,
    event: &Event,
    sign_up: &Valid<SignUp>,
    now: NaiveDateTime,
    by_staff: Option<&str>,
) -> Result<Outcome, StoreError> {
    let contact_key = sign_up.contact_key();
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    // The event's rules first, for everyone alike: a closed or full event refuses a contact
    // signed up as it refuses anyone.
    let (taken, waiting) = counts(&mut transaction, &event.key).await?;
    let decided = match (by_staff, event.places.window(event.starts_at, now)) {
        // Staff take a late-comer while the event lasts: a course begun, someone at the door.
        (Some(_), Window::Closed) if now < event.ends_at => place_for(&event.places, taken, waiting, sign_up.people),
        _ => decide(&event.places, event.starts_at, now, taken, waiting, sign_up.people),
    };
    let status = match decided {
        Ok(status) => status,
        Err(refusal) => return Ok(Outcome::Refused(refusal)),
    };
    let existing: Option<i64> = sqlx::query_scalar("SELECT id FROM sign_ups WHERE event = ?1 AND contact_key = ?2 AND status <> 'cancelled'")
        .bind(&event.key)
        .bind(&contact_key)
        .fetch_optional(&mut *transaction)
        .await?;
    if let Some(id) = existing {
        // The person gets their own link again; whoever sent the form, only what a newcomer
        // would (`echo.rs`); staff, at the desk, see the sign-up as it stands.
        let standing = standing(&mut transaction, id).await?;
        messages::tell(&mut transaction, outbox, id, standing.notice(), Subject::Live(event)).await?;
        let outcome = match by_staff {
            Some(_) => Outcome::Already(standing),
            None => {
                let (standing, token) = echo::write(&mut transaction, event, sign_up, status, Utc::now().timestamp()).await?;
                Outcome::New { standing, token }
            }
        };
        transaction.commit().await?;
        outbox.wake();
        return Ok(outcome);
    }
    let at = Utc::now().timestamp();
    let optional = |value: &str| Some(value.trim().to_string()).filter(|v| !v.is_empty());
    // The link's token depends on the id: a placeholder until the row has one.
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sign_ups (event, event_ends_at, token_hash, name, phone, email, note, contact_key, people, lang, status, by_staff,
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
    sqlx::query("UPDATE sign_ups SET token_hash = ?2 WHERE id = ?1").bind(id).bind(digest(&token)).execute(&mut *transaction).await?;
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

pub(super) async fn standing(db: &mut SqliteConnection, id: i64) -> Result<Standing, StoreError> {
    let (event, status): (String, String) = sqlx::query_as("SELECT event, status FROM sign_ups WHERE id = ?1").bind(id).fetch_one(&mut *db).await?;
    let status = Status::parse(&status).ok_or(StoreError::NotFound("registration"))?;
    let position = match status {
        Status::Waiting => {
            let ahead: i64 = sqlx::query_scalar("SELECT count(*) FROM sign_ups WHERE event = ?1 AND status = 'waiting' AND id <= ?2")
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
