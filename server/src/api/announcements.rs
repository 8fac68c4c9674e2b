//! `GET /api/v1/announcements?from=&to=`: announcements shown at some time in the range (default:
//! the current week), most urgent first.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use plantzette_content::{Announcement, DateRange, Item, Listing};
use sqlx::SqlitePool;

use super::query::{current_week, Params, RangeParams};
use crate::error::ApiError;
use crate::{store, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/announcements", get(list))
}

async fn list(State(state): State<AppState>, Params(params): Params<RangeParams>) -> Result<Json<Listing<Item<Announcement>>>, ApiError> {
    let range = params.range_or(current_week())?;
    Ok(Json(Listing { range, items: shown_in(&state.pool, range).await? }))
}

pub async fn shown_in(pool: &SqlitePool, range: DateRange) -> Result<Vec<Item<Announcement>>, ApiError> {
    let mut announcements = store::list::<Announcement>(pool, Some(range)).await?;
    announcements.sort_by(|a, b| b.content.priority.cmp(&a.content.priority).then(a.content.shown_from.cmp(&b.content.shown_from)));
    Ok(announcements)
}
