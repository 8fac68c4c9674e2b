//! `POST /language`: the language switch of every page, a plain form. The choice is remembered
//! in a cookie for a year (a preference, nothing personal), and the reader is sent back to the
//! page they were reading, now in that language.

use axum::extract::State;
use axum::http::header::LOCATION;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Form, Router};
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use plantzette_content::Lang;
use serde::Deserialize;

use super::LANGUAGE_COOKIE;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/language", post(choose))
}

#[derive(Deserialize)]
struct Choice {
    lang: String,
    /// The page to go back to: an address of this site only.
    #[serde(default)]
    next: String,
}

async fn choose(State(state): State<AppState>, jar: CookieJar, Form(choice): Form<Choice>) -> Response {
    let Some(lang) = Lang::from_code(&choice.lang) else {
        return (StatusCode::BAD_REQUEST, "lang: fr, de or en").into_response();
    };
    let cookie = Cookie::build((LANGUAGE_COOKIE, lang.code()))
        .path("/")
        .max_age(time::Duration::days(365))
        .http_only(true)
        .secure(state.auth.https)
        .same_site(SameSite::Lax)
        .build();
    (StatusCode::SEE_OTHER, jar.add(cookie), [(LOCATION, back_to(&choice.next))]).into_response()
}

/// `next` if it is a page of this site (`/menus?week=…`), else the home page: never another
/// site (`//elsewhere.example`, `https://…`).
fn back_to(next: &str) -> String {
    // Browsers drop tabs and line breaks from an address (`/\t/evil.example` is `//evil…`):
    // an address of ours has no control character nor space at all.
    let plain = !next.chars().any(|c| c.is_control() || c.is_whitespace());
    let own = plain && next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\");
    if own {
        next.to_string()
    } else {
        "/".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::back_to;

    #[test]
    fn the_switch_goes_back_to_a_page_of_this_site_only() {
        assert_eq!(back_to("/menus?week=2026-12-07"), "/menus?week=2026-12-07");
        for elsewhere in [
            "",
            "https://evil.example/",
            "//evil.example/",
            "/\\evil.example",
            "menus",
            "/a\r\nSet-Cookie: x=1",
            "/\t/evil.example",
            "/\n/evil.example",
            "/ /evil.example",
        ] {
            assert_eq!(back_to(elsewhere), "/", "{elsewhere:?}");
        }
    }
}
