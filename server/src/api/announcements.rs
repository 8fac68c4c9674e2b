//! `GET /api/v1/announcements?from=&to=`: announcements shown at some time in the range (default:
//! the current week), most urgent first.

use axum::extract::State;
use axum::Json;
use plantzette_content::{Announcement, Item, Listing};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ErrorBody};
use crate::http::query::{Params, RangeParams};
use crate::published::{self, current_week};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list))
}

/// The announcements shown over a range of days (by default, this week).
#[utoipa::path(get, operation_id = "listAnnouncements", path = "/announcements", tag = "announcements", params(RangeParams), responses(
    (status = 200, body = Listing<Item<Announcement>>), (status = 304, description = "Unchanged"), (status = 400, body = ErrorBody)
))]
async fn list(State(state): State<AppState>, Params(params): Params<RangeParams>) -> Result<Json<Listing<Item<Announcement>>>, ApiError> {
    let range = params.range_or(current_week())?;
    Ok(Json(Listing { range, items: published::announcements_shown_in(&state.pool, range).await? }))
}
