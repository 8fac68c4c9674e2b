//! `GET /api/v1/events`: Server-Sent Events that tell open screens when content changed. The
//! first event (`build`) names the build of the app the server serves; then `content` gives the
//! current content version, each later one a new version; `alarm` the alarm on (its JSON, or
//! `null`), then each change of it; `screens` counts changes of the screens' settings, at which
//! an adopted screen asks for its own. Screens refetch (with their ETags) on a change, prepare a
//! new build when the server serves one, and reconnect by themselves if the stream breaks.
//!
//! Streams are held open for hours, so they are shared out (`--max-event-streams`, in all and
//! per address): beyond its share a screen is answered 503 with `Retry-After`, and polls
//! meanwhile, as it does whenever the stream is down.

use std::convert::Infallible;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use tokio_stream::wrappers::WatchStream;
use tokio_stream::{Stream, StreamExt};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::client::ClientAddress;
use crate::error::{ApiError, ErrorBody};
use crate::AppState;

/// A comment line now and then keeps proxies from closing an idle stream.
const KEEP_ALIVE: Duration = Duration::from_secs(20);
/// When a screen refused a stream may ask again (it polls meanwhile).
const RETRY_AFTER_SECS: u64 = 60;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(events))
}

/// The live stream (server-sent events): `content` with the content version at each change,
/// `alarm` when the alarm is raised or ended, `build` with the app build served. Never ends.
#[utoipa::path(get, operation_id = "streamEvents", path = "/events", tag = "live", responses(
    (status = 200, content_type = "text/event-stream", body = String), (status = 503, body = ErrorBody, description = "Too many streams: poll instead")
))]
async fn events(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
) -> Result<Sse<impl Stream<Item = Result<Event, Infallible>>>, ApiError> {
    let slot = state.event_streams.admit(address).ok_or(ApiError::Busy { retry_after_secs: RETRY_AFTER_SECS })?;
    let content = WatchStream::new(state.live.subscribe()).map(|version| Event::default().event("content").data(version.to_string()));
    let alarm = WatchStream::new(state.screens.alarms()).map(|alarm| {
        // `null` when none is on: an event with empty data is never dispatched.
        let json = serde_json::to_string(&alarm).expect("an alarm serializes");
        Event::default().event("alarm").data(json)
    });
    // The first count is no change: only later ones are sent.
    let settings = WatchStream::from_changes(state.screens.settings_changes()).map(|count| Event::default().event("screens").data(count.to_string()));
    // The stream ends when the server begins to stop, or a graceful shutdown would wait forever.
    let stop = WatchStream::new(state.stopping.clone()).filter(|stopping| *stopping).map(|_| None);
    let events = content.merge(alarm).merge(settings).map(Some).merge(stop).take_while(Option::is_some).map(move |event| {
        // The slot is given back when the stream ends, whichever side ends it.
        let _held = &slot;
        Ok(event.expect("the stream ends before a stop"))
    });
    let build = Event::default().event("build").data(state.site.build().unwrap_or_default());
    Ok(Sse::new(tokio_stream::once(Ok(build)).chain(events)).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)))
}
