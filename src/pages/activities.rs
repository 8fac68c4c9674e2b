//! Activities of a week, day by day, with the weeks before and after a tap away.

use leptos::prelude::*;
use plantzette_content::format::day_heading;
use plantzette_content::{Listing, Occurrence};

use crate::api;
use crate::clock::residence_now;
use crate::components::activity::ActivityList;
use crate::components::fetched::Fetched;
use crate::components::layout::use_page_title;
use crate::components::week_nav::{use_week, week_label, WeekNav};
use crate::i18n::{use_lang, use_ui};

#[component]
pub fn ActivitiesPage() -> impl IntoView {
    let ui = use_ui();
    let lang = use_lang();
    let week = use_week();
    let activities = LocalResource::new(move || api::activities(week.get().range()));
    use_page_title(|ui| ui.activities.to_string());
    view! {
        <h1>
            <span class="eyebrow">{move || ui.get().activities}</span>
            {move || week_label(week.get(), lang.get())}
        </h1>
        <WeekNav base="/activities" week/>
        <Fetched resource=activities render={|listing: Listing<Occurrence>| view! { <WeekOfActivities listing/> }}/>
    }
}

#[component]
fn WeekOfActivities(listing: Listing<Occurrence>) -> impl IntoView {
    let lang = use_lang();
    let now = residence_now();
    listing
        .range
        .days()
        .map(|day| {
            let of_day: Vec<Occurrence> = listing.items.iter().filter(|o| o.starts_at.date() == day).cloned().collect();
            let id = format!("day-{day}");
            let labelled_by = id.clone();
            view! {
                <section class="day" aria-labelledby=labelled_by class:today=day == now.date()>
                    <h2 id=id>{move || day_heading(day, lang.get())}</h2>
                    <ActivityList occurrences=of_day now/>
                </section>
            }
        })
        .collect_view()
}
