//! Fetching the JSON API: typed results with errors that say what happened, and requests aborted
//! when the page that asked for them goes away.

use gloo_net::http::Request;
use leptos::logging;
use leptos::prelude::*;
use plantzette_content::photo::{Owner, Photo};
use plantzette_content::screen::Alarm;
use plantzette_content::short_stay::Feed;
use plantzette_content::sign_up::Availability;
use plantzette_content::{Activity, DateRange, DayMenu, InfoPage, Item, Listing, Occurrence, Programme, Today};
use plantzette_web::request::{successful, unanswered};
use plantzette_web::RequestError;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

use std::cell::RefCell;
use std::rc::Rc;

type FailureHook = Rc<dyn Fn(String)>;

thread_local! {
    /// Told of each answer the server itself gave (not the service worker's copy). Set from
    /// above (`live` marks the content on screen as current), so that the transport knows
    /// nothing of what is built on it.
    static ON_SERVER_ANSWER: RefCell<Option<Rc<dyn Fn()>>> = RefCell::new(None);
    /// Told of each request that failed (a screen reports them), the same way.
    static ON_FAILURE: RefCell<Option<FailureHook>> = RefCell::new(None);
}

/// Calls `hook` after each answer that came from the server itself.
pub fn on_server_answer(hook: impl Fn() + 'static) {
    ON_SERVER_ANSWER.set(Some(Rc::new(hook)));
}

async fn get<T: DeserializeOwned>(path: String) -> Result<T, RequestError> {
    let answer = get_text(&path).await?;
    let content = serde_json::from_str(&answer.body).map_err(|e| {
        let error = RequestError::Unreadable(e.to_string());
        failed(format!("GET {path} failed: {error}"));
        error
    })?;
    if answer.from_network {
        if let Some(hook) = ON_SERVER_ANSWER.with_borrow(Clone::clone) {
            hook();
        }
    }
    Ok(content)
}

/// Calls `hook` with a line for each request that failed.
pub fn on_failure(hook: impl Fn(String) + 'static) {
    ON_FAILURE.set(Some(Rc::new(hook)));
}

fn failed(line: String) {
    logging::error!("{line}");
    if let Some(hook) = ON_FAILURE.with_borrow(Clone::clone) {
        hook(line);
    }
}

/// An answer's body, and whether it came from the server rather than the service worker's copy.
struct Answer {
    body: String,
    from_network: bool,
}

/// The request itself, the same for every kind of content (only the parsing is per type: the
/// network part is not copied into the bundle once for each).
async fn get_text(path: &str) -> Result<Answer, RequestError> {
    let controller = SendWrapper::new(web_sys::AbortController::new().ok());
    let signal = controller.as_ref().map(|c| c.signal());
    // Abort the request if the page that asked for it is left before it answers.
    on_cleanup(move || {
        if let Some(controller) = controller.take() {
            controller.abort();
        }
    });
    let result = async {
        let response = Request::get(path).abort_signal(signal.as_ref()).send().await.map_err(unanswered)?;
        let response = successful(response).await?;
        let from_network = response.headers().get("x-plantzette-copy").is_none();
        let body = response.text().await.map_err(|e| RequestError::Unreadable(e.to_string()))?;
        Ok(Answer { body, from_network })
    }
    .await;
    match &result {
        // The page that asked has gone (a tap on the kiosk before the answer came): nobody
        // waits for the answer, and nothing went wrong.
        Err(_) if signal.as_ref().is_some_and(|signal| signal.aborted()) => {}
        // A wrong or outdated link: the page says so, and nothing is wrong with the app.
        Err(RequestError::NotFound) => {}
        Err(error) => failed(format!("GET {path} failed: {error}")),
        Ok(_) => {}
    }
    result
}

fn range_query(range: DateRange) -> String {
    format!("from={}&to={}", range.from, range.to)
}

/// The day's content. Asked first as the server's today, the request `index.html` preloads while
/// the app itself loads; by its date only when the two clocks disagree (near midnight).
pub async fn today(date: chrono::NaiveDate) -> Result<Today, RequestError> {
    match get::<Today>("/api/v1/today".to_string()).await? {
        today if today.date == date => Ok(today),
        _ => get(format!("/api/v1/today?date={date}")).await,
    }
}

/// The alarm on, if any: asked by a screen that has no event stream to hear it on.
pub async fn alarm() -> Result<Option<Alarm>, RequestError> {
    get("/api/v1/alarm".into()).await
}

pub async fn activities(range: DateRange) -> Result<Listing<Occurrence>, RequestError> {
    get(format!("/api/v1/activities?{}", range_query(range))).await
}

/// One activity as planned, by the id in the page's address.
pub async fn activity(id: String) -> Result<Item<Activity>, RequestError> {
    get(format!("/api/v1/activities/{}", path_segment(&id))).await
}

pub async fn menus(range: DateRange) -> Result<Listing<Item<DayMenu>>, RequestError> {
    get(format!("/api/v1/menus?{}", range_query(range))).await
}

pub async fn programmes() -> Result<Listing<Item<Programme>>, RequestError> {
    get("/api/v1/programmes".into()).await
}

/// One programme by the id in the page's address; the server answers 404 for an unknown one.
pub async fn programme(id: String) -> Result<Item<Programme>, RequestError> {
    get(format!("/api/v1/programmes/{}", path_segment(&id))).await
}

pub async fn pages() -> Result<Vec<Item<InfoPage>>, RequestError> {
    get("/api/v1/pages".into()).await
}

/// One info page by the slug in the page's address; the server answers 404 for an unknown one.
pub async fn page(slug: String) -> Result<Item<InfoPage>, RequestError> {
    get(format!("/api/v1/pages/{}", path_segment(&slug))).await
}

/// An event's places (counts, never names), by its key (`programmes/3/2026-12-10T14:00`).
pub async fn availability(event: String) -> Result<Availability, RequestError> {
    get(format!("/api/v1/sign-ups/{event}")).await
}

/// The photos of each of `owners` this screen may see: those for the home's screens too, once
/// it is adopted (its credential goes with the request).
pub async fn photos(owners: Vec<Owner>) -> Result<Vec<Photo>, RequestError> {
    let mut photos = Vec::new();
    for owner in owners {
        photos.extend(get::<Vec<Photo>>(format!("/api/v1/photos?owner={}", path_segment(&owner.key()))).await?);
    }
    Ok(photos)
}

/// The short-stay beds free in the coming eight weeks, by day (the partners' feed).
pub async fn short_stays() -> Result<Feed, RequestError> {
    get("/api/v1/short-stays".into()).await
}

/// A value from the page's address, made safe to stand as one segment of an API path.
fn path_segment(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}
