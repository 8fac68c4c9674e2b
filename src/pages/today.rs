//! Today: the date in words, announcements, the visits status, what is on, the menu, and the
//! next prevention session. Everything comes from `/api/v1/today` in one request.

use leptos::prelude::*;
use leptos_router::components::A;
use plantzette_content::format::{long_date, time_span};
use plantzette_content::{Announcement, Item, MealKind, Today, UpcomingSession, VisitsStatus};

use crate::api;
use crate::clock::{residence_now, residence_today};
use crate::components::activity::ActivityList;
use crate::components::fetched::Fetched;
use crate::components::layout::use_page_title;
use crate::components::local_text::LocalText;
use crate::components::meal::MealCard;
use crate::i18n::{use_lang, use_ui};

#[component]
pub fn TodayPage() -> impl IntoView {
    let ui = use_ui();
    let lang = use_lang();
    let date = residence_today();
    let today = LocalResource::new(move || api::today(date));
    use_page_title(|ui| ui.today.to_string());
    view! {
        <h1>
            <span class="eyebrow">{move || ui.get().today}</span>
            {move || long_date(date, lang.get())}
        </h1>
        <Fetched resource=today render={|today: Today| view! { <TodayContent today/> }}/>
    }
}

#[component]
fn TodayContent(today: Today) -> impl IntoView {
    let ui = use_ui();
    let meals: Vec<_> = today
        .menu
        .map(|menu| menu.content.meals.into_iter().filter(|m| m.kind != MealKind::Dejeuner).collect())
        .unwrap_or_default();
    view! {
        <VisitsNotice visits=today.residence.visits/>
        <Announcements announcements=today.announcements/>
        <section aria-labelledby="today-activities">
            <h2 id="today-activities">{move || ui.get().todays_activities}</h2>
            <ActivityList occurrences=today.activities now=residence_now()/>
        </section>
        <section aria-labelledby="today-menu">
            <h2 id="today-menu">{move || ui.get().todays_menu}</h2>
            {if meals.is_empty() {
                view! { <p class="empty">{move || ui.get().no_menu}</p> }.into_any()
            } else {
                view! { <div class="meals">{meals.into_iter().map(|meal| view! { <MealCard meal/> }).collect_view()}</div> }.into_any()
            }}
        </section>
        {today.next_session.map(|next| view! { <NextSession next/> })}
    }
}

/// Whether visits are open, and why not when they are not.
#[component]
pub fn VisitsNotice(visits: VisitsStatus) -> impl IntoView {
    let lang = use_lang();
    let state = visits.state;
    view! {
        <p class=format!("visits visits-{}", format!("{state:?}").to_lowercase())>
            <strong>{move || state.label(lang.get())}</strong>
            {visits.message.map(|message| view! { " — " <LocalText text=message/> })}
        </p>
    }
}

#[component]
fn Announcements(announcements: Vec<Item<Announcement>>) -> impl IntoView {
    let ui = use_ui();
    let now = residence_now();
    let shown: Vec<_> = announcements.into_iter().filter(|a| a.content.is_shown_at(now)).collect();
    (!shown.is_empty()).then(|| {
        view! {
            <section class="announcements" aria-labelledby="announcements">
                <h2 id="announcements">{move || ui.get().announcements}</h2>
                <ul>
                    {shown
                        .into_iter()
                        .map(|a| {
                            let priority = format!("{:?}", a.content.priority).to_lowercase();
                            view! { <li class=format!("announcement priority-{priority}")><LocalText text=a.content.text/></li> }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn NextSession(next: UpcomingSession) -> impl IntoView {
    let ui = use_ui();
    let lang = use_lang();
    let session = next.session;
    view! {
        <section aria-labelledby="next-session">
            <h2 id="next-session">{move || ui.get().next_prevention_session}</h2>
            <p class="card">
                <A href=format!("/programmes/{}", next.programme_id)><LocalText text=next.title/></A>
                <br/>
                {move || long_date(session.starts_at.date(), lang.get())}", "{time_span(session.starts_at, session.ends_at)}
                <br/>
                <LocalText text=session.place.clone()/>
            </p>
        </section>
    }
}
