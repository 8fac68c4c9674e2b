//! `/activities?week=&category=`: a week of activities (`api/activities.rs`), and
//! `/activities/{id}/{date}`: one occurrence with its places left.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use chrono::NaiveDate;
use plantzette::pages::phone::{ActivityPage, Page, WeekOfActivities};
use plantzette_content::photo::Owner;
use plantzette_content::schedule::residence_now;
use plantzette_content::sign_up::EventRef;
use plantzette_content::{Activity, Category, DateRange, Item, Listing, Week};
use serde::Deserialize;

use super::{or_not_found, Reader};
use crate::error::ApiError;
use crate::photos::{self, Viewer};
use crate::published::occurrences;
use crate::{sign_ups, store, AppState};

/// A week's page: `?week=` any day of it (the current week without), `?category=` a kind. A value
/// that cannot be read is left out, as a mistyped link should still lead somewhere.
#[derive(Default, Deserialize)]
pub struct WeekQuery {
    week: Option<String>,
    category: Option<String>,
}

impl WeekQuery {
    pub fn week(&self) -> Week {
        let asked = self.week.as_deref().and_then(|day| day.parse::<NaiveDate>().ok());
        Week::containing(asked.unwrap_or_else(|| residence_now().date()))
    }
}

pub async fn week(State(state): State<AppState>, reader: Reader, query: Result<Query<WeekQuery>, QueryRejection>) -> Result<Response, ApiError> {
    let query = query.map(|Query(query)| query).unwrap_or_default();
    let week = query.week();
    let category = query.category.as_deref().and_then(Category::parse);
    let listing = Listing { range: week.range(), items: occurrences(&state.pool, week.range()).await? };
    or_not_found(&state, reader, Ok(Page::Activities(WeekOfActivities { week, category, listing }))).await
}

pub async fn occurrence(State(state): State<AppState>, reader: Reader, Path((id, date)): Path<(String, String)>) -> Result<Response, ApiError> {
    let page = async {
        let (id, date) = (id.parse::<i64>().ok(), date.parse::<NaiveDate>().ok());
        let (Some(id), Some(date)) = (id, date) else { return Err(ApiError::NotFound("occurrence")) };
        let item: Item<Activity> = store::get(&state.pool, id).await?;
        let occurrence = item.occurrences(DateRange::day(date)).into_iter().next().ok_or(ApiError::NotFound("occurrence"))?;
        let places = match sign_ups::event(&state.pool, EventRef::Occurrence { activity_id: id, date }).await? {
            Some(event) => Some(sign_ups::availability(&state.pool, &event, residence_now(), state.kept_days.sign_ups).await?),
            None => None,
        };
        let photos = photos::list(&state.pool, Some(Owner::Activity { id, day: Some(date) }), Viewer::Public).await?;
        Ok(Page::Activity(ActivityPage { occurrence, places, photos }))
    };
    let page = page.await;
    or_not_found(&state, reader, page).await
}
