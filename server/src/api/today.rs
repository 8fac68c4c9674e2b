//! `GET /api/v1/today?date=`: everything a today page shows, in one request. The app may name the
//! day it considers today (its clock, in residence time); the server's day is the default.

use axum::extract::State;
use axum::Json;
use chrono::NaiveDate;
use plantzette_content::{DateRange, DayMenu, Programme, Today, UpcomingSession};
use serde::Deserialize;
use sqlx::SqlitePool;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use plantzette_content::schedule::residence_now;

use super::query::{parse_date, Params};
use super::{activities, announcements, programmes, residence};
use crate::error::{ApiError, ErrorBody};
use crate::{store, AppState};

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
    Ok(Json(load(&state.pool, date).await?))
}

/// Everything a today page shows of `date` (the families' pages head each page with its notices).
pub async fn load(pool: &SqlitePool, date: NaiveDate) -> Result<Today, ApiError> {
    let now = residence_now();
    // Another day than the server's today is looked at from its start.
    let moment = if date == now.date() { now } else { date.and_hms_opt(0, 0, 0).expect("midnight exists") };
    let day = DateRange::day(date);
    let upcoming = store::list::<Programme>(pool, Some(programmes::ahead_of(date))).await?;
    Ok(Today {
        date,
        residence: residence::load(pool).await?.content,
        announcements: announcements::shown_in(pool, day).await?,
        activities: activities::occurrences(pool, day).await?,
        menu: store::list::<DayMenu>(pool, Some(day)).await?.into_iter().next(),
        next_session: UpcomingSession::first_after(&upcoming, moment),
    })
}
