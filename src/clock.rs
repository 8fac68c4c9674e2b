//! The residence's date and time, whatever the device's time zone.

use chrono::{NaiveDate, NaiveDateTime, Utc};
use plantzette_content::schedule::residence_time;

pub fn residence_now() -> NaiveDateTime {
    residence_time(Utc::now())
}

pub fn residence_today() -> NaiveDate {
    residence_now().date()
}
