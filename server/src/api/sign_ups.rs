//! Signing up for an event (`plantzette_content::sign_up`), by its key:
//! `GET /api/v1/sign-ups/{event}` gives its public figures (counts, never names), `POST`
//! the same address signs someone up (201; a contact signed up already is answered as a newcomer),
//! and the person's private link is `GET` / `DELETE /api/v1/sign-up/{token}` (`?erase=true`
//! erases the personal data at once). A place is taken inside one write transaction
//! (`sign_ups::sign_up`). The form is bounded per address and per contact and day, and
//! answers a robot that filled in its hidden field with a refusal.

use axum::extract::{Path, Query, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use plantzette_content::schedule::residence_now;
use plantzette_content::sign_up::{Attendance, Availability, EventCounts, EventOff, MySignUp, ProgrammeFigures, SignUp, SignUpAnswer, Status};
use plantzette_content::{DateRange, Lang, Listing, Valid};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Staff;
use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorBody};
use crate::http::body::JsonBody;
use crate::http::query::{Params, RangeParams};
use crate::qr;
use crate::sign_ups::{self, confirms, find_event, spreadsheet, Ticking};
use crate::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(availability, sign_up)).routes(routes!(mine, cancel)).routes(routes!(sign_up_qr))
}

/// Staff's side: `GET /api/v1/staff/sign-ups/{event}` lists everyone signed up (JSON, or
/// `?format=csv` for Excel), audited; `POST` the same address signs up someone who phoned or
/// came to the desk; `PUT /api/v1/staff/sign-up/{id}/attendance` ticks who came (a course's
/// enrolment: at the `session` given by its start), and
/// `…/{id}/status` moves someone (confirmed, waiting, cancelled);
/// `GET /api/v1/staff/sign-up-figures?from=&to=` gives each programme's figures, without
/// names (by default, this calendar year's); `GET /api/v1/staff/sign-ups-off`, the people
/// to call because their event is off and no e-mail told them (audited); `GET
/// /api/v1/staff/sign-up-counts`, every event to come in numbers (the week at a glance).
pub fn staff_router() -> Router<AppState> {
    Router::new()
        .route("/staff/sign-ups/{*event}", get(list).post(sign_up_for))
        .route("/staff/sign-up/{id}/attendance", put(attend))
        .route("/staff/sign-up/{id}/status", put(move_to))
        .route("/staff/sign-up-figures", get(figures))
        .route("/staff/sign-ups-off", get(events_off))
        .route("/staff/sign-up-counts", get(counts))
}

/// An event's places: counts, never names. `event` is the event's key, as
/// `programmes/3/2026-12-10T14:00` (a session) or `activities/5/2026-12-10` (an occurrence).
#[utoipa::path(get, operation_id = "getEventAvailability", path = "/sign-ups/{*event}", tag = "sign-ups", params(("event" = String, Path, description = "The event's key", example = "programmes/3/2026-12-10T14:00")), responses(
    (status = 200, body = Availability), (status = 404, body = ErrorBody)
))]
async fn availability(State(state): State<AppState>, Path(key): Path<String>) -> Result<impl IntoResponse, ApiError> {
    let event = find_event(&state, &key).await?;
    let figures: Availability = sign_ups::availability(&state.pool, &event, residence_now(), state.kept_days.sign_ups).await?;
    // Places change with every sign-up: asked again each time, never kept by a cache.
    Ok(([(CACHE_CONTROL, "no-cache")], Json(figures)))
}

/// The QR code of the event's sign-up page, which the lobby kiosk shows: a resident or a
/// visitor scans it and signs up on their own phone (nobody types personal data on the kiosk).
/// It points at the residence's public address (`PLANTZETTE_PUBLIC_URL`) when configured.
#[utoipa::path(get, operation_id = "getSignUpQrCode", path = "/qr/sign-ups/{*event}", tag = "sign-ups", params(("event" = String, Path, description = "The event's key", example = "programmes/3/2026-12-10T14:00")), responses(
    (status = 200, content_type = "image/svg+xml", body = String, description = "The QR code of `/sign-ups/{event}`"), (status = 404, body = ErrorBody)
))]
async fn sign_up_qr(State(state): State<AppState>, headers: HeaderMap, Path(key): Path<String>) -> Result<Response, ApiError> {
    let event = find_event(&state, &key).await?;
    let link = format!("{}/sign-ups/{}", state.auth.public_origin(&headers), event.key);
    let svg = qr::svg(&link).ok_or(ApiError::NotFound("QR code"))?;
    // The same event and address draw the same code: a day in the kiosk's cache.
    Ok(([(CONTENT_TYPE, "image/svg+xml"), (CACHE_CONTROL, "public, max-age=86400")], svg).into_response())
}

/// Signs someone up: 201 with where the sign-up stands and its private link's token. A contact
/// signed up already is answered alike, as a newcomer (`sign_ups/echo.rs`): its own link goes to
/// the person by e-mail.
#[utoipa::path(post, operation_id = "signUp", path = "/sign-ups/{*event}", tag = "sign-ups", params(("event" = String, Path, description = "The event's key")), request_body = SignUp, responses(
    (status = 201, body = SignUpAnswer),
    (status = 400, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody, description = "Full, closed or not open yet"),
    (status = 422, body = ErrorBody, description = "The form's errors, field by field"), (status = 429, body = ErrorBody),
    (status = 415, body = ErrorBody, description = "Not sent as JSON (`Content-Type: application/json`)")
))]
async fn sign_up(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    Path(key): Path<String>,
    JsonBody(form): JsonBody<SignUp>,
) -> Result<Response, ApiError> {
    let form = Valid::checked(form, confirms(&state))?;
    Ok(as_json(sign_ups::take(&state, address, &key, &form).await?))
}

