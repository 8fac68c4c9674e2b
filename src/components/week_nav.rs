//! The week a page shows, read from `?week=YYYY-MM-DD` (any day of it) so that it can be linked
//! to, with links to the weeks before and after.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use plantzette_content::format::week_span;
use plantzette_content::Week;

use crate::components::address::use_query_link;
use crate::i18n::{lang, ui};
use crate::kiosk::is_kiosk;
use plantzette_web::clock::residence_today;

/// The week named in the address, or the current one.
pub fn use_week() -> Memo<Week> {
    let query = use_query_map();
    Memo::new(move |_| {
        let asked = query.read().get("week").and_then(|day| day.parse::<NaiveDate>().ok());
        Week::containing(asked.unwrap_or_else(residence_today))
    })
}

/// "16 – 22 novembre 2026".
fn week_label(week: Week, lang: plantzette_content::Lang) -> String {
    week_span(week.monday(), week.sunday(), lang)
}

/// The heading of a week's page ("Activités", "16 – 22 novembre 2026") and its week navigation.
#[component]
pub fn WeekHeader(title: &'static str, base: &'static str, week: Memo<Week>) -> impl IntoView {
    let lang = lang();
    view! {
        <div class="page-heading">
            <h1>
                <span class="eyebrow">{title}</span>
                {move || week_label(week.get(), lang)}
            </h1>
            <WeekNav base week/>
        </div>
    }
}

#[component]
fn WeekNav(base: &'static str, week: Memo<Week>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let link = use_query_link(base);
    let to_week = move |target: Week| link("week", Some(target.monday().to_string()));
    let is_current = move || week.get() == Week::containing(residence_today());
    let navigate = use_navigate();
    let go_to_date = move |ev| {
        if let Ok(date) = event_target_value(&ev).parse::<NaiveDate>() {
            navigate(&to_week(Week::containing(date)), Default::default());
        }
    };
    view! {
        <nav class="week-nav" aria-label=move || week_label(week.get(), lang)>
            <A href=move || to_week(week.get().previous())>"← "{ui.previous_week}</A>
            <Show when=move || !is_current()>
                <A href=move || link("week", None)>{ui.this_week}</A>
            </Show>
            <A href=move || to_week(week.get().next())>{ui.next_week}" →"</A>
        </nav>
        // Typing a date is for keyboards: the kiosk steps a week at a time.
        {(!is_kiosk()).then(|| view! {
            <label class="date-picker">
                {ui.go_to_date}
                <input type="date" prop:value=move || week.get().monday().to_string() on:change=go_to_date/>
            </label>
        })}
    }
}
