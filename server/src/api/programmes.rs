//! `GET /api/v1/programmes?from=&to=`: prevention programmes with a session in the range (default:
//! the thirteen weeks from the current one, since programmes are announced a season ahead), and
//! `GET /api/v1/programmes/{id}` for one programme with all its sessions.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use chrono::{Duration, NaiveDate};
use plantzette_content::{DateRange, Item, Listing, Programme};

use super::query::{current_week, Params, RangeParams};
use crate::error::ApiError;
use crate::{store, AppState};

/// How far ahead the programme list looks by default.
const DEFAULT_WEEKS: i64 = 13;

pub fn router() -> Router<AppState> {
    Router::new().route("/programmes", get(list)).route("/programmes/{id}", get(show))
}

/// The days from `from` that the programme list looks ahead to.
pub fn ahead_of(from: NaiveDate) -> DateRange {
    DateRange { from, to: from + Duration::weeks(DEFAULT_WEEKS) - Duration::days(1) }
}

async fn list(State(state): State<AppState>, Params(params): Params<RangeParams>) -> Result<Json<Listing<Item<Programme>>>, ApiError> {
    let range = params.range_or(ahead_of(current_week().from))?;
    Ok(Json(Listing { range, items: store::list(&state.pool, Some(range)).await? }))
}

async fn show(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<Item<Programme>>, ApiError> {
    let id = id.parse().map_err(|_| ApiError::NotFound("programme"))?;
    Ok(Json(store::get(&state.pool, id).await?))
}
