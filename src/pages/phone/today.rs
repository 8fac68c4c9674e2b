//! `/`: the day, as a family reads it: the date in words, the announcements, what is on (now and
//! next marked), the day's dîner and souper, and the next prevention session.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::format::{long_date, time_span};
use plantzette_content::{Today, UpcomingSession};

use crate::components::activity::ActivityList;
use crate::components::announcements::AnnouncementList;
use crate::components::local_text::LocalText;
use crate::components::meal::MealCards;
use crate::i18n::{lang, ui};

#[component]
pub fn TodayContent(today: Today, now: NaiveDateTime) -> impl IntoView {
    let ui = ui();
    let meals = today.lunch_and_supper();
    // Urgent ones already stand at the top of every page.
    let news = today.news_at(now);
    view! {
        <h1>
            <span class="eyebrow">{ui.today}</span>
            {long_date(today.date, lang())}
        </h1>
        {(!news.is_empty()).then(|| view! {
            <section class="announcements" aria-labelledby="announcements">
                <h2 id="announcements">{ui.announcements}</h2>
                <AnnouncementList announcements=news/>
            </section>
        })}
        <section aria-labelledby="today-activities">
            <h2 id="today-activities">{ui.todays_activities}</h2>
            <ActivityList occurrences=today.activities now/>
        </section>
        <section aria-labelledby="today-menu">
            <h2 id="today-menu">{ui.todays_menu}</h2>
            {if meals.is_empty() {
                view! { <p class="empty">{ui.no_menu}</p> }.into_any()
            } else {
                view! { <MealCards meals/> }.into_any()
            }}
        </section>
        {today.next_session.map(|next| view! { <NextSession next/> })}
    }
}

#[component]
fn NextSession(next: UpcomingSession) -> impl IntoView {
    let ui = ui();
    let session = next.session;
    view! {
        <section aria-labelledby="next-session">
            <h2 id="next-session">{ui.next_prevention_session}</h2>
            <p class="card">
                <a href=format!("/programmes/{}", next.programme_id)><LocalText text=next.title/></a>
                <br/>
                {long_date(session.starts_at.date(), lang())}", "{time_span(session.starts_at, session.ends_at)}
                <br/>
                <LocalText text=session.place/>
            </p>
        </section>
    }
}
