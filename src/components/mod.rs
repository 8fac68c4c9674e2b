//! Pieces that both the kiosk's pages and the phone's show: each draws the content it is given
//! (nothing here fetches or knows which screen it is on), so that the server renders them for
//! a phone and the kiosk draws them in the browser, alike.

pub mod activity;
pub mod announcements;
pub mod contact;
pub mod local_text;
pub mod meal;
pub mod notices;
pub mod photo;
pub mod pictogram;
pub mod places;
pub mod programme;
pub mod residence;
pub mod short_stays;
pub mod week_nav;

use leptos::prelude::*;

/// Where the pages of the tree being drawn stand: the kiosk's under `/kiosk`, the phone's at the
/// top of the site. Provided by the kiosk; a page rendered for a phone needs none.
#[derive(Clone, Copy)]
pub struct PagesAt(pub &'static str);

/// The address of one of the app's pages (`/activities/3/2026-12-05`) in the tree being drawn.
pub fn page_link(path: &str) -> String {
    let base = use_context::<PagesAt>().map_or("", |PagesAt(base)| base);
    format!("{base}{path}")
}
