//! The frame of every page: the residence's name, the main navigation, the language switch, and
//! the page's title in the browser tab. On the kiosk, every screen but the home (whose panels
//! each have theirs) is read aloud from a button in the header, always in the same place.

use std::time::Duration;

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use plantzette_content::screen::Tile;
use plantzette_content::Lang;

use crate::alarm::AlarmNotice;
use crate::components::notices::{provide_today, use_today, SiteNotices, StaleNotice};
use crate::components::read_aloud::ReadAloud;
use crate::i18n::{lang, set_lang, ui};
use crate::kiosk::{self, is_kiosk};
use crate::screen::use_screen;
use plantzette_web::clock::device_in_residence_zone;

#[component]
pub fn Layout(children: ChildrenFn) -> impl IntoView {
    let ui = ui();
    provide_today();
    let today = use_today();
    // Once answered (content or error), for good: a refetch keeps the page on screen.
    let today_answered = Memo::new(move |answered: Option<&bool>| answered.copied().unwrap_or(false) || today.answered());
    let nav_link = |href: &'static str, label: &'static str| view! { <NavTile href label/> };
    let kiosk = is_kiosk();
    let home = if kiosk { kiosk::HOME } else { "/" };
    // A kiosk's tiles are the pages its settings offer.
    let screen = use_screen();
    let offered = move |tile: Tile| screen.is_none_or(|screen| screen.settings.with(|s| s.tiles.contains(&tile)));
    let tile = move |tile: Tile, label: &'static str| move || offered(tile).then(|| nav_link(tile.path(), label));
    view! {
        <AlarmNotice/>
        <a class="skip-link" href="#content">{ui.skip_to_content}</a>
        <header class="site-header">
            <div class="brand">
                <A href=home>"Résidence Plantzette"</A>
            </div>
            {kiosk.then(|| view! { <ReadScreenAloud/> })}
            <LanguageSwitch/>
            <nav aria-label=ui.main_navigation>
                <ul class="main-nav">
                    {kiosk.then(|| nav_link(kiosk::HOME, ui.home))}
                    {tile(Tile::Today, if kiosk { ui.day_programme } else { ui.today })}
                    {tile(Tile::Activities, if kiosk { ui.the_week } else { ui.activities })}
                    {tile(Tile::Menus, ui.menus)}
                    {tile(Tile::Programmes, ui.programmes)}
                    {tile(Tile::Info, ui.info)}
                </ul>
            </nav>
        </header>
        {kiosk.then(|| view! { <kiosk::NightClock/> })}
        <main id="content" tabindex="-1">
            // The page waits for the day's content, which the notices above it need: appearing
            // together, they do not push one another down as they arrive (no layout shift).
            <Show when=move || today_answered.get() fallback=move || view! { <p class="notice loading" role="status">{ui.loading}</p> }>
                <SiteNotices/>
                <StaleNotice/>
                {(!device_in_residence_zone()).then(|| view! { <p class="time-zone-note">{ui.swiss_time}</p> })}
                {children()}
            </Show>
        </main>
    }
}

/// A tile of the main navigation. A tap is answered in the very next frame (the tile takes the
/// current page's colours) and the page is drawn just after: drawn in the tap's own frame, a
/// whole page kept the screen still for up to 130 ms on a slow CPU, and an unanswered tap invites
/// a second one. Taps with a modifier (a new tab) are left to the browser.
#[component]
fn NavTile(href: &'static str, label: &'static str) -> impl IntoView {
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
    view! {
        <li>
            <A href=href on:click=open attr:class=move || opening.get().then_some("opening")>{label}</A>
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
