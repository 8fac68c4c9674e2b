//! What the `Live` island does in the browser (its comment says what and why): the event stream,
//! fetching the page again and putting its changed parts in place, and the two notes.
//!
//! Over web-sys's `EventSource` and `fetch`, as the kiosk's `live.rs`, with the same reconnection
//! policy (`plantzette_content::events`); the page itself is the server's answer, so nothing of
//! the content's types or words is compiled in here.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use plantzette_content::events::{retry_delay, POLL_EVERY};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomParser, EventSource, Headers, MessageEvent, RequestInit, Response, SupportedType, VisibilityState};

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
    let registration = window().navigator().service_worker().register("/sw.js");
    spawn_local(async move {
        if let Err(error) = JsFuture::from(registration).await {
            leptos::logging::warn!("the page will not be kept for offline: {error:?}");
        }
    });
}

pub fn keep_current(shown: Shown) {
    let device_offset_minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    shown.elsewhere.set(device_offset_minutes != shown.residence_offset_minutes);
    let page = Rc::new(Page {
        confirmed_at: Cell::new(js_sys::Date::now()),
        shown,
        last_version: Cell::new(None),
        alarm_heard: Cell::new(false),
        attempts: Cell::new(0),
        polling: Cell::new(None),
        listeners: RefCell::default(),
    });
    page.connect();
    let every_minute = page.clone();
    let _ = set_interval_with_handle(move || every_minute.refresh_if_seen(), EVERY_MINUTE);
    let on_sight = page.clone();
    let on_visibility = Closure::<dyn Fn()>::new(move || on_sight.refresh_if_seen());
    let _ = document().add_event_listener_with_callback("visibilitychange", on_visibility.as_ref().unchecked_ref());
    // The service worker says 'fresher' when the server answered after it had given its copy.
    let fresher = page.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        if event.data().as_string().as_deref() == Some("fresher") {
            fresher.refresh();
        }
    });
    let _ = window().navigator().service_worker().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    // Heard for the page's whole life.
    on_visibility.forget();
    on_message.forget();
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
    attempts: Cell<u32>,
    polling: Cell<Option<IntervalHandle>>,
    /// The current connection's listeners, dropped when it is replaced.
    listeners: RefCell<Option<Listeners>>,
}

struct Listeners {
    _open: Closure<dyn Fn()>,
    _content: Closure<dyn Fn(MessageEvent)>,
    _alarm: Closure<dyn Fn(MessageEvent)>,
    _error: Closure<dyn Fn()>,
}

impl Page {
    fn connect(self: &Rc<Self>) {
        let Ok(source) = EventSource::new("/api/v1/events") else {
            self.start_polling();
            return;
        };
        let page = self.clone();
        let on_open = Closure::<dyn Fn()>::new(move || {
            page.attempts.set(0);
            if let Some(polling) = page.polling.take() {
                polling.clear();
            }
        });
        let page = self.clone();
        let on_content = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let heard = event.data().as_string().and_then(|v| v.parse::<i64>().ok());
            let behind = page.last_version.get().unwrap_or(page.shown.version);
            page.last_version.set(heard);
            if heard.is_some_and(|heard| heard != behind) {
                page.refresh();
            } else {
                page.confirm();
            }
        });
        let page = self.clone();
        let on_alarm = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            // Named at each connection: the first time, only a page drawn otherwise is behind.
            let on = event.data().as_string().is_some_and(|data| data != "null");
            let shown = document().get_element_by_id("alarm").is_some_and(|alarm| alarm.child_element_count() > 0);
            if page.alarm_heard.replace(true) || on != shown {
                page.refresh();
            }
        });
        let page = self.clone();
        let closing = source.clone();
        let on_error = Closure::<dyn Fn()>::new(move || {
            // Reconnect on our own schedule rather than the browser's fixed one.
            closing.close();
            page.start_polling();
            page.reconnect_later();
        });
        source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let _ = source.add_event_listener_with_callback("content", on_content.as_ref().unchecked_ref());
        let _ = source.add_event_listener_with_callback("alarm", on_alarm.as_ref().unchecked_ref());
        self.listeners.replace(Some(Listeners { _open: on_open, _content: on_content, _alarm: on_alarm, _error: on_error }));
    }

    fn reconnect_later(self: &Rc<Self>) {
        let attempt = self.attempts.get();
        self.attempts.set(attempt + 1);
        let page = self.clone();
        set_timeout(move || page.connect(), retry_delay(attempt, js_sys::Math::random()));
    }

    /// Without a stream (refused one, or its connection broken): check now, then every 10 s.
    fn start_polling(self: &Rc<Self>) {
        if self.polling.get().is_none() {
            self.refresh();
            let page = self.clone();
            self.polling.set(set_interval_with_handle(move || page.refresh(), POLL_EVERY).ok());
        }
    }

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
