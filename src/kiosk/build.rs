//! The app's build, and moving to a new one without a blank screen. The event stream names the
//! build the server serves (the content hash of its wasm file); when it is not this one, the
//! service worker is asked to keep the new build whole first, and says `build-ready` once it
//! has. The kiosk then reloads at its next idle moment (`kiosk.rs`), from that cache; a phone
//! gets the new build the next time it opens the app.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;

/// Whether the service worker keeps a new build whole, ready to switch to.
#[derive(Clone, Copy)]
pub struct NewBuild {
    ready: RwSignal<bool>,
}

pub fn provide_new_build() -> NewBuild {
    let new_build = NewBuild { ready: RwSignal::new(false) };
    provide_context(new_build);
    new_build
}

pub fn use_new_build() -> NewBuild {
    expect_context()
}

impl NewBuild {
    pub fn ready(&self) -> bool {
        self.ready.get()
    }

    /// The service worker kept the new build whole.
    pub fn prepared(&self) {
        self.ready.set(true);
    }

    /// The server serves build `served`: if it is another than this one, have it made ready. Heard
    /// again at each reconnection: a preparation the network broke off is tried again then, and
    /// one done costs the worker a look at the shell.
    pub fn heard(&self, served: &str) {
        let new = !served.is_empty() && own_build().is_some_and(|own| own != served);
        if !new {
            return;
        }
        if let Some(worker) = window().navigator().service_worker().controller() {
            let _ = worker.post_message(&JsValue::from_str("prepare-build"));
        }
    }
}

/// This page's build: the hash in the name of the wasm file its `index.html` loads.
pub fn own_build() -> Option<String> {
    let link = document().query_selector("link[href$='_bg.wasm']").ok()??;
    let name = link.get_attribute("href")?;
    Some(name.strip_suffix("_bg.wasm")?.rsplit('-').next()?.to_string())
}
