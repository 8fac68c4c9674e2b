//! Practical info on the kiosk: how to reach the residence and its visiting hours, the info pages
//! as tiles, each opening one topic on one screen, paged rather than scrolled; the short-stay
//! topic with the beds free (asking for a stay is for phones and PCs, or at the reception).

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use plantzette_content::photo::Owner;
use plantzette_content::short_stay::Feed;
use plantzette_content::{InfoPage as Page, Item, PageSlug, Today};

use crate::components::residence::{InfoCards, ResidenceContact, TopicBlocks, TopicHeading};
use crate::components::short_stays::BedStrip;
use crate::i18n::ui;
use crate::kiosk::api;
use crate::kiosk::fetched::Fetched;
use crate::kiosk::layout::set_page_title;
use crate::kiosk::live::live_resource;
use crate::kiosk::paged::Paged;
use crate::kiosk::photo::BesidePhoto;
use crate::kiosk::today::use_today;

#[component]
pub fn InfoPage() -> impl IntoView {
    let ui = ui();
    // The residence comes with the day's content, already fetched for the notices.
    let today = use_today();
    let pages = live_resource(api::pages);
    set_page_title(ui.info);
    view! {
        <h1>{ui.info}</h1>
        <div class="residence-facts">
            <Fetched resource=today render={|today: Today| view! { <ResidenceContact residence=today.residence on_the_move=false/> }}/>
        </div>
        <h2>{ui.more_info}</h2>
        <Fetched resource=pages render={|pages: Vec<Item<Page>>| view! { <Paged><InfoCards pages/></Paged> }}/>
    }
}

#[component]
pub fn InfoTopicPage() -> impl IntoView {
    let params = use_params_map();
    let page = live_resource(move || api::page(params.read().get("topic").unwrap_or_default()));
    set_page_title(ui().info);
    view! { <Fetched resource=page render={|item: Item<Page>| view! { <TopicDetail page=item.content/> }}/> }
}

#[component]
pub fn TopicDetail(page: Page) -> impl IntoView {
    let short_stays = page.slug == PageSlug::ShortStay;
    view! {
        <TopicHeading page=page.clone()/>
        <BesidePhoto owner=Some(Owner::Page { slug: page.slug })>
            <Paged>
                <TopicBlocks page>
                    {short_stays.then(|| view! { <BedsFree/> })}
                </TopicBlocks>
            </Paged>
        </BesidePhoto>
    }
}

/// The short-stay beds free, following the calendar kept in the editor.
#[component]
fn BedsFree() -> impl IntoView {
    let feed = live_resource(api::short_stays);
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move { feed.content().await.ok().map(|feed: Feed| view! { <BedStrip feed/> }) })}
        </Transition>
    }
}
