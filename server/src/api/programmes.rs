//! `GET /api/v1/programmes?from=&to=`: prevention programmes with a session in the range (default:
//! the thirteen weeks from the current one, since programmes are announced a season ahead), and
//! `GET /api/v1/programmes/{id}` for one programme with all its sessions.

use axum::extract::{Path, State};
use axum::Json;
use plantzette_content::{Item, Listing, Programme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ErrorBody};
use crate::http::query::{Params, RangeParams};
use crate::published::{current_week, programmes_ahead_of};
use crate::{store, AppState};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(show))
}

/// The prevention programmes with sessions in a range of days (by default, the coming months).
#[utoipa::path(get, operation_id = "listProgrammes", path = "/programmes", tag = "programmes", params(RangeParams), responses(
    (status = 200, body = Listing<Item<Programme>>), (status = 304, description = "Unchanged"), (status = 400, body = ErrorBody)
))]
async fn list(State(state): State<AppState>, Params(params): Params<RangeParams>) -> Result<Json<Listing<Item<Programme>>>, ApiError> {
    let range = params.range_or(programmes_ahead_of(current_week().from))?;
    Ok(Json(Listing { range, items: store::list(&state.pool, Some(range)).await? }))
}

/// One programme, with all its sessions.
#[utoipa::path(get, operation_id = "getProgramme", path = "/programmes/{id}", tag = "programmes", params(("id" = i64, Path)), responses(
    (status = 200, body = Item<Programme>), (status = 304, description = "Unchanged"), (status = 404, body = ErrorBody)
))]
async fn show(State(state): State<AppState>, Path(id): Path<String>) -> Result<Json<Item<Programme>>, ApiError> {
    let id = id.parse().map_err(|_| ApiError::NotFound("programme"))?;
    Ok(Json(store::get(&state.pool, id).await?))
}
