//! What runs on its own: personal data erased a set number of days after the event (keeping
//! the counts), and sign-ups cancelled when their event is off.

use chrono::{NaiveDateTime, Utc};
use plantzette_content::sign_up::message::Notice;
use plantzette_content::sign_up::{erased_if_ended_by, EventRef};
use sqlx::{SqliteConnection, SqlitePool};
use tokio::sync::watch;

use super::messages::{self, Subject};
use super::{echo, takes_place, COLLECTION};
use crate::audit::{self, Change};
use crate::mail::Outbox;
use crate::store::StoreError;

/// Which sign-ups to erase the personal data of.
pub(super) enum Erase {
    One(i64),
    /// Those of events that ended at or before this.
    EndedBy(NaiveDateTime),
}

pub(super) async fn erase(db: &mut SqliteConnection, which: Erase) -> Result<u64, StoreError> {
    const ERASE: &str = "UPDATE sign_ups SET name = NULL, phone = NULL, email = NULL, note = NULL, contact_key = NULL,
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
    echo::erase_ended_by(&mut transaction, ended_by).await?;
    audit::erased_due(&mut transaction, COLLECTION, erased).await?;
    transaction.commit().await?;
    Ok(erased)
}

/// Cancels the sign-ups of every event still to come that no longer takes place (its session
/// taken out of the programme, its occurrence cancelled, its programme or activity deleted), and
/// tells the people by e-mail; audited. Returns how many sign-ups were cancelled.
pub async fn cancel_for_events_off(pool: &SqlitePool, outbox: &Outbox, now: NaiveDateTime) -> Result<u64, StoreError> {
    let events: Vec<String> =
        sqlx::query_scalar("SELECT DISTINCT event FROM sign_ups WHERE status <> 'cancelled' AND erased_at IS NULL AND event_ends_at > ?1")
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
        let ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM sign_ups WHERE event = ?1 AND status <> 'cancelled' AND erased_at IS NULL")
            .bind(&key)
            .fetch_all(&mut *transaction)
            .await?;
        for id in &ids {
            sqlx::query("UPDATE sign_ups SET status = 'cancelled', changed_at = ?2 WHERE id = ?1")
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

/// Looks for events that are off, and follows the courses (`course.rs`), each time the content
/// changes, for as long as the server runs.
pub async fn keep_following_the_content(pool: SqlitePool, outbox: Outbox, mut version: watch::Receiver<i64>) {
    loop {
        let now = plantzette_content::schedule::residence_now();
        match cancel_for_events_off(&pool, &outbox, now).await {
            Ok(0) => {}
            Ok(cancelled) => tracing::info!(cancelled, "sign-ups cancelled: their event is off"),
            Err(error) => tracing::error!(?error, "cannot cancel the sign-ups of events that are off"),
        }
        match super::follow_courses(&pool, &outbox, now).await {
            Ok(0) => {}
            Ok(told) => tracing::info!(told, "sessions of a course called off: the people enrolled told"),
            Err(error) => tracing::error!(?error, "cannot follow the courses' changes"),
        }
        if version.changed().await.is_err() {
            return;
        }
    }
}
