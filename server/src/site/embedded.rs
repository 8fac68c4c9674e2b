//! The built apps inside the server binary (`rust-embed`, at compile time, from `dist/` as
//! `scripts/build-apps` leaves it, with its brotli and gzip copies): served from memory, the
//! copy the browser accepts, with an ETag, so that a release is one file.

use std::borrow::Cow;

use axum::extract::Request;
use axum::http::header::{ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rust_embed::RustEmbed;

use super::{has_file_extension, EDITOR, INDEXES, KIOSK};

#[derive(RustEmbed)]
#[folder = "../dist"]
struct Dist;

/// Whether the binary carries `name` (asked on every response, for the policy: no copy made).
pub fn has(name: &str) -> bool {
    Dist::get(name).is_some()
}

pub fn read(name: &str) -> Option<String> {
    Dist::get(name).map(|file| String::from_utf8_lossy(&file.data).into_owned())
}

/// Every file's name, from the top of `dist`.
pub fn names() -> impl Iterator<Item = String> {
    Dist::iter().map(|name| name.into_owned())
}

/// A file of either app; an app's deep link gets its `index.html`, anything else missing a 404.
pub async fn serve(request: Request) -> Response {
    let path = request.uri().path().trim_start_matches('/');
    let under = |top: &str| path == top || path.starts_with(&format!("{top}/"));
    let name = if has_file_extension(path) {
        path
    } else if under(EDITOR) {
        INDEXES[1]
    } else if KIOSK.into_iter().any(under) {
        INDEXES[0]
    } else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    let Some(file) = Dist::get(name) else {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    let content_type = file.metadata.mimetype().to_string();
    let hash = URL_SAFE_NO_PAD.encode(&file.metadata.sha256_hash()[..12]);
    let (encoding, body) = [("br", ".br"), ("gzip", ".gz")]
        .into_iter()
        .filter(|(encoding, _)| accepts(request.headers(), encoding))
        .find_map(|(encoding, suffix)| Dist::get(&format!("{name}{suffix}")).map(|copy| (Some(encoding), copy.data)))
        .unwrap_or((None, file.data));
    let etag = format!("\"{hash}{}\"", encoding.map(|e| format!("-{e}")).unwrap_or_default());
    let mut headers = HeaderMap::new();
    headers.insert(ETAG, HeaderValue::from_str(&etag).expect("base64 is ASCII"));
    headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
    if request.headers().get(IF_NONE_MATCH).is_some_and(|tags| tags.to_str().is_ok_and(|tags| tags.split(',').any(|tag| tag.trim() == etag))) {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(CONTENT_TYPE, HeaderValue::from_str(&content_type).unwrap_or(HeaderValue::from_static("application/octet-stream")));
    if let Some(encoding) = encoding {
        headers.insert(CONTENT_ENCODING, HeaderValue::from_static(encoding));
    }
    let body = match body {
        Cow::Borrowed(bytes) => axum::body::Body::from(bytes),
        Cow::Owned(bytes) => axum::body::Body::from(bytes),
    };
    (headers, body).into_response()
}

/// Whether `Accept-Encoding` takes `encoding` (named, and not with `q=0`).
fn accepts(headers: &HeaderMap, encoding: &str) -> bool {
    headers.get_all(ACCEPT_ENCODING).iter().filter_map(|value| value.to_str().ok()).flat_map(|value| value.split(',')).any(|item| {
        let mut parts = item.split(';').map(str::trim);
        parts.next() == Some(encoding) && !parts.any(|parameter| matches!(parameter, "q=0" | "q=0.0" | "q=0.00" | "q=0.000"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_encoding_is_taken_when_named_without_q_zero() {
        let headers = |value: &'static str| HeaderMap::from_iter([(ACCEPT_ENCODING, HeaderValue::from_static(value))]);
        assert!(accepts(&headers("gzip, deflate, br, zstd"), "br"));
        assert!(accepts(&headers("gzip;q=1.0, br;q=0.5"), "br"));
        assert!(!accepts(&headers("gzip, br;q=0"), "br"));
        assert!(!accepts(&headers("gzip"), "br"));
        assert!(!accepts(&HeaderMap::new(), "gzip"));
    }
}
