//! The places an event offers, when signing up is open, where a new sign-up stands (`decide`),
//! who moves up when a place is given back (`promoted`), and the event's public figures.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ErrorCode;
use crate::format::{day_and_month, time};
use crate::text::Lang;
use crate::validate::Validator;

use super::{Refusal, Status};

/// How many people may come, and when signing up is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Places {
    /// `None`: as many as wish to come (sign-up is then only to know who).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// Before this, the form says when it opens; `None`: as soon as published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::schema::LocalDateTime>)]
    pub opens_at: Option<NaiveDateTime>,
    /// After this, no more sign-ups; `None`: until the event begins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::schema::LocalDateTime>)]
    pub closes_at: Option<NaiveDateTime>,
    /// When full, whether later sign-ups wait for a place rather than being refused.
    pub waiting_list: bool,
}

/// The most places an event may offer: a hall's worth.
pub const MAX_CAPACITY: u32 = 500;

impl Places {
    pub fn check(&self, v: &mut Validator) {
        if let Some(capacity) = self.capacity {
            v.at("capacity", |v| v.check((1..=MAX_CAPACITY).contains(&capacity), ErrorCode::NumberOutOfRange { min: 1, max: MAX_CAPACITY.into() }));
        }
        if let (Some(opens), Some(closes)) = (self.opens_at, self.closes_at) {
            v.at("closes_at", |v| v.check(closes > opens, ErrorCode::EndBeforeStart));
        }
    }

    /// Whether signing up is open at `now`, for an event that begins at `starts_at`.
    pub fn window(&self, starts_at: NaiveDateTime, now: NaiveDateTime) -> Window {
        match self.opens_at {
            Some(opens_at) if now < opens_at => Window::NotYetOpen { opens_at },
            _ if now >= self.closes_at.unwrap_or(starts_at).min(starts_at) => Window::Closed,
            _ => Window::Open,
        }
    }
}

/// Whether signing up is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Window {
    NotYetOpen {
        #[schema(value_type = crate::schema::LocalDateTime)]
        opens_at: NaiveDateTime,
    },
    Open,
    Closed,
}

/// The event's public figures: counts, never names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(as = EventAvailability)]
pub struct Availability {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
    /// People with a confirmed place.
    pub taken: u32,
    /// People on the waiting list.
    pub waiting: u32,
    pub waiting_list: bool,
    pub window: Window,
    /// Days after the event that a sign-up's personal data is kept (the form tells the person).
    pub kept_days: u32,
}

impl Availability {
    /// Whether the form takes a sign-up now: open, and a place free or a waiting list to join.
    pub fn takes_sign_ups(&self) -> bool {
        self.window == Window::Open && (self.waiting_list || self.places_left().is_none_or(|left| left > 0 && self.waiting == 0))
    }

    /// Places still free; `None`: no limit.
    pub fn places_left(&self) -> Option<u32> {
        self.capacity.map(|capacity| capacity.saturating_sub(self.taken))
    }

    /// What the kiosk and the pages say of the places: "3 places libres", "Complet : liste
    /// d'attente", "Inscriptions dès le 7 décembre, 08:00". A newcomer waits while others do,
    /// even with a place free (it is theirs): then the event reads as full.
    pub fn headline(&self, lang: Lang) -> String {
        let left = self.places_left().filter(|_| self.waiting == 0);
        match (self.window, left) {
            (Window::NotYetOpen { opens_at }, _) => {
                let when = format!("{}, {}", day_and_month(opens_at.date(), lang), time(opens_at));
                match lang {
                    Lang::Fr => format!("Inscriptions dès le {when}"),
                    Lang::De => format!("Anmeldung ab {when}"),
                    Lang::En => format!("Sign-up from {when}"),
                }
            }
            (Window::Closed, _) => match lang {
                Lang::Fr => "Inscriptions closes",
                Lang::De => "Anmeldung geschlossen",
                Lang::En => "Sign-up closed",
            }
            .to_string(),
            (Window::Open, None) if self.capacity.is_none() => match lang {
                Lang::Fr => "Inscriptions ouvertes",
                Lang::De => "Anmeldung offen",
                Lang::En => "Sign-up open",
            }
            .to_string(),
            (Window::Open, Some(left)) if left > 0 => match (lang, lang.takes_singular(left as usize)) {
                (Lang::Fr, true) => format!("{left} place libre"),
                (Lang::Fr, false) => format!("{left} places libres"),
                (Lang::De, true) => format!("{left} Platz frei"),
                (Lang::De, false) => format!("{left} Plätze frei"),
                (Lang::En, true) => format!("{left} place left"),
                (Lang::En, false) => format!("{left} places left"),
            },
            (Window::Open, _) if self.waiting_list => match lang {
                Lang::Fr => "Complet : liste d\u{2019}attente",
                Lang::De => "Ausgebucht: Warteliste",
                Lang::En => "Full: waiting list",
            }
            .to_string(),
            (Window::Open, _) => match lang {
                Lang::Fr => "Complet",
                Lang::De => "Ausgebucht",
                Lang::En => "Full",
            }
            .to_string(),
        }
    }
}

/// Where a sign-up for `people` stands, given the places, what is taken and how many wait. A
/// place goes to a newcomer only when nobody waits: those waiting come first.
pub fn decide(places: &Places, starts_at: NaiveDateTime, now: NaiveDateTime, taken: u32, waiting: u32, people: u32) -> Result<Status, Refusal> {
    match places.window(starts_at, now) {
        Window::NotYetOpen { opens_at } => return Err(Refusal::NotYetOpen { opens_at }),
        Window::Closed => return Err(Refusal::Closed),
        Window::Open => {}
    }
    place_for(places, taken, waiting, people)
}

/// Where a sign-up for `people` stands by the places alone, whenever it comes: what staff give a
/// late-comer once signing up has closed (a course begun, someone at the door).
pub fn place_for(places: &Places, taken: u32, waiting: u32, people: u32) -> Result<Status, Refusal> {
    match places.capacity {
        None => Ok(Status::Confirmed),
        Some(capacity) if waiting == 0 && taken + people <= capacity => Ok(Status::Confirmed),
        Some(_) if places.waiting_list => Ok(Status::Waiting),
        Some(_) => Err(Refusal::Full),
    }
}

/// Who moves up from the waiting list (`waiting`: each one's people, first come first), once
/// `taken` people hold a place of `capacity`: the first ones, in order, while each fits; nobody
/// passes someone before them who is waiting for two places.
pub fn promoted(capacity: Option<u32>, taken: u32, waiting: &[u32]) -> usize {
    let Some(capacity) = capacity else { return waiting.len() };
    let mut taken = taken;
    waiting
        .iter()
        .take_while(|&&people| {
            let fits = taken + people <= capacity;
            if fits {
                taken += people;
            }
            fits
        })
        .count()
}
