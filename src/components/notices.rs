//! What every page shows first: the alarm when one is on, any urgent announcement, and whether
//! visits are open. Drawn from the day's content (`/api/v1/today`) at a given minute.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::format::time;
use plantzette_content::screen::Alarm;
use plantzette_content::{Today, VisitsStatus};

use crate::components::local_text::LocalText;
use crate::i18n::{lang, ui};

/// The day's notices: `children`, its urgent announcements (as the screen follows the clock),
/// then whether visits are open.
#[component]
pub fn SiteNotices(visits: VisitsStatus, children: Children) -> impl IntoView {
    view! {
        <div class="site-notices">
            {children()}
            <VisitsNotice visits/>
        </div>
    }
}

/// The urgent announcements shown at `now`, each a banner.
#[component]
pub fn UrgentBanners(today: Today, now: NaiveDateTime) -> impl IntoView {
    let ui = ui();
    today
        .urgent_at(now)
        .into_iter()
        .map(|a| view! { <p class="urgent-banner" role="alert"><strong>{ui.urgent}{ui.colon}</strong><LocalText text=a.content.text/></p> })
        .collect_view()
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

/// The alarm, at the very top of a page (the kiosk covers its whole screen with it instead).
#[component]
pub fn AlarmBanner(alarm: Alarm) -> impl IntoView {
    let ui = ui();
    view! {
        <section class="alarm-banner" role="alert" aria-labelledby="alarm-message">
            <p><strong>{ui.alarm}</strong>" · "{format!("{} {}", ui.alarm_since, time(alarm.raised_at))}</p>
            <p class="alarm-message" id="alarm-message"><LocalText text=alarm.message/></p>
        </section>
    }
}
