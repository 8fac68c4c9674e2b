//! Photos on the kiosk: an item's latest photo beside its screen's text (an activity's day, a
//! programme, an info page), and a small one in the highlights. They are fetched with the
//! screen's credential, so an adopted screen shows the photos for the home's screens too, and
//! fetched again at every content change, so a photo removed or narrowed leaves the screen with
//! it. Nothing waits for them: the text is drawn first, the photo beside it when it comes.

use leptos::prelude::*;
use plantzette_content::photo::{Owner, Photo};

use crate::components::photo::PhotoPicture;
use crate::kiosk::api;
use crate::kiosk::fetch::Fetch;
use crate::kiosk::live::live_resource;
use crate::kiosk::screen::use_screen;

/// The photos of `owners`, fetched again at each content change, when the owners change, and
/// when the screen is adopted (or forgotten): it may then see other photos.
pub fn use_photos(owners: impl Fn() -> Vec<Owner> + 'static) -> Fetch<Vec<Photo>> {
    let screen = use_screen();
    live_resource(move || {
        screen.map(|screen| screen.is_adopted());
        api::photos(owners())
    })
}

/// `children` (a screen's text, paged) and, beside them, the latest photo of `owner`: the text
/// keeps the most of the screen, and the photo fits the height left, whole (never cropped, never
/// over the clock or a notice). Upright, the photo is above the text.
#[component]
pub fn BesidePhoto(owner: Option<Owner>, children: Children) -> impl IntoView {
    let photos = use_photos(move || owner.into_iter().collect());
    let photo = move || photos.latest().and_then(|photos| photos.into_iter().next());
    view! {
        <div class="beside-photo" class:with-photo=move || photo().is_some()>
            <div class="beside-photo-text">{children()}</div>
            {move || photo().map(|photo| view! { <PhotoPicture photo sizes="40vw"/> })}
        </div>
    }
}
