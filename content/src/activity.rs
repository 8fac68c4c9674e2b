//! Activities of the residence, their weekly recurrence, and their expansion into the occurrences
//! that a day or a week shows.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ErrorCode;
use crate::item::{Content, Item};
use crate::schedule::DateRange;
use crate::sign_up::Places;
use crate::text::{Lang, Text};
use crate::validate::{Validator, PLACE, SUMMARY, TITLE};

/// A weekly recurrence may run at most this long; planning further ahead is a typo.
pub const MAX_RECURRENCE_DAYS: i64 = 2 * 366;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Movement,
    Music,
    Memory,
    Worship,
    Outing,
    Creative,
    Social,
}

impl Category {
    pub const ALL: [Category; 7] =
        [Category::Movement, Category::Music, Category::Memory, Category::Worship, Category::Outing, Category::Creative, Category::Social];

    /// The name as it stands in URLs and JSON: `movement`, `music`…
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Movement => "movement",
            Category::Music => "music",
            Category::Memory => "memory",
            Category::Worship => "worship",
            Category::Outing => "outing",
            Category::Creative => "creative",
            Category::Social => "social",
        }
    }

    pub fn parse(name: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|category| category.as_str() == name)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        use Category::*;
        match (self, lang) {
            (Movement, Lang::Fr) => "Mouvement",
            (Movement, Lang::De) => "Bewegung",
            (Movement, Lang::En) => "Movement",
            (Music, Lang::Fr) => "Musique",
            (Music, Lang::De) => "Musik",
            (Music, Lang::En) => "Music",
            (Memory, Lang::Fr) => "Mémoire",
            (Memory, Lang::De) => "Gedächtnis",
            (Memory, Lang::En) => "Memory",
            (Worship, Lang::Fr) => "Culte",
            (Worship, Lang::De) => "Gottesdienst",
            (Worship, Lang::En) => "Worship",
            (Outing, Lang::Fr) => "Sortie",
            (Outing, Lang::De) => "Ausflug",
            (Outing, Lang::En) => "Outing",
            (Creative, Lang::Fr) => "Création",
            (Creative, Lang::De) => "Gestalten",
            (Creative, Lang::En) => "Creative",
            (Social, Lang::Fr) => "Rencontre",
            (Social, Lang::De) => "Begegnung",
            (Social, Lang::En) => "Social",
        }
    }
}

/// What an activity is, the same for each of its occurrences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ActivityInfo {
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    pub place: Text,
    pub category: Category,
    pub registration_required: bool,
    pub wheelchair_accessible: bool,
    /// Signing up on line for each occurrence, when registration is required; `None`: at the
    /// reception only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub places: Option<Places>,
}

/// Repeats an activity every week on the given days, up to and including `until`. The first
/// date is one of those days, as RFC 5545 calendars require of a recurrence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Recurrence {
    #[schema(value_type = Vec<crate::schema::Weekday>)]
    pub weekdays: Vec<Weekday>,
    pub until: NaiveDate,
    /// Days on which this occurrence is cancelled while the series goes on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<NaiveDate>,
}

/// An activity as planned: once, or weekly from its first date. Times are residence local time,
/// so a weekly 10:00 stays at 10:00 across daylight-saving changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Activity {
    #[serde(flatten)]
    pub info: ActivityInfo,
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub starts_at: NaiveDateTime,
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub ends_at: NaiveDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<Recurrence>,
    /// The whole activity (every occurrence) is cancelled.
    #[serde(default)]
    pub cancelled: bool,
}

/// One dated occurrence of an activity, as the day and week views show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Occurrence {
    pub activity_id: i64,
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub starts_at: NaiveDateTime,
    #[schema(value_type = crate::schema::LocalDateTime)]
    pub ends_at: NaiveDateTime,
    pub cancelled: bool,
    pub recurring: bool,
    #[serde(flatten)]
    pub info: ActivityInfo,
}

/// Where an occurrence stands relative to the residence's current time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timing {
    Past,
    Now,
    Upcoming,
}

impl Occurrence {
    pub fn timing(&self, now: NaiveDateTime) -> Timing {
        if now < self.starts_at {
            Timing::Upcoming
        } else if now < self.ends_at {
            Timing::Now
        } else {
            Timing::Past
        }
    }
}

/// The index of the first occurrence of today not yet begun and not cancelled: what comes next.
/// A later day's first activity is not "next": in a week's list, only today's is.
pub fn next_occurrence(occurrences: &[Occurrence], now: NaiveDateTime) -> Option<usize> {
    occurrences.iter().position(|o| !o.cancelled && o.starts_at.date() == now.date() && o.timing(now) == Timing::Upcoming)
}

