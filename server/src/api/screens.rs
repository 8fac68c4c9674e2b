//! The residence's screens. A kiosk introduces itself with `POST /api/v1/screen`: adopted, it
//! learns who it is and its settings; otherwise it gets a pairing code to show (and, the first
//! time, its credential as a cookie). An adopted screen reports to `POST /api/v1/screen/report`.
//! Staff list the screens at `GET /api/v1/staff/screens`; administrators adopt one by its code
//! (`POST`), set it up (`PUT …/{id}`, quoting its setup's version in `If-Match`, as content) and
//! revoke it (`DELETE …/{id}`). `GET /api/v1/screens/{id}/awake` tells the lobby PC whether its
//! display should be on.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use axum_extra::extract::cookie::CookieJar;
use plantzette_content::schedule::residence_now;
use plantzette_content::screen::{Adoption, DayHours, Pairing, ScreenAnswer, ScreenReport, ScreenSetup, Screens, ThisScreen};
use plantzette_content::Valid;
use serde::Serialize;

use super::staff::private;
use crate::auth::screen::{new_credential, renewed, ScreenToken};
use crate::auth::{Admin, Staff};
use crate::client::{network_of, ClientAddress};
use crate::error::ApiError;
use crate::http::body::{IfMatch, JsonBody};
use crate::screens::{self, Known};
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/screen", post(introduce))
        .route("/screen/report", post(report))
        .route("/screens/{id}/awake", get(awake))
        .route("/staff/screens", get(list).post(adopt))
        .route("/staff/screens/{id}", put(set_up).delete(revoke))
        .layer(private())
}

const NOT_A_SCREEN: ApiError = ApiError::Unauthorized("this is not an adopted screen: show a pairing code");

async fn known(state: &AppState, token: &ScreenToken) -> Result<Option<Known>, ApiError> {
    match token.digest() {
        Some(digest) => Ok(screens::by_token(&state.pool, &digest).await?),
        None => Ok(None),
    }
}

/// Who this screen is: adopted, with its settings; or waiting, with its code (a new one, and its
/// credential, for a browser the server does not know, or no longer: a revoked screen).
async fn introduce(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    token: ScreenToken,
    jar: CookieJar,
) -> Result<(CookieJar, Json<ScreenAnswer>), ApiError> {
    let answer = |known| match known {
        Known::Adopted { id, name, settings } => {
            ScreenAnswer::Adopted(ThisScreen { id, name, settings, report_every_seconds: state.screens.report_every().as_secs() as u32 })
        }
        Known::Waiting { code } => ScreenAnswer::Waiting(Pairing { code }),
    };
    if let Some(known) = known(&state, &token).await? {
        return Ok((jar, Json(answer(known))));
    }
    let (cookie, digest) = new_credential(&state.auth);
    let code = screens::wait_for_adoption(&state.pool, &digest, network_of(address)).await?.ok_or(ApiError::Busy { retry_after_secs: 600 })?;
    Ok((jar.add(cookie), Json(ScreenAnswer::Waiting(Pairing { code }))))
}

async fn report(
    State(state): State<AppState>,
    token: ScreenToken,
    jar: CookieJar,
    JsonBody(report): JsonBody<ScreenReport>,
) -> Result<(CookieJar, StatusCode), ApiError> {
    let Some(Known::Adopted { id, .. }) = known(&state, &token).await? else { return Err(NOT_A_SCREEN) };
    screens::report(&state.pool, id, report.bounded()).await?;
    let jar = match renewed(&state.auth, &token) {
        Some(cookie) => jar.add(cookie),
        None => jar,
    };
    Ok((jar, StatusCode::NO_CONTENT))
}

/// Whether screen `id` is within its day hours now, by the hours set in the editor: the lobby
/// PC's launcher asks, to switch its display off outside them (`deploy/kiosk/plantzette-kiosk`).
/// The same rule as the kiosk's night clock, from the same setting. Public: a screen's hours
/// say when a lobby is lit, nothing more.
async fn awake(State(state): State<AppState>, Path(id): Path<i64>) -> Result<Json<Awake>, ApiError> {
    let hours = screens::hours(&state.pool, id).await?.ok_or(ApiError::NotFound("screen"))?;
    Ok(Json(Awake { hours, awake: hours.contain(residence_now().time()) }))
}

#[derive(Serialize)]
struct Awake {
    hours: DayHours,
    awake: bool,
}

async fn list(State(state): State<AppState>, _: Staff) -> Result<Json<Screens>, ApiError> {
    let screens = screens::list(&state.pool, state.screens.silence, state.live.current(), state.site.build().as_deref()).await?;
    Ok(Json(Screens { screens, alarm: state.screens.alarm() }))
}

async fn adopt(State(state): State<AppState>, Admin(admin): Admin, JsonBody(adoption): JsonBody<Adoption>) -> Result<StatusCode, ApiError> {
    screens::adopt(&state.pool, &state.screens, &admin.user, Valid::checked(adoption, ())?).await?;
    Ok(StatusCode::CREATED)
}

async fn set_up(
    State(state): State<AppState>,
    Admin(admin): Admin,
    Path(id): Path<i64>,
    IfMatch(version): IfMatch,
    JsonBody(setup): JsonBody<ScreenSetup>,
) -> Result<StatusCode, ApiError> {
    screens::set_up(&state.pool, &state.screens, &admin.user, id, version, Valid::checked(setup, ())?).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn revoke(State(state): State<AppState>, Admin(admin): Admin, Path(id): Path<i64>) -> Result<StatusCode, ApiError> {
    screens::revoke(&state.pool, &state.screens, &admin.user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
