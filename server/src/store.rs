//! Reading and writing content, the same way for every kind: the validated JSON body in the
//! collection's table, with its days for range queries.

use chrono::Utc;
use plantzette_content::{Content, DateRange, Item};
use sqlx::{Executor, Sqlite, SqlitePool};

use crate::error::ApiError;

type Row = (i64, i64, String);

fn item<T: Content>((id, version, body): Row) -> Result<Item<T>, ApiError> {
    Ok(Item { id, version, content: serde_json::from_str(&body)? })
}

/// Every live item of `T` that concerns a day of `range` (or every day, for undated content).
pub async fn list<T: Content>(pool: &SqlitePool, range: Option<DateRange>) -> Result<Vec<Item<T>>, ApiError> {
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
    let rows: Vec<Row> = sqlx::query_as(&sql).bind(from).bind(to).fetch_all(pool).await?;
    rows.into_iter().map(item).collect()
}

pub async fn get<T: Content>(pool: &SqlitePool, id: i64) -> Result<Item<T>, ApiError> {
    let sql = format!("SELECT id, version, body FROM {} WHERE id = ?1 AND deleted_at IS NULL", T::COLLECTION);
    let row: Option<Row> = sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?;
    item(row.ok_or(ApiError::NotFound(T::COLLECTION))?)
}

/// Validates and stores new content, returning its id.
pub async fn insert<'c, T: Content>(db: impl Executor<'c, Database = Sqlite>, content: &T) -> Result<i64, ApiError> {
    content.validate()?;
    let span = content.span();
    let sql = format!("INSERT INTO {} (body, first_day, last_day, updated_at) VALUES (?1, ?2, ?3, ?4)", T::COLLECTION);
    let result = sqlx::query(&sql)
        .bind(serde_json::to_string(content)?)
        .bind(span.map(|s| s.from))
        .bind(span.map(|s| s.to))
        .bind(Utc::now().to_rfc3339())
        .execute(db)
        .await?;
    Ok(result.last_insert_rowid())
}

/// Removes every item of `T`, for laying the demo content out anew.
pub async fn clear<'c, T: Content>(db: impl Executor<'c, Database = Sqlite>) -> Result<(), ApiError> {
    sqlx::query(&format!("DELETE FROM {}", T::COLLECTION)).execute(db).await?;
    Ok(())
}
