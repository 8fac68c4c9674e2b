//! Sign-ups: the sessions and activities that take them over the coming eight weeks; for the one
//! chosen, who is confirmed, waiting or cancelled, with attendance ticked in one tap on the day,
//! a move (give a place, back to waiting, cancel for someone who phoned), someone signed up at
//! the desk, the printed list and the export for Excel; and the year's figures without names.

mod course_roster;
mod event_panel;
mod week;

use chrono::{Duration, NaiveDateTime};
use leptos::prelude::*;
use plantzette_content::format::{long_date, time};
use plantzette_content::schedule::residence_now;
use plantzette_content::sign_up::EventRef;
use plantzette_content::{DateRange, Lang, Text};

use crate::api::{self, EditorError};
use crate::components::loaded::LoadFailed;
use crate::i18n::{lang, ui};
use event_panel::EventPanel;
use week::WeekSection;

/// How far ahead the page looks for events taking sign-ups.
const AHEAD_DAYS: i64 = 56;

/// An event that takes sign-ups, as the list of them shows it.
#[derive(Clone, PartialEq)]
struct Event {
    key: String,
    title: Text,
    starts_at: NaiveDateTime,
    /// `None`: no limit.
    capacity: Option<u32>,
}

/// The sessions with places and the occurrences "sur inscription" with places, soonest first.
async fn events_ahead() -> Result<Vec<Event>, EditorError> {
    let now = residence_now();
    let range = DateRange { from: now.date(), to: now.date() + Duration::days(AHEAD_DAYS) };
    let mut events = Vec::new();
    for programme in api::programmes_ahead().await?.items {
        // A course: one list for all its sessions, dated by its first, while it lasts.
        if let (Some(places), Some((starts_at, ends_at))) = (programme.content.course_places(), programme.content.course_span()) {
            if ends_at > now {
                let key = EventRef::Course { programme_id: programme.id }.key();
                events.push(Event { key, title: programme.content.title.clone(), starts_at, capacity: places.capacity });
            }
        }
        for session in programme.content.sessions.iter().filter(|s| s.places.is_some() && s.ends_at > now && range.contains(s.starts_at.date())) {
            let key = EventRef::Session { programme_id: programme.id, starts_at: session.starts_at }.key();
            let capacity = session.places.and_then(|p| p.capacity);
            events.push(Event { key, title: programme.content.title.clone(), starts_at: session.starts_at, capacity });
        }
    }
    let occurrences = api::occurrences(range).await?.items;
    for occurrence in occurrences.into_iter().filter(|o| !o.cancelled && o.info.registration_required && o.info.places.is_some() && o.ends_at > now) {
        let key = EventRef::Occurrence { activity_id: occurrence.activity_id, date: occurrence.starts_at.date() }.key();
        let capacity = occurrence.info.places.and_then(|p| p.capacity);
        events.push(Event { key, title: occurrence.info.title, starts_at: occurrence.starts_at, capacity });
    }
    events.sort_by_key(|e| e.starts_at);
    Ok(events)
}

fn when(starts_at: NaiveDateTime, lang: Lang) -> String {
    format!("{}, {}", long_date(starts_at.date(), lang), time(starts_at))
}

#[component]
pub fn SignUpsPage() -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let events = LocalResource::new(events_ahead);
    let chosen = RwSignal::new(None::<String>);
    view! {
        <h2>{ui.sign_ups}</h2>
        <section aria-labelledby="events-heading">
            <h3 id="events-heading">{ui.events_ahead}</h3>
            <Suspense fallback=move || view! { <p>{ui.loading}</p> }>
                {move || Suspend::new(async move {
                    let Ok(events) = events.await else {
                        return view! { <LoadFailed/> }.into_any();
                    };
                    if events.is_empty() {
                        return view! { <p>{ui.no_events}</p> }.into_any();
                    }
                    view! {
                        <WeekSection events=events.clone() chosen/>
                        <label for="sign-up-event">{ui.choose_event}</label>
                        <select id="sign-up-event" class="event-choice" prop:value=move || chosen.get().unwrap_or_default() on:change=move |ev| {
                            let key = event_target_value(&ev);
                            chosen.set((!key.is_empty()).then_some(key));
                        }>
                            <option value="">"\u{2014}"</option>
                            {events.into_iter().map(|event| view! {
                                <option value=event.key.clone()>{format!("{} \u{b7} {}", when(event.starts_at, lang), event.title.get(lang))}</option>
                            }).collect_view()}
                        </select>
                    }.into_any()
                })}
            </Suspense>
        </section>
        <EventsOffSection/>
        {move || chosen.get().map(|key| view! { <EventPanel key/> })}
        <FiguresSection/>
    }
}

