//! The prevention programmes on the kiosk: the list as a page of tiles, and each programme on one
//! screen with the sessions still to come (the next few, each with its places left and the
//! sign-up form's QR code; a course: its places and one QR code, then every session), both
//! paged rather than scrolled.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use plantzette_content::format::{day_heading, time_span};
use plantzette_content::photo::Owner;
use plantzette_content::sign_up::EventRef;
use plantzette_content::{Item, Listing, Programme};

use crate::components::local_text::LocalText;
use crate::components::programme::{ProgrammeBlocks, ProgrammeCards, ProgrammeHeading, SessionWhenAndWhere};
use crate::i18n::{counted, lang, ui};
use crate::kiosk::api;
use crate::kiosk::fetched::Fetched;
use crate::kiosk::layout::set_page_title;
use crate::kiosk::live::live_resource;
use crate::kiosk::paged::Paged;
use crate::kiosk::photo::BesidePhoto;
use crate::kiosk::places::LivePlaces;
use plantzette_web::clock::residence_now;

#[component]
pub fn ProgrammesPage() -> impl IntoView {
    let ui = ui();
    let programmes = live_resource(api::programmes);
    set_page_title(ui.programmes);
    view! {
        <h1>{ui.programmes}</h1>
        <Fetched resource=programmes render={move |listing: Listing<Item<Programme>>| if listing.items.is_empty() {
            view! { <p class="empty">{ui.no_programmes}</p> }.into_any()
        } else {
            view! { <Paged><ProgrammeCards programmes=listing.items now=residence_now()/></Paged> }.into_any()
        }}/>
    }
}

#[component]
pub fn ProgrammePage() -> impl IntoView {
    let params = use_params_map();
    let programme = live_resource(move || api::programme(params.read().get("id").unwrap_or_default()));
    set_page_title(ui().programmes);
    view! { <Fetched resource=programme render={|item: Item<Programme>| view! { <ProgrammeDetail id=item.id programme=item.content/> }}/> }
}

/// How many of a drop-in programme's coming sessions the kiosk lists (a course lists them all:
/// one enrolment is for every one of them).
const SESSIONS_SHOWN: usize = 3;

/// A programme on one screen: the lobby has no use for sessions past, and lists the next few, so
/// that a programme's essentials fit. `id` 0: a preview in the editor, not published yet, with
/// no places to count.
#[component]
pub fn ProgrammeDetail(id: i64, programme: Programme) -> impl IntoView {
    let ui = ui();
    let now = residence_now();
    let coming: Vec<_> = programme.sessions_in_order().into_iter().filter(|s| s.ends_at > now).cloned().collect();
    let counts_places = move |s: &plantzette_content::Session| id > 0 && s.places.is_some() && !s.called_off;
    let course = (id > 0 && programme.course_places().is_some()).then_some(EventRef::Course { programme_id: id });
    let takes_sign_ups = course.is_some() || coming.iter().any(counts_places);
    let more_dates = coming.len().saturating_sub(SESSIONS_SHOWN);
    let is_course = programme.enrolment.is_course();
    let sessions = if is_course {
        view! { <CourseDates sessions=coming/> }.into_any()
    } else {
        let listed = coming.into_iter().take(SESSIONS_SHOWN).map(|session| {
            let event = counts_places(&session).then_some(EventRef::Session { programme_id: id, starts_at: session.starts_at });
            view! {
                <li>
                    <SessionWhenAndWhere session/>
                    {event.map(|event| view! { <LivePlaces event/> })}
                </li>
            }
        });
        view! { <ol>{listed.collect_view()}</ol> }.into_any()
    };
    view! {
        <ProgrammeHeading programme=programme.clone()/>
        <BesidePhoto owner=(id > 0).then_some(Owner::Programme { id })>
            <Paged>
                <ProgrammeBlocks programme callable=false>
                    {takes_sign_ups.then(|| view! { <p class="sign-up-where">{ui.sign_up.scan_or_reception}</p> })}
                    {course.map(|event| view! { <div class="course-sign-up"><LivePlaces event/><p>{ui.sign_up.one_for_all}</p></div> })}
                    {sessions}
                    {(!is_course && more_dates > 0).then(|| view! { <p class="more">"+ "{counted(more_dates, &ui.more_dates)}</p> })}
                </ProgrammeBlocks>
            </Paged>
        </BesidePhoto>
    }
}

/// A course's coming sessions, a short line each ("mardi 8 décembre, 14:00–15:00"), side by
/// side: one enrolment is for all of them, so each needs no code of its own. The place once,
/// when every session has the same.
#[component]
fn CourseDates(sessions: Vec<plantzette_content::Session>) -> impl IntoView {
    let lang = lang();
    let one_place = sessions.first().map(|first| first.place.clone()).filter(|place| sessions.iter().all(|s| &s.place == place));
    let each_its_place = one_place.is_none();
    let lines = sessions.into_iter().map(move |session| {
        let when = format!("{}, {}", day_heading(session.starts_at.date(), lang), time_span(session.starts_at, session.ends_at));
        let place = each_its_place.then(|| view! { <span class="session-place"><LocalText text=session.place.clone()/></span> });
        let said = if session.called_off {
            view! { <s>{when}</s>" "<span class="called-off">{ui().sign_up.called_off}</span> }.into_any()
        } else {
            view! { {when} }.into_any()
        };
        view! { <li><strong>{said}</strong>{place}</li> }
    });
    view! {
        {one_place.map(|place| view! { <p class="session-place"><LocalText text=place/></p> })}
        <ol class="course-dates">{lines.collect_view()}</ol>
    }
}
