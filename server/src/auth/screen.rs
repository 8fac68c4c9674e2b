//! A screen's credential: a random token in an HttpOnly, SameSite=Strict cookie that the
//! kiosk's browser keeps, and its SHA-256 in the `screens` table. It is not a staff session: it
//! lets a screen read its own settings and report, nothing else. Browsers keep a cookie 400
//! days at most, so every report sets it again.
//!
//! Unlike the staff session it is `Secure` only when the server is served over HTTPS: a lobby
//! PC may open the server at a plain `http://` address of the house network, where a browser
//! would drop a `Secure` cookie and the screen ask for a new code at each reconnection. What it
//! guards (reporting, reading a screen's settings, the photos for the home's screens) crosses
//! the house network then: `docs/kiosk.md` asks for HTTPS wherever the lobby can have it.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::cookie::{Cookie, CookieJar};

use super::{Auth, CookieName};
use crate::error::ApiError;
use crate::tokens::{digest, random_token};
use crate::AppState;

const KEPT_FOR_DAYS: i64 = 400;

const SCREEN_COOKIE: CookieName = CookieName { plain: "plantzette-screen", host_only: "__Host-plantzette-screen" };

/// The credential this request carries, if any.
pub struct ScreenToken(Option<String>);

impl ScreenToken {
    /// Its digest, as the `screens` table knows it.
    pub fn digest(&self) -> Option<String> {
        self.0.as_deref().map(digest)
    }
}

impl FromRequestParts<AppState> for ScreenToken {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let jar = CookieJar::from_headers(&parts.headers);
        Ok(ScreenToken(jar.get(state.auth.cookie_name(&SCREEN_COOKIE)).map(|cookie| cookie.value().to_string())))
    }
}

/// A new credential: the cookie to set, and the digest to store.
pub fn new_credential(auth: &Auth) -> (Cookie<'static>, String) {
    let token = random_token();
    let digest = digest(&token);
    (cookie(auth, token), digest)
}

/// The cookie for `token` again, for another 400 days.
pub fn renewed(auth: &Auth, token: &ScreenToken) -> Option<Cookie<'static>> {
    token.0.clone().map(|token| cookie(auth, token))
}

fn cookie(auth: &Auth, token: String) -> Cookie<'static> {
    let mut cookie = auth.cookie(&SCREEN_COOKIE, token);
    cookie.set_secure(auth.https);
    cookie.set_max_age(time::Duration::days(KEPT_FOR_DAYS));
    cookie
}
