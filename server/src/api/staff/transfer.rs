//! `GET /api/v1/staff/export`: all content as one JSON document; `POST /api/v1/staff/import`:
//! replace all content with such a document, after a verified backup of what was there.
//! Administrators only.

use crate::auth::Admin;
use crate::error::ApiError;
use crate::http::body::JsonBody;
use crate::transfer::{self, AsRead, AsStored, Export, Imported};
use crate::AppState;
use axum::extract::{DefaultBodyLimit, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use tower_http::limit::RequestBodyLimitLayer;

pub fn export_router() -> Router<AppState> {
    Router::new().route("/staff/export", get(export))
}

/// Imports carry a whole residence: they have a larger body limit than other requests (axum's
/// own default of 2 MB included).
pub fn import_router(limit: usize) -> Router<AppState> {
    Router::new().route("/staff/import", post(import)).layer(DefaultBodyLimit::max(limit)).layer(RequestBodyLimitLayer::new(limit))
}

async fn export(State(state): State<AppState>, _: Admin) -> Result<Json<Export<AsStored>>, ApiError> {
    Ok(Json(transfer::export(&state.pool).await?))
}

async fn import(State(state): State<AppState>, Admin(admin): Admin, JsonBody(raw): JsonBody<Export<AsRead>>) -> Result<Json<Imported>, ApiError> {
    let export = transfer::check(raw)?;
    let imported = transfer::import(&state.pool, &state.data_dir, &export, Some(&admin.user)).await?;
    state.live.refresh().await;
    Ok(Json(imported))
}
