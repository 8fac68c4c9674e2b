//! `/short-stay-requests`: the request form for a short stay, and its answer (the form is taken
//! as the API's JSON is, `short_stays/public.rs`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use plantzette::pages::phone::{Page, Refused, StayRequestPage, StayRequestStage};
use plantzette_content::schedule::residence_now;
use plantzette_content::short_stay::StayRequestFields;

use super::posted::Posted;
use super::{answer, Reader};
use crate::client::ClientAddress;
use crate::error::ApiError;
use crate::short_stays::{take_request, StayRequestError};
use crate::AppState;

pub async fn form(State(state): State<AppState>, reader: Reader) -> Result<Response, ApiError> {
    let stage = StayRequestStage::Filling { fields: StayRequestFields::default(), errors: Vec::new(), refused: None };
    let page = Page::StayRequest(StayRequestPage { kept_days: state.kept_days.stay_requests, stage });
    answer(&state, reader, StatusCode::OK, page, false).await
}

/// The form sent: its number, or the form again with what was typed and why it was refused.
pub async fn request(
    State(state): State<AppState>,
    reader: Reader,
    ClientAddress(address): ClientAddress,
    Posted { fields, unreadable }: Posted<StayRequestFields>,
) -> Result<Response, ApiError> {
    let refused = |status, refused, errors| (status, StayRequestStage::Filling { fields: fields.clone(), errors, refused: Some(refused) });
    let read = match unreadable {
        Some(status) => Err((status, Vec::new())),
        None => fields.read(reader.lang, residence_now().date()).map_err(|invalid| (StatusCode::UNPROCESSABLE_ENTITY, invalid.errors)),
    };
    let (status, stage) = match read {
        Err((status, errors)) => refused(status, Refused::Fields, errors),
        Ok(request) => match take_request(&state, address, &request).await {
            Ok(reference) => (StatusCode::CREATED, StayRequestStage::Received { reference }),
            Err(StayRequestError::TooManyToday) => refused(StatusCode::TOO_MANY_REQUESTS, Refused::TooManyToday, Vec::new()),
            // A robot's (the field people do not see filled in): told no more than a person.
            Err(StayRequestError::Robot) => refused(StatusCode::BAD_REQUEST, Refused::Fields, Vec::new()),
            Err(StayRequestError::Store(error)) => return Err(error.into()),
        },
    };
    let page = Page::StayRequest(StayRequestPage { kept_days: state.kept_days.stay_requests, stage });
    // What was typed is one person's: kept by no cache.
    answer(&state, reader, status, page, true).await
}
