//! The frame of every kiosk screen: the residence's name, the tiles to every page, the language
//! switch, the notices, and the page's title. Every screen but the home (whose panels each have
//! theirs) is read aloud from a button in the header, always in the same place. The editor's
//! previews (`/preview`, on an office PC) have the frame without the tiles.

use std::time::Duration;

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use plantzette_content::pictogram::{Pictogram, Pictured};
use plantzette_content::screen::Tile;
use plantzette_content::Lang;

use crate::components::pictogram::PictogramImage;
use crate::i18n::{lang, ui};
use crate::kiosk::alarm::AlarmNotice;
use crate::kiosk::read_aloud::ReadAloud;
use crate::kiosk::screen::use_screen;
use crate::kiosk::today::{provide_today, use_today, DayNotices, StaleNotice};
use crate::kiosk::{self, is_kiosk};
use plantzette_web::locale::set_lang;

#[component]
pub fn Layout(children: ChildrenFn) -> impl IntoView {
    let ui = ui();
    provide_today();
    let today = use_today();
    // Once answered (content or error), for good: a refetch keeps the page on screen.
    let today_answered = Memo::new(move |answered: Option<&bool>| answered.copied().unwrap_or(false) || today.answered());
    let nav_link = |href: &'static str, pictogram: Pictogram, label: &'static str| view! { <NavTile href pictogram label/> };
    let kiosk = is_kiosk();
    // A kiosk's tiles are the pages its settings offer.
    let screen = use_screen();
    let offered = move |tile: Tile| screen.is_none_or(|screen| screen.settings.with(|s| s.tiles.contains(&tile)));
    let tile = move |tile: Tile, label: &'static str| move || offered(tile).then(|| nav_link(tile_page(tile), tile.pictogram(), label));
    view! {
        <AlarmNotice/>
        <a class="skip-link" href="#content">{ui.skip_to_content}</a>
        <header class="site-header">
            <div class="brand">
                // An editor's preview leads to the families' home: opening /kiosk would make the
                // office PC a kiosk.
                <A href=if kiosk { kiosk::HOME } else { "/" }>"Résidence Plantzette"</A>
            </div>
            {kiosk.then(|| view! { <ReadScreenAloud/> })}
            <LanguageSwitch/>
            {kiosk.then(|| view! {
                <nav aria-label=ui.main_navigation>
                    <ul class="main-nav">
                        {nav_link(kiosk::HOME, Pictogram::HOME, ui.home)}
                        {tile(Tile::Today, ui.day_programme)}
                        {tile(Tile::Activities, ui.the_week)}
                        {tile(Tile::Menus, ui.menus)}
                        {tile(Tile::Programmes, ui.programmes)}
                        {tile(Tile::Info, ui.info)}
                    </ul>
                </nav>
            })}
        </header>
        {kiosk.then(|| view! { <kiosk::NightClock/> })}
        <main id="content" tabindex="-1">
            // The page waits for the day's content, which the notices above it need: appearing
            // together, they do not push one another down as they arrive (no layout shift).
            <Show when=move || today_answered.get() fallback=move || view! { <p class="notice loading" role="status">{ui.loading}</p> }>
                <DayNotices/>
                <StaleNotice/>
                {children()}
            </Show>
        </main>
    }
}

/// The kiosk's page of each tile.
fn tile_page(tile: Tile) -> &'static str {
    match tile {
        Tile::Today => "/kiosk/today",
        Tile::Activities => "/kiosk/activities",
        Tile::Menus => "/kiosk/menus",
        Tile::Programmes => "/kiosk/programmes",
        Tile::Info => "/kiosk/info",
    }
}

/// A tile of the main navigation. A tap is answered in the very next frame (the tile takes the
/// current page's colours) and the page is drawn just after: drawn in the tap's own frame, a
/// whole page kept the screen still for up to 130 ms on a slow CPU, and an unanswered tap invites
/// a second one. Taps with a modifier (a new tab) are left to the browser.
#[component]
fn NavTile(href: &'static str, pictogram: Pictogram, label: &'static str) -> impl IntoView {
    let navigate = use_navigate();
    let opening = RwSignal::new(false);
    let open = move |event: MouseEvent| {
        if event.button() != 0 || event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key() {
            return;
        }
        event.prevent_default();
        opening.set(true);
        let navigate = navigate.clone();
        // Inside an animation frame, a zero timeout runs once that frame is painted.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    navigate(href, Default::default());
                    opening.set(false);
                },
                Duration::ZERO,
            )
        });
    };
    // The home is the current page only at home: every page's address begins with it.
    let exact = href == kiosk::HOME;
    view! {
        <li>
            <A href=href exact on:click=open attr:class=move || opening.get().then_some("opening")><PictogramImage of=pictogram/>{label}</A>
        </li>
    }
}

/// Reads the screen's content aloud, the page of a list shown.
#[component]
fn ReadScreenAloud() -> impl IntoView {
    let pathname = use_location().pathname;
    view! {
        <Show when=move || pathname.get() != kiosk::HOME>
            <ReadAloud of="content".to_string()/>
        </Show>
    }
}

/// One button per language, each labelled in its own language.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let current = lang();
    view! {
        <div class="language-switch" role="group" aria-label=ui().language>
            {Lang::ALL
                .into_iter()
                .map(|choice| {
                    view! {
                        <button
                            type="button"
                            lang=choice.code()
                            aria-pressed=(current == choice).to_string()
                            on:click=move |_| choose(choice)
                        >
                            {choice.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Switches language, then gives the focus back to the switch, which the redrawn page holds anew.
fn choose(choice: Lang) {
    set_lang(choice);
    request_animation_frame(move || {
        let selector = format!(".language-switch button[lang={}]", choice.code());
        if let Some(button) = document().query_selector(&selector).ok().flatten().and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = button.focus();
        }
    });
}

/// Names the page in the browser tab, with the residence's name.
pub fn set_page_title(title: &str) {
    document().set_title(&format!("{title} · Résidence Plantzette"));
}
