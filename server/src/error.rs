//! The API's one error type: each variant knows its HTTP status; the body is `{ "message" }`, with
//! `errors` (field by field) for invalid content and `current` (the other person's version) for a
//! stale edit. Internal errors are logged, never sent.

use axum::http::header::RETRY_AFTER;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use plantzette_content::{ContentError, FieldError, RangeError};
use serde::Serialize;

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
    #[error("the content is not valid")]
    Invalid(#[from] ContentError),
    /// The item changed since the editor loaded it; `current` is what it is now.
    #[error("someone else changed this in the meantime")]
    Stale(serde_json::Value),
    #[error("a change must say which version it changes (If-Match)")]
    VersionRequired,
    #[error("too many failed logins: try again in {} minutes", .retry_after_secs.div_ceil(60))]
    TooManyAttempts { retry_after_secs: u64 },
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("stored content could not be read")]
    Corrupt(#[from] serde_json::Error),
    #[error("internal error")]
    Internal(#[from] anyhow::Error),
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    message: String,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    errors: &'a [FieldError],
    #[serde(skip_serializing_if = "Option::is_none")]
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
            ApiError::VersionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Database(_) | ApiError::Corrupt(_) | ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
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
        if status.is_server_error() {
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
        let mut response = (status, Json(ErrorBody { message: self.to_string(), errors, current })).into_response();
        if let ApiError::TooManyAttempts { retry_after_secs } = self {
            response.headers_mut().insert(RETRY_AFTER, retry_after_secs.into());
        }
        response
    }
}
