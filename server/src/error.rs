//! The API's one error type: each variant knows its HTTP status; the body is `{ "message" }`, with
//! `errors` (field by field) for invalid content. Internal errors are logged, never sent.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use plantzette_content::{ContentError, FieldError, RangeError};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("no such {0}")]
    NotFound(&'static str),
    #[error("the content is not valid")]
    Invalid(#[from] ContentError),
    #[error("database error")]
    Database(#[from] sqlx::Error),
    #[error("stored content could not be read")]
    Corrupt(#[from] serde_json::Error),
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    message: String,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    errors: &'a [FieldError],
}

impl ApiError {
    fn status(&self) -> StatusCode {
        match self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Database(_) | ApiError::Corrupt(_) => StatusCode::INTERNAL_SERVER_ERROR,
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
        (status, Json(ErrorBody { message: self.to_string(), errors })).into_response()
    }
}
