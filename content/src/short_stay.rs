//! Short-stay beds and the requests for them. Staff keep a calendar: each bed's days free,
//! reserved or closed, eight weeks ahead, and extra beds opened for a period when the hospitals
//! are congested. The public and partners see free beds by day and free periods by bed, never a
//! person (`Availability`); a family, a doctor or the hospital's discharge service asks for a stay
//! with `StayRequest`, which holds nothing about health: the CMS calls back.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{ContentError, ErrorCode, FieldError};
use crate::format::day_and_month;
use crate::programme::{is_email, is_phone};
use crate::residence::Address;
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

/// What the public and partners see: per bed its kind and free periods, per day the beds free
/// (extra beds counted), and the first day a bed is free. No note, no name of a person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(as = ShortStayAvailability)]
pub struct Availability {
    pub range: DateRange,
    pub beds: Vec<PublicBed>,
    pub extra: Vec<ExtraBeds>,
    pub days: Vec<FreeOnDay>,
    /// The first day with a free bed, and how many are free that day; `None`: none in the range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_free: Option<FreeOnDay>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct PublicBed {
    /// Stable while the bed is listed, so that a partner can follow it from one reading to the next.
    pub id: i64,
    pub kind: BedKind,
    pub free: Vec<DateRange>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct FreeOnDay {
    pub date: NaiveDate,
    pub free: u32,
}

impl Calendar {
    /// The calendar as the public may see it.
    pub fn public(&self) -> Availability {
        let beds: Vec<PublicBed> = self
            .beds
            .iter()
            .map(|bed| PublicBed { id: bed.id, kind: bed.kind, free: free_periods(bed.days.iter().map(|day| (day.date, day.state))) })
            .collect();
        let extra: Vec<ExtraBeds> = self.extra.iter().map(|e| ExtraBeds { from: e.from, to: e.to, count: e.count }).collect();
        let days: Vec<FreeOnDay> = self
            .range
            .days()
            .map(|date| {
                let free_beds = self.beds.iter().filter(|bed| bed.days.iter().any(|d| d.date == date && d.state == DayState::Free)).count() as u32;
                let opened: u32 = extra.iter().filter(|e| (e.from..=e.to).contains(&date)).map(|e| e.count).sum();
                FreeOnDay { date, free: free_beds + opened }
            })
            .collect();
        let next_free = days.iter().find(|day| day.free > 0).copied();
        Availability { range: self.range, beds, extra, days, next_free }
    }
}

/// The runs of free days in `days` (in date order), as inclusive ranges.
pub fn free_periods(days: impl IntoIterator<Item = (NaiveDate, DayState)>) -> Vec<DateRange> {
    let mut periods: Vec<DateRange> = Vec::new();
    for (date, state) in days {
        if state != DayState::Free {
            continue;
        }
        match periods.last_mut() {
            Some(period) if period.to + Duration::days(1) == date => period.to = date,
            _ => periods.push(DateRange::day(date)),
        }
    }
    periods
}

impl Availability {
    /// The one line that the info page, the kiosk and the print say: "2 lits libres dès le
    /// 14 décembre", "1 Bett frei ab heute", "No bed free before 27 January".
    pub fn headline(&self, today: NaiveDate, lang: Lang) -> String {
        let Some(FreeOnDay { date, free }) = self.next_free else {
            let until = day_and_month(self.range.to, lang);
            return match lang {
                Lang::Fr => format!("Aucun lit libre d'ici au {until}"),
                Lang::De => format!("Kein Bett frei bis zum {until}"),
                Lang::En => format!("No bed free before {until}"),
            };
        };
        let one = lang.takes_singular(free as usize);
        let beds = match (lang, one) {
            (Lang::Fr, true) => format!("{free} lit libre"),
            (Lang::Fr, false) => format!("{free} lits libres"),
            (Lang::De, true) => format!("{free} Bett frei"),
            (Lang::De, false) => format!("{free} Betten frei"),
            (Lang::En, true) => format!("{free} bed free"),
            (Lang::En, false) => format!("{free} beds free"),
        };
        let when = match (lang, date == today) {
            (Lang::Fr, true) => "aujourd'hui".to_string(),
            (Lang::De, true) => "ab heute".to_string(),
            (Lang::En, true) => "today".to_string(),
            (Lang::Fr, false) => format!("dès le {}", day_and_month(date, lang)),
            (Lang::De, false) => format!("ab {}", day_and_month(date, lang)),
            (Lang::En, false) => format!("from {}", day_and_month(date, lang)),
        };
        format!("{beds} {when}")
    }
}

impl Availability {
    /// The days by week, Monday first, for a table with a row per week: a day outside the range
    /// (before today, after the eighth week) is `None`.
    pub fn weeks(&self) -> Vec<[Option<FreeOnDay>; 7]> {
        let mut weeks: Vec<[Option<FreeOnDay>; 7]> = Vec::new();
        for day in &self.days {
            let weekday = day.date.weekday().num_days_from_monday() as usize;
            if weekday == 0 || weeks.is_empty() {
                weeks.push([None; 7]);
            }
            if let Some(week) = weeks.last_mut() {
                week[weekday] = Some(*day);
            }
        }
        weeks
    }
}

impl ExtraBeds {
    /// "2 lits de plus du 14 décembre au 20 décembre", said where the count is published: the period
    /// that the network's protocol opened them for.
    pub fn statement(&self, lang: Lang) -> String {
        let (from, to, count) = (day_and_month(self.from, lang), day_and_month(self.to, lang), self.count);
        match (lang, lang.takes_singular(count as usize)) {
            (Lang::Fr, true) => format!("{count} lit de plus du {from} au {to}"),
            (Lang::Fr, false) => format!("{count} lits de plus du {from} au {to}"),
            (Lang::De, true) => format!("{count} zusätzliches Bett vom {from} bis {to}"),
            (Lang::De, false) => format!("{count} zusätzliche Betten vom {from} bis {to}"),
            (Lang::En, true) => format!("{count} more bed from {from} to {to}"),
            (Lang::En, false) => format!("{count} more beds from {from} to {to}"),
        }
    }
}

/// The partners' feed (`GET /api/v1/short-stays`): who offers the beds, and their availability.
/// Several residences' feeds merge on `provider.url`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Feed {
    pub provider: Provider,
    /// The residence's day the figures are for: its first free day is counted from here.
    pub as_of: NaiveDate,
    #[serde(flatten)]
    pub availability: Availability,
}

