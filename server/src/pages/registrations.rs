//! `/registrations/{event}`: an event's sign-up form, and its answer (the form is taken as the
//! API's JSON is, `api/registrations.rs`); `/registration/{token}`: the private link's page, to
//! see the sign-up, cancel it and erase its data. The private pages are kept by no cache.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Form;
use plantzette::pages::phone::{Cancelling, EventInfo, Page, Refused, RegistrationPage, SignUpPage, SignUpStage};
use plantzette_content::registration::{EventRef, SignUpFields};
use plantzette_content::schedule::residence_now;
use serde::Deserialize;

use super::{answer, or_not_found, Reader};
use crate::api::registrations::{cancel_my_sign_up, event_of, my_sign_up, take_sign_up};
use crate::client::ClientAddress;
use crate::error::ApiError;
use crate::{registrations, AppState};

pub async fn form(State(state): State<AppState>, reader: Reader, Path(key): Path<String>) -> Result<Response, ApiError> {
    let stage = SignUpStage::Filling { fields: SignUpFields::default(), errors: Vec::new(), refused: None };
    let page = sign_up_page(&state, &key, stage).await;
    or_not_found(&state, reader, page).await
}

/// The form sent: the answer, or the form again with what was typed and why it was refused.
pub async fn sign_up(
    State(state): State<AppState>,
    reader: Reader,
    ClientAddress(address): ClientAddress,
    Path(key): Path<String>,
    Form(fields): Form<SignUpFields>,
) -> Result<Response, ApiError> {
    let form = fields.read(reader.lang);
    let (status, stage) = match take_sign_up(&state, address, &key, &form).await {
        Ok((status, answer)) => (status, SignUpStage::Answered(answer)),
        Err(refusal) => {
            let (status, refused, errors) = match refusal {
                ApiError::Invalid(invalid) => (StatusCode::UNPROCESSABLE_ENTITY, Refused::Fields, invalid.errors),
                ApiError::TooManyToday => (StatusCode::TOO_MANY_REQUESTS, Refused::TooManyToday, Vec::new()),
                ApiError::Conflict(_) => (StatusCode::CONFLICT, Refused::NoMorePlaces, Vec::new()),
                // A robot's (the field people do not see filled in): told no more than a person.
                ApiError::BadRequest(_) => (StatusCode::BAD_REQUEST, Refused::Fields, Vec::new()),
                other => return or_not_found(&state, reader, Err(other)).await,
            };
            (status, SignUpStage::Filling { fields, errors, refused: Some(refused) })
        }
    };
    match sign_up_page(&state, &key, stage).await {
        // The sign-up's answer carries the private link: kept by no cache.
        Ok(page) => answer(&state, reader, status, page, true).await,
        Err(error) => or_not_found(&state, reader, Err(error)).await,
    }
}

/// The sign-up page of event `key` at `stage`, its places counted now.
async fn sign_up_page(state: &AppState, key: &str, stage: SignUpStage) -> Result<Page, ApiError> {
    let event = event_of(state, key).await?;
    let places = registrations::availability(&state.pool, &event, residence_now(), state.kept_days.registrations).await?;
    let by_mail = state.outbox.public_url().is_some();
    Ok(Page::SignUp(SignUpPage { event: event_info(&event).ok_or(ApiError::NotFound("event"))?, places, stage, by_mail }))
}

fn event_info(event: &registrations::Event) -> Option<EventInfo> {
    Some(EventInfo {
        event: EventRef::parse(&event.key)?,
        title: event.title.clone(),
        starts_at: event.starts_at,
        ends_at: event.ends_at,
        place: event.place.clone(),
        session_number: event.session_number(),
    })
}

/// `?confirm=cancel|erase`: the person asked to cancel, to be confirmed.
#[derive(Default, Deserialize)]
pub struct Confirm {
    confirm: Option<String>,
}

pub async fn mine(
    State(state): State<AppState>,
    reader: Reader,
    Path(token): Path<String>,
    query: Result<Query<Confirm>, QueryRejection>,
) -> Result<Response, ApiError> {
    let cancelling = query.ok().and_then(|Query(confirm)| confirm.confirm).as_deref().and_then(Cancelling::parse);
    let page = async {
        let mine = my_sign_up(&state, &token).await?;
        // The event may be gone (taken out, cancelled): the sign-up is still the person's.
        let event = match EventRef::parse(&mine.event) {
            Some(event) => registrations::event(&state.pool, event).await?.as_ref().and_then(event_info),
            None => None,
        };
        Ok(Page::Registration(RegistrationPage::Shown { token: token.clone(), event, mine, cancelling }))
    };
    match page.await {
        Ok(page) => answer(&state, reader, StatusCode::OK, page, true).await,
        Err(error) => or_not_found(&state, reader, Err(error)).await,
    }
}

/// The confirmation sent: `action=cancel|erase`.
#[derive(Deserialize)]
pub struct Action {
    action: String,
}

pub async fn cancel(
    State(state): State<AppState>,
    reader: Reader,
    Path(token): Path<String>,
    Form(action): Form<Action>,
) -> Result<Response, ApiError> {
    let Some(asked) = Cancelling::parse(&action.action) else {
        return Err(ApiError::BadRequest("action: cancel or erase".into()));
    };
    match cancel_my_sign_up(&state, &token, asked == Cancelling::Erase).await {
        Ok(()) => answer(&state, reader, StatusCode::OK, Page::Registration(RegistrationPage::Done(asked)), true).await,
        Err(error) => or_not_found(&state, reader, Err(error)).await,
    }
}
