//! `/menus?week=`: a week of menus (`api/menus.rs`).

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use plantzette::pages::phone::{Page, WeekOfMenus};
use plantzette_content::Listing;

use super::activities::WeekQuery;
use super::{or_not_found, Reader};
use crate::error::ApiError;
use crate::{store, AppState};

pub async fn week(State(state): State<AppState>, reader: Reader, query: Result<Query<WeekQuery>, QueryRejection>) -> Result<Response, ApiError> {
    let week = query.map(|Query(query)| query).unwrap_or_default().week();
    let listing = Listing { range: week.range(), items: store::list(&state.pool, Some(week.range())).await? };
    or_not_found(&state, reader, Ok(Page::Menus(WeekOfMenus { week, listing }))).await
}
