//! Calendars for families' phones (iCalendar, RFC 5545), in the language asked with `?lang=`:
//!
//! - `GET /api/v1/calendar.ics`: every activity and prevention session, to subscribe to;
//! - `GET /api/v1/calendar/{category}.ics`: one category's activities, or `prevention.ics`;
//! - `GET /api/v1/calendar/activities/{id}/{date}.ics`: one occurrence, to add it once;
//! - `GET /api/v1/calendar/programmes/{id}/{session}.ics`: one session (numbered from 1);
//! - `GET /api/v1/calendar/programmes/{id}.ics`: every session of a programme (a course's).
//!
//! What goes into each calendar is chosen here; how it is written is `crate::icalendar`.

use axum::extract::{Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use chrono::Duration;
use ics::ICalendar;
use plantzette_content::schedule::residence_now;
use plantzette_content::{Activity, Category, DateRange, Lang, Programme};
use serde::Deserialize;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{ApiError, ErrorBody};
use crate::http::query::{parse_date, Params};
use crate::icalendar::{new_calendar, occurrence_event, series_event, session_event};
use crate::published;
use crate::{store, AppState};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(everything))
        .routes(routes!(feed))
        .routes(routes!(one_occurrence))
        .routes(routes!(one_session))
        .routes(routes!(one_programme))
}

#[derive(Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct LangParams {
    /// `fr`, `de` or `en`; French by default.
    lang: Option<String>,
}

impl LangParams {
    fn lang(&self) -> Lang {
        self.lang.as_deref().and_then(Lang::from_code).unwrap_or_default()
    }
}

/// What a feed covers: a month back (for "what was on") and a year ahead.
fn feed_range() -> DateRange {
    let today = residence_now().date();
    DateRange { from: today - Duration::days(31), to: today + Duration::days(365) }
}

/// What one feed holds: activities of some categories, and the prevention sessions or not.
struct Selection {
    categories: Vec<Category>,
    prevention: bool,
    name: String,
}

/// Every activity and prevention session, a month back and a year ahead, to subscribe to.
#[utoipa::path(get, operation_id = "getCalendar", path = "/calendar.ics", tag = "calendars", params(LangParams), responses((status = 200, content_type = "text/calendar", body = String)))]
async fn everything(State(state): State<AppState>, Params(params): Params<LangParams>) -> Result<Response, ApiError> {
    let lang = params.lang();
    let name = published::residence(&state.pool).await?.content.name;
    serve_feed(&state, lang, Selection { categories: Category::ALL.to_vec(), prevention: true, name }).await
}

/// One category's activities (`crafts.ics`, …), or the prevention sessions (`prevention.ics`).
#[utoipa::path(get, operation_id = "getCalendarFeed", path = "/calendar/{file}", tag = "calendars", params(("file" = String, Path, example = "prevention.ics"), LangParams), responses(
    (status = 200, content_type = "text/calendar", body = String), (status = 404, body = ErrorBody)
))]
async fn feed(State(state): State<AppState>, Path(file): Path<String>, Params(params): Params<LangParams>) -> Result<Response, ApiError> {
    let lang = params.lang();
    let stem = file.strip_suffix(".ics").ok_or(ApiError::NotFound("calendar"))?;
    let residence = published::residence(&state.pool).await?.content.name;
    let selection = match (stem, Category::parse(stem)) {
        ("prevention", _) => Selection { categories: vec![], prevention: true, name: format!("{residence} – {}", prevention_label(lang)) },
        (_, Some(category)) => Selection { categories: vec![category], prevention: false, name: format!("{residence} – {}", category.label(lang)) },
        _ => return Err(ApiError::NotFound("calendar")),
    };
    serve_feed(&state, lang, selection).await
}

fn prevention_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Prévention",
        Lang::De => "Prävention",
        Lang::En => "Prevention",
    }
}

async fn serve_feed(state: &AppState, lang: Lang, selection: Selection) -> Result<Response, ApiError> {
    let range = feed_range();
    let residence = published::residence(&state.pool).await?.content;
    let mut calendar = new_calendar(&selection.name);
    for activity in store::list::<Activity>(&state.pool, Some(range)).await? {
        if selection.categories.contains(&activity.content.info.category) {
            calendar.add_event(series_event(&activity, &residence, lang));
        }
    }
    if selection.prevention {
        for programme in store::list::<Programme>(&state.pool, Some(range)).await? {
            for (index, session) in programme.content.sessions.iter().enumerate() {
                calendar.add_event(session_event(&programme, index, session, lang));
            }
        }
    }
    Ok(ics_response(calendar, &format!("{}.ics", file_stem(&selection.name)), false))
}

