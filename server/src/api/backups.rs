//! `GET /api/v1/backups`: when the last daily backup was taken, for administrators (the editor
//! shows it beside the accounts).

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use chrono::Utc;
use plantzette_content::schedule::residence_time;
use plantzette_content::staff::BackupStatus;

use crate::auth::Admin;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/backups", get(show))
}

async fn show(State(state): State<AppState>, _: Admin) -> Json<BackupStatus> {
    let backups = &state.backups;
    Json(BackupStatus { last: backups.last().map(residence_time), overdue: backups.overdue(Utc::now()) })
}
