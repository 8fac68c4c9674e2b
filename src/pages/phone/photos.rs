//! Photos on the families' pages: those a family may see (`Consent::on_the_web`) of an activity,
//! a programme or an info page, below its text; and `/photos?week=`: the photos of a week, day by
//! day, each with what it is of, a tap away. Each is loaded only when scrolled near, small on a
//! phone (`sizes`), and opens large on a tap.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::format::day_heading;
use plantzette_content::photo::{Format, Photo};
use plantzette_content::{Text, Week};

use super::week_address;
use crate::components::local_text::LocalText;
use crate::components::photo::PhotoPicture;
use crate::components::week_nav::{WeekHeader, WeekLinks};
use crate::i18n::{lang, ui};

/// One photo a row on a phone, two on a wider one, three in the page's 60 rem column elsewhere.
const GALLERY_SIZES: &str = "(max-width: 29.99rem) calc(100vw - 2rem), (max-width: 47.99rem) calc(50vw - 1.5rem), 19rem";

/// A photo in a gallery: a link to its largest size, and what it shows written under it (`of`:
/// then what it is of, and the way to its page).
#[component]
fn GalleryPhoto(photo: Photo, #[prop(optional)] of: Option<(Text, String)>) -> impl IntoView {
    let largest = photo.file(photo.widths.last().copied().unwrap_or(photo.width), Format::Jpeg);
    let description = photo.info.description.clone();
    view! {
        <figure>
            <a class="gallery-photo" href=largest><PhotoPicture photo sizes=GALLERY_SIZES lazy=true/></a>
            <figcaption>
                <LocalText text=description/>
                {of.map(|(of, page)| view! { <br/><a href=page><LocalText text=of/></a> })}
            </figcaption>
        </figure>
    }
}

/// An item's photos under their heading; nothing without any.
#[component]
pub fn PhotoGallery(photos: Vec<Photo>) -> impl IntoView {
    (!photos.is_empty()).then(|| {
        view! {
            <section class="photos" aria-labelledby="photos">
                <h2 id="photos">{ui().photos}</h2>
                <ul class="gallery">{photos.into_iter().map(|photo| view! { <li><GalleryPhoto photo/></li> }).collect_view()}</ul>
            </section>
        }
    })
}

/// A photo of the week, with what it is of (its activity's, programme's or page's title) and the
/// page of that.
pub struct PhotoOfWeek {
    pub photo: Photo,
    pub of: Text,
    pub page: String,
}

/// The photos whose day is in the week (`Photo::day`), the latest added first.
pub struct WeekOfPhotos {
    pub week: Week,
    pub photos: Vec<PhotoOfWeek>,
}

#[component]
pub fn PhotosContent(week: WeekOfPhotos, now: NaiveDateTime) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let WeekOfPhotos { week, photos } = week;
    let links = WeekLinks::around(week, now.date(), |week| week_address("/photos", week));
    let days: Vec<_> = week.range().days().filter(|day| photos.iter().any(|p| p.photo.day() == *day)).collect();
    let mut photos = photos;
    view! {
        <WeekHeader title=ui.photos_of_week week links/>
        {days.is_empty().then(|| view! { <p class="empty">{ui.no_photos_this_week}</p> })}
        {days
            .into_iter()
            .map(|day| {
                let (of_day, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut photos).into_iter().partition(|p| p.photo.day() == day);
                photos = rest;
                let id = format!("photos-{day}");
                let labelled_by = id.clone();
                view! {
                    <section class="day" aria-labelledby=labelled_by>
                        <h2 id=id>{day_heading(day, lang)}</h2>
                        <ul class="gallery">
                            {of_day
                                .into_iter()
                                .map(|PhotoOfWeek { photo, of, page }| view! {
                                    <li><GalleryPhoto photo of=(of, page)/></li>
                                })
                                .collect_view()}
                        </ul>
                    </section>
                }
            })
            .collect_view()}
    }
}
