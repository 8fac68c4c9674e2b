//! The residence's screens: a lobby kiosk adopted by an administrator with its pairing code, its
//! settings kept on the server, the reports it sends, and how staff see it (online, silent, out
//! of date). Also the alarm that every screen and family page shows at once.

use chrono::{NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{ContentError, ErrorCode};
use crate::format::{parse_time, time};
use crate::text::{Lang, Text};
use crate::validate::{Limit, Validator, PLACE, SUMMARY};

pub const SCREEN_NAME: Limit = Limit::line(60);
/// One error as a screen reports it; longer ones are cut, not refused (a screen cannot retype).
pub const ERROR_TEXT: usize = 300;
/// Errors in one report; more are counted but not kept.
pub const ERRORS_PER_REPORT: usize = 20;
/// A pairing code: six digits, read off the screen and typed in the editor.
pub const PAIRING_CODE_DIGITS: usize = 6;

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

impl<'de> Deserialize<'de> for DayHours {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DayHours, D::Error> {
        let text = String::deserialize(deserializer)?;
        DayHours::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("hours as HH:MM-HH:MM, not {text:?}")))
    }
}

/// How a screen is mounted. A screen turned on its side whose computer still draws the other way
/// has its kiosk turned a quarter, so that nobody has to rotate the display in its system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    /// As the window is.
    #[default]
    Auto,
    Landscape,
    Portrait,
}

impl Orientation {
    pub const ALL: [Orientation; 3] = [Orientation::Auto, Orientation::Landscape, Orientation::Portrait];

    pub fn as_str(self) -> &'static str {
        match self {
            Orientation::Auto => "auto",
            Orientation::Landscape => "landscape",
            Orientation::Portrait => "portrait",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Orientation::Auto, Lang::Fr) => "Comme l\u{2019}écran de l\u{2019}ordinateur",
            (Orientation::Auto, Lang::De) => "Wie der Bildschirm des Computers",
            (Orientation::Auto, Lang::En) => "As the computer draws it",
            (Orientation::Landscape, Lang::Fr) => "Paysage (couché)",
            (Orientation::Landscape, Lang::De) => "Querformat",
            (Orientation::Landscape, Lang::En) => "Landscape",
            (Orientation::Portrait, Lang::Fr) => "Portrait (debout)",
            (Orientation::Portrait, Lang::De) => "Hochformat",
            (Orientation::Portrait, Lang::En) => "Portrait",
        }
    }

    /// Whether a window of `width` by `height` is to be turned a quarter to show this.
    pub fn turns(self, width: f64, height: f64) -> bool {
        match self {
            Orientation::Auto => false,
            Orientation::Landscape => height > width,
            Orientation::Portrait => width > height,
        }
    }
}

/// A page a kiosk's tiles may offer (its home is always there).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tile {
    Today,
    Activities,
    Menus,
    Programmes,
    Info,
}

impl Tile {
    pub const ALL: [Tile; 5] = [Tile::Today, Tile::Activities, Tile::Menus, Tile::Programmes, Tile::Info];

    pub fn as_str(self) -> &'static str {
        match self {
            Tile::Today => "today",
            Tile::Activities => "activities",
            Tile::Menus => "menus",
            Tile::Programmes => "programmes",
            Tile::Info => "info",
        }
    }

    /// The page's name as the kiosk's tile says it.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Tile::Today, Lang::Fr) => "Programme du jour",
            (Tile::Today, Lang::De) => "Tagesprogramm",
            (Tile::Today, Lang::En) => "Today\u{2019}s programme",
            (Tile::Activities, Lang::Fr) => "La semaine",
            (Tile::Activities, Lang::De) => "Die Woche",
            (Tile::Activities, Lang::En) => "The week",
            (Tile::Menus, Lang::Fr | Lang::En) => "Menus",
            (Tile::Menus, Lang::De) => "Menüs",
            (Tile::Programmes, Lang::Fr) => "Prévention",
            (Tile::Programmes, Lang::De) => "Prävention",
            (Tile::Programmes, Lang::En) => "Prevention",
            (Tile::Info, Lang::Fr) => "Infos pratiques",
            (Tile::Info, Lang::De) => "Praktische Infos",
            (Tile::Info, Lang::En) => "Practical info",
        }
    }

    pub fn path(self) -> &'static str {
        match self {
            Tile::Today => "/",
            Tile::Activities => "/activities",
            Tile::Menus => "/menus",
            Tile::Programmes => "/programmes",
            Tile::Info => "/info",
        }
    }
}

/// A kiosk's settings, kept on the server for a paired screen (an unpaired one takes its hours
/// and idle time from its address).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreenSettings {
    pub hours: DayHours,
    /// Seconds without a touch before it goes home.
    pub idle_seconds: u32,
    /// The language it speaks until a resident chooses, and again when left alone.
    pub language: Lang,
    /// Seconds each highlight of the idle home stays.
    pub highlight_seconds: u32,
    pub orientation: Orientation,
    pub tiles: Vec<Tile>,
}

