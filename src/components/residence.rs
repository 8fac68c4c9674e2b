//! Practical info: how to reach the residence and its visiting hours, the info pages as cards, and
//! an info page's heading and blocks.

use leptos::prelude::*;
use plantzette_content::format::time_span;
use plantzette_content::{InfoPage, Item, Residence};

use crate::components::contact::ContactButtons;
use crate::components::local_text::LocalText;
use crate::components::page_link;
use crate::components::pictogram::PictogramImage;
use crate::components::programme::Paragraphs;
use crate::i18n::ui;
use plantzette_content::pictogram::Pictured;

/// Visiting hours and how to reach the residence. `on_the_move`: a phone or a PC, which can open
/// a map, call and write (the lobby screen writes them out: a map there would be a dead end).
#[component]
pub fn ResidenceContact(residence: Residence, on_the_move: bool) -> impl IntoView {
    let ui = ui();
    let address = residence.address.clone();
    let written = format!("{}, {} {}", address.street, address.postcode, address.city);
    let place = if on_the_move {
        let map_query = written.replace(' ', "+");
        view! { <a href=format!("https://www.openstreetmap.org/search?query={map_query}")>{written}</a> }.into_any()
    } else {
        view! { <span>{written}</span> }.into_any()
    };
    view! {
        <section>
        <h2>{ui.visiting_hours}</h2>
        <ul class="hours">
            {residence
                .visiting_hours
                .iter()
                .map(|hours| {
                    let span = time_span(hours.opens, hours.closes);
                    view! { <li><LocalText text=hours.days.clone()/>{ui.colon}{span}</li> }
                })
                .collect_view()}
        </ul>
        </section>
        <section>
        <h2>{ui.contact}</h2>
        <address class="contact">
            {residence.name.clone()}<br/>
            {place}
            <br/>
            <ContactButtons contact=residence.contact.clone() callable=on_the_move/>
        </address>
        </section>
    }
}

/// The info pages as cards, each a link to its page.
#[component]
pub fn InfoCards(pages: Vec<Item<InfoPage>>) -> impl IntoView {
    view! {
        <ul class="cards">
            {pages
                .into_iter()
                .map(|page| {
                    let page = page.content;
                    view! {
                        <li class="card">
                            <h3><a href=page_link(&format!("/info/{}", page.slug.as_str()))><PictogramImage of=page.slug.pictogram()/><LocalText text=page.title/></a></h3>
                            <p><LocalText text=page.summary/></p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// An info page's heading, and the way back to practical info.
#[component]
pub fn TopicHeading(page: InfoPage) -> impl IntoView {
    view! {
        <div class="page-heading">
            <h1><PictogramImage of=page.slug.pictogram()/><LocalText text=page.title/></h1>
            <a href=page_link("/info")>"← "{ui().info}</a>
        </div>
    }
}

/// An info page below its heading, one block each (the kiosk pages them): its summary, then
/// `children` (what the topic adds: the short-stay beds free), then its text.
#[component]
pub fn TopicBlocks(page: InfoPage, children: Children) -> impl IntoView {
    view! {
        <div class="blocks">
            <p class="lead"><LocalText text=page.summary/></p>
            {children()}
            <Paragraphs text=page.body/>
        </div>
    }
}
