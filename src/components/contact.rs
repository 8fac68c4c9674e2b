//! Call or write in one tap: a contact's phone (`tel:`) and e-mail (`mailto:`) as buttons.

use leptos::prelude::*;
use plantzette_content::Contact;

use crate::i18n::ui;

#[component]
pub fn ContactButtons(contact: Contact) -> impl IntoView {
    let ui = ui();
    view! {
        <a class="button" href=format!("tel:{}", contact.phone.replace(' ', ""))>{ui.phone}" "{contact.phone.clone()}</a>
        " "
        <a class="button" href=format!("mailto:{}", contact.email)>{ui.email}" "{contact.email.clone()}</a>
    }
}
