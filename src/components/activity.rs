//! A day's activities as a list: time, title, place, with what is on now, what comes next and
//! what is cancelled marked in words, not colour alone.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::activity::{next_occurrence, Timing};
use plantzette_content::format::{long_date, time_span};
use plantzette_content::Occurrence;

use crate::components::local_text::LocalText;
use crate::components::page_link;
use crate::components::pictogram::PictogramImage;
use crate::i18n::{lang, ui};
use plantzette_content::pictogram::Pictured;

/// Occurrences of one day, in time order; `now` marks the current and the next one. Titles link
/// to each occurrence's page unless `linked` is false (the kiosk's at-a-glance list).
#[component]
pub fn ActivityList(
    occurrences: Vec<Occurrence>,
    #[prop(optional)] now: Option<NaiveDateTime>,
    #[prop(default = true)] linked: bool,
) -> impl IntoView {
    let ui = ui();
    if occurrences.is_empty() {
        return view! { <p class="empty">{ui.no_activities}</p> }.into_any();
    }
    let next = now.and_then(|now| next_occurrence(&occurrences, now));
    view! {
        <ul class="activity-list">
            {occurrences
                .into_iter()
                .enumerate()
                .map(|(index, occurrence)| {
                    let timing = now.map(|now| occurrence.timing(now));
                    let is_now = !occurrence.cancelled && timing == Some(Timing::Now);
                    let is_past = timing == Some(Timing::Past);
                    view! { <ActivityItem occurrence is_now is_next=next == Some(index) is_past linked/> }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn ActivityItem(occurrence: Occurrence, is_now: bool, is_next: bool, is_past: bool, linked: bool) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let info = occurrence.info.clone();
    let category = info.category;
    let cancelled = occurrence.cancelled;
    view! {
        <li class="activity" class:cancelled=cancelled class:now=is_now class:next=is_next class:past=is_past>
            <p class="when">{time_span(occurrence.starts_at, occurrence.ends_at)}</p>
            <div class="what">
                <h3 class="title">
                    <PictogramImage of=category.pictogram()/>
                    {if linked {
                        let href = page_link(&format!("/activities/{}/{}", occurrence.activity_id, occurrence.starts_at.date()));
                        view! { <a href=href><LocalText text=info.title.clone()/></a> }.into_any()
                    } else {
                        view! { <LocalText text=info.title.clone()/> }.into_any()
                    }}
                </h3>
                <p class="badges">
                    {is_now.then(|| view! { <span class="badge badge-now">{ui.now_on}</span> })}
                    {is_next.then(|| view! { <span class="badge badge-next">{ui.next}</span> })}
                    {(is_past && !cancelled).then(|| view! { <span class="badge badge-past">{ui.finished}</span> })}
                    {cancelled.then(|| view! { <span class="badge badge-cancelled">{ui.cancelled}</span> })}
                    <span class="badge badge-category">{category.label(lang)}</span>
                    {info.registration_required.then(|| view! { <span class="badge">{ui.registration_required}</span> })}
                    {(!info.wheelchair_accessible).then(|| view! { <span class="badge">{ui.not_wheelchair_accessible}</span> })}
                </p>
                <p class="place"><LocalText text=info.place.clone()/></p>
                {info.description.clone().map(|text| view! { <p class="description"><LocalText text/></p> })}
            </div>
        </li>
    }
}

/// One occurrence's page heading: its kind and title, and the way back to its week.
#[component]
pub fn OccurrenceHeading(occurrence: Occurrence) -> impl IntoView {
    let day = occurrence.starts_at.date();
    view! {
        <div class="page-heading">
            <h1><span class="eyebrow">{occurrence.info.category.label(lang())}</span><LocalText text=occurrence.info.title/></h1>
            <a href=page_link(&format!("/activities?week={day}&day={day}"))>"← "{ui().whole_week}</a>
        </div>
    }
}

/// One occurrence's page below its heading, one block each (the kiosk pages them): when, where,
/// what, then `children` (its places, its calendar file).
#[component]
pub fn OccurrenceBlocks(occurrence: Occurrence, children: Children) -> impl IntoView {
    let ui = ui();
    let info = occurrence.info;
    view! {
        <div class="blocks">
            <p class="lead when">{long_date(occurrence.starts_at.date(), lang())}", "{time_span(occurrence.starts_at, occurrence.ends_at)}</p>
            {occurrence.cancelled.then(|| view! { <p class="badge badge-cancelled">{ui.cancelled}</p> })}
            <p><LocalText text=info.place/></p>
            {info.description.map(|text| view! { <p><LocalText text/></p> })}
            {info.registration_required.then(|| view! { <p class="badge">{ui.registration_required}</p> })}
            {children()}
        </div>
    }
}

/// Whether an occurrence counts its places now: it has some, it is on, and it has not ended.
pub fn counts_places(occurrence: &Occurrence, now: NaiveDateTime) -> bool {
    occurrence.info.places.is_some() && !occurrence.cancelled && occurrence.ends_at > now
}
