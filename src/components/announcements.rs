//! Announcements as a list, the important ones marked. Urgent ones stand in the banner at the top
//! of every page (`notices`).

use leptos::prelude::*;
use plantzette_content::{Announcement, Item};

use crate::components::local_text::LocalText;

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
