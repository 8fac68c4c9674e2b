//! The coordinator's week at a glance: for every event still to come, its places taken, its
//! waiting list and whom to phone, in numbers (no name, so nothing to audit).

use chrono::NaiveDateTime;
use plantzette_content::sign_up::EventCounts;
use sqlx::SqlitePool;

use crate::mail::Outbox;
use crate::store::StoreError;

/// A row per event and status still to come after `now`: its people, and how many sign-ups no
/// e-mail reaches (no address given).
#[derive(sqlx::FromRow)]
struct CountRow {
    event: String,
    status: String,
    people: i64,
    without_email: i64,
    sign_ups: i64,
}

/// The counts of every event that ends after `now` and has someone signed up, by key. Without
/// a relay, every sign-up is to be phoned.
pub async fn counts_ahead(pool: &SqlitePool, outbox: &Outbox, now: NaiveDateTime) -> Result<Vec<EventCounts>, StoreError> {
    let rows: Vec<CountRow> = sqlx::query_as(
        "SELECT event, status, sum(people) AS people, count(*) FILTER (WHERE email IS NULL) AS without_email, count(*) AS sign_ups
         FROM sign_ups WHERE status <> 'cancelled' AND name IS NOT NULL AND event_ends_at > ?1
         GROUP BY event, status ORDER BY event",
    )
    .bind(now)
    .fetch_all(pool)
    .await?;
    let relay = outbox.public_url().is_some();
    let mut counts: Vec<EventCounts> = Vec::new();
    for row in rows {
        if counts.last().is_none_or(|last| last.event != row.event) {
            counts.push(EventCounts { event: row.event.clone(), ..EventCounts::default() });
        }
        let event = counts.last_mut().expect("pushed above");
        match row.status.as_str() {
            "confirmed" => event.taken += row.people as u32,
            _ => event.waiting += row.people as u32,
        }
        event.to_phone += (if relay { row.without_email } else { row.sign_ups }) as u32;
    }
    Ok(counts)
}
