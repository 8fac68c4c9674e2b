//! `/sign-ups/{event}`: an event's sign-up form, and its answer (the form is taken as the
//! API's JSON is, `sign_ups/public.rs`); `/sign-up/{token}`: the private link's page, to
//! see the sign-up, cancel it and erase its data. The private pages are kept by no cache.

use axum::extract::rejection::QueryRejection;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Redirect, Response};
use axum::Form;
use plantzette::pages::phone::{Cancelling, EventInfo, MySignUpPage, Page, Refused, SignUpPage, SignUpStage};
use plantzette_content::schedule::residence_now;
use plantzette_content::sign_up::{EventRef, SignUpFields};
use serde::Deserialize;

use super::posted::Posted;
use super::{answer, or_not_found, Reader};
use crate::client::ClientAddress;
use crate::error::ApiError;
use crate::sign_ups::{self, confirms, find_event, SignUpError};
use crate::AppState;

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
    Posted { fields, unreadable }: Posted<SignUpFields>,
) -> Result<Response, ApiError> {
    let read = match unreadable {
        Some(status) => Err((status, Refused::Fields, Vec::new())),
        None => fields.read(reader.lang, confirms(&state)).map_err(|invalid| (StatusCode::UNPROCESSABLE_ENTITY, Refused::Fields, invalid.errors)),
    };
    let taken = match read {
        Err(refusal) => Err(refusal),
        Ok(form) => match sign_ups::take(&state, address, &key, &form).await {
            Ok(taken) => Ok(taken),
            Err(SignUpError::TooManyToday) => Err((StatusCode::TOO_MANY_REQUESTS, Refused::TooManyToday, Vec::new())),
            Err(SignUpError::Refused(_)) => Err((StatusCode::CONFLICT, Refused::NoMorePlaces, Vec::new())),
            // A robot's (the field people do not see filled in): told no more than a person.
            Err(SignUpError::Robot) => Err((StatusCode::BAD_REQUEST, Refused::Fields, Vec::new())),
            Err(other) => return or_not_found(&state, reader, Err(other.into())).await,
        },
    };
    let (status, stage) = match taken {
        Ok((status, answer)) => (status, SignUpStage::Answered(answer)),
        Err((status, refused, errors)) => (status, SignUpStage::Filling { fields, errors, refused: Some(refused) }),
    };
    match sign_up_page(&state, &key, stage).await {
        // The sign-up's answer carries the private link: kept by no cache.
        Ok(page) => answer(&state, reader, status, page, true).await,
        Err(error) => or_not_found(&state, reader, Err(error)).await,
    }
}

/// The sign-up page of event `key` at `stage`, its places counted now.
async fn sign_up_page(state: &AppState, key: &str, stage: SignUpStage) -> Result<Page, ApiError> {
    let event = find_event(state, key).await?;
    let places = sign_ups::availability(&state.pool, &event, residence_now(), state.kept_days.sign_ups).await?;
    let by_mail = state.outbox.public_url().is_some();
    Ok(Page::SignUp(SignUpPage { event: event_info(&event).ok_or(ApiError::NotFound("event"))?, places, stage, by_mail }))
}

fn event_info(event: &sign_ups::Event) -> Option<EventInfo> {
    Some(EventInfo {
        event: EventRef::parse(&event.key)?,
        title: event.title.clone(),
        starts_at: event.starts_at,
        ends_at: event.ends_at,
        place: event.place.clone(),
        session_number: event.session_number(),
        course: event.course().map(|programme| programme.sessions_in_order().into_iter().cloned().collect()).unwrap_or_default(),
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
        let mine = sign_ups::mine(&state, &token).await?;
        // The event may be gone (taken out, cancelled): the sign-up is still the person's.
        let event = match EventRef::parse(&mine.event) {
            Some(event) => sign_ups::event(&state.pool, event).await?.as_ref().and_then(event_info),
            None => None,
        };
        Ok(Page::MySignUp(MySignUpPage::Shown { token: token.clone(), event, mine, cancelling }))
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
    match sign_ups::cancel_mine(&state, &token, asked == Cancelling::Erase).await {
        Ok(()) => answer(&state, reader, StatusCode::OK, Page::MySignUp(MySignUpPage::Done(asked)), true).await,
        Err(error) => or_not_found(&state, reader, Err(error.into())).await,
    }
}

/// The addresses before sign-ups had their one name (`/registrations/{event}` on printed QR codes,
/// `/registration/{token}` in e-mails already sent): moved for good, the method and the query
/// kept (308), so that a form posted to the old address is posted to the new one.
pub async fn moved(OriginalUri(uri): OriginalUri) -> Redirect {
    let path = uri.path().replacen("/registrations/", "/sign-ups/", 1).replacen("/registration/", "/sign-up/", 1);
    Redirect::permanent(&match uri.query() {
        Some(query) => format!("{path}?{query}"),
        None => path,
    })
}
