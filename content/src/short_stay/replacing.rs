//! A booking is never overwritten unseen: the editor asks before a range of days replaces a
//! reservation, and the server refuses a change that would replace one staff were not shown.

use chrono::{Duration, NaiveDate};

use crate::error::{ContentError, ErrorCode};

use super::{BedDay, DayState, DaysChange};

/// Consecutive days reserved under the same initials: one booking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booking {
    pub note: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DaysChange {
    /// The reserved days among `days` (one bed's) that this change would alter: set free or
    /// closed, or reserved under other initials.
    pub fn days_replaced<'a>(&self, days: &'a [BedDay]) -> Vec<&'a BedDay> {
        let kept = |day: &BedDay| self.state == DayState::Reserved && day.note == self.note.trim();
        days.iter().filter(|day| (self.from..=self.to).contains(&day.date) && day.state == DayState::Reserved && !kept(day)).collect()
    }

    /// The bookings this change would replace, to ask about before it is sent.
    pub fn bookings_replaced(&self, days: &[BedDay]) -> Vec<Booking> {
        bookings(self.days_replaced(days))
    }

    /// Refused when it would replace a reserved day that is not in `replacing`.
    pub fn check_replacing(&self, days: &[BedDay]) -> Result<(), ContentError> {
        let unseen: Vec<&BedDay> = self.days_replaced(days).into_iter().filter(|day| !self.replacing.contains(&day.date)).collect();
        if unseen.is_empty() {
            return Ok(());
        }
        let bookings = bookings(unseen).iter().map(Booking::in_short).collect::<Vec<_>>().join(", ");
        Err(ContentError::single("from", ErrorCode::ReplacesBooking { bookings }))
    }
}

impl Booking {
    /// "M.B. 14.12. – 18.12.", "M.B. 14.12." (the Swiss short date, the same in every language).
    pub fn in_short(&self) -> String {
        let short_date = |date: NaiveDate| date.format("%d.%m.").to_string();
        let who = if self.note.is_empty() { "–" } else { self.note.as_str() };
        if self.from == self.to {
            format!("{who} {}", short_date(self.from))
        } else {
            format!("{who} {} \u{2013} {}", short_date(self.from), short_date(self.to))
        }
    }
}

/// Groups reserved days (in date order) into bookings.
fn bookings<'a>(days: impl IntoIterator<Item = &'a BedDay>) -> Vec<Booking> {
    let mut found: Vec<Booking> = Vec::new();
    for day in days {
        match found.last_mut() {
            Some(last) if last.note == day.note && last.to + Duration::days(1) == day.date => last.to = day.date,
            _ => found.push(Booking { note: day.note.clone(), from: day.date, to: day.date }),
        }
    }
    found
}
