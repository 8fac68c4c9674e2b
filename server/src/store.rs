//! Reading and writing content, the same way for every kind: the validated JSON body in the
//! collection's table, with its days for range queries, and a version that every change must
//! quote (optimistic concurrency). Deleting keeps the row, so that it can be restored. Only
//! content that passed validation (`Valid<T>`) is written.

use chrono::Utc;
use plantzette_content::staff::Stored;
use plantzette_content::{Content, ContentError, DateRange, ErrorCode, Item, Valid};
use sqlx::{Executor, Sqlite, SqliteConnection, SqlitePool};

/// Why content could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no such {0}")]
    NotFound(&'static str),
    /// The item changed since the version quoted; this is the item now.
    #[error("someone else changed this in the meantime")]
    Stale(serde_json::Value),
    /// A field that must be unique is taken (two menus for one day).
    #[error(transparent)]
    Invalid(#[from] ContentError),
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("stored content could not be read")]
    Corrupt(#[from] serde_json::Error),
    /// A new install whose residence is not set up yet.
    #[error("no residence yet")]
    NotSetUp,
}

type Row = (i64, i64, String);

fn item<T: Content>((id, version, body): Row) -> Result<Item<T>, StoreError> {
    Ok(Item { id, version, content: serde_json::from_str(&body)? })
}

/// Every live item of `T` that concerns a day of `range` (or every day, for undated content).
pub async fn list<'c, T: Content>(db: impl Executor<'c, Database = Sqlite>, range: Option<DateRange>) -> Result<Vec<Item<T>>, StoreError> {
    let (from, to) = match range {
        Some(range) => (Some(range.from), Some(range.to)),
        None => (None, None),
    };
    let sql = format!(
        "SELECT id, version, body FROM {} WHERE deleted_at IS NULL
         AND (first_day IS NULL OR ?1 IS NULL OR (first_day <= ?2 AND last_day >= ?1))
         ORDER BY first_day, id",
        T::COLLECTION
    );
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(from).bind(to).fetch_all(db).await?;
    rows.into_iter().map(item).collect()
}

pub async fn get<T: Content>(pool: &SqlitePool, id: i64) -> Result<Item<T>, StoreError> {
    let sql = format!("SELECT id, version, body FROM {} WHERE id = ?1 AND deleted_at IS NULL", T::COLLECTION);
    let row: Option<Row> = sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?;
    item(row.ok_or(StoreError::NotFound(T::COLLECTION))?)
}

/// Stores new content, returning its id.
pub async fn insert<'c, T: Content>(db: impl Executor<'c, Database = Sqlite>, content: &Valid<T>) -> Result<i64, StoreError> {
    let span = content.span();
    let sql = format!("INSERT INTO {} (body, first_day, last_day, updated_at) VALUES (?1, ?2, ?3, ?4)", T::COLLECTION);
    let result = sqlx::query(&sql)
        .bind(serde_json::to_string(content)?)
        .bind(span.map(|s| s.from))
        .bind(span.map(|s| s.to))
        .bind(Utc::now().to_rfc3339())
        .execute(db)
        .await
        .map_err(unique_violation::<T>)?;
    Ok(result.last_insert_rowid())
}

/// Stores content with the id it had elsewhere (an import), so that links to it still hold.
pub async fn insert_with_id<T: Content>(db: &mut SqliteConnection, item: &Item<Valid<T>>) -> Result<(), StoreError> {
    let span = item.content.span();
    let sql = format!("INSERT INTO {} (id, version, body, first_day, last_day, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", T::COLLECTION);
    sqlx::query(&sql)
        .bind(item.id)
        .bind(item.version)
        .bind(serde_json::to_string(&item.content)?)
        .bind(span.map(|s| s.from))
        .bind(span.map(|s| s.to))
        .bind(Utc::now().to_rfc3339())
        .execute(db)
        .await
        .map_err(unique_violation::<T>)?;
    Ok(())
}

