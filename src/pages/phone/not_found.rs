//! Any address the site does not know, or an item that is not there (any more): say so, and lead
//! back home (no dead ends).

use leptos::prelude::*;

use crate::i18n::ui;

#[component]
pub fn NotFoundContent() -> impl IntoView {
    let ui = ui();
    view! {
        <h1>{ui.not_found}</h1>
        <p>{ui.item_not_found}</p>
        <p><a href="/" class="button">{ui.back_home}</a></p>
    }
}
