//! `/programmes`: the prevention programmes of the coming months (`api/programmes.rs`), and
//! `/programmes/{id}`: one, with the places left of each session that counts them, or of the
//! course.

use axum::extract::{Path, State};
use axum::response::Response;
use plantzette::pages::phone::{Page, ProgrammePage};
use plantzette_content::photo::Owner;
use plantzette_content::schedule::residence_now;
use plantzette_content::sign_up::EventRef;
use plantzette_content::{Item, Programme};

use super::{or_not_found, Reader};
use crate::error::ApiError;
use crate::photos::{self, Viewer};
use crate::published::current_week;
use crate::published::programmes_ahead_of;
use crate::{sign_ups, store, AppState};

pub async fn list(State(state): State<AppState>, reader: Reader) -> Result<Response, ApiError> {
    let programmes = store::list(&state.pool, Some(programmes_ahead_of(current_week().from))).await?;
    or_not_found(&state, reader, Ok(Page::Programmes(programmes))).await
}

pub async fn show(State(state): State<AppState>, reader: Reader, Path(id): Path<String>) -> Result<Response, ApiError> {
    let page = async {
        let id = id.parse().map_err(|_| ApiError::NotFound("programme"))?;
        let item: Item<Programme> = store::get(&state.pool, id).await?;
        let now = residence_now();
        let mut places = Vec::new();
        for session in item.content.sessions.iter().filter(|s| s.places.is_some() && s.ends_at > now) {
            if let Some(event) = sign_ups::event(&state.pool, EventRef::Session { programme_id: id, starts_at: session.starts_at }).await? {
                places.push((session.starts_at, sign_ups::availability(&state.pool, &event, now, state.kept_days.sign_ups).await?));
            }
        }
        let course = match sign_ups::event(&state.pool, EventRef::Course { programme_id: id }).await? {
            Some(event) => Some(sign_ups::availability(&state.pool, &event, now, state.kept_days.sign_ups).await?),
            None => None,
        };
        let photos = photos::list(&state.pool, Some(Owner::Programme { id }), Viewer::Public).await?;
        Ok(Page::Programme(ProgrammePage { id, programme: item.content, places, course, photos }))
    };
    let page = page.await;
    or_not_found(&state, reader, page).await
}
