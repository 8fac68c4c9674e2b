//! The alarm, above every urgent announcement: on the kiosk it covers the whole screen in large
//! type, night or day, until staff end it; on a family's page it stands at the very top. It
//! comes with the event stream (`live.rs`), which names it again at each connection, so that a
//! screen back from a break shows it at once. An adopted screen confirms that it shows it
//! (`screen.rs`).

use leptos::prelude::*;
use plantzette_content::format::time;

use crate::components::local_text::LocalText;
use crate::components::notices::AlarmBanner;
use crate::i18n::ui;
use crate::kiosk::is_kiosk;
use crate::kiosk::live::use_heard;
use crate::kiosk::read_aloud::ReadAloud;
use crate::kiosk::screen::use_screen;

#[component]
pub fn AlarmNotice() -> impl IntoView {
    let alarm = use_heard().alarm;
    let kiosk = is_kiosk();
    move || {
        let alarm = alarm.get()?;
        let ui = ui();
        if let Some(screen) = use_screen() {
            // Shown once this is on the page: the effect runs after it is drawn.
            let id = alarm.id;
            Effect::new(move |_| screen.showing_alarm(Some(id)));
            on_cleanup(move || screen.showing_alarm(None));
        }
        let since = format!("{} {}", ui.alarm_since, time(alarm.raised_at));
        Some(if kiosk {
            view! {
                <div class="alarm-screen" role="alert" aria-labelledby="alarm-message">
                    <p class="alarm-label">{ui.alarm}</p>
                    <p class="alarm-message" id="alarm-message"><LocalText text=alarm.message/></p>
                    <p class="alarm-since">{since}</p>
                    <ReadAloud of="alarm-message".to_string()/>
                </div>
            }
            .into_any()
        } else {
            view! { <AlarmBanner alarm/> }.into_any()
        })
    }
}
