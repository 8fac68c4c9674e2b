//! The API's one error type: each variant knows its HTTP status; the body is `{ "message" }`, with
//! `errors` (field by field) for invalid content and `current` (the other person's version) for a
//! stale edit. Internal errors are logged, never sent.

use axum::body::{to_bytes, Body};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use plantzette_content::{ContentError, FieldError, RangeError};
use serde::Serialize;
use utoipa::ToSchema;

use crate::store::StoreError;
use crate::transfer::ImportError;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    /// No session, or one that expired: log in (again).
    #[error("{0}")]
    Unauthorized(&'static str),
    /// Logged in, but not allowed this (an editor at an admin's task, a cross-site request).
    #[error("{0}")]
    Forbidden(&'static str),
    #[error("no such {0}")]
    NotFound(&'static str),
    /// A new install whose residence no administrator has filled in yet (`/gestion`).
    #[error("the residence is not set up yet: an administrator fills it in at /gestion")]
    NotSetUp,
    #[error("the content is not valid")]
    Invalid(#[from] ContentError),
    /// The item changed since the editor loaded it; `current` is what it is now.
    #[error("someone else changed this in the meantime")]
    Stale(serde_json::Value),
    /// The change cannot be made in the state things are in (an alarm on already).
    #[error("{0}")]
    Conflict(&'static str),
    #[error("a change must say which version it changes (If-Match)")]
    VersionRequired,
    #[error("too many failed logins: try again in {}", minutes(*.retry_after_secs))]
    TooManyAttempts { retry_after_secs: u64 },
    /// More at once than the server takes (logins to check, live-update streams): come back
    /// after `retry_after_secs`.
    #[error("the server is busy: try again in a moment")]
    Busy { retry_after_secs: u64 },
    #[error("the request is too large")]
    TooLarge,
    /// A body said to be anything but JSON where JSON is taken.
    #[error("send JSON, with Content-Type: application/json")]
    NotJson,
    /// More sign-ups or requests today from this address, or for this contact, than anyone makes.
    #[error("too many sent today: please phone the reception")]
    TooManyToday,
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("stored content could not be read")]
    Corrupt(#[from] serde_json::Error),
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

/// Every error's body under `/api`: a message in English, and for a refused form each field's
/// problem (its code says it in the reader's language, `ErrorCode::message`).
#[derive(Serialize, ToSchema)]
pub struct ErrorBody<'a> {
    message: String,
    /// What an app tells apart without reading the message, whatever the language:
    /// `not_set_up` (a new install), `too_many_today`, `invalid`, `stale`, `not_found`…
    #[schema(value_type = String)]
    code: &'static str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    errors: &'a [FieldError],
    /// For a change refused because someone else's came first: the item as it is now.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    current: Option<&'a serde_json::Value>,
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Stale(_) => StatusCode::PRECONDITION_FAILED,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::VersionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::TooManyAttempts { .. } | ApiError::TooManyToday => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Busy { .. } | ApiError::NotSetUp => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::NotJson => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Database(_) | ApiError::Corrupt(_) | ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl ApiError {
    /// What the error is, in words a program (the editor, a family's page) can tell apart and
    /// say in its reader's language: the message is English, for people reading logs.
    fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "bad_request",
            ApiError::Unauthorized(_) => "unauthorized",
            ApiError::Forbidden(_) => "forbidden",
            ApiError::NotFound(_) => "not_found",
            ApiError::NotSetUp => "not_set_up",
            ApiError::Invalid(_) => "invalid",
            ApiError::Stale(_) => "stale",
            ApiError::Conflict(_) => "conflict",
            ApiError::VersionRequired => "version_required",
            ApiError::TooManyAttempts { .. } => "too_many_attempts",
            ApiError::Busy { .. } => "busy",
            ApiError::TooLarge => "too_large",
            ApiError::NotJson => "not_json",
            ApiError::TooManyToday => "too_many_today",
            ApiError::Database(_) | ApiError::Corrupt(_) | ApiError::Internal(_) => "internal",
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound(what) => ApiError::NotFound(what),
            StoreError::Stale(current) => ApiError::Stale(current),
            StoreError::Invalid(invalid) => ApiError::Invalid(invalid),
            StoreError::Database(error) => ApiError::Database(error),
            StoreError::Corrupt(error) => ApiError::Corrupt(error),
            StoreError::NotSetUp => ApiError::NotSetUp,
        }
    }
}

impl From<ImportError> for ApiError {
    fn from(error: ImportError) -> Self {
        match error {
            ImportError::Store(error) => error.into(),
            ImportError::Backup(error) => ApiError::Internal(error),
        }
    }
}

impl From<RangeError> for ApiError {
    fn from(error: RangeError) -> Self {
        ApiError::BadRequest(error.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        // A residence not set up yet is a state of the install, not a failure of the server.
        if status.is_server_error() && !matches!(self, ApiError::NotSetUp) {
            tracing::error!(error = ?self, "request failed");
        }
        let errors = match &self {
            ApiError::Invalid(content) => content.errors.as_slice(),
            _ => &[],
        };
        let current = match &self {
            ApiError::Stale(current) => Some(current),
            _ => None,
        };
        let mut response = (status, Json(ErrorBody { message: self.to_string(), code: self.code(), errors, current })).into_response();
        if let ApiError::TooManyAttempts { retry_after_secs } | ApiError::Busy { retry_after_secs } = self {
            response.headers_mut().insert(RETRY_AFTER, retry_after_secs.into());
        }
        if let ApiError::NotSetUp = self {
            response.headers_mut().insert(RETRY_AFTER, 60.into());
            // The families' pages answer their own page instead (`pages::when_not_set_up`).
            response.extensions_mut().insert(NotSetUp);
        }
        response
    }
}

/// Marks an answer that says the residence is not set up yet.
#[derive(Clone, Copy)]
pub struct NotSetUp;

/// What a request whose handler panicked is answered (tower-http's `CatchPanic`): a 500 like any
/// internal error, logged, and counted by the metrics with the other 5xx; never a closed
/// connection.
pub fn panicked(panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = panic.downcast_ref::<&str>().copied().or_else(|| panic.downcast_ref::<String>().map(String::as_str)).unwrap_or("a panic");
    ApiError::Internal(anyhow::anyhow!("a handler panicked: {what}")).into_response()
}

/// Gives an error answer that is not JSON yet (a body too large for a layer, a method not
/// allowed, a timeout) the API's JSON body, with its text as the message: every error under
/// `/api` reads the same way.
pub async fn as_json(response: Response) -> Response {
    let status = response.status();
    let is_json = response.headers().get(CONTENT_TYPE).is_some_and(|kind| kind.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let text = to_bytes(body, 4096).await.map(|bytes| String::from_utf8_lossy(&bytes).trim().to_string()).unwrap_or_default();
    let message = if text.is_empty() { status.canonical_reason().unwrap_or("error").to_lowercase() } else { text };
    let code = match status {
        StatusCode::PAYLOAD_TOO_LARGE => "too_large",
        StatusCode::METHOD_NOT_ALLOWED => "method_not_allowed",
        StatusCode::REQUEST_TIMEOUT => "timeout",
        StatusCode::NOT_FOUND => "not_found",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "not_json",
        status if status.is_server_error() => "internal",
        _ => "bad_request",
    };
    let body = serde_json::to_vec(&ErrorBody { message, code, errors: &[], current: None }).expect("a message serialises");
    parts.headers.remove(CONTENT_LENGTH);
    parts.headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    Response::from_parts(parts, Body::from(body))
}

/// "1 minute", "15 minutes": a wait, rounded up to whole minutes.
fn minutes(seconds: u64) -> String {
    match seconds.div_ceil(60) {
        1 => "1 minute".into(),
        n => format!("{n} minutes"),
    }
}

#[cfg(test)]
mod tests {
    use axum::routing::get;
    use axum::Router;
    use tower::ServiceExt;
    use tower_http::catch_panic::CatchPanicLayer;

    use super::*;

    #[test]
    fn a_wait_of_one_minute_is_singular() {
        assert_eq!(ApiError::TooManyAttempts { retry_after_secs: 45 }.to_string(), "too many failed logins: try again in 1 minute");
        assert_eq!(ApiError::TooManyAttempts { retry_after_secs: 900 }.to_string(), "too many failed logins: try again in 15 minutes");
    }

    #[tokio::test]
    async fn a_handler_that_panics_is_a_json_500() {
        let router: Router =
            Router::new().route("/", get(|| async { panic!("week arithmetic overflowed") as &'static str })).layer(CatchPanicLayer::custom(panicked));
        let response = router.oneshot(axum::http::Request::new(Body::empty())).await.unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
        let body = to_bytes(response.into_body(), 1024).await.unwrap();
        assert_eq!(serde_json::from_slice::<serde_json::Value>(&body).unwrap()["message"], "internal error", "nothing of the panic is sent");
    }
}
