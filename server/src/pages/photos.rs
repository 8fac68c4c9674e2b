//! `/photos?week=`: the photos a family may see whose day is in the week (`photos::list`, as
//! `api/photos.rs` lists them to anyone), each with the title and the page of what it is of. A
//! photo of something gone (an activity deleted) is left out: it has no page to lead to.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::response::Response;
use plantzette::pages::phone::{Page, PhotoOfWeek, WeekOfPhotos};
use plantzette_content::photo::Photo;

use super::activities::WeekQuery;
use super::{or_not_found, Reader};
use crate::error::ApiError;
use crate::photos::{self, Subject, Viewer};
use crate::AppState;

pub async fn week(State(state): State<AppState>, reader: Reader, query: Result<Query<WeekQuery>, QueryRejection>) -> Result<Response, ApiError> {
    let week = query.map(|Query(query)| query).unwrap_or_default().week();
    let of_week = photos::list(&state.pool, None, Viewer::Public).await?.into_iter().filter(|photo| week.range().contains(photo.day()));
    let mut shown = Vec::new();
    for photo in of_week {
        if let Some(shown_photo) = with_its_page(&state, photo).await? {
            shown.push(shown_photo);
        }
    }
    or_not_found(&state, reader, Ok(Page::Photos(WeekOfPhotos { week, photos: shown }))).await
}

/// The photo with the title and the page of what it is of; `None` if that is gone.
async fn with_its_page(state: &AppState, photo: Photo) -> Result<Option<PhotoOfWeek>, ApiError> {
    let Some(owner) = photo.owner() else { return Ok(None) };
    let subject = photos::subject(&state.pool, owner, photo.day()).await?;
    Ok(subject.map(|Subject { title, page }| PhotoOfWeek { photo, of: title, page }))
}
