//! Public answers kept ready. A public read (`/api/v1/today`, the lists, the calendars) depends only
//! on the request, the content and the residence's clock to the minute, and thousands of screens
//! and phones ask the same few questions. Each answer is computed once per content version and
//! minute, whole (compressed, tagged, every header set), then served from memory, and a matching
//! `If-None-Match` gets its 304 without any work.
//!
//! Answers marked `private` (the staff's) or `no-store` (the alarm), answers that vary with the
//! asker's cookies (the photos: an adopted screen sees more than a phone), streams, errors and
//! answers over 1 MiB are never kept.
//! Only a change of the content version empties the cache: a committed write through this server
//! reads the new version at once (`Live::commit`); a change made beside it (an import on the
//! command line, the demo's weekly reseeding) is read within half a second. A refused request,
//! even a write refused, changes nothing and keeps the cache.
//!
//! A map rather than `moka` or `quick_cache`: nothing here is evicted one by one by age or
//! use. The whole map is valid for one content version and minute and is dropped at once
//! when either moves, and it is bounded by a count, so an LRU's machinery would be unused.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::{to_bytes, Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::etag;
use crate::live::Live;

/// Enough for every page of every language and encoding; arbitrary dates beyond it are computed.
const MAX_ENTRIES: usize = 512;
/// The largest answer kept: a year of the activities calendar is well below; a larger one (a
/// year of a very busy residence) is served as computed, every time.
const MAX_BODY_BYTES: u64 = 1024 * 1024;

#[derive(Clone)]
pub struct ReadCache {
    live: Live,
    kept: Arc<Mutex<Kept>>,
}

/// The answers valid for one content version and minute.
#[derive(Default)]
struct Kept {
    stamp: Stamp,
    answers: HashMap<Key, Arc<Answer>>,
}

/// The content version and the minute.
#[derive(Clone, Copy, Default, PartialEq)]
struct Stamp {
    version: i64,
    minute: u64,
}

/// The request's path and query, and the encodings it accepts (which choose the bytes).
type Key = (String, Option<HeaderValue>);

struct Answer {
    headers: HeaderMap,
    body: Bytes,
}

impl ReadCache {
    pub fn new(live: Live) -> ReadCache {
        ReadCache { live, kept: Arc::default() }
    }

    /// The kept answer to `key`, if any, and the stamp under which a computed one may be kept.
    fn get(&self, key: &Key) -> (Option<Arc<Answer>>, Stamp) {
        let version = self.live.current();
        let minute = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |since| since.as_secs() / 60);
        let stamp = Stamp { version, minute };
        let mut kept = self.kept.lock().expect("nothing panics while the cache is locked");
        if kept.stamp != stamp {
            *kept = Kept { stamp, answers: HashMap::new() };
        }
        (kept.answers.get(key).cloned(), kept.stamp)
    }

    /// Keeps an answer computed under `stamp`, unless content or the minute changed meanwhile.
    fn keep(&self, key: Key, answer: Arc<Answer>, stamp: Stamp) {
        let mut kept = self.kept.lock().expect("nothing panics while the cache is locked");
        if kept.stamp == stamp && kept.answers.len() < MAX_ENTRIES {
            kept.answers.insert(key, answer);
        }
    }
}

/// Serves a public read from the cache, or computes it and keeps it.
pub async fn serve(State(cache): State<ReadCache>, mut request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") || request.method() != Method::GET {
        return next.run(request).await;
    }
    let key: Key = (request.uri().to_string(), request.headers().get(ACCEPT_ENCODING).cloned());
    // Asked without a tag inside, so that a miss still yields the whole answer to keep.
    let if_none_match = request.headers_mut().remove(IF_NONE_MATCH);
    let (answer, stamp) = cache.get(&key);
    if let Some(answer) = answer {
        return answer.respond(if_none_match.as_ref());
    }
    let response = next.run(request).await;
    if !keepable(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(body) = to_bytes(body, MAX_BODY_BYTES as usize).await else {
        tracing::error!("a public answer could not be read whole to be kept");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let answer = Arc::new(Answer { headers: parts.headers, body });
    cache.keep(key, answer.clone(), stamp);
    answer.respond(if_none_match.as_ref())
}

/// A whole, public, tagged success of a size worth keeping: the JSON documents and calendars,
/// not the event stream. (The ETag layer has read each tagged answer whole: its size is known.)
fn keepable(response: &Response) -> bool {
    let headers = response.headers();
    let private =
        headers.get(CACHE_CONTROL).is_some_and(|value| value.to_str().is_ok_and(|value| value.contains("private") || value.contains("no-store")));
    let by_asker = headers.get_all(VARY).iter().any(|value| value.to_str().is_ok_and(|value| value.to_ascii_lowercase().contains("cookie")));
    let stream = headers.get(CONTENT_TYPE).is_some_and(|value| value.as_bytes().starts_with(b"text/event-stream"));
    let small = response.body().size_hint().exact().is_some_and(|size| size <= MAX_BODY_BYTES);
    response.status() == StatusCode::OK && headers.contains_key(ETAG) && !private && !by_asker && !stream && small
}

impl Answer {
    fn respond(&self, if_none_match: Option<&HeaderValue>) -> Response {
        match (self.headers.get(ETAG), if_none_match) {
            (Some(tag), Some(if_none_match)) if etag::matches(if_none_match, tag) => etag::not_modified(tag.clone()),
            _ => {
                let mut response = Response::new(Body::from(self.body.clone()));
                *response.headers_mut() = self.headers.clone();
                response
            }
        }
    }
}
