//! An event's places left, as the server counts them now, fetched again at every content change
//! (each sign-up is one), with the sign-up form's QR code while it takes sign-ups. Nothing is
//! shown until the count is there.

use leptos::prelude::*;
use plantzette_content::sign_up::EventRef;

use crate::components::places::{Offer, Places};
use crate::kiosk::api;
use crate::kiosk::live::live_resource;

#[component]
pub fn LivePlaces(event: EventRef) -> impl IntoView {
    let places = live_resource(move || api::availability(event.key()));
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move { places.content().await.ok().map(|places| view! { <Places event places offer=Offer::QrCode/> }) })}
        </Transition>
    }
}