/// The events still to come that are off, and the people signed up whom no e-mail told: the
/// coordinator calls them. Shown only when there is someone to call.
#[component]
fn EventsOffSection() -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let off = LocalResource::new(api::events_off);
    let when = move |key: &str| match EventRef::parse(key) {
        Some(EventRef::Session { starts_at, .. }) => when(starts_at, lang),
        Some(EventRef::Occurrence { date, .. }) => long_date(date, lang),
        Some(EventRef::Course { .. }) | None => String::new(),
    };
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                let Ok(off) = off.await else {
                    return Some(view! { <LoadFailed/> }.into_any());
                };
                (!off.is_empty()).then(|| view! {
                    <section class="events-off" aria-labelledby="events-off-heading">
                        <h3 id="events-off-heading">{ui.events_off}</h3>
                        <p>{ui.events_off_hint}</p>
                        {off.into_iter().map(|event| view! {
                            <h4>
                                {event.title.map(|title| title.get(lang).to_string()).unwrap_or_else(|| ui.event_deleted.to_string())}" \u{b7} "
                                // A course's session called off: its date; the enrolment stays.
                                {event.session.map_or_else(|| when(&event.event), |at| format!("{} \u{b7} {}", self::when(at, lang), ui.session_called_off))}
                            </h4>
                            <ul class="items sign-ups">
                                {event.to_call.into_iter().map(|entry| {
                                    let phone = entry.phone.clone().unwrap_or_default();
                                    view! {
                                        <li class="sign-up">
                                            <p>
                                                <strong>{entry.name.clone().unwrap_or_default()}</strong>{format!(" \u{b7} {} pers. \u{b7} {} \u{b7} ", entry.people, entry.lang.code().to_uppercase())}
                                                {(!phone.is_empty()).then(|| view! { <a href=format!("tel:{}", phone.replace(' ', ""))>{phone.clone()}</a> })}
                                                {entry.email.clone().map(|email| format!(" \u{b7} {email}"))}
                                            </p>
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }).collect_view()}
                    </section>
                }.into_any())
            })}
        </Suspense>
    }
}

/// The year's figures per programme, for the CMS's report to the canton: no names.
#[component]
fn FiguresSection() -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let figures = LocalResource::new(api::sign_up_figures);
    view! {
        <section aria-labelledby="figures-heading">
            <h3 id="figures-heading">{ui.year_figures}</h3>
            <Suspense fallback=move || view! { <p>{ui.loading}</p> }>
                {move || Suspend::new(async move {
                    match figures.await {
                        Ok(figures) => view! {
                            <table class="journal figures">
                                <thead><tr>
                                    <th scope="col">{ui.programme}</th><th scope="col">{ui.sessions_held}</th><th scope="col">{ui.sign_ups_count}</th>
                                    <th scope="col">{ui.places_taken_heading}</th><th scope="col">{ui.attendance_rate}</th><th scope="col">{ui.most_waiting}</th>
                                </tr></thead>
                                <tbody>
                                    {figures.items.into_iter().map(|f| {
                                        let rate = (f.present * 100).checked_div(f.ticked).map_or_else(|| "\u{2013}".to_string(), |rate| format!("{rate} %"));
                                        view! { <tr>
                                            <td>{f.title.get(lang).to_string()}</td><td>{f.sessions_held}</td><td>{f.sign_ups}</td>
                                            <td>{f.places_taken}</td><td>{rate}</td><td>{f.most_waiting}</td>
                                        </tr> }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(_) => view! { <LoadFailed/> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}
