//! Whether anyone is using the screen: idle once nobody has touched it, pressed a key or
//! scrolled for a while, busy again at the next touch. A screen that has just loaded is idle.
//!
//! ```ignore
//! let idle = use_idle(Duration::from_secs(60));
//! Effect::watch(move || idle.get(), |idle, _, _| if *idle { /* go home */ }, false);
//! ```

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;

/// What counts as someone using the screen.
const ACTIVITY: [&str; 4] = ["pointerdown", "keydown", "wheel", "touchstart"];

pub fn use_idle(after: Duration) -> ReadSignal<bool> {
    let (idle, set_idle) = signal(true);
    let last_activity = Rc::new(Cell::new(js_sys::Date::now()));
    let touched = {
        let last_activity = last_activity.clone();
        Closure::<dyn Fn()>::new(move || {
            last_activity.set(js_sys::Date::now());
            if idle.get_untracked() {
                set_idle.set(false);
            }
        })
    };
    for event in ACTIVITY {
        let _ = window().add_event_listener_with_callback(event, touched.as_ref().unchecked_ref());
    }
    // Used for the app's whole life: the listener is never removed.
    touched.forget();

    let after_ms = after.as_millis() as f64;
    let check = move || {
        if !idle.get_untracked() && js_sys::Date::now() - last_activity.get() >= after_ms {
            set_idle.set(true);
        }
    };
    if let Ok(handle) = set_interval_with_handle(check, Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
    idle
}
