//! The day's announcements, whole and paged: the home shows the first ones. Urgent ones stand in
//! the banner at the top of every screen.

use leptos::prelude::*;
use plantzette_content::Today;

use crate::components::announcements::AnnouncementList;
use crate::i18n::ui;
use crate::kiosk::fetched::Fetched;
use crate::kiosk::hooks::use_clock::use_clock;
use crate::kiosk::layout::set_page_title;
use crate::kiosk::paged::Paged;
use crate::kiosk::today::use_today;

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