/// The residence, as a partner files it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Provider {
    pub name: String,
    pub address: Address,
    pub phone: String,
    pub email: String,
    /// The residence's public address (`https://plantzette.example.ch`), which identifies it;
    /// `None` where the server was not told it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Always `Europe/Zurich`: the dates are the residence's.
    pub time_zone: String,
}

/// Who asks for a stay.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Asker {
    /// The person who would stay.
    Person,
    Relative,
    /// The hospital's or clinic's discharge service.
    Hospital,
    Doctor,
    Cms,
}

impl Asker {
    pub const ALL: [Asker; 5] = [Asker::Person, Asker::Relative, Asker::Hospital, Asker::Doctor, Asker::Cms];

    pub fn as_str(self) -> &'static str {
        match self {
            Asker::Person => "person",
            Asker::Relative => "relative",
            Asker::Hospital => "hospital",
            Asker::Doctor => "doctor",
            Asker::Cms => "cms",
        }
    }

    pub fn parse(value: &str) -> Option<Asker> {
        Asker::ALL.into_iter().find(|asker| asker.as_str() == value)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Asker::Person, Lang::Fr) => "La personne elle-même",
            (Asker::Person, Lang::De) => "Die Person selbst",
            (Asker::Person, Lang::En) => "The person themselves",
            (Asker::Relative, Lang::Fr) => "Un proche",
            (Asker::Relative, Lang::De) => "Eine angehörige Person",
            (Asker::Relative, Lang::En) => "A relative",
            (Asker::Hospital, Lang::Fr) => "Le service de liaison d'un hôpital ou d'une clinique",
            (Asker::Hospital, Lang::De) => "Der Sozial- oder Austrittsdienst eines Spitals oder einer Klinik",
            (Asker::Hospital, Lang::En) => "A hospital's or clinic's discharge service",
            (Asker::Doctor, Lang::Fr) => "Un médecin",
            (Asker::Doctor, Lang::De) => "Eine Ärztin, ein Arzt",
            (Asker::Doctor, Lang::En) => "A doctor",
            (Asker::Cms, Lang::Fr) => "Le CMS",
            (Asker::Cms, Lang::De) => "Das SMZ",
            (Asker::Cms, Lang::En) => "The home-care centre (CMS)",
        }
    }
}

/// Why, among a few: nothing more precise, and nothing about health.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    AfterHospital,
    CarersRest,
    Other,
}

impl Reason {
    pub const ALL: [Reason; 3] = [Reason::AfterHospital, Reason::CarersRest, Reason::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Reason::AfterHospital => "after_hospital",
            Reason::CarersRest => "carers_rest",
            Reason::Other => "other",
        }
    }

    pub fn parse(value: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|reason| reason.as_str() == value)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Reason::AfterHospital, Lang::Fr) => "Après un séjour à l'hôpital",
            (Reason::AfterHospital, Lang::De) => "Nach einem Spitalaufenthalt",
            (Reason::AfterHospital, Lang::En) => "After a hospital stay",
            (Reason::CarersRest, Lang::Fr) => "Le repos d'un proche aidant",
            (Reason::CarersRest, Lang::De) => "Entlastung pflegender Angehöriger",
            (Reason::CarersRest, Lang::En) => "A rest for a family carer",
            (Reason::Other, Lang::Fr) => "Autre raison",
            (Reason::Other, Lang::De) => "Anderer Grund",
            (Reason::Other, Lang::En) => "Another reason",
        }
    }
}

