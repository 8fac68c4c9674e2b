//! `GET /api/v1/pages` and `GET /api/v1/pages/{slug}`: the practical info pages.

use axum::extract::{Path, State};
use axum::routing::get;
use axum::{Json, Router};
use plantzette_content::{InfoPage, Item, PageSlug};

use crate::error::ApiError;
use crate::{store, AppState};

pub fn router() -> Router<AppState> {
    Router::new().route("/pages", get(list)).route("/pages/{slug}", get(show))
}

async fn list(State(state): State<AppState>) -> Result<Json<Vec<Item<InfoPage>>>, ApiError> {
    let mut pages = store::list::<InfoPage>(&state.pool, None).await?;
    pages.sort_by_key(|page| PageSlug::ALL.iter().position(|slug| *slug == page.content.slug));
    Ok(Json(pages))
}

async fn show(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Json<Item<InfoPage>>, ApiError> {
    let slug = PageSlug::parse(&slug).ok_or(ApiError::NotFound("page"))?;
    let pages = store::list::<InfoPage>(&state.pool, None).await?;
    let page = pages.into_iter().find(|page| page.content.slug == slug).ok_or(ApiError::NotFound("page"))?;
    Ok(Json(page))
}
