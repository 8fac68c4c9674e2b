//! `/menus`: the menus of a week (`?week=`), day by day, with allergens, the origin of meat and
//! fish, and the alternatives; each day has an anchor (`#menu-2026-12-09`) to share, and a row
//! of the week's days at the top jumps to it (a week of menus is long on a phone).

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::format::{day_heading, short_day};
use plantzette_content::{DayMenu, Item, Listing, Week};

use super::activities::DatePicker;
use super::week_address;
use crate::components::meal::MealCards;
use crate::components::week_nav::{WeekHeader, WeekLinks};
use crate::i18n::{lang, ui};

/// A week of menus.
pub struct WeekOfMenus {
    pub week: Week,
    pub listing: Listing<Item<DayMenu>>,
}

#[component]
pub fn MenusContent(week: WeekOfMenus, now: NaiveDateTime) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let WeekOfMenus { week, listing } = week;
    let links = WeekLinks::around(week, now.date(), |week| week_address("/menus", week));
    let mut menus = listing.items;
    view! {
        <WeekHeader title=ui.menus week links>
            <DatePicker page="/menus" week/>
        </WeekHeader>
        <nav class="day-jump" aria-label=ui.days_of_the_week>
            <ul>
                {listing.range.days().map(|day| view! {
                    <li><a href=format!("#menu-{day}") aria-current=(day == now.date()).then_some("date")>{short_day(day, lang)}</a></li>
                }).collect_view()}
            </ul>
        </nav>
        {listing
            .range
            .days()
            .map(|day| {
                let id = format!("menu-{day}");
                let labelled_by = id.clone();
                let menu = menus.iter().position(|m| m.content.date == day).map(|at| menus.swap_remove(at).content);
                view! {
                    <section class="day" aria-labelledby=labelled_by class:today=day == now.date()>
                        <h2 id=id>{day_heading(day, lang)}</h2>
                        {match menu {
                            Some(menu) => view! { <MealCards meals=menu.meals/> }.into_any(),
                            None => view! { <p class="empty">{ui.no_menu}</p> }.into_any(),
                        }}
                    </section>
                }
            })
            .collect_view()}
    }
}
