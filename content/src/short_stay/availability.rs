//! What the public and partners see of the calendar: free beds by day, free periods by bed,
//! never a person; and the partners' feed around it.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::format::day_and_month;
use crate::residence::Address;
use crate::schedule::DateRange;
use crate::text::Lang;

use super::{BedKind, Calendar, DayState, ExtraBeds};

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
