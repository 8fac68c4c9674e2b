//! Prevention programmes of the home-care centre (CMS): falls, memory, nutrition, carers' support,
//! for residents, seniors living at home and their carers.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::contact::{is_email, is_phone};
use crate::error::ErrorCode;
use crate::item::Content;
use crate::schedule::DateRange;
use crate::sign_up::Places;
use crate::text::{Lang, Text};
use crate::validate::{Validator, BODY, PLACE, SUMMARY, TITLE};

mod course;

pub use course::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Falls,
    Memory,
    Nutrition,
    CarersSupport,
    Health,
}

impl Topic {
    pub const ALL: [Topic; 5] = [Topic::Falls, Topic::Memory, Topic::Nutrition, Topic::CarersSupport, Topic::Health];

    pub fn label(self, lang: Lang) -> &'static str {
        use Topic::*;
        match (self, lang) {
            (Falls, Lang::Fr) => "Prévention des chutes",
            (Falls, Lang::De) => "Sturzprävention",
            (Falls, Lang::En) => "Falls prevention",
            (Memory, Lang::Fr) => "Mémoire",
            (Memory, Lang::De) => "Gedächtnis",
            (Memory, Lang::En) => "Memory",
            (Nutrition, Lang::Fr) => "Alimentation",
            (Nutrition, Lang::De) => "Ernährung",
            (Nutrition, Lang::En) => "Nutrition",
            (CarersSupport, Lang::Fr) => "Soutien aux proches aidants",
            (CarersSupport, Lang::De) => "Unterstützung pflegender Angehöriger",
            (CarersSupport, Lang::En) => "Support for carers",
            (Health, Lang::Fr) => "Santé",
            (Health, Lang::De) => "Gesundheit",
            (Health, Lang::En) => "Health",
        }
    }
}

/// Who a programme is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Residents,
    SeniorsAtHome,
    Carers,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Residents, Audience::SeniorsAtHome, Audience::Carers];

    pub fn label(self, lang: Lang) -> &'static str {
        use Audience::*;
        match (self, lang) {
            (Residents, Lang::Fr) => "Résidents",
            (Residents, Lang::De) => "Bewohnerinnen und Bewohner",
            (Residents, Lang::En) => "Residents",
            (SeniorsAtHome, Lang::Fr) => "Seniors vivant à domicile",
            (SeniorsAtHome, Lang::De) => "Seniorinnen und Senioren zu Hause",
            (SeniorsAtHome, Lang::En) => "Seniors living at home",
            (Carers, Lang::Fr) => "Proches aidants",
            (Carers, Lang::De) => "Pflegende Angehörige",
            (Carers, Lang::En) => "Family carers",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Session {
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub starts_at: NaiveDateTime,
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub ends_at: NaiveDateTime,
    pub place: Text,
    /// Signing up on line for this session alone (a drop-in programme's); `None`: by phone to
    /// the contact only, or with the course (`Enrolment::Course`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<Places>,
    /// Called off (the nurse is ill): kept in the list, struck out, and the people signed up told.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub called_off: bool,
}

/// Whom to call or write to for registration.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Contact {
    pub name: String,
    pub phone: String,
    pub email: String,
}

/// The price for a participant, in centimes; zero is free.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Price {
    pub centimes: u32,
    /// What the price covers or who pays it ("for the 8 sessions", "covered by basic insurance").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Programme {
    pub title: Text,
    pub summary: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    pub topic: Topic,
    pub audiences: Vec<Audience>,
    pub sessions: Vec<Session>,
    /// Signing up per session (drop-in, the default) or once for them all (a course).
    #[serde(default, skip_serializing_if = "Enrolment::is_drop_in")]
    pub enrolment: Enrolment,
    pub contact: Contact,
    pub price: Price,
}

impl Programme {
    /// The first session at or after `now` that is not called off.
    pub fn next_session(&self, now: NaiveDateTime) -> Option<&Session> {
        self.sessions.iter().filter(|s| s.ends_at > now && !s.called_off).min_by_key(|s| s.starts_at)
    }
}

impl Content for Programme {
    const COLLECTION: &'static str = "programmes";

