//! Signing up for a dated event: a prevention session or an occurrence of an activity "sur
//! inscription". What the form sends (`SignUp`) and its validation, the places an event offers
//! (`Places`), where a new sign-up stands (`decide`) and who moves up when a place is given back
//! (`promoted`). Pure logic: the server runs it inside one write transaction, so that two
//! sign-ups can never take the same place.
//!
//! Places count people: a senior coming with a carer takes two.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{ContentError, ErrorCode};
use crate::format::{day_and_month, time};
use crate::programme::{is_email, is_phone};
use crate::text::{Lang, Text};
use crate::validate::{Limit, Validator};

pub mod message;

/// The event signed up for, named as in its address: the session of programme 3 that begins at
/// a time (`programmes/3/2026-12-10T14:00`) or the occurrence of activity 5 on a day
/// (`activities/5/2026-12-10`). A session by its start, not its rank: a session added or taken
/// out before it must not hand its people to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventRef {
    Session { programme_id: i64, starts_at: NaiveDateTime },
    Occurrence { activity_id: i64, date: NaiveDate },
}

impl EventRef {
    /// The event's key, as stored and as written in addresses.
    pub fn key(&self) -> String {
        match self {
            EventRef::Session { programme_id, starts_at } => format!("programmes/{programme_id}/{}", starts_at.format("%Y-%m-%dT%H:%M")),
            EventRef::Occurrence { activity_id, date } => format!("activities/{activity_id}/{date}"),
        }
    }

    /// Reads a key written by `key`; anything else is `None`.
    pub fn parse(key: &str) -> Option<EventRef> {
        let mut parts = key.split('/');
        let event = match (parts.next()?, parts.next()?.parse::<i64>().ok()?, parts.next()?) {
            ("programmes", programme_id, starts_at) => {
                EventRef::Session { programme_id, starts_at: NaiveDateTime::parse_from_str(starts_at, "%Y-%m-%dT%H:%M").ok()? }
            }
            ("activities", activity_id, date) => EventRef::Occurrence { activity_id, date: date.parse().ok()? },
            _ => return None,
        };
        parts.next().is_none().then_some(event)
    }
}

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

/// The fields of the sign-up form, as little as serves: who, how to reach them, how many.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SignUp {
    #[schema(max_length = 80)]
    pub name: String,
    /// A phone number or an e-mail address, at least one.
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    /// The person, and a carer coming with them.
    #[schema(minimum = 1, maximum = 2)]
    pub people: u32,
    /// At most 200 characters, and no health information (the form says so).
    #[serde(default)]
    #[schema(max_length = 200)]
    pub note: String,
    /// The language of the messages the person gets.
    pub lang: Lang,
    /// A field people do not see and robots fill in: a sign-up with it is dropped.
    #[serde(default)]
    pub website: String,
}

pub const NAME: Limit = Limit::line(80);
pub const NOTE: Limit = Limit::paragraphs(200);
pub const MAX_PEOPLE: u32 = 2;

impl SignUp {
    /// The form's rules where the residence answers by e-mail or by phone.
    pub fn validate(&self) -> Result<(), ContentError> {
        self.validate_for(true)
    }

    /// The form's rules where the residence sends e-mail (`by_mail`: a mail relay) or not: then
    /// it confirms by phone, and a number is needed. Nobody is promised a call that no number
    /// makes possible.
    pub fn validate_for(&self, by_mail: bool) -> Result<(), ContentError> {
        let mut v = Validator::default();
        v.required("name", &self.name, NAME);
        let (phone, email) = (self.phone.trim(), self.email.trim());
        if !by_mail && phone.is_empty() {
            v.at("phone", |v| v.fail(ErrorCode::PhoneNeeded));
        } else if phone.is_empty() && email.is_empty() {
            v.at("phone", |v| v.fail(ErrorCode::PhoneOrEmail));
            v.at("email", |v| v.fail(ErrorCode::PhoneOrEmail));
        }
        v.at("phone", |v| v.check(phone.is_empty() || is_phone(phone), ErrorCode::InvalidPhone));
        v.at("email", |v| v.check(email.is_empty() || is_email(email), ErrorCode::InvalidEmail));
        v.at("people", |v| v.check((1..=MAX_PEOPLE).contains(&self.people), ErrorCode::NumberOutOfRange { min: 1, max: MAX_PEOPLE.into() }));
        v.at("note", |v| v.within(&self.note, NOTE));
        v.finish()
    }

    /// Whether a robot filled in the field that people do not see.
    pub fn is_from_a_robot(&self) -> bool {
        !self.website.trim().is_empty()
    }

