//! A photo of the home's life (`plantzette_content::photo`), at the size the screen needs: WebP,
//! with JPEG for a browser that reads no WebP, every size offered and the browser choosing by
//! `sizes` (the width the photo is drawn at), so that a phone downloads its small one. Its
//! description is its text alternative, marked French where no translation stands in.

use leptos::prelude::*;
use plantzette_content::photo::{Format, Photo};

use crate::i18n::lang;

#[component]
pub fn PhotoPicture(
    photo: Photo,
    /// The width it is drawn at, for the browser to choose a size: `(max-width: 40rem) 100vw, 40rem`.
    sizes: &'static str,
    /// Loaded only when scrolled near (a phone's list); the kiosk's one photo comes at once.
    #[prop(optional)]
    lazy: bool,
) -> impl IntoView {
    let description = photo.info.description.localized(lang());
    let french = description.is_fallback.then_some("fr");
    let alt = description.text.to_string();
    let smallest = photo.widths.first().copied().unwrap_or(photo.width);
    view! {
        <picture class="photo">
            <source type=Format::Webp.media_type() srcset=photo.srcset(Format::Webp) sizes=sizes/>
            <img
                src=photo.file(smallest, Format::Jpeg)
                srcset=photo.srcset(Format::Jpeg)
                sizes=sizes
                alt=alt
                lang=french
                width=photo.width
                height=photo.height
                loading=lazy.then_some("lazy")
                decoding="async"
            />
        </picture>
    }
}
