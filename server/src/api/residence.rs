//! `GET /api/v1/residence`: the residence's details, visiting hours and visits status.

use axum::extract::State;
use axum::Json;
use plantzette_content::{Item, Residence};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ErrorBody};
use crate::{published, AppState};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(show))
}

/// The residence: its address, reception, visiting hours and whether visits are open.
#[utoipa::path(get, operation_id = "getResidence", path = "/residence", tag = "residence", responses(
    (status = 200, body = Item<Residence>), (status = 304, description = "Unchanged since the ETag quoted in If-None-Match"),
    (status = 503, body = ErrorBody, description = "A new install whose residence is not set up yet")
))]
async fn show(State(state): State<AppState>) -> Result<Json<Item<Residence>>, ApiError> {
    Ok(Json(published::residence(&state.pool).await?))
}
