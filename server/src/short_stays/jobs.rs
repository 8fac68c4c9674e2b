//! The short stays' tidying, every hour: past days' rows of the calendar (their notes with them)
//! deleted as they pass, and a closed request's personal data erased a set number of days after.

use chrono::{DateTime, Utc};
use plantzette_content::schedule::residence_time;
use plantzette_content::short_stay::request_erased_by;
use sqlx::{SqliteConnection, SqlitePool};

use super::requests::local;
use super::REQUESTS;
use crate::audit;
use crate::store::StoreError;

/// Erases the personal data of every request closed `kept_days` days or more before `now`, and
/// deletes the calendar's rows of days before today (their notes with them). Returns how many
/// requests were erased.
pub async fn tidy(pool: &SqlitePool, now: DateTime<Utc>, kept_days: u32) -> Result<u64, StoreError> {
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let today = residence_time(now).date();
    sqlx::query("DELETE FROM short_stay_days WHERE day < ?1").bind(today).execute(&mut *transaction).await?;
    sqlx::query("DELETE FROM short_stay_extra_beds WHERE to_day < ?1").bind(today).execute(&mut *transaction).await?;
    let due: Vec<(i64, i64)> = sqlx::query_as("SELECT id, closed_at FROM stay_requests WHERE erased_at IS NULL AND closed_at IS NOT NULL")
        .fetch_all(&mut *transaction)
        .await?;
    let due: Vec<i64> =
        due.into_iter().filter(|(_, closed_at)| request_erased_by(local(*closed_at), residence_time(now), kept_days)).map(|(id, _)| id).collect();
    for id in &due {
        erase_request(&mut transaction, *id, now).await?;
    }
    audit::erased_due(&mut transaction, REQUESTS, due.len() as u64).await?;
    transaction.commit().await?;
    Ok(due.len() as u64)
}

async fn erase_request(db: &mut SqliteConnection, id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
    sqlx::query("UPDATE stay_requests SET name = NULL, organisation = NULL, phone = NULL, email = NULL, erased_at = ?2 WHERE id = ?1")
        .bind(id)
        .bind(now.timestamp())
        .execute(db)
        .await?;
    Ok(())
}
