//! Kiosk mode: the lobby screen. Opening `/kiosk` makes this device a kiosk (remembered); `?kiosk=off`
//! makes it an ordinary browser again. A kiosk shows everything large (32 px text, 80 px
//! targets), in French until someone chooses, without text selection, context menu or pinch
//! zoom, and comes back to `/kiosk` after a minute without a touch.

use std::time::Duration;

use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;

use crate::hooks::use_idle_return::{use_idle_return, IdleReturn};

pub const HOME: &str = "/kiosk";
const STORAGE_KEY: &str = "plantzette.kiosk";
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

/// What the kiosk does over time, mounted once inside the router.
#[component]
pub fn KioskBehaviour() -> impl IntoView {
    if is_kiosk() {
        use_idle_return(IdleReturn { after: IDLE_RETURN_AFTER, home: HOME });
    }
}
