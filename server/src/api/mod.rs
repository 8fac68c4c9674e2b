//! The JSON API under `/api/v1`: one module per resource, merged here, behind the ETag layer.

mod activities;
mod announcements;
mod calendar;
mod etag;
mod events;
mod menus;
mod pages;
mod programmes;
mod query;

pub use query::residence_now;
mod residence;
mod today;

use axum::{middleware, Router};
use tower_http::compression::CompressionLayer;

use crate::error::ApiError;
use crate::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(residence::router())
        .merge(activities::router())
        .merge(menus::router())
        .merge(programmes::router())
        .merge(announcements::router())
        .merge(pages::router())
        .merge(today::router())
        .merge(calendar::router())
        .merge(events::router())
        .fallback(|| async { ApiError::NotFound("endpoint") })
        // Compression inside, ETag outside: the tag is computed over the bytes sent.
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn(etag::etag))
}