/// A sign-up's answer as the API sends it: never kept by a cache.
fn as_json((status, answer): (StatusCode, SignUpAnswer)) -> Response {
    (status, [(CACHE_CONTROL, "no-store")], Json(answer)).into_response()
}

/// The sign-up behind a private link.
#[utoipa::path(get, operation_id = "getMySignUp", path = "/sign-up/{token}", tag = "sign-ups", params(("token" = String, Path)), responses(
    (status = 200, body = MySignUp), (status = 404, body = ErrorBody)
))]
async fn mine(State(state): State<AppState>, Path(token): Path<String>) -> Result<impl IntoResponse, ApiError> {
    Ok(([(CACHE_CONTROL, "no-store")], Json(sign_ups::mine(&state, &token).await?)))
}

#[derive(Deserialize)]
struct ListParams {
    format: Option<String>,
    /// The spreadsheet's words: staff's language (the editor's).
    lang: Option<String>,
}

async fn list(State(state): State<AppState>, staff: Staff, Path(key): Path<String>, Query(params): Query<ListParams>) -> Result<Response, ApiError> {
    let event = find_event(&state, &key).await?;
    let list = sign_ups::list(&state.pool, &state.outbox, &event, residence_now(), state.kept_days.sign_ups, &staff.user).await?;
    Ok(match params.format.as_deref() {
        Some("csv") => {
            let lang = params.lang.as_deref().and_then(Lang::from_code).unwrap_or_default();
            let file = format!("attachment; filename=\"{}-{}.csv\"", spreadsheet::file_name(lang), key.replace(['/', ':'], "-"));
            ([(CONTENT_TYPE, "text/csv; charset=utf-8".to_string()), (CONTENT_DISPOSITION, file)], spreadsheet::csv(&list, lang)).into_response()
        }
        _ => Json(list).into_response(),
    })
}

async fn sign_up_for(
    State(state): State<AppState>,
    staff: Staff,
    Path(key): Path<String>,
    JsonBody(form): JsonBody<SignUp>,
) -> Result<Response, ApiError> {
    let event = find_event(&state, &key).await?;
    let form = Valid::checked(form, confirms(&state))?;
    Ok(as_json(sign_ups::answered(&state, &event, &form, Some(&staff.user.name)).await?))
}

#[derive(Deserialize)]
struct AttendanceBody {
    attendance: Attendance,
    /// A course's enrolment: the session ticked, by its start.
    #[serde(default)]
    session: Option<NaiveDateTime>,
}

async fn attend(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<AttendanceBody>,
) -> Result<StatusCode, ApiError> {
    let now = residence_now();
    let ticked = match body.session {
        Some(session) => sign_ups::set_session_attendance(&state.pool, id, session, body.attendance, now, &staff.user).await?,
        None => sign_ups::set_attendance(&state.pool, id, body.attendance, now, &staff.user).await?,
    };
    match ticked {
        Ticking::Ticked => Ok(StatusCode::NO_CONTENT),
        Ticking::NoSuchSignUp => Err(ApiError::NotFound("confirmed sign-up")),
        Ticking::NotYet => Err(ApiError::Conflict("attendance is ticked from the day of the event")),
    }
}

async fn figures(State(state): State<AppState>, _: Staff, Params(params): Params<RangeParams>) -> Result<Json<Listing<ProgrammeFigures>>, ApiError> {
    let year = residence_now().date().year();
    let this_year = DateRange {
        from: NaiveDate::from_ymd_opt(year, 1, 1).expect("1 January is a date"),
        to: NaiveDate::from_ymd_opt(year, 12, 31).expect("31 December is a date"),
    };
    let range = params.range_or(this_year)?;
    Ok(Json(Listing { range, items: sign_ups::figures(&state.pool, range, residence_now()).await? }))
}

/// Every event to come with someone signed up: places taken, waiting, to phone. No name.
async fn counts(State(state): State<AppState>, _: Staff) -> Result<Json<Vec<EventCounts>>, ApiError> {
    Ok(Json(sign_ups::counts_ahead(&state.pool, &state.outbox, residence_now()).await?))
}

async fn events_off(State(state): State<AppState>, staff: Staff) -> Result<Json<Vec<EventOff>>, ApiError> {
    Ok(Json(sign_ups::to_call_for_events_off(&state.pool, &state.outbox, residence_now(), &staff.user).await?))
}

#[derive(Deserialize)]
struct StatusBody {
    status: Status,
}

async fn move_to(
    State(state): State<AppState>,
    staff: Staff,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<StatusBody>,
) -> Result<StatusCode, ApiError> {
    sign_ups::move_to(&state.pool, &state.outbox, id, body.status, &staff.user).await?.ok_or(ApiError::NotFound("sign-up"))?;
    state.live.refresh().await;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct CancelParams {
    /// Erase the personal data at once, not after the days kept.
    #[serde(default)]
    erase: bool,
}

/// Cancels the sign-up behind a private link; the first one waiting moves up.
#[utoipa::path(delete, operation_id = "cancelMySignUp", path = "/sign-up/{token}", tag = "sign-ups", params(("token" = String, Path), CancelParams), responses(
    (status = 204, description = "Cancelled"), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)
))]
async fn cancel(State(state): State<AppState>, Path(token): Path<String>, Query(params): Query<CancelParams>) -> Result<StatusCode, ApiError> {
    sign_ups::cancel_mine(&state, &token, params.erase).await?;
    Ok(StatusCode::NO_CONTENT)
}
