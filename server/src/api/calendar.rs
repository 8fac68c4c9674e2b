//! Calendars for families' phones (iCalendar, RFC 5545), in the language asked with `?lang=`:
//!
//! - `GET /api/v1/calendar.ics`: every activity and prevention session, to subscribe to;
//! - `GET /api/v1/calendar/{category}.ics`: one category's activities, or `prevention.ics`;
//! - `GET /api/v1/calendar/activities/{id}/{date}.ics`: one occurrence, to add it once;
//! - `GET /api/v1/calendar/programmes/{id}/{session}.ics`: one session (numbered from 1).
//!
//! Times are written in the residence's zone (`TZID=Europe/Zurich`, with its VTIMEZONE), so a
//! phone anywhere shows the right instant, and a weekly series stays at its local hour across
//! daylight-saving changes.

use axum::extract::{Path, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use chrono::{Duration, NaiveDateTime, Utc};
use ics::parameters::TzIDParam;
use ics::properties::{Categories, Description, DtEnd, DtStart, ExDate, Location, RRule, Sequence, Status, Summary, TzName};
use ics::{escape_text, Daylight, Event, ICalendar, Standard, TimeZone};
use plantzette_content::schedule::{residence_instant, RESIDENCE_TZ_NAME};
use plantzette_content::{Activity, Category, DateRange, Item, Lang, Occurrence, Programme, Residence, Session};
use serde::Deserialize;

use plantzette_content::schedule::residence_now;

use super::query::{parse_date, Params};
use super::residence;
use crate::error::ApiError;
use crate::{store, AppState};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/calendar.ics", get(everything))
        .route("/calendar/{file}", get(feed))
        .route("/calendar/activities/{id}/{file}", get(one_occurrence))
        .route("/calendar/programmes/{id}/{file}", get(one_session))
}

#[derive(Default, Deserialize)]
struct LangParams {
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

async fn everything(State(state): State<AppState>, Params(params): Params<LangParams>) -> Result<Response, ApiError> {
    let lang = params.lang();
    let name = residence::load(&state.pool).await?.content.name;
    serve_feed(&state, lang, Selection { categories: Category::ALL.to_vec(), prevention: true, name }).await
}

async fn feed(State(state): State<AppState>, Path(file): Path<String>, Params(params): Params<LangParams>) -> Result<Response, ApiError> {
    let lang = params.lang();
    let stem = file.strip_suffix(".ics").ok_or(ApiError::NotFound("calendar"))?;
    let residence = residence::load(&state.pool).await?.content.name;
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
    let residence = residence::load(&state.pool).await?.content;
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
    Ok(ics_response(calendar, &format!("{}.ics", slug(&selection.name)), false))
}

async fn one_occurrence(
    State(state): State<AppState>,
    Path((id, file)): Path<(i64, String)>,
    Params(params): Params<LangParams>,
) -> Result<Response, ApiError> {
    let date = file.strip_suffix(".ics").ok_or(ApiError::NotFound("calendar"))?;
    let date = parse_date("date", date)?;
    let activity = store::get::<Activity>(&state.pool, id).await?;
    let occurrence = activity.occurrences(DateRange::day(date)).into_iter().next().ok_or(ApiError::NotFound("occurrence"))?;
    let residence = residence::load(&state.pool).await?.content;
    let lang = params.lang();
    let mut calendar = new_calendar(&residence.name);
    calendar.add_event(occurrence_event(&occurrence, activity.version, &residence, lang));
    let title = slug(occurrence.info.title.get(lang));
    Ok(ics_response(calendar, &format!("{title}-{date}.ics"), true))
}

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
    let mut calendar = new_calendar(&residence::load(&state.pool).await?.content.name);
    calendar.add_event(session_event(&programme, index, session, lang));
    let title = slug(programme.content.title.get(lang));
    Ok(ics_response(calendar, &format!("{title}-{}.ics", session.starts_at.date()), true))
}

fn new_calendar(name: &str) -> ICalendar<'static> {
    let mut calendar = ICalendar::new("2.0", "-//Residence Plantzette//Plantzette//FR");
    calendar.push(ics::properties::CalScale::new("GREGORIAN"));
    calendar.push(ics::components::Property::new("X-WR-CALNAME", escape_text(name.to_string())));
    calendar.push(ics::components::Property::new("X-WR-TIMEZONE", RESIDENCE_TZ_NAME));
    calendar.add_timezone(residence_time_zone());
    calendar
}

