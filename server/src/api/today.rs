//! `GET /api/v1/today?date=`: everything a today page shows, in one request. The app may name the
//! day it considers today (its clock, in residence time); the server's day is the default.

use axum::extract::State;
use axum::Json;
use plantzette_content::Today;
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use plantzette_content::schedule::residence_now;

use crate::error::{ApiError, ErrorBody};
use crate::http::query::{parse_date, Params};
use crate::{published, AppState};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(show))
}

#[derive(Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct TodayParams {
    /// The day the screen considers today (YYYY-MM-DD); the residence's by default.
    #[param(pattern = r"^(\d{4}-\d{2}-\d{2})?$")]
    date: Option<String>,
}

/// Everything a today page shows, in one answer.
#[utoipa::path(get, operation_id = "getToday", path = "/today", tag = "today", params(TodayParams), responses(
    (status = 200, body = Today), (status = 304, description = "Unchanged"), (status = 400, body = ErrorBody)
))]
async fn show(State(state): State<AppState>, Params(params): Params<TodayParams>) -> Result<Json<Today>, ApiError> {
    let date = match params.date {
        Some(text) => parse_date("date", &text)?,
        None => residence_now().date(),
    };
    Ok(Json(published::today(&state.pool, date).await?))
}
