//! The families' pages, rendered here by the app's own components (`plantzette::pages::phone`):
//! each address reads what its page shows from the store, as the API's endpoint of the same name
//! does (`pages/menus.rs` beside `api/menus.rs`), and answers HTML with the content in it, in the
//! reader's language, tagged so that a page asked again unchanged is a 304. The forms post here
//! as plain HTML forms, and are answered with their page again.
//!
//! The reader's language: the one chosen on the site (a cookie, `/language`), else the browser's
//! first that we speak, else French.

mod activities;
mod info;
mod language;
mod menus;
mod photos;
mod posted;
mod programmes;
mod short_stay_requests;
mod sign_ups;
mod today;

use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, CACHE_CONTROL, CONTENT_LANGUAGE, CONTENT_TYPE, RETRY_AFTER, VARY};
use axum::http::request::Parts;
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{middleware, Router};
use axum_extra::extract::cookie::CookieJar;
use chrono::{Offset, TimeZone, Utc};
use plantzette::pages::phone::{self, Frame, Page};
use plantzette_content::schedule::{residence_now, RESIDENCE_TZ};
use plantzette_content::Lang;
use tower_http::compression::CompressionLayer;

use crate::error::{ApiError, NotSetUp};
use crate::http::etag;
use crate::published;
use crate::{site, AppState};

/// The cookie that keeps the language chosen on the site.
const LANGUAGE_COOKIE: &str = "plantzette_lang";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(today::show))
        .route("/announcements", get(today::announcements))
        .route("/activities", get(activities::week))
        .route("/activities/{id}/{date}", get(activities::occurrence))
        .route("/menus", get(menus::week))
        .route("/programmes", get(programmes::list))
        .route("/programmes/{id}", get(programmes::show))
        .route("/photos", get(photos::week))
        .route("/info", get(info::list))
        .route("/info/{topic}", get(info::show))
        .route("/sign-ups/{*event}", get(sign_ups::form).post(sign_ups::sign_up))
        .route("/sign-up/{token}", get(sign_ups::mine).post(sign_ups::cancel))
        .route("/registrations/{*event}", get(sign_ups::moved).post(sign_ups::moved))
        .route("/registration/{token}", get(sign_ups::moved).post(sign_ups::moved))
        .route("/short-stay-requests", get(short_stay_requests::form).post(short_stay_requests::request))
        .merge(language::router())
        // Compression inside, the tag outside: the tag is over the bytes sent.
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn(etag::etag))
}

/// Who reads: their language, the page's address (the language switch comes back to it), and
/// the site's origin as they reach it (the calendar feeds' and private links' addresses).
pub struct Reader {
    pub lang: Lang,
    pub address: String,
    pub origin: String,
}

impl FromRequestParts<AppState> for Reader {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let chosen = CookieJar::from_headers(&parts.headers).get(LANGUAGE_COOKIE).and_then(|cookie| Lang::from_code(cookie.value()));
        let browser = parts.headers.get(ACCEPT_LANGUAGE).and_then(|value| value.to_str().ok()).and_then(browser_language);
        let address = parts.uri.path_and_query().map_or("/".to_string(), |address| address.to_string());
        let origin = state.auth.public_origin(&parts.headers);
        Ok(Reader { lang: chosen.or(browser).unwrap_or_default(), address, origin })
    }
}

/// The first language of `Accept-Language` (`de-CH,de;q=0.9,fr;q=0.8`) that we speak, in the
/// browser's order of preference.
fn browser_language(header: &str) -> Option<Lang> {
    let mut offered: Vec<(f32, Lang)> = header
        .split(',')
        .filter_map(|entry| {
            let mut parts = entry.split(';');
            let lang = Lang::from_code(parts.next()?.trim())?;
            let quality = parts.find_map(|p| p.trim().strip_prefix("q=")).map_or(Some(1.0), |q| q.parse().ok())?;
            (quality > 0.0).then_some((quality, lang))
        })
        .collect();
    // Stable: equal qualities keep the browser's order.
    offered.sort_by(|a, b| b.0.total_cmp(&a.0));
    offered.first().map(|(_, lang)| *lang)
}

/// Answers `page` for `reader` with `status`: the whole document, in the reader's language.
/// `private`: a page of one person's (a sign-up): kept by no cache.
pub async fn answer(state: &AppState, reader: Reader, status: StatusCode, page: Page, private: bool) -> Result<Response, ApiError> {
    let now = residence_now();
    let today = published::today(&state.pool, now.date()).await?;
    let offset = RESIDENCE_TZ.offset_from_utc_datetime(&Utc::now().naive_utc()).fix().local_minus_utc() / 60;
    let frame = Frame {
        lang: reader.lang,
        now,
        address: reader.address,
        origin: reader.origin,
        today,
        alarm: state.screens.alarm(),
        version: state.live.current(),
        residence_offset_minutes: offset,
        assets: state.site.phone_assets(),
    };
    let html = phone::render(frame, page);
    let headers = [
        (CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")),
        (CONTENT_LANGUAGE, HeaderValue::from_static(reader.lang.code())),
        (VARY, HeaderValue::from_static("cookie, accept-language")),
        (CACHE_CONTROL, HeaderValue::from_static(if private { "no-store" } else { "no-cache" })),
    ];
    Ok((status, headers, html).into_response())
}

/// A page's answer, or the not-found page if what it shows is not there.
pub async fn or_not_found(state: &AppState, reader: Reader, page: Result<Page, ApiError>) -> Result<Response, ApiError> {
    match page {
        Ok(page) => answer(state, reader, StatusCode::OK, page, false).await,
        Err(ApiError::NotFound(_)) => answer(state, reader, StatusCode::NOT_FOUND, Page::NotFound, false).await,
        Err(error) => Err(error),
    }
}

/// Around the families' pages: while the residence is not set up (a new install), each says so
/// in the reader's language, as a page (503, to be asked again), not as the API's JSON.
pub async fn when_not_set_up(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let Ok(reader) = Reader::from_request_parts(&mut parts, &state).await;
    let response = next.run(Request::from_parts(parts, body)).await;
    if response.extensions().get::<NotSetUp>().is_none() {
        return response;
    }
    let html = phone::render_not_set_up(reader.lang, reader.address, state.site.phone_assets());
    let headers = [
        (CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")),
        (CONTENT_LANGUAGE, HeaderValue::from_static(reader.lang.code())),
        (CACHE_CONTROL, HeaderValue::from_static("no-store")),
        (RETRY_AFTER, HeaderValue::from_static("60")),
    ];
    (StatusCode::SERVICE_UNAVAILABLE, headers, html).into_response()
}

/// Around the built apps' files: an address that no page and no file answers gets the not-found
/// page if it is a page's (no file extension); a missing file stays a plain 404.
pub async fn page_when_missing(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let page = !site::has_file_extension(request.uri().path()) && request.method() == Method::GET;
    // No file has a name past 255 bytes: the file system's refusal would be a 500.
    let unnameable = request.uri().path().split('/').any(|segment| segment.len() > 255);
    let (mut parts, body) = request.into_parts();
    let Ok(reader) = Reader::from_request_parts(&mut parts, &state).await;
    let response = if unnameable { StatusCode::NOT_FOUND.into_response() } else { next.run(Request::from_parts(parts, body)).await };
    if !page || response.status() != StatusCode::NOT_FOUND {
        return response;
    }
    answer(&state, reader, StatusCode::NOT_FOUND, Page::NotFound, false).await.into_response()
}
