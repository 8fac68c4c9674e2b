//! The lobby kiosk in the browser: what a screen that runs for months needs besides its pages
//! (`pages::kiosk`): the content fetched and kept fresh (`api`, `fetch`, `live`), the screen
//! adopted by the residence (`screen`), the alarm, new builds, lists paged rather than scrolled,
//! reading aloud, and the kiosk mode itself (this file).
//!
//! Kiosk mode: opening `/kiosk` makes this device a kiosk (remembered); `?kiosk=off` makes it an
//! ordinary browser again. A kiosk shows everything large (32 px text, 80 px targets), in French
//! until someone chooses, without text selection, context menu or pinch zoom, and comes back to
//! `/kiosk` after a minute without a touch (an adopted screen to its own language too). Outside
//! its day hours (07:00-21:00) it rests as a dim, drifting clock that a touch wakes.
//!
//! Opened once as `/kiosk?pair`, it shows a code for an administrator to adopt it, and its
//! settings are the server's from then on (`screen.rs`). Until then, its address may set its
//! hours and idle time: `/kiosk?hours=06:30-22:00&idle=90` (seconds).

pub mod address;
pub mod alarm;
pub mod api;
pub mod build;
pub mod fetch;
pub mod fetched;
pub mod hooks;
pub mod layout;
pub mod live;
pub mod paged;
pub mod photo;
pub mod places;
pub mod read_aloud;
pub mod screen;
pub mod today;

use std::time::Duration;

use chrono::Timelike;
use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::{use_location, use_navigate};
use plantzette_content::format::time;
use plantzette_content::screen::{DayHours, ScreenSettings, IDLE_SECONDS};
use plantzette_content::Lang;
use plantzette_web::locale::{self, Locale};

use crate::i18n::ui;
use build::use_new_build;
use hooks::use_clock::use_clock;
use hooks::use_idle::use_idle;
use hooks::use_interval::use_interval;
use screen::use_screen;

/// The kiosk's home; its other pages are under it (`/kiosk/menus`).
pub const HOME: &str = "/kiosk";
const STORAGE_KEY: &str = "plantzette.kiosk";
const LANG_KEY: &str = "plantzette.lang";
const HOURS_KEY: &str = "plantzette.kiosk.hours";
const IDLE_KEY: &str = "plantzette.kiosk.idle";

#[derive(Clone, Copy)]
struct KioskMode(bool);

/// Reads (and records) whether this device is the kiosk, and sets the page up for it.
pub fn provide_kiosk_mode() -> bool {
    let location = window().location();
    let storage = window().local_storage().ok().flatten();
    if let Some(storage) = &storage {
        if location.search().unwrap_or_default().contains("kiosk=off") {
            let _ = storage.remove_item(STORAGE_KEY);
        } else if location.pathname().unwrap_or_default().starts_with(HOME) {
            let _ = storage.set_item(STORAGE_KEY, "on");
            let search = location.search().unwrap_or_default();
            let setting = |name: &str| search.split(['?', '&']).find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='));
            if let Some(hours) = setting("hours").filter(|hours| DayHours::parse(hours).is_some()) {
                let _ = storage.set_item(HOURS_KEY, hours);
            }
            if let Some(idle) = setting("idle").filter(|idle| parse_idle(idle).is_some()) {
                let _ = storage.set_item(IDLE_KEY, idle);
            }
            // The language it speaks until a resident chooses another, as the switch keeps it.
            if let Some(lang) = setting("lang").and_then(Lang::from_code) {
                let _ = storage.set_item(LANG_KEY, lang.code());
            }
            if search.split(['?', '&']).any(|pair| pair == "pair") {
                screen::join();
            }
        }
    }
    let on = storage.and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()).is_some_and(|v| v == "on");
    provide_context(KioskMode(on));
    if on {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1("kiosk");
        }
        // A long press must not open a menu that a resident cannot close.
        let block = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| event.prevent_default());
        let _ = document().add_event_listener_with_callback("contextmenu", block.as_ref().unchecked_ref());
        block.forget();
    }
    on
}

pub fn is_kiosk() -> bool {
    use_context::<KioskMode>().is_some_and(|KioskMode(on)| on)
}

/// Provides the language: the one chosen last on this device, else French (the lobby screen
/// speaks the residence's language until a resident chooses another).
pub fn provide_locale() -> Locale {
    locale::provide_locale(LANG_KEY, |device| device.stored.unwrap_or(Lang::Fr))
}

/// "90": seconds without a touch before the kiosk goes home, from 20 s to 10 minutes.
fn parse_idle(text: &str) -> Option<u32> {
    text.parse().ok().filter(|seconds| IDLE_SECONDS.contains(seconds))
}

fn stored(key: &str) -> Option<String> {
    window().local_storage().ok().flatten()?.get_item(key).ok().flatten()
}

/// The settings this kiosk's address gave it (remembered), over the defaults.
pub fn settings_from_address() -> ScreenSettings {
    let defaults = ScreenSettings::default();
    ScreenSettings {
        hours: stored(HOURS_KEY).and_then(|hours| DayHours::parse(&hours)).unwrap_or(defaults.hours),
        idle_seconds: stored(IDLE_KEY).and_then(|idle| parse_idle(&idle)).unwrap_or(defaults.idle_seconds),
        ..defaults
    }
}

/// Whether nobody is using the kiosk.
#[derive(Clone, Copy)]
struct Idle(ReadSignal<bool>);

