//! This kiosk as one of the residence's screens. Once it joined (opened as `/kiosk?pair`), it
//! introduces itself to the server at each connection of the event stream and whenever the
//! screens' settings change: adopted, it takes its settings from the server (and keeps them for
//! a start without the server); waiting, it shows its pairing code and keeps the settings of its
//! address (`?hours=`, `?idle=`). A kiosk that never joined keeps those, and is not known.
//!
//! An adopted screen reports every `report_every_seconds` and at once on a change (the alarm it
//! shows, its language): the content version it heard of, its build, its uptime and the errors
//! since its last report. A report refused (the screen was revoked) makes it introduce itself
//! again, and wait for a new adoption.

use std::cell::RefCell;
use std::time::Duration;

use gloo_net::http::Request;
use leptos::logging;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;
use plantzette_content::screen::{Pairing, ScreenAnswer, ScreenReport, ScreenSettings};
use plantzette_web::locale::Locale;
use plantzette_web::request::{successful, unanswered};
use plantzette_web::RequestError;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::kiosk::build::own_build;
use crate::kiosk::hooks::use_interval::use_interval;
use crate::kiosk::live::{use_heard, Heard};

/// The server's last answer to an adopted screen, as sent: its settings for a start without the
/// server.
const ADOPTED_KEY: &str = "plantzette.screen.adopted";
/// This kiosk joined the residence's screens: it introduces itself.
const JOINED_KEY: &str = "plantzette.screen";

/// Makes this kiosk one of the residence's screens, from now on.
pub fn join() {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.set_item(JOINED_KEY, "on");
    }
}

fn joined() -> bool {
    window().local_storage().ok().flatten().and_then(|storage| storage.get_item(JOINED_KEY).ok().flatten()).is_some()
}

