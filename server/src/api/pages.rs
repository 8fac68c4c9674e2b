//! `GET /api/v1/pages` and `GET /api/v1/pages/{slug}`: the practical info pages.

use axum::extract::{Path, State};
use axum::Json;
use plantzette_content::{InfoPage, Item, PageSlug};
use sqlx::SqlitePool;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ErrorBody};
use crate::{store, AppState};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(show))
}

/// The info pages: admissions, short stays, medical care, partners.
#[utoipa::path(get, operation_id = "listPages", path = "/pages", tag = "pages", responses((status = 200, body = [Item<InfoPage>]), (status = 304, description = "Unchanged")))]
async fn list(State(state): State<AppState>) -> Result<Json<Vec<Item<InfoPage>>>, ApiError> {
    Ok(Json(all(&state.pool).await?))
}

/// The info pages, in the order of their topics.
pub async fn all(pool: &SqlitePool) -> Result<Vec<Item<InfoPage>>, ApiError> {
    let mut pages = store::list::<InfoPage>(pool, None).await?;
    pages.sort_by_key(|page| PageSlug::ALL.iter().position(|slug| *slug == page.content.slug));
    Ok(pages)
}

/// One info page, by its slug.
#[utoipa::path(get, operation_id = "getPage", path = "/pages/{slug}", tag = "pages", params(("slug" = PageSlug, Path)), responses(
    (status = 200, body = Item<InfoPage>), (status = 304, description = "Unchanged"), (status = 404, body = ErrorBody)
))]
async fn show(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Json<Item<InfoPage>>, ApiError> {
    Ok(Json(by_slug(&state.pool, &slug).await?))
}

/// The info page of a topic (`short_stay`).
pub async fn by_slug(pool: &SqlitePool, slug: &str) -> Result<Item<InfoPage>, ApiError> {
    let slug = PageSlug::parse(slug).ok_or(ApiError::NotFound("page"))?;
    let pages = store::list::<InfoPage>(pool, None).await?;
    pages.into_iter().find(|page| page.content.slug == slug).ok_or(ApiError::NotFound("page"))
}
