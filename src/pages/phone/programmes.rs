//! `/programmes`: the prevention programmes of the home-care centre; and `/programmes/{id}`: one
//! with all its sessions, each with its places left and the way to sign up (a course: its places
//! and one way to sign up for them all), and a calendar file for the ones to come.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::photo::Photo;
use plantzette_content::sign_up::{Availability, EventRef};
use plantzette_content::{Item, Programme};

use super::calendar_link::{programme_calendar, session_calendar, AddToCalendar};
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

/// A programme, the places left of each session that counts them (by the session's start) or
/// of the course, and the photos a family may see of it.
pub struct ProgrammePage {
    pub id: i64,
    pub programme: Programme,
    pub places: Vec<(NaiveDateTime, Availability)>,
    pub course: Option<Availability>,
    pub photos: Vec<Photo>,
}

#[component]
pub fn ProgrammeContent(page: ProgrammePage, now: NaiveDateTime) -> impl IntoView {
    let ProgrammePage { id, programme, mut places, course, photos } = page;
    let lang = lang();
    let is_course = programme.enrolment.is_course();
    let course_ahead = programme.course_span().is_some_and(|(_, ends_at)| ends_at > now);
    let sessions = programme.sessions.clone();
    view! {
        <ProgrammeHeading programme=programme.clone()/>
        <ProgrammeBlocks programme callable=true>
            {is_course.then(|| view! {
                <p class="course-line">{ui().sign_up.one_for_all}</p>
                {course.map(|places| view! { <p class="places-line"><Places event=EventRef::Course { programme_id: id } places offer=Offer::Form/></p> })}
                {course_ahead.then(|| view! { <p><AddToCalendar href=programme_calendar(id, lang)/></p> })}
            })}
            <ol>
                {sessions
                    .into_iter()
                    .enumerate()
                    .map(|(index, session)| {
                        let starts_at = session.starts_at;
                        let coming = session.ends_at > now && !session.called_off;
                        let counted = places.iter().position(|(at, _)| *at == starts_at).map(|at| places.swap_remove(at).1).filter(|_| coming);
                        view! {
                            <li>
                                <SessionWhenAndWhere session/>
                                {counted.map(|places| view! { <Places event=EventRef::Session { programme_id: id, starts_at } places offer=Offer::Form/> })}
                                {(coming && !is_course).then(|| view! { <AddToCalendar href=session_calendar(id, index + 1, lang)/> })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </ProgrammeBlocks>
        <PhotoGallery photos/>
    }
}