thread_local! {
    /// Errors since the last report.
    static ERRORS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Notes an error for the next report (kept only by an adopted screen's reports).
pub fn note_error(text: String) {
    ERRORS.with_borrow_mut(|errors| {
        if errors.len() < plantzette_content::screen::ERRORS_PER_REPORT {
            errors.push(text);
        }
    });
}

#[derive(Clone, Copy)]
pub struct Screen {
    /// Its settings: the server's once adopted, its address's before.
    pub settings: RwSignal<ScreenSettings>,
    /// The code it shows while it waits to be adopted.
    pub pairing_code: RwSignal<Option<String>>,
    /// How often it reports, once adopted.
    report_every: RwSignal<Option<Duration>>,
    /// The alarm it shows, confirmed in its reports.
    shown_alarm: RwSignal<Option<i64>>,
}

pub fn use_screen() -> Option<Screen> {
    use_context()
}

impl Screen {
    /// Adopted by an administrator: its settings are the server's.
    pub fn is_adopted(&self) -> bool {
        self.report_every.get().is_some()
    }

    /// The alarm `id` is on screen (`None`: no longer).
    pub fn showing_alarm(&self, id: Option<i64>) {
        if self.shown_alarm.try_get_untracked() != Some(id) {
            self.shown_alarm.try_set(id);
        }
    }
}

/// Makes this kiosk a screen of the residence, starting from the settings of its address.
pub fn provide_screen(from_address: ScreenSettings) -> Screen {
    let kept = stored_settings().filter(|_| joined());
    let screen = Screen {
        settings: RwSignal::new(kept.unwrap_or_else(|| from_address.clone())),
        pairing_code: RwSignal::new(None),
        report_every: RwSignal::new(None),
        shown_alarm: RwSignal::new(None),
    };
    provide_context(screen);
    if !joined() {
        return screen;
    }
    let from_address = StoredValue::new(from_address);
    let heard = use_heard();
    let Locale(lang) = expect_context();
    let started = js_sys::Date::now();
    let report = move || spawn_local(report(screen, heard, lang.get_untracked(), started, from_address.get_value()));
    Effect::watch(move || heard.screens.get(), move |_, _, _| spawn_local(introduce(screen, from_address.get_value())), false);
    // Reports at its pace, and at once when it is adopted or what it shows changes.
    use_interval(move || screen.report_every.get(), report);
    Effect::watch(
        move || (screen.report_every.get(), screen.shown_alarm.get(), lang.get()),
        move |(every, _, _), _, _| {
            if every.is_some() {
                report();
            }
        },
        false,
    );
    listen_for_errors();
    crate::kiosk::api::on_failure(note_error);
    screen
}

fn stored_settings() -> Option<ScreenSettings> {
    let text = window().local_storage().ok().flatten()?.get_item(ADOPTED_KEY).ok().flatten()?;
    match serde_json::from_str(&text).ok()? {
        ScreenAnswer::Adopted(this) => Some(this.settings),
        ScreenAnswer::Waiting(_) => None,
    }
}

/// Keeps the answer of an adopted screen (`None`: forgets it).
fn store_answer(answer: Option<&str>) {
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = match answer {
            Some(answer) => storage.set_item(ADOPTED_KEY, answer),
            None => storage.remove_item(ADOPTED_KEY),
        };
    }
}

async fn introduce(screen: Screen, from_address: ScreenSettings) {
    let answer = post_text("/api/v1/screen", &()).await.and_then(|text| Ok((parse::<ScreenAnswer>(&text)?, text)));
    match answer {
        Ok((ScreenAnswer::Adopted(this), text)) => {
            store_answer(Some(&text));
            screen.settings.set(this.settings);
            screen.pairing_code.set(None);
            screen.report_every.set(Some(Duration::from_secs(this.report_every_seconds.max(1).into())));
        }
        Ok((ScreenAnswer::Waiting(Pairing { code }), _)) => {
            store_answer(None);
            screen.settings.set(from_address);
            screen.pairing_code.set(Some(code));
            screen.report_every.set(None);
        }
        // Tried again at the next connection; the settings it has stay.
        Err(error) => logging::warn!("the screen could not introduce itself: {error}"),
    }
}

async fn report(screen: Screen, heard: Heard, language: plantzette_content::Lang, started: f64, from_address: ScreenSettings) {
    let errors = ERRORS.with_borrow_mut(std::mem::take);
    let report = ScreenReport {
        content_version: heard.content_version.get_untracked(),
        app_build: own_build().unwrap_or_default(),
        language,
        uptime_seconds: ((js_sys::Date::now() - started) / 1000.0) as u64,
        errors,
        alarm: screen.shown_alarm.get_untracked(),
    };
    match post_text("/api/v1/screen/report", &report).await {
        Ok(_) => {}
        Err(RequestError::Refused { status: 401, .. }) => introduce(screen, from_address).await,
        // Told in the next report, before what happens meanwhile.
        Err(error) => ERRORS.with_borrow_mut(|kept| {
            let mut again = report.errors;
            again.push(format!("report not sent: {error}"));
            again.append(kept);
            again.truncate(plantzette_content::screen::ERRORS_PER_REPORT);
            *kept = again;
        }),
    }
}

/// A JSON POST, and the text of its answer.
async fn post_text(path: &str, body: &impl Serialize) -> Result<String, RequestError> {
    let request = Request::post(path).json(body).map_err(unanswered)?;
    let response = successful(request.send().await.map_err(unanswered)?).await?;
    response.text().await.map_err(|error| RequestError::Unreadable(error.to_string()))
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, RequestError> {
    serde_json::from_str(text).map_err(|error| RequestError::Unreadable(error.to_string()))
}

/// The page's own errors, for the reports.
fn listen_for_errors() {
    let on_error = Closure::<dyn Fn(web_sys::ErrorEvent)>::new(|event: web_sys::ErrorEvent| note_error(event.message()));
    let on_rejection = Closure::<dyn Fn(web_sys::PromiseRejectionEvent)>::new(|event: web_sys::PromiseRejectionEvent| {
        note_error(format!("unhandled rejection: {:?}", event.reason()))
    });
    let _ = window().add_event_listener_with_callback("error", on_error.as_ref().unchecked_ref());
    let _ = window().add_event_listener_with_callback("unhandledrejection", on_rejection.as_ref().unchecked_ref());
    // Heard for the app's whole life.
    on_error.forget();
    on_rejection.forget();
}
