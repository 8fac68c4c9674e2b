//! `GET /api/v1/announcements?from=&to=`: announcements shown at some time in the range (default:
//! the current week), most urgent first.

use axum::extract::State;
use axum::Json;
use plantzette_content::{Announcement, DateRange, Item, Listing};
use sqlx::SqlitePool;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::query::{current_week, Params, RangeParams};
use crate::error::{ApiError, ErrorBody};
use crate::{store, AppState};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list))
}

/// The announcements shown over a range of days (by default, this week).
#[utoipa::path(get, operation_id = "listAnnouncements", path = "/announcements", tag = "announcements", params(RangeParams), responses(
    (status = 200, body = Listing<Item<Announcement>>), (status = 304, description = "Unchanged"), (status = 400, body = ErrorBody)
))]
async fn list(State(state): State<AppState>, Params(params): Params<RangeParams>) -> Result<Json<Listing<Item<Announcement>>>, ApiError> {
    let range = params.range_or(current_week())?;
    Ok(Json(Listing { range, items: shown_in(&state.pool, range).await? }))
}

pub async fn shown_in(pool: &SqlitePool, range: DateRange) -> Result<Vec<Item<Announcement>>, ApiError> {
    let mut announcements = store::list::<Announcement>(pool, Some(range)).await?;
    announcements.sort_by(|a, b| b.content.priority.cmp(&a.content.priority).then(a.content.shown_from.cmp(&b.content.shown_from)));
    Ok(announcements)
}
