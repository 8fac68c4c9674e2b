//! Activities of a week, day by day, filtered by kind if asked, with the weeks before and after a
//! tap away and a calendar to subscribe to; and each occurrence on its own page, to share or to
//! add to one's calendar. On the kiosk the week shows one day at a time, chosen with a big
//! button per day (`?day=`), and pages rather than scrolls; nothing there to subscribe to.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use plantzette_content::format::{day_heading, long_date, short_day, time_span};
use plantzette_content::registration::EventRef;
use plantzette_content::{Activity, Category, DateRange, Item, Listing, Occurrence};

use crate::api;
use crate::components::activity::ActivityList;
use crate::components::address::use_query_link;
use crate::components::calendar_link::AddToCalendar;
use crate::components::fetched::Fetched;
use crate::components::layout::set_page_title;
use crate::components::local_text::LocalText;
use crate::components::paged::Paged;
use crate::components::places::PlacesLeft;
use crate::components::week_nav::{use_week, WeekHeader};
use crate::i18n::{lang, ui};
use crate::kiosk::is_kiosk;
use crate::live::live_resource;
use plantzette_web::clock::{residence_now, residence_today};

#[component]
pub fn ActivitiesPage() -> impl IntoView {
    let ui = ui();
    let week = use_week();
    let query = use_query_map();
    let category = Memo::new(move |_| query.read().get("category").as_deref().and_then(Category::parse));
    let activities = live_resource(move || api::activities(week.get().range()));
    set_page_title(ui.activities);
    if is_kiosk() {
        return view! {
            <WeekHeader title=ui.the_week base="/activities" week/>
            <Fetched resource=activities render={|listing: Listing<Occurrence>| view! { <DayOfWeek listing/> }}/>
        }
        .into_any();
    }
    view! {
        <WeekHeader title=ui.activities base="/activities" week/>
        <CategoryFilter category/>
        <Fetched resource=activities render={move |listing: Listing<Occurrence>| view! { <WeekOfActivities listing category/> }}/>
        <Subscribe category/>
    }
    .into_any()
}

/// The kiosk's week: a button per day, and the chosen day's activities (today's, or Monday's in
/// another week, until one is chosen).
#[component]
fn DayOfWeek(listing: Listing<Occurrence>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let query = use_query_map();
    let link = use_query_link("/activities");
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

/// One link per kind of activity, and one for all; the chosen one is marked as current.
#[component]
fn CategoryFilter(category: Memo<Option<Category>>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let link = use_query_link("/activities");
    let choice = move |label: &'static str, value: Option<Category>| {
        view! {
            <li>
                <A href=move || link("category", value.map(|c| c.as_str().to_string()))
                    attr:aria-current=move || (category.get() == value).then_some("true")>
                    {label}
                </A>
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

#[component]
fn WeekOfActivities(listing: Listing<Occurrence>, category: Memo<Option<Category>>) -> impl IntoView {
    let lang = lang();
    let now = residence_now();
    move || {
        let chosen = category.get();
        let shown: Vec<&Occurrence> = listing.items.iter().filter(|o| chosen.is_none_or(|c| o.info.category == c)).collect();
        if chosen.is_some() && shown.is_empty() {
            return view! { <p class="empty">{ui().no_activities_of_kind}</p> }.into_any();
        }
        listing
            .range
            .days()
            .filter_map(|day| {
                let of_day: Vec<Occurrence> = shown.iter().filter(|o| o.starts_at.date() == day).map(|o| (*o).clone()).collect();
                // With a kind chosen, only the days that have one are worth a heading.
                if chosen.is_some() && of_day.is_empty() {
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
}

/// The calendar of the chosen kind (or of everything), for a phone's calendar to subscribe to.
#[component]
fn Subscribe(category: Memo<Option<Category>>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let host = window().location().host().unwrap_or_default();
    let origin = window().location().origin().unwrap_or_default();
    let feed = move || api::feed_path(category.get(), lang);
    view! {
        <section class="subscribe" aria-labelledby="subscribe">
            <h2 id="subscribe">{ui.subscribe_calendar}</h2>
            <p><a class="button" href=move || format!("webcal://{host}{}", feed())>{ui.subscribe_calendar}</a></p>
            <p>{ui.calendar_address}{ui.colon}<code>{move || format!("{origin}{}", feed())}</code></p>
        </section>
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

/// One occurrence of an activity: when, where, what, and a button to add it to one's calendar.
#[component]
fn OccurrenceDetail(item: Item<Activity>, date: Option<NaiveDate>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let occurrence = date.and_then(|day| item.occurrences(DateRange::day(day)).into_iter().next());
    let Some(occurrence) = occurrence else {
        return view! {
            <h1>{ui.not_found}</h1>
            <p>{ui.not_found_text}</p>
            <p><A href="/activities" attr:class="button">{ui.activities}</A></p>
        }
        .into_any();
    };
    let day = occurrence.starts_at.date();
    let info = occurrence.info.clone();
    // A calendar file downloaded to the lobby screen would reach nobody's calendar.
    let addable = !occurrence.cancelled && !is_kiosk();
    view! {
        <div class="page-heading">
            <h1><span class="eyebrow">{info.category.label(lang)}</span><LocalText text=info.title/></h1>
            <A href=format!("/activities?week={day}&day={day}")>"← "{ui.whole_week}</A>
        </div>
        <Paged>
            <div class="blocks">
                <p class="lead when">{long_date(day, lang)}", "{time_span(occurrence.starts_at, occurrence.ends_at)}</p>
                {occurrence.cancelled.then(|| view! { <p class="badge badge-cancelled">{ui.cancelled}</p> })}
                <p><LocalText text=info.place/></p>
                {info.description.map(|text| view! { <p><LocalText text/></p> })}
                {info.registration_required.then(|| view! { <p class="badge">{ui.registration_required}</p> })}
                {(info.places.is_some() && !occurrence.cancelled && occurrence.ends_at > residence_now()).then(|| view! {
                    <div class="places-line">
                        <PlacesLeft event=EventRef::Occurrence { activity_id: occurrence.activity_id, date: day } offer=true/>
                        {is_kiosk().then(|| view! { <p class="sign-up-where">{ui.sign_up.scan_or_reception}</p> })}
                    </div>
                })}
                {addable.then(|| view! { <p><AddToCalendar href=api::occurrence_calendar(occurrence.activity_id, day, lang)/></p> })}
            </div>
        </Paged>
    }
    .into_any()
}
