//! What the public does with sign-ups, whichever adapter it comes through (the JSON API or the
//! families' HTML form): find the event, sign up within the day's bounds, read and cancel one's
//! own sign-up by its private link. Each returns the feature's own error (`SignUpError`); the
//! adapters say it in HTTP or on a page.

use std::net::IpAddr;

use axum::http::StatusCode;
use plantzette_content::schedule::residence_now;
use plantzette_content::sign_up::{Confirms, EventRef, MySignUp, Refusal, SignUp, SignUpAnswer};
use plantzette_content::Valid;

use super::{by_token, cancel, event, sign_up, Event, Outcome, Standing};
use crate::error::ApiError;
use crate::http::daily_limits::{from_address, TurnedAway};
use crate::store::StoreError;
use crate::AppState;

/// Sign-ups a day from one address (a family's phone, the hospital's discharge office behind
/// one address) and for one contact.
const PER_ADDRESS_A_DAY: u32 = 30;
const PER_CONTACT_A_DAY: u32 = 5;

/// Why a sign-up, or a reading of one, did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SignUpError {
    #[error("no event taking sign-ups")]
    NoSuchEvent,
    #[error("no such sign-up")]
    NoSuchSignUp,
    /// The field people do not see was filled in: told no more than a person.
    #[error("refused")]
    Robot,
    #[error("too many sent today")]
    TooManyToday,
    #[error("no place")]
    Refused(Refusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<TurnedAway> for SignUpError {
    fn from(turned: TurnedAway) -> Self {
        match turned {
            TurnedAway::Robot => SignUpError::Robot,
            TurnedAway::TooManyToday => SignUpError::TooManyToday,
        }
    }
}

impl From<SignUpError> for ApiError {
    fn from(error: SignUpError) -> Self {
        match error {
            SignUpError::NoSuchEvent => ApiError::NotFound("event taking sign-ups"),
            SignUpError::NoSuchSignUp => ApiError::NotFound("sign-up"),
            SignUpError::Robot => ApiError::BadRequest("refused".into()),
            SignUpError::TooManyToday => ApiError::TooManyToday,
            SignUpError::Refused(refusal) => ApiError::Conflict(match refusal {
                Refusal::Full => "every place is taken",
                Refusal::Closed => "sign-up is closed",
                Refusal::NotYetOpen { .. } => "sign-up is not open yet",
            }),
            SignUpError::Store(error) => error.into(),
        }
    }
}

/// How this residence confirms a sign-up: by e-mail only where it has a mail relay.
pub fn confirms(state: &AppState) -> Confirms {
    if state.outbox.public_url().is_some() {
        Confirms::ByMailOrPhone
    } else {
        Confirms::ByPhone
    }
}

/// The event `key` names, if it takes sign-ups on line.
pub async fn find_event(state: &AppState, key: &str) -> Result<Event, SignUpError> {
    let named = EventRef::parse(key).ok_or(SignUpError::NoSuchEvent)?;
    event(&state.pool, named).await?.ok_or(SignUpError::NoSuchEvent)
}

/// Signs a person up from their own phone or PC (`address`): the day's bounds first, then a
/// place or a rank: 201, for a contact signed up already too (`echo.rs`).
pub async fn take(state: &AppState, address: IpAddr, key: &str, form: &Valid<SignUp>) -> Result<(StatusCode, SignUpAnswer), SignUpError> {
    let event = find_event(state, key).await?;
    let mut bounds = from_address("sign-ups", address, PER_ADDRESS_A_DAY);
    bounds.push((format!("sign-ups of {}", form.contact_key()), PER_CONTACT_A_DAY));
    state.daily_limits.admit(form.is_from_a_robot(), &bounds)?;
    answered(state, &event, form, None).await
}

/// Signs `form` up for `event` and says how it went, to the person or to staff (`by_staff`: for
/// someone who phoned or came to the desk).
pub async fn answered(
    state: &AppState,
    event: &Event,
    form: &Valid<SignUp>,
    by_staff: Option<&str>,
) -> Result<(StatusCode, SignUpAnswer), SignUpError> {
    let emailed = state.outbox.public_url().is_some() && !form.email.trim().is_empty();
    let answer = |standing: Standing, token: Option<String>, already: bool| SignUpAnswer {
        event: event.key.clone(),
        status: standing.status,
        position: standing.position,
        token,
        already,
        emailed,
    };
    match sign_up(&state.pool, &state.outbox, event, form, residence_now(), by_staff).await? {
        Outcome::New { standing, token } => {
            state.live.refresh().await;
            Ok((StatusCode::CREATED, answer(standing, Some(token), false)))
        }
        Outcome::Already(standing) => Ok((StatusCode::OK, answer(standing, None, true))),
        Outcome::Refused(refusal) => Err(SignUpError::Refused(refusal)),
    }
}

/// The sign-up behind a private link, as the person sees it.
pub async fn mine(state: &AppState, token: &str) -> Result<MySignUp, SignUpError> {
    let found = by_token(&state.pool, token).await?.ok_or(SignUpError::NoSuchSignUp)?;
    Ok(MySignUp {
        event: found.event,
        status: found.standing.status,
        position: found.standing.position,
        name: found.name,
        people: found.people,
        lang: found.lang,
    })
}

/// Cancels the sign-up behind a private link (the first one waiting moves up), and erases its
/// personal data at once if asked.
pub async fn cancel_mine(state: &AppState, token: &str, erase: bool) -> Result<(), SignUpError> {
    cancel(&state.pool, &state.outbox, token, erase).await?.ok_or(SignUpError::NoSuchSignUp)?;
    state.live.refresh().await;
    Ok(())
}