pub const IDLE_SECONDS: std::ops::RangeInclusive<u32> = 20..=600;
pub const HIGHLIGHT_SECONDS: std::ops::RangeInclusive<u32> = 5..=60;

impl Default for ScreenSettings {
    fn default() -> Self {
        ScreenSettings {
            hours: DayHours::DEFAULT,
            idle_seconds: 60,
            language: Lang::Fr,
            // Long enough to read slowly twice.
            highlight_seconds: 10,
            orientation: Orientation::Auto,
            tiles: Tile::ALL.to_vec(),
        }
    }
}

impl ScreenSettings {
    pub fn validate(&self, v: &mut Validator) {
        let range = |v: &mut Validator, name: &str, value: u32, range: &std::ops::RangeInclusive<u32>| {
            v.at(name, |v| v.check(range.contains(&value), ErrorCode::NumberOutOfRange { min: (*range.start()).into(), max: (*range.end()).into() }))
        };
        range(v, "idle_seconds", self.idle_seconds, &IDLE_SECONDS);
        range(v, "highlight_seconds", self.highlight_seconds, &HIGHLIGHT_SECONDS);
        v.at("tiles", |v| {
            v.check(!self.tiles.is_empty(), ErrorCode::Required);
            let unique = self.tiles.iter().enumerate().all(|(i, tile)| !self.tiles[..i].contains(tile));
            v.check(unique, ErrorCode::Duplicate);
        });
    }
}

/// What an administrator gives a screen: its name and place, and its settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreenSetup {
    pub name: String,
    pub place: String,
    pub settings: ScreenSettings,
}

impl ScreenSetup {
    pub fn validate(&self) -> Result<(), ContentError> {
        let mut v = Validator::default();
        v.required("name", &self.name, SCREEN_NAME);
        v.at("place", |v| v.within(&self.place, PLACE));
        v.at("settings", |v| self.settings.validate(v));
        v.finish()
    }
}

/// An administrator adopts the screen that shows `code`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adoption {
    pub code: String,
    #[serde(flatten)]
    pub setup: ScreenSetup,
}

impl Adoption {
    /// The code as typed: spaces and dashes between the digits do not matter.
    pub fn normalized_code(&self) -> String {
        self.code.chars().filter(|c| !c.is_whitespace() && *c != '-').collect()
    }

    pub fn validate(&self) -> Result<(), ContentError> {
        let code = self.normalized_code();
        let well_formed = code.len() == PAIRING_CODE_DIGITS && code.bytes().all(|b| b.is_ascii_digit());
        let mut errors = self.setup.validate().err().map_or(vec![], |e| e.errors);
        if !well_formed {
            errors.insert(0, crate::FieldError { field: "code".into(), code: ErrorCode::UnknownValue { value: self.code.clone() } });
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ContentError { errors })
        }
    }
}

/// What a screen that is not yet adopted shows, for an administrator to type in the editor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pairing {
    pub code: String,
}

/// What a screen learns of itself (`GET /api/v1/screen`): who it is, its settings, and how often
/// to report (a few times within the server's silence threshold).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThisScreen {
    pub id: i64,
    pub name: String,
    pub settings: ScreenSettings,
    pub report_every_seconds: u32,
}

/// What a screen hears when it asks who it is: `{"adopted": {…}}` or `{"waiting": {"code": …}}`.
/// Tagged outside, as serde does by default: an internally tagged enum costs the app's bundle
/// serde's buffering of unknown content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScreenAnswer {
    Adopted(ThisScreen),
    /// Not yet adopted: it shows this code.
    Waiting(Pairing),
}

/// A screen's report, every minute and on change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreenReport {
    /// The content version it last heard of; none before its first.
    pub content_version: Option<i64>,
    pub app_build: String,
    pub language: Lang,
    pub uptime_seconds: u64,
    /// Errors since its last report.
    #[serde(default)]
    pub errors: Vec<String>,
    /// The alarm it shows.
    #[serde(default)]
    pub alarm: Option<i64>,
}

impl ScreenReport {
    /// Kept as sent, but within bounds: a screen in trouble must still be heard.
    pub fn bounded(mut self) -> ScreenReport {
        cut(&mut self.app_build, 40);
        self.errors.truncate(ERRORS_PER_REPORT);
        for error in &mut self.errors {
            cut(error, ERROR_TEXT);
        }
        self
    }
}

/// `text` cut to `chars` characters (never inside one: `String::truncate` would panic there).
fn cut(text: &mut String, chars: usize) {
    if let Some((at, _)) = text.char_indices().nth(chars) {
        text.truncate(at);
    }
}

/// How staff see a screen now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

