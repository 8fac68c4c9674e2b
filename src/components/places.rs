//! The places an event has left, as the server counts them ("3 places libres", "Complet : liste
//! d'attente"): counts only, the server never gives a name here. While the event takes sign-ups,
//! the way to sign up comes beside the count: on a phone a button to the form, on the lobby
//! screen the form's QR code, to be scanned with one's own phone (nobody types personal data on
//! a public screen).

use leptos::prelude::*;
use plantzette_content::sign_up::{Availability, EventRef};

use crate::i18n::{lang, ui};

/// How the place is to be taken, beside its count.
// Each tree offers its own ways: a build of one tree alone leaves the other's unused.
#[cfg_attr(not(all(feature = "csr", feature = "ssr")), allow(dead_code))]
#[derive(Clone, Copy, PartialEq)]
pub enum Offer {
    /// A button to the sign-up form (a phone, a PC).
    Form,
    /// The form's QR code (the lobby screen).
    QrCode,
    /// The count alone (the form's own page).
    Nothing,
}

#[component]
pub fn Places(event: EventRef, places: Availability, offer: Offer) -> impl IntoView {
    let words = ui().sign_up;
    let key = event.key();
    let label = if matches!(event, EventRef::Course { .. }) { words.sign_up_course } else { words.sign_up };
    let offered = places.takes_sign_ups().then(|| match offer {
        Offer::Form => Some(view! { <a href=format!("/sign-ups/{key}") class="button sign-up-link">{label}</a> }.into_any()),
        Offer::QrCode => Some(view! { <SignUpQrCode key/> }.into_any()),
        Offer::Nothing => None,
    });
    view! { <span class="places">{places.headline(lang())}</span>{offered} }
}

/// The QR code of an event's sign-up form (`key`: the event's key).
#[component]
pub fn SignUpQrCode(key: String) -> impl IntoView {
    view! { <img class="sign-up-qr" src=format!("/api/v1/qr/sign-ups/{key}") alt=ui().sign_up.qr_code width="160" height="160"/> }
}
