//! The server's event stream (`/api/v1/events`), followed as every screen needs it: the events
//! named are handed on as they come; when the stream breaks (the server restarting, a guest
//! Wi-Fi, an address past its share of streams) the follower polls every `POLL_EVERY` meanwhile,
//! and the stream is opened again with backoff and jitter (`retry_delay`), so that a hundred
//! screens do not come back all at once.
//!
//! Over web-sys's `EventSource` rather than leptos-use's `use_event_source`: the browser's own
//! reconnection retries every few seconds forever without jitter, and polls nothing meanwhile.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::{set_interval_with_handle, set_timeout, IntervalHandle};
use plantzette_content::events::{retry_delay, POLL_EVERY};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

/// What a screen does with the stream (each call is given the follower to keep, for what it
/// starts: a fetch, a timer).
pub trait Follower {
    /// The stream is open (again): polling has stopped.
    fn opened(self: Rc<Self>);
    /// An event of one of the names followed, with its data.
    fn heard(self: Rc<Self>, name: &str, data: Option<String>);
    /// The stream is down: once when polling starts, then every `POLL_EVERY` until it is back.
    fn poll(self: Rc<Self>, first: bool);
}

/// Follows the stream's events `names` for the page's whole life.
pub fn follow(names: &'static [&'static str], follower: Rc<dyn Follower>) {
    Rc::new(Stream { names, follower, attempts: Cell::new(0), polling: Cell::new(None), listeners: RefCell::default() }).connect();
}

/// A listener of the stream, kept while its connection lasts.
type Listener = Closure<dyn Fn(MessageEvent)>;

struct Stream {
    names: &'static [&'static str],
    follower: Rc<dyn Follower>,
    attempts: Cell<u32>,
    polling: Cell<Option<IntervalHandle>>,
    /// The current connection's listeners, dropped when it is replaced, so that a day of
    /// reconnection attempts leaves nothing behind.
    listeners: RefCell<Vec<Listener>>,
}

impl Stream {
    fn connect(self: &Rc<Self>) {
        let Ok(source) = EventSource::new("/api/v1/events") else {
            leptos::logging::warn!("no event stream: polling for changes");
            self.start_polling();
            return;
        };
        let stream = self.clone();
        let on_open = Listener::new(move |_: MessageEvent| {
            stream.attempts.set(0);
            if let Some(polling) = stream.polling.take() {
                polling.clear();
            }
            stream.follower.clone().opened();
        });
        let (stream, closing) = (self.clone(), source.clone());
        let on_error = Listener::new(move |_: MessageEvent| {
            // Reconnect on our own schedule rather than the browser's fixed one.
            closing.close();
            stream.start_polling();
            stream.reconnect_later();
        });
        source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let mut listeners = vec![on_open, on_error];
        for &name in self.names {
            let follower = self.follower.clone();
            let on_event = Listener::new(move |event: MessageEvent| follower.clone().heard(name, event.data().as_string()));
            let _ = source.add_event_listener_with_callback(name, on_event.as_ref().unchecked_ref());
            listeners.push(on_event);
        }
        self.listeners.replace(listeners);
    }

    fn reconnect_later(self: &Rc<Self>) {
        let attempt = self.attempts.get();
        self.attempts.set(attempt + 1);
        let stream = self.clone();
        set_timeout(move || stream.connect(), retry_delay(attempt, js_sys::Math::random()));
    }

    fn start_polling(self: &Rc<Self>) {
        if self.polling.get().is_none() {
            self.follower.clone().poll(true);
            let follower = self.follower.clone();
            self.polling.set(set_interval_with_handle(move || follower.clone().poll(false), POLL_EVERY).ok());
        }
    }
}
