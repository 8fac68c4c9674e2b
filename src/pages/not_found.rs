//! Any address the app does not know: say so, and lead back home (no dead ends).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::layout::use_page_title;
use crate::i18n::use_ui;

#[component]
pub fn NotFound() -> impl IntoView {
    let ui = use_ui();
    use_page_title(|ui| ui.not_found.to_string());
    view! {
        <h1>{move || ui.get().not_found}</h1>
        <p>{move || ui.get().not_found_text}</p>
        <p><A href="/" attr:class="button">{move || ui.get().back_home}</A></p>
    }
}
