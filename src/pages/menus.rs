//! Menus of a week, day by day, with allergens and alternatives. On the kiosk, one day at a
//! time (`?day=`, today first) with big buttons to the day before and after.

use chrono::{Days, NaiveDate};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use plantzette_content::format::day_heading;
use plantzette_content::{DateRange, DayMenu, Item, Listing};

use crate::api;
use crate::components::fetched::Fetched;
use crate::components::layout::set_page_title;
use crate::components::meal::MealCard;
use crate::components::paged::Paged;
use crate::components::week_nav::{use_week, WeekHeader};
use crate::i18n::{lang, ui};
use crate::kiosk::is_kiosk;
use crate::live::live_resource;
use plantzette_web::clock::residence_today;

#[component]
pub fn MenusPage() -> impl IntoView {
    let ui = ui();
    set_page_title(ui.menus);
    if is_kiosk() {
        return view! { <DayOfMenus/> }.into_any();
    }
    let week = use_week();
    let menus = live_resource(move || api::menus(week.get().range()));
    view! {
        <WeekHeader title=ui.menus base="/menus" week/>
        <Fetched resource=menus render={|listing: Listing<Item<DayMenu>>| view! { <WeekOfMenus listing/> }}/>
    }
    .into_any()
}

#[component]
fn WeekOfMenus(listing: Listing<Item<DayMenu>>) -> impl IntoView {
    let lang = lang();
    listing
        .range
        .days()
        .map(|day| {
            let id = format!("menu-{day}");
            let labelled_by = id.clone();
            view! {
                <section class="day" aria-labelledby=labelled_by class:today=day == residence_today()>
                    <h2 id=id>{day_heading(day, lang)}</h2>
                    <Meals listing=listing.clone() day/>
                </section>
            }
        })
        .collect_view()
}

/// The kiosk's menus: the day shown, and a button to the day before, to today, and after.
#[component]
fn DayOfMenus() -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let query = use_query_map();
    let day = Memo::new(move |_| query.read().get("day").and_then(|day| day.parse::<NaiveDate>().ok()).unwrap_or_else(residence_today));
    let menus = live_resource(move || api::menus(DateRange::day(day.get())));
    let to_day = move |step: fn(NaiveDate, Days) -> Option<NaiveDate>| {
        let target = step(day.get(), Days::new(1)).unwrap_or_else(|| day.get());
        format!("/menus?day={target}")
    };
    view! {
        <div class="page-heading">
            <h1><span class="eyebrow">{ui.menus}</span>{move || day_heading(day.get(), lang)}</h1>
            <nav class="day-nav" aria-label=ui.menus>
                <A href=move || to_day(NaiveDate::checked_sub_days)>"← "{ui.previous_day}</A>
                <Show when=move || day.get() != residence_today()>
                    <A href="/menus">{ui.today}</A>
                </Show>
                <A href=move || to_day(NaiveDate::checked_add_days)>{ui.next_day}" →"</A>
            </nav>
        </div>
        // The meals' headings are a level below the day's, as on the week's page.
        <h2 class="visually-hidden">{move || day_heading(day.get(), lang)}</h2>
        <Fetched resource=menus render={move |listing: Listing<Item<DayMenu>>| view! { <Meals listing day=day.get()/> }}/>
    }
}

/// A day's meals, each a card, or word that the menu is not out yet.
#[component]
fn Meals(listing: Listing<Item<DayMenu>>, day: NaiveDate) -> impl IntoView {
    let menu = listing.items.into_iter().find(|m| m.content.date == day).map(|m| m.content.meals);
    match menu {
        Some(meals) => view! {
            <Paged><div class="meals">{meals.into_iter().map(|meal| view! { <MealCard meal/> }).collect_view()}</div></Paged>
        }
        .into_any(),
        None => view! { <p class="empty">{ui().no_menu}</p> }.into_any(),
    }
}
