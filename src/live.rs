//! Live updates: the server's event stream (`/api/v1/events`) says when content changed, and
//! every page refetches what it shows (a 304 when its part did not change). The previous content
//! stays on screen meanwhile. If the stream is refused, the app polls instead.
//!
//! Usage: call `provide_live_updates()` once at the top, then fetch with `live_resource`.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use std::time::Duration;

use leptos::logging;
use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

use crate::api::ApiError;
use crate::components::fetched::Fetch;

/// Without the event stream, content is checked this often.
const POLL_EVERY: Duration = Duration::from_secs(10);

/// Counts the content changes heard of since the app started.
#[derive(Clone, Copy)]
struct ContentChanges(ReadSignal<u64>);

pub fn provide_live_updates() {
    let (changes, set_changes) = signal(0u64);
    provide_context(ContentChanges(changes));
    let bump = move || set_changes.update(|n| *n += 1);
    match EventSource::new("/api/v1/events") {
        Ok(source) => listen(source, bump),
        Err(error) => {
            logging::warn!("no event stream ({error:?}): polling for changes");
            poll(bump);
        }
    }
}

/// The first event gives the version the page was loaded with; a different one is a change.
fn listen(source: EventSource, bump: impl Fn() + Copy + 'static) {
    let last_seen: Rc<RefCell<Option<String>>> = Rc::default();
    let on_content = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let version = event.data().as_string();
        let previous = last_seen.replace(version.clone());
        if previous.is_some() && previous != version {
            bump();
        }
    });
    let stream = source.clone();
    let on_error = Closure::<dyn Fn()>::new(move || {
        // The browser retries a broken connection by itself; a refused stream stays closed.
        if stream.ready_state() == EventSource::CLOSED {
            logging::warn!("the event stream was refused: polling for changes");
            poll(bump);
        }
    });
    let _ = source.add_event_listener_with_callback("content", on_content.as_ref().unchecked_ref());
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // Both listeners live as long as the app, which never unmounts.
    on_content.forget();
    on_error.forget();
}

fn poll(bump: impl Fn() + 'static) {
    let _ = set_interval_with_handle(bump, POLL_EVERY);
}

/// A fetched resource that is fetched again whenever content changes.
pub fn live_resource<T, Fut>(fetch: impl Fn() -> Fut + 'static) -> Fetch<T>
where
    T: 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let ContentChanges(changes) = expect_context();
    LocalResource::new(move || {
        changes.track();
        fetch()
    })
}
