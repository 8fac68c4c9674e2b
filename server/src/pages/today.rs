//! `/`: the day (`published.rs`'s day, which every page's frame reads anyway), and
//! `/announcements`: the day's announcements whole.

use axum::extract::State;
use axum::response::Response;
use plantzette::pages::phone::Page;

use super::{or_not_found, Reader};
use crate::error::ApiError;
use crate::AppState;

pub async fn show(State(state): State<AppState>, reader: Reader) -> Result<Response, ApiError> {
    or_not_found(&state, reader, Ok(Page::Today)).await
}

pub async fn announcements(State(state): State<AppState>, reader: Reader) -> Result<Response, ApiError> {
    or_not_found(&state, reader, Ok(Page::Announcements)).await
}
