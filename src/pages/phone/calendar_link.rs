//! Calendars: "Add to my calendar", a download of one event that the phone offers to add to its
//! calendar, and where each calendar file and feed is, in the reader's language.

use chrono::NaiveDate;
use leptos::prelude::*;
use plantzette_content::{Category, Lang};

use crate::i18n::ui;

#[component]
pub fn AddToCalendar(href: String) -> impl IntoView {
    view! {
        <a class="button calendar-link" href=href download="">
            <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                <rect x="3" y="5" width="18" height="16" rx="2" fill="none" stroke="currentColor" stroke-width="2"/>
                <path d="M3 10h18M8 3v4M16 3v4M12 13v6M9 16h6" fill="none" stroke="currentColor" stroke-width="2"/>
            </svg>
            {ui().add_to_calendar}
        </a>
    }
}

/// One occurrence's calendar file.
pub fn occurrence_calendar(activity_id: i64, date: NaiveDate, lang: Lang) -> String {
    format!("/api/v1/calendar/activities/{activity_id}/{date}.ics?lang={}", lang.code())
}

/// One prevention session's calendar file (sessions are numbered from 1).
pub fn session_calendar(programme_id: i64, number: usize, lang: Lang) -> String {
    format!("/api/v1/calendar/programmes/{programme_id}/{number}.ics?lang={}", lang.code())
}

/// Every session of a programme (a course's, to add at once).
pub fn programme_calendar(programme_id: i64, lang: Lang) -> String {
    format!("/api/v1/calendar/programmes/{programme_id}.ics?lang={}", lang.code())
}

/// The feed of one kind of activity (`None`: everything), for a calendar app to subscribe to.
pub fn feed_path(category: Option<Category>, lang: Lang) -> String {
    match category {
        Some(category) => format!("/api/v1/calendar/{}.ics?lang={}", category.as_str(), lang.code()),
        None => format!("/api/v1/calendar.ics?lang={}", lang.code()),
    }
}
