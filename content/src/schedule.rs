//! Dates and times of the residence: its time zone, weeks (Monday to Sunday), date ranges as asked
//! for in queries, and the conversion of local times to instants across daylight-saving changes.

use chrono::{DateTime, Datelike, Duration, IsoWeek, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::validate::{FIRST_DATE, LAST_DATE};

/// The residence is in Sierre: every time in the contract is local time there.
pub const RESIDENCE_TZ: Tz = chrono_tz::Europe::Zurich;
pub const RESIDENCE_TZ_NAME: &str = "Europe/Zurich";

/// The longest range one query may ask for, to keep recurrence expansion bounded.
pub const MAX_RANGE_DAYS: i64 = 366;

/// The residence's wall-clock time at an instant.
pub fn residence_time(instant: DateTime<Utc>) -> NaiveDateTime {
    instant.with_timezone(&RESIDENCE_TZ).naive_local()
}

/// The residence's wall-clock time now, wherever this runs (a phone in New York included).
pub fn residence_now() -> NaiveDateTime {
    residence_time(Utc::now())
}

/// The instant of a residence wall-clock time. A time skipped by the spring change (02:30 on the
/// last Sunday of March) is read as the same time one hour later; a time repeated in autumn is
/// read as its first occurrence.
pub fn residence_instant(local: NaiveDateTime) -> DateTime<Utc> {
    match RESIDENCE_TZ.from_local_datetime(&local) {
        LocalResult::Single(time) | LocalResult::Ambiguous(time, _) => time.with_timezone(&Utc),
        LocalResult::None => residence_instant(local + Duration::hours(1)),
    }
}

/// An inclusive range of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    #[error("`{field}` is not a date of the form YYYY-MM-DD: `{value}`")]
    Malformed { field: &'static str, value: String },
    #[error("`{field}` ({date}) lies outside the dates the residence's content can have, {FIRST_DATE} to {LAST_DATE}")]
    OutOfRange { field: &'static str, date: NaiveDate },
    #[error("`from` ({from}) comes after `to` ({to})")]
    Reversed { from: NaiveDate, to: NaiveDate },
    #[error("the range spans {days} days; at most {MAX_RANGE_DAYS} may be asked for at once")]
    TooLong { days: i64 },
}

impl DateRange {
    pub fn day(date: NaiveDate) -> Self {
        DateRange { from: date, to: date }
    }

    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Self, RangeError> {
        if from > to {
            return Err(RangeError::Reversed { from, to });
        }
        let days = (to - from).num_days() + 1;
        if days > MAX_RANGE_DAYS {
            return Err(RangeError::TooLong { days });
        }
        Ok(DateRange { from, to })
    }

    /// Reads the `from` and `to` of a query; a missing bound is taken from `default`.
    pub fn from_query(from: Option<&str>, to: Option<&str>, default: DateRange) -> Result<Self, RangeError> {
        let parse = |field: &'static str, value: Option<&str>, fallback: NaiveDate| match value {
            None | Some("") => Ok(fallback),
            Some(text) => parse_query_date(field, text),
        };
        let from_date = parse("from", from, default.from)?;
        // A lone `from` asks for the same length of time as the default, starting there.
        let to_fallback = if from.is_some() && to.is_none() { from_date + (default.to - default.from) } else { default.to };
        DateRange::new(from_date, parse("to", to, to_fallback)?)
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        (self.from..=self.to).contains(&date)
    }

    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    pub fn days(&self) -> impl Iterator<Item = NaiveDate> {
        let to = self.to;
        self.from.iter_days().take_while(move |day| *day <= to)
    }
}

/// A date named by an address (`?date=2026-12-03`), within the contract's dates: every week and
/// range computed from it then stays far from the calendar's ends.
pub fn parse_query_date(field: &'static str, text: &str) -> Result<NaiveDate, RangeError> {
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| RangeError::Malformed { field, value: text.chars().take(40).collect() })?;
    if !(FIRST_DATE..=LAST_DATE).contains(&date) {
        return Err(RangeError::OutOfRange { field, date });
    }
    Ok(date)
}

