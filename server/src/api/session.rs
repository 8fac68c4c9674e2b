//! `POST /api/v1/session` logs in (a new session, its cookie, its CSRF token);
//! `GET /api/v1/session` says who is logged in (`null`: no one); `DELETE /api/v1/session` logs out.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use axum_extra::extract::cookie::CookieJar;
use plantzette_content::staff::{Credentials, SessionInfo};

use crate::auth::{session, users, Staff};
use crate::client::ClientAddress;
use crate::error::ApiError;
use crate::http::body::JsonBody;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/session", post(log_in).get(current).delete(log_out))
}

/// The attempt is recorded before the password is checked, so that a burst of logins is held
/// to the throttle's limits; a refused or wrong login gets the same answer whether the account
/// exists or not. Logins are logged escaped (`?`): a login is whatever was typed.
async fn log_in(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    jar: CookieJar,
    JsonBody(credentials): JsonBody<Credentials>,
) -> Result<(CookieJar, Json<SessionInfo>), ApiError> {
    let attempt = state.auth.logins.begin(address, &credentials.login).map_err(|wait| {
        tracing::warn!(%address, login = ?credentials.login, "login held back");
        ApiError::TooManyAttempts { retry_after_secs: wait.as_secs().max(1) }
    })?;
    let checked = users::authenticate(&state.pool, &state.auth.hasher, &credentials.login, credentials.password).await;
    let user = match checked {
        Ok(Some(user)) => user,
        Ok(None) => {
            tracing::warn!(%address, login = ?credentials.login, "failed login");
            return Err(ApiError::Unauthorized("wrong login or password"));
        }
        Err(error) => {
            attempt.forget();
            return Err(error.into());
        }
    };
    attempt.forget();
    tracing::info!(login = ?user.login, "logged in");
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
