//! The jobs each feature owes every hour (erasing the personal data past its time): run from the
//! server's start on, every hour, for as long as it runs; a failure is logged and the job tried
//! again the next hour.

use std::future::Future;
use std::time::Duration;

use sqlx::SqlitePool;

use crate::store::StoreError;

/// Runs `job` on `pool` now and every hour; `what` says in the log what it erased, as a count.
pub async fn every_hour<F, Fut>(pool: SqlitePool, what: &'static str, job: F)
where
    F: Fn(SqlitePool) -> Fut,
    Fut: Future<Output = Result<u64, StoreError>>,
{
    let mut every_hour = tokio::time::interval(Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match job(pool.clone()).await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "{what}"),
            Err(error) => tracing::error!(?error, "cannot do the hourly job: {what}"),
        }
    }
}
