//! `/info`: how to reach the residence and the info pages (`api/pages.rs`), and `/info/{topic}`:
//! one of them, the short-stay page with the beds free (`short_stays/public.rs`'s feed).

use axum::extract::{Path, State};
use axum::response::Response;
use plantzette::pages::phone::{Page, TopicPage};
use plantzette_content::photo::Owner;
use plantzette_content::PageSlug;

use super::{or_not_found, Reader};
use crate::error::ApiError;
use crate::photos::{self, Viewer};
use crate::AppState;
use crate::{published, short_stays};

pub async fn list(State(state): State<AppState>, reader: Reader) -> Result<Response, ApiError> {
    let pages = published::info_pages(&state.pool).await?;
    or_not_found(&state, reader, Ok(Page::Info(pages))).await
}

pub async fn show(State(state): State<AppState>, reader: Reader, Path(topic): Path<String>) -> Result<Response, ApiError> {
    let page = async {
        let page = published::info_page(&state.pool, &topic).await?.content;
        let beds = match page.slug {
            PageSlug::ShortStay => Some(short_stays::load_feed(&state).await?),
            _ => None,
        };
        let photos = photos::list(&state.pool, Some(Owner::Page { slug: page.slug }), Viewer::Public).await?;
        Ok(Page::InfoTopic(TopicPage { page, beds, photos }))
    };
    let page = page.await;
    or_not_found(&state, reader, page).await
}
