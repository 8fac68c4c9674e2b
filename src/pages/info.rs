//! Practical info: how to reach the residence, visiting hours and the visits status, and the
//! info pages (admissions, short stays, care, partners). On the kiosk the pages are tiles, each
//! opening one topic on one screen, paged rather than scrolled.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use plantzette_content::format::time_span;
use plantzette_content::{InfoPage as Page, Item, PageSlug, Residence, Today};

use super::programmes::Paragraphs;
use crate::api;
use crate::components::contact::ContactButtons;
use crate::components::fetched::Fetched;
use crate::components::layout::set_page_title;
use crate::components::local_text::LocalText;
use crate::components::notices::use_today;
use crate::components::paged::Paged;
use crate::components::short_stays::ShortStayAvailability;
use crate::i18n::ui;
use crate::kiosk::is_kiosk;
use crate::live::live_resource;

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
            <Fetched resource=today render={|today: Today| view! { <ResidenceContact residence=today.residence/> }}/>
        </div>
        <h2>{ui.more_info}</h2>
        <Fetched resource=pages render={|pages: Vec<Item<Page>>| view! { <PageList pages/> }}/>
    }
}

#[component]
fn ResidenceContact(residence: Residence) -> impl IntoView {
    let ui = ui();
    let address = residence.address.clone();
    let map_query = format!("{}, {} {}", address.street, address.postcode, address.city).replace(' ', "+");
    let written = format!("{}, {} {}", address.street, address.postcode, address.city);
    // A map opened on the lobby screen would be a page with no way back.
    let place = if is_kiosk() {
        view! { <span>{written}</span> }.into_any()
    } else {
        view! { <a href=format!("https://www.openstreetmap.org/search?query={map_query}")>{written}</a> }.into_any()
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
            <ContactButtons contact=residence.contact.clone()/>
        </address>
        </section>
    }
}

#[component]
fn PageList(pages: Vec<Item<Page>>) -> impl IntoView {
    view! {
        <Paged><ul class="cards">
            {pages
                .into_iter()
                .map(|page| {
                    let page = page.content;
                    view! {
                        <li class="card">
                            <h3><A href=format!("/info/{}", page.slug.as_str())><LocalText text=page.title/></A></h3>
                            <p><LocalText text=page.summary/></p>
                        </li>
                    }
                })
                .collect_view()}
        </ul></Paged>
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
pub(crate) fn TopicDetail(page: Page) -> impl IntoView {
    let ui = ui();
    view! {
        <div class="page-heading">
            <h1><LocalText text=page.title/></h1>
            <A href="/info">"← "{ui.info}</A>
        </div>
        <Paged><div class="blocks">
            <p class="lead"><LocalText text=page.summary/></p>
            {(page.slug == PageSlug::ShortStay).then(|| view! {
                <ShortStayAvailability/>
                // Nobody types personal data on the kiosk: the form is for phones and PCs.
                {(!is_kiosk()).then(|| view! { <p><A href="/short-stay-requests" attr:class="button">{ui.stay_request.title}</A></p> })}
            })}
            <Paragraphs text=page.body/>
        </div></Paged>
    }
}
