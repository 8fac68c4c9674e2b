//! Live updates: the server's event stream (`/api/v1/events`) says when content changed, and
//! every page refetches what it shows (a 304 when its part did not change). The previous content
//! stays on screen meanwhile. While the stream is down the app polls, and reconnects with
//! backoff and jitter, within about half a minute of the server coming back.
//!
//! The stream's first event names the build the server serves, for `build.rs` to prepare a new one.
//! It also carries the alarm (`Heard::alarm`, shown by `alarm.rs`) and the changes of the
//! screens' settings (`Heard::screens`, followed by `screen.rs`).
//!
//! It also knows how current the content on screen is: confirmed while the stream is open or
//! when an answer comes from the network (not from the service worker's copy), remembered across
//! reloads, so that a screen can say "last updated 14:32" when it is old.
//!
//! While it polls, it also asks for the alarm (`/api/v1/alarm`): a screen refused a stream (its
//! address's share is taken, as behind a guest Wi-Fi on a Sunday) or whose stream broke still
//! shows an alarm within the poll's 10 s, and drops it as soon after its end.
//!
//! Usage: call `provide_live_updates()` once at the top, then fetch with `live_resource`.
//!
//! Over web-sys's `EventSource` rather than leptos-use's `use_event_source`: the browser's own
//! reconnection retries every few seconds forever without jitter, and a hundred screens after a
//! server restart want backoff with jitter and polling meanwhile, which the hook does not do.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

use leptos::logging;
use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

use crate::kiosk::api;
use crate::kiosk::build::NewBuild;
use crate::kiosk::fetch::Fetch;
use plantzette_content::events::{retry_delay, POLL_EVERY};
use plantzette_content::screen::Alarm;
use plantzette_web::RequestError;

const CONFIRMED_KEY: &str = "plantzette.confirmed_at";

/// Counts the content changes heard of since the app started.
#[derive(Clone, Copy)]
struct ContentChanges(ReadSignal<u64>);

/// What the stream said besides content changes.
#[derive(Clone, Copy)]
pub struct Heard {
    /// The content version last heard of.
    pub content_version: RwSignal<Option<i64>>,
    /// The alarm on, if any.
    pub alarm: RwSignal<Option<Alarm>>,
    /// Counts the connections, the changes of screens' settings and the outages of the stream:
    /// at each, an adopted screen asks for its settings (a change may have been missed while the
    /// stream was down).
    pub screens: RwSignal<u64>,
}

pub fn use_heard() -> Heard {
    expect_context()
}

/// When the content on screen was last known to be current (milliseconds since the epoch).
#[derive(Clone, Copy)]
pub struct Freshness(RwSignal<Option<f64>>);

impl Freshness {
    pub fn confirmed_at(&self) -> Option<f64> {
        self.0.get()
    }

    pub fn confirm(&self) {
        let now = js_sys::Date::now();
        self.0.set(Some(now));
        if let Some(storage) = window().local_storage().ok().flatten() {
            let _ = storage.set_item(CONFIRMED_KEY, &(now as i64).to_string());
        }
    }
}

pub fn use_freshness() -> Option<Freshness> {
    use_context()
}

pub fn provide_live_updates(new_build: NewBuild) {
    let (changes, set_changes) = signal(0u64);
    provide_context(ContentChanges(changes));
    let remembered = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(CONFIRMED_KEY).ok().flatten())
        .and_then(|v| v.parse::<i64>().ok())
        .map(|ms| ms as f64);
    let freshness = Freshness(RwSignal::new(remembered));
    provide_context(freshness);
    api::on_server_answer(move || freshness.confirm());
    let heard = Heard { content_version: RwSignal::new(None), alarm: RwSignal::new(None), screens: RwSignal::new(0) };
    provide_context(heard);
    let stream = Rc::new(Stream {
        heard,
        bump: Box::new(move || set_changes.update(|n| *n += 1)),
        freshness,
        new_build,
        attempts: Cell::new(0),
        polling: Cell::new(None),
        alarm_heard: Cell::new(false),
        last_seen: RefCell::default(),
        listeners: RefCell::default(),
    });
    stream.connect();
    listen_to_service_worker(set_changes, new_build);
}

/// The service worker says 'fresher' when the server answered after it had shown its copy:
/// fetch again, to show the server's answer; and 'build-ready' once a new build is kept whole.
fn listen_to_service_worker(set_changes: WriteSignal<u64>, new_build: NewBuild) {
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| match event.data().as_string().as_deref() {
        Some("fresher") => set_changes.update(|n| *n += 1),
        Some("build-ready") => new_build.prepared(),
        _ => {}
    });
    let workers = window().navigator().service_worker();
    let _ = workers.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    // Heard for the app's whole life.
    on_message.forget();
}

