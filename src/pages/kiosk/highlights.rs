//! The idle kiosk's highlights: one thing of the day at a time, large, turning every few seconds
//! while nobody touches the screen, with a button to stop it (WCAG 2.2.2); an activity with its
//! photo beside it, when it has one.

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::activity::Timing;
use plantzette_content::format::{long_date, time_span};
use plantzette_content::photo::Owner;
use plantzette_content::{Highlight, Today};

use crate::components::local_text::LocalText;
use crate::components::photo::PhotoPicture;
use crate::i18n::{lang, ui};
use crate::kiosk::photo::use_photos;
use crate::kiosk::use_rotation;

#[component]
pub fn Highlights(today: Today, minute: Memo<NaiveDateTime>) -> impl IntoView {
    let ui = ui();
    let rotation = use_rotation();
    let highlights = Memo::new(move |_| today.highlights(minute.get()));
    // The activities' photos, fetched when the activities highlighted change, not at each turn.
    let owners = Memo::new(move |_| highlights.with(|highlights| highlights.iter().filter_map(photo_owner).collect::<Vec<_>>()));
    let photos = use_photos(move || owners.get());
    let shown = move || {
        let highlights = highlights.get();
        let count = highlights.len().max(1);
        highlights.into_iter().nth(rotation.step.get() % count).map(|highlight| {
            let photo = photo_owner(&highlight)
                .and_then(|owner| photos.latest()?.into_iter().find(|photo| photo.owner().is_some_and(|of| of.belongs_to(&owner))));
            view! {
                {photo.map(|photo| view! { <PhotoPicture photo sizes="10vw"/> })}
                <div class="highlight-texts"><HighlightCard highlight/></div>
            }
        })
    };
    let paused = rotation.paused;
    view! {
        <Show when=move || !highlights.with(Vec::is_empty)>
            <section class="highlights" aria-label=ui.highlights>
                <div class="highlight">{shown}</div>
                <button type="button" class="rotation-toggle" on:click=move |_| paused.update(|p| *p = !*p)>
                    {move || if paused.get() { ui.resume_highlights } else { ui.pause_highlights }}
                </button>
            </section>
        </Show>
    }
}

/// What a highlight's photo would be of: an activity's day.
fn photo_owner(highlight: &Highlight) -> Option<Owner> {
    match highlight {
        Highlight::Activity { occurrence, .. } => Some(Owner::Activity { id: occurrence.activity_id, day: Some(occurrence.starts_at.date()) }),
        _ => None,
    }
}

/// One highlight: what kind of thing it is, then the thing.
#[component]
fn HighlightCard(highlight: Highlight) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    match highlight {
        Highlight::Activity { occurrence, timing } => {
            let kind = if timing == Timing::Now { ui.now_on } else { ui.next };
            view! {
                <p class="highlight-kind">{kind}" · "{time_span(occurrence.starts_at, occurrence.ends_at)}</p>
                <p class="highlight-text"><LocalText text=occurrence.info.title/></p>
                <p><LocalText text=occurrence.info.place/></p>
            }
            .into_any()
        }
        Highlight::Meal(meal) => view! {
            <p class="highlight-kind">{meal.kind.label(lang)}</p>
            <p class="highlight-text"><LocalText text=meal.main.name/></p>
        }
        .into_any(),
        Highlight::Announcement(text) => view! {
            <p class="highlight-kind">{ui.announcement}</p>
            <p class="highlight-text"><LocalText text/></p>
        }
        .into_any(),
        Highlight::Session(next) => view! {
            <p class="highlight-kind">{ui.next_prevention_session}</p>
            <p class="highlight-text"><LocalText text=next.title/></p>
            <p>{long_date(next.session.starts_at.date(), lang)}", "{time_span(next.session.starts_at, next.session.ends_at)}</p>
        }
        .into_any(),
    }
}
