//! The query parameters the read endpoints share, read so that a bad value is a 400 with a JSON
//! error like any other, and the residence's current day and week.

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use chrono::NaiveDate;
use plantzette_content::schedule::parse_query_date;
use plantzette_content::DateRange;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::ApiError;

/// Query parameters whose rejection is a 400 with a JSON error, like every other API error.
pub struct Params<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Query(params) = Query::<T>::from_request_parts(parts, state).await.map_err(|rejection| ApiError::BadRequest(rejection.body_text()))?;
        Ok(Params(params))
    }
}

/// `?from=YYYY-MM-DD&to=YYYY-MM-DD`, both optional (empty, as a form sends it, is missing): the
/// handler says what a missing bound means.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RangeParams {
    /// The first day (YYYY-MM-DD).
    #[param(pattern = r"^(\d{4}-\d{2}-\d{2})?$")]
    from: Option<String>,
    /// The last day (YYYY-MM-DD), at most 366 days after the first.
    #[param(pattern = r"^(\d{4}-\d{2}-\d{2})?$")]
    to: Option<String>,
}

impl RangeParams {
    pub fn range_or(&self, default: DateRange) -> Result<DateRange, ApiError> {
        Ok(DateRange::from_query(self.from.as_deref(), self.to.as_deref(), default)?)
    }
}

/// Reads a date from a path or query value, within the contract's dates, or says which value
/// was wrong.
pub fn parse_date(field: &'static str, value: &str) -> Result<NaiveDate, ApiError> {
    Ok(parse_query_date(field, value)?)
}
