//! Any address the kiosk does not know (an old build's, a typed one): say so, and lead back home
//! (no dead ends; left alone, the kiosk goes home by itself).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::ui;
use crate::kiosk;
use crate::kiosk::layout::set_page_title;

#[component]
pub fn NotFound() -> impl IntoView {
    let ui = ui();
    set_page_title(ui.not_found);
    view! {
        <h1>{ui.not_found}</h1>
        <p>{ui.not_found_text}</p>
        <p><A href=kiosk::HOME attr:class="button">{ui.back_home}</A></p>
    }
}
