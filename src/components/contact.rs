//! Call or write in one tap: a contact's phone (`tel:`) and e-mail (`mailto:`) as buttons. The
//! lobby screen can neither call nor write: there they are written out, to note down.

use leptos::prelude::*;
use plantzette_content::Contact;

use crate::i18n::ui;

/// `callable`: on a device that can call and write (a phone, a PC), not the lobby screen.
#[component]
pub fn ContactButtons(contact: Contact, callable: bool) -> impl IntoView {
    let ui = ui();
    if !callable {
        return view! {
            <span class="contact-line">{ui.phone}" "{contact.phone.clone()}</span>
            <span class="contact-line">{ui.email}" "{contact.email.clone()}</span>
        }
        .into_any();
    }
    view! {
        <a class="button" href=format!("tel:{}", contact.phone.replace(' ', ""))>{ui.phone}" "{contact.phone.clone()}</a>
        " "
        <a class="button" href=format!("mailto:{}", contact.email)>{ui.email}" "{contact.email.clone()}</a>
    }
    .into_any()
}
