//! The idle kiosk's highlights: one thing of the day at a time, large, turning every few seconds
//! while nobody touches the screen, with a button to stop it (WCAG 2.2.2).

use chrono::NaiveDateTime;
use leptos::prelude::*;
use plantzette_content::activity::Timing;
use plantzette_content::format::{long_date, time_span};
use plantzette_content::{Highlight, Today};

use crate::components::local_text::LocalText;
use crate::i18n::{lang, ui};
use crate::kiosk::use_rotation;

#[component]
pub fn Highlights(today: Today, minute: Memo<NaiveDateTime>) -> impl IntoView {
    let ui = ui();
    let rotation = use_rotation();
    let highlights = Memo::new(move |_| today.highlights(minute.get()));
    let shown = move || {
        let highlights = highlights.get();
        let count = highlights.len().max(1);
        highlights.into_iter().nth(rotation.step.get() % count).map(|highlight| view! { <HighlightCard highlight/> })
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
