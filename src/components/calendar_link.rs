//! "Add to my calendar": a download of one event that the phone offers to add to its calendar.

use leptos::prelude::*;

use crate::i18n::ui;

#[component]
pub fn AddToCalendar(href: String) -> impl IntoView {
    view! {
        <a class="button calendar-link" href=href download="">
            <span aria-hidden="true">"📅 "</span>
            {ui().add_to_calendar}
        </a>
    }
}
