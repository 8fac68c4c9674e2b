//! The audit log: who changed what, when, written in the same transaction as the change itself,
//! so that one is never without the other.

use chrono::Utc;
use plantzette_content::staff::{AuditEntry, StaffUser};
use sqlx::{SqliteConnection, SqlitePool};

use crate::store::StoreError;

/// One change to record; `body` is the content after it (before it, for a delete).
pub struct Change {
    pub action: &'static str,
    pub collection: Option<&'static str>,
    pub item_id: Option<i64>,
    pub version: Option<i64>,
    pub body: Option<String>,
}

/// Records a change by `who`: a staff member, or `None` for the server's command line.
pub async fn record(db: &mut SqliteConnection, who: Option<&StaffUser>, change: Change) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO audit_log (at, user_id, login, action, collection, item_id, version, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(Utc::now().naive_utc())
        .bind(who.map(|user| user.id))
        .bind(who.map_or("command line", |user| &user.login))
        .bind(change.action)
        .bind(change.collection)
        .bind(change.item_id)
        .bind(change.version)
        .bind(change.body)
        .execute(db)
        .await?;
    Ok(())
}

/// Records that the hourly erasure of `collection` erased `count` items, when it erased any:
/// no one did it, the schedule did.
pub async fn erased_due(db: &mut SqliteConnection, collection: &'static str, count: u64) -> Result<(), StoreError> {
    if count == 0 {
        return Ok(());
    }
    let change = Change { action: "erase due", collection: Some(collection), item_id: None, version: Some(count as i64), body: None };
    record(db, None, change).await
}

/// Records a change made by the public: a person cancelling or erasing their own sign-up
/// through its private link (no name: the audit keeps no personal data).
pub async fn record_public(db: &mut SqliteConnection, change: Change) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO audit_log (at, user_id, login, action, collection, item_id, version, body) VALUES (?1, NULL, 'private link', ?2, ?3, ?4, ?5, ?6)")
        .bind(Utc::now().naive_utc())
        .bind(change.action)
        .bind(change.collection)
        .bind(change.item_id)
        .bind(change.version)
        .bind(change.body)
        .execute(db)
        .await?;
    Ok(())
}

type AuditRow = (i64, chrono::NaiveDateTime, String, String, Option<String>, Option<i64>, Option<i64>);

/// The latest changes, newest first.
pub async fn latest(pool: &SqlitePool, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
    let rows: Vec<AuditRow> = sqlx::query_as("SELECT id, at, login, action, collection, item_id, version FROM audit_log ORDER BY id DESC LIMIT ?1")
        .bind(limit)
        .fetch_all(pool)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, at, login, action, collection, item_id, version)| AuditEntry { id, at, login, action, collection, item_id, version })
        .collect())
}
