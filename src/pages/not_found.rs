//! Any address the app does not know: say so, and lead back home (no dead ends).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::layout::set_page_title;
use crate::i18n::ui;

#[component]
pub fn NotFound() -> impl IntoView {
    let ui = ui();
    set_page_title(ui.not_found);
    view! {
        <h1>{ui.not_found}</h1>
        <p>{ui.not_found_text}</p>
        <p><A href="/" attr:class="button">{ui.back_home}</A></p>
    }
}
