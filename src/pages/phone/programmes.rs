//! `/programmes`: the prevention programmes of the home-care centre; and `/programmes/{id}`: one
//! with all its sessions, each with its places left and the way to sign up, and a calendar file
//! for the ones to come.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::photo::Photo;
use plantzette_content::sign_up::{Availability, EventRef};
use plantzette_content::{Item, Programme};

use super::calendar_link::{session_calendar, AddToCalendar};
use super::photos::PhotoGallery;
use crate::components::places::{Offer, Places};
use crate::components::programme::{ProgrammeBlocks, ProgrammeCards, ProgrammeHeading, SessionWhenAndWhere};
use crate::i18n::{lang, ui};

#[component]
pub fn ProgrammesContent(programmes: Vec<Item<Programme>>, now: NaiveDateTime) -> impl IntoView {
    let ui = ui();
    view! {
        <h1>{ui.programmes}</h1>
        {if programmes.is_empty() {
            view! { <p class="empty">{ui.no_programmes}</p> }.into_any()
        } else {
            view! { <ProgrammeCards programmes now/> }.into_any()
        }}
    }
}

/// A programme, the places left of each session that counts them (by the session's start), and
/// the photos a family may see of it.
pub struct ProgrammePage {
    pub id: i64,
    pub programme: Programme,
    pub places: Vec<(NaiveDateTime, Availability)>,
    pub photos: Vec<Photo>,
}

#[component]
pub fn ProgrammeContent(page: ProgrammePage, now: NaiveDateTime) -> impl IntoView {
    let ProgrammePage { id, programme, mut places, photos } = page;
    let lang = lang();
    let sessions = programme.sessions.clone();
    view! {
        <ProgrammeHeading programme=programme.clone()/>
        <ProgrammeBlocks programme callable=true>
            <ol>
                {sessions
                    .into_iter()
                    .enumerate()
                    .map(|(index, session)| {
                        let starts_at = session.starts_at;
                        let coming = session.ends_at > now;
                        let counted = places.iter().position(|(at, _)| *at == starts_at).map(|at| places.swap_remove(at).1).filter(|_| coming);
                        view! {
                            <li>
                                <SessionWhenAndWhere session/>
                                {counted.map(|places| view! { <Places event=EventRef::Session { programme_id: id, starts_at } places offer=Offer::Form/> })}
                                {coming.then(|| view! { <AddToCalendar href=session_calendar(id, index + 1, lang)/> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </ProgrammeBlocks>
        <PhotoGallery photos/>
    }
}