/// How far the wished dates may move.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Flexibility {
    #[default]
    Exact,
    /// A few days either way.
    Days,
    /// A week or two either way.
    Weeks,
}

impl Flexibility {
    pub const ALL: [Flexibility; 3] = [Flexibility::Exact, Flexibility::Days, Flexibility::Weeks];

    pub fn as_str(self) -> &'static str {
        match self {
            Flexibility::Exact => "exact",
            Flexibility::Days => "days",
            Flexibility::Weeks => "weeks",
        }
    }

    pub fn parse(value: &str) -> Option<Flexibility> {
        Flexibility::ALL.into_iter().find(|f| f.as_str() == value)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Flexibility::Exact, Lang::Fr) => "Dates fixes",
            (Flexibility::Exact, Lang::De) => "Feste Daten",
            (Flexibility::Exact, Lang::En) => "Fixed dates",
            (Flexibility::Days, Lang::Fr) => "À quelques jours près",
            (Flexibility::Days, Lang::De) => "Auf einige Tage genau",
            (Flexibility::Days, Lang::En) => "Give or take a few days",
            (Flexibility::Weeks, Lang::Fr) => "À une ou deux semaines près",
            (Flexibility::Weeks, Lang::De) => "Auf ein bis zwei Wochen genau",
            (Flexibility::Weeks, Lang::En) => "Give or take a week or two",
        }
    }
}

/// The request form: who asks and how to call them back, the wished dates, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct StayRequest {
    pub asker: Asker,
    /// The name of whoever asks (the daughter, the discharge nurse), to ask for on the phone.
    #[schema(max_length = 80)]
    pub name: String,
    /// The hospital, clinic or practice, for a professional.
    #[serde(default)]
    #[schema(max_length = 120)]
    pub organisation: String,
    /// A phone number or an e-mail address, at least one.
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    #[serde(default)]
    pub flexibility: Flexibility,
    pub reason: Reason,
    /// The language the CMS answers in.
    pub lang: Lang,
    /// A field people do not see and robots fill in: a request with it is dropped.
    #[serde(default)]
    pub website: String,
}

pub const ASKER_NAME: Limit = Limit::line(80);
pub const ORGANISATION: Limit = Limit::line(120);
/// How far ahead a stay may be asked for, and how long it may last.
pub const ASK_AHEAD_DAYS: i64 = 365;
pub const LONGEST_STAY_DAYS: i64 = 92;

impl StayRequest {
    /// Valid on `today`: the stay begins today or later, within a year, and lasts at most three
    /// months (a short stay: longer is an admission, asked for otherwise).
    pub fn validate(&self, today: NaiveDate) -> Result<(), ContentError> {
        let mut v = Validator::default();
        v.required("name", &self.name, ASKER_NAME);
        v.at("organisation", |v| v.within(&self.organisation, ORGANISATION));
        let (phone, email) = (self.phone.trim(), self.email.trim());
        if phone.is_empty() && email.is_empty() {
            v.at("phone", |v| v.fail(ErrorCode::PhoneOrEmail));
            v.at("email", |v| v.fail(ErrorCode::PhoneOrEmail));
        }
        v.at("phone", |v| v.check(phone.is_empty() || is_phone(phone), ErrorCode::InvalidPhone));
        v.at("email", |v| v.check(email.is_empty() || is_email(email), ErrorCode::InvalidEmail));
        let last_start = today + Duration::days(ASK_AHEAD_DAYS);
        v.at("from", |v| {
            if self.from < today {
                v.fail(ErrorCode::InThePast)
            } else {
                v.check(self.from <= last_start, ErrorCode::DateOutOfRange { min: today.to_string(), max: last_start.to_string() })
            }
        });
        let last_end = self.from + Duration::days(LONGEST_STAY_DAYS);
        v.at("to", |v| {
            if self.to <= self.from {
                v.fail(ErrorCode::EndBeforeStart)
            } else {
                v.check(self.to <= last_end, ErrorCode::DateOutOfRange { min: self.from.to_string(), max: last_end.to_string() })
            }
        });
        v.finish()
    }

    /// Whether a robot filled in the field that people do not see.
    pub fn is_from_a_robot(&self) -> bool {
        !self.website.trim().is_empty()
    }
}

/// The request form as an HTML form posts it (a page that works without JavaScript): every field
/// text, the choices by their names (`relative`, `days`, `after_hospital`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct StayRequestFields {
    pub asker: String,
    pub name: String,
    pub organisation: String,
    pub phone: String,
    pub email: String,
    pub from: String,
    pub to: String,
    pub flexibility: String,
    pub reason: String,
    pub website: String,
}

