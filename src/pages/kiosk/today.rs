//! The kiosk's day programme: the date in words, and the day's activities alone, large and paged,
//! each a tap from its page (the home has the rest of the day).

use leptos::prelude::*;
use plantzette_content::format::long_date;
use plantzette_content::Today;

use crate::components::activity::ActivityList;
use crate::i18n::{lang, ui};
use crate::kiosk::fetched::Fetched;
use crate::kiosk::hooks::use_clock::use_clock;
use crate::kiosk::layout::set_page_title;
use crate::kiosk::paged::Paged;
use crate::kiosk::today::use_today;

#[component]
pub fn DayProgrammePage() -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let today = use_today();
    // The heading turns the page at midnight with the content below it.
    let clock = use_clock();
    set_page_title(ui.today);
    view! {
        <h1>
            <span class="eyebrow">{ui.today}</span>
            {move || long_date(clock.get().date(), lang)}
        </h1>
        <Fetched resource=today render=move |today: Today| {
            let activities = today.activities;
            view! {
                <h2 class="visually-hidden">{ui.todays_activities}</h2>
                <Paged>{move || view! { <ActivityList occurrences=activities.clone() now=clock.get()/> }}</Paged>
            }
        }/>
    }
}
