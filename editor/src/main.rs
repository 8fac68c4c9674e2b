//! Mounts the staff editor; panics are logged to the console with their message.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(plantzette_editor::Editor);
}
