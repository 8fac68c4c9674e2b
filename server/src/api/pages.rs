//! `GET /api/v1/pages` and `GET /api/v1/pages/{slug}`: the practical info pages.

use axum::extract::{Path, State};
use axum::Json;
use plantzette_content::{InfoPage, Item, PageSlug};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ErrorBody};
use crate::{published, AppState};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(show))
}

/// The info pages: admissions, short stays, medical care, partners.
#[utoipa::path(get, operation_id = "listPages", path = "/pages", tag = "pages", responses((status = 200, body = [Item<InfoPage>]), (status = 304, description = "Unchanged")))]
async fn list(State(state): State<AppState>) -> Result<Json<Vec<Item<InfoPage>>>, ApiError> {
    Ok(Json(published::info_pages(&state.pool).await?))
}

/// One info page, by its slug.
#[utoipa::path(get, operation_id = "getPage", path = "/pages/{slug}", tag = "pages", params(("slug" = PageSlug, Path)), responses(
    (status = 200, body = Item<InfoPage>), (status = 304, description = "Unchanged"), (status = 404, body = ErrorBody)
))]
async fn show(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Json<Item<InfoPage>>, ApiError> {
    Ok(Json(published::info_page(&state.pool, &slug).await?))
}
