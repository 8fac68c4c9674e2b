//! Strong ETags on JSON responses: a client that already holds the current content gets a 304.
//!
//! This layer sits outside compression, so the tag is computed over the bytes actually sent and a
//! gzip and a brotli representation get different strong tags, as RFC 9110 asks.

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use sha2::{Digest, Sha256};

/// Every answer tagged here was made whole in memory (JSON, a calendar), then compressed: this
/// bound is only against a stream tagged by mistake, not a limit on content.
const MAX_TAGGED_BYTES: usize = 64 * 1024 * 1024;

pub async fn etag(request: Request, next: Next) -> Response {
    let if_none_match = request.headers().get(IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    let (mut parts, body) = response.into_parts();
    parts.headers.entry(CACHE_CONTROL).or_insert(HeaderValue::from_static("no-cache"));
    // An event stream never ends: it cannot be read whole to be tagged.
    let streaming = parts.headers.get(CONTENT_TYPE).is_some_and(|t| t.as_bytes().starts_with(b"text/event-stream"));
    if parts.status != StatusCode::OK || streaming {
        return Response::from_parts(parts, body);
    }
    let bytes = match to_bytes(body, MAX_TAGGED_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "could not read a response body to tag it");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let tag = strong_tag(&bytes);
    if if_none_match.is_some_and(|header| matches(&header, &tag)) {
        return not_modified(tag);
    }
    parts.headers.insert(ETAG, tag);
    Response::from_parts(parts, Body::from(bytes))
}

/// The 304 for a client that holds the representation tagged `tag`.
pub fn not_modified(tag: HeaderValue) -> Response {
    let mut headers = HeaderMap::new();
    headers.insert(ETAG, tag);
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    (StatusCode::NOT_MODIFIED, headers).into_response()
}

fn strong_tag(bytes: &[u8]) -> HeaderValue {
    let digest = Sha256::digest(bytes);
    let tag = format!("\"{}\"", URL_SAFE_NO_PAD.encode(&digest[..16]));
    HeaderValue::from_str(&tag).expect("base64url is a valid header value")
}

/// `If-None-Match` holds `*` or a list of tags; it compares weakly (RFC 9110, 13.1.2).
pub fn matches(header: &HeaderValue, tag: &HeaderValue) -> bool {
    let Ok(header) = header.to_str() else {
        return false;
    };
    let tag = tag.to_str().unwrap_or_default();
    header.split(',').map(str::trim).any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == tag)
}