/// Calls `reset` each time the kiosk is left alone and goes home: what a resident opened (the
/// page of a list) starts afresh for the next one.
pub fn on_left_alone(reset: impl Fn() + 'static) {
    if let Some(Idle(idle)) = use_context::<Idle>() {
        Effect::watch(
            move || idle.get(),
            move |idle, _, _| {
                if *idle {
                    reset();
                }
            },
            false,
        );
    }
}

/// The idle kiosk's rotation of highlights: which one is shown, and whether a resident paused it.
#[derive(Clone, Copy)]
pub struct Rotation {
    pub step: ReadSignal<usize>,
    pub paused: RwSignal<bool>,
}

pub fn use_rotation() -> Rotation {
    expect_context()
}

/// What the kiosk does over time, mounted once inside the router: it goes home when left alone,
/// turns its highlights while nobody touches it and none paused them, and moves to a new build
/// of the app at such a moment.
#[component]
pub fn KioskBehaviour() -> impl IntoView {
    if !is_kiosk() {
        return;
    }
    let Some(screen) = use_screen() else { return };
    let settings = screen.settings;
    let idle = use_idle(Signal::derive(move || Duration::from_secs(settings.with(|s| s.idle_seconds).into())));
    provide_context(Idle(idle));
    // Left alone, an adopted screen speaks its own language again (and starts in it); a kiosk
    // without settings of its own keeps the language last chosen.
    let Locale(chosen) = expect_context();
    Effect::watch(
        move || (idle.get() && screen.is_adopted(), settings.with(|s| s.language)),
        move |(back_to_its_own, language), _, _| {
            if *back_to_its_own && chosen.get_untracked() != *language {
                chosen.set(*language);
            }
        },
        true,
    );
    turn_as_mounted(settings);
    // Leptos 0.8's router remembers every page opened forward for as long as the app runs, and
    // forgets one on each step back: going home by a step back, when the page was opened
    // straight from home (the usual tap on a tile), keeps a kiosk that runs for months from
    // lengthening that list twice per visit.
    let pathname = use_location().pathname;
    let opened_from_home = StoredValue::new(false);
    Effect::watch(
        move || pathname.get(),
        move |path, previous, _| opened_from_home.set_value(path != HOME && previous.is_some_and(|previous| previous == HOME)),
        false,
    );
    let navigate = use_navigate();
    Effect::watch(
        move || idle.get(),
        move |idle, _, _| {
            if *idle && pathname.get_untracked() != HOME {
                match window().history() {
                    Ok(history) if opened_from_home.get_value() => {
                        let _ = history.back();
                    }
                    _ => navigate(HOME, Default::default()),
                }
            }
        },
        false,
    );
    // A new build kept whole by the service worker replaces this one when nobody is using the
    // screen: the reload is served from that cache, and its first frame already shows the
    // residence's name (index.html) until the app draws itself.
    let new_build = use_new_build();
    Effect::watch(
        move || idle.get() && new_build.ready(),
        |switch, _, _| {
            if *switch {
                let _ = window().location().reload();
            }
        },
        false,
    );
    let (step, set_step) = signal(0usize);
    let paused = RwSignal::new(false);
    provide_context(Rotation { step, paused });
    let turn = move || {
        if idle.get_untracked() && !paused.get_untracked() {
            set_step.update(|step| *step += 1);
        }
    };
    use_interval(move || settings.with(|s| Some(Duration::from_secs(s.highlight_seconds.into()))), turn);
}

/// Turns the page a quarter when the screen is mounted the other way than its window is drawn
/// (`html.turned`), and says whether the page stands upright (`html.upright`), for the layout
/// that a portrait screen takes.
fn turn_as_mounted(settings: RwSignal<ScreenSettings>) {
    let (resized, set_resized) = signal(0u32);
    let on_resize = Closure::<dyn Fn()>::new(move || set_resized.update(|n| *n += 1));
    let _ = window().add_event_listener_with_callback("resize", on_resize.as_ref().unchecked_ref());
    // Heard for the app's whole life.
    on_resize.forget();
    Effect::new(move || {
        resized.track();
        let size = |value: Result<leptos::wasm_bindgen::JsValue, _>| value.ok().and_then(|v| v.as_f64()).unwrap_or_default();
        let (width, height) = (size(window().inner_width()), size(window().inner_height()));
        let turned = settings.with(|s| s.orientation).turns(width, height);
        if let Some(root) = document().document_element() {
            let classes = root.class_list();
            let _ = classes.toggle_with_force("turned", turned);
            let _ = classes.toggle_with_force("upright", (height > width) != turned);
        }
    });
}

/// At night, a dim clock over everything, moving a little each minute so that nothing burns
/// into the screen. A touch wakes the kiosk until it is left alone for a minute again.
#[component]
pub fn NightClock() -> impl IntoView {
    let screen = use_screen()?;
    let Idle(idle) = expect_context();
    let now = use_clock();
    let resting = move || !screen.settings.with(|s| s.hours).contain(now.get().time()) && idle.get();
    let drift = move || {
        let turn = now.get().minute() as f64 / 60.0 * std::f64::consts::TAU;
        // Whole units: formatting a float would cost the bundle its float printer. The browser's
        // sine and cosine: Rust's own would cost it 7 KB more.
        format!("translate({}vw, {}vh)", (20.0 * js_sys::Math::sin(turn)).round() as i32, (15.0 * js_sys::Math::cos(turn * 2.0)).round() as i32)
    };
    Some(view! {
        <Show when=resting>
            <div class="night" role="button" tabindex="0">
                <p class="night-clock" style:transform=drift>{move || time(now.get())}</p>
                <span class="visually-hidden">{ui().wake_up}</span>
            </div>
        </Show>
    })
}
