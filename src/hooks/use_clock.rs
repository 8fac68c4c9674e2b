//! The residence's time as a signal, ticking at a chosen interval: the kiosk's clock and its
//! "now on" and "next" marks follow it without a reload.
//!
//! ```ignore
//! let now = use_clock(Duration::from_secs(1));
//! view! { <time>{move || now.get().format("%H:%M").to_string()}</time> }
//! ```

use std::time::Duration;

use chrono::NaiveDateTime;
use leptos::prelude::*;

use crate::clock::residence_now;

pub fn use_clock(every: Duration) -> ReadSignal<NaiveDateTime> {
    let (now, set_now) = signal(residence_now());
    if let Ok(handle) = set_interval_with_handle(move || set_now.set(residence_now()), every) {
        on_cleanup(move || handle.clear());
    }
    now
}
