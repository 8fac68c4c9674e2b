//! `GET /print/today?lang=`: today's orientation sheet for corridors and room doors, A4
//! portrait in very large print: the day of the week, the date, the season, the day's
//! activities and its meals, as the boards kept for residents with memory loss show them.

use axum::extract::State;
use axum::http::HeaderMap;
use chrono::Datelike;
use maud::{html, Markup};
use plantzette_content::format::{date_in_words, time_span, weekday_name};
use plantzette_content::schedule::Season;
use plantzette_content::{DateRange, DayMenu, MealKind};

use super::words::words;
use super::{colon, Paper, PrintParams, Sheet};
use crate::error::ApiError;
use crate::http::query::Params;
use crate::published;
use crate::{store, AppState};

pub async fn show(State(state): State<AppState>, headers: HeaderMap, Params(params): Params<PrintParams>) -> Result<Markup, ApiError> {
    let asked = params.read(&[Paper::A4])?;
    // Today, or the day named: a sheet for tomorrow's doors is printed the evening before.
    let date = asked.day;
    let day = DateRange::day(date);
    let occurrences = published::occurrences(&state.pool, day).await?;
    let menu = store::list::<DayMenu>(&state.pool, Some(day)).await?.into_iter().next();
    let residence = published::residence(&state.pool).await?.content;
    let season = Season::of(date);
    let sheet = Sheet {
        asked: &asked,
        page: "today-a4".into(),
        residence: residence.name.clone(),
        title: asked.joined(|lang| weekday_name(date.weekday(), lang).to_string()),
        period: asked.joined(|lang| date_in_words(date, lang)),
        link: Some(format!("{}/", state.auth.public_origin(&headers))),
        dated: false,
    };
    let meals = menu.iter().flat_map(|m| &m.content.meals).filter(|meal| meal.kind != MealKind::Dejeuner);
    let body = html! {
        (sheet.header())
        p.season { (asked.joined(|lang| format!("{}{}{}", words(lang).season, colon(lang), season.label(lang)))) }
        section {
            h2 { (asked.label(|w| w.activities)) }
            @if occurrences.iter().all(|o| o.cancelled) { p { (asked.label(|w| w.nothing_planned)) } }
            ul.today-list {
                @for occurrence in occurrences.iter().filter(|o| !o.cancelled) {
                    li { span.when { (time_span(occurrence.starts_at, occurrence.ends_at)) } " " (asked.text(&occurrence.info.title)) }
                }
            }
        }
        section {
            h2 { (asked.label(|w| w.meals)) }
            ul.today-list {
                @for meal in meals {
                    li { span.when { (asked.joined(|lang| meal.kind.label(lang).to_string())) } " " (asked.text(&meal.main.name)) }
                }
            }
        }
    };
    Ok(sheet.render(body))
}
