//! The kiosk's week, one day at a time: a big button per day (`?day=`) and the chosen day's
//! activities, paged rather than scrolled; and each occurrence on a screen of its own, with its
//! places left and the sign-up form's QR code.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use plantzette_content::format::{day_heading, short_day};
use plantzette_content::photo::Owner;
use plantzette_content::sign_up::EventRef;
use plantzette_content::{Activity, DateRange, Item, Listing, Occurrence};

use crate::components::activity::{counts_places, ActivityList, OccurrenceBlocks, OccurrenceHeading};
use crate::components::page_link;
use crate::components::week_nav::{WeekHeader, WeekLinks};
use crate::i18n::{lang, ui};
use crate::kiosk::address::{use_query_link, use_week};
use crate::kiosk::api;
use crate::kiosk::fetched::Fetched;
use crate::kiosk::layout::set_page_title;
use crate::kiosk::live::live_resource;
use crate::kiosk::paged::Paged;
use crate::kiosk::photo::BesidePhoto;
use crate::kiosk::places::LivePlaces;
use plantzette_web::clock::{residence_now, residence_today};

#[component]
pub fn WeekPage() -> impl IntoView {
    let ui = ui();
    let week = use_week();
    let activities = live_resource(move || api::activities(week.get().range()));
    let link = use_query_link("/kiosk/activities");
    set_page_title(ui.the_week);
    view! {
        {move || {
            let week = week.get();
            let links = WeekLinks::around(week, residence_today(), |week| link("week", week.map(|w| w.monday().to_string())));
            view! { <WeekHeader title=ui.the_week week links/> }
        }}
        <Fetched resource=activities render={|listing: Listing<Occurrence>| view! { <DayOfWeek listing/> }}/>
    }
}

/// A button per day, and the chosen day's activities (today's, or Monday's in another week, until
/// one is chosen).
#[component]
fn DayOfWeek(listing: Listing<Occurrence>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let query = use_query_map();
    let link = use_query_link("/kiosk/activities");
    let range = listing.range;
    let chosen = Memo::new(move |_| {
        let in_week = |day: &NaiveDate| range.contains(*day);
        let asked = query.read().get("day").and_then(|day| day.parse::<NaiveDate>().ok()).filter(in_week);
        asked.or(Some(residence_today()).filter(in_week)).unwrap_or(range.from)
    });
    let listing = StoredValue::new(listing);
    view! {
        <nav class="day-tabs" aria-label=ui.days_of_week>
            <ul>
                {range
                    .days()
                    .map(|day| view! {
                        <li>
                            <A href=move || link("day", Some(day.to_string())) attr:aria-current=move || (chosen.get() == day).then_some("true")>
                                {short_day(day, lang)}
                            </A>
                        </li>
                    })
                    .collect_view()}
            </ul>
        </nav>
        {move || {
            let day = chosen.get();
            let of_day: Vec<Occurrence> = listing.with_value(|listing| listing.items.iter().filter(|o| o.starts_at.date() == day).cloned().collect());
            view! {
                <h2 class="visually-hidden">{day_heading(day, lang)}</h2>
                <Paged><ActivityList occurrences=of_day now=residence_now()/></Paged>
            }
        }}
    }
}

#[component]
pub fn ActivityPage() -> impl IntoView {
    let params = use_params_map();
    let activity = live_resource(move || api::activity(params.read().get("id").unwrap_or_default()));
    let date = Memo::new(move |_| params.read().get("date").and_then(|d| d.parse::<NaiveDate>().ok()));
    set_page_title(ui().activities);
    view! {
        <Fetched resource=activity render={move |item: Item<Activity>| view! { <OccurrenceDetail item date=date.get()/> }}/>
    }
}

/// One occurrence of an activity: when, where, what, its places left, and its photo.
#[component]
fn OccurrenceDetail(item: Item<Activity>, date: Option<NaiveDate>) -> impl IntoView {
    let ui = ui();
    let Some(occurrence) = date.and_then(|day| item.occurrences(DateRange::day(day)).into_iter().next()) else {
        return view! {
            <h1>{ui.not_found}</h1>
            <p>{ui.not_found_text}</p>
            <p><A href=page_link("/activities") attr:class="button">{ui.the_week}</A></p>
        }
        .into_any();
    };
    let event = EventRef::Occurrence { activity_id: occurrence.activity_id, date: occurrence.starts_at.date() };
    let counted = counts_places(&occurrence, residence_now());
    let owner = Owner::Activity { id: occurrence.activity_id, day: Some(occurrence.starts_at.date()) };
    view! {
        <OccurrenceHeading occurrence=occurrence.clone()/>
        <BesidePhoto owner=Some(owner)>
            <Paged>
                <OccurrenceBlocks occurrence>
                    {counted.then(|| view! {
                        <div class="places-line">
                            <LivePlaces event/>
                            <p class="sign-up-where">{ui.sign_up.scan_or_reception}</p>
                        </div>
                    })}
                </OccurrenceBlocks>
            </Paged>
        </BesidePhoto>
    }
    .into_any()
}
