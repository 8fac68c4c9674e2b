//! What every page shows first: whether visits are open, and any urgent announcement. Both come
//! from the day's content (`/api/v1/today`), fetched once and shared with the today page.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use plantzette_content::format::{day_heading, time};
use plantzette_content::schedule::residence_time;
use plantzette_content::{Today, VisitsStatus};

use crate::api;
use crate::components::local_text::LocalText;
use crate::fetch::Fetch;
use crate::hooks::use_clock::use_clock;
use crate::i18n::{lang, ui};
use crate::live::live_resource;
use crate::live::use_freshness;

/// The day's content, shared by the notices and the today page.
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

#[component]
pub fn SiteNotices() -> impl IntoView {
    let today = use_today();
    let clock = use_clock();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                // A failure is told by the page's own content; the notices stay silent.
                today.content().await.ok().map(|today| {
                    let visits = today.residence.visits.clone();
                    // Shown from and until a time: asked again each minute, not once per fetch.
                    let urgent = move || {
                        today
                            .urgent_at(clock.get())
                            .into_iter()
                            .map(|a| view! {
                                <p class="urgent-banner" role="alert"><strong>{ui().urgent}{ui().colon}</strong><LocalText text=a.content.text/></p>
                            })
                            .collect_view()
                    };
                    view! {
                        <div class="site-notices">
                            {urgent}
                            <VisitsNotice visits/>
                        </div>
                    }
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

/// Whether visits are open, and why not when they are not.
#[component]
fn VisitsNotice(visits: VisitsStatus) -> impl IntoView {
    let state = visits.state;
    view! {
        <p class=format!("visits visits-{}", state.as_str())>
            <strong>{state.label(lang())}</strong>
            {visits.message.map(|message| view! { " — " <LocalText text=message/> })}
        </p>
    }
}
