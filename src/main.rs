//! Mounts the kiosk and registers its service worker; panics are logged to the console with
//! their message.

use leptos::prelude::*;
use plantzette_web::service_worker;

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
            // The service worker keeps the last content seen for when the network or the server is down.
            service_worker::register();
        },
        std::time::Duration::ZERO,
    );
}
