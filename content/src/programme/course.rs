//! A programme is signed up for per session (drop-in: a memory café, where each date stands on
//! its own) or once for all its sessions (a course: six weeks of exercises that build on each
//! other, one place throughout, one waiting list, the price for the course).

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Programme, Session};
use crate::sign_up::{Places, Window};

/// How people sign up for a programme's sessions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Enrolment {
    /// Each session on its own, with its own places (`Session::places`).
    #[default]
    DropIn,
    /// One enrolment for every session: the places, the waiting list and the price are the
    /// course's. `places`: `None` to sign up by phone only. Signing up closes when the first
    /// session begins, unless staff set another time (`Places::closes_at`).
    Course {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        places: Option<Places>,
    },
}

impl Enrolment {
    pub fn is_drop_in(&self) -> bool {
        *self == Enrolment::DropIn
    }

    pub fn is_course(&self) -> bool {
        !self.is_drop_in()
    }
}

impl Programme {
    /// The sessions that take place (not called off), in order.
    pub fn held_sessions(&self) -> Vec<&Session> {
        let mut held: Vec<&Session> = self.sessions.iter().filter(|s| !s.called_off).collect();
        held.sort_by_key(|s| s.starts_at);
        held
    }

    /// Every session in order, called off or not.
    pub fn sessions_in_order(&self) -> Vec<&Session> {
        let mut sessions: Vec<&Session> = self.sessions.iter().collect();
        sessions.sort_by_key(|s| s.starts_at);
        sessions
    }

    /// The places of the course, if this is a course that takes sign-ups on line.
    pub fn course_places(&self) -> Option<Places> {
        match self.enrolment {
            Enrolment::Course { places } => places,
            Enrolment::DropIn => None,
        }
    }

    /// When the course begins and ends: its first session held and its last.
    pub fn course_span(&self) -> Option<(NaiveDateTime, NaiveDateTime)> {
        let held = self.held_sessions();
        Some((held.first()?.starts_at, held.iter().map(|s| s.ends_at).max()?))
    }

    /// Whether signing up for the course is open at `now`.
    pub fn course_window(&self, now: NaiveDateTime) -> Option<Window> {
        let (starts_at, _) = self.course_span()?;
        Some(self.course_places()?.window(starts_at, now))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::item::Content;
    use crate::text::Text;
    use crate::{Audience, Contact, Price, Topic};

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn session(day: &str, called_off: bool) -> Session {
        let place = Text::fr("CMS");
        Session { starts_at: at(&format!("{day} 14:00")), ends_at: at(&format!("{day} 15:30")), place, places: None, called_off }
    }

    fn course(sessions: Vec<Session>, places: Option<Places>) -> Programme {
        Programme {
            title: Text::fr("Équilibre et force"),
            summary: Text::fr("Six séances."),
            description: None,
            topic: Topic::Falls,
            audiences: vec![Audience::SeniorsAtHome],
            sessions,
            enrolment: Enrolment::Course { places },
            contact: Contact { name: "Infirmière".into(), phone: "+41 27 455 00 00".into(), email: "prevention@example.ch".into() },
            price: Price { centimes: 6000, note: None },
        }
    }

    const TWELVE: Places = Places { capacity: Some(12), opens_at: None, closes_at: None, waiting_list: true };

    #[test]
    fn a_course_spans_its_sessions_held_and_closes_when_it_begins() {
        let programme = course(vec![session("2027-01-14", false), session("2027-01-07", true), session("2027-01-21", false)], Some(TWELVE));
        assert_eq!(programme.course_span(), Some((at("2027-01-14 14:00"), at("2027-01-21 15:30"))));
        assert_eq!(programme.course_window(at("2027-01-14 13:59")), Some(Window::Open));
        assert_eq!(programme.course_window(at("2027-01-14 14:00")), Some(Window::Closed));
        assert_eq!(programme.held_sessions().len(), 2);
    }

    #[test]
    fn a_course_counts_no_places_per_session() {
        let mut programme = course(vec![session("2027-01-07", false)], Some(TWELVE));
        assert!(programme.validate().is_ok());
        programme.sessions[0].places = Some(TWELVE);
        assert!(programme.validate().unwrap_err().has("sessions[0].places", &crate::ErrorCode::PlacesOfTheCourse));
    }

    #[test]
    fn a_drop_in_programme_reads_and_writes_as_before() {
        let mut programme = course(vec![session("2027-01-07", false)], None);
        programme.enrolment = Enrolment::DropIn;
        let json = serde_json::to_value(&programme).unwrap();
        assert!(json.get("enrolment").is_none() && json["sessions"][0].get("called_off").is_none());
        let course = serde_json::to_value(course(vec![], Some(TWELVE))).unwrap();
        assert_eq!(course["enrolment"]["kind"], "course");
        assert_eq!(course["enrolment"]["places"]["capacity"], 12);
    }
}
