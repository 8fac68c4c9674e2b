//! `GET /print/menus?from=&lang=`: the week's menus for the dining room, A4 portrait: each day's
//! meals with every course and alternative, the allergens in words and the origin of meat and
//! fish, and the notice that Swiss food law asks to be at hand.

use axum::extract::State;
use axum::http::HeaderMap;
use maud::{html, Markup};
use plantzette_content::format::{day_heading, week_span};
use plantzette_content::{DayMenu, Dish, Meal};

use super::{colon, Asked, Paper, PrintParams, Sheet};
use crate::error::ApiError;
use crate::http::query::Params;
use crate::published;
use crate::{store, AppState};

pub async fn show(State(state): State<AppState>, headers: HeaderMap, Params(params): Params<PrintParams>) -> Result<Markup, ApiError> {
    let asked = params.read(&[Paper::A4])?;
    let range = asked.week.range();
    let menus = store::list::<DayMenu>(&state.pool, Some(range)).await?;
    let residence = published::residence(&state.pool).await?.content;
    let monday = asked.week.monday();
    let sheet = Sheet {
        asked: &asked,
        page: "menus-a4".into(),
        residence: residence.name.clone(),
        title: asked.label(|w| w.week_menus),
        period: asked.joined(|lang| week_span(monday, asked.week.sunday(), lang)),
        link: Some(format!("{}/menus?week={monday}", state.auth.public_origin(&headers))),
        dated: true,
    };
    let body = html! {
        (sheet.header())
        div.menu-days {
            @for day in range.days() {
                section.menu-day {
                    h2 { (asked.joined(|lang| day_heading(day, lang))) }
                    @match menus.iter().find(|m| m.content.date == day) {
                        Some(menu) => { @for meal in &menu.content.meals { (meal_block(&asked, meal)) } }
                        None => { p { (asked.label(|w| w.no_menu)) } }
                    }
                }
            }
            section.menu-notice {
                @for lang in &asked.langs {
                    p lang=(lang.code()) { (super::words::words(*lang).allergen_notice) " " (super::words::words(*lang).origin_notice) }
                }
            }
        }
    };
    Ok(sheet.render(body))
}

fn meal_block(asked: &Asked, meal: &Meal) -> Markup {
    html! {
        div.meal {
            h3 { (asked.joined(|lang| meal.kind.label(lang).to_string())) }
            dl {
                @for (course, dish) in meal.dishes() {
                    dt { (asked.joined(|lang| course.label(lang).to_string())) }
                    dd { (dish_lines(asked, dish)) }
                }
            }
        }
    }
}

/// The dish, then its allergens and the origin of its meat or fish, in the first language
/// asked for (the names of allergens and countries are the same facts in any language).
fn dish_lines(asked: &Asked, dish: &Dish) -> Markup {
    let lang = asked.langs[0];
    let words = super::words::words(lang);
    let allergens = if dish.allergens.is_empty() {
        words.no_allergens.to_string()
    } else {
        dish.allergens.iter().map(|a| a.label(lang)).collect::<Vec<_>>().join(", ")
    };
    let colon = colon(lang);
    html! {
        span.dish { (asked.text(&dish.name)) }
        span.allergens { (words.allergens) (colon) (allergens) }
        @if !dish.origins.is_empty() {
            span.origins { (words.origin) (colon) (dish.origins.iter().map(|o| o.label(lang)).collect::<Vec<_>>().join(", ")) }
        }
    }
}
