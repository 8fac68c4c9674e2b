//! The beds' calendar as staff keep it: each bed's days free, reserved or closed, eight weeks
//! ahead, and the extra beds opened for a period when the hospitals are congested.

use crate::parse::Rules;
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{ContentError, ErrorCode};
use crate::schedule::DateRange;
use crate::text::Lang;
use crate::validate::{Limit, Validator};

/// How far ahead the calendar reaches: eight weeks from today.
pub const HORIZON_DAYS: i64 = 56;

/// The calendar's days from `today`, today included.
pub fn horizon(today: NaiveDate) -> DateRange {
    DateRange { from: today, to: today + Duration::days(HORIZON_DAYS - 1) }
}

/// What a hospital's bed manager asks first: a room of one's own or a bed in a shared room.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BedKind {
    SingleRoom,
    SharedRoom,
}

impl BedKind {
    pub const ALL: [BedKind; 2] = [BedKind::SingleRoom, BedKind::SharedRoom];

    pub fn as_str(self) -> &'static str {
        match self {
            BedKind::SingleRoom => "single_room",
            BedKind::SharedRoom => "shared_room",
        }
    }

    pub fn parse(value: &str) -> Option<BedKind> {
        BedKind::ALL.into_iter().find(|kind| kind.as_str() == value)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (BedKind::SingleRoom, Lang::Fr) => "Chambre individuelle",
            (BedKind::SingleRoom, Lang::De) => "Einzelzimmer",
            (BedKind::SingleRoom, Lang::En) => "Single room",
            (BedKind::SharedRoom, Lang::Fr) => "Lit en chambre double",
            (BedKind::SharedRoom, Lang::De) => "Bett im Zweibettzimmer",
            (BedKind::SharedRoom, Lang::En) => "Bed in a shared room",
        }
    }
}

/// A short-stay bed as staff name it ("Chambre 12, fenêtre").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Bed {
    pub name: String,
    pub kind: BedKind,
}

pub const BED_NAME: Limit = Limit::line(60);
/// A note on reserved days: who, as initials at most ("M.B."); never shown outside the editor.
pub const DAY_NOTE: Limit = Limit::line(12);
/// Beds a residence may list, and extra beds it may open at once.
pub const MAX_BEDS: u32 = 40;

impl Bed {
    pub fn validate(&self) -> Result<(), ContentError> {
        let mut v = Validator::default();
        v.required("name", &self.name, BED_NAME);
        v.finish()
    }
}

/// One bed's state on one day.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DayState {
    #[default]
    Free,
    Reserved,
    /// Not to be given: works, cleaning, staff shortage.
    Closed,
}

impl DayState {
    pub const ALL: [DayState; 3] = [DayState::Free, DayState::Reserved, DayState::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            DayState::Free => "free",
            DayState::Reserved => "reserved",
            DayState::Closed => "closed",
        }
    }

    pub fn parse(value: &str) -> Option<DayState> {
        DayState::ALL.into_iter().find(|state| state.as_str() == value)
    }
}

/// Staff setting a range of one bed's days, as a drag or two taps across the calendar do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DaysChange {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub state: DayState,
    /// Initials at most, for a reserved day; dropped for a free one.
    #[serde(default)]
    pub note: String,
    /// The reserved days that staff were shown and agreed to change (`replacing.rs`): a booking
    /// in the range that is not listed, made meanwhile at another desk, is refused.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replacing: Vec<NaiveDate>,
}

impl DaysChange {
    /// Valid when the range is within the calendar that begins `today`, in order.
    pub fn validate(&self, today: NaiveDate) -> Result<(), ContentError> {
        let mut v = Validator::default();
        check_period(&mut v, self.from, self.to, today);
        v.at("note", |v| v.within(&self.note, DAY_NOTE));
        v.finish()
    }
}

/// Extra beds opened for a period, under the hospital network's protocol for congestion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ExtraBeds {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub count: u32,
}

impl ExtraBeds {
    pub fn validate(&self, today: NaiveDate) -> Result<(), ContentError> {
        let mut v = Validator::default();
        check_period(&mut v, self.from, self.to, today);
        v.at("count", |v| v.check((1..=MAX_BEDS).contains(&self.count), ErrorCode::NumberOutOfRange { min: 1, max: MAX_BEDS.into() }));
        v.finish()
    }
}

/// `from` to `to` in order and inside the calendar: from today to the horizon.
fn check_period(v: &mut Validator, from: NaiveDate, to: NaiveDate, today: NaiveDate) {
    let calendar = horizon(today);
    let in_calendar = ErrorCode::DateOutOfRange { min: calendar.from.to_string(), max: calendar.to.to_string() };
    v.at("from", |v| if from < today { v.fail(ErrorCode::InThePast) } else { v.check(from <= calendar.to, in_calendar.clone()) });
    v.at("to", |v| if to < from { v.fail(ErrorCode::EndBeforeStart) } else { v.check(to <= calendar.to, in_calendar) });
}

/// One bed's calendar, as staff see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct BedCalendar {
    pub id: i64,
    pub name: String,
    pub kind: BedKind,
    /// One entry per day of the calendar, in order.
    pub days: Vec<BedDay>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct BedDay {
    pub date: NaiveDate,
    pub state: DayState,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The editor's calendar: every bed, every day of the horizon, and the extra beds opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Calendar {
    pub range: DateRange,
    pub beds: Vec<BedCalendar>,
    pub extra: Vec<ExtraPeriod>,
}

/// Extra beds opened, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ExtraPeriod {
    pub id: i64,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub count: u32,
}

impl Rules for Bed {
    type Context = ();

    fn check(&self, _: ()) -> Result<(), ContentError> {
        self.validate()
    }
}

impl Rules for DaysChange {
    type Context = NaiveDate;

    fn check(&self, today: NaiveDate) -> Result<(), ContentError> {
        self.validate(today)
    }
}

impl Rules for ExtraBeds {
    type Context = NaiveDate;

    fn check(&self, today: NaiveDate) -> Result<(), ContentError> {
        self.validate(today)
    }
}
