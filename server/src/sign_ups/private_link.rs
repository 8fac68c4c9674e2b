//! The person's private link: the sign-up it shows (only the link's digest is kept), and its
//! cancellation, which moves the first ones waiting up at once.

use chrono::Utc;
use plantzette_content::sign_up::EventRef;
use plantzette_content::Lang;
use sqlx::SqlitePool;

use super::{echo, erase, event, move_up, standing, Erase, Standing, COLLECTION};
use crate::audit::{self, Change};
use crate::mail::Outbox;
use crate::store::StoreError;
use crate::tokens::digest;

/// One sign-up as its private link shows it to the person.
pub struct Private {
    pub event: String,
    pub standing: Standing,
    pub name: String,
    pub people: u32,
    pub lang: Lang,
}

/// The sign-up whose link carries `token`; `None` for an unknown token, or one whose personal
/// data is erased.
pub async fn by_token(pool: &SqlitePool, token: &str) -> Result<Option<Private>, StoreError> {
    let mut db = pool.acquire().await?;
    let row: Option<(i64, String, Option<String>, i64, String)> =
        sqlx::query_as("SELECT id, event, name, people, lang FROM sign_ups WHERE token_hash = ?1 AND erased_at IS NULL")
            .bind(digest(token))
            .fetch_optional(&mut *db)
            .await?;
    let Some((id, event, name, people, lang)) = row else { return echo::by_token(&mut db, token).await };
    let standing = standing(&mut db, id).await?;
    Ok(Some(Private { event, standing, name: name.unwrap_or_default(), people: people as u32, lang: Lang::from_code(&lang).unwrap_or_default() }))
}

/// Cancels the sign-up whose link carries `token` (and, with `and_erase`, erases its personal data
/// at once), and moves the first ones waiting up into the places given back, telling them.
/// Says whether there was such a sign-up, and who moved up.
pub async fn cancel(pool: &SqlitePool, outbox: &Outbox, token: &str, and_erase: bool) -> Result<Option<Vec<i64>>, StoreError> {
    // The event as published now (none: the event gone, or no longer taking sign-ups on line).
    let key: Option<String> = sqlx::query_scalar("SELECT event FROM sign_ups WHERE token_hash = ?1").bind(digest(token)).fetch_optional(pool).await?;
    let published = match key.as_deref().and_then(EventRef::parse) {
        Some(event) => self::event(pool, event).await?,
        None => None,
    };
    let mut transaction = pool.begin_with("BEGIN IMMEDIATE").await?;
    let found: Option<(i64, String)> = sqlx::query_as("SELECT id, event FROM sign_ups WHERE token_hash = ?1 AND erased_at IS NULL")
        .bind(digest(token))
        .fetch_optional(&mut *transaction)
        .await?;
    let Some((id, event)) = found else {
        let echoed = echo::cancel(&mut transaction, token, and_erase).await?;
        transaction.commit().await?;
        return Ok(echoed.then(Vec::new));
    };
    let at = Utc::now().timestamp();
    sqlx::query("UPDATE sign_ups SET status = 'cancelled', changed_at = ?2 WHERE id = ?1").bind(id).bind(at).execute(&mut *transaction).await?;
    audit::record_public(&mut transaction, Change { action: "cancel", collection: Some(COLLECTION), item_id: Some(id), version: None, body: None })
        .await?;
    if and_erase {
        erase(&mut transaction, Erase::One(id)).await?;
        audit::record_public(
            &mut transaction,
            Change { action: "erase", collection: Some(COLLECTION), item_id: Some(id), version: None, body: None },
        )
        .await?;
    }
    let moved_up = move_up(&mut transaction, outbox, &event, published.as_ref()).await?;
    transaction.commit().await?;
    outbox.wake();
    Ok(Some(moved_up))
}