/// A week of the residence, Monday to Sunday, as in Swiss calendars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
pub struct Week {
    monday: NaiveDate,
}

impl Week {
    pub fn containing(date: NaiveDate) -> Self {
        Week { monday: date - Duration::days(date.weekday().num_days_from_monday().into()) }
    }

    pub fn monday(&self) -> NaiveDate {
        self.monday
    }

    pub fn sunday(&self) -> NaiveDate {
        self.monday + Duration::days(6)
    }

    pub fn next(&self) -> Self {
        Week { monday: self.monday + Duration::days(7) }
    }

    pub fn previous(&self) -> Self {
        Week { monday: self.monday - Duration::days(7) }
    }

    pub fn iso_week(&self) -> IsoWeek {
        self.monday.iso_week()
    }

    pub fn range(&self) -> DateRange {
        DateRange { from: self.monday, to: self.sunday() }
    }

    pub fn day(&self, weekday: Weekday) -> NaiveDate {
        self.monday + Duration::days(weekday.num_days_from_monday().into())
    }
}

/// The season a day falls in, as an orientation board names it (astronomical seasons, their
/// first days as they fall in Switzerland this century: 20 March, 21 June, 22 September and
/// 21 December, a day either way in some years).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    pub fn of(date: NaiveDate) -> Season {
        match (date.month(), date.day()) {
            (3, 20..) | (4..=5, _) | (6, ..=20) => Season::Spring,
            (6, 21..) | (7..=8, _) | (9, ..=21) => Season::Summer,
            (9, 22..) | (10..=11, _) | (12, ..=20) => Season::Autumn,
            _ => Season::Winter,
        }
    }

    pub fn label(self, lang: crate::text::Lang) -> &'static str {
        use crate::text::Lang::*;
        match (self, lang) {
            (Season::Spring, Fr) => "printemps",
            (Season::Spring, De) => "Frühling",
            (Season::Spring, En) => "spring",
            (Season::Summer, Fr) => "été",
            (Season::Summer, De) => "Sommer",
            (Season::Summer, En) => "summer",
            (Season::Autumn, Fr) => "automne",
            (Season::Autumn, De) => "Herbst",
            (Season::Autumn, En) => "autumn",
            (Season::Winter, Fr) => "hiver",
            (Season::Winter, De) => "Winter",
            (Season::Winter, En) => "winter",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_day_has_its_season() {
        let season = |text: &str| Season::of(text.parse().unwrap());
        assert_eq!(season("2026-12-01"), Season::Autumn);
        assert_eq!(season("2026-12-21"), Season::Winter);
        assert_eq!(season("2027-03-19"), Season::Winter);
        assert_eq!(season("2027-03-20"), Season::Spring);
        assert_eq!(season("2027-06-21"), Season::Summer);
        assert_eq!(season("2027-09-22"), Season::Autumn);
        assert_eq!(Season::Winter.label(crate::text::Lang::De), "Winter");
    }
    use chrono::NaiveTime;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn local(date_text: &str, time: &str) -> NaiveDateTime {
        date(date_text).and_time(time.parse::<NaiveTime>().unwrap())
    }

    #[test]
    fn week_runs_from_monday_to_sunday() {
        let week = Week::containing(date("2026-11-22")); // a Sunday
        assert_eq!(week.monday(), date("2026-11-16"));
        assert_eq!(week.sunday(), date("2026-11-22"));
        assert_eq!(Week::containing(date("2026-11-23")).monday(), date("2026-11-23"));
    }

    #[test]
    fn week_across_new_year_keeps_its_iso_number() {
        let week = Week::containing(date("2027-01-01"));
        assert_eq!(week.monday(), date("2026-12-28"));
        assert_eq!(week.iso_week().week(), 53);
        assert_eq!(week.next().iso_week().week(), 1);
    }

    #[test]
    fn week_containing_a_dst_change_has_seven_days() {
        // Summer time ends on Sunday 2026-10-25 in Zurich.
        let week = Week::containing(date("2026-10-25"));
        assert_eq!(week.range().days().count(), 7);
        assert_eq!(week.previous().next(), week);
    }

    #[test]
    fn residence_time_follows_summer_and_winter_offsets() {
        let summer = "2026-07-01T08:00:00Z".parse::<DateTime<Utc>>().unwrap();
        let winter = "2026-12-01T08:00:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(residence_time(summer), local("2026-07-01", "10:00"));
        assert_eq!(residence_time(winter), local("2026-12-01", "09:00"));
    }

    #[test]
    fn time_skipped_in_spring_is_read_one_hour_later() {
        // 2027-03-28 02:30 does not exist in Zurich: clocks jump from 02:00 to 03:00.
        let instant = residence_instant(local("2027-03-28", "02:30"));
        assert_eq!(instant, "2027-03-28T01:30:00Z".parse::<DateTime<Utc>>().unwrap());
    }

    #[test]
    fn time_repeated_in_autumn_is_read_as_its_first_occurrence() {
        // 2026-10-25 02:30 happens twice; the first is still summer time (UTC+2).
        let instant = residence_instant(local("2026-10-25", "02:30"));
        assert_eq!(instant, "2026-10-25T00:30:00Z".parse::<DateTime<Utc>>().unwrap());
    }

    #[test]
    fn query_range_defaults_to_the_given_week() {
        let week = Week::containing(date("2026-11-25")).range();
        assert_eq!(DateRange::from_query(None, None, week), Ok(week));
    }

    #[test]
    fn query_range_with_only_from_keeps_the_default_length() {
        let week = Week::containing(date("2026-11-25")).range();
        let range = DateRange::from_query(Some("2026-12-07"), None, week).unwrap();
        assert_eq!(range, DateRange { from: date("2026-12-07"), to: date("2026-12-13") });
    }

    #[test]
    fn reversed_query_range_is_rejected() {
        let week = Week::containing(date("2026-11-25")).range();
        let error = DateRange::from_query(Some("2026-12-10"), Some("2026-12-01"), week).unwrap_err();
        assert!(matches!(error, RangeError::Reversed { .. }));
    }

    #[test]
    fn malformed_query_date_names_its_field() {
        let week = Week::containing(date("2026-11-25")).range();
        let error = DateRange::from_query(Some("2026-11-01"), Some("next tuesday"), week).unwrap_err();
        assert_eq!(error, RangeError::Malformed { field: "to", value: "next tuesday".into() });
        assert!(DateRange::from_query(Some("2026-02-30"), None, week).is_err());
    }

    #[test]
    fn query_dates_far_from_the_contract_s_are_refused_not_computed() {
        let week = Week::containing(date("2026-11-25")).range();
        for far in ["+262142-12-31", "-262143-01-01", "2019-12-31", "2100-01-01"] {
            let error = DateRange::from_query(Some(far), None, week).unwrap_err();
            assert!(matches!(error, RangeError::OutOfRange { field: "from", .. } | RangeError::Malformed { field: "from", .. }), "{far}: {error:?}");
        }
        assert!(matches!(parse_query_date("date", "2100-01-01"), Err(RangeError::OutOfRange { field: "date", .. })));
        assert_eq!(parse_query_date("date", "2099-12-31"), Ok(LAST_DATE));
        assert!(DateRange::from_query(Some("2099-12-31"), None, week).is_ok(), "the last day's week is computed");
    }

    #[test]
    fn overlong_query_range_is_rejected() {
        let week = Week::containing(date("2026-11-25")).range();
        assert!(matches!(DateRange::from_query(Some("2026-01-01"), Some("2027-06-01"), week), Err(RangeError::TooLong { .. })));
    }
}
