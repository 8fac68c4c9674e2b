//! `POST /api/v1/staff/alarm` raises the alarm on every screen and family page, and
//! `DELETE /api/v1/staff/alarm` ends it; any staff member may (the alarm cannot wait for an
//! administrator). Screens hear it on the event stream (`alarm`), which names it again at each
//! connection, so that a screen back from a break shows it at once.
//!
//! `GET /api/v1/alarm` is the alarm on (or `null`), for a screen without a stream (refused
//! beyond its address's share, or broken): it asks each time it polls for content. Never kept
//! by any cache, the server's read cache and the service worker included.

use axum::extract::State;
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderName, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use plantzette_content::screen::{Alarm, NewAlarm};
use plantzette_content::Valid;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Staff;
use crate::error::ApiError;
use crate::http::body::JsonBody;
use crate::screens;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/alarm", post(raise).delete(end))
}

pub fn public_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(show))
}

/// The alarm on (or `null`), for a screen without a live stream, which asks every 10 s.
#[utoipa::path(get, operation_id = "getAlarm", path = "/alarm", tag = "live", responses((status = 200, body = Option<Alarm>)))]
async fn show(State(state): State<AppState>) -> ([(HeaderName, &'static str); 1], Json<Option<Alarm>>) {
    ([(CACHE_CONTROL, "no-store")], Json(state.screens.alarm()))
}

async fn raise(State(state): State<AppState>, staff: Staff, JsonBody(alarm): JsonBody<NewAlarm>) -> Result<(StatusCode, Json<Alarm>), ApiError> {
    let raised = screens::raise_alarm(&state.pool, &state.screens, &staff.user, Valid::checked(alarm, ())?).await?;
    Ok((StatusCode::CREATED, Json(raised.ok_or(ApiError::Conflict("an alarm is on already: end it first"))?)))
}

async fn end(State(state): State<AppState>, staff: Staff) -> Result<StatusCode, ApiError> {
    match screens::end_alarm(&state.pool, &state.screens, &staff.user).await? {
        true => Ok(StatusCode::NO_CONTENT),
        false => Err(ApiError::NotFound("alarm on")),
    }
}
