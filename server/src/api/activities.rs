//! `GET /api/v1/activities?from=&to=`: the occurrences of activities in a range of days (default:
//! the current week), recurrences expanded; `GET /api/v1/activities/{id}`: one activity as planned.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use plantzette_content::activity::occurrences_in;
use plantzette_content::{Activity, DateRange, Item, Listing, Occurrence};
use sqlx::SqlitePool;

use super::query::{current_week, Params, RangeParams};
use crate::error::ApiError;
use crate::{store, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/activities", get(list)).route("/activities/{id}", get(show))
}

async fn list(State(state): State<AppState>, Params(params): Params<RangeParams>) -> Result<Json<Listing<Occurrence>>, ApiError> {
    let range = params.range_or(current_week())?;
    Ok(Json(Listing { range, items: occurrences(&state.pool, range).await? }))
}

async fn show(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<Item<Activity>>, ApiError> {
    let id = id.parse().map_err(|_| ApiError::NotFound("activity"))?;
    Ok(Json(store::get(&state.pool, id).await?))
}

pub async fn occurrences(pool: &SqlitePool, range: DateRange) -> Result<Vec<Occurrence>, ApiError> {
    let activities = store::list::<Activity>(pool, Some(range)).await?;
    Ok(occurrences_in(&activities, range))
}