/// Whether a screen last heard at `last_report` is silent at `now` (both residence time).
pub fn screen_state(last_report: Option<NaiveDateTime>, now: NaiveDateTime, silence: chrono::Duration, hours: DayHours) -> ScreenState {
    match last_report {
        None => ScreenState::NeverSeen,
        Some(last) if now - last <= silence => ScreenState::Online,
        Some(_) if hours.contain(now.time()) => ScreenState::Silent,
        Some(_) => ScreenState::Resting,
    }
}

/// A screen as the editor lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreenStatus {
    pub id: i64,
    /// The version of its setup, which a change quotes (`If-Match`).
    pub version: i64,
    pub name: String,
    pub place: String,
    pub settings: ScreenSettings,
    pub state: ScreenState,
    /// Residence time.
    pub last_report_at: Option<NaiveDateTime>,
    pub last_report: Option<ScreenReport>,
    /// Its content is older than the server's.
    pub old_content: bool,
    /// It runs another build of the app than the server serves.
    pub old_build: bool,
    pub last_error: Option<String>,
    pub last_error_at: Option<NaiveDateTime>,
}

/// The alarm above every urgent announcement: evacuation, visits suspended at once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alarm {
    pub id: i64,
    pub message: Text,
    /// Residence time.
    pub raised_at: NaiveDateTime,
}

/// What staff send to raise an alarm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAlarm {
    pub message: Text,
}

impl NewAlarm {
    pub fn validate(&self) -> Result<(), ContentError> {
        let mut v = Validator::default();
        v.text("message", &self.message, SUMMARY);
        v.finish()
    }
}

/// The screens and the alarm, as the editor's screens page shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
    fn settings_out_of_range_or_without_tiles_are_refused_field_by_field() {
        let setup = ScreenSetup {
            name: "Hall d'entrée".into(),
            place: "Rez".into(),
            settings: ScreenSettings { idle_seconds: 5, highlight_seconds: 90, tiles: vec![], ..Default::default() },
        };
        let error = setup.validate().unwrap_err();
        assert!(error.has("settings.idle_seconds", &ErrorCode::NumberOutOfRange { min: 20, max: 600 }), "{error:?}");
        assert!(error.has("settings.highlight_seconds", &ErrorCode::NumberOutOfRange { min: 5, max: 60 }));
        assert!(error.has("settings.tiles", &ErrorCode::Required));
        let twice = ScreenSettings { tiles: vec![Tile::Menus, Tile::Menus], ..Default::default() };
        let mut v = Validator::default();
        twice.validate(&mut v);
        assert!(v.finish().unwrap_err().has("tiles", &ErrorCode::Duplicate));
    }

    #[test]
    fn a_pairing_code_is_six_digits_however_it_is_spaced() {
        let adoption = |code: &str| Adoption {
            code: code.into(),
            setup: ScreenSetup { name: "Étage 2".into(), place: String::new(), settings: ScreenSettings::default() },
        };
        assert!(adoption("482 913").validate().is_ok());
        assert_eq!(adoption("482-913").normalized_code(), "482913");
        assert!(adoption("48291").validate().unwrap_err().has("code", &ErrorCode::UnknownValue { value: "48291".into() }));
    }

    #[test]
    fn a_report_keeps_twenty_errors_of_three_hundred_characters_at_most() {
        let report = ScreenReport {
            content_version: Some(3),
            // Multi-byte characters across the cut, as a broken or hostile screen may send.
            app_build: "€".repeat(100),
            language: Lang::De,
            uptime_seconds: 60,
            errors: vec!["é".repeat(1000); 50],
            alarm: None,
        }
        .bounded();
        assert_eq!(report.errors.len(), ERRORS_PER_REPORT);
        assert_eq!(report.errors[0].chars().count(), ERROR_TEXT);
        assert_eq!(report.app_build.chars().count(), 40);
    }

    #[test]
    fn only_a_window_drawn_the_other_way_than_the_screen_is_mounted_is_turned() {
        assert!(!Orientation::Auto.turns(1920.0, 1080.0) && !Orientation::Auto.turns(1080.0, 1920.0));
        assert!(Orientation::Portrait.turns(1920.0, 1080.0) && !Orientation::Portrait.turns(1080.0, 1920.0));
        assert!(Orientation::Landscape.turns(1080.0, 1920.0) && !Orientation::Landscape.turns(1920.0, 1080.0));
    }

    #[test]
    fn settings_read_back_as_written() {
        let settings = ScreenSettings { hours: hours("06:30-22:00"), tiles: vec![Tile::Menus, Tile::Today], ..Default::default() };
        let json = serde_json::to_string(&settings).unwrap();
        assert!(json.contains(r#""hours":"06:30-22:00""#), "{json}");
        assert_eq!(serde_json::from_str::<ScreenSettings>(&json).unwrap(), settings);
        assert!(serde_json::from_str::<ScreenSettings>(&json.replace("06:30-22:00", "tôt")).is_err());
    }
}
