//! A pictogram beside its word (`plantzette_content::pictogram`): an image the site serves,
//! decorative for screen readers, since the word is there.

use leptos::prelude::*;
use plantzette_content::pictogram::Pictogram;

#[component]
pub fn PictogramImage(of: Pictogram) -> impl IntoView {
    view! { <img class="pictogram" src=of.address() alt="" width="24" height="24"/> }
}
