//! Activities of a week, day by day, with the weeks before and after a tap away.

use leptos::prelude::*;
use plantzette_content::format::day_heading;
use plantzette_content::{Listing, Occurrence};

use crate::api;
use crate::clock::residence_now;
use crate::components::activity::ActivityList;
use crate::components::fetched::Fetched;
use crate::components::layout::set_page_title;
use crate::components::week_nav::{use_week, WeekHeader};
use crate::i18n::{lang, ui};

#[component]
pub fn ActivitiesPage() -> impl IntoView {
    let ui = ui();
    let week = use_week();
    let activities = LocalResource::new(move || api::activities(week.get().range()));
    set_page_title(ui.activities);
    view! {
        <WeekHeader title=ui.activities base="/activities" week/>
        <Fetched resource=activities render={|listing: Listing<Occurrence>| view! { <WeekOfActivities listing/> }}/>
    }
}

#[component]
fn WeekOfActivities(listing: Listing<Occurrence>) -> impl IntoView {
    let lang = lang();
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
                    <h2 id=id>{day_heading(day, lang)}</h2>
                    <ActivityList occurrences=of_day now/>
                </section>
            }
        })
        .collect_view()
}
