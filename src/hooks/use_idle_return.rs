//! Brings the kiosk back to its home page, scrolled to the top, after a while without a touch,
//! so that the next resident always finds the same screen.
//!
//! ```ignore
//! use_idle_return(IdleReturn { after: Duration::from_secs(60), home: "/kiosk" });
//! ```

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_navigate;

pub struct IdleReturn {
    /// How long without a touch, a key or a scroll before going home.
    pub after: Duration,
    pub home: &'static str,
}

/// What counts as someone using the screen.
const ACTIVITY: [&str; 4] = ["pointerdown", "keydown", "wheel", "touchstart"];

pub fn use_idle_return(options: IdleReturn) {
    let last_activity = Rc::new(Cell::new(js_sys::Date::now()));
    let touched = {
        let last_activity = last_activity.clone();
        Closure::<dyn Fn()>::new(move || last_activity.set(js_sys::Date::now()))
    };
    for event in ACTIVITY {
        let _ = window().add_event_listener_with_callback(event, touched.as_ref().unchecked_ref());
    }
    // The kiosk's frame lives as long as the app: the listener is never removed.
    touched.forget();

    let navigate = use_navigate();
    let after_ms = options.after.as_millis() as f64;
    let check = move || {
        if js_sys::Date::now() - last_activity.get() < after_ms {
            return;
        }
        last_activity.set(js_sys::Date::now());
        if window().location().pathname().ok().as_deref() != Some(options.home) {
            navigate(options.home, Default::default());
        }
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };
    if let Ok(handle) = set_interval_with_handle(check, Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
}
