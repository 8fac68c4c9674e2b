//! A form's fields as a browser posts them. A body that is no such form (another content type,
//! a field twice, a value that is no number) reads as an empty form with the status that says
//! what was wrong, so that the page answers with the form again, in the reader's language,
//! rather than the framework's text in English.

use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::Form;
use serde::de::DeserializeOwned;

pub struct Posted<T> {
    pub fields: T,
    /// The body could not be read as the form: why, as a status.
    pub unreadable: Option<StatusCode>,
}

impl<T: DeserializeOwned + Default, S: Send + Sync> FromRequest<S> for Posted<T> {
    type Rejection = std::convert::Infallible;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        Ok(match Form::<T>::from_request(request, state).await {
            Ok(Form(fields)) => Posted { fields, unreadable: None },
            Err(rejection) => Posted { fields: T::default(), unreadable: Some(rejection.status()) },
        })
    }
}