impl StayRequestFields {
    /// The fields in the form's order.
    const ORDER: [&'static str; 9] = ["asker", "name", "organisation", "phone", "email", "from", "to", "flexibility", "reason"];

    /// The request the fields say, valid on `today`, its answer in `lang`; or every field's
    /// error at once: a date not given (or not a date) and a choice not made are errors of
    /// their own field, beside the rules' errors of the others.
    pub fn read(&self, lang: Lang, today: NaiveDate) -> Result<StayRequest, ContentError> {
        let asker = Asker::parse(self.asker.trim());
        let from = self.from.trim().parse::<NaiveDate>().ok();
        let to = self.to.trim().parse::<NaiveDate>().ok();
        // Not chosen: the dates are as given.
        let flexibility = match self.flexibility.trim() {
            "" => Some(Flexibility::default()),
            chosen => Flexibility::parse(chosen),
        };
        let reason = Reason::parse(self.reason.trim());
        let unread: Vec<FieldError> = [
            ("asker", asker.is_none()),
            ("from", from.is_none()),
            ("to", to.is_none()),
            ("flexibility", flexibility.is_none()),
            ("reason", reason.is_none()),
        ]
        .into_iter()
        .filter(|(_, unread)| *unread)
        .map(|(field, _)| FieldError { field: field.to_string(), code: ErrorCode::Required })
        .collect();
        let request = StayRequest {
            asker: asker.unwrap_or(Asker::Person),
            name: self.name.clone(),
            organisation: self.organisation.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            from: from.unwrap_or(today),
            to: to.unwrap_or(today),
            flexibility: flexibility.unwrap_or_default(),
            reason: reason.unwrap_or(Reason::Other),
            lang,
            website: self.website.clone(),
        };
        // A field that could not be read has its own error; the rules' error for its stand-in
        // value does not stand beside it.
        let ruled = request.validate(today).err().map_or_else(Vec::new, |invalid| invalid.errors);
        let ruled = ruled.into_iter().filter(|error| !unread.iter().any(|unread| unread.field == error.field));
        let mut errors: Vec<FieldError> = unread.iter().cloned().chain(ruled).collect();
        // In the form's order: the first one wrong is the one a reader meets first.
        errors.sort_by_key(|error| Self::ORDER.iter().position(|field| *field == error.field));
        if errors.is_empty() {
            Ok(request)
        } else {
            Err(ContentError { errors })
        }
    }
}

/// What the request form says before anything is sent: the days a request's personal data is
/// kept after it is closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RequestTerms {
    pub kept_days: u32,
}

/// Where a request stands. `New` until the CMS has called back; closed once accepted or declined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    New,
    Answered,
    Accepted,
    Declined,
}

impl RequestStatus {
    pub const ALL: [RequestStatus; 4] = [RequestStatus::New, RequestStatus::Answered, RequestStatus::Accepted, RequestStatus::Declined];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::New => "new",
            RequestStatus::Answered => "answered",
            RequestStatus::Accepted => "accepted",
            RequestStatus::Declined => "declined",
        }
    }

    pub fn parse(value: &str) -> Option<RequestStatus> {
        RequestStatus::ALL.into_iter().find(|status| status.as_str() == value)
    }

    pub fn is_closed(self) -> bool {
        matches!(self, RequestStatus::Accepted | RequestStatus::Declined)
    }
}

/// Days a closed request's personal data is kept, by default.
pub const REQUESTS_KEPT_DAYS: u32 = 30;

/// Whether a request closed at `closed_at` is to be erased at `now`, keeping `kept_days`.
pub fn request_erased_by(closed_at: NaiveDateTime, now: NaiveDateTime, kept_days: u32) -> bool {
    now >= closed_at + Duration::days(kept_days.into())
}

/// A request as staff see it. The personal fields are `None` once erased.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RequestEntry {
    pub id: i64,
    pub status: RequestStatus,
    pub asker: Asker,
    pub name: Option<String>,
    pub organisation: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub flexibility: Flexibility,
    pub reason: Reason,
    pub lang: Lang,
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub received_at: NaiveDateTime,
    /// When it was first answered (or closed); `None`: still waiting.
    #[schema(value_type = Option<crate::schema::LocalDateTime>)]
    pub answered_at: Option<NaiveDateTime>,
    /// Minutes it waited for an answer, or has waited until now.
    pub waited_minutes: i64,
}

/// Minutes from `received_at` to its first answer, or to `now` for one still waiting.
pub fn waited_minutes(received_at: NaiveDateTime, answered_at: Option<NaiveDateTime>, now: NaiveDateTime) -> i64 {
    (answered_at.unwrap_or(now) - received_at).num_minutes().max(0)
}

#[cfg(test)]
mod tests;
