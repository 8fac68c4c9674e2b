//! What an administrator sets for each screen: its hours, idle time, language, highlight
//! pace, orientation and tiles, with their validation.

use crate::parse::Rules;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::DayHours;
use crate::error::{ContentError, ErrorCode};
use crate::text::Lang;
use crate::validate::{Limit, Validator, PLACE};

pub const SCREEN_NAME: Limit = Limit::line(60);

/// How a screen is mounted. A screen turned on its side whose computer still draws the other way
/// has its kiosk turned a quarter, so that nobody has to rotate the display in its system.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
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
}

/// A kiosk's settings, kept on the server for a paired screen (an unpaired one takes its hours
/// and idle time from its address).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
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

impl Rules for ScreenSetup {
    type Context = ();

    fn check(&self, _: ()) -> Result<(), ContentError> {
        self.validate()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hours(text: &str) -> DayHours {
        DayHours::parse(text).unwrap()
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
