//! What the public and partners do with short stays, whichever adapter they come through (the
//! JSON API or the families' HTML form): read the feed of free beds, and ask for a stay within
//! the day's bound. Each returns the feature's own error; the adapters say it in HTTP or on a page.

use std::net::IpAddr;

use chrono::Utc;
use plantzette_content::schedule::{residence_now, RESIDENCE_TZ_NAME};
use plantzette_content::short_stay::{Feed, Provider, StayRequest};
use plantzette_content::Valid;

use super::{add_request, calendar};
use crate::error::ApiError;
use crate::http::daily_limits::{from_address, TurnedAway};
use crate::published;
use crate::store::StoreError;
use crate::AppState;

/// Requests a day from one address: a hospital's discharge service sends several.
const REQUESTS_PER_ADDRESS_A_DAY: u32 = 10;

/// Why a request for a stay was not taken.
#[derive(Debug, thiserror::Error)]
pub enum StayRequestError {
    /// The field people do not see was filled in: told no more than a person.
    #[error("refused")]
    Robot,
    #[error("too many sent today")]
    TooManyToday,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<TurnedAway> for StayRequestError {
    fn from(turned: TurnedAway) -> Self {
        match turned {
            TurnedAway::Robot => StayRequestError::Robot,
            TurnedAway::TooManyToday => StayRequestError::TooManyToday,
        }
    }
}

impl From<StayRequestError> for ApiError {
    fn from(error: StayRequestError) -> Self {
        match error {
            StayRequestError::Robot => ApiError::BadRequest("refused".into()),
            StayRequestError::TooManyToday => ApiError::TooManyToday,
            StayRequestError::Store(error) => error.into(),
        }
    }
}

/// The feed as of today: who offers the beds, free beds by day, free periods by bed; never a person.
pub async fn load_feed(state: &AppState) -> Result<Feed, StoreError> {
    let today = residence_now().date();
    let residence = published::residence(&state.pool).await?.content;
    let provider = Provider {
        name: residence.name,
        address: residence.address,
        phone: residence.contact.phone,
        email: residence.contact.email,
        url: state.auth.public_origin.clone(),
        time_zone: RESIDENCE_TZ_NAME.to_string(),
    };
    let availability = calendar(&state.pool, today).await?.public();
    Ok(Feed { provider, as_of: today, availability })
}

/// Takes a valid request for a stay from `address` within the day's bound, and tells the
/// admissions office: its number, to quote.
pub async fn take_request(state: &AppState, address: IpAddr, form: &Valid<StayRequest>) -> Result<i64, StayRequestError> {
    state.daily_limits.admit(form.is_from_a_robot(), &from_address("stay requests", address, REQUESTS_PER_ADDRESS_A_DAY))?;
    let reference = add_request(&state.pool, form, Utc::now(), state.outbox.admissions()).await?;
    state.outbox.wake();
    Ok(reference)
}
