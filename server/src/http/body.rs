//! Request bodies read so that a bad one is answered like any invalid content: 422 with the
//! field at fault (`meals[0].main.allergens[1]`), never a plain-text rejection.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header::{CONTENT_TYPE, IF_MATCH};
use axum::http::request::Parts;
use axum::http::StatusCode;
use plantzette_content::parse::{parse, read};
use plantzette_content::{Content, ContentError, ErrorCode, Valid};
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A JSON body of any shape.
pub struct JsonBody<T>(pub T);

/// A content body, read and validated by the content crate.
pub struct ContentBody<T>(pub Valid<T>);

/// JSON only, said so by its `Content-Type`: a page elsewhere can post `text/plain` without
/// asking the browser first (no preflight), so that a body of any type would let another site
/// sign someone up, or log a browser into its own account (login CSRF). Refused before reading.
fn require_json(request: &Request) -> Result<(), ApiError> {
    let content_type = request.headers().get(CONTENT_TYPE).and_then(|value| value.to_str().ok()).unwrap_or_default();
    let essence = content_type.split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    match essence == "application/json" || essence.ends_with("+json") {
        true => Ok(()),
        false => Err(ApiError::NotJson),
    }
}

async fn text<S: Send + Sync>(request: Request, state: &S) -> Result<String, ApiError> {
    require_json(&request)?;
    let bytes = Bytes::from_request(request, state).await.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::TooLarge,
        _ => ApiError::BadRequest(rejection.body_text()),
    })?;
    String::from_utf8(bytes.to_vec()).map_err(|_| ContentError::single("", ErrorCode::Malformed { detail: "not UTF-8 text".into() }).into())
}

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        Ok(JsonBody(read(&text(request, state).await?)?))
    }
}

impl<T: Content, S: Send + Sync> FromRequest<S> for ContentBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        Ok(ContentBody(parse(&text(request, state).await?)?))
    }
}

/// The version a change applies to, from `If-Match: "3"`: required (428 without it).
pub struct IfMatch(pub i64);

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let value = parts.headers.get(IF_MATCH).ok_or(ApiError::VersionRequired)?;
        let text = value.to_str().unwrap_or_default().trim();
        let text = text.strip_prefix("W/").unwrap_or(text).trim_matches('"');
        let version =
            text.parse().map_err(|_| ApiError::BadRequest(format!("If-Match must hold the item's version, as \"3\"; it holds {text:?}")))?;
        Ok(IfMatch(version))
    }
}
