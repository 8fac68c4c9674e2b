//! The photos' erasure: a photo in which residents are recognisable is kept a set number of days.

use sqlx::SqlitePool;

use super::COLLECTION;
use crate::audit;
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
    audit::erased_due(&mut transaction, COLLECTION, erased).await?;
    transaction.commit().await?;
    Ok(erased)
}
