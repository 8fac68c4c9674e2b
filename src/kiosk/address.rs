//! What the screen's address says: links that keep its other query parameters, so that the week
//! and the day chosen travel together, and the week it names.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use plantzette_content::Week;
use plantzette_web::clock::residence_today;

/// Makes links to `base` with the current query, one parameter set (`Some`) or removed (`None`).
pub fn use_query_link(base: &'static str) -> impl Fn(&'static str, Option<String>) -> String + Copy + Send + Sync + 'static {
    let query = use_query_map();
    move |key, value| {
        let mut params = query.get();
        match value {
            Some(value) => params.replace(key, value),
            None => {
                params.remove(key);
            }
        }
        format!("{base}{}", params.to_query_string())
    }
}

/// Brings the element named by the address's `#fragment` into view once content has arrived,
/// so that a shared link to one day of the menus opens on that day.
pub fn scroll_to_fragment() {
    let hash = window().location().hash().unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return;
    };
    if let Some(element) = document().get_element_by_id(id) {
        element.scroll_into_view();
    }
}

/// The week named in the address (`?week=`, any day of it), or the current one.
pub fn use_week() -> Memo<Week> {
    let query = use_query_map();
    Memo::new(move |_| {
        let asked = query.read().get("week").and_then(|day| day.parse::<NaiveDate>().ok());
        Week::containing(asked.unwrap_or_else(residence_today))
    })
}
