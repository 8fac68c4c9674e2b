//! `GET /api/v1/residence`: the residence's details, visiting hours and visits status.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use plantzette_content::{Item, Residence};
use sqlx::SqlitePool;

use crate::error::ApiError;
use crate::{store, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/residence", get(show))
}

async fn show(State(state): State<AppState>) -> Result<Json<Item<Residence>>, ApiError> {
    Ok(Json(load(&state.pool).await?))
}

/// The one residence of this database.
pub async fn load(pool: &SqlitePool) -> Result<Item<Residence>, ApiError> {
    store::list::<Residence>(pool, None).await?.into_iter().next().ok_or(ApiError::NotFound("residence"))
}
