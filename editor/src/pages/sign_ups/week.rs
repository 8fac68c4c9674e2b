//! The coordinator's week at a glance: each session and activity of the next seven days that
//! takes sign-ups, with its places taken, its waiting list and whom to phone, and its list one
//! tap away.

use chrono::Duration;
use leptos::prelude::*;
use plantzette_content::schedule::residence_now;
use plantzette_content::sign_up::EventCounts;

use super::{when, Event};
use crate::api;
use crate::components::loaded::LoadFailed;
use crate::i18n::{lang, ui};

/// The days the table looks ahead.
const WEEK_DAYS: i64 = 7;

#[component]
pub(super) fn WeekSection(events: Vec<Event>, chosen: RwSignal<Option<String>>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let counts = LocalResource::new(api::sign_up_counts);
    let until = residence_now() + Duration::days(WEEK_DAYS);
    let week: Vec<Event> = events.into_iter().filter(|event| event.starts_at < until).collect();
    view! {
        <h4>{ui.week_at_a_glance}</h4>
        <Suspense fallback=move || view! { <p>{ui.loading}</p> }>
            {move || {
                let week = week.clone();
                Suspend::new(async move {
                    let Ok(counts) = counts.await else {
                        return view! { <LoadFailed/> }.into_any();
                    };
                    let of = |key: &str| counts.iter().find(|c| c.event == key).cloned().unwrap_or_default();
                    view! {
                        <table class="journal week-sign-ups">
                            <thead><tr>
                                <th scope="col">{ui.when_heading}</th><th scope="col">{ui.choose_event}</th><th scope="col">{ui.places_taken_heading}</th>
                                <th scope="col">{ui.waiting_heading}</th><th scope="col">{ui.to_phone_heading}</th><th scope="col"><span class="visually-hidden">{ui.open_list}</span></th>
                            </tr></thead>
                            <tbody>
                                {week.into_iter().map(|event| {
                                    let EventCounts { taken, waiting, to_phone, .. } = of(&event.key);
                                    let places = event.capacity.map_or_else(|| taken.to_string(), |capacity| format!("{taken} / {capacity}"));
                                    let (key, title) = (event.key.clone(), event.title.get(lang).to_string());
                                    let open = format!("{} \u{b7} {title}, {}", ui.open_list, when(event.starts_at, lang));
                                    view! { <tr>
                                        <td>{when(event.starts_at, lang)}</td><td>{title}</td><td>{places}</td>
                                        <td>{waiting}</td><td>{to_phone}</td>
                                        <td><button type="button" class="button secondary" aria-label=open on:click=move |_| chosen.set(Some(key.clone()))>{ui.open_list}</button></td>
                                    </tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                })
            }}
        </Suspense>
    }
}
