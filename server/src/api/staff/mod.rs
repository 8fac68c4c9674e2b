//! The staff API under `/api/v1/staff`, for logged-in staff: every kind of content as stored,
//! and changes to it; the audit log; export and import for administrators. Nothing here is
//! cached anywhere.

mod content;
mod transfer;

use axum::extract::{Query, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::HeaderValue;
use axum::routing::get;
use axum::{Json, Router};
use plantzette_content::staff::AuditEntry;
use plantzette_content::{Activity, Announcement, DayMenu, InfoPage, Programme, Residence};
use serde::Deserialize;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::auth::Staff;
use crate::error::ApiError;
use crate::{audit, AppState};

pub use transfer::import_router;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(content::single::<Residence>())
        .merge(content::collection::<Activity>())
        .merge(content::collection::<DayMenu>())
        .merge(content::collection::<Programme>())
        .merge(content::collection::<Announcement>())
        .merge(content::collection::<InfoPage>())
        .merge(transfer::export_router())
        .route("/staff/audit", get(latest_changes))
}

/// Private to the staff member who asked: no cache keeps a copy.
pub fn private() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::overriding(CACHE_CONTROL, HeaderValue::from_static("private, no-store"))
}

#[derive(Deserialize)]
struct AuditQuery {
    limit: Option<i64>,
}

async fn latest_changes(State(state): State<AppState>, _: Staff, Query(query): Query<AuditQuery>) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    Ok(Json(audit::latest(&state.pool, query.limit.unwrap_or(100).clamp(1, 1000)).await?))
}
