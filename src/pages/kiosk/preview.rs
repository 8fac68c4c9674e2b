//! `/preview?as=kiosk|phone`: an item the staff editor has not published yet (left in the
//! browser's storage), drawn by the kiosk's own components in its own frame, so that the editor
//! can show it at kiosk and phone size before it is saved.

use leptos::prelude::*;
use plantzette_content::staff::{DRAFT_CONTENT_KEY, DRAFT_KIND_KEY};
use plantzette_content::{Activity, Announcement, Content, DateRange, DayMenu, InfoPage, Item, Priority, Programme};
use serde::de::DeserializeOwned;

use super::info::TopicDetail;
use super::programmes::ProgrammeDetail;
use crate::components::activity::ActivityList;
use crate::components::local_text::LocalText;
use crate::components::meal::MealCards;
use crate::i18n::ui;
use crate::kiosk::layout::set_page_title;

#[component]
pub fn PreviewPage() -> impl IntoView {
    let ui = ui();
    set_page_title(ui.preview);
    // Kiosk sizes for this page only: a preview never makes the office PC a kiosk.
    if window().location().search().unwrap_or_default().contains("as=kiosk") {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("kiosk");
        }
    }
    let storage = window().local_storage().ok().flatten();
    let stored = |key| storage.as_ref().and_then(|s| s.get_item(key).ok().flatten());
    let (kind, content) = (stored(DRAFT_KIND_KEY).unwrap_or_default(), stored(DRAFT_CONTENT_KEY).unwrap_or_default());
    // A programme or an info page is a page of its own, with its own heading.
    let shown = match kind.as_str() {
        Programme::COLLECTION => match read::<Programme>(&content) {
            Some(item) => return view! { <ProgrammeDetail id=0 programme=item.content/> }.into_any(),
            None => None,
        },
        InfoPage::COLLECTION => match read::<InfoPage>(&content) {
            Some(item) => return view! { <TopicDetail page=item.content/> }.into_any(),
            None => None,
        },
        Activity::COLLECTION => read::<Activity>(&content).map(|item| {
            let day = DateRange::day(item.content.starts_at.date());
            let occurrences = item.occurrences(day);
            view! { <ActivityList occurrences linked=false/> }.into_any()
        }),
        DayMenu::COLLECTION => read::<DayMenu>(&content).map(|menu| view! { <MealCards meals=menu.content.meals/> }.into_any()),
        Announcement::COLLECTION => read::<Announcement>(&content).map(|Item { content: announcement, .. }| {
            if announcement.priority == Priority::Urgent {
                view! { <p class="urgent-banner" role="alert"><strong>{ui.urgent}{ui.colon}</strong><LocalText text=announcement.text/></p> }
                    .into_any()
            } else {
                view! { <ul class="kiosk-announcements"><li><LocalText text=announcement.text/></li></ul> }.into_any()
            }
        }),
        _ => None,
    };
    let shown = shown.unwrap_or_else(|| view! { <p class="empty">{ui.no_preview}</p> }.into_any());
    view! {
        <h1>{ui.preview}</h1>
        {shown}
    }
    .into_any()
}

/// The draft, an item as the API answers it, read with the same parser (no second copy of it in
/// the bundle).
fn read<T: DeserializeOwned>(json: &str) -> Option<Item<T>> {
    serde_json::from_str(json).ok()
}
