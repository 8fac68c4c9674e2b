//! Short-stay beds (`plantzette_content::short_stay`). Public: `GET /api/v1/short-stays`, the
//! partners' feed (who offers the beds, free beds by day and free periods by bed, never a
//! person), `GET /api/v1/short-stay-requests` what the request form says of the data kept, and
//! `POST` the same address, a request for a stay (bounded per address
//! and day; a robot that filled in the hidden field is refused). Staff: the calendar, its beds,
//! their days and the extra beds opened, and the requests with their status.

use axum::extract::{Path, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use chrono::Utc;
use plantzette_content::schedule::residence_now;
use plantzette_content::short_stay::{Bed, Calendar, DaysChange, ExtraBeds, Feed, RequestEntry, RequestStatus, RequestTerms, StayRequest};
use plantzette_content::Valid;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Staff;
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorBody};
use crate::http::body::JsonBody;
use crate::short_stays;
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(feed)).routes(routes!(terms, request))
}

/// `GET /api/v1/staff/short-stays` the calendar; `POST …/beds` lists a bed, `PUT` / `DELETE
/// …/beds/{id}` renames or removes it, `PUT …/beds/{id}/days` sets a range of its days;
/// `POST …/extra-beds` opens extra beds for a period, `DELETE …/extra-beds/{id}` closes them;
/// `GET /api/v1/staff/short-stay-requests` the requests (audited), `PUT …/{id}/status` moves one.
pub fn staff_router() -> Router<AppState> {
    Router::new()
        .route("/staff/short-stays", get(calendar))
        .route("/staff/short-stays/beds", post(add_bed))
        .route("/staff/short-stays/beds/{id}", put(update_bed).delete(remove_bed))
        .route("/staff/short-stays/beds/{id}/days", put(set_days))
        .route("/staff/short-stays/extra-beds", post(open_extra))
        .route("/staff/short-stays/extra-beds/{id}", axum::routing::delete(close_extra))
        .route("/staff/short-stay-requests", get(requests))
        .route("/staff/short-stay-requests/{id}/status", put(set_status))
}

/// The short-stay beds for partners: who offers them, free beds by day over eight weeks, free
/// periods by bed, extra beds opened; never a person. Cached a minute; ask with the ETag.
#[utoipa::path(get, operation_id = "getShortStays", path = "/short-stays", tag = "short stays", responses(
    (status = 200, body = Feed), (status = 304, description = "Unchanged since the ETag quoted in If-None-Match")
))]
async fn feed(State(state): State<AppState>) -> Result<impl IntoResponse, ApiError> {
    // Any cache may keep it, but asks again each time (a 304 while nothing changed): the pages
    // and kiosks showing it follow each change of the calendar at once.
    Ok(([(CACHE_CONTROL, "public, no-cache")], Json(short_stays::load_feed(&state).await?)))
}

/// What the request form tells the person before they send it: how long their data is kept.
#[utoipa::path(get, operation_id = "getShortStayRequestTerms", path = "/short-stay-requests", tag = "short stays", responses(
    (status = 200, body = RequestTerms)
))]
async fn terms(State(state): State<AppState>) -> impl IntoResponse {
    ([(CACHE_CONTROL, "no-cache")], Json(RequestTerms { kept_days: state.kept_days.stay_requests }))
}

/// A request's acknowledgement: its number, to quote on the phone.
#[derive(Serialize, ToSchema)]
struct Received {
    reference: i64,
}

/// Asks for a short stay; the CMS calls back. Nothing about health is asked.
#[utoipa::path(post, operation_id = "requestShortStay", path = "/short-stay-requests", tag = "short stays", request_body = StayRequest, responses(
    (status = 201, body = Received), (status = 400, body = ErrorBody),
    (status = 422, body = ErrorBody, description = "The form's errors, field by field"), (status = 429, body = ErrorBody),
    (status = 415, body = ErrorBody, description = "Not sent as JSON (`Content-Type: application/json`)")
))]
async fn request(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    JsonBody(form): JsonBody<StayRequest>,
) -> Result<impl IntoResponse, ApiError> {
    let form = Valid::checked(form, residence_now().date())?;
    let reference = short_stays::take_request(&state, address, &form).await?;
    Ok((StatusCode::CREATED, [(CACHE_CONTROL, "no-store")], Json(Received { reference })))
}

async fn calendar(State(state): State<AppState>, _: Staff) -> Result<Json<Calendar>, ApiError> {
    Ok(Json(short_stays::calendar(&state.pool, residence_now().date()).await?))
}

#[derive(Serialize)]
struct Created {
    id: i64,
}

async fn add_bed(State(state): State<AppState>, staff: Staff, JsonBody(bed): JsonBody<Bed>) -> Result<impl IntoResponse, ApiError> {
    let bed = Valid::checked(bed, ())?;
    let id = short_stays::add_bed(&state.pool, &bed, &staff.user).await?;
    state.live.refresh().await;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

async fn update_bed(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>, JsonBody(bed): JsonBody<Bed>) -> Result<StatusCode, ApiError> {
    let bed = Valid::checked(bed, ())?;
    found(short_stays::update_bed(&state.pool, id, &bed, &staff.user).await?, "bed")?;
    state.live.refresh().await;
    Ok(StatusCode::NO_CONTENT)
}

async fn remove_bed(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> Result<StatusCode, ApiError> {
    found(short_stays::remove_bed(&state.pool, id, &staff.user).await?, "bed")?;
    state.live.refresh().await;
    Ok(StatusCode::NO_CONTENT)
}

async fn set_days(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(change): JsonBody<DaysChange>,
) -> Result<StatusCode, ApiError> {
    let change = Valid::checked(change, residence_now().date())?;
    found(short_stays::set_days(&state.pool, id, &change, &staff.user).await?, "bed")?;
    state.live.refresh().await;
    Ok(StatusCode::NO_CONTENT)
}

async fn open_extra(State(state): State<AppState>, staff: Staff, JsonBody(extra): JsonBody<ExtraBeds>) -> Result<impl IntoResponse, ApiError> {
    let extra = Valid::checked(extra, residence_now().date())?;
    let id = short_stays::open_extra(&state.pool, &extra, &staff.user).await?;
    state.live.refresh().await;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

async fn close_extra(State(state): State<AppState>, staff: Staff, Path(id): Path<i64>) -> Result<StatusCode, ApiError> {
    found(short_stays::close_extra(&state.pool, id, &staff.user).await?, "extra beds")?;
    state.live.refresh().await;
    Ok(StatusCode::NO_CONTENT)
}

async fn requests(State(state): State<AppState>, staff: Staff) -> Result<Json<Vec<RequestEntry>>, ApiError> {
    Ok(Json(short_stays::requests(&state.pool, &staff.user).await?))
}

#[derive(Deserialize)]
struct StatusBody {
    status: RequestStatus,
}

async fn set_status(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<StatusBody>,
) -> Result<StatusCode, ApiError> {
    found(short_stays::set_request_status(&state.pool, id, body.status, Utc::now(), &staff.user).await?, "short-stay request")?;
    Ok(StatusCode::NO_CONTENT)
}

fn found(done: bool, what: &'static str) -> Result<(), ApiError> {
    done.then_some(()).ok_or(ApiError::NotFound(what))
}
