//! A contact already signed up for an event that signs up again from the public form is answered
//! as a new sign-up would be: the place or the rank a newcomer would get now, and a private link
//! of its own that shows just that and can be cancelled. So the answer tells a stranger who types
//! someone's number nothing of whether that person signed up (for the memory café or the carers'
//! evenings, that would say something about their health). The person's sign-up is untouched,
//! and its own link goes to the person by e-mail again (`taking.rs`). Known gap: the public count
//! of places does not move for an echo, as it does for a new sign-up (docs/privacy.md).

use chrono::NaiveDateTime;
use plantzette_content::sign_up::{SignUp, Status};
use plantzette_content::{Lang, Valid};
use sqlx::SqliteConnection;

use super::messages::{echo_token, link_key};
use super::{Event, Private, Standing};
use crate::store::StoreError;
use crate::tokens::digest;

/// An echo as stored: what its link shows.
#[derive(sqlx::FromRow)]
struct EchoRow {
    event: String,
    name: String,
    people: i64,
    lang: String,
    status: String,
    position: Option<i64>,
}

/// Writes the echo of `sign_up` for `event` (`status`: what a newcomer gets now) and returns its
/// standing and its link's token.
pub(super) async fn write(
    db: &mut SqliteConnection,
    event: &Event,
    sign_up: &Valid<SignUp>,
    status: Status,
    at: i64,
) -> Result<(Standing, String), StoreError> {
    // A newcomer waiting comes after everyone waiting now.
    let position = match status {
        Status::Waiting => {
            let waiting: i64 = sqlx::query_scalar("SELECT count(*) FROM sign_ups WHERE event = ?1 AND status = 'waiting'")
                .bind(&event.key)
                .fetch_one(&mut *db)
                .await?;
            Some(waiting as u32 + 1)
        }
        _ => None,
    };
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO sign_up_echoes (event, event_ends_at, token_hash, name, people, lang, status, position, created_at)
         VALUES (?1, ?2, 'new:' || hex(randomblob(16)), ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
    )
    .bind(&event.key)
    .bind(event.ends_at)
    .bind(sign_up.name.trim())
    .bind(sign_up.people)
    .bind(sign_up.lang.code())
    .bind(status.as_str())
    .bind(position)
    .bind(at)
    .fetch_one(&mut *db)
    .await?;
    let token = echo_token(&link_key(&mut *db).await?, id, &event.key, at);
    sqlx::query("UPDATE sign_up_echoes SET token_hash = ?2 WHERE id = ?1").bind(id).bind(digest(&token)).execute(&mut *db).await?;
    Ok((Standing { id, status, position }, token))
}

/// The echo whose link carries `token`, as the person's page shows a sign-up.
pub(super) async fn by_token(db: &mut SqliteConnection, token: &str) -> Result<Option<Private>, StoreError> {
    let row: Option<EchoRow> = sqlx::query_as("SELECT event, name, people, lang, status, position FROM sign_up_echoes WHERE token_hash = ?1")
        .bind(digest(token))
        .fetch_optional(db)
        .await?;
    Ok(row.map(|row| Private {
        event: row.event,
        standing: Standing { id: 0, status: Status::parse(&row.status).unwrap_or(Status::Cancelled), position: row.position.map(|p| p as u32) },
        name: row.name,
        people: row.people as u32,
        lang: Lang::from_code(&row.lang).unwrap_or_default(),
    }))
}

/// Cancels the echo whose link carries `token` (deleted, with `and_erase`), as a sign-up's link
/// would be; says whether there was one.
pub(super) async fn cancel(db: &mut SqliteConnection, token: &str, and_erase: bool) -> Result<bool, StoreError> {
    let done = if and_erase {
        sqlx::query("DELETE FROM sign_up_echoes WHERE token_hash = ?1").bind(digest(token)).execute(db).await?
    } else {
        sqlx::query("UPDATE sign_up_echoes SET status = 'cancelled', position = NULL WHERE token_hash = ?1").bind(digest(token)).execute(db).await?
    };
    Ok(done.rows_affected() > 0)
}

/// Deletes the echoes of events that ended at or before `ended_by`.
pub(super) async fn erase_ended_by(db: &mut SqliteConnection, ended_by: NaiveDateTime) -> Result<u64, StoreError> {
    Ok(sqlx::query("DELETE FROM sign_up_echoes WHERE event_ends_at <= ?1").bind(ended_by).execute(db).await?.rows_affected())
}
