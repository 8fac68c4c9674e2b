//! Knowing when content changed, to tell open screens at once: triggers bump `content_version`
//! in `meta` on every write (see the 0002 migration); one task watches it and shares the value.

use std::time::Duration;

use sqlx::SqlitePool;
use tokio::sync::watch;

/// How often the version is read: a tiny query, well within the kiosk's 5 s promise.
const POLL: Duration = Duration::from_millis(500);

/// The current content version, updated as writes happen.
pub type ContentVersion = watch::Receiver<i64>;

pub async fn read_version(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'content_version'").fetch_one(pool).await
}

/// Starts watching the content version; the task ends when no one listens any more.
pub async fn watch_content(pool: SqlitePool) -> Result<ContentVersion, sqlx::Error> {
    let (sender, receiver) = watch::channel(read_version(&pool).await?);
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(POLL);
        while !sender.is_closed() {
            ticks.tick().await;
            match read_version(&pool).await {
                Ok(version) => {
                    sender.send_if_modified(|current| std::mem::replace(current, version) != version);
                }
                Err(error) => tracing::warn!(%error, "could not read the content version"),
            }
        }
    });
    Ok(receiver)
}