/// Replaces an item's content if `version` is still its version, and returns the new item. A
/// stale version is refused with the current item, for the editor to show.
pub async fn update<T: Content>(db: &mut SqliteConnection, id: i64, version: i64, content: Valid<T>) -> Result<Item<T>, StoreError> {
    let span = content.span();
    let sql = format!(
        "UPDATE {} SET body = ?1, first_day = ?2, last_day = ?3, updated_at = ?4, version = version + 1
         WHERE id = ?5 AND version = ?6 AND deleted_at IS NULL",
        T::COLLECTION
    );
    let result = sqlx::query(&sql)
        .bind(serde_json::to_string(&content)?)
        .bind(span.map(|s| s.from))
        .bind(span.map(|s| s.to))
        .bind(Utc::now().to_rfc3339())
        .bind(id)
        .bind(version)
        .execute(&mut *db)
        .await
        .map_err(unique_violation::<T>)?;
    if result.rows_affected() == 0 {
        return Err(stale::<T>(db, id).await);
    }
    Ok(Item { id, version: version + 1, content: content.into_inner() })
}

/// Marks an item deleted (it can be restored) if `version` is still its version.
pub async fn delete<T: Content>(db: &mut SqliteConnection, id: i64, version: i64) -> Result<Item<T>, StoreError> {
    let sql = format!(
        "UPDATE {} SET deleted_at = ?1, version = version + 1 WHERE id = ?2 AND version = ?3 AND deleted_at IS NULL RETURNING id, version, body",
        T::COLLECTION
    );
    let row: Option<Row> = sqlx::query_as(&sql).bind(Utc::now().to_rfc3339()).bind(id).bind(version).fetch_optional(&mut *db).await?;
    match row {
        Some(row) => item(row),
        None => Err(stale::<T>(db, id).await),
    }
}

/// Brings a deleted item back.
pub async fn restore<T: Content>(db: &mut SqliteConnection, id: i64) -> Result<Item<T>, StoreError> {
    let sql = format!(
        "UPDATE {} SET deleted_at = NULL, version = version + 1 WHERE id = ?1 AND deleted_at IS NOT NULL RETURNING id, version, body",
        T::COLLECTION
    );
    let row: Option<Row> = sqlx::query_as(&sql).bind(id).fetch_optional(&mut *db).await.map_err(unique_violation::<T>)?;
    item(row.ok_or(StoreError::NotFound(T::COLLECTION))?)
}

/// Every item of `T`, deleted ones included, newest first: the editor's list.
pub async fn list_stored<T: Content>(pool: &SqlitePool) -> Result<Vec<Stored<T>>, StoreError> {
    let sql =
        format!("SELECT id, version, body, updated_at, deleted_at FROM {} ORDER BY deleted_at IS NOT NULL, first_day DESC, id DESC", T::COLLECTION);
    let rows: Vec<(i64, i64, String, String, Option<String>)> = sqlx::query_as(&sql).fetch_all(pool).await?;
    rows.into_iter()
        .map(|(id, version, body, updated_at, deleted_at)| Ok(Stored { item: item((id, version, body))?, updated_at, deleted_at }))
        .collect()
}

/// Why a versioned change found nothing to change: the item moved on (412 with the current
/// item), or there is no such item.
async fn stale<T: Content>(db: &mut SqliteConnection, id: i64) -> StoreError {
    let sql = format!("SELECT id, version, body FROM {} WHERE id = ?1 AND deleted_at IS NULL", T::COLLECTION);
    match sqlx::query_as::<_, Row>(&sql).bind(id).fetch_optional(db).await {
        Ok(Some(row)) => match item::<T>(row).and_then(|current| Ok(serde_json::to_value(current)?)) {
            Ok(current) => StoreError::Stale(current),
            Err(error) => error,
        },
        Ok(None) => StoreError::NotFound(T::COLLECTION),
        Err(error) => error.into(),
    }
}

/// Two menus for one day, two pages with one slug: the field that must be unique is named.
fn unique_violation<T: Content>(error: sqlx::Error) -> StoreError {
    match (&error, T::UNIQUE) {
        (sqlx::Error::Database(db), Some(field)) if db.is_unique_violation() => {
            StoreError::Invalid(ContentError::single(field, ErrorCode::Duplicate))
        }
        _ => error.into(),
    }
}

/// Removes every item of `T`, for laying the demo content out anew.
pub async fn clear<'c, T: Content>(db: impl Executor<'c, Database = Sqlite>) -> Result<(), StoreError> {
    sqlx::query(&format!("DELETE FROM {}", T::COLLECTION)).execute(db).await?;
    Ok(())
}