/// One occurrence of an activity (`2026-12-10.ics`), to add it to a calendar once.
#[utoipa::path(get, operation_id = "getOccurrenceCalendar", path = "/calendar/activities/{id}/{file}", tag = "calendars", params(("id" = i64, Path), ("file" = String, Path, example = "2026-12-10.ics"), LangParams), responses(
    (status = 200, content_type = "text/calendar", body = String), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)
))]
async fn one_occurrence(
    State(state): State<AppState>,
    Path((id, file)): Path<(i64, String)>,
    Params(params): Params<LangParams>,
) -> Result<Response, ApiError> {
    let date = file.strip_suffix(".ics").ok_or(ApiError::NotFound("calendar"))?;
    let date = parse_date("date", date)?;
    let activity = store::get::<Activity>(&state.pool, id).await?;
    let occurrence = activity.occurrences(DateRange::day(date)).into_iter().next().ok_or(ApiError::NotFound("occurrence"))?;
    let residence = published::residence(&state.pool).await?.content;
    let lang = params.lang();
    let mut calendar = new_calendar(&residence.name);
    calendar.add_event(occurrence_event(&occurrence, activity.version, &residence, lang));
    let title = file_stem(occurrence.info.title.get(lang));
    Ok(ics_response(calendar, &format!("{title}-{date}.ics"), true))
}

/// One session of a programme, numbered from 1 (`2.ics`).
#[utoipa::path(get, operation_id = "getSessionCalendar", path = "/calendar/programmes/{id}/{file}", tag = "calendars", params(("id" = i64, Path), ("file" = String, Path, example = "1.ics"), LangParams), responses(
    (status = 200, content_type = "text/calendar", body = String), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)
))]
async fn one_session(
    State(state): State<AppState>,
    Path((id, file)): Path<(i64, String)>,
    Params(params): Params<LangParams>,
) -> Result<Response, ApiError> {
    let number: usize = file.strip_suffix(".ics").and_then(|n| n.parse().ok()).ok_or(ApiError::NotFound("session"))?;
    let programme = store::get::<Programme>(&state.pool, id).await?;
    let index = number.checked_sub(1).ok_or(ApiError::NotFound("session"))?;
    let session = programme.content.sessions.get(index).ok_or(ApiError::NotFound("session"))?;
    let lang = params.lang();
    let mut calendar = new_calendar(&published::residence(&state.pool).await?.content.name);
    calendar.add_event(session_event(&programme, index, session, lang));
    let title = file_stem(programme.content.title.get(lang));
    Ok(ics_response(calendar, &format!("{title}-{}.ics", session.starts_at.date()), true))
}

/// Every session of a programme (`3.ics`), to add a course at once: one event per session, a
/// session called off marked so.
#[utoipa::path(get, operation_id = "getProgrammeCalendar", path = "/calendar/programmes/{file}", tag = "calendars", params(("file" = String, Path, example = "3.ics"), LangParams), responses(
    (status = 200, content_type = "text/calendar", body = String), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)
))]
async fn one_programme(State(state): State<AppState>, Path(file): Path<String>, Params(params): Params<LangParams>) -> Result<Response, ApiError> {
    let id: i64 = file.strip_suffix(".ics").and_then(|n| n.parse().ok()).ok_or(ApiError::NotFound("programme"))?;
    let programme = store::get::<Programme>(&state.pool, id).await?;
    let lang = params.lang();
    let mut calendar = new_calendar(&published::residence(&state.pool).await?.content.name);
    for (index, session) in programme.content.sessions.iter().enumerate() {
        calendar.add_event(session_event(&programme, index, session, lang));
    }
    let title = file_stem(programme.content.title.get(lang));
    Ok(ics_response(calendar, &format!("{title}.ics"), true))
}

/// A file name from a title: lowercase ASCII words joined by dashes (`Fußpflege` →
/// `fusspflege`).
fn file_stem(title: &str) -> String {
    slug::slugify(title)
}

/// `attachment` for one event (the phone offers to add it), `inline` for a feed (to subscribe).
fn ics_response(calendar: ICalendar<'static>, file_name: &str, attachment: bool) -> Response {
    let disposition = format!("{}; filename=\"{file_name}\"", if attachment { "attachment" } else { "inline" });
    ([(CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()), (CONTENT_DISPOSITION, disposition)], calendar.to_string()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_plain_ascii() {
        assert_eq!(file_stem("Concert de cor des Alpes"), "concert-de-cor-des-alpes");
        assert_eq!(file_stem("Équilibre et force : prévenir les chutes"), "equilibre-et-force-prevenir-les-chutes");
        assert_eq!(file_stem("Gedächtnis-Café"), "gedachtnis-cafe");
        assert_eq!(file_stem("Fußpflege"), "fusspflege");
    }
}
