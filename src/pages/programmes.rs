//! Prevention programmes of the home-care centre: the list, and each programme with its
//! sessions, audience, price and whom to call to register. On the kiosk the list is a page of
//! tiles and a programme is one screen, both paged rather than scrolled; a programme there
//! lists the sessions still to come.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use plantzette_content::format::{long_date, price, time_span};
use plantzette_content::page::paragraphs;
use plantzette_content::registration::EventRef;
use plantzette_content::{Audience, Item, Listing, Programme};

use crate::api;
use crate::components::calendar_link::AddToCalendar;
use crate::components::contact::ContactButtons;
use crate::components::fetched::Fetched;
use crate::components::layout::set_page_title;
use crate::components::local_text::LocalText;
use crate::components::paged::Paged;
use crate::components::places::PlacesLeft;
use crate::i18n::{counted, lang, ui};
use crate::kiosk::is_kiosk;
use crate::live::live_resource;
use plantzette_web::clock::residence_now;

#[component]
pub fn ProgrammesPage() -> impl IntoView {
    let ui = ui();
    let programmes = live_resource(api::programmes);
    set_page_title(ui.programmes);
    view! {
        <h1>{ui.programmes}</h1>
        <Fetched resource=programmes render={|listing: Listing<Item<Programme>>| view! { <ProgrammeList programmes=listing.items/> }}/>
    }
}

#[component]
fn ProgrammeList(programmes: Vec<Item<Programme>>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    if programmes.is_empty() {
        return view! { <p class="empty">{ui.no_programmes}</p> }.into_any();
    }
    let now = residence_now();
    view! {
        <Paged><ul class="cards">
            {programmes
                .into_iter()
                .map(|item| {
                    let programme = item.content;
                    let topic = programme.topic;
                    let next = programme.next_session(now).cloned();
                    view! {
                        <li class="card">
                            <p class="eyebrow">{topic.label(lang)}</p>
                            <h2><A href=format!("/programmes/{}", item.id)><LocalText text=programme.title/></A></h2>
                            <p><LocalText text=programme.summary/></p>
                            {next.map(|s| view! { <p class="when">{long_date(s.starts_at.date(), lang)}", "{time_span(s.starts_at, s.ends_at)}</p> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul></Paged>
    }
    .into_any()
}

#[component]
pub fn ProgrammePage() -> impl IntoView {
    let params = use_params_map();
    let programme = live_resource(move || api::programme(params.read().get("id").unwrap_or_default()));
    set_page_title(ui().programmes);
    view! { <Fetched resource=programme render={|item: Item<Programme>| view! { <ProgrammeDetail id=item.id programme=item.content/> }}/> }
}

/// How many of a programme's coming sessions the kiosk lists.
const KIOSK_SESSIONS: usize = 3;

#[component]
pub(crate) fn ProgrammeDetail(id: i64, programme: Programme) -> impl IntoView {
    let ui = ui();
    let now = residence_now();
    let lang = lang();
    let topic = programme.topic;
    let description = programme.description.clone();
    let audiences = programme.audiences.clone();
    let contact = programme.contact.clone();
    let price_info = programme.price.clone();
    // The lobby has no use for sessions past, nor for calendar files downloaded to its screen;
    // it lists the next few, so that a programme's essentials fit one screen.
    let kiosk = is_kiosk();
    let sessions: Vec<_> = programme.sessions.iter().cloned().enumerate().filter(|(_, s)| !kiosk || s.ends_at > now).collect();
    // A preview in the editor (id 0) is not published yet: it has no places to count.
    let published = id > 0;
    let counted_places = move |s: &plantzette_content::Session| published && s.places.is_some() && s.ends_at > now;
    let takes_sign_ups = programme.sessions.iter().any(counted_places);
    let more_dates = if kiosk { sessions.len().saturating_sub(KIOSK_SESSIONS) } else { 0 };
    let sessions = sessions.into_iter().take(if kiosk { KIOSK_SESSIONS } else { usize::MAX });
    view! {
        <div class="page-heading">
            <h1><span class="eyebrow">{topic.label(lang)}</span><LocalText text=programme.title.clone()/></h1>
            <A href="/programmes">"← "{ui.all_programmes}</A>
        </div>
        <Paged><div class="blocks">
        <p class="lead"><LocalText text=programme.summary.clone()/></p>
        {description.map(|text| view! { <Paragraphs text/> })}
        <dl class="facts">
            <dt>{ui.audience}</dt>
            <dd>{audiences.iter().map(|a: &Audience| a.label(lang)).collect::<Vec<_>>().join(", ")}</dd>
            <dt>{ui.price}</dt>
            <dd>
                {price(price_info.centimes, lang)}
                {price_info.note.clone().map(|note| view! { " (" <LocalText text=note/> ")" })}
            </dd>
            <dt>{ui.registration}</dt>
            <dd class="contact">
                {contact.name.clone()}<br/>
                <ContactButtons contact=contact.clone()/>
            </dd>
        </dl>
        <section class="sessions">
            <h2>{ui.sessions}</h2>
            {(kiosk && takes_sign_ups).then(|| view! { <p class="sign-up-where">{ui.sign_up.scan_or_reception}</p> })}
            <ol>
                {sessions
                    .map(|(index, s)| {
                        view! {
                            <li>
                                <strong>{long_date(s.starts_at.date(), lang)}", "{time_span(s.starts_at, s.ends_at)}</strong>
                                <span class="session-place"><LocalText text=s.place.clone()/></span>
                                {counted_places(&s).then(|| view! {
                                    <PlacesLeft event=EventRef::Session { programme_id: id, starts_at: s.starts_at } offer=true/>
                                })}
                                {(s.ends_at > now && !kiosk).then(|| view! { <AddToCalendar href=api::session_calendar(id, index + 1, lang)/> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            {(more_dates > 0).then(|| view! { <p class="more">"+ "{counted(more_dates, &ui.more_dates)}</p> })}
        </section>
        </div></Paged>
    }
}

/// A plain-text body as paragraphs, in the chosen language.
#[component]
pub fn Paragraphs(text: plantzette_content::Text) -> impl IntoView {
    let lang = lang();
    let localized = text.localized(lang);
    let lang_attr = localized.is_fallback.then_some("fr");
    paragraphs(localized.text).map(|p| view! { <p lang=lang_attr>{p.to_string()}</p> }).collect_view()
}
