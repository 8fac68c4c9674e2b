//! Signing up for an event (`plantzette_content::registration`), by its key:
//! `GET /api/v1/registrations/{event}` gives its public figures (counts, never names), `POST`
//! the same address signs someone up (201, or 200 with the sign-up this contact has already),
//! and the person's private link is `GET` / `DELETE /api/v1/registration/{token}` (`?erase=true`
//! erases the personal data at once). A place is taken inside one write transaction
//! (`registrations::sign_up`). The form is bounded per address and per contact and day, and
//! answers a robot that filled in its hidden field with a refusal.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, Query, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use plantzette_content::registration::{Availability, EventRef, MySignUp, Refusal, SignUp, SignUpAnswer};
use plantzette_content::schedule::residence_now;
use serde::Deserialize;

use super::body::JsonBody;
use crate::client::{network_of, ClientAddress};
use crate::error::ApiError;
use crate::registrations::{self, Event, Outcome, Standing};
use crate::AppState;

/// Sign-ups a day from one address (a family's phone, the hospital's discharge office behind
/// one address) and for one contact.
const PER_ADDRESS_A_DAY: u32 = 30;
const PER_CONTACT_A_DAY: u32 = 5;

pub fn router() -> Router<AppState> {
    Router::new().route("/registrations/{*event}", get(availability).post(sign_up)).route("/registration/{token}", get(mine).delete(cancel))
}

async fn event_of(state: &AppState, key: &str) -> Result<Event, ApiError> {
    let event = EventRef::parse(key).ok_or(ApiError::NotFound("event taking sign-ups"))?;
    registrations::event(&state.pool, event).await?.ok_or(ApiError::NotFound("event taking sign-ups"))
}

async fn availability(State(state): State<AppState>, Path(key): Path<String>) -> Result<impl IntoResponse, ApiError> {
    let event = event_of(&state, &key).await?;
    let figures: Availability = registrations::availability(&state.pool, &event, residence_now()).await?;
    // Places change with every sign-up: asked again each time, never kept by a cache.
    Ok(([(CACHE_CONTROL, "no-cache")], Json(figures)))
}

async fn sign_up(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    Path(key): Path<String>,
    JsonBody(form): JsonBody<SignUp>,
) -> Result<impl IntoResponse, ApiError> {
    let event = event_of(&state, &key).await?;
    if form.is_from_a_robot() {
        return Err(ApiError::BadRequest("refused".into()));
    }
    form.validate()?;
    if !state.sign_up_limits.allow(network_of(address), &form.contact_key()) {
        return Err(ApiError::TooManySignUps);
    }
    let answer = |standing: Standing, token: Option<String>, already: bool| SignUpAnswer {
        event: event.key.clone(),
        status: standing.status,
        position: standing.position,
        token,
        already,
    };
    match registrations::sign_up(&state.pool, &event, &form, residence_now(), None).await? {
        Outcome::New { standing, token } => {
            state.live.refresh().await;
            Ok((StatusCode::CREATED, [(CACHE_CONTROL, "no-store")], Json(answer(standing, Some(token), false))))
        }
        Outcome::Already(standing) => Ok((StatusCode::OK, [(CACHE_CONTROL, "no-store")], Json(answer(standing, None, true)))),
        Outcome::Refused(refusal) => Err(ApiError::Conflict(match refusal {
            Refusal::Full => "every place is taken",
            Refusal::Closed => "sign-up is closed",
            Refusal::NotYetOpen { .. } => "sign-up is not open yet",
        })),
    }
}

async fn mine(State(state): State<AppState>, Path(token): Path<String>) -> Result<impl IntoResponse, ApiError> {
    let found = registrations::by_token(&state.pool, &token).await?.ok_or(ApiError::NotFound("sign-up"))?;
    let mine = MySignUp {
        event: found.event,
        status: found.standing.status,
        position: found.standing.position,
        name: found.name,
        people: found.people,
        lang: found.lang,
    };
    Ok(([(CACHE_CONTROL, "no-store")], Json(mine)))
}

#[derive(Deserialize)]
struct CancelParams {
    #[serde(default)]
    erase: bool,
}

async fn cancel(State(state): State<AppState>, Path(token): Path<String>, Query(params): Query<CancelParams>) -> Result<StatusCode, ApiError> {
    registrations::cancel(&state.pool, &token, params.erase).await?.ok_or(ApiError::NotFound("sign-up"))?;
    state.live.refresh().await;
    Ok(StatusCode::NO_CONTENT)
}

/// How many sign-ups each address and each contact made today (residence time); forgotten
/// at the day's end.
#[derive(Clone, Default)]
pub struct SignUpLimits(Arc<Mutex<Counted>>);

#[derive(Default)]
struct Counted {
    day: Option<NaiveDate>,
    by_address: HashMap<IpAddr, u32>,
    by_contact: HashMap<String, u32>,
}

impl SignUpLimits {
    /// Counts one more sign-up from `network` for `contact`, if both are within today's bounds.
    pub fn allow(&self, network: IpAddr, contact: &str) -> bool {
        let today = residence_now().date();
        let mut counted = self.0.lock().expect("the limits' lock is never poisoned");
        if counted.day != Some(today) {
            *counted = Counted { day: Some(today), ..Counted::default() };
        }
        let from_address = counted.by_address.get(&network).copied().unwrap_or(0);
        let for_contact = counted.by_contact.get(contact).copied().unwrap_or(0);
        if from_address >= PER_ADDRESS_A_DAY || for_contact >= PER_CONTACT_A_DAY {
            return false;
        }
        *counted.by_address.entry(network).or_default() += 1;
        *counted.by_contact.entry(contact.to_string()).or_default() += 1;
        true
    }
}
