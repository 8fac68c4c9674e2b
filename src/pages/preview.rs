//! `/preview?as=kiosk|phone`: an item the staff editor has not published yet (left in the
//! browser's storage), drawn by the app's own components in the app's own frame, so that the
//! editor can show it at kiosk and phone size before it is saved.

use leptos::prelude::*;
use plantzette_content::staff::{Draft, DRAFT_KEY};
use plantzette_content::{DateRange, Item, Priority};

use crate::components::activity::ActivityList;
use crate::components::layout::set_page_title;
use crate::components::local_text::LocalText;
use crate::components::meal::MealCard;
use crate::i18n::ui;
use crate::pages::info::TopicDetail;
use crate::pages::programmes::ProgrammeDetail;

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
    let draft = window().local_storage().ok().flatten().and_then(|s| s.get_item(DRAFT_KEY).ok().flatten());
    let draft = draft.as_deref().map(serde_json::from_str::<Draft>);
    // A programme or an info page is a page of its own, with its own heading.
    match draft {
        Some(Ok(Draft::Programmes(programme))) => return view! { <ProgrammeDetail id=0 programme/> }.into_any(),
        Some(Ok(Draft::Pages(page))) => return view! { <TopicDetail page/> }.into_any(),
        _ => {}
    }
    let shown = match draft {
        Some(Ok(Draft::Activities(activity))) => {
            let day = DateRange::day(activity.starts_at.date());
            let occurrences = Item { id: 0, version: 0, content: activity }.occurrences(day);
            view! { <ActivityList occurrences linked=false/> }.into_any()
        }
        Some(Ok(Draft::Menus(menu))) => menu.meals.into_iter().map(|meal| view! { <MealCard meal/> }).collect_view().into_any(),
        Some(Ok(Draft::Announcements(announcement))) if announcement.priority == Priority::Urgent => view! {
            <p class="urgent-banner" role="alert"><strong>{ui.urgent}{ui.colon}</strong><LocalText text=announcement.text/></p>
        }
        .into_any(),
        Some(Ok(Draft::Announcements(announcement))) => {
            view! { <ul class="kiosk-announcements"><li><LocalText text=announcement.text/></li></ul> }.into_any()
        }
        _ => view! { <p class="empty">{ui.no_preview}</p> }.into_any(),
    };
    view! {
        <h1>{ui.preview}</h1>
        {shown}
    }
    .into_any()
}
