//! A sign-up as staff see it on an event's list, the events off whose people staff call, the
//! figures for the canton's report, and when personal data is erased.

use chrono::{Duration, NaiveDateTime};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::text::{Lang, Text};

use super::{Availability, Status};

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

    /// As staff read it in a list or a spreadsheet.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Attendance::Present, Lang::Fr) => "Présent",
            (Attendance::Present, Lang::De) => "Anwesend",
            (Attendance::Present, Lang::En) => "Present",
            (Attendance::Absent, Lang::Fr) => "Absent",
            (Attendance::Absent, Lang::De) => "Abwesend",
            (Attendance::Absent, Lang::En) => "Absent",
            (Attendance::Excused, Lang::Fr) => "Excusé",
            (Attendance::Excused, Lang::De) => "Entschuldigt",
            (Attendance::Excused, Lang::En) => "Excused",
        }
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
    /// A course's enrolment: who came to each session, in the order of `EventList::sessions`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attended: Vec<Option<Attendance>>,
}

/// A session of a course, as a column of its roster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct RosterSession {
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub starts_at: NaiveDateTime,
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub ends_at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub called_off: bool,
}

/// An event's sign-ups in numbers, for the coordinator's week at a glance: people with a place,
/// people waiting, and the sign-ups whom no e-mail reaches (staff phone them). No name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EventCounts {
    pub event: String,
    pub taken: u32,
    pub waiting: u32,
    pub to_phone: u32,
}

/// An event still to come that is off (its session taken out, its occurrence cancelled, its
/// programme or activity deleted), with the people signed up whom no e-mail told: staff call them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct EventOff {
    pub event: String,
    /// The programme's or activity's title, unless it was deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// For a course: the one session called off (the enrolment stays), when it began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<crate::schema::LocalDateTime>)]
    pub session: Option<NaiveDateTime>,
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
    /// A course's sessions, the roster's columns (each entry's `attended`); empty for one event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sessions: Vec<RosterSession>,
    pub entries: Vec<Entry>,
}

/// A programme's figures over a period, without names, for the CMS's yearly report to the
/// canton. They count people (a carer too), and stay after personal data is erased. A course's
/// enrolment counts once, however many sessions it holds; its attendance counts per session.
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
    /// The most people put on the waiting list of one session (of the course).
    pub most_waiting: u32,
    /// People ticked present at each session held, in order.
    pub present_by_session: Vec<SessionPresent>,
}

/// How many came to one session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct SessionPresent {
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub starts_at: NaiveDateTime,
    pub present: u32,
}

/// The default number of days after its event that a sign-up's personal data is kept (then
/// erased, keeping the counts); a setting of the server.
pub const KEEP_DAYS: u32 = 30;

/// At `now`, the personal data of sign-ups for events that ended at or before this is erased.
pub fn erased_if_ended_by(now: NaiveDateTime, keep_days: u32) -> NaiveDateTime {
    now - Duration::days(keep_days.into())
}
