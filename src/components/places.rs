//! The places an event has left, as the server counts them now ("3 places libres", "Complet :
//! liste d'attente"), fetched again at every content change (each sign-up is one). Counts only:
//! the server never gives a name here. Nothing is shown until the count is there.
//!
//! With `offer`, the way to sign up comes beside the count while the event takes sign-ups: on a
//! phone a button to the form, on the lobby kiosk the form's QR code, to be scanned with one's
//! own phone (nobody types personal data on a public screen).

use leptos::prelude::*;
use leptos_router::components::A;
use plantzette_content::registration::EventRef;

use crate::api;
use crate::i18n::{lang, ui};
use crate::kiosk::is_kiosk;
use crate::live::live_resource;

#[component]
pub fn PlacesLeft(event: EventRef, #[prop(optional)] offer: bool) -> impl IntoView {
    let lang = lang();
    let words = ui().sign_up;
    let key = event.key();
    let places = live_resource({
        let key = key.clone();
        move || api::availability(key.clone())
    });
    view! {
        <Transition fallback=|| ()>
            {move || {
                let key = key.clone();
                Suspend::new(async move {
                    places.content().await.ok().map(|places| {
                        let offered = (offer && places.takes_sign_ups()).then(|| {
                            if is_kiosk() {
                                view! { <img class="sign-up-qr" src=api::sign_up_qr(&key) alt=words.qr_code width="160" height="160"/> }.into_any()
                            } else {
                                view! { <A href=format!("/registrations/{key}") attr:class="button sign-up-link">{words.sign_up}</A> }.into_any()
                            }
                        });
                        view! { <span class="places">{places.headline(lang)}</span>{offered} }
                    })
                })
            }}
        </Transition>
    }
}
