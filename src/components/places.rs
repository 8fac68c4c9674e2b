//! The places an event has left, as the server counts them now ("3 places libres", "Complet :
//! liste d'attente"), fetched again at every content change (each sign-up is one). Counts only:
//! the server never gives a name here. Nothing is shown until the count is there.

use leptos::prelude::*;
use plantzette_content::registration::EventRef;

use crate::api;
use crate::i18n::lang;
use crate::live::live_resource;

#[component]
pub fn PlacesLeft(event: EventRef) -> impl IntoView {
    let lang = lang();
    let key = event.key();
    let places = live_resource(move || api::availability(key.clone()));
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                places.content().await.ok().map(|places| view! { <span class="places">{places.headline(lang)}</span> })
            })}
        </Transition>
    }
}
