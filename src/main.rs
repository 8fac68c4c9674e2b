//! Mounts the kiosk and registers its service worker; panics are logged to the console with
//! their message.

use leptos::logging;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

fn main() {
    console_error_panic_hook::set_once();
    // Drawn in a task of its own, not in the one that compiled and started the module: neither
    // then blocks the phone's main thread as long (V8 compiles each wasm function on its first call).
    set_timeout(
        || {
            leptos::mount::mount_to_body(plantzette::App);
            // The residence's name that index.html shows until now (in this same task: never
            // both on screen).
            if let Some(boot) = document().get_element_by_id("boot") {
                boot.remove();
            }
            register_service_worker();
        },
        std::time::Duration::ZERO,
    );
}

/// The service worker keeps the last content seen for when the network or the server is down.
fn register_service_worker() {
    let registration = window().navigator().service_worker().register("/sw.js");
    leptos::task::spawn_local(async move {
        if let Err(error) = JsFuture::from(registration).await {
            logging::warn!("the app will not work offline: {error:?}");
        }
    });
}
