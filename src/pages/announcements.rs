//! The day's announcements, whole: the kiosk's home shows the first ones, and this screen all of
//! them, paged on the kiosk. Urgent ones stand in the banner at the top of every page.

use leptos::prelude::*;
use plantzette_content::{Announcement, Item, Today};

use crate::components::fetched::Fetched;
use crate::components::layout::set_page_title;
use crate::components::local_text::LocalText;
use crate::components::notices::use_today;
use crate::components::paged::Paged;
use crate::hooks::use_clock::use_clock;
use crate::i18n::ui;

#[component]
pub fn AnnouncementsPage() -> impl IntoView {
    let ui = ui();
    let today = use_today();
    let clock = use_clock();
    set_page_title(ui.announcements);
    view! {
        <h1>{ui.announcements}</h1>
        <Fetched resource=today render=move |today: Today| move || {
            let shown = today.news_at(clock.get());
            if shown.is_empty() {
                view! { <p class="empty">{ui.no_announcements}</p> }.into_any()
            } else {
                view! { <Paged><AnnouncementList announcements=shown/></Paged> }.into_any()
            }
        }/>
    }
}

/// Announcements as a list, the important ones marked.
#[component]
pub fn AnnouncementList(announcements: Vec<Item<Announcement>>) -> impl IntoView {
    view! {
        <ul class="announcement-list">
            {announcements
                .into_iter()
                .map(|a| {
                    let priority = a.content.priority.as_str();
                    view! { <li class=format!("announcement priority-{priority}")><LocalText text=a.content.text/></li> }
                })
                .collect_view()}
        </ul>
    }
}
