//! Whether anyone is using the screen: idle once nobody has touched it, pressed a key or
//! scrolled for a while, busy again at the next touch. A screen that has just loaded is idle.
//!
//! Hand-written rather than leptos-use's `use_idle`: leptos-use with only the idle, interval
//! and storage hooks cost 23 KB gzip of wasm here, for what these forty lines do.
//!
//! ```ignore
//! let idle = use_idle(Signal::stored(Duration::from_secs(60)));
//! Effect::watch(move || idle.get(), |idle, _, _| if *idle { /* go home */ }, false);
//! ```

use std::time::Duration;

use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;

/// What counts as someone using the screen.
const ACTIVITY: [&str; 4] = ["pointerdown", "keydown", "wheel", "touchstart"];

/// `after` may change: the next touch arms the timer with the new value.
pub fn use_idle(after: Signal<Duration>) -> ReadSignal<bool> {
    let (idle, set_idle) = signal(true);
    // One timer, armed again at each touch: an untouched screen wakes for nothing.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let touched = Closure::<dyn Fn()>::new(move || {
        if let Some(timer) = pending.get_value() {
            timer.clear();
        }
        pending.set_value(set_timeout_with_handle(move || set_idle.set(true), after.get_untracked()).ok());
        if idle.get_untracked() {
            set_idle.set(false);
        }
    });
    for event in ACTIVITY {
        let _ = window().add_event_listener_with_callback(event, touched.as_ref().unchecked_ref());
    }
    // Used for the app's whole life: the listener is never removed.
    touched.forget();
    on_cleanup(move || {
        if let Some(timer) = pending.try_get_value().flatten() {
            timer.clear();
        }
    });
    idle
}
