//! Backups that nobody has to remember: the server takes one every day at a set hour (residence
//! time), checks it, and keeps the last days and weeks of them (`retention.rs`) in the backup
//! folder. Started after a day or more without one (the server was off at the set hour, or is
//! new), it takes one at once. A backup is written under a temporary name and renamed only once
//! checked, so a file with a backup's name is a backup that works.
//!
//! The last backup's time is what monitoring (`/readyz`, the metrics) and administrators (the
//! editor) are shown; a failure is logged as an error and counted.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use chrono::{DateTime, NaiveDateTime, NaiveTime, Utc};
use plantzette_content::schedule::{residence_instant, residence_time};
use sqlx::SqlitePool;

use super::retention::{outdated, Retention};

const PREFIX: &str = "plantzette-";
const SUFFIX: &str = ".sqlite3";
const NAME_TIME: &str = "%Y-%m-%dT%H%M%S";
/// A backup older than this is overdue: a day, and some slack for a slow one.
pub const OVERDUE_AFTER: chrono::Duration = chrono::Duration::hours(26);
/// The clock is looked at again at least this often while waiting (it may be set at boot).
const LOOK_AGAIN: Duration = Duration::from_secs(600);

/// When and where backups are taken, and how many are kept.
#[derive(Clone, Debug)]
pub struct Schedule {
    pub folder: PathBuf,
    /// Residence time.
    pub at: NaiveTime,
    pub retention: Retention,
}

/// What is known of the scheduled backups, shared with whoever reports on them.
#[derive(Clone)]
pub struct Backups {
    folder: PathBuf,
    last: Arc<Mutex<Option<DateTime<Utc>>>>,
    failures: Arc<AtomicU64>,
}

