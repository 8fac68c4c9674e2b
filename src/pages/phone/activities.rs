//! `/activities`: the activities of a week, day by day, filtered by kind if asked (`?category=`),
//! with the weeks before and after a tap away, a date to go to, and a calendar to subscribe to;
//! and `/activities/{id}/{date}`: each occurrence on its own page, to share or to add to one's
//! calendar, with its places left and the way to sign up.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::format::day_heading;
use plantzette_content::photo::Photo;
use plantzette_content::sign_up::{Availability, EventRef};
use plantzette_content::{Category, Listing, Occurrence, Week};

use super::calendar_link::{feed_path, occurrence_calendar, AddToCalendar};
use super::photos::PhotoGallery;
use crate::components::activity::{counts_places, ActivityList, OccurrenceBlocks, OccurrenceHeading};
use crate::components::places::{Offer, Places};
use crate::components::week_nav::{WeekHeader, WeekLinks};
use crate::i18n::{lang, ui};

/// A week of activities, and the kind asked for.
pub struct WeekOfActivities {
    pub week: Week,
    pub category: Option<Category>,
    pub listing: Listing<Occurrence>,
}

/// `/activities` with the kind and the week: the current week and every kind are left out.
fn address(category: Option<Category>, week: Option<Week>) -> String {
    let params: Vec<String> =
        [category.map(|c| format!("category={}", c.as_str())), week.map(|w| format!("week={}", w.monday()))].into_iter().flatten().collect();
    if params.is_empty() {
        "/activities".to_string()
    } else {
        format!("/activities?{}", params.join("&"))
    }
}

#[component]
pub fn ActivitiesContent(week: WeekOfActivities, now: NaiveDateTime, origin: String) -> impl IntoView {
    let ui = ui();
    let WeekOfActivities { week, category, listing } = week;
    let shown_week = (week != Week::containing(now.date())).then_some(week);
    let links = WeekLinks::around(week, now.date(), |week| address(category, week));
    view! {
        <WeekHeader title=ui.activities week links>
            <DatePicker page="/activities" week kept=category.map(|c| ("category", c.as_str()))/>
        </WeekHeader>
        <CategoryFilter category week=shown_week/>
        <Days listing category now/>
        <Subscribe category origin/>
    }
}

/// A date to go to: a plain form that asks the page (`page`) for the week of the date typed,
/// keeping the page's other choice (`kept`: the kind of activity).
#[component]
pub fn DatePicker(page: &'static str, week: Week, #[prop(optional_no_strip)] kept: Option<(&'static str, &'static str)>) -> impl IntoView {
    let ui = ui();
    view! {
        <form class="date-picker" method="get" action=page>
            {kept.map(|(name, value)| view! { <input type="hidden" name=name value=value/> })}
            <label for="go-to-date">{ui.go_to_date}</label>
            <input id="go-to-date" type="date" name="week" value=week.monday().to_string()/>
            <button type="submit" class="button secondary">{ui.show}</button>
        </form>
    }
}

/// One link per kind of activity, and one for all; the chosen one is marked as current.
#[component]
fn CategoryFilter(category: Option<Category>, week: Option<Week>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let choice = move |label: &'static str, value: Option<Category>| {
        view! {
            <li>
                <a href=address(value, week) aria-current=(category == value).then_some("true")>{label}</a>
            </li>
        }
    };
    view! {
        <nav class="category-filter" aria-label=ui.kind_of_activity>
            <ul>
                {choice(ui.all_categories, None)}
                {Category::ALL.into_iter().map(|c| choice(c.label(lang), Some(c))).collect_view()}
            </ul>
        </nav>
    }
}

/// The week's days, each with its activities of the kind chosen.
#[component]
fn Days(listing: Listing<Occurrence>, category: Option<Category>, now: NaiveDateTime) -> impl IntoView {
    let lang = lang();
    let shown: Vec<&Occurrence> = listing.items.iter().filter(|o| category.is_none_or(|c| o.info.category == c)).collect();
    if category.is_some() && shown.is_empty() {
        return view! { <p class="empty">{ui().no_activities_of_kind}</p> }.into_any();
    }
    listing
        .range
        .days()
        .filter_map(|day| {
            let of_day: Vec<Occurrence> = shown.iter().filter(|o| o.starts_at.date() == day).map(|o| (*o).clone()).collect();
            // With a kind chosen, only the days that have one are worth a heading.
            if category.is_some() && of_day.is_empty() {
                return None;
            }
            let id = format!("day-{day}");
            let labelled_by = id.clone();
            Some(view! {
                <section class="day" aria-labelledby=labelled_by class:today=day == now.date()>
                    <h2 id=id>{day_heading(day, lang)}</h2>
                    <ActivityList occurrences=of_day now/>
                </section>
            })
        })
        .collect_view()
        .into_any()
}

/// The calendar of the chosen kind (or of everything), for a phone's calendar to subscribe to.
#[component]
fn Subscribe(category: Option<Category>, origin: String) -> impl IntoView {
    let ui = ui();
    let feed = feed_path(category, lang());
    let host = origin.split_once("://").map_or(origin.as_str(), |(_, host)| host);
    view! {
        <section class="subscribe" aria-labelledby="subscribe">
            <h2 id="subscribe">{ui.subscribe_calendar}</h2>
            <p><a class="button" href=format!("webcal://{host}{feed}")>{ui.subscribe_calendar}</a></p>
            <p>{ui.calendar_address}{ui.colon}<code>{format!("{origin}{feed}")}</code></p>
        </section>
    }
}

/// One occurrence, its places left if it counts them, and the photos a family may see of it.
pub struct ActivityPage {
    pub occurrence: Occurrence,
    pub places: Option<Availability>,
    pub photos: Vec<Photo>,
}

#[component]
pub fn ActivityContent(page: ActivityPage, now: NaiveDateTime) -> impl IntoView {
    let ActivityPage { occurrence, places, photos } = page;
    let event = EventRef::Occurrence { activity_id: occurrence.activity_id, date: occurrence.starts_at.date() };
    let places = places.filter(|_| counts_places(&occurrence, now));
    let calendar = (!occurrence.cancelled).then(|| occurrence_calendar(occurrence.activity_id, occurrence.starts_at.date(), lang()));
    view! {
        <OccurrenceHeading occurrence=occurrence.clone()/>
        <OccurrenceBlocks occurrence>
            {places.map(|places| view! { <div class="places-line"><Places event places offer=Offer::Form/></div> })}
            {calendar.map(|href| view! { <p><AddToCalendar href/></p> })}
        </OccurrenceBlocks>
        <PhotoGallery photos/>
    }
}
