//! What the `Live` island does in the browser (its comment says what and why): the event stream,
//! fetching the page again and putting its changed parts in place, and the two notes.
//!
//! The stream followed as the kiosk's `live.rs` does (`plantzette_web::events`), the page fetched
//! over web-sys's `fetch`; the page itself is the server's answer, so nothing of the content's
//! types or words is compiled in here.

use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use plantzette_web::events::{self, Follower};
use plantzette_web::service_worker;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomParser, Headers, RequestInit, Response, SupportedType, VisibilityState};

/// What the island shows, and what the page it came with was drawn from.
pub struct Shown {
    pub stale_since: RwSignal<Option<String>>,
    pub elsewhere: RwSignal<bool>,
    pub version: i64,
    pub residence_offset_minutes: i32,
}

/// A lobby screen remembers that it is one here (the kiosk's `kiosk` module).
const KIOSK_KEY: &str = "plantzette.kiosk";
/// Times shown until a time, and "now on", change with the minute.
const EVERY_MINUTE: Duration = Duration::from_secs(60);

/// Once per page: a lobby screen that lands on a family's page (an address of an older build of
/// the kiosk) goes home; the service worker is registered.
pub fn start() {
    let stored = window().local_storage().ok().flatten().and_then(|storage| storage.get_item(KIOSK_KEY).ok().flatten());
    if stored.as_deref() == Some("on") {
        let _ = window().location().replace("/kiosk");
        return;
    }
    service_worker::register();
}

pub fn keep_current(shown: Shown) {
    let device_offset_minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    shown.elsewhere.set(device_offset_minutes != shown.residence_offset_minutes);
    let page = Rc::new(Page { confirmed_at: Cell::new(js_sys::Date::now()), shown, last_version: Cell::new(None), alarm_heard: Cell::new(false) });
    events::follow(&["content", "alarm"], page.clone());
    let every_minute = page.clone();
    let _ = set_interval_with_handle(move || every_minute.refresh_if_seen(), EVERY_MINUTE);
    let on_sight = page.clone();
    let on_visibility = Closure::<dyn Fn()>::new(move || on_sight.refresh_if_seen());
    let _ = document().add_event_listener_with_callback("visibilitychange", on_visibility.as_ref().unchecked_ref());
    // The service worker says 'fresher' when the server answered after it had given its copy.
    let fresher = page.clone();
    service_worker::on_message(move |said| {
        if said == "fresher" {
            fresher.refresh();
        }
    });
    // Heard for the page's whole life.
    on_visibility.forget();
}

/// The page as the island keeps it current.
struct Page {
    shown: Shown,
    /// When what the page shows was last known to be the server's current content (ms): its load
    /// until a check says otherwise.
    confirmed_at: Cell<f64>,
    /// The content version last heard on the stream.
    last_version: Cell<Option<i64>>,
    alarm_heard: Cell<bool>,
}

impl Follower for Page {
    fn opened(self: Rc<Self>) {}

    fn heard(self: Rc<Self>, name: &str, data: Option<String>) {
        match name {
            "content" => {
                let heard = data.and_then(|v| v.parse::<i64>().ok());
                let behind = self.last_version.get().unwrap_or(self.shown.version);
                self.last_version.set(heard);
                if heard.is_some_and(|heard| heard != behind) {
                    self.refresh();
                } else {
                    self.confirm();
                }
            }
            "alarm" => {
                // Named at each connection: the first time, only a page drawn otherwise is behind.
                let on = data.is_some_and(|data| data != "null");
                let shown = document().get_element_by_id("alarm").is_some_and(|alarm| alarm.child_element_count() > 0);
                if self.alarm_heard.replace(true) || on != shown {
                    self.refresh();
                }
            }
            _ => {}
        }
    }

    /// Without a stream (refused one, or its connection broken): check now, then every 10 s.
    fn poll(self: Rc<Self>, _first: bool) {
        self.refresh();
    }
}