impl Backups {
    /// The backups in `folder` (created if missing), the newest of them as the last. A folder
    /// that cannot be used (a backup disk not mounted) does not stop the server from serving:
    /// it is logged, each backup then fails and is counted, and the last one grows overdue.
    pub fn open(folder: &Path) -> Backups {
        let last = std::fs::create_dir_all(folder)
            .with_context(|| format!("cannot create the backup folder {}", folder.display()))
            .and_then(|()| kept(folder))
            .inspect_err(|error| tracing::error!(error = format!("{error:#}"), "no backups can be taken"))
            .unwrap_or_default()
            .into_iter()
            .max()
            .map(residence_instant);
        Backups { folder: folder.to_path_buf(), last: Arc::new(Mutex::new(last)), failures: Arc::default() }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// When the last scheduled backup was taken.
    pub fn last(&self) -> Option<DateTime<Utc>> {
        *self.last.lock().expect("never poisoned: nothing panics under it")
    }

    /// Whether the last backup is too old, or there is none.
    pub fn overdue(&self, now: DateTime<Utc>) -> bool {
        self.last().is_none_or(|last| now - last > OVERDUE_AFTER)
    }

    /// Scheduled backups that failed since the server started.
    pub fn failures(&self) -> u64 {
        self.failures.load(Ordering::Relaxed)
    }

    /// Takes a backup now, checks it, and deletes those the retention no longer keeps.
    pub async fn take(&self, pool: &SqlitePool, retention: Retention) -> anyhow::Result<PathBuf> {
        let now = Utc::now();
        let name = format!("{PREFIX}{}{SUFFIX}", residence_time(now).format(NAME_TIME));
        let file = self.folder.join(&name);
        let partial = self.folder.join(format!("{name}.partial"));
        let _ = std::fs::remove_file(&partial);
        let written = async {
            let verified = super::backup(pool, &partial).await?;
            std::fs::rename(&partial, &file).with_context(|| format!("cannot name the backup {}", file.display()))?;
            anyhow::Ok(verified)
        };
        // A backup that failed leaves nothing behind to fill the disk or be taken for one.
        let verified = written.await.inspect_err(|_| {
            let _ = std::fs::remove_file(&partial);
        })?;
        // The new name survives a power cut only once the folder is written too.
        std::fs::File::open(&self.folder).and_then(|folder| folder.sync_all()).context("cannot write the backup folder")?;
        tracing::info!(file = %file.display(), items = verified.items, "backup taken and checked");
        // Old ones go before the new one is announced: whoever reads the announcement finds
        // the folder as the retention leaves it. A backup taken stays taken if they cannot go.
        if let Err(error) = self.delete_outdated(retention) {
            tracing::error!(error = format!("{error:#}"), "old backups could not be deleted");
        }
        *self.last.lock().expect("never poisoned: nothing panics under it") = Some(now);
        Ok(file)
    }

    fn delete_outdated(&self, retention: Retention) -> anyhow::Result<()> {
        for old in outdated(&kept(&self.folder)?, retention) {
            let old = self.folder.join(format!("{PREFIX}{}{SUFFIX}", old.format(NAME_TIME)));
            std::fs::remove_file(&old).with_context(|| format!("cannot delete the old backup {}", old.display()))?;
        }
        Ok(())
    }

    /// Takes a backup at once if none is recent, then every day at the set hour, for as long as
    /// the server runs.
    pub async fn keep_taking(self, pool: SqlitePool, schedule: Schedule) {
        if self.overdue(Utc::now()) {
            self.take_logged(&pool, schedule.retention).await;
        }
        loop {
            let next = residence_instant(next_run(residence_time(Utc::now()), schedule.at));
            while Utc::now() < next {
                let wait = (next - Utc::now()).to_std().unwrap_or_default();
                tokio::time::sleep(wait.min(LOOK_AGAIN)).await;
            }
            self.take_logged(&pool, schedule.retention).await;
        }
    }

    async fn take_logged(&self, pool: &SqlitePool, retention: Retention) {
        if let Err(error) = self.take(pool, retention).await {
            self.failures.fetch_add(1, Ordering::Relaxed);
            tracing::error!(error = format!("{error:#}"), folder = %self.folder.display(), "the scheduled backup failed");
        }
    }
}

/// The times of the backups in `folder`, read from their names.
fn kept(folder: &Path) -> anyhow::Result<Vec<NaiveDateTime>> {
    let entries = std::fs::read_dir(folder).with_context(|| format!("cannot read the backup folder {}", folder.display()))?;
    Ok(entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter_map(|name| NaiveDateTime::parse_from_str(name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?, NAME_TIME).ok())
        .collect())
}

/// The next time of day `at` after `now` (both residence time).
fn next_run(now: NaiveDateTime, at: NaiveTime) -> NaiveDateTime {
    let today = now.date().and_time(at);
    if today > now {
        today
    } else {
        today + chrono::Duration::days(1)
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[tokio::test]
    async fn a_backup_that_fails_its_check_leaves_no_file() {
        // A database without the residence's tables: it is copied, then fails its check.
        let dir = tempfile::tempdir().unwrap();
        let options = sqlx::sqlite::SqliteConnectOptions::new().filename(dir.path().join("other.sqlite3")).create_if_missing(true);
        let pool = SqlitePool::connect_with(options).await.unwrap();
        sqlx::query("CREATE TABLE notes (text TEXT)").execute(&pool).await.unwrap();
        let folder = dir.path().join("backups");
        let backups = Backups::open(&folder);
        assert!(backups.take(&pool, Retention { daily: 1, weekly: 1 }).await.is_err());
        let left: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|entry| entry.unwrap().file_name()).collect();
        assert!(left.is_empty(), "left behind: {left:?}");
        assert_eq!(backups.last(), None);
    }

    #[tokio::test]
    async fn backups_go_into_a_folder_whatever_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let pool = crate::db::open(&dir.path().join("data")).await.unwrap();
        let folder = dir.path().join("sauvegardes ?#%20 2026");
        let backups = Backups::open(&folder);
        let file = backups.take(&pool, Retention { daily: 0, weekly: 0 }).await.expect("taken and checked");
        assert!(file.exists(), "a retention of nothing keeps the backup just taken");
        assert!(backups.last().is_some());
    }

    #[test]
    fn the_next_run_is_today_at_the_hour_if_it_is_still_to_come_else_tomorrow() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let three = NaiveTime::from_hms_opt(3, 0, 0).unwrap();
        assert_eq!(next_run(day.and_hms_opt(2, 59, 0).unwrap(), three), day.and_time(three));
        assert_eq!(next_run(day.and_time(three), three), day.succ_opt().unwrap().and_time(three));
        assert_eq!(next_run(day.and_hms_opt(23, 0, 0).unwrap(), three), day.succ_opt().unwrap().and_time(three));
    }
}
