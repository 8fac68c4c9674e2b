//! Announcements shown on the kiosk and at the top of the family pages for a period of time.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ErrorCode;
use crate::item::Content;
use crate::schedule::DateRange;
use crate::text::{Lang, Text};
use crate::validate::{Validator, SUMMARY};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    #[default]
    Normal,
    Important,
    /// Takes a banner on every screen until it expires (visits suspended, say).
    Urgent,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::Normal, Priority::Important, Priority::Urgent];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Normal => "normal",
            Priority::Important => "important",
            Priority::Urgent => "urgent",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Priority::Normal, Lang::Fr) => "Normale",
            (Priority::Normal, Lang::De) => "Normal",
            (Priority::Normal, Lang::En) => "Normal",
            (Priority::Important, Lang::Fr) => "Importante",
            (Priority::Important, Lang::De) => "Wichtig",
            (Priority::Important, Lang::En) => "Important",
            (Priority::Urgent, Lang::Fr) => "Urgente (bandeau sur tous les écrans)",
            (Priority::Urgent, Lang::De) => "Dringend (Banner auf allen Bildschirmen)",
            (Priority::Urgent, Lang::En) => "Urgent (a banner on every screen)",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Announcement {
    pub text: Text,
    #[serde(default)]
    pub priority: Priority,
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub shown_from: NaiveDateTime,
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub shown_until: NaiveDateTime,
}

impl Announcement {
    pub fn is_shown_at(&self, now: NaiveDateTime) -> bool {
        self.shown_from <= now && now < self.shown_until
    }
}

impl Content for Announcement {
    const COLLECTION: &'static str = "announcements";

    fn check(&self, v: &mut Validator) {
        v.text("text", &self.text, SUMMARY);
        v.date("shown_from", self.shown_from.date());
        v.date("shown_until", self.shown_until.date());
        v.at("shown_until", |v| v.check(self.shown_until > self.shown_from, ErrorCode::EndBeforeStart));
    }

    fn last_day_field(&self) -> &'static str {
        "shown_until"
    }

    fn span(&self) -> Option<DateRange> {
        Some(DateRange { from: self.shown_from.date(), to: self.shown_until.date().max(self.shown_from.date()) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn announcement_is_shown_from_its_start_until_just_before_its_end() {
        let announcement = Announcement {
            text: Text::fr("Marché de Noël"),
            priority: Priority::Normal,
            shown_from: at("2026-11-20 08:00"),
            shown_until: at("2026-11-29 20:00"),
        };
        assert!(!announcement.is_shown_at(at("2026-11-20 07:59")));
        assert!(announcement.is_shown_at(at("2026-11-20 08:00")));
        assert!(!announcement.is_shown_at(at("2026-11-29 20:00")));
    }

    #[test]
    fn announcement_ending_before_it_starts_is_rejected() {
        let announcement = Announcement {
            text: Text::fr("Visites suspendues"),
            priority: Priority::Urgent,
            shown_from: at("2026-11-20 08:00"),
            shown_until: at("2026-11-19 08:00"),
        };
        assert!(announcement.validate().unwrap_err().has("shown_until", &ErrorCode::EndBeforeStart));
    }

    #[test]
    fn announcement_shown_until_beyond_the_planning_window_is_rejected() {
        let announcement = Announcement {
            text: Text::fr("Travaux"),
            priority: Priority::Normal,
            shown_from: at("2026-11-20 08:00"),
            shown_until: at("2999-11-19 08:00"),
        };
        let error = announcement.validate().unwrap_err();
        assert!(error.errors.iter().any(|e| e.field == "shown_until" && matches!(e.code, ErrorCode::DateOutOfRange { .. })), "{error:?}");
    }

    #[test]
    fn a_line_break_in_an_announcement_is_kept_but_a_control_character_is_not() {
        let mut announcement = Announcement {
            text: Text::fr("Marché de Noël\nsamedi"),
            priority: Priority::Normal,
            shown_from: at("2026-11-20 08:00"),
            shown_until: at("2026-11-29 20:00"),
        };
        assert!(announcement.validate().is_ok());
        announcement.text.fr.push('\u{7}');
        assert!(announcement.validate().unwrap_err().has("text.fr", &ErrorCode::ControlCharacter));
    }
}
