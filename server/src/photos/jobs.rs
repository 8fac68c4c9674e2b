//! The photos' erasure: a photo in which residents are recognisable is kept a set number of days.

use chrono::Utc;
use sqlx::SqlitePool;

use super::COLLECTION;
use crate::audit::{self, Change};
use crate::store::StoreError;

/// Erases the photos in which residents are recognisable (any consent but `public`) added more
/// than `kept_days` before `now`, files and all, audited; the number erased.
pub async fn erase_due(pool: &SqlitePool, now: chrono::NaiveDateTime, kept_days: u32) -> Result<u64, StoreError> {
    let added_by = now - chrono::Duration::days(kept_days.into());
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let erased = sqlx::query("DELETE FROM photos WHERE consent <> 'public' AND added_at <= ?1")
        .bind(added_by)
        .execute(&mut *transaction)
        .await?
        .rows_affected();
    if erased > 0 {
        let change = Change { action: "erase due", collection: Some(COLLECTION), item_id: None, version: Some(erased as i64), body: None };
        audit::record(&mut transaction, None, change).await?;
    }
    transaction.commit().await?;
    Ok(erased)
}

/// Erases the photos due, every hour, for as long as the server runs.
pub async fn keep_erasing(pool: SqlitePool, kept_days: u32) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match erase_due(&pool, Utc::now().naive_utc(), kept_days).await {
            Ok(0) => {}
            Ok(erased) => tracing::info!(erased, "photos of residents past their time erased"),
            Err(error) => tracing::error!(?error, "cannot erase the photos past their time"),
        }
    }
}
