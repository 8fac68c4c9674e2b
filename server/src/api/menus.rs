//! `GET /api/v1/menus?from=&to=`: the menu of each day in a range (default: the current week).

use axum::extract::State;
use axum::Json;
use plantzette_content::{DayMenu, Item, Listing};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ErrorBody};
use crate::http::query::{Params, RangeParams};
use crate::published::current_week;
use crate::{store, AppState};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list))
}

/// The menus over a range of days (by default, this week), with allergens and origins.
#[utoipa::path(get, operation_id = "listMenus", path = "/menus", tag = "menus", params(RangeParams), responses(
    (status = 200, body = Listing<Item<DayMenu>>), (status = 304, description = "Unchanged"), (status = 400, body = ErrorBody)
))]
async fn list(State(state): State<AppState>, Params(params): Params<RangeParams>) -> Result<Json<Listing<Item<DayMenu>>>, ApiError> {
    let range = params.range_or(current_week())?;
    Ok(Json(Listing { range, items: store::list(&state.pool, Some(range)).await? }))
}
