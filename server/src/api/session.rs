//! `POST /api/v1/session` logs in (a new session, its cookie, its CSRF token);
//! `GET /api/v1/session` says who is logged in (`null`: no one); `DELETE /api/v1/session` logs out.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use axum_extra::extract::cookie::CookieJar;
use plantzette_content::staff::{Credentials, SessionInfo};

use super::body::JsonBody;
use crate::auth::{session, users, Staff};
use crate::error::ApiError;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/session", post(log_in).get(current).delete(log_out))
}

async fn log_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    jar: CookieJar,
    JsonBody(credentials): JsonBody<Credentials>,
) -> Result<(CookieJar, Json<SessionInfo>), ApiError> {
    let address = peer.ip();
    if let Some(retry_after_secs) = state.auth.addresses.wait_for(address) {
        return Err(ApiError::TooManyAttempts { retry_after_secs });
    }
    let Some(user) = users::authenticate(&state.pool, &credentials.login, credentials.password).await? else {
        state.auth.addresses.failed(address);
        tracing::warn!(%address, login = %credentials.login, "failed login");
        return Err(ApiError::Unauthorized("wrong login or password"));
    };
    tracing::info!(login = %user.login, "logged in");
    let (jar, info) = session::open(&state.pool, &state.auth, jar, user).await?;
    Ok((jar, Json(info)))
}

/// Who is logged in: `null` for no one (a session that ended included), so that the editor's
/// first question is not an error.
async fn current(staff: Result<Staff, ApiError>) -> Result<Json<Option<SessionInfo>>, ApiError> {
    match staff {
        Ok(staff) => Ok(Json(Some(staff.info()))),
        Err(ApiError::Unauthorized(_)) => Ok(Json(None)),
        Err(other) => Err(other),
    }
}

async fn log_out(State(state): State<AppState>, jar: CookieJar, staff: Staff) -> Result<(CookieJar, StatusCode), ApiError> {
    Ok((session::close(&state.pool, &state.auth, jar, staff).await?, StatusCode::NO_CONTENT))
}
