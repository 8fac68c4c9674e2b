//! A prevention programme of the home-care centre: its card in the list, and its own page's
//! heading and blocks (summary, description, audience, price, whom to call), around the
//! sessions that each screen lists its own way.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::format::{long_date, price, time_span};
use plantzette_content::page::paragraphs;
use plantzette_content::{Audience, Item, Programme, Session, Text};

use crate::components::contact::ContactButtons;
use crate::components::local_text::LocalText;
use crate::components::page_link;
use crate::components::pictogram::PictogramImage;
use crate::i18n::{lang, ui};
use plantzette_content::pictogram::Pictured;

/// The programmes as cards, each with its next session after `now`.
#[component]
pub fn ProgrammeCards(programmes: Vec<Item<Programme>>, now: NaiveDateTime) -> impl IntoView {
    let lang = lang();
    view! {
        <ul class="cards">
            {programmes
                .into_iter()
                .map(|item| {
                    let programme = item.content;
                    let topic = programme.topic;
                    let next = programme.next_session(now).cloned();
                    view! {
                        <li class="card">
                            <p class="eyebrow"><PictogramImage of=topic.pictogram()/>{topic.label(lang)}</p>
                            <h2><a href=page_link(&format!("/programmes/{}", item.id))><LocalText text=programme.title/></a></h2>
                            <p><LocalText text=programme.summary/></p>
                            {next.map(|s| view! { <p class="when">{long_date(s.starts_at.date(), lang)}", "{time_span(s.starts_at, s.ends_at)}</p> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// A programme's page heading: its topic and title, and the way back to the list.
#[component]
pub fn ProgrammeHeading(programme: Programme) -> impl IntoView {
    view! {
        <div class="page-heading">
            <h1><span class="eyebrow"><PictogramImage of=programme.topic.pictogram()/>{programme.topic.label(lang())}</span><LocalText text=programme.title/></h1>
            <a href=page_link("/programmes")>"← "{ui().all_programmes}</a>
        </div>
    }
}

/// A programme's page below its heading, one block each (the kiosk pages them): the summary, the
/// description, the facts, then `children`, its sessions as the screen lists them.
/// `callable`: whom to call as buttons (not on the lobby screen, which can neither call nor write).
#[component]
pub fn ProgrammeBlocks(programme: Programme, callable: bool, children: Children) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let contact = programme.contact;
    let price_info = programme.price;
    view! {
        <div class="blocks">
            <p class="lead"><LocalText text=programme.summary/></p>
            {programme.description.map(|text| view! { <Paragraphs text/> })}
            <dl class="facts">
                <dt>{ui.audience}</dt>
                <dd>{programme.audiences.iter().map(|a: &Audience| a.label(lang)).collect::<Vec<_>>().join(", ")}</dd>
                <dt>{ui.price}</dt>
                <dd>
                    {price(price_info.centimes, lang)}
                    {price_info.note.map(|note| view! { " (" <LocalText text=note/> ")" })}
                </dd>
                <dt>{ui.registration}</dt>
                <dd class="contact">
                    {contact.name.clone()}<br/>
                    <ContactButtons contact callable/>
                </dd>
            </dl>
            <section class="sessions">
                <h2>{ui.sessions}</h2>
                {children()}
            </section>
        </div>
    }
}

/// A session's date, time and place, as a list of sessions starts each item; struck out, and
/// said in words, when it is called off.
#[component]
pub fn SessionWhenAndWhere(session: Session) -> impl IntoView {
    let when = format!("{}, {}", long_date(session.starts_at.date(), lang()), time_span(session.starts_at, session.ends_at));
    view! {
        {if session.called_off {
            view! { <strong><s>{when}</s>" "<span class="called-off">{ui().sign_up.called_off}</span></strong> }.into_any()
        } else {
            view! { <strong>{when}</strong> }.into_any()
        }}
        <span class="session-place"><LocalText text=session.place/></span>
    }
}

/// A plain-text body as paragraphs, in the chosen language.
#[component]
pub fn Paragraphs(text: Text) -> impl IntoView {
    let localized = text.localized(lang());
    let lang_attr = localized.is_fallback.then_some("fr");
    paragraphs(localized.text).map(|p| view! { <p lang=lang_attr>{p.to_string()}</p> }).collect_view()
}
