//! `GET /api/v1/activities?from=&to=`: the occurrences of activities in a range of days (default:
//! the current week), recurrences expanded; `GET /api/v1/activities/{id}`: one activity as planned.

use axum::extract::{Path, State};
use axum::Json;
use plantzette_content::{Activity, Item, Listing, Occurrence};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ErrorBody};
use crate::http::query::{Params, RangeParams};
use crate::published::{self, current_week};
use crate::{store, AppState};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(show))
}

/// The activities' occurrences over a range of days (by default, this week).
#[utoipa::path(get, operation_id = "listActivities", path = "/activities", tag = "activities", params(RangeParams), responses(
    (status = 200, body = Listing<Occurrence>), (status = 304, description = "Unchanged"), (status = 400, body = ErrorBody)
))]
async fn list(State(state): State<AppState>, Params(params): Params<RangeParams>) -> Result<Json<Listing<Occurrence>>, ApiError> {
    let range = params.range_or(current_week())?;
    Ok(Json(Listing { range, items: published::occurrences(&state.pool, range).await? }))
}

/// One activity, with its recurrence.
#[utoipa::path(get, operation_id = "getActivity", path = "/activities/{id}", tag = "activities", params(("id" = i64, Path)), responses(
    (status = 200, body = Item<Activity>), (status = 304, description = "Unchanged"), (status = 404, body = ErrorBody)
))]
async fn show(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<Item<Activity>>, ApiError> {
    let id = id.parse().map_err(|_| ApiError::NotFound("activity"))?;
    Ok(Json(store::get(&state.pool, id).await?))
}
