//! The kiosk's home, for the lobby screen, read at a glance from a few steps away: the time and
//! the date in words, the day's highlights in turn, and four panels that summarise the day (what
//! is on now and next, the two meals' main dishes, the first announcements, the next prevention
//! session), each one tap from its own screen and read aloud at a tap. Nothing scrolls: each
//! panel holds a bounded summary, and the big tiles to every other page are the kiosk's header.

use chrono::{NaiveDateTime, Timelike};
use leptos::prelude::*;
use leptos_router::components::A;
use plantzette_content::format::{long_date, time, time_span};
use plantzette_content::pictogram::{Pictogram, Pictured};
use plantzette_content::screen::Tile;
use plantzette_content::Today;

use super::highlights::Highlights;
use crate::components::activity::ActivityList;
use crate::components::local_text::LocalText;
use crate::components::page_link;
use crate::components::pictogram::PictogramImage;
use crate::i18n::{counted, lang, ui};
use crate::kiosk::fetched::Fetched;
use crate::kiosk::hooks::use_clock::use_clock;
use crate::kiosk::layout::set_page_title;
use crate::kiosk::paged::Paged;
use crate::kiosk::read_aloud::ReadAloud;
use crate::kiosk::screen::use_screen;
use crate::kiosk::today::use_today;

/// How many announcements the home shows; the others are one tap away.
const ANNOUNCEMENTS_SHOWN: usize = 2;

#[component]
pub fn HomePage() -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let today = use_today();
    let now = use_clock();
    // Now/next marks read the minute: the seconds of the first reading are dropped.
    let minute = Memo::new(move |_| now.get().with_second(0).unwrap_or_default());
    set_page_title(ui.home);
    view! {
        <div class="kiosk-home">
            <div class="kiosk-now">
                <p class="clock"><time>{move || time(now.get())}</time></p>
                <h1>{move || long_date(now.get().date(), lang)}</h1>
            </div>
            <Fetched resource=today render=move |today: Today| view! { <KioskToday today minute/> }/>
        </div>
        <PairingCode/>
    }
}

/// A screen not yet adopted shows its code, for an administrator to type in the editor.
#[component]
fn PairingCode() -> impl IntoView {
    let code = use_screen().map(|screen| screen.pairing_code);
    move || {
        let code = code?.get()?;
        // "482 913": read and typed in two halves.
        let (first, second) = code.split_at(code.len() / 2);
        Some(view! { <p class="pairing-code">{ui().pairing_code}" "<strong>{format!("{first}\u{a0}{second}")}</strong></p> })
    }
}

#[component]
fn KioskToday(today: Today, minute: Memo<NaiveDateTime>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let (day, news) = (today.clone(), today.clone());
    let meals = today.lunch_and_supper();
    view! {
        <Highlights today=today.clone() minute/>
        <div class="kiosk-panels">
            <Panel id="kiosk-activities" title=ui.todays_activities pictogram=Tile::Today.pictogram() href=page_link("/today")>
                {move || {
                    let now = minute.get();
                    let shown = day.now_and_next(now);
                    if shown.is_empty() {
                        view! { <p class="empty">{ui.nothing_more_today}</p> }.into_any()
                    } else {
                        // Short of room (a notice above), the next one gives way to what is on.
                        view! { <Paged fitted=RwSignal::new(0)><ActivityList occurrences=shown now linked=false/></Paged> }.into_any()
                    }
                }}
            </Panel>
            <Panel id="kiosk-menu" title=ui.todays_menu pictogram=Tile::Menus.pictogram() href=page_link("/menus")>
                {if meals.is_empty() {
                    view! { <p class="empty">{ui.no_menu}</p> }.into_any()
                } else {
                    meals
                        .into_iter()
                        .map(|meal| view! {
                            <h3 class="meal-kind"><PictogramImage of=meal.kind.pictogram()/>{meal.kind.label(lang)}</h3>
                            <p class="main-dish"><LocalText text=meal.main.name/></p>
                        })
                        .collect_view()
                        .into_any()
                }}
            </Panel>
            <Panel id="kiosk-news" title=ui.announcements pictogram=Pictogram::ANNOUNCEMENTS href=page_link("/announcements")>
                {move || {
                    let shown = news.news_at(minute.get());
                    let total = shown.len();
                    if shown.is_empty() {
                        return view! { <p class="empty">{ui.no_announcements}</p> }.into_any();
                    }
                    // As many of the first ones as there is room for, and how many others.
                    let fitted = RwSignal::new(total.min(ANNOUNCEMENTS_SHOWN));
                    let more = move || total.saturating_sub(fitted.get());
                    view! {
                        <Paged fitted>
                            <ul class="kiosk-announcements">
                                {shown.into_iter().take(ANNOUNCEMENTS_SHOWN).map(|a| view! { <li><LocalText text=a.content.text/></li> }).collect_view()}
                            </ul>
                        </Paged>
                        <Show when=move || { more() > 0 }>
                            <p class="more">"+ "{move || counted(more(), &ui.more_announcements)}</p>
                        </Show>
                    }
                    .into_any()
                }}
            </Panel>
            {today.next_session.map(|next| {
                let session = next.session;
                view! {
                    <Panel id="kiosk-session" title=ui.next_prevention_session pictogram=Tile::Programmes.pictogram() href=page_link(&format!("/programmes/{}", next.programme_id))>
                        // Its lines as the room allows (a long title, a notice above): the place
                        // gives way first; the whole is a tap away.
                        <Paged fitted=RwSignal::new(0)>
                            <div class="session-lines">
                                <p><strong><LocalText text=next.title/></strong></p>
                                <p>{long_date(session.starts_at.date(), lang)}", "{time_span(session.starts_at, session.ends_at)}</p>
                                <p><LocalText text=session.place/></p>
                            </div>
                        </Paged>
                    </Panel>
                }
            })}
        </div>
    }
}

/// A panel of the home: its heading opens its screen; the heading and the summary are read
/// aloud at a tap.
#[component]
fn Panel(id: &'static str, title: &'static str, pictogram: Pictogram, href: String, children: Children) -> impl IntoView {
    let text_id = format!("{id}-text");
    view! {
        <section class="kiosk-panel" aria-labelledby=id>
            <div class="panel-text" id=text_id.clone()>
                <h2 id=id><A href=href><PictogramImage of=pictogram/>{title}</A></h2>
                {children()}
            </div>
            <ReadAloud of=text_id/>
        </section>
    }
}
