//! Kiosk mode: the lobby screen. Opening `/kiosk` makes this device a kiosk (remembered); `?kiosk=off`
//! makes it an ordinary browser again. A kiosk shows everything large (32 px text, 80 px
//! targets), in French until someone chooses, without text selection, context menu or pinch
//! zoom, and comes back to `/kiosk` after a minute without a touch. Outside its day hours
//! (07:00-21:00 unless set with `/kiosk?hours=06:30-22:00`) it rests as a dim, drifting clock
//! that a touch wakes.

use std::time::Duration;

use chrono::{NaiveDateTime, NaiveTime, Timelike};
use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;

use crate::hooks::use_clock::use_clock;
use crate::hooks::use_idle_return::{use_idle_return, IdleReturn};
use crate::i18n::ui;

pub const HOME: &str = "/kiosk";
const STORAGE_KEY: &str = "plantzette.kiosk";
const HOURS_KEY: &str = "plantzette.kiosk.hours";
const DAY_HOURS: (NaiveTime, NaiveTime) = (NaiveTime::from_hms_opt(7, 0, 0).unwrap(), NaiveTime::from_hms_opt(21, 0, 0).unwrap());
const IDLE_RETURN_AFTER: Duration = Duration::from_secs(60);

#[derive(Clone, Copy)]
struct KioskMode(bool);

/// Reads (and records) whether this device is the kiosk, and sets the page up for it.
pub fn provide_kiosk_mode() -> bool {
    let location = window().location();
    let storage = window().local_storage().ok().flatten();
    if let Some(storage) = &storage {
        if location.search().unwrap_or_default().contains("kiosk=off") {
            let _ = storage.remove_item(STORAGE_KEY);
        } else if location.pathname().unwrap_or_default().starts_with(HOME) {
            let _ = storage.set_item(STORAGE_KEY, "on");
            let search = location.search().unwrap_or_default();
            if let Some(hours) = search.split(['?', '&']).find_map(|pair| pair.strip_prefix("hours=")) {
                if parse_hours(hours).is_some() {
                    let _ = storage.set_item(HOURS_KEY, hours);
                }
            }
        }
    }
    let on = storage.and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()).is_some_and(|v| v == "on");
    provide_context(KioskMode(on));
    if on {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("kiosk");
        }
        // A long press must not open a menu that a resident cannot close.
        let block = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| event.prevent_default());
        let _ = document().add_event_listener_with_callback("contextmenu", block.as_ref().unchecked_ref());
        block.forget();
    }
    on
}

pub fn is_kiosk() -> bool {
    use_context::<KioskMode>().is_some_and(|KioskMode(on)| on)
}

/// "07:00-21:00": the hours the kiosk is awake.
fn parse_hours(text: &str) -> Option<(NaiveTime, NaiveTime)> {
    let (wakes, sleeps) = text.split_once('-')?;
    let time = |t: &str| NaiveTime::parse_from_str(t.trim(), "%H:%M").ok();
    Some((time(wakes)?, time(sleeps)?)).filter(|(wakes, sleeps)| wakes < sleeps)
}

fn day_hours() -> (NaiveTime, NaiveTime) {
    window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(HOURS_KEY).ok().flatten())
        .and_then(|hours| parse_hours(&hours))
        .unwrap_or(DAY_HOURS)
}

/// What the kiosk does over time, mounted once inside the router.
#[component]
pub fn KioskBehaviour() -> impl IntoView {
    is_kiosk().then(|| {
        use_idle_return(IdleReturn { after: IDLE_RETURN_AFTER, home: HOME });
        view! { <NightClock/> }
    })
}

/// At night, a dim clock over everything, moving a little each minute so that nothing burns
/// into the screen; a touch wakes the kiosk until it is left alone for a minute again.
#[component]
fn NightClock() -> impl IntoView {
    let (wakes, sleeps) = day_hours();
    let now = use_clock(Duration::from_secs(5));
    let (woken_at, set_woken_at) = signal(None::<NaiveDateTime>);
    let resting = move || {
        let now = now.get();
        let night = now.time() < wakes || now.time() >= sleeps;
        let recently_woken = woken_at.get().is_some_and(|at| now - at < chrono::Duration::from_std(IDLE_RETURN_AFTER).unwrap_or_default());
        night && !recently_woken
    };
    // Any touch while awake at night keeps it awake for another minute.
    let keep_awake = move |_| set_woken_at.set(Some(now.get_untracked()));
    window_event_listener(leptos::ev::pointerdown, keep_awake);
    let drift = move || {
        let minute = now.get().minute() as f64;
        format!("translate({:.0}vw, {:.0}vh)", 20.0 * (minute / 60.0 * std::f64::consts::TAU).sin(), 15.0 * (minute / 60.0 * std::f64::consts::TAU * 2.0).cos())
    };
    view! {
        <Show when=resting>
            <div class="night" role="button" tabindex="0">
                <p class="night-clock" style:transform=drift>{move || now.get().format("%H:%M").to_string()}</p>
                <span class="visually-hidden">{ui().wake_up}</span>
            </div>
        </Show>
    }
}