impl Page {
    fn refresh_if_seen(self: &Rc<Self>) {
        if document().visibility_state() == VisibilityState::Visible {
            self.refresh();
        }
    }

    /// Fetches the page again and puts its changed parts in place; says from when it is if the
    /// server did not answer.
    fn refresh(self: &Rc<Self>) {
        let page = self.clone();
        spawn_local(async move {
            match fetch_page().await {
                Ok(Fetched { html, copy_of: None }) => {
                    put_in_place(&html);
                    page.confirm();
                }
                // The service worker's copy (the server down or hung): the last answer the server
                // gave for this page, which is what the page shows (its own load or a refresh).
                Ok(Fetched { html, copy_of: Some(made_at) }) => {
                    put_in_place(&html);
                    page.confirmed_at.set(made_at);
                    page.stale();
                }
                Err(_) => page.stale(),
            }
        });
    }

    fn confirm(&self) {
        self.confirmed_at.set(js_sys::Date::now());
        if self.shown.stale_since.with_untracked(Option::is_some) {
            self.shown.stale_since.set(None);
        }
    }

    fn stale(&self) {
        let since = residence_clock(self.confirmed_at.get(), self.shown.residence_offset_minutes);
        if self.shown.stale_since.with_untracked(|shown| shown.as_ref() != Some(&since)) {
            self.shown.stale_since.set(Some(since));
        }
    }
}

/// The page fetched again: its HTML, and if it is the service worker's copy, when the server
/// made it (ms).
struct Fetched {
    html: String,
    copy_of: Option<f64>,
}

async fn fetch_page() -> Result<Fetched, JsValue> {
    let href = window().location().href()?;
    // Asked for as a page, so that the service worker keeps it and answers it as one.
    let headers = Headers::new()?;
    headers.set("accept", "text/html")?;
    let init = RequestInit::new();
    init.set_headers(&headers);
    let response: Response = JsFuture::from(window().fetch_with_str_and_init(&href, &init)).await?.dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from(response.status()));
    }
    let headers = response.headers();
    let copy_of = headers.get("x-plantzette-copy")?.map(|_| headers.get("date").ok().flatten().map_or(0.0, |date| js_sys::Date::parse(&date)));
    let html = JsFuture::from(response.text()?).await?.as_string().unwrap_or_default();
    Ok(Fetched { html, copy_of })
}

/// Puts each part of the fetched page that follows changes (`data-live`, by its id) in place of
/// the shown one, if it changed: what is around it (a form being filled in) stays as it is.
fn put_in_place(html: &str) {
    let Ok(parser) = DomParser::new() else { return };
    let Ok(fetched) = parser.parse_from_string(html, SupportedType::TextHtml) else { return };
    let Ok(parts) = fetched.query_selector_all("[data-live][id]") else { return };
    for index in 0..parts.length() {
        let Some(part) = parts.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) else { continue };
        if let Some(shown) = document().get_element_by_id(&part.id()) {
            let fresh = part.inner_html();
            if shown.inner_html() != fresh {
                shown.set_inner_html(&fresh);
            }
        }
    }
}

/// "14:32", or "4.12. 14:32" on another day: an instant (ms) on the residence's clock.
fn residence_clock(at_ms: f64, offset_minutes: i32) -> String {
    let shift = f64::from(offset_minutes) * 60_000.0;
    let at = js_sys::Date::new(&JsValue::from_f64(at_ms + shift));
    let today = js_sys::Date::new(&JsValue::from_f64(js_sys::Date::now() + shift));
    let time = format!("{:02}:{:02}", at.get_utc_hours(), at.get_utc_minutes());
    if at.get_utc_date() == today.get_utc_date() && at.get_utc_month() == today.get_utc_month() {
        time
    } else {
        format!("{}.{}. {time}", at.get_utc_date(), at.get_utc_month() + 1)
    }
}
