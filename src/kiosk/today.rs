//! The day's content (`/api/v1/today`), fetched once and shared by the notices at the top of every
//! screen and the pages that show the day; and how current what the screen shows is.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use plantzette_content::format::{day_heading, time};
use plantzette_content::schedule::residence_time;
use plantzette_content::Today;

use crate::components::notices::{SiteNotices, UrgentBanners};
use crate::i18n::{lang, ui};
use crate::kiosk::api;
use crate::kiosk::fetch::Fetch;
use crate::kiosk::hooks::use_clock::use_clock;
use crate::kiosk::live::{live_resource, use_freshness};

/// The day's content, shared by the notices and the pages.
#[derive(Clone, Copy)]
pub struct TodayResource(pub Fetch<Today>);

/// Fetches the day's content, and fetches it again when content changes or a new day begins.
pub fn provide_today() {
    let clock = use_clock();
    let date = Memo::new(move |_| clock.get().date());
    provide_context(TodayResource(live_resource(move || api::today(date.get()))));
}

pub fn use_today() -> Fetch<Today> {
    expect_context::<TodayResource>().0
}

/// The notices of the day's content; the urgent ones drawn again each minute, as they are shown
/// from and until a time.
#[component]
pub fn DayNotices() -> impl IntoView {
    let today = use_today();
    let clock = use_clock();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                // A failure is told by the page's own content; the notices stay silent.
                today.content().await.ok().map(|today| {
                    let visits = today.residence.visits.clone();
                    view! { <SiteNotices visits>{move || view! { <UrgentBanners today=today.clone() now=clock.get()/> }}</SiteNotices> }
                })
            })}
        </Transition>
    }
}

/// Content older than this is dated on screen.
const STALE_AFTER_MS: f64 = 15.0 * 60.0 * 1000.0;

/// "Last updated 14:32": shown when what the screen shows has not been confirmed for a while
/// (the network or the server down).
#[component]
pub fn StaleNotice() -> impl IntoView {
    let freshness = use_freshness();
    let clock = use_clock();
    move || {
        let now = clock.get();
        let confirmed = freshness?.confirmed_at()?;
        if js_sys::Date::now() - confirmed < STALE_AFTER_MS {
            return None;
        }
        let at = residence_time(DateTime::<Utc>::from_timestamp_millis(confirmed as i64)?);
        let ui = ui();
        let when = if at.date() == now.date() { time(at) } else { format!("{}, {}", day_heading(at.date(), lang()), time(at)) };
        Some(view! { <p class="notice stale" role="status">{ui.last_updated}{ui.colon}{when}</p> })
    }
}