/// Europe/Zurich's rules since 1996: summer time from the last Sunday of March to the last of October.
fn residence_time_zone() -> TimeZone<'static> {
    let mut summer = Daylight::new("19810329T020000", "+0100", "+0200");
    summer.push(TzName::new("CEST"));
    summer.push(RRule::new("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
    let mut winter = Standard::new("19961027T030000", "+0200", "+0100");
    winter.push(TzName::new("CET"));
    winter.push(RRule::new("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
    let mut zone = TimeZone::daylight(RESIDENCE_TZ_NAME, summer);
    zone.add_standard(winter);
    zone
}

fn local(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

fn zoned<P: Into<ics::components::Property<'static>>>(make: impl Fn(String) -> P, at: NaiveDateTime) -> ics::components::Property<'static> {
    let mut property = make(local(at)).into();
    property.add(TzIDParam::new(RESIDENCE_TZ_NAME));
    property
}

/// Every event carries the same stamp within a day, so that an unchanged feed keeps its ETag;
/// revisions are told by SEQUENCE, which follows the content's version.
fn stamp() -> String {
    format!("{}T000000Z", Utc::now().format("%Y%m%d"))
}

fn where_at(place: &str, residence: &Residence) -> String {
    let address = &residence.address;
    format!("{place}, {}, {}, {} {}", residence.name, address.street, address.postcode, address.city)
}

/// An activity as the calendar holds it: once, or as a weekly series with its exceptions.
fn series_event(item: &Item<Activity>, residence: &Residence, lang: Lang) -> Event<'static> {
    let activity = &item.content;
    let mut event = base_event(format!("activity-{}@plantzette", item.id), item.version, activity.starts_at, activity.ends_at);
    describe_activity(&mut event, &activity.info, residence, lang);
    if let Some(recurrence) = &activity.recurrence {
        let days: Vec<&str> = recurrence.weekdays.iter().map(|d| ical_weekday(*d)).collect();
        let last_instant = residence_instant(recurrence.until.and_hms_opt(23, 59, 59).expect("a valid time"));
        event.push(RRule::new(format!("FREQ=WEEKLY;BYDAY={};UNTIL={}", days.join(","), last_instant.format("%Y%m%dT%H%M%SZ"))));
        for day in &recurrence.except {
            event.push(zoned(ExDate::new, day.and_time(activity.starts_at.time())));
        }
    }
    if activity.cancelled {
        event.push(Status::new("CANCELLED"));
    }
    event
}

fn occurrence_event(occurrence: &Occurrence, version: i64, residence: &Residence, lang: Lang) -> Event<'static> {
    let uid = format!("activity-{}-{}@plantzette", occurrence.activity_id, occurrence.starts_at.date());
    let mut event = base_event(uid, version, occurrence.starts_at, occurrence.ends_at);
    describe_activity(&mut event, &occurrence.info, residence, lang);
    if occurrence.cancelled {
        event.push(Status::new("CANCELLED"));
    }
    event
}

fn session_event(programme: &Item<Programme>, index: usize, session: &Session, lang: Lang) -> Event<'static> {
    let content = &programme.content;
    let uid = format!("programme-{}-session-{}@plantzette", programme.id, index + 1);
    let mut event = base_event(uid, programme.version, session.starts_at, session.ends_at);
    event.push(Summary::new(escape_text(content.title.get(lang).to_string())));
    event.push(Location::new(escape_text(session.place.get(lang).to_string())));
    event.push(Categories::new(escape_text(content.topic.label(lang).to_string())));
    let contact = &content.contact;
    let details = format!("{}\n\n{} · {} · {}", content.summary.get(lang), contact.name, contact.phone, contact.email);
    event.push(Description::new(escape_text(details)));
    event
}

fn base_event(uid: String, version: i64, starts: NaiveDateTime, ends: NaiveDateTime) -> Event<'static> {
    let mut event = Event::new(uid, stamp());
    event.push(zoned(DtStart::new, starts));
    event.push(zoned(DtEnd::new, ends));
    event.push(Sequence::new((version - 1).to_string()));
    event
}

fn describe_activity(event: &mut Event<'static>, info: &plantzette_content::ActivityInfo, residence: &Residence, lang: Lang) {
    event.push(Summary::new(escape_text(info.title.get(lang).to_string())));
    event.push(Location::new(escape_text(where_at(info.place.get(lang), residence))));
    event.push(Categories::new(escape_text(info.category.label(lang).to_string())));
    if let Some(description) = &info.description {
        event.push(Description::new(escape_text(description.get(lang).to_string())));
    }
}

fn ical_weekday(day: chrono::Weekday) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][day.num_days_from_monday() as usize]
}

/// A file name from a title: lowercase ASCII words joined by dashes.
fn slug(text: &str) -> String {
    let folded: String = text
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'û' | 'ü' | 'ù' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect();
    folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join("-")
}

/// `attachment` for one event (the phone offers to add it), `inline` for a feed (to subscribe).
fn ics_response(calendar: ICalendar<'static>, file_name: &str, attachment: bool) -> Response {
    let disposition = format!("{}; filename=\"{file_name}\"", if attachment { "attachment" } else { "inline" });
    ([(CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()), (CONTENT_DISPOSITION, disposition)], calendar.to_string()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn file_names_are_plain_ascii() {
        assert_eq!(slug("Concert de cor des Alpes"), "concert-de-cor-des-alpes");
        assert_eq!(slug("Équilibre et force : prévenir les chutes"), "equilibre-et-force-prevenir-les-chutes");
        assert_eq!(slug("Gedächtnis-Café"), "gedachtnis-cafe");
    }

    #[test]
    fn series_until_is_the_end_of_its_last_day_in_utc() {
        let until: NaiveDate = "2026-12-31".parse().unwrap();
        let instant = residence_instant(until.and_hms_opt(23, 59, 59).unwrap());
        assert_eq!(instant.format("%Y%m%dT%H%M%SZ").to_string(), "20261231T225959Z");
    }
}