impl Activity {
    /// The days on which this activity takes place, cancelled ones included.
    fn dates_in(&self, range: DateRange) -> Vec<NaiveDate> {
        let first = self.starts_at.date();
        match &self.recurrence {
            None => range.contains(first).then_some(first).into_iter().collect(),
            Some(recurrence) => match DateRange::new(range.from.max(first), range.to.min(recurrence.until)) {
                Ok(span) => span.days().filter(|day| recurrence.weekdays.contains(&day.weekday())).collect(),
                Err(_) => Vec::new(),
            },
        }
    }
}

impl Item<Activity> {
    /// Expands this activity into its occurrences within `range`, in order.
    pub fn occurrences(&self, range: DateRange) -> Vec<Occurrence> {
        let activity = &self.content;
        let duration = activity.ends_at - activity.starts_at;
        activity
            .dates_in(range)
            .into_iter()
            .map(|day| {
                let starts_at = day.and_time(activity.starts_at.time());
                let excepted = activity.recurrence.as_ref().is_some_and(|r| r.except.contains(&day));
                Occurrence {
                    activity_id: self.id,
                    starts_at,
                    ends_at: starts_at + duration,
                    cancelled: activity.cancelled || excepted,
                    recurring: activity.recurrence.is_some(),
                    info: activity.info.clone(),
                }
            })
            .collect()
    }
}

/// Every occurrence of these activities within `range`, sorted by start time.
pub fn occurrences_in<'a>(activities: impl IntoIterator<Item = &'a Item<Activity>>, range: DateRange) -> Vec<Occurrence> {
    let mut occurrences: Vec<Occurrence> = activities.into_iter().flat_map(|a| a.occurrences(range)).collect();
    occurrences.sort_by_key(|o| (o.starts_at, o.activity_id));
    occurrences
}

impl Content for Activity {
    const COLLECTION: &'static str = "activities";

    fn check(&self, v: &mut Validator) {
        v.text("title", &self.info.title, TITLE);
        v.optional_text("description", self.info.description.as_ref(), SUMMARY);
        v.text("place", &self.info.place, PLACE);
        v.date("starts_at", self.starts_at.date());
        v.at("ends_at", |v| {
            v.check(self.ends_at > self.starts_at, ErrorCode::EndBeforeStart);
            // Occurrences are whole within one day, which recurrence and day views rely on.
            v.check(
                self.ends_at.date() == self.starts_at.date() || self.ends_at <= self.starts_at,
                ErrorCode::DateOutOfRange { min: self.starts_at.date().to_string(), max: self.starts_at.date().to_string() },
            );
        });
        if let Some(recurrence) = &self.recurrence {
            v.at("recurrence", |v| check_recurrence(recurrence, self.starts_at.date(), v));
        }
        if let Some(places) = &self.info.places {
            v.at("places", |v| places.check(v));
        }
    }

    fn last_day_field(&self) -> &'static str {
        if self.recurrence.is_some() {
            "recurrence.until"
        } else {
            "starts_at"
        }
    }

    fn span(&self) -> Option<DateRange> {
        let first = self.starts_at.date();
        let last = self.recurrence.as_ref().map_or(first, |r| r.until.max(first));
        Some(DateRange { from: first, to: last })
    }
}

fn check_recurrence(recurrence: &Recurrence, first: NaiveDate, v: &mut Validator) {
    v.at("weekdays", |v| {
        v.check(!recurrence.weekdays.is_empty(), ErrorCode::Required);
        if !recurrence.weekdays.is_empty() && !recurrence.weekdays.contains(&first.weekday()) {
            v.fail(ErrorCode::UnknownValue { value: format!("{:?}", first.weekday()) });
        }
        for (index, day) in recurrence.weekdays.iter().enumerate() {
            if recurrence.weekdays[..index].contains(day) {
                v.at(format!("[{index}]"), |v| v.fail(ErrorCode::Duplicate));
            }
        }
    });
    let last = (first + Duration::days(MAX_RECURRENCE_DAYS)).min(crate::validate::LAST_DATE);
    v.at("until", |v| {
        v.check((first..=last).contains(&recurrence.until), ErrorCode::DateOutOfRange { min: first.to_string(), max: last.to_string() })
    });
    v.at("except", |v| {
        for (index, day) in recurrence.except.iter().enumerate() {
            v.at(format!("[{index}]"), |v| {
                v.check(
                    (first..=recurrence.until).contains(day),
                    ErrorCode::DateOutOfRange { min: first.to_string(), max: recurrence.until.to_string() },
                )
            });
        }
    });
}

#[cfg(test)]
mod tests;
