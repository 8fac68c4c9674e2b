//! The sign-up form: what it sends, as JSON or as an HTML form, and its rules.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::contact::{is_email, is_phone};
use crate::error::{ContentError, ErrorCode};
use crate::parse::{Rules, Valid};
use crate::text::Lang;
use crate::validate::{Limit, Validator};

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

/// How the residence confirms a sign-up: by e-mail or by phone where it has a mail relay, else
/// by phone only, and then a number is needed: nobody is promised a call that no number makes
/// possible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirms {
    ByMailOrPhone,
    ByPhone,
}

impl Rules for SignUp {
    type Context = Confirms;

    fn check(&self, confirms: Confirms) -> Result<(), ContentError> {
        let mut v = Validator::default();
        v.required("name", &self.name, NAME);
        let (phone, email) = (self.phone.trim(), self.email.trim());
        if confirms == Confirms::ByPhone && phone.is_empty() {
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
}

impl SignUp {
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
    /// The sign-up the fields say, its messages in `lang`, checked as any other (`Confirms`): the
    /// person alone unless a carer is chosen; a number that is not one is out of range.
    pub fn read(&self, lang: Lang, confirms: Confirms) -> Result<Valid<SignUp>, ContentError> {
        let people = match self.people.trim() {
            "" => 1,
            people => people.parse().unwrap_or(0),
        };
        let sign_up = SignUp {
            name: self.name.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            people,
            note: self.note.clone(),
            lang,
            website: self.website.clone(),
        };
        Valid::checked(sign_up, confirms)
    }
}
