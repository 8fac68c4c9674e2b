//! A request for a stay, from a family, a doctor or the hospital's discharge service: nothing
//! about health, the CMS calls back; and where it stands for staff, until its erasure.

use crate::parse::{Rules, Valid};
use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::contact::{is_email, is_phone};
use crate::error::{ContentError, ErrorCode, FieldError};
use crate::text::Lang;
use crate::validate::{Limit, Validator};

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
    pub fn read(&self, lang: Lang, today: NaiveDate) -> Result<Valid<StayRequest>, ContentError> {
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
            Valid::checked(request, today)
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

impl Rules for StayRequest {
    type Context = NaiveDate;

    fn check(&self, today: NaiveDate) -> Result<(), ContentError> {
        self.validate(today)
    }
}
