//! Menus of a week, day by day, with allergens and alternatives.

use leptos::prelude::*;
use plantzette_content::format::day_heading;
use plantzette_content::{DayMenu, Item, Listing};

use crate::api;
use crate::components::fetched::Fetched;
use crate::components::layout::set_page_title;
use crate::components::meal::MealCard;
use crate::components::week_nav::{use_week, WeekHeader};
use crate::i18n::{lang, ui};
use crate::live::live_resource;
use plantzette_web::clock::residence_today;

#[component]
pub fn MenusPage() -> impl IntoView {
    let ui = ui();
    let week = use_week();
    let menus = live_resource(move || api::menus(week.get().range()));
    set_page_title(ui.menus);
    view! {
        <WeekHeader title=ui.menus base="/menus" week/>
        <Fetched resource=menus render={|listing: Listing<Item<DayMenu>>| view! { <WeekOfMenus listing/> }}/>
    }
}

#[component]
fn WeekOfMenus(listing: Listing<Item<DayMenu>>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    listing
        .range
        .days()
        .map(|day| {
            let menu = listing.items.iter().find(|m| m.content.date == day).map(|m| m.content.meals.clone());
            let id = format!("menu-{day}");
            let labelled_by = id.clone();
            view! {
                <section class="day" aria-labelledby=labelled_by class:today=day == residence_today()>
                    <h2 id=id>{day_heading(day, lang)}</h2>
                    {match menu {
                        Some(meals) => view! { <div class="meals">{meals.into_iter().map(|meal| view! { <MealCard meal/> }).collect_view()}</div> }.into_any(),
                        None => view! { <p class="empty">{ui.no_menu}</p> }.into_any(),
                    }}
                </section>
            }
        })
        .collect_view()
}
