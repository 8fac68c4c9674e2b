//! The prevention programmes on the kiosk: the list as a page of tiles, and each programme on one
//! screen with the sessions still to come (the next few, each with its places left and the
//! sign-up form's QR code; a course: its places and one QR code, then every session), both
//! paged rather than scrolled.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use plantzette_content::photo::Owner;
use plantzette_content::sign_up::EventRef;
use plantzette_content::{Item, Listing, Programme};

use crate::components::programme::{ProgrammeBlocks, ProgrammeCards, ProgrammeHeading, SessionWhenAndWhere};
use crate::i18n::{counted, ui};
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
    let shown = if programme.enrolment.is_course() { coming.len() } else { SESSIONS_SHOWN };
    let more_dates = coming.len().saturating_sub(shown);
    view! {
        <ProgrammeHeading programme=programme.clone()/>
        <BesidePhoto owner=(id > 0).then_some(Owner::Programme { id })>
            <Paged>
                <ProgrammeBlocks programme callable=false>
                    {takes_sign_ups.then(|| view! { <p class="sign-up-where">{ui.sign_up.scan_or_reception}</p> })}
                    {course.map(|event| view! { <p class="course-line">{ui.sign_up.one_for_all}</p><p class="course-places"><LivePlaces event/></p> })}
                    <ol>
                        {coming
                            .into_iter()
                            .take(shown)
                            .map(|session| {
                                let event = counts_places(&session).then_some(EventRef::Session { programme_id: id, starts_at: session.starts_at });
                                view! {
                                    <li>
                                        <SessionWhenAndWhere session/>
                                        {event.map(|event| view! { <LivePlaces event/> })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                    {(more_dates > 0).then(|| view! { <p class="more">"+ "{counted(more_dates, &ui.more_dates)}</p> })}
                </ProgrammeBlocks>
            </Paged>
        </BesidePhoto>
    }
}