/// The connection to the event stream, and what to do while it is down.
struct Stream {
    bump: Box<dyn Fn()>,
    heard: Heard,
    freshness: Freshness,
    new_build: NewBuild,
    attempts: Cell<u32>,
    polling: Cell<Option<IntervalHandle>>,
    /// Whether a stream has told the alarm since the page loaded: if so, what the screen shows
    /// was true a moment ago, and the first poll is soon enough (the server may be restarting).
    alarm_heard: Cell<bool>,
    /// The version of the content on screen; a different one is a change.
    last_seen: RefCell<Option<String>>,
    /// The current connection's listeners, dropped when it is replaced, so that a day of
    /// reconnection attempts leaves nothing behind.
    listeners: RefCell<Option<Listeners>>,
}

struct Listeners {
    _open: Closure<dyn Fn()>,
    _build: Closure<dyn Fn(MessageEvent)>,
    _content: Closure<dyn Fn(MessageEvent)>,
    _alarm: Closure<dyn Fn(MessageEvent)>,
    _screens: Closure<dyn Fn(MessageEvent)>,
    _error: Closure<dyn Fn()>,
}

impl Stream {
    fn connect(self: &Rc<Self>) {
        let Ok(source) = EventSource::new("/api/v1/events") else {
            logging::warn!("no event stream: polling for changes");
            self.start_polling();
            return;
        };
        let on_open = {
            let stream = self.clone();
            Closure::<dyn Fn()>::new(move || {
                stream.attempts.set(0);
                stream.freshness.confirm();
                stream.heard.screens.update(|n| *n += 1);
                if let Some(polling) = stream.polling.take() {
                    polling.clear();
                }
            })
        };
        let on_content = {
            let stream = self.clone();
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
                stream.freshness.confirm();
                let version = event.data().as_string();
                stream.heard.content_version.set(version.as_deref().and_then(|v| v.parse().ok()));
                let previous = stream.last_seen.replace(version.clone());
                if previous.is_some() && previous != version {
                    (stream.bump)();
                }
            })
        };
        let new_build = self.new_build;
        let on_build =
            Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| new_build.heard(&event.data().as_string().unwrap_or_default()));
        let alarm = self.heard.alarm;
        let stream = self.clone();
        let on_alarm = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            stream.alarm_heard.set(true);
            // `null` when none is on; anything unreadable is no alarm either, and is logged.
            let text = event.data().as_string().unwrap_or_default();
            let heard = serde_json::from_str::<Option<Alarm>>(&text).unwrap_or_else(|error| {
                logging::error!("unreadable alarm {text:?}: {error}");
                None
            });
            alarm.set(heard);
        });
        let screens = self.heard.screens;
        let on_screens = Closure::<dyn Fn(MessageEvent)>::new(move |_: MessageEvent| screens.update(|n| *n += 1));
        let on_error = {
            let stream = self.clone();
            let source = source.clone();
            Closure::<dyn Fn()>::new(move || {
                // Reconnect on our own schedule rather than the browser's fixed one.
                source.close();
                stream.start_polling();
                stream.reconnect_later();
            })
        };
        source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let _ = source.add_event_listener_with_callback("build", on_build.as_ref().unchecked_ref());
        let _ = source.add_event_listener_with_callback("content", on_content.as_ref().unchecked_ref());
        let _ = source.add_event_listener_with_callback("alarm", on_alarm.as_ref().unchecked_ref());
        let _ = source.add_event_listener_with_callback("screens", on_screens.as_ref().unchecked_ref());
        self.listeners.replace(Some(Listeners {
            _open: on_open,
            _build: on_build,
            _content: on_content,
            _alarm: on_alarm,
            _screens: on_screens,
            _error: on_error,
        }));
    }

    fn reconnect_later(self: &Rc<Self>) {
        let attempt = self.attempts.get();
        self.attempts.set(attempt + 1);
        let stream = self.clone();
        set_timeout(move || stream.connect(), retry_delay(attempt, js_sys::Math::random()));
    }

    fn start_polling(self: &Rc<Self>) {
        if self.polling.get().is_none() {
            let alarm = self.heard.alarm;
            // Refused a stream from the start (an address past its share): nothing told the
            // alarm yet, so ask now.
            if !self.alarm_heard.get() {
                check_alarm(alarm);
            }
            // An adopted screen introduces itself at each stream connection; without one, now
            // (it then reports at its pace, and confirms an alarm it shows).
            self.heard.screens.update(|n| *n += 1);
            let stream = self.clone();
            let poll = move || {
                (stream.bump)();
                check_alarm(alarm);
            };
            self.polling.set(set_interval_with_handle(poll, POLL_EVERY).ok());
        }
    }
}

/// Asks the server for the alarm, as the stream would have told it; an unanswered request
/// changes nothing on screen.
fn check_alarm(alarm: RwSignal<Option<Alarm>>) {
    leptos::task::spawn_local(async move {
        if let Ok(heard) = api::alarm().await {
            if alarm.get_untracked() != heard {
                alarm.set(heard);
            }
        }
    });
}

/// A fetched resource that is fetched again whenever content changes.
pub fn live_resource<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> Fetch<T>
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, RequestError>> + 'static,
{
    let ContentChanges(changes) = expect_context();
    Fetch::new(move || {
        changes.track();
        fetch()
    })
}
