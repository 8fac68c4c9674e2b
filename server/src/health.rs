//! What a monitoring system asks, in the conventions it already knows: `/healthz` (the process
//! answers) and `/readyz` (it can serve: the database takes writes, its schema is this
//! binary's, and the built apps are there). Neither is under `/api`, so no cache keeps them.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
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
}

async fn ready(State(state): State<AppState>) -> (StatusCode, Json<Readiness>) {
    let writable = db::writable(&state.pool).await;
    if let Err(error) = &writable {
        tracing::error!(%error, "not ready: the database does not take writes");
    }
    let readiness = Readiness {
        database_writable: writable.is_ok(),
        migrations_applied: db::migrated(&state.pool).await.unwrap_or(false),
        apps_present: state.site.present(),
    };
    let status = if readiness.database_writable && readiness.migrations_applied && readiness.apps_present {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(readiness))
}
