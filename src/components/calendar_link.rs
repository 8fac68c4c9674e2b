//! "Add to my calendar": a download of one event that the phone offers to add to its calendar.

use leptos::prelude::*;

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
