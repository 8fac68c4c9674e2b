//! Knowing when content changed, to tell open screens at once and to drop the answers kept in
//! memory: triggers bump `content_version` in `meta` on every write, whoever makes it (see the
//! 0002 migration). A write through this server reads it again as soon as it is committed; a
//! change made beside the server (an import on the command line) is read within half a second.

use std::sync::{Arc, Weak};
use std::time::Duration;

use sqlx::{Sqlite, SqlitePool, Transaction};
use tokio::sync::watch;

/// How often the version is read: a tiny query, well within the kiosk's 5 s promise.
const POLL: Duration = Duration::from_millis(500);

/// The content version as this server last read it, shared by every request.
#[derive(Clone)]
pub struct Live {
    sender: Arc<watch::Sender<i64>>,
    pool: SqlitePool,
}

pub async fn read_version(pool: &SqlitePool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'content_version'").fetch_one(pool).await
}

impl Live {
    /// Starts watching the content version; the watch ends with the last `Live`.
    pub async fn watch(pool: SqlitePool) -> Result<Live, sqlx::Error> {
        let (sender, _) = watch::channel(read_version(&pool).await?);
        let live = Live { sender: Arc::new(sender), pool };
        tokio::spawn(poll(Arc::downgrade(&live.sender), live.pool.clone()));
        Ok(live)
    }

    pub fn current(&self) -> i64 {
        *self.sender.borrow()
    }

    /// Each new version, as it is read.
    pub fn subscribe(&self) -> watch::Receiver<i64> {
        self.sender.subscribe()
    }

    /// Commits a transaction that changed content, then reads the version at once: the very
    /// next read is answered from the new content, and open screens hear of it now.
    pub async fn commit(&self, transaction: Transaction<'_, Sqlite>) -> Result<(), sqlx::Error> {
        transaction.commit().await?;
        self.refresh().await;
        Ok(())
    }

    /// Reads the version again, after a write committed elsewhere in this server (an import).
    pub async fn refresh(&self) {
        read_into(&self.sender, &self.pool).await;
    }
}

async fn read_into(sender: &watch::Sender<i64>, pool: &SqlitePool) {
    match read_version(pool).await {
        Ok(version) => {
            sender.send_if_modified(|current| std::mem::replace(current, version) != version);
        }
        Err(error) => tracing::warn!(%error, "could not read the content version"),
    }
}

async fn poll(sender: Weak<watch::Sender<i64>>, pool: SqlitePool) {
    let mut ticks = tokio::time::interval(POLL);
    loop {
        ticks.tick().await;
        let Some(sender) = sender.upgrade() else { return };
        read_into(&sender, &pool).await;
    }
}
