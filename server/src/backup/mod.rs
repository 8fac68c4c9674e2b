//! Backups: a consistent copy of the live database (`VACUUM INTO`, safe while the server
//! writes), then opened on its own and checked, so that a backup that exists is one that works.
//! Scheduled ones (`scheduled.rs`) are kept by a retention (`retention.rs`); `restore` puts one
//! back as the database of a new data directory.

pub mod retention;
pub mod scheduled;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use anyhow::{bail, Context};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Connection, SqliteConnection, SqlitePool};

use crate::db;

/// What a verified backup holds.
#[derive(Debug)]
pub struct Verified {
    pub items: i64,
    pub audit_entries: i64,
}

pub async fn backup(pool: &SqlitePool, destination: &Path) -> anyhow::Result<Verified> {
    if destination.exists() {
        bail!("{} exists already: choose a new file name", destination.display());
    }
    let path = destination.to_str().context("the backup's path must be valid UTF-8")?;
    sqlx::query("VACUUM INTO ?1").bind(path).execute(pool).await.with_context(|| format!("cannot write the backup {path}"))?;
    // Personal data: readable by the server's own user only, whoever runs the command (root).
    std::fs::set_permissions(destination, std::fs::Permissions::from_mode(0o600)).with_context(|| format!("cannot restrict {path}"))?;
    verify(destination).await.with_context(|| format!("the backup {path} failed its check"))
}

/// Puts a backup back as the database of `data_dir`, which must hold none yet: the backup is
/// checked first, then copied in under a temporary name and renamed once on disk.
pub async fn restore(file: &Path, data_dir: &Path) -> anyhow::Result<Verified> {
    let verified = verify(file).await.with_context(|| format!("{} is not a backup that can be restored", file.display()))?;
    let database = data_dir.join(db::DATABASE_FILE);
    if database.exists() {
        bail!("{} holds a database already: restore into a new data directory (stop the server and move this one aside first)", data_dir.display());
    }
    std::fs::create_dir_all(data_dir).with_context(|| format!("cannot create the data directory {}", data_dir.display()))?;
    let partial = data_dir.join(format!("{}.restoring", db::DATABASE_FILE));
    std::fs::copy(file, &partial).with_context(|| format!("cannot copy {} into {}", file.display(), data_dir.display()))?;
    std::fs::File::open(&partial).and_then(|copy| copy.sync_all())?;
    std::fs::rename(&partial, &database)?;
    std::fs::File::open(data_dir).and_then(|folder| folder.sync_all())?;
    Ok(verified)
}

/// Opens a database file read-only, checks its integrity and counts what it holds.
pub async fn verify(file: &Path) -> anyhow::Result<Verified> {
    // A file name, not a `sqlite://` address: a `?` or `#` in a folder's name is no query.
    let options = SqliteConnectOptions::new().filename(file).read_only(true);
    let mut db = SqliteConnection::connect_with(&options).await?;
    let integrity: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&mut db).await?;
    if integrity != "ok" {
        bail!("integrity check: {integrity}");
    }
    let items = sqlx::query_scalar(
        "SELECT (SELECT count(*) FROM residence) + (SELECT count(*) FROM activities) + (SELECT count(*) FROM menus)
              + (SELECT count(*) FROM programmes) + (SELECT count(*) FROM announcements) + (SELECT count(*) FROM pages)",
    )
    .fetch_one(&mut db)
    .await?;
    let audit_entries = sqlx::query_scalar("SELECT count(*) FROM audit_log").fetch_one(&mut db).await?;
    db.close().await?;
    Ok(Verified { items, audit_entries })
}
