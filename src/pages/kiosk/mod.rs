//! The kiosk's home, for the lobby screen: the time and date in words, what is on now and next,
//! today's dîner and souper, announcements and the next prevention session, each readable aloud.
//! The big tiles to every other page are the kiosk's header, on every screen. Left alone, the
//! home shows the day's highlights in turn beside the clock.

mod highlights;

use chrono::{NaiveDateTime, Timelike};
use leptos::prelude::*;
use plantzette_content::format::{long_date, time, time_span};
use plantzette_content::Today;

use crate::components::activity::ActivityList;
use crate::components::fetched::Fetched;
use crate::components::layout::set_page_title;
use crate::components::local_text::LocalText;
use crate::components::meal::MealCard;
use crate::components::notices::use_today;
use crate::components::read_aloud::ReadAloud;
use crate::hooks::use_clock::use_clock;
use crate::i18n::{lang, ui};
use highlights::Highlights;

#[component]
pub fn KioskPage() -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let today = use_today();
    let now = use_clock();
    // Now/next marks read the minute: the seconds of the first reading are dropped.
    let minute = Memo::new(move |_| now.get().with_second(0).unwrap_or_default());
    set_page_title(ui.home);
    view! {
        <div class="kiosk-home">
            <div class="kiosk-now">
                <p class="clock"><time>{move || time(now.get())}</time></p>
                <h1>{move || long_date(now.get().date(), lang)}</h1>
            </div>
            <Fetched resource=today render=move |today: Today| view! { <KioskToday today minute/> }/>
        </div>
    }
}

#[component]
fn KioskToday(today: Today, minute: Memo<NaiveDateTime>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let activities = today.activities.clone();
    let meals = today.lunch_and_supper();
    let announcements = today.clone();
    view! {
        <Highlights today=today.clone() minute/>
        <div class="kiosk-columns">
            <KioskSection id="kiosk-activities" title=ui.todays_activities>
                {move || view! { <ActivityList occurrences=activities.clone() now=minute.get() linked=false/> }}
            </KioskSection>
            <KioskSection id="kiosk-menu" title=ui.todays_menu>
                {if meals.is_empty() {
                    view! { <p class="empty">{ui.no_menu}</p> }.into_any()
                } else {
                    meals.into_iter().map(|meal| view! { <MealCard meal/> }).collect_view().into_any()
                }}
            </KioskSection>
            <KioskSection id="kiosk-news" title=ui.announcements>
                <ul class="kiosk-announcements">
                    {move || {
                        announcements.news_at(minute.get()).into_iter().map(|a| view! { <li><LocalText text=a.content.text/></li> }).collect_view()
                    }}
                </ul>
                {today.next_session.map(|next| {
                    let session = next.session;
                    view! {
                        <h2>{ui.next_prevention_session}</h2>
                        <p>
                            <strong><LocalText text=next.title/></strong><br/>
                            {long_date(session.starts_at.date(), lang)}", "{time_span(session.starts_at, session.ends_at)}<br/>
                            <LocalText text=session.place/>
                        </p>
                    }
                })}
            </KioskSection>
        </div>
    }
}

/// A panel of the kiosk's home with its heading, read aloud (heading included) at a tap.
#[component]
fn KioskSection(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    let text_id = format!("{id}-text");
    view! {
        <section class="kiosk-section" aria-labelledby=id>
            <div id=text_id.clone()>
                <h2 id=id>{title}</h2>
                {children()}
            </div>
            <ReadAloud of=text_id/>
        </section>
    }
}
