//! `GET /api/v1/events`: Server-Sent Events that tell open screens when content changed. The
//! first event gives the current version; each later one a new version. Screens refetch (with
//! their ETags) on a change, and reconnect by themselves if the stream breaks.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::routing::get;
use axum::Router;
use tokio_stream::wrappers::WatchStream;
use tokio_stream::{Stream, StreamExt};

use crate::AppState;

/// A comment line now and then keeps proxies from closing an idle stream.
const KEEP_ALIVE: Duration = Duration::from_secs(20);

pub fn router() -> Router<AppState> {
    Router::new().route("/events", get(events))
}

async fn events(State(state): State<AppState>) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let versions = WatchStream::new(state.content_version.clone()).map(Some);
    // The stream ends when the server begins to stop, or a graceful shutdown would wait forever.
    let stop = WatchStream::new(state.stopping.clone()).filter(|stopping| *stopping).map(|_| None);
    let events = versions
        .merge(stop)
        .take_while(Option::is_some)
        .map(|version| Ok(Event::default().event("content").data(version.unwrap_or_default().to_string())));
    Sse::new(events).keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
}
