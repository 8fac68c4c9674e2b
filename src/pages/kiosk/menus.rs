//! The kiosk's menus: one day at a time (`?day=`, today first), with big buttons to the day
//! before, to today, and after.

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use plantzette_content::format::day_heading;
use plantzette_content::{DateRange, DayMenu, Item, Listing};

use crate::components::meal::MealCards;
use crate::components::page_link;
use crate::i18n::{lang, ui};
use crate::kiosk::api;
use crate::kiosk::fetched::Fetched;
use crate::kiosk::layout::set_page_title;
use crate::kiosk::live::live_resource;
use crate::kiosk::paged::Paged;
use plantzette_web::clock::residence_today;

#[component]
pub fn MenusPage() -> impl IntoView {
    let ui = ui();
    let lang = lang();
    set_page_title(ui.menus);
    let query = use_query_map();
    let day = Memo::new(move |_| query.read().get("day").and_then(|day| day.parse::<NaiveDate>().ok()).unwrap_or_else(residence_today));
    let menus = live_resource(move || api::menus(DateRange::day(day.get())));
    let to_day = move |step: fn(NaiveDate, Days) -> Option<NaiveDate>| {
        let target = step(day.get(), Days::new(1)).unwrap_or_else(|| day.get());
        page_link(&format!("/menus?day={target}"))
    };
    let today = page_link("/menus");
    view! {
        <div class="page-heading">
            <h1><span class="eyebrow">{ui.menus}</span>{move || day_heading(day.get(), lang)}</h1>
            <nav class="day-nav" aria-label=ui.menus>
                <A href=move || to_day(NaiveDate::checked_sub_days)>"← "{ui.previous_day}</A>
                <Show when=move || day.get() != residence_today()>
                    <A href=today.clone()>{ui.today}</A>
                </Show>
                <A href=move || to_day(NaiveDate::checked_add_days)>{ui.next_day}" →"</A>
            </nav>
        </div>
        // The meals' headings are a level below the day's, as on the week's page.
        <h2 class="visually-hidden">{move || day_heading(day.get(), lang)}</h2>
        <Fetched resource=menus render={move |listing: Listing<Item<DayMenu>>| {
            match listing.items.into_iter().find(|item| item.content.date == day.get()) {
                Some(menu) => view! { <Paged><MealCards meals=menu.content.meals/></Paged> }.into_any(),
                None => view! { <p class="empty">{ui.no_menu}</p> }.into_any(),
            }
        }}/>
    }
}
