//! What a request to our server can come to, told apart as a reader needs it: no answer (the
//! network or the server is down), nothing at that address (deleted, a wrong link), a refusal
//! with the server's JSON error body (`docs/api.md`, Errors), or an answer that cannot be read.

use gloo_net::http::Response;
use plantzette_content::FieldError;
use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum RequestError {
    /// No answer: the network or the server is down.
    #[error("network error: {0}")]
    Network(String),
    /// No such item: trying again will not help.
    #[error("not found")]
    NotFound,
    /// Another error status, with the server's explanation when it gave one.
    #[error("HTTP {status}: {}", .body.message())]
    Refused { status: u16, body: ErrorBody },
    /// An answer that is not the contract's JSON.
    #[error("unreadable answer: {0}")]
    Unreadable(String),
}

/// The server's error body as sent: a message, field errors for invalid content, and the item
/// as it is now when a change came too late. Each part is read when asked for, so that an app
/// that only shows the message does not carry the code to read field errors (10 KB of wasm).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ErrorBody(String);

impl ErrorBody {
    pub fn message(&self) -> String {
        #[derive(Deserialize)]
        struct Message {
            message: String,
        }
        serde_json::from_str::<Message>(&self.0).map(|body| body.message).unwrap_or_default()
    }

    /// What the refusal is, for an app to tell apart: `not_set_up` (a new install).
    pub fn code(&self) -> String {
        #[derive(Deserialize)]
        struct Code {
            code: String,
        }
        serde_json::from_str::<Code>(&self.0).map(|body| body.code).unwrap_or_default()
    }

    pub fn field_errors(&self) -> Vec<FieldError> {
        #[derive(Deserialize)]
        struct Errors {
            errors: Vec<FieldError>,
        }
        serde_json::from_str::<Errors>(&self.0).map(|body| body.errors).unwrap_or_default()
    }

    /// The item as it is now, after someone else's change (with a 412).
    pub fn current(&self) -> Option<serde_json::Value> {
        #[derive(Deserialize)]
        struct Current {
            current: serde_json::Value,
        }
        serde_json::from_str::<Current>(&self.0).ok().map(|body| body.current)
    }
}

/// The response if it is a success, else what its status and body say.
pub async fn successful(response: Response) -> Result<Response, RequestError> {
    match response.status() {
        200..=299 => Ok(response),
        404 => Err(RequestError::NotFound),
        status => {
            let body = ErrorBody(response.text().await.unwrap_or_default());
            Err(RequestError::Refused { status, body })
        }
    }
}

/// A request that got no answer.
pub fn unanswered(error: gloo_net::Error) -> RequestError {
    RequestError::Network(error.to_string())
}
