//! `/info`: how to reach the residence, its visiting hours, and the info pages (admissions, short
//! stays, care, partners); and `/info/{topic}`: one of them, the short-stay page with the beds
//! free and the way to ask for a stay.

use leptos::prelude::*;
use plantzette_content::photo::Photo;
use plantzette_content::short_stay::Feed;
use plantzette_content::{InfoPage, Item, Residence};

use super::photos::PhotoGallery;
use crate::components::residence::{InfoCards, ResidenceContact, TopicBlocks, TopicHeading};
use crate::components::short_stays::BedStrip;
use crate::i18n::ui;

#[component]
pub fn InfoContent(residence: Residence, pages: Vec<Item<InfoPage>>) -> impl IntoView {
    let ui = ui();
    view! {
        <h1>{ui.info}</h1>
        <div class="residence-facts">
            <ResidenceContact residence on_the_move=true/>
        </div>
        <h2>{ui.more_info}</h2>
        <InfoCards pages/>
    }
}

/// An info page, for the short-stay one the beds free, and the photos anyone may see of it (the
/// building, the rooms, the garden).
pub struct TopicPage {
    pub page: InfoPage,
    pub beds: Option<Feed>,
    pub photos: Vec<Photo>,
}

#[component]
pub fn TopicContent(page: TopicPage) -> impl IntoView {
    let TopicPage { page, beds, photos } = page;
    let asked_for_here = beds.is_some();
    view! {
        <TopicHeading page=page.clone()/>
        <TopicBlocks page>
            {beds.map(|feed| view! { <BedStrip feed/> })}
            {asked_for_here.then(|| view! { <p><a href="/short-stay-requests" class="button">{ui().stay_request.title}</a></p> })}
        </TopicBlocks>
        <PhotoGallery photos/>
    }
}
