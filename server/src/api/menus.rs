//! `GET /api/v1/menus?from=&to=`: the menu of each day in a range (default: the current week).

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use plantzette_content::{DayMenu, Item, Listing};

use super::query::{current_week, Params, RangeParams};
use crate::error::ApiError;
use crate::{store, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/menus", get(list))
}

async fn list(State(state): State<AppState>, Params(params): Params<RangeParams>) -> Result<Json<Listing<Item<DayMenu>>>, ApiError> {
    let range = params.range_or(current_week())?;
    Ok(Json(Listing { range, items: store::list(&state.pool, Some(range)).await? }))
}
