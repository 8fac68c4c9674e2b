//! Mounts the app; panics are logged to the console with their message.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(plantzette::App);
}
