//! `/announcements`: the day's announcements, whole (the today page shows them too). Urgent ones
//! stand in the banner at the top of every page.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::Today;

use crate::components::announcements::AnnouncementList;
use crate::i18n::ui;

#[component]
pub fn AnnouncementsContent(today: Today, now: NaiveDateTime) -> impl IntoView {
    let ui = ui();
    let shown = today.news_at(now);
    view! {
        <h1>{ui.announcements}</h1>
        {if shown.is_empty() {
            view! { <p class="empty">{ui.no_announcements}</p> }.into_any()
        } else {
            view! { <AnnouncementList announcements=shown/> }.into_any()
        }}
    }
}
