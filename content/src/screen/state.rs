//! How staff see each screen: online, silent within its day hours, resting outside them, or
//! never seen; and the list the editor's screens page shows.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Alarm, DayHours, ScreenReport, ScreenSettings};
use crate::schedule::residence_time;
use crate::text::Lang;

/// How staff see a screen now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScreenState {
    /// Reported within the silence threshold.
    Online,
    /// Silent beyond the threshold within its day hours: something is wrong.
    Silent,
    /// Silent outside its day hours (the lobby PC may be off at night).
    Resting,
    /// Adopted, never heard since.
    NeverSeen,
}

impl ScreenState {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ScreenState::Online, Lang::Fr) => "En ligne",
            (ScreenState::Online, Lang::De | Lang::En) => "Online",
            (ScreenState::Silent, Lang::Fr) => "Silencieux depuis",
            (ScreenState::Silent, Lang::De) => "Stumm seit",
            (ScreenState::Silent, Lang::En) => "Silent since",
            (ScreenState::Resting, Lang::Fr) => "Hors de ses heures, silencieux depuis",
            (ScreenState::Resting, Lang::De) => "Ausserhalb seiner Zeiten, stumm seit",
            (ScreenState::Resting, Lang::En) => "Outside its hours, silent since",
            (ScreenState::NeverSeen, Lang::Fr) => "Pas encore connecté",
            (ScreenState::NeverSeen, Lang::De) => "Noch nie verbunden",
            (ScreenState::NeverSeen, Lang::En) => "Not connected yet",
        }
    }
}

/// Whether a screen last heard at `last_report` is silent at `now`. Instants, not wall-clock
/// times: an hour of silence across the autumn clock change is an hour. Only the day hours are
/// read on the residence's clock.
pub fn screen_state(last_report: Option<DateTime<Utc>>, now: DateTime<Utc>, silence: chrono::Duration, hours: DayHours) -> ScreenState {
    match last_report {
        None => ScreenState::NeverSeen,
        Some(last) if now - last <= silence => ScreenState::Online,
        Some(_) if hours.contain(residence_time(now).time()) => ScreenState::Silent,
        Some(_) => ScreenState::Resting,
    }
}

/// A screen as the editor lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ScreenStatus {
    pub id: i64,
    /// The version of its setup, which a change quotes (`If-Match`).
    pub version: i64,
    pub name: String,
    pub place: String,
    pub settings: ScreenSettings,
    pub state: ScreenState,
    /// Residence time.
    #[schema(value_type = Option<crate::schema::LocalDateTime>)]
    pub last_report_at: Option<NaiveDateTime>,
    pub last_report: Option<ScreenReport>,
    /// Its content is older than the server's.
    pub old_content: bool,
    /// It runs another build of the app than the server serves.
    pub old_build: bool,
    pub last_error: Option<String>,
    #[schema(value_type = Option<crate::schema::LocalDateTime>)]
    pub last_error_at: Option<NaiveDateTime>,
}

/// The screens and the alarm, as the editor's screens page shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Screens {
    pub screens: Vec<ScreenStatus>,
    pub alarm: Option<Alarm>,
}

impl Screens {
    /// The screens whose last report does not yet confirm the alarm on (none without one).
    pub fn not_showing_alarm(&self) -> impl Iterator<Item = &ScreenStatus> {
        let alarm = self.alarm.as_ref().map(|alarm| alarm.id);
        self.screens.iter().filter(move |screen| alarm.is_some() && screen.last_report.as_ref().and_then(|report| report.alarm) != alarm)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate};

    use super::*;
    use crate::schedule::residence_instant;

    fn at(hour: u32, minute: u32) -> DateTime<Utc> {
        residence_instant(NaiveDate::from_ymd_opt(2026, 12, 2).unwrap().and_hms_opt(hour, minute, 0).unwrap())
    }

    #[test]
    fn a_screen_silent_beyond_the_threshold_is_flagged_only_within_its_day_hours() {
        let silence = Duration::minutes(3);
        let day = DayHours::DEFAULT;
        assert_eq!(screen_state(Some(at(10, 0)), at(10, 3), silence, day), ScreenState::Online);
        assert_eq!(screen_state(Some(at(10, 0)), at(10, 4), silence, day), ScreenState::Silent);
        assert_eq!(screen_state(Some(at(20, 0)), at(22, 0), silence, day), ScreenState::Resting);
        assert_eq!(screen_state(None, at(10, 0), silence, day), ScreenState::NeverSeen);
    }

    #[test]
    fn a_silence_across_the_autumn_clock_change_is_as_long_as_it_lasted() {
        // 25 October 2026: 03:00 summer time is 02:00 winter time. Heard at 02:30 summer time,
        // looked at 02:50 winter time: 80 minutes, though the wall clock says 20.
        let heard = "2026-10-25T00:30:00Z".parse::<DateTime<Utc>>().unwrap();
        let now = "2026-10-25T01:50:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(residence_time(now) - residence_time(heard), Duration::minutes(20));
        let always = DayHours::parse("00:00-00:00").unwrap();
        assert_eq!(screen_state(Some(heard), now, Duration::minutes(30), always), ScreenState::Silent);
    }
}
