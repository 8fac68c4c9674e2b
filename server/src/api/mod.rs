//! The JSON API under `/api/v1`: one module per resource, merged here, behind the ETag layer.

mod activities;
mod alarm;
mod announcements;
mod backups;
mod calendar;
mod events;
mod menus;
mod openapi;
mod pages;
mod photos;
mod programmes;
mod residence;
mod screens;
mod session;
mod short_stays;
mod sign_ups;
mod staff;
mod today;
mod users;
mod version;

use std::time::Duration;

use axum::http::StatusCode;
use axum::{middleware, Router};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use utoipa_axum::router::OpenApiRouter;

use crate::error::ApiError;
use crate::AppState;

/// Requests carry small JSON documents at most, but for an import, which carries a residence.
const BODY_LIMIT_BYTES: usize = 256 * 1024;
const IMPORT_LIMIT_BYTES: usize = 32 * 1024 * 1024;

/// The photos' files, beside the site's (`/photos/{name}`).
pub fn photo_files() -> Router<AppState> {
    photos::files_router()
}

/// The API; a request taking longer than `timeout` (an event stream once begun aside) is answered
/// with a 408.
pub fn router(timeout: Duration) -> Router<AppState> {
    let staff = Router::new()
        .merge(session::router())
        .merge(users::router())
        .merge(backups::router())
        .merge(staff::router())
        .merge(screens::router())
        .merge(alarm::router())
        .merge(sign_ups::staff_router())
        .merge(short_stays::staff_router())
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES))
        .merge(photos::staff_router())
        .merge(staff::import_router(IMPORT_LIMIT_BYTES))
        .layer(staff::private());
    let public = OpenApiRouter::new()
        .merge(residence::router())
        .merge(activities::router())
        .merge(menus::router())
        .merge(programmes::router())
        .merge(announcements::router())
        .merge(pages::router())
        .merge(today::router())
        .merge(alarm::public_router())
        .merge(calendar::router())
        .merge(events::router())
        .merge(sign_ups::router())
        .merge(short_stays::router())
        .merge(photos::router())
        .merge(version::router());
    let (public, paths) = public.split_for_parts();
    let public = public.merge(openapi::router(&openapi::document(paths))).layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES));
    Router::new()
        .merge(public)
        .merge(staff)
        .fallback(|| async { ApiError::NotFound("endpoint") })
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
        .layer(middleware::map_response(crate::error::as_json))
        // Compression inside, ETag outside: the tag is computed over the bytes sent.
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn(crate::http::etag::etag))
}
