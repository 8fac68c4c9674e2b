//! The residence's time as a signal, updated as each minute begins: the kiosk's clock, its "now
//! on" and "next" marks, and the announcements shown from and until a time turn exactly on the
//! minute, and a screen that runs for weeks wakes once a minute for it rather than every second.
//! The app runs one clock for all (`provide_clock`), so that everything turns at once.
//! Hand-written rather than leptos-use's `use_interval` (see `use_idle` for its cost): it must
//! also wake on the minute's boundary, which an interval alone does not.
//!
//! ```ignore
//! let now = use_clock();
//! view! { <time>{move || time(now.get())}</time> }
//! ```

use std::time::Duration;

use chrono::NaiveDateTime;
use leptos::prelude::*;

use plantzette_web::clock::residence_now;

const MINUTE_MS: u64 = 60_000;
/// Timers may fire a little early: wake just after the minute has turned.
const MARGIN: Duration = Duration::from_millis(20);

#[derive(Clone, Copy)]
struct Clock(ReadSignal<NaiveDateTime>);

/// Starts the app's one minute clock, for every component below.
pub fn provide_clock() {
    provide_context(Clock(minute_clock()));
}

/// The app's minute clock (or one of its own, for a component drawn outside the app).
pub fn use_clock() -> ReadSignal<NaiveDateTime> {
    use_context::<Clock>().map_or_else(minute_clock, |clock| clock.0)
}

fn minute_clock() -> ReadSignal<NaiveDateTime> {
    let (now, set_now) = signal(residence_now());
    let every_minute = StoredValue::new(None::<IntervalHandle>);
    let until_next_minute = Duration::from_millis(MINUTE_MS - js_sys::Date::now() as u64 % MINUTE_MS) + MARGIN;
    let first = set_timeout_with_handle(
        move || {
            set_now.set(residence_now());
            let interval = set_interval_with_handle(move || set_now.set(residence_now()), Duration::from_millis(MINUTE_MS));
            every_minute.set_value(interval.ok());
        },
        until_next_minute,
    );
    on_cleanup(move || {
        if let Ok(first) = first {
            first.clear();
        }
        if let Some(interval) = every_minute.get_value() {
            interval.clear();
        }
    });
    now
}
