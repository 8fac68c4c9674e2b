//! `GET /api/v1/staff/export`: all content as one JSON document; `POST /api/v1/staff/import`:
//! replace all content with such a document, after a verified backup of what was there.
//! Administrators only.

use crate::api::body::JsonBody;
use crate::auth::Admin;
use crate::error::ApiError;
use crate::transfer::{self, Export, Imported, RawExport};
use crate::AppState;
use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};

pub fn export_router() -> Router<AppState> {
    Router::new().route("/staff/export", get(export))
}

/// Imports carry a whole residence: they have a larger body limit than other requests.
pub fn import_router() -> Router<AppState> {
    Router::new().route("/staff/import", post(import))
}

async fn export(State(state): State<AppState>, _: Admin) -> Result<Json<Export>, ApiError> {
    Ok(Json(transfer::export(&state.pool).await?))
}

async fn import(State(state): State<AppState>, Admin(admin): Admin, JsonBody(raw): JsonBody<RawExport>) -> Result<Json<Imported>, ApiError> {
    let export = transfer::check(raw)?;
    Ok(Json(transfer::import(&state.pool, &state.data_dir, &export, Some(&admin.user)).await?))
}
