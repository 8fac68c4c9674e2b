//! The families' pages' islands: the only code a phone runs (the `hydrate` build, which
//! `scripts/build-apps` compiles to wasm; the server renders the same islands into each page).
//! A page reads whole without them; with them, it stays current.

#[cfg(feature = "hydrate")]
mod browser;

use leptos::prelude::*;

/// Keeps a family's page current and says how current it is. It hears the server's event stream:
/// when content changes or an alarm begins or ends, it fetches the page again and puts its
/// changed parts (`data-live`) in place; while the stream is down it checks every 10 s, and once a
/// minute it checks anyway ("now on", notices shown until a time). When the server cannot be
/// reached, "Last updated HH:MM" says from when the page is. It also says that times are Swiss
/// when the phone's clock is in another zone (a daughter in New York).
///
/// Drawn as the server drew it (both notes hidden), then changed once running: the page's layout
/// does not move for a phone in Switzerland.
#[island]
pub fn Live(
    /// "Dernière mise à jour : ", in the page's language.
    last_updated: String,
    /// "Heures de Suisse", in the page's language.
    swiss_time: String,
    /// The content version the page shows.
    version: i64,
    /// The residence's offset from UTC when the page was drawn, in minutes.
    residence_offset_minutes: i32,
) -> impl IntoView {
    // "14:32" (or "4.12. 14:32") when what the page shows is known not to be current.
    let stale_since = RwSignal::new(None::<String>);
    let elsewhere = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move || browser::keep_current(browser::Shown { stale_since, elsewhere, version, residence_offset_minutes }));
    #[cfg(not(feature = "hydrate"))]
    let _ = (version, residence_offset_minutes);
    view! {
        <p class="time-zone-note" hidden=move || !elsewhere.get()>{swiss_time}</p>
        <p class="notice stale" role="status" hidden=move || stale_since.with(Option::is_none)>{last_updated}<span>{move || stale_since.get()}</span></p>
    }
}

/// Starts the islands of the page (called by the loader the server's pages name, once the wasm
/// is there), and registers the service worker, which keeps the last pages seen for offline.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    browser::start();
}