    /// What makes two sign-ups the same person's: the e-mail address in lower case, else the
    /// phone number's digits (so that "079 123 45 67" and "+41791234567" differ, but spacing
    /// does not). Two sign-ups of one contact for one event are one.
    pub fn contact_key(&self) -> String {
        let email = self.email.trim().to_lowercase();
        if email.is_empty() {
            let digits: String = self.phone.chars().filter(char::is_ascii_digit).collect();
            format!("phone:{digits}")
        } else {
            format!("email:{email}")
        }
    }
}

/// The sign-up form as an HTML form posts it (a page that works without JavaScript): every field
/// text, the radio button of the people coming `1` or `2`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct SignUpFields {
    pub name: String,
    pub phone: String,
    pub email: String,
    pub people: String,
    pub note: String,
    pub website: String,
}

impl SignUpFields {
    /// The sign-up the fields say, its messages in `lang` (to be validated as any other): the
    /// person alone unless a carer is chosen; a number that is not one is out of range.
    pub fn read(&self, lang: Lang) -> SignUp {
        let people = match self.people.trim() {
            "" => 1,
            people => people.parse().unwrap_or(0),
        };
        SignUp {
            name: self.name.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            people,
            note: self.note.clone(),
            lang,
            website: self.website.clone(),
        }
    }
}

/// Where a sign-up stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Confirmed,
    Waiting,
    Cancelled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Waiting => "waiting",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(value: &str) -> Option<Status> {
        [Status::Confirmed, Status::Waiting, Status::Cancelled].into_iter().find(|s| s.as_str() == value)
    }
}

/// Why a sign-up gets no place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Refusal {
    NotYetOpen {
        #[schema(value_type = crate::schema::LocalDateTime)]
        opens_at: NaiveDateTime,
    },
    Closed,
    /// Every place taken and no waiting list.
    Full,
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

/// The answer to a sign-up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SignUpAnswer {
    pub event: String,
    pub status: Status,
    /// The rank on the waiting list, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    /// The private link's token, to see or cancel the sign-up: given once, with a new sign-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// This contact had signed up for this event already: that sign-up, as it stands.
    pub already: bool,
    /// A message is on its way to the e-mail address given; otherwise the residence will call.
    pub emailed: bool,
}

/// A sign-up as its private link shows it to the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct MySignUp {
    pub event: String,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    pub name: String,
    pub people: u32,
    pub lang: Lang,
}

/// Whether someone signed up came, ticked by staff on the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Attendance {
    Present,
    Absent,
    /// Absent, and said so beforehand.
    Excused,
}

impl Attendance {
    pub fn as_str(self) -> &'static str {
        match self {
            Attendance::Present => "present",
            Attendance::Absent => "absent",
            Attendance::Excused => "excused",
        }
    }

    pub fn parse(value: &str) -> Option<Attendance> {
        [Attendance::Present, Attendance::Absent, Attendance::Excused].into_iter().find(|a| a.as_str() == value)
    }
}

/// One sign-up on the staff's list of an event. Its personal data is `None` once erased.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Entry {
    pub id: i64,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub note: Option<String>,
    pub people: u32,
    pub lang: Lang,
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attendance: Option<Attendance>,
    /// The staff member who signed the person up, for someone who phoned or came to the desk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_staff: Option<String>,
    /// No e-mail address to write to: staff phone the person (to confirm, to tell of a change).
    pub to_phone: bool,
}

/// An event still to come that is off (its session taken out, its occurrence cancelled, its
/// programme or activity deleted), with the people signed up whom no e-mail told: staff call them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EventOff {
    pub event: String,
    /// The programme's or activity's title, unless it was deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    pub to_call: Vec<Entry>,
}

/// The staff's list of an event: its figures and everyone signed up, in order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EventList {
    pub event: String,
    pub title: Text,
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub starts_at: NaiveDateTime,
    pub figures: Availability,
    pub entries: Vec<Entry>,
}

/// A programme's figures over a period, without names, for the CMS's yearly report to the
/// canton. They count people (a carer too), and stay after personal data is erased.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ProgrammeFigures {
    pub programme_id: i64,
    pub title: Text,
    /// Sessions of the period that took sign-ups and have ended.
    pub sessions_held: u32,
    /// Sign-ups not cancelled.
    pub sign_ups: u32,
    /// People with a confirmed place.
    pub places_taken: u32,
    /// People ticked present, and people whose attendance was ticked at all: the attendance rate
    /// is the one over the other.
    pub present: u32,
    pub ticked: u32,
    /// The most people put on the waiting list of one session.
    pub most_waiting: u32,
}

/// The default number of days after its event that a sign-up's personal data is kept (then
/// erased, keeping the counts); a setting of the server.
pub const KEEP_DAYS: u32 = 30;

/// At `now`, the personal data of sign-ups for events that ended at or before this is erased.
pub fn erased_if_ended_by(now: NaiveDateTime, keep_days: u32) -> NaiveDateTime {
    now - Duration::days(keep_days.into())
}

#[cfg(test)]
mod tests;
