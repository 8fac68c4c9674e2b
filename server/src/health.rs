//! What a monitoring system asks, in the conventions it already knows: `/healthz` (the process
//! answers) and `/readyz` (it can serve: the database takes writes, its schema is this
//! binary's, and the built apps are there). Neither is under `/api`, so no cache keeps them.
//!
//! `/readyz` also says when the last daily backup was taken and whether it is overdue, for the
//! monitoring to alert on; an overdue backup does not make the server unready, since it still
//! serves as well as before.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::{db, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/healthz", get(|| async { "ok" })).route("/readyz", get(ready))
}

#[derive(Serialize)]
struct Readiness {
    database_writable: bool,
    migrations_applied: bool,
    apps_present: bool,
    /// The last scheduled backup (UTC), and its age.
    last_backup: Option<DateTime<Utc>>,
    last_backup_age_seconds: Option<i64>,
    backup_overdue: bool,
}

async fn ready(State(state): State<AppState>) -> (StatusCode, Json<Readiness>) {
    let now = Utc::now();
    let writable = db::writable(&state.pool).await;
    if let Err(error) = &writable {
        tracing::error!(%error, "not ready: the database does not take writes");
    }
    let readiness = Readiness {
        database_writable: writable.is_ok(),
        migrations_applied: db::migrated(&state.pool).await.unwrap_or(false),
        apps_present: state.site.present(),
        last_backup: state.backups.last(),
        last_backup_age_seconds: state.backups.last().map(|last| (now - last).num_seconds()),
        backup_overdue: state.backups.overdue(now),
    };
    let status = if readiness.database_writable && readiness.migrations_applied && readiness.apps_present {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(readiness))
}
