//! Sessions: a random token in an HttpOnly, Secure, SameSite=Strict cookie, its SHA-256 in the
//! database, and a CSRF token that every change must send back in `X-CSRF-Token`. A session ends
//! after a pause (`idle_expiry`) and, however busy, after its `lifetime`. Handlers take
//! `Staff` (any logged-in account) or `Admin` as an argument; the check happens there.

use axum::extract::FromRequestParts;
use axum::http::header::{HOST, ORIGIN};
use axum::http::request::Parts;
use axum::http::Method;
use axum_extra::extract::cookie::{Cookie, CookieJar};
use chrono::Utc;
use plantzette_content::staff::{Role, SessionInfo, StaffUser};
use sqlx::SqlitePool;

use super::users::user;
use super::{Auth, CookieName};
use crate::error::ApiError;
use crate::tokens::{digest, random_token};
use crate::AppState;

pub const CSRF_HEADER: &str = "x-csrf-token";

/// The logged-in staff member making this request.
pub struct Staff {
    pub user: StaffUser,
    token_hash: String,
    csrf_token: String,
}

/// A logged-in administrator.
pub struct Admin(pub Staff);

impl Staff {
    pub fn info(&self) -> SessionInfo {
        SessionInfo { user: self.user.clone(), csrf_token: self.csrf_token.clone() }
    }
}

const SESSION_COOKIE: CookieName = CookieName { plain: "plantzette-session", host_only: "__Host-plantzette-session" };

fn cookie_name(auth: &Auth) -> &'static str {
    auth.cookie_name(&SESSION_COOKIE)
}

/// The session cookie; without an expiry, so that it ends with the browser too.
fn cookie(auth: &Auth, value: String) -> Cookie<'static> {
    auth.cookie(&SESSION_COOKIE, value)
}

/// Starts a session for `user`, ending the one this browser had (a new id at each login).
pub async fn open(pool: &SqlitePool, auth: &Auth, jar: CookieJar, user: StaffUser) -> Result<(CookieJar, SessionInfo), ApiError> {
    if let Some(previous) = jar.get(cookie_name(auth)) {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?1").bind(digest(previous.value())).execute(pool).await?;
    }
    let (token, csrf_token) = (random_token(), random_token());
    let now = Utc::now().timestamp();
    sqlx::query("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?1, ?2, ?3, ?4, ?4)")
        .bind(digest(&token))
        .bind(user.id)
        .bind(&csrf_token)
        .bind(now)
        .execute(pool)
        .await?;
    Ok((jar.add(cookie(auth, token)), SessionInfo { user, csrf_token }))
}

/// Ends the session and tells the browser to forget its cookie.
pub async fn close(pool: &SqlitePool, auth: &Auth, jar: CookieJar, staff: Staff) -> Result<CookieJar, ApiError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = ?1").bind(&staff.token_hash).execute(pool).await?;
    Ok(jar.remove(cookie(auth, String::new())))
}

impl FromRequestParts<AppState> for Staff {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let jar = CookieJar::from_headers(&parts.headers);
        let token = jar.get(cookie_name(&state.auth)).ok_or(ApiError::Unauthorized("log in first"))?;
        let token_hash = digest(token.value());
        let row: Option<(i64, String, String, String, String, i64, i64)> = sqlx::query_as(
            "SELECT u.id, u.login, u.name, u.role, s.csrf_token, s.last_seen_at, s.created_at
             FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1",
        )
        .bind(&token_hash)
        .fetch_optional(&state.pool)
        .await?;
        let (id, login, name, role, csrf_token, last_seen_at, created_at) = row.ok_or(ApiError::Unauthorized("log in first"))?;
        let now = Utc::now().timestamp();
        let paused_too_long = now - last_seen_at > state.auth.idle_expiry.as_secs() as i64;
        if paused_too_long || now - created_at > state.auth.lifetime.as_secs() as i64 {
            sqlx::query("DELETE FROM sessions WHERE token_hash = ?1").bind(&token_hash).execute(&state.pool).await?;
            return Err(ApiError::Unauthorized("the session has ended: log in again"));
        }
        if !matches!(parts.method, Method::GET | Method::HEAD) {
            refuse_cross_site(parts, &csrf_token, state.auth.public_origin.as_deref())?;
        }
        sqlx::query("UPDATE sessions SET last_seen_at = ?1 WHERE token_hash = ?2").bind(now).bind(&token_hash).execute(&state.pool).await?;
        Ok(Staff { user: user((id, login, name, role))?, token_hash, csrf_token })
    }
}

/// A change must carry the session's CSRF token, and come from a page of this site.
fn refuse_cross_site(parts: &Parts, csrf_token: &str, public_origin: Option<&str>) -> Result<(), ApiError> {
    const REFUSED: ApiError = ApiError::Forbidden("cross-site request refused");
    let sent = parts.headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()).unwrap_or_default();
    // Compared through their digests, so that the time taken says nothing about the token.
    if digest(sent) != digest(csrf_token) {
        return Err(REFUSED);
    }
    if let Some(origin) = parts.headers.get(ORIGIN).and_then(|v| v.to_str().ok()) {
        let same_site = match public_origin {
            Some(public) => origin.eq_ignore_ascii_case(public),
            None => {
                let host = parts.headers.get(HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
                origin.split_once("://").map_or(origin, |(_, rest)| rest) == host
            }
        };
        if !same_site {
            return Err(REFUSED);
        }
    }
    Ok(())
}

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let staff = Staff::from_request_parts(parts, state).await?;
        if staff.user.role != Role::Admin {
            return Err(ApiError::Forbidden("only an administrator may do this"));
        }
        Ok(Admin(staff))
    }
}
