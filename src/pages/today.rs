//! Today: the date in words, announcements, what is on, the menu, and the next prevention
//! session. Everything comes from `/api/v1/today` in one request, shared with the notices at the
//! top of every page (visits status, urgent announcements). On the kiosk this is the day
//! programme: the day's activities alone, large and paged (the kiosk's home has the rest).

use leptos::prelude::*;
use leptos_router::components::A;
use plantzette_content::format::{long_date, time_span};
use plantzette_content::{Announcement, Item, Today, UpcomingSession};

use super::announcements::AnnouncementList;
use crate::components::activity::ActivityList;
use crate::components::fetched::Fetched;
use crate::components::layout::set_page_title;
use crate::components::local_text::LocalText;
use crate::components::meal::MealCard;
use crate::components::notices::use_today;
use crate::components::paged::Paged;
use crate::hooks::use_clock::use_clock;
use crate::i18n::{lang, ui};
use crate::kiosk::is_kiosk;
use chrono::NaiveDateTime;

#[component]
pub fn TodayPage() -> impl IntoView {
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
        <Fetched resource=today render={move |today: Today| if is_kiosk() {
            view! { <DayProgramme today clock/> }.into_any()
        } else {
            view! { <TodayContent today clock/> }.into_any()
        }}/>
    }
}

/// The kiosk's day programme: each activity's time and title large, its page a tap away.
#[component]
fn DayProgramme(today: Today, clock: ReadSignal<NaiveDateTime>) -> impl IntoView {
    let activities = today.activities;
    view! {
        <h2 class="visually-hidden">{ui().todays_activities}</h2>
        <Paged>{move || view! { <ActivityList occurrences=activities.clone() now=clock.get()/> }}</Paged>
    }
}

#[component]
fn TodayContent(today: Today, clock: ReadSignal<NaiveDateTime>) -> impl IntoView {
    let ui = ui();
    let meals = today.lunch_and_supper();
    let (announcements, activities) = (today.clone(), today.activities.clone());
    view! {
        // Urgent ones already stand at the top of every page. Both follow the minute clock.
        {move || view! { <Announcements announcements=announcements.news_at(clock.get())/> }}
        <section aria-labelledby="today-activities">
            <h2 id="today-activities">{ui.todays_activities}</h2>
            {move || view! { <ActivityList occurrences=activities.clone() now=clock.get()/> }}
        </section>
        <section aria-labelledby="today-menu">
            <h2 id="today-menu">{ui.todays_menu}</h2>
            {if meals.is_empty() {
                view! { <p class="empty">{ui.no_menu}</p> }.into_any()
            } else {
                view! { <div class="meals">{meals.into_iter().map(|meal| view! { <MealCard meal/> }).collect_view()}</div> }.into_any()
            }}
        </section>
        {today.next_session.map(|next| view! { <NextSession next/> })}
    }
}

#[component]
fn Announcements(announcements: Vec<Item<Announcement>>) -> impl IntoView {
    let ui = ui();
    (!announcements.is_empty()).then(|| {
        view! {
            <section class="announcements" aria-labelledby="announcements">
                <h2 id="announcements">{ui.announcements}</h2>
                <AnnouncementList announcements/>
            </section>
        }
    })
}

#[component]
fn NextSession(next: UpcomingSession) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let session = next.session;
    view! {
        <section aria-labelledby="next-session">
            <h2 id="next-session">{ui.next_prevention_session}</h2>
            <p class="card">
                <A href=format!("/programmes/{}", next.programme_id)><LocalText text=next.title/></A>
                <br/>
                {long_date(session.starts_at.date(), lang)}", "{time_span(session.starts_at, session.ends_at)}
                <br/>
                <LocalText text=session.place.clone()/>
            </p>
        </section>
    }
}
