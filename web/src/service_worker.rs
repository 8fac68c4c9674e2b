//! The service worker (`/sw.js`), which keeps the last content seen for when the network or the
//! server is down: registered once a page runs, and heard when it tells the page something
//! ('fresher': the server answered after the worker gave its copy; 'build-ready').

use leptos::prelude::window;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::MessageEvent;

/// Registers the worker; a browser that refuses it only works without it (logged).
pub fn register() {
    let registration = window().navigator().service_worker().register("/sw.js");
    leptos::task::spawn_local(async move {
        if let Err(error) = JsFuture::from(registration).await {
            leptos::logging::warn!("the pages will not be kept for offline: {error:?}");
        }
    });
}

/// Hands each message of the worker (a word) to `heard`, for the page's whole life.
pub fn on_message(heard: impl Fn(&str) + 'static) {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| heard(event.data().as_string().as_deref().unwrap_or_default()));
    let _ = window().navigator().service_worker().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}
