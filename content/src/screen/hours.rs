//! The hours a kiosk is awake, as set for each screen: the same rule for its night clock, its
//! silence and the lobby PC's display.

use chrono::NaiveTime;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::format::{parse_time, time};

/// The hours a kiosk is awake ("07:00-21:00"); outside them it rests as a dim clock, and its
/// silence is not an alarm. Equal times mean always awake; a night shift may end after midnight.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayHours {
    pub wakes: NaiveTime,
    pub sleeps: NaiveTime,
}

impl DayHours {
    pub const DEFAULT: DayHours = DayHours { wakes: NaiveTime::from_hms_opt(7, 0, 0).unwrap(), sleeps: NaiveTime::from_hms_opt(21, 0, 0).unwrap() };

    pub fn parse(text: &str) -> Option<DayHours> {
        let (wakes, sleeps) = text.split_once('-')?;
        Some(DayHours { wakes: parse_time(wakes)?, sleeps: parse_time(sleeps)? })
    }

    pub fn contain(&self, at: NaiveTime) -> bool {
        match self.wakes.cmp(&self.sleeps) {
            std::cmp::Ordering::Equal => true,
            std::cmp::Ordering::Less => self.wakes <= at && at < self.sleeps,
            std::cmp::Ordering::Greater => at >= self.wakes || at < self.sleeps,
        }
    }
}

impl std::fmt::Display for DayHours {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", time(self.wakes), time(self.sleeps))
    }
}

impl Serialize for DayHours {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl utoipa::PartialSchema for DayHours {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::schema::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some(r"^\d{2}:\d{2}-\d{2}:\d{2}$"))
            .examples(["07:00-21:00"])
            .into()
    }
}

impl utoipa::ToSchema for DayHours {}

impl<'de> Deserialize<'de> for DayHours {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DayHours, D::Error> {
        let text = String::deserialize(deserializer)?;
        DayHours::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("hours as HH:MM-HH:MM, not {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, NaiveDateTime};

    use super::*;

    fn at(hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 2).unwrap().and_hms_opt(hour, minute, 0).unwrap()
    }

    fn hours(text: &str) -> DayHours {
        DayHours::parse(text).unwrap()
    }

    #[test]
    fn day_hours_contain_their_start_not_their_end_and_may_run_past_midnight() {
        let day = hours("07:00-21:00");
        assert!(day.contain(at(7, 0).time()) && !day.contain(at(21, 0).time()) && !day.contain(at(3, 0).time()));
        let night_shift = hours("22:00-06:00");
        assert!(night_shift.contain(at(23, 0).time()) && night_shift.contain(at(5, 59).time()) && !night_shift.contain(at(12, 0).time()));
        assert!(hours("00:00-00:00").contain(at(3, 0).time()), "equal times: always awake");
        assert_eq!(hours("6:30-22:00").to_string(), "06:30-22:00");
        assert!(DayHours::parse("7h-21h").is_none());
    }
}
