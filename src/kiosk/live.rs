//! Live updates: the server's event stream (`/api/v1/events`, followed by
//! `plantzette_web::events`) says when content changed, and every page refetches what it shows (a
//! 304 when its part did not change). The previous content stays on screen meanwhile. While the
//! stream is down the app polls, and reconnects with backoff and jitter, within about half a
//! minute of the server coming back.
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

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

use leptos::logging;
use leptos::prelude::*;
use plantzette_web::events::{self, Follower};
use plantzette_web::service_worker;

use crate::kiosk::api;
use crate::kiosk::build::NewBuild;
use crate::kiosk::fetch::Fetch;
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
    let stream = Stream {
        heard,
        bump: Box::new(move || set_changes.update(|n| *n += 1)),
        freshness,
        new_build,
        alarm_heard: Cell::new(false),
        last_seen: RefCell::default(),
    };
    events::follow(&["build", "content", "alarm", "screens"], Rc::new(stream));
    listen_to_service_worker(set_changes, new_build);
}

/// The service worker says 'fresher' when the server answered after it had shown its copy:
/// fetch again, to show the server's answer; and 'build-ready' once a new build is kept whole.
fn listen_to_service_worker(set_changes: WriteSignal<u64>, new_build: NewBuild) {
    service_worker::on_message(move |said| match said {
        "fresher" => set_changes.update(|n| *n += 1),
        "build-ready" => new_build.prepared(),
        _ => {}
    });
}

/// What the screen does with the event stream (`plantzette_web::events`).
struct Stream {
    bump: Box<dyn Fn()>,
    heard: Heard,
    freshness: Freshness,
    new_build: NewBuild,
    /// Whether a stream has told the alarm since the page loaded: if so, what the screen shows
    /// was true a moment ago, and the first poll is soon enough (the server may be restarting).
    alarm_heard: Cell<bool>,
    /// The version of the content on screen; a different one is a change.
    last_seen: RefCell<Option<String>>,
}

impl Follower for Stream {
    fn opened(self: Rc<Self>) {
        self.freshness.confirm();
        self.heard.screens.update(|n| *n += 1);
    }

    fn heard(self: Rc<Self>, name: &str, data: Option<String>) {
        match name {
            "content" => {
                self.freshness.confirm();
                self.heard.content_version.set(data.as_deref().and_then(|v| v.parse().ok()));
                let previous = self.last_seen.replace(data.clone());
                if previous.is_some() && previous != data {
                    (self.bump)();
                }
            }
            "build" => self.new_build.heard(&data.unwrap_or_default()),
            "alarm" => {
                self.alarm_heard.set(true);
                // `null` when none is on; anything unreadable is no alarm either, and is logged.
                let text = data.unwrap_or_default();
                let heard = serde_json::from_str::<Option<Alarm>>(&text).unwrap_or_else(|error| {
                    logging::error!("unreadable alarm {text:?}: {error}");
                    None
                });
                self.heard.alarm.set(heard);
            }
            "screens" => self.heard.screens.update(|n| *n += 1),
            _ => {}
        }
    }

    fn poll(self: Rc<Self>, first: bool) {
        if first {
            // Refused a stream from the start (an address past its share): nothing told the
            // alarm yet, so ask now.
            if !self.alarm_heard.get() {
                check_alarm(self.heard.alarm);
            }
            // An adopted screen introduces itself at each stream connection; without one, now
            // (it then reports at its pace, and confirms an alarm it shows).
            self.heard.screens.update(|n| *n += 1);
        } else {
            (self.bump)();
            check_alarm(self.heard.alarm);
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
