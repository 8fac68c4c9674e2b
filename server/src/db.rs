//! The SQLite database: one file in the data directory, WAL journal, full synchronous writes,
//! foreign keys on, migrations run at start.

use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

pub const DATABASE_FILE: &str = "plantzette.sqlite3";

/// Opens (creating if needed) the database in `data_dir` and brings its schema up to date.
pub async fn open(data_dir: &Path) -> anyhow::Result<SqlitePool> {
    ensure_writable(data_dir)?;
    let options = SqliteConnectOptions::new()
        .filename(data_dir.join(DATABASE_FILE))
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Full)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await
        .with_context(|| format!("cannot open the database in {}", data_dir.display()))?;
    MIGRATIONS.run(&pool).await.context("cannot bring the database schema up to date")?;
    Ok(pool)
}

/// Opens the database an administrator's command works on: one that exists. A command pointed
/// at the wrong data directory (the default `./data` beside the service's `/var/lib/plantzette`)
/// says so, instead of answering from a new empty database it made there.
pub async fn open_existing(data_dir: &Path) -> anyhow::Result<SqlitePool> {
    let file = data_dir.join(DATABASE_FILE);
    if !file.is_file() {
        anyhow::bail!(
            "no database at {}: give the server's data directory with --data-dir (or PLANTZETTE_DATA_DIR), as in --data-dir /var/lib/plantzette",
            file.display()
        );
    }
    open(data_dir).await
}

/// The schema's migrations, built into the binary.
static MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Whether every migration this binary knows has been applied.
pub async fn migrated(pool: &SqlitePool) -> Result<bool, sqlx::Error> {
    let applied: i64 = sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations WHERE success").fetch_one(pool).await?;
    Ok(applied as usize == MIGRATIONS.iter().count())
}

/// Whether the database takes a write now (a write transaction begun, then rolled back). A
/// `Transaction`, not raw statements: a caller that gives up while SQLite waits for the lock
/// (a probe's timeout) drops it, and sqlx rolls it back before the connection is used again.
pub async fn writable(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    pool.begin_with("BEGIN IMMEDIATE").await?.rollback().await
}

/// Fails with a sentence a person can act on, rather than a SQLite error later on.
fn ensure_writable(data_dir: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(data_dir).with_context(|| format!("cannot create the data directory {}", data_dir.display()))?;
    let probe = data_dir.join(".write-test");
    std::fs::write(&probe, b"plantzette")
        .and_then(|_| std::fs::remove_file(&probe))
        .with_context(|| format!("the data directory {} is not writable", data_dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kill -9 test shows that acknowledged writes survive a crash of the process; a power
    /// cut needs `synchronous=FULL` as well, on every connection the server writes through.
    #[tokio::test]
    async fn every_connection_of_the_pool_writes_through_to_disk() {
        let dir = tempfile::tempdir().unwrap();
        let pool = open(dir.path()).await.unwrap();
        let mut connections = Vec::new();
        for _ in 0..pool.options().get_max_connections() {
            connections.push(pool.acquire().await.unwrap());
        }
        for connection in &mut connections {
            let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous").fetch_one(&mut **connection).await.unwrap();
            let journal: String = sqlx::query_scalar("PRAGMA journal_mode").fetch_one(&mut **connection).await.unwrap();
            let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys").fetch_one(&mut **connection).await.unwrap();
            assert_eq!((synchronous, journal.as_str(), foreign_keys), (2, "wal", 1), "FULL, WAL, foreign keys on");
        }
    }
}
