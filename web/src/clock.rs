//! The residence's date and time, whatever the device's time zone.

use chrono::{NaiveDate, Offset, TimeZone, Utc};
pub use plantzette_content::schedule::residence_now;
use plantzette_content::schedule::RESIDENCE_TZ;

pub fn residence_today() -> NaiveDate {
    residence_now().date()
}

/// Whether the device's clock reads as the residence's: when not (a daughter in New York), the
/// app says that its times are Swiss times.
pub fn device_in_residence_zone() -> bool {
    let now = Utc::now();
    let residence_offset_minutes = RESIDENCE_TZ.offset_from_utc_datetime(&now.naive_utc()).fix().local_minus_utc() / 60;
    // JavaScript gives the device's offset in minutes *behind* UTC.
    let device_offset_minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    device_offset_minutes == residence_offset_minutes
}