    fn check(&self, v: &mut Validator) {
        v.text("title", &self.title, TITLE);
        v.text("summary", &self.summary, SUMMARY);
        v.optional_text("description", self.description.as_ref(), BODY);
        v.at("audiences", |v| v.check(!self.audiences.is_empty(), ErrorCode::Required));
        v.at("sessions", |v| {
            v.check(!self.sessions.is_empty(), ErrorCode::Required);
            for (index, session) in self.sessions.iter().enumerate() {
                v.at(format!("[{index}]"), |v| {
                    v.date("starts_at", session.starts_at.date());
                    v.date("ends_at", session.ends_at.date());
                    v.at("ends_at", |v| v.check(session.ends_at > session.starts_at, ErrorCode::EndBeforeStart));
                    v.text("place", &session.place, PLACE);
                    if let Some(places) = &session.places {
                        v.at("places", |v| places.check(v));
                        v.at("places", |v| v.check(!self.enrolment.is_course(), ErrorCode::PlacesOfTheCourse));
                    }
                });
            }
        });
        if let Enrolment::Course { places: Some(places) } = &self.enrolment {
            v.at("enrolment.places", |v| places.check(v));
        }
        v.at("contact", |v| check_contact(&self.contact, v));
        v.at("price", |v| {
            v.at("centimes", |v| v.check(self.price.centimes <= 1_000_000, ErrorCode::NumberOutOfRange { min: 0, max: 1_000_000 }));
            v.optional_text("note", self.price.note.as_ref(), TITLE);
        });
    }

    fn last_day_field(&self) -> &'static str {
        "sessions"
    }

    fn span(&self) -> Option<DateRange> {
        let first = self.sessions.iter().map(|s| s.starts_at.date()).min()?;
        let last = self.sessions.iter().map(|s| s.ends_at.date()).max()?;
        Some(DateRange { from: first, to: last })
    }
}

/// Checks a contact's name, phone (digits, spaces, `+`) and e-mail (one `@`, a dotted domain).
pub fn check_contact(contact: &Contact, v: &mut Validator) {
    v.required("name", &contact.name, TITLE);
    v.at("phone", |v| v.check(is_phone(&contact.phone), ErrorCode::InvalidPhone));
    v.at("email", |v| v.check(is_email(&contact.email), ErrorCode::InvalidEmail));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(start: &str, end: &str) -> Session {
        let at = |t: &str| NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M").unwrap();
        Session { starts_at: at(start), ends_at: at(end), place: Text::fr("CMS de Sierre"), places: None, called_off: false }
    }

    fn programme() -> Programme {
        Programme {
            title: Text::fr_de("Équilibre en marche", "Gleichgewicht im Gehen"),
            summary: Text::fr("Huit séances pour prévenir les chutes."),
            description: None,
            topic: Topic::Falls,
            audiences: vec![Audience::SeniorsAtHome],
            sessions: vec![session("2026-12-01 14:00", "2026-12-01 15:30"), session("2026-11-24 14:00", "2026-11-24 15:30")],
            enrolment: Enrolment::DropIn,
            contact: Contact { name: "Infirmière de prévention".into(), phone: "+41 27 455 00 00".into(), email: "prevention@example.ch".into() },
            price: Price { centimes: 8000, note: None },
        }
    }

    #[test]
    fn next_session_is_the_earliest_not_yet_over() {
        let now = NaiveDateTime::parse_from_str("2026-11-24 15:00", "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(programme().next_session(now).unwrap().starts_at.date().to_string(), "2026-11-24");
        let later = NaiveDateTime::parse_from_str("2026-11-25 08:00", "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(programme().next_session(later).unwrap().starts_at.date().to_string(), "2026-12-01");
    }

    #[test]
    fn span_covers_every_session() {
        let span = programme().span().unwrap();
        assert_eq!((span.from.to_string(), span.to.to_string()), ("2026-11-24".into(), "2026-12-01".into()));
    }

    #[test]
    fn programme_with_bad_contact_and_no_session_is_rejected_field_by_field() {
        let mut programme = programme();
        programme.sessions.clear();
        programme.contact.phone = "call us".into();
        programme.contact.email = "prevention.example.ch".into();
        let error = programme.validate().unwrap_err();
        assert!(error.has("sessions", &ErrorCode::Required));
        assert!(error.has("contact.phone", &ErrorCode::InvalidPhone));
        assert!(error.has("contact.email", &ErrorCode::InvalidEmail));
    }

    #[test]
    fn a_line_break_in_a_title_or_a_place_is_rejected() {
        let mut programme = programme();
        programme.title.fr = "Équilibre\r\nen marche".into();
        programme.sessions[0].place = Text::fr_de("CMS", "GSZ\nSiders");
        programme.contact.name = "Infirmière\nde prévention".into();
        let error = programme.validate().unwrap_err();
        assert!(error.has("title.fr", &ErrorCode::LineBreak), "{error:?}");
        assert!(error.has("sessions[0].place.de", &ErrorCode::LineBreak), "{error:?}");
        assert!(error.has("contact.name", &ErrorCode::LineBreak), "{error:?}");
        programme.summary.fr = "Huit séances.\n\nInscription au CMS.".into();
        assert!(!programme.validate().unwrap_err().errors.iter().any(|e| e.field == "summary.fr"), "a summary keeps its paragraphs");
    }
}
